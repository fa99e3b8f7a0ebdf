// The growth-plan builder driven headless: building a plan, autosave, and every
// way storage can let the reader down (corrupt, foreign, full, another tab).
#include "export.h"
#include "plan_storage.h"
#include "search.h"
#include "platform_headless.h"
#include "test_data.h"

#include <gtest/gtest.h>

namespace {

using headless::host;

struct PlanViewTest : testing::Test {
    ui::App app;
    headless::Runner run{app};

    // Loads the framework (and so the plans) with `stored` under the plans key, if given.
    void open(const char* stored = nullptr) {
        if (stored) host().storage.items[cm::kPlansKey] = stored;
        ASSERT_TRUE(app.load_framework(test_data::infrastructure_text(), "infrastructure.json"));
        app.on_url_hash("view=plan");
        run.frames(3);
    }
    void pick(const std::string& combo, const std::string& level) {
        run.click_target(combo);
        run.frames(2);
        run.click_target(combo + ":" + level);
    }
    // Lets the autosave delay pass.
    void wait_for_autosave() {
        for (int i = 0; i < 60; i++) run.frame(1.0f / 30.0f);
    }
    std::string stored() {
        std::string s;
        host().storage.get(cm::kPlansKey, &s);
        return s;
    }
    cm::PlanDocument stored_document() {
        cm::DecodeResult r = cm::decode_plans(stored(), &app.fw);
        EXPECT_EQ(r.status, cm::DecodeStatus::Ok) << r.reason;
        return r.document;
    }
    bool has_message(const std::string& id) {
        for (const ui::StorageMessage& m : app.plans.messages)
            if (m.id == id) return true;
        return false;
    }
    std::string message(const std::string& id) {
        for (const ui::StorageMessage& m : app.plans.messages)
            if (m.id == id) return m.text;
        return "";
    }
    void create_senior_to_staff() {
        pick("plan:start-current", "senior");
        pick("plan:start-target", "staff");
        run.click_target("plan:create");
    }
};

TEST_F(PlanViewTest, CreatingAPlanPreselectsWhatIsNewAtTheTargetAndAutosaves) {
    open();
    create_senior_to_staff();
    ASSERT_EQ(app.plans.doc.plans.size(), 1u);
    const cm::Plan& p = app.plans.doc.plans[0];
    EXPECT_EQ(p.current_level, "senior");
    EXPECT_EQ(p.target_level, "staff");
    EXPECT_EQ(p.items.size(), cm::expectations_new_at(app.fw, "senior", "staff").size());
    EXPECT_GT(p.items.size(), 10u);
    EXPECT_TRUE(app.plans.dirty);
    EXPECT_EQ(stored(), "") << "autosave waits a moment after an edit";
    wait_for_autosave();
    EXPECT_FALSE(app.plans.dirty);
    cm::PlanDocument doc = stored_document();
    ASSERT_EQ(doc.plans.size(), 1u);
    EXPECT_EQ(doc.plans[0].items.size(), p.items.size());
    EXPECT_EQ(doc.revision, 1);
}

TEST_F(PlanViewTest, StatusNotesEvidenceAndDateAreEditedAndSaved) {
    open();
    create_senior_to_staff();
    const std::string id = app.plans.doc.plans[0].items[0].expectation;
    const std::string base = "plan:item:" + id + ":";
    run.click_target(base + "status:in-progress");
    EXPECT_EQ(app.plans.doc.plans[0].items[0].status, cm::ItemStatus::InProgress);
    run.click_target("plan:item:" + id);  // the row opens its details
    run.click_target(base + "notes");
    run.type("Led the capacity review");
    run.key(ImGuiKey_Enter);
    run.type("second line");
    run.frames(3);
    EXPECT_EQ(app.plans.doc.plans[0].items[0].notes, "Led the capacity review\nsecond line");

    run.click_target(base + "date");
    run.type("2027-02-30");
    run.frames(2);
    EXPECT_EQ(app.plans.doc.plans[0].items[0].target_date, "") << "an impossible date never reaches the plan";
    for (int i = 0; i < 2; i++) run.key(ImGuiKey_Backspace);
    run.type("28");
    run.frames(2);
    EXPECT_EQ(app.plans.doc.plans[0].items[0].target_date, "2027-02-28");

    run.click_target(base + "evidence-url");
    run.type("javascript:alert(1)");
    run.frames(2);
    run.click_target(base + "evidence-add");
    EXPECT_TRUE(app.plans.doc.plans[0].items[0].evidence.empty()) << "only http(s) links are kept";
    run.click_target(base + "evidence-url");
    run.key(ImGuiKey_A, ImGuiMod_Ctrl);
    run.type("https://gitlab.com/gitlab-com/gl-infra/production/-/issues/1");
    run.click_target(base + "evidence-title");
    run.type("Incident review");
    run.click_target(base + "evidence-add");
    ASSERT_EQ(app.plans.doc.plans[0].items[0].evidence.size(), 1u);
    EXPECT_EQ(app.plans.doc.plans[0].items[0].evidence[0].title, "Incident review");

    wait_for_autosave();
    cm::PlanDocument doc = stored_document();
    EXPECT_EQ(doc.plans[0].items[0], app.plans.doc.plans[0].items[0]);
}

TEST_F(PlanViewTest, DeletingAPlanCanBeUndone) {
    open();
    create_senior_to_staff();
    run.click_target("plan:duplicate");
    ASSERT_EQ(app.plans.doc.plans.size(), 2u);
    EXPECT_EQ(app.plans.doc.plans[1].name, "Growth plan (copy)");
    run.click_target("plan:delete");
    ASSERT_EQ(app.plans.doc.plans.size(), 1u);
    EXPECT_TRUE(has_message("deleted"));
    run.click_target("message:deleted:undo");
    ASSERT_EQ(app.plans.doc.plans.size(), 2u);
    EXPECT_EQ(app.plans.doc.plans[1].name, "Growth plan (copy)");
}

TEST_F(PlanViewTest, TheDetailPaneAddsAndRemovesAnExpectation) {
    open();
    app.on_url_hash("levels=senior&item=senior.autonomy.2");
    run.frames(3);
    run.click_target("button:plan-toggle");
    ASSERT_EQ(app.plans.doc.plans.size(), 1u);
    ASSERT_EQ(app.plans.doc.plans[0].items.size(), 1u);
    EXPECT_EQ(app.plans.doc.plans[0].items[0].expectation, "senior.autonomy.2");
    EXPECT_EQ(app.plans.doc.plans[0].target_level, "senior");
    run.click_target("button:plan-toggle");
    EXPECT_TRUE(app.plans.doc.plans[0].items.empty());
}

TEST_F(PlanViewTest, AChangedExpectationShowsBothTextsAndKeepsTheItem) {
    // A plan saved when the expectation read differently.
    cm::PlanDocument doc;
    cm::Plan plan;
    plan.id = "plan-1";
    plan.name = "Old plan";
    plan.framework = "infrastructure";
    cm::PlanItem changed;
    changed.expectation = "senior.autonomy.2";
    changed.text = "An older wording of this expectation.";
    changed.hash = cm::hash_to_hex(cm::content_hash(changed.text));
    changed.notes = "my notes";
    cm::PlanItem gone = changed;
    gone.expectation = "senior.autonomy.99";
    gone.level = "senior";
    gone.area = "autonomy";
    plan.items = {changed, gone};
    doc.plans = {plan};
    doc.revision = 3;
    std::string text = cm::encode_plans(doc);
    open(text.c_str());
    EXPECT_FALSE(run.has_target("plan:item:senior.autonomy.2:accept")) << "details are closed";
    run.click_target("plan:item:senior.autonomy.2");
    EXPECT_TRUE(run.has_target("plan:item:senior.autonomy.2:accept"));
    run.click_target("plan:item:senior.autonomy.2:accept");
    const cm::PlanItem& refreshed = app.plans.doc.plans[0].items[0];
    int e = app.fw.find_expectation("senior.autonomy.2");
    EXPECT_EQ(refreshed.text, app.fw.expectations[size_t(e)].text);
    EXPECT_EQ(refreshed.notes, "my notes");
    EXPECT_EQ(app.plans.doc.plans[0].items.size(), 2u) << "a missing expectation's item is kept";
    EXPECT_EQ(cm::freshness(app.fw, app.plans.doc.plans[0].items[1]), cm::Freshness::Missing);
}

TEST_F(PlanViewTest, CorruptStorageIsMovedAsideAndTheAppKeepsWorking) {
    open("{\"format\":\"career-matrix-plans\",\"version\":2,\"plans\":[{\"id\":");
    EXPECT_TRUE(has_message("load"));
    EXPECT_NE(message("load").find("could not be read"), std::string::npos);
    auto backups = host().storage.keys(cm::kBackupKeyPrefix);
    ASSERT_EQ(backups.size(), 1u);
    EXPECT_EQ(host().storage.items[backups[0]], "{\"format\":\"career-matrix-plans\",\"version\":2,\"plans\":[{\"id\":");
    run.click_target("message:load:download");
    ASSERT_EQ(host().downloads.size(), 1u);
    EXPECT_EQ(host().downloads[0].contents, host().storage.items[backups[0]]);
    create_senior_to_staff();
    wait_for_autosave();
    EXPECT_EQ(stored_document().plans.size(), 1u);
    EXPECT_EQ(host().storage.keys(cm::kBackupKeyPrefix).size(), 1u) << "the backup stays until the reader deletes it";
}

TEST_F(PlanViewTest, ForeignAndNewerDataAreKeptInBackups) {
    open("{\"format\":\"career-matrix-plans\",\"version\":9,\"revision\":4,\"plans\":[]}");
    EXPECT_NE(message("load").find("newer version"), std::string::npos);
    EXPECT_EQ(host().storage.keys(cm::kBackupKeyPrefix).size(), 1u);
    EXPECT_EQ(stored(), "");
}

TEST_F(PlanViewTest, AFullQuotaIsReportedAndNothingIsLost) {
    open();
    create_senior_to_staff();
    wait_for_autosave();
    std::string saved = stored();
    host().storage.quota_bytes = host().storage.used_bytes() + 10;  // almost full
    run.click_target("plan:item:" + app.plans.doc.plans[0].items[0].expectation);
    run.click_target("plan:item:" + app.plans.doc.plans[0].items[0].expectation + ":notes");
    run.type("a long note that does not fit any more");
    wait_for_autosave();
    ASSERT_TRUE(has_message("save"));
    EXPECT_NE(message("save").find("full"), std::string::npos);
    EXPECT_EQ(stored(), saved) << "the stored copy is untouched";
    EXPECT_EQ(app.plans.doc.plans[0].items[0].notes, "a long note that does not fit any more") << "the edit stays in memory";
    run.click_target("message:save:json");
    ASSERT_EQ(host().downloads.size(), 1u);
    EXPECT_NE(host().downloads[0].contents.find("a long note that does not fit any more"), std::string::npos);
    // Space freed: the next edit saves, and the message goes.
    host().storage.quota_bytes = size_t(-1);
    run.click_target("plan:item:" + app.plans.doc.plans[0].items[0].expectation + ":notes");
    run.key(ImGuiKey_End);
    run.type("!");
    wait_for_autosave();
    EXPECT_FALSE(has_message("save"));
    EXPECT_EQ(stored_document().plans[0].items[0].notes, "a long note that does not fit any more!");
}

// The tab keeps one store for its life: a migration that could not be stored on
// load is finished by the next save once there is room, not taken for another tab's save.
TEST_F(PlanViewTest, AMigrationTheQuotaRefusedIsFinishedByTheNextSave) {
    const std::string v1 =
        R"({"format":"career-matrix-plan","version":1,"savedAt":"2025-03-04T05:06:07.890Z","plan":{"name":"Road to Staff",)"
        R"("framework":"infrastructure","currentLevel":"senior","targetLevel":"staff","notes":"Talk to my manager.",)"
        R"("items":[{"expectation":"staff.accountability.1","status":"todo","notes":"Start."}]}})";
    host().storage.items[cm::kPlansKey] = v1;
    host().storage.quota_bytes = host().storage.used_bytes();  // full: the migrated copy does not fit
    open();
    ASSERT_TRUE(has_message("load")) << "the reader is told the update was not stored";
    EXPECT_EQ(stored(), v1);
    ASSERT_EQ(app.plans.doc.plans.size(), 1u);

    host().storage.quota_bytes = size_t(-1);  // space freed
    run.click_target("plan:name");
    run.key(ImGuiKey_End);
    run.type("!");
    wait_for_autosave();
    EXPECT_FALSE(has_message("conflict")) << message("conflict");
    EXPECT_FALSE(has_message("save")) << message("save");
    cm::PlanDocument doc = stored_document();
    ASSERT_EQ(doc.plans.size(), 1u);
    EXPECT_EQ(doc.plans[0].name, "Road to Staff!");
}

// One search rule everywhere: the plan's "add" list finds what the ladder finds,
// link texts and titles included (it once matched the text only).
TEST_F(PlanViewTest, FindingExpectationsToAddUsesTheLaddersSearch) {
    open();
    create_senior_to_staff();
    run.frames(2);
    run.click_target("plan:add-open");
    run.click_target("plan:add-search");
    run.type("disagree commit");  // words of a link's text, not of its expectation's text
    run.frames(3);
    cm::SearchQuery q = cm::parse_search("disagree commit");
    int expected = 0;
    for (const cm::Expectation& x : app.fw.expectations) {
        if (app.fw.levels[size_t(x.level)].order > app.fw.levels[size_t(app.fw.find_level("staff"))].order) continue;
        if (!cm::matches(q, x)) continue;
        expected++;
        EXPECT_TRUE(std::any_of(app.targets.begin(), app.targets.end(), [&](const ui::Target& t) { return t.name == "plan:add:" + x.id; })) << x.id;
    }
    EXPECT_GT(expected, 0);
    bool offered = std::any_of(app.targets.begin(), app.targets.end(), [](const ui::Target& t) { return t.name == "plan:add:staff.team-building.2"; });
    EXPECT_TRUE(offered) << "found by its link's text";
}

// Browsers may evict a site's storage: the app asks to keep it on the reader's first
// save (never on load), says what the browser answered, and reminds of an export due.
TEST_F(PlanViewTest, PersistentStorageIsAskedForOnTheFirstSaveAndAnExportIsRemindedOf) {
    auto drawn = [&](const std::string& name) {
        return std::any_of(app.targets.begin(), app.targets.end(), [&](const ui::Target& t) { return t.name == name; });
    };
    open();
    EXPECT_EQ(host().persistence_queries, 1) << "the state is read without asking";
    EXPECT_EQ(host().persistence_requests, 0) << "never asked on load";
    create_senior_to_staff();
    wait_for_autosave();
    EXPECT_EQ(host().persistence_requests, 1);
    app.on_storage_persistence(ui::Persistence::BestEffort);
    run.frames(2);
    EXPECT_TRUE(drawn("plan:storage-best-effort"));
    EXPECT_TRUE(drawn("plan:export-due")) << "never exported";

    run.click_target("plan:export:json");
    wait_for_autosave();
    EXPECT_FALSE(drawn("plan:export-due"));
    const int64_t exported = app.plans.doc.plans[0].exported_ms;
    EXPECT_GT(exported, 0);
    EXPECT_EQ(stored_document().plans[0].exported_ms, exported) << "the export time is kept with the plan";

    // A week and a day later, an edit: the export is due again. Asked only once.
    host().wall_clock_ms += cm::kExportReminderMs + 24 * 3600 * 1000;
    run.click_target("plan:name");
    run.key(ImGuiKey_End);
    run.type("!");
    wait_for_autosave();
    EXPECT_EQ(app.plans.doc.plans[0].name.back(), '!');
    EXPECT_TRUE(drawn("plan:export-due"));
    EXPECT_EQ(host().persistence_requests, 1);
    app.on_storage_persistence(ui::Persistence::Persistent);
    run.frames(2);
    EXPECT_TRUE(drawn("plan:storage-persistent"));
}

TEST_F(PlanViewTest, AnotherTabsSaveIsFollowedOrReportedAsAConflict) {
    open();
    create_senior_to_staff();
    wait_for_autosave();
    // Another tab renames the plan and saves (revision 2).
    cm::PlanDocument other = stored_document();
    other.plans[0].name = "Renamed elsewhere";
    other.revision = 2;
    host().storage.items[cm::kPlansKey] = cm::encode_plans(other);
    app.on_storage_changed(cm::kPlansKey);
    run.frames(2);
    EXPECT_EQ(app.plans.doc.plans[0].name, "Renamed elsewhere") << "no unsaved edits here: follow the other tab";
    EXPECT_EQ(app.plans.doc.revision, 2);

    // Now both edit: this tab has unsaved changes when the other tab saves again.
    run.click_target("plan:name");
    run.key(ImGuiKey_A, ImGuiMod_Ctrl);
    run.type("Mine");
    other.plans[0].name = "Theirs";
    other.revision = 3;
    host().storage.items[cm::kPlansKey] = cm::encode_plans(other);
    app.on_storage_changed(cm::kPlansKey);
    run.frames(2);
    ASSERT_TRUE(has_message("conflict"));
    EXPECT_EQ(stored_document().plans[0].name, "Theirs") << "an older tab never silently overwrites a newer save";
    wait_for_autosave();
    EXPECT_EQ(stored_document().plans[0].name, "Theirs");
    run.click_target("message:conflict:keep-mine");
    EXPECT_FALSE(has_message("conflict"));
    cm::PlanDocument now = stored_document();
    EXPECT_EQ(now.plans[0].name, "Mine");
    EXPECT_EQ(now.revision, 4);
}

TEST_F(PlanViewTest, HidingThePageSavesAtOnce) {
    open();
    create_senior_to_staff();
    EXPECT_EQ(stored(), "");
    app.on_page_hidden();
    EXPECT_EQ(stored_document().plans.size(), 1u);
}

TEST_F(PlanViewTest, ExportsMarkdownAndJsonAndImportsThemBack) {
    open();
    create_senior_to_staff();
    run.click_target("plan:export:markdown-copy");
    EXPECT_EQ(host().clipboard, cm::plan_markdown(app.fw, app.plans.doc.plans[0]));
    EXPECT_EQ(host().clipboard.rfind("# Growth plan: Growth plan", 0), 0u);
    run.click_target("plan:export:markdown");
    run.click_target("plan:export:json");
    ASSERT_EQ(host().downloads.size(), 2u);
    EXPECT_EQ(host().downloads[0].name, "growth-plan.md");
    EXPECT_EQ(host().downloads[1].name, "growth-plan.json");
    std::string json = host().downloads[1].contents;

    // The same plan again: the reader is asked, and "Import as a copy" keeps both.
    app.on_file_opened("growth-plan.json", json, true);
    run.frames(3);
    ASSERT_EQ(app.plans.pending_import.size(), 1u);
    run.click_target("import:copy");
    ASSERT_EQ(app.plans.doc.plans.size(), 2u);
    EXPECT_NE(app.plans.doc.plans[0].id, app.plans.doc.plans[1].id);
    EXPECT_EQ(app.plans.doc.plans[1].items, app.plans.doc.plans[0].items);

    // A broken file imports nothing and says where it is wrong.
    app.on_file_opened("bad.json", "{\"format\":\"career-matrix-plan-export\",\"version\":2,\"plan\":{\"id\":\"x\",\"name\":\"x\",\"items\":[{\"expectation\":\"a\",\"status\":\"finished\"}]}}", true);
    run.frames(2);
    EXPECT_EQ(app.plans.doc.plans.size(), 2u);
    EXPECT_NE(message("import").find("bad.json:/plan/items/0/status"), std::string::npos) << message("import");

    run.click_target("plan:print");
    EXPECT_NE(host().printed.find("<h1>"), std::string::npos);
}

TEST_F(PlanViewTest, DeleteMyDataRemovesOnlyThisAppsKeys) {
    host().storage.items["another-app:state"] = "keep me";
    open();
    create_senior_to_staff();
    app.set_theme(ui::App::ThemeChoice::Dark);
    wait_for_autosave();
    run.click_target("plan:delete-data");
    run.frames(2);
    run.click_target("plan:delete-data:confirm");
    EXPECT_TRUE(host().storage.keys("career-matrix:").empty());
    EXPECT_EQ(host().storage.items["another-app:state"], "keep me");
    EXPECT_TRUE(app.plans.doc.plans.empty());
}

TEST_F(PlanViewTest, TextFieldsTakeWhatTheirEditorHolds) {
    open();
    create_senior_to_staff();
    // The platform's editor (a real input element on the web) reports the whole text.
    app.on_text_input("plan:name", "Staff by spring");
    run.frames(2);
    EXPECT_EQ(app.plans.doc.plans[0].name, "Staff by spring");
    EXPECT_TRUE(app.plans.dirty);
    // Past the stored limit the text is cut at a character boundary, and the field says the cut text.
    std::string long_name(cm::kMaxPlanNameBytes - 1, 'a');
    long_name += "\xC3\xA9\xC3\xA9";
    app.on_text_input("plan:name", long_name);
    run.frames(2);
    EXPECT_EQ(app.plans.doc.plans[0].name, std::string(cm::kMaxPlanNameBytes - 1, 'a'));
    EXPECT_EQ(run.target("plan:name").w > 0, true);
    bool said = false;
    for (const ui::Target& t : app.targets)
        if (t.name == "plan:name") said = t.what.value == app.plans.doc.plans[0].name;
    EXPECT_TRUE(said);
}

TEST_F(PlanViewTest, NoModifierStaysHeldAfterTheTabLosesFocus) {
    open();
    create_senior_to_staff();
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, true);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_LeftCtrl, true);
    run.frames(2);
    EXPECT_TRUE(ImGui::GetIO().KeyCtrl);
    run.blur();  // Ctrl+Tab to another tab: the key-up never arrives
    ImGui::GetIO().AddFocusEvent(true);
    run.frames(2);
    EXPECT_FALSE(ImGui::GetIO().KeyCtrl) << "a shortcut after coming back is not Ctrl+something";
}


// [SECTION] Working through a plan: rows, keyboard, show, order, folding

// The expectation ids of the plan's rows in the order the plan view draws them.
std::vector<std::string> row_order(const ui::App& app, cm::PlanOrder order = cm::PlanOrder::Handbook) {
    std::vector<std::string> ids;
    const cm::Plan& plan = app.plans.doc.plans[0];
    for (const cm::PlanGroup& g : cm::outline_plan(app.fw, plan, order))
        for (size_t i : g.items) ids.push_back(plan.items[i].expectation);
    return ids;
}

const cm::PlanItem& item_of(const ui::App& app, const std::string& id) {
    for (const cm::PlanItem& i : app.plans.doc.plans[0].items)
        if (i.expectation == id) return i;
    static const cm::PlanItem none;
    ADD_FAILURE() << "no item " << id;
    return none;
}

TEST_F(PlanViewTest, TheKeyboardWorksThroughAPlan) {
    open();
    create_senior_to_staff();
    std::vector<std::string> rows = row_order(app);
    ASSERT_GE(rows.size(), 3u);
    // A click on a row opens its details and focuses it; Enter closes them again.
    run.click_target("plan:item:" + rows[0]);
    EXPECT_EQ(app.plans.expanded_item, rows[0]);
    EXPECT_TRUE(run.has_target("plan:item:" + rows[0] + ":notes"));
    EXPECT_EQ(app.focused_target, "plan:item:" + rows[0]);
    run.key(ImGuiKey_Enter);
    EXPECT_EQ(app.plans.expanded_item, "");
    EXPECT_FALSE(run.has_target("plan:item:" + rows[0] + ":notes"));
    run.key(ImGuiKey_Enter);
    EXPECT_EQ(app.plans.expanded_item, rows[0]) << "Enter opens the details";
    run.key(ImGuiKey_Enter);

    // 1, 2, 3 set the status of the focused row.
    run.key(ImGuiKey_2);
    EXPECT_EQ(item_of(app, rows[0]).status, cm::ItemStatus::InProgress);
    run.key(ImGuiKey_3);
    EXPECT_EQ(item_of(app, rows[0]).status, cm::ItemStatus::Done);
    run.key(ImGuiKey_Keypad1);
    EXPECT_EQ(item_of(app, rows[0]).status, cm::ItemStatus::NotStarted);

    // The arrows move between rows (not to the status buttons), within and across groups.
    run.key(ImGuiKey_DownArrow);
    EXPECT_EQ(app.focused_target, "plan:item:" + rows[1]);
    run.key(ImGuiKey_3);
    EXPECT_EQ(item_of(app, rows[1]).status, cm::ItemStatus::Done);
    EXPECT_EQ(item_of(app, rows[0]).status, cm::ItemStatus::NotStarted);
    run.key(ImGuiKey_UpArrow);
    EXPECT_EQ(app.focused_target, "plan:item:" + rows[0]);
    run.key(ImGuiKey_UpArrow);
    EXPECT_EQ(app.focused_target, "plan:item:" + rows[0]) << "the first row stays focused";
    const cm::Plan& plan = app.plans.doc.plans[0];
    std::vector<cm::PlanGroup> groups = cm::outline_plan(app.fw, plan, cm::PlanOrder::Handbook);
    const size_t first_group = groups[0].items.size();
    for (size_t i = 0; i < first_group; i++) run.key(ImGuiKey_DownArrow);
    EXPECT_EQ(app.focused_target, "plan:item:" + rows[first_group]) << "into the next group";

    // Delete removes the focused row, focus moves on, and Undo puts it back where it was.
    const size_t count = plan.items.size();
    const size_t at = size_t(std::find_if(plan.items.begin(), plan.items.end(), [&](auto& i) { return i.expectation == rows[first_group]; }) - plan.items.begin());
    run.key(ImGuiKey_Delete);
    EXPECT_EQ(app.plans.doc.plans[0].items.size(), count - 1);
    EXPECT_FALSE(cm::plan_has(app.plans.doc.plans[0], rows[first_group]));
    EXPECT_EQ(app.focused_target, "plan:item:" + rows[first_group + 1]);
    ASSERT_TRUE(has_message("removed"));
    EXPECT_NE(message("removed").find("from the plan"), std::string::npos);
    run.click_target("message:removed:undo");
    ASSERT_EQ(app.plans.doc.plans[0].items.size(), count);
    EXPECT_EQ(app.plans.doc.plans[0].items[at].expectation, rows[first_group]);
    EXPECT_FALSE(has_message("removed"));
    wait_for_autosave();
    EXPECT_EQ(stored_document().plans[0].items.size(), count);
}

TEST_F(PlanViewTest, RemovingFromTheDetailsCanBeUndoneToo) {
    open();
    create_senior_to_staff();
    const std::string id = row_order(app)[2];
    const size_t count = app.plans.doc.plans[0].items.size();
    run.click_target("plan:item:" + id);
    run.click_target("plan:item:" + id + ":remove");
    EXPECT_EQ(app.plans.doc.plans[0].items.size(), count - 1);
    EXPECT_EQ(app.plans.expanded_item, "");
    run.click_target("message:removed:undo");
    EXPECT_TRUE(cm::plan_has(app.plans.doc.plans[0], id));
}

TEST_F(PlanViewTest, ShowOrderAndFoldingChooseTheRows) {
    open();
    create_senior_to_staff();
    std::vector<std::string> rows = row_order(app);
    run.click_target("plan:item:" + rows[0] + ":status:done");
    run.click_target("plan:item:" + rows[1] + ":status:in-progress");
    auto drawn = [&](const std::string& id) { return run.has_target("plan:item:" + id); };

    run.click_target("plan:show:done");
    EXPECT_TRUE(drawn(rows[0]));
    EXPECT_FALSE(drawn(rows[1]));
    EXPECT_FALSE(drawn(rows[2]));
    run.click_target("plan:show:in-progress");
    EXPECT_FALSE(drawn(rows[0]));
    EXPECT_TRUE(drawn(rows[1]));
    run.click_target("plan:show:not-started");
    EXPECT_FALSE(drawn(rows[0]));
    EXPECT_TRUE(drawn(rows[2]));
    run.click_target("plan:show:all");
    EXPECT_TRUE(drawn(rows[0]) && drawn(rows[1]) && drawn(rows[2]));

    // A group folds to its heading, and unfolds again.
    const std::string key = cm::outline_plan(app.fw, app.plans.doc.plans[0], cm::PlanOrder::Handbook)[0].key;
    run.click_target("plan:group:" + key);
    EXPECT_FALSE(drawn(rows[0]));
    EXPECT_TRUE(run.has_target("plan:group:" + key));
    run.click_target("plan:group:" + key);
    EXPECT_TRUE(drawn(rows[0]));

    // By target date: dated items first, in month groups.
    run.click_target("plan:item:" + rows[5]);
    run.click_target("plan:item:" + rows[5] + ":date");
    run.type("2027-03-01");
    run.frames(2);
    run.click_target("plan:item:" + rows[5]);  // close
    run.click_target("plan:order:date");
    EXPECT_TRUE(run.has_target("plan:group:month:2027-03"));
    EXPECT_TRUE(run.has_target("plan:group:month:none"));
    EXPECT_LT(run.target("plan:item:" + rows[5]).y, run.target("plan:item:" + rows[0]).y);
    run.click_target("plan:order:handbook");
    EXPECT_GT(run.target("plan:item:" + rows[5]).y, run.target("plan:item:" + rows[0]).y);
}

TEST_F(PlanViewTest, TheCompareViewPlansWhatIsNew) {
    open();
    app.on_url_hash("view=compare&from=senior&to=staff");
    run.frames(3);
    EXPECT_FALSE(run.has_target("compare:plan-add")) << "no plan to add to yet";
    run.click_target("compare:plan-new");
    ASSERT_EQ(app.plans.doc.plans.size(), 1u);
    EXPECT_EQ(app.view.view, cm::View::Plan);
    const cm::Plan& p = app.plans.doc.plans[0];
    EXPECT_EQ(p.current_level, "senior");
    EXPECT_EQ(p.target_level, "staff");
    EXPECT_EQ(p.items.size(), cm::expectations_new_at(app.fw, "senior", "staff").size());
    EXPECT_TRUE(has_message("planned"));

    // Into the open plan: only what it does not hold yet.
    app.on_url_hash("view=compare&from=intermediate&to=senior");
    run.frames(3);
    const size_t before = app.plans.doc.plans[0].items.size();
    run.click_target("compare:plan-add");
    EXPECT_EQ(app.plans.doc.plans.size(), 1u);
    std::vector<int> grown = cm::expectations_new_at(app.fw, "intermediate", "senior");
    EXPECT_EQ(app.plans.doc.plans[0].items.size(), before + grown.size());
    app.on_url_hash("view=compare&from=intermediate&to=senior");
    run.frames(3);
    run.click_target("compare:plan-add");
    EXPECT_EQ(app.plans.doc.plans[0].items.size(), before + grown.size()) << "nothing twice";
    EXPECT_NE(message("planned").find("already in"), std::string::npos);
}

TEST_F(PlanViewTest, TheReadinessChartCountsWhatIsDone) {
    open();
    create_senior_to_staff();
    std::vector<std::string> rows = row_order(app);
    run.click_target("plan:item:" + rows[0] + ":status:done");
    run.click_target("plan:item:" + rows[1] + ":status:in-progress");
    cm::StatusCounts all;
    int not_planned = 0;
    for (const cm::AreaReadiness& r : cm::readiness(app.fw, app.plans.doc.plans[0])) {
        all += r.planned;
        not_planned += r.not_planned();
    }
    EXPECT_EQ(all.done, 1);
    EXPECT_EQ(all.in_progress, 1);
    EXPECT_EQ(not_planned, 0);
    run.click_target("plan:item:" + rows[2]);
    run.click_target("plan:item:" + rows[2] + ":remove");
    not_planned = 0;
    for (const cm::AreaReadiness& r : cm::readiness(app.fw, app.plans.doc.plans[0])) not_planned += r.not_planned();
    EXPECT_EQ(not_planned, 1);
    EXPECT_TRUE(std::any_of(app.targets.begin(), app.targets.end(), [](const ui::Target& t) { return t.name == "plan:add-new"; }))
        << "what is new and not planned is one click away";
}

}  // namespace
