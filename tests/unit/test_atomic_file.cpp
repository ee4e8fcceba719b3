#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "centric/atomic_file.hpp"

using namespace centric;
namespace fs = std::filesystem;

namespace {

struct Dir {
  fs::path path;
  Dir() {
    std::string pattern = (fs::temp_directory_path() / "centric-atomic-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~Dir() { fs::remove_all(path); }
  std::string read(const std::string& name) const {
    std::ifstream in(path / name);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {})); }
};

AtomicFile open_ok(const std::string& path) {
  auto opened = AtomicFile::open(path);
  REQUIRE(std::holds_alternative<AtomicFile>(opened));
  return std::move(std::get<AtomicFile>(opened));
}

}  // namespace

TEST_CASE("atomic file: commit replaces the file and leaves no temporary file") {
  Dir d;
  const std::string target = (d.path / "out.json").string();
  std::ofstream(target) << "old";
  AtomicFile f = open_ok(target);
  f.write("new");
  CHECK(d.read("out.json") == "old");  // nothing visible before commit
  CHECK_FALSE(f.commit().has_value());
  CHECK(d.read("out.json") == "new");
  CHECK(d.entries() == 1);
}

TEST_CASE("atomic file: without commit the target is untouched and the temporary file removed") {
  Dir d;
  const std::string target = (d.path / "out.json").string();
  {
    AtomicFile f = open_ok(target);
    f.write("lost");
  }
  CHECK_FALSE(fs::exists(target));
  CHECK(d.entries() == 0);
}

TEST_CASE("atomic file: commit_new never replaces a file that appeared meanwhile") {
  Dir d;
  const std::string target = (d.path / "answers.json").string();
  AtomicFile first = open_ok(target);
  first.write("mine");
  std::ofstream(target) << "someone else's";
  auto placed = first.commit_new();
  REQUIRE(std::holds_alternative<AtomicFile::Placed>(placed));
  CHECK(std::get<AtomicFile::Placed>(placed) == AtomicFile::Placed::exists);
  CHECK(d.read("answers.json") == "someone else's");
  CHECK(d.entries() == 1);

  const std::string other = (d.path / "answers-2.json").string();
  AtomicFile second = open_ok(other);
  second.write("mine");
  placed = second.commit_new();
  REQUIRE(std::holds_alternative<AtomicFile::Placed>(placed));
  CHECK(std::get<AtomicFile::Placed>(placed) == AtomicFile::Placed::created);
  CHECK(d.read("answers-2.json") == "mine");
  CHECK(d.entries() == 2);
}

TEST_CASE("atomic file: destinations that cannot be written are named before any work") {
  Dir d;
  CHECK(AtomicFile::check_destination((d.path / "missing" / "x.json").string()).has_value());
  CHECK(*AtomicFile::check_destination(d.path.string()) == "is a directory");
  CHECK_FALSE(AtomicFile::check_destination((d.path / "fine.json").string()).has_value());
}
