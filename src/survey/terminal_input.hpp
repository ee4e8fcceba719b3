// The survey's side of the terminal: keys and lines from standard input, raw mode only
// while a key is read, and the signals that must end a survey with its answers saved.
// Signal handlers only set flags; everything else happens in ordinary code.
#pragma once

#include <termios.h>

#include <optional>
#include <string>

namespace centric::survey_terminal {

// Installs the handlers for SIGINT, SIGTERM, SIGHUP (stop) and SIGWINCH (redraw), without
// SA_RESTART. Input waits for input with the flags looked at under blocked signals and the
// wait itself in pselect(), so a signal that comes at any moment (also while a screen is
// drawn) ends the wait: none is noticed only at the next key.
void install_signal_handlers();
// The signal that asked to stop (SIGINT, SIGTERM, SIGHUP), or 0.
int stop_signal();
// Whether the window changed size since the last call (Input's reads call it: a change is
// reported once, as Status::resized).
bool take_resize();

class Input {
 public:
  explicit Input(int fd);
  ~Input();  // restores the terminal if a raw read was interrupted by an exception
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  bool is_terminal() const { return terminal_; }

  enum class Status { ok, stop, resized, closed };
  // One keypress (an escape sequence or a UTF-8 character counts as one), read in raw mode.
  // Bytes typed ahead are kept for the next call: raw mode is entered and left without
  // flushing input.
  Status key(std::string& bytes);
  // One line, without its newline. At the end of input a last unterminated line is
  // returned first; then closed.
  Status line(std::string& text);

 private:
  Status fill(bool wait_briefly);
  bool enter_raw();
  void leave_raw();

  int fd_;
  bool terminal_;
  bool raw_ = false;
  termios saved_{};
  std::string buffer_;
  bool at_end_ = false;
};

}  // namespace centric::survey_terminal
