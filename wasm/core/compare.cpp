#include "compare.h"

#include "stable_sort.h"
#include "text.h"

#include <algorithm>

namespace cm {

const char* change_name(Change c) {
    switch (c) {
    case Change::Added: return "added";
    case Change::Grown: return "grown";
    case Change::Unchanged: return "unchanged";
    case Change::Dropped: return "dropped";
    }
    return "";
}

std::vector<int> effective_expectations(const Framework& fw, int level) {
    std::vector<int> out;
    int order = fw.levels[size_t(level)].order;
    for (int i = 0; i < int(fw.expectations.size()); i++) {
        const Expectation& e = fw.expectations[size_t(i)];
        if (e.level == level) { out.push_back(i); continue; }
        if (!fw.cumulative || fw.levels[size_t(e.level)].order > order) continue;
        // Inherited unless something at or below `level` grew from it.
        bool superseded = false;
        for (int s : fw.successors[size_t(i)])
            if (fw.levels[size_t(fw.expectations[size_t(s)].level)].order <= order) { superseded = true; break; }
        if (!superseded) out.push_back(i);
    }
    // Framework order is by level index, then area: keep cells together by area instead.
    cm::stable_sort(out, [&](int a, int b) {
        return fw.expectations[size_t(a)].area < fw.expectations[size_t(b)].area;
    });
    return out;
}

Change change_from_below(const Framework& fw, int expectation) {
    const Expectation& e = fw.expectations[size_t(expectation)];
    if (e.extends < 0) return Change::Added;
    return fw.expectations[size_t(e.extends)].hash == e.hash ? Change::Unchanged : Change::Grown;
}

int AreaComparison::count(Change c) const {
    return int(std::count_if(items.begin(), items.end(), [c](const ComparedItem& i) { return i.change == c; }));
}

std::vector<AreaComparison> compare_levels(const Framework& fw, int level_a, int level_b) {
    int lo = level_a, hi = level_b;
    if (fw.levels[size_t(lo)].order > fw.levels[size_t(hi)].order) std::swap(lo, hi);
    std::vector<int> lower = effective_expectations(fw, lo), higher = effective_expectations(fw, hi);
    std::vector<char> in_lower(fw.expectations.size(), 0), paired(fw.expectations.size(), 0);
    for (int x : lower) in_lower[size_t(x)] = 1;
    int lo_order = fw.levels[size_t(lo)].order;

    std::vector<AreaComparison> out(fw.areas.size());
    for (size_t a = 0; a < out.size(); a++) out[a].area = int(a);
    for (int h : higher) {
        int a = h;  // walk down to the expectation in effect at the lower level
        while (a >= 0 && fw.levels[size_t(fw.expectations[size_t(a)].level)].order > lo_order) a = fw.expectations[size_t(a)].extends;
        ComparedItem item{-1, h, Change::Added};
        if (a >= 0 && in_lower[size_t(a)]) {
            item.lower = a;
            paired[size_t(a)] = 1;
            item.change = a == h || fw.expectations[size_t(a)].hash == fw.expectations[size_t(h)].hash ? Change::Unchanged : Change::Grown;
        }
        out[size_t(fw.expectations[size_t(h)].area)].items.push_back(item);
    }
    for (int x : lower)
        if (!paired[size_t(x)]) out[size_t(fw.expectations[size_t(x)].area)].items.push_back({x, -1, Change::Dropped});
    for (AreaComparison& ac : out) {
        cm::stable_sort(ac.items, [](const ComparedItem& p, const ComparedItem& q) {
            auto rank = [](Change c) { return c == Change::Added || c == Change::Grown ? 0 : c == Change::Unchanged ? 1 : 2; };
            return rank(p.change) < rank(q.change);
        });
    }
    out.erase(std::remove_if(out.begin(), out.end(), [](const AreaComparison& ac) { return ac.items.empty(); }), out.end());
    return out;
}

namespace {

struct Word {
    uint32_t begin, end;  // byte range in the text, punctuation included
    std::string key;      // lower-case letters and digits only
};

std::vector<Word> split_words(std::string_view s) {
    std::vector<Word> words;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) i++;
        if (i >= s.size()) break;
        Word w{uint32_t(i), 0, {}};
        while (i < s.size() && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 'A' && c <= 'Z') w.key += text::lower(char(c));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) w.key += char(c);
            i++;
        }
        w.end = uint32_t(i);
        words.push_back(std::move(w));
    }
    return words;
}

}  // namespace

std::vector<TextRange> added_words(std::string_view before, std::string_view after) {
    std::vector<Word> a = split_words(before), b = split_words(after);
    std::vector<char> keep(b.size(), 0);
    const size_t kMaxCells = 1u << 20;  // quadratic table; long texts are rare and then all counts as new
    if (!a.empty() && !b.empty() && (a.size() + 1) * (b.size() + 1) <= kMaxCells) {
        size_t n = a.size(), m = b.size();
        std::vector<uint16_t> t((n + 1) * (m + 1), 0);
        auto at = [&](size_t i, size_t j) -> uint16_t& { return t[i * (m + 1) + j]; };
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                at(i, j) = a[i].key == b[j].key ? uint16_t(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
        for (size_t i = 0, j = 0; i < n && j < m;) {
            if (a[i].key == b[j].key) { keep[j] = 1; i++; j++; }
            else if (at(i + 1, j) >= at(i, j + 1)) i++;
            else j++;
        }
    }
    std::vector<TextRange> out;
    for (size_t j = 0; j < b.size(); j++) {
        if (keep[j]) continue;
        if (!out.empty() && j > 0 && !keep[j - 1]) out.back().end = b[j].end;  // merge runs, spaces included
        else out.push_back({b[j].begin, b[j].end});
    }
    return out;
}

std::vector<int> lineage(const Framework& fw, int expectation) {
    std::vector<int> chain;
    for (int e = expectation; e >= 0 && chain.size() <= fw.levels.size(); e = fw.expectations[size_t(e)].extends) chain.push_back(e);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

std::vector<int> descendants(const Framework& fw, int expectation) {
    std::vector<int> out, stack = fw.successors[size_t(expectation)];
    while (!stack.empty()) {
        int e = stack.back();
        stack.pop_back();
        out.push_back(e);
        for (int s : fw.successors[size_t(e)]) stack.push_back(s);
    }
    cm::stable_sort(out, [&](int a, int b) {
        int la = fw.levels[size_t(fw.expectations[size_t(a)].level)].order, lb = fw.levels[size_t(fw.expectations[size_t(b)].level)].order;
        return la != lb ? la < lb : a < b;
    });
    return out;
}

}  // namespace cm
