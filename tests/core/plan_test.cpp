// Tests of plan.h: preselection, freshness, readiness, the outline and the small validators.
#include "plan.h"

#include "compare.h"
#include "framework_load.h"
#include "test_data.h"

#include <gtest/gtest.h>

namespace {

using test_data::infrastructure;
using test_data::load;

// Two levels, three areas; at "two": one Grown, two Added, one restated word for word.
const char* kTiny = R"({
  "format": "career-framework", "formatVersion": 1,
  "framework": {"id": "tiny", "name": "Tiny", "version": "1", "cumulative": true},
  "components": [{"id": "c", "name": "C"}],
  "dimensions": [{"id": "a", "name": "Area A", "component": "c"}, {"id": "b", "name": "Area B", "component": "c"}],
  "sections": [{"id": "s", "name": "Section S", "component": "c"}],
  "levels": [{"id": "one", "name": "One", "order": 1, "scope": "First.", "published": true},
             {"id": "two", "name": "Two", "order": 2, "scope": "Second.", "published": true}],
  "expectations": [
    {"id": "one.a.1", "level": "one", "dimension": "a", "text": "Does A things."},
    {"id": "one.a.2", "level": "one", "dimension": "a", "text": "Keeps A tidy."},
    {"id": "one.b.1", "level": "one", "dimension": "b", "text": "Does B things."},
    {"id": "one.s.1", "level": "one", "section": "s", "text": "Lives the values."},
    {"id": "two.a.1", "level": "two", "dimension": "a", "extends": "one.a.1", "text": "Does A things for the team."},
    {"id": "two.a.2", "level": "two", "dimension": "a", "text": "Teaches A."},
    {"id": "two.b.1", "level": "two", "dimension": "b", "extends": "one.b.1", "text": "Does B things."},
    {"id": "two.b.2", "level": "two", "dimension": "b", "text": "Leads B."}
  ]
})";

std::vector<std::string> item_ids(const cm::Plan& plan) {
    std::vector<std::string> ids;
    for (const cm::PlanItem& i : plan.items) ids.push_back(i.expectation);
    return ids;
}

// [SECTION] make_plan

TEST(Plan, MakePlanPreselectsExactlyAddedAndGrown) {
    const cm::Framework& fw = infrastructure();
    int senior = fw.find_level("senior"), staff = fw.find_level("staff");
    std::vector<int> expected;
    int unchanged = 0;
    for (const cm::AreaComparison& ac : cm::compare_levels(fw, senior, staff))
        for (const cm::ComparedItem& item : ac.items) {
            if (item.change == cm::Change::Added || item.change == cm::Change::Grown) expected.push_back(item.higher);
            if (item.change == cm::Change::Unchanged) unchanged++;
        }
    std::sort(expected.begin(), expected.end());  // framework order
    ASSERT_FALSE(expected.empty());
    ASSERT_GT(unchanged, 0);  // the test means something only if some are left out

    cm::Plan plan = cm::make_plan(fw, "To staff", "senior", "staff", 1000, "plan-rs-1");
    ASSERT_EQ(plan.items.size(), expected.size());
    for (size_t i = 0; i < expected.size(); i++) {
        const cm::Expectation& e = fw.expectations[size_t(expected[i])];
        const cm::PlanItem& item = plan.items[i];
        EXPECT_EQ(item.expectation, e.id);
        EXPECT_EQ(item.hash, cm::hash_to_hex(e.hash));
        EXPECT_EQ(item.text, e.text);
        EXPECT_EQ(item.level, fw.levels[size_t(e.level)].id);
        EXPECT_EQ(item.area, fw.areas[size_t(e.area)].id);
        EXPECT_EQ(item.status, cm::ItemStatus::NotStarted);
        EXPECT_TRUE(item.notes.empty() && item.evidence.empty() && item.target_date.empty());
    }
    EXPECT_EQ(plan.id, "plan-rs-1");
    EXPECT_EQ(plan.name, "To staff");
    EXPECT_EQ(plan.framework, "infrastructure");
    EXPECT_EQ(plan.framework_version, fw.version);
    EXPECT_EQ(plan.current_level, "senior");
    EXPECT_EQ(plan.target_level, "staff");
    EXPECT_EQ(plan.created_ms, 1000);
    EXPECT_EQ(plan.updated_ms, 1000);
}

TEST(Plan, MakePlanWithoutCurrentLevelTakesEveryOwnExpectationOfTheTarget) {
    const cm::Framework& fw = infrastructure();
    int staff = fw.find_level("staff");
    std::vector<std::string> expected;
    for (const cm::Expectation& e : fw.expectations)
        if (e.level == staff) expected.push_back(e.id);
    cm::Plan plan = cm::make_plan(fw, "Staff", "", "staff", 0, "p");
    EXPECT_EQ(item_ids(plan), expected);
    EXPECT_EQ(expected.size(), 41u);
}

TEST(Plan, MakePlanOnTinyFramework) {
    cm::Framework fw = load(kTiny);
    EXPECT_EQ(item_ids(cm::make_plan(fw, "P", "one", "two", 0, "p")), (std::vector<std::string>{"two.a.1", "two.a.2", "two.b.2"}));
    EXPECT_EQ(item_ids(cm::make_plan(fw, "P", "", "two", 0, "p")), (std::vector<std::string>{"two.a.1", "two.a.2", "two.b.1", "two.b.2"}));
    // Nothing to preselect: no target, unknown target, or a target not above the current level.
    EXPECT_TRUE(cm::make_plan(fw, "P", "one", "", 0, "p").items.empty());
    EXPECT_TRUE(cm::make_plan(fw, "P", "one", "nine", 0, "p").items.empty());
    EXPECT_TRUE(cm::make_plan(fw, "P", "two", "one", 0, "p").items.empty());
    EXPECT_TRUE(cm::make_plan(fw, "P", "two", "two", 0, "p").items.empty());
}

TEST(Plan, PlanHas) {
    cm::Framework fw = load(kTiny);
    cm::Plan plan = cm::make_plan(fw, "P", "one", "two", 0, "p");
    EXPECT_TRUE(cm::plan_has(plan, "two.a.2"));
    EXPECT_FALSE(cm::plan_has(plan, "two.b.1"));
    plan.items.push_back(cm::make_item(fw, fw.find_expectation("two.b.1")));
    EXPECT_TRUE(cm::plan_has(plan, "two.b.1"));
}

// [SECTION] Freshness

TEST(Plan, FreshnessFreshChangedMissing) {
    cm::Framework fw = infrastructure();  // a copy, to edit
    int e = -1;  // the first expectation of Staff
    for (int i = 0; i < int(fw.expectations.size()); i++)
        if (fw.levels[size_t(fw.expectations[size_t(i)].level)].id == "staff") { e = i; break; }
    ASSERT_GE(e, 0);
    cm::PlanItem item = cm::make_item(fw, e);
    int index = -2;
    EXPECT_EQ(cm::freshness(fw, item, &index), cm::Freshness::Fresh);
    EXPECT_EQ(index, e);

    // The framework is edited after the item was planned: only white space first (not a change)...
    std::string old_text = fw.expectations[size_t(e)].text;
    fw.expectations[size_t(e)].text = "  " + old_text + "\n";
    fw.expectations[size_t(e)].hash = cm::content_hash(fw.expectations[size_t(e)].text);
    EXPECT_EQ(cm::freshness(fw, item), cm::Freshness::Fresh);
    // ...then the words.
    fw.expectations[size_t(e)].text = old_text + " Also writes it down.";
    fw.expectations[size_t(e)].hash = cm::content_hash(fw.expectations[size_t(e)].text);
    EXPECT_EQ(cm::freshness(fw, item), cm::Freshness::Changed);
    EXPECT_EQ(item.text, old_text);  // the planned text is kept for the side-by-side view

    cm::refresh_item(fw, &item);
    EXPECT_EQ(cm::freshness(fw, item), cm::Freshness::Fresh);
    EXPECT_EQ(item.text, old_text + " Also writes it down.");
    EXPECT_EQ(item.hash, cm::hash_to_hex(fw.expectations[size_t(e)].hash));

    cm::PlanItem gone = item;
    gone.expectation = "staff.retired.9";
    EXPECT_EQ(cm::freshness(fw, gone, &index), cm::Freshness::Missing);
    EXPECT_EQ(index, -1);
    cm::refresh_item(fw, &gone);  // nothing to refresh from
    EXPECT_EQ(gone.text, item.text);

    cm::PlanItem unpinned = item;  // migrated without a framework: no hash known
    unpinned.hash.clear();
    unpinned.text.clear();
    EXPECT_EQ(cm::freshness(fw, unpinned), cm::Freshness::Changed);
    cm::refresh_item(fw, &unpinned);
    EXPECT_EQ(unpinned, item);
}

// [SECTION] Readiness and outline

cm::Plan hand_built_plan(const cm::Framework& fw) {
    cm::Plan plan;
    plan.current_level = "one";
    plan.target_level = "two";
    auto add = [&](const char* id, cm::ItemStatus status) {
        plan.items.push_back(cm::make_item(fw, fw.find_expectation(id)));
        plan.items.back().status = status;
    };
    add("two.a.2", cm::ItemStatus::InProgress);  // planned out of handbook order
    add("two.a.1", cm::ItemStatus::Done);
    add("one.s.1", cm::ItemStatus::NotStarted);  // from a lower level: planned, not new at the target
    cm::PlanItem gone;
    gone.expectation = "gone.1";
    gone.area = "b";
    gone.level = "two";
    gone.status = cm::ItemStatus::Done;
    plan.items.push_back(gone);  // retired, but its area still exists
    gone.expectation = "gone.2";
    gone.area = "retired-area";
    plan.items.push_back(gone);  // retired, area gone too
    return plan;
}

TEST(Plan, ReadinessSplitsWhatIsNewAtTheTargetByStatus) {
    cm::Framework fw = load(kTiny);
    cm::Plan plan = hand_built_plan(fw);
    std::vector<cm::AreaReadiness> r = cm::readiness(fw, plan);
    ASSERT_EQ(r.size(), 3u);
    auto expect = [&](size_t i, const char* area, int new_at_target, cm::StatusCounts planned, cm::StatusCounts other) {
        SCOPED_TRACE(area);
        EXPECT_EQ(fw.areas[size_t(r[i].area)].id, area);
        EXPECT_EQ(r[i].new_at_target, new_at_target);
        EXPECT_EQ(r[i].planned, planned);
        EXPECT_EQ(r[i].other, other);
    };
    // Area A: both new items planned (one done, one in progress).
    expect(0, "a", 2, {0, 1, 1}, {});
    // Area B: two.b.2 is new and not planned (two.b.1 is restated word for word: not new); the retired item counts apart.
    expect(1, "b", 1, {}, {0, 0, 1});
    EXPECT_EQ(r[1].not_planned(), 1);
    expect(2, "s", 0, {}, {1, 0, 0});

    plan.items.clear();  // an empty plan still shows what the target asks for
    r = cm::readiness(fw, plan);
    ASSERT_EQ(r.size(), 2u);
    expect(0, "a", 2, {}, {});
    expect(1, "b", 1, {}, {});
    EXPECT_EQ(r[0].not_planned(), 2);
}

TEST(Plan, ReadinessOfTheRealFrameworkSeniorToStaff) {
    cm::Framework fw = infrastructure();
    cm::Plan plan = cm::make_plan(fw, "p", "senior", "staff", 0, "p1");
    int total = 0;
    for (const cm::AreaReadiness& r : cm::readiness(fw, plan)) {
        EXPECT_EQ(r.planned.not_started, r.new_at_target) << fw.areas[size_t(r.area)].id;  // everything preselected, nothing started
        EXPECT_EQ(r.not_planned(), 0);
        EXPECT_EQ(r.other.total(), 0);
        total += r.new_at_target;
    }
    EXPECT_EQ(total, int(plan.items.size()));
}

TEST(Plan, OutlineInHandbookOrderGroupsByAreaAndNamesTheLevels) {
    cm::Framework fw = load(kTiny);
    cm::Plan plan = hand_built_plan(fw);
    std::vector<cm::PlanGroup> g = cm::outline_plan(fw, plan, cm::PlanOrder::Handbook);
    ASSERT_EQ(g.size(), 4u);
    EXPECT_EQ(g[0].key, "area:a");
    EXPECT_EQ(g[0].heading, "Area A");
    EXPECT_EQ(g[0].levels, "Two");
    EXPECT_EQ(g[0].items, (std::vector<size_t>{1, 0}));  // the framework's order, not the order planned
    EXPECT_EQ(g[0].counts, (cm::StatusCounts{0, 1, 1}));
    EXPECT_EQ(g[1].key, "area:b");
    EXPECT_EQ(g[1].items, (std::vector<size_t>{3}));      // retired, under its stored area
    EXPECT_EQ(g[1].levels, "Two");
    EXPECT_EQ(g[2].key, "area:s");
    EXPECT_EQ(g[2].levels, "One");
    EXPECT_EQ(g[3].key, "area:retired-area");
    EXPECT_EQ(g[3].heading, "retired-area");

    // Items of two levels in one area: both named, in ladder order.
    plan.items.push_back(cm::make_item(fw, fw.find_expectation("one.a.2")));
    g = cm::outline_plan(fw, plan, cm::PlanOrder::Handbook);
    EXPECT_EQ(g[0].levels, "One, Two");
    EXPECT_EQ(g[0].items, (std::vector<size_t>{5, 1, 0}));
}

TEST(Plan, OutlineByTargetDateGroupsByMonthUndatedLast) {
    cm::Framework fw = load(kTiny);
    cm::Plan plan = hand_built_plan(fw);
    plan.items[0].target_date = "2027-03-20";
    plan.items[1].target_date = "2027-01-05";
    plan.items[2].target_date = "2027-03-02";
    std::vector<cm::PlanGroup> g = cm::outline_plan(fw, plan, cm::PlanOrder::TargetDate);
    ASSERT_EQ(g.size(), 3u);
    EXPECT_EQ(g[0].key, "month:2027-01");
    EXPECT_EQ(g[0].heading, "January 2027");
    EXPECT_EQ(g[0].items, (std::vector<size_t>{1}));
    EXPECT_EQ(g[1].heading, "March 2027");
    EXPECT_EQ(g[1].items, (std::vector<size_t>{2, 0}));  // by date within the month
    EXPECT_EQ(g[2].key, "month:none");
    EXPECT_EQ(g[2].heading, "No target date");
    EXPECT_EQ(g[2].items, (std::vector<size_t>{3, 4}));
    EXPECT_EQ(g[2].counts, (cm::StatusCounts{0, 0, 2}));
}

TEST(Plan, ItemSummaryIsOneLine) {
    cm::PlanItem item;
    EXPECT_EQ(cm::item_summary(item), "");
    item.notes = "  Shipped the runbook\nand the review";
    EXPECT_EQ(cm::item_summary(item), "Note: Shipped the runbook\xE2\x80\xA6");  // more lines follow
    item.notes = "Short note";
    item.evidence = {{"", "https://gitlab.com/a"}, {"b", "https://gitlab.com/b"}};
    item.target_date = "2027-02-01";
    EXPECT_EQ(cm::item_summary(item), "Note: Short note \xC2\xB7 2 links \xC2\xB7 target 2027-02-01");
    item.notes.clear();
    item.evidence.resize(1);
    EXPECT_EQ(cm::item_summary(item), "1 link \xC2\xB7 target 2027-02-01");
    // Cut by characters, never inside one.
    item = {};
    item.notes = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
    EXPECT_EQ(cm::item_summary(item, 2), "Note: \xC3\xA9\xC3\xA9\xE2\x80\xA6");
    EXPECT_EQ(cm::item_summary(item, 4), "Note: \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
}

TEST(Plan, AddExpectationsSkipsWhatIsPlanned) {
    cm::Framework fw = load(kTiny);
    cm::Plan plan;
    std::vector<int> wanted = {fw.find_expectation("two.a.1"), fw.find_expectation("two.a.2")};
    EXPECT_EQ(cm::add_expectations(fw, &plan, wanted), 2);
    EXPECT_EQ(cm::add_expectations(fw, &plan, wanted), 0);
    EXPECT_EQ(cm::add_expectations(fw, &plan, {-1, 999, fw.find_expectation("two.b.2")}), 1);
    EXPECT_EQ(item_ids(plan), (std::vector<std::string>{"two.a.1", "two.a.2", "two.b.2"}));
    EXPECT_EQ(plan.items[2].hash, cm::hash_to_hex(fw.expectations[size_t(fw.find_expectation("two.b.2"))].hash));
}

// [SECTION] Names, ids, statuses, dates, URLs

TEST(Plan, UniquePlanName) {
    auto named = [](std::vector<std::string> names) {
        std::vector<cm::Plan> plans;
        for (auto& n : names) {
            cm::Plan p;
            p.name = n;
            plans.push_back(std::move(p));
        }
        return plans;
    };
    EXPECT_EQ(cm::unique_plan_name({}, "Plan"), "Plan");
    EXPECT_EQ(cm::unique_plan_name(named({"Plan"}), "Plan"), "Plan (2)");
    EXPECT_EQ(cm::unique_plan_name(named({"Plan", "Plan (2)"}), "Plan"), "Plan (3)");
    EXPECT_EQ(cm::unique_plan_name(named({"Plan (2)"}), "Plan"), "Plan");
    EXPECT_EQ(cm::unique_plan_name(named({"Plan", "Plan (3)"}), "Plan"), "Plan (2)");
}

TEST(Plan, FreshPlanId) {
    EXPECT_EQ(cm::fresh_plan_id({}, 0), "plan-0-1");
    EXPECT_EQ(cm::fresh_plan_id({}, 35), "plan-z-1");
    EXPECT_EQ(cm::fresh_plan_id({}, 36), "plan-10-1");
    std::vector<cm::Plan> plans(2);
    plans[0].id = "plan-10-1";
    plans[1].id = "plan-10-2";
    EXPECT_EQ(cm::fresh_plan_id(plans, 36), "plan-10-3");
    EXPECT_TRUE(cm::is_valid_id(cm::fresh_plan_id({}, 1795780800000)));
}

TEST(Plan, StatusIds) {
    for (cm::ItemStatus s : {cm::ItemStatus::NotStarted, cm::ItemStatus::InProgress, cm::ItemStatus::Done}) {
        cm::ItemStatus back = cm::ItemStatus::NotStarted;
        ASSERT_TRUE(cm::status_from_id(cm::status_id(s), &back));
        EXPECT_EQ(back, s);
    }
    EXPECT_STREQ(cm::status_id(cm::ItemStatus::InProgress), "in-progress");
    EXPECT_STREQ(cm::status_label(cm::ItemStatus::NotStarted), "Not started");
    cm::ItemStatus unused;
    EXPECT_FALSE(cm::status_from_id("todo", &unused));
    EXPECT_FALSE(cm::status_from_id("Done", &unused));
}

TEST(Plan, IsEvidenceUrl) {
    EXPECT_TRUE(cm::is_evidence_url("https://gitlab.com/group/project/-/merge_requests/1"));
    EXPECT_TRUE(cm::is_evidence_url("HTTP://example.com"));
    EXPECT_FALSE(cm::is_evidence_url("javascript:alert(1)"));
    EXPECT_FALSE(cm::is_evidence_url("data:text/html,hi"));
    EXPECT_FALSE(cm::is_evidence_url("/handbook/page"));
    EXPECT_FALSE(cm::is_evidence_url("https://"));
    EXPECT_FALSE(cm::is_evidence_url("https:///path"));
    EXPECT_FALSE(cm::is_evidence_url("https://exa mple.com"));
    EXPECT_FALSE(cm::is_evidence_url("https://example.com/\n"));
    EXPECT_FALSE(cm::is_evidence_url(" https://example.com"));
}

}  // namespace
