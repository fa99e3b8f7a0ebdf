// Tests of wasm/core/search: search terms, highlighting ranges, filters and
// the ladder's content for a set of filters.
#include "search.h"

#include "framework_load.h"
#include "test_data.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

// [SECTION] A small framework
//
//   levels l1 < l2 < l3, l4 unpublished; dimensions d1, d2 (component c), section s1 (component v)
//   d1: a1 (l1) -> a2 (l2, grown) -> a3 (l3, restated word for word)
//   d2: x1 (l1), e2 (l2), x3 (l3)
//   s1: v1 (l1, with a title and a link)
std::string small_json(bool cumulative) {
    return std::string(R"({
  "format": "career-framework", "formatVersion": 1,
  "framework": {"id": "t", "name": "T", "version": "1", "cumulative": )") +
           (cumulative ? "true" : "false") + R"(},
  "components": [{"id": "c", "name": "C"}, {"id": "v", "name": "V"}],
  "dimensions": [{"id": "d1", "name": "D1", "component": "c"}, {"id": "d2", "name": "D2", "component": "c"}],
  "sections": [{"id": "s1", "name": "S1", "component": "v"}],
  "levels": [{"id": "l1", "name": "L1", "order": 1, "scope": "s", "published": true},
             {"id": "l2", "name": "L2", "order": 2, "scope": "s", "published": true},
             {"id": "l3", "name": "L3", "order": 3, "scope": "s", "published": true},
             {"id": "l4", "name": "L4", "order": 4, "scope": "s", "published": false}],
  "expectations": [
    {"id": "a1", "level": "l1", "dimension": "d1", "text": "Writes clear code."},
    {"id": "x1", "level": "l1", "dimension": "d2", "text": "Asks for help early."},
    {"id": "v1", "level": "l1", "section": "s1", "title": "Collaboration", "text": "Works in the open.",
     "links": [{"text": "Handbook values", "url": "/values"}]},
    {"id": "a2", "level": "l2", "dimension": "d1", "extends": "a1", "text": "Writes clear, well tested code."},
    {"id": "e2", "level": "l2", "dimension": "d2", "text": "Leads the \u00c9quipe meeting."},
    {"id": "a3", "level": "l3", "dimension": "d1", "extends": "a2", "text": "Writes clear, well tested code."},
    {"id": "x3", "level": "l3", "dimension": "d2", "text": "Mentors new team members on call."}
  ]
})";
}

cm::Framework load_text(const std::string& text) {
    cm::Diagnostics diag;
    diag.file = "small.json";
    cm::Framework fw;
    EXPECT_TRUE(cm::load_framework(text, &fw, &diag)) << diag.to_string();
    return fw;
}

std::vector<std::string> terms(std::string_view text) { return cm::parse_search(text).terms; }

std::vector<std::string> pieces(std::string_view text, const std::vector<cm::TextRange>& ranges) {
    std::vector<std::string> out;
    for (const cm::TextRange& r : ranges) {
        EXPECT_LE(r.begin, r.end);
        EXPECT_LE(r.end, text.size());
        out.emplace_back(text.substr(r.begin, r.end - r.begin));
    }
    return out;
}

cm::Filter filter_for(const cm::Framework& fw, cm::ViewState view) { return cm::make_filter(fw, view); }

std::vector<std::string> level_ids(const cm::Framework& fw, const std::vector<int>& v) {
    std::vector<std::string> out;
    for (int i : v) out.push_back(fw.levels[size_t(i)].id);
    return out;
}

std::vector<std::string> area_ids(const cm::Framework& fw, const std::vector<int>& v) {
    std::vector<std::string> out;
    for (int i : v) out.push_back(fw.areas[size_t(i)].id);
    return out;
}

// Entries of one shown cell as ids, inherited ones marked with '^'.
std::vector<std::string> entries(const cm::Framework& fw, const cm::LadderContent& lc, const char* level, const char* area) {
    auto row = std::find(lc.levels.begin(), lc.levels.end(), fw.find_level(level));
    auto col = std::find(lc.areas.begin(), lc.areas.end(), fw.find_area(area));
    EXPECT_NE(row, lc.levels.end()) << level;
    EXPECT_NE(col, lc.areas.end()) << area;
    if (row == lc.levels.end() || col == lc.areas.end()) return {};
    const cm::Cell& cell = lc.cell(size_t(row - lc.levels.begin()), size_t(col - lc.areas.begin()));
    EXPECT_EQ(cell.level, *row);
    EXPECT_EQ(cell.area, *col);
    std::vector<std::string> out;
    for (const cm::CellEntry& e : cell.entries) out.push_back((e.inherited ? "^" : "") + fw.expectations[size_t(e.expectation)].id);
    return out;
}

std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// [SECTION] parse_search

TEST(ParseSearch, SplitsOnWhiteSpaceAndFoldsCase) {
    EXPECT_EQ(terms("  On-Call   rotation\tTeam\n"), (std::vector<std::string>{"on-call", "rotation", "team"}));
    EXPECT_EQ(terms("SLO"), std::vector<std::string>{"slo"});
    EXPECT_TRUE(cm::parse_search("").empty());
    EXPECT_TRUE(cm::parse_search(" \t\r\n ").empty());
    EXPECT_FALSE(cm::parse_search("x").empty());
}

TEST(ParseSearch, FoldsLatin1Capitals) {
    EXPECT_EQ(terms("\xc3\x89QUIPE \xc3\x9c" "ber"), (std::vector<std::string>{"\xc3\xa9quipe", "\xc3\xbc" "ber"}));
    // Every capital U+00C0..U+00DE folds to its small letter, except U+00D7 (multiplication sign).
    for (unsigned c = 0x80; c <= 0x9E; c++) {
        std::string upper = {char(0xC3), char(c)};
        std::string expected = {char(0xC3), char(c == 0x97 ? c : c + 0x20)};
        EXPECT_EQ(terms(upper), std::vector<std::string>{expected}) << c;
    }
    // Other scripts are kept as they are; the ASCII around them is folded.
    EXPECT_EQ(terms("\xce\x94" "ELTA"), std::vector<std::string>{"\xce\x94" "elta"});
    EXPECT_EQ(terms("\xc3\x9f"), std::vector<std::string>{"\xc3\x9f"});  // U+00DF is already small
}

TEST(ParseSearch, DropsDuplicatesAfterFolding) {
    EXPECT_EQ(terms("a A a b B"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(terms("\xc3\x89t\xc3\xa9 \xc3\xa9T\xc3\x89"), std::vector<std::string>{"\xc3\xa9t\xc3\xa9"});
}

TEST(ParseSearch, KeepsAtMost32Terms) {
    std::string text;
    for (int i = 0; i < 40; i++) text += "t" + std::to_string(i) + " ";
    std::vector<std::string> t = terms(text);
    ASSERT_EQ(t.size(), 32u);
    EXPECT_EQ(t.front(), "t0");
    EXPECT_EQ(t.back(), "t31");
    // Duplicates do not use up the 32.
    std::string dup;
    for (int i = 0; i < 100; i++) dup += "same ";
    dup += "other";
    EXPECT_EQ(terms(dup), (std::vector<std::string>{"same", "other"}));
}

// [SECTION] find_terms

TEST(FindTerms, CaseInsensitiveAsciiWithByteRanges) {
    cm::SearchQuery q = cm::parse_search("code");
    std::vector<cm::TextRange> r;
    const std::string text = "Code and more CODE, coDe.";
    EXPECT_EQ(cm::find_terms(q, text, &r), 1u);
    EXPECT_EQ(r, (std::vector<cm::TextRange>{{0, 4}, {14, 18}, {20, 24}}));
    EXPECT_EQ(pieces(text, r), (std::vector<std::string>{"Code", "CODE", "coDe"}));
}

TEST(FindTerms, Latin1CaseInsensitive) {
    const std::string text = "\xc3\x89quipe et \xc3\xa9quipe, \xc3\x89T\xc3\x89";  // "Équipe et équipe, ÉTÉ"
    for (const char* term : {"\xc3\xa9quipe", "\xc3\x89QUIPE"}) {
        std::vector<cm::TextRange> r;
        EXPECT_EQ(cm::find_terms(cm::parse_search(term), text, &r), 1u);
        EXPECT_EQ(pieces(text, r), (std::vector<std::string>{"\xc3\x89quipe", "\xc3\xa9quipe"})) << term;
    }
    std::vector<cm::TextRange> r;
    EXPECT_EQ(cm::find_terms(cm::parse_search("\xc3\xa9t\xc3\xa9"), text, &r), 1u);
    EXPECT_EQ(pieces(text, r), std::vector<std::string>{"\xc3\x89T\xc3\x89"});
    // "e" does not match "é": accents are not stripped.
    r.clear();
    EXPECT_EQ(cm::find_terms(cm::parse_search("equipe"), text, &r), 0u);
    EXPECT_TRUE(r.empty());
}

TEST(FindTerms, MultiByteCharactersKeepWholeRanges) {
    const std::string text = "na\xc3\xafve caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x9a\x80 launch";
    std::vector<cm::TextRange> r;
    EXPECT_EQ(cm::find_terms(cm::parse_search("caf\xc3\xa9 \xc3\xaf \xf0\x9f\x9a\x80"), text, &r), 7u);
    EXPECT_EQ(pieces(text, r), (std::vector<std::string>{"\xc3\xaf", "caf\xc3\xa9", "\xf0\x9f\x9a\x80"}));
    EXPECT_EQ(r[0], (cm::TextRange{2, 4}));
    EXPECT_EQ(r[1], (cm::TextRange{7, 12}));
}

TEST(FindTerms, OverlappingAndAdjacentRangesMerge) {
    std::vector<cm::TextRange> r;
    EXPECT_EQ(cm::find_terms(cm::parse_search("abc bcd"), "xabcdx", &r), 3u);
    EXPECT_EQ(r, (std::vector<cm::TextRange>{{1, 5}}));
    r.clear();
    EXPECT_EQ(cm::find_terms(cm::parse_search("cd ab"), "abcd", &r), 3u);  // adjacent, found out of order
    EXPECT_EQ(r, (std::vector<cm::TextRange>{{0, 4}}));
    r.clear();
    EXPECT_EQ(cm::find_terms(cm::parse_search("on-call call"), "the on-call rota, on call", &r), 3u);
    EXPECT_EQ(pieces("the on-call rota, on call", r), (std::vector<std::string>{"on-call", "call"}));
    r.clear();
    EXPECT_EQ(cm::find_terms(cm::parse_search("ab"), "ab ab", &r), 1u);  // separate: not merged
    EXPECT_EQ(r, (std::vector<cm::TextRange>{{0, 2}, {3, 5}}));
}

TEST(FindTerms, ReturnsABitPerTermFound) {
    cm::SearchQuery q = cm::parse_search("alpha beta gamma");
    std::vector<cm::TextRange> r;
    EXPECT_EQ(cm::find_terms(q, "beta and GAMMA", &r), 0b110u);
    EXPECT_EQ(cm::find_terms(q, "ALPHA", &r), 0b001u);
    EXPECT_EQ(cm::find_terms(q, "nothing here", &r), 0u);
    EXPECT_EQ(cm::find_terms(q, "", &r), 0u);
    // 32 terms use all 32 bits.
    std::string all;
    for (int i = 0; i < 32; i++) all += "k" + std::string(1, char('a' + i / 26)) + std::string(1, char('a' + i % 26)) + " ";
    EXPECT_EQ(cm::find_terms(cm::parse_search(all), all, &r), 0xffffffffu);
}

TEST(FindTerms, TermsPast32AreNotInTheMask) {
    // A query built by hand may hold more terms than parse_search keeps.
    cm::SearchQuery q;
    for (int i = 0; i < 40; i++) q.terms.push_back("k" + std::to_string(100 + i));
    std::vector<cm::TextRange> r;
    EXPECT_EQ(cm::find_terms(q, "k132 k139", &r), 0u);  // terms 32 and 39 only
    EXPECT_EQ(r.size(), 2u);  // still highlighted
    EXPECT_EQ(cm::find_terms(q, "k100 k131 k132", &r), (1u << 0) | (1u << 31));
}

TEST(FindTerms, AppendsWithoutTouchingEarlierRanges) {
    std::vector<cm::TextRange> r = {{100, 200}, {0, 1}};
    EXPECT_EQ(cm::find_terms(cm::parse_search("x"), "x x", &r), 1u);
    EXPECT_EQ(r, (std::vector<cm::TextRange>{{100, 200}, {0, 1}, {0, 1}, {2, 3}}));
    // An empty query finds nothing and adds nothing.
    EXPECT_EQ(cm::find_terms(cm::SearchQuery{}, "x", &r), 0u);
    EXPECT_EQ(r.size(), 4u);
}

// [SECTION] make_filter

TEST(MakeFilter, DefaultsShowEverything) {
    cm::Framework fw = load_text(small_json(true));
    cm::Filter f = filter_for(fw, {});
    EXPECT_EQ(f.levels, std::vector<char>(4, 1));
    EXPECT_EQ(f.areas, std::vector<char>(3, 1));
    EXPECT_TRUE(f.search.empty());
    EXPECT_FALSE(f.only_new);
}

TEST(MakeFilter, ResolvesLevelsAreasAndComponents) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.levels = {"l3", "l1"};
    v.areas = {"d2"};
    cm::Filter f = filter_for(fw, v);
    EXPECT_EQ(f.levels, (std::vector<char>{1, 0, 1, 0}));
    EXPECT_EQ(f.areas, (std::vector<char>{0, 1, 0}));

    v = {};
    v.components = {"v"};
    EXPECT_EQ(filter_for(fw, v).areas, (std::vector<char>{0, 0, 1}));
    v.components = {"c"};
    EXPECT_EQ(filter_for(fw, v).areas, (std::vector<char>{1, 1, 0}));
    v.areas = {"s1"};  // areas and components add up
    EXPECT_EQ(filter_for(fw, v).areas, (std::vector<char>{1, 1, 1}));
    v = {};
    v.areas = {"d1"};
    v.components = {"v"};
    EXPECT_EQ(filter_for(fw, v).areas, (std::vector<char>{1, 0, 1}));
}

TEST(MakeFilter, UnknownIdsSelectNothing) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.levels = {"nope"};
    v.areas = {"nope"};
    cm::Filter f = filter_for(fw, v);
    EXPECT_EQ(f.levels, std::vector<char>(4, 0));
    EXPECT_EQ(f.areas, std::vector<char>(3, 0));
}

TEST(MakeFilter, SearchAndOnlyNew) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.search = "  Code  TESTED ";
    v.only_new = true;
    cm::Filter f = filter_for(fw, v);
    EXPECT_EQ(f.search.terms, (std::vector<std::string>{"code", "tested"}));
    EXPECT_TRUE(f.only_new);
}

// [SECTION] query_ladder

TEST(QueryLadder, NoFilterShowsAllLevelsAndAreas) {
    cm::Framework fw = load_text(small_json(true));
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, {}));
    EXPECT_EQ(level_ids(fw, lc.levels), (std::vector<std::string>{"l1", "l2", "l3", "l4"}));  // unpublished too
    EXPECT_EQ(area_ids(fw, lc.areas), (std::vector<std::string>{"d1", "d2", "s1"}));
    EXPECT_EQ(lc.cells.size(), 12u);
    EXPECT_EQ(lc.shown, int(fw.expectations.size()));
    EXPECT_EQ(lc.matches, 0);
    for (size_t r = 0; r < lc.levels.size(); r++)
        for (size_t c = 0; c < lc.areas.size(); c++) {
            EXPECT_EQ(lc.cell(r, c).level, lc.levels[r]);
            EXPECT_EQ(lc.cell(r, c).area, lc.areas[c]);
        }
}

TEST(QueryLadder, CumulativeInheritedEntriesFollowOwnOnes) {
    cm::Framework fw = load_text(small_json(true));
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, {}));
    EXPECT_EQ(entries(fw, lc, "l1", "d1"), std::vector<std::string>{"a1"});
    EXPECT_EQ(entries(fw, lc, "l2", "d1"), std::vector<std::string>{"a2"});  // a1 grew into a2
    EXPECT_EQ(entries(fw, lc, "l3", "d1"), std::vector<std::string>{"a3"});
    EXPECT_EQ(entries(fw, lc, "l2", "d2"), (std::vector<std::string>{"e2", "^x1"}));
    EXPECT_EQ(entries(fw, lc, "l3", "d2"), (std::vector<std::string>{"x3", "^x1", "^e2"}));
    EXPECT_EQ(entries(fw, lc, "l3", "s1"), std::vector<std::string>{"^v1"});
    EXPECT_EQ(entries(fw, lc, "l4", "d1"), std::vector<std::string>{"^a3"});
    EXPECT_EQ(entries(fw, lc, "l4", "d2"), (std::vector<std::string>{"^x1", "^e2", "^x3"}));
    // own_count, and the change of each entry relative to the level below.
    const cm::Cell& l3d2 = lc.cell(2, 1);
    EXPECT_EQ(l3d2.own_count, 1);
    ASSERT_EQ(l3d2.entries.size(), 3u);
    EXPECT_EQ(l3d2.entries[0].change, cm::Change::Added);
    EXPECT_EQ(l3d2.entries[1].change, cm::Change::Unchanged);
    EXPECT_EQ(lc.cell(1, 0).entries[0].change, cm::Change::Grown);
    EXPECT_EQ(lc.cell(2, 0).entries[0].change, cm::Change::Unchanged);  // a3 restates a2
    EXPECT_EQ(lc.cell(3, 1).own_count, 0);
}

TEST(QueryLadder, NonCumulativeHasNoInheritedEntries) {
    cm::Framework fw = load_text(small_json(false));
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, {}));
    EXPECT_EQ(lc.levels.size(), 4u);
    EXPECT_EQ(entries(fw, lc, "l3", "d2"), std::vector<std::string>{"x3"});
    EXPECT_TRUE(entries(fw, lc, "l3", "s1").empty());
    EXPECT_TRUE(entries(fw, lc, "l4", "d1").empty());
    EXPECT_EQ(lc.shown, int(fw.expectations.size()));
}

TEST(QueryLadder, SearchShowsOnlyMatchingLevelsAndAreas) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.search = "CODE";
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(level_ids(fw, lc.levels), (std::vector<std::string>{"l1", "l2", "l3"}));
    EXPECT_EQ(area_ids(fw, lc.areas), std::vector<std::string>{"d1"});
    ASSERT_EQ(lc.cells.size(), 3u);
    EXPECT_EQ(lc.matches, 3);
    EXPECT_EQ(lc.shown, 3);
    EXPECT_EQ(entries(fw, lc, "l2", "d1"), std::vector<std::string>{"a2"});
    const cm::CellEntry& e = lc.cell(1, 0).entries[0];
    const std::string& text = fw.expectations[size_t(e.expectation)].text;
    EXPECT_EQ(pieces(text, e.text_matches), std::vector<std::string>{"code"});
    EXPECT_TRUE(e.title_matches.empty());
}

TEST(QueryLadder, EveryShownEntryContainsEveryTerm) {
    cm::Framework fw = load_text(test_data::infrastructure_text());
    for (const char* search : {"incident", "on-call rotation", "team", "CUSTOMER quality", "dogfooding", "the"}) {
        cm::ViewState v;
        v.search = search;
        cm::Filter f = filter_for(fw, v);
        cm::LadderContent lc = cm::query_ladder(fw, f);
        int count = 0;
        for (const cm::Cell& cell : lc.cells)
            for (const cm::CellEntry& entry : cell.entries) {
                count++;
                EXPECT_FALSE(entry.inherited);
                const cm::Expectation& x = fw.expectations[size_t(entry.expectation)];
                std::string all = ascii_lower(x.text + "\n" + x.title);
                for (const cm::Link& l : x.links) all += "\n" + ascii_lower(l.text);
                for (const std::string& t : f.search.terms) EXPECT_NE(all.find(t), std::string::npos) << t << " in " << x.id;
            }
        EXPECT_EQ(count, lc.matches) << search;
        EXPECT_EQ(lc.shown, lc.matches) << search;
        // Every shown level and area holds a match, and nothing that matches is left out.
        int expected = 0;
        for (const cm::Expectation& x : fw.expectations) {
            std::string all = ascii_lower(x.text + "\n" + x.title);
            for (const cm::Link& l : x.links) all += "\n" + ascii_lower(l.text);
            bool every = std::all_of(f.search.terms.begin(), f.search.terms.end(), [&](const std::string& t) { return all.find(t) != std::string::npos; });
            expected += every;
        }
        EXPECT_EQ(lc.matches, expected) << search;
        EXPECT_GT(lc.matches, 0) << search;
        for (size_t r = 0; r < lc.levels.size(); r++) {
            int n = 0;
            for (size_t c = 0; c < lc.areas.size(); c++) n += int(lc.cell(r, c).entries.size());
            EXPECT_GT(n, 0);
        }
        for (size_t c = 0; c < lc.areas.size(); c++) {
            int n = 0;
            for (size_t r = 0; r < lc.levels.size(); r++) n += int(lc.cell(r, c).entries.size());
            EXPECT_GT(n, 0);
        }
    }
}

TEST(QueryLadder, AllTermsMustMatch) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.search = "clear tested";
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(level_ids(fw, lc.levels), (std::vector<std::string>{"l2", "l3"}));
    EXPECT_EQ(lc.matches, 2);
    const cm::CellEntry& e = lc.cell(0, 0).entries[0];
    EXPECT_EQ(pieces(fw.expectations[size_t(e.expectation)].text, e.text_matches), (std::vector<std::string>{"clear", "tested"}));
}

TEST(QueryLadder, SearchLooksInTitlesAndLinkTexts) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.search = "collab";
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(level_ids(fw, lc.levels), std::vector<std::string>{"l1"});
    EXPECT_EQ(area_ids(fw, lc.areas), std::vector<std::string>{"s1"});
    ASSERT_EQ(lc.cells.size(), 1u);
    ASSERT_EQ(lc.cells[0].entries.size(), 1u);
    EXPECT_TRUE(lc.cells[0].entries[0].text_matches.empty());
    EXPECT_EQ(pieces("Collaboration", lc.cells[0].entries[0].title_matches), std::vector<std::string>{"Collab"});

    v.search = "handbook open";  // one term in a link text, one in the text
    lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(lc.matches, 1);
    ASSERT_EQ(lc.cells.size(), 1u);
    EXPECT_EQ(lc.cells[0].entries[0].expectation, fw.find_expectation("v1"));

    v.search = "values";  // link urls are not searched, link texts are
    EXPECT_EQ(cm::query_ladder(fw, filter_for(fw, v)).matches, 1);
    v.search = "/values";
    EXPECT_EQ(cm::query_ladder(fw, filter_for(fw, v)).matches, 0);
}

TEST(QueryLadder, SearchFoldsLatin1) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.search = "\xc3\xa9quipe";
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(lc.matches, 1);
    ASSERT_EQ(lc.cells.size(), 1u);
    const cm::CellEntry& e = lc.cells[0].entries[0];
    EXPECT_EQ(pieces(fw.expectations[size_t(e.expectation)].text, e.text_matches), std::vector<std::string>{"\xc3\x89quipe"});
}

TEST(QueryLadder, SearchShowsNoInheritedEntries) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.search = "asks";
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, v));
    // x1 is inherited by l2..l4 without a search; with one it shows once, at its own level.
    EXPECT_EQ(level_ids(fw, lc.levels), std::vector<std::string>{"l1"});
    EXPECT_EQ(entries(fw, lc, "l1", "d2"), std::vector<std::string>{"x1"});
    EXPECT_EQ(lc.matches, 1);
}

TEST(QueryLadder, SearchWithNoMatchShowsNothing) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.search = "zzz";
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_TRUE(lc.levels.empty());
    EXPECT_TRUE(lc.areas.empty());
    EXPECT_TRUE(lc.cells.empty());
    EXPECT_EQ(lc.shown, 0);
    EXPECT_EQ(lc.matches, 0);
}

TEST(QueryLadder, OnlyNewHidesUnchanged) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.only_new = true;
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, v));
    // The grid stays whole without a search.
    EXPECT_EQ(lc.levels.size(), 4u);
    EXPECT_EQ(lc.areas.size(), 3u);
    EXPECT_EQ(entries(fw, lc, "l2", "d1"), std::vector<std::string>{"a2"});
    EXPECT_TRUE(entries(fw, lc, "l3", "d1").empty());  // a3 restates a2
    EXPECT_EQ(entries(fw, lc, "l3", "d2"), std::vector<std::string>{"x3"});  // nothing inherited
    EXPECT_TRUE(entries(fw, lc, "l4", "d2").empty());
    for (const cm::Cell& cell : lc.cells)
        for (const cm::CellEntry& e : cell.entries) {
            EXPECT_NE(e.change, cm::Change::Unchanged);
            EXPECT_FALSE(e.inherited);
        }
    EXPECT_EQ(lc.shown, 6);  // all but a3

    v.search = "code";
    lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(level_ids(fw, lc.levels), (std::vector<std::string>{"l1", "l2"}));
    EXPECT_EQ(lc.matches, 2);
}

TEST(QueryLadder, LevelAndAreaFilters) {
    cm::Framework fw = load_text(small_json(true));
    cm::ViewState v;
    v.levels = {"l2"};
    v.areas = {"d2"};
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(level_ids(fw, lc.levels), std::vector<std::string>{"l2"});
    EXPECT_EQ(area_ids(fw, lc.areas), std::vector<std::string>{"d2"});
    EXPECT_EQ(entries(fw, lc, "l2", "d2"), (std::vector<std::string>{"e2", "^x1"}));
    EXPECT_EQ(lc.shown, 1);  // inherited entries are not counted

    // A search inside the filters: "code" matches at l1..l3 but only l1 is shown.
    v = {};
    v.levels = {"l1"};
    v.search = "code";
    lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(level_ids(fw, lc.levels), std::vector<std::string>{"l1"});
    EXPECT_EQ(lc.matches, 1);

    // Hiding the area a term is in hides the match.
    v = {};
    v.components = {"v"};
    v.search = "code";
    lc = cm::query_ladder(fw, filter_for(fw, v));
    EXPECT_EQ(lc.matches, 0);
    EXPECT_TRUE(lc.cells.empty());
}

TEST(QueryLadder, DefaultDataCounts) {
    cm::Framework fw = load_text(test_data::infrastructure_text());
    cm::LadderContent lc = cm::query_ladder(fw, filter_for(fw, {}));
    EXPECT_EQ(lc.levels.size(), fw.levels.size());
    EXPECT_EQ(lc.areas.size(), fw.areas.size());
    EXPECT_EQ(lc.shown, int(fw.expectations.size()));
    // Each cell holds exactly the expectations in effect at its level in its area.
    for (size_t r = 0; r < lc.levels.size(); r++) {
        std::vector<int> eff = cm::effective_expectations(fw, lc.levels[r]);
        size_t n = 0;
        for (size_t c = 0; c < lc.areas.size(); c++) {
            const cm::Cell& cell = lc.cell(r, c);
            n += cell.entries.size();
            bool seen_inherited = false;
            for (const cm::CellEntry& e : cell.entries) {
                EXPECT_EQ(fw.expectations[size_t(e.expectation)].area, cell.area);
                EXPECT_NE(std::find(eff.begin(), eff.end(), e.expectation), eff.end());
                if (e.inherited) {
                    seen_inherited = true;
                } else {
                    EXPECT_FALSE(seen_inherited) << "own entry after an inherited one";
                }
            }
        }
        EXPECT_EQ(n, eff.size());
    }
}

}  // namespace
