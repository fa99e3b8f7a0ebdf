#include "framework_load.h"

#include "stable_sort.h"
#include "url_policy.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>
#include <unordered_map>

namespace cm {

using OJson = nlohmann::ordered_json;  // keeps fields in the documented order when writing

bool is_valid_id(std::string_view id, size_t max_len) {
    if (id.empty() || id.size() > max_len) return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(id[0]) || id.find("..") != std::string_view::npos) return false;  // ".." writes a range in links
    return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

namespace {

struct Loader {
    const FrameworkLimits& lim;
    Diagnostics* diag;
    std::unordered_map<std::string, std::string> ids_seen;  // id namespace key -> first pointer

    // Reads a required id and checks it is well formed and unique within `space`.
    bool read_id(ObjectReader& r, const char* key, std::string_view space, std::string* out) {
        if (!r.string(key, out, true, lim.id_len)) return false;
        if (!is_valid_id(*out, lim.id_len)) {
            diag->add(r.at(key), "\"" + *out + "\" is not a valid id (lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, no \"..\")");
            return false;
        }
        auto [it, inserted] = ids_seen.emplace(std::string(space) + ":" + *out, r.at(key));
        if (!inserted) {
            diag->add(r.at(key), "duplicate id \"" + *out + "\" (first used at " + it->second + ")");
            return false;
        }
        return true;
    }

    template <typename F>
    void each(const Json* array, const std::string& pointer, F&& f) {
        if (!array) return;
        for (size_t i = 0; i < array->size(); i++) {
            ObjectReader r((*array)[i], pointer + "/" + std::to_string(i), diag);
            if (r.valid()) f(r, i);
        }
    }
};

struct RawArea {
    Area area;
    std::string component;
    std::string pointer;
};

struct RawExpectation {
    Expectation e;
    std::string level, area, extends, pointer;
    bool area_is_dimension = true;
    bool has_hash = false;
    uint64_t stated_hash = 0;
    size_t file_order = 0;
};

}  // namespace

bool load_framework(std::string_view text, Framework* out, Diagnostics* diag, const FrameworkLimits& lim) {
    Json doc;
    if (!parse_untrusted_json(text, lim.json, &doc, diag)) return false;
    size_t problems_before = diag->count;
    Loader L{lim, diag, {}};
    Framework fw;

    ObjectReader root(doc, "", diag);
    if (!root.valid()) return false;
    std::string format;
    long long version = 0;
    if (root.string("format", &format, true, 64) && format != "career-framework")
        diag->add(root.at("format"), "expected \"career-framework\", found \"" + format + "\"");
    if (root.integer("formatVersion", &version, true, 1, 1000000) && version != 1)
        diag->add(root.at("formatVersion"), "this file is format version " + std::to_string(version) + "; this app reads version 1");
    std::string schema;  // editors' hint; its value does not matter here
    root.string("$schema", &schema, false, lim.url_len);

    if (const Json* meta = root.object("framework", true)) {
        ObjectReader r(*meta, "/framework", diag);
        L.read_id(r, "id", "framework", &fw.id);
        r.string("name", &fw.name, true, lim.name_len);
        r.string("organization", &fw.organization, false, lim.name_len);
        r.string("department", &fw.department, false, lim.name_len);
        r.string("summary", &fw.summary, false, lim.text_len);
        r.string("notice", &fw.notice, false, lim.text_len);
        r.string("version", &fw.version, true, lim.name_len);
        r.boolean("cumulative", &fw.cumulative, true);
        if (r.string("source", &fw.source, false, lim.url_len) && !is_framework_link(fw.source))
            diag->add(r.at("source"), "must be an http(s) URL or a path starting with /");
        r.finish();
    }

    L.each(root.array("components", true, lim.max_components), "/components", [&](ObjectReader& r, size_t) {
        Component c;
        L.read_id(r, "id", "component", &c.id);
        r.string("name", &c.name, true, lim.name_len);
        r.string("description", &c.description, false, lim.text_len);
        r.finish();
        fw.components.push_back(std::move(c));
    });

    std::vector<RawArea> areas;
    auto read_areas = [&](const char* key, AreaKind kind) {
        std::string pointer = std::string("/") + key;
        L.each(root.array(key, kind == AreaKind::Dimension, lim.max_areas), pointer, [&](ObjectReader& r, size_t) {
            RawArea a;
            a.area.kind = kind;
            a.pointer = r.pointer();
            L.read_id(r, "id", "area", &a.area.id);
            r.string("name", &a.area.name, true, lim.name_len);
            r.string("description", &a.area.description, false, lim.text_len);
            r.string("component", &a.component, true, lim.id_len);
            r.finish();
            areas.push_back(std::move(a));
        });
    };
    read_areas("dimensions", AreaKind::Dimension);
    read_areas("sections", AreaKind::Section);

    auto read_links = [&](ObjectReader& r, std::vector<Link>* links) {
        L.each(r.array("links", false, lim.max_links), r.at("links"), [&](ObjectReader& lr, size_t) {
            Link link;
            lr.string("text", &link.text, true, lim.name_len);
            if (lr.string("url", &link.url, true, lim.url_len) && !is_framework_link(link.url))
                diag->add(lr.at("url"), "\"" + link.url + "\" must be an http(s) URL or a path starting with /");
            lr.finish();
            links->push_back(std::move(link));
        });
    };

    struct RawScope {
        std::string section, pointer;
        size_t level = 0;
    };
    std::vector<RawScope> raw_scopes;  // resolved once the areas are known
    std::vector<std::pair<Level, std::string>> levels;  // with pointer
    L.each(root.array("levels", true, lim.max_levels), "/levels", [&](ObjectReader& r, size_t) {
        Level l;
        long long order = 0;
        L.read_id(r, "id", "level", &l.id);
        r.string("name", &l.name, true, lim.name_len);
        if (r.integer("order", &order, true, -1000000, 1000000)) l.order = int(order);
        r.string("scope", &l.scope, true, lim.text_len);
        r.boolean("published", &l.published, true);
        if (r.string("source", &l.source, false, lim.url_len) && !is_framework_link(l.source))
            diag->add(r.at("source"), "must be an http(s) URL or a path starting with /");
        read_links(r, &l.links);
        L.each(r.array("sectionScopes", false, lim.max_areas), r.at("sectionScopes"), [&](ObjectReader& sr, size_t) {
            RawScope raw_scope{"", sr.pointer(), levels.size()};
            SectionScope s;
            sr.string("section", &raw_scope.section, true, lim.id_len);
            sr.string("text", &s.text, true, lim.text_len);
            read_links(sr, &s.links);
            sr.finish();
            l.section_scopes.push_back(std::move(s));
            raw_scopes.push_back(std::move(raw_scope));
        });
        r.finish();
        levels.emplace_back(std::move(l), r.pointer());
    });

    std::vector<RawExpectation> raw;
    L.each(root.array("expectations", true, lim.max_expectations), "/expectations", [&](ObjectReader& r, size_t i) {
        RawExpectation x;
        x.pointer = r.pointer();
        x.file_order = i;
        L.read_id(r, "id", "expectation", &x.e.id);
        r.string("level", &x.level, true, lim.id_len);
        bool has_dimension = r.has("dimension"), has_section = r.has("section");
        if (has_dimension == has_section)
            diag->add(r.pointer(), has_dimension ? "has both \"dimension\" and \"section\"; give exactly one"
                                                 : "missing \"dimension\" or \"section\"");
        x.area_is_dimension = has_dimension;
        r.string(has_dimension ? "dimension" : "section", &x.area, false, lim.id_len);
        // Mark "section" as read so finish() does not call it unknown. Read into a
        // scratch string: reading into x.area replaced the dimension with the section
        // id and added a second, wrong problem ("no dimension with id <section>").
        std::string ignored;
        if (has_dimension && has_section) r.string("section", &ignored, false, lim.id_len);
        r.string("title", &x.e.title, false, lim.name_len);
        r.string("text", &x.e.text, true, lim.text_len);
        r.string("extends", &x.extends, false, lim.id_len);
        std::string hash;
        if (r.string("hash", &hash, false, 64)) {
            x.has_hash = hash_from_hex(hash, &x.stated_hash);
            if (!x.has_hash) diag->add(r.at("hash"), "expected 16 lower-case hex digits");
        }
        read_links(r, &x.e.links);
        r.finish();
        raw.push_back(std::move(x));
    });
    root.finish();

    // Section scopes name a section, once per level; resolved before the levels are sorted.
    {
        std::vector<size_t> next(levels.size(), 0);
        for (const RawScope& s : raw_scopes) {
            Level& l = levels[s.level].first;
            SectionScope& scope = l.section_scopes[next[s.level]++];
            int area = -1;
            for (size_t i = 0; i < areas.size() && area < 0; i++)
                if (areas[i].area.id == s.section) area = int(i);
            if (!s.section.empty() && (area < 0 || areas[size_t(area)].area.kind != AreaKind::Section))
                diag->add(s.pointer + "/section", "no section with id \"" + s.section + "\"");
            else if (area >= 0 && l.section_scope(area))
                diag->add(s.pointer + "/section", "level \"" + l.id + "\" already has a scope for section \"" + s.section + "\"");
            scope.area = area;
        }
        for (auto& l : levels) {
            auto& scopes = l.first.section_scopes;
            cm::stable_sort(scopes, [](const SectionScope& a, const SectionScope& b) { return a.area < b.area; });
        }
    }

    // Levels: sorted by order, which must be unique.
    cm::stable_sort(levels, [](auto& a, auto& b) { return a.first.order < b.first.order; });
    for (size_t i = 1; i < levels.size(); i++)
        if (levels[i].first.order == levels[i - 1].first.order)
            diag->add(levels[i].second + "/order", "order " + std::to_string(levels[i].first.order) + " is also used by level \"" + levels[i - 1].first.id + "\"");
    for (auto& l : levels) fw.levels.push_back(std::move(l.first));

    // Areas: resolve components; dimensions stay before sections.
    std::vector<bool> component_used(fw.components.size(), false);
    for (RawArea& a : areas) {
        a.area.component = fw.find_component(a.component);
        if (a.area.component < 0 && !a.component.empty())
            diag->add(a.pointer + "/component", "no component with id \"" + a.component + "\"");
        else if (a.area.component >= 0)
            component_used[size_t(a.area.component)] = true;
        fw.areas.push_back(std::move(a.area));
    }
    for (size_t c = 0; c < fw.components.size(); c++)
        if (!component_used[c])
            diag->add("/components/" + std::to_string(c), "component \"" + fw.components[c].id + "\" has no dimensions or sections");

    // Expectations: resolve level and area, then sort by level and area (stable: file order within a cell).
    IdIndex level_index, area_index;
    // emplace: with a duplicate id (already reported) references go to the first
    // one, so a dimension shadowed by a section of the same id, or a level by a
    // later level, does not add wrong "no dimension" or "not below" problems.
    for (size_t i = 0; i < fw.levels.size(); i++) level_index.emplace(fw.levels[i].id, int(i));
    for (size_t i = 0; i < fw.areas.size(); i++) area_index.emplace(fw.areas[i].id, int(i));
    for (RawExpectation& x : raw) {
        if (!x.level.empty()) {
            auto it = level_index.find(x.level);
            if (it == level_index.end()) diag->add(x.pointer + "/level", "no level with id \"" + x.level + "\"");
            else {
                x.e.level = it->second;
                if (!fw.levels[size_t(x.e.level)].published)
                    diag->add(x.pointer + "/level", "level \"" + x.level + "\" is marked unpublished and cannot have expectations");
            }
        }
        if (!x.area.empty()) {
            const char* key = x.area_is_dimension ? "dimension" : "section";
            auto it = area_index.find(x.area);
            AreaKind want = x.area_is_dimension ? AreaKind::Dimension : AreaKind::Section;
            if (it == area_index.end() || fw.areas[size_t(it->second)].kind != want)
                diag->add(x.pointer + "/" + key, std::string("no ") + key + " with id \"" + x.area + "\"");
            else x.e.area = it->second;
        }
        x.e.hash = content_hash(x.e.text);
        if (x.has_hash && x.stated_hash != x.e.hash)
            diag->add(x.pointer + "/hash", "does not match the text (its hash is " + hash_to_hex(x.e.hash) + "); the text changed after the hash was written");
    }
    // No early return here: `extends` is checked even when problems were found
    // above, so that every problem is reported at once (data/README.md). Those
    // checks skip expectations whose level or area did not resolve.

    cm::stable_sort(raw, [](const RawExpectation& a, const RawExpectation& b) {
        return a.e.level != b.e.level ? a.e.level < b.e.level : a.e.area < b.e.area;
    });
    IdIndex expectation_index;
    for (size_t i = 0; i < raw.size(); i++) expectation_index.emplace(raw[i].e.id, int(i));  // first wins, as above
    for (RawExpectation& x : raw) {
        if (x.extends.empty() || x.e.level < 0 || x.e.area < 0) continue;  // already reported
        auto it = expectation_index.find(x.extends);
        if (it == expectation_index.end()) {
            diag->add(x.pointer + "/extends", "no expectation with id \"" + x.extends + "\"");
            continue;
        }
        const Expectation& base = raw[size_t(it->second)].e;
        if (base.level < 0 || base.area < 0) continue;  // its own problem is reported
        if (fw.levels[size_t(base.level)].order >= fw.levels[size_t(x.e.level)].order)
            diag->add(x.pointer + "/extends", "\"" + x.extends + "\" is at level \"" + fw.levels[size_t(base.level)].id + "\", not below \"" + fw.levels[size_t(x.e.level)].id + "\"");
        else if (base.area != x.e.area)
            diag->add(x.pointer + "/extends", "\"" + x.extends + "\" is in \"" + fw.areas[size_t(base.area)].id + "\", not in \"" + fw.areas[size_t(x.e.area)].id + "\"");
        else x.e.extends = it->second;
    }
    if (diag->count > problems_before) return false;

    fw.expectations.reserve(raw.size());
    for (RawExpectation& x : raw) fw.expectations.push_back(std::move(x.e));
    fw.index();
    *out = std::move(fw);
    return true;
}

bool load_framework_file(const std::string& path, Framework* out, Diagnostics* diag, bool* unreadable, const FrameworkLimits& limits) {
    size_t slash = path.find_last_of('/');
    diag->file = slash == std::string::npos ? path : path.substr(slash + 1);
    if (unreadable) *unreadable = false;
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        if (unreadable) *unreadable = true;
        diag->add("", "cannot read the file");
        return false;
    }
    std::ostringstream text;
    text << f.rdbuf();
    return load_framework(text.str(), out, diag, limits);
}

namespace {
OJson links_json(const std::vector<Link>& links) {
    OJson out = OJson::array();
    for (const Link& l : links) out.push_back({{"text", l.text}, {"url", l.url}});
    return out;
}
}  // namespace

std::string save_framework(const Framework& fw, bool with_hashes) {
    OJson j;
    j["format"] = "career-framework";
    j["formatVersion"] = 1;
    OJson meta;
    meta["id"] = fw.id;
    meta["name"] = fw.name;
    if (!fw.organization.empty()) meta["organization"] = fw.organization;
    if (!fw.department.empty()) meta["department"] = fw.department;
    if (!fw.summary.empty()) meta["summary"] = fw.summary;
    if (!fw.notice.empty()) meta["notice"] = fw.notice;
    if (!fw.source.empty()) meta["source"] = fw.source;
    meta["version"] = fw.version;
    meta["cumulative"] = fw.cumulative;
    j["framework"] = std::move(meta);
    OJson components = OJson::array(), dimensions = OJson::array(), sections = OJson::array(), levels = OJson::array(), expectations = OJson::array();
    for (const Component& c : fw.components) {
        OJson o{{"id", c.id}, {"name", c.name}};
        if (!c.description.empty()) o["description"] = c.description;
        components.push_back(std::move(o));
    }
    for (const Area& a : fw.areas) {
        OJson o{{"id", a.id}, {"name", a.name}};
        if (!a.description.empty()) o["description"] = a.description;
        o["component"] = fw.components[size_t(a.component)].id;
        (a.kind == AreaKind::Dimension ? dimensions : sections).push_back(std::move(o));
    }
    for (const Level& l : fw.levels) {
        OJson o{{"id", l.id}, {"name", l.name}, {"order", l.order}, {"scope", l.scope}, {"published", l.published}};
        if (!l.source.empty()) o["source"] = l.source;
        if (!l.links.empty()) o["links"] = links_json(l.links);
        if (!l.section_scopes.empty()) {
            OJson scopes = OJson::array();
            for (const SectionScope& s : l.section_scopes) {
                OJson so{{"section", fw.areas[size_t(s.area)].id}, {"text", s.text}};
                if (!s.links.empty()) so["links"] = links_json(s.links);
                scopes.push_back(std::move(so));
            }
            o["sectionScopes"] = std::move(scopes);
        }
        levels.push_back(std::move(o));
    }
    for (const Expectation& e : fw.expectations) {
        const Area& a = fw.areas[size_t(e.area)];
        OJson o{{"id", e.id}, {"level", fw.levels[size_t(e.level)].id}};
        o[a.kind == AreaKind::Dimension ? "dimension" : "section"] = a.id;
        if (e.extends >= 0) o["extends"] = fw.expectations[size_t(e.extends)].id;
        if (!e.title.empty()) o["title"] = e.title;
        o["text"] = e.text;
        if (with_hashes) o["hash"] = hash_to_hex(content_hash(e.text));
        if (!e.links.empty()) o["links"] = links_json(e.links);
        expectations.push_back(std::move(o));
    }
    j["components"] = std::move(components);
    j["dimensions"] = std::move(dimensions);
    if (!sections.empty()) j["sections"] = std::move(sections);
    j["levels"] = std::move(levels);
    j["expectations"] = std::move(expectations);
    return j.dump(2, ' ', false, OJson::error_handler_t::replace) + "\n";
}

}  // namespace cm
