// The benchmark's parse-only floor: what reading the answer sets costs before any
// validation or scoring. It reads the same inputs as `centric assess` (.jsonl files, one
// object per line; .json files, one object or an array; directories, every *.json and
// *.jsonl below them in byte order of their paths), parses each answer set into an
// nlohmann::json DOM, counts the objects and prints the count. Nothing else.
//
// Built by bench/run.sh, not by CMake:
//   g++ -O2 -DNDEBUG -std=c++20 -pthread bench/parse_floor.cpp -o parse_floor
// Usage:
//   parse_floor [--threads N] INPUT...
// With --threads N the work is split into N parts: a directory's files into N runs of
// consecutive files, a .jsonl file into N byte ranges cut at line ends. That shows how
// far two cores can go on this machine for the same work.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "parse_floor: %s\n", what.c_str());
  std::exit(1);
}

// Counts the answer-set objects of one JSON text: 1 for an object, its object elements for
// an array. Parsed into a DOM, as centric does.
std::size_t count_objects(std::string_view text) {
  const nlohmann::json value = nlohmann::json::parse(text.begin(), text.end());
  if (value.is_object()) return 1;
  std::size_t n = 0;
  if (value.is_array())
    for (const auto& element : value) n += element.is_object();
  return n;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

int open_or_die(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) die(path + ": " + std::strerror(errno));
  return fd;
}

// The lines of bytes [begin, end) of a .jsonl file whose line starts are in the range,
// read in 1 MiB chunks as centric reads them.
std::size_t count_jsonl_range(const std::string& path, off_t begin, off_t end) {
  const int fd = open_or_die(path);
  std::string buffer;
  std::string line;
  std::size_t n = 0;
  off_t at = begin;
  // A range that does not start the file starts after the first line end at or after begin - 1.
  bool skipping = begin > 0;
  if (skipping) at = begin - 1;
  bool done = false;
  while (!done) {
    buffer.resize(std::size_t{1} << 20);
    const ssize_t got = ::pread(fd, buffer.data(), buffer.size(), at);
    if (got < 0) die(path + ": " + std::strerror(errno));
    if (got == 0) break;
    buffer.resize(static_cast<std::size_t>(got));
    std::size_t pos = 0;
    while (pos < buffer.size()) {
      const auto newline = buffer.find('\n', pos);
      const std::size_t stop = newline == std::string::npos ? buffer.size() : newline;
      if (skipping) {
        if (newline == std::string::npos) {
          pos = buffer.size();
          continue;
        }
        skipping = false;
        pos = newline + 1;
        continue;
      }
      if (line.empty() && at + static_cast<off_t>(pos) >= end) {  // the next line starts in the next range
        done = true;
        break;
      }
      line.append(buffer, pos, stop - pos);
      pos = stop;
      if (newline != std::string::npos) {
        if (!blank(line)) n += count_objects(line);
        line.clear();
        pos = newline + 1;
      }
    }
    at += got;
  }
  if (!done && !blank(line)) n += count_objects(line);
  ::close(fd);
  return n;
}

std::string read_whole(const std::string& path) {
  const int fd = open_or_die(path);
  struct stat st {};
  if (::fstat(fd, &st) != 0) die(path + ": " + std::strerror(errno));
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t have = 0;
  while (have < text.size()) {
    const ssize_t got = ::read(fd, text.data() + have, text.size() - have);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) die(path + ": " + std::strerror(errno));
    if (got == 0) break;
    have += static_cast<std::size_t>(got);
  }
  text.resize(have);
  ::close(fd);
  return text;
}

bool is_jsonl(const std::string& path) { return path.ends_with(".jsonl"); }

std::size_t count_file(const std::string& path) {
  if (is_jsonl(path)) return count_jsonl_range(path, 0, std::numeric_limits<off_t>::max());
  return count_objects(read_whole(path));
}

// Every *.json and *.jsonl below dir, sorted by path (as centric orders them).
void list_directory(const std::string& dir, std::vector<std::string>& files) {
  std::vector<std::string> found;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) continue;
    std::string path = it->path().string();
    if (path.ends_with(".json") || is_jsonl(path)) found.push_back(std::move(path));
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = 1;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (arg.starts_with("-")) {
      std::fprintf(stderr, "usage: parse_floor [--threads N] INPUT...\n");
      return 2;
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: parse_floor [--threads N] INPUT...\n");
    return 2;
  }

  std::size_t total = 0;
  try {
    for (const auto& input : inputs) {
      if (fs::is_directory(input)) {
        std::vector<std::string> files;
        list_directory(input, files);
        std::vector<std::size_t> counts(threads, 0);
        std::vector<std::jthread> workers;
        const std::size_t per = (files.size() + threads - 1) / threads;
        for (unsigned t = 0; t < threads; ++t)
          workers.emplace_back([&, t] {
            for (std::size_t i = t * per; i < std::min(files.size(), (t + 1) * per); ++i)
              counts[t] += count_file(files[i]);
          });
        workers.clear();  // joins
        for (auto c : counts) total += c;
      } else if (is_jsonl(input) && threads > 1) {
        std::error_code ec;
        const auto size = static_cast<off_t>(fs::file_size(input, ec));
        if (ec) die(input + ": " + ec.message());
        std::vector<std::size_t> counts(threads, 0);
        std::vector<std::jthread> workers;
        for (unsigned t = 0; t < threads; ++t)
          workers.emplace_back([&, t] {
            counts[t] =
                count_jsonl_range(input, size * t / threads,
                                  t + 1 == threads ? std::numeric_limits<off_t>::max() : size * (t + 1) / threads);
          });
        workers.clear();
        for (auto c : counts) total += c;
      } else {
        total += count_file(input);
      }
    }
  } catch (const std::exception& e) {
    die(e.what());
  }
  std::printf("%zu answer sets parsed\n", total);
  return 0;
}
