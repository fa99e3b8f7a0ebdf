// Tests of text.h: the shared ASCII rules, and cutting a reader's text at character boundaries.
#include "text.h"

#include <gtest/gtest.h>

namespace {

using namespace cm::text;

TEST(Text, AsciiRules) {
    EXPECT_EQ(trim("  a b \n"), "a b");
    EXPECT_EQ(collapse_spaces("  a \t b\n\nc "), "a b c");
    EXPECT_EQ(slug("Engineering Fellow!"), "engineering-fellow");
    EXPECT_EQ(slug("--A  B--", 3), "a-b");
    EXPECT_TRUE(iequals("Staff", "sTAFF"));
    EXPECT_EQ(to_lower("\xC3\x89t\xC3\xA9 AB"), "\xC3\x89t\xC3\xA9 ab") << "only ASCII is folded";
}

TEST(Text, Utf8PrefixNeverSplitsACharacter) {
    const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀: 1 + 2 + 3 + 4 bytes
    EXPECT_EQ(utf8_prefix(s, 100), s);
    EXPECT_EQ(utf8_prefix(s, 1), "a");
    EXPECT_EQ(utf8_prefix(s, 2), "a");
    EXPECT_EQ(utf8_prefix(s, 3), "a\xC3\xA9");
    EXPECT_EQ(utf8_prefix(s, 5), "a\xC3\xA9");
    EXPECT_EQ(utf8_prefix(s, 6), "a\xC3\xA9\xE2\x82\xAC");
    EXPECT_EQ(utf8_prefix(s, 9), "a\xC3\xA9\xE2\x82\xAC");
    EXPECT_EQ(utf8_prefix(s, 0), "");
}

TEST(Text, ShortenCountsCharactersAndSaysItCut) {
    EXPECT_EQ(shorten("short", 10), "short");
    EXPECT_EQ(shorten("exactly", 7), "exactly");
    EXPECT_EQ(shorten("one two three", 8), "one two\xE2\x80\xA6") << "the space before the ellipsis is dropped";
    EXPECT_EQ(shorten("\xC3\xA9\xC3\xA9\xC3\xA9", 2), "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
    EXPECT_EQ(shorten("", 3), "");
}

}  // namespace
