// cm-synth: writes a synthetic framework N times larger than a real one, for
// benchmarks (tools/bench serves the 10x and 100x files to the browser).
//   cm-synth --scale N [-o OUT.json] [BASE.json]     (BASE: data/infrastructure.json)
// How the copies are made is in wasm/core/synthetic.h. The output is loaded
// back with the app's own loader before it is written, so a file this tool
// writes is always one the app accepts; exit status 1 if it is not.
#include "framework_load.h"
#include "synthetic.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

static int usage() {
    std::fprintf(stderr, "usage: cm-synth --scale N [-o OUT.json] [BASE.json]\n");
    return 2;
}

int main(int argc, char** argv) {
    const char* input = "data/infrastructure.json";
    const char* output = nullptr;
    long scale = 0;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--scale") && i + 1 < argc) scale = std::strtol(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "-o") && i + 1 < argc) output = argv[++i];
        else if (argv[i][0] != '-') input = argv[i];
        else return usage();
    }
    if (scale < 1 || scale > 1000) return usage();

    cm::Diagnostics diag;
    cm::Framework base;
    bool unreadable = false;
    if (!cm::load_framework_file(input, &base, &diag, &unreadable)) {
        std::fputs(diag.to_string().c_str(), stderr);
        return unreadable ? 2 : 1;
    }

    std::string json = cm::save_framework(cm::synthetic_framework(base, int(scale)), false);
    cm::Diagnostics check;
    check.file = output ? output : "(output)";
    cm::Framework loaded;
    if (!cm::load_framework(json, &loaded, &check)) {
        std::fputs(check.to_string().c_str(), stderr);
        std::fprintf(stderr, "cm-synth: the %ldx framework does not validate; nothing written\n", scale);
        return 1;
    }

    if (!output) {
        std::fwrite(json.data(), 1, json.size(), stdout);
        return 0;
    }
    std::ofstream out(output, std::ios::binary);
    out << json;
    if (!out.good()) {
        std::fprintf(stderr, "%s: cannot write the file\n", output);
        return 2;
    }
    std::fprintf(stderr, "%s: %zu expectations, %zu bytes\n", output, loaded.expectations.size(), json.size());
    return 0;
}
