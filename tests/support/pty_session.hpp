// Runs the centric binary on a real pseudo-terminal and talks to it as a person at the
// keyboard would: keys go in through the master side, what the program draws comes out of
// it. The child gets the terminal as its controlling terminal (its own session), with
// standard input, output and error all on it. Every wait is bounded: a program that does
// not answer fails the test instead of hanging it.
#pragma once

#include <sys/types.h>
#include <termios.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace centric::test {

struct PtyOptions {
  unsigned short columns = 80;
  unsigned short rows = 24;
  std::string working_directory;           // empty: the test's own
  std::map<std::string, std::string> env;  // added to (or replacing in) the environment
  std::vector<std::string> unset_env;      // removed from the environment
  // TERM is xterm and NO_COLOR and COLUMNS are unset unless `env` says otherwise.
};

class PtySession {
 public:
  using Timeout = std::chrono::milliseconds;
  static constexpr Timeout default_timeout{10000};

  // Starts the centric binary under test with `args`.
  explicit PtySession(const std::vector<std::string>& args, PtyOptions options = {});
  ~PtySession();  // kills the child if it is still running
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  // Writes `bytes` to the terminal, as typed (all in one write).
  void send(const std::string& bytes);
  // Reads the terminal until the output after the last match contains `text`; fails the
  // test, showing what was seen, when it does not within `timeout`. Returns the output from
  // the previous match's end up to and including this one, and moves past it.
  std::string expect(const std::string& text, Timeout timeout = default_timeout);
  // Like expect, but says whether `text` came instead of failing the test.
  bool wait_for(const std::string& text, Timeout timeout = default_timeout);
  // Sends `sig` to the child.
  void signal(int sig);
  // Changes the window size (the child gets SIGWINCH).
  void resize(unsigned short columns, unsigned short rows);
  // Waits for the child to end, reading what it prints meanwhile; its exit code, 128 + the
  // signal number when a signal killed it. Fails the test (and kills the child) when it does
  // not end within `timeout`.
  int wait_exit(Timeout timeout = default_timeout);
  // Closes the master side: the terminal is gone (the child is hung up).
  void close_master();

  // Everything read from the terminal so far, exactly as sent ("\r\n" line ends).
  const std::string& output() const { return output_; }
  // Where the next expect starts searching.
  std::size_t cursor() const { return cursor_; }
  // Reads whatever is available without waiting longer than `quiet` for more.
  void drain(Timeout quiet = Timeout{100});

  // The terminal's modes now (read through a slave descriptor the test keeps open), and as
  // they were before the child started.
  termios terminal_modes() const;
  const termios& initial_modes() const { return initial_modes_; }

  pid_t pid() const { return pid_; }
  bool running() const { return running_; }

 private:
  bool read_some(Timeout timeout);  // false when nothing came within `timeout`
  std::string seen() const;         // the output's tail, escaped, for failure messages
  void reap(int status);

  int master_ = -1;
  int slave_ = -1;
  pid_t pid_ = -1;
  bool running_ = false;
  int exit_code_ = -1;
  termios initial_modes_{};
  std::string output_;
  std::size_t cursor_ = 0;
};

// Text as shown, without escape sequences (CSI, OSC and two-byte ones) and with "\r\n"
// turned into "\n"; other carriage returns are dropped.
std::string strip_terminal_codes(const std::string& text);

// The screen drawn last in `text`: what follows the last "clear screen" (ESC [ 2 J), or all
// of it when there is none.
std::string last_screen(const std::string& text);

// `text` with control characters written visibly (\x1b as "\e", \r as "\r"), for messages.
std::string visible(const std::string& text);

}  // namespace centric::test
