// Career Matrix core: filtering the ladder and searching its text.
// The views ask one question per change of filters: which expectations show in
// which (level, area) cell, how each relates to the level below, and where the
// search terms sit in each text (to highlight them).
#pragma once
#include "compare.h"
#include "framework.h"
#include "view_state.h"

#include <string>
#include <string_view>
#include <vector>

namespace cm {

// Search text split into terms; an expectation matches when every term occurs
// (in its text, title or link texts). Case-insensitive for ASCII and Latin-1.
struct SearchQuery {
    std::vector<std::string> terms;  // folded to lower case
    bool empty() const { return terms.empty(); }
};
SearchQuery parse_search(std::string_view text);

// Appends the ranges where any term occurs in `text`, merged and sorted.
// Returns the set of terms found as a bit mask (term i -> bit i, first 32 terms).
uint32_t find_terms(const SearchQuery& q, std::string_view text, std::vector<TextRange>* ranges);

// The one rule of every search in the app: does `x` hold every term, in its text,
// its title or a link's text? The ranges found in text and title are appended to
// `text_ranges` / `title_ranges` when given (to highlight them). An empty query matches.
bool matches(const SearchQuery& q, const Expectation& x, std::vector<TextRange>* text_ranges = nullptr,
             std::vector<TextRange>* title_ranges = nullptr);

struct Filter {
    std::vector<char> levels;  // per level: shown
    std::vector<char> areas;   // per area: shown
    SearchQuery search;
    bool only_new = false;     // only what is new at each level (relative to the level below)
};
// Resolves the ids of a view state; unknown ids were already dropped by the URL parser.
Filter make_filter(const Framework& fw, const ViewState& view);

struct CellEntry {
    int expectation = -1;
    Change change = Change::Added;  // relative to the level below
    bool inherited = false;          // from a lower level (cumulative frameworks)
    std::vector<TextRange> text_matches, title_matches;
};

struct Cell {
    int level = -1, area = -1;
    std::vector<CellEntry> entries;  // own expectations first, then inherited ones
    int own_count = 0;
};

struct LadderContent {
    std::vector<int> levels;  // levels shown, in order
    std::vector<int> areas;   // areas shown, in order
    std::vector<Cell> cells;  // levels.size() * areas.size(), row-major by level
    int shown = 0;            // own expectations shown
    int matches = 0;          // expectations matching the search
    const Cell& cell(size_t level_row, size_t area_col) const { return cells[level_row * areas.size() + area_col]; }
};

// With a search, only matching expectations (and the levels and areas holding
// them) are shown; `only_new` keeps what is added or grown at each level.
LadderContent query_ladder(const Framework& fw, const Filter& filter);

}  // namespace cm
