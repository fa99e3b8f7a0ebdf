#include "fixtures.h"

#include "framework_load.h"
#include "synthetic.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace bench {

const std::string& default_data_path() {
    static const std::string path = [] {
        const char* env = std::getenv("CM_DATA");
        return std::string(env && *env ? env : CM_SOURCE_DIR "/data/infrastructure.json");
    }();
    return path;
}

namespace {

struct Scaled {
    std::string text;
    cm::Framework fw;
};

std::string read_or_die(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s (set CM_DATA to the framework file)\n", path.c_str());
        std::exit(2);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

cm::Framework load_or_die(const std::string& text, const char* what) {
    cm::Diagnostics diag;
    diag.file = what;
    cm::Framework fw;
    if (!cm::load_framework(text, &fw, &diag)) {
        std::fprintf(stderr, "%s does not load:\n%s", what, diag.to_string().c_str());
        std::exit(2);
    }
    return fw;
}

const Scaled& scaled(int scale) {
    static std::map<int, std::unique_ptr<Scaled>> cache;
    auto& slot = cache[scale];
    if (!slot) {
        slot = std::make_unique<Scaled>();
        if (scale == 1) {
            slot->text = read_or_die(default_data_path());
        } else {
            slot->text = cm::save_framework(cm::synthetic_framework(scaled(1).fw, scale), false);
        }
        slot->fw = load_or_die(slot->text, scale == 1 ? "the default data" : "the synthetic framework");
    }
    return *slot;
}

// About 1 KB of notes, in paragraphs, different for every item.
std::string notes_for(size_t item, int seed) {
    static const char* kSentences[] = {
        "Agreed with my manager that this is the first thing to show progress on this half.",
        "Paired with the on-call lead for two shifts and wrote down what I would do differently next time.",
        "The runbook for the database failover was out of date; I rewrote the recovery section and asked for review.",
        "Need a second example before the next review: one incident where I led the response end to end.",
        "Feedback from the last retrospective: summarise decisions in the issue, not only in the call.",
        "Blocked until the capacity dashboards land; checking again at the end of the milestone.",
        "Drafted a proposal for the alerting thresholds and shared it in the team channel for comments.",
        "Mentoring a new teammate through their first production change; we meet twice a week.",
    };
    std::string notes;
    size_t n = sizeof(kSentences) / sizeof(kSentences[0]);
    for (size_t p = 0; p < 3; p++) {
        if (p) notes += "\n\n";
        notes += "Week " + std::to_string((item + p) % 52 + 1) + ": ";
        for (size_t s = 0; s < 4; s++) {
            if (s) notes += ' ';
            notes += kSentences[(item * 7 + size_t(seed) * 3 + p * 4 + s) % n];
        }
    }
    return notes;
}

}  // namespace

const std::string& framework_text(int scale) { return scaled(scale).text; }
const cm::Framework& framework(int scale) { return scaled(scale).fw; }

cm::Plan large_plan(const cm::Framework& fw, size_t max_items, int seed) {
    cm::Plan plan;
    plan.id = "plan-bench-" + std::to_string(seed + 1);
    plan.name = "Growth plan " + std::to_string(seed + 1) + ": towards Staff";
    plan.framework = fw.id;
    plan.framework_version = fw.version;
    plan.current_level = fw.levels.size() > 3 ? fw.levels[3].id : "";
    plan.target_level = fw.levels.size() > 4 ? fw.levels[4].id : "";
    plan.notes = notes_for(size_t(seed) * 31, seed);
    plan.created_ms = kNowMs - 86400000LL * 90;
    plan.updated_ms = kNowMs;
    size_t count = std::min(max_items, fw.expectations.size());
    for (size_t k = 0; k < count; k++) {
        size_t e = k * fw.expectations.size() / count;  // spread over every level and area
        cm::PlanItem item = cm::make_item(fw, int(e));
        item.status = cm::ItemStatus(k % 3);
        item.notes = notes_for(k, seed);
        for (int l = 0; l < 3; l++)
            item.evidence.push_back({"Merge request " + std::to_string(k * 3 + size_t(l)),
                                     "https://gitlab.com/gitlab-com/gl-infra/production-engineering/-/merge_requests/" + std::to_string(10000 + k * 3 + size_t(l))});
        item.target_date = "2027-0" + std::to_string(k % 9 + 1) + "-15";
        plan.items.push_back(std::move(item));
    }
    return plan;
}

cm::PlanDocument large_plan_document(const cm::Framework& fw, size_t plans, size_t max_items) {
    cm::PlanDocument doc;
    for (size_t p = 0; p < plans; p++) doc.plans.push_back(large_plan(fw, max_items, int(p)));
    doc.active_plan = doc.plans.empty() ? "" : doc.plans[0].id;
    return doc;
}

}  // namespace bench
