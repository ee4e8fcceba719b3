#include "centric/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace centric {
namespace {

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// So that the rename or link itself survives a power cut.
void sync_directory(const std::string& path) {
  const int dir = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

mode_t creation_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

std::optional<std::string> AtomicFile::check_destination(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return std::string("is a directory");
    if (!S_ISREG(st.st_mode)) return std::string("is not a regular file");
  }
  const std::string directory = directory_of(path);
  if (::access(directory.c_str(), W_OK) != 0) return std::string("cannot write: ") + std::strerror(errno);
  return std::nullopt;
}

std::variant<AtomicFile, std::string> AtomicFile::open(const std::string& path) {
  if (auto problem = check_destination(path)) return *problem;
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return std::string("cannot write: ") + std::strerror(errno);
  ::fchmod(fd, creation_mode());  // mkstemp makes 0600; a report is an ordinary file
  return AtomicFile(path, std::string(name.data()), fd);
}

AtomicFile::AtomicFile(std::string path, std::string temp_path, int fd)
    : path_(std::move(path)), temp_path_(std::move(temp_path)), fd_(fd) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      temp_path_(std::move(other.temp_path_)),
      fd_(other.fd_),
      write_error_(std::move(other.write_error_)) {
  other.fd_ = -1;
  other.temp_path_.clear();
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
}

void AtomicFile::write(std::string_view data) {
  while (!data.empty() && !write_error_) {
    const ssize_t written = ::write(fd_, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      write_error_ = std::string("cannot write: ") + std::strerror(errno);
      return;
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
}

std::variant<AtomicFile::Placed, std::string> AtomicFile::commit_new() {
  if (write_error_) return *write_error_;
  if (fd_ < 0) return std::string("already committed");
  if (::fsync(fd_) != 0) return std::string("cannot write: ") + std::strerror(errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return std::string("cannot write: ") + std::strerror(errno);
  // link() fails with EEXIST instead of replacing; the temporary name is then removed.
  const int linked = ::link(temp_path_.c_str(), path_.c_str());
  const int link_errno = errno;
  ::unlink(temp_path_.c_str());
  temp_path_.clear();
  if (linked != 0) {
    if (link_errno == EEXIST) return Placed::exists;
    return std::string("cannot write: ") + std::strerror(link_errno);
  }
  sync_directory(path_);
  return Placed::created;
}

std::optional<std::string> AtomicFile::commit() {
  if (write_error_) return write_error_;
  if (fd_ < 0) return std::string("already committed");
  // fsync before rename: after a power cut the file holds the old bytes or the new ones.
  if (::fsync(fd_) != 0) return std::string("cannot write: ") + std::strerror(errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return std::string("cannot write: ") + std::strerror(errno);
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) return std::string("cannot write: ") + std::strerror(errno);
  temp_path_.clear();
  sync_directory(path_);
  return std::nullopt;
}

}  // namespace centric
