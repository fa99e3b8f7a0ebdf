// Career Matrix core: importing a department's career framework from a checkout
// of the GitLab handbook (a Hugo site) into a Framework.
//
// The pages are prose made of lists and include shortcodes, not data: the
// importer reads the department's _index.md (name, components, dimensions,
// levels), each level page and the competency files they include, and reports
// everything it cannot place (file + line) rather than guessing or dropping it.
// Items have no ids in the handbook, so ids are positional, and an earlier
// import can be passed in to keep them stable when items move.
// Layout read: <dept>/_index.md (ordered lists: components, dimensions, levels),
// <dept>/<level>.md ("## <Level>" scope, one "##" ordered list per dimension,
// "## Engineering alignment" with three "###" include shortcodes).
#pragma once
#include "framework.h"

#include <functional>
#include <string>
#include <vector>

namespace cm {

enum class ReadStatus { Ok, Missing, Failed };
// Reads one file; `relative_path` is relative to the handbook root and uses '/'.
// Returns Missing when there is no such file (a level page may legitimately be absent).
using HandbookReader = std::function<ReadStatus(const std::string& relative_path, std::string* text)>;

// Lists the names of the files in `relative_dir` (no sub-folders); false when it
// cannot. Used only where the overview page does not list the levels.
using HandbookLister = std::function<bool(const std::string& relative_dir, std::vector<std::string>* names)>;

struct ImportOptions {
    std::string handbook_root;  // checkout root (holds content/ and assets/ or layouts/)
    std::string department;     // "infrastructure" -> content/handbook/engineering/careers/matrix/infrastructure/
    // The site the pages are published on: "/handbook/..." links and page URLs are made
    // absolute against it, so they work outside the handbook and under preview prefixes.
    std::string base_url = "https://handbook.gitlab.com";
    // An earlier import, or any framework of the same department (the default data):
    // level ids are kept by level name, expectation ids for unchanged or moved texts.
    const Framework* previous = nullptr;
    HandbookReader read;        // empty: read from disk under handbook_root
    HandbookLister list;        // empty: list the folder on disk
};

// Errors mean that something the framework needs is missing from the result (a
// level page that cannot be read, a list or include that is not there); warnings
// that something was understood differently or left out on purpose, and said.
enum class Severity { Warning, Error };

struct ImportProblem {
    std::string file;  // relative to handbook_root
    int line = 0;      // 1-based; 0 when the problem concerns the whole file
    std::string message;
    Severity severity = Severity::Error;
};

struct ImportResult {
    Framework framework;  // indexed; passes load_framework when import_handbook returned true
    std::vector<ImportProblem> problems;
    std::vector<std::string> files_read;  // relative paths, in reading order

    size_t count(Severity s) const {
        size_t n = 0;
        for (const ImportProblem& p : problems) n += p.severity == s;
        return n;
    }
};

// Imports options.department. Returns false when nothing usable was found (no
// overview page, no levels, or a result that would not load); `out->problems`
// says why. A true result may still carry problems: the parts that were understood.
bool import_handbook(const ImportOptions& options, ImportResult* out);

}  // namespace cm
