#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <utility>

#include "centric/answers_io.hpp"
#include "centric/json_input.hpp"
#include "io/answer_batch.hpp"
#include "io/export_opening.hpp"
#include "io/json_fields.hpp"
#include "io/json_mistakes.hpp"
#include "io/line_reader.hpp"
#include "io/ordered_workers.hpp"
#include "io/read_file.hpp"
#include "io/respondent_ids.hpp"
#include "io/table_mapping.hpp"
#include "text/normalised_text.hpp"

namespace centric {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string reason_of(const std::vector<Diagnostic>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "; ";
    out += describe_without_source(p);
  }
  return out;
}

// A line that looks like one JSON object: JSON Lines, even when it does not parse.
bool looks_like_object_line(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r");
  const auto last = line.find_last_not_of(" \t\r");
  return first != std::string_view::npos && line[first] == '{' && line[last] == '}';
}

}  // namespace

// Exports keep the extension their tool or a person gave them: "Responses.CSV" too.
bool ends_with_any_case(std::string_view path, std::string_view suffix) {
  if (path.size() < suffix.size()) return false;
  const std::string_view end = path.substr(path.size() - suffix.size());
  return std::equal(end.begin(), end.end(), suffix.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? char(a - 'A' + 'a') : a) == b; });
}

bool is_table_file_name(std::string_view path) {
  return ends_with_any_case(path, ".csv") || ends_with_any_case(path, ".tsv") || ends_with_any_case(path, ".xlsx");
}

bool is_answer_file_name(std::string_view path) {
  return path.ends_with(".json") || path.ends_with(".jsonl") || is_table_file_name(path);
}

// Departments of exports, by their normalised spelling: each class's spellings with their
// counts, in order of first sight.
struct AnswerInputs::Spellings {
  StringMap<std::size_t> class_of;  // a spelling -> its class
  std::vector<DepartmentMerge> classes;
  StringMap<std::size_t> by_key;  // normalised -> class
  StringMap<std::size_t> index;   // a spelling -> its place in its class's spellings

  void record(const std::string& spelling, const std::function<std::string()>& source,
              const std::function<std::string()>& path) {
    auto it = class_of.find(spelling);
    if (it == class_of.end()) {
      const std::string key = normalised(spelling);
      auto [k, fresh] = by_key.emplace(key, classes.size());
      if (fresh) classes.emplace_back();
      it = class_of.emplace(spelling, k->second).first;
      index.emplace(spelling, classes[k->second].spellings.size());
      classes[k->second].spellings.push_back({spelling, 0, source(), path()});
    }
    ++classes[it->second].spellings[index.find(spelling)->second].count;
  }
};

AnswerInputs::AnswerInputs(const Questionnaire& questionnaire, Sink on_accepted, ProblemSink on_problems,
                           ReadingOptions options)
    : questionnaire_(questionnaire),
      reader_(questionnaire),
      on_accepted_(std::move(on_accepted)),
      on_problems_(std::move(on_problems)),
      options_(options),
      ids_(std::make_unique<RespondentIds>()),
      spellings_(std::make_unique<Spellings>()) {
  options_.jobs = std::max(options_.jobs, 1U);
  readers_.resize(options_.jobs + 1);
}

AnswerInputs::AnswerInputs(const Questionnaire& questionnaire, AnswerFold& fold, ProblemSink on_problems,
                           ReadingOptions options)
    : AnswerInputs(questionnaire, Sink{}, std::move(on_problems), options) {
  fold_ = &fold;
}

AnswerInputs::~AnswerInputs() = default;

std::uint32_t AnswerInputs::add_file(const std::string& name) {
  files_.push_back(name);
  return static_cast<std::uint32_t>(files_.size() - 1);
}

std::string AnswerInputs::name_of(const EntryRef& entry) const { return centric::name_of(files_[entry.file], entry); }

// ---- Batches ---------------------------------------------------------------------------

BatchReader& AnswerInputs::reader(unsigned thread) {
  // Made by the thread that uses it, from that thread's own memory: readers made one
  // after the other here shared cache lines, which the two cores then fought over on
  // every answer set (a third more time on two cores).
  auto& made = readers_[thread];
  if (!made) made = std::make_unique<BatchReader>(reader_, questionnaire_);
  return *made;
}

AnswerBatch& AnswerInputs::current() {
  if (!current_) {
    if (spare_.empty()) {
      current_ = std::make_unique<AnswerBatch>();
    } else {
      current_ = std::move(spare_.back());
      spare_.pop_back();
    }
    current_->fold_like = fold_;
  }
  return *current_;
}

void AnswerInputs::submit_if_full() {
  if (current_ && current_->full()) submit();
}

void AnswerInputs::submit() {
  if (!current_) return;
  if (options_.jobs == 1) {
    read_batch(*current_, reader(0));
    merge(*current_);
    current_->clear();
    spare_.push_back(std::move(current_));
    return;
  }
  if (!workers_) workers_ = std::make_unique<OrderedWorkers>(options_.jobs - 1);  // and this thread
  AnswerBatch* batch = current_.get();
  in_flight_.push_back(std::move(current_));
  workers_->submit([this, batch](unsigned worker) { read_batch(*batch, reader(worker)); });
  // Two batches a thread: one being read, one waiting, so that no worker idles while
  // this thread merges, and memory stays bounded.
  while (in_flight_.size() > 2 * std::size_t{options_.jobs}) finish_oldest();
}

void AnswerInputs::finish_oldest() {
  workers_->wait_oldest();
  std::unique_ptr<AnswerBatch> batch = std::move(in_flight_.front());
  in_flight_.pop_front();
  merge(*batch);
  batch->clear();
  spare_.push_back(std::move(batch));
}

void AnswerInputs::drain() {
  submit();
  while (!in_flight_.empty()) finish_oldest();
}

// In input order, whatever thread read the batch: the duplicate rule, the summary, and
// what the caller sees.
void AnswerInputs::merge(AnswerBatch& batch) {
  const FileChunk* chunk = nullptr;
  if (!batch.entries.empty() && batch.entries.front().kind == BatchEntry::Kind::chunk) {
    chunk = &batch.entries.front().chunk;
    if (chunk->begin == chunk->first) chunk_lines_ = chunk->lines_before;
  }
  const std::uint32_t lines_before = chunk ? chunk_lines_ : 0;
  for (const auto& event : batch.output->events)
    if (event.kind == BatchEvent::Kind::accepted && event.has_id) ids_->prefetch(event.id);

  accepted_.clear();
  deferred_sets_.clear();
  bool refold = false;  // the batch's fold is not the fold of the sets accepted here
  const auto accept = [&](const AnswerSet& answers, const EntryRef& entry, const BatchEvent& event) {
    if (event.has_id) {
      const RespondentIds::Place place{entry.file, entry.number, static_cast<std::uint8_t>(entry.kind)};
      if (const auto first = ids_->insert(event.id, place)) {
        const EntryRef first_entry{first->file, first->number, static_cast<EntryRef::Kind>(first->kind)};
        const std::string name = name_of(entry);
        const auto column = id_column_.find(entry.file);
        emit_rejection(
            name, {Diagnostic::error(name, column == id_column_.end() ? std::string("respondent.id") : column->second,
                                     fmt::format("duplicate respondent id {}: already given by {}",
                                                 detail::shown(*answers.respondent.id), name_of(first_entry)))});
        return false;
      }
    }
    ++summary_.sources;
    ++summary_.accepted;
    if (!event.complete) ++summary_.partial;
    if (answers.not_asked > 0) {
      if (summary_.not_asked_sets++ == 0) summary_.not_asked_first = name_of(entry);
      summary_.not_asked_answers += answers.not_asked;
    }
    if (event.from_table)
      spellings_->record(
          answers.respondent.department, [&] { return name_of(entry); }, [&] { return department_column(entry.file); });
    if (on_accepted_) on_accepted_(answers);
    accepted_.push_back(&answers);
    return true;
  };

  for (auto& event : batch.output->events) {
    EntryRef entry = event.ref;
    entry.number += lines_before;
    switch (event.kind) {
      case BatchEvent::Kind::warning:
        summary_.warnings.push_back(std::move(event.problems.front()));
        break;
      case BatchEvent::Kind::rejected:
        emit_rejection(std::move(event.source), std::move(event.problems));
        break;
      case BatchEvent::Kind::accepted:
        if (!accept(batch.output->sets[event.set], entry, event)) {
          refold = true;
          batch.output->departments.unnote(batch.output->sets[event.set].respondent.department);
        }
        break;
      case BatchEvent::Kind::deferred_too_long:
        emit_rejection(name_of(entry), {too_long_line(entry)});
        break;
      case BatchEvent::Kind::deferred: {
        // Rare: a line the fast reader declined, read the diagnosing way, here.
        if (!single_) single_ = std::make_unique<AnswerBatch>();
        AnswerBatch& single = *single_;
        single.clear();
        single.text.assign(batch.text, event.text_begin, event.text_size);
        BatchEntry line;
        line.kind = BatchEntry::Kind::line;
        line.ref = entry;
        line.file_name = &files_[entry.file];
        line.text_size = event.text_size;
        single.entries.push_back(std::move(line));
        read_batch(single, reader(options_.jobs));
        for (auto& outcome : single.output->events) {
          if (outcome.kind == BatchEvent::Kind::rejected) {
            emit_rejection(std::move(outcome.source), std::move(outcome.problems));
          } else if (outcome.kind == BatchEvent::Kind::accepted) {
            deferred_sets_.push_back(std::move(single.output->sets[outcome.set]));
            if (accept(deferred_sets_.back(), entry, outcome))
              batch.output->departments.note(deferred_sets_.back().respondent.department, event.ref);
            refold = true;
          }
        }
        break;
      }
    }
  }
  const BatchDepartments& departments = batch.output->departments;
  for (std::size_t i = 0; i < departments.size(); ++i) {
    const auto& d = departments[i];
    if (d.count == 0) continue;
    auto [at, added] = department_index_.try_emplace(d.name, summary_.departments.size());
    if (added) {
      EntryRef first = d.first;
      first.number += lines_before;
      summary_.departments.push_back({d.name, 0, name_of(first)});
      if (const auto column = department_column_.find(first.file); column != department_column_.end())
        summary_.departments.back().path = column->second;
    }
    summary_.departments[at->second].count += d.count;
  }
  if (chunk) chunk_lines_ += batch.output->chunk_lines;
  if (!fold_) return;
  if (!refold) {
    fold_->merge(*batch.output->fold);
    return;
  }
  // Rare (a repeated id, a line read here): fold the batch's accepted sets again.
  auto again = fold_->empty_like();
  for (const AnswerSet* answers : accepted_) again->add(*answers);
  fold_->merge(*again);
}

Diagnostic AnswerInputs::too_long_line(const EntryRef& entry) const {
  return Diagnostic::error(
      name_of(entry), "",
      fmt::format("line longer than {} MiB; one answer set per line is far shorter", max_json_line_bytes >> 20));
}

void AnswerInputs::emit_rejection(std::string source, std::vector<Diagnostic> problems) {
  if (on_problems_) on_problems_(problems);
  summary_.rejected.push_back({std::move(source), reason_of(problems)});
  ++summary_.sources;
}

void AnswerInputs::reject(const std::string& source, std::vector<Diagnostic> problems) {
  AnswerBatch& batch = current();
  BatchEntry entry;
  entry.kind = BatchEntry::Kind::rejected;
  entry.source = source;
  entry.problems = std::move(problems);
  batch.entries.push_back(std::move(entry));
  submit_if_full();
}

void AnswerInputs::reject(const EntryRef& entry, std::vector<Diagnostic> problems) {
  reject(name_of(entry), std::move(problems));
}

// ---- Splitting the input into entries --------------------------------------------------

void AnswerInputs::read_arguments(const std::vector<std::string>& arguments, std::istream& standard_input) {
  for (const auto& argument : arguments) take_argument(argument, standard_input);
  drain();
}

void AnswerInputs::read_argument(const std::string& argument, std::istream& standard_input) {
  take_argument(argument, standard_input);
  drain();
}

void AnswerInputs::read_file(const std::string& path) {
  take_file(path);
  drain();
}

void AnswerInputs::read_text(std::string_view text, const std::string& source, InputForm form) {
  if (form == InputForm::document) {
    take_document(text, add_file(source));
  } else {
    std::istringstream in{std::string(text)};
    if (form == InputForm::detect) {
      take_stream(in, source);
    } else {
      LineReader lines(
          [&in](char* buffer, std::size_t size) -> std::ptrdiff_t {
            in.read(buffer, static_cast<std::streamsize>(size));
            return in.gcount();
          },
          max_json_line_bytes);
      take_lines(lines, add_file(source));
    }
  }
  drain();
}

void AnswerInputs::take_argument(const std::string& argument, std::istream& standard_input) {
  if (argument == "-") {
    take_stream(standard_input, "<stdin>");
    return;
  }
  std::error_code ec;
  if (fs::is_directory(argument, ec))
    take_directory(argument);
  else
    take_file(argument);
}

void AnswerInputs::take_directory(const std::string& directory) {
  // Every *.json and *.jsonl below, in byte order of their paths, so that the input order
  // (and which of two duplicates wins) does not depend on the file system. Walked depth
  // first, each directory's entries in order, a subdirectory sorting as its path and "/":
  // that is the order of the full paths, and files are read while the walk goes on.
  // Symbolic links to directories are not followed (no loops); what cannot be read is
  // reported, and the walk goes on.
  struct Listing {
    std::vector<std::string> keys;  // paths, a directory's with "/" added
    std::size_t next = 0;
  };
  const auto list = [this](const std::string& dir) {
    Listing listing;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      reject(dir, {Diagnostic::error(dir, "", "cannot read directory: " + ec.message())});
      return listing;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      std::string path = it->path().string();
      std::error_code type_ec;
      if (fs::is_directory(it->symlink_status(type_ec)))
        listing.keys.push_back(std::move(path) + '/');
      else if (is_answer_file_name(path))
        listing.keys.push_back(std::move(path));
    }
    if (ec) reject(dir, {Diagnostic::error(dir, "", "cannot read directory: " + ec.message())});
    std::sort(listing.keys.begin(), listing.keys.end());
    return listing;
  };
  std::vector<Listing> walk;
  walk.push_back(list(directory));
  while (!walk.empty()) {
    Listing& top = walk.back();
    if (top.next == top.keys.size()) {
      walk.pop_back();
      continue;
    }
    std::string path = std::move(top.keys[top.next++]);
    if (path.ends_with('/')) {
      path.pop_back();
      walk.push_back(list(path));  // `top` is not used after this
      continue;
    }
    if (!path.ends_with(".jsonl") && !is_table_file_name(path)) {
      // Read by a worker, which first checks that it is a regular file.
      BatchEntry entry;
      entry.kind = BatchEntry::Kind::listed_file;
      entry.ref = {add_file(path), 0, EntryRef::Kind::whole};
      entry.file_name = &files_.back();
      current().entries.push_back(std::move(entry));
      submit_if_full();
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
      // A FIFO or a device would block or never end.
      reject(path, {Diagnostic::error(path, "", "not a regular file (skipped)")});
      continue;
    }
    take_file(path);
  }
}

std::string AnswerInputs::department_column(std::uint32_t file) const {
  const auto it = department_column_.find(file);
  return it == department_column_.end() ? std::string("respondent.department") : it->second;
}

std::vector<DepartmentMerge> AnswerInputs::department_merges() const {
  std::vector<DepartmentMerge> merges;
  for (const auto& merge : spellings_->classes) {
    if (merge.spellings.size() < 2) continue;
    DepartmentMerge chosen = merge;
    const auto most = std::max_element(  // the first of the most often seen
        chosen.spellings.begin(), chosen.spellings.end(),
        [](const DepartmentSpelling& a, const DepartmentSpelling& b) { return a.count < b.count; });
    chosen.into = most->spelling;
    merges.push_back(std::move(chosen));
  }
  return merges;
}

std::vector<Diagnostic> AnswerInputs::unused_mapping_entries() const {
  std::vector<Diagnostic> problems;
  const MappingFile* mapping = options_.mapping;
  if (mapping == nullptr) return problems;
  if (!any_export_) {
    problems.push_back(
        Diagnostic::error(mapping->source, "", "a mapping is for exports (.csv, .tsv, .xlsx), and no export was read"));
    return problems;
  }
  for (const auto& column : mapping->columns) {
    const std::string key = normalised(column.header);
    if (std::find(mapped_columns_seen_.begin(), mapped_columns_seen_.end(), key) == mapped_columns_seen_.end())
      problems.push_back(Diagnostic::error(mapping->source, JsonPath().key("columns").key(column.header).str(),
                                           "no export read has a column of this name"));
  }
  for (const auto& [value, department] : mapping->departments) {
    const std::string key = normalised(value);
    bool used = false;
    for (const auto& reader : readers_)
      used = used || (reader && reader->table_scratch.mapped_departments_used.contains(key));
    if (!used)
      problems.push_back(Diagnostic::error(mapping->source, JsonPath().key("departments").key(value).str(),
                                           "no row of the exports read has this department"));
  }
  return problems;
}

// A reader's problem with a row, its "column N: " (numbered from 1) named as every other
// message names a column: letter and header.
Diagnostic reader_problem(const std::string& source, const std::string& problem, const TableMapping& mapping) {
  std::size_t i = std::string_view("column ").size();
  if (problem.starts_with("column ")) {
    std::size_t number = 0;
    const std::size_t digits = i;
    while (i < problem.size() && problem[i] >= '0' && problem[i] <= '9' && i - digits < 9)
      number = number * 10 + static_cast<std::size_t>(problem[i++] - '0');
    if (i > digits && number > 0 && problem.compare(i, 2, ": ") == 0)
      return Diagnostic::error(source, mapping.column_name(number - 1), problem.substr(i + 2));
  }
  return Diagnostic::error(source, "", problem);
}

// Rows per batch (batches are cut by the input alone, so this is part of what makes the
// sums the same for any number of threads).
constexpr std::size_t max_rows_per_batch = 128;

// An export (import.md): its header planned here, its rows read on the workers.
void AnswerInputs::take_table(const std::string& path, std::uint32_t file) {
  auto opening = open_export(path, questionnaire_, options_.mapping, options_.sheet);
  if (auto* problems = std::get_if<std::vector<std::string>>(&opening)) {
    std::vector<Diagnostic> diagnostics;
    for (auto& p : *problems) diagnostics.push_back(Diagnostic::error(path, "", std::move(p)));
    reject(path, std::move(diagnostics));
    return;
  }
  OpenedExport& opened = std::get<OpenedExport>(opening);
  tables_.push_back(opened.mapping);
  any_export_ = true;
  for (std::size_t c = 0; c < opened.mapping->columns().size(); ++c) {
    mapped_columns_seen_.push_back(normalised(opened.mapping->columns()[c].header));
    if (opened.mapping->columns()[c].use == ColumnUse::department)
      department_column_.emplace(file, opened.mapping->column_name(c));
    if (opened.mapping->columns()[c].use == ColumnUse::id) id_column_.emplace(file, opened.mapping->column_name(c));
  }
  const TableMapping* mapping = opened.mapping.get();
  const bool xlsx = opened.xlsx;
  for (const auto& [column, question] : mapping->near_misses()) {
    BatchEntry warning;
    warning.kind = BatchEntry::Kind::warning;
    const std::string id = column_target_name(ColumnUse::question, question, questionnaire_);
    warning.problems.push_back(Diagnostic::warning(
        path, mapping->column_name(column),
        fmt::format("not used, but close to the text of the question {}, which no column answers (its answers count "
                    "as skipped): correct the header, or map it (\"columns\": {{\"...\": \"{}\"}})",
                    id, id)));
    current().entries.push_back(std::move(warning));
  }

  const auto take_row = [&](const TableRow& r, TableSource::Status s, const std::string& why) {
    const EntryRef ref{file, r.number, EntryRef::Kind::line};
    if (s == TableSource::Status::bad_row) {
      reject(ref, {reader_problem(name_of(ref), why, *mapping)});
      return;
    }
    if (std::all_of(r.cells.begin(), r.cells.end(), [](const std::string& c) { return blank(c); })) return;
    AnswerBatch& batch = current();
    BatchEntry entry;
    entry.kind = BatchEntry::Kind::row;
    entry.ref = ref;
    entry.file_name = &files_[file];
    entry.table = mapping;
    entry.text_begin = batch.text.size();
    entry.cells_begin = static_cast<std::uint32_t>(batch.cell_ends.size());
    entry.cells_count = static_cast<std::uint32_t>(r.cells.size());
    if (xlsx && batch.numeric_cells.size() < batch.cell_ends.size())
      batch.numeric_cells.resize(batch.cell_ends.size(), false);
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      batch.text += r.cells[c];
      batch.cell_ends.push_back(static_cast<std::uint32_t>(batch.text.size()));
      if (xlsx) batch.numeric_cells.push_back(c < r.numeric.size() && r.numeric[c]);
    }
    entry.text_size = batch.text.size() - entry.text_begin;
    batch.entries.push_back(std::move(entry));
    // Rows are short: a batch of them is cut at fewer entries, about as many answer sets
    // as a chunk of JSON Lines holds, so that the sets in flight take no more memory.
    if (batch.entries.size() >= max_rows_per_batch)
      submit();
    else
      submit_if_full();
  };
  if (const auto failed = opened.read_rows(take_row)) reject(path, {Diagnostic::error(path, "", *failed)});
}

void AnswerInputs::take_file(const std::string& path) {
  const std::uint32_t file = add_file(path);
  if (is_table_file_name(path)) {
    take_table(path, file);
    return;
  }
  if (!path.ends_with(".jsonl")) {
    BatchEntry entry;
    entry.kind = BatchEntry::Kind::file;
    entry.ref = {file, 0, EntryRef::Kind::whole};
    entry.file_name = &files_.back();
    current().entries.push_back(std::move(entry));
    submit_if_full();
    return;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    reject(path, {Diagnostic::error(path, "", fmt::format("cannot read: {}", std::strerror(errno)))});
    return;
  }
  auto open_file = std::make_shared<const OpenFile>(fd);
  struct stat st {};
  const bool known = ::fstat(fd, &st) == 0;
  if (known && S_ISDIR(st.st_mode)) {
    reject(path, {Diagnostic::error(path, "", "is a directory")});
    return;
  }
  LineReader lines(
      [fd](char* buffer, std::size_t size) -> std::ptrdiff_t {
        for (;;) {
          const ssize_t got = ::read(fd, buffer, size);
          if (got >= 0 || errno != EINTR) return got;
        }
      },
      max_json_line_bytes);
  // A regular file's lines after the first are read by the workers, a chunk each; a pipe
  // or a device can only be read in order.
  if (known && S_ISREG(st.st_mode) && st.st_size > 0)  // (a size of 0 may be a /proc file's)
    take_lines(lines, file, std::move(open_file));
  else
    take_lines(lines, file);
}

void AnswerInputs::take_chunks(std::shared_ptr<const OpenFile> open_file, std::uint64_t from,
                               std::uint32_t lines_before, std::uint32_t file) {
  struct stat st {};
  if (::fstat(open_file->fd(), &st) != 0) {
    reject(files_[file], {Diagnostic::error(files_[file], "", "read error")});
    return;
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  submit();  // what came before goes first
  const std::uint64_t chunk_bytes = std::max<std::size_t>(options_.chunk_bytes, 1);
  for (std::uint64_t begin = from; begin < size; begin += chunk_bytes) {
    BatchEntry entry;
    entry.kind = BatchEntry::Kind::chunk;
    entry.ref = {file, 0, EntryRef::Kind::line};
    entry.file_name = &files_[file];
    entry.chunk = {open_file,          from, begin, std::min(size, begin + chunk_bytes), size, lines_before,
                   max_json_line_bytes};
    current().entries.push_back(std::move(entry));
    submit();
  }
}

void AnswerInputs::take_stream(std::istream& in, const std::string& source) {
  const std::uint32_t file = add_file(source);
  LineReader lines(
      [&in](char* buffer, std::size_t size) -> std::ptrdiff_t {
        in.read(buffer, static_cast<std::streamsize>(size));
        return in.bad() ? -1 : in.gcount();
      },
      max_json_document_bytes);
  std::string_view line;
  std::size_t blank_lines = 0;
  LineReader::Status status;
  while ((status = lines.next(line)) == LineReader::Status::line) {
    if (lines.number() == 1 && strip_utf8_bom(line)) {
      BatchEntry warning;
      warning.kind = BatchEntry::Kind::warning;
      warning.problems.push_back(Diagnostic::warning(source, "", "UTF-8 byte-order mark ignored"));
      current().entries.push_back(std::move(warning));
    }
    if (!blank(line)) break;
    ++blank_lines;
  }
  if (status == LineReader::Status::end) {
    take_document(blank_lines > 0 ? " " : "", file);  // parse_json says "empty" or "only white space"
    return;
  }
  if (status == LineReader::Status::too_long) {
    reject(source, {Diagnostic::error(source, "", too_large_message(max_json_document_bytes))});
    return;
  }
  // JSON Lines when the first line holds one object, even a broken one, so that a bad
  // first line costs that line only; else one document, perhaps over many lines.
  if (looks_like_object_line(line)) {
    EntryRef first{file, static_cast<std::uint32_t>(lines.number()), EntryRef::Kind::line};
    std::string first_line(line);
    lines.set_max_line(max_json_line_bytes);
    while ((status = lines.next(line)) == LineReader::Status::line && blank(line)) {
    }
    if (status == LineReader::Status::end) {  // one object alone: named like a file
      take_document(first_line, file);
      return;
    }
    take_line(first_line, first);
    do {
      const EntryRef entry{file, static_cast<std::uint32_t>(lines.number()), EntryRef::Kind::line};
      if (status == LineReader::Status::too_long) {
        reject(entry, {Diagnostic::error(name_of(entry), "", too_large_message(max_json_line_bytes))});
      } else {
        take_line(line, entry);
      }
    } while ((status = lines.next(line)) != LineReader::Status::end);
  } else {
    std::string text(blank_lines, '\n');  // keeps line numbers right in syntax errors
    text += line;
    while ((status = lines.next(line)) != LineReader::Status::end) {
      text += '\n';
      text += line;
      if (status == LineReader::Status::too_long || text.size() > max_json_document_bytes) {
        reject(source, {Diagnostic::error(source, "", too_large_message(max_json_document_bytes))});
        return;
      }
    }
    take_document(text, file);
  }
  if (lines.failed()) reject(source, {Diagnostic::error(source, "", "read error")});
}

void AnswerInputs::take_lines(LineReader& lines, std::uint32_t file, std::shared_ptr<const OpenFile> open_file) {
  std::string_view line;
  LineReader::Status status;
  // Each line is an entry of its own (formats.md §2). A first line that opens an object or
  // array without closing it waits for the next line with text: an object on one line
  // makes it one broken line; anything else means a document pretty-printed over many
  // lines, and its lines say so, rather than each giving a parser error, until a line
  // holds an object again.
  bool first = true;
  std::optional<std::pair<std::string, EntryRef>> unfinished;
  std::uint32_t spread_from = 0;  // the line such a document starts on
  const auto reject_spread_line = [&](const EntryRef& entry) {
    reject(entry, {Diagnostic::error(name_of(entry), "", value_continued_message(spread_from))});
  };
  for (;;) {
    if (open_file && !first && !unfinished && spread_from == 0 && !lines.failed()) {
      // From here on each line stands alone: the rest of the file is read in chunks.
      take_chunks(std::move(open_file), lines.offset(), static_cast<std::uint32_t>(lines.number()), file);
      return;
    }
    if ((status = lines.next(line)) == LineReader::Status::end) break;
    const EntryRef entry{file, static_cast<std::uint32_t>(lines.number()), EntryRef::Kind::line};
    if (spread_from != 0 && status == LineReader::Status::line && !blank(line)) {
      if (!looks_like_object_line(line)) {
        reject_spread_line(entry);
        continue;
      }
      spread_from = 0;
    }
    if ((first || unfinished) && (status == LineReader::Status::too_long || !blank(line))) {
      if (first && status == LineReader::Status::line && starts_unfinished_value(line)) {
        first = false;
        unfinished.emplace(std::string(line), entry);
        continue;
      }
      first = false;
      if (unfinished && status == LineReader::Status::line && !looks_like_object_line(line)) {
        const EntryRef start = unfinished->second;
        reject(start, {Diagnostic::error(name_of(start), "", value_over_lines_message(unfinished->first))});
        unfinished.reset();
        spread_from = start.number;
        reject_spread_line(entry);
        continue;
      }
      if (unfinished) take_line(unfinished->first, unfinished->second);
      unfinished.reset();
    }
    if (status == LineReader::Status::too_long) {
      reject(entry, {too_long_line(entry)});
    } else {
      take_line(line, entry);
    }
  }
  if (unfinished) take_line(unfinished->first, unfinished->second);
  if (lines.failed()) reject(files_[file], {Diagnostic::error(files_[file], "", "read error")});
}

void AnswerInputs::take_line(std::string_view line, const EntryRef& ref) {
  AnswerBatch& batch = current();
  if (ref.number == 1 && strip_utf8_bom(line)) {
    BatchEntry warning;
    warning.kind = BatchEntry::Kind::warning;
    warning.problems.push_back(Diagnostic::warning(files_[ref.file], "", "UTF-8 byte-order mark ignored"));
    batch.entries.push_back(std::move(warning));
  }
  if (line.ends_with('\r')) line.remove_suffix(1);
  if (!blank(line)) {
    BatchEntry entry;
    entry.kind = BatchEntry::Kind::line;
    entry.ref = ref;
    entry.file_name = &files_[ref.file];
    entry.text_begin = batch.text.size();
    entry.text_size = line.size();
    batch.text += line;
    batch.entries.push_back(std::move(entry));
  }
  submit_if_full();
}

void AnswerInputs::take_document(std::string_view text, std::uint32_t file) {
  AnswerBatch& batch = current();
  BatchEntry entry;
  entry.kind = BatchEntry::Kind::document;
  entry.ref = {file, 0, EntryRef::Kind::whole};
  entry.file_name = &files_[file];
  entry.text_begin = batch.text.size();
  entry.text_size = text.size();
  batch.text += text;
  batch.entries.push_back(std::move(entry));
  submit_if_full();
}

std::optional<Diagnostic> not_asked_warning(const InputSummary& summary) {
  if (summary.not_asked_answers == 0) return std::nullopt;
  return Diagnostic::warning(
      summary.not_asked_first, "",
      fmt::format("{} answer{} of {} employee{} to questions asked of leaders only {} not counted (the first here); "
                  "leave those questions out of the employees' form, or check the role column",
                  summary.not_asked_answers, summary.not_asked_answers == 1 ? "" : "s", summary.not_asked_sets,
                  summary.not_asked_sets == 1 ? "" : "s", summary.not_asked_answers == 1 ? "was" : "were"));
}

}  // namespace centric
