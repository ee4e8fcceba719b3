// The respondent ids seen so far, for the duplicate rule (formats.md §2), each with where
// it was first seen.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace centric {

// Keeps a 128-bit fingerprint (XXH3) of each id rather than the id: 24 bytes a slot in an
// open-addressing table, where a hash map of strings took about 140 bytes an id. Two
// different ids share a fingerprint with a probability of about n²/2¹²⁹ (below 10⁻²⁶ for
// a million ids), far below that of a memory error, so the rule stays exact in practice.
// Exact detection of duplicates needs memory that grows with the number of distinct ids;
// this keeps it small (docs/performance.md).
class RespondentIds {
 public:
  // Where an id was first seen, as the caller names it: a file index and a number.
  struct Place {
    std::uint32_t file = 0;  // below 2^30 (each file's name is kept, so far fewer)
    std::uint32_t number = 0;
    std::uint8_t kind = 0;  // below 4
  };

  // An id's 128 bits, never all zero. Worker threads compute them, so that the thread
  // that applies the rule in input order only looks them up.
  struct Fingerprint {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
  };
  static Fingerprint fingerprint(std::string_view id);

  // Records the id at `place` and returns nothing, or returns where it was seen before.
  std::optional<Place> insert(const Fingerprint& id, Place place);
  std::optional<Place> insert(std::string_view id, Place place) { return insert(fingerprint(id), place); }
  // Starts loading the id's slot into the cache: a batch's ids are looked up in a table
  // far larger than the cache, and waiting for each in turn is most of the rule's cost.
  void prefetch(const Fingerprint& id) const;
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t low = 0;  // low == 0 && high == 0: empty
    std::uint64_t high = 0;
    std::uint32_t kind_and_file = 0;
    std::uint32_t number = 0;
  };
  // Zeroed slots in memory mapped for them alone. A table outgrows the cache, and each
  // growth touches fresh memory: in 4 KiB pages, a page fault per 170 slots made growing
  // cost about as much as all the lookups (a third of a core's time at 100k ids, in a
  // virtual machine where faults are dear, and on the thread that merges, which the
  // other threads wait for). So a large table asks for 2 MiB pages (Linux's
  // MADV_HUGEPAGE), a fault per 87,000 slots; where the kernel does not give them it
  // works as before.
  class Slots {
   public:
    Slots() = default;
    explicit Slots(std::size_t count);
    Slots(Slots&& other) noexcept;
    Slots& operator=(Slots&& other) noexcept;
    ~Slots();
    std::size_t size() const { return count_; }
    bool empty() const { return count_ == 0; }
    Slot& operator[](std::size_t i) { return slots_[i]; }
    const Slot& operator[](std::size_t i) const { return slots_[i]; }
    const Slot* begin() const { return slots_; }
    const Slot* end() const { return slots_ + count_; }

   private:
    void* mapping_ = nullptr;
    std::size_t mapped_bytes_ = 0;
    Slot* slots_ = nullptr;
    std::size_t count_ = 0;
  };
  void grow();

  Slots slots_;
  std::size_t size_ = 0;
};

}  // namespace centric
