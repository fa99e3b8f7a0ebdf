#include "search.h"

#include "stable_sort.h"

#include <algorithm>

namespace cm {

namespace {

// Folds one character starting at s[i] to lower case, returning its byte length.
// ASCII and the Latin-1 capitals (U+00C0..U+00DE but U+00D7) are folded; other
// characters compare as they are.
size_t fold_at(std::string_view s, size_t i, char out[2]) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        out[0] = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
        return 1;
    }
    if (c == 0xC3 && i + 1 < s.size()) {
        unsigned char d = (unsigned char)s[i + 1];
        out[0] = char(c);
        out[1] = char(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
        return 2;
    }
    out[0] = char(c);
    return 1;
}

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char buf[2];
    for (size_t i = 0; i < s.size();) {
        size_t n = fold_at(s, i, buf);
        out.append(buf, n);
        i += n;
    }
    return out;
}

void merge_ranges(std::vector<TextRange>* r, size_t from) {
    cm::stable_sort_from(*r, from, [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
    size_t w = from;
    for (size_t i = from; i < r->size(); i++) {
        if (w > from && (*r)[i].begin <= (*r)[w - 1].end) (*r)[w - 1].end = std::max((*r)[w - 1].end, (*r)[i].end);
        else (*r)[w++] = (*r)[i];
    }
    r->resize(w);
}

}  // namespace

SearchQuery parse_search(std::string_view text) {
    SearchQuery q;
    std::string folded = fold(text);
    size_t i = 0;
    while (i < folded.size() && q.terms.size() < 32) {
        while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\t' || folded[i] == '\n' || folded[i] == '\r')) i++;
        size_t start = i;
        while (i < folded.size() && !(folded[i] == ' ' || folded[i] == '\t' || folded[i] == '\n' || folded[i] == '\r')) i++;
        if (i > start) {
            std::string term = folded.substr(start, i - start);
            if (std::find(q.terms.begin(), q.terms.end(), term) == q.terms.end()) q.terms.push_back(std::move(term));
        }
    }
    return q;
}

uint32_t find_terms(const SearchQuery& q, std::string_view text, std::vector<TextRange>* ranges) {
    if (q.terms.empty()) return 0;
    // Folding keeps byte lengths, so offsets in the folded text are offsets in `text`.
    std::string folded = fold(text);
    size_t from = ranges->size();
    uint32_t found = 0;
    for (size_t t = 0; t < q.terms.size(); t++) {
        const std::string& term = q.terms[t];
        for (size_t pos = folded.find(term); pos != std::string::npos; pos = folded.find(term, pos + term.size())) {
            if (t < 32) found |= 1u << t;  // the mask holds the first 32 terms; 1u << 32 is undefined
            ranges->push_back({uint32_t(pos), uint32_t(pos + term.size())});
        }
    }
    merge_ranges(ranges, from);
    return found;
}

Filter make_filter(const Framework& fw, const ViewState& view) {
    Filter f;
    f.levels.assign(fw.levels.size(), view.levels.empty());
    for (const std::string& id : view.levels) {
        int l = fw.find_level(id);
        if (l >= 0) f.levels[size_t(l)] = 1;
    }
    bool all_areas = view.areas.empty() && view.components.empty();
    f.areas.assign(fw.areas.size(), all_areas);
    for (size_t a = 0; a < fw.areas.size(); a++) {
        const Area& area = fw.areas[a];
        if (std::find(view.areas.begin(), view.areas.end(), area.id) != view.areas.end()) f.areas[a] = 1;
        if (area.component >= 0 &&
            std::find(view.components.begin(), view.components.end(), fw.components[size_t(area.component)].id) != view.components.end())
            f.areas[a] = 1;
    }
    f.search = parse_search(view.search);
    f.only_new = view.only_new;
    return f;
}

bool matches(const SearchQuery& q, const Expectation& x, std::vector<TextRange>* text_ranges, std::vector<TextRange>* title_ranges) {
    if (q.empty()) return true;
    const uint32_t all_terms = q.terms.size() >= 32 ? ~0u : (1u << q.terms.size()) - 1;
    std::vector<TextRange> ignored;
    uint32_t found = find_terms(q, x.text, text_ranges ? text_ranges : &ignored);
    found |= find_terms(q, x.title, title_ranges ? title_ranges : &ignored);
    for (const Link& link : x.links) found |= find_terms(q, link.text, &ignored);
    return (found & all_terms) == all_terms;
}

LadderContent query_ladder(const Framework& fw, const Filter& filter) {
    LadderContent out;
    const bool searching = !filter.search.empty();
    std::vector<int> levels, areas;
    for (size_t l = 0; l < fw.levels.size(); l++)
        if (filter.levels[l]) levels.push_back(int(l));
    for (size_t a = 0; a < fw.areas.size(); a++)
        if (filter.areas[a]) areas.push_back(int(a));

    std::vector<Cell> cells(levels.size() * areas.size());
    std::vector<int> area_col(fw.areas.size(), -1);
    for (size_t c = 0; c < areas.size(); c++) area_col[size_t(areas[c])] = int(c);
    std::vector<char> level_has(levels.size(), 0), area_has(areas.size(), 0);

    for (size_t r = 0; r < levels.size(); r++) {
        int level = levels[r];
        for (size_t c = 0; c < areas.size(); c++) cells[r * areas.size() + c] = Cell{level, areas[c], {}, 0};
        // Own expectations, then (cumulative, not searching, not "only new") inherited ones.
        std::vector<int> items;
        if (fw.cumulative && !searching && !filter.only_new) items = effective_expectations(fw, level);
        else
            for (size_t a = 0; a < fw.areas.size(); a++)
                for (int e : fw.cell(level, int(a))) items.push_back(e);
        for (int e : items) {
            const Expectation& x = fw.expectations[size_t(e)];
            int col = area_col[size_t(x.area)];
            if (col < 0) continue;
            CellEntry entry;
            entry.expectation = e;
            entry.inherited = x.level != level;
            entry.change = entry.inherited ? Change::Unchanged : change_from_below(fw, e);
            if (filter.only_new && entry.change == Change::Unchanged) continue;
            if (searching) {
                if (!matches(filter.search, x, &entry.text_matches, &entry.title_matches)) continue;
                out.matches++;
            }
            Cell& cell = cells[r * areas.size() + size_t(col)];
            if (!entry.inherited) { cell.own_count++; out.shown++; }
            cell.entries.push_back(std::move(entry));
            level_has[r] = 1;
            area_has[size_t(col)] = 1;
        }
        // effective_expectations orders by area; keep own expectations before inherited ones within a cell.
        for (size_t c = 0; c < areas.size(); c++) {
            auto& entries = cells[r * areas.size() + c].entries;
            cm::stable_partition(entries, [](const CellEntry& en) { return !en.inherited; });
        }
    }

    // A search hides the levels and areas it found nothing in; otherwise the grid stays whole.
    for (size_t r = 0; r < levels.size(); r++)
        if (!searching || level_has[r]) out.levels.push_back(levels[r]);
    for (size_t c = 0; c < areas.size(); c++)
        if (!searching || area_has[c]) out.areas.push_back(areas[c]);
    out.cells.reserve(out.levels.size() * out.areas.size());
    for (size_t r = 0; r < levels.size(); r++) {
        if (searching && !level_has[r]) continue;
        for (size_t c = 0; c < areas.size(); c++)
            if (!searching || area_has[c]) out.cells.push_back(std::move(cells[r * areas.size() + c]));
    }
    return out;
}

}  // namespace cm
