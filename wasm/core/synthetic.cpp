#include "synthetic.h"

#include "text.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace cm {

namespace {

bool is_letter(unsigned char c) { return text::is_alpha(char(c)); }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
using text::lower;
using text::upper;

uint64_t mix64(uint64_t x) {  // splitmix64's finaliser: every input bit reaches every output bit
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// Replaces about a quarter of the words of five letters or more by other words
// of the base framework. The choice depends only on the word and the copy, so it
// is consistent within a copy. Words with capitals after the first letter
// (GitLab, SRE) are names and stay.
class Varier {
public:
    explicit Varier(const Framework& base) {
        std::set<std::string> words;
        auto collect = [&](const std::string& text) {
            for (size_t i = 0; i < text.size();) {
                size_t j = i;
                while (j < text.size() && is_letter(static_cast<unsigned char>(text[j]))) j++;
                if (j - i >= 5) {
                    std::string w = text.substr(i, j - i);
                    if (std::none_of(w.begin() + 1, w.end(), [](char c) { return is_upper(static_cast<unsigned char>(c)); })) {
                        std::transform(w.begin(), w.end(), w.begin(), lower);
                        words.insert(std::move(w));
                    }
                }
                i = j == i ? i + 1 : j;
            }
        };
        for (const Expectation& e : base.expectations) collect(e.text);
        vocabulary_.assign(words.begin(), words.end());
    }

    std::string vary(const std::string& text, int copy) const {
        if (copy == 0 || vocabulary_.empty()) return text;
        std::string out;
        out.reserve(text.size() + 16);
        for (size_t i = 0; i < text.size();) {
            size_t j = i;
            while (j < text.size() && is_letter(static_cast<unsigned char>(text[j]))) j++;
            if (j == i) {
                out += text[i++];
                continue;
            }
            std::string_view word(text.data() + i, j - i);
            out += substitute(word, copy);
            i = j;
        }
        return out;
    }

private:
    std::string substitute(std::string_view word, int copy) const {
        if (word.size() < 5 || std::any_of(word.begin() + 1, word.end(), [](char c) { return is_upper(static_cast<unsigned char>(c)); }))
            return std::string(word);
        uint64_t h = 0xcbf29ce484222325ull;
        for (char c : word) h = (h ^ static_cast<unsigned char>(lower(c))) * 0x100000001b3ull;
        h = mix64(h ^ (uint64_t(copy) * 0x9e3779b97f4a7c15ull));
        if ((h & 3) != 0) return std::string(word);
        std::string w = vocabulary_[size_t((h >> 8) % vocabulary_.size())];
        if (is_upper(static_cast<unsigned char>(word[0]))) w[0] = upper(w[0]);
        return w;
    }

    std::vector<std::string> vocabulary_;
};

std::string copy_id(const std::string& id, int copy, size_t index) {
    if (copy == 0) return id;
    std::string s = id + ".s" + std::to_string(copy);
    if (s.size() <= 64) return s;
    s = "s";  // appended piece by piece: GCC 12 warns (-Wrestrict) on "s" + std::string
    s += std::to_string(copy);
    s += '-';
    s += std::to_string(index);
    return s;
}

}  // namespace

Framework synthetic_framework(const Framework& base, int scale) {
    scale = std::max(scale, 1);
    Framework fw;
    fw.id = scale == 1 ? base.id : base.id + "-x" + std::to_string(scale);
    fw.name = scale == 1 ? base.name : base.name + " (synthetic, " + std::to_string(scale) + "x)";
    fw.organization = base.organization;
    fw.department = base.department;
    fw.summary = base.summary;
    fw.source = base.source;
    fw.version = scale == 1 ? base.version : base.version + "-x" + std::to_string(scale);
    fw.cumulative = base.cumulative;
    fw.components = base.components;
    fw.areas = base.areas;
    fw.levels = base.levels;

    // Output order is the loader's order (level, area, then file order), so
    // writing and loading the result gives back the same indices: every
    // (level, area) run of the base is repeated `scale` times before the next.
    const Varier varier(base);
    const size_t n = base.expectations.size();
    std::vector<int> index(n * size_t(scale), -1);  // [copy * n + base index] -> output index
    fw.expectations.reserve(n * size_t(scale));
    for (size_t run = 0; run < n;) {
        size_t end = run;
        while (end < n && base.expectations[end].level == base.expectations[run].level && base.expectations[end].area == base.expectations[run].area) end++;
        for (int k = 0; k < scale; k++) {
            for (size_t i = run; i < end; i++) {
                const Expectation& src = base.expectations[i];
                Expectation e;
                e.id = copy_id(src.id, k, i);
                e.title = varier.vary(src.title, k);
                if (e.title.size() > 200) e.title = src.title;
                e.text = varier.vary(src.text, k);
                if (e.text.size() > 4000) e.text = src.text;
                e.links = src.links;
                e.level = src.level;
                e.area = src.area;
                e.extends = src.extends;  // a base index for now, resolved below
                e.hash = content_hash(e.text);
                index[size_t(k) * n + i] = int(fw.expectations.size());
                fw.expectations.push_back(std::move(e));
            }
        }
        run = end;
    }
    // `extends` points below in the same area, so the run it names came earlier
    // and every index is known; each copy's chain stays inside the copy.
    for (int k = 0; k < scale; k++)
        for (size_t i = 0; i < n; i++) {
            Expectation& e = fw.expectations[size_t(index[size_t(k) * n + i])];
            if (e.extends >= 0) e.extends = index[size_t(k) * n + size_t(e.extends)];
        }
    fw.index();
    return fw;
}

}  // namespace cm
