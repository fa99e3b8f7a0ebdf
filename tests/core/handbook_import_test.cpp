#include "handbook_import.h"

#include "framework_load.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace {

namespace fs = std::filesystem;

const std::string kPages = "content/handbook/engineering/careers/matrix/platform/";
const std::string kIncludes = "assets/includes/engineering-careers/";

cm::ImportResult import(const std::string& root, const cm::Framework* previous = nullptr, bool expect_ok = true) {
    cm::ImportOptions opt;
    opt.handbook_root = root;
    opt.department = "platform";
    opt.previous = previous;
    cm::ImportResult result;
    EXPECT_EQ(cm::import_handbook(opt, &result), expect_ok);
    return result;
}

const cm::ImportResult& fixture() {
    static const cm::ImportResult result = import(CM_FIXTURES_DIR "/handbook");
    return result;
}

std::string problems_of(const cm::ImportResult& r) {
    std::string s;
    for (const cm::ImportProblem& p : r.problems) s += p.file + ":" + std::to_string(p.line) + ": " + p.message + "\n";
    return s;
}

const cm::Expectation& expectation(const cm::Framework& fw, const std::string& id) {
    int i = fw.find_expectation(id);
    EXPECT_GE(i, 0) << id;
    static const cm::Expectation none;
    return i < 0 ? none : fw.expectations[size_t(i)];
}

std::string extends_of(const cm::Framework& fw, const std::string& id) {
    const cm::Expectation& e = expectation(fw, id);
    return e.extends < 0 ? "" : fw.expectations[size_t(e.extends)].id;
}

std::vector<std::string> texts(const cm::Framework& fw, const std::string& level, const std::string& area) {
    std::vector<std::string> out;
    for (int i : fw.cell(fw.find_level(level), fw.find_area(area))) out.push_back(fw.expectations[size_t(i)].text);
    return out;
}

TEST(HandbookImport, FixtureImportsWithoutProblems) {
    const cm::ImportResult& r = fixture();
    EXPECT_TRUE(r.problems.empty()) << problems_of(r);
    auto read = [&](const std::string& path) { return std::find(r.files_read.begin(), r.files_read.end(), path) != r.files_read.end(); };
    EXPECT_TRUE(read(kPages + "_index.md"));
    EXPECT_TRUE(read(kPages + "staff.md"));
    EXPECT_TRUE(read(kIncludes + "values-competency.md"));
    EXPECT_TRUE(read("assets/includes/engineering/intermediate-technical-competency.md"));  // the older include location
    EXPECT_FALSE(read(kPages + "principal.md"));  // listed, but there is no page
    for (const std::string& f : r.files_read) EXPECT_EQ(f.find("/databases/"), std::string::npos) << "specialty page read: " << f;
    EXPECT_EQ(std::count(r.files_read.begin(), r.files_read.end(), kIncludes + "values-competency.md"), 1);
}

TEST(HandbookImport, CountsPerLevelAndArea) {
    const cm::Framework& fw = fixture().framework;
    const std::vector<std::string> areas = {"accountability", "credibility", "autonomy", "team-building", "leadership", "technical", "values"};
    const std::map<std::string, std::vector<size_t>> expected = {
        {"associate", {2, 2, 2, 2, 3, 2, 6}},
        {"intermediate", {3, 3, 2, 3, 3, 3, 0}},
        {"senior", {3, 3, 3, 3, 4, 3, 0}},
        {"staff", {4, 3, 3, 4, 4, 3, 0}},  // the staff competency files' scope paragraphs are not expectations
        {"principal", {0, 0, 0, 0, 0, 0, 0}},
    };
    for (const auto& [level, counts] : expected)
        for (size_t a = 0; a < areas.size(); a++)
            EXPECT_EQ(fw.cell(fw.find_level(level), fw.find_area(areas[a])).size(), counts[a]) << level << " " << areas[a];
    EXPECT_EQ(fw.expectations.size(), 76u);
}

TEST(HandbookImport, FrameworkComponentsDimensionsAndLevels) {
    const cm::Framework& fw = fixture().framework;
    EXPECT_EQ(fw.id, "platform");
    EXPECT_EQ(fw.name, "Platform Department Career Framework");
    EXPECT_EQ(fw.organization, "GitLab");
    EXPECT_EQ(fw.department, "Platform");
    // The summary is the overview's description, not its first sentence (which points at another page).
    EXPECT_EQ(fw.summary, "The Platform Department Career Framework has three major components, each as important as the others for growing at the company.");
    EXPECT_EQ(fw.source, "https://handbook.gitlab.com/handbook/engineering/careers/matrix/platform/");
    EXPECT_TRUE(fw.cumulative);
    EXPECT_EQ(fw.version.rfind("import-", 0), 0u);
    EXPECT_EQ(fw.version.size(), 7u + 16u);

    ASSERT_EQ(fw.components.size(), 3u);
    EXPECT_EQ(fw.components[0].id, "values");
    EXPECT_EQ(fw.components[0].name, "Company Values Alignment");
    EXPECT_EQ(fw.components[1].id, "engineering");
    EXPECT_EQ(fw.components[2].id, "department");
    EXPECT_EQ(fw.components[2].name, "Platform Department Leadership and Technical Competencies");

    ASSERT_EQ(fw.areas.size(), 7u);
    const cm::Area& team = fw.areas[size_t(fw.find_area("team-building"))];
    EXPECT_EQ(team.name, "Team building");
    EXPECT_EQ(team.description, "Describes how a team member helps their team grow");
    EXPECT_EQ(fw.components[size_t(team.component)].id, "department");
    const cm::Area& leadership = fw.areas[size_t(fw.find_area("leadership"))];
    EXPECT_EQ(leadership.kind, cm::AreaKind::Section);
    EXPECT_EQ(leadership.name, "Leadership competencies");
    EXPECT_EQ(fw.components[size_t(leadership.component)].id, "engineering");
    EXPECT_EQ(fw.components[size_t(fw.areas[size_t(fw.find_area("values"))].component)].id, "values");

    std::vector<std::string> ids;
    for (const cm::Level& l : fw.levels) ids.push_back(l.id);
    // A level without a page gets the id its page would have: the function's name is dropped.
    EXPECT_EQ(ids, (std::vector<std::string>{"associate", "intermediate", "senior", "staff", "principal", "distinguished", "fellow"}));
    for (size_t i = 0; i < fw.levels.size(); i++) EXPECT_EQ(fw.levels[i].order, int(i + 1));
    const cm::Level& staff = fw.levels[3];
    EXPECT_EQ(staff.name, "Staff");
    EXPECT_TRUE(staff.published);
    EXPECT_EQ(staff.source, "https://handbook.gitlab.com/handbook/engineering/careers/matrix/platform/staff/");
    EXPECT_EQ(staff.scope,
              "Staff engineers in Platform drive the department's results by making whole teams succeed. They partner with their engineering manager."
              "\n\nThey spend less time on hands-on work than before and more on the direction of the team.");
    EXPECT_EQ(fw.levels[0].scope, "Associate engineers in Platform learn the systems their team runs while delivering well-scoped tasks with guidance.");
    EXPECT_EQ(fw.levels[6].name, "Engineering Fellow");
}

TEST(HandbookImport, TextIsPlainAndLinksAreKept) {
    const cm::Framework& fw = fixture().framework;
    const cm::Expectation& runbooks = expectation(fw, "associate.accountability.2");
    EXPECT_EQ(runbooks.text, "Follows the on-call runbooks with support from a teammate.");
    ASSERT_EQ(runbooks.links.size(), 1u);
    EXPECT_EQ(runbooks.links[0].text, "on-call runbooks");
    // Site paths become absolute against the base URL: they work outside the handbook.
    EXPECT_EQ(runbooks.links[0].url, "https://handbook.gitlab.com/handbook/engineering/platform/runbooks/");

    const cm::Expectation& hiring = expectation(fw, "intermediate.team-building.3");
    ASSERT_EQ(hiring.links.size(), 1u);
    EXPECT_EQ(hiring.links[0].url, "https://about.example.com/hiring/shadowing/");

    // Bold, code spans and a continuation line; an underscore inside a word is text.
    EXPECT_EQ(expectation(fw, "senior.accountability.1").text, "Treats production safety as part of every change and helps others do the same.");
    EXPECT_EQ(expectation(fw, "intermediate.credibility.3").text, "Keeps main green and fixes the deploy_window setting when it drifts.");
    const cm::Expectation& epic = expectation(fw, "senior.autonomy.1");
    EXPECT_EQ(epic.text, "Breaks large projects into milestones that can ship on their own, and keeps the project epic current.");
    ASSERT_EQ(epic.links.size(), 1u);
    EXPECT_EQ(epic.links[0].text, "project epic");

    // A nested list is part of its parent item.
    EXPECT_EQ(expectation(fw, "intermediate.credibility.1").text,
              "Builds trust with the team by: reviewing merge requests within a day; explaining trade-offs in writing");
    // The HTML comment above the autonomy list is dropped.
    EXPECT_EQ(texts(fw, "intermediate", "autonomy").front(), "Chooses the next issue from the team board by weighing impact and effort.");

    for (const cm::Expectation& e : fw.expectations)
        for (const char* markup : {"**", "__", "`", "](", "<!--", "  "}) EXPECT_EQ(e.text.find(markup), std::string::npos) << e.id << ": " << e.text;
}

TEST(HandbookImport, LevelsWithoutPageAreUnpublished) {
    const cm::Framework& fw = fixture().framework;
    for (const char* id : {"principal", "distinguished", "fellow"}) {
        int l = fw.find_level(id);
        ASSERT_GE(l, 0) << id;
        EXPECT_FALSE(fw.levels[size_t(l)].published) << id;
        EXPECT_EQ(fw.levels[size_t(l)].source, "") << id << ": no page to link to";
        EXPECT_EQ(fw.levels[size_t(l)].scope,
                  "Listed in the Platform Department Career Framework without a level page; no expectations are published for this level yet.");
        for (const cm::Expectation& e : fw.expectations) EXPECT_NE(e.level, l) << e.id;
    }
}

TEST(HandbookImport, ValuesAreImportedOnceWithTitles) {
    const cm::Framework& fw = fixture().framework;
    int values = fw.find_area("values");
    std::vector<std::pair<std::string, std::string>> got;  // id, title
    for (const cm::Expectation& e : fw.expectations)
        if (e.area == values) {
            EXPECT_EQ(fw.levels[size_t(e.level)].id, "associate") << e.id;
            got.emplace_back(e.id, e.title);
        }
    EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                       {"values.collaboration", "Collaboration"},
                       {"values.results-for-customers", "Results for Customers"},
                       {"values.efficiency", "Efficiency"},
                       {"values.diversity-inclusion-and-belonging", "Diversity, Inclusion and Belonging"},
                       {"values.iteration", "Iteration"},
                       {"values.transparency", "Transparency"},
                   }));
    // The title prefix is not repeated in the text; a linked value keeps its sentence.
    EXPECT_EQ(expectation(fw, "values.collaboration").text, "Offers help before being asked and gives credit for the work of others.");
    EXPECT_EQ(expectation(fw, "values.results-for-customers").text, "Connects daily work to what customers need.");
    EXPECT_EQ(expectation(fw, "values.transparency").text, "Adhere to the Transparency Competencies for this job level.");
}

TEST(HandbookImport, ExtendsFollowsItemsThatGrow) {
    const cm::Framework& fw = fixture().framework;
    EXPECT_EQ(extends_of(fw, "intermediate.accountability.1"), "associate.accountability.1");
    EXPECT_EQ(extends_of(fw, "intermediate.leadership.1"), "associate.leadership.1");
    EXPECT_EQ(extends_of(fw, "intermediate.technical.2"), "associate.technical.2");
    EXPECT_EQ(extends_of(fw, "staff.technical.1"), "senior.technical.1");
    EXPECT_EQ(extends_of(fw, "staff.leadership.1"), "senior.leadership.1");
    // New at their level: no lower item shares enough of their words.
    EXPECT_EQ(extends_of(fw, "intermediate.accountability.3"), "");
    EXPECT_EQ(extends_of(fw, "intermediate.accountability.2"), "");
    EXPECT_EQ(extends_of(fw, "staff.team-building.4"), "");
    for (const cm::Expectation& e : fw.expectations) {
        if (fw.levels[size_t(e.level)].id == "associate") {
            EXPECT_EQ(e.extends, -1) << e.id;
        }
    }
}

TEST(HandbookImport, HashesArePresentAndCorrect) {
    const cm::Framework& fw = fixture().framework;
    for (const cm::Expectation& e : fw.expectations) {
        EXPECT_NE(e.hash, 0u) << e.id;
        EXPECT_EQ(e.hash, cm::content_hash(e.text)) << e.id;
    }
    std::string json = cm::save_framework(fw, true);
    EXPECT_NE(json.find("\"hash\": \"" + cm::hash_to_hex(fw.expectations[0].hash) + "\""), std::string::npos);
}

TEST(HandbookImport, RoundTripsThroughTheFileFormat) {
    const cm::Framework& fw = fixture().framework;
    cm::Diagnostics diag;
    diag.file = "platform.json";
    cm::Framework loaded;
    ASSERT_TRUE(cm::load_framework(cm::save_framework(fw, true), &loaded, &diag)) << diag.to_string();
    ASSERT_EQ(loaded.expectations.size(), fw.expectations.size());
    for (size_t i = 0; i < fw.expectations.size(); i++) {
        EXPECT_EQ(loaded.expectations[i].id, fw.expectations[i].id);
        EXPECT_EQ(loaded.expectations[i].text, fw.expectations[i].text);
        EXPECT_EQ(loaded.expectations[i].extends, fw.expectations[i].extends);
    }
    EXPECT_EQ(cm::save_framework(loaded, true), cm::save_framework(fw, true));
}

TEST(HandbookImport, IdsAndVersionAreStableAcrossRuns) {
    cm::ImportResult again = import(CM_FIXTURES_DIR "/handbook");
    EXPECT_EQ(cm::save_framework(again.framework, true), cm::save_framework(fixture().framework, true));
}

// A copy of the fixture with one edit, in a temporary folder removed at the end.
struct EditedCopy {
    fs::path root;
    explicit EditedCopy(const std::string& name) {
        root = fs::temp_directory_path() / ("cm-handbook-import-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::copy(CM_FIXTURES_DIR "/handbook", root, fs::copy_options::recursive);
    }
    ~EditedCopy() { fs::remove_all(root); }
    void replace(const std::string& file, const std::string& from, const std::string& to) {
        fs::path path = root / file;
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        size_t at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
        std::ofstream(path, std::ios::binary) << text;
    }
};

TEST(HandbookImport, PreviousImportKeepsIdsWhenAnItemIsInserted) {
    const cm::Framework& before = fixture().framework;
    EditedCopy copy("insert");
    copy.replace(kPages + "senior.md", "## Accountability\n\n", "## Accountability\n\n1. Reviews the cost of every service the team runs once a quarter.\n");

    cm::ImportResult after = import(copy.root.string(), &before);
    EXPECT_TRUE(after.problems.empty()) << problems_of(after);
    const cm::Framework& fw = after.framework;
    EXPECT_NE(fw.version, before.version);
    std::vector<std::string> ids;
    for (int i : fw.cell(fw.find_level("senior"), fw.find_area("accountability"))) ids.push_back(fw.expectations[size_t(i)].id);
    // The three old items keep their ids; the new one, first on the page, takes the next free one.
    EXPECT_EQ(ids, (std::vector<std::string>{"senior.accountability.4", "senior.accountability.1", "senior.accountability.2", "senior.accountability.3"}));
    for (const char* id : {"senior.accountability.1", "senior.accountability.2", "senior.accountability.3"})
        EXPECT_EQ(expectation(fw, id).text, expectation(before, id).text) << id;
    // Everything else is untouched.
    EXPECT_EQ(expectation(fw, "staff.accountability.1").text, expectation(before, "staff.accountability.1").text);

    // Without the previous import the ids are positional, and shift.
    cm::ImportResult fresh = import(copy.root.string());
    EXPECT_EQ(expectation(fresh.framework, "senior.accountability.1").text, "Reviews the cost of every service the team runs once a quarter.");
}

TEST(HandbookImport, PreviousImportAndAnEditedText) {
    const cm::Framework& before = fixture().framework;
    EditedCopy copy("edit");
    copy.replace(kPages + "associate.md", "Pairs with teammates to learn the codebase.", "Pairs with teammates to learn the codebase and its tests.");
    cm::ImportResult after = import(copy.root.string(), &before);
    const cm::Expectation& e = expectation(after.framework, "associate.team-building.2");  // same place, same id: a changed hash shows the edit
    EXPECT_EQ(e.text, "Pairs with teammates to learn the codebase and its tests.");
    EXPECT_NE(e.hash, expectation(before, "associate.team-building.2").hash);
}

TEST(HandbookImport, BrokenFixtureReportsEachProblemWhereItIs) {
    cm::ImportResult r = import(CM_FIXTURES_DIR "/handbook-broken");
    std::vector<std::string> got;
    for (const cm::ImportProblem& p : r.problems) got.push_back(p.file + ":" + std::to_string(p.line));
    EXPECT_EQ(got, (std::vector<std::string>{
                       kPages + "_index.md:11",       // two components instead of three
                       kPages + "associate.md:13",    // a paragraph inside the accountability list (reported once)
                       kPages + "associate.md:22",    // "## Notes"
                       kPages + "intermediate.md:33", // include not found
                       kPages + "intermediate.md:37", // values differ from the first level's
                       kPages + "intermediate.md:39", // "### Intermediate Extras"
                   }))
        << problems_of(r);
    ASSERT_EQ(r.problems.size(), 6u);
    EXPECT_NE(r.problems[1].message.find("outside the list"), std::string::npos);
    EXPECT_NE(r.problems[2].message.find("unknown section \"## Notes\""), std::string::npos);
    EXPECT_NE(r.problems[3].message.find("\"includes/engineering-careers/intermediate-technical-competency.md\" not found"), std::string::npos);
    EXPECT_NE(r.problems[4].message.find("values"), std::string::npos);

    // What was understood is still imported; the first values are kept.
    const cm::Framework& fw = r.framework;
    EXPECT_EQ(fw.components[1].name, "Engineering Function Leadership Competencies");  // the usual names
    EXPECT_EQ(texts(fw, "associate", "accountability"), (std::vector<std::string>{"Owns small tasks from start to finish.", "Asks for help when blocked."}));
    EXPECT_EQ(expectation(fw, "values.results").title, "Results");
    EXPECT_TRUE(texts(fw, "intermediate", "technical").empty());
}

// An in-memory handbook through the reader interface, for inputs awkward to keep on disk.
struct MemoryHandbook {
    std::map<std::string, std::string> files;
    std::string base_url;                  // empty: the importer's default
    const cm::Framework* previous = nullptr;
    bool ok = false;                       // what import_handbook returned
    cm::ImportResult run() {
        cm::ImportOptions opt;
        opt.department = "tiny";
        if (!base_url.empty()) opt.base_url = base_url;
        opt.previous = previous;
        opt.read = [this](const std::string& path, std::string* text) {
            auto it = files.find(path);
            if (it == files.end()) return cm::ReadStatus::Missing;
            *text = it->second;
            return cm::ReadStatus::Ok;
        };
        opt.list = [this](const std::string& dir, std::vector<std::string>* names) {
            for (const auto& [path, text] : files)
                if (path.rfind(dir, 0) == 0 && path.find('/', dir.size()) == std::string::npos) names->push_back(path.substr(dir.size()));
            return true;
        };
        cm::ImportResult r;
        ok = cm::import_handbook(opt, &r);
        return r;
    }
};

const std::string kTiny = "content/handbook/engineering/careers/matrix/tiny/";
const std::string kTinyPage = "https://handbook.gitlab.com/handbook/engineering/careers/matrix/tiny/senior/";

MemoryHandbook tiny(const std::string& accountability) {
    MemoryHandbook h;
    const std::string dir = "content/handbook/engineering/careers/matrix/tiny/";
    h.files[dir + "_index.md"] =
        "---\ntitle: \"Tiny Department Career Framework\"\n---\n\n## Tiny\n\nA tiny framework.\n\n1. Company Values Alignment\n1. Engineering Function Leadership Competencies\n"
        "1. Tiny Department Leadership and Technical Competencies\n\nDimensions:\n\n1. Accountability - Responsibility\n\nLevels:\n\n1. [Senior](/handbook/x/tiny/senior/)\n";
    h.files[dir + "senior.md"] =
        "---\ntitle: \"Senior - Tiny\"\n---\n\n## Senior\n\nScope.\n\n## Accountability\n\n" + accountability +
        "\n## Engineering alignment\n\n### Senior Leadership Competencies\n\n{{% include \"includes/l.md\" %}}\n\n### Senior Technical Competencies\n\n"
        "{{< include \"includes/l.md\" >}}\n\n### Senior Values Alignment\n\n{{% include 'includes/v.md' %}}\n";
    h.files["assets/includes/l.md"] = "* Leads.\n";
    h.files["assets/includes/v.md"] = "* Collaboration - Helps.\n";
    return h;
}

TEST(HandbookImport, InvalidUtf8IsReplaced) {
    cm::ImportResult r = tiny("1. Owns caf\xE9 tasks \xF0\x9F\x98\x80.\n").run();
    EXPECT_TRUE(r.problems.empty()) << problems_of(r);
    EXPECT_EQ(expectation(r.framework, "senior.accountability.1").text, "Owns caf\xEF\xBF\xBD tasks \xF0\x9F\x98\x80.");
    EXPECT_EQ(expectation(r.framework, "senior.leadership.1").text, "Leads.");
    EXPECT_EQ(expectation(r.framework, "values.collaboration").text, "Helps.");
}

TEST(HandbookImport, OverlongLinesAndFilesAreProblems) {
    cm::ImportResult r = tiny("1. Short.\n1. " + std::string(10001, 'a') + "\n").run();
    ASSERT_EQ(r.problems.size(), 1u) << problems_of(r);
    EXPECT_EQ(r.problems[0].file, "content/handbook/engineering/careers/matrix/tiny/senior.md");
    EXPECT_EQ(r.problems[0].line, 12);
    EXPECT_EQ(texts(r.framework, "senior", "accountability").size(), 1u);

    MemoryHandbook big = tiny("1. Short.\n");
    big.files["assets/includes/l.md"] = std::string((1u << 20) + 1, '*');
    r = big.run();
    EXPECT_NE(problems_of(r).find("assets/includes/l.md:0: larger than 1 MiB"), std::string::npos) << problems_of(r);
}

TEST(HandbookImport, NothingUsable) {
    cm::ImportResult r = import(CM_FIXTURES_DIR "/handbook-missing", nullptr, false);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].file, kPages + "_index.md");

    cm::ImportOptions opt;
    opt.handbook_root = CM_FIXTURES_DIR "/handbook";
    opt.department = "../platform";
    EXPECT_FALSE(cm::import_handbook(opt, &r));
}

// The tool, as CMake built it (CM_IMPORT_TOOL).
TEST(HandbookImport, ToolExitStatus) {
    const fs::path tool = CM_IMPORT_TOOL;
    ASSERT_TRUE(fs::exists(tool)) << tool;
    auto status = [&](const std::string& args) {
        int rc = std::system((tool.string() + " " + args + " >/dev/null 2>&1").c_str());
        return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    };
    std::string fixtures = CM_FIXTURES_DIR;
    EXPECT_EQ(status(""), 2);
    EXPECT_EQ(status("--handbook"), 2);
    EXPECT_EQ(status("--bogus x"), 2);
    EXPECT_EQ(status("--handbook " + fixtures + "/handbook"), 2);
    EXPECT_EQ(status("--handbook " + fixtures + "/handbook --department nope"), 2);
    EXPECT_EQ(status("--handbook " + fixtures + "/handbook --department platform"), 0);
    EXPECT_EQ(status("--handbook " + fixtures + "/handbook-broken --department platform"), 1);
}

// [Found on the handbook's own pages] What the importer used to drop or get wrong.

TEST(HandbookImport, ACompetencyFilesScopeParagraphIsKept) {
    const cm::Framework& fw = fixture().framework;
    const cm::Level& staff = fw.levels[size_t(fw.find_level("staff"))];
    const cm::SectionScope* scope = staff.section_scope(fw.find_area("leadership"));
    ASSERT_NE(scope, nullptr);
    EXPECT_EQ(scope->text, "A staff engineer usually works at the scope of a team and partners with its engineering manager on the team's direction.");
    const cm::SectionScope* technical = staff.section_scope(fw.find_area("technical"));
    ASSERT_NE(technical, nullptr);
    EXPECT_EQ(technical->text, "A staff engineer is expected to see the technical landscape of the whole team.");
    EXPECT_EQ(fw.levels[size_t(fw.find_level("senior"))].section_scopes.size(), 0u);  // its files have none
    // The paragraph is the scope, not an expectation.
    for (const std::string& t : texts(fw, "staff", "leadership")) EXPECT_EQ(t.find("usually works at the scope"), std::string::npos) << t;
    // And it survives the file format.
    cm::Framework again;
    cm::Diagnostics diag;
    ASSERT_TRUE(cm::load_framework(cm::save_framework(fw, true), &again, &diag)) << diag.to_string();
    const cm::SectionScope* kept = again.levels[size_t(again.find_level("staff"))].section_scope(again.find_area("leadership"));
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->text, scope->text);
}

TEST(HandbookImport, LinksInScopeParagraphsAreKept) {
    MemoryHandbook h = tiny("1. Owns it.\n");
    h.files[kTiny + "senior.md"].replace(h.files[kTiny + "senior.md"].find("Scope."), 6, "Seen as a [partner](/handbook/ic/#archetypes) of their manager.");
    h.files["assets/includes/l.md"] = "##### Engineering\n\nWorks at a [team](/handbook/teams/) scope.\n\n* Leads.\n";
    cm::ImportResult r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    EXPECT_TRUE(r.problems.empty()) << problems_of(r);
    const cm::Level& senior = r.framework.levels[0];
    EXPECT_EQ(senior.scope, "Seen as a partner of their manager.");
    ASSERT_EQ(senior.links.size(), 1u);
    EXPECT_EQ(senior.links[0].text, "partner");
    EXPECT_EQ(senior.links[0].url, "https://handbook.gitlab.com/handbook/ic/#archetypes");
    const cm::SectionScope* scope = senior.section_scope(r.framework.find_area("leadership"));
    ASSERT_NE(scope, nullptr);
    EXPECT_EQ(scope->text, "Works at a team scope.");
    ASSERT_EQ(scope->links.size(), 1u);
    EXPECT_EQ(scope->links[0].url, "https://handbook.gitlab.com/handbook/teams/");
}

TEST(HandbookImport, FragmentLinksResolveAgainstTheirPageAndSitePathsAgainstTheBaseUrl) {
    MemoryHandbook h = tiny("1. Embraces [the leadership side](#senior-leadership-competencies) of the role.\n1. Prefers [boring solutions](/handbook/values/#boring-solutions).\n");
    h.files["assets/includes/l.md"] = "* Leads, as [above](#senior-accountability).\n";
    cm::ImportResult r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    EXPECT_TRUE(r.problems.empty()) << problems_of(r);
    // An include's fragment points into the level page that shows it.
    EXPECT_EQ(expectation(r.framework, "senior.accountability.1").links.at(0).url, kTinyPage + "#senior-leadership-competencies");
    EXPECT_EQ(expectation(r.framework, "senior.leadership.1").links.at(0).url, kTinyPage + "#senior-accountability");
    EXPECT_EQ(expectation(r.framework, "senior.accountability.2").links.at(0).url, "https://handbook.gitlab.com/handbook/values/#boring-solutions");
    EXPECT_EQ(r.framework.levels[0].source, kTinyPage);

    // A preview site, with its path prefix: every address follows it.
    h.base_url = "https://preview.example.org/mr123/";
    r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    EXPECT_EQ(expectation(r.framework, "senior.accountability.2").links.at(0).url, "https://preview.example.org/mr123/handbook/values/#boring-solutions");
    EXPECT_EQ(r.framework.source, "https://preview.example.org/mr123/handbook/engineering/careers/matrix/tiny/");
    EXPECT_EQ(expectation(r.framework, "senior.leadership.1").links.at(0).url,
              "https://preview.example.org/mr123/handbook/engineering/careers/matrix/tiny/senior/#senior-accountability");

    h.base_url = "javascript:alert(1)";
    r = h.run();
    EXPECT_FALSE(h.ok);
    EXPECT_NE(problems_of(r).find("is not an http(s) URL"), std::string::npos) << problems_of(r);
}

TEST(HandbookImport, OneMalformedLinkDropsThatLinkAndNothingElse) {
    MemoryHandbook h = tiny("1. Reads [x](/\\evil.example/x) and [y](https://example.com/y).\n1. Writes [mail](mailto:a@example.com).\n1. Keeps [z](relative/page).\n");
    cm::ImportResult r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    EXPECT_EQ(texts(r.framework, "senior", "accountability"), (std::vector<std::string>{"Reads x and y.", "Writes mail.", "Keeps z."}));
    const cm::Expectation& first = expectation(r.framework, "senior.accountability.1");
    ASSERT_EQ(first.links.size(), 1u);
    EXPECT_EQ(first.links[0].url, "https://example.com/y");
    EXPECT_TRUE(expectation(r.framework, "senior.accountability.2").links.empty());
    ASSERT_EQ(r.problems.size(), 3u) << problems_of(r);
    for (const cm::ImportProblem& p : r.problems) {
        EXPECT_EQ(p.severity, cm::Severity::Warning) << p.message;
        EXPECT_EQ(p.file, kTiny + "senior.md");
        EXPECT_NE(p.message.find("dropped, its text is kept"), std::string::npos) << p.message;
    }
    EXPECT_EQ(r.count(cm::Severity::Error), 0u);
}

TEST(HandbookImport, LevelIdsFollowPageNamesAndAPreviousFrameworkKeepsThem) {
    MemoryHandbook h = tiny("1. Owns it.\n");
    std::string& index = h.files[kTiny + "_index.md"];
    index += "1. Distinguished\n1. Engineering Fellow\n";
    cm::ImportResult r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    std::vector<std::string> ids;
    for (const cm::Level& l : r.framework.levels) ids.push_back(l.id + (l.source.empty() ? "" : " (page)"));
    EXPECT_EQ(ids, (std::vector<std::string>{"senior (page)", "distinguished", "fellow"}));

    // Another data file of the same department names its levels otherwise: its level ids are
    // kept, and so are the ids of texts that did not change, so a plan made against it finds its items.
    cm::Framework previous = r.framework;
    previous.levels[0].id = "senior-engineer";
    previous.levels[2].id = "eng-fellow";
    previous.index();
    h.previous = &previous;
    r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    ids.clear();
    for (const cm::Level& l : r.framework.levels) ids.push_back(l.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"senior-engineer", "distinguished", "eng-fellow"}));
    const cm::Expectation& kept = expectation(r.framework, "senior.accountability.1");
    EXPECT_EQ(kept.text, "Owns it.");
    EXPECT_EQ(r.framework.levels[size_t(kept.level)].id, "senior-engineer");
    EXPECT_EQ(r.framework.levels[0].source, kTinyPage);  // the page keeps its address
}

TEST(HandbookImport, TheOverviewsListsAreToldApartByWhatTheyHold) {
    // The same lists in another order, bulleted, with prose between them.
    MemoryHandbook h = tiny("1. Owns it.\n");
    h.files[kTiny + "_index.md"] =
        "---\ntitle: \"Tiny Department Career Framework\"\ndescription: \"Three parts.\"\n---\n\n## Tiny\n\nThe levels:\n\n* [Senior](/handbook/engineering/careers/matrix/tiny/senior/)\n"
        "* Principal\n\nWe grow:\n\n- Accountability - Responsibility\n\nThe parts:\n\n1. Company Values Alignment\n1. Engineering Function Leadership Competencies\n"
        "1. Tiny Department Leadership and Technical Competencies\n";
    cm::ImportResult r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    EXPECT_TRUE(r.problems.empty()) << problems_of(r);
    EXPECT_EQ(r.framework.summary, "Three parts.");
    EXPECT_EQ(r.framework.levels.size(), 2u);
    EXPECT_EQ(r.framework.areas[0].name, "Accountability");
    EXPECT_EQ(r.framework.areas[0].description, "Responsibility");
    EXPECT_EQ(r.framework.components[0].id, "values");

    // Without the dimensions' list they come from the level pages' headings, said as a warning.
    h.files[kTiny + "_index.md"] =
        "---\ntitle: \"Tiny Department Career Framework\"\n---\n\n## Tiny\n\n1. [Senior](/handbook/engineering/careers/matrix/tiny/senior/)\n";
    r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    EXPECT_EQ(r.framework.areas[0].id, "accountability");
    EXPECT_EQ(texts(r.framework, "senior", "accountability"), std::vector<std::string>{"Owns it."});
    EXPECT_NE(problems_of(r).find("no list of growth dimensions"), std::string::npos) << problems_of(r);
    EXPECT_NE(problems_of(r).find("no list of the framework's components; using the usual names"), std::string::npos) << problems_of(r);
    EXPECT_EQ(r.count(cm::Severity::Error), 0u) << problems_of(r);

    // Without a list of levels: the folder's pages, in the ladder's order.
    h.files[kTiny + "intern.md"] = h.files[kTiny + "senior.md"];
    h.files[kTiny + "_index.md"] = "---\ntitle: \"Tiny Department Career Framework\"\n---\n\n## Tiny\n\n1. Accountability - Responsibility\n";
    r = h.run();
    ASSERT_TRUE(h.ok) << problems_of(r);
    ASSERT_EQ(r.framework.levels.size(), 2u);
    EXPECT_EQ(r.framework.levels[0].id, "intern");
    EXPECT_EQ(r.framework.levels[1].id, "senior");
    EXPECT_NE(problems_of(r).find("the levels are the folder's pages, in the usual order: intern, senior"), std::string::npos) << problems_of(r);
}

TEST(HandbookImport, ProblemsSayWhetherTheyLoseRequiredContent) {
    cm::ImportResult r = import(CM_FIXTURES_DIR "/handbook-broken");
    std::vector<std::string> errors;
    for (const cm::ImportProblem& p : r.problems)
        if (p.severity == cm::Severity::Error) errors.push_back(p.message);
    // The only error: an include that is not there (a competency list is missing from the result).
    ASSERT_EQ(errors.size(), 1u) << problems_of(r);
    EXPECT_NE(errors[0].find("not found"), std::string::npos);
}

TEST(HandbookImport, ToolWarnsWithoutFailingUnlessStrict) {
    const fs::path tool = CM_IMPORT_TOOL;
    ASSERT_TRUE(fs::exists(tool)) << tool;
    EditedCopy copy("warnings");
    copy.replace(kPages + "associate.md", "## Accountability\n", "## Accountability\n\nA stray paragraph.\n\n");
    auto run = [&](const std::string& extra, std::string* err) {
        fs::path log = copy.root / "stderr.txt";
        int rc = std::system((tool.string() + " --handbook " + copy.root.string() + " --department platform -o " + (copy.root / "out.json").string() + extra +
                              " 2>" + log.string()).c_str());
        std::ifstream in(log);
        std::stringstream ss;
        ss << in.rdbuf();
        *err = ss.str();
        return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    };
    std::string err;
    EXPECT_EQ(run("", &err), 0) << err;
    EXPECT_NE(err.find("associate.md:"), std::string::npos) << err;
    EXPECT_NE(err.find(": warning: text outside the list"), std::string::npos) << err;
    EXPECT_NE(err.find("0 errors, 1 warning"), std::string::npos) << err;
    EXPECT_EQ(run(" --strict", &err), 1) << err;
}

}  // namespace
