// The headless runner's failures (a target the last frame did not draw) become
// failures of the running test, with the message, instead of an abort.
#include "platform_headless.h"
#include "theme.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace {

[[maybe_unused]] const bool kHooked = [] {
    headless::report_failure = [](const std::string& message) { ADD_FAILURE() << message; };
    return true;
}();

// The hook is what keeps a renamed control from passing silently.
TEST(HeadlessRunner, AnUnknownTargetFailsTheTest) {
    ui::App app;
    headless::Runner run(app);
    run.frames(2);
    EXPECT_NONFATAL_FAILURE(run.click_target("no-such-control"), "no target named \"no-such-control\"");
    EXPECT_NONFATAL_FAILURE(run.target("no-such-control"), "no target named \"no-such-control\"");
}

}  // namespace

namespace {

// The title's size holds the title's characters (and ImGui's fallbacks) only;
// a new title with a character the atlas lacks rebuilds it at the next frame.
TEST(Fonts, TheTitleSizeHoldsOnlyTheTitlesCharacters) {
    ui::App app;
    headless::Runner run(app);
    theme::set_title_text("Zq");  // the atlas holds Z and q already: nothing to rebuild
    EXPECT_TRUE(theme::fonts_current(1.0f));
    run.frames(1);
    ASSERT_TRUE(theme::build_fonts(1.0f));
    const ImFont* title = theme::font(theme::Font::Title);
    EXPECT_TRUE(title->FindGlyphNoFallback('Z'));
    EXPECT_TRUE(title->FindGlyphNoFallback(0x2026));
    EXPECT_FALSE(title->FindGlyphNoFallback('a'));
    EXPECT_TRUE(theme::font(theme::Font::Heading)->FindGlyphNoFallback('a'));  // other sizes keep every glyph
    theme::set_title_text("Zqa");
    EXPECT_FALSE(theme::fonts_current(1.0f));  // 'a' is missing: rebuilt at the next frame
    EXPECT_EQ(theme::built_pixel_ratio(), 1.0f);  // still what the text is drawn for until then
    run.frames(1);
    EXPECT_TRUE(theme::font(theme::Font::Title)->FindGlyphNoFallback('a'));
    theme::set_title_text("");  // no title: every first glyph again, for the tests after this one
    ASSERT_TRUE(theme::build_fonts(1.0f));
    EXPECT_TRUE(theme::font(theme::Font::Title)->FindGlyphNoFallback('a'));
}

}  // namespace
