// Writing a file so that readers see the old content or the new, never a mix: a
// temporary file in the same directory, flushed to disk, then renamed over the target.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace centric {

class AtomicFile {
 public:
  // Why `path` cannot be written this way, if it cannot: its directory is missing or not
  // writable, or it exists and is not a regular file (renaming over a device or a FIFO
  // would replace it). Cheap, and leaves nothing behind: for checking before long work.
  static std::optional<std::string> check_destination(const std::string& path);

  // Creates the temporary file (after check_destination).
  static std::variant<AtomicFile, std::string> open(const std::string& path);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();  // removes the temporary file unless commit() succeeded

  void write(std::string_view data);
  // Flushes, fsyncs and renames. Returns an error message on failure.
  std::optional<std::string> commit();

  // The same, but only when nothing exists at the path yet: a file created meanwhile by
  // someone else is never replaced (the temporary file is linked, not renamed, into place).
  enum class Placed { created, exists };
  std::variant<Placed, std::string> commit_new();
  const std::string& path() const { return path_; }

 private:
  AtomicFile(std::string path, std::string temp_path, int fd);
  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  std::optional<std::string> write_error_;
};

}  // namespace centric
