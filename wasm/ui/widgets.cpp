#include "widgets.h"

#include "platform.h"
#include "text.h"

#include <imgui_internal.h>  // FindRenderedTextEnd: labels may carry "##id" suffixes
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

namespace ui {

ImVec4 color4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

Flow::Flow(float right_x)
    : right_(right_x >= 0 ? right_x : ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - kViewMargin),
      start_x_(ImGui::GetCursorScreenPos().x) {}

void Flow::next(float w) {
    if (first_) {
        first_ = false;
        return;
    }
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + w > right_) {
        ImGui::NewLine();
        ImGui::SetCursorScreenPos(ImVec2(start_x_, ImGui::GetCursorScreenPos().y));
    }
}

float Flow::room() const { return std::max(1.0f, right_ - ImGui::GetCursorScreenPos().x); }

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

float chip_width(const char* label) {
    ImGui::PushFont(theme::font(theme::Font::Small));
    float w = ImGui::CalcTextSize(label, nullptr, true).x + 20;
    ImGui::PopFont();
    return w;
}

std::string fit_text(std::string_view text, float max_w) {
    if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= max_w) return std::string(text);
    const float ellipsis = ImGui::CalcTextSize("\xE2\x80\xA6").x;
    size_t end = text.size();
    while (end > 0 && ImGui::CalcTextSize(text.data(), text.data() + end).x + ellipsis > max_w) {
        end--;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) end--;
    }
    while (end > 0 && text[end - 1] == ' ') end--;
    return std::string(text.substr(0, end)) + "\xE2\x80\xA6";
}

bool filter_fold(App& app, Flow& flow, const std::string& target, const std::string& summary, bool* open) {
    if (flow.line_width() >= kFoldFilters) return true;
    // The label leaves room at its left for the disclosure triangle, drawn over the button.
    const float arrow_w = 14;
    const float pad = ImGui::GetStyle().FramePadding.x;
    std::string text = fit_text("Filters: " + summary, flow.line_width() - 2 * pad - arrow_w);
    float w = ImGui::CalcTextSize(text.c_str()).x + 2 * pad + arrow_w;
    flow.next(w);
    ImGui::PushID(target.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::Button("##fold", ImVec2(w, 0));
    app.add_target(target, {Role::Button, "Filters: " + summary, uint16_t(*open ? state::Expanded : state::Collapsed)});
    ImGui::PopID();
    if (clicked) *open = !*open;
    const theme::Palette& p = theme::colors();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float h = ImGui::GetFrameHeight(), s = 4.5f, x = pos.x + pad, y = pos.y + h * 0.5f;
    if (*open) dl->AddTriangleFilled(ImVec2(x, y - s * 0.6f), ImVec2(x + 2 * s, y - s * 0.6f), ImVec2(x + s, y + s * 0.8f), p.text_muted);
    else dl->AddTriangleFilled(ImVec2(x + s * 0.3f, y - s), ImVec2(x + s * 0.3f, y + s), ImVec2(x + s * 1.9f, y), p.text_muted);
    dl->AddText(ImVec2(pos.x + pad + arrow_w, pos.y + ImGui::GetStyle().FramePadding.y), p.text, text.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return *open;
}

void focus_ring(float rounding) {
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetItemID(),
                              ImGuiNavHighlightFlags_TypeThin | (rounding > 0 ? 0 : ImGuiNavHighlightFlags_NoRounding));
}

bool chip(App& app, Flow& flow, const std::string& target, const char* label, bool selected, const char* tooltip) {
    const theme::Palette& p = theme::colors();
    ImGui::PushFont(theme::font(theme::Font::Small));
    // A label longer than the line is cut (the tooltip, or the label itself, says it whole).
    const char* label_end = ImGui::FindRenderedTextEnd(label);
    std::string shown = fit_text(std::string_view(label, size_t(label_end - label)), flow.line_width() - 20);
    if (!tooltip && shown.size() != size_t(label_end - label)) tooltip = label;
    ImGui::PopFont();
    flow.next(chip_width(shown.c_str()));
    ImGui::PushFont(theme::font(theme::Font::Small));
    const char* end = shown.c_str() + shown.size();
    ImVec2 size = ImGui::CalcTextSize(shown.c_str(), end);
    size.x += 20;
    size.y += 10;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(label, size);
    bool hovered = ImGui::IsItemHovered();
    app.add_target(target, {Role::Button, std::string(label, label_end), uint16_t(state::Toggle | (selected ? state::Pressed : 0)), {}, {},
                            tooltip && std::string_view(tooltip) != std::string_view(label, size_t(label_end - label)) ? tooltip : ""});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImU32 bg = selected ? p.accent : hovered ? p.surface_hover : p.surface;
    dl->AddRectFilled(pos, max, bg, size.y * 0.5f);
    if (!selected) dl->AddRect(pos, max, p.border, size.y * 0.5f);
    dl->AddText(ImVec2(pos.x + 10, pos.y + 5), selected ? p.accent_text : p.text, shown.c_str(), end);
    focus_ring(size.y * 0.5f);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (tooltip) ImGui::SetTooltip("%s", tooltip);
    }
    ImGui::PopFont();
    return clicked;
}

int segmented(App& app, Flow& flow, const char* id, const char* name, Role role, const std::vector<std::string>& labels,
              const std::vector<std::string>& targets, int active) {
    const theme::Palette& p = theme::colors();
    int clicked = -1;
    ImGui::PushID(id);
    app.begin_group({role == Role::Tab ? Role::TabList : Role::RadioGroup, name}, std::string("group:") + id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < labels.size(); i++) {
        ImVec2 text = ImGui::CalcTextSize(labels[i].c_str());
        ImVec2 size(text.x + 28, text.y + 14);
        flow.next(size.x);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(int(i));
        if (ImGui::InvisibleButton("##tab", size)) clicked = int(i);
        ImGui::PopID();
        bool hovered = ImGui::IsItemHovered();
        bool on = int(i) == active;
        app.add_target(targets[i], {role, labels[i], uint16_t(on ? (role == Role::Tab ? state::Selected : state::Checked) : 0)});
        ImVec2 max(pos.x + size.x, pos.y + size.y);
        if (on || hovered) dl->AddRectFilled(pos, max, on ? p.surface_selected : p.surface_hover, 6.0f);
        if (on) dl->AddLine(ImVec2(pos.x + 8, max.y - 1), ImVec2(max.x - 8, max.y - 1), p.accent, 2.0f);
        dl->AddText(ImVec2(pos.x + 14, pos.y + 7), on ? p.text : p.text_muted, labels[i].c_str());
        focus_ring(6.0f);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    app.end_group();
    ImGui::PopID();
    return clicked;
}

bool link(App& app, const std::string& target, const char* label, std::string_view url, float max_width) {
    const theme::Palette& p = theme::colors();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::CalcTextSize(label);
    size.x = std::min(size.x, std::max(1.0f, max_width));
    bool clicked = ImGui::InvisibleButton(target.c_str(), ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
    bool hovered = ImGui::IsItemHovered();
    app.add_target(target, {Role::Link, label, 0, {}, std::string(url)});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec4 clip(pos.x, pos.y, pos.x + size.x, pos.y + size.y);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, p.text_link, label, nullptr, 0, &clip);
    focus_ring(0);
    if (hovered) {
        dl->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), p.text_link, 1.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%.*s", int(std::min<size_t>(url.size(), 200)), url.data());
    }
    if (clicked) platform::open_url(url);
    return clicked;
}

bool button(App& app, Flow& flow, const std::string& target, const char* label, bool primary) {
    flow.next(button_width(label));
    return button(app, target, label, primary);
}

bool button(App& app, const std::string& target, const char* label, bool primary) {
    const theme::Palette& p = theme::colors();
    if (primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, color4(p.accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color4(p.accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, color4(p.accent));
        ImGui::PushStyleColor(ImGuiCol_Text, color4(p.accent_text));
    }
    bool clicked = ImGui::Button(label);
    app.add_target(target, {Role::Button, std::string(visible_label(label)), uint16_t(ImGui::GetItemFlags() & ImGuiItemFlags_Disabled ? state::Disabled : 0)});
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (primary) ImGui::PopStyleColor(4);
    return clicked;
}

void badge(const char* text, ImU32 bg, ImU32 fg) {
    ImGui::PushFont(theme::font(theme::Font::Small));
    ImVec2 size = ImGui::CalcTextSize(text);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x + 12, pos.y + size.y + 4), bg, 4.0f);
    dl->AddText(ImVec2(pos.x + 6, pos.y + 2), fg, text);
    ImGui::Dummy(ImVec2(size.x + 12, size.y + 4));
    ImGui::PopFont();
}

void muted_label(const char* text) {
    ImGui::PushFont(theme::font(theme::Font::Small));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(color4(theme::colors().text_muted), "%s", text);
    ImGui::PopFont();
}

void muted_label(Flow& flow, const char* text) {
    ImGui::PushFont(theme::font(theme::Font::Small));
    flow.next(ImGui::CalcTextSize(text).x);
    ImGui::PopFont();
    muted_label(text);
}

void label(Flow& flow, const char* text, float keep_with) {
    float w = ImGui::CalcTextSize(text).x;
    flow.next(keep_with > 0 ? std::min(w + ImGui::GetStyle().ItemSpacing.x + keep_with, flow.line_width()) : w);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
}

void section_heading(App& app, const char* text, int level) {
    ImGui::PushFont(theme::font(theme::Font::Heading));
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    app.add_content({Role::Heading, text, 0, {}, {}, {}, uint8_t(level)}, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void paragraph(App& app, const std::string& text, ImU32 color, const ImFont* font, std::string name) {
    if (font) ImGui::PushFont(const_cast<ImFont*>(font));
    ImGui::PushStyleColor(ImGuiCol_Text, color4(color));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
    app.add_content({Role::Text, text}, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), std::move(name));
}

float place_dialog(const App& app, float wanted_width) {
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float w = std::max(160.0f, std::min(wanted_width, app.display.x - 2 * pad - 2 * kViewMargin));
    ImGui::SetNextWindowPos(ImVec2(app.display.x * 0.5f, app.display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(w + 2 * pad, std::max(100.0f, app.display.y - 24)));
    return w;
}

bool level_combo(App& app, Flow& flow, const std::string& target, const char* name, std::string* level_id, const char* placeholder,
                 const char* none_label, float width) {
    int current = app.fw.find_level(*level_id);
    bool changed = false;
    width = std::min(width, flow.line_width());
    flow.next(width);
    ImGui::SetNextItemWidth(width);
    const char* shown = current >= 0 ? app.fw.levels[size_t(current)].name.c_str() : placeholder;
    const bool open = ImGui::BeginCombo(("##" + target).c_str(), shown);
    // The combo itself, then its list (a popup) while it is open.
    app.add_target(target, {Role::ComboBox, name, uint16_t(open ? state::Expanded : state::Collapsed), shown});
    if (open) {
        app.begin_group({Role::ListBox, name}, target + ":list");
        if (none_label && ImGui::Selectable(none_label, current < 0)) {
            level_id->clear();
            changed = true;
        }
        if (none_label) app.add_target(target + ":none", {Role::Option, none_label, uint16_t(current < 0 ? state::Selected : 0)});
        for (size_t l = 0; l < app.fw.levels.size(); l++) {
            const cm::Level& level = app.fw.levels[l];
            if (!level.published) continue;  // nothing to compare or plan
            ImGui::PushID(int(l));
            if (ImGui::Selectable(level.name.c_str(), int(l) == current)) {
                *level_id = level.id;
                changed = true;
            }
            app.add_target(target + ":" + level.id, {Role::Option, level.name, uint16_t(int(l) == current ? state::Selected : 0)});
            ImGui::PopID();
        }
        app.end_group();
        ImGui::EndCombo();
    }
    return changed;
}

bool text_field(App& app, const std::string& target, const char* label, std::string* value, size_t max_bytes, bool multiline,
                float width, float height, const char* hint) {
    // What the reader typed into the field's editor since the last frame (platform.h),
    // cut to the stored format's limit (the editor is then given the cut text back).
    bool changed = false;
    if (auto it = app.text_input.find(target); it != app.text_input.end()) {
        std::string next(cm::text::utf8_prefix(it->second, max_bytes));
        app.text_input.erase(it);
        if (next != *value) {
            *value = std::move(next);
            changed = true;
        }
    }
    // The canvas draws the box; the editor over it draws the text, caret and selection.
    const theme::Palette& p = theme::colors();
    const float h = multiline ? std::max(height, ImGui::GetFrameHeight() * 2) : ImGui::GetFrameHeight();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(("##" + target).c_str(), ImVec2(width, h));
    const bool focused = ImGui::IsItemFocused();
    app.add_target(target, {Role::TextBox, label, uint16_t(multiline ? state::Multiline : 0), *value, {}, hint ? hint : ""});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), p.surface, r);
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), focused ? p.accent : p.border, r, 0, focused ? 2.0f : 1.0f);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    return changed;
}

void toggle(std::vector<std::string>* selected, const std::string& id) {
    auto it = std::find(selected->begin(), selected->end(), id);
    if (it != selected->end()) selected->erase(it);
    else selected->push_back(id);
}

}  // namespace ui
