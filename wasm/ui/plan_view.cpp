// Career Matrix views: the growth-plan builder.
//
// Index of this file:
// [SECTION] Storage messages (what happened to the reader's data, and what they can do)
// [SECTION] Plan header: choosing, naming, levels
// [SECTION] Coverage per area
// [SECTION] Items: status, text (and whether it changed), notes, evidence, date
// [SECTION] Adding expectations
// [SECTION] Export, import, and where the data lives
#include "export.h"
#include "platform.h"
#include "text.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr float kPad = 16.0f;

std::string plan_file_base(const cm::Plan& p) {
    std::string s = cm::text::slug(p.name);
    return s.empty() ? "growth-plan" : s;
}

void wrapped(const std::string& text, ImU32 color, const ImFont* font = nullptr) {
    if (font) ImGui::PushFont(const_cast<ImFont*>(font));
    ImGui::PushStyleColor(ImGuiCol_Text, color4(color));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

void export_markdown_to_clipboard(App& app, const cm::Plan& p) { ImGui::SetClipboardText(cm::plan_markdown(app.fw, p).c_str()); }
void download_json(App& app, const cm::Plan& p) {
    platform::download_file(plan_file_base(p) + ".json", "application/json", cm::plan_export_json(p, app.fw, platform::wall_clock_ms()));
}

//-----------------------------------------------------------------------------
// [SECTION] Storage messages
//-----------------------------------------------------------------------------

void draw_messages(App& app, float width) {
    const theme::Palette& p = theme::colors();
    for (size_t i = 0; i < app.plans.messages.size(); i++) {
        StorageMessage m = app.plans.messages[i];  // a copy: actions below may change the list
        ImGui::PushID(m.id.c_str());
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 12, pos.y + 10));
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 24);
        ImU32 fg = m.kind == StorageMessage::Kind::Info ? p.text : p.warning_text;
        wrapped(m.text, fg);
        ImGui::PopTextWrapPos();
        std::string base = "message:" + m.id + ":";
        bool close = false, first = true;
        // Action buttons flow on one line and wrap when the bar is narrow.
        auto action = [&](const char* name, const char* label, bool primary = false) {
            if (!first) {
                ImGui::SameLine();
                wrap_before(ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x, pos.x + width - 12);
            }
            first = false;
            return button(app, base + name, label, primary);
        };
        if (!m.download_contents.empty() && action("download", "Download it")) platform::download_file(m.download_name, "application/json", m.download_contents);
        if (m.offer_export) {
            if (cm::Plan* plan = app.active_plan()) {
                if (action("json", "Download JSON")) download_json(app, *plan);
                if (action("markdown", "Copy as Markdown")) export_markdown_to_clipboard(app, *plan);
            }
        }
        if (m.conflict) {
            if (action("load-theirs", "Load the other version")) app.load_other_tab_version();
            if (action("keep-mine", "Keep this version")) app.save_plans(/*overwrite=*/true);
        }
        if (m.undo_delete && action("undo", "Undo", true)) app.undo_delete();
        if (!m.backup_key.empty() && action("delete-backup", "Delete the backup")) {
            app.plans.storage().remove_backup(m.backup_key);
            close = true;
        }
        if (!m.conflict && action("dismiss", "Dismiss")) close = true;
        ImGui::EndGroup();
        ImVec2 end(pos.x + width, ImGui::GetItemRectMax().y + 10);
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(pos, end, m.kind == StorageMessage::Kind::Info ? p.surface_selected : p.warning, 6.0f);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, end.y + 8));
        ImGui::PopID();
        if (close) {
            if (m.undo_delete) app.plans.last_deleted.reset();
            app.plans.forget(m.id);
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Plan header: choosing, naming, levels
//-----------------------------------------------------------------------------

void draw_empty_state(App& app, float width) {
    const theme::Palette& p = theme::colors();
    section_heading("Draft a growth plan");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(width, 720.0f));
    wrapped("Choose the level you are at and the level you aim for: the expectations new at that level are added for you, "
            "and you can add or remove any other. For each one, track a status, notes, evidence (merge requests, issues, "
            "incident reviews) and a target date. Plans stay in this browser; export them to share or keep a copy.",
            p.text_muted);
    ImGui::PopTextWrapPos();
    PlanSession& ps = app.plans;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("I am at");
    ImGui::SameLine();
    level_combo(app, "plan:start-current", &ps.start_current, "Choose a level", "Not set");
    ImGui::SameLine();
    ImGui::TextUnformatted("and aim for");
    ImGui::SameLine();
    level_combo(app, "plan:start-target", &ps.start_target, "Choose a level", "Not set");
    ImGui::SameLine();
    if (button(app, "plan:create", "Create the plan", true)) app.new_plan(ps.start_current, ps.start_target);
    ImGui::Dummy(ImVec2(0, 8));
    if (button(app, "plan:import", "Import a plan (JSON)")) platform::open_file_picker(".json,application/json");
}

void draw_plan_header(App& app, cm::Plan& plan, float width) {
    // Which plan, and the actions on plans.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Plan");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(280.0f, width * 0.5f));
    if (ImGui::BeginCombo("##plans", plan.name.c_str())) {
        for (const cm::Plan& other : app.plans.doc.plans) {
            ImGui::PushID(other.id.c_str());
            if (ImGui::Selectable(other.name.c_str(), other.id == plan.id)) app.plans.doc.active_plan = other.id;
            app.add_target("plan:choose:" + other.id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    app.add_target("plan:choose");
    ImGui::SameLine();
    if (button(app, "plan:new", "New plan")) {
        app.new_plan(plan.current_level, plan.target_level);
        return;  // `plan` may have moved
    }
    ImGui::SameLine();
    if (button(app, "plan:duplicate", "Duplicate")) {
        app.duplicate_plan();
        return;
    }
    ImGui::SameLine();
    if (button(app, "plan:delete", "Delete")) {
        app.delete_plan();
        return;
    }

    ImGui::Dummy(ImVec2(0, 2));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Name");
    ImGui::SameLine();
    if (text_field(app, "plan:name", "Plan name", &plan.name, cm::kMaxPlanNameBytes, false, std::min(420.0f, width - 80))) app.plan_edited();

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("From");
    ImGui::SameLine();
    if (level_combo(app, "plan:current", &plan.current_level, "Not set", "Not set")) app.plan_edited();
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    if (level_combo(app, "plan:target", &plan.target_level, "Not set", "Not set")) app.plan_edited();
    // What is new at the target and not planned yet, one click away (never added behind the reader's back).
    std::vector<int> missing;
    for (int e : cm::expectations_new_at(app.fw, plan.current_level, plan.target_level))
        if (!cm::plan_has(plan, app.fw.expectations[size_t(e)].id)) missing.push_back(e);
    if (!missing.empty()) {
        ImGui::SameLine();
        std::string label = "Add the " + std::to_string(missing.size()) + " expectation" + (missing.size() == 1 ? "" : "s") + " new at " +
                            app.fw.levels[size_t(app.fw.find_level(plan.target_level))].name;
        if (button(app, "plan:add-new", label.c_str())) {
            for (int e : missing) plan.items.push_back(cm::make_item(app.fw, e));
            app.plan_edited();
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Coverage per area
//-----------------------------------------------------------------------------

void draw_coverage(App& app, const cm::Plan& plan, float width) {
    const theme::Palette& p = theme::colors();
    std::vector<cm::AreaCoverage> cov = cm::coverage(app.fw, plan);
    if (cov.empty()) return;
    ImGui::Dummy(ImVec2(0, 4));
    section_heading("Coverage");
    int target = app.fw.find_level(plan.target_level);
    wrapped(target >= 0 ? "How much of what is new at " + app.fw.levels[size_t(target)].name + " the plan covers, and how much is done."
                        : "What the plan holds per area, and how much is done.",
            p.text_muted, theme::font(theme::Font::Small));
    const float label_w = std::min(200.0f, width * 0.3f), bar_w = std::max(80.0f, std::min(360.0f, width - label_w - 220));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const cm::AreaCoverage& c : cov) {
        const cm::Area& area = app.fw.areas[size_t(c.area)];
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float h = ImGui::GetTextLineHeight();
        dl->AddText(pos, p.text, area.name.c_str());
        ImVec2 bar(pos.x + label_w, pos.y + h * 0.25f);
        float total = float(std::max(c.target_count, c.planned));
        auto frac = [&](int n) { return total > 0 ? float(n) / total : 0.0f; };
        // Three shades of the accent: planned, in progress (or done), done.
        auto fill = [&](int n, float alpha) {
            if (n <= 0) return;
            ImVec4 c4 = color4(p.accent);
            c4.w = alpha;
            dl->AddRectFilled(bar, ImVec2(bar.x + bar_w * frac(n), bar.y + h * 0.5f), ImGui::ColorConvertFloat4ToU32(c4), 3.0f);
        };
        dl->AddRectFilled(bar, ImVec2(bar.x + bar_w, bar.y + h * 0.5f), p.surface_hover, 3.0f);
        fill(c.planned, 0.25f);
        fill(c.in_progress + c.done, 0.55f);
        fill(c.done, 1.0f);
        std::string label = std::to_string(c.planned) + (c.target_count > 0 ? " of " + std::to_string(c.target_count) : std::string()) +
                            " planned, " + std::to_string(c.done) + " done";
        dl->AddText(ImVec2(bar.x + bar_w + 12, pos.y), p.text_muted, label.c_str());
        ImGui::Dummy(ImVec2(width, h + 4));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Items
//-----------------------------------------------------------------------------

// Returns false when the item was removed (the caller's iteration must stop).
bool draw_item(App& app, cm::Plan& plan, size_t index, float width) {
    const theme::Palette& p = theme::colors();
    cm::PlanItem& item = plan.items[index];
    int e = -1;
    cm::Freshness fresh = cm::freshness(app.fw, item, &e);
    const std::string base = "plan:item:" + item.expectation + ":";
    ImGui::PushID(item.expectation.c_str());
    ImGui::BeginGroup();

    // Status: three states, always visible, one click each.
    muted_label("Status");
    for (cm::ItemStatus s : {cm::ItemStatus::NotStarted, cm::ItemStatus::InProgress, cm::ItemStatus::Done}) {
        if (chip(app, base + "status:" + cm::status_id(s), cm::status_label(s), item.status == s) && item.status != s) {
            item.status = s;
            app.plan_edited();
        }
    }

    // The text: the framework's current one, and what it was if it changed.
    const std::string& text = fresh == cm::Freshness::Missing ? item.text : app.fw.expectations[size_t(e)].text;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    wrapped(text.empty() ? "(no text was saved with this item)" : text, item.status == cm::ItemStatus::Done ? p.text_muted : p.text);
    std::string meta;
    if (e >= 0) meta = app.fw.levels[size_t(app.fw.expectations[size_t(e)].level)].name + "  \xC2\xB7  " + app.fw.areas[size_t(app.fw.expectations[size_t(e)].area)].name;
    if (!item.target_date.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + std::string("target ") + item.target_date;
    if (!item.evidence.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + std::to_string(item.evidence.size()) + " evidence link" + (item.evidence.size() == 1 ? "" : "s");
    if (!item.notes.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + std::string("notes");
    if (!meta.empty()) wrapped(meta, p.text_muted, theme::font(theme::Font::Small));
    if (fresh == cm::Freshness::Changed) {
        badge("Changed since you planned it", p.warning, p.warning_text);
        wrapped("When planned it read: " + (item.text.empty() ? std::string("(unknown)") : "\xE2\x80\x9C" + item.text + "\xE2\x80\x9D"), p.text_muted,
                theme::font(theme::Font::Small));
        if (button(app, base + "accept", "Use the new text")) {
            cm::refresh_item(app.fw, &item);
            app.plan_edited();
        }
    } else if (fresh == cm::Freshness::Missing) {
        badge("No longer in the framework", p.warning, p.warning_text);
        wrapped("This expectation (" + item.expectation + ") is not in the current framework. The item and its notes are kept.", p.text_muted,
                theme::font(theme::Font::Small));
    }
    ImGui::PopTextWrapPos();

    bool open = app.plans.expanded_item == item.expectation;
    if (button(app, base + "details", open ? "Hide details" : "Notes, evidence, date")) {
        app.plans.expanded_item = open ? "" : item.expectation;
        open = !open;
    }
    ImGui::SameLine();
    bool removed = false;
    if (button(app, base + "remove", "Remove from plan")) removed = true;

    if (open && !removed) {
        ImGui::Indent(12);
        float w = width - 12;
        ImGui::TextUnformatted("Notes");
        if (text_field(app, base + "notes", "Notes", &item.notes, cm::kMaxNotesBytes, true, w, ImGui::GetTextLineHeight() * 5)) app.plan_edited();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Target date");
        ImGui::SameLine();
        // Typed text is validated before it reaches the plan.
        PlanSession& ps = app.plans;
        if (ps.date_draft_for != item.expectation) {
            ps.date_draft = item.target_date;
            ps.date_draft_for = item.expectation;
        }
        std::string& date_draft = ps.date_draft;
        if (text_field(app, base + "date", "Target date (YYYY-MM-DD)", &date_draft, 10, false, 140, 0, "YYYY-MM-DD")) {
            if (date_draft.empty() || cm::is_valid_date(date_draft)) {
                item.target_date = date_draft;
                app.plan_edited();
            }
        }
        if (!date_draft.empty() && !cm::is_valid_date(date_draft)) {
            ImGui::SameLine();
            wrapped("Not a date: use YYYY-MM-DD.", p.warning_text, theme::font(theme::Font::Small));
        }
        ImGui::TextUnformatted("Evidence");
        for (size_t k = 0; k < item.evidence.size(); k++) {
            ImGui::PushID(int(k));
            const cm::EvidenceLink& ev = item.evidence[k];
            link(app, base + "evidence:" + std::to_string(k), ev.title.empty() ? ev.url.c_str() : ev.title.c_str(), ev.url);
            ImGui::SameLine();
            bool drop = button(app, base + "evidence-remove:" + std::to_string(k), "Remove");
            ImGui::PopID();
            if (drop) {
                item.evidence.erase(item.evidence.begin() + long(k));
                app.plan_edited();
                break;
            }
        }
        std::string& ev_title = ps.evidence_title;
        std::string& ev_url = ps.evidence_url;
        text_field(app, base + "evidence-title", "Evidence title", &ev_title, cm::kMaxEvidenceTitleBytes, false, std::min(220.0f, w * 0.35f), 0, "Title (optional)");
        ImGui::SameLine();
        text_field(app, base + "evidence-url", "Evidence link", &ev_url, cm::kMaxUrlBytes, false, std::min(340.0f, w * 0.45f), 0, "https://gitlab.com/...");
        ImGui::SameLine();
        bool url_ok = cm::is_evidence_url(ev_url);
        ImGui::BeginDisabled(!url_ok || item.evidence.size() >= cm::kMaxEvidenceLinks);
        if (button(app, base + "evidence-add", "Add link")) {
            item.evidence.push_back({ev_title, ev_url});
            ev_title.clear();
            ev_url.clear();
            app.plan_edited();
        }
        ImGui::EndDisabled();
        if (!ev_url.empty() && !url_ok) wrapped("Links start with https:// or http://.", p.warning_text, theme::font(theme::Font::Small));
        ImGui::Unindent(12);
    }
    ImGui::EndGroup();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 6));
    if (removed) {
        plan.items.erase(plan.items.begin() + long(index));
        app.plan_edited();
        return false;
    }
    return true;
}

void draw_items(App& app, cm::Plan& plan, float width) {
    const theme::Palette& p = theme::colors();
    ImGui::Dummy(ImVec2(0, 6));
    section_heading("Expectations in this plan");
    if (plan.items.empty()) wrapped("Nothing yet: add the expectations new at your target level, or pick some below or from the ladder.", p.text_muted);
    // Grouped by area, in framework order; items whose area is gone go last.
    std::vector<std::pair<int, size_t>> order;  // (area index or large, item index)
    for (size_t i = 0; i < plan.items.size(); i++) {
        int e = app.fw.find_expectation(plan.items[i].expectation);
        int area = e >= 0 ? app.fw.expectations[size_t(e)].area : app.fw.find_area(plan.items[i].area);
        order.emplace_back(area < 0 ? 1 << 20 : area, i);
    }
    std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.first < b.first; });
    int last_area = -1;
    for (auto [area, index] : order) {
        if (area != last_area) {
            ImGui::Dummy(ImVec2(0, 4));
            ImGui::PushFont(theme::font(theme::Font::Strong));
            ImGui::TextUnformatted(area < int(app.fw.areas.size()) ? app.fw.areas[size_t(area)].name.c_str() : "No longer in the framework");
            ImGui::PopFont();
            last_area = area;
        }
        if (!draw_item(app, plan, index, width)) return;  // indices shifted: the next frame draws the rest
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Adding expectations
//-----------------------------------------------------------------------------

void draw_add_expectations(App& app, cm::Plan& plan, float width) {
    const theme::Palette& p = theme::colors();
    ImGui::Dummy(ImVec2(0, 6));
    if (!ImGui::CollapsingHeader("Add other expectations")) {
        app.add_target("plan:add-open");
        return;
    }
    app.add_target("plan:add-open");
    text_field(app, "plan:add-search", "Find expectations", &app.plans.add_search, 200, false, std::min(360.0f, width), 0, "Filter by words");
    cm::SearchQuery q = cm::parse_search(app.plans.add_search);
    int target = app.fw.find_level(plan.target_level);
    int shown = 0;
    for (int e = 0; e < int(app.fw.expectations.size()) && shown < 200; e++) {
        const cm::Expectation& x = app.fw.expectations[size_t(e)];
        if (target >= 0 && app.fw.levels[size_t(x.level)].order > app.fw.levels[size_t(target)].order) continue;
        if (!cm::matches(q, x)) continue;
        shown++;
        bool in = cm::plan_has(plan, x.id);
        ImGui::PushID(e);
        std::string label = std::string(in ? "\xE2\x9C\x93  " : "+  ") + app.fw.levels[size_t(x.level)].name + " \xC2\xB7 " + app.fw.areas[size_t(x.area)].name;
        ImGui::PushStyleColor(ImGuiCol_Text, color4(in ? p.text_muted : p.text_link));
        if (ImGui::Selectable(label.c_str(), in, 0, ImVec2(0, 0))) app.toggle_in_plan(e);
        ImGui::PopStyleColor();
        app.add_target("plan:add:" + x.id);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        wrapped(x.text, p.text_muted, theme::font(theme::Font::Small));
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    if (shown == 0) wrapped("No expectation matches.", p.text_muted);
}

//-----------------------------------------------------------------------------
// [SECTION] Export, import, and where the data lives
//-----------------------------------------------------------------------------

void draw_export(App& app, cm::Plan& plan, float width) {
    const theme::Palette& p = theme::colors();
    ImGui::Dummy(ImVec2(0, 6));
    section_heading("Plan notes");
    if (text_field(app, "plan:notes", "Plan notes", &plan.notes, cm::kMaxNotesBytes, true, width, ImGui::GetTextLineHeight() * 5)) app.plan_edited();

    ImGui::Dummy(ImVec2(0, 6));
    section_heading("Share and keep");
    if (button(app, "plan:export:markdown-copy", "Copy as Markdown", true)) {
        export_markdown_to_clipboard(app, plan);
        app.plan_exported(plan);
    }
    ImGui::SameLine();
    if (button(app, "plan:export:markdown", "Download Markdown")) {
        platform::download_file(plan_file_base(plan) + ".md", "text/markdown", cm::plan_markdown(app.fw, plan));
        app.plan_exported(plan);
    }
    ImGui::SameLine();
    if (button(app, "plan:export:json", "Download JSON")) {
        download_json(app, plan);
        app.plan_exported(plan);
    }
    ImGui::SameLine();
    wrap_before(80);
    if (button(app, "plan:print", "Print")) platform::print_html(cm::plan_html(app.fw, plan));
    ImGui::SameLine();
    wrap_before(160);
    if (button(app, "plan:import", "Import a plan (JSON)")) platform::open_file_picker(".json,application/json");
    wrapped("Markdown is a task list for a GitLab issue or a 1:1 document; JSON can be imported again here or in another browser.",
            p.text_muted, theme::font(theme::Font::Small));
    // Browsers may delete a site's storage: say so quietly when a copy is due.
    int64_t now = platform::wall_clock_ms();
    if (cm::export_is_due(plan, now)) {
        std::string due = plan.exported_ms == 0 ? "This plan has not been exported yet: it lives only in this browser."
                                                : "This plan changed since its last export, " + cm::days_ago(now - plan.exported_ms) + ".";
        wrapped(due.c_str(), p.text_muted, theme::font(theme::Font::Small));
        app.add_target("plan:export-due");
    }
    const char* kept = app.plans.persistence == Persistence::Persistent ? "This browser keeps your plans until you delete them (persistent storage granted)."
                       : app.plans.persistence == Persistence::BestEffort || app.plans.persistence == Persistence::Unsupported
                           ? "This browser may delete the site's data after weeks without a visit or when space runs low; an export keeps a copy."
                           : nullptr;
    if (kept) {
        wrapped(kept, p.text_muted, theme::font(theme::Font::Small));
        app.add_target(app.plans.persistence == Persistence::Persistent ? "plan:storage-persistent" : "plan:storage-best-effort");
    }
}

void draw_where_data_lives(App& app, float width) {
    const theme::Palette& p = theme::colors();
    ImGui::Dummy(ImVec2(0, 10));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    std::string where = std::string("Your plans are saved in this browser only, in its local storage for this site (key ") + cm::kPlansKey + ").";
    if (app.plans.read_only) where = "This tab cannot save to this browser's storage: your plans are kept in this tab until you close it.";
    else if (app.plans.dirty) where += " Saving\xE2\x80\xA6";
    else if (app.plans.saved_wall_ms > 0)
        where += " Last saved " + cm::utc_minute(app.plans.saved_wall_ms) + ", revision " +
                 std::to_string(app.plans.doc.revision) + ".";
    where += " Clearing the site's data deletes them: export a copy to keep one elsewhere.";
    wrapped(where, p.text_muted, theme::font(theme::Font::Small));
    ImGui::PopTextWrapPos();
    if (button(app, "plan:delete-data", "Delete my data")) ImGui::OpenPopup("Delete my data");
    if (ImGui::BeginPopupModal("Delete my data", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(420);
        ImGui::TextWrapped("Delete every plan, backup and setting this app stored in this browser? This cannot be undone; "
                           "download your plans first if you may want them again.");
        ImGui::PopTextWrapPos();
        if (button(app, "plan:delete-data:confirm", "Delete everything", true)) {
            app.delete_all_data();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button(app, "plan:delete-data:cancel", "Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// An imported plan whose id is already here: the reader decides, nothing is replaced silently.
void draw_import_question(App& app) {
    if (app.plans.pending_import.empty()) return;
    if (!ImGui::IsPopupOpen("Import")) ImGui::OpenPopup("Import");
    if (ImGui::BeginPopupModal("Import", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        const cm::Plan& first = app.plans.pending_import.front();
        ImGui::PushTextWrapPos(460);
        ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D is already in this browser (the file holds the same plan). Replace the plan here with the one "
                           "from the file, or keep both?", first.name.c_str());
        ImGui::PopTextWrapPos();
        using Choice = App::ImportChoice;
        std::optional<Choice> choice;
        if (button(app, "import:replace", "Replace")) choice = Choice::Replace;
        ImGui::SameLine();
        if (button(app, "import:copy", "Import as a copy", true)) choice = Choice::Copy;
        ImGui::SameLine();
        if (button(app, "import:cancel", "Cancel")) choice = Choice::Cancel;
        if (choice) {
            app.resolve_import(*choice);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace

void draw_plan(App& app, ImVec2 size) {
    ImGui::BeginChild("plan", size, false, ImGuiWindowFlags_NoSavedSettings);
    float start_y = ImGui::GetCursorPosY();
    const float width = std::min(ImGui::GetContentRegionAvail().x - 2 * kPad, 960.0f);
    ImGui::SetCursorPos(ImVec2(kPad, ImGui::GetCursorPosY() + 4));
    ImGui::BeginGroup();
    draw_messages(app, width);
    if (cm::Plan* plan = app.active_plan()) {
        draw_plan_header(app, *plan, width);
        if ((plan = app.active_plan())) {  // the header may have created or deleted plans
            draw_coverage(app, *plan, width);
            draw_items(app, *plan, width);
            draw_add_expectations(app, *plan, width);
            draw_export(app, *plan, width);
        }
    } else {
        draw_empty_state(app, width);
    }
    draw_where_data_lives(app, width);
    draw_import_question(app);
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, kPad));
    app.content_height = ImGui::GetCursorPosY() - start_y;
    app.scroll_y = ImGui::GetScrollY();
    ImGui::EndChild();
}

}  // namespace ui
