#include "survey/terminal_input.hpp"

#include <poll.h>
#include <sys/select.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace centric::survey_terminal {
namespace {

volatile std::sig_atomic_t stop_requested = 0;
volatile std::sig_atomic_t resized = 0;

void on_stop(int signal) { stop_requested = signal; }
void on_resize(int) { resized = 1; }

void handle(int signal, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read() returns EINTR
  sigaction(signal, &action, nullptr);
}

// Bytes in one keypress starting at `s[0]`, or 0 when more bytes are needed.
std::size_t keypress_length(const std::string& s, bool more_may_come) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 == 0x1B) {
    if (s.size() == 1) return more_may_come ? 0 : 1;
    if (s[1] != '[' && s[1] != 'O') return 1;  // a lone Escape, then another key
    // CSI / SS3: parameters, then a final byte 0x40..0x7E.
    for (std::size_t i = 2; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x40 && c <= 0x7E) return i + 1;
    }
    return more_may_come ? 0 : s.size();
  }
  std::size_t length = 1;
  if ((b0 & 0xE0) == 0xC0)
    length = 2;
  else if ((b0 & 0xF0) == 0xE0)
    length = 3;
  else if ((b0 & 0xF8) == 0xF0)
    length = 4;
  if (s.size() < length) return more_may_come ? 0 : s.size();
  return length;
}

}  // namespace

void install_signal_handlers() {
  handle(SIGINT, on_stop);
  handle(SIGTERM, on_stop);
  handle(SIGHUP, on_stop);
  handle(SIGWINCH, on_resize);
}

int stop_signal() { return stop_requested; }

bool take_resize() {
  const bool was = resized != 0;
  resized = 0;
  return was;
}

Input::Input(int fd) : fd_(fd), terminal_(isatty(fd) != 0) {}

Input::~Input() { leave_raw(); }

bool Input::enter_raw() {
  if (!terminal_ || raw_) return raw_;
  if (tcgetattr(fd_, &saved_) != 0) return false;
  termios raw = saved_;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  // TCSANOW, not TCSAFLUSH: keys typed while the program was busy are kept.
  if (tcsetattr(fd_, TCSANOW, &raw) != 0) return false;
  raw_ = true;
  return true;
}

void Input::leave_raw() {
  if (!raw_) return;
  tcsetattr(fd_, TCSANOW, &saved_);
  raw_ = false;
}

Input::Status Input::fill(bool wait_briefly) {
  if (at_end_) return Status::closed;
  if (wait_briefly) {
    // The rest of an escape sequence arrives together with its start; a lone Escape
    // does not wait longer than this.
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) return Status::ok;
  }
  // The flags are looked at with the signals blocked, and pselect() unblocks them only
  // while it waits: a signal that comes after the look (while the screen is drawn, or just
  // before the wait) still ends the wait instead of being noticed only at the next key.
  sigset_t watched;
  sigemptyset(&watched);
  for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGWINCH}) sigaddset(&watched, s);
  char chunk[4096];
  for (;;) {
    sigset_t previous;
    sigprocmask(SIG_BLOCK, &watched, &previous);
    Status early = Status::ok;
    int ready = 0;
    int wait_error = 0;
    if (stop_signal() != 0) {
      early = Status::stop;
    } else if (take_resize()) {
      early = Status::resized;
    } else {
      fd_set readable;
      FD_ZERO(&readable);
      FD_SET(fd_, &readable);
      ready = pselect(fd_ + 1, &readable, nullptr, nullptr, nullptr, &previous);
      wait_error = errno;
    }
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    if (early != Status::ok) return early;
    if (ready < 0) {
      if (wait_error == EINTR) continue;  // a signal: the flags are looked at again
      at_end_ = true;
      return Status::closed;
    }
    const ssize_t got = ::read(fd_, chunk, sizeof chunk);
    if (got > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(got));
      return Status::ok;
    }
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    // End of input, or a read error: on a terminal, it was closed.
    at_end_ = true;
    return Status::closed;
  }
}

Input::Status Input::key(std::string& bytes) {
  if (stop_signal() != 0) return Status::stop;  // a signal wins over keys typed ahead
  const bool raw = enter_raw();
  Status status = Status::ok;
  for (;;) {
    if (!buffer_.empty()) {
      std::size_t length = keypress_length(buffer_, true);
      if (length == 0) {
        fill(true);
        length = keypress_length(buffer_, false);
      }
      bytes = buffer_.substr(0, length);
      buffer_.erase(0, length);
      break;
    }
    status = fill(false);
    if (status != Status::ok) break;
  }
  if (raw) leave_raw();
  return status;
}

Input::Status Input::line(std::string& text) {
  if (stop_signal() != 0) return Status::stop;
  for (;;) {
    const auto newline = buffer_.find('\n');
    if (newline != std::string::npos) {
      text = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      if (!text.empty() && text.back() == '\r') text.pop_back();
      return Status::ok;
    }
    const Status status = fill(false);
    if (status == Status::closed && !buffer_.empty()) {
      text = std::move(buffer_);
      buffer_.clear();
      return Status::ok;
    }
    if (status != Status::ok) return status;
  }
}

}  // namespace centric::survey_terminal
