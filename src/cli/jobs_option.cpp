#include "cli/jobs_option.hpp"

#include <sched.h>

#include <thread>

namespace centric::cli {

unsigned available_cores() {
  // Not hardware_concurrency() alone: under `taskset -c 0` or a container's CPU set, a
  // thread per machine core would only take turns on the cores allowed.
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int count = CPU_COUNT(&set);
    if (count > 0) return static_cast<unsigned>(count);
  }
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

}  // namespace centric::cli
