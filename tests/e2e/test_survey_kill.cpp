// `centric survey` killed with SIGKILL at random moments (survey.md, "Nothing is lost"): a
// scripted survey is fed its answers over a pipe, a line at a time with short random pauses,
// and killed after a random delay, so that kills land before the first save, between saves
// and inside them (the fsync of each save takes most of a run's time). Some runs resume the
// file an earlier run left, and are killed in turn. After every kill the answers file is
// absent or a whole, valid centric-answers/1 document holding a prefix of the answers
// given, in the order given; and whatever else the kill left in the directory does not stop
// the survey from being finished afterwards.
//
// What a kill can leave besides the answers file: AtomicFile writes each save to a temporary
// file named like the target with a suffix ("a.json.tmp-XXXXXX", made by mkstemp) and renames
// it over the target (or, on the first save, links it into place and removes the temporary
// name). A kill between creating that file and the rename (or the unlink after the link)
// leaves it behind: empty, half-written, or a second name of the answers file. Nobody removes
// it later, and that is harmless: the next save picks a fresh random name with mkstemp, so
// it never collides; resuming reads only the answers file; the name does not end in .json,
// so `centric assess DIR` does not take it as an answer set. The test checks all three:
// after the kills each directory (a chain of runs) is finished by a survey that is not
// killed (resumed, or started again with the same --output when no answers file exists
// yet), which must complete without leaving a temporary file of its own; and `assess` on
// all the finished directories must count exactly one answer set in each.
//
// The runs go on in parallel (one thread per worker, each with its own directories and its
// own random stream): each save waits for the disk, and the disk serves several at once.
// Catch2 is not thread-safe, so the workers only collect what they find; the test thread
// checks it after they are done.
//
// To replay a schedule, set CENTRIC_KILL_SEED to the seed printed by the test. The timing of
// the program itself still varies from run to run, so a replay lands close to, not exactly
// at, the moments of the failing run.
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::microseconds;

constexpr int kWorkers = 8;
constexpr int kRunsPerWorker = 30;  // killed runs: 240 in all
constexpr int kRunsPerChain = 4;    // a new survey, then resumes of what it left
constexpr auto kCompletionTimeout = std::chrono::seconds(30);

// What the answers file must hold, from the built-in questionnaire as the binary prints it.
struct Questionnaire {
  std::string id;
  std::string version;
  std::vector<std::string> question_ids;  // the questions asked of an employee, in order
  bool dont_know = false;                 // "dk" is an answer
};

Questionnaire printed_questionnaire() {
  const auto r = run_centric({"questionnaire", "--json"});
  REQUIRE(r.exit_code == 0);
  const json q = json::parse(r.out);
  Questionnaire out{
      q["id"].get<std::string>(), q["version"].get<std::string>(), {}, q["scale"].value("dont_know", false)};
  // The surveys run as an employee: a question asked of leaders only is not asked.
  for (const auto& d : q["dimensions"])
    for (const auto& question : d["questions"])
      if (question.value("audience", "everyone") != "leaders")
        out.question_ids.push_back(question["id"].get<std::string>());
  return out;
}

// The environment of every run, as run_centric makes it: English, 80 columns, colour left to
// the program (its standard output is not a terminal anyway).
std::vector<std::string> child_environment() {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (name == "LC_ALL" || name == "LC_MESSAGES" || name == "LANG" || name == "COLUMNS" || name == "NO_COLOR")
      continue;
    env.push_back(entry);
  }
  env.push_back("COLUMNS=80");
  return env;
}

// The centric binary, started in `directory` with a pipe on its standard input that the test
// writes to line by line. Its standard output (the prompts) goes to /dev/null unless
// `capture_output`; standard error is kept for the report of a failure. Every descriptor is
// close-on-exec, so that a child started by another worker at the same moment holds none of
// this one's pipes.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::string& directory, const std::vector<std::string>& env,
        bool capture_output = false) {
    int in[2], err[2], out[2] = {-1, -1};
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 || (capture_output && pipe2(out, O_CLOEXEC) != 0))
      throw std::runtime_error("pipe2 failed");
    const std::string program = CENTRIC_BINARY;
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    // posix_spawn rather than fork: it does not copy the test's address space (large under
    // AddressSanitizer), and runs nothing in the child that another thread could have locked.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    if (capture_output)
      posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    else
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addchdir_np(&actions, directory.c_str());
    const int spawned = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
      for (int fd : {in[0], in[1], err[0], err[1], out[0], out[1]})
        if (fd >= 0) ::close(fd);
      throw std::runtime_error(std::string("cannot start centric: ") + std::strerror(spawned));
    }
    ::close(in[0]);
    ::close(err[1]);
    input_ = in[1];
    error_ = err[0];
    if (capture_output) {
      ::close(out[1]);
      output_ = out[0];
    }
    for (int fd : {error_, output_})
      if (fd >= 0) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  }

  ~Child() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
    for (int fd : {input_, output_, error_})
      if (fd >= 0) ::close(fd);
  }

  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Writes one line; false when the child no longer reads (it ended or was killed).
  bool send(const std::string& line) {
    const std::string text = line + "\n";
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(input_, text.data() + done, text.size() - done);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {
        return false;
      }
    }
    return true;
  }

  // Reaps the child if it has ended; does not wait.
  bool ended() {
    drain();
    if (reaped_) return true;
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) record(status);
    return reaped_;
  }

  // SIGKILL, unless it ended on its own first (a zombie that is not reaped yet keeps its
  // pid, so the signal cannot reach another process).
  void kill() {
    if (!reaped_) ::kill(pid_, SIGKILL);
  }

  // Waits for the end; the exit code, or 128 + the signal.
  int wait() {
    while (!reaped_) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, 0);
      if (r == pid_) record(status);
      if (r < 0 && errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    drain();
    return exit_code_;
  }

  // Waits for the end at most `timeout`, reading the output meanwhile; kills it after that.
  int wait_for(Clock::duration timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!ended()) {
      if (Clock::now() >= deadline) {
        kill();
        timed_out_ = true;
        break;
      }
      std::vector<pollfd> fds;
      for (int fd : {output_, error_})
        if (fd >= 0) fds.push_back({fd, POLLIN, 0});
      ::poll(fds.data(), fds.size(), 2);
    }
    return wait();
  }

  bool killed_by_test() const { return exit_code_ == 128 + SIGKILL; }
  bool timed_out() const { return timed_out_; }
  const std::string& output() const { return out_text_; }
  const std::string& errors() const { return err_text_; }

 private:
  void record(int status) {
    reaped_ = true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  void drain() {
    char buffer[4096];
    for (auto [fd, text] : {std::pair<int, std::string*>{output_, &out_text_}, {error_, &err_text_}}) {
      if (fd < 0) continue;
      for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) break;
        text->append(buffer, static_cast<std::size_t>(n));
      }
    }
  }

  pid_t pid_ = -1;
  int input_ = -1;
  int output_ = -1;
  int error_ = -1;
  bool reaped_ = false;
  bool timed_out_ = false;
  int exit_code_ = -1;
  std::string out_text_;
  std::string err_text_;
};

// Everything one worker saw; merged and checked by the test thread.
struct Findings {
  int runs = 0;                        // runs killed at a random moment (or ended before it)
  int resumed_runs = 0;                // of them, runs with --resume
  int absent = 0;                      // after the run: no answers file
  int partial = 0;                     // a file with some (maybe none) of the answers, not complete
  int complete = 0;                    // a complete file
  int ended_first = 0;                 // the survey ended (completed) before the kill came
  int temporary_empty = 0;             // temporary files left: empty,
  int temporary_written = 0;           // written to (in part or whole),
  int temporary_linked = 0;            // a second name of the answers file (first save: linked, not yet unlinked)
  int left_temporary = 0;              // runs after which a new temporary file lay in the directory
  int all_answered_not_complete = 0;   // files seen with every answer, not marked complete yet
  int chains = 0;                      // directories, each finished by a survey that is not killed
  int finished_next_to_temporary = 0;  // of those finishing surveys, ones next to a temporary file left
  double fastest_run_ms = 1e9;         // how long an uninterrupted survey took (the delays scale with it)
  double slowest_run_ms = 0;
  std::vector<std::string> problems;

  void add(const Findings& o) {
    runs += o.runs;
    resumed_runs += o.resumed_runs;
    absent += o.absent;
    partial += o.partial;
    complete += o.complete;
    ended_first += o.ended_first;
    left_temporary += o.left_temporary;
    temporary_empty += o.temporary_empty;
    temporary_written += o.temporary_written;
    temporary_linked += o.temporary_linked;
    all_answered_not_complete += o.all_answered_not_complete;
    chains += o.chains;
    finished_next_to_temporary += o.finished_next_to_temporary;
    fastest_run_ms = std::min(fastest_run_ms, o.fastest_run_ms);
    slowest_run_ms = std::max(slowest_run_ms, o.slowest_run_ms);
    problems.insert(problems.end(), o.problems.begin(), o.problems.end());
  }
};

// One directory: a survey's answers (one token a question, fixed for the whole chain) and
// what the answers file held after the last run.
struct Chain {
  std::vector<std::string> tokens;
  bool file_exists = false;
  std::size_t answered = 0;  // the prefix length the file holds
  bool complete = false;
  std::string respondent_id;
  std::set<std::string> temporaries;  // other names in the directory
};

class Worker {
 public:
  Worker(int index, std::uint32_t seed, const Questionnaire& q, const std::vector<std::string>& env)
      : index_(index), q_(q), env_(env) {
    std::seed_seq seq{seed, static_cast<std::uint32_t>(index)};
    random_.seed(seq);
  }

  void operator()() {
    try {
      calibrate();
      int runs_left = kRunsPerWorker;
      while (runs_left > 0) run_chain(runs_left);
      check_assess();
    } catch (const std::exception& e) {
      problem(std::string("worker stopped: ") + e.what());
    }
  }

  const Findings& findings() const { return findings_; }

 private:
  std::size_t total() const { return q_.question_ids.size(); }

  std::vector<std::string> random_tokens() {
    std::uniform_int_distribution<int> pick(0, q_.dont_know ? 6 : 5);
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < total(); ++i) {
      const int v = pick(random_);
      tokens.push_back(v == 0 ? "na" : v == 6 ? "dk" : std::to_string(v));
    }
    return tokens;
  }

  std::vector<std::string> survey_args(const Chain& chain) const {
    if (chain.file_exists) return {"survey", "--resume", "a.json"};
    return {"survey", "--department", "sales", "--role", "employee", "--output", "a.json"};
  }

  void problem(const std::string& what) { findings_.problems.push_back(fmt::format("worker {}: {}", index_, what)); }

  // An uninterrupted survey in a directory of its own: how long a whole run takes here and
  // now (the disk sets the pace: each save is flushed), which the random delays scale to.
  void calibrate() {
    auto dir = std::make_unique<TempDir>();
    Chain chain;
    chain.tokens = random_tokens();
    finish(*dir, chain, fmt::format("calibration run in {}", dir->path()));
    if (chain.complete) finished_.push_back(std::move(dir));
  }

  // What a run of `remaining` questions takes, as a share of a whole survey: a save for each
  // answer, and about two saves' time for the start and the last save (the one that marks
  // the survey complete).
  double share(std::size_t remaining) const {
    return static_cast<double>(remaining + 2) / static_cast<double>(total() + 2);
  }

  // The time an uninterrupted run took for `remaining` questions, as a whole survey's time:
  // a moving average, since the disk is slower while every worker starts at once. Short runs
  // say little: they are not counted.
  void observe(Clock::duration took, std::size_t remaining) {
    if (remaining < total() / 3) return;
    const double ms = std::chrono::duration<double, std::milli>(took).count() / share(remaining);
    findings_.fastest_run_ms = std::min(findings_.fastest_run_ms, ms);
    findings_.slowest_run_ms = std::max(findings_.slowest_run_ms, ms);
    full_run_ms_ = full_run_ms_ == 0 ? ms : 0.7 * full_run_ms_ + 0.3 * ms;
  }

  void run_chain(int& runs_left) {
    auto dir = std::make_unique<TempDir>();
    Chain chain;
    chain.tokens = random_tokens();
    ++findings_.chains;
    const int chain_number = findings_.chains;
    for (int attempt = 0; attempt < kRunsPerChain && runs_left > 0 && !chain.complete; ++attempt) {
      --runs_left;
      if (!killed_run(*dir, chain, fmt::format("chain {} run {}", chain_number, attempt + 1))) return;
    }
    if (!chain.complete) finish(*dir, chain, fmt::format("chain {}, finishing run", chain_number));
    if (chain.complete) finished_.push_back(std::move(dir));
  }

  // A run killed after a random delay, up to a little more than the time the rest of the
  // survey takes; false when the directory is in a state that makes the chain pointless.
  bool killed_run(const TempDir& dir, Chain& chain, const std::string& name) {
    const std::size_t start = chain.answered;
    const bool resume = chain.file_exists;
    const double expected_ms = std::max(full_run_ms_, 20.0) * share(total() - start);
    const auto longest = static_cast<long>(expected_ms * 1100);  // in microseconds, 10% more
    const microseconds delay(std::uniform_int_distribution<long>(0, longest)(random_));
    std::bernoulli_distribution pause_now(0.5);
    std::uniform_int_distribution<long> pause_us(0, 3000);

    Child child(survey_args(chain), dir.path(), env_);
    const auto deadline = Clock::now() + delay;
    std::size_t sent = 0;
    for (std::size_t i = start; i < total() && Clock::now() < deadline; ++i) {
      if (!child.send(chain.tokens[i])) break;
      ++sent;
      if (pause_now(random_))
        std::this_thread::sleep_until(std::min(Clock::now() + microseconds(pause_us(random_)), deadline));
    }
    while (Clock::now() < deadline && !child.ended())
      std::this_thread::sleep_until(std::min(Clock::now() + microseconds(500), deadline));
    child.kill();
    const int exit_code = child.wait();

    ++findings_.runs;
    if (resume) ++findings_.resumed_runs;
    const std::string where =
        fmt::format("{} ({}, {} answered before, killed after {} us, {} lines sent, exit {}) in {}", name,
                    resume ? "--resume" : "new survey", start, delay.count(), sent, exit_code, dir.path());
    if (!child.killed_by_test()) {
      ++findings_.ended_first;
      // Standard input stays open, so the survey ends on its own only when it is complete.
      if (exit_code != 0) {
        problem(fmt::format("{}: ended on its own with exit code {}; stderr: {}", where, exit_code, child.errors()));
        return false;
      }
    }
    const auto before = chain.temporaries;
    if (!inspect(dir, chain, start, start + sent, where)) return false;
    if (std::any_of(chain.temporaries.begin(), chain.temporaries.end(),
                    [&](const std::string& t) { return before.count(t) == 0; }))
      ++findings_.left_temporary;
    if (!chain.file_exists)
      ++findings_.absent;
    else if (chain.complete)
      ++findings_.complete;
    else
      ++findings_.partial;
    if (!child.killed_by_test() && !chain.complete) {
      problem(fmt::format("{}: ended with exit code 0, but the file is not complete", where));
      return false;
    }
    return true;
  }

  // Finishes the survey without killing it: resumes the file, or (no file yet) starts again
  // with the same --output, next to whatever temporary files the kills left.
  void finish(const TempDir& dir, Chain& chain, const std::string& name) {
    const std::size_t start = chain.answered;
    const auto before = chain.temporaries;
    const auto started = Clock::now();
    Child child(survey_args(chain), dir.path(), env_);
    for (std::size_t i = start; i < total(); ++i)
      if (!child.send(chain.tokens[i])) break;
    const int exit_code = child.wait_for(kCompletionTimeout);
    observe(Clock::now() - started, total() - start);
    const std::string where =
        fmt::format("{} ({}, {} answered before, {} temporary files lying around) in {}", name,
                    chain.file_exists ? "--resume" : "new survey", start, before.size(), dir.path());
    if (child.timed_out()) {
      problem(
          fmt::format("{}: did not end within {} s; stderr: {}", where, kCompletionTimeout.count(), child.errors()));
      return;
    }
    if (exit_code != 0) {
      problem(fmt::format("{}: exit code {}; stderr: {}", where, exit_code, child.errors()));
      return;
    }
    if (!inspect(dir, chain, start, total(), where)) return;
    if (!before.empty()) ++findings_.finished_next_to_temporary;
    if (!chain.complete) problem(fmt::format("{}: the file is not complete after every answer", where));
    for (const auto& t : chain.temporaries)
      if (before.count(t) == 0)
        problem(fmt::format("{}: a survey that was not killed left a temporary file {}", where, t));
  }

  // Checks the directory after a run that started with `start` answers in the file and was
  // given the tokens up to `given`; updates `chain` to what the file now holds.
  bool inspect(const TempDir& dir, Chain& chain, std::size_t start, std::size_t given, const std::string& where) {
    static const std::regex temporary(R"(^a\.json\..+$)");
    static const std::regex answer_set_name(R"(\.jsonl?$)");
    std::set<std::string> temporaries;
    bool has_file = false;
    for (const auto& entry : list_directory(dir.path())) {
      if (entry == "a.json") {
        has_file = true;
        continue;
      }
      // Named like the answers file with a suffix, and not an answer set's name to assess.
      const bool harmless = std::regex_match(entry, temporary) && !std::regex_search(entry, answer_set_name);
      if (!harmless) {
        problem(fmt::format("{}: an unexpected file {} in the directory", where, entry));
        return false;
      }
      if (chain.temporaries.count(entry) == 0) {  // new: what the kill interrupted
        struct stat st {};
        if (::stat(dir.file(entry).c_str(), &st) == 0) {
          if (st.st_nlink > 1)
            ++findings_.temporary_linked;
          else if (st.st_size == 0)
            ++findings_.temporary_empty;
          else
            ++findings_.temporary_written;
        }
      }
      temporaries.insert(entry);
    }
    chain.temporaries = temporaries;

    if (!has_file) {
      if (chain.file_exists) {
        problem(fmt::format("{}: the answers file disappeared", where));
        return false;
      }
      return true;
    }
    const std::string text = read_text_file(dir.file("a.json"));
    const auto fail = [&](const std::string& why) {
      problem(fmt::format("{}: a.json {}; it holds ({} bytes):\n{}", where, why, text.size(), text.substr(0, 4000)));
      return false;
    };
    if (text.empty()) return fail("is empty");
    // Every save writes the whole document, which ends in a newline: a file without it was
    // cut short, even where what is left still parses.
    if (text.back() != '\n') return fail("does not end with a newline (truncated?)");
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) return fail("is not valid JSON (truncated?)");
    if (!doc.is_object() || doc.value("format", json()) != "centric-answers/1")
      return fail("is not a centric-answers/1 document");
    if (doc["questionnaire"] != json{{"id", q_.id}, {"version", q_.version}})
      return fail("names another questionnaire");
    const json& respondent = doc["respondent"];
    if (!respondent.is_object() || respondent.value("department", json()) != "sales" ||
        respondent.value("role", json()) != "employee" || !respondent.value("id", json()).is_string())
      return fail("has another respondent than the one given");
    const std::string id = respondent["id"].get<std::string>();
    if (chain.file_exists && id != chain.respondent_id)
      return fail(fmt::format("changed its respondent id (was {})", chain.respondent_id));
    if (!doc["answers"].is_object()) return fail("has no answers object");
    const json& answers = doc["answers"];
    const std::size_t k = answers.size();
    for (std::size_t i = 0; i < k && i < total(); ++i) {
      const std::string& token = chain.tokens[i];
      const json expected = token == "na" || token == "dk" ? json(token) : json(std::stoi(token));
      if (!answers.contains(q_.question_ids[i]))
        return fail(fmt::format("holds {} answers, but not one to question {} ({}): not the first {} answered", k,
                                i + 1, q_.question_ids[i], k));
      if (answers[q_.question_ids[i]] != expected)
        return fail(fmt::format("answers question {} with {}, but {} was given", i + 1,
                                answers[q_.question_ids[i]].dump(), expected.dump()));
    }
    if (k > given) return fail(fmt::format("holds {} answers, but only {} were given", k, given));
    if (k < start) return fail(fmt::format("holds {} answers, fewer than the {} it held before", k, start));
    // Complete only with every answer. Every answer is saved as it is given, and the save
    // that marks the survey complete (with submitted_at) comes after the save of the last
    // answer: a kill between the two leaves every answer with "complete": false, which a
    // resume completes without asking anything.
    const json complete_field = doc.value("complete", json());
    if (!complete_field.is_boolean()) return fail("has no boolean complete");
    const bool complete = complete_field.get<bool>();
    if (complete && k != total()) return fail(fmt::format("says complete: true with {} of {} answers", k, total()));
    if (doc.contains("submitted_at") != complete) return fail("has submitted_at only when complete: not so");
    if (k == total() && !complete) ++findings_.all_answered_not_complete;
    chain.file_exists = true;
    chain.answered = k;
    chain.complete = complete;
    chain.respondent_id = id;
    return true;
  }

  // `centric assess DIR...` on the directories of the finished surveys takes each one's
  // answers file, and only it, as an answer set: the temporary files the kills left there
  // are not inputs.
  void check_assess() {
    if (finished_.empty()) return;
    std::vector<std::string> args{"assess"};
    for (const auto& dir : finished_) args.push_back(dir->path());
    args.insert(args.end(), {"--format", "json"});
    Child child(args, finished_.front()->path(), env_, true);
    const int exit_code = child.wait_for(kCompletionTimeout);
    const std::string where = fmt::format("assess of {} finished surveys", finished_.size());
    if (exit_code != 0) {
      problem(fmt::format("{}: exit code {}; stderr: {}", where, exit_code, child.errors()));
      return;
    }
    const json report = json::parse(child.output(), nullptr, false);
    const json expected = finished_.size();
    if (report.is_discarded() || report["inputs"]["sources"] != expected || report["inputs"]["accepted"] != expected)
      problem(fmt::format("{}: expected {} sources, all accepted; the inputs were {}", where, finished_.size(),
                          report.is_discarded() ? std::string("(no JSON)") : report["inputs"].dump()));
  }

  int index_;
  const Questionnaire& q_;
  const std::vector<std::string>& env_;
  std::mt19937 random_;
  double full_run_ms_ = 0;
  std::vector<std::unique_ptr<TempDir>> finished_;  // the directories of completed surveys
  Findings findings_;
};

std::uint32_t kill_seed() {
  if (const char* given = std::getenv("CENTRIC_KILL_SEED"); given != nullptr && *given != '\0')
    return static_cast<std::uint32_t>(std::stoul(given));
  return std::random_device{}();
}

}  // namespace

TEST_CASE("survey killed with SIGKILL at random moments leaves no answers file or a valid prefix of the answers",
          "[survey][piped][kill]") {
  const std::uint32_t seed = kill_seed();
  WARN("seed " << seed << " (CENTRIC_KILL_SEED=" << seed << " replays the schedule)");
  INFO("seed " << seed);
  const Questionnaire q = printed_questionnaire();
  REQUIRE(q.question_ids.size() >= 2);
  const auto env = child_environment();
  // A child that dies between two lines makes the next write fail with EPIPE, not kill us.
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  struct sigaction previous {};
  sigaction(SIGPIPE, &ignore, &previous);

  const auto start = Clock::now();
  std::vector<Worker> workers;
  workers.reserve(kWorkers);
  for (int w = 0; w < kWorkers; ++w) workers.emplace_back(w, seed, q, env);
  std::vector<std::thread> threads;
  for (auto& worker : workers) threads.emplace_back(std::ref(worker));
  for (auto& t : threads) t.join();
  sigaction(SIGPIPE, &previous, nullptr);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

  Findings all;
  for (const auto& worker : workers) all.add(worker.findings());
  for (const auto& p : all.problems) FAIL_CHECK(p);
  WARN(fmt::format(
      "{} killed runs ({} with --resume) in {} directories, {:.1f} s (an uninterrupted survey took {:.0f} to "
      "{:.0f} ms). Afterwards: {} without answers file, {} partial, {} complete ({} ended before the kill); {} "
      "times every answer, not yet marked complete. {} runs left a temporary file ({} empty, {} written, {} "
      "linked to the answers file); {} surveys were finished next to one.",
      all.runs, all.resumed_runs, all.chains, seconds, all.fastest_run_ms, all.slowest_run_ms, all.absent, all.partial,
      all.complete, all.ended_first, all.all_answered_not_complete, all.left_temporary, all.temporary_empty,
      all.temporary_written, all.temporary_linked, all.finished_next_to_temporary));
  CHECK(all.runs >= 200);
  // Not a vacuous pass: kills did land in the middle of surveys, and resumes were killed too.
  CHECK(all.partial > 0);
  CHECK(all.resumed_runs > 0);
}
