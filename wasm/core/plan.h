// Career Matrix core: growth plans.
// A plan is a user's own document: the expectations they chose to work on
// between two levels, with a status, notes, evidence and a target date each.
// Items refer to expectations by id, and also keep the text (and its content
// hash) as it was when planned, because frameworks change under saved plans:
// an item can then show the old text next to the new one, or stay readable
// when its expectation is gone altogether.
//
// Storage (the saved document, its versions, localStorage) is plan_storage.h;
// Markdown, HTML and JSON exports are export.h.
#pragma once
#include "dates.h"  // is_valid_date: target dates
#include "framework.h"
#include "url_policy.h"  // is_evidence_url: the only links a plan keeps

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cm {

// [SECTION] Model

enum class ItemStatus : uint8_t { NotStarted, InProgress, Done };
const char* status_id(ItemStatus s);     // "not-started" | "in-progress" | "done" (stored)
const char* status_label(ItemStatus s);  // "Not started" | "In progress" | "Done" (shown)
bool status_from_id(std::string_view id, ItemStatus* out);

struct EvidenceLink {
    std::string title;  // optional
    std::string url;    // http(s) only: see is_evidence_url()
    bool operator==(const EvidenceLink&) const = default;
};

struct PlanItem {
    std::string expectation;   // expectation id in the framework
    std::string hash;          // hash_to_hex(content hash) of the text when planned; "" if never known
    std::string text;          // the text when planned (shown next to the new text if it changed)
    std::string level, area;   // ids when planned (for grouping if the expectation disappears)
    ItemStatus status = ItemStatus::NotStarted;
    std::string notes;         // multi-line
    std::vector<EvidenceLink> evidence;
    std::string target_date;   // "" or YYYY-MM-DD (validated)
    bool operator==(const PlanItem&) const = default;
};

struct Plan {
    std::string id;            // "plan-<base36 ms>-<n>", unique in the document
    std::string name;
    std::string framework, framework_version;  // ids when created
    std::string current_level, target_level;   // level ids ("" = not chosen)
    std::string notes;
    std::vector<PlanItem> items;
    int64_t created_ms = 0, updated_ms = 0;    // Unix time in ms; callers set updated_ms on edits
    int64_t exported_ms = 0;                   // last download or copy of the plan (0: never)
    bool operator==(const Plan&) const = default;
};

// Browsers may delete a site's storage (Safari after seven days without a visit,
// others under pressure), so a plan that changed since its last export, when that
// export is older than this or never happened, deserves a quiet reminder.
inline constexpr int64_t kExportReminderMs = 7LL * 24 * 3600 * 1000;
bool export_is_due(const Plan& plan, int64_t now_ms);

// [SECTION] Building plans

// The expectations new at `target` for someone at `current`: Added and Grown in
// compare_levels(current, target), or every own expectation of `target` when
// `current` is "" (or unknown). Framework order (ascending index). Empty when
// `target` is "" or unknown, or not above `current`.
std::vector<int> expectations_new_at(const Framework& fw, std::string_view current, std::string_view target);

// A new plan aiming from `current` to `target` with expectations_new_at()
// preselected, status NotStarted. created_ms = updated_ms = now_ms.
Plan make_plan(const Framework& fw, std::string name, std::string_view current, std::string_view target, int64_t now_ms, std::string id);

// An item for expectation index `expectation`, pinned to its current text.
PlanItem make_item(const Framework& fw, int expectation);

bool plan_has(const Plan& plan, std::string_view expectation_id);

// "plan-<base36 now_ms>-<n>" with the smallest n >= 1 not used by `plans`.
std::string fresh_plan_id(const std::vector<Plan>& plans, int64_t now_ms);

// "Plan", "Plan (2)", "Plan (3)"...: the first name no plan in `plans` has.
std::string unique_plan_name(const std::vector<Plan>& plans, std::string_view base);

// [SECTION] Items against the loaded framework

// Fresh: the expectation exists and its text is the planned one.
// Changed: same id, different hash (old text in item.text, new in the framework).
//          An item with no stored hash (migrated without a framework) counts as Changed.
// Missing: no expectation with that id in `fw`.
enum class Freshness : uint8_t { Fresh, Changed, Missing };
Freshness freshness(const Framework& fw, const PlanItem& item, int* expectation_index = nullptr);

// "Accept the new text": re-pins a Changed item (hash, text, level, area) to the
// framework's current expectation. Does nothing for a Missing item.
void refresh_item(const Framework& fw, PlanItem* item);

// Coverage of the target level per area. target_count: expectations new at the
// target (expectations_new_at(current, target)) in this area. planned, in_progress,
// done: items of the plan in this area, whatever level they come from (so
// planned can exceed target_count), by status. Missing items count under their
// stored area when the framework still has it. Areas with target_count > 0 or
// planned > 0, in area order.
struct AreaCoverage {
    int area;
    int target_count;
    int planned;
    int in_progress;
    int done;
};
std::vector<AreaCoverage> coverage(const Framework& fw, const Plan& plan);

// [SECTION] Values typed by users


}  // namespace cm
