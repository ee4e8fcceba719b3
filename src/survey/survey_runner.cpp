#include <fmt/color.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <random>

#include "centric/answers_io.hpp"
#include "centric/atomic_file.hpp"
#include "centric/json_input.hpp"
#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "centric/survey.hpp"
#include "centric/terminal.hpp"
#include "centric/text.hpp"
#include "survey/terminal_input.hpp"
#include "text/transliteration.hpp"

namespace centric {
namespace {

namespace term = survey_terminal;
using Status = term::Input::Status;

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

std::string utc_now(const char* format) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::array<char, 32> buffer{};
  std::strftime(buffer.data(), buffer.size(), format, &tm);
  return buffer.data();
}

// Writes all of `text` to `fd`, without stdio: the signal handlers are installed without
// SA_RESTART, and stdio drops the rest of its buffer when a write that waits for the
// terminal is interrupted (a screen cut short by a window change). After a window change
// the write goes on; once the survey is being stopped it gives up, so that nothing delays
// saving. A write that fails (a closed terminal) is not an error of its own: nobody reads
// it, and the survey must still end with its answers saved and its exit code.
void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR && term::stop_signal() == 0) continue;
    return;
  }
}

// Prompts, screens and the result.
void say(const std::string& text) { write_all(STDOUT_FILENO, text); }

// Errors and the "Saved" line.
void tell(const std::string& text) { write_all(STDERR_FILENO, text); }

// Full-screen drawing on a terminal happens on the alternate screen, so that the result
// and the "Saved" line end up on the normal screen; the guard always switches back.
class ScreenGuard {
 public:
  void enter() {
    if (active_) return;
    say("\x1b[?1049h");
    active_ = true;
  }
  void leave() {
    if (!active_) return;
    say("\x1b[?1049l");
    active_ = false;
  }
  ~ScreenGuard() { leave(); }

 private:
  bool active_ = false;
};

class Survey {
 public:
  Survey(const Questionnaire& q, const SurveySettings& s)
      : q_(q),
        s_(s),
        m_(s.messages != nullptr ? *s.messages : Messages::built_in(s.language)),
        input_(0),
        keys_(q.scale),
        tty_(input_.is_terminal()) {}

  SurveyEnd run() {
    term::install_signal_handlers();
    AnswerSet answers;
    if (!s_.resume.empty()) {
      auto resumed = load_resume();
      if (!resumed) return SurveyEnd::refused;
      answers = std::move(*resumed);
      path_ = s_.resume;
      placed_ = true;
    } else {
      std::error_code ec;
      if (!s_.output.empty() && std::filesystem::is_directory(s_.output, ec)) {
        tell(fmt::format("centric: error: {}: is a directory; name a file\n", printable(s_.output)));
        return SurveyEnd::refused;
      }
      if (!s_.output.empty() && file_exists(s_.output)) {
        tell(fmt::format("centric: error: {}: already exists; continue it with: {}\n", printable(s_.output),
                         resume_command(s_.output)));
        return SurveyEnd::refused;
      }
      if (!s_.output.empty() && !writable(s_.output)) return SurveyEnd::refused;
      answers.questionnaire_id = q_.id;
      answers.questionnaire_version = q_.version;
      answers.complete = false;
      auto start = ask_respondent(answers);
      if (start) return *start;
      path_ = s_.output.empty() ? free_default_name(answers.respondent.department) : s_.output;
    }
    // Refused before the first question, not after the first answer could not be saved.
    if (!writable(path_)) return SurveyEnd::refused;
    SurveySession session(q_, std::move(answers), m_, tty_ ? SurveySession::Input::keys : SurveySession::Input::lines);
    return ask_questions(session);
  }

 private:
  // Every questionnaire text the survey shows comes through here, spelled out for the
  // terminal (formats.md §5e): wrapping is measured, and bold added, on what is shown.
  std::string t(const LocalizedText& text) const { return terminal_text(q_, text, s_.language); }

  // ---- before the first question -------------------------------------------------------

  std::optional<AnswerSet> load_resume() {
    auto content = read_document_file(s_.resume);
    if (auto* error = std::get_if<Diagnostic>(&content)) {
      tell(fmt::format("{}\n", format_for_stderr(*error)));
      return std::nullopt;
    }
    auto parsed = parse_json(std::get<std::string>(content), s_.resume);
    if (auto* error = std::get_if<Diagnostic>(&parsed)) {
      tell(fmt::format("{}\n", format_for_stderr(*error)));
      return std::nullopt;
    }
    auto read = AnswerSetReader(q_).read(std::get<JsonParse>(parsed).value, s_.resume);
    if (auto* problems = std::get_if<std::vector<Diagnostic>>(&read)) {
      for (const auto& p : *problems) tell(fmt::format("{}\n", format_for_stderr(p)));
      tell(fmt::format("centric: error: {}: cannot be resumed with this questionnaire\n", printable(s_.resume)));
      return std::nullopt;
    }
    AnswerSet a = std::get<AnswerSet>(std::move(read));
    if (a.complete) {
      tell(fmt::format("centric: error: {}: this survey is already complete; start a new one instead\n",
                       printable(s_.resume)));
      return std::nullopt;
    }
    return a;
  }

  // Whether answers can be saved to `path` (its directory exists and is writable, and it is
  // not a directory or a device); said on stderr when not.
  bool writable(const std::string& path) const {
    const auto problem = AtomicFile::check_destination(path);
    if (problem) tell(fmt::format("centric: error: {}: {}\n", printable(path), *problem));
    return !problem;
  }

  std::string resume_command(const std::string& file) const {
    std::string command = "centric survey";
    if (!s_.questionnaire_path.empty()) command += " --questionnaire " + s_.questionnaire_path;
    return command + " --resume " + file;
  }

  std::string free_default_name(const std::string& department) const {
    const std::string base = answers_file_name(department, utc_now("%Y%m%dT%H%M%SZ"));
    std::string name = base;
    const std::string stem = base.substr(0, base.size() - 5);  // without ".json"
    for (int n = 2; file_exists(name); ++n) name = fmt::format("{}-{}.json", stem, n);
    return name;
  }

  // Stopped before the first question: nothing is written.
  std::optional<SurveyEnd> stopped(Status status) {
    tell(fmt::format("centric: {}\n", m_("survey.stopped_before_first_question")));
    return status == Status::closed && !tty_ ? SurveyEnd::quit : SurveyEnd::interrupted;
  }

  std::optional<SurveyEnd> ask_respondent(AnswerSet& a) {
    a.respondent.id = s_.respondent ? *s_.respondent : random_uuid();
    if (s_.department) {
      a.respondent.department = *s_.department;
    } else if (auto status = ask_department(a.respondent.department); status != Status::ok) {
      return stopped(status);
    }
    if (s_.role) {
      a.respondent.role = *s_.role;
    } else if (auto status = ask_role(a.respondent.role); status != Status::ok) {
      return stopped(status);
    }
    return std::nullopt;
  }

  // One line; without a terminal it is shown after its prompt (nothing echoes it), so
  // that a log of the run shows what was answered.
  Status read_line(std::string& text) {
    for (;;) {
      const Status status = input_.line(text);
      if (status == Status::resized) continue;
      if (status == Status::ok && !tty_) echo(text);
      return status;
    }
  }

  static void echo(const std::string& line) {
    const bool crlf = !line.empty() && line.back() == '\r';  // a line ending, not typed
    say(printable(std::string_view(line).substr(0, line.size() - (crlf ? 1 : 0))) + "\n");
  }

  Status ask_department(std::string& department) {
    // Without a terminal nothing but the prompts comes before the first question: no blank lines.
    say(fmt::format("{}{}\n", tty_ ? "\n" : "", m_("survey.department.question")));
    const std::size_t other = q_.departments.size() + 1;
    for (std::size_t i = 0; i < q_.departments.size(); ++i) {
      const auto& d = q_.departments[i];
      say(fmt::format("  {:>2}  {}\n", i + 1, d.name.empty() ? d.id : t(d.name)));
    }
    say(fmt::format("  {:>2}  {}\n", other, m_("survey.department.other")));
    for (;;) {
      say(m_("survey.department.prompt") + " ");
      std::string text;
      if (const Status status = read_line(text); status != Status::ok) return status;
      text = trim(text);
      if (text.empty()) continue;
      std::size_t number = 0;
      // Digits are always a number (a typo like 0 or 99 is asked again, not taken as an id).
      const bool digits = text.find_first_not_of("0123456789") == std::string::npos;
      if (digits && text.size() < 4) number = std::stoul(text);
      if (number >= 1 && number <= q_.departments.size()) {
        department = q_.departments[number - 1].id;
        return Status::ok;
      }
      if (number == other) {
        for (;;) {
          say(m_("survey.department.name_prompt") + " ");
          if (const Status status = read_line(text); status != Status::ok) return status;
          if (!is_valid_utf8(text)) {
            say(m_("survey.department.name_not_utf8") + "\n");
            continue;
          }
          if (!trim(text).empty()) break;
        }
        department = trim(text);
        return Status::ok;
      }
      if (!digits && is_valid_utf8(text)) {  // an id, listed or not
        department = text;
        return Status::ok;
      }
      say(m_("survey.department.number_out_of_range", fmt::arg("first", 1), fmt::arg("last", other)) + "\n");
    }
  }

  Status ask_role(Role& role) {
    // The keys and the words typed are the same in every language (survey.md); only what
    // describes them is translated.
    const int leader_digit = 1;
    const int employee_digit = 2;
    const auto leader_number = fmt::arg("leader_number", leader_digit);
    const auto employee_number = fmt::arg("employee_number", employee_digit);
    const auto leader_letter = fmt::arg("leader_letter", "l");
    const auto employee_letter = fmt::arg("employee_letter", "e");
    say(fmt::format("{}{}\n", tty_ ? "\n" : "",
                    m_("survey.role.question", leader_number, leader_letter, employee_number, employee_letter)));
    for (;;) {
      std::string text;
      if (tty_) {
        say(m_("survey.role.prompt_keys", leader_letter, employee_letter) + " ");
        Status status;
        while ((status = input_.key(text)) == Status::resized) {
        }
        if (status != Status::ok) return status;
        if (text == "\x03") return Status::stop;  // Ctrl-C in raw mode arrives as a byte
        say("\n");
      } else {
        say(m_("survey.role.prompt_words", fmt::arg("leader_word", "leader"), fmt::arg("employee_word", "employee")) +
            " ");
        if (const Status status = read_line(text); status != Status::ok) return status;
        text = trim(text);
      }
      if (text == "l" || text == "L" || text == "1" || text == "leader") {
        role = Role::leader;
        return Status::ok;
      }
      if (text == "e" || text == "E" || text == "2" || text == "employee") {
        role = Role::employee;
        return Status::ok;
      }
      say(m_("survey.role.invalid", leader_letter, employee_letter) + "\n");
    }
  }

  static std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
  }

  // ---- the questions ---------------------------------------------------------------------

  SurveyEnd ask_questions(SurveySession& session) {
    const std::size_t total = session.total();
    std::string preface;
    if (s_.resume.empty()) {
      preface = intro();
    } else {
      // The count that picks the plural form is the total: the noun, where a language has
      // one ("5 of 36 questions"), follows it.
      preface = m_.plural("survey.resumed.answered_of_total", static_cast<long long>(total),
                          fmt::arg("answered", session.given_count()), fmt::arg("total", total)) +
                "\n";
    }
    if (!tty_) {
      for (const auto& line : wrap(preface, 80))
        if (!line.empty()) say(line + "\n");  // no blank lines before the first question
    }
    bool first_screen = true;
    bool show_help = false;
    std::string typed;
    if (tty_) screen_.enter();
    while (!session.finished()) {
      draw(session, tty_ ? preface : std::string(), show_help, typed, first_screen);
      show_help = false;
      first_screen = false;
      Key key;
      if (tty_) {
        std::string bytes;
        const Status status = input_.key(bytes);
        if (status == Status::resized) continue;
        if (status != Status::ok) return stop(session, status);
        auto pressed = keys_.keypress(bytes);
        typed = keys_.typed();
        if (!pressed) continue;
        key = *pressed;
      } else {
        std::string line;
        const Status status = read_line(line);
        if (status != Status::ok) return stop(session, status);
        key = keys_.line(line);
      }
      preface.clear();
      const auto step = session.press(key);
      if (step.save && !save(session.answers())) return SurveyEnd::failed;
      if (step.outcome == SurveySession::Outcome::help) show_help = true;
      if (step.outcome == SurveySession::Outcome::quit) {
        screen_.leave();
        saved_line(session);
        return key.kind == Key::Kind::interrupt ? SurveyEnd::interrupted : SurveyEnd::quit;
      }
    }
    return finish(session);
  }

  std::string intro() const {
    std::string text = fmt::format("{}\n", t(q_.title));
    if (!q_.intro.empty()) text += t(q_.intro) + "\n";
    text += m_("survey.intro.saved_after_every_question", fmt::arg("file", printable(path_))) + "\n\n";
    return text;
  }

  std::string keys_line() const {
    const Scale& scale = q_.scale;
    const bool typed_numbers = scale.min < 0 || scale.max > 9;
    // The keys are the same in every language (survey.md); the catalogue words what they do.
    const auto first = fmt::arg("first", scale.min);
    const auto last = fmt::arg("last", scale.max);
    std::string keys = m_(typed_numbers ? "survey.keys.answer_typed" : "survey.keys.answer", first, last);
    const std::string separator = " \u00b7 ";
    if (scale.not_applicable) keys += separator + m_("survey.keys.not_applicable", fmt::arg("key", "n"));
    if (scale.dont_know) keys += separator + m_("survey.keys.dont_know", fmt::arg("key", "d"));
    keys += separator + m_("survey.keys.back", fmt::arg("key", tty_ ? "b/\u2190" : "b"));
    keys += separator + m_("survey.keys.skip", fmt::arg("key", tty_ ? "s/\u2192" : "s"));
    keys += separator + m_("survey.keys.help", fmt::arg("key", "?"));
    keys += separator + m_("survey.keys.save_and_quit", fmt::arg("key", "q"));
    return keys;
  }

  void draw(const SurveySession& session, const std::string& preface, bool show_help, const std::string& typed,
            bool first_screen) {
    const int width = tty_ ? terminal_width(1) : 80;
    TextStyle style{s_.color, width};
    // Without a terminal the screens follow one another, a blank line between them.
    std::string out = tty_ ? "\x1b[H\x1b[2J" : first_screen ? "" : "\n";
    if (!preface.empty())
      for (const auto& line : wrap(preface, width)) out += line + "\n";
    // Counted over the questions asked of this respondent (an employee's skip leaders-only ones).
    const std::size_t number = session.asked_position() + 1;
    const std::string progress = fmt::format("{}/{}", number, session.total());
    const int bar_width = std::max(10, std::min(30, width - display_width(progress) - 30));
    const int filled =
        static_cast<int>(bar_width * session.asked_position() / std::max<std::size_t>(1, session.total()));
    std::string bar;
    for (int i = 0; i < bar_width; ++i) bar += i < filled ? "\u2588" : "\u2591";
    const std::string dimension = t(session.dimension().name);
    out += style.color ? fmt::format(fmt::emphasis::bold, "{}", dimension) : dimension;
    out += fmt::format("   {} {}\n\n", progress, bar);
    for (const auto& line : wrap(t(session.question().text), width)) out += line + "\n";
    out += "\n";
    const Scale& scale = q_.scale;
    for (int v = scale.min; v <= scale.max; ++v) {
      const auto label = scale.labels.find(v);
      out += fmt::format("  {:>3}  {}\n", v, label == scale.labels.end() ? "" : t(label->second));
    }
    if (scale.not_applicable) out += fmt::format("    n  {}\n", m_("survey.scale.not_applicable"));
    if (scale.dont_know) out += fmt::format("    d  {}\n", m_("survey.scale.dont_know"));
    const AnswerValue& current = session.current_answer();
    if (current.answered())
      out += fmt::format("\n{}\n", m_("survey.answer.yours", fmt::arg("answer", current.value)));
    else if (current.kind == AnswerValue::Kind::not_applicable)
      out += fmt::format("\n{}\n",
                         m_("survey.answer.yours", fmt::arg("answer", m_("survey.answer.not_applicable_short"))));
    else if (current.kind == AnswerValue::Kind::dont_know)
      out += fmt::format("\n{}\n", m_("survey.answer.yours", fmt::arg("answer", m_("survey.answer.dont_know_short"))));
    if (show_help) {
      const auto& help = session.question().help;
      out += "\n";
      for (const auto& line : wrap(help.empty() ? m_("survey.help.none") : t(help), width)) out += line + "\n";
    }
    // The message may quote what was typed ("Unknown key: ..."): spelled out as well.
    if (!session.message().empty()) out += "\n" + printable(session.message()) + "\n";
    out += "\n";
    for (const auto& line : wrap(keys_line(), width)) out += line + "\n";
    out += tty_ ? "> " + typed : "> ";
    say(out);
  }

  bool save(const AnswerSet& answers) {
    const std::string text = write_answer_set(q_, answers);
    std::optional<std::string> error;
    for (int attempt = 0; attempt < 1000; ++attempt) {
      auto opened = AtomicFile::open(path_);
      if (auto* e = std::get_if<std::string>(&opened)) {
        error = *e;
        break;
      }
      auto& file = std::get<AtomicFile>(opened);
      file.write(text);
      if (placed_) {
        error = file.commit();
        break;
      }
      // The first save creates the file and must not replace one that appeared since the
      // name was chosen (another survey started in the same second, say).
      auto placed = file.commit_new();
      if (auto* e = std::get_if<std::string>(&placed)) {
        error = *e;
        break;
      }
      if (std::get<AtomicFile::Placed>(placed) == AtomicFile::Placed::created) {
        placed_ = true;
        break;
      }
      if (!s_.output.empty()) {
        error = "was created by someone else meanwhile; it is left as it is";
        break;
      }
      path_ = free_default_name(answers.respondent.department);
    }
    if (!error && placed_) return true;
    screen_.leave();
    tell(fmt::format("centric: error: {}: {}; the last answer was not saved\n", printable(path_),
                     error.value_or("no free file name")));
    return false;
  }

  void saved_line(const SurveySession& session) {
    // The plural form follows the total, as in the note of a resumed survey.
    tell(m_.plural("survey.saved.resume_with", static_cast<long long>(session.total()),
                   fmt::arg("answered", session.given_count()), fmt::arg("total", session.total()),
                   fmt::arg("file", printable(path_)), fmt::arg("command", resume_command(path_))) +
         "\n");
  }

  SurveyEnd stop(SurveySession& session, Status status) {
    if (!save(session.answers())) return SurveyEnd::failed;
    screen_.leave();
    if (!tty_) say("\n");
    saved_line(session);
    // End of piped input ends like q; a signal or a closed terminal is an interruption.
    return status == Status::closed && !tty_ ? SurveyEnd::quit : SurveyEnd::interrupted;
  }

  SurveyEnd finish(SurveySession& session) {
    AnswerSet answers = session.answers();
    answers.complete = true;
    answers.submitted_at = utc_now("%Y-%m-%dT%H:%M:%SZ");
    if (!save(answers)) return SurveyEnd::failed;
    screen_.leave();
    Tally tally(q_);
    tally.add(answers);
    const Assessment assessment = assess(tally, {1, 3});
    const int width = tty_ ? terminal_width(1) : 80;
    say(render_personal_result(q_, assessment, s_.language, {s_.color, width}));
    say(fmt::format("\n{}\n", m_("survey.finished.thank_you", fmt::arg("file", printable(path_)))));
    return SurveyEnd::completed;
  }

  const Questionnaire& q_;
  const SurveySettings& s_;
  const Messages& m_;
  term::Input input_;
  KeyInterpreter keys_;
  bool tty_;
  std::string path_;
  bool placed_ = false;  // path_ holds our file (resumed, or created by the first save)
  ScreenGuard screen_;
};

}  // namespace

std::string answers_file_name(const std::string& department_name, const std::string& utc_compact_time) {
  // Polish, Hungarian and Russian letters stay readable: "Отдел продаж" is "otdel-prodazh".
  const std::string department = transliterated(department_name);
  std::string slug;
  for (std::size_t i = 0; i < department.size();) {
    const auto c = static_cast<unsigned char>(department[i]);
    std::size_t length = 1;
    if (c >= 0xC0 && c < 0xE0)
      length = 2;
    else if (c >= 0xE0 && c < 0xF0)
      length = 3;
    else if (c >= 0xF0 && c < 0xF8)
      length = 4;
    if (length == 1 && c >= 'A' && c <= 'Z')
      slug += static_cast<char>(c - 'A' + 'a');
    else if (length == 1 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
      slug += static_cast<char>(c);
    else
      slug += '-';
    i += std::min(length, department.size() - i);
  }
  return fmt::format("answers-{}-{}.json", slug, utc_compact_time);
}

std::string random_uuid() {
  std::random_device device;
  std::array<unsigned char, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 4) {
    const auto r = device();
    for (std::size_t k = 0; k < 4; ++k) bytes[i + k] = static_cast<unsigned char>(r >> (8 * k));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", bytes[i]);
  }
  return out;
}

SurveyEnd run_survey(const Questionnaire& q, const SurveySettings& settings) { return Survey(q, settings).run(); }

}  // namespace centric
