// Career Matrix core: the framework model.
// A framework is components, areas (growth dimensions and other sections of a
// component), ordered levels and the expectations of each level. Everything
// refers to everything else by index once loaded; ids are kept for links,
// saved plans and the URL.
//
// The on-disk format is documented in data/README.md; framework_load.h reads it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cm {

struct Link {
    std::string text;
    std::string url;
    bool operator==(const Link&) const = default;
};

struct Component {
    std::string id, name, description;
    bool operator==(const Component&) const = default;
};

// A column of the ladder: a growth dimension, or a section of a component
// (leadership competencies, company values...). Both kinds share one id space.
enum class AreaKind : uint8_t { Dimension, Section };

struct Area {
    AreaKind kind = AreaKind::Dimension;
    std::string id, name, description;
    int component = -1;
    bool operator==(const Area&) const = default;
};

// What a section's competencies say of their own reach at one level, apart from
// the level's scope ("a staff engineer generally operates at a team level scope").
struct SectionScope {
    int area = -1;  // index into Framework::areas (a section)
    std::string text;
    std::vector<Link> links;
    bool operator==(const SectionScope&) const = default;
};

struct Level {
    std::string id, name, scope, source;
    int order = 0;
    bool published = true;
    std::vector<Link> links;                   // the links of the scope's text
    std::vector<SectionScope> section_scopes;  // in the order of Framework::areas

    bool operator==(const Level&) const = default;

    const SectionScope* section_scope(int area) const {
        for (const SectionScope& s : section_scopes)
            if (s.area == area) return &s;
        return nullptr;
    }
};

struct Expectation {
    std::string id, title, text;
    std::vector<Link> links;
    int level = -1;     // index into Framework::levels
    int area = -1;      // index into Framework::areas
    int extends = -1;   // index of the lower-level expectation this one grows from, or -1
    uint64_t hash = 0;  // content_hash(text)
    bool operator==(const Expectation&) const = default;
};

// id -> index. Owns its keys (views would dangle when a Framework moves) and is
// looked up with string_views (a transparent hash: no copy per lookup). The core's
// one id map, so that the wasm carries one hash table for all of them.
struct IdHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
using IdIndex = std::unordered_map<std::string, int, IdHash, std::equal_to<>>;

struct Framework {
    std::string id, name, organization, department, summary, source, version;
    std::string notice;  // where the content comes from, shown with the name (a paraphrase, an import...)
    bool cumulative = false;
    std::vector<Component> components;
    std::vector<Area> areas;          // dimensions first, then sections, each in file order
    std::vector<Level> levels;        // sorted by order
    std::vector<Expectation> expectations;  // sorted by level, area, file order

    // Derived by index(): expectations of each (level, area) cell, and each
    // expectation's successors (the expectations that extend it).
    std::vector<std::vector<int>> cells;       // [level * areas.size() + area]
    std::vector<std::vector<int>> successors;  // [expectation]
    IdIndex expectation_index;

    // Equal content; the derived indexes follow from it.
    bool operator==(const Framework& o) const {
        return id == o.id && name == o.name && organization == o.organization && department == o.department && summary == o.summary &&
               source == o.source && version == o.version && notice == o.notice && cumulative == o.cumulative &&
               components == o.components && areas == o.areas && levels == o.levels && expectations == o.expectations;
    }

    void index();
    const std::vector<int>& cell(int level, int area) const { return cells[size_t(level) * areas.size() + size_t(area)]; }

    int find_level(std::string_view key) const;
    int find_area(std::string_view key) const;
    int find_component(std::string_view key) const;
    int find_expectation(std::string_view key) const;  // through expectation_index (plans look up every item)
};

// FNV-1a 64 of the text with runs of white space collapsed and both ends trimmed,
// so re-wrapping a sentence does not mark it as changed.
uint64_t content_hash(std::string_view text);
std::string hash_to_hex(uint64_t hash);
bool hash_from_hex(std::string_view hex, uint64_t* out);

}  // namespace cm
