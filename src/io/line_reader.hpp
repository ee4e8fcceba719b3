// Lines of a stream, read in large chunks, for JSON Lines read in order (standard input,
// pipes, the first line of a file).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace centric {

// Reads lines in large chunks, and never holds more than one over-long line's worth of
// bytes: a multi-gigabyte file without a newline is one rejected line, not an exhausted
// memory. A line is handed out where it lies in the chunk, copied only when it spans two.
class LineReader {
 public:
  enum class Status { line, too_long, end };
  using Read = std::function<std::ptrdiff_t(char*, std::size_t)>;  // bytes read, 0 at end, < 0 on error
  LineReader(Read read, std::size_t max_line) : read_(std::move(read)), max_line_(max_line) {}

  // `line` stays valid until the next call.
  Status next(std::string_view& line) {
    line = {};
    spanning_.clear();
    bool spans = false;
    bool too_long = false;
    for (;;) {
      if (position_ == buffer_.size() && !refill()) {
        if (!pending_) return Status::end;
        return finish(line, spanning_, too_long);
      }
      pending_ = true;
      const auto newline = buffer_.find('\n', position_);
      const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
      const std::string_view part = std::string_view(buffer_).substr(position_, end - position_);
      position_ = newline == std::string::npos ? buffer_.size() : newline + 1;
      if (newline != std::string::npos && !spans) return finish(line, part, part.size() > max_line_);
      spans = true;
      if (!too_long) {
        spanning_ += part;
        if (spanning_.size() > max_line_) {
          too_long = true;
          std::string().swap(spanning_);
        }
      }
      if (newline != std::string::npos) return finish(line, spanning_, too_long);
    }
  }
  int number() const { return number_; }
  // Bytes read so far and handed out as lines (or skipped as too long).
  std::uint64_t offset() const { return buffer_offset_ + position_; }
  bool failed() const { return failed_; }
  void set_max_line(std::size_t max_line) { max_line_ = max_line; }

 private:
  Status finish(std::string_view& line, std::string_view text, bool too_long) {
    pending_ = false;
    ++number_;
    if (too_long) return Status::too_long;
    line = text;
    return Status::line;
  }

  bool refill() {
    buffer_offset_ += buffer_.size();
    // Small at first: often only the first line is read here (chunks read the rest).
    buffer_.resize(std::min(std::max(buffer_.size() * 2, std::size_t{64} << 10), std::size_t{1} << 20));
    const std::ptrdiff_t got = read_(buffer_.data(), buffer_.size());
    if (got < 0) failed_ = true;
    buffer_.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    position_ = 0;
    return !buffer_.empty();
  }

  Read read_;
  std::size_t max_line_;
  std::string buffer_;
  std::string spanning_;  // a line read over several chunks
  std::size_t position_ = 0;
  std::uint64_t buffer_offset_ = 0;  // of buffer_[0]
  int number_ = 0;
  bool pending_ = false;  // bytes of an unfinished line have been read
  bool failed_ = false;
};

}  // namespace centric
