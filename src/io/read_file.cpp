#include "io/read_file.hpp"

#include "centric/json_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace centric {

std::string too_large_message(std::size_t max_bytes) {
  return fmt::format(
      "larger than {} MiB: not a questionnaire or answers file (for many answer sets, use JSON "
      "Lines: a .jsonl file, one answer set per line)",
      max_bytes >> 20);
}

std::variant<FileContent, std::string> read_file(const std::string& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::string("cannot read: ") + std::strerror(errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return std::string("cannot read: ") + std::strerror(e);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return std::string("is a directory");
  }
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return too_large_message(max_bytes);
  }
  FileContent content;
  if (S_ISREG(st.st_mode) && st.st_size > 0) content.bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      const int e = errno;
      ::close(fd);
      return std::string("cannot read: ") + std::strerror(e);
    }
    content.bytes.append(buffer, static_cast<std::size_t>(got));
    if (content.bytes.size() > max_bytes) {
      ::close(fd);
      return too_large_message(max_bytes);
    }
  }
  ::close(fd);
  return content;
}

std::variant<std::string, Diagnostic> read_document_file(const std::string& path) {
  auto content = read_file(path, max_json_document_bytes);
  if (auto* error = std::get_if<std::string>(&content)) return Diagnostic::error(path, "", *error);
  return std::move(std::get<FileContent>(content).bytes);
}

}  // namespace centric
