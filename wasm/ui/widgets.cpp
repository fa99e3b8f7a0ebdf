#include "widgets.h"

#include "platform.h"

#include <imgui_internal.h>  // FindRenderedTextEnd: labels may carry "##id" suffixes

#include <algorithm>

namespace ui {

ImVec4 color4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void wrap_before(float w) {
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w > right) ImGui::NewLine();
}

void focus_ring(float rounding) {
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetItemID(),
                              ImGuiNavHighlightFlags_TypeThin | (rounding > 0 ? 0 : ImGuiNavHighlightFlags_NoRounding));
}

bool chip(App& app, const std::string& target, const char* label, bool selected, const char* tooltip) {
    const theme::Palette& p = theme::colors();
    ImGui::PushFont(theme::font(theme::Font::Small));
    const char* end = ImGui::FindRenderedTextEnd(label);
    ImVec2 size = ImGui::CalcTextSize(label, end);
    size.x += 20;
    size.y += 10;
    ImGui::SameLine();
    wrap_before(size.x);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(label, size);
    bool hovered = ImGui::IsItemHovered();
    app.add_target(target);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImU32 bg = selected ? p.accent : hovered ? p.surface_hover : p.surface;
    dl->AddRectFilled(pos, max, bg, size.y * 0.5f);
    if (!selected) dl->AddRect(pos, max, p.border, size.y * 0.5f);
    dl->AddText(ImVec2(pos.x + 10, pos.y + 5), selected ? p.accent_text : p.text, label, end);
    focus_ring(size.y * 0.5f);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (tooltip) ImGui::SetTooltip("%s", tooltip);
    }
    ImGui::PopFont();
    return clicked;
}

int segmented(App& app, const char* id, const std::vector<std::string>& labels, const std::vector<std::string>& targets, int active) {
    const theme::Palette& p = theme::colors();
    int clicked = -1;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < labels.size(); i++) {
        if (i > 0) ImGui::SameLine(0, 4);
        ImVec2 text = ImGui::CalcTextSize(labels[i].c_str());
        ImVec2 size(text.x + 28, text.y + 14);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(int(i));
        if (ImGui::InvisibleButton("##tab", size)) clicked = int(i);
        ImGui::PopID();
        bool hovered = ImGui::IsItemHovered();
        app.add_target(targets[i]);
        bool on = int(i) == active;
        ImVec2 max(pos.x + size.x, pos.y + size.y);
        if (on || hovered) dl->AddRectFilled(pos, max, on ? p.surface_selected : p.surface_hover, 6.0f);
        if (on) dl->AddLine(ImVec2(pos.x + 8, max.y - 1), ImVec2(max.x - 8, max.y - 1), p.accent, 2.0f);
        dl->AddText(ImVec2(pos.x + 14, pos.y + 7), on ? p.text : p.text_muted, labels[i].c_str());
        focus_ring(6.0f);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    ImGui::PopID();
    return clicked;
}

bool link(App& app, const std::string& target, const char* label, std::string_view url) {
    const theme::Palette& p = theme::colors();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::CalcTextSize(label);
    bool clicked = ImGui::InvisibleButton(target.c_str(), ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
    bool hovered = ImGui::IsItemHovered();
    app.add_target(target);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(pos, p.text_link, label);
    focus_ring(0);
    if (hovered) {
        dl->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), p.text_link, 1.0f);
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("%.*s", int(std::min<size_t>(url.size(), 200)), url.data());
    }
    if (clicked) platform::open_url(url);
    return clicked;
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
    app.add_target(target);
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

void section_heading(const char* text) {
    ImGui::PushFont(theme::font(theme::Font::Heading));
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void toggle(std::vector<std::string>* selected, const std::string& id) {
    auto it = std::find(selected->begin(), selected->end(), id);
    if (it != selected->end()) selected->erase(it);
    else selected->push_back(id);
}

}  // namespace ui
