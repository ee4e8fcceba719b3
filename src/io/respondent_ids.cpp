#include "io/respondent_ids.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <new>
#include <utility>

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

namespace {
constexpr std::size_t huge_page = std::size_t{2} << 20;
}

RespondentIds::Slots::Slots(std::size_t count) : count_(count) {
  const std::size_t bytes = count * sizeof(Slot);
  const bool large = bytes >= huge_page / 2;
  // A large table is aligned to a huge page, which a mapping of its size alone may not be;
  // the slack around it is never touched, so it takes no memory.
  const std::size_t usable = large ? (bytes + huge_page - 1) / huge_page * huge_page : bytes;
  mapped_bytes_ = large ? usable + huge_page : bytes;
  mapping_ = mmap(nullptr, mapped_bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping_ == MAP_FAILED) {
    mapping_ = nullptr;
    throw std::bad_alloc();
  }
  auto start = reinterpret_cast<std::uintptr_t>(mapping_);
  if (large) {
    start = (start + huge_page - 1) / huge_page * huge_page;
#ifdef MADV_HUGEPAGE
    madvise(reinterpret_cast<void*>(start), usable, MADV_HUGEPAGE);  // a hint: failing is fine
#endif
  }
  slots_ = reinterpret_cast<Slot*>(start);  // an anonymous mapping reads as zeros: all empty
}

RespondentIds::Slots::Slots(Slots&& other) noexcept
    : mapping_(std::exchange(other.mapping_, nullptr)),
      mapped_bytes_(std::exchange(other.mapped_bytes_, 0)),
      slots_(std::exchange(other.slots_, nullptr)),
      count_(std::exchange(other.count_, 0)) {}

RespondentIds::Slots& RespondentIds::Slots::operator=(Slots&& other) noexcept {
  Slots gone(std::move(other));
  std::swap(mapping_, gone.mapping_);
  std::swap(mapped_bytes_, gone.mapped_bytes_);
  std::swap(slots_, gone.slots_);
  std::swap(count_, gone.count_);
  return *this;
}

RespondentIds::Slots::~Slots() {
  if (mapping_) munmap(mapping_, mapped_bytes_);
}

void RespondentIds::grow() {
  // Doubling, except from 8192 slots straight to 65536, the first size a huge page pays
  // for: the sizes between would take about 300 page faults (a few milliseconds here).
  std::size_t count = slots_.empty() ? 1024 : slots_.size() * 2;
  if (count > 8192 && count < 65536) count = 65536;
  Slots old(count);
  std::swap(old, slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.low == 0 && slot.high == 0) continue;
    std::size_t i = static_cast<std::size_t>(slot.low) & mask;
    while (slots_[i].low != 0 || slots_[i].high != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace centric
