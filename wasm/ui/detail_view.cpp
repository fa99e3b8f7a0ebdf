// Career Matrix views: one expectation in detail. Its text and links, where
// it first appears, and how it grows at the next levels. Beside the ladder on
// wide screens, over it (a modal) on narrow ones.
#include "platform.h"
#include "widgets.h"

#include <algorithm>

namespace ui {

namespace {

constexpr float kPad = 16.0f;

void small_text(App& app, const std::string& text, ImU32 color) { paragraph(app, text, color, theme::font(theme::Font::Small)); }

// A step of the expectation's history: the level, then the text with what it added to the step before.
void history_step(App& app, int e, int before, bool current, float width) {
    const theme::Palette& p = theme::colors();
    const cm::Expectation& x = app.fw.expectations[size_t(e)];
    ImGui::PushFont(theme::font(theme::Font::Strong));
    ImGui::TextUnformatted(app.fw.levels[size_t(x.level)].name.c_str());
    ImGui::PopFont();
    app.add_content({Role::Heading, app.fw.levels[size_t(x.level)].name + (current ? " (this one)" : ""), 0, {}, {}, {}, 4}, ImGui::GetItemRectMin(),
                    ImGui::GetItemRectMax());
    if (current) {
        ImGui::SameLine();
        badge("this one", p.surface_selected, p.text);
    }
    std::vector<cm::TextRange> added;
    if (before >= 0) added = cm::added_words(app.fw.expectations[size_t(before)].text, x.text);
    const ImFont* body = theme::font(theme::Font::Body);
    const TextBlock& block = app.text_cache.get(body, x.text, width);
    draw_text(ImGui::GetWindowDrawList(), body, ImGui::GetCursorScreenPos(), x.text, block,
              {current ? p.text : p.text_muted, added.empty() ? nullptr : &added, p.added, true});
    ImGui::Dummy(ImVec2(width, block.height + 6));
    std::string said = x.text;
    if (!added.empty()) {
        said += " Added at this level:";
        for (const cm::TextRange& r : added) said += " \xE2\x80\x9C" + x.text.substr(r.begin, r.end - r.begin) + "\xE2\x80\x9D";
    }
    app.add_content({Role::Text, said}, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void detail_body(App& app, int e, float width) {
    const theme::Palette& p = theme::colors();
    const cm::Framework& fw = app.fw;
    const cm::Expectation& x = fw.expectations[size_t(e)];
    const cm::Level& level = fw.levels[size_t(x.level)];
    const cm::Area& area = fw.areas[size_t(x.area)];
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);

    std::string where = area.name + "  \xC2\xB7  " + level.name;
    if (area.component >= 0) where += "  \xC2\xB7  " + fw.components[size_t(area.component)].name;
    small_text(app, where, p.text_muted);
    cm::Change change = cm::change_from_below(fw, e);
    std::string relation;
    if (change == cm::Change::Added) {
        relation = "New at " + level.name;
        badge(relation.c_str(), p.accent, p.accent_text);
    } else {
        const std::string& below = fw.levels[size_t(fw.expectations[size_t(x.extends)].level)].name;
        relation = (change == cm::Change::Grown ? "Grows from " : "Same as at ") + below;
        badge(relation.c_str(), p.added, p.added_text);
    }
    app.add_content({Role::Text, relation}, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!x.title.empty()) {
        ImGui::PushFont(theme::font(theme::Font::Heading));
        ImGui::TextWrapped("%s", x.title.c_str());
        ImGui::PopFont();
        app.add_content({Role::Heading, x.title, 0, {}, {}, {}, 3}, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    const ImFont* body = theme::font(theme::Font::Body);
    const TextBlock& block = app.text_cache.get(body, x.text, width);
    draw_text(ImGui::GetWindowDrawList(), body, ImGui::GetCursorScreenPos(), x.text, block, {p.text});
    ImGui::Dummy(ImVec2(width, block.height + 4));
    app.add_content({Role::Text, x.text}, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), "detail:text");

    Flow flow(ImGui::GetCursorScreenPos().x + width);
    if (button(app, flow, "button:copy-text", "Copy text")) ImGui::SetClipboardText(x.text.c_str());
    const cm::Plan* plan = app.active_plan();
    bool planned = plan && cm::plan_has(*plan, x.id);
    if (button(app, flow, "button:plan-toggle", planned ? "Remove from plan" : "Add to plan", !planned)) app.toggle_in_plan(e);
    if (button(app, flow, "button:close-detail", "Close")) app.select("");

    if (!x.links.empty()) {
        ImGui::Dummy(ImVec2(0, 4));
        small_text(app, "Links", p.text_muted);
        for (size_t i = 0; i < x.links.size(); i++) link(app, "detail:link:" + std::to_string(i), x.links[i].text.c_str(), x.links[i].url);
    }

    std::vector<int> chain = cm::lineage(fw, e);
    if (chain.size() > 1) {
        ImGui::Dummy(ImVec2(0, 6));
        section_heading(app, "How it grew", 3);
        small_text(app, "First appears at " + fw.levels[size_t(fw.expectations[size_t(chain.front())].level)].name +
                       ". Highlighted words are what each level added.", p.text_muted);
        for (size_t i = 0; i < chain.size(); i++) history_step(app, chain[i], i > 0 ? chain[i - 1] : -1, chain[i] == e, width);
    }
    std::vector<int> next = cm::descendants(fw, e);
    ImGui::Dummy(ImVec2(0, 6));
    section_heading(app, "At the next levels", 3);
    if (next.empty()) small_text(app, "Nothing at a higher level grows from this expectation.", p.text_muted);
    for (int d : next) history_step(app, d, fw.expectations[size_t(d)].extends, false, width);
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_detail(App& app, ImVec2 size) {
    int e = app.fw.find_expectation(app.view.selected);
    if (e < 0) return;
    const theme::Palette& p = theme::colors();
    if (app.display.x >= 1000.0f) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, color4(p.surface));
        ImGui::BeginChild("detail", size, false, ImGuiWindowFlags_NoSavedSettings);
        ImVec2 a = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddLine(a, ImVec2(a.x, a.y + size.y), p.border);
        ImGui::SetCursorPos(ImVec2(kPad, kPad));
        ImGui::BeginGroup();
        app.begin_group({Role::Region, "Expectation"}, "detail");
        detail_body(app, e, size.x - 2 * kPad - ImGui::GetStyle().ScrollbarSize);
        app.end_group();
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, kPad));
        ImGui::EndChild();
        ImGui::PopStyleColor();
        return;
    }
    // Narrow: a modal over the ladder, closed with Esc, Close, or a click outside.
    if (!ImGui::IsPopupOpen("Expectation")) ImGui::OpenPopup("Expectation");
    ImVec2 d = app.display;
    float w = std::min(d.x - 24, 560.0f);
    ImGui::SetNextWindowPos(ImVec2(d.x * 0.5f, d.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 100), ImVec2(w, d.y - 24));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(kPad, kPad));
    bool open = true;
    if (ImGui::BeginPopupModal("Expectation", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings)) {
        app.begin_group({Role::Dialog, "Expectation", state::Modal}, "detail");
        detail_body(app, e, w - 2 * kPad);
        app.end_group();
        bool outside = ImGui::IsMouseClicked(0) && !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows);
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) || outside || app.view.selected.empty()) {
            ImGui::CloseCurrentPopup();
            app.select("");
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

}  // namespace ui
