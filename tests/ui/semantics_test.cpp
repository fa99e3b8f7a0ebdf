// The semantic tree the views declare (semantics.h), as the platform receives
// it: roles, names, states and reading order for one view of each tab, and the
// promise that it is sent only when it changes. A renamed or dropped control
// fails here instead of silently leaving the accessibility tree.
#include "plan.h"
#include "platform_headless.h"
#include "test_data.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace {

using headless::host;
using Json = nlohmann::json;

struct SemanticsTest : testing::Test {
    ui::App app;
    headless::Runner run{app};

    void open(const char* hash = "") {
        ASSERT_TRUE(app.load_framework(test_data::infrastructure_text(), "infrastructure.json"));
        app.on_url_hash(hash);
        run.frames(3);
    }
    Json tree() {
        Json t = Json::parse(host().semantics);
        EXPECT_FALSE(t["nodes"].empty()) << "no tree was published";
        return t;
    }
    // Nodes with this role (and this name, when given), in reading order.
    std::vector<Json> find(const std::string& role, const std::string& name = "") {
        std::vector<Json> out;
        const Json t = tree();  // kept alive while its nodes are read
        for (const Json& n : t["nodes"])
            if (n["r"] == role && (name.empty() || n.value("l", "") == name)) out.push_back(n);
        return out;
    }
    Json node(const std::string& id) {
        const Json t = tree();
        for (const Json& n : t["nodes"])
            if (n["n"] == id) return n;
        ADD_FAILURE() << "no node " << id;
        return Json::object();
    }
    int state(const Json& n) { return n.value("s", 0); }
    // Whether a node's place (the geometry sent with the tree) is on screen.
    bool on_screen(const std::string& id) {
        const Json nodes = tree()["nodes"];
        const std::vector<float>& g = host().semantics_geometry;
        EXPECT_EQ(g.size(), nodes.size() * ui::kGeometryFloats) << "a place for every node";
        for (size_t i = 0; i < nodes.size() && (i + 1) * ui::kGeometryFloats <= g.size(); i++)
            if (nodes[i]["n"] == id) return g[i * ui::kGeometryFloats + 6] > 0 && g[i * ui::kGeometryFloats + 7] > 0;
        ADD_FAILURE() << "no node " << id;
        return false;
    }
    // The names of a node's ancestors, nearest first.
    std::vector<std::string> ancestors(const Json& n) {
        Json nodes = tree()["nodes"];
        std::vector<std::string> out;
        for (int p = n.value("p", -1); p >= 0; p = nodes[size_t(p)].value("p", -1)) out.push_back(nodes[size_t(p)]["n"]);
        return out;
    }
};

TEST_F(SemanticsTest, TheLadderSaysItsTabsFiltersAndEveryExpectation) {
    open();
    // Tabs: a tab list, the ladder's tab selected.
    ASSERT_EQ(find("tablist", "Views").size(), 1u);
    std::vector<Json> tabs = find("tab");
    ASSERT_EQ(tabs.size(), 3u);
    EXPECT_EQ(tabs[0]["l"], "Ladder");
    EXPECT_TRUE(state(tabs[0]) & ui::state::Selected);
    EXPECT_FALSE(state(tabs[1]) & ui::state::Selected);
    EXPECT_EQ(ancestors(tabs[1]).front(), "group:views");

    // The title, the search box, filter chips as toggle buttons in named groups.
    EXPECT_EQ(find("heading", app.fw.name).size(), 1u);
    EXPECT_EQ(find("heading", app.fw.name)[0]["lv"], 1);
    ASSERT_EQ(find("textbox", "Search all levels").size(), 1u);
    Json senior = node("chip:level:senior");
    EXPECT_EQ(senior["r"], "button");
    EXPECT_EQ(senior["l"], "Senior");
    EXPECT_TRUE(state(senior) & ui::state::Toggle);
    EXPECT_FALSE(state(senior) & ui::state::Pressed);
    EXPECT_EQ(ancestors(senior).front(), "chips:levels");
    EXPECT_EQ(node("chips:levels")["l"], "Levels");
    EXPECT_EQ(node("only-new")["r"], "checkbox");

    // Every expectation is in the tree, drawn or not, as a list item under its
    // level's and area's headings, saying in words how it relates to the level below.
    int declared = 0, off_screen = 0;
    const Json whole = tree();
    for (const Json& n : whole["nodes"]) {
        if (n["n"].get<std::string>().rfind("expectation:", 0) != 0) continue;
        declared++;
        off_screen += !on_screen(n["n"]);
    }
    EXPECT_EQ(declared, int(app.fw.expectations.size()));
    EXPECT_GT(off_screen, 100) << "most of the ladder is far below the screen, and still declared";
    Json item = node("expectation:staff.autonomy.1");
    EXPECT_EQ(item["l"], app.fw.expectations[size_t(app.fw.find_expectation("staff.autonomy.1"))].text);
    EXPECT_EQ(item["d"], "grows from Senior");
    std::vector<std::string> up = ancestors(item);
    ASSERT_GE(up.size(), 2u);
    EXPECT_EQ(up[0], "entry:staff.autonomy.1");
    EXPECT_EQ(node(up[0])["r"], "listitem");
    EXPECT_EQ(node(up[1])["r"], "list");
    EXPECT_EQ(node("level:staff")["r"], "heading");
    EXPECT_EQ(node("cell:staff:autonomy")["lv"], 3);
    // Reading order: the level heading, then its cell heading, then the entry.
    Json nodes = tree()["nodes"];
    auto index_of = [&](const std::string& id) {
        for (size_t i = 0; i < nodes.size(); i++)
            if (nodes[i]["n"] == id) return int(i);
        return -1;
    };
    EXPECT_LT(index_of("level:staff"), index_of("cell:staff:autonomy"));
    EXPECT_LT(index_of("cell:staff:autonomy"), index_of("expectation:staff.autonomy.1"));
    EXPECT_LT(index_of("level:senior"), index_of("level:staff"));
    EXPECT_EQ(node("expectation:intern.accountability.1")["d"], "new at this level");

    // Pressing a chip is said.
    run.click_target("chip:level:senior");
    EXPECT_TRUE(state(node("chip:level:senior")) & ui::state::Pressed);
}

TEST_F(SemanticsTest, EveryControlHasAName) {
    open();
    for (const char* hash : {"", "view=compare&from=senior&to=staff", "view=plan", "item=staff.autonomy.1"}) {
        app.on_url_hash(hash);
        run.frames(3);
        const Json t = tree();
        for (const Json& n : t["nodes"]) {
            const std::string role = n["r"];
            if (role == "text" || role == "list" || role == "listitem" || (role == "group" && n["n"].get<std::string>().rfind("chips:", 0) != 0)) continue;
            EXPECT_FALSE(n.value("l", "").empty()) << hash << ": " << n["n"] << " (" << role << ") has no name";
        }
    }
}

TEST_F(SemanticsTest, TheCompareViewSaysWhatIsNewAndWhatGrewInWords) {
    open("view=compare&from=senior&to=staff");
    Json from = node("compare:from");
    EXPECT_EQ(from["r"], "combobox");
    EXPECT_EQ(from["l"], "Compare");
    EXPECT_EQ(from["v"], "Senior");
    EXPECT_TRUE(state(from) & ui::state::Collapsed);
    EXPECT_NE(node("compare:summary")["l"].get<std::string>().find("Staff adds"), std::string::npos);
    int added = 0, grown = 0;
    for (const Json& n : find("button")) {
        std::string label = n.value("l", "");
        if (label.rfind("New at Staff: ", 0) == 0) added++;
        if (label.rfind("Grows at Staff: ", 0) == 0) {
            grown++;
            EXPECT_EQ(n.value("d", "").rfind("At Senior: ", 0), 0u) << label;
            EXPECT_NE(n.value("d", "").find("Added words:"), std::string::npos);
        }
    }
    EXPECT_GT(added, 5);
    EXPECT_GT(grown, 5);

    // An open combo is expanded, with its options in a list box.
    run.click_target("compare:from");
    EXPECT_TRUE(state(node("compare:from")) & ui::state::Expanded);
    Json option = node("compare:from:senior");
    EXPECT_EQ(option["r"], "option");
    EXPECT_TRUE(state(option) & ui::state::Selected);
    EXPECT_EQ(node(ancestors(option).front())["r"], "listbox");
}

TEST_F(SemanticsTest, APlanSaysItsItemsStatusesAndDialogs) {
    open("view=plan");
    run.click_target("plan:start-current");
    run.click_target("plan:start-current:senior");
    run.click_target("plan:start-target");
    run.click_target("plan:start-target:staff");
    EXPECT_EQ(node("plan:start-target")["l"], "I aim for");
    EXPECT_EQ(node("plan:start-target")["v"], "Staff");
    run.click_target("plan:create");
    const std::string id = app.plans.doc.plans[0].items[0].expectation;
    run.click_target("plan:item:" + id + ":status:in-progress");

    EXPECT_EQ(node("plan:choose")["r"], "combobox");
    EXPECT_EQ(node("plan:choose")["v"], "Growth plan");
    EXPECT_EQ(node("plan:name")["r"], "textbox");
    EXPECT_EQ(node("plan:name")["v"], "Growth plan");
    // Each item: a list item holding a radio group of its status and the button that opens its details.
    Json group = node("plan:item:" + id + ":status");
    EXPECT_EQ(group["r"], "radiogroup");
    EXPECT_EQ(group["l"], "Status");
    EXPECT_TRUE(state(node("plan:item:" + id + ":status:in-progress")) & ui::state::Checked);
    EXPECT_FALSE(state(node("plan:item:" + id + ":status:done")) & ui::state::Checked);
    Json row = node("plan:item:" + id);
    EXPECT_EQ(row["l"], app.fw.expectations[size_t(app.fw.find_expectation(id))].text) << "the whole text, not the two lines drawn";
    EXPECT_TRUE(state(row) & ui::state::Collapsed);
    EXPECT_EQ(node(ancestors(row).front())["r"], "listitem");
    // Group headings fold, and say their progress.
    Json heading = node("plan:group:area:accountability");
    EXPECT_EQ(heading["l"], "Accountability \xC2\xB7 Staff");
    EXPECT_EQ(heading["d"], "0 of 6 done");
    EXPECT_TRUE(state(heading) & ui::state::Expanded);
    EXPECT_EQ(node(ancestors(heading).front())["r"], "heading");
    // Show and order are radio groups.
    EXPECT_EQ(node("group:show")["r"], "radiogroup");
    EXPECT_TRUE(state(node("plan:show:all")) & ui::state::Checked);
    // The readiness figures are text.
    bool figures = false;
    for (const Json& n : find("text")) figures |= n.value("l", "").rfind("Accountability: 0 done \xC2\xB7 1 in progress", 0) == 0;
    EXPECT_TRUE(figures);

    // Opened details: notes, date and evidence fields, named.
    run.click_target("plan:item:" + id);
    EXPECT_TRUE(state(node("plan:item:" + id)) & ui::state::Expanded);
    Json notes = node("plan:item:" + id + ":notes");
    EXPECT_EQ(notes["r"], "textbox");
    EXPECT_EQ(notes["l"], "Notes");
    EXPECT_TRUE(state(notes) & ui::state::Multiline);
    EXPECT_EQ(node("plan:item:" + id + ":date")["l"], "Target date (YYYY-MM-DD)");

    // Removing says so in an alert-free status message with Undo; a dialog is a modal dialog.
    run.click_target("plan:item:" + id + ":remove");
    Json message = node("message:removed");
    EXPECT_EQ(message["r"], "status");
    EXPECT_EQ(node("message:removed:undo")["l"], "Undo");
    run.click_target("plan:delete-data");
    Json dialog = node("dialog:delete-data");
    EXPECT_EQ(dialog["r"], "dialog");
    EXPECT_TRUE(state(dialog) & ui::state::Modal);
    EXPECT_EQ(ancestors(node("plan:delete-data:cancel")).front(), "dialog:delete-data");
    run.frames(2);
    EXPECT_EQ(tree()["focus"], "plan:delete-data:cancel") << "focus moves into the dialog";
    run.click_target("plan:delete-data:cancel");
    run.frames(3);
    EXPECT_EQ(tree()["focus"], "plan:delete-data") << "and back to what opened it";
}

TEST_F(SemanticsTest, TheTreeIsSentOnlyWhenItChanges) {
    open();
    const int sent = host().semantics_published;
    EXPECT_GT(sent, 0);
    run.frames(10);
    EXPECT_EQ(host().semantics_published, sent) << "idle frames send nothing";
    run.click_target("chip:level:senior");
    EXPECT_GT(host().semantics_published, sent);
}

TEST_F(SemanticsTest, AScrollSendsPlacesNotTheTree) {
    open();
    run.frames(2);
    const std::vector<float> places = host().semantics_geometry;
    const int sent = host().semantics_published, trees = host().semantics_trees;
    run.move(ImVec2(500, 500));
    run.wheel(-1);  // a few lines down the ladder
    run.frames(3);
    EXPECT_GT(host().semantics_published, sent) << "the nodes moved";
    EXPECT_NE(host().semantics_geometry, places);
    EXPECT_EQ(host().semantics_trees, trees) << "nothing else changed, so the tree's text was not sent again";
}

TEST_F(SemanticsTest, FocusAndActivationFromAssistiveTechnology) {
    open("view=plan");
    // Activating a control acts as a click would.
    app.on_a11y_activate("plan:start-current");
    run.frames(3);
    EXPECT_TRUE(state(node("plan:start-current")) & ui::state::Expanded);
    app.on_a11y_activate("plan:start-current:senior");
    run.frames(3);
    EXPECT_EQ(app.plans.start_current, "senior");
    // Focus follows the DOM's, and the tree says where it is.
    app.on_a11y_focus("plan:import");
    run.frames(3);
    EXPECT_EQ(app.focused_target, "plan:import");
    EXPECT_EQ(tree()["focus"], "plan:import");

    // A ladder entry far below the screen: focusing it scrolls the ladder to it and focuses it.
    app.on_url_hash("");
    run.frames(3);
    const std::string far = "expectation:principal.technical.1";
    EXPECT_FALSE(on_screen(far));
    app.on_a11y_focus(far);
    run.frames(6);
    EXPECT_EQ(app.focused_target, far);
    EXPECT_TRUE(on_screen(far));
    EXPECT_GT(app.scroll_y, 1000);
    app.on_a11y_activate(far);
    run.frames(3);
    EXPECT_EQ(app.view.selected, "principal.technical.1");
}

}  // namespace
