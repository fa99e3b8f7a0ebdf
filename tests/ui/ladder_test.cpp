// The ladder views driven headless: real ImGui frames with injected mouse and
// keys, assertions on the app's view state and on what it asked of its host.
#include "platform_headless.h"
#include "test_data.h"
#include "theme.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace {

using headless::host;

struct LadderTest : testing::Test {
    ui::App app;
    headless::Runner run{app};
    void SetUp() override {
        ASSERT_TRUE(app.load_framework(test_data::infrastructure_text(), "infrastructure.json"));
        run.frames(2);
    }
    std::string lower(std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return s;
    }
};

TEST_F(LadderTest, FirstFrameDrawsEveryLevelAndDimension) {
    EXPECT_TRUE(host().first_frame);
    EXPECT_EQ(app.ladder.levels.size(), app.fw.levels.size());
    for (const cm::Level& l : app.fw.levels) EXPECT_TRUE(run.has_target("chip:level:" + l.id)) << l.id;
    EXPECT_TRUE(run.has_target("chip:area:autonomy"));
    EXPECT_GT(host().content_height, 1000.0f);
}

TEST_F(LadderTest, ClickingALevelChipFiltersTheLadderAndPushesHistory) {
    run.click_target("chip:level:senior");
    ASSERT_EQ(app.ladder.levels.size(), 1u);
    EXPECT_EQ(app.fw.levels[size_t(app.ladder.levels[0])].id, "senior");
    EXPECT_EQ(host().url_hash, "levels=senior");
    ASSERT_EQ(host().history.size(), 1u);
    run.click_target("chip:level:staff");
    EXPECT_EQ(host().url_hash, "levels=senior,staff");
    run.click_target("chip:levels:all");
    EXPECT_TRUE(app.view.levels.empty());
    EXPECT_EQ(app.ladder.levels.size(), app.fw.levels.size());
}

TEST_F(LadderTest, ShiftClickSelectsARangeOfLevels) {
    run.click_target("chip:level:associate");
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, true);
    run.click_target("chip:level:staff");
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, false);
    run.frames(2);
    EXPECT_EQ(app.view.levels, (std::vector<std::string>{"associate", "intermediate", "senior", "staff"}));
    EXPECT_EQ(host().url_hash, "levels=associate..staff");
}

TEST_F(LadderTest, DimensionAndComponentChipsFilterTheColumns) {
    run.click_target("chip:area:autonomy");
    ASSERT_EQ(app.ladder.areas.size(), 1u);
    EXPECT_EQ(app.fw.areas[size_t(app.ladder.areas[0])].id, "autonomy");
    run.click_target("chip:component:engineering");
    std::vector<std::string> shown;
    for (int a : app.ladder.areas) shown.push_back(app.fw.areas[size_t(a)].id);
    EXPECT_EQ(shown, (std::vector<std::string>{"autonomy", "leadership", "technical"}));
}

TEST_F(LadderTest, TypingASearchFindsEveryMatchAndReplacesHistory) {
    run.click_target("search");
    run.type("on-call");
    run.frames(3);
    EXPECT_EQ(app.view.search, "on-call");
    int expected = 0;
    for (const cm::Expectation& e : app.fw.expectations) {
        bool hit = lower(e.text).find("on-call") != std::string::npos || lower(e.title).find("on-call") != std::string::npos;
        for (const cm::Link& l : e.links) hit |= lower(l.text).find("on-call") != std::string::npos;
        expected += hit;
    }
    ASSERT_GT(expected, 0);
    EXPECT_EQ(app.ladder.matches, expected);
    for (const cm::Cell& cell : app.ladder.cells)
        for (const cm::CellEntry& entry : cell.entries) EXPECT_FALSE(entry.text_matches.empty() && entry.title_matches.empty() && app.fw.expectations[size_t(entry.expectation)].links.empty());
    EXPECT_EQ(host().url_hash, "q=on-call");
    EXPECT_TRUE(host().history.empty()) << "typing must not flood the history";
}

TEST_F(LadderTest, CtrlFFocusesTheSearchField) {
    run.key(ImGuiKey_F, ImGuiMod_Ctrl);
    run.frames(2);
    EXPECT_EQ(app.focused_target, "search");
    run.type("incident");
    run.frames(2);
    EXPECT_EQ(app.view.search, "incident");
}

TEST_F(LadderTest, OnlyWhatIsNewHidesWhatCarriesOver) {
    run.click_target("only-new");
    ASSERT_TRUE(app.view.only_new);
    int shown = 0;
    for (const cm::Cell& cell : app.ladder.cells)
        for (const cm::CellEntry& entry : cell.entries) {
            EXPECT_FALSE(entry.inherited);
            EXPECT_NE(entry.change, cm::Change::Unchanged);
            shown++;
        }
    EXPECT_GT(shown, 0);
    EXPECT_EQ(host().url_hash, "new=1");
}

TEST_F(LadderTest, WhatCarriesOverIsFoldedUntilAsked) {
    // The company values are listed once, at Intern, and carry over to every level.
    run.click_target("chip:level:senior");
    run.click_target("chip:component:values");
    size_t entries_before = app.layout.entries.size();
    ASSERT_EQ(app.ladder.cells.size(), 1u);
    EXPECT_EQ(app.ladder.cells[0].own_count, 0);
    EXPECT_EQ(app.ladder.cells[0].entries.size(), 6u);
    run.click_target("inherited:senior:values");
    EXPECT_TRUE(app.show_inherited);
    EXPECT_GT(app.layout.entries.size(), entries_before);
}

TEST_F(LadderTest, ClickingAnExpectationOpensItsDetailAndEscClosesIt) {
    run.click_target("chip:level:senior");
    run.click_target("expectation:senior.autonomy.1");
    EXPECT_EQ(app.view.selected, "senior.autonomy.1");
    EXPECT_EQ(host().url_hash, "levels=senior&item=senior.autonomy.1");
    EXPECT_TRUE(run.has_target("button:copy-text"));
    run.key(ImGuiKey_Escape);
    EXPECT_EQ(app.view.selected, "");
    EXPECT_EQ(host().focus_released, 0);
    run.key(ImGuiKey_Escape);
    EXPECT_EQ(host().focus_released, 1) << "Esc with nothing open hands focus back to the page";
}

TEST_F(LadderTest, CopyPutsTheExpectationTextOnTheClipboard) {
    run.click_target("chip:level:staff");
    run.click_target("expectation:staff.autonomy.2");
    run.click_target("button:copy-text");
    int e = app.fw.find_expectation("staff.autonomy.2");
    EXPECT_EQ(host().clipboard, app.fw.expectations[size_t(e)].text);
    host().clipboard.clear();
    run.key(ImGuiKey_C, ImGuiMod_Ctrl);
    EXPECT_EQ(host().clipboard, app.fw.expectations[size_t(e)].text);
}

TEST_F(LadderTest, TabReachesTheControlsInOrderAndEnterActivates) {
    std::vector<std::string> seen;
    for (int i = 0; i < 60 && (seen.empty() || seen.back() != "chip:level:staff"); i++) {
        run.key(ImGuiKey_Tab);
        seen.push_back(app.focused_target);
    }
    ASSERT_EQ(seen.back(), "chip:level:staff");
    auto at = [&](const char* name) { return std::find(seen.begin(), seen.end(), name) - seen.begin(); };
    EXPECT_LT(at("search"), at("chip:level:intern"));
    EXPECT_LT(at("chip:level:intern"), at("chip:level:staff"));
    run.key(ImGuiKey_Enter);
    EXPECT_EQ(app.view.levels, std::vector<std::string>{"staff"});
}

TEST_F(LadderTest, TheWheelScrollsTheLadder) {
    run.move(ImVec2(600, 600));
    EXPECT_EQ(app.scroll_y, 0.0f);
    run.wheel(-3.0f);
    EXPECT_GT(app.scroll_y, 100.0f);
}

TEST_F(LadderTest, CompareTabComparesTheFirstTwoLevelsByDefault) {
    run.click_target("tab:compare");
    run.frames(2);
    EXPECT_EQ(app.view.view, cm::View::Compare);
    EXPECT_EQ(app.view.compare_from, "intern");
    EXPECT_EQ(app.view.compare_to, "associate");
    EXPECT_FALSE(app.comparison.areas.empty());
    EXPECT_NE(host().url_hash.find("view=compare"), std::string::npos);
}

TEST_F(LadderTest, CompareShowsWhatTheHigherLevelAdds) {
    app.on_url_hash("view=compare&from=senior&to=staff");
    run.frames(3);
    int added = 0, grown = 0;
    for (const cm::AreaComparison& ac : app.comparison.areas) {
        added += ac.count(cm::Change::Added);
        grown += ac.count(cm::Change::Grown);
    }
    EXPECT_GT(added + grown, 0);
    // Every grown row is drawn as a clickable row leading to the higher expectation.
    for (const cm::AreaComparison& ac : app.comparison.areas)
        for (const cm::ComparedItem& item : ac.items)
            if (item.change == cm::Change::Grown && run.has_target("compare:" + app.fw.expectations[size_t(item.higher)].id)) {
                run.click_target("compare:" + app.fw.expectations[size_t(item.higher)].id);
                EXPECT_EQ(app.view.selected, app.fw.expectations[size_t(item.higher)].id);
                return;
            }
    FAIL() << "no grown row drawn";
}

TEST_F(LadderTest, DeepLinkRestoresTheViewAndReportsUnknownParts) {
    app.on_url_hash("levels=senior&areas=autonomy,nope&q=incident&zzz=1");
    run.frames(2);
    EXPECT_EQ(app.view.levels, std::vector<std::string>{"senior"});
    EXPECT_EQ(app.view.areas, std::vector<std::string>{"autonomy"});
    EXPECT_EQ(app.view.search, "incident");
    EXPECT_EQ(app.search_text, "incident");
    EXPECT_EQ(app.notices.size(), 2u);
    run.click_target("button:dismiss-notice");
    EXPECT_TRUE(app.notices.empty());
}

TEST_F(LadderTest, NarrowEmbedsStackTheColumns) {
    run.resize(ImVec2(700, 800));
    run.frames(2);
    float max_right = 0;
    size_t max_cells = 0;
    for (const ui::LadderLayout::Block& b : app.layout.blocks) {
        if (b.kind != ui::LadderLayout::Block::CellRow) continue;
        max_cells = std::max(max_cells, b.cells.size());
        for (float x : b.cell_x) max_right = std::max(max_right, x + b.cell_width);
        EXPECT_GE(b.cell_width, 230.0f);
    }
    EXPECT_LE(max_cells, 2u);
    EXPECT_LE(max_right, 700.0f);
}

TEST_F(LadderTest, APixelRatioChangeRebuildsFontsAndLayout) {
    float height_at_1 = app.layout.height;
    app.layout.height = -1;  // only a rebuild of the layout sets it again (the width stays the same)
    run.resize(run.size, 2.0f);
    run.frames(2);
    EXPECT_EQ(theme::built_pixel_ratio(), 2.0f);
    EXPECT_NEAR(app.layout.height, height_at_1, height_at_1 * 0.05f) << "layout is in CSS pixels at any ratio";
}

TEST(LadderLoad, BrokenDataShowsTheProblems) {
    ui::App app;
    headless::Runner run(app);
    EXPECT_FALSE(app.load_framework("{\"format\": 1}", "x.json"));
    EXPECT_EQ(host().fatal_title, "The career framework data could not be loaded");
    EXPECT_NE(host().fatal_details.find("x.json:/format: expected a string"), std::string::npos);
    run.frames(2);
    EXPECT_FALSE(host().first_frame);
}

TEST(LadderLoad, ThemeFollowsTheSystemUntilChosenAndRemembersTheChoice) {
    ui::App app;
    headless::Runner run(app);
    ASSERT_TRUE(app.load_framework(test_data::infrastructure_text(), "infrastructure.json"));
    app.on_system_theme(true);
    run.frames(2);
    EXPECT_TRUE(app.dark);
    run.click_target("button:theme");
    EXPECT_FALSE(app.dark);
    std::string saved;
    ASSERT_EQ(host().storage.get(ui::kSettingsKey, &saved), cm::StoreStatus::Ok);
    EXPECT_EQ(saved, "{\"theme\":\"light\"}");
    app.on_system_theme(true);
    EXPECT_FALSE(app.dark) << "an explicit choice wins over the system";
}

}  // namespace
