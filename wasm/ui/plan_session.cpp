// Career Matrix views: the growth plans' life in the browser. Loading (with
// whatever the storage holds: nothing, an old version, another app's data),
// autosave shortly after edits and when the tab is hidden, other tabs, quota,
// import, delete with undo. The storage rules themselves live in the core
// (plan_storage.h); this file decides what to tell the reader.
#include "app.h"

#include "export.h"
#include "platform.h"
#include "text.h"

#include <algorithm>

namespace ui {

namespace {

constexpr double kAutosaveDelayMs = 800;  // long enough to batch typing, short enough to lose nothing on a crash

std::string backup_file_name(const std::string& key) {
    std::string name = "career-matrix-backup";
    for (char c : key.substr(std::string(cm::kAppKeyPrefix).size()))
        name += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '-';
    return name + ".json";
}

}  // namespace

cm::PlanStore& PlanSession::storage() {
    if (!store) store.emplace(platform::local_storage());
    return *store;
}

void PlanSession::say(StorageMessage m) {
    forget(m.id);
    // The same words the bar shows; failures and conflicts interrupt, the rest waits its turn.
    announcements.emplace_back(m.text, m.kind != StorageMessage::Kind::Info);
    messages.push_back(std::move(m));
    platform::request_frames();
}

void PlanSession::forget(const std::string& id) {
    messages.erase(std::remove_if(messages.begin(), messages.end(), [&](const StorageMessage& m) { return m.id == id; }), messages.end());
}

void App::open_plans() {
    cm::PlanStore& store = plans.storage();
    if (!plans.opened) platform::query_storage_persistence();  // asks nothing of the reader
    cm::LoadOutcome out = store.load(&fw, platform::wall_clock_ms());
    plans.doc = std::move(out.document);
    plans.read_only = out.read_only;
    plans.opened = true;
    using S = cm::LoadStatus;
    StorageMessage m;
    m.id = "load";
    switch (out.status) {
    case S::Empty:
    case S::Loaded:
        break;
    case S::Migrated:
        m.text = "Your saved plans were updated to the current format.";
        plans.say(m);
        break;
    case S::MigratedNotSaved:
        m.kind = StorageMessage::Kind::Warning;
        m.text = "Your saved plans were updated to the current format in this tab, but the browser refused to store the update (" +
                 std::string(cm::store_status_name(out.store)) + "). The old version is still stored; export your plans to keep a copy.";
        m.offer_export = true;
        plans.say(m);
        break;
    case S::Corrupt:
    case S::Foreign:
    case S::Newer:
        m.kind = StorageMessage::Kind::Warning;
        m.text = "The plans saved in this browser could not be read: " + out.reason + ". ";
        m.text += out.backup_key.empty()
                      ? "They could not be moved aside either, so this tab will not save over them. Download them to keep a copy."
                      : "Nothing was deleted: they are kept under " + out.backup_key + ", and you can download them.";
        m.download_name = out.backup_key.empty() ? "career-matrix-unreadable-plans.json" : backup_file_name(out.backup_key);
        m.download_contents = out.raw;
        plans.say(m);
        break;
    case S::Unavailable:
        m.kind = StorageMessage::Kind::Warning;
        m.text = "This page cannot store data in this browser (storage is disabled, or the page is in a sandboxed frame). "
                 "Your plans live in this tab only: export them to keep them.";
        m.offer_export = true;
        plans.say(m);
        break;
    }
    // Backups from earlier sessions stay until the reader deletes them.
    for (const std::string& key : store.backups()) {
        if (key == out.backup_key) continue;
        std::string raw;
        if (!store.read_backup(key, &raw)) continue;
        StorageMessage b;
        b.id = "backup:" + key;
        b.text = "A backup of plan data that could not be read is kept in this browser (" + key + ").";
        b.download_name = backup_file_name(key);
        b.download_contents = std::move(raw);
        b.backup_key = key;
        plans.say(b);
    }
}

cm::Plan* App::active_plan() {
    auto& list = plans.doc.plans;
    for (cm::Plan& p : list)
        if (p.id == plans.doc.active_plan) return &p;
    return list.empty() ? nullptr : &list.front();
}

void App::plan_edited() {
    plans.dirty = true;
    plans.edited_at = platform::now_ms();
    if (cm::Plan* p = active_plan()) p->updated_ms = platform::wall_clock_ms();
    platform::request_frame_after(kAutosaveDelayMs + 10);
    platform::request_frames();
}

void App::autosave_if_due() {
    if (!plans.dirty) return;
    double waited = platform::now_ms() - plans.edited_at;
    if (waited >= kAutosaveDelayMs) save_plans();
    else platform::request_frame_after(kAutosaveDelayMs - waited + 10);  // an earlier wake-up may have come for another reason
}

void App::on_storage_persistence(Persistence p) {
    plans.persistence = p;
    platform::request_frames();
}

void App::plan_exported(cm::Plan& plan) {
    plan.exported_ms = platform::wall_clock_ms();
    // Saved like an edit, but not an edit of the plan: updated_ms stays.
    plans.dirty = true;
    plans.edited_at = platform::now_ms();
    platform::request_frame_after(kAutosaveDelayMs + 10);
}

void App::on_page_hidden() {
    if (plans.dirty) save_plans();
}

void App::save_plans(bool overwrite) {
    if (plans.read_only) {
        StorageMessage m;
        m.id = "save";
        m.kind = StorageMessage::Kind::Warning;
        m.text = "Changes are kept in this tab only: this browser's storage cannot be used. Export your plans to keep them.";
        m.offer_export = true;
        if (std::none_of(plans.messages.begin(), plans.messages.end(), [](const StorageMessage& x) { return x.id == "save"; })) plans.say(m);
        plans.dirty = false;  // nothing more can be done until the reader exports
        return;
    }
    cm::PlanStore& store = plans.storage();
    int64_t now = platform::wall_clock_ms();
    cm::SaveOutcome out = overwrite ? store.save_overwriting(&plans.doc, now) : store.save(&plans.doc, now);
    StorageMessage m;
    m.id = "save";
    m.kind = StorageMessage::Kind::Error;
    m.offer_export = true;
    switch (out.status) {
    case cm::SaveStatus::Saved:
        plans.dirty = false;
        plans.saved_wall_ms = now;
        plans.forget("save");
        plans.forget("conflict");
        // The reader now has something to lose: ask the browser to keep it (once).
        if (!plans.persistence_requested && !plans.doc.plans.empty() && plans.persistence != Persistence::Persistent) {
            plans.persistence_requested = true;
            platform::request_persistent_storage();
        }
        return;
    case cm::SaveStatus::Conflict: {
        StorageMessage c;
        c.id = "conflict";
        c.kind = StorageMessage::Kind::Warning;
        c.text = "Your plans were changed in another tab or window since this tab loaded them. Nothing was overwritten. "
                 "Load the other version (this tab's changes are lost unless you export them first), or keep this tab's version.";
        c.conflict = true;
        c.offer_export = true;
        plans.say(c);
        plans.forget("save");
        return;
    }
    case cm::SaveStatus::QuotaExceeded:
        m.text = "This browser's storage for the site is full, so your latest changes are not saved. They are kept in this tab: "
                 "download or copy your plan now, or free space and edit again to retry.";
        break;
    case cm::SaveStatus::Unavailable:
        m.text = "This browser refused to store your plans (" + out.reason + "). They are kept in this tab: export them to keep them.";
        plans.read_only = true;
        break;
    case cm::SaveStatus::Failed:
        m.text = "Saving your plans failed (" + out.reason + "). They are kept in this tab: export them to keep them.";
        break;
    }
    plans.say(m);
    plans.dirty = false;  // retried on the next edit, not in a loop
}

void App::on_storage_changed(std::string_view key) {
    if (key != cm::kPlansKey || !plans.opened) {
        platform::request_frames();
        return;
    }
    cm::PlanStore& store = plans.storage();
    std::optional<int64_t> stored = store.stored_revision();
    if (stored && *stored == plans.doc.revision) return;  // our own save, or nothing new
    if (!plans.dirty) {
        // Nothing unsaved here: follow the other tab.
        std::string active = plans.doc.active_plan;
        open_plans();
        if (!active.empty()) plans.doc.active_plan = active;
        StorageMessage m;
        m.id = "synced";
        m.text = "Updated with the changes saved in another tab.";
        plans.say(m);
    } else {
        save_plans();  // reports the conflict without writing
    }
}

void App::load_other_tab_version() {
    std::string active = plans.doc.active_plan;
    plans.dirty = false;
    open_plans();
    if (std::any_of(plans.doc.plans.begin(), plans.doc.plans.end(), [&](const cm::Plan& p) { return p.id == active; }))
        plans.doc.active_plan = active;
    plans.forget("conflict");
}

void App::new_plan(std::string_view current, std::string_view target) {
    int64_t now = platform::wall_clock_ms();
    cm::Plan p = cm::make_plan(fw, cm::unique_plan_name(plans.doc.plans, "Growth plan"), current, target, now,
                               cm::fresh_plan_id(plans.doc.plans, now));
    plans.doc.active_plan = p.id;
    plans.doc.plans.push_back(std::move(p));
    plan_edited();
}

void App::duplicate_plan() {
    cm::Plan* p = active_plan();
    if (!p) return;
    cm::Plan copy = *p;
    int64_t now = platform::wall_clock_ms();
    copy.id = cm::fresh_plan_id(plans.doc.plans, now);
    copy.name = cm::unique_plan_name(plans.doc.plans, p->name + " (copy)");
    copy.created_ms = copy.updated_ms = now;
    plans.doc.active_plan = copy.id;
    plans.doc.plans.push_back(std::move(copy));
    plan_edited();
}

void App::delete_plan() {
    cm::Plan* p = active_plan();
    if (!p) return;
    size_t index = size_t(p - plans.doc.plans.data());
    plans.last_deleted = PlanSession::Deleted{*p, index};
    StorageMessage m;
    m.id = "deleted";
    m.text = "Deleted \xE2\x80\x9C" + p->name + "\xE2\x80\x9D.";
    m.undo = StorageMessage::Undo::DeletedPlan;
    plans.doc.plans.erase(plans.doc.plans.begin() + long(index));
    plans.doc.active_plan = plans.doc.plans.empty() ? "" : plans.doc.plans[std::min(index, plans.doc.plans.size() - 1)].id;
    plans.say(m);
    plan_edited();
}

void App::undo_delete() {
    if (!plans.last_deleted) return;
    PlanSession::Deleted d = std::move(*plans.last_deleted);
    plans.last_deleted.reset();
    size_t at = std::min(d.index, plans.doc.plans.size());
    plans.doc.active_plan = d.plan.id;
    plans.doc.plans.insert(plans.doc.plans.begin() + long(at), std::move(d.plan));
    plans.forget("deleted");
    plan_edited();
}

void App::set_item_status(size_t index, cm::ItemStatus status) {
    cm::Plan* p = active_plan();
    if (!p || index >= p->items.size() || p->items[index].status == status) return;
    p->items[index].status = status;
    plan_edited();
}

void App::remove_item(size_t index) {
    cm::Plan* p = active_plan();
    if (!p || index >= p->items.size()) return;
    cm::PlanItem& item = p->items[index];
    int e = fw.find_expectation(item.expectation);
    std::string text = cm::text::shorten(e >= 0 ? fw.expectations[size_t(e)].text : item.text, 60);
    StorageMessage m;
    m.id = "removed";
    m.text = "Removed \xE2\x80\x9C" + text + "\xE2\x80\x9D from the plan.";
    m.undo = StorageMessage::Undo::RemovedItem;
    plans.last_removed = PlanSession::Removed{p->id, std::move(item), index};
    if (plans.expanded_item == plans.last_removed->item.expectation) plans.expanded_item.clear();
    p->items.erase(p->items.begin() + long(index));
    plans.say(m);
    plan_edited();
}

void App::undo_remove() {
    if (!plans.last_removed) return;
    PlanSession::Removed r = std::move(*plans.last_removed);
    plans.last_removed.reset();
    plans.forget("removed");
    auto it = std::find_if(plans.doc.plans.begin(), plans.doc.plans.end(), [&](const cm::Plan& p) { return p.id == r.plan; });
    if (it == plans.doc.plans.end() || cm::plan_has(*it, r.item.expectation)) return;  // the plan is gone, or the item is back
    plans.doc.active_plan = it->id;
    plans.focus_item = r.item.expectation;
    it->items.insert(it->items.begin() + long(std::min(r.index, it->items.size())), std::move(r.item));
    plan_edited();
}

void App::plan_what_is_new(int lo, int hi, bool into_active) {
    const std::string &from = fw.levels[size_t(lo)].id, &to = fw.levels[size_t(hi)].id;
    StorageMessage m;
    m.id = "planned";
    if (into_active && active_plan()) {
        cm::Plan* p = active_plan();
        int added = cm::add_expectations(fw, p, cm::expectations_new_at(fw, from, to));
        m.text = added == 0 ? "Everything new at " + fw.levels[size_t(hi)].name + " is already in \xE2\x80\x9C" + p->name + "\xE2\x80\x9D."
                            : "Added " + std::to_string(added) + " expectation" + (added == 1 ? "" : "s") + " new at " +
                                  fw.levels[size_t(hi)].name + " to \xE2\x80\x9C" + p->name + "\xE2\x80\x9D.";
        if (added > 0) plan_edited();
    } else {
        new_plan(from, to);
        m.text = "A new plan from " + fw.levels[size_t(lo)].name + " to " + fw.levels[size_t(hi)].name + " holds the " +
                 std::to_string(active_plan()->items.size()) + " expectations new or grown at " + fw.levels[size_t(hi)].name + ".";
    }
    plans.say(m);
    cm::ViewState next = view;
    next.view = cm::View::Plan;
    set_view(next, true);
}

void App::toggle_in_plan(int expectation) {
    const cm::Expectation& x = fw.expectations[size_t(expectation)];
    if (!active_plan()) {
        new_plan("", "");  // a first plan, aimed at this expectation's level, with nothing else in it
        active_plan()->target_level = fw.levels[size_t(x.level)].id;
    }
    cm::Plan* p = active_plan();
    auto it = std::find_if(p->items.begin(), p->items.end(), [&](const cm::PlanItem& i) { return i.expectation == x.id; });
    if (it != p->items.end()) p->items.erase(it);
    else p->items.push_back(cm::make_item(fw, expectation));
    plan_edited();
}

void App::import_plans(std::string_view name, std::string_view text, bool replace_clashes) {
    cm::ImportPlanResult r = cm::import_plan_json(text, &fw, name);
    StorageMessage m;
    m.id = "import";
    if (!r.ok()) {
        m.kind = StorageMessage::Kind::Error;
        m.text = "Nothing was imported from " + std::string(name) + ":\n" + r.diagnostics.to_string();
        while (!m.text.empty() && m.text.back() == '\n') m.text.pop_back();
        plans.say(m);
        return;
    }
    std::vector<cm::Plan> clashing;
    std::string last;
    for (cm::Plan& p : r.plans) {
        auto same = std::find_if(plans.doc.plans.begin(), plans.doc.plans.end(), [&](const cm::Plan& q) { return q.id == p.id; });
        if (same == plans.doc.plans.end()) {
            last = p.id;
            plans.doc.plans.push_back(std::move(p));
        } else if (replace_clashes) {
            last = p.id;
            *same = std::move(p);
        } else {
            clashing.push_back(std::move(p));
        }
    }
    if (!last.empty()) plans.doc.active_plan = last;
    if (!clashing.empty()) {
        // Never replace a plan without asking: plan_view.cpp asks "Replace / Import as a copy / Cancel".
        plans.pending_import = std::move(clashing);
    }
    size_t imported = r.plans.size() - plans.pending_import.size();
    if (imported > 0) {
        m.text = "Imported " + std::to_string(imported) + (imported == 1 ? " plan" : " plans") + " from " + std::string(name) +
                 (r.migrated ? " (an older format, converted)." : ".");
        plans.say(m);
        plan_edited();
    }
}

void App::resolve_import(ImportChoice choice) {
    std::vector<cm::Plan> pending = std::move(plans.pending_import);
    plans.pending_import.clear();
    if (choice == ImportChoice::Cancel) return;
    for (cm::Plan& plan : pending) {
        auto same = std::find_if(plans.doc.plans.begin(), plans.doc.plans.end(), [&](const cm::Plan& q) { return q.id == plan.id; });
        if (choice == ImportChoice::Replace && same != plans.doc.plans.end()) {
            *same = std::move(plan);
            plans.doc.active_plan = same->id;
        } else {
            plan.id = cm::fresh_plan_id(plans.doc.plans, platform::wall_clock_ms());
            plan.name = cm::unique_plan_name(plans.doc.plans, plan.name);
            plans.doc.active_plan = plan.id;
            plans.doc.plans.push_back(std::move(plan));
        }
    }
    plan_edited();
}

void App::on_file_opened(std::string_view name, std::string_view contents, bool read_ok) {
    platform::request_frames();
    if (!read_ok) {
        StorageMessage m;
        m.id = "import";
        m.kind = StorageMessage::Kind::Error;
        m.text = "The browser could not read " + std::string(name) + ".";
        plans.say(m);
        return;
    }
    import_plans(name, contents, false);
}


void App::delete_all_data() {
    cm::PlanStore& store = plans.storage();
    cm::StoreStatus s = store.delete_everything();
    plans.doc = cm::PlanDocument();
    plans.dirty = false;
    plans.last_deleted.reset();
    plans.messages.clear();
    StorageMessage m;
    m.id = "deleted-all";
    m.kind = s == cm::StoreStatus::Ok ? StorageMessage::Kind::Info : StorageMessage::Kind::Error;
    m.text = s == cm::StoreStatus::Ok ? "Your plans and settings were deleted from this browser."
                                      : std::string("The browser refused to delete the data (") + cm::store_status_name(s) + ").";
    plans.say(m);
}

}  // namespace ui
