// Career Matrix views: the ladder (levels by dimension and component) and its filters.
//
// Index of this file:
// [SECTION] Widgets: chips
// [SECTION] Filters: search, levels, dimensions and components
// [SECTION] Layout: where every level, cell and expectation goes for one width
// [SECTION] Drawing: only the blocks inside the visible part
#include "app.h"
#include "platform.h"
#include "theme.h"

#include <imgui_internal.h>  // FindRenderedTextEnd: chip labels may carry "##id" suffixes

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

constexpr float kPad = 16.0f;         // outer padding
constexpr float kGap = 12.0f;         // between cells
constexpr float kCellPad = 12.0f;     // inside a cell
constexpr float kMinColumn = 230.0f;  // narrower columns wrap too much to read
constexpr float kBulletIndent = 14.0f;
constexpr float kEntryGap = 6.0f;

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

//-----------------------------------------------------------------------------
// [SECTION] Widgets: chips
//-----------------------------------------------------------------------------

// Moves to a new line when the next widget of width `w` would not fit.
void wrap_before(float w) {
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w > right) ImGui::NewLine();
}

// A toggle pill. Returns true when clicked.
bool chip(App& app, const std::string& target, const char* label, bool selected, const char* tooltip = nullptr) {
    const theme::Palette& p = theme::colors();
    ImGui::PushFont(theme::font(theme::Font::Small));
    ImVec2 size = ImGui::CalcTextSize(label, nullptr, true);
    size.x += 20;
    size.y += 10;
    ImGui::SameLine();
    wrap_before(size.x);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton(label, size);
    bool hovered = ImGui::IsItemHovered();
    app.add_target(target);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = selected ? p.accent : hovered ? p.surface_hover : p.surface;
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), bg, size.y * 0.5f);
    if (!selected) dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), p.border, size.y * 0.5f);
    const char* end = ImGui::FindRenderedTextEnd(label);
    dl->AddText(ImVec2(pos.x + 10, pos.y + 5), selected ? p.accent_text : p.text, label, end);
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (tooltip) ImGui::SetTooltip("%s", tooltip);
    }
    ImGui::PopFont();
    return clicked;
}

void label(const char* text) {
    ImGui::PushFont(theme::font(theme::Font::Small));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(v4(theme::colors().text_muted), "%s", text);
    ImGui::PopFont();
}

// Toggles `id` in a selection where "empty" means "everything". Clicking one
// item while everything shows selects just that item.
void toggle(std::vector<std::string>* selected, const std::string& id) {
    auto it = std::find(selected->begin(), selected->end(), id);
    if (it != selected->end()) selected->erase(it);
    else selected->push_back(id);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Filters: search, levels, dimensions and components
//-----------------------------------------------------------------------------

void draw_filters(App& app) {
    const cm::Framework& fw = app.fw;
    cm::ViewState next = app.view;
    ImGui::SetCursorPosX(kPad);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(std::min(320.0f, ImGui::GetContentRegionAvail().x - kPad));
    if (app.focus_search) {
        ImGui::SetKeyboardFocusHere();
        app.focus_search = false;
    }
    if (ImGui::InputTextWithHint("##search", "Search all levels (Ctrl+F)", app.search_buf, sizeof(app.search_buf)))
        next.search = app.search_buf;
    app.add_target("search");
    ImGui::PopItemWidth();
    ImGui::SameLine();
    bool only_new = next.only_new;
    if (ImGui::Checkbox("Only what is new at each level", &only_new)) next.only_new = only_new;
    app.add_target("only-new");

    // Levels: a click selects one level out of all, later clicks add or remove;
    // Shift+click selects the range from the previous click.
    static int range_anchor = -1;
    label("Levels");
    if (chip(app, "chip:levels:all", "All##levels", next.levels.empty())) next.levels.clear();
    for (size_t l = 0; l < fw.levels.size(); l++) {
        const cm::Level& level = fw.levels[l];
        bool on = std::find(next.levels.begin(), next.levels.end(), level.id) != next.levels.end();
        if (chip(app, "chip:level:" + level.id, level.name.c_str(), on, level.published ? nullptr : "No expectations published for this level yet")) {
            if (ImGui::GetIO().KeyShift && range_anchor >= 0) {
                next.levels.clear();
                for (size_t k = std::min(size_t(range_anchor), l); k <= std::max(size_t(range_anchor), l); k++) next.levels.push_back(fw.levels[k].id);
            } else {
                toggle(&next.levels, level.id);
            }
            range_anchor = int(l);
            std::sort(next.levels.begin(), next.levels.end(), [&](auto& a, auto& b) { return fw.find_level(a) < fw.find_level(b); });
            if (next.levels.size() == fw.levels.size()) next.levels.clear();
        }
    }
    ImGui::NewLine();
    label("Dimensions");
    if (chip(app, "chip:areas:all", "All##areas", next.areas.empty() && next.components.empty())) { next.areas.clear(); next.components.clear(); }
    for (const cm::Area& a : fw.areas) {
        if (a.kind != cm::AreaKind::Dimension) continue;
        bool on = std::find(next.areas.begin(), next.areas.end(), a.id) != next.areas.end();
        if (chip(app, "chip:area:" + a.id, a.name.c_str(), on, a.description.empty() ? nullptr : a.description.c_str())) toggle(&next.areas, a.id);
    }
    ImGui::SameLine();
    label("  Components");
    for (const cm::Component& c : fw.components) {
        bool on = std::find(next.components.begin(), next.components.end(), c.id) != next.components.end();
        if (chip(app, "chip:component:" + c.id, c.name.c_str(), on, c.description.empty() ? nullptr : c.description.c_str())) toggle(&next.components, c.id);
    }
    ImGui::NewLine();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 2));
    // Typing in the search box replaces the history entry; other changes add one.
    app.set_view(next, next.search == app.view.search);
}

//-----------------------------------------------------------------------------
// [SECTION] Layout: where every level, cell and expectation goes for one width
//-----------------------------------------------------------------------------

namespace {

// Consecutive shown areas of one component form a group: its own row(s) of columns.
std::vector<std::vector<size_t>> area_groups(const App& app) {
    std::vector<std::vector<size_t>> groups;
    int last = -2;
    for (size_t c = 0; c < app.ladder.areas.size(); c++) {
        int component = app.fw.areas[size_t(app.ladder.areas[c])].component;
        if (component != last) groups.emplace_back();
        groups.back().push_back(c);
        last = component;
    }
    return groups;
}

void build_layout(App& app, float width) {
    LadderLayout& L = app.layout;
    L.blocks.clear();
    L.entries.clear();
    L.width = width;
    L.pixel_ratio = theme::built_pixel_ratio();
    const ImFont* body = theme::font(theme::Font::Body);
    const ImFont* small = theme::font(theme::Font::Small);
    const ImFont* heading = theme::font(theme::Font::Heading);
    const float inner = std::max(width - 2 * kPad, 200.0f);
    const auto groups = area_groups(app);
    float y = 0;

    for (size_t r = 0; r < app.ladder.levels.size(); r++) {
        const cm::Level& level = app.fw.levels[size_t(app.ladder.levels[r])];
        LadderLayout::Block header;
        header.kind = LadderLayout::Block::LevelHeader;
        header.level_row = r;
        header.y = y;
        std::string scope = level.published ? level.scope : level.scope + " No expectations are published for this level yet.";
        layout_text(body, scope, std::min(inner, 760.0f), &header.scope);
        header.height = line_height(heading) + 4 + header.scope.height + kGap;
        y += header.height;
        L.blocks.push_back(std::move(header));
        if (!level.published) { y += kGap; continue; }

        for (const auto& group : groups) {
            size_t cols = std::clamp(size_t((inner + kGap) / (kMinColumn + kGap)), size_t(1), group.size());
            float cw = std::floor((inner - kGap * float(cols - 1)) / float(cols));
            for (size_t first = 0; first < group.size(); first += cols) {
                LadderLayout::Block row;
                row.kind = LadderLayout::Block::CellRow;
                row.level_row = r;
                row.y = y;
                row.first_entry = L.entries.size();
                row.cell_width = cw;
                float row_h = 0;
                for (size_t k = first; k < std::min(first + cols, group.size()); k++) {
                    size_t cell_index = r * app.ladder.areas.size() + group[k];
                    const cm::Cell& cell = app.ladder.cells[cell_index];
                    float x = kPad + float(k - first) * (cw + kGap);
                    row.cells.push_back(cell_index);
                    row.cell_x.push_back(x);
                    float cy = kCellPad + line_height(small) + 4;  // cell title
                    float text_w = cw - 2 * kCellPad - kBulletIndent;
                    for (size_t e = 0; e < cell.entries.size(); e++) {
                        const cm::CellEntry& entry = cell.entries[e];
                        if (entry.inherited && !app.show_inherited) continue;
                        LadderLayout::Entry le;
                        le.expectation = entry.expectation;
                        le.cell = cell_index;
                        le.entry = e;
                        const cm::Expectation& x_ = app.fw.expectations[size_t(entry.expectation)];
                        layout_text(body, x_.text, text_w, &le.text);
                        float h = le.text.height;
                        if (entry.inherited || app.view.only_new) h += line_height(small);  // provenance line
                        le.pos = ImVec2(x + kCellPad - 4, y + cy);
                        le.size = ImVec2(cw - 2 * kCellPad + 8, h + 4);
                        cy += h + 4 + kEntryGap;
                        L.entries.push_back(std::move(le));
                    }
                    size_t inherited = cell.entries.size() - size_t(cell.own_count);
                    if (cell.entries.empty()) cy += line_height(small);               // "nothing here" line
                    if (inherited > 0 && !app.show_inherited) cy += line_height(small);  // "+ N carried over"
                    row_h = std::max(row_h, cy + kCellPad - kEntryGap);
                }
                row.entry_count = L.entries.size() - row.first_entry;
                row.height = row_h + kGap;
                y += row.height;
                L.blocks.push_back(std::move(row));
            }
        }
        y += kGap;
    }
    L.height = y + kPad;
    L.valid = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing: only the blocks inside the visible part
//-----------------------------------------------------------------------------

void draw_level_header(App& app, const LadderLayout::Block& b, ImVec2 origin) {
    const theme::Palette& p = theme::colors();
    const cm::Level& level = app.fw.levels[size_t(app.ladder.levels[b.level_row])];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImFont* heading = theme::font(theme::Font::Heading);
    ImVec2 pos(origin.x + kPad, origin.y + b.y);
    dl->AddText(heading, font_size(heading), pos, p.text, level.name.c_str());
    std::string scope = level.published ? level.scope : level.scope + " No expectations are published for this level yet.";
    draw_text(dl, theme::font(theme::Font::Body), ImVec2(pos.x, pos.y + line_height(heading) + 4), scope, b.scope, {p.text_muted});
}

void draw_cell_row(App& app, const LadderLayout::Block& b, ImVec2 origin) {
    const theme::Palette& p = theme::colors();
    const LadderLayout& L = app.layout;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImFont* small = theme::font(theme::Font::Small);
    const ImFont* body = theme::font(theme::Font::Body);
    for (size_t k = 0; k < b.cells.size(); k++) {
        const cm::Cell& cell = app.ladder.cells[b.cells[k]];
        const cm::Area& area = app.fw.areas[size_t(cell.area)];
        float x = origin.x + b.cell_x[k], right = x + b.cell_width;
        ImVec2 a(x, origin.y + b.y), c(right, origin.y + b.y + b.height - kGap);
        dl->AddRectFilled(a, c, p.surface, 8.0f);
        dl->AddRect(a, c, p.border, 8.0f);
        dl->AddText(small, font_size(small), ImVec2(a.x + kCellPad, a.y + kCellPad), p.text_muted, area.name.c_str());
        float bottom = a.y + kCellPad + line_height(small) + 4;
        if (cell.entries.empty())
            dl->AddText(small, font_size(small), ImVec2(a.x + kCellPad, bottom), p.text_muted, "Nothing at this level");
    }
    for (size_t i = b.first_entry; i < b.first_entry + b.entry_count; i++) {
        const LadderLayout::Entry& le = L.entries[i];
        const cm::CellEntry& entry = app.ladder.cells[le.cell].entries[le.entry];
        const cm::Expectation& x = app.fw.expectations[size_t(le.expectation)];
        ImVec2 pos(origin.x + le.pos.x, origin.y + le.pos.y);
        ImGui::SetCursorScreenPos(pos);
        ImGui::PushID(le.expectation);
        bool clicked = ImGui::InvisibleButton("##e", le.size);
        bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        app.add_target("expectation:" + x.id);
        bool selected = app.view.selected == x.id;
        if (selected || hovered)
            dl->AddRectFilled(pos, ImVec2(pos.x + le.size.x, pos.y + le.size.y), selected ? p.surface_selected : p.surface_hover, 4.0f);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (clicked) {
            cm::ViewState next = app.view;
            next.selected = selected ? std::string() : x.id;
            app.set_view(next, false);
        }
        ImU32 text_color = entry.inherited ? p.text_muted : p.text;
        dl->AddCircleFilled(ImVec2(pos.x + 4 + 4, pos.y + 2 + line_height(body) * 0.5f), 2.5f, text_color);
        TextStyle style{text_color, entry.text_matches.empty() ? nullptr : &entry.text_matches, p.highlight, false};
        draw_text(dl, body, ImVec2(pos.x + 4 + kBulletIndent, pos.y + 2), x.text, le.text, style);
        if (entry.inherited) {
            std::string from = "from " + app.fw.levels[size_t(x.level)].name;
            dl->AddText(small, font_size(small), ImVec2(pos.x + 4 + kBulletIndent, pos.y + 2 + le.text.height), p.text_muted, from.c_str());
        }
    }
}

}  // namespace

void draw_ladder(App& app, ImVec2 size) {
    if (app.ladder_dirty) {
        app.ladder = cm::query_ladder(app.fw, cm::make_filter(app.fw, app.view));
        app.ladder_dirty = false;
        app.layout.valid = false;
    }
    ImGui::BeginChild("ladder", size, false, ImGuiWindowFlags_NoSavedSettings);
    float width = ImGui::GetContentRegionAvail().x;
    LadderLayout& L = app.layout;
    if (!L.valid || L.width != width || L.pixel_ratio != theme::built_pixel_ratio()) build_layout(app, width);

    ImVec2 origin = ImGui::GetCursorScreenPos();
    float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
    // One screen of margin keeps keyboard navigation able to reach the next item.
    float margin = ImGui::GetWindowHeight();
    for (const LadderLayout::Block& b : L.blocks) {
        float by = b.y;
        if (by + b.height < top - margin || by > bottom + margin) continue;
        if (b.kind == LadderLayout::Block::LevelHeader) draw_level_header(app, b, origin);
        else draw_cell_row(app, b, origin);
    }
    if (app.ladder.levels.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + kPad, origin.y + kPad));
        ImGui::TextColored(v4(theme::colors().text_muted), app.view.search.empty() ? "No levels match the filters." : "Nothing matches the search.");
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, L.height));
    ImGui::EndChild();
}

}  // namespace ui
