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
        if (fw.levels[size_t(e.level)].id == "associate") EXPECT_EQ(e.extends, -1) << e.id;
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
    cm::ImportResult run() {
        cm::ImportOptions opt;
        opt.department = "tiny";
        opt.read = [this](const std::string& path, std::string* text) {
            auto it = files.find(path);
            if (it == files.end()) return cm::ReadStatus::Missing;
            *text = it->second;
            return cm::ReadStatus::Ok;
        };
        cm::ImportResult r;
        cm::import_handbook(opt, &r);
        return r;
    }
};

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

// The tool: cm-import sits one folder above the test binary in the build tree.
TEST(HandbookImport, ToolExitStatus) {
    std::error_code ec;
    fs::path tool = fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "cm-import";
    if (ec || !fs::exists(tool)) GTEST_SKIP() << "cm-import not built next to the tests";
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

}  // namespace
