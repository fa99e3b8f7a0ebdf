// fuzz_view_hash: cm::parse_view_hash on any bytes (the URL fragment of a shared
// link), against the default data and an edge-case framework whose ids end in
// '.', '-' or '_'. Beyond "does not crash": the state holds only ids that exist
// (levels in ladder order, nothing repeated); format_view_hash(parse(x)) is
// within kMaxHashBytes, parses back to the same state without a warning, and
// formats to itself (a link the app writes always means what it showed).
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    cm_fuzz::default_framework();
    cm_fuzz::tiny_framework();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return cm_fuzz::run_target(cm_fuzz::check_view_hash, data, size);
}
