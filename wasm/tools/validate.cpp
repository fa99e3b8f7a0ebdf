// cm-validate: checks framework files the way the app loads them.
//   cm-validate data/infrastructure.json [more.json ...]
// Prints every problem as FILE:/json/pointer: message and exits 1 if any file
// is invalid (2 when a file cannot be read).
#include "framework_load.h"

#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: cm-validate FILE.json [FILE.json ...]\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        cm::Diagnostics diag;
        cm::Framework fw;
        bool unreadable = false;
        if (cm::load_framework_file(argv[i], &fw, &diag, &unreadable)) {
            std::printf("%s: ok (%zu levels, %zu areas, %zu expectations)\n", argv[i], fw.levels.size(), fw.areas.size(), fw.expectations.size());
            continue;
        }
        std::fputs(diag.to_string().c_str(), stdout);
        if (unreadable) {
            status = 2;
            continue;
        }
        std::printf("%s: %zu problem%s\n", argv[i], diag.count, diag.count == 1 ? "" : "s");
        if (status == 0) status = 1;
    }
    return status;
}
