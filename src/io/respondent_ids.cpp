#include "io/respondent_ids.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace centric {

RespondentIds::Fingerprint RespondentIds::fingerprint(std::string_view id) {
  const XXH128_hash_t hash = XXH3_128bits(id.data(), id.size());
  Fingerprint print{hash.low64, hash.high64};
  if (print.low == 0 && print.high == 0) print.low = 1;  // keeps "empty" unambiguous
  return print;
}

void RespondentIds::prefetch(const Fingerprint& id) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::size_t>(id.low) & (slots_.size() - 1)]);
}

std::optional<RespondentIds::Place> RespondentIds::insert(const Fingerprint& id, Place place) {
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();  // at most 3/4 full
  const Slot wanted{id.low, id.high, (std::uint32_t{place.kind} << 30) | (place.file & 0x3FFFFFFFu), place.number};
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(wanted.low) & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.low == 0 && slot.high == 0) {
      slot = wanted;
      ++size_;
      return std::nullopt;
    }
    if (slot.low == wanted.low && slot.high == wanted.high)
      return Place{slot.kind_and_file & 0x3FFFFFFFu, slot.number, static_cast<std::uint8_t>(slot.kind_and_file >> 30)};
  }
}

void RespondentIds::grow() {
  std::vector<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.low == 0 && slot.high == 0) continue;
    std::size_t i = static_cast<std::size_t>(slot.low) & mask;
    while (slots_[i].low != 0 || slots_[i].high != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace centric
