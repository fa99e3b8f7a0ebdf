#include "framework_load.h"
#include "test_data.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace {

std::vector<std::string> problems_of(const std::string& text, const char* file = "test.json") {
    cm::Diagnostics diag;
    diag.file = file;
    cm::Framework fw;
    EXPECT_FALSE(cm::load_framework(text, &fw, &diag));
    std::vector<std::string> out;
    for (const cm::Problem& p : diag.problems) out.push_back(p.where + ": " + p.message);
    return out;
}

bool contains(const std::vector<std::string>& lines, const std::string& needle) {
    for (const std::string& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

TEST(FrameworkLoad, DefaultDataLoads) {
    cm::Diagnostics diag;
    diag.file = "infrastructure.json";
    cm::Framework fw;
    ASSERT_TRUE(cm::load_framework(test_data::infrastructure_text(), &fw, &diag)) << diag.to_string();
    ASSERT_EQ(fw.levels.size(), 8u);
    EXPECT_EQ(fw.levels.front().id, "intern");
    EXPECT_EQ(fw.levels.back().id, "fellow");
    EXPECT_FALSE(fw.levels[6].published);
    EXPECT_EQ(fw.find_area("team-building") >= 0, true);
    EXPECT_TRUE(fw.cumulative);
}

TEST(FrameworkLoad, BrokenFixtureReportsEveryProblemWithItsPointer) {
    auto lines = problems_of(test_data::read_file(CM_FIXTURES_DIR "/broken-framework.json"), "broken-framework.json");
    EXPECT_TRUE(contains(lines, "broken-framework.json:/framework/colour: unknown field \"colour\""));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/levels/1/id: duplicate id \"associate\""));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/levels/2/published: expected true or false, found a string"));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/levels/2/scope: must not be empty"));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/expectations/1/text: must not be empty"));
    EXPECT_TRUE(contains(lines, "broken-framework.json:/expectations/1/level: no level with id \"staff\""));
}

TEST(FrameworkLoad, SyntaxErrorHasLineAndColumn) {
    auto lines = problems_of("{\n  \"format\": \"career-framework\",\n  oops\n}");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].rfind("test.json:3:3: not valid JSON", 0), 0u) << lines[0];
}


// ---------------------------------------------------------------------------
// [SECTION] Every rule of data/README.md "What the loader rejects", on a small
// framework built here and mutated one mistake at a time.

using cm::Json;

Json parse_json(std::string_view text) {
    Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(j.is_discarded());
    return j;
}

// Two components, two dimensions and a section, four levels (the last one
// unpublished) and three expectations, one extending another and one with a link.
Json minimal() {
    return parse_json(R"({
  "format": "career-framework",
  "formatVersion": 1,
  "framework": {"id": "demo", "name": "Demo framework", "version": "1", "cumulative": true},
  "components": [{"id": "dept", "name": "Department"}, {"id": "eng", "name": "Engineering"}],
  "dimensions": [{"id": "autonomy", "name": "Autonomy", "component": "dept"},
                 {"id": "impact", "name": "Impact", "component": "dept"}],
  "sections": [{"id": "leadership", "name": "Leadership", "component": "eng"}],
  "levels": [{"id": "junior", "name": "Junior", "order": 1, "scope": "Learns.", "published": true},
             {"id": "senior", "name": "Senior", "order": 2, "scope": "Leads.", "published": true},
             {"id": "staff", "name": "Staff", "order": 3, "scope": "Guides.", "published": true},
             {"id": "fellow", "name": "Fellow", "order": 4, "scope": "Not described yet.", "published": false}],
  "expectations": [
    {"id": "junior.autonomy.1", "level": "junior", "dimension": "autonomy", "text": "Works on well scoped tasks."},
    {"id": "junior.leadership.1", "level": "junior", "section": "leadership", "text": "Helps teammates."},
    {"id": "senior.autonomy.1", "level": "senior", "dimension": "autonomy", "extends": "junior.autonomy.1",
     "text": "Works on ambiguous tasks.", "links": [{"text": "Guide", "url": "https://example.com/guide"}]}
  ]
})");
}

Json& at(Json& j, const char* pointer) { return j[Json::json_pointer(pointer)]; }

struct Loaded {
    bool ok = false;
    cm::Framework fw;
    std::vector<std::string> lines;
};

Loaded load(const Json& j, const cm::FrameworkLimits& limits = {}) {
    Loaded r;
    cm::Diagnostics diag;
    diag.file = "t.json";
    r.ok = cm::load_framework(j.dump(), &r.fw, &diag, limits);
    for (const cm::Problem& p : diag.problems) r.lines.push_back(p.where + ": " + p.message);
    EXPECT_EQ(r.ok, diag.ok()) << diag.to_string();
    return r;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const std::string& l : lines) s += l + "\n";
    return s;
}

// The single problem of a file with one mistake.
std::string only_problem(const Json& j) {
    Loaded r = load(j);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.lines.size(), 1u) << joined(r.lines);
    return r.lines.empty() ? std::string() : r.lines[0];
}

// FNV-1a 64 from its definition, to check the hash the loader reports.
uint64_t fnv1a64(std::string_view bytes) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

std::string hex(uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)v);
    return buf;
}

TEST(FrameworkLoadRules, MinimalFrameworkLoads) {
    Loaded r = load(minimal());
    ASSERT_TRUE(r.ok) << joined(r.lines);
    const cm::Framework& fw = r.fw;
    EXPECT_EQ(fw.id, "demo");
    EXPECT_TRUE(fw.cumulative);
    ASSERT_EQ(fw.components.size(), 2u);
    ASSERT_EQ(fw.areas.size(), 3u);
    EXPECT_EQ(fw.areas[2].kind, cm::AreaKind::Section);
    EXPECT_EQ(fw.areas[2].component, 1);
    ASSERT_EQ(fw.levels.size(), 4u);
    EXPECT_FALSE(fw.levels[3].published);
    ASSERT_EQ(fw.expectations.size(), 3u);
    int senior = fw.find_expectation("senior.autonomy.1");
    ASSERT_GE(senior, 0);
    EXPECT_EQ(fw.expectations[size_t(senior)].extends, fw.find_expectation("junior.autonomy.1"));
    ASSERT_EQ(fw.expectations[size_t(senior)].links.size(), 1u);
    EXPECT_EQ(fw.expectations[size_t(senior)].links[0].url, "https://example.com/guide");
    EXPECT_EQ(fw.expectations[size_t(senior)].hash, fnv1a64("Works on ambiguous tasks."));
}

TEST(FrameworkLoadRules, RootMustBeAnObject) {
    EXPECT_EQ(only_problem(parse_json("[]")), "t.json: expected an object, found an array");
    EXPECT_EQ(only_problem(parse_json("\"career-framework\"")), "t.json: expected an object, found a string");
}

TEST(FrameworkLoadRules, UnknownFieldsAtEveryLevelOfNesting) {
    const char* objects[] = {"", "/framework", "/components/0", "/dimensions/1", "/sections/0",
                             "/levels/2", "/expectations/1", "/expectations/2/links/0"};
    for (const char* pointer : objects) {
        Json j = minimal();
        at(j, pointer)["colour"] = "blue";
        EXPECT_EQ(only_problem(j), std::string("t.json:") + pointer + "/colour: unknown field \"colour\"");
    }
}

TEST(FrameworkLoadRules, SchemaReferenceIsAllowedAtTheRootOnly) {
    Json j = minimal();
    j["$schema"] = "career-framework.schema.json";
    EXPECT_TRUE(load(j).ok);
    j["$schema"] = 1;
    EXPECT_EQ(only_problem(j), "t.json:/$schema: expected a string, found an integer");
    Json k = minimal();
    k["framework"]["$schema"] = "x";
    EXPECT_EQ(only_problem(k), "t.json:/framework/$schema: unknown field \"$schema\"");
}

TEST(FrameworkLoadRules, MissingRequiredFields) {
    struct Case {
        const char* object;
        const char* field;
    };
    // Each of these removes one field that nothing else depends on: one problem.
    const Case cases[] = {
        {"", "format"}, {"", "formatVersion"}, {"", "framework"}, {"", "expectations"},
        {"/framework", "id"}, {"/framework", "name"}, {"/framework", "version"}, {"/framework", "cumulative"},
        {"/components/1", "name"},
        {"/dimensions/1", "id"}, {"/dimensions/1", "name"}, {"/dimensions/1", "component"},
        {"/sections/0", "name"},
        {"/levels/2", "id"}, {"/levels/2", "name"}, {"/levels/2", "order"}, {"/levels/2", "scope"}, {"/levels/2", "published"},
        {"/expectations/1", "id"}, {"/expectations/1", "level"}, {"/expectations/1", "text"},
        {"/expectations/2/links/0", "text"}, {"/expectations/2/links/0", "url"},
    };
    for (const Case& c : cases) {
        Json j = minimal();
        at(j, c.object).erase(c.field);
        std::string where = std::string("t.json") + (*c.object ? ":" : "") + c.object;  // the root has no pointer
        EXPECT_EQ(only_problem(j), where + ": missing required field \"" + c.field + "\"");
    }
}

TEST(FrameworkLoadRules, MissingRequiredArraysAlsoBreakWhatReferToThem) {
    for (const char* field : {"components", "dimensions", "levels"}) {
        Json j = minimal();
        j.erase(field);
        Loaded r = load(j);
        EXPECT_FALSE(r.ok);
        EXPECT_TRUE(contains(r.lines, std::string("t.json: missing required field \"") + field + "\"")) << joined(r.lines);
    }
    // "sections" is optional.
    Json j = minimal();
    j.erase("sections");
    j["components"].erase(1);
    j["expectations"].erase(1);
    EXPECT_TRUE(load(j).ok);
    // And optional fields may be left out everywhere.
    Json k = minimal();
    k["expectations"][2].erase("links");
    k["expectations"][2].erase("extends");
    EXPECT_TRUE(load(k).ok);
}

TEST(FrameworkLoadRules, WrongTypes) {
    struct Case {
        const char* pointer;
        const char* value;  // JSON
        const char* message;
    };
    const Case cases[] = {
        {"/format", "1", "expected a string, found an integer"},
        {"/formatVersion", "\"1\"", "expected an integer, found a string"},
        {"/formatVersion", "1.0", "expected an integer, found a number"},
        {"/framework", "[]", "expected an object, found an array"},
        {"/framework/name", "5", "expected a string, found an integer"},
        {"/framework/cumulative", "\"yes\"", "expected true or false, found a string"},
        {"/framework/summary", "{}", "expected a string, found an object"},
        {"/components/1/description", "[\"a\"]", "expected a string, found an array"},
        {"/dimensions/0/component", "[]", "expected a string, found an array"},
        {"/levels/2/order", "1.5", "expected an integer, found a number"},
        {"/levels/2/published", "null", "expected true or false, found null"},
        {"/levels/2/source", "5", "expected a string, found an integer"},
        {"/expectations/1", "3", "expected an object, found an integer"},
        {"/expectations/1/text", "null", "expected a string, found null"},
        {"/expectations/2/title", "false", "expected a string, found a boolean"},
        {"/expectations/2/extends", "7", "expected a string, found an integer"},
        {"/expectations/2/hash", "7", "expected a string, found an integer"},
        {"/expectations/2/links", "\"x\"", "expected an array, found a string"},
        {"/expectations/2/links/0", "\"x\"", "expected an object, found a string"},
        {"/expectations/2/links/0/url", "true", "expected a string, found a boolean"},
    };
    for (const Case& c : cases) {
        Json j = minimal();
        at(j, c.pointer) = parse_json(c.value);
        EXPECT_EQ(only_problem(j), std::string("t.json:") + c.pointer + ": " + c.message);
    }
    // Wrong types of the top-level arrays break what refers to them, but are reported first.
    for (const char* field : {"components", "dimensions", "sections", "levels", "expectations"}) {
        Json j = minimal();
        j[field] = Json::object();
        Loaded r = load(j);
        EXPECT_FALSE(r.ok);
        ASSERT_FALSE(r.lines.empty());
        EXPECT_EQ(r.lines[0], std::string("t.json:/") + field + ": expected an array, found an object") << joined(r.lines);
    }
}

TEST(FrameworkLoadRules, EmptyAndOverlongText) {
    struct Case {
        const char* pointer;
        size_t limit;
    };
    const Case cases[] = {
        {"/framework/name", 200}, {"/framework/summary", 4000}, {"/framework/organization", 200},
        {"/components/0/name", 200}, {"/dimensions/0/description", 4000}, {"/levels/1/scope", 4000},
        {"/expectations/1/text", 4000}, {"/expectations/1/title", 200}, {"/expectations/2/links/0/text", 200},
    };
    for (const Case& c : cases) {
        Json j = minimal();
        at(j, c.pointer) = std::string(c.limit, 'x');
        EXPECT_TRUE(load(j).ok) << c.pointer;
        at(j, c.pointer) = std::string(c.limit + 1, 'x');
        EXPECT_EQ(only_problem(j), std::string("t.json:") + c.pointer + ": is " + std::to_string(c.limit + 1) +
                                       " bytes long; the limit is " + std::to_string(c.limit));
        for (const char* blank : {"", " ", "\n\t "}) {
            at(j, c.pointer) = blank;
            EXPECT_EQ(only_problem(j), std::string("t.json:") + c.pointer + ": must not be empty");
        }
    }
}

TEST(FrameworkLoadRules, InvalidIds) {
    const char* bad[] = {"Senior", "senior level", "-senior", ".senior", "_senior", "s\xc3\xa9nior", "a/b", "a:b", "a\tb", "senior..staff"};
    for (const char* pointer : {"/framework/id", "/levels/2/id", "/expectations/1/id", "/dimensions/1/id"}) {
        for (const char* id : bad) {
            Json j = minimal();
            at(j, pointer) = id;
            EXPECT_EQ(only_problem(j), std::string("t.json:") + pointer + ": \"" + id +
                                           "\" is not a valid id (lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, no \"..\")");
        }
        Json j = minimal();
        at(j, pointer) = std::string(64, 'a');
        EXPECT_TRUE(load(j).ok) << pointer;
        at(j, pointer) = "0";
        EXPECT_TRUE(load(j).ok) << pointer;
        at(j, pointer) = "a.b_c-d9";
        EXPECT_TRUE(load(j).ok) << pointer;
        at(j, pointer) = std::string(65, 'a');
        EXPECT_EQ(only_problem(j), std::string("t.json:") + pointer + ": is 65 bytes long; the limit is 64");
    }
}

TEST(FrameworkLoadRules, DuplicateIdsOfEachKind) {
    {
        Json j = minimal();
        j["levels"][2]["id"] = "junior";
        EXPECT_EQ(only_problem(j), "t.json:/levels/2/id: duplicate id \"junior\" (first used at /levels/0/id)");
    }
    {
        Json j = minimal();
        j["expectations"][1]["id"] = "junior.autonomy.1";
        EXPECT_EQ(only_problem(j), "t.json:/expectations/1/id: duplicate id \"junior.autonomy.1\" (first used at /expectations/0/id)");
    }
    {
        Json j = minimal();
        j["dimensions"][1]["id"] = "autonomy";
        EXPECT_EQ(only_problem(j), "t.json:/dimensions/1/id: duplicate id \"autonomy\" (first used at /dimensions/0/id)");
    }
    {
        // Dimensions and sections share one namespace.
        Json j = minimal();
        j["sections"].push_back(parse_json(R"({"id": "impact", "name": "Impact again", "component": "eng"})"));
        EXPECT_EQ(only_problem(j), "t.json:/sections/1/id: duplicate id \"impact\" (first used at /dimensions/1/id)");
    }
    {
        Json j = minimal();
        j["components"].push_back(parse_json(R"({"id": "dept", "name": "Again"})"));
        Loaded r = load(j);
        EXPECT_FALSE(r.ok);
        EXPECT_TRUE(contains(r.lines, "t.json:/components/2/id: duplicate id \"dept\" (first used at /components/0/id)")) << joined(r.lines);
    }
    {
        // Different kinds of things may share an id.
        Json j = minimal();
        j["framework"]["id"] = "dept";
        j["levels"][2]["id"] = "impact";
        j["components"][1]["id"] = "leadership";
        j["sections"][0]["component"] = "leadership";
        Loaded r = load(j);
        EXPECT_TRUE(r.ok) << joined(r.lines);
    }
}

TEST(FrameworkLoadRules, DanglingReferences) {
    struct Case {
        const char* pointer;
        const char* value;
        const char* message;
    };
    const Case cases[] = {
        {"/expectations/1/level", "principal", "no level with id \"principal\""},
        {"/expectations/0/dimension", "scope", "no dimension with id \"scope\""},
        {"/expectations/1/section", "values", "no section with id \"values\""},
        {"/dimensions/1/component", "ops", "no component with id \"ops\""},
        {"/sections/0/component", "dept", nullptr},  // exists: fine, but "eng" is then unused
        {"/expectations/2/extends", "junior.autonomy.9", "no expectation with id \"junior.autonomy.9\""},
    };
    for (const Case& c : cases) {
        Json j = minimal();
        at(j, c.pointer) = c.value;
        if (c.message) EXPECT_EQ(only_problem(j), std::string("t.json:") + c.pointer + ": " + c.message);
        else EXPECT_EQ(only_problem(j), "t.json:/components/1: component \"eng\" has no dimensions or sections");
    }
}

TEST(FrameworkLoadRules, SectionIdsAreNotDimensionsAndBack) {
    Json j = minimal();
    j["expectations"][0]["dimension"] = "leadership";
    j["expectations"][2].erase("extends");
    EXPECT_EQ(only_problem(j), "t.json:/expectations/0/dimension: no dimension with id \"leadership\"");
    Json k = minimal();
    k["expectations"][1]["section"] = "impact";
    EXPECT_EQ(only_problem(k), "t.json:/expectations/1/section: no section with id \"impact\"");
}

TEST(FrameworkLoadRules, DimensionAndSectionBothOrNeither) {
    Json both = minimal();
    both["expectations"][0]["section"] = "leadership";
    // One problem: the section is not taken for the dimension (it once was, adding
    // "no dimension with id \"leadership\"").
    EXPECT_EQ(only_problem(both), "t.json:/expectations/0: has both \"dimension\" and \"section\"; give exactly one");
    Json neither = minimal();
    neither["expectations"][1].erase("section");
    EXPECT_EQ(only_problem(neither), "t.json:/expectations/1: missing \"dimension\" or \"section\"");
}

TEST(FrameworkLoadRules, ExtendsMustPointToALowerLevel) {
    {
        Json j = minimal();  // itself
        j["expectations"][2]["extends"] = "senior.autonomy.1";
        EXPECT_EQ(only_problem(j), "t.json:/expectations/2/extends: \"senior.autonomy.1\" is at level \"senior\", not below \"senior\"");
    }
    {
        Json j = minimal();  // same level
        j["expectations"].push_back(parse_json(R"({"id": "senior.autonomy.2", "level": "senior", "dimension": "autonomy",
                                                   "extends": "senior.autonomy.1", "text": "More."})"));
        EXPECT_EQ(only_problem(j), "t.json:/expectations/3/extends: \"senior.autonomy.1\" is at level \"senior\", not below \"senior\"");
    }
    {
        Json j = minimal();  // higher level, which also makes a cycle
        j["expectations"][0]["extends"] = "senior.autonomy.1";
        EXPECT_EQ(only_problem(j), "t.json:/expectations/0/extends: \"senior.autonomy.1\" is at level \"senior\", not below \"junior\"");
    }
    {
        // Levels compare by order, not by position in the file.
        Json j = minimal();
        j["levels"][0]["order"] = 10;
        EXPECT_EQ(only_problem(j), "t.json:/expectations/2/extends: \"junior.autonomy.1\" is at level \"junior\", not below \"senior\"");
    }
}

TEST(FrameworkLoadRules, ExtendsMustStayInItsArea) {
    Json j = minimal();
    j["expectations"].push_back(parse_json(R"({"id": "junior.impact.1", "level": "junior", "dimension": "impact", "text": "Ships."})"));
    j["expectations"][2]["extends"] = "junior.impact.1";
    EXPECT_EQ(only_problem(j), "t.json:/expectations/2/extends: \"junior.impact.1\" is in \"impact\", not in \"autonomy\"");
    j["expectations"][2]["extends"] = "junior.leadership.1";
    EXPECT_EQ(only_problem(j), "t.json:/expectations/2/extends: \"junior.leadership.1\" is in \"leadership\", not in \"autonomy\"");
}

TEST(FrameworkLoadRules, ExpectationsOnUnpublishedLevels) {
    Json j = minimal();
    j["expectations"].push_back(parse_json(R"({"id": "fellow.autonomy.1", "level": "fellow", "dimension": "autonomy", "text": "Sets direction."})"));
    EXPECT_EQ(only_problem(j), "t.json:/expectations/3/level: level \"fellow\" is marked unpublished and cannot have expectations");
    // Publishing the level makes the same file valid.
    j["levels"][3]["published"] = true;
    EXPECT_TRUE(load(j).ok);
}

TEST(FrameworkLoadRules, SectionScopesAndLevelLinks) {
    Json j = minimal();
    at(j, "/levels/2")["links"] = parse_json(R"([{"text": "Archetypes", "url": "https://example.com/archetypes"}])");
    at(j, "/levels/2")["sectionScopes"] = parse_json(R"([{"section": "leadership", "text": "Leads at team scope.",
        "links": [{"text": "DRI", "url": "/handbook/dri/"}]}])");
    Loaded r = load(j);
    ASSERT_TRUE(r.ok) << joined(r.lines);
    const cm::Level& staff = r.fw.levels[size_t(r.fw.find_level("staff"))];
    ASSERT_EQ(staff.links.size(), 1u);
    EXPECT_EQ(staff.links[0].url, "https://example.com/archetypes");
    const cm::SectionScope* scope = staff.section_scope(r.fw.find_area("leadership"));
    ASSERT_NE(scope, nullptr);
    EXPECT_EQ(scope->text, "Leads at team scope.");
    EXPECT_EQ(scope->links.at(0).url, "/handbook/dri/");
    EXPECT_EQ(staff.section_scope(r.fw.find_area("autonomy")), nullptr);
    // Written back as read.
    Loaded again = load(parse_json(cm::save_framework(r.fw, false)));
    ASSERT_TRUE(again.ok) << joined(again.lines);
    EXPECT_EQ(again.fw.levels[2].section_scopes.at(0).text, "Leads at team scope.");
    EXPECT_EQ(again.fw.levels[2].links.at(0).text, "Archetypes");

    Json bad = j;
    at(bad, "/levels/2/sectionScopes/0/section") = "autonomy";  // a dimension
    EXPECT_EQ(only_problem(bad), "t.json:/levels/2/sectionScopes/0/section: no section with id \"autonomy\"");
    bad = j;
    at(bad, "/levels/2/sectionScopes").push_back(parse_json(R"({"section": "leadership", "text": "Again."})"));
    EXPECT_EQ(only_problem(bad), "t.json:/levels/2/sectionScopes/1/section: level \"staff\" already has a scope for section \"leadership\"");
    bad = j;
    at(bad, "/levels/2/sectionScopes/0/text") = " ";
    EXPECT_NE(only_problem(bad).find("/levels/2/sectionScopes/0/text"), std::string::npos);
    bad = j;
    at(bad, "/levels/2/sectionScopes/0")["colour"] = "red";
    EXPECT_NE(only_problem(bad).find("/levels/2/sectionScopes/0/colour"), std::string::npos);
    bad = j;
    at(bad, "/levels/2/links/0/url") = "javascript:alert(1)";
    EXPECT_NE(only_problem(bad).find("/levels/2/links/0/url"), std::string::npos);
}

TEST(FrameworkLoadRules, UnsafeLinkUrls) {
    const char* unsafe[] = {
        "javascript:alert(1)", "JavaScript:alert(1)", "//evil.example/x", "data:text/html,<b>x</b>",
        "ftp://example.com/", "mailto:a@example.com", "example.com", "https://", "http://", " https://example.com",
        "vbscript:x", "file:///etc/passwd", "/\\evil.example/x", "https://exa mple.com", "https://a\\b", "https://#x",
    };
    for (const char* url : unsafe) {
        Json j = minimal();
        j["expectations"][2]["links"][0]["url"] = url;
        EXPECT_EQ(only_problem(j), std::string("t.json:/expectations/2/links/0/url: \"") + url +
                                       "\" must be an http(s) URL or a path starting with /");
    }
    const char* safe[] = {"https://example.com", "HTTPS://example.com", "https://a", "http://a", "http://example.com/a?b=c#d", "/handbook/values/", "/"};
    for (const char* url : safe) {
        Json j = minimal();
        j["expectations"][2]["links"][0]["url"] = url;
        Loaded r = load(j);
        EXPECT_TRUE(r.ok) << url << "\n" << joined(r.lines);
    }
    // The framework's and the levels' sources follow the same rule.
    Json j = minimal();
    j["framework"]["source"] = "javascript:alert(1)";
    j["levels"][1]["source"] = "//evil.example";
    Loaded r = load(j);
    EXPECT_EQ(r.lines, (std::vector<std::string>{"t.json:/framework/source: must be an http(s) URL or a path starting with /",
                                                 "t.json:/levels/1/source: must be an http(s) URL or a path starting with /"}));
    j["framework"]["source"] = "https://example.com/framework";
    j["levels"][1]["source"] = "/handbook/senior";
    j["framework"]["notice"] = "Where it comes from.";
    j["levels"][2]["links"] = parse_json(R"([{"text": "Scope", "url": "/scope"}])");
    j["levels"][2]["sectionScopes"] = parse_json(R"([{"section": "leadership", "text": "Team scope."}])");
    EXPECT_TRUE(load(j).ok);
}

TEST(FrameworkLoadRules, TooManyLinks) {
    Json j = minimal();
    Json link = j["expectations"][2]["links"][0];
    for (int i = 0; i < 20; i++) j["expectations"][1]["links"].push_back(link);
    EXPECT_TRUE(load(j).ok);
    j["expectations"][1]["links"].push_back(link);
    EXPECT_EQ(only_problem(j), "t.json:/expectations/1/links: has 21 items; the limit is 20");
}

TEST(FrameworkLoadRules, DuplicateLevelOrder) {
    Json j = minimal();
    j["levels"][2]["order"] = 2;
    EXPECT_EQ(only_problem(j), "t.json:/levels/2/order: order 2 is also used by level \"senior\"");
}

TEST(FrameworkLoadRules, LevelOrderRange) {
    Json j = minimal();
    j["levels"][2]["order"] = -1000000;
    EXPECT_TRUE(load(j).ok);
    j["levels"][2]["order"] = 1000001;
    EXPECT_EQ(only_problem(j), "t.json:/levels/2/order: must be between -1000000 and 1000000");
}

TEST(FrameworkLoadRules, ComponentWithoutAreas) {
    Json j = minimal();
    j["components"].push_back(parse_json(R"({"id": "ops", "name": "Operations"})"));
    EXPECT_EQ(only_problem(j), "t.json:/components/2: component \"ops\" has no dimensions or sections");
}

TEST(FrameworkLoadRules, FormatAndVersion) {
    {
        Json j = minimal();
        j["format"] = "career-matrix";
        EXPECT_EQ(only_problem(j), "t.json:/format: expected \"career-framework\", found \"career-matrix\"");
    }
    {
        Json j = minimal();
        j["formatVersion"] = 2;
        EXPECT_EQ(only_problem(j), "t.json:/formatVersion: this file is format version 2; this app reads version 1");
    }
    {
        Json j = minimal();
        j["formatVersion"] = 0;
        EXPECT_EQ(only_problem(j), "t.json:/formatVersion: must be between 1 and 1000000");
        j["formatVersion"] = -1;
        EXPECT_EQ(only_problem(j), "t.json:/formatVersion: must be between 1 and 1000000");
    }
}

TEST(FrameworkLoadRules, ContentHash) {
    const std::string text = "Helps teammates.";
    const std::string right = hex(fnv1a64(text));
    {
        Json j = minimal();
        j["expectations"][1]["hash"] = right;
        Loaded r = load(j);
        ASSERT_TRUE(r.ok) << joined(r.lines);
        EXPECT_EQ(r.fw.expectations[size_t(r.fw.find_expectation("junior.leadership.1"))].hash, fnv1a64(text));
        // Re-wrapping the text keeps the hash valid.
        j["expectations"][1]["text"] = "  Helps\n   teammates. ";
        EXPECT_TRUE(load(j).ok);
    }
    {
        Json j = minimal();
        j["expectations"][1]["hash"] = right;
        j["expectations"][1]["text"] = "Helps teammates grow.";
        EXPECT_EQ(only_problem(j), "t.json:/expectations/1/hash: does not match the text (its hash is " +
                                       hex(fnv1a64("Helps teammates grow.")) + "); the text changed after the hash was written");
    }
    for (const char* bad : {"0123", "E71FA2190541574B", "e71fa2190541574g", "e71fa2190541574b00"}) {
        Json j = minimal();
        j["expectations"][1]["hash"] = bad;
        EXPECT_EQ(only_problem(j), "t.json:/expectations/1/hash: expected 16 lower-case hex digits") << bad;
    }
}

TEST(FrameworkLoadRules, MessagesAreFilePointerMessage) {
    Json j = minimal();
    j["levels"][2]["id"] = "junior";
    cm::Diagnostics diag;
    diag.file = "infrastructure.json";
    cm::Framework fw;
    EXPECT_FALSE(cm::load_framework(j.dump(), &fw, &diag));
    EXPECT_EQ(diag.to_string(), "infrastructure.json:/levels/2/id: duplicate id \"junior\" (first used at /levels/0/id)\n");
    ASSERT_EQ(diag.problems.size(), 1u);
    EXPECT_EQ(diag.problems[0].where, "infrastructure.json:/levels/2/id");
}

TEST(FrameworkLoadRules, EveryProblemIsReportedAtOnce) {
    Json j = minimal();
    j["framework"]["colour"] = "blue";                              // unknown field
    j["levels"][2]["id"] = "junior";                                // duplicate id
    j["expectations"][1]["text"] = " ";                             // blank text
    j["expectations"][2]["links"][0]["url"] = "javascript:alert(1)";  // unsafe link
    j["expectations"][2]["extends"] = "junior.autonomy.7";         // dangling extends
    Loaded r = load(j);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.lines, (std::vector<std::string>{
                           "t.json:/framework/colour: unknown field \"colour\"",
                           "t.json:/levels/2/id: duplicate id \"junior\" (first used at /levels/0/id)",
                           "t.json:/expectations/1/text: must not be empty",
                           "t.json:/expectations/2/links/0/url: \"javascript:alert(1)\" must be an http(s) URL or a path starting with /",
                           "t.json:/expectations/2/extends: no expectation with id \"junior.autonomy.7\"",
                       }))
        << joined(r.lines);
}

TEST(FrameworkLoadRules, ExtendsProblemsAreReportedWithOthers) {
    // An extends problem alongside problems of another kind, and an extends to an
    // expectation whose own level is wrong (reported once, for that expectation).
    Json j = minimal();
    j["format"] = "x";
    j["expectations"][1]["level"] = "nope";
    j["expectations"][2]["extends"] = "junior.leadership.1";
    j["expectations"].push_back(parse_json(R"({"id": "staff.autonomy.1", "level": "staff", "dimension": "autonomy",
                                               "extends": "senior.autonomy.1", "text": "Sets direction."})"));
    Loaded r = load(j);
    EXPECT_EQ(r.lines, (std::vector<std::string>{
                           "t.json:/format: expected \"career-framework\", found \"x\"",
                           "t.json:/expectations/1/level: no level with id \"nope\"",
                       }))
        << joined(r.lines);
    j["expectations"][0]["extends"] = "senior.autonomy.1";
    r = load(j);
    EXPECT_TRUE(contains(r.lines, "t.json:/expectations/0/extends: \"senior.autonomy.1\" is at level \"senior\", not below \"junior\""))
        << joined(r.lines);
    EXPECT_EQ(r.lines.size(), 3u) << joined(r.lines);
}

TEST(FrameworkLoadRules, Limits) {
    cm::FrameworkLimits defaults;
    EXPECT_EQ(defaults.max_expectations, 100000u);
    EXPECT_EQ(defaults.json.max_bytes, size_t(8) << 20);
    EXPECT_EQ(defaults.json.max_depth, 32);
    {
        cm::FrameworkLimits limits;
        limits.max_expectations = 2;
        Loaded r = load(minimal(), limits);
        EXPECT_FALSE(r.ok);
        ASSERT_FALSE(r.lines.empty());
        EXPECT_EQ(r.lines[0], "t.json:/expectations: has 3 items; the limit is 2");
        limits.max_expectations = 3;
        EXPECT_TRUE(load(minimal(), limits).ok);
    }
    {
        cm::FrameworkLimits limits;
        std::string text = minimal().dump();
        limits.json.max_bytes = text.size() - 1;
        Loaded r = load(minimal(), limits);
        EXPECT_EQ(r.lines, std::vector<std::string>{"t.json: file is " + std::to_string(text.size()) + " bytes; the limit is " +
                                                    std::to_string(text.size() - 1)});
    }
    {
        // Nesting is checked before anything else, even in a field nobody reads.
        Json j = minimal();
        Json deep = Json::array();
        for (int i = 0; i < 32; i++) deep = Json::array({deep});  // 33 levels, 34 with the root object
        j["deep"] = deep;
        Loaded r = load(j);
        ASSERT_EQ(r.lines.size(), 1u) << joined(r.lines);
        EXPECT_NE(r.lines[0].find("nesting deeper than 32 levels"), std::string::npos) << r.lines[0];
    }
}

TEST(FrameworkLoadRules, LevelsAreSortedByOrder) {
    Json j = minimal();
    Json levels = j["levels"];
    j["levels"] = Json::array({levels[3], levels[2], levels[0], levels[1]});
    j["levels"][0]["order"] = 40;
    j["levels"][1]["order"] = 30;
    j["levels"][2]["order"] = -5;
    j["levels"][3]["order"] = 7;
    Loaded r = load(j);
    ASSERT_TRUE(r.ok) << joined(r.lines);
    std::vector<std::string> ids;
    for (const cm::Level& l : r.fw.levels) ids.push_back(l.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"junior", "senior", "staff", "fellow"}));
    EXPECT_EQ(r.fw.levels[0].order, -5);
    EXPECT_EQ(r.fw.levels[3].order, 40);
    // Expectations refer to the sorted levels.
    EXPECT_EQ(r.fw.expectations[size_t(r.fw.find_expectation("senior.autonomy.1"))].level, 1);
}

TEST(FrameworkLoadRules, ExpectationsAreGroupedByLevelThenAreaKeepingFileOrder) {
    Json j = minimal();
    auto add = [&](const char* id, const char* level, const char* key, const char* area) {
        Json e;
        e["id"] = id;
        e["level"] = level;
        e[key] = area;
        e["text"] = std::string("Text of ") + id + ".";
        j["expectations"].push_back(e);
    };
    add("staff.leadership.b", "staff", "section", "leadership");
    add("staff.impact.z", "staff", "dimension", "impact");
    add("junior.leadership.0", "junior", "section", "leadership");
    add("staff.leadership.a", "staff", "section", "leadership");
    add("junior.impact.9", "junior", "dimension", "impact");
    add("staff.impact.y", "staff", "dimension", "impact");
    add("junior.autonomy.0", "junior", "dimension", "autonomy");
    Loaded r = load(j);
    ASSERT_TRUE(r.ok) << joined(r.lines);
    std::vector<std::string> ids;
    for (const cm::Expectation& e : r.fw.expectations) ids.push_back(e.id);
    EXPECT_EQ(ids, (std::vector<std::string>{
                       "junior.autonomy.1", "junior.autonomy.0",              // junior, autonomy, file order
                       "junior.impact.9",                                     // junior, impact
                       "junior.leadership.1", "junior.leadership.0",          // junior, leadership (a section: after dimensions)
                       "senior.autonomy.1",                                   //
                       "staff.impact.z", "staff.impact.y",                    // file order, not id order
                       "staff.leadership.b", "staff.leadership.a",
                   }));
    // extends was resolved after sorting.
    const cm::Expectation& senior = r.fw.expectations[5];
    EXPECT_EQ(senior.extends, 0);
}

TEST(FrameworkLoadRules, AreasAreDimensionsThenSectionsInFileOrder) {
    Json j = minimal();
    std::swap(j["dimensions"][0], j["dimensions"][1]);
    j["sections"].push_back(parse_json(R"({"id": "culture", "name": "Culture", "component": "eng", "description": "How we work."})"));
    Loaded r = load(j);
    ASSERT_TRUE(r.ok) << joined(r.lines);
    std::vector<std::string> ids;
    for (const cm::Area& a : r.fw.areas) ids.push_back(a.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"impact", "autonomy", "leadership", "culture"}));
    EXPECT_EQ(r.fw.areas[0].kind, cm::AreaKind::Dimension);
    EXPECT_EQ(r.fw.areas[3].kind, cm::AreaKind::Section);
    EXPECT_EQ(r.fw.areas[3].description, "How we work.");
    EXPECT_EQ(r.fw.areas[3].component, r.fw.find_component("eng"));
}

TEST(FrameworkLoadRules, IndexBuildsCellsAndSuccessors) {
    Json j = minimal();
    j["expectations"].push_back(parse_json(R"({"id": "senior.autonomy.2", "level": "senior", "dimension": "autonomy",
                                               "extends": "junior.autonomy.1", "text": "Also grows."})"));
    j["expectations"].push_back(parse_json(R"({"id": "staff.autonomy.1", "level": "staff", "dimension": "autonomy",
                                               "extends": "senior.autonomy.1", "text": "Sets direction."})"));
    Loaded r = load(j);
    ASSERT_TRUE(r.ok) << joined(r.lines);
    const cm::Framework& fw = r.fw;
    ASSERT_EQ(fw.cells.size(), fw.levels.size() * fw.areas.size());
    ASSERT_EQ(fw.successors.size(), fw.expectations.size());
    auto idx = [&](const char* id) { return fw.find_expectation(id); };
    int junior = fw.find_level("junior"), senior = fw.find_level("senior"), staff = fw.find_level("staff");
    int autonomy = fw.find_area("autonomy"), impact = fw.find_area("impact"), leadership = fw.find_area("leadership");
    EXPECT_EQ(fw.cell(junior, autonomy), std::vector<int>{idx("junior.autonomy.1")});
    EXPECT_EQ(fw.cell(junior, leadership), std::vector<int>{idx("junior.leadership.1")});
    EXPECT_TRUE(fw.cell(junior, impact).empty());
    EXPECT_EQ(fw.cell(senior, autonomy), (std::vector<int>{idx("senior.autonomy.1"), idx("senior.autonomy.2")}));
    EXPECT_EQ(fw.cell(staff, autonomy), std::vector<int>{idx("staff.autonomy.1")});
    EXPECT_TRUE(fw.cell(fw.find_level("fellow"), autonomy).empty());
    EXPECT_EQ(fw.successors[size_t(idx("junior.autonomy.1"))], (std::vector<int>{idx("senior.autonomy.1"), idx("senior.autonomy.2")}));
    EXPECT_EQ(fw.successors[size_t(idx("senior.autonomy.1"))], std::vector<int>{idx("staff.autonomy.1")});
    EXPECT_TRUE(fw.successors[size_t(idx("staff.autonomy.1"))].empty());
    EXPECT_TRUE(fw.successors[size_t(idx("junior.leadership.1"))].empty());
    // Every expectation sits in exactly one cell: its own.
    size_t total = 0;
    for (const auto& cell : fw.cells) total += cell.size();
    EXPECT_EQ(total, fw.expectations.size());
}

TEST(FrameworkLoadRules, BrokenFixtureReportsTheDanglingExtendsToo) {
    auto lines = problems_of(test_data::read_file(CM_FIXTURES_DIR "/broken-framework.json"), "broken-framework.json");
    EXPECT_TRUE(contains(lines, "broken-framework.json:/expectations/2/extends: no expectation with id \"missing.1\""));
    EXPECT_EQ(lines.size(), 7u);
}

// [SECTION] save_framework

// Every field, through the model's operator== (a field added later is compared too);
// the saved texts first, so a difference shows where it is.
void expect_same(const cm::Framework& a, const cm::Framework& b) {
    EXPECT_EQ(cm::save_framework(a, true), cm::save_framework(b, true));
    EXPECT_TRUE(a == b);
}

TEST(FrameworkSave, RoundTripOfTheDefaultData) {
    cm::Diagnostics diag;
    diag.file = "infrastructure.json";
    cm::Framework original;
    ASSERT_TRUE(cm::load_framework(test_data::infrastructure_text(), &original, &diag)) << diag.to_string();
    for (bool with_hashes : {false, true}) {
        std::string saved = cm::save_framework(original, with_hashes);
        cm::Diagnostics d2;
        d2.file = "saved.json";
        cm::Framework reloaded;
        ASSERT_TRUE(cm::load_framework(saved, &reloaded, &d2)) << d2.to_string();
        expect_same(original, reloaded);
        // Saving is stable: the reloaded framework saves to the same text.
        EXPECT_EQ(cm::save_framework(reloaded, with_hashes), saved);
        EXPECT_EQ(saved.find("\"hash\"") != std::string::npos, with_hashes);
    }
}

TEST(FrameworkSave, RoundTripKeepsEveryOptionalField) {
    Json j = minimal();
    j["framework"]["organization"] = "Org";
    j["framework"]["department"] = "Dept";
    j["framework"]["summary"] = "A summary \xe2\x80\x94 with a dash.";
    j["framework"]["source"] = "https://example.com/";
    j["components"][0]["description"] = "The department's part.";
    j["dimensions"][1]["description"] = "How far work reaches.";
    j["levels"][1]["source"] = "/handbook/senior";
    j["framework"]["notice"] = "Where it comes from.";
    j["levels"][2]["links"] = parse_json(R"([{"text": "Scope", "url": "/scope"}])");
    j["levels"][2]["sectionScopes"] = parse_json(R"([{"section": "leadership", "text": "Team scope."}])");
    j["expectations"][1]["title"] = "Helping";
    j["expectations"][2]["links"].push_back(parse_json(R"({"text": "Second", "url": "/x"})"));
    j["framework"]["cumulative"] = false;
    Loaded a = load(j);
    ASSERT_TRUE(a.ok) << joined(a.lines);
    std::string saved = cm::save_framework(a.fw, true);
    Json s = Json::parse(saved, nullptr, false);
    ASSERT_FALSE(s.is_discarded());
    EXPECT_EQ(s["format"], "career-framework");
    EXPECT_EQ(s["formatVersion"], 1);
    EXPECT_EQ(s["expectations"][2]["extends"], "junior.autonomy.1");
    EXPECT_EQ(s["expectations"][0]["hash"], hex(fnv1a64("Works on well scoped tasks.")));
    EXPECT_FALSE(s["expectations"][0].contains("links"));
    EXPECT_FALSE(s["expectations"][0].contains("title"));
    Loaded b = load(s);
    ASSERT_TRUE(b.ok) << joined(b.lines);
    expect_same(a.fw, b.fw);
    EXPECT_EQ(b.fw.summary, "A summary \xe2\x80\x94 with a dash.");
    EXPECT_FALSE(b.fw.cumulative);
}

TEST(FrameworkSave, WithoutSectionsOmitsTheArray) {
    Json j = minimal();
    j.erase("sections");
    j["components"].erase(1);
    j["expectations"].erase(1);
    Loaded a = load(j);
    ASSERT_TRUE(a.ok) << joined(a.lines);
    Json s = Json::parse(cm::save_framework(a.fw, false), nullptr, false);
    EXPECT_FALSE(s.contains("sections"));
    EXPECT_FALSE(s["expectations"][0].contains("hash"));
    Loaded b = load(s);
    ASSERT_TRUE(b.ok) << joined(b.lines);
    expect_same(a.fw, b.fw);
}

}  // namespace
