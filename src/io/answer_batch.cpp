#include "io/answer_batch.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "centric/json_input.hpp"
#include "io/read_file.hpp"

namespace centric {
namespace fs = std::filesystem;
using nlohmann::json;

std::string name_of(const std::string& file, const EntryRef& entry) {
  switch (entry.kind) {
    case EntryRef::Kind::line:
      return fmt::format("{}:{}", file, entry.number);
    case EntryRef::Kind::element:
      return fmt::format("{}[{}]", file, entry.number);
    case EntryRef::Kind::whole:
      break;
  }
  return file;
}

OpenFile::~OpenFile() { ::close(fd_); }

char* ReadBuffer::extend(std::size_t count) {
  if (size_ + count > capacity_) {
    const std::size_t capacity = std::max(size_ + count, 2 * capacity_);
    auto grown = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);
    data_ = std::move(grown);
    capacity_ = capacity;
  }
  char* first = data_.get() + size_;
  size_ += count;
  return first;
}

void BatchDepartments::clear() {
  size_ = 0;
  last_ = 0;
  index_.clear();
}

BatchDepartments::Department* BatchDepartments::find(std::string_view department) {
  if (size_ == 0) return nullptr;
  if (list_[last_].name == department) return &list_[last_];
  if (size_ <= scanned) {
    for (std::size_t i = 0; i < size_; ++i)
      if (list_[i].name == department) return &list_[last_ = i];
    return nullptr;
  }
  const auto found = index_.find(std::string(department));
  if (found == index_.end()) return nullptr;
  return &list_[last_ = found->second];
}

void BatchDepartments::note(std::string_view department, const EntryRef& ref) {
  if (Department* d = find(department)) {
    ++d->count;
    // Only a set the merge reads itself (a deferred line) can come before the first.
    if (ref.file < d->first.file || (ref.file == d->first.file && ref.number < d->first.number)) d->first = ref;
    return;
  }
  if (size_ == list_.size()) list_.emplace_back();
  Department& d = list_[size_];
  d.name.assign(department);
  d.first = ref;
  d.count = 1;
  last_ = size_++;
  if (size_ == scanned + 1)
    for (std::size_t i = 0; i < size_; ++i) index_.emplace(list_[i].name, i);
  else if (size_ > scanned + 1)
    index_.emplace(d.name, last_);
}

void BatchDepartments::unnote(std::string_view department) {
  if (Department* d = find(department); d && d->count > 0) --d->count;
}

void AnswerBatch::clear() {
  entries.clear();
  text.clear();
  cell_ends.clear();
  numeric_cells.clear();
  fold_like = nullptr;
  if (output) output->owner->give_back(*output);
  output = nullptr;
}

BatchOutput& BatchReader::lend() {
  BatchOutput* output = nullptr;
  {
    std::lock_guard lock(outputs_mutex_);
    if (free_outputs_.empty()) {
      outputs_.push_back(std::make_unique<BatchOutput>());
      outputs_.back()->owner = this;
      return *outputs_.back();
    }
    output = free_outputs_.back();
    free_outputs_.pop_back();
  }
  output->events.clear();
  output->set_count = 0;
  output->chunk_lines = 0;
  output->departments.clear();
  return *output;
}

void BatchReader::give_back(BatchOutput& output) {
  std::lock_guard lock(outputs_mutex_);
  free_outputs_.push_back(&output);
}

namespace {

class BatchReading {
 public:
  BatchReading(AnswerBatch& batch, BatchReader& reader) : batch_(batch), out_(*batch.output), reader_(reader) {}

  void read(BatchEntry& entry) {
    switch (entry.kind) {
      case BatchEntry::Kind::line:
        read_line(text_of(entry), entry);
        return;
      case BatchEntry::Kind::document:
        read_document(text_of(entry), entry, FastAnswerParser::Padding::present);
        return;
      case BatchEntry::Kind::listed_file: {
        std::error_code ec;
        const auto status = fs::status(*entry.file_name, ec);
        if (fs::exists(status) && !fs::is_regular_file(status)) {
          // A FIFO or a device would block or never end.
          reject(*entry.file_name, {Diagnostic::error(*entry.file_name, "", "not a regular file (skipped)")});
          return;
        }
        [[fallthrough]];
      }
      case BatchEntry::Kind::file: {
        auto content = centric::read_file(*entry.file_name, max_json_document_bytes);
        if (auto* error = std::get_if<std::string>(&content))
          reject(*entry.file_name, {Diagnostic::error(*entry.file_name, "", *error)});
        else
          read_document(padded(std::get<FileContent>(content).bytes), entry, FastAnswerParser::Padding::present);
        return;
      }
      case BatchEntry::Kind::rejected:
        reject(std::move(entry.source), std::move(entry.problems));
        return;
      case BatchEntry::Kind::warning:
        warn(std::move(entry.problems.front()));
        return;
      case BatchEntry::Kind::chunk:
        read_chunk(entry);
        return;
      case BatchEntry::Kind::row:
        read_row(entry);
        return;
    }
  }

 private:
  std::string_view text_of(const BatchEntry& entry) const {
    return std::string_view(batch_.text).substr(entry.text_begin, entry.text_size);
  }

  AnswerSet& next_set() {
    if (out_.set_count == out_.sets.size()) out_.sets.emplace_back();
    return out_.sets[out_.set_count];
  }

  // The set in next_set() is accepted.
  void accept(const EntryRef& ref) {
    const std::size_t index = out_.set_count++;
    if (out_.fold) out_.fold->add(out_.sets[index]);
    out_.departments.note(out_.sets[index].respondent.department, ref);
    BatchEvent event;
    event.kind = BatchEvent::Kind::accepted;
    event.ref = ref;
    event.set = index;
    const AnswerSet& answers = out_.sets[index];
    event.complete = answers.complete;
    event.has_id = answers.respondent.id.has_value();
    if (event.has_id) event.id = RespondentIds::fingerprint(*answers.respondent.id);
    out_.events.push_back(std::move(event));
  }

  void reject(std::string source, std::vector<Diagnostic> problems) {
    BatchEvent event;
    event.kind = BatchEvent::Kind::rejected;
    event.source = std::move(source);
    event.problems = std::move(problems);
    out_.events.push_back(std::move(event));
  }

  void warn(Diagnostic warning) {
    BatchEvent event;
    event.kind = BatchEvent::Kind::warning;
    event.problems.push_back(std::move(warning));
    out_.events.push_back(std::move(event));
  }

  // Appends up to `count` bytes from `offset` (fewer at the end of the file).
  static bool read_at(int fd, ReadBuffer& out, std::uint64_t offset, std::size_t count) {
    const std::size_t start = out.size();
    char* to = out.extend(count);
    std::size_t got = 0;
    while (got < count) {
      const ssize_t n = ::pread(fd, to + got, count - got, static_cast<off_t>(offset + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        out.shrink(start + got);
        return n == 0;
      }
      got += static_cast<std::size_t>(n);
    }
    return true;
  }

  void read_chunk(const BatchEntry& entry) {
    const FileChunk& chunk = entry.chunk;
    const int fd = chunk.file->fd();
    // In the thread's own buffer: a batch's memory moves between cores, and bytes that
    // one core wrote and another overwrites cost a transfer each.
    ReadBuffer& text = reader_.chunk_text;
    text.clear();
    // One byte before the chunk says whether a line starts at its beginning.
    const std::size_t lead = chunk.begin > chunk.first ? 1 : 0;
    if (!read_at(fd, text, chunk.begin - lead, static_cast<std::size_t>(chunk.end - chunk.begin) + lead))
      return read_error(entry);
    std::size_t start = 0;
    if (lead == 1) {
      const auto newline = text.view().find('\n');
      if (newline == std::string_view::npos) return;  // inside a line that started before
      start = newline + 1;
    }
    if (start >= text.size()) return;
    // The last line that starts here may end past the chunk: read on to its end, keeping
    // no more than makes it too long.
    if (text.view().back() != '\n' && chunk.end < chunk.size) {
      const auto last_newline = text.view().rfind('\n');
      const std::size_t last_start =
          last_newline == std::string_view::npos || last_newline < start ? start : last_newline + 1;
      std::uint64_t offset = chunk.end;
      std::size_t want = std::size_t{4} << 10;  // a line is usually far shorter; more if not
      while (offset < chunk.size) {
        const std::size_t before = text.size();
        const auto piece = static_cast<std::size_t>(std::min<std::uint64_t>(want, chunk.size - offset));
        want = std::min(want * 2, std::size_t{1} << 20);
        if (!read_at(fd, text, offset, piece)) return read_error(entry);
        if (text.size() == before) break;  // the file is shorter now
        const auto newline = text.view().find('\n', before);
        if (newline != std::string_view::npos) {
          text.shrink(newline + 1);
          break;
        }
        if (text.size() - last_start > chunk.max_line) {
          text.shrink(last_start + chunk.max_line + 1);  // enough to say it is too long
          break;
        }
        offset += text.size() - before;
      }
    }
    const std::size_t data_end = text.size();
    std::memset(text.extend(FastAnswerParser::padding_bytes), ' ', FastAnswerParser::padding_bytes);
    const std::string_view all = text.view();
    std::uint32_t number = 0;
    for (std::size_t position = start; position < data_end;) {
      std::size_t newline = all.find('\n', position);
      if (newline == std::string_view::npos || newline > data_end) newline = data_end;
      std::string_view line = all.substr(position, newline - position);
      position = newline + 1;
      ++number;
      const EntryRef ref{entry.ref.file, number, EntryRef::Kind::line};
      if (line.size() > chunk.max_line) {
        defer(BatchEvent::Kind::deferred_too_long, ref, 0, 0);
        continue;
      }
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      if (reader_.fast.parse_object(line, next_set(), FastAnswerParser::Padding::present))
        accept(ref);
      else
        defer_line(ref, line);
    }
    out_.chunk_lines = number;
  }

  void read_row(const BatchEntry& entry) {
    auto& cells = reader_.table_scratch.cells;
    cells.clear();
    std::size_t begin = entry.text_begin;
    const bool has_numeric = entry.cells_begin + std::size_t{entry.cells_count} <= batch_.numeric_cells.size();
    auto& numeric = reader_.numeric;
    numeric.clear();
    for (std::uint32_t i = 0; i < entry.cells_count; ++i) {
      const std::size_t end = batch_.cell_ends[entry.cells_begin + i];
      cells.push_back(std::string_view(batch_.text).substr(begin, end - begin));
      if (has_numeric) numeric.push_back(batch_.numeric_cells[entry.cells_begin + i]);
      begin = end;
    }
    std::vector<Diagnostic> problems;
    if (entry.table->convert(cells, has_numeric ? &numeric : nullptr, next_set(), problems, *entry.file_name,
                             entry.ref.number, reader_.table_scratch)) {
      accept(entry.ref);
      out_.events.back().from_table = true;
    } else {
      reject(name_of(*entry.file_name, entry.ref), std::move(problems));
    }
  }

  void read_error(const BatchEntry& entry) {
    reject(*entry.file_name, {Diagnostic::error(*entry.file_name, "", "read error")});
  }

  // The line is copied into the batch, for the merge to read.
  void defer_line(const EntryRef& ref, std::string_view line) {
    defer(BatchEvent::Kind::deferred, ref, batch_.text.size(), line.size());
    batch_.text += line;
  }

  void defer(BatchEvent::Kind kind, const EntryRef& ref, std::size_t begin, std::size_t size) {
    BatchEvent event;
    event.kind = kind;
    event.ref = ref;
    event.text_begin = begin;
    event.text_size = size;
    out_.events.push_back(std::move(event));
  }

  void read_line(std::string_view line, const BatchEntry& entry) {
    if (reader_.fast.parse_object(line, next_set(), FastAnswerParser::Padding::present)) {
      accept(entry.ref);
      return;
    }
    const std::string name = name_of(*entry.file_name, entry.ref);
    auto parsed = parse_json(line, name);
    if (auto* error = std::get_if<Diagnostic>(&parsed)) {
      error->line = 0;  // the line is part of the entry's name; the column still helps
      reject(name, {std::move(*error)});
      return;
    }
    const json& value = std::get<JsonParse>(parsed).value;
    if (!value.is_object()) {
      reject(name,
             {Diagnostic::error(name, "",
                                fmt::format("each line must hold one answers object, not {}", json_type_name(value)))});
      return;
    }
    offer(value, entry.ref, name);
  }

  // The text, now followed by the bytes the fast reader may read past its end.
  static std::string_view padded(std::string& text) {
    const std::size_t size = text.size();
    text.append(FastAnswerParser::padding_bytes, ' ');
    return std::string_view(text).substr(0, size);
  }

  void read_document(std::string_view text, const BatchEntry& entry, FastAnswerParser::Padding padding) {
    const std::uint32_t file = entry.ref.file;
    auto& sets = reader_.scratch;
    switch (reader_.fast.parse_document(text, sets, padding)) {
      case FastAnswerParser::Document::object:
        std::swap(next_set(), sets.front());
        accept({file, 0, EntryRef::Kind::whole});
        return;
      case FastAnswerParser::Document::array:
        for (std::size_t i = 0; i < sets.size(); ++i) {
          std::swap(next_set(), sets[i]);
          accept({file, static_cast<std::uint32_t>(i), EntryRef::Kind::element});
        }
        return;
      case FastAnswerParser::Document::declined:
        break;
    }
    const std::string& source = *entry.file_name;
    auto parsed = parse_json(text, source);
    if (auto* error = std::get_if<Diagnostic>(&parsed)) {
      reject(source, {std::move(*error)});
      return;
    }
    auto& document = std::get<JsonParse>(parsed);
    for (auto& w : document.warnings) warn(std::move(w));
    const json& value = document.value;
    if (value.is_object()) {
      offer(value, {file, 0, EntryRef::Kind::whole}, source);
      return;
    }
    if (!value.is_array()) {
      reject(source, {Diagnostic::error(source, "",
                                        fmt::format("expected an answers object or an array of them, not {}",
                                                    json_type_name(value)))});
      return;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      const EntryRef ref{file, static_cast<std::uint32_t>(i), EntryRef::Kind::element};
      const std::string name = name_of(source, ref);
      if (!value[i].is_object()) {
        reject(name,
               {Diagnostic::error(
                   name, "", fmt::format("an answer set must be a JSON object, not {}", json_type_name(value[i])))});
        continue;
      }
      offer(value[i], ref, name);
    }
  }

  void offer(const json& object, const EntryRef& ref, const std::string& name) {
    auto result = reader_.reader.read(object, name);
    if (auto* problems = std::get_if<std::vector<Diagnostic>>(&result)) {
      reject(name, std::move(*problems));
      return;
    }
    next_set() = std::move(std::get<AnswerSet>(result));
    accept(ref);
  }

  AnswerBatch& batch_;
  BatchOutput& out_;
  BatchReader& reader_;
};

}  // namespace

void read_batch(AnswerBatch& batch, BatchReader& reader) {
  // Lines and documents are read in place; a chunk (alone in its batch) reads its bytes
  // into the empty text and pads them itself.
  const bool chunk = !batch.entries.empty() && batch.entries.front().kind == BatchEntry::Kind::chunk;
  if (!chunk) batch.text.append(FastAnswerParser::padding_bytes, ' ');
  BatchOutput& output = reader.lend();
  batch.output = &output;
  if (!batch.fold_like)
    output.fold.reset();
  else if (output.fold)
    output.fold->clear();
  else
    output.fold = batch.fold_like->empty_like();
  BatchReading reading(batch, reader);
  for (auto& entry : batch.entries) reading.read(entry);
}

}  // namespace centric
