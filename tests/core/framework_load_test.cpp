#include "framework_load.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

std::string read(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::vector<std::string> problems_of(const std::string& text, const char* file = "test.json") {
    cm::Diagnostics diag;
    diag.file = file;
    cm::Framework fw;
    EXPECT_FALSE(cm::load_framework(text, &fw, &diag));
    std::vector<std::string> out;
    for (const cm::Problem& p : diag.problems) out.push_back(p.where + ": " + p.message);
    return out;
}

bool contains(const std::vector<std::string>& lines, const std::string& needle) {
    for (const std::string& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

TEST(FrameworkLoad, DefaultDataLoads) {
    cm::Diagnostics diag;
    diag.file = "infrastructure.json";
    cm::Framework fw;
    ASSERT_TRUE(cm::load_framework(read(CM_SOURCE_DIR "/data/infrastructure.json"), &fw, &diag)) << diag.to_string();
    ASSERT_EQ(fw.levels.size(), 8u);
    EXPECT_EQ(fw.levels.front().id, "intern");
    EXPECT_EQ(fw.levels.back().id, "fellow");
    EXPECT_FALSE(fw.levels[6].published);
    EXPECT_EQ(fw.find_area("team-building") >= 0, true);
    EXPECT_TRUE(fw.cumulative);
}

TEST(FrameworkLoad, BrokenFixtureReportsEveryProblemWithItsPointer) {
    auto lines = problems_of(read(CM_FIXTURES_DIR "/broken-framework.json"), "broken-framework.json");
    EXPECT_TRUE(contains(lines, "broken-framework.json:/framework/colour: unknown field \"colour\""));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/levels/1/id: duplicate id \"associate\""));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/levels/2/published: expected true or false, found a string"));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/levels/2/scope: must not be empty"));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/expectations/1/text: must not be empty"));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/expectations/1/level: no level with id \"staff\""));
}

TEST(FrameworkLoad, SyntaxErrorHasLineAndColumn) {
    auto lines = problems_of("{\n  \"format\": \"career-framework\",\n  oops\n}");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].rfind("test.json:3:3: not valid JSON", 0), 0u) << lines[0];
}

}  // namespace
