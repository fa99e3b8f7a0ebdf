// Tests of export.h: Markdown and HTML of a plan, the framework as HTML, and
// the JSON export/import round trip.
#include "export.h"
#include "text_version.h"

#include "compare.h"
#include "framework_load.h"
#include "plan_storage.h"
#include "test_data.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace {

// [SECTION] Helpers

using test_data::infrastructure;
using test_data::load;

const cm::Framework& tiny() {
    static const cm::Framework fw = load(R"({
      "format": "career-framework", "formatVersion": 1,
      "framework": {"id": "tiny", "name": "Tiny", "version": "1", "cumulative": true,
                    "summary": "A framework small enough to check by hand.", "source": "https://example.com/tiny"},
      "components": [{"id": "c", "name": "C"}],
      "dimensions": [{"id": "a", "name": "Area A", "component": "c"}, {"id": "b", "name": "Area B", "component": "c"}],
      "sections": [{"id": "s", "name": "Section S", "component": "c"}],
      "levels": [{"id": "one", "name": "One", "order": 1, "scope": "First.", "published": true, "source": "/handbook/one/"},
                 {"id": "two", "name": "Two", "order": 2, "scope": "Second.", "published": true},
                 {"id": "three", "name": "Three", "order": 3, "scope": "Not yet.", "published": false}],
      "expectations": [
        {"id": "one.a.1", "level": "one", "dimension": "a", "text": "Does A things."},
        {"id": "one.b.1", "level": "one", "dimension": "b", "text": "Does B things."},
        {"id": "one.s.1", "level": "one", "section": "s", "title": "Values", "text": "Lives the values.",
         "links": [{"text": "Values page", "url": "/handbook/values/"}]},
        {"id": "two.a.1", "level": "two", "dimension": "a", "extends": "one.a.1", "text": "Does A things for the team."},
        {"id": "two.a.2", "level": "two", "dimension": "a", "text": "Teaches A."},
        {"id": "two.b.2", "level": "two", "dimension": "b", "text": "Leads B."}
      ]
    })");
    return fw;
}

const int64_t kNow = 1795773600000;  // 2026-11-27T10:00:00.000Z

cm::PlanItem item_for(const char* id, cm::ItemStatus status) {
    cm::PlanItem item = cm::make_item(tiny(), tiny().find_expectation(id));
    item.status = status;
    return item;
}

cm::PlanItem missing_item(const char* id, const char* text, const char* level, const char* area, cm::ItemStatus status) {
    cm::PlanItem item;
    item.expectation = id;
    item.text = text;
    item.level = level;
    item.area = area;
    item.status = status;
    return item;
}

// A plan with every feature: statuses, notes, evidence, a date, and changed and missing items.
cm::Plan full_plan() {
    cm::Plan plan;
    plan.id = "plan-1";
    plan.name = "Road to Two";
    plan.framework = "tiny";
    plan.framework_version = "1";
    plan.current_level = "one";
    plan.target_level = "two";
    plan.notes = "Plan notes line 1.\nLine 2.\n";
    plan.created_ms = plan.updated_ms = kNow;
    plan.items.push_back(item_for("two.a.1", cm::ItemStatus::Done));
    cm::PlanItem teaching = item_for("two.a.2", cm::ItemStatus::InProgress);
    teaching.target_date = "2026-12-31";
    teaching.notes = "First line of notes.\n\nSecond paragraph.";
    teaching.evidence = {{"Design doc", "https://example.com/design"}, {"", "https://example.com/mr/1"}};
    plan.items.push_back(teaching);
    cm::PlanItem changed = item_for("two.b.2", cm::ItemStatus::NotStarted);
    changed.text = "Leads B sometimes.";
    changed.hash = cm::hash_to_hex(cm::content_hash(changed.text));
    plan.items.push_back(changed);
    plan.items.push_back(missing_item("one.b.9", "Old B text.", "one", "b", cm::ItemStatus::NotStarted));
    plan.items.push_back(missing_item("gone.2", "Retired text.", "zero", "retired", cm::ItemStatus::NotStarted));
    plan.items.push_back(missing_item("gone.3", "", "", "", cm::ItemStatus::Done));
    plan.items.push_back(item_for("one.s.1", cm::ItemStatus::NotStarted));
    return plan;
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) n++;
    return n;
}

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else if (c == '\'') out += "&#39;";
        else out += c;
    }
    return out;
}

// [SECTION] Markdown

TEST(Export, MarkdownOfAPlanWithEveryFeature) {
    const std::vector<std::string> expected = {
        "# Growth plan: Road to Two",
        "",
        "Tiny, version 1. Current level: One. Target level: Two.",
        "",
        "## Readiness for Two",
        "",
        "| Area | Done | In progress | Not started | Not in the plan |",
        "| --- | ---: | ---: | ---: | ---: |",
        "| Area A | 1 | 1 | 0 | 0 |",
        "| Area B | 0 | 0 | 1 | 0 |",
        "| All | 1 | 1 | 1 | 0 |",
        "",
        "Also in the plan: 2 expectations not new at Two (0 done).",
        "",
        "## Area A",
        "",
        "- [x] Does A things for the team. (Two)",
        "- [ ] Teaches A. (Two) — in progress — target 2026-12-31",
        "  > First line of notes.",
        "  >",
        "  > Second paragraph.",
        "  - [Design doc](https://example.com/design)",
        "  - <https://example.com/mr/1>",
        "",
        "## Area B",
        "",
        "- [ ] Leads B. (Two) (text changed since planned; was: \"Leads B sometimes.\")",
        "- [ ] Old B text. (One) (no longer in the framework)",
        "",
        "## Section S",
        "",
        "- [ ] Lives the values. (One)",
        "",
        "## retired",
        "",
        "- [ ] Retired text. (zero) (no longer in the framework)",
        "",
        "## Other",
        "",
        "- [x] Expectation gone.3 (no longer in the framework)",
        "",
        "## Notes",
        "",
        "Plan notes line 1.\\",  // a hard line break keeps the user's lines
        "Line 2.",
        "",
        "---",
        "",
        "Exported from Career Matrix, framework source: https://example.com/tiny",
    };
    std::string md = cm::plan_markdown(tiny(), full_plan());
    std::vector<std::string> got = lines_of(md);
    for (size_t i = 0; i < std::max(expected.size(), got.size()); i++)
        EXPECT_EQ(i < got.size() ? got[i] : "<none>", i < expected.size() ? expected[i] : "<none>") << "line " << i + 1;
    EXPECT_EQ(md.back(), '\n');
}

TEST(Export, MarkdownOfAnEmptyPlanSaysSo) {
    cm::Plan plan;
    plan.name = "Empty";
    std::string md = cm::plan_markdown(tiny(), plan);
    EXPECT_NE(md.find("Current level: not chosen. Target level: not chosen."), std::string::npos) << md;
    EXPECT_NE(md.find("\nThis plan has no expectations yet.\n"), std::string::npos) << md;
    EXPECT_EQ(md.find("## "), std::string::npos) << md;
}

TEST(Export, MarkdownEscapesHostileUserText) {
    cm::Plan plan;
    plan.name = "x](javascript:alert(1)) #";
    plan.notes = "# heading\n- item\n[link](javascript:alert(1))\n1. one\n    code block?\n<img src=x onerror=alert(1)>\n> quote";
    cm::PlanItem item = item_for("two.a.2", cm::ItemStatus::NotStarted);
    item.notes = "## not a heading\n+ not a list";
    item.evidence = {{"](javascript:alert(1))", "https://ok.example/a_(b)"}, {"click", "javascript:alert(2)"}};
    plan.items.push_back(item);
    std::string md = cm::plan_markdown(tiny(), plan);
    std::vector<std::string> lines = lines_of(md);
    // Lines of notes followed by another line end with a backslash (a hard line break).
    auto has = [&](const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end() || std::find(lines.begin(), lines.end(), line + "\\") != lines.end();
    };

    EXPECT_TRUE(has("# Growth plan: x\\](javascript:alert(1)) \\#")) << md;
    EXPECT_TRUE(has("  > \\#\\# not a heading") || has("  > \\## not a heading")) << md;
    EXPECT_TRUE(has("  > \\+ not a list")) << md;
    EXPECT_TRUE(has("  - [\\](javascript:alert(1))](https://ok.example/a_%28b%29)")) << md;
    EXPECT_TRUE(has("  - javascript:alert(2)")) << md;  // not a link
    EXPECT_TRUE(has("\\# heading")) << md;
    EXPECT_TRUE(has("\\- item")) << md;
    EXPECT_TRUE(has("\\[link\\](javascript:alert(1))")) << md;
    EXPECT_TRUE(has("1\\. one")) << md;
    EXPECT_TRUE(has("code block?")) << md;
    EXPECT_TRUE(has("\\<img src=x onerror=alert(1)>")) << md;
    EXPECT_TRUE(has("\\> quote")) << md;

    // Structure: the only headings are ours, and every link opened is an http(s) one.
    for (const std::string& line : lines) {
        if (line.rfind("#", 0) == 0) {
            EXPECT_TRUE(line.rfind("# Growth plan: ", 0) == 0 || line == "## Progress" || line == "## Area A" || line == "## Notes") << line;
        }
    }
    for (size_t at = md.find("]("); at != std::string::npos; at = md.find("](", at + 1))
        EXPECT_TRUE(md[at - 1] == '\\' || md.compare(at + 2, 4, "http") == 0) << md.substr(at > 20 ? at - 20 : 0, 60);
}

// [SECTION] Plan as HTML

TEST(Export, PlanHtmlEscapesEveryUserString) {
    cm::Plan plan = full_plan();
    plan.name = "A & B <i>";
    plan.notes = "<script>alert(1)</script>";
    plan.items[1].notes = "<script>alert(2)</script>\nsecond line";
    plan.items[1].evidence.push_back({"\"><script>alert(3)</script>", "https://ok.example/?a=\"b\""});
    plan.items[1].evidence.push_back({"bad", "javascript:alert(4)"});
    std::string html = cm::plan_html(tiny(), plan);
    EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("javascript:alert(4)\""), std::string::npos);
    EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
    EXPECT_NE(html.find("<title>Growth plan: A &amp; B &lt;i&gt;</title>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(2)&lt;/script&gt;<br>\nsecond line"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"https://ok.example/?a=&quot;b&quot;\">&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;</a>"), std::string::npos);
    // Same content as the Markdown.
    EXPECT_NE(html.find("<h2>Area A</h2>"), std::string::npos);
    EXPECT_NE(html.find("<h2>retired</h2>"), std::string::npos);
    EXPECT_NE(html.find("<h2>Other</h2>"), std::string::npos);
    EXPECT_NE(html.find("(text changed since planned; was: “Leads B sometimes.”)"), std::string::npos);
    EXPECT_NE(html.find("— in progress — target 2026-12-31"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"https://example.com/design\">Design doc</a>"), std::string::npos);
    EXPECT_EQ(count(html, "<input type=\"checkbox\" disabled checked"), 2u);
    EXPECT_EQ(count(html, "<li><input"), plan.items.size());
    EXPECT_EQ(html.find(" style="), std::string::npos);
    // The readiness table, with the same figures as the Markdown's.
    EXPECT_NE(html.find("<h2>Readiness for Two</h2>"), std::string::npos);
    EXPECT_NE(html.find("<tr><th scope=\"row\">Area A</th><td>1</td><td>1</td><td>0</td><td>0</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("<tr><th scope=\"row\">All</th><td>1</td><td>1</td><td>1</td><td>0</td></tr>"), std::string::npos);
}

TEST(Export, ReadinessTableWithoutATargetCountsEveryItem) {
    cm::Plan plan = full_plan();
    plan.target_level.clear();
    std::string md = cm::plan_markdown(tiny(), plan);
    EXPECT_NE(md.find("## Progress\n\n| Area | Done | In progress | Not started |\n| --- | ---: | ---: | ---: |\n"), std::string::npos) << md;
    // Area B holds a changed item and a retired one; Section S one from level One.
    EXPECT_NE(md.find("| Area B | 0 | 0 | 2 |\n| Section S | 0 | 0 | 1 |\n"), std::string::npos) << md;
    EXPECT_EQ(md.find("Not in the plan"), std::string::npos);
    EXPECT_EQ(md.find("Also in the plan"), std::string::npos);
    plan.items.clear();
    EXPECT_EQ(cm::plan_markdown(tiny(), plan).find("## Progress"), std::string::npos);  // nothing to count: no table
}

// [SECTION] Framework as HTML

TEST(Export, FrameworkHtmlIsACompleteAccessiblePage) {
    const cm::Framework& fw = infrastructure();
    const std::string app = "https://example.com/career-matrix/?x=1&y=2";
    std::string html = cm::framework_html(fw, app);

    EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_NE(html.find("<title>" + escape(fw.name) + "</title>"), std::string::npos);
    for (const char* landmark : {"<header>", "<nav aria-label=\"Levels\">", "<main>", "</main>", "<footer>"})
        EXPECT_NE(html.find(landmark), std::string::npos) << landmark;
    EXPECT_NE(html.find("<h1>" + escape(fw.name) + "</h1>"), std::string::npos);
    EXPECT_NE(html.find("href=\"" + escape(app) + "\""), std::string::npos);
    EXPECT_NE(html.find("href=\"" + escape(fw.source) + "\""), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find(" style="), std::string::npos);
    EXPECT_EQ(html.find("<style"), std::string::npos);

    // Headings: one h1, then never a skipped level.
    std::regex heading("<h([1-6])[ >]");
    int previous = 0, h1 = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), heading); it != std::sregex_iterator(); ++it) {
        int level = (*it)[1].str()[0] - '0';
        if (level == 1) h1++;
        EXPECT_LE(level, previous + 1) << "h" << level << " after h" << previous;
        previous = level;
    }
    EXPECT_EQ(h1, 1);

    // Every level has its heading, in order, and the table of contents links to it.
    size_t last = 0;
    int marked = 0;
    for (int l = 0; l < int(fw.levels.size()); l++) {
        const cm::Level& level = fw.levels[size_t(l)];
        SCOPED_TRACE(level.id);
        std::string tag = "<h2 id=\"level-" + level.id + "\">" + escape(level.name) + "</h2>";
        size_t at = html.find(tag);
        ASSERT_NE(at, std::string::npos);
        EXPECT_GT(at, last);
        last = at;
        EXPECT_NE(html.find("<a href=\"#level-" + level.id + "\">"), std::string::npos);

        size_t end = html.find("</section>", at);
        std::string section = html.substr(at, end - at);
        if (!level.published) {
            EXPECT_NE(section.find("No expectations are published for this level yet."), std::string::npos);
            EXPECT_EQ(section.find("<li>"), std::string::npos);
            continue;
        }
        // Every expectation in effect at the level appears once (texts that contain
        // another's are allowed for), escaped.
        std::vector<int> shown = cm::effective_expectations(fw, l);
        EXPECT_EQ(count(section, "<li>"), shown.size());
        int added = 0;
        for (int e : shown) {
            std::string text = escape(fw.expectations[size_t(e)].text);
            size_t containing = 0;
            for (int other : shown) containing += escape(fw.expectations[size_t(other)].text).find(text) != std::string::npos;
            EXPECT_EQ(count(section, text), containing) << text;
            if (fw.expectations[size_t(e)].level == l && cm::change_from_below(fw, e) == cm::Change::Added) added++;
        }
        EXPECT_EQ(int(count(section, "(new at this level)")), added);
        marked += added;
    }
    EXPECT_GT(marked, 0);
    // The introduction explains the mark once; the levels carry the rest.
    EXPECT_EQ(int(count(html.substr(html.find("<section")), "(new at this level)")), marked);
}

TEST(Export, FrameworkHtmlEscapesAndDropsUnsafeLinks) {
    cm::Framework fw = tiny();
    fw.expectations[0].text = "<script>alert(1)</script> & \"more\"";
    fw.expectations[2].links.push_back({"evil", "javascript:alert(2)"});
    std::string html = cm::framework_html(fw, "javascript:alert(3)");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"), std::string::npos);
    // Handbook paths become absolute against the framework's source.
    EXPECT_NE(html.find("<a href=\"https://example.com/handbook/values/\">Values page</a>"), std::string::npos);
    EXPECT_NE(html.find("<strong>Values.</strong> Lives the values."), std::string::npos);
    EXPECT_NE(html.find("<h3>Section S</h3>"), std::string::npos);
    EXPECT_NE(html.find("No expectations are published for this level yet."), std::string::npos);
    // At "two": two.a.2 and two.b.2 are new; two.a.1 grew from one.a.1 and is not marked.
    EXPECT_NE(html.find("Teaches A. (new at this level)"), std::string::npos);
    EXPECT_NE(html.find("Does A things for the team.</li>"), std::string::npos);
}

// [SECTION] JSON export and import

TEST(Export, JsonExportRoundTrips) {
    cm::Plan plan = full_plan();
    plan.notes = "Unicode: café 日本語 🚀\n\"quoted\"";
    std::string json = cm::plan_export_json(plan, tiny(), kNow);
    EXPECT_EQ(json.rfind("{\n  \"format\": \"career-matrix-plan-export\",\n  \"version\": 2,\n"
                         "  \"exportedAt\": \"2026-11-27T10:00:00.000Z\",\n  \"framework\": {\n    \"id\": \"tiny\",\n    \"version\": \"1\"\n  },\n  \"plan\": {\n    \"id\": \"plan-1\",",
                         0),
              0u)
        << json.substr(0, 300);
    cm::ImportPlanResult r = cm::import_plan_json(json, &tiny());
    ASSERT_TRUE(r.ok()) << r.diagnostics.to_string();
    EXPECT_EQ(r.version, 2);
    EXPECT_FALSE(r.migrated);
    ASSERT_EQ(r.plans.size(), 1u);
    EXPECT_EQ(r.plans[0], plan);
}

TEST(Export, ImportOfAWholeDocumentTakesEveryPlan) {
    cm::PlanDocument doc;
    doc.plans = {full_plan(), full_plan()};
    doc.plans[1].id = "plan-2";
    doc.plans[1].name = "Second";
    cm::ImportPlanResult r = cm::import_plan_json(cm::encode_plans(doc), &tiny());
    ASSERT_TRUE(r.ok()) << r.diagnostics.to_string();
    EXPECT_EQ(r.plans, doc.plans);
}

TEST(Export, ImportOfVersionOneMigrates) {
    std::string v1 = R"({"format":"career-matrix-plan","version":1,"savedAt":"2026-11-27T10:00:00.000Z","plan":{
        "name":"Old plan","framework":"tiny","currentLevel":"one","targetLevel":"two","notes":"n",
        "items":[{"expectation":"two.a.1","status":"todo"},{"expectation":"two.b.2","status":"doing","notes":"x"},
                 {"expectation":"gone.1","status":"done"}]}})";
    cm::ImportPlanResult r = cm::import_plan_json(v1, &tiny());
    ASSERT_TRUE(r.ok()) << r.diagnostics.to_string();
    EXPECT_TRUE(r.migrated);
    EXPECT_EQ(r.version, 1);
    ASSERT_EQ(r.plans.size(), 1u);
    const cm::Plan& p = r.plans[0];
    EXPECT_EQ(p.id, cm::fresh_plan_id({}, kNow));
    EXPECT_EQ(p.name, "Old plan");
    EXPECT_EQ(p.framework_version, "1");
    ASSERT_EQ(p.items.size(), 3u);
    cm::PlanItem expected = item_for("two.a.1", cm::ItemStatus::NotStarted);
    EXPECT_EQ(p.items[0], expected);
    EXPECT_EQ(p.items[1].status, cm::ItemStatus::InProgress);
    EXPECT_EQ(p.items[1].notes, "x");
    EXPECT_EQ(p.items[1].hash, cm::hash_to_hex(cm::content_hash("Leads B.")));
    EXPECT_EQ(p.items[2].status, cm::ItemStatus::Done);
    EXPECT_EQ(cm::freshness(tiny(), p.items[2]), cm::Freshness::Missing);
}

std::vector<std::string> problems(const cm::ImportPlanResult& r) {
    std::vector<std::string> out;
    for (const cm::Problem& p : r.diagnostics.problems) out.push_back(p.where + ": " + p.message);
    return out;
}

bool contains(const std::vector<std::string>& lines, const std::string& needle) {
    for (const std::string& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

TEST(Export, ImportOfABadFileReportsPointersAndImportsNothing) {
    cm::Json j = cm::Json::parse(cm::plan_export_json(full_plan(), tiny(), kNow), nullptr, false);
    ASSERT_FALSE(j.is_discarded());
    j["plan"]["items"][3]["status"] = "finished";
    j["plan"]["items"][1]["evidence"][0]["url"] = "javascript:alert(1)";
    j["plan"]["items"][1]["targetDate"] = "2026-13-01";
    cm::ImportPlanResult r = cm::import_plan_json(j.dump(), &tiny());
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.plans.empty());
    std::vector<std::string> lines = problems(r);
    EXPECT_TRUE(contains(lines, "plan.json:/plan/items/3/status: unknown status \"finished\"")) << r.diagnostics.to_string();
    EXPECT_TRUE(contains(lines, "plan.json:/plan/items/1/evidence/0/url: \"javascript:alert(1)\" is not an http(s) URL")) << r.diagnostics.to_string();
    EXPECT_TRUE(contains(lines, "plan.json:/plan/items/1/targetDate: \"2026-13-01\" is not a date")) << r.diagnostics.to_string();
    EXPECT_EQ(lines.size(), 3u) << r.diagnostics.to_string();

    // One bad plan in a whole document: nothing at all is imported.
    cm::PlanDocument doc;
    doc.plans = {full_plan(), full_plan()};
    doc.plans[1].id = "plan-2";
    doc.plans[1].items[0].target_date = "someday";
    r = cm::import_plan_json(cm::encode_plans(doc), &tiny(), "backup.json");
    EXPECT_TRUE(r.plans.empty());
    EXPECT_TRUE(contains(problems(r), "backup.json:/plans/1/items/0/targetDate: \"someday\" is not a date")) << r.diagnostics.to_string();

    // Version 1 pointers are those of the version 1 file.
    r = cm::import_plan_json(R"({"format":"career-matrix-plan","version":1,"savedAt":"2026-11-27T10:00:00.000Z","plan":{"name":"P",)"
                             R"("framework":"tiny","currentLevel":"","targetLevel":"two","items":[{"expectation":"two.a.1","status":"started"}]}})",
                             &tiny());
    EXPECT_TRUE(r.plans.empty());
    EXPECT_TRUE(contains(problems(r), "plan.json:/plan/items/0/status: unknown status \"started\"")) << r.diagnostics.to_string();
}

TEST(Export, ImportRefusesFilesThatAreNotPlans) {
    struct Case {
        std::string text, message;
    };
    std::vector<Case> cases = {
        {"{", "plan.json:1:2: not valid JSON"},
        {R"({"theme":"dark"})", "there is no \"format\" field"},
        {"[]", "the value is an array"},
        {R"({"format":"career-framework","formatVersion":1})", "the \"format\" field says \"career-framework\""},
        {R"({"format":"career-matrix-plan-export","version":3,"plan":{}})", "plan.json:/version: exported by a newer version of the app (version 3)"},
        {R"({"format":"career-matrix-plan-export","version":1,"plan":{}})", "unknown export version 1"},
        {R"({"format":"career-matrix-plans","version":3})", "saved by a newer version of the app (version 3)"},
        {R"({"format":"career-matrix-plan-export","version":2,"exportedAt":"2026-11-27T10:00:00.000Z","framework":{"id":"tiny","version":"1"}})",
         "missing required field \"plan\""},
        {"[" + std::string(40, '[') + std::string(41, ']'), "nesting deeper than 32 levels"},
        {std::string(cm::kMaxPlansBytes + 1, ' '), "the limit is 4194304"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text.substr(0, 80));
        cm::ImportPlanResult r = cm::import_plan_json(c.text, &tiny());
        EXPECT_FALSE(r.ok());
        EXPECT_TRUE(r.plans.empty());
        EXPECT_TRUE(contains(problems(r), c.message)) << r.diagnostics.to_string();
    }
}

}  // namespace
