// Text contrast of both themes: every text color against every surface it is drawn on.
#include "theme.h"

#include <gtest/gtest.h>

namespace {

TEST(Theme, ContrastRatioMatchesKnownValues) {
    EXPECT_NEAR(theme::contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0f, 0.01f);
    EXPECT_NEAR(theme::contrast_ratio(IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)), 1.0f, 0.001f);
    EXPECT_NEAR(theme::contrast_ratio(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32(255, 255, 255, 255)), 4.54f, 0.02f);
}

void expect_readable(bool dark) {
    ImGui::CreateContext();
    theme::apply(dark);
    const theme::Palette& p = theme::colors();
    struct Pair { const char* what; ImU32 fg, bg; };
    const Pair pairs[] = {
        {"text on background", p.text, p.background},
        {"text on surface", p.text, p.surface},
        {"text on hover", p.text, p.surface_hover},
        {"text on selection", p.text, p.surface_selected},
        {"muted on background", p.text_muted, p.background},
        {"muted on surface", p.text_muted, p.surface},
        {"muted on hover", p.text_muted, p.surface_hover},
        {"muted on selection", p.text_muted, p.surface_selected},
        {"link on background", p.text_link, p.background},
        {"link on surface", p.text_link, p.surface},
        {"text on search highlight", p.text, p.highlight},
        {"text on added words", p.text, p.added},
        {"added badge", p.added_text, p.added},
        {"accent chip", p.accent_text, p.accent},
        {"notice", p.warning_text, p.warning},
    };
    for (const Pair& pair : pairs)
        EXPECT_GE(theme::contrast_ratio(pair.fg, pair.bg), 4.5f) << (dark ? "dark: " : "light: ") << pair.what;
    // The progress fills are graphics (WCAG 1.4.11): done and in progress at 3:1
    // against the background, and apart in lightness so they differ in greyscale
    // too (in progress is also striped, and the bars' parts are separated by
    // gaps). "Not started" is a track; the numbers beside every bar say it.
    EXPECT_GE(theme::contrast_ratio(p.status_done, p.background), 3.0f) << (dark ? "dark" : "light");
    EXPECT_GE(theme::contrast_ratio(p.status_in_progress, p.background), 3.0f) << (dark ? "dark" : "light");
    EXPECT_GE(theme::contrast_ratio(p.status_done, p.status_in_progress), 1.5f) << (dark ? "dark" : "light");
    EXPECT_GE(theme::contrast_ratio(p.status_done, p.status_not_started), 3.0f) << (dark ? "dark" : "light");
    ImGui::DestroyContext();
}

TEST(Theme, LightThemeTextIsReadable) { expect_readable(false); }
TEST(Theme, DarkThemeTextIsReadable) { expect_readable(true); }

}  // namespace
