// Tests of wasm/core/compare: effective expectations, changes between levels,
// added words, lineage.
#include "compare.h"
#include "framework_load.h"
#include "test_data.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

// [SECTION] A small framework
//
//   levels l1 < l2 < l3 < l4; dimensions d1, d2, d3 (component c), section s1 (component v)
//
//   d1: a1 (l1) -> a2 (l2, grown) -> a3 (l3, same words as a2) -> a4 (l4, grown)
//                -> b2 (l2, grown: a second branch of a1)
//   d2: x1 (l1), x3 (l3, new)
//   d3: z4 (l4, new)
//   s1: v1 (l1)
std::string ladder_json(bool cumulative) {
    return std::string(R"({
  "format": "career-framework", "formatVersion": 1,
  "framework": {"id": "t", "name": "T", "version": "1", "cumulative": )") +
           (cumulative ? "true" : "false") + R"(},
  "components": [{"id": "c", "name": "C"}, {"id": "v", "name": "V"}],
  "dimensions": [{"id": "d1", "name": "D1", "component": "c"}, {"id": "d2", "name": "D2", "component": "c"},
                 {"id": "d3", "name": "D3", "component": "c"}],
  "sections": [{"id": "s1", "name": "S1", "component": "v"}],
  "levels": [{"id": "l3", "name": "L3", "order": 3, "scope": "s", "published": true},
             {"id": "l1", "name": "L1", "order": 1, "scope": "s", "published": true},
             {"id": "l2", "name": "L2", "order": 2, "scope": "s", "published": true},
             {"id": "l4", "name": "L4", "order": 4, "scope": "s", "published": true}],
  "expectations": [
    {"id": "v1", "level": "l1", "section": "s1", "text": "Lives the values."},
    {"id": "a1", "level": "l1", "dimension": "d1", "text": "Writes clear code."},
    {"id": "x1", "level": "l1", "dimension": "d2", "text": "Asks for help early."},
    {"id": "a2", "level": "l2", "dimension": "d1", "extends": "a1", "text": "Writes clear, well tested code."},
    {"id": "b2", "level": "l2", "dimension": "d1", "extends": "a1", "text": "Reviews code of the team."},
    {"id": "a3", "level": "l3", "dimension": "d1", "extends": "a2", "text": "Writes  clear, well tested code. "},
    {"id": "x3", "level": "l3", "dimension": "d2", "text": "Mentors new team members."},
    {"id": "a4", "level": "l4", "dimension": "d1", "extends": "a3", "text": "Sets the code standards of the department."},
    {"id": "z4", "level": "l4", "dimension": "d3", "text": "Owns the roadmap."}
  ]
})";
}

cm::Framework load_text(const std::string& text, const char* file) {
    cm::Diagnostics diag;
    diag.file = file;
    cm::Framework fw;
    EXPECT_TRUE(cm::load_framework(text, &fw, &diag)) << diag.to_string();
    return fw;
}

cm::Framework ladder(bool cumulative) { return load_text(ladder_json(cumulative), "ladder.json"); }

std::vector<std::string> ids(const cm::Framework& fw, const std::vector<int>& items) {
    std::vector<std::string> out;
    for (int i : items) out.push_back(fw.expectations[size_t(i)].id);
    return out;
}

// One area of a comparison as "lower>higher:change" strings ("-" for none).
std::vector<std::string> describe(const cm::Framework& fw, const cm::AreaComparison& ac) {
    std::vector<std::string> out;
    for (const cm::ComparedItem& it : ac.items)
        out.push_back((it.lower >= 0 ? fw.expectations[size_t(it.lower)].id : "-") + ">" +
                      (it.higher >= 0 ? fw.expectations[size_t(it.higher)].id : "-") + ":" + cm::change_name(it.change));
    return out;
}

// The whole comparison as area id -> items.
std::vector<std::pair<std::string, std::vector<std::string>>> compare(const cm::Framework& fw, const char* a, const char* b) {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const cm::AreaComparison& ac : cm::compare_levels(fw, fw.find_level(a), fw.find_level(b)))
        out.emplace_back(fw.areas[size_t(ac.area)].id, describe(fw, ac));
    return out;
}

using Areas = std::vector<std::pair<std::string, std::vector<std::string>>>;

// [SECTION] effective_expectations and change_from_below

TEST(EffectiveExpectations, CumulativeInheritsWhatWasNotGrownFrom) {
    cm::Framework fw = ladder(true);
    auto eff = [&](const char* level) { return ids(fw, cm::effective_expectations(fw, fw.find_level(level))); };
    // Area order (d1, d2, d3, s1); within an area, lower levels first, then file order.
    EXPECT_EQ(eff("l1"), (std::vector<std::string>{"a1", "x1", "v1"}));
    EXPECT_EQ(eff("l2"), (std::vector<std::string>{"a2", "b2", "x1", "v1"}));  // a1 superseded by a2 and b2
    EXPECT_EQ(eff("l3"), (std::vector<std::string>{"b2", "a3", "x1", "x3", "v1"}));  // a2 superseded by a3
    EXPECT_EQ(eff("l4"), (std::vector<std::string>{"b2", "a4", "x1", "x3", "z4", "v1"}));
}

TEST(EffectiveExpectations, NonCumulativeHasOnlyTheLevelsOwn) {
    cm::Framework fw = ladder(false);
    auto eff = [&](const char* level) { return ids(fw, cm::effective_expectations(fw, fw.find_level(level))); };
    EXPECT_EQ(eff("l1"), (std::vector<std::string>{"a1", "x1", "v1"}));
    EXPECT_EQ(eff("l2"), (std::vector<std::string>{"a2", "b2"}));
    EXPECT_EQ(eff("l3"), (std::vector<std::string>{"a3", "x3"}));
    EXPECT_EQ(eff("l4"), (std::vector<std::string>{"a4", "z4"}));
}

TEST(ChangeFromBelow, AddedGrownUnchanged) {
    cm::Framework fw = ladder(true);
    auto change = [&](const char* id) { return cm::change_from_below(fw, fw.find_expectation(id)); };
    EXPECT_EQ(change("a1"), cm::Change::Added);
    EXPECT_EQ(change("x1"), cm::Change::Added);
    EXPECT_EQ(change("a2"), cm::Change::Grown);
    EXPECT_EQ(change("b2"), cm::Change::Grown);
    EXPECT_EQ(change("a3"), cm::Change::Unchanged);  // same words, different spacing
    EXPECT_EQ(change("a4"), cm::Change::Grown);
    EXPECT_EQ(change("x3"), cm::Change::Added);
    EXPECT_EQ(change("z4"), cm::Change::Added);
}

TEST(ChangeName, NamesEveryChange) {
    EXPECT_STREQ(cm::change_name(cm::Change::Added), "added");
    EXPECT_STREQ(cm::change_name(cm::Change::Grown), "grown");
    EXPECT_STREQ(cm::change_name(cm::Change::Unchanged), "unchanged");
    EXPECT_STREQ(cm::change_name(cm::Change::Dropped), "dropped");
}

// [SECTION] compare_levels

TEST(CompareLevels, AdjacentLevelsCumulative) {
    cm::Framework fw = ladder(true);
    EXPECT_EQ(compare(fw, "l1", "l2"), (Areas{
                                           {"d1", {"a1>a2:grown", "a1>b2:grown"}},
                                           {"d2", {"x1>x1:unchanged"}},
                                           {"s1", {"v1>v1:unchanged"}},
                                       }));
    // Added before Unchanged even though the inherited x1 comes first at l3.
    EXPECT_EQ(compare(fw, "l2", "l3"), (Areas{
                                           {"d1", {"b2>b2:unchanged", "a2>a3:unchanged"}},
                                           {"d2", {"->x3:added", "x1>x1:unchanged"}},
                                           {"s1", {"v1>v1:unchanged"}},
                                       }));
    EXPECT_EQ(compare(fw, "l3", "l4"), (Areas{
                                           {"d1", {"a3>a4:grown", "b2>b2:unchanged"}},
                                           {"d2", {"x1>x1:unchanged", "x3>x3:unchanged"}},
                                           {"d3", {"->z4:added"}},
                                           {"s1", {"v1>v1:unchanged"}},
                                       }));
}

TEST(CompareLevels, EitherArgumentOrderGivesLowerToHigher) {
    cm::Framework fw = ladder(true);
    for (auto [a, b] : {std::pair{"l1", "l2"}, {"l1", "l4"}, {"l2", "l3"}, {"l3", "l4"}}) {
        EXPECT_EQ(compare(fw, a, b), compare(fw, b, a)) << a << " " << b;
    }
    cm::Framework nc = ladder(false);
    EXPECT_EQ(compare(nc, "l1", "l3"), compare(nc, "l3", "l1"));
}

TEST(CompareLevels, NonAdjacentLevelsFollowTheChainDown) {
    cm::Framework fw = ladder(true);
    // a4 grew from a3, a3 from a2, a2 from a1: at l1 the same line of growth is a1.
    EXPECT_EQ(compare(fw, "l4", "l1"), (Areas{
                                           {"d1", {"a1>b2:grown", "a1>a4:grown"}},
                                           {"d2", {"->x3:added", "x1>x1:unchanged"}},
                                           {"d3", {"->z4:added"}},
                                           {"s1", {"v1>v1:unchanged"}},
                                       }));
    // a3 restates a2 word for word: l2 -> l3 is unchanged there, but l1 -> l3 is grown.
    EXPECT_EQ(compare(fw, "l1", "l3")[0], (std::pair<std::string, std::vector<std::string>>{"d1", {"a1>b2:grown", "a1>a3:grown"}}));
}

TEST(CompareLevels, SameLevelIsAllUnchanged) {
    cm::Framework fw = ladder(true);
    int l3 = fw.find_level("l3");
    for (const cm::AreaComparison& ac : cm::compare_levels(fw, l3, l3)) {
        for (const cm::ComparedItem& it : ac.items) {
            EXPECT_EQ(it.change, cm::Change::Unchanged);
            EXPECT_EQ(it.lower, it.higher);
        }
    }
}

TEST(CompareLevels, DroppedOnlyInNonCumulativeFrameworks) {
    cm::Framework fw = ladder(false);
    EXPECT_EQ(compare(fw, "l1", "l2"), (Areas{
                                           {"d1", {"a1>a2:grown", "a1>b2:grown"}},
                                           {"d2", {"x1>-:dropped"}},
                                           {"s1", {"v1>-:dropped"}},
                                       }));
    EXPECT_EQ(compare(fw, "l2", "l3"), (Areas{
                                           {"d1", {"a2>a3:unchanged", "b2>-:dropped"}},
                                           {"d2", {"->x3:added"}},
                                       }));
    // Cumulative frameworks never drop anything.
    cm::Framework cum = ladder(true);
    for (int a = 0; a < int(cum.levels.size()); a++)
        for (int b = 0; b < int(cum.levels.size()); b++)
            for (const cm::AreaComparison& ac : cm::compare_levels(cum, a, b)) EXPECT_EQ(ac.count(cm::Change::Dropped), 0);
}

TEST(CompareLevels, OrderIsAddedAndGrownThenUnchangedThenDropped) {
    // One area holding all four kinds at once: an unchanged restatement, something
    // dropped, something new and something grown, listed in the worst order.
    cm::Framework fw = load_text(R"({
  "format": "career-framework", "formatVersion": 1,
  "framework": {"id": "t", "name": "T", "version": "1", "cumulative": false},
  "components": [{"id": "c", "name": "C"}],
  "dimensions": [{"id": "d", "name": "D", "component": "c"}, {"id": "e", "name": "E", "component": "c"}],
  "levels": [{"id": "lo", "name": "Lo", "order": 1, "scope": "s", "published": true},
             {"id": "hi", "name": "Hi", "order": 2, "scope": "s", "published": true}],
  "expectations": [
    {"id": "lo.keep", "level": "lo", "dimension": "d", "text": "Keeps the lights on."},
    {"id": "lo.drop", "level": "lo", "dimension": "d", "text": "Follows the runbook."},
    {"id": "lo.grow", "level": "lo", "dimension": "d", "text": "Fixes bugs."},
    {"id": "hi.keep", "level": "hi", "dimension": "d", "extends": "lo.keep", "text": "Keeps the lights on."},
    {"id": "hi.new", "level": "hi", "dimension": "d", "text": "Writes the runbook."},
    {"id": "hi.grow", "level": "hi", "dimension": "d", "extends": "lo.grow", "text": "Fixes bugs before users see them."}
  ]
})",
                                 "order.json");
    std::vector<cm::AreaComparison> cmp = cm::compare_levels(fw, fw.find_level("hi"), fw.find_level("lo"));
    ASSERT_EQ(cmp.size(), 1u);  // area "e" has nothing at either level: omitted
    EXPECT_EQ(cmp[0].area, fw.find_area("d"));
    EXPECT_EQ(describe(fw, cmp[0]), (std::vector<std::string>{
                                        "->hi.new:added", "lo.grow>hi.grow:grown",  // file order among the first rank
                                        "lo.keep>hi.keep:unchanged",
                                        "lo.drop>-:dropped",
                                    }));
    EXPECT_EQ(cmp[0].count(cm::Change::Added), 1);
    EXPECT_EQ(cmp[0].count(cm::Change::Grown), 1);
    EXPECT_EQ(cmp[0].count(cm::Change::Unchanged), 1);
    EXPECT_EQ(cmp[0].count(cm::Change::Dropped), 1);
}

TEST(CompareLevels, AreasWithoutItemsAreOmitted) {
    cm::Framework fw = ladder(true);
    // d3 only has z4 at l4.
    for (auto [a, b] : {std::pair{"l1", "l2"}, {"l1", "l3"}, {"l2", "l3"}}) {
        for (const cm::AreaComparison& ac : cm::compare_levels(fw, fw.find_level(a), fw.find_level(b))) {
            EXPECT_NE(ac.area, fw.find_area("d3"));
            EXPECT_FALSE(ac.items.empty());
        }
    }
    // Areas come out in area order.
    std::vector<cm::AreaComparison> cmp = cm::compare_levels(fw, fw.find_level("l1"), fw.find_level("l4"));
    ASSERT_EQ(cmp.size(), 4u);
    for (size_t i = 1; i < cmp.size(); i++) EXPECT_LT(cmp[i - 1].area, cmp[i].area);
}

TEST(CompareLevels, UnpublishedLevelsInheritEverything) {
    std::string text = ladder_json(true);
    // A fifth level, unpublished: it holds what l4 holds and adds nothing.
    text.replace(text.find("{\"id\": \"l4\""), 0, R"({"id": "l5", "name": "L5", "order": 5, "scope": "s", "published": false}, )");
    cm::Framework fw = load_text(text, "l5.json");
    int l4 = fw.find_level("l4"), l5 = fw.find_level("l5");
    ASSERT_GE(l5, 0);
    EXPECT_EQ(cm::effective_expectations(fw, l5), cm::effective_expectations(fw, l4));
    for (const cm::AreaComparison& ac : cm::compare_levels(fw, l4, l5))
        EXPECT_EQ(ac.count(cm::Change::Unchanged), int(ac.items.size()));
}

// [SECTION] The default data

TEST(CompareLevels, SeniorToStaffOnTheDefaultData) {
    cm::Framework fw = load_text(test_data::infrastructure_text(), "infrastructure.json");
    int senior = fw.find_level("senior"), staff = fw.find_level("staff");
    ASSERT_GE(senior, 0);
    ASSERT_GE(staff, 0);
    std::vector<cm::AreaComparison> cmp = cm::compare_levels(fw, senior, staff);
    size_t higher = 0;
    std::vector<char> seen(fw.areas.size(), 0);
    for (const cm::AreaComparison& ac : cmp) {
        seen[size_t(ac.area)] = 1;
        const cm::Area& area = fw.areas[size_t(ac.area)];
        if (area.kind == cm::AreaKind::Dimension) {
            EXPECT_GT(ac.count(cm::Change::Added) + ac.count(cm::Change::Grown), 0) << area.id;
        }
        EXPECT_EQ(ac.count(cm::Change::Dropped), 0) << area.id;  // cumulative
        for (const cm::ComparedItem& it : ac.items) {
            if (it.higher >= 0) higher++;
            if (it.change == cm::Change::Grown) {
                // Grown items pair an expectation of staff with the one of the line it grew from.
                EXPECT_EQ(fw.expectations[size_t(it.higher)].level, staff);
                EXPECT_NE(fw.expectations[size_t(it.lower)].hash, fw.expectations[size_t(it.higher)].hash);
                std::vector<int> chain = cm::lineage(fw, it.higher);
                EXPECT_NE(std::find(chain.begin(), chain.end(), it.lower), chain.end());
            }
        }
    }
    for (size_t a = 0; a < fw.areas.size(); a++) {
        if (fw.areas[a].kind == cm::AreaKind::Dimension) {
            EXPECT_TRUE(seen[a]) << fw.areas[a].id;
        }
    }
    EXPECT_EQ(higher, cm::effective_expectations(fw, staff).size());
}

// The handbook repeats some items word for word from the level below; the data carries
// them over (same text, `extends` the lower one), so comparing shows no change there.
TEST(CompareLevels, WhatTheDefaultDataCarriesOverIsUnchanged) {
    cm::Framework fw = load_text(test_data::infrastructure_text(), "infrastructure.json");
    int carried = 0, from_the_level_below = 0;
    for (int e = 0; e < int(fw.expectations.size()); e++) {
        const cm::Expectation& x = fw.expectations[size_t(e)];
        if (x.extends < 0 || fw.expectations[size_t(x.extends)].hash != x.hash) continue;
        carried++;
        from_the_level_below += fw.expectations[size_t(x.extends)].level == x.level - 1;
        EXPECT_EQ(cm::change_from_below(fw, e), cm::Change::Unchanged) << x.id;
        int below = fw.expectations[size_t(x.extends)].level;
        bool found = false;
        for (const cm::AreaComparison& ac : cm::compare_levels(fw, below, x.level))
            for (const cm::ComparedItem& it : ac.items)
                if (it.higher == e) {
                    found = true;
                    EXPECT_EQ(it.change, cm::Change::Unchanged) << x.id;
                    EXPECT_EQ(it.lower, x.extends) << x.id;
                }
        EXPECT_TRUE(found) << x.id;
    }
    EXPECT_EQ(from_the_level_below, 28);  // as many as the handbook repeats from the level below
    EXPECT_EQ(carried, 29);               // and one it restates from two levels below (Intern's, at Intermediate)
    // And what grew is told apart from what is new.
    int grown = 0, added = 0;
    for (int e = 0; e < int(fw.expectations.size()); e++) {
        cm::Change c = cm::change_from_below(fw, e);
        grown += c == cm::Change::Grown;
        added += c == cm::Change::Added;
    }
    EXPECT_GT(grown, 0);
    EXPECT_GT(added, 0);
}

TEST(EffectiveExpectations, DefaultDataGrowsUpTheLadder) {
    cm::Framework fw = load_text(test_data::infrastructure_text(), "infrastructure.json");
    // The values are listed once, at the first level, and stay in effect everywhere.
    int values = fw.find_area("values");
    for (int l = 0; l < int(fw.levels.size()); l++) {
        std::vector<int> eff = cm::effective_expectations(fw, l);
        EXPECT_GT(std::count_if(eff.begin(), eff.end(), [&](int e) { return fw.expectations[size_t(e)].area == values; }), 0);
        // No expectation appears twice, nor next to one it grew into.
        std::vector<int> sorted = eff;
        std::sort(sorted.begin(), sorted.end());
        EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
        for (int e : eff)
            for (int s : fw.successors[size_t(e)]) EXPECT_EQ(std::find(eff.begin(), eff.end(), s), eff.end());
    }
}

// [SECTION] added_words

std::vector<std::string> added(std::string_view before, std::string_view after) {
    std::vector<std::string> out;
    for (const cm::TextRange& r : cm::added_words(before, after)) {
        EXPECT_LE(r.begin, r.end);
        EXPECT_LE(r.end, after.size());
        out.emplace_back(after.substr(r.begin, r.end - r.begin));
    }
    return out;
}

TEST(AddedWords, RealisticSentencePairs) {
    EXPECT_EQ(added("Owns small services.", "Owns critical services end to end."),
              (std::vector<std::string>{"critical", "end to end."}));
    EXPECT_EQ(added("Participates in the on-call rotation.", "Leads the on-call rotation and improves its runbooks."),
              (std::vector<std::string>{"Leads", "and improves its runbooks."}));
    EXPECT_EQ(added("Writes clear code.", "Writes clear, well tested code."), (std::vector<std::string>{"well tested"}));
    EXPECT_EQ(added("Reviews merge requests from the team.", "Reviews merge requests from across the department."),
              (std::vector<std::string>{"across", "department."}));
}

TEST(AddedWords, RangesAreByteOffsetsIntoAfter) {
    const std::string after = "Owns critical services end to end.";
    std::vector<cm::TextRange> r = cm::added_words("Owns small services.", after);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0], (cm::TextRange{5, 13}));
    EXPECT_EQ(r[1], (cm::TextRange{23, uint32_t(after.size())}));
}

TEST(AddedWords, CaseAndPunctuationInsensitive) {
    EXPECT_TRUE(added("Writes code.", "writes CODE").empty());
    EXPECT_TRUE(added("on-call, (always)", "oncall always!").empty());
    EXPECT_TRUE(added("Team's work", "teams work").empty());
    // Non-ASCII letters are compared as they are.
    EXPECT_EQ(added("Caf\xc3\xa9 talks.", "caf\xc3\xa9 talks"), std::vector<std::string>{});
    EXPECT_EQ(added("Caf\xc3\xa9 talks.", "Cafe talks."), std::vector<std::string>{"Cafe"});
}

TEST(AddedWords, MergesRunsAcrossWhiteSpace) {
    const std::string after = "one\ttwo \n three four";
    std::vector<cm::TextRange> r = cm::added_words("one four", after);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(after.substr(r[0].begin, r[0].end - r[0].begin), "two \n three");
}

TEST(AddedWords, EmptyAndIdenticalTexts) {
    EXPECT_TRUE(added("", "").empty());
    EXPECT_TRUE(added("Some words.", "").empty());
    EXPECT_TRUE(added("Some words.", "   ").empty());
    EXPECT_EQ(added("", "Brand new text."), std::vector<std::string>{"Brand new text."});
    EXPECT_EQ(added("  \n", "  Brand new.  "), std::vector<std::string>{"Brand new."});
    const char* same = "Leads incident reviews and shares what was learned.";
    EXPECT_TRUE(added(same, same).empty());
    EXPECT_TRUE(added(same, "Leads  incident\nreviews and shares what was learned.").empty());
}

TEST(AddedWords, RepeatedWordsFollowTheLongestCommonSubsequence) {
    // Only one "the" is new.
    EXPECT_EQ(added("the cat sat", "the cat sat on the mat"), std::vector<std::string>{"on the mat"});
    // Reordered words: one of them is kept (the first "c" of after), the rest is new.
    EXPECT_EQ(added("a b c", "c b a"), std::vector<std::string>{"b a"});
}

TEST(AddedWords, VeryLongTextsCountAsAllNew) {
    // Past the size of the table everything is marked new (one merged range).
    std::string before, after;
    for (int i = 0; i < 1100; i++) before += "w" + std::to_string(i) + " ";
    after = before;
    std::vector<cm::TextRange> r = cm::added_words(before, after);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].begin, 0u);
    EXPECT_EQ(r[0].end, uint32_t(after.size() - 1));
    // Below the limit identical texts have nothing new.
    std::string shorter;
    for (int i = 0; i < 1000; i++) shorter += "w" + std::to_string(i) + " ";
    EXPECT_TRUE(cm::added_words(shorter, shorter).empty());
}

// [SECTION] lineage and descendants

TEST(Lineage, OldestFirstEndingWithItself) {
    cm::Framework fw = ladder(true);
    auto lin = [&](const char* id) { return ids(fw, cm::lineage(fw, fw.find_expectation(id))); };
    EXPECT_EQ(lin("a4"), (std::vector<std::string>{"a1", "a2", "a3", "a4"}));
    EXPECT_EQ(lin("b2"), (std::vector<std::string>{"a1", "b2"}));
    EXPECT_EQ(lin("a1"), std::vector<std::string>{"a1"});
    EXPECT_EQ(lin("z4"), std::vector<std::string>{"z4"});
}

TEST(Descendants, LowestLevelFirst) {
    cm::Framework fw = ladder(true);
    auto desc = [&](const char* id) { return ids(fw, cm::descendants(fw, fw.find_expectation(id))); };
    EXPECT_EQ(desc("a1"), (std::vector<std::string>{"a2", "b2", "a3", "a4"}));
    EXPECT_EQ(desc("a2"), (std::vector<std::string>{"a3", "a4"}));
    EXPECT_EQ(desc("b2"), std::vector<std::string>{});
    EXPECT_EQ(desc("a4"), std::vector<std::string>{});
    EXPECT_EQ(desc("x1"), std::vector<std::string>{});
}

TEST(Descendants, AgreesWithLineage) {
    cm::Framework fw = load_text(test_data::infrastructure_text(), "infrastructure.json");
    for (int e = 0; e < int(fw.expectations.size()); e++) {
        for (int d : cm::descendants(fw, e)) {
            std::vector<int> chain = cm::lineage(fw, d);
            EXPECT_NE(std::find(chain.begin(), chain.end(), e), chain.end());
        }
        std::vector<int> chain = cm::lineage(fw, e);
        ASSERT_FALSE(chain.empty());
        EXPECT_EQ(chain.back(), e);
        for (size_t i = 1; i < chain.size(); i++)
            EXPECT_LT(fw.levels[size_t(fw.expectations[size_t(chain[i - 1])].level)].order,
                      fw.levels[size_t(fw.expectations[size_t(chain[i])].level)].order);
    }
}

}  // namespace
