#include "view_state.h"

#include "stable_sort.h"

#include <algorithm>

namespace cm {

const char* view_name(View v) {
    switch (v) {
    case View::Ladder: return "ladder";
    case View::Compare: return "compare";
    case View::Plan: return "plan";
    }
    return "ladder";
}

std::string percent_encode(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                     c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' || c == '(' || c == ')';
        if (plain) out += char(c);
        else { out += '%'; out += hex[c >> 4]; out += hex[c & 15]; }
    }
    return out;
}

std::string percent_decode(std::string_view s) {
    auto digit = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; };
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '%' && i + 2 < s.size() && digit(s[i + 1]) >= 0 && digit(s[i + 2]) >= 0) {
            char c = char(digit(s[i + 1]) * 16 + digit(s[i + 2]));
            if (c != '\0') out += c;
            i += 2;
        } else if (s[i] == '+') {
            out += ' ';  // form-style spaces, as some link shorteners write them
        } else if (s[i] != '\0') {
            out += s[i];
        }
    }
    return out;
}

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(sep, start);
        if (end == std::string_view::npos) end = s.size();
        if (end > start) parts.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

void warn(std::vector<std::string>* w, std::string msg) {
    if (w && w->size() < 20) w->push_back(std::move(msg));
}

// Keeps ids that exist (via `find`), in the order `rank` gives, without duplicates.
template <typename Find>
std::vector<std::string> known_ids(std::string_view list, Find find, const char* what, std::vector<std::string>* w) {
    std::vector<std::pair<int, std::string>> found;
    for (std::string_view id : split(list, ',')) {
        int index = find(id);
        if (index < 0) { warn(w, std::string("unknown ") + what + " \"" + std::string(id.substr(0, 64)) + "\""); continue; }
        if (std::none_of(found.begin(), found.end(), [&](auto& p) { return p.first == index; })) found.emplace_back(index, std::string(id));
        if (found.size() >= 1000) break;
    }
    cm::stable_sort(found);
    std::vector<std::string> out;
    for (auto& p : found) out.push_back(std::move(p.second));
    return out;
}

}  // namespace

std::string format_view_hash(const ViewState& v, const Framework& fw) {
    std::string out;
    auto add = [&](const char* key, std::string_view value) {
        if (!out.empty()) out += '&';
        out += key;
        out += '=';
        out += percent_encode(value);
    };
    auto join = [](const std::vector<std::string>& ids) {
        std::string s;
        for (const std::string& id : ids) { if (!s.empty()) s += ','; s += id; }
        return s;
    };
    if (v.view != View::Ladder) add("view", view_name(v.view));
    if (!v.levels.empty()) {
        // Levels are kept in ladder order; consecutive runs of three or more become "a..b".
        std::vector<int> idx;
        for (const std::string& id : v.levels) idx.push_back(fw.find_level(id));
        std::string s;
        for (size_t i = 0; i < idx.size();) {
            size_t j = i;
            while (j + 1 < idx.size() && idx[j + 1] == idx[j] + 1) j++;
            if (!s.empty()) s += ',';
            if (j - i >= 2) { s += v.levels[i] + ".." + v.levels[j]; i = j + 1; }
            else { s += v.levels[i]; i++; }
        }
        if (!out.empty()) out += '&';
        out += "levels=" + s;  // ids need no encoding
    }
    // Ids need no encoding ([a-z0-9._-]); commas stay readable in a shared link.
    if (!v.areas.empty()) { if (!out.empty()) out += '&'; out += "areas=" + join(v.areas); }
    if (!v.components.empty()) { if (!out.empty()) out += '&'; out += "components=" + join(v.components); }
    if (!v.search.empty()) add("q", v.search);
    if (v.only_new) add("new", "1");
    if (!v.compare_from.empty()) add("from", v.compare_from);
    if (!v.compare_to.empty()) add("to", v.compare_to);
    if (!v.selected.empty()) add("item", v.selected);
    return out;
}

ViewState parse_view_hash(std::string_view hash, const Framework& fw, std::vector<std::string>* w) {
    ViewState v;
    if (!hash.empty() && hash[0] == '#') hash.remove_prefix(1);
    if (hash.size() > kMaxHashBytes) {
        warn(w, "the link's view is too long and was ignored");
        return v;
    }
    auto level_id = [&](std::string_view id) { return fw.find_level(id); };
    auto area_id = [&](std::string_view id) { return fw.find_area(id); };
    auto component_id = [&](std::string_view id) { return fw.find_component(id); };
    for (std::string_view part : split(hash, '&')) {
        size_t eq = part.find('=');
        std::string key = percent_decode(part.substr(0, eq));
        std::string value = eq == std::string_view::npos ? std::string() : percent_decode(part.substr(eq + 1));
        if (key == "view") {
            if (value == "ladder") v.view = View::Ladder;
            else if (value == "compare") v.view = View::Compare;
            else if (value == "plan") v.view = View::Plan;
            else warn(w, "unknown view \"" + value.substr(0, 32) + "\"");
        } else if (key == "levels") {
            // Expand ranges "a..b" to the ids between, in ladder order.
            std::string expanded;
            for (std::string_view item : split(value, ',')) {
                size_t dots = item.find("..");
                if (dots == std::string_view::npos) { expanded += std::string(item) + ","; continue; }
                // Ids may end with '.' (is_valid_id only forbids ".." inside one), so the
                // range from "a." to "d." is written "a...d.": the separator is the ".."
                // that leaves a level id on both sides, not always the first one.
                // (Found by fuzz_view_hash: "levels=a.,b,c.1" formatted as "a...c.1"
                // and read back as no levels at all.)
                int a = -1, b = -1;
                for (; dots != std::string_view::npos; dots = item.find("..", dots + 1)) {
                    a = fw.find_level(item.substr(0, dots));
                    b = fw.find_level(item.substr(dots + 2));
                    if (a >= 0 && b >= 0) break;
                }
                if (a < 0 || b < 0) { warn(w, "unknown level range \"" + std::string(item.substr(0, 64)) + "\""); continue; }
                if (a > b) std::swap(a, b);
                for (int l = a; l <= b; l++) expanded += fw.levels[size_t(l)].id + ",";
            }
            v.levels = known_ids(expanded, level_id, "level", w);
            if (v.levels.size() == fw.levels.size()) v.levels.clear();  // all levels is the default
        } else if (key == "areas" || key == "dimensions") {
            v.areas = known_ids(value, area_id, "dimension or section", w);
        } else if (key == "components") {
            v.components = known_ids(value, component_id, "component", w);
        } else if (key == "q") {
            size_t cut = std::min(value.size(), kMaxSearchBytes);
            while (cut < value.size() && cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) cut--;  // keep whole characters
            v.search = value.substr(0, cut);
        } else if (key == "new") {
            v.only_new = value == "1" || value == "true";
        } else if (key == "from" || key == "to") {
            if (fw.find_level(value) < 0) { warn(w, "unknown level \"" + value.substr(0, 64) + "\""); continue; }
            (key == "from" ? v.compare_from : v.compare_to) = value;
        } else if (key == "item") {
            if (fw.find_expectation(value) < 0) { warn(w, "unknown expectation \"" + value.substr(0, 64) + "\""); continue; }
            v.selected = value;
        } else if (!key.empty()) {
            warn(w, "unknown link parameter \"" + key.substr(0, 32) + "\"");
        }
    }
    return v;
}

}  // namespace cm
