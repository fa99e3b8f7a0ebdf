// Career Matrix views: the ladder (levels by dimension and component) and its filters.
//
// Index of this file:
// [SECTION] Filters: search, levels, dimensions and components
// [SECTION] Layout: where every level, cell and expectation goes for one width
// [SECTION] Drawing: only the blocks inside the visible part
#include "platform.h"
#include "stable_sort.h"
#include "widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ui {

namespace {

constexpr float kPad = 16.0f;         // outer padding
constexpr float kGap = 12.0f;         // between cells
constexpr float kCellPad = 12.0f;     // inside a cell
constexpr float kMinColumn = 230.0f;  // narrower columns wrap too much to read
constexpr float kBulletIndent = 14.0f;
constexpr float kEntryGap = 6.0f;
constexpr size_t kDeclareEverything = 1500;  // entries: up to this many, the whole ladder is in the semantic tree

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Filters: search, levels, dimensions and components
//-----------------------------------------------------------------------------

void draw_level_chips(App& app, cm::ViewState* next) {
    const cm::Framework& fw = app.fw;
    // A click selects one level out of all, later clicks add or remove;
    // Shift+click selects the range from the previous click.
    Flow flow;
    muted_label(flow, "Levels");
    app.begin_group({Role::Group, "Levels"}, "chips:levels");
    if (chip(app, flow, "chip:levels:all", "All##levels", next->levels.empty())) next->levels.clear();
    for (size_t l = 0; l < fw.levels.size(); l++) {
        const cm::Level& level = fw.levels[l];
        bool on = std::find(next->levels.begin(), next->levels.end(), level.id) != next->levels.end();
        const char* tip = level.published ? "Shift+click selects a range" : "No expectations published for this level yet";
        if (!chip(app, flow, "chip:level:" + level.id, level.name.c_str(), on, tip)) continue;
        if (ImGui::GetIO().KeyShift && app.level_anchor >= 0) {
            next->levels.clear();
            for (size_t k = std::min(size_t(app.level_anchor), l); k <= std::max(size_t(app.level_anchor), l); k++)
                next->levels.push_back(fw.levels[k].id);
        } else {
            toggle(&next->levels, level.id);
        }
        app.level_anchor = int(l);
        cm::stable_sort(next->levels, [&](const std::string& a, const std::string& b) { return fw.find_level(a) < fw.find_level(b); });
        if (next->levels.size() == fw.levels.size()) next->levels.clear();
    }
    app.end_group();
}

void draw_area_chips(App& app, cm::ViewState* next) {
    const cm::Framework& fw = app.fw;
    Flow flow;
    muted_label(flow, "Dimensions");
    app.begin_group({Role::Group, "Dimensions"}, "chips:dimensions");
    if (chip(app, flow, "chip:areas:all", "All##areas", next->areas.empty() && next->components.empty())) {
        next->areas.clear();
        next->components.clear();
    }
    for (const cm::Area& a : fw.areas) {
        if (a.kind != cm::AreaKind::Dimension) continue;
        bool on = std::find(next->areas.begin(), next->areas.end(), a.id) != next->areas.end();
        if (chip(app, flow, "chip:area:" + a.id, a.name.c_str(), on, a.description.empty() ? nullptr : a.description.c_str()))
            toggle(&next->areas, a.id);
    }
    app.end_group();
    muted_label(flow, "Components");
    app.begin_group({Role::Group, "Components"}, "chips:components");
    for (const cm::Component& c : fw.components) {
        bool on = std::find(next->components.begin(), next->components.end(), c.id) != next->components.end();
        if (chip(app, flow, "chip:component:" + c.id, c.name.c_str(), on, c.description.empty() ? nullptr : c.description.c_str()))
            toggle(&next->components, c.id);
    }
    app.end_group();
}

// What the filters hold, in words, for the folded "Filters" control: "Senior, Staff · Autonomy".
std::string filter_summary(const App& app, bool with_levels) {
    const cm::Framework& fw = app.fw;
    auto names = [&](const std::vector<std::string>& ids, auto find, auto name_of) {
        std::string out;
        for (const std::string& id : ids) {
            int i = find(id);
            if (i >= 0) out += (out.empty() ? "" : ", ") + name_of(size_t(i));
        }
        return out;
    };
    std::vector<std::string> parts;
    std::string levels = with_levels ? names(app.view.levels, [&](auto& id) { return fw.find_level(id); }, [&](size_t i) { return fw.levels[i].name; }) : "";
    std::string areas = names(app.view.areas, [&](auto& id) { return fw.find_area(id); }, [&](size_t i) { return fw.areas[i].name; });
    std::string components;
    for (const std::string& id : app.view.components)
        for (const cm::Component& c : fw.components)
            if (c.id == id) components += (components.empty() ? "" : ", ") + c.name;
    for (std::string* s : {&levels, &areas, &components})
        if (!s->empty()) parts.push_back(*s);
    if (with_levels && app.view.only_new) parts.push_back("only what is new");
    std::string out;
    for (const std::string& s : parts) out += (out.empty() ? "" : " \xC2\xB7 ") + s;
    return out.empty() ? (with_levels ? "all levels and dimensions" : "all dimensions") : out;
}

void draw_ladder_filters(App& app) {
    cm::ViewState next = app.view;
    ImGui::SetCursorPosX(kPad);
    ImGui::BeginGroup();
    Flow flow(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - kPad);
    if (app.focus_search) {
        ImGui::SetKeyboardFocusHere();
        app.focus_search = false;
    }
    float search_w = std::min(340.0f, flow.line_width());
    flow.next(search_w);
    if (text_field(app, "search", "Search all levels", &app.search_text, cm::kMaxSearchBytes, false, search_w, 0, "Search all levels  (Ctrl+F or /)"))
        next.search = app.search_text;
    if (!app.view.search.empty()) {
        std::string count = std::to_string(app.ladder.matches) + (app.ladder.matches == 1 ? " match" : " matches");
        muted_label(flow, count.c_str());
    }
    if (filter_fold(app, flow, "button:filters", filter_summary(app, true), &app.filters_open)) {
        bool only_new = next.only_new;
        flow.next(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("Only what is new at each level").x);
        if (ImGui::Checkbox("Only what is new at each level", &only_new)) next.only_new = only_new;
        app.add_target("only-new", {Role::Checkbox, "Only what is new at each level", uint16_t(app.view.only_new ? state::Checked : 0)});
        draw_level_chips(app, &next);
        draw_area_chips(app, &next);
    }
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

std::string level_scope(const cm::Level& level) {
    return level.published ? level.scope : level.scope + " No expectations are published for this level yet.";
}

// A level's links: its handbook page first, then those of its scope.
std::vector<cm::Link> level_links(const cm::Level& level) {
    std::vector<cm::Link> links;
    if (!level.source.empty()) links.push_back({level.name + " in the handbook", level.source});
    links.insert(links.end(), level.links.begin(), level.links.end());
    return links;
}

constexpr float kLinkGap = 16.0f;

// The line under an entry: where an inherited one comes from, or how an entry
// relates to the level below when only what is new is shown.
std::string provenance(const App& app, const cm::CellEntry& entry) {
    const cm::Expectation& x = app.fw.expectations[size_t(entry.expectation)];
    if (entry.inherited) return "From " + app.fw.levels[size_t(x.level)].name;
    if (!app.view.only_new) return {};
    if (entry.change == cm::Change::Grown) return "Grows from " + app.fw.levels[size_t(app.fw.expectations[size_t(x.extends)].level)].name;
    if (entry.change == cm::Change::Added) return "New at " + app.fw.levels[size_t(x.level)].name;
    return {};
}

// How an entry relates to the levels below, in words (colour and markers say it to the eye).
std::string relation(const App& app, const cm::CellEntry& entry) {
    const cm::Expectation& x = app.fw.expectations[size_t(entry.expectation)];
    auto level_of = [&](int e) { return app.fw.levels[size_t(app.fw.expectations[size_t(e)].level)].name; };
    if (entry.inherited) return "carried over from " + level_of(entry.expectation);
    if (entry.change == cm::Change::Added) return "new at this level";
    if (x.extends >= 0) return (entry.change == cm::Change::Grown ? "grows from " : "carried over from ") + level_of(x.extends);
    return {};
}

// A node whose name and words the layout keeps until it is rebuilt.
LadderLayout::Node kept(App& app, std::string name, StoredSemantics what) {
    what.words_id = app.new_words_id();
    return {std::move(name), std::move(what)};
}

void build_layout(App& app, float width) {
    LadderLayout& L = app.layout;
    L.blocks.clear();
    L.entries.clear();
    L.width = width;
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
        layout_text(body, level_scope(level), std::min(inner, 760.0f), &header.scope);
        header.links_y = line_height(heading) + 4 + header.scope.height + 4;
        // Links flow like words: a new line when the next one would not fit.
        float lx = 0, ly = 0;
        for (const cm::Link& link : level_links(level)) {
            float w = small->CalcTextSizeA(font_size(small), FLT_MAX, 0, link.text.c_str()).x;
            if (lx > 0 && lx + w > inner) { lx = 0; ly += line_height(small) + 4; }
            header.links.push_back(ImVec2(lx, ly));
            lx += w + kLinkGap;
        }
        header.height = header.links_y + (header.links.empty() ? 0 : ly + line_height(small) + 4) + kGap;
        header.nodes.push_back(kept(app, "level:" + level.id, {Role::Heading, level.name, 0, {}, {}, {}, 2}));
        header.nodes.push_back(kept(app, "scope:" + level.id, {Role::Text, level_scope(level)}));
        std::vector<cm::Link> links = level_links(level);
        for (size_t i = 0; i < links.size(); i++)
            header.nodes.push_back(kept(app, "level-link:" + level.id + ":" + std::to_string(i), {Role::Link, links[i].text, 0, {}, links[i].url}));
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
                    row.cell_scope.emplace_back();
                    const cm::Area& area = app.fw.areas[size_t(cell.area)];
                    const std::string key = level.id + ":" + area.id;
                    const cm::SectionScope* section = level.section_scope(cell.area);
                    row.nodes.push_back(kept(app, "cell:" + key, {Role::Heading, area.name, 0, {}, {}, {}, 3}));
                    row.nodes.push_back(kept(app, "cell-scope:" + key, {Role::Text, section ? section->text : std::string()}));
                    row.nodes.push_back(kept(app, "cell-list:" + key, {Role::List, area.name + ", " + level.name}));
                    if (const cm::SectionScope* scope = section) {  // what this section says of its reach here
                        layout_text(small, scope->text, cw - 2 * kCellPad, &row.cell_scope.back());
                        cy += row.cell_scope.back().height + 6;
                    }
                    for (size_t e = 0; e < cell.entries.size(); e++) {
                        const cm::CellEntry& entry = cell.entries[e];
                        if (entry.inherited && !app.show_inherited) continue;
                        LadderLayout::Entry le;
                        le.expectation = entry.expectation;
                        le.cell = cell_index;
                        le.entry = e;
                        const cm::Expectation& expectation = app.fw.expectations[size_t(entry.expectation)];
                        le.item = kept(app, "entry:" + expectation.id, {Role::ListItem, {}});
                        le.button = kept(app, "expectation:" + expectation.id, {Role::Button, expectation.text, state::Toggle, {}, {}, relation(app, entry)});
                        layout_text(body, expectation.text, text_w, &le.text);
                        float h = le.text.height + (provenance(app, entry).empty() ? 0 : line_height(small));
                        le.pos = ImVec2(x + kCellPad - 4, y + cy);
                        le.size = ImVec2(cw - 2 * kCellPad + 8, h + 4);
                        cy += h + 4 + kEntryGap;
                        L.entries.push_back(std::move(le));
                    }
                    if (cell.entries.empty()) cy += line_height(small) + kEntryGap;  // "nothing here"
                    if (size_t(cell.own_count) < cell.entries.size()) cy += line_height(small) + 8 + kEntryGap;  // inherited toggle
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

// Blocks far from the visible part are not drawn, but still declared (`draw`
// false): assistive technology reads the whole ladder, and focusing a part of it
// scrolls the ladder there (see draw_ladder).
void draw_level_header(App& app, const LadderLayout::Block& b, ImVec2 origin, bool draw) {
    const theme::Palette& p = theme::colors();
    const cm::Level& level = app.fw.levels[size_t(app.ladder.levels[b.level_row])];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImFont* heading = theme::font(theme::Font::Heading);
    ImVec2 pos(origin.x + kPad, origin.y + b.y);
    ImVec2 scope_pos(pos.x, pos.y + line_height(heading) + 4);
    const LadderLayout::Node& title = b.nodes[0];
    const LadderLayout::Node& scope = b.nodes[1];
    app.add_content(title.what.view(), pos, ImVec2(pos.x + b.scope.wrap_width, pos.y + line_height(heading)), title.name);
    app.add_content(scope.what.view(), scope_pos, ImVec2(scope_pos.x + b.scope.width, scope_pos.y + b.scope.height), scope.name);
    if (draw) {
        dl->AddText(heading, font_size(heading), pos, p.text, level.name.c_str());
        draw_text(dl, theme::font(theme::Font::Body), scope_pos, scope.what.label, b.scope, {p.text_muted});
    }
    ImGui::PushFont(theme::font(theme::Font::Small));
    for (size_t i = 0; i + 2 < b.nodes.size() && i < b.links.size(); i++) {
        const LadderLayout::Node& node = b.nodes[i + 2];
        ImVec2 at(pos.x + b.links[i].x, pos.y + b.links_y + b.links[i].y);
        if (draw) {
            ImGui::SetCursorScreenPos(at);
            link(app, node.name, node.what.label.c_str(), node.what.url);
        } else {
            ImVec2 size = ImGui::CalcTextSize(node.what.label.c_str());
            app.add_content(node.what.view(), at, ImVec2(at.x + size.x, at.y + size.y), node.name);
        }
    }
    ImGui::PopFont();
}

void draw_entry(App& app, LadderLayout::Entry& le, ImVec2 origin, bool draw) {
    const theme::Palette& p = theme::colors();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImFont* small = theme::font(theme::Font::Small);
    const ImFont* body = theme::font(theme::Font::Body);
    const cm::CellEntry& entry = app.ladder.cells[le.cell].entries[le.entry];
    const cm::Expectation& x = app.fw.expectations[size_t(le.expectation)];
    ImVec2 pos(origin.x + le.pos.x, origin.y + le.pos.y);
    const bool selected = app.view.selected == x.id;
    // A toggle: pressed while its details are open.
    le.button.what.state = uint16_t(selected ? state::Pressed | state::Toggle : state::Toggle);
    app.begin_group(le.item.what.view(), le.item.name);
    if (!draw) {
        app.add_content(le.button.what.view(), pos, ImVec2(pos.x + le.size.x, pos.y + le.size.y), le.button.name);
        app.end_group();
        return;
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID(le.expectation);
    bool clicked = ImGui::InvisibleButton("##e", le.size);
    bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    app.add_target(le.button.name, le.button.what.view());
    app.end_group();
    if (selected || hovered)
        dl->AddRectFilled(pos, ImVec2(pos.x + le.size.x, pos.y + le.size.y), selected ? p.surface_selected : p.surface_hover, 4.0f);
    focus_ring(4.0f);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (clicked) app.select(selected ? std::string() : x.id);

    // A marker tells new from grown when only what is new is shown.
    ImU32 text_color = entry.inherited ? p.text_muted : p.text;
    ImVec2 bullet(pos.x + 8, pos.y + 2 + line_height(body) * 0.5f);
    if (app.view.only_new && entry.change == cm::Change::Added) dl->AddRectFilled(ImVec2(bullet.x - 3, bullet.y - 3), ImVec2(bullet.x + 3, bullet.y + 3), p.accent, 1.0f);
    else dl->AddCircleFilled(bullet, 2.5f, text_color);

    const std::vector<cm::TextRange>* marks = entry.text_matches.empty() ? nullptr : &entry.text_matches;
    draw_text(dl, body, ImVec2(pos.x + 4 + kBulletIndent, pos.y + 2), x.text, le.text, {text_color, marks, p.highlight});
    std::string note = provenance(app, entry);
    if (!note.empty())
        dl->AddText(small, font_size(small), ImVec2(pos.x + 4 + kBulletIndent, pos.y + 2 + le.text.height), p.text_muted, note.c_str());
}

// `top`..`bottom`: the band that is drawn (content coordinates); entries outside
// it are declared only (when `declare_all`), like the blocks draw_ladder skips.
void draw_cell_row(App& app, const LadderLayout::Block& b, ImVec2 origin, float top, float bottom, bool draw, bool declare_all) {
    const theme::Palette& p = theme::colors();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImFont* small = theme::font(theme::Font::Small);
    size_t next_entry = b.first_entry;
    const size_t end_entry = b.first_entry + b.entry_count;
    for (size_t k = 0; k < b.cells.size(); k++) {
        const cm::Cell& cell = app.ladder.cells[b.cells[k]];
        const cm::Area& area = app.fw.areas[size_t(cell.area)];
        const cm::Level& level = app.fw.levels[size_t(cell.level)];
        float x = origin.x + b.cell_x[k];
        ImVec2 a(x, origin.y + b.y), c(x + b.cell_width, origin.y + b.y + b.height - kGap);
        ImVec2 title(a.x + kCellPad, a.y + kCellPad);
        if (draw) {
            dl->AddRectFilled(a, c, p.surface, 8.0f);
            dl->AddRect(a, c, p.border, 8.0f);
            dl->AddText(small, font_size(small), title, p.text_muted, area.name.c_str());
        }
        const LadderLayout::Node* nodes = &b.nodes[k * 3];  // title, section scope, list
        app.add_content(nodes[0].what.view(), title, ImVec2(c.x - kCellPad, title.y + line_height(small)), nodes[0].name);
        float below_title = a.y + kCellPad + line_height(small) + 4;
        if (const cm::SectionScope* scope = level.section_scope(cell.area)) {
            ImVec2 at(a.x + kCellPad, below_title);
            if (draw) draw_text(dl, small, at, scope->text, b.cell_scope[k], {p.text_muted});
            app.add_content(nodes[1].what.view(), at, ImVec2(at.x + b.cell_scope[k].width, at.y + b.cell_scope[k].height), nodes[1].name);
            below_title += b.cell_scope[k].height + 6;
        }
        if (cell.entries.empty()) {
            const char* none = app.view.only_new ? "Nothing new at this level" : "Nothing at this level";
            ImVec2 at(a.x + kCellPad, below_title);
            if (draw) dl->AddText(small, font_size(small), at, p.text_muted, none);
            app.add_content({Role::Text, none}, at, ImVec2(c.x - kCellPad, at.y + line_height(small)));
        }
        // This cell's entries (contiguous in the layout): a list, drawn only within the band.
        // A row of a large framework holds thousands of entries.
        app.begin_group(nodes[2].what.view(), nodes[2].name);
        for (; next_entry < end_entry && app.layout.entries[next_entry].cell == b.cells[k]; next_entry++) {
            LadderLayout::Entry& le = app.layout.entries[next_entry];
            bool in_band = draw && le.pos.y + le.size.y >= top && le.pos.y <= bottom;
            if (in_band || declare_all) draw_entry(app, le, origin, in_band);
        }
        app.end_group();
        size_t inherited = cell.entries.size() - size_t(cell.own_count);
        if (inherited > 0) {
            // Cumulative frameworks: what still applies from lower levels, folded away by default.
            std::string label = app.show_inherited ? "Hide what carries over from lower levels"
                                                   : "+ " + std::to_string(inherited) + " carried over from lower levels";
            const std::string name = "inherited:" + level.id + ":" + area.id;
            const uint16_t state = app.show_inherited ? state::Expanded : state::Collapsed;
            ImVec2 size = small->CalcTextSizeA(font_size(small), FLT_MAX, 0, label.c_str());
            ImVec2 pos(a.x + kCellPad, c.y - kCellPad - line_height(small) - 4);
            if (!draw) {
                app.add_content({Role::Button, label, state}, pos, ImVec2(pos.x + size.x + 8, pos.y + line_height(small) + 4), name);
                continue;
            }
            ImGui::SetCursorScreenPos(pos);
            ImGui::PushID(int(b.cells[k]));
            if (ImGui::InvisibleButton("##inherited", ImVec2(size.x + 8, line_height(small) + 4))) app.toggle_inherited();
            bool hovered = ImGui::IsItemHovered();
            ImGui::PopID();
            app.add_target(name, {Role::Button, label, state});
            focus_ring(4.0f);
            if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            dl->AddText(small, font_size(small), ImVec2(pos.x, pos.y + 2), p.text_link, label.c_str());
        }
    }
}

// Assistive technology asked for a part of the ladder that is not drawn (focus or
// activation of a declared node): scroll so that it is, and the request is
// applied when it is drawn (App::add_target).
void bringing_into_view(App& app, const LadderLayout& L, ImVec2 origin) {
    const std::string& wanted = !app.focus_request.empty() ? app.focus_request : app.activate_request;
    if (wanted.empty()) return;
    float y = -1;
    if (wanted.rfind("expectation:", 0) == 0) {
        for (const LadderLayout::Entry& le : L.entries)
            if ("expectation:" + app.fw.expectations[size_t(le.expectation)].id == wanted) y = le.pos.y;
    } else if (wanted.rfind("level-link:", 0) == 0 || wanted.rfind("inherited:", 0) == 0) {
        for (const Target& t : app.previous_targets)
            if (t.name == wanted) y = t.rect.y - origin.y;
    }
    if (y < 0) return;
    const float top = ImGui::GetScrollY(), h = ImGui::GetWindowHeight();
    if (y < top + 8 || y > top + h - 40) ImGui::SetScrollY(std::max(0.0f, y - h * 0.3f));
}

}  // namespace

void draw_ladder(App& app, ImVec2 size) {
    if (app.ladder_dirty) app.refresh_ladder();
    ImGui::BeginChild("ladder", size, false, ImGuiWindowFlags_NoSavedSettings);
    float width = ImGui::GetContentRegionAvail().x;
    LadderLayout& L = app.layout;
    if (!L.valid || L.width != width) build_layout(app, width);

    ImVec2 origin = ImGui::GetCursorScreenPos();  // already offset by the scroll position
    float top = ImGui::GetScrollY(), view_h = ImGui::GetWindowHeight();
    // One screen of margin keeps keyboard navigation able to reach the next item.
    const float band_top = top - view_h, band_bottom = top + 2 * view_h;
    // Blocks outside the band are declared without being drawn while the ladder
    // is small enough (every framework the handbook has): a screen reader reads
    // all of it, and focusing a part far away scrolls the ladder there. Larger
    // ones declare the band only (README, "Accessibility").
    const bool declare_all = L.entries.size() <= kDeclareEverything;
    bringing_into_view(app, L, origin);
    for (const LadderLayout::Block& b : L.blocks) {
        bool in_band = b.y + b.height >= band_top && b.y <= band_bottom;
        if (!in_band && !declare_all) continue;
        if (b.kind == LadderLayout::Block::LevelHeader) draw_level_header(app, b, origin, in_band);
        else draw_cell_row(app, b, origin, band_top, band_bottom, in_band, declare_all);
    }
    if (app.ladder.levels.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + kPad, origin.y + kPad));
        ImGui::TextColored(color4(theme::colors().text_muted), "%s",
                           app.view.search.empty() ? "No levels match the filters." : "Nothing matches the search.");
    }
    if (app.scroll_to_selected) {
        app.scroll_to_selected = false;
        for (const LadderLayout::Entry& le : L.entries)
            if (app.fw.expectations[size_t(le.expectation)].id == app.view.selected) ImGui::SetScrollY(std::max(0.0f, le.pos.y - 80.0f));
    }
    app.content_height = L.height;
    app.scroll_y = ImGui::GetScrollY();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, L.height));
    ImGui::EndChild();
}

}  // namespace ui
