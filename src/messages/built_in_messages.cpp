// The catalogues in messages/LANGUAGE/*.json, embedded at build time (cmake/embed_file.cmake
// and the list in CMakeLists.txt).
#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "centric/messages.hpp"

namespace centric {
namespace embedded {
#define CENTRIC_MESSAGE_FILE(symbol) extern const std::string_view symbol;
#include "messages_files.inc"
#undef CENTRIC_MESSAGE_FILE
}  // namespace embedded

namespace {

struct CatalogueFiles {
  const char* language;
  std::vector<std::string_view> documents;
};

std::vector<CatalogueFiles> catalogue_files() {
  std::vector<CatalogueFiles> files;
  const auto add = [&](const char* language, std::string_view document) {
    for (auto& f : files)
      if (std::string_view(f.language) == language) {
        f.documents.push_back(document);
        return;
      }
    files.push_back({language, {document}});
  };
#define CENTRIC_MESSAGE_ENTRY(language, symbol) add(language, embedded::symbol);
#include "messages_entries.inc"
#undef CENTRIC_MESSAGE_ENTRY
  return files;
}

// The built-in catalogues, parsed once. A broken built-in catalogue is a bug in the build
// (the tests parse every one), not something a user can cause or recover from.
const std::vector<std::unique_ptr<Messages>>& catalogues() {
  static const std::vector<std::unique_ptr<Messages>> parsed = [] {
    std::vector<std::unique_ptr<Messages>> out;
    for (const auto& files : catalogue_files()) {
      const Messages* english = out.empty() ? nullptr : out.front().get();
      auto result = Messages::parse(files.language, files.documents, english);
      if (auto* error = std::get_if<std::string>(&result)) {
        std::fprintf(stderr, "centric: internal error: built-in messages: %s\n", error->c_str());
        std::abort();
      }
      out.push_back(std::make_unique<Messages>(std::move(std::get<Messages>(result))));
    }
    return out;
  }();
  return parsed;
}

}  // namespace

const Messages& Messages::built_in(std::string_view language) {
  for (const auto& m : catalogues())
    if (m->language() == language) return *m;
  return *catalogues().front();
}

std::vector<std::string> Messages::built_in_languages() {
  std::vector<std::string> out;
  for (const auto& m : catalogues()) out.push_back(m->language());
  return out;
}

}  // namespace centric
