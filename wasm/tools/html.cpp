// cm-html: the framework as an accessible HTML page (the bundle's framework.html
// which the page's <noscript> text links), generated from the same data as the app.
//   cm-html data/infrastructure.json [-o framework.html] [--app-url index.html]
#include "export.h"
#include "text_version.h"
#include "framework_load.h"

#include <cstdio>
#include <cstring>
#include <fstream>

int main(int argc, char** argv) {
    const char* input = nullptr;
    const char* output = nullptr;
    const char* app_url = "index.html";
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "-o") && i + 1 < argc) output = argv[++i];
        else if (!std::strcmp(argv[i], "--app-url") && i + 1 < argc) app_url = argv[++i];
        else if (argv[i][0] != '-' && !input) input = argv[i];
        else {
            std::fprintf(stderr, "usage: cm-html FRAMEWORK.json [-o OUT.html] [--app-url URL]\n");
            return 2;
        }
    }
    if (!input) {
        std::fprintf(stderr, "usage: cm-html FRAMEWORK.json [-o OUT.html] [--app-url URL]\n");
        return 2;
    }
    cm::Diagnostics diag;
    cm::Framework fw;
    bool unreadable = false;
    if (!cm::load_framework_file(input, &fw, &diag, &unreadable)) {
        std::fputs(diag.to_string().c_str(), stderr);
        return unreadable ? 2 : 1;
    }
    std::string html = cm::framework_html(fw, app_url);
    if (!output) {
        std::fwrite(html.data(), 1, html.size(), stdout);
        return 0;
    }
    std::ofstream out(output, std::ios::binary);
    out << html;
    return out.good() ? 0 : 2;
}
