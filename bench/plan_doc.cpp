// cm-bench-plan: writes a stored plans document (the localStorage value under
// "career-matrix:plans", format version 2) holding large plans, for the
// browser benchmark to seed before the page loads. Made with the core's own
// encode_plans, so it is exactly what the app would have saved.
//   cm-bench-plan [--plans 3] [--items 400] [-o OUT.json]    (framework: $CM_DATA or the default data)
#include "fixtures.h"
#include "plan_storage.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

int main(int argc, char** argv) {
    size_t plans = 3, items = 400;
    const char* output = nullptr;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--plans") && i + 1 < argc) plans = size_t(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--items") && i + 1 < argc) items = size_t(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "-o") && i + 1 < argc) output = argv[++i];
        else {
            std::fprintf(stderr, "usage: cm-bench-plan [--plans N] [--items N] [-o OUT.json]\n");
            return 2;
        }
    }
    cm::PlanDocument doc = bench::large_plan_document(bench::framework(1), plans, items);
    doc.revision = 1;
    doc.saved_ms = bench::kNowMs;
    std::string text = cm::encode_plans(doc);
    cm::DecodeResult check = cm::decode_plans(text, &bench::framework(1));
    if (check.status != cm::DecodeStatus::Ok) {
        std::fprintf(stderr, "cm-bench-plan: the document does not decode: %s\n", check.reason.c_str());
        return 1;
    }
    size_t total = 0;
    for (const cm::Plan& p : doc.plans) total += p.items.size();
    if (!output) {
        std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
        std::ofstream out(output, std::ios::binary);
        out << text;
        if (!out.good()) {
            std::fprintf(stderr, "%s: cannot write the file\n", output);
            return 2;
        }
    }
    std::fprintf(stderr, "plans document: %zu plans, %zu items, %zu bytes\n", doc.plans.size(), total, text.size());
    return 0;
}
