// Career Matrix views: the growth-plan builder.
//
// Index of this file:
// [SECTION] Storage messages (what happened to the reader's data, and what they can do)
// [SECTION] Plan header: choosing, naming, levels
// [SECTION] Readiness: what is new at the target level, by status, per area
// [SECTION] Items: one row each (status, text, a summary), in groups that fold; details in place
// [SECTION] Adding expectations
// [SECTION] Export, import, and where the data lives
#include "export.h"
#include "platform.h"
#include "text.h"
#include "widgets.h"

#include <imgui_internal.h>  // SetKeyOwner: a focused row keeps the arrow keys from ImGui's own navigation

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ui {

namespace {

constexpr float kPad = 16.0f;
constexpr float kComboWidth = 180.0f;

std::string plan_file_base(const cm::Plan& p) {
    std::string s = cm::text::slug(p.name);
    return s.empty() ? "growth-plan" : s;
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
        app.begin_group({m.kind == StorageMessage::Kind::Info ? Role::Status : Role::Alert, m.text}, "message:" + m.id);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 24);
        ImU32 fg = m.kind == StorageMessage::Kind::Info ? p.text : p.warning_text;
        paragraph(app, m.text, fg);
        ImGui::PopTextWrapPos();
        std::string base = "message:" + m.id + ":";
        bool close = false;
        Flow flow(pos.x + width - 12);
        auto action = [&](const char* name, const char* label, bool primary = false) { return button(app, flow, base + name, label, primary); };
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
        if (m.undo == StorageMessage::Undo::DeletedPlan && action("undo", "Undo", true)) app.undo_delete();
        if (m.undo == StorageMessage::Undo::RemovedItem && action("undo", "Undo", true)) app.undo_remove();
        if (!m.backup_key.empty() && action("delete-backup", "Delete the backup")) {
            app.plans.storage().remove_backup(m.backup_key);
            close = true;
        }
        if (!m.conflict && action("dismiss", "Dismiss")) close = true;
        app.end_group();
        ImGui::EndGroup();
        ImVec2 end(pos.x + width, ImGui::GetItemRectMax().y + 10);
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(pos, end, m.kind == StorageMessage::Kind::Info ? p.surface_selected : p.warning, 6.0f);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, end.y + 8));
        ImGui::PopID();
        if (close) {
            if (m.undo == StorageMessage::Undo::DeletedPlan) app.plans.last_deleted.reset();
            if (m.undo == StorageMessage::Undo::RemovedItem) app.plans.last_removed.reset();
            app.plans.forget(m.id);
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Plan header: choosing, naming, levels
//-----------------------------------------------------------------------------

void draw_empty_state(App& app, float width) {
    const theme::Palette& p = theme::colors();
    section_heading(app, "Draft a growth plan");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(width, 720.0f));
    paragraph(app, "Choose the level you are at and the level you aim for: the expectations new at that level are added for you, "
            "and you can add or remove any other. For each one, track a status, notes, evidence (merge requests, issues, "
            "incident reviews) and a target date. Plans stay in this browser; export them to share or keep a copy.",
            p.text_muted);
    ImGui::PopTextWrapPos();
    PlanSession& ps = app.plans;
    Flow flow(ImGui::GetCursorScreenPos().x + width);
    label(flow, "I am at", kComboWidth);
    level_combo(app, flow, "plan:start-current", "I am at", &ps.start_current, "Choose a level", "Not set", kComboWidth);
    label(flow, "and aim for", kComboWidth);
    level_combo(app, flow, "plan:start-target", "I aim for", &ps.start_target, "Choose a level", "Not set", kComboWidth);
    if (button(app, flow, "plan:create", "Create the plan", true)) {
        app.new_plan(ps.start_current, ps.start_target);
        app.focus_request = "plan:choose";  // the button is gone: the focus goes to the new plan
    }
    ImGui::Dummy(ImVec2(0, 8));
    if (button(app, "plan:import", "Import a plan (JSON)")) platform::open_file_picker(".json,application/json");
}

void draw_plan_header(App& app, cm::Plan& plan, float width) {
    const float right = ImGui::GetCursorScreenPos().x + width;
    // Which plan, and the actions on plans.
    {
        Flow flow(right);
        float combo_w = std::min(280.0f, flow.line_width() - ImGui::CalcTextSize("Plan").x - ImGui::GetStyle().ItemSpacing.x);
        label(flow, "Plan", combo_w);
        flow.next(combo_w);
        ImGui::SetNextItemWidth(combo_w);
        const bool open = ImGui::BeginCombo("##plans", plan.name.c_str());
        app.add_target("plan:choose", {Role::ComboBox, "Plan", uint16_t(open ? state::Expanded : state::Collapsed), plan.name});
        if (open) {
            app.begin_group({Role::ListBox, "Plan"}, "plan:choose:list");
            for (const cm::Plan& other : app.plans.doc.plans) {
                ImGui::PushID(other.id.c_str());
                if (ImGui::Selectable(other.name.c_str(), other.id == plan.id)) app.plans.doc.active_plan = other.id;
                app.add_target("plan:choose:" + other.id, {Role::Option, other.name, uint16_t(other.id == plan.id ? state::Selected : 0)});
                ImGui::PopID();
            }
            app.end_group();
            ImGui::EndCombo();
        }
        if (button(app, flow, "plan:new", "New plan")) {
            app.new_plan(plan.current_level, plan.target_level);
            return;  // `plan` may have moved
        }
        if (button(app, flow, "plan:duplicate", "Duplicate")) {
            app.duplicate_plan();
            return;
        }
        if (button(app, flow, "plan:delete", "Delete")) {
            app.delete_plan();
            return;
        }
    }
    ImGui::Dummy(ImVec2(0, 2));
    {
        Flow flow(right);
        float name_w = std::min(420.0f, flow.line_width() - ImGui::CalcTextSize("Name").x - ImGui::GetStyle().ItemSpacing.x);
        label(flow, "Name", name_w);
        flow.next(name_w);
        if (text_field(app, "plan:name", "Plan name", &plan.name, cm::kMaxPlanNameBytes, false, std::min(name_w, flow.room()))) app.plan_edited();
    }
    Flow flow(right);
    label(flow, "From", kComboWidth);
    if (level_combo(app, flow, "plan:current", "From", &plan.current_level, "Not set", "Not set", kComboWidth)) app.plan_edited();
    label(flow, "to", kComboWidth);
    if (level_combo(app, flow, "plan:target", "To", &plan.target_level, "Not set", "Not set", kComboWidth)) app.plan_edited();
    // What is new at the target and not planned yet, one click away (never added behind the reader's back).
    std::vector<int> missing;
    for (int e : cm::expectations_new_at(app.fw, plan.current_level, plan.target_level))
        if (!cm::plan_has(plan, app.fw.expectations[size_t(e)].id)) missing.push_back(e);
    if (!missing.empty()) {
        std::string text = "Add the " + std::to_string(missing.size()) + " expectation" + (missing.size() == 1 ? "" : "s") + " new at " +
                           app.fw.levels[size_t(app.fw.find_level(plan.target_level))].name;
        if (button(app, flow, "plan:add-new", text.c_str())) {
            cm::add_expectations(app.fw, &plan, missing);
            app.plan_edited();
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Readiness
//-----------------------------------------------------------------------------

// One bar: done, in progress (striped), not started, then what is not in the
// plan as an empty track. Parts are separated by a gap of the background so
// they stay apart in any color vision.
void progress_bar(ImVec2 pos, ImVec2 size, const cm::StatusCounts& c, int not_planned) {
    const theme::Palette& p = theme::colors();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float total = float(c.total() + std::max(0, not_planned));
    const float r = std::min(4.0f, size.y * 0.5f);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), p.surface_hover, r);
    dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), p.border, r);
    if (total <= 0) return;
    float x = pos.x;
    auto part = [&](int n, ImU32 color, bool striped) {
        if (n <= 0) return;
        float w = size.x * float(n) / total;
        ImVec2 a(x, pos.y), b(x + w - (x + w < pos.x + size.x - 0.5f ? 2.0f : 0.0f), pos.y + size.y);
        if (b.x > a.x) {
            dl->AddRectFilled(a, b, color, r);
            if (striped) {
                dl->PushClipRect(a, b, true);
                for (float sx = a.x - size.y; sx < b.x; sx += 7) dl->AddLine(ImVec2(sx, b.y), ImVec2(sx + size.y, a.y), p.background, 2.0f);
                dl->PopClipRect();
            }
        }
        x += w;
    };
    part(c.done, p.status_done, false);
    part(c.in_progress, p.status_in_progress, true);
    part(c.not_started, p.status_not_started, false);
}

std::string readiness_numbers(const cm::StatusCounts& c, int not_planned) {
    std::string s = std::to_string(c.done) + " done \xC2\xB7 " + std::to_string(c.in_progress) + " in progress \xC2\xB7 " +
                    std::to_string(c.not_started) + " not started";
    if (not_planned > 0) s += " \xC2\xB7 " + std::to_string(not_planned) + " not in the plan";
    return s;
}

void legend_swatch(Flow& flow, const char* text, ImU32 color, bool striped, bool track) {
    const theme::Palette& p = theme::colors();
    ImGui::PushFont(theme::font(theme::Font::Small));
    float h = ImGui::GetTextLineHeight();
    flow.next(h * 1.4f + 6 + ImGui::CalcTextSize(text).x);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    cm::StatusCounts one;
    if (!track) (striped ? one.in_progress : color == p.status_done ? one.done : one.not_started) = 1;
    progress_bar(ImVec2(pos.x, pos.y + h * 0.2f), ImVec2(h * 1.4f, h * 0.6f), one, track ? 1 : 0);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + h * 1.4f + 6, pos.y));
    ImGui::TextColored(color4(p.text_muted), "%s", text);
    ImGui::PopFont();
}

void draw_readiness(App& app, const cm::Plan& plan, float width) {
    const theme::Palette& p = theme::colors();
    std::vector<cm::AreaReadiness> rows = cm::readiness(app.fw, plan);
    if (rows.empty()) return;
    int target = app.fw.find_level(plan.target_level);
    const bool against_target = target >= 0 && std::any_of(rows.begin(), rows.end(), [](const cm::AreaReadiness& r) { return r.new_at_target > 0; });
    // Without a target level, the bars show the plan's own items.
    auto counts = [&](const cm::AreaReadiness& r) {
        cm::StatusCounts c = r.planned;
        if (!against_target) c += r.other;
        return c;
    };
    cm::StatusCounts all;
    int all_missing = 0, others = 0;
    for (const cm::AreaReadiness& r : rows) {
        all += counts(r);
        all_missing += against_target ? r.not_planned() : 0;
        others += against_target ? r.other.total() : 0;
    }
    ImGui::Dummy(ImVec2(0, 4));
    const float x0 = ImGui::GetCursorScreenPos().x;
    section_heading(app, against_target ? ("Readiness for " + app.fw.levels[size_t(target)].name).c_str() : "Progress");
    // The whole plan at a glance: a large bar with its figures.
    {
        ImGui::PushFont(theme::font(theme::Font::Strong));
        int total = all.total() + all_missing;
        std::string headline = std::to_string(all.done) + " of " + std::to_string(total) + " done";
        ImGui::TextUnformatted(headline.c_str());
        ImGui::PopFont();
        ImVec2 pos = ImGui::GetCursorScreenPos();
        progress_bar(pos, ImVec2(width, 14), all, all_missing);
        ImGui::Dummy(ImVec2(width, 18));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        paragraph(app, readiness_numbers(all, all_missing) +
                    (others > 0 ? "; " + std::to_string(others) + " more from other levels in the plan" : std::string()),
                p.text_muted, theme::font(theme::Font::Small));
        ImGui::PopTextWrapPos();
    }
    {
        Flow flow(x0 + width);
        legend_swatch(flow, "Done", p.status_done, false, false);
        legend_swatch(flow, "In progress", p.status_in_progress, true, false);
        legend_swatch(flow, "Not started", p.status_not_started, false, false);
        if (against_target) legend_swatch(flow, "Not in the plan", 0, false, true);
    }
    ImGui::Dummy(ImVec2(0, 4));
    // Per area: name, bar and numbers on one line when wide; name and numbers above the bar when narrow.
    const bool wide = width >= 720;
    const float name_w = wide ? 200 : 0, bar_w = wide ? std::min(280.0f, width * 0.3f) : width;
    ImGui::PushFont(theme::font(theme::Font::Small));
    const float h = ImGui::GetTextLineHeight();
    for (const cm::AreaReadiness& r : rows) {
        if (against_target && r.new_at_target == 0) continue;
        cm::StatusCounts c = counts(r);
        int missing = against_target ? r.not_planned() : 0;
        const std::string& name = app.fw.areas[size_t(r.area)].name;
        std::string numbers = readiness_numbers(c, missing);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (wide) {
            dl->AddText(pos, p.text, name.c_str());
            progress_bar(ImVec2(pos.x + name_w, pos.y + h * 0.2f), ImVec2(bar_w, h * 0.6f), c, missing);
            ImGui::SetCursorScreenPos(ImVec2(pos.x + name_w + bar_w + 12, pos.y));
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - name_w - bar_w - 12);
            ImGui::PushStyleColor(ImGuiCol_Text, color4(p.text_muted));
            ImGui::TextWrapped("%s", numbers.c_str());
            ImGui::PopStyleColor();
            ImGui::PopTextWrapPos();
            app.add_content({Role::Text, name + ": " + numbers}, pos, ImGui::GetItemRectMax(), "readiness:" + app.fw.areas[size_t(r.area)].id);
            ImGui::SetCursorScreenPos(ImVec2(pos.x, std::max(ImGui::GetCursorScreenPos().y, pos.y + h + 6)));
        } else {
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
            paragraph(app, name + ": " + numbers, p.text, nullptr, "readiness:" + app.fw.areas[size_t(r.area)].id);
            ImGui::PopTextWrapPos();
            ImVec2 bar = ImGui::GetCursorScreenPos();
            progress_bar(ImVec2(bar.x, bar.y - 2), ImVec2(bar_w, 8), c, missing);
            ImGui::Dummy(ImVec2(bar_w, 6));
        }
    }
    ImGui::PopFont();
}

//-----------------------------------------------------------------------------
// [SECTION] Items
//-----------------------------------------------------------------------------

constexpr float kStatusSize = 26.0f;  // each of the three status buttons (a touch target: WCAG 2.5.8 asks 24)
constexpr float kRowPad = 3.0f;
constexpr size_t kClosedLines = 2;    // a closed row's text, at most
constexpr const char* kNoText = "(no text was saved with this item)";

// A small triangle, pointing right when closed and down when open, centred on `left_mid`'s line.
void disclosure_arrow(ImDrawList* dl, ImVec2 left_mid, bool open, ImU32 color) {
    const float s = 4.5f;
    if (open) dl->AddTriangleFilled(ImVec2(left_mid.x, left_mid.y - s * 0.6f), ImVec2(left_mid.x + 2 * s, left_mid.y - s * 0.6f), ImVec2(left_mid.x + s, left_mid.y + s * 0.8f), color);
    else dl->AddTriangleFilled(ImVec2(left_mid.x + s * 0.3f, left_mid.y - s), ImVec2(left_mid.x + s * 0.3f, left_mid.y + s), ImVec2(left_mid.x + s * 1.9f, left_mid.y), color);
}

bool shown_by_filter(const PlanSession& ps, cm::ItemStatus s) {
    switch (ps.show) {
    case PlanSession::Show::All: return true;
    case PlanSession::Show::NotStarted: return s == cm::ItemStatus::NotStarted;
    case PlanSession::Show::InProgress: return s == cm::ItemStatus::InProgress;
    case PlanSession::Show::Done: return s == cm::ItemStatus::Done;
    }
    return true;
}

// The three statuses as one small control: an empty circle, a half-filled one, a check.
void draw_status_icon(ImDrawList* dl, ImVec2 c, float r, cm::ItemStatus s, ImU32 color, bool chosen) {
    if (s == cm::ItemStatus::Done) {
        if (chosen) dl->AddCircleFilled(c, r, color);
        else dl->AddCircle(c, r, color, 0, 1.6f);
        ImU32 mark = chosen ? theme::colors().background : color;
        dl->AddLine(ImVec2(c.x - r * 0.45f, c.y + r * 0.02f), ImVec2(c.x - r * 0.1f, c.y + r * 0.4f), mark, 2.0f);
        dl->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.4f), ImVec2(c.x + r * 0.5f, c.y - r * 0.4f), mark, 2.0f);
        return;
    }
    dl->AddCircle(c, r, color, 0, 1.6f);
    if (s == cm::ItemStatus::InProgress) {
        dl->PathArcTo(c, r, IM_PI * 0.5f, IM_PI * 1.5f);
        dl->PathFillConvex(color);
    }
}

void draw_status_control(App& app, cm::PlanItem& item, size_t index, const std::string& base) {
    const theme::Palette& p = theme::colors();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    app.begin_group({Role::RadioGroup, "Status"}, base + "status");
    for (cm::ItemStatus s : {cm::ItemStatus::NotStarted, cm::ItemStatus::InProgress, cm::ItemStatus::Done}) {
        if (s != cm::ItemStatus::NotStarted) ImGui::SameLine(0, 2);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(int(s));
        bool clicked = ImGui::InvisibleButton("##status", ImVec2(kStatusSize, kStatusSize));
        ImGui::PopID();
        bool hovered = ImGui::IsItemHovered(), on = item.status == s;
        app.add_target(base + "status:" + cm::status_id(s), {Role::Radio, cm::status_label(s), uint16_t(on ? state::Checked : 0)});
        ImVec2 max(pos.x + kStatusSize, pos.y + kStatusSize);
        if (on || hovered) dl->AddRectFilled(pos, max, on ? p.surface_selected : p.surface_hover, 6.0f);
        if (on) dl->AddRect(pos, max, s == cm::ItemStatus::NotStarted ? p.border : p.accent, 6.0f, 0, 1.5f);
        ImU32 color = s == cm::ItemStatus::Done ? p.status_done : s == cm::ItemStatus::InProgress ? p.status_in_progress : p.text_muted;
        draw_status_icon(dl, ImVec2(pos.x + kStatusSize * 0.5f, pos.y + kStatusSize * 0.5f), kStatusSize * 0.3f, s, on ? color : p.text_muted, on);
        focus_ring(6.0f);
        if (hovered) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s", cm::status_label(s));
        }
        if (clicked) app.set_item_status(index, s);
    }
    app.end_group();
}

// What opens under a row: notes, target date, evidence, changed text, remove.
void draw_item_details(App& app, cm::Plan& plan, size_t index, float x, float right) {
    const theme::Palette& p = theme::colors();
    cm::PlanItem& item = plan.items[index];
    const std::string base = "plan:item:" + item.expectation + ":";
    const float w = right - x;
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + 2));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    int e = -1;
    cm::Freshness fresh = cm::freshness(app.fw, item, &e);
    if (fresh == cm::Freshness::Changed) {
        badge("Changed since you planned it", p.warning, p.warning_text);
        paragraph(app, "When planned it read: " + (item.text.empty() ? std::string("(unknown)") : "\xE2\x80\x9C" + item.text + "\xE2\x80\x9D"), p.text_muted,
                theme::font(theme::Font::Small));
        if (button(app, base + "accept", "Use the new text")) {
            cm::refresh_item(app.fw, &item);
            app.plan_edited();
        }
    } else if (fresh == cm::Freshness::Missing) {
        badge("No longer in the framework", p.warning, p.warning_text);
        paragraph(app, "This expectation (" + item.expectation + ") is not in the current framework. The item and its notes are kept.", p.text_muted,
                theme::font(theme::Font::Small));
    }
    ImGui::TextUnformatted("Notes");
    if (text_field(app, base + "notes", "Notes", &item.notes, cm::kMaxNotesBytes, true, w, ImGui::GetTextLineHeight() * 4)) app.plan_edited();
    // Typed text is validated before it reaches the plan.
    PlanSession& ps = app.plans;
    if (ps.date_draft_for != item.expectation) {
        ps.date_draft = item.target_date;
        ps.date_draft_for = item.expectation;
    }
    {
        Flow flow(right);
        float date_w = std::min(140.0f, flow.line_width());
        label(flow, "Target date", date_w);
        flow.next(date_w);
        std::string& date_draft = ps.date_draft;
        if (text_field(app, base + "date", "Target date (YYYY-MM-DD)", &date_draft, 10, false, date_w, 0, "YYYY-MM-DD")) {
            if (date_draft.empty() || cm::is_valid_date(date_draft)) {
                item.target_date = date_draft;
                app.plan_edited();
            }
        }
        if (!date_draft.empty() && !cm::is_valid_date(date_draft)) {
            const char* warning = "Not a date: use YYYY-MM-DD.";
            ImGui::PushFont(theme::font(theme::Font::Small));
            flow.next(std::min(ImGui::CalcTextSize(warning).x, flow.line_width()));
            ImGui::PopFont();
            ImGui::AlignTextToFramePadding();
            paragraph(app, warning, p.warning_text, theme::font(theme::Font::Small));
        }
    }
    ImGui::TextUnformatted("Evidence");
    for (size_t k = 0; k < item.evidence.size(); k++) {
        ImGui::PushID(int(k));
        const cm::EvidenceLink& ev = item.evidence[k];
        Flow flow(right);
        const char* text = ev.title.empty() ? ev.url.c_str() : ev.title.c_str();
        flow.next(std::min(ImGui::CalcTextSize(text).x, flow.line_width()));
        link(app, base + "evidence:" + std::to_string(k), text, ev.url, flow.line_width());
        bool drop = button(app, flow, base + "evidence-remove:" + std::to_string(k), "Remove");
        ImGui::PopID();
        if (drop) {
            item.evidence.erase(item.evidence.begin() + long(k));
            app.plan_edited();
            break;
        }
    }
    {
        Flow flow(right);
        std::string& ev_title = ps.evidence_title;
        std::string& ev_url = ps.evidence_url;
        float title_w = std::min(220.0f, flow.line_width()), url_w = std::min(340.0f, flow.line_width());
        flow.next(title_w);
        text_field(app, base + "evidence-title", "Evidence title", &ev_title, cm::kMaxEvidenceTitleBytes, false, title_w, 0, "Title (optional)");
        flow.next(url_w);
        text_field(app, base + "evidence-url", "Evidence link", &ev_url, cm::kMaxUrlBytes, false, url_w, 0, "https://gitlab.com/...");
        bool url_ok = cm::is_evidence_url(ev_url);
        ImGui::BeginDisabled(!url_ok || item.evidence.size() >= cm::kMaxEvidenceLinks);
        if (button(app, flow, base + "evidence-add", "Add link")) {
            item.evidence.push_back({ev_title, ev_url});
            ev_title.clear();
            ev_url.clear();
            app.plan_edited();
        }
        ImGui::EndDisabled();
        if (!ev_url.empty() && !url_ok) paragraph(app, "Links start with https:// or http://.", p.warning_text, theme::font(theme::Font::Small));
    }
    ImGui::Dummy(ImVec2(0, 2));
    bool remove = button(app, base + "remove", "Remove from plan");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 6));
    if (remove) app.remove_item(index);
}

// One row: the status control, the text wrapping beside it, and under the text
// a one-line summary of what the details hold. The text area is one button:
// it opens the details, and takes the keyboard commands (1 2 3, Enter, Delete, arrows).
// `prev`/`next` are the neighbouring rows' expectation ids (for the arrows).
// Returns false when the item was removed (indices after it shift).
bool draw_item_row(App& app, cm::Plan& plan, size_t index, float width, bool show_area, const std::string& prev, const std::string& next) {
    const theme::Palette& p = theme::colors();
    PlanSession& ps = app.plans;
    cm::PlanItem& item = plan.items[index];
    int e = -1;
    cm::Freshness fresh = cm::freshness(app.fw, item, &e);
    const std::string base = "plan:item:" + item.expectation + ":";
    const std::string id = item.expectation;
    ImGui::PushID(id.c_str());
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float right = start.x + width;
    app.begin_group({Role::ListItem, {}}, "plan:row:" + id);
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + kRowPad));
    draw_status_control(app, item, index, base);

    // The text and its summary, laid out beside the status control.
    const float text_x = start.x + 3 * kStatusSize + 4 + 12, chevron_w = 22;
    const float text_w = std::max(40.0f, right - text_x - chevron_w - 6);
    const ImFont* body = theme::font(theme::Font::Body);
    const ImFont* small = theme::font(theme::Font::Small);
    const std::string& text = fresh == cm::Freshness::Missing ? item.text : app.fw.expectations[size_t(e)].text;
    bool open = ps.expanded_item == id;
    // A closed row shows at most two lines of the text, a little tighter than a
    // paragraph; the open row shows all of it.
    TextBlock block;
    if (fresh == cm::Freshness::Missing || text.empty()) layout_text(body, text.empty() ? kNoText : text, text_w, &block);  // plan strings move: not cached
    else block = app.text_cache.get(body, text, text_w);
    const std::string_view shown = text.empty() ? std::string_view(kNoText) : std::string_view(text);
    const bool clamped = !open && block.lines.size() > kClosedLines;
    if (clamped) block.lines.resize(kClosedLines);
    block.line_height = std::round(font_size(body) * 1.3f);
    block.height = block.line_height * float(block.lines.size());
    std::string summary;
    if (show_area && e >= 0) {
        const cm::Expectation& x = app.fw.expectations[size_t(e)];
        summary = app.fw.areas[size_t(x.area)].name + " \xC2\xB7 " + app.fw.levels[size_t(x.level)].name;
    }
    if (fresh == cm::Freshness::Changed) summary += (summary.empty() ? "" : " \xC2\xB7 ") + std::string("Changed since planned");
    if (fresh == cm::Freshness::Missing) summary += (summary.empty() ? "" : " \xC2\xB7 ") + std::string("No longer in the framework");
    std::string held = cm::item_summary(item);
    if (!held.empty()) summary += (summary.empty() ? "" : " \xC2\xB7 ") + held;
    const float small_h = ImGui::GetTextLineHeight() * font_size(small) / font_size(body);
    const float text_h = std::max(block.height, block.line_height) + (summary.empty() ? 0 : small_h + 2);
    const float row_h = std::max(kStatusSize, text_h) + 2 * kRowPad;

    ImGui::SetCursorScreenPos(ImVec2(text_x - 6, start.y));
    if (ps.focus_item == id) {
        ImGui::SetKeyboardFocusHere();
        ps.focus_item.clear();
    }
    bool toggled = ImGui::InvisibleButton("##row", ImVec2(right - text_x + 6, row_h));
    const ImGuiID row_id = ImGui::GetItemID();
    bool hovered = ImGui::IsItemHovered(), focused = ImGui::IsItemFocused();
    app.add_target("plan:item:" + id, {Role::Button, std::string(shown), uint16_t(open ? state::Expanded : state::Collapsed), {}, {}, summary});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) dl->AddRectFilled(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), p.surface_hover, 6.0f);
    focus_ring(6.0f);
    ImVec2 tp(text_x, start.y + kRowPad + std::max(0.0f, (kStatusSize - block.line_height) * 0.5f));
    if (block.lines.size() > 1) tp.y = start.y + kRowPad;
    const ImU32 text_color = item.status == cm::ItemStatus::Done ? p.text_muted : p.text;
    if (clamped) {
        // The last line shown ends in an ellipsis, cut to leave room for it.
        TextBlock::Line& last = block.lines.back();
        const float ellipsis_w = body->CalcTextSizeA(font_size(body), FLT_MAX, 0, "\xE2\x80\xA6").x;
        uint32_t end = uint32_t(shown.size());
        while (end > last.begin && body->CalcTextSizeA(font_size(body), FLT_MAX, 0, shown.data() + last.begin, shown.data() + end).x + ellipsis_w > text_w) {
            end--;
            while (end > last.begin && (static_cast<unsigned char>(shown[end]) & 0xC0) == 0x80) end--;
        }
        while (end > last.begin && shown[end - 1] == ' ') end--;
        last.end = end;
        draw_text(dl, body, tp, shown, block, {text_color});
        float x = body->CalcTextSizeA(font_size(body), FLT_MAX, 0, shown.data() + last.begin, shown.data() + last.end).x;
        dl->AddText(body, font_size(body), ImVec2(tp.x + x, tp.y + block.height - block.line_height + (block.line_height - font_size(body)) * 0.5f),
                    text_color, "\xE2\x80\xA6");
    } else {
        draw_text(dl, body, tp, shown, block, {text_color});
    }
    if (!summary.empty()) {
        ImVec4 clip(text_x, tp.y, right - chevron_w, tp.y + block.height + small_h + 4);
        dl->AddText(small, font_size(small), ImVec2(text_x, tp.y + std::max(block.height, block.line_height) + 2),
                    fresh == cm::Freshness::Fresh ? p.text_muted : p.warning_text, summary.c_str(), nullptr, 0, &clip);
    }
    disclosure_arrow(dl, ImVec2(right - chevron_w + 6, start.y + kRowPad + kStatusSize * 0.5f), open, p.text_muted);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        if (clamped) ImGui::TextWrapped("%s", text.c_str());
        ImGui::TextDisabled("%s", open ? "Click or Enter closes the details." : "Click or Enter opens notes, evidence and date. 1, 2, 3 set the status; Delete removes.");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }

    bool removed = false;
    if (focused) {
        // After a click ImGui's navigation is in mouse mode and leaves Enter alone: the row takes it then.
        if (GImGui->NavDisableHighlight && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))) toggled = true;
        // The arrows move between rows, not to the status buttons: the row owns them while focused.
        ImGui::SetKeyOwner(ImGuiKey_UpArrow, row_id);
        ImGui::SetKeyOwner(ImGuiKey_DownArrow, row_id);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow, row_id) && !prev.empty()) ps.focus_item = prev;
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, row_id) && !next.empty()) ps.focus_item = next;
        const ImGuiKey keys[3][2] = {{ImGuiKey_1, ImGuiKey_Keypad1}, {ImGuiKey_2, ImGuiKey_Keypad2}, {ImGuiKey_3, ImGuiKey_Keypad3}};
        const cm::ItemStatus statuses[3] = {cm::ItemStatus::NotStarted, cm::ItemStatus::InProgress, cm::ItemStatus::Done};
        for (int k = 0; k < 3; k++)
            if (ImGui::IsKeyPressed(keys[k][0], false) || ImGui::IsKeyPressed(keys[k][1], false)) app.set_item_status(index, statuses[k]);
        if (ImGui::IsKeyPressed(ImGuiKey_Delete, false) || ImGui::IsKeyPressed(ImGuiKey_Backspace, false)) {
            ps.focus_item = !next.empty() ? next : prev;
            removed = true;
        }
    }
    if (toggled) {
        ps.expanded_item = open ? "" : id;
        open = !open;
        platform::request_frames();  // the row was drawn closed (or open) this frame
    }
    // Rows sit edge to edge: their own padding spaces them.
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + row_h));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::PopStyleVar();
    if (open && !removed) draw_item_details(app, plan, index, text_x, right);
    app.end_group();
    ImGui::PopID();
    if (removed) app.remove_item(index);
    return !removed && index < plan.items.size() && plan.items[index].expectation == id;
}

// A group's heading: a button that folds it, with its own progress.
bool draw_group_heading(App& app, const cm::PlanGroup& g, float width, bool folded) {
    const theme::Palette& p = theme::colors();
    const ImFont* strong = theme::font(theme::Font::Strong);
    const ImFont* small = theme::font(theme::Font::Small);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = line_height(strong) + 6;
    ImGui::PushID(g.key.c_str());
    bool clicked = ImGui::InvisibleButton("##group", ImVec2(width, h));
    ImGui::PopID();
    bool hovered = ImGui::IsItemHovered();
    std::string progress = std::to_string(g.counts.done) + " of " + std::to_string(g.counts.total()) + " done";
    // A heading holding the button that folds the group (the disclosure pattern).
    const std::string name = g.levels.empty() ? g.heading : g.heading + " \xC2\xB7 " + g.levels;
    app.begin_group({Role::Heading, name, 0, {}, {}, {}, 3}, "plan:heading:" + g.key);
    app.add_target("plan:group:" + g.key, {Role::Button, name, uint16_t(folded ? state::Collapsed : state::Expanded), {}, {}, progress});
    app.end_group();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hovered) dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), p.surface_hover, 6.0f);
    focus_ring(6.0f);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    // Right: "3 of 8 done" and a small bar when there is room; left: the name and levels, cut to what is left.
    float progress_w = small->CalcTextSizeA(font_size(small), FLT_MAX, 0, progress.c_str()).x;
    const float bar_w = width >= 480 ? 72 : 0;
    float rx = pos.x + width - 8;
    if (bar_w > 0) {
        progress_bar(ImVec2(rx - bar_w, pos.y + h * 0.5f - 4), ImVec2(bar_w, 8), g.counts, 0);
        rx -= bar_w + 10;
    }
    dl->AddText(small, font_size(small), ImVec2(rx - progress_w, pos.y + (h - line_height(small)) * 0.5f), p.text_muted, progress.c_str());
    ImVec4 clip(pos.x, pos.y, rx - progress_w - 12, pos.y + h);
    float x = pos.x + 6;
    disclosure_arrow(dl, ImVec2(x + 2, pos.y + h * 0.5f), !folded, p.text_muted);
    x += 20;
    dl->AddText(strong, font_size(strong), ImVec2(x, pos.y + 3), p.text, g.heading.c_str(), nullptr, 0, &clip);
    x += strong->CalcTextSizeA(font_size(strong), FLT_MAX, 0, g.heading.c_str()).x;
    if (!g.levels.empty())
        dl->AddText(small, font_size(small), ImVec2(x + 8, pos.y + 3 + (line_height(strong) - line_height(small)) * 0.5f), p.text_muted,
                    ("\xC2\xB7  " + g.levels).c_str(), nullptr, 0, &clip);
    return clicked;
}

void draw_items(App& app, cm::Plan& plan, float width) {
    const theme::Palette& p = theme::colors();
    PlanSession& ps = app.plans;
    ImGui::Dummy(ImVec2(0, 6));
    section_heading(app, "Expectations in this plan");
    if (plan.items.empty()) {
        paragraph(app, "Nothing yet: add the expectations new at your target level, or pick some below or from the ladder.", p.text_muted);
        return;
    }
    std::vector<cm::PlanGroup> groups = cm::outline_plan(app.fw, plan, ps.order);
    cm::StatusCounts all;
    for (const cm::PlanGroup& g : groups) all += g.counts;

    // Show and order.
    const float x0 = ImGui::GetCursorScreenPos().x;
    {
        Flow flow(x0 + width);
        muted_label(flow, "Show");
        using Show = PlanSession::Show;
        const std::vector<std::string> labels = {"All " + std::to_string(all.total()), "Not started " + std::to_string(all.not_started),
                                                 "In progress " + std::to_string(all.in_progress), "Done " + std::to_string(all.done)};
        static const std::vector<std::string> names = {"plan:show:all", "plan:show:not-started", "plan:show:in-progress", "plan:show:done"};
        int shown = segmented(app, flow, "show", "Show", Role::Radio, labels, names, int(ps.show));
        if (shown >= 0) ps.show = Show(shown);
        if (width < 720) flow.break_line();
        muted_label(flow, "Order");
        static const std::vector<std::string> order_labels = {"Handbook", "Target date"};
        static const std::vector<std::string> order_names = {"plan:order:handbook", "plan:order:date"};
        int order = segmented(app, flow, "order", "Order", Role::Radio, order_labels, order_names, int(ps.order));
        if (order >= 0) ps.order = cm::PlanOrder(order);
    }

    // The rows in the order drawn, for the arrow keys.
    std::vector<std::string> rows;
    for (const cm::PlanGroup& g : groups) {
        if (std::find(ps.folded_groups.begin(), ps.folded_groups.end(), g.key) != ps.folded_groups.end()) continue;
        for (size_t i : g.items)
            if (shown_by_filter(ps, plan.items[i].status)) rows.push_back(plan.items[i].expectation);
    }
    size_t row = 0;
    bool any = false;
    for (const cm::PlanGroup& g : groups) {
        bool has_shown = std::any_of(g.items.begin(), g.items.end(), [&](size_t i) { return shown_by_filter(ps, plan.items[i].status); });
        if (!has_shown) continue;
        any = true;
        bool folded = std::find(ps.folded_groups.begin(), ps.folded_groups.end(), g.key) != ps.folded_groups.end();
        if (draw_group_heading(app, g, width, folded)) toggle(&ps.folded_groups, g.key);
        if (folded) continue;
        bool drawn_all = true;
        app.begin_group({Role::List, g.heading}, "plan:list:" + g.key);
        for (size_t i : g.items) {
            if (!shown_by_filter(ps, plan.items[i].status)) continue;
            const std::string prev = row > 0 ? rows[row - 1] : "", next = row + 1 < rows.size() ? rows[row + 1] : "";
            row++;
            if (!draw_item_row(app, plan, i, width, ps.order == cm::PlanOrder::TargetDate, prev, next)) {
                drawn_all = false;  // indices shifted: the next frame draws the rest
                break;
            }
        }
        app.end_group();
        if (!drawn_all) return;
    }
    if (!any) paragraph(app, "No expectation in this plan is " + std::string(ps.show == PlanSession::Show::Done ? "done" : ps.show == PlanSession::Show::InProgress ? "in progress" : "left to start") + ".",
                      p.text_muted);
}

//-----------------------------------------------------------------------------
// [SECTION] Adding expectations
//-----------------------------------------------------------------------------

void draw_add_expectations(App& app, cm::Plan& plan, float width) {
    const theme::Palette& p = theme::colors();
    ImGui::Dummy(ImVec2(0, 6));
    const bool open = ImGui::CollapsingHeader("Add other expectations");
    app.add_target("plan:add-open", {Role::Button, "Add other expectations", uint16_t(open ? state::Expanded : state::Collapsed)});
    if (!open) return;
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
        // One checkbox per expectation, named by its text (the line above it says where it sits).
        app.add_target("plan:add:" + x.id, {Role::Checkbox, x.text, uint16_t(in ? state::Checked : 0), {}, {},
                                            app.fw.levels[size_t(x.level)].name + " \xC2\xB7 " + app.fw.areas[size_t(x.area)].name});
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::PushFont(theme::font(theme::Font::Small));
        ImGui::PushStyleColor(ImGuiCol_Text, color4(p.text_muted));
        ImGui::TextWrapped("%s", x.text.c_str());  // said by the checkbox
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    if (shown == 0) paragraph(app, "No expectation matches.", p.text_muted);
}

//-----------------------------------------------------------------------------
// [SECTION] Export, import, and where the data lives
//-----------------------------------------------------------------------------

void draw_export(App& app, cm::Plan& plan, float width) {
    const theme::Palette& p = theme::colors();
    ImGui::Dummy(ImVec2(0, 6));
    section_heading(app, "Plan notes");
    if (text_field(app, "plan:notes", "Plan notes", &plan.notes, cm::kMaxNotesBytes, true, width, ImGui::GetTextLineHeight() * 5)) app.plan_edited();

    ImGui::Dummy(ImVec2(0, 6));
    section_heading(app, "Share and keep");
    Flow flow(ImGui::GetCursorScreenPos().x + width);
    if (button(app, flow, "plan:export:markdown-copy", "Copy as Markdown", true)) {
        export_markdown_to_clipboard(app, plan);
        app.plan_exported(plan);
    }
    if (button(app, flow, "plan:export:markdown", "Download Markdown")) {
        platform::download_file(plan_file_base(plan) + ".md", "text/markdown", cm::plan_markdown(app.fw, plan));
        app.plan_exported(plan);
    }
    if (button(app, flow, "plan:export:json", "Download JSON")) {
        download_json(app, plan);
        app.plan_exported(plan);
    }
    if (button(app, flow, "plan:print", "Print")) platform::print_html(cm::plan_html(app.fw, plan));
    if (button(app, flow, "plan:import", "Import a plan (JSON)")) platform::open_file_picker(".json,application/json");
    paragraph(app, "Markdown is a task list for a GitLab issue or a 1:1 document; JSON can be imported again here or in another browser.",
            p.text_muted, theme::font(theme::Font::Small));
    // Browsers may delete a site's storage: say so quietly when a copy is due.
    int64_t now = platform::wall_clock_ms();
    if (cm::export_is_due(plan, now)) {
        std::string due = plan.exported_ms == 0 ? "This plan has not been exported yet: it lives only in this browser."
                                                : "This plan changed since its last export, " + cm::days_ago(now - plan.exported_ms) + ".";
        paragraph(app, due, p.text_muted, theme::font(theme::Font::Small), "plan:export-due");
    }
    const char* kept = app.plans.persistence == Persistence::Persistent ? "This browser keeps your plans until you delete them (persistent storage granted)."
                       : app.plans.persistence == Persistence::BestEffort || app.plans.persistence == Persistence::Unsupported
                           ? "This browser may delete the site's data after weeks without a visit or when space runs low; an export keeps a copy."
                           : nullptr;
    if (kept) {
        paragraph(app, kept, p.text_muted, theme::font(theme::Font::Small),
                  app.plans.persistence == Persistence::Persistent ? "plan:storage-persistent" : "plan:storage-best-effort");
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
    paragraph(app, where, p.text_muted, theme::font(theme::Font::Small));
    ImGui::PopTextWrapPos();
    if (button(app, "plan:delete-data", "Delete my data")) ImGui::OpenPopup("Delete my data");
    const float dialog_w = place_dialog(app, 420);
    if (ImGui::BeginPopupModal("Delete my data", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        app.begin_group({Role::Dialog, "Delete my data", state::Modal}, "dialog:delete-data");
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + dialog_w);
        paragraph(app, "Delete every plan, backup and setting this app stored in this browser? This cannot be undone; "
                       "download your plans first if you may want them again.", theme::colors().text);
        ImGui::PopTextWrapPos();
        Flow flow(ImGui::GetCursorScreenPos().x + dialog_w);
        if (button(app, flow, "plan:delete-data:confirm", "Delete everything", true)) {
            app.delete_all_data();
            ImGui::CloseCurrentPopup();
            app.focus_request = "plan:delete-data";
        }
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // focus moves into the dialog, on its safe choice
        if (button(app, flow, "plan:delete-data:cancel", "Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
            ImGui::CloseCurrentPopup();
            app.focus_request = "plan:delete-data";  // and back to what opened it
        }
        app.end_group();
        ImGui::EndPopup();
    }
}

// An imported plan whose id is already here: the reader decides, nothing is replaced silently.
void draw_import_question(App& app) {
    if (app.plans.pending_import.empty()) return;
    if (!ImGui::IsPopupOpen("Import")) ImGui::OpenPopup("Import");
    const float dialog_w = place_dialog(app, 460);
    if (ImGui::BeginPopupModal("Import", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        const cm::Plan& first = app.plans.pending_import.front();
        app.begin_group({Role::Dialog, "Import", state::Modal}, "dialog:import");
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + dialog_w);
        paragraph(app, "\xE2\x80\x9C" + first.name + "\xE2\x80\x9D is already in this browser (the file holds the same plan). Replace the plan here with the one "
                       "from the file, or keep both?", theme::colors().text);
        ImGui::PopTextWrapPos();
        using Choice = App::ImportChoice;
        std::optional<Choice> choice;
        Flow flow(ImGui::GetCursorScreenPos().x + dialog_w);
        if (button(app, flow, "import:replace", "Replace")) choice = Choice::Replace;
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        if (button(app, flow, "import:copy", "Import as a copy", true)) choice = Choice::Copy;
        if (button(app, flow, "import:cancel", "Cancel")) choice = Choice::Cancel;
        if (choice) {
            app.resolve_import(*choice);
            ImGui::CloseCurrentPopup();
            app.focus_request = "plan:import";
        }
        app.end_group();
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
            draw_readiness(app, *plan, width);
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
