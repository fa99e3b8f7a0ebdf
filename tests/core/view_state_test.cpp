// Tests of wasm/core/view_state: the URL fragment that names a view.
#include "view_state.h"

#include "framework_load.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

// The default data: levels intern, associate, intermediate, senior, staff,
// principal, distinguished, fellow; dimensions accountability, credibility,
// autonomy, team-building; sections leadership, technical, values.
class ViewHash : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::ifstream f(CM_SOURCE_DIR "/data/infrastructure.json", std::ios::binary);
        std::ostringstream ss;
        ss << f.rdbuf();
        cm::Diagnostics diag;
        diag.file = "infrastructure.json";
        fw_ = new cm::Framework;
        ASSERT_TRUE(cm::load_framework(ss.str(), fw_, &diag)) << diag.to_string();
    }
    static void TearDownTestSuite() {
        delete fw_;
        fw_ = nullptr;
    }
    const cm::Framework& fw() const { return *fw_; }

    cm::ViewState parse(std::string_view hash) {
        warnings.clear();
        return cm::parse_view_hash(hash, fw(), &warnings);
    }
    std::string format(const cm::ViewState& v) const { return cm::format_view_hash(v, fw()); }
    std::vector<std::string> levels_of(std::string_view hash) { return parse(hash).levels; }

    std::vector<std::string> warnings;
    static cm::Framework* fw_;
};
cm::Framework* ViewHash::fw_ = nullptr;

using Ids = std::vector<std::string>;

// [SECTION] Formatting

TEST_F(ViewHash, DefaultStateIsEmpty) {
    EXPECT_EQ(format({}), "");
    EXPECT_EQ(parse(""), cm::ViewState{});
    EXPECT_EQ(parse("#"), cm::ViewState{});
    EXPECT_TRUE(warnings.empty());
}

TEST_F(ViewHash, FormatWritesFieldsInAFixedOrder) {
    cm::ViewState v;
    v.view = cm::View::Compare;
    v.compare_from = "senior";
    v.compare_to = "staff";
    v.areas = {"autonomy"};
    v.search = "on-call";
    EXPECT_EQ(format(v), "view=compare&areas=autonomy&q=on-call&from=senior&to=staff");
    cm::ViewState w;
    w.levels = {"senior", "staff", "principal"};
    w.components = {"engineering"};
    w.only_new = true;
    w.selected = "staff.autonomy.2";
    EXPECT_EQ(format(w), "levels=senior..principal&components=engineering&new=1&item=staff.autonomy.2");
    cm::ViewState p;
    p.view = cm::View::Plan;
    EXPECT_EQ(format(p), "view=plan");
}

TEST_F(ViewHash, ViewNames) {
    EXPECT_STREQ(cm::view_name(cm::View::Ladder), "ladder");
    EXPECT_STREQ(cm::view_name(cm::View::Compare), "compare");
    EXPECT_STREQ(cm::view_name(cm::View::Plan), "plan");
    EXPECT_EQ(parse("view=plan").view, cm::View::Plan);
    EXPECT_EQ(parse("view=compare").view, cm::View::Compare);
    EXPECT_EQ(parse("view=ladder").view, cm::View::Ladder);
    EXPECT_TRUE(warnings.empty());
}

TEST_F(ViewHash, RunsOfThreeOrMoreLevelsBecomeRanges) {
    auto levels = [&](Ids ids) {
        cm::ViewState v;
        v.levels = std::move(ids);
        return format(v);
    };
    EXPECT_EQ(levels({"senior"}), "levels=senior");
    EXPECT_EQ(levels({"intern", "associate"}), "levels=intern,associate");
    EXPECT_EQ(levels({"associate", "intermediate", "senior"}), "levels=associate..senior");
    EXPECT_EQ(levels({"intern", "associate", "intermediate", "staff", "principal"}), "levels=intern..intermediate,staff,principal");
    EXPECT_EQ(levels({"intern", "intermediate", "staff", "principal", "distinguished"}), "levels=intern,intermediate,staff..distinguished");
    EXPECT_EQ(levels({"intern", "intermediate", "senior", "principal"}), "levels=intern,intermediate,senior,principal");
    EXPECT_EQ(levels({"intern", "associate", "intermediate", "staff", "principal", "distinguished"}),
              "levels=intern..intermediate,staff..distinguished");
}

// [SECTION] Parsing levels

TEST_F(ViewHash, RangesParseBackInLadderOrder) {
    EXPECT_EQ(levels_of("levels=associate..senior"), (Ids{"associate", "intermediate", "senior"}));
    EXPECT_EQ(levels_of("levels=senior..associate"), (Ids{"associate", "intermediate", "senior"}));  // reversed
    EXPECT_EQ(levels_of("levels=senior..senior"), Ids{"senior"});
    EXPECT_EQ(levels_of("levels=principal,intern,staff"), (Ids{"intern", "staff", "principal"}));
    EXPECT_EQ(levels_of("levels=intern,staff..principal,senior"), (Ids{"intern", "senior", "staff", "principal"}));
    // Overlapping ranges and repeats are merged.
    EXPECT_EQ(levels_of("levels=intern..senior,associate..staff,senior"),
              (Ids{"intern", "associate", "intermediate", "senior", "staff"}));
    EXPECT_TRUE(warnings.empty());
}

TEST_F(ViewHash, AllLevelsNormaliseToEmpty) {
    EXPECT_TRUE(levels_of("levels=intern..fellow").empty());
    EXPECT_TRUE(levels_of("levels=fellow..intern").empty());
    EXPECT_TRUE(levels_of("levels=intern,associate,intermediate,senior,staff,principal,distinguished,fellow").empty());
    EXPECT_TRUE(levels_of("levels=intern..senior,staff..fellow").empty());
    EXPECT_TRUE(warnings.empty());
    // One short of all is kept.
    EXPECT_EQ(levels_of("levels=intern..distinguished").size(), 7u);
}

// [SECTION] Round trips

TEST_F(ViewHash, EverySubsetOfLevelsRoundTrips) {
    const size_t n = fw().levels.size();
    ASSERT_EQ(n, 8u);
    for (unsigned mask = 1; mask < (1u << n) - 1; mask++) {
        cm::ViewState v;
        for (size_t l = 0; l < n; l++)
            if (mask & (1u << l)) v.levels.push_back(fw().levels[l].id);
        std::string hash = format(v);
        EXPECT_EQ(parse(hash), v) << hash;
        EXPECT_TRUE(warnings.empty()) << hash;
        EXPECT_EQ(format(parse(hash)), hash);
    }
}

TEST_F(ViewHash, ManyStatesRoundTrip) {
    std::vector<cm::ViewState> states;
    auto add = [&](auto&& edit) {
        cm::ViewState v;
        edit(v);
        states.push_back(v);
    };
    add([](cm::ViewState& v) { v.view = cm::View::Compare; });
    add([](cm::ViewState& v) { v.view = cm::View::Plan; v.selected = "values.collaboration"; });
    add([](cm::ViewState& v) { v.view = cm::View::Compare; v.compare_from = "intern"; v.compare_to = "fellow"; });
    add([](cm::ViewState& v) { v.compare_from = "staff"; v.compare_to = "senior"; });  // reversed is kept as given
    add([](cm::ViewState& v) { v.areas = {"accountability", "autonomy", "leadership", "values"}; });
    add([](cm::ViewState& v) { v.components = {"values", "engineering", "department"}; });
    add([](cm::ViewState& v) { v.components = {"department"}; v.areas = {"technical"}; });
    add([](cm::ViewState& v) { v.search = "incident"; });
    add([](cm::ViewState& v) { v.search = "on-call & rota = 100% #1"; });
    add([](cm::ViewState& v) { v.search = "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x9a\x80 \xe6\x97\xa5\xe6\x9c\xac"; });
    add([](cm::ViewState& v) { v.search = "a+b plus+minus"; });
    add([](cm::ViewState& v) { v.search = "?/:@!$'()*,;"; });
    add([](cm::ViewState& v) { v.search = "  leading and trailing  "; });
    add([](cm::ViewState& v) { v.search = "%41 %zz %"; });
    add([](cm::ViewState& v) { v.only_new = true; });
    add([](cm::ViewState& v) {
        v.view = cm::View::Compare;
        v.levels = {"associate", "senior", "staff", "principal"};
        v.areas = {"credibility", "team-building"};
        v.components = {"values"};
        v.search = "grow & lead";
        v.only_new = true;
        v.compare_from = "senior";
        v.compare_to = "principal";
        v.selected = "staff.autonomy.2";
    });
    for (const cm::ViewState& v : states) {
        std::string hash = format(v);
        EXPECT_EQ(parse(hash), v) << hash;
        EXPECT_TRUE(warnings.empty()) << hash;
        EXPECT_EQ(parse("#" + hash), v) << hash;
        EXPECT_EQ(format(parse(hash)), hash);
    }
}

// [SECTION] Percent-encoding

TEST(PercentEncoding, EncodesLikeEncodeURIComponent) {
    EXPECT_EQ(cm::percent_encode("a&b=c#d%e f"), "a%26b%3Dc%23d%25e%20f");
    EXPECT_EQ(cm::percent_encode("azAZ09-_.!~*'()"), "azAZ09-_.!~*'()");
    EXPECT_EQ(cm::percent_encode("+,/?:@$;"), "%2B%2C%2F%3F%3A%40%24%3B");
    EXPECT_EQ(cm::percent_encode("\xc3\xbc"), "%C3%BC");
    EXPECT_EQ(cm::percent_encode("\xf0\x9f\x9a\x80"), "%F0%9F%9A%80");
    EXPECT_EQ(cm::percent_encode(std::string_view("\0\n\x7f", 3)), "%00%0A%7F");
    EXPECT_EQ(cm::percent_encode(""), "");
}

TEST(PercentEncoding, DecodesAndKeepsInvalidEscapes) {
    EXPECT_EQ(cm::percent_decode("a%26b%3Dc%23d%25e%20f"), "a&b=c#d%e f");
    EXPECT_EQ(cm::percent_decode("%c3%bc%C3%BC"), "\xc3\xbc\xc3\xbc");  // either case of hex
    EXPECT_EQ(cm::percent_decode("on+call"), "on call");
    EXPECT_EQ(cm::percent_decode("%2B"), "+");
    EXPECT_EQ(cm::percent_decode("%"), "%");
    EXPECT_EQ(cm::percent_decode("%4"), "%4");
    EXPECT_EQ(cm::percent_decode("a%"), "a%");
    EXPECT_EQ(cm::percent_decode("%zz"), "%zz");
    EXPECT_EQ(cm::percent_decode("%g1%1g"), "%g1%1g");
    EXPECT_EQ(cm::percent_decode("%%41"), "%A");
    EXPECT_EQ(cm::percent_decode("%41"), "A");
    EXPECT_EQ(cm::percent_decode("x%00y"), "xy");  // a decoded NUL is dropped
    EXPECT_EQ(cm::percent_decode(std::string_view("x\0y", 3)), "xy");  // and a raw one
    EXPECT_EQ(cm::percent_decode(""), "");
    for (int c = 1; c < 256; c++) {
        std::string s(1, char(c));
        EXPECT_EQ(cm::percent_decode(cm::percent_encode(s)), s) << c;
    }
}

TEST_F(ViewHash, SearchTextIsPercentEncoded) {
    cm::ViewState v;
    v.search = "on-call & SLO=99.9% #2 \xc3\xbc";
    EXPECT_EQ(format(v), "q=on-call%20%26%20SLO%3D99.9%25%20%232%20%C3%BC");
    EXPECT_EQ(parse("q=on+call").search, "on call");  // '+' is a space
    EXPECT_EQ(parse("q=a%2Bb").search, "a+b");
    EXPECT_EQ(parse("q=caf%C3%A9").search, "caf\xc3\xa9");
    EXPECT_EQ(parse("q=caf\xc3\xa9").search, "caf\xc3\xa9");  // not encoded at all
    EXPECT_TRUE(warnings.empty());
}

// [SECTION] Unknown keys and ids

TEST_F(ViewHash, UnknownKeysAndIdsAreWarnedAboutAndDropped) {
    cm::ViewState v = parse("foo=1&areas=autonomy,bogus&levels=senior,nope&components=x,values&from=nope&to=staff"
                            "&item=zzz&view=grid&new=1");
    cm::ViewState expected;
    expected.areas = {"autonomy"};
    expected.levels = {"senior"};
    expected.components = {"values"};
    expected.compare_to = "staff";
    expected.only_new = true;
    EXPECT_EQ(v, expected);
    EXPECT_EQ(warnings, (Ids{
                            "unknown link parameter \"foo\"",
                            "unknown dimension or section \"bogus\"",
                            "unknown level \"nope\"",
                            "unknown component \"x\"",
                            "unknown level \"nope\"",
                            "unknown expectation \"zzz\"",
                            "unknown view \"grid\"",
                        }));
}

TEST_F(ViewHash, IdsAreCaseSensitive) {
    cm::ViewState v = parse("levels=Senior&areas=AUTONOMY");
    EXPECT_TRUE(v.levels.empty());
    EXPECT_TRUE(v.areas.empty());
    EXPECT_EQ(warnings.size(), 2u);
}

TEST_F(ViewHash, ParsingDetails) {
    EXPECT_EQ(parse("dimensions=autonomy").areas, Ids{"autonomy"});  // an older name of "areas"
    EXPECT_EQ(parse("areas=values,autonomy,values").areas, (Ids{"autonomy", "values"}));  // area order, no repeats
    EXPECT_TRUE(parse("new=1").only_new);
    EXPECT_TRUE(parse("new=true").only_new);
    EXPECT_FALSE(parse("new=0").only_new);
    EXPECT_FALSE(parse("new").only_new);
    EXPECT_EQ(parse("q=a&q=b").search, "b");  // the last one wins
    EXPECT_EQ(parse("q=" + std::string(300, 'x')).search, std::string(200, 'x'));
    EXPECT_EQ(parse("%71=encoded%20key").search, "encoded key");  // keys are decoded too
    EXPECT_EQ(parse("areas=autonomy%2Cvalues").areas, (Ids{"autonomy", "values"}));
    EXPECT_TRUE(warnings.empty());
    // Without a warnings list nothing breaks.
    EXPECT_EQ(cm::parse_view_hash("zzz=1&levels=nope", fw()).levels, Ids{});
}

// [SECTION] Hostile input

TEST_F(ViewHash, OverlongHashIsIgnored) {
    std::string hash = "levels=senior&q=" + std::string(5 * 1024, 'a');
    EXPECT_EQ(parse(hash), cm::ViewState{});
    EXPECT_EQ(warnings, Ids{"the link's view is too long and was ignored"});
    EXPECT_EQ(parse("#" + hash), cm::ViewState{});
    // Exactly the limit is read (the '#' does not count).
    std::string at_limit = "levels=senior&q=";
    at_limit += std::string(cm::kMaxHashBytes - at_limit.size(), 'a');
    ASSERT_EQ(at_limit.size(), cm::kMaxHashBytes);
    cm::ViewState v = parse("#" + at_limit);
    EXPECT_EQ(v.levels, Ids{"senior"});
    EXPECT_EQ(v.search, std::string(200, 'a'));
    EXPECT_TRUE(warnings.empty());
}

TEST_F(ViewHash, MalformedPartsAreSkipped) {
    EXPECT_EQ(parse("=&&=&"), cm::ViewState{});
    EXPECT_TRUE(warnings.empty());
    EXPECT_EQ(parse("&&&"), cm::ViewState{});
    EXPECT_EQ(parse("=senior"), cm::ViewState{});

    EXPECT_EQ(parse("%"), cm::ViewState{});
    EXPECT_EQ(warnings, Ids{"unknown link parameter \"%\""});
    EXPECT_EQ(parse("q=%").search, "%");
    EXPECT_EQ(parse("q=%zz").search, "%zz");
    EXPECT_EQ(parse("q=%00").search, "");
    EXPECT_EQ(parse("q=a%00b").search, "ab");

    EXPECT_TRUE(levels_of("levels=..").empty());
    EXPECT_EQ(warnings, Ids{"unknown level range \"..\""});
    EXPECT_TRUE(levels_of("levels=senior..").empty());
    EXPECT_EQ(warnings, Ids{"unknown level range \"senior..\""});
    EXPECT_TRUE(levels_of("levels=..senior").empty());
    EXPECT_EQ(levels_of("levels=intern...associate"), Ids{});  // "intern" .. ".associate"
    EXPECT_EQ(levels_of("levels=intern..associate..senior"), Ids{});
    EXPECT_EQ(levels_of("levels=,,senior,,"), Ids{"senior"});
    EXPECT_EQ(levels_of("levels=senior,..,staff"), (Ids{"senior", "staff"}));
    EXPECT_EQ(levels_of("levels="), Ids{});
    EXPECT_EQ(parse("view=").view, cm::View::Ladder);
    EXPECT_EQ(parse("from=").compare_from, "");
}

TEST_F(ViewHash, EmbeddedNulsAreDropped) {
    using namespace std::string_literals;
    cm::ViewState v = parse("q=a\0b&levels=sen\0ior&\0=\0&item=\0"s);
    EXPECT_EQ(v.search, "ab");
    EXPECT_EQ(v.levels, Ids{"senior"});
    EXPECT_EQ(v.selected, "");
    for (const std::string& w : warnings) EXPECT_EQ(w.find('\0'), std::string::npos);
    EXPECT_EQ(parse("q=%00%00%00").search, "");
}

TEST_F(ViewHash, ThousandsOfIds) {
    std::string many_known = "levels=";
    for (int i = 0; i < 500; i++) many_known += "senior,";
    ASSERT_LE(many_known.size(), cm::kMaxHashBytes);
    EXPECT_EQ(levels_of(many_known), Ids{"senior"});
    EXPECT_TRUE(warnings.empty());

    std::string many_unknown = "areas=";
    for (int i = 0; i < 1000; i++) many_unknown += "z" + std::to_string(i % 10) + ",";
    ASSERT_LE(many_unknown.size(), cm::kMaxHashBytes);
    EXPECT_TRUE(parse(many_unknown).areas.empty());
    EXPECT_EQ(warnings.size(), 20u);  // capped

    std::string ranges = "levels=";
    for (int i = 0; i < 250; i++) ranges += "intern..fellow,";
    ASSERT_LE(ranges.size(), cm::kMaxHashBytes);
    EXPECT_TRUE(levels_of(ranges).empty());  // all of them

    std::string commas = "levels=" + std::string(cm::kMaxHashBytes - 7, ',');
    EXPECT_TRUE(levels_of(commas).empty());
    std::string amps(cm::kMaxHashBytes, '&');
    EXPECT_EQ(parse(amps), cm::ViewState{});
}

TEST_F(ViewHash, ArbitraryBytesNeverYieldUnknownIds) {
    // A cheap fuzz: every parse holds only ids of the framework.
    uint32_t seed = 12345;
    auto next = [&]() { return seed = seed * 1664525u + 1013904223u; };
    const char* pieces[] = {"levels=", "areas=", "components=", "from=", "to=", "item=", "q=", "view=", "new=",
                            "senior", "..", ",", "&", "=", "%", "%2C", "%00", "+", "#", "staff", "values", "autonomy",
                            "senior.autonomy.1", "\xff", "\xc3", "x"};
    for (int round = 0; round < 2000; round++) {
        std::string hash;
        int n = int(next() % 12);
        for (int i = 0; i < n; i++) hash += pieces[next() % (sizeof pieces / sizeof *pieces)];
        cm::ViewState v = parse(hash);
        for (const std::string& id : v.levels) EXPECT_GE(fw().find_level(id), 0) << hash;
        for (const std::string& id : v.areas) EXPECT_GE(fw().find_area(id), 0) << hash;
        for (const std::string& id : v.components) EXPECT_GE(fw().find_component(id), 0) << hash;
        // Empty means "none"; anything else must exist.
        EXPECT_TRUE(v.compare_from.empty() || fw().find_level(v.compare_from) >= 0) << hash;
        EXPECT_TRUE(v.compare_to.empty() || fw().find_level(v.compare_to) >= 0) << hash;
        EXPECT_TRUE(v.selected.empty() || fw().find_expectation(v.selected) >= 0) << hash;
        EXPECT_LE(warnings.size(), 20u);
        EXPECT_LE(v.search.size(), 200u);
        // What was read formats to a hash that reads back the same.
        EXPECT_EQ(parse(format(v)), v) << hash;
    }
}

}  // namespace
