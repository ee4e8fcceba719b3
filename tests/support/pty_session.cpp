#include "support/pty_session.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace centric::test {
namespace {

using Clock = std::chrono::steady_clock;

void close_on_exec(int fd) { fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC); }

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

PtySession::PtySession(const std::vector<std::string>& args, PtyOptions options) {
  master_ = posix_openpt(O_RDWR | O_NOCTTY);
  if (master_ < 0 || grantpt(master_) != 0 || unlockpt(master_) != 0)
    throw std::runtime_error("no pseudo-terminal available");
  close_on_exec(master_);
  fcntl(master_, F_SETFL, fcntl(master_, F_GETFL) | O_NONBLOCK);
  const std::string slave_name = ptsname(master_);
  // Kept open for the whole session: the terminal's modes can be read after the child has
  // ended, and its output stays readable.
  slave_ = open(slave_name.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave_ < 0) throw std::runtime_error("cannot open the pseudo-terminal " + slave_name);
  winsize ws{};
  ws.ws_col = options.columns;
  ws.ws_row = options.rows;
  ioctl(master_, TIOCSWINSZ, &ws);
  if (tcgetattr(slave_, &initial_modes_) != 0) throw std::runtime_error("tcgetattr on the pseudo-terminal failed");

  // Everything the child needs is built before fork().
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (name == "NO_COLOR" || name == "COLUMNS" || name == "LINES" || name == "TERM") continue;
    if (options.env.count(name) != 0) continue;
    if (std::find(options.unset_env.begin(), options.unset_env.end(), name) != options.unset_env.end()) continue;
    env_strings.push_back(entry);
  }
  if (options.env.count("TERM") == 0) env_strings.push_back("TERM=xterm");
  for (const auto& [name, value] : options.env) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string program = CENTRIC_BINARY;
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const char* directory = options.working_directory.empty() ? nullptr : options.working_directory.c_str();

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // The child: its own session, with the terminal as its controlling terminal.
    if (setsid() < 0) _exit(125);
    const int fd = open(slave_name.c_str(), O_RDWR | O_NOCTTY);
    if (fd < 0 || ioctl(fd, TIOCSCTTY, 0) != 0) _exit(125);
    if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) _exit(125);
    if (fd > 2) close(fd);
    // Signal dispositions and the mask are inherited through exec: start from the defaults.
    for (int sig = 1; sig < NSIG; ++sig) ::signal(sig, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (directory != nullptr && chdir(directory) != 0) _exit(126);
    execve(program.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  running_ = true;
}

PtySession::~PtySession() {
  if (running_) {
    kill(pid_, SIGKILL);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (master_ >= 0) close(master_);
  if (slave_ >= 0) close(slave_);
}

void PtySession::send(const std::string& bytes) {
  REQUIRE(master_ >= 0);
  std::size_t written = 0;
  const auto deadline = Clock::now() + default_timeout;
  while (written < bytes.size()) {
    const ssize_t n = ::write(master_, bytes.data() + written, bytes.size() - written);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EINTR && errno != EAGAIN) FAIL("cannot write to the terminal: errno " << errno);
    if (Clock::now() > deadline) FAIL("the terminal takes no more input; seen:\n" << seen());
    read_some(Timeout{10});  // let the program read (and the output drain) before writing more
  }
}

bool PtySession::read_some(Timeout timeout) {
  if (master_ < 0) {
    std::this_thread::sleep_for(std::min(timeout, Timeout{20}));
    return false;
  }
  pollfd p{master_, POLLIN, 0};
  const int ready = poll(&p, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return false;
  char buffer[4096];
  bool got_any = false;
  for (;;) {
    const ssize_t n = ::read(master_, buffer, sizeof buffer);
    if (n > 0) {
      output_.append(buffer, static_cast<std::size_t>(n));
      got_any = true;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;  // EAGAIN: nothing more now; EIO: no slave side open
  }
  if (!got_any) std::this_thread::sleep_for(std::min(timeout, Timeout{10}));  // POLLHUP without data
  return got_any;
}

void PtySession::drain(Timeout quiet) {
  while (read_some(quiet)) {
  }
}

void PtySession::reap(int status) {
  running_ = false;
  exit_code_ = exit_code_of(status);
}

bool PtySession::wait_for(const std::string& text, Timeout timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    const auto found = output_.find(text, cursor_);
    if (found != std::string::npos) return true;
    if (Clock::now() >= deadline) return false;
    if (running_) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) reap(status);
    }
    if (!running_) {
      drain(Timeout{50});  // what it printed before it ended
      return output_.find(text, cursor_) != std::string::npos;
    }
    const auto left = std::chrono::duration_cast<Timeout>(deadline - Clock::now());
    read_some(std::clamp(left, Timeout{1}, Timeout{50}));
  }
}

std::string PtySession::expect(const std::string& text, Timeout timeout) {
  if (!wait_for(text, timeout)) {
    FAIL("the terminal did not show \"" << visible(text) << "\" within " << timeout.count() << " ms"
                                        << (running_ ? ""
                                                     : " (the program ended, exit " + std::to_string(exit_code_) + ")")
                                        << "; after the last match it showed:\n"
                                        << visible(output_.substr(std::min(cursor_, output_.size())).substr(0, 4000))
                                        << "\n--- all of it (tail) ---\n"
                                        << seen());
  }
  const std::size_t end = output_.find(text, cursor_) + text.size();
  std::string chunk = output_.substr(cursor_, end - cursor_);
  cursor_ = end;
  return chunk;
}

void PtySession::signal(int sig) {
  REQUIRE(running_);
  kill(pid_, sig);
}

void PtySession::resize(unsigned short columns, unsigned short rows) {
  REQUIRE(master_ >= 0);
  winsize ws{};
  ws.ws_col = columns;
  ws.ws_row = rows;
  // The kernel sends SIGWINCH to the terminal's foreground process group: the child, which
  // leads its session. (Not sent again by hand: two signals may mean two redraws, and a
  // test could no longer tell which screen came from which resize.)
  REQUIRE(ioctl(master_, TIOCSWINSZ, &ws) == 0);
}

int PtySession::wait_exit(Timeout timeout) {
  const auto deadline = Clock::now() + timeout;
  while (running_) {
    int status = 0;
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      reap(status);
      break;
    }
    if (done < 0 && errno != EINTR) FAIL("waitpid failed: errno " << errno);
    if (Clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      running_ = false;
      drain(Timeout{50});
      FAIL("the program did not end within " << timeout.count() << " ms (killed); it showed:\n" << seen());
    }
    read_some(Timeout{20});
  }
  drain(Timeout{50});
  return exit_code_;
}

void PtySession::close_master() {
  if (master_ < 0) return;
  close(master_);
  master_ = -1;
}

termios PtySession::terminal_modes() const {
  termios modes{};
  if (tcgetattr(slave_, &modes) != 0) FAIL("tcgetattr on the pseudo-terminal failed: errno " << errno);
  return modes;
}

std::string PtySession::seen() const {
  const std::size_t keep = 6000;
  const std::string tail = output_.size() > keep ? output_.substr(output_.size() - keep) : output_;
  return visible(tail);
}

std::string strip_terminal_codes(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') continue;
    if (c != '\x1b') {
      out += c;
      continue;
    }
    if (i + 1 >= text.size()) break;
    const char kind = text[i + 1];
    if (kind == '[') {  // CSI: parameters, then a final byte 0x40..0x7E
      std::size_t j = i + 2;
      while (j < text.size() && !(text[j] >= 0x40 && text[j] <= 0x7E)) ++j;
      i = j;
    } else if (kind == ']') {  // OSC: up to BEL or ESC backslash
      std::size_t j = i + 2;
      while (j < text.size() && text[j] != '\a' && !(text[j] == '\x1b' && j + 1 < text.size() && text[j + 1] == '\\'))
        ++j;
      i = j < text.size() && text[j] == '\x1b' ? j + 1 : j;
    } else if (kind == '(' || kind == ')') {  // character set: one more byte
      i += 2;
    } else {
      i += 1;
    }
  }
  return out;
}

std::string last_screen(const std::string& text) {
  const auto clear = text.rfind("\x1b[2J");
  return clear == std::string::npos ? text : text.substr(clear + 4);
}

std::string visible(const std::string& text) {
  std::string out;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '\x1b')
      out += "\\e";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n\n";
    else if (b < 0x20 || b == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "\\x%02x", b);
      out += code;
    } else
      out += c;
  }
  return out;
}

}  // namespace centric::test
