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

// [SECTION] Progress: how far along a plan is

struct StatusCounts {
    int not_started = 0, in_progress = 0, done = 0;
    int total() const { return not_started + in_progress + done; }
    void add(ItemStatus s);
    StatusCounts& operator+=(const StatusCounts& o);
    bool operator==(const StatusCounts&) const = default;
};

// How ready a plan is for its target level, per area: everything new at the
// target (expectations_new_at(current, target)) split into the plan's items by
// status and what is not in the plan; the plan's other items in the area
// (another level's, or no longer in the framework but with a known area) apart.
// Areas with something new at the target or something planned, in area order.
struct AreaReadiness {
    int area = -1;
    int new_at_target = 0;
    StatusCounts planned;  // items that are new at the target
    StatusCounts other;    // the plan's other items in this area
    int not_planned() const { return new_at_target - planned.total(); }
};
std::vector<AreaReadiness> readiness(const Framework& fw, const Plan& plan);

// [SECTION] Outline: the plan's items in groups, as the plan view and the exports show them

// Handbook: a group per area in framework order (then stored area ids the
// framework no longer has, then "Other"), items in the framework's order
// (retired ones last, as planned). TargetDate: a group per month of the target
// date, earliest first, then "No target date"; items by date, then handbook order.
enum class PlanOrder : uint8_t { Handbook, TargetDate };

struct PlanGroup {
    std::string key;            // stable for folding: "area:<id>", "month:2027-03", "month:none", "other"
    std::string heading;        // "Accountability", "March 2027", "No target date"
    std::string levels;         // Handbook groups: the items' levels in ladder order ("Staff", "Senior, Staff")
    std::vector<size_t> items;  // indices into plan.items
    StatusCounts counts;
};
std::vector<PlanGroup> outline_plan(const Framework& fw, const Plan& plan, PlanOrder order);

// What an item holds besides its status, on one line for a closed row:
// "Note: First line of the note · 2 links · target 2027-03-01" ("" when nothing).
// The note's first line is cut at `note_chars` characters (UTF-8 safe) with an ellipsis.
std::string item_summary(const PlanItem& item, size_t note_chars = 60);

// Adds the expectations at `indices` (framework indices) that the plan does not
// hold yet, pinned to their current text; returns how many were added.
int add_expectations(const Framework& fw, Plan* plan, const std::vector<int>& indices);

// [SECTION] Values typed by users


}  // namespace cm
