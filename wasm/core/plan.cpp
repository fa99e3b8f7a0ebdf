// Career Matrix core: growth plans (plan.h). Building plans from a level
// comparison, checking items against the loaded framework, and the small
// validators for what users type.
#include "plan.h"

#include "compare.h"
#include "stable_sort.h"
#include "text.h"

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
    cm::stable_sort(out);
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

// [SECTION] Progress

void StatusCounts::add(ItemStatus s) {
    if (s == ItemStatus::Done) done++;
    else if (s == ItemStatus::InProgress) in_progress++;
    else not_started++;
}

StatusCounts& StatusCounts::operator+=(const StatusCounts& o) {
    not_started += o.not_started;
    in_progress += o.in_progress;
    done += o.done;
    return *this;
}

namespace {

// The framework area an item belongs to: its expectation's, else the stored one's if it still exists.
int item_area(const Framework& fw, const PlanItem& item, int expectation) {
    return expectation >= 0 ? fw.expectations[size_t(expectation)].area : fw.find_area(item.area);
}

}  // namespace

std::vector<AreaReadiness> readiness(const Framework& fw, const Plan& plan) {
    std::vector<AreaReadiness> all(fw.areas.size());
    std::vector<bool> is_new(fw.expectations.size(), false);
    for (size_t a = 0; a < all.size(); a++) all[a].area = int(a);
    for (int e : expectations_new_at(fw, plan.current_level, plan.target_level)) {
        all[size_t(fw.expectations[size_t(e)].area)].new_at_target++;
        is_new[size_t(e)] = true;
    }
    for (const PlanItem& item : plan.items) {
        int e = fw.find_expectation(item.expectation);
        int area = item_area(fw, item, e);
        if (area < 0) continue;
        (e >= 0 && is_new[size_t(e)] ? all[size_t(area)].planned : all[size_t(area)].other).add(item.status);
    }
    std::vector<AreaReadiness> out;
    for (const AreaReadiness& r : all)
        if (r.new_at_target > 0 || r.planned.total() > 0 || r.other.total() > 0) out.push_back(r);
    return out;
}

// [SECTION] Outline

std::vector<PlanGroup> outline_plan(const Framework& fw, const Plan& plan, PlanOrder order) {
    struct Placed {
        size_t item;
        int expectation;  // framework index, -1 when retired
        int area;         // framework area, -1 when unknown
    };
    std::vector<Placed> placed;
    for (size_t i = 0; i < plan.items.size(); i++) {
        int e = fw.find_expectation(plan.items[i].expectation);
        placed.push_back({i, e, item_area(fw, plan.items[i], e)});
    }
    // Handbook order: the framework's index; retired items after, in plan order.
    auto handbook_before = [](const Placed& a, const Placed& b) {
        if ((a.expectation < 0) != (b.expectation < 0)) return b.expectation < 0;
        return a.expectation >= 0 ? a.expectation < b.expectation : a.item < b.item;
    };
    std::vector<PlanGroup> groups;
    auto group_for = [&](const std::string& key, const std::string& heading) -> PlanGroup& {
        for (PlanGroup& g : groups)
            if (g.key == key) return g;
        groups.push_back({key, heading, {}, {}, {}});
        return groups.back();
    };
    if (order == PlanOrder::TargetDate) {
        cm::stable_sort(placed, [&](const Placed& a, const Placed& b) {
            const std::string &da = plan.items[a.item].target_date, &db = plan.items[b.item].target_date;
            if (da.empty() != db.empty()) return db.empty();
            if (da != db) return da < db;
            return handbook_before(a, b);
        });
        for (const Placed& p : placed) {
            const std::string& date = plan.items[p.item].target_date;
            PlanGroup& g = date.empty() ? group_for("month:none", "No target date") : group_for("month:" + date.substr(0, 7), month_name(date));
            g.items.push_back(p.item);
        }
    } else {
        cm::stable_sort(placed, handbook_before);
        // Known areas first in framework order, then stored ids the framework lacks (first appearance), then "Other".
        std::vector<std::string> unknown;
        for (const Placed& p : placed) {
            const std::string& stored = plan.items[p.item].area;
            if (p.area < 0 && !stored.empty() && std::find(unknown.begin(), unknown.end(), stored) == unknown.end()) unknown.push_back(stored);
        }
        for (size_t a = 0; a < fw.areas.size(); a++)
            for (const Placed& p : placed)
                if (p.area == int(a)) group_for("area:" + fw.areas[a].id, fw.areas[a].name).items.push_back(p.item);
        for (const std::string& id : unknown)
            for (const Placed& p : placed)
                if (p.area < 0 && plan.items[p.item].area == id) group_for("area:" + id, id).items.push_back(p.item);
        for (const Placed& p : placed)
            if (p.area < 0 && plan.items[p.item].area.empty()) group_for("other", "Other").items.push_back(p.item);
        // Each group says which levels its items come from, in ladder order.
        for (PlanGroup& g : groups) {
            std::vector<std::pair<int, std::string>> levels;  // (order, name)
            for (size_t i : g.items) {
                const PlanItem& item = plan.items[i];
                int e = fw.find_expectation(item.expectation);
                int l = e >= 0 ? fw.expectations[size_t(e)].level : fw.find_level(item.level);
                std::pair<int, std::string> key = l >= 0 ? std::pair(fw.levels[size_t(l)].order, fw.levels[size_t(l)].name) : std::pair(1 << 20, item.level);
                if (!key.second.empty() && std::find(levels.begin(), levels.end(), key) == levels.end()) levels.push_back(key);
            }
            cm::stable_sort(levels);
            for (const auto& [o, name] : levels) g.levels += (g.levels.empty() ? "" : ", ") + name;
        }
    }
    for (PlanGroup& g : groups)
        for (size_t i : g.items) g.counts.add(plan.items[i].status);
    return groups;
}

std::string item_summary(const PlanItem& item, size_t note_chars) {
    std::string out;
    auto part = [&](const std::string& s) { out += (out.empty() ? "" : " \xC2\xB7 ") + s; };
    std::string_view note = text::trim(item.notes);
    if (!note.empty()) {
        std::string_view first = note.substr(0, note.find('\n'));
        if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
        std::string line = text::shorten(first, note_chars);
        if (line.size() == first.size() && first.size() < note.size()) line = std::string(text::trim(first)) + "\xE2\x80\xA6";  // more lines follow
        part("Note: " + line);
    }
    if (!item.evidence.empty()) part(std::to_string(item.evidence.size()) + (item.evidence.size() == 1 ? " link" : " links"));
    if (!item.target_date.empty()) part("target " + item.target_date);
    return out;
}

int add_expectations(const Framework& fw, Plan* plan, const std::vector<int>& indices) {
    int added = 0;
    for (int e : indices) {
        if (e < 0 || size_t(e) >= fw.expectations.size() || plan_has(*plan, fw.expectations[size_t(e)].id)) continue;
        plan->items.push_back(make_item(fw, e));
        added++;
    }
    return added;
}

bool export_is_due(const Plan& plan, int64_t now_ms) {
    if (plan.items.empty() && plan.notes.empty()) return false;  // nothing worth keeping yet
    if (plan.exported_ms == 0) return true;
    return plan.updated_ms > plan.exported_ms && now_ms - plan.exported_ms > kExportReminderMs;
}

// [SECTION] Values typed by users



}  // namespace cm
