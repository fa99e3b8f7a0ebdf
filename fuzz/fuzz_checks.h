// Career Matrix fuzzing: what must hold for any input, beyond "does not crash".
// Shared by the libFuzzer targets (fuzz/fuzz_*.cpp, which abort on a failed
// check) and by the regression test (tests/core/fuzz_regression_test.cpp, which
// replays the inputs kept in tests/fixtures/fuzz-regressions/ without libFuzzer).
// Header-only so that both builds compile the very same checks.
//
// Each check_<target>(input) returns "" when every property held, else a
// one-line description of the first one that did not.
//
//   [SECTION] Frameworks used by the checks
//   [SECTION] Framework invariants and comparison
//   [SECTION] Export checks (no markup from user text)
//   [SECTION] fuzz_framework_load
//   [SECTION] fuzz_plan_decode
//   [SECTION] fuzz_plan_import
//   [SECTION] fuzz_handbook_import
//   [SECTION] fuzz_view_hash
#pragma once
#include "compare.h"
#include "export.h"
#include "text_version.h"
#include "framework_load.h"
#include "handbook_import.h"
#include "plan_storage.h"
#include "search.h"
#include "view_state.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace cm_fuzz {

//-----------------------------------------------------------------------------
// [SECTION] Frameworks used by the checks
//-----------------------------------------------------------------------------

// A small framework whose ids sit at the edges of what is_valid_id() accepts
// (trailing '.', '-', '_', digits first), an unpublished level, a section, a
// link and an `extends`: used alongside the default data so the view hash and
// the exports meet ids the shipped data never has.
inline constexpr const char* kTinyFramework = R"json({
  "format": "career-framework", "formatVersion": 1,
  "framework": {"id": "tiny", "name": "Tiny <b>framework</b> & co", "version": "1", "cumulative": true,
                "source": "https://example.org/handbook/"},
  "components": [{"id": "c", "name": "Component"}, {"id": "v.", "name": "Values"}],
  "dimensions": [{"id": "d1", "name": "Dimension <one>", "component": "c"},
                 {"id": "9d-2_", "name": "Dimension two", "component": "c"}],
  "sections": [{"id": "s.", "name": "Section", "component": "v."}],
  "levels": [{"id": "a.", "name": "Level A", "order": 1, "scope": "A.", "published": true},
             {"id": "b", "name": "Level B", "order": 2, "scope": "B.", "published": true},
             {"id": "c.1", "name": "Level C", "order": 3, "scope": "C.", "published": true},
             {"id": "d.", "name": "Level D", "order": 4, "scope": "D.", "published": true},
             {"id": "e_", "name": "Level E", "order": 6, "scope": "E.", "published": false}],
  "expectations": [
    {"id": "x.", "level": "a.", "dimension": "d1", "text": "First <script>alert(1)</script> thing."},
    {"id": "y", "level": "b", "dimension": "d1", "extends": "x.", "text": "Second thing.",
     "links": [{"text": "a link", "url": "/handbook/page"}]},
    {"id": "z-", "level": "c.1", "section": "s.", "title": "Z", "text": "# Third thing"},
    {"id": "w_", "level": "d.", "dimension": "9d-2_", "text": "Fourth thing."}
  ]
})json";

inline std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return "";
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline cm::Framework load_or_die(std::string_view text, const char* what) {
    cm::Framework fw;
    cm::Diagnostics diag;
    diag.file = what;
    if (!cm::load_framework(text, &fw, &diag)) {
        std::fprintf(stderr, "fuzz: the %s framework does not load:\n%s", what, diag.to_string().c_str());
        std::abort();
    }
    return fw;
}

inline const cm::Framework& tiny_framework() {
    static const cm::Framework fw = load_or_die(kTinyFramework, "embedded tiny");
    return fw;
}

// The default data: $CM_FUZZ_FRAMEWORK, else data/infrastructure.json of the
// source tree (CM_SOURCE_DIR, baked in at compile time), else the tiny one.
inline const cm::Framework& default_framework() {
    static const cm::Framework fw = [] {
        std::string path;
        if (const char* env = std::getenv("CM_FUZZ_FRAMEWORK")) path = env;
#ifdef CM_SOURCE_DIR
        if (path.empty()) path = CM_SOURCE_DIR "/data/infrastructure.json";
#endif
        std::string text = path.empty() ? std::string() : read_file(path);
        return text.empty() ? load_or_die(kTinyFramework, "embedded tiny") : load_or_die(text, path.c_str());
    }();
    return fw;
}

inline constexpr int64_t kNow = 1795773600000;  // 2026-11-27T10:00:00.000Z

//-----------------------------------------------------------------------------
// [SECTION] Framework invariants and comparison
//-----------------------------------------------------------------------------

// What every loaded (or imported) framework must satisfy: the model's indices
// are all in range, index() agrees with the expectations, `extends` points to a
// lower level in the same area.
inline std::string framework_invariants(const cm::Framework& fw) {
    auto in = [](int i, size_t n) { return i >= 0 && size_t(i) < n; };
    if (!cm::is_valid_id(fw.id)) return "invalid framework id";
    std::set<std::string> ids;
    for (const cm::Component& c : fw.components)
        if (!cm::is_valid_id(c.id) || !ids.insert("c:" + c.id).second) return "invalid or duplicate component id \"" + c.id + "\"";
    bool sections = false;
    for (const cm::Area& a : fw.areas) {
        if (!cm::is_valid_id(a.id) || !ids.insert("a:" + a.id).second) return "invalid or duplicate area id \"" + a.id + "\"";
        if (!in(a.component, fw.components.size())) return "area \"" + a.id + "\" has no component";
        if (a.kind == cm::AreaKind::Section) sections = true;
        else if (sections) return "a dimension after a section";
    }
    for (size_t l = 0; l < fw.levels.size(); l++) {
        if (!cm::is_valid_id(fw.levels[l].id) || !ids.insert("l:" + fw.levels[l].id).second) return "invalid or duplicate level id \"" + fw.levels[l].id + "\"";
        if (l > 0 && fw.levels[l - 1].order >= fw.levels[l].order) return "levels not sorted by strictly increasing order";
    }
    for (size_t i = 0; i < fw.expectations.size(); i++) {
        const cm::Expectation& e = fw.expectations[i];
        std::string where = "expectation " + std::to_string(i) + " \"" + e.id + "\": ";
        if (!cm::is_valid_id(e.id) || !ids.insert("e:" + e.id).second) return where + "invalid or duplicate id";
        if (!in(e.level, fw.levels.size()) || !in(e.area, fw.areas.size())) return where + "level or area out of range";
        if (!fw.levels[size_t(e.level)].published) return where + "on an unpublished level";
        if (e.hash != cm::content_hash(e.text)) return where + "stale hash";
        if (i > 0) {
            const cm::Expectation& p = fw.expectations[i - 1];
            if (p.level > e.level || (p.level == e.level && p.area > e.area)) return where + "not sorted by level and area";
        }
        if (e.extends != -1) {
            if (!in(e.extends, fw.expectations.size())) return where + "extends out of range";
            const cm::Expectation& base = fw.expectations[size_t(e.extends)];
            if (fw.levels[size_t(base.level)].order >= fw.levels[size_t(e.level)].order) return where + "extends a level that is not lower";
            if (base.area != e.area) return where + "extends another area";
        }
    }
    // index(): every expectation in its own cell exactly once, in ascending order;
    // successors are exactly the inverse of `extends`.
    if (fw.cells.size() != fw.levels.size() * fw.areas.size()) return "cells has the wrong size";
    if (fw.successors.size() != fw.expectations.size()) return "successors has the wrong size";
    size_t total = 0;
    for (size_t l = 0; l < fw.levels.size(); l++)
        for (size_t a = 0; a < fw.areas.size(); a++) {
            const std::vector<int>& cell = fw.cell(int(l), int(a));
            total += cell.size();
            for (size_t k = 0; k < cell.size(); k++) {
                if (!in(cell[k], fw.expectations.size())) return "cell index out of range";
                const cm::Expectation& e = fw.expectations[size_t(cell[k])];
                if (e.level != int(l) || e.area != int(a)) return "expectation \"" + e.id + "\" in the wrong cell";
                if (k > 0 && cell[k - 1] >= cell[k]) return "cell not in ascending order";
            }
        }
    if (total != fw.expectations.size()) return "cells do not hold every expectation once";
    for (size_t j = 0; j < fw.successors.size(); j++) {
        size_t expected = 0;
        for (const cm::Expectation& e : fw.expectations) expected += e.extends == int(j);
        if (fw.successors[j].size() != expected) return "successors of " + std::to_string(j) + " disagree with extends";
        for (int s : fw.successors[j])
            if (!in(s, fw.expectations.size()) || fw.expectations[size_t(s)].extends != int(j)) return "successors of " + std::to_string(j) + " disagree with extends";
    }
    // The lookups find what is there.
    for (size_t l = 0; l < fw.levels.size(); l++)
        if (fw.find_level(fw.levels[l].id) != int(l)) return "find_level disagrees";
    for (size_t i = 0; i < fw.expectations.size(); i++)
        if (fw.find_expectation(fw.expectations[i].id) != int(i)) return "find_expectation disagrees";
    return "";
}

// "" when both frameworks hold the same content (ids, texts, order, links, extends).
inline std::string framework_difference(const cm::Framework& a, const cm::Framework& b) {
    if (a.id != b.id || a.name != b.name || a.organization != b.organization || a.department != b.department ||
        a.summary != b.summary || a.source != b.source || a.version != b.version || a.cumulative != b.cumulative)
        return "framework metadata differs";
    if (a.components.size() != b.components.size()) return "component count differs";
    for (size_t i = 0; i < a.components.size(); i++)
        if (a.components[i].id != b.components[i].id || a.components[i].name != b.components[i].name || a.components[i].description != b.components[i].description)
            return "component " + std::to_string(i) + " differs";
    if (a.areas.size() != b.areas.size()) return "area count differs";
    for (size_t i = 0; i < a.areas.size(); i++) {
        const cm::Area &x = a.areas[i], &y = b.areas[i];
        if (x.id != y.id || x.name != y.name || x.description != y.description || x.kind != y.kind || x.component != y.component)
            return "area " + std::to_string(i) + " differs";
    }
    if (a.levels.size() != b.levels.size()) return "level count differs";
    for (size_t i = 0; i < a.levels.size(); i++) {
        const cm::Level &x = a.levels[i], &y = b.levels[i];
        if (x.id != y.id || x.name != y.name || x.scope != y.scope || x.source != y.source || x.order != y.order || x.published != y.published)
            return "level " + std::to_string(i) + " differs";
    }
    if (a.expectations.size() != b.expectations.size()) return "expectation count differs";
    for (size_t i = 0; i < a.expectations.size(); i++) {
        const cm::Expectation &x = a.expectations[i], &y = b.expectations[i];
        if (x.id != y.id || x.title != y.title || x.text != y.text || x.level != y.level || x.area != y.area || x.extends != y.extends || x.hash != y.hash)
            return "expectation " + std::to_string(i) + " (\"" + x.id + "\") differs";
        if (x.links.size() != y.links.size()) return "links of \"" + x.id + "\" differ";
        for (size_t k = 0; k < x.links.size(); k++)
            if (x.links[k].text != y.links[k].text || x.links[k].url != y.links[k].url) return "links of \"" + x.id + "\" differ";
    }
    return "";
}

// save_framework -> load_framework gives the same framework, and saving that gives the same text.
inline std::string framework_round_trip(const cm::Framework& fw) {
    for (bool hashes : {true, false}) {
        std::string saved = cm::save_framework(fw, hashes);
        cm::Framework again;
        cm::Diagnostics diag;
        diag.file = "saved.json";
        if (!cm::load_framework(saved, &again, &diag)) return "save_framework output does not load: " + diag.to_string();
        if (std::string d = framework_difference(fw, again); !d.empty()) return "save/load round trip: " + d;
        if (cm::save_framework(again, hashes) != saved) return "saving the reloaded framework gives another text";
    }
    return "";
}

//-----------------------------------------------------------------------------
// [SECTION] Export checks (no markup from user text)
//-----------------------------------------------------------------------------

inline std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// plan_html writes a fixed set of elements; any other tag, or a script, came
// from user text that was not escaped. Every href is http(s) or relative.
inline std::string html_check(std::string_view html) {
    static const std::set<std::string> allowed = {"!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1",
                                                  "h2", "p", "main", "section", "ul", "li", "input", "span", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
                                                  "br", "a", "footer", "strong", "nav", "h3", "link"};
    std::string lower = to_lower_ascii(html);
    if (lower.find("<script") != std::string::npos) return "plan_html contains \"<script\"";
    for (size_t i = lower.find('<'); i != std::string::npos; i = lower.find('<', i + 1)) {
        size_t start = i + 1 + (i + 1 < lower.size() && lower[i + 1] == '/');
        size_t end = start;
        while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) || (end == start && lower[end] == '!'))) end++;
        std::string tag = lower.substr(start, end - start);
        if (!allowed.count(tag)) return "plan_html contains an unexpected tag <" + tag + "> at byte " + std::to_string(i);
    }
    for (size_t i = lower.find("href=\""); i != std::string::npos; i = lower.find("href=\"", i + 1)) {
        size_t end = lower.find('"', i + 6);
        std::string url = lower.substr(i + 6, end == std::string::npos ? std::string::npos : end - i - 6);
        size_t colon = url.find(':'), stop = url.find_first_of("/?#");
        bool ok = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 || colon == std::string::npos || (stop != std::string::npos && stop < colon);
        if (!ok) return "plan_html links to \"" + url + "\"";
    }
    return "";
}

// plan_markdown's only headings are its own ("# Growth plan: ", "## <area>",
// "## Notes"); user text never starts a line with '#' or '<' (a heading or raw
// HTML), and carries no '\r' (a line break to CommonMark).
inline std::string markdown_check(std::string_view md) {
    if (md.find('\r') != std::string_view::npos) return "plan_markdown contains a carriage return";
    size_t n = 0;
    for (size_t start = 0; start < md.size(); n++) {
        size_t end = md.find('\n', start);
        if (end == std::string_view::npos) end = md.size();
        std::string_view line = md.substr(start, end - start);
        start = end + 1;
        if (line.empty()) continue;
        if (line[0] == '<') return "plan_markdown line " + std::to_string(n + 1) + " starts with '<'";
        if (line[0] == '#' && !(n == 0 ? line.rfind("# Growth plan: ", 0) == 0 : line.rfind("## ", 0) == 0 && line.size() > 3 && line[3] != '#'))
            return "plan_markdown line " + std::to_string(n + 1) + " is a heading not written by the exporter";
    }
    return "";
}

inline std::string export_checks_with(const cm::Framework& fw, const cm::Plan& plan) {
    std::string on = " (framework \"" + fw.id + "\")";
    if (std::string e = markdown_check(cm::plan_markdown(fw, plan)); !e.empty()) return e + on;
    if (std::string e = html_check(cm::plan_html(fw, plan)); !e.empty()) return e + on;
    // Readiness and the outline account for every item exactly once.
    int counted = 0;
    for (const cm::AreaReadiness& r : cm::readiness(fw, plan)) {
        if (r.area < 0 || size_t(r.area) >= fw.areas.size() || r.not_planned() < 0) return "readiness out of range" + on;
        counted += r.planned.total() + r.other.total();
    }
    if (counted > int(plan.items.size())) return "readiness counts an item twice" + on;
    for (cm::PlanOrder order : {cm::PlanOrder::Handbook, cm::PlanOrder::TargetDate}) {
        std::vector<int> seen(plan.items.size(), 0);
        for (const cm::PlanGroup& g : cm::outline_plan(fw, plan, order)) {
            if (g.counts.total() != int(g.items.size())) return "outline counts differ from its items" + on;
            for (size_t i : g.items) {
                if (i >= plan.items.size()) return "outline index out of range" + on;
                seen[i]++;
            }
        }
        if (std::any_of(seen.begin(), seen.end(), [](int n) { return n != 1; })) return "outline does not hold every item once" + on;
    }
    for (const cm::PlanItem& item : plan.items)
        if (cm::item_summary(item).find('\n') != std::string::npos) return "item summary spans lines" + on;
    return "";
}

inline std::string export_checks(const cm::Plan& plan) {
    static const cm::Framework empty_framework = [] {
        cm::Framework fw;
        fw.index();
        return fw;
    }();
    for (const cm::Framework* fw : {&default_framework(), &tiny_framework(), &empty_framework})
        if (std::string e = export_checks_with(*fw, plan); !e.empty()) return e;
    return "";
}

inline std::string document_usable(const cm::PlanDocument& doc, const char* what);

// What the app does with any framework that loaded: the text version, the
// ladder, comparisons, lineage, and plans (which must be storable: a plan made
// from a valid framework that storage refuses would be lost at the next save).
// Fan-outs are bounded so that one input stays quick.
inline std::string framework_consumers(const cm::Framework& fw) {
    auto in = [&](int e) { return e >= 0 && size_t(e) < fw.expectations.size(); };
    if (std::string e = html_check(cm::framework_html(fw, "https://example.org/app/")); !e.empty()) return "framework_html: " + e.substr(e.find(' ') + 1);
    const int levels = int(std::min<size_t>(fw.levels.size(), 12));
    for (int l = 0; l < levels; l++) {
        std::vector<int> shown = cm::effective_expectations(fw, l);
        std::set<int> once(shown.begin(), shown.end());
        if (once.size() != shown.size()) return "effective_expectations repeats an expectation";
        for (int e : shown) {
            if (!in(e)) return "effective_expectations out of range";
            if (fw.levels[size_t(fw.expectations[size_t(e)].level)].order > fw.levels[size_t(l)].order) return "effective_expectations holds a higher level's expectation";
        }
        for (int other : {0, l > 0 ? l - 1 : 0, levels - 1})
            for (const cm::AreaComparison& a : cm::compare_levels(fw, other, l)) {
                if (a.area < 0 || size_t(a.area) >= fw.areas.size()) return "compare_levels: area out of range";
                for (const cm::ComparedItem& item : a.items)
                    if ((item.lower != -1 && !in(item.lower)) || (item.higher != -1 && !in(item.higher)) || (item.lower == -1 && item.higher == -1))
                        return "compare_levels: item out of range";
            }
    }
    size_t pairs = 0;
    for (int e = 0; e < int(std::min<size_t>(fw.expectations.size(), 200)); e++) {
        std::vector<int> chain = cm::lineage(fw, e);
        if (chain.empty() || chain.back() != e || chain.size() > fw.levels.size()) return "lineage of " + std::to_string(e) + " is wrong";
        for (int d : cm::descendants(fw, e))
            if (!in(d) || fw.levels[size_t(fw.expectations[size_t(d)].level)].order <= fw.levels[size_t(fw.expectations[size_t(e)].level)].order) return "descendants of " + std::to_string(e) + " are wrong";
        const cm::Expectation& x = fw.expectations[size_t(e)];
        if (x.extends >= 0 && pairs++ < 50) {
            const std::string& after = x.text;
            uint32_t last = 0;
            for (const cm::TextRange& r : cm::added_words(fw.expectations[size_t(x.extends)].text, after)) {
                if (r.begin >= r.end || r.end > after.size() || r.begin < last) return "added_words ranges out of order or range";
                last = r.end;
            }
        }
    }
    // The ladder, unfiltered and searched for the first word of the first text.
    cm::ViewState view;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            if (fw.expectations.empty()) break;
            view.search = fw.expectations[0].text.substr(0, fw.expectations[0].text.find(' '));
            view.only_new = true;
        }
        cm::LadderContent ladder = cm::query_ladder(fw, cm::make_filter(fw, view));
        if (ladder.cells.size() != ladder.levels.size() * ladder.areas.size()) return "query_ladder: cells of the wrong size";
        for (const cm::Cell& c : ladder.cells)
            for (const cm::CellEntry& entry : c.entries) {
                if (!in(entry.expectation)) return "query_ladder: expectation out of range";
                const cm::Expectation& x = fw.expectations[size_t(entry.expectation)];
                for (const auto* ranges : {&entry.text_matches, &entry.title_matches})
                    for (const cm::TextRange& r : *ranges)
                        if (r.begin > r.end || r.end > (ranges == &entry.text_matches ? x.text.size() : x.title.size())) return "query_ladder: match out of range";
            }
    }
    // Plans for each target level (from nothing and from the level below) store and export.
    cm::PlanDocument doc;
    for (int l = 0; l < levels; l++) {
        cm::Plan plan = cm::make_plan(fw, "Plan", l > 0 ? fw.levels[size_t(l - 1)].id : "", fw.levels[size_t(l)].id, kNow, "plan-" + std::to_string(l));
        if (std::string e = export_checks_with(fw, plan); !e.empty()) return "a plan made from this framework: " + e;
        doc.plans.push_back(std::move(plan));
    }
    return document_usable(doc, "plans made from this framework");
}

//-----------------------------------------------------------------------------
// [SECTION] fuzz_framework_load
//-----------------------------------------------------------------------------

// A framework file: on success, no problem reported, the model's invariants
// hold, and save/load is a faithful round trip. On failure, at least one problem.
inline std::string check_framework_load(std::string_view input) {
    cm::Framework fw;
    cm::Diagnostics diag;
    diag.file = "fuzz.json";
    bool ok = cm::load_framework(input, &fw, &diag);
    if (!ok) return diag.ok() ? "load_framework failed without reporting a problem" : "";
    if (!diag.ok()) return "load_framework succeeded but reported: " + diag.to_string();
    if (std::string e = framework_invariants(fw); !e.empty()) return "loaded framework: " + e;
    if (std::string e = framework_round_trip(fw); !e.empty()) return e;
    return framework_consumers(fw);
}

//-----------------------------------------------------------------------------
// [SECTION] fuzz_plan_decode
//-----------------------------------------------------------------------------

// encode_plans(doc) decodes back to Ok and to the same document.
inline std::string document_usable(const cm::PlanDocument& doc, const char* what) {
    std::string encoded = cm::encode_plans(doc);
    cm::DecodeResult again = cm::decode_plans(encoded, nullptr);
    if (again.status != cm::DecodeStatus::Ok) return std::string(what) + ": encode_plans output decodes as " + cm::decode_status_name(again.status) + ": " + again.reason;
    if (!(again.document == doc)) return std::string(what) + ": encode_plans output decodes to another document";
    return "";
}

inline bool held_somewhere(cm::MemoryStore& kv, const std::string& raw) {
    for (const auto& [key, value] : kv.items)
        if (value == raw && (key == cm::kPlansKey || key.rfind(cm::kBackupKeyPrefix, 0) == 0)) return true;
    return false;
}

// PlanStore::load on a store holding `input`, then a save: the outcome's
// document is always usable, and a value that was not loaded as is stays
// stored (main key or a backup) until a save has verifiably replaced it.
inline std::string store_checks(std::string_view input, const cm::Framework* fw, bool tight_quota) {
    const std::string raw(input);
    cm::MemoryStore kv;
    kv.items[cm::kPlansKey] = raw;
    if (tight_quota) kv.quota_bytes = kv.used_bytes() + 16;  // room for no backup, nor a larger document
    cm::PlanStore store(kv);
    cm::LoadOutcome o = store.load(fw, kNow);
    std::string what = std::string("load (") + cm::load_status_name(o.status) + (tight_quota ? ", tight quota)" : ")");
    if (std::string e = document_usable(o.document, what.c_str()); !e.empty()) return e;
    switch (o.status) {
    case cm::LoadStatus::Empty:
    case cm::LoadStatus::Unavailable:
        return what + ": impossible status for a stored value";
    case cm::LoadStatus::Loaded:
        if (kv.items[cm::kPlansKey] != raw) return what + ": the stored value changed";
        break;
    case cm::LoadStatus::Migrated: {
        cm::DecodeResult stored = cm::decode_plans(kv.items[cm::kPlansKey], nullptr);
        if (stored.status != cm::DecodeStatus::Ok || !(stored.document == o.document)) return what + ": the migrated document is not what is stored";
        if (!store.backups().empty()) return what + ": a backup was left behind";
        break;
    }
    case cm::LoadStatus::MigratedNotSaved:
    case cm::LoadStatus::Corrupt:
    case cm::LoadStatus::Foreign:
    case cm::LoadStatus::Newer:
        if (o.raw != raw) return what + ": raw is not the stored text";
        if (!held_somewhere(kv, raw)) return what + ": the stored text was lost";
        if (!o.backup_key.empty() && kv.items[o.backup_key] != raw) return what + ": backup_key does not hold the stored text";
        if (o.status != cm::LoadStatus::MigratedNotSaved && !o.read_only && kv.items.count(cm::kPlansKey)) return what + ": writable, but the value is still under the main key";
        if (o.read_only && kv.items[cm::kPlansKey] != raw) return what + ": read-only, but the main key changed";
        if (!(o.status == cm::LoadStatus::MigratedNotSaved) && !(o.document == cm::PlanDocument{})) return what + ": the document is not empty";
        break;
    }
    if (o.read_only) return "";

    // A save of what was loaded, as the app would do after an edit.
    cm::PlanDocument doc = o.document;
    cm::PlanDocument before = doc;
    cm::SaveOutcome s = store.save(&doc, kNow + 1000);
    what += std::string(", save (") + cm::save_status_name(s.status) + ")";
    if (s.status == cm::SaveStatus::Saved) {
        cm::PlanStore other(kv);
        cm::LoadOutcome again = other.load(fw, kNow + 2000);
        if (again.status != cm::LoadStatus::Loaded || !(again.document == doc)) return what + ": the saved document does not load back (" + cm::load_status_name(again.status) + ")";
    } else {
        if (!(doc == before)) return what + ": a failed save changed the document";
        bool must_keep = o.status != cm::LoadStatus::Loaded && o.status != cm::LoadStatus::Migrated;
        if (must_keep && !held_somewhere(kv, raw)) return what + ": the stored text was lost by a failed save";
    }
    return "";
}

// Another tab: this tab saved a document of its own, then `input` was stored
// over it. A save must not overwrite it unless it is a current document at this
// tab's revision (compare-and-swap); "keep mine" (save_overwriting) must first
// keep a value that is not a current document of ours in a verified backup; a
// save that fails leaves the stored value as it was.
inline std::string other_tab_checks(std::string_view input, bool tight_quota) {
    const std::string raw(input);
    std::string what = tight_quota ? "another tab's value (tight quota): " : "another tab's value: ";
    cm::MemoryStore kv;
    cm::PlanStore store(kv);
    cm::PlanDocument mine;
    mine.plans.push_back(cm::make_plan(tiny_framework(), "Mine", "a.", "b", kNow, "plan-mine"));
    mine.active_plan = "plan-mine";
    if (store.save(&mine, kNow).status != cm::SaveStatus::Saved) return what + "the first save failed";
    kv.items[cm::kPlansKey] = raw;
    if (tight_quota) kv.quota_bytes = kv.used_bytes() + 16;
    cm::DecodeResult stored = cm::decode_plans(raw, nullptr);
    bool ours = stored.status == cm::DecodeStatus::Ok && stored.document.revision == mine.revision;

    cm::PlanDocument copy = mine;
    cm::SaveOutcome s = store.save(&copy, kNow + 1000);
    what += std::string("save (") + cm::save_status_name(s.status) + "): ";
    if (s.status == cm::SaveStatus::Saved && !ours) return what + "overwrote a value that is not this tab's revision";
    if (s.status != cm::SaveStatus::Saved) {
        if (!(copy == mine)) return what + "a failed save changed the document";
        if (kv.items[cm::kPlansKey] != raw) return what + "a failed save changed the stored value";
        if (!ours && s.status != cm::SaveStatus::Conflict) return what + "not a conflict";
        if (s.status == cm::SaveStatus::Conflict && s.stored_status != stored.status) return what + "the conflict misreports the stored value";
        if (s.status == cm::SaveStatus::Conflict && stored.status == cm::DecodeStatus::Ok && !(s.stored == stored.document)) return what + "the conflict misreports the stored document";
    }

    cm::PlanDocument before = copy;
    cm::SaveOutcome o = store.save_overwriting(&copy, kNow + 2000);
    what += std::string("save_overwriting (") + cm::save_status_name(o.status) + "): ";
    if (stored.status != cm::DecodeStatus::Ok && s.status != cm::SaveStatus::Saved && !held_somewhere(kv, raw)) return what + "a value that was not ours was lost";
    if (!o.backup_key.empty() && kv.items[o.backup_key] != raw) return what + "backup_key does not hold the value";
    if (o.status == cm::SaveStatus::Saved) {
        if (stored.status == cm::DecodeStatus::Ok && copy.revision <= stored.document.revision) return what + "the revision did not move past the stored one";
        cm::PlanStore other(kv);
        cm::LoadOutcome again = other.load(nullptr, kNow + 3000);
        if (again.status != cm::LoadStatus::Loaded || !(again.document == copy)) return what + "the saved document does not load back";
    } else if (!(copy == before)) {
        return what + "a failed save changed the document";
    }
    return "";
}

// decode_plans with and without a framework, then the store with an ample and a tight quota.
inline std::string check_plan_decode(std::string_view input) {
    for (const cm::Framework* fw : {static_cast<const cm::Framework*>(nullptr), &default_framework()}) {
        cm::DecodeResult d = cm::decode_plans(input, fw);
        std::string what = std::string("decode_plans (") + cm::decode_status_name(d.status) + (fw ? ", with a framework)" : ")");
        switch (d.status) {
        case cm::DecodeStatus::Ok:
        case cm::DecodeStatus::Migrated:
            if (d.version != (d.status == cm::DecodeStatus::Ok ? cm::kPlansVersion : 1)) return what + ": wrong version " + std::to_string(d.version);
            if (std::string e = document_usable(d.document, what.c_str()); !e.empty()) return e;
            break;
        default:
            if (!(d.document == cm::PlanDocument{})) return what + ": a refused document is not empty";
            if (d.reason.empty()) return what + ": no reason given";
            if (d.status == cm::DecodeStatus::Newer && d.version <= cm::kPlansVersion) return what + ": newer, but version " + std::to_string(d.version);
        }
    }
    if (std::string e = store_checks(input, &default_framework(), false); !e.empty()) return e;
    if (std::string e = store_checks(input, nullptr, true); !e.empty()) return e;
    if (std::string e = other_tab_checks(input, false); !e.empty()) return e;
    return other_tab_checks(input, true);
}

//-----------------------------------------------------------------------------
// [SECTION] fuzz_plan_import
//-----------------------------------------------------------------------------

// An imported file gives plans only when it has no problem; each plan exports
// and imports back as itself, and its Markdown and HTML carry no markup from user text.
inline std::string check_plan_import(std::string_view input) {
    for (const cm::Framework* fw : {static_cast<const cm::Framework*>(nullptr), &default_framework()}) {
        cm::ImportPlanResult r = cm::import_plan_json(input, fw, "fuzz.json");
        if (!r.ok()) {
            if (!r.plans.empty()) return "import refused the file but returned plans";
            continue;
        }
        if (r.plans.size() > cm::kMaxPlans) return "import returned more plans than the limit";
        for (const cm::Plan& plan : r.plans) {
            std::string json = cm::plan_export_json(plan, default_framework(), kNow);
            cm::ImportPlanResult back = cm::import_plan_json(json, fw, "export.json");
            if (!back.ok()) return "an exported plan does not import: " + back.diagnostics.to_string();
            if (back.plans.size() != 1 || !(back.plans[0] == plan)) return "an exported plan imports as another plan";
            if (std::string e = export_checks(plan); !e.empty()) return e;
        }
    }
    return "";
}

//-----------------------------------------------------------------------------
// [SECTION] fuzz_handbook_import
//-----------------------------------------------------------------------------

// The input is a small handbook checkout, its files separated by kSeparator:
// the department's _index.md, then the pages of kLevelPages (in that order),
// then the included files, served in the order the importer first asks for a
// path that is none of the above. A file whose text is exactly "!fail" cannot
// be read; one whose text is exactly "!missing" does not exist.
inline constexpr std::string_view kSeparator = "\n@@@\n";
inline constexpr const char* kDepartment = "platform";
inline constexpr const char* kLevelPages[] = {"associate", "intermediate", "senior", "staff", "principal"};

inline std::vector<std::string_view> split_files(std::string_view input) {
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        size_t at = input.find(kSeparator, start);
        parts.push_back(input.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) break;
        start = at + kSeparator.size();
    }
    return parts;
}

struct FakeCheckout {
    std::map<std::string, std::string> files;  // path -> text ("!fail": unreadable, "!missing": absent)
    std::vector<std::string> includes;          // served in order of first request
    size_t next_include = 0;
    std::map<std::string, std::string> served;  // include path -> text given

    explicit FakeCheckout(std::string_view input) {
        std::vector<std::string_view> parts = split_files(input);
        std::string dir = std::string("content/handbook/engineering/careers/matrix/") + kDepartment + "/";
        files[dir + "_index.md"] = std::string(parts[0]);
        size_t i = 1;
        for (const char* level : kLevelPages)
            if (i < parts.size()) files[dir + level + ".md"] = std::string(parts[i++]);
        for (; i < parts.size(); i++) includes.emplace_back(parts[i]);
    }

    cm::ReadStatus read(const std::string& path, std::string* text) {
        auto give = [&](const std::string& t) {
            if (t == "!fail") return cm::ReadStatus::Failed;
            if (t == "!missing") return cm::ReadStatus::Missing;
            *text = t;
            return cm::ReadStatus::Ok;
        };
        if (auto it = files.find(path); it != files.end()) return give(it->second);
        if (auto it = served.find(path); it != served.end()) return give(it->second);
        if (path.find("/careers/matrix/") != std::string::npos || next_include >= includes.size()) return cm::ReadStatus::Missing;
        served[path] = includes[next_include++];
        return give(served[path]);
    }
};

inline bool import_fake(std::string_view input, const cm::Framework* previous, cm::ImportResult* out) {
    FakeCheckout checkout(input);
    cm::ImportOptions opt;
    opt.handbook_root = "/nonexistent";
    opt.department = kDepartment;
    opt.previous = previous;
    opt.read = [&](const std::string& path, std::string* text) { return checkout.read(path, text); };
    return cm::import_handbook(opt, out);
}

// On success the framework satisfies the model's invariants and loads after
// save_framework; a second import given the first as `previous` keeps every id.
// On failure, at least one problem says why.
inline std::string check_handbook_import(std::string_view input) {
    cm::ImportResult r;
    if (!import_fake(input, nullptr, &r)) return r.problems.empty() ? "import_handbook failed without a problem" : "";
    for (const cm::ImportProblem& p : r.problems)
        if (p.message.empty()) return "a problem without a message";
    if (std::string e = framework_invariants(r.framework); !e.empty()) return "imported framework: " + e;
    if (std::string e = framework_round_trip(r.framework); !e.empty()) return "imported framework: " + e;
    if (std::string e = framework_consumers(r.framework); !e.empty()) return "imported framework: " + e;
    cm::ImportResult again;
    if (!import_fake(input, &r.framework, &again)) return "a second import, with the first as previous, failed";
    if (std::string d = framework_difference(r.framework, again.framework); !d.empty()) return "a second import, with the first as previous, differs: " + d;
    return "";
}

//-----------------------------------------------------------------------------
// [SECTION] fuzz_view_hash
//-----------------------------------------------------------------------------

inline std::string view_state_valid(const cm::ViewState& v, const cm::Framework& fw) {
    int last = -1;
    for (const std::string& id : v.levels) {
        int l = fw.find_level(id);
        if (l < 0) return "unknown level \"" + id + "\" kept";
        if (l <= last) return "levels not in ladder order or repeated";
        last = l;
    }
    if (!v.levels.empty() && v.levels.size() == fw.levels.size()) return "every level listed (the default is none)";
    std::set<std::string> seen;
    for (const std::string& id : v.areas)
        if (fw.find_area(id) < 0 || !seen.insert(id).second) return "unknown or repeated area \"" + id + "\" kept";
    seen.clear();
    for (const std::string& id : v.components)
        if (fw.find_component(id) < 0 || !seen.insert(id).second) return "unknown or repeated component \"" + id + "\" kept";
    for (const std::string* id : {&v.compare_from, &v.compare_to})
        if (!id->empty() && fw.find_level(*id) < 0) return "unknown compared level \"" + *id + "\" kept";
    if (!v.selected.empty() && fw.find_expectation(v.selected) < 0) return "unknown expectation \"" + v.selected + "\" kept";
    if (v.search.size() > 200) return "search longer than 200 bytes";
    return "";
}

// parse_view_hash keeps only ids that exist; format(parse(x)) is a fixed point:
// it parses back to the same state without a warning, and formats to itself.
inline std::string check_view_hash(std::string_view input) {
    for (const cm::Framework* fw : {&default_framework(), &tiny_framework()}) {
        std::string on = " (framework \"" + fw->id + "\")";
        std::vector<std::string> warnings;
        cm::ViewState v = cm::parse_view_hash(input, *fw, &warnings);
        if (warnings.size() > 20) return "more than 20 warnings" + on;
        if (std::string e = view_state_valid(v, *fw); !e.empty()) return e + on;
        std::string hash = cm::format_view_hash(v, *fw);
        if (hash.size() > cm::kMaxHashBytes) return "format_view_hash wrote more than kMaxHashBytes" + on;
        std::vector<std::string> again_warnings;
        cm::ViewState again = cm::parse_view_hash("#" + hash, *fw, &again_warnings);
        if (!(again == v)) return "parse(format(parse(x))) != parse(x) for \"" + hash + "\"" + on;
        if (!again_warnings.empty()) return "a formatted hash \"" + hash + "\" parses with a warning: " + again_warnings[0] + on;
        if (cm::format_view_hash(again, *fw) != hash) return "format is not a fixed point for \"" + hash + "\"" + on;
    }
    return "";
}

}  // namespace cm_fuzz

namespace cm_fuzz {

// The body of every LLVMFuzzerTestOneInput: a failed check aborts, so libFuzzer
// keeps the input as a crash (with the reason on stderr).
inline int run_target(std::string (*check)(std::string_view), const uint8_t* data, size_t size) {
    std::string failure = check(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!failure.empty()) {
        std::fprintf(stderr, "fuzz: check failed: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}

}  // namespace cm_fuzz
