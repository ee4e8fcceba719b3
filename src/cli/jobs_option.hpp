// The --jobs option: how many threads read the inputs.
#pragma once

namespace centric::cli {

// The cores this process may run on (its CPU affinity, as nproc counts them), at least 1.
unsigned available_cores();

}  // namespace centric::cli
