// Career Matrix core: growth plans (plan.h). Building plans from a level
// comparison, checking items against the loaded framework, and the small
// validators for what users type.
#include "plan.h"

#include "compare.h"

#include <algorithm>

namespace cm {

// [SECTION] Status

const char* status_id(ItemStatus s) {
    switch (s) {
    case ItemStatus::NotStarted: return "not-started";
    case ItemStatus::InProgress: return "in-progress";
    case ItemStatus::Done: return "done";
    }
    return "not-started";
}

const char* status_label(ItemStatus s) {
    switch (s) {
    case ItemStatus::NotStarted: return "Not started";
    case ItemStatus::InProgress: return "In progress";
    case ItemStatus::Done: return "Done";
    }
    return "Not started";
}

bool status_from_id(std::string_view id, ItemStatus* out) {
    for (ItemStatus s : {ItemStatus::NotStarted, ItemStatus::InProgress, ItemStatus::Done}) {
        if (id == status_id(s)) {
            *out = s;
            return true;
        }
    }
    return false;
}

// [SECTION] Building plans

std::vector<int> expectations_new_at(const Framework& fw, std::string_view current, std::string_view target) {
    std::vector<int> out;
    int to = fw.find_level(target);
    if (to < 0) return out;
    int from = current.empty() ? -1 : fw.find_level(current);
    if (from < 0) {
        for (int i = 0; i < int(fw.expectations.size()); i++)
            if (fw.expectations[size_t(i)].level == to) out.push_back(i);
        return out;
    }
    // compare_levels orders its arguments itself; a target at or below the
    // current level has nothing new to offer.
    if (fw.levels[size_t(to)].order <= fw.levels[size_t(from)].order) return out;
    for (const AreaComparison& ac : compare_levels(fw, from, to))
        for (const ComparedItem& item : ac.items)
            if (item.change == Change::Added || item.change == Change::Grown) out.push_back(item.higher);
    std::sort(out.begin(), out.end());
    return out;
}

PlanItem make_item(const Framework& fw, int expectation) {
    const Expectation& e = fw.expectations[size_t(expectation)];
    PlanItem item;
    item.expectation = e.id;
    item.hash = hash_to_hex(e.hash);
    item.text = e.text;
    item.level = fw.levels[size_t(e.level)].id;
    item.area = fw.areas[size_t(e.area)].id;
    return item;
}

Plan make_plan(const Framework& fw, std::string name, std::string_view current, std::string_view target, int64_t now_ms, std::string id) {
    Plan plan;
    plan.id = std::move(id);
    plan.name = std::move(name);
    plan.framework = fw.id;
    plan.framework_version = fw.version;
    plan.current_level = std::string(current);
    plan.target_level = std::string(target);
    plan.created_ms = plan.updated_ms = now_ms;
    for (int e : expectations_new_at(fw, current, target)) plan.items.push_back(make_item(fw, e));
    return plan;
}

bool plan_has(const Plan& plan, std::string_view expectation_id) {
    return std::any_of(plan.items.begin(), plan.items.end(), [&](const PlanItem& i) { return i.expectation == expectation_id; });
}

namespace {

std::string base36(int64_t value) {
    uint64_t v = value < 0 ? 0 : uint64_t(value);
    std::string s;
    do {
        s += "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
        v /= 36;
    } while (v > 0);
    std::reverse(s.begin(), s.end());
    return s;
}

}  // namespace

std::string fresh_plan_id(const std::vector<Plan>& plans, int64_t now_ms) {
    std::string prefix = "plan-" + base36(now_ms) + "-";
    for (size_t n = 1;; n++) {
        std::string id = prefix + std::to_string(n);
        if (std::none_of(plans.begin(), plans.end(), [&](const Plan& p) { return p.id == id; })) return id;
    }
}

std::string unique_plan_name(const std::vector<Plan>& plans, std::string_view base) {
    auto taken = [&](const std::string& name) {
        return std::any_of(plans.begin(), plans.end(), [&](const Plan& p) { return p.name == name; });
    };
    std::string name(base);
    for (size_t n = 2; taken(name); n++) name = std::string(base) + " (" + std::to_string(n) + ")";
    return name;
}

// [SECTION] Items against the loaded framework

Freshness freshness(const Framework& fw, const PlanItem& item, int* expectation_index) {
    int e = fw.find_expectation(item.expectation);
    if (expectation_index) *expectation_index = e;
    if (e < 0) return Freshness::Missing;
    return hash_to_hex(fw.expectations[size_t(e)].hash) == item.hash ? Freshness::Fresh : Freshness::Changed;
}

void refresh_item(const Framework& fw, PlanItem* item) {
    int e = fw.find_expectation(item->expectation);
    if (e < 0) return;
    PlanItem pinned = make_item(fw, e);
    item->hash = std::move(pinned.hash);
    item->text = std::move(pinned.text);
    item->level = std::move(pinned.level);
    item->area = std::move(pinned.area);
}

std::vector<AreaCoverage> coverage(const Framework& fw, const Plan& plan) {
    std::vector<AreaCoverage> all(fw.areas.size());
    for (size_t a = 0; a < all.size(); a++) all[a] = {int(a), 0, 0, 0, 0};
    for (int e : expectations_new_at(fw, plan.current_level, plan.target_level))
        all[size_t(fw.expectations[size_t(e)].area)].target_count++;
    for (const PlanItem& item : plan.items) {
        int e = fw.find_expectation(item.expectation);
        int area = e >= 0 ? fw.expectations[size_t(e)].area : fw.find_area(item.area);
        if (area < 0) continue;
        AreaCoverage& c = all[size_t(area)];
        c.planned++;
        if (item.status == ItemStatus::InProgress) c.in_progress++;
        if (item.status == ItemStatus::Done) c.done++;
    }
    std::vector<AreaCoverage> out;
    for (const AreaCoverage& c : all)
        if (c.target_count > 0 || c.planned > 0) out.push_back(c);
    return out;
}

bool export_is_due(const Plan& plan, int64_t now_ms) {
    if (plan.items.empty() && plan.notes.empty()) return false;  // nothing worth keeping yet
    if (plan.exported_ms == 0) return true;
    return plan.updated_ms > plan.exported_ms && now_ms - plan.exported_ms > kExportReminderMs;
}

// [SECTION] Values typed by users



}  // namespace cm
