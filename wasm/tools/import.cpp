// cm-import: imports a department's career framework from a handbook checkout.
//   cm-import --handbook DIR --department NAME [--previous OLD.json] [--base-url URL] [--strict] [-o OUT.json]
// Writes the framework as JSON (to stdout without -o) and every problem to stderr
// as FILE:LINE: warning|error: message. Passing a previous import (or the default
// data) keeps level ids and the ids of unchanged texts, so saved growth plans
// still find them.
// Exit status: 0 imported (warnings are printed, not fatal); 1 written, but
// something the framework needs could not be imported (or, with --strict, any
// warning); 2 nothing usable, or bad arguments.
#include "framework_load.h"
#include "handbook_import.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

static const char kUsage[] =
    "usage: cm-import --handbook DIR --department NAME [--previous OLD.json] [--base-url URL] [--strict] [-o OUT.json]\n"
    "  --base-url  the site the pages are published on (default https://handbook.gitlab.com)\n"
    "  --strict    exit 1 on warnings too\n";

int main(int argc, char** argv) {
    std::string previous_path, out_path, base_url;
    bool strict = false;
    cm::ImportOptions options;
    for (int i = 1; i < argc; i++) {
        const char* arg = argv[i];
        if (!std::strcmp(arg, "-h") || !std::strcmp(arg, "--help")) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (!std::strcmp(arg, "--strict")) {
            strict = true;
            continue;
        }
        std::string* target = !std::strcmp(arg, "--handbook")     ? &options.handbook_root
                               : !std::strcmp(arg, "--department") ? &options.department
                               : !std::strcmp(arg, "--previous")   ? &previous_path
                               : !std::strcmp(arg, "--base-url")   ? &base_url
                               : !std::strcmp(arg, "-o")           ? &out_path
                                                                   : nullptr;
        if (!target || i + 1 >= argc || !target->empty()) {
            std::fprintf(stderr, target ? "%s: needs one value\n%s" : "unknown argument \"%s\"\n%s", arg, kUsage);
            return 2;
        }
        *target = argv[++i];
        if (target->empty()) {
            std::fprintf(stderr, "%s: the value is empty\n%s", arg, kUsage);
            return 2;
        }
    }
    if (options.handbook_root.empty() || options.department.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    if (!base_url.empty()) options.base_url = base_url;

    cm::Framework previous;
    if (!previous_path.empty()) {
        std::ifstream f(previous_path, std::ios::binary);
        std::ostringstream text;
        text << f.rdbuf();
        cm::Diagnostics diag;
        diag.file = previous_path;
        if (!f || !cm::load_framework(text.str(), &previous, &diag)) {
            std::fprintf(stderr, "%s: cannot use it as the previous import\n%s", previous_path.c_str(), diag.to_string().c_str());
            return 2;
        }
        options.previous = &previous;
    }

    cm::ImportResult result;
    bool ok = cm::import_handbook(options, &result);
    for (const cm::ImportProblem& p : result.problems) {
        const char* kind = p.severity == cm::Severity::Warning ? "warning" : "error";
        if (p.file.empty()) std::fprintf(stderr, "cm-import: %s: %s\n", kind, p.message.c_str());
        else if (p.line > 0) std::fprintf(stderr, "%s:%d: %s: %s\n", p.file.c_str(), p.line, kind, p.message.c_str());
        else std::fprintf(stderr, "%s: %s: %s\n", p.file.c_str(), kind, p.message.c_str());
    }
    if (!ok) {
        std::fprintf(stderr, "nothing usable was imported from %s\n", options.handbook_root.c_str());
        return 2;
    }

    std::string json = cm::save_framework(result.framework, true);
    if (out_path.empty()) {
        std::fwrite(json.data(), 1, json.size(), stdout);
    } else {
        std::ofstream f(out_path, std::ios::binary);
        f << json;
        if (!f.flush()) {
            std::fprintf(stderr, "%s: cannot write the file\n", out_path.c_str());
            return 2;
        }
    }
    const cm::Framework& fw = result.framework;
    size_t published = 0;
    for (const cm::Level& l : fw.levels) published += l.published;
    size_t errors = result.count(cm::Severity::Error), warnings = result.count(cm::Severity::Warning);
    std::fprintf(stderr, "%s: %zu levels (%zu with a page), %zu expectations, %zu error%s, %zu warning%s\n", out_path.empty() ? "cm-import" : out_path.c_str(),
                 fw.levels.size(), published, fw.expectations.size(), errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}
