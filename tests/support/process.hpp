// Runs the real centric binary as a user would, capturing what it prints.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace centric::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::string stdin_text;
  std::string working_directory;           // empty: the test's own
  std::map<std::string, std::string> env;  // added to (or replacing in) the environment
  std::vector<std::string> unset_env;      // removed from the environment
};

// Runs `program` with `args` (not through a shell).
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const ProcessOptions& options = {});

// Runs the centric binary under test. NO_COLOR is unset and COLUMNS is 80 unless overridden.
ProcessResult run_centric(const std::vector<std::string>& args, ProcessOptions options = {});

// The path of a file in the source tree (examples/, questionnaires/, tests/data/).
std::string source_path(const std::string& relative);

// A fresh empty directory, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Writes `content` to `name` inside the directory and returns its path.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

std::string read_text_file(const std::string& path);
std::vector<std::string> list_directory(const std::string& path);

}  // namespace centric::test
