#include "platform_headless.h"

#include <gtest/gtest.h>

namespace {

std::string default_data() {
    std::string s;
    EXPECT_TRUE(headless::read_file(CM_SOURCE_DIR "/data/infrastructure.json", &s));
    return s;
}

TEST(Ladder, FirstFrameDrawsEveryLevelAndDimension) {
    ui::App app;
    headless::Runner run(app);
    ASSERT_TRUE(app.load_framework(default_data(), "infrastructure.json"));
    run.frames(2);
    EXPECT_TRUE(headless::host().first_frame);
    EXPECT_EQ(app.ladder.levels.size(), app.fw.levels.size());
    EXPECT_TRUE(run.has_target("chip:level:senior"));
    EXPECT_TRUE(run.has_target("chip:area:autonomy"));
}

TEST(Ladder, ClickingALevelChipFiltersTheLadderAndTheUrl) {
    ui::App app;
    headless::Runner run(app);
    ASSERT_TRUE(app.load_framework(default_data(), "infrastructure.json"));
    run.frames(2);
    run.click_target("chip:level:senior");
    ASSERT_EQ(app.ladder.levels.size(), 1u);
    EXPECT_EQ(app.fw.levels[size_t(app.ladder.levels[0])].id, "senior");
    EXPECT_EQ(headless::host().url_hash, "levels=senior");
}

TEST(Ladder, BrokenDataShowsTheProblems) {
    ui::App app;
    headless::Runner run(app);
    EXPECT_FALSE(app.load_framework("{\"format\": 1}", "x.json"));
    EXPECT_EQ(headless::host().fatal_title, "The career framework data could not be loaded");
    EXPECT_NE(headless::host().fatal_details.find("x.json:/format: expected a string"), std::string::npos);
}

}  // namespace
