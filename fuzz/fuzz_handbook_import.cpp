// fuzz_handbook_import: cm::import_handbook on a checkout held in memory (the
// ImportOptions::read callback). The input is split into files at "\n@@@\n": the
// department's _index.md, then the level pages associate, intermediate, senior,
// staff, principal, then the included files, given out in the order the importer
// asks for them (see FakeCheckout in fuzz_checks.h).
// Beyond "does not crash": a successful import satisfies the model's invariants
// and survives save_framework -> load_framework unchanged; importing again with
// the first result as `previous` gives the same framework (stable ids); a failed
// import says why.
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return cm_fuzz::run_target(cm_fuzz::check_handbook_import, data, size);
}
