// Reading a whole file in one go, with the reason when it cannot be read.
#pragma once

#include <string>
#include <variant>

namespace centric {

struct FileContent {
  std::string bytes;
};

// Why a file or stream larger than `max_bytes` is refused.
std::string too_large_message(std::size_t max_bytes);

// The file's bytes, or why it could not be read ("No such file or directory", "is a
// directory", ...). A file larger than `max_bytes` is refused without being read.
std::variant<FileContent, std::string> read_file(const std::string& path, std::size_t max_bytes);

}  // namespace centric
