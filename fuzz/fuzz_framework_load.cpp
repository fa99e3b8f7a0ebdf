// fuzz_framework_load: cm::load_framework on any bytes (a hand-edited data file).
// Beyond "does not crash": a success reports no problem, satisfies the model's
// invariants (index() consistent, every `extends` pointing to a lower level in
// the same area, ids valid and unique, levels sorted) and survives
// save_framework -> load_framework with the same ids and texts (with and
// without hashes); a failure reports at least one problem.
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return cm_fuzz::run_target(cm_fuzz::check_framework_load, data, size);
}
