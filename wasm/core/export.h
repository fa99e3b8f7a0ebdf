// Career Matrix core: what leaves the app as a file.
// A plan goes to a GitLab issue or a 1:1 document (Markdown), to paper (HTML,
// print-friendly) or to another browser (JSON, read back by import_plan_json).
// The framework itself goes out as an accessible HTML page, because the canvas
// is invisible to screen readers and to the page's search.
//
// Everything a user typed is escaped for the target format: a plan name or a
// note must never add a heading, a link or a script to the exported file.
//
//   [SECTION] Plan as Markdown
//   [SECTION] Plan as HTML
//   [SECTION] Framework as HTML
//   [SECTION] Plan as JSON, and import
#pragma once
#include "framework.h"
#include "json_input.h"
#include "plan.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cm {

// A GitLab-flavoured Markdown task list, grouped by area (framework order;
// items whose expectation is gone go under their stored area id, or "Other").
std::string plan_markdown(const Framework& fw, const Plan& plan);

// The same content as a standalone, print-friendly HTML document (no scripts;
// one <style> block, since it is opened as a file or printed).
std::string plan_html(const Framework& fw, const Plan& plan);

// The whole framework as an accessible HTML page (landmarks, h1 > h2 > h3, a
// table of contents), for readers the canvas shuts out. No scripts, no inline
// style attributes (a strict CSP forbids them); it links "text.css" but reads
// fine without it. `app_url` is the interactive app's address, linked from the page.
std::string framework_html(const Framework& fw, std::string_view app_url);

// {"format":"career-matrix-plan-export","version":2,"exportedAt":"<ISO>",
//  "framework":{"id","version"},"plan":{<the stored plan object>}}, 2-space indented.
// `fw` is the framework loaded when exporting; `now_ms` is the export time.
std::string plan_export_json(const Plan& plan, const Framework& fw, int64_t now_ms);

inline constexpr const char* kPlanExportFormat = "career-matrix-plan-export";
inline constexpr int kPlanExportVersion = 2;

struct ImportPlanResult {
    std::vector<Plan> plans;  // empty whenever there is a problem: never a partly valid file
    Diagnostics diagnostics;  // "plan.json:/plan/items/3/status: unknown status \"finished\""
    int version = 0;          // the format version of the file
    bool migrated = false;    // the file was an older version, converted
    bool ok() const { return diagnostics.ok(); }
};

// Accepts a plan export (version 2), a whole stored document (version 2: all
// its plans) or a version-1 document (migrated; `fw` pins its items' texts when
// the plan is for it). Same limits as storage. Plan ids are kept as in the file:
// on a clash the app decides (replace, or copy under fresh_plan_id()).
ImportPlanResult import_plan_json(std::string_view text, const Framework* fw, std::string_view file_name = "plan.json");

}  // namespace cm
