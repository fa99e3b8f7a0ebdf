// fuzz_plan_decode: the stored plans document (localStorage that any page of the
// origin, or an old version of the app, may have written). Runs cm::decode_plans
// with and without a framework (the version-1 migration pins texts from it), then
// cm::PlanStore::load and a save on a MemoryStore holding the input under the
// plans key, once with room to spare and once with a quota too small for a backup.
// Beyond "does not crash": a decoded or loaded document always re-encodes to a
// document that decodes as Ok and equal; a refused one is empty with a reason;
// a stored value that was not loaded as is is never lost (it stays under the
// main key or in a backup), and a successful save loads back as saved.
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    cm_fuzz::default_framework();  // load once, before the clock starts
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return cm_fuzz::run_target(cm_fuzz::check_plan_decode, data, size);
}
