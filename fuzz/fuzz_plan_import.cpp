// fuzz_plan_import: cm::import_plan_json on any bytes (a plan file chosen by the
// user, possibly from someone else). Beyond "does not crash": plans come back
// only from a file without problems; each one goes through plan_export_json and
// imports back as the same plan; its Markdown and HTML exports (against the
// default data, an edge-case framework and an empty one) contain no tag, script,
// heading or raw HTML line that came from user text, and only http(s) or relative links.
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    cm_fuzz::default_framework();
    cm_fuzz::tiny_framework();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    return cm_fuzz::run_target(cm_fuzz::check_plan_import, data, size);
}
