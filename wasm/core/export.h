// Career Matrix core: what leaves the app as a file.
// A plan goes to a GitLab issue or a 1:1 document (Markdown), to paper (HTML,
// print-friendly) or to another browser (JSON, read back by import_plan_json in
// plan_storage.h). The framework's own text version is text_version.h.
//
// Everything a user typed is escaped for the target format: a plan name or a
// note must never add a heading, a link or a script to the exported file.
//
//   [SECTION] Plan as Markdown
//   [SECTION] Plan as HTML
//   [SECTION] Plan as JSON
#pragma once
#include "framework.h"
#include "json_input.h"
#include "plan.h"
#include "plan_storage.h"  // kPlanExportFormat

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

// {"format":"career-matrix-plan-export","version":2,"exportedAt":"<ISO>",
//  "framework":{"id","version"},"plan":{<the stored plan object>}}, 2-space indented.
// `fw` is the framework loaded when exporting; `now_ms` is the export time.
std::string plan_export_json(const Plan& plan, const Framework& fw, int64_t now_ms);

}  // namespace cm
