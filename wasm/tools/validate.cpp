// cm-validate: checks framework files the way the app loads them.
//   cm-validate data/infrastructure.json [more.json ...]
// Prints every problem as FILE:/json/pointer: message and exits 1 if any file
// is invalid (2 when a file cannot be read).
#include "framework_load.h"

#include <cstdio>
#include <fstream>
#include <sstream>

static bool read_file(const char* path, std::string* out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream ss;
    ss << f.rdbuf();
    *out = ss.str();
    return true;
}

static std::string base_name(const std::string& path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: cm-validate FILE.json [FILE.json ...]\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        std::string text;
        if (!read_file(argv[i], &text)) {
            std::fprintf(stderr, "%s: cannot read the file\n", argv[i]);
            status = 2;
            continue;
        }
        cm::Diagnostics diag;
        diag.file = base_name(argv[i]);
        cm::Framework fw;
        if (cm::load_framework(text, &fw, &diag)) {
            std::printf("%s: ok (%zu levels, %zu areas, %zu expectations)\n", argv[i], fw.levels.size(), fw.areas.size(), fw.expectations.size());
        } else {
            std::fputs(diag.to_string().c_str(), stdout);
            std::printf("%s: %zu problem%s\n", argv[i], diag.problems.size(), diag.problems.size() == 1 ? "" : "s");
            if (status == 0) status = 1;
        }
    }
    return status;
}
