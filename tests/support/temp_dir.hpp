// A directory under /tmp for unit tests, removed with everything in it at the end of the
// test. (The end-to-end tests have their own, in process.hpp, next to running the binary.)
#pragma once

#include <stdlib.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

namespace centric::test {

class UnitTempDir {
 public:
  UnitTempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "centric-unit-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~UnitTempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  UnitTempDir(const UnitTempDir&) = delete;
  UnitTempDir& operator=(const UnitTempDir&) = delete;

  // Writes `bytes` to `relative` (creating folders) and returns the full path.
  std::string write(const std::string& relative, const std::string& bytes) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    REQUIRE(out.good());
    return file.string();
  }
  std::string path(const std::string& relative = "") const {
    return relative.empty() ? path_.string() : (path_ / relative).string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace centric::test
