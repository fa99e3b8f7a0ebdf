// make_seeds OUT_DIR: writes seed inputs for every fuzz target, made from the real
// data and test fixtures of the source tree, into OUT_DIR/<target>/. Run by
// tests/fuzz/run before each campaign, so nothing generated is committed; the
// small hand-written seeds in fuzz/seeds/<target>/ are added to these.
#include "fuzz_checks.h"

#include "plan.h"

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

fs::path out_dir;
int written = 0;

void put(const char* target, const std::string& name, const std::string& text) {
    fs::path dir = out_dir / target;
    fs::create_directories(dir);
    std::ofstream f(dir / name, std::ios::binary);
    f << text;
    written++;
}

// The first `levels` levels of `fw` and their expectations: a seed small enough
// for quick mutation, in the real shape.
cm::Framework first_levels(const cm::Framework& fw, size_t levels) {
    cm::Framework small = fw;
    small.levels.resize(std::min(levels, fw.levels.size()));
    small.expectations.clear();
    std::vector<int> moved(fw.expectations.size(), -1);
    for (size_t i = 0; i < fw.expectations.size(); i++) {
        cm::Expectation e = fw.expectations[i];
        if (size_t(e.level) >= small.levels.size()) continue;
        if (e.extends >= 0) e.extends = moved[size_t(e.extends)];
        moved[i] = int(small.expectations.size());
        small.expectations.push_back(std::move(e));
    }
    small.index();
    return small;
}

cm::PlanDocument sample_document(const cm::Framework& fw) {
    cm::PlanDocument doc;
    doc.revision = 3;
    doc.saved_ms = cm_fuzz::kNow;
    std::string first = fw.levels.front().id;
    std::string second = fw.levels.size() > 1 ? fw.levels[1].id : first;
    std::string third = fw.levels.size() > 2 ? fw.levels[2].id : second;
    cm::Plan a = cm::make_plan(fw, "Road to the next level", first, second, cm_fuzz::kNow, "plan-a1b2c3-1");
    cm::Plan b = cm::make_plan(fw, "Stretch — “quoted” <b>plan</b>", "", third, cm_fuzz::kNow - 86400000, "plan-a1b2c3-2");
    b.notes = "First line.\n# not a heading\n- not a list\n\n<script>alert(1)</script>";
    if (!a.items.empty()) {
        a.items[0].status = cm::ItemStatus::Done;
        a.items[0].notes = "Did it.\r\nEvidence below.";
        a.items[0].evidence = {{"Design doc", "https://example.com/design"}, {"", "http://example.com/mr/1"}};
        a.items[0].target_date = "2026-12-31";
    }
    if (a.items.size() > 1) {
        a.items[1].status = cm::ItemStatus::InProgress;
        a.items[1].text = "An older wording of this expectation.";
        a.items[1].hash = cm::hash_to_hex(cm::content_hash(a.items[1].text));
    }
    cm::PlanItem gone;
    gone.expectation = "no.such.expectation";
    gone.text = "An expectation the framework no longer has.";
    gone.level = "ghost";
    gone.area = "ghost-area";
    a.items.push_back(gone);
    doc.active_plan = a.id;
    doc.plans = {a, b};
    return doc;
}

std::string v1_document(const cm::Framework& fw) {
    std::string items;
    for (size_t i = 0; i < std::min<size_t>(3, fw.expectations.size()); i++) {
        static const char* statuses[] = {"todo", "doing", "done"};
        items += std::string(i ? "," : "") + R"({"expectation":")" + fw.expectations[i].id + R"(","status":")" + statuses[i] + R"(","notes":"n)" + std::to_string(i) + "\"}";
    }
    items += R"(,{"expectation":"gone.1","status":"todo"})";
    return R"({"format":"career-matrix-plan","version":1,"savedAt":"2025-03-04T05:06:07.890Z","plan":{"name":"Old plan","framework":")" + fw.id +
           R"(","currentLevel":")" + fw.levels.front().id + R"(","targetLevel":")" + fw.levels.back().id + R"(","notes":"old notes","items":[)" + items + "]}}";
}

// A fixture checkout as one fuzz_handbook_import input: the importer runs on the
// files on disk, and each file it reads goes into its slot (includes in reading order).
void handbook_seed(const fs::path& root, const std::string& name) {
    std::string dir = std::string("content/handbook/engineering/careers/matrix/") + cm_fuzz::kDepartment + "/";
    std::vector<std::string> includes;
    cm::ImportOptions opt;
    opt.handbook_root = root.string();
    opt.department = cm_fuzz::kDepartment;
    opt.read = [&](const std::string& path, std::string* text) {
        *text = cm_fuzz::read_file((root / path).string());
        bool exists = fs::is_regular_file(root / path);
        if (exists && path.rfind(dir, 0) != 0) includes.push_back(*text);
        return exists ? cm::ReadStatus::Ok : cm::ReadStatus::Missing;
    };
    cm::ImportResult r;
    cm::import_handbook(opt, &r);
    std::string input = cm_fuzz::read_file((root / dir / "_index.md").string());
    for (const char* level : cm_fuzz::kLevelPages) {
        fs::path page = root / (dir + level + ".md");
        input += std::string(cm_fuzz::kSeparator) + (fs::is_regular_file(page) ? cm_fuzz::read_file(page.string()) : "!missing");
    }
    for (const std::string& text : includes) input += std::string(cm_fuzz::kSeparator) + text;
    put("fuzz_handbook_import", name, input);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds OUT_DIR\n");
        return 2;
    }
    out_dir = argv[1];
    const fs::path source = CM_SOURCE_DIR;
    const cm::Framework& fw = cm_fuzz::default_framework();
    const cm::Framework& tiny = cm_fuzz::tiny_framework();

    // Frameworks: the shipped data, the fixtures, smaller cuts of the data.
    put("fuzz_framework_load", "infrastructure.json", cm_fuzz::read_file((source / "data/infrastructure.json").string()));
    for (const auto& entry : fs::directory_iterator(source / "tests/fixtures"))
        if (entry.path().extension() == ".json") put("fuzz_framework_load", entry.path().filename().string(), cm_fuzz::read_file(entry.path().string()));
    put("fuzz_framework_load", "tiny.json", cm_fuzz::kTinyFramework);
    put("fuzz_framework_load", "two-levels.json", cm::save_framework(first_levels(fw, 2), true));
    put("fuzz_framework_load", "three-levels-no-hashes.json", cm::save_framework(first_levels(fw, 3), false));

    // Stored plans: current, empty, version 1, another app's, a newer version's.
    cm::PlanDocument doc = sample_document(fw);
    put("fuzz_plan_decode", "document.json", cm::encode_plans(doc));
    put("fuzz_plan_decode", "empty.json", cm::encode_plans(cm::PlanDocument{}));
    put("fuzz_plan_decode", "v1.json", v1_document(fw));
    put("fuzz_plan_decode", "v1-tiny.json", v1_document(tiny));
    put("fuzz_plan_decode", "foreign.json", R"({"theme":"dark","plans":[1,2,3]})");
    put("fuzz_plan_decode", "newer.json", R"({"format":"career-matrix-plans","version":3,"revision":1,"plans":[]})");

    // Imported plan files: exports, a whole document, a version-1 document.
    for (size_t i = 0; i < doc.plans.size(); i++)
        put("fuzz_plan_import", "export-" + std::to_string(i) + ".json", cm::plan_export_json(doc.plans[i], fw, cm_fuzz::kNow));
    cm::PlanDocument tiny_doc = sample_document(tiny);
    put("fuzz_plan_import", "export-tiny.json", cm::plan_export_json(tiny_doc.plans[0], tiny, cm_fuzz::kNow));
    put("fuzz_plan_import", "document.json", cm::encode_plans(doc));
    put("fuzz_plan_import", "v1.json", v1_document(fw));

    // Handbook checkouts: the good fixture and the broken one.
    handbook_seed(source / "tests/fixtures/handbook", "fixture.md");
    handbook_seed(source / "tests/fixtures/handbook-broken", "fixture-broken.md");

    // URL fragments the app writes, for both frameworks.
    for (const cm::Framework* f : {&fw, &tiny}) {
        std::vector<cm::ViewState> states(4);
        states[0].view = cm::View::Compare;
        states[0].compare_from = f->levels.front().id;
        states[0].compare_to = f->levels.back().id;
        states[0].search = "on-call & more + 100% “quotes”";
        for (size_t l = 0; l + 1 < f->levels.size(); l++) states[1].levels.push_back(f->levels[l].id);
        states[1].areas = {f->areas.front().id, f->areas.back().id};
        states[1].only_new = true;
        states[2].components = {f->components.front().id};
        states[2].selected = f->expectations.back().id;
        states[3].view = cm::View::Plan;
        states[3].levels = {f->levels.front().id, f->levels.back().id};
        for (size_t i = 0; i < states.size(); i++)
            put("fuzz_view_hash", f->id + "-" + std::to_string(i) + ".txt", "#" + cm::format_view_hash(states[i], *f));
    }
    std::printf("make_seeds: %d files in %s\n", written, out_dir.string().c_str());
    return 0;
}
