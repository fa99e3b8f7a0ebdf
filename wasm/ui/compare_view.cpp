// Career Matrix views: two levels side by side, with what the higher one adds made obvious.
// New expectations are marked, grown ones show the lower text beside the higher
// one with the added words highlighted, and what carries over unchanged is
// folded away: readers of cumulative frameworks want the difference.
#include "platform.h"
#include "widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ui {

namespace {

constexpr float kPad = 16.0f;
constexpr float kTwoColumns = 720.0f;  // narrower: the two texts stack

// Defaults for an empty selection: two selected levels if the ladder filter has
// exactly two, otherwise the first two published levels.
void resolve_levels(App& app) {
    cm::ViewState next = app.view;
    std::vector<int> published;
    for (size_t l = 0; l < app.fw.levels.size(); l++)
        if (app.fw.levels[l].published) published.push_back(int(l));
    if (published.size() < 2) return;
    if (next.compare_from.empty() || next.compare_to.empty()) {
        if (next.levels.size() == 2) {
            next.compare_from = next.levels[0];
            next.compare_to = next.levels[1];
        } else {
            next.compare_from = app.fw.levels[size_t(published[0])].id;
            next.compare_to = app.fw.levels[size_t(published[1])].id;
        }
        app.set_view(next, false);
    }
}

// One expectation's text in a column, with optional highlighted ranges; advances the cursor.
void text_column(App& app, const std::string& text, float width, ImU32 color, const std::vector<cm::TextRange>* marks) {
    const theme::Palette& p = theme::colors();
    const ImFont* body = theme::font(theme::Font::Body);
    const TextBlock& block = app.text_cache.get(body, text, width);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    draw_text(ImGui::GetWindowDrawList(), body, pos, text, block, {color, marks, p.added, true});  // underlined: not by color alone
    ImGui::Dummy(ImVec2(width, block.height));
}

void note(const char* text) {
    ImGui::PushFont(theme::font(theme::Font::Small));
    ImGui::TextColored(color4(theme::colors().text_muted), "%s", text);
    ImGui::PopFont();
}

void draw_item(App& app, const cm::ComparedItem& item, int lo, int hi, float width, bool two_columns) {
    const theme::Palette& p = theme::colors();
    const cm::Framework& fw = app.fw;
    const cm::Expectation* lower = item.lower >= 0 ? &fw.expectations[size_t(item.lower)] : nullptr;
    const cm::Expectation* higher = item.higher >= 0 ? &fw.expectations[size_t(item.higher)] : nullptr;
    std::vector<cm::TextRange> added;
    if (item.change == cm::Change::Grown) added = cm::added_words(lower->text, higher->text);
    const std::string& lo_name = fw.levels[size_t(lo)].name;
    const std::string& hi_name = fw.levels[size_t(hi)].name;
    const char* tag = item.change == cm::Change::Added ? "New" : item.change == cm::Change::Grown ? "Grows" : item.change == cm::Change::Dropped ? "Not at the higher level" : "Same";
    ImU32 tag_bg = item.change == cm::Change::Added ? p.accent : p.added;
    ImU32 tag_fg = item.change == cm::Change::Added ? p.accent_text : p.added_text;

    ImGui::PushID(item.higher >= 0 ? item.higher : ~item.lower);
    const float gutter = 28;
    float col = two_columns ? std::floor((width - gutter) * 0.5f) : width;
    ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    if (two_columns) {
        // Both texts start on one line; the gutter between them says how they relate.
        ImGui::BeginGroup();
        if (lower) text_column(app, lower->text, col, p.text_muted, nullptr);
        else note(("Not at " + lo_name).c_str());
        ImGui::Dummy(ImVec2(col, 0));  // the column keeps its width when it holds only a note
        ImGui::EndGroup();
        ImGui::SameLine(0, gutter);
        ImGui::BeginGroup();
        if (higher) text_column(app, higher->text, col, p.text, added.empty() ? nullptr : &added);
        else note(("Not at " + hi_name).c_str());
        ImGui::EndGroup();
        const ImFont* strong = theme::font(theme::Font::Strong);
        const char* glyph = item.change == cm::Change::Added ? "+" : item.change == cm::Change::Grown ? "\xE2\x86\x92" : item.change == cm::Change::Dropped ? "\xE2\x80\x93" : "=";
        ImVec2 g = strong->CalcTextSizeA(font_size(strong), FLT_MAX, 0, glyph);
        ImGui::GetWindowDrawList()->AddText(strong, font_size(strong), ImVec2(start.x + col + (gutter - g.x) * 0.5f, start.y + 2),
                                            item.change == cm::Change::Added ? p.accent : p.text_muted, glyph);
    } else {
        badge(tag, tag_bg, tag_fg);
        if (lower && item.change != cm::Change::Added) {
            note(lo_name.c_str());
            text_column(app, lower->text, col, p.text_muted, nullptr);
        }
        if (higher) {
            if (lower) note(hi_name.c_str());
            text_column(app, higher->text, col, p.text, added.empty() ? nullptr : &added);
        }
    }
    ImGui::EndGroup();
    // The whole row opens the expectation's detail.
    ImVec2 end = ImGui::GetItemRectMax();
    ImGui::SetCursorScreenPos(start);
    const cm::Expectation* shown = higher ? higher : lower;
    if (ImGui::InvisibleButton("##row", ImVec2(std::max(width, 1.0f), std::max(end.y - start.y, 1.0f)))) app.select(shown->id);
    // Both sides in words: what the higher level adds, and what it grew from.
    std::string said = item.change == cm::Change::Added     ? "New at " + hi_name + ": " + higher->text
                       : item.change == cm::Change::Grown   ? "Grows at " + hi_name + ": " + higher->text
                       : item.change == cm::Change::Dropped ? "Not at " + hi_name + ": " + lower->text
                                                            : "Same at both levels: " + shown->text;
    std::string before;
    if (item.change == cm::Change::Grown) {
        before = "At " + lo_name + ": " + lower->text + " Added words:";
        for (const cm::TextRange& r : added) before += " \xE2\x80\x9C" + higher->text.substr(r.begin, r.end - r.begin) + "\xE2\x80\x9D";
    }
    app.begin_group({Role::ListItem, {}}, "compare-item:" + shown->id);
    app.add_target("compare:" + shown->id, {Role::Button, said, 0, {}, {}, before});
    app.end_group();
    focus_ring(4.0f);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 6));
}

}  // namespace

void draw_compare(App& app, ImVec2 size) {
    const theme::Palette& p = theme::colors();
    resolve_levels(app);
    cm::ViewState next = app.view;
    ImGui::SetCursorPosX(kPad);
    ImGui::BeginGroup();
    Flow flow;
    label(flow, "Compare", 180);
    level_combo(app, flow, "compare:from", "Compare", &next.compare_from, "Choose a level");
    label(flow, "with", 180);
    level_combo(app, flow, "compare:to", "with", &next.compare_to, "Choose a level");
    if (button(app, flow, "button:swap", "Swap")) std::swap(next.compare_from, next.compare_to);
    if (filter_fold(app, flow, "button:compare-filters", filter_summary(app, false), &app.compare_filters_open)) draw_area_chips(app, &next);
    ImGui::EndGroup();
    app.set_view(next, next.compare_from != app.view.compare_from || next.compare_to != app.view.compare_to);

    int a = app.fw.find_level(app.view.compare_from), b = app.fw.find_level(app.view.compare_to);
    ImGui::BeginChild("compare", ImVec2(size.x, ImGui::GetContentRegionAvail().y), false, ImGuiWindowFlags_NoSavedSettings);
    float start_y = ImGui::GetCursorPosY();
    if (a < 0 || b < 0) {
        ImGui::SetCursorPos(ImVec2(kPad, kPad));
        note("Choose two levels to compare.");
        app.content_height = 80;
        ImGui::EndChild();
        return;
    }
    int lo = app.fw.levels[size_t(a)].order <= app.fw.levels[size_t(b)].order ? a : b, hi = lo == a ? b : a;
    if (app.comparison.from != lo || app.comparison.to != hi) {
        app.comparison.from = lo;
        app.comparison.to = hi;
        app.comparison.areas = cm::compare_levels(app.fw, lo, hi);
    }
    cm::Filter filter = cm::make_filter(app.fw, app.view);
    const float width = ImGui::GetContentRegionAvail().x - 2 * kPad;
    const bool two_columns = width >= kTwoColumns;
    const std::string& lo_name = app.fw.levels[size_t(lo)].name;
    const std::string& hi_name = app.fw.levels[size_t(hi)].name;

    int added = 0, grown = 0, same = 0;
    for (const cm::AreaComparison& ac : app.comparison.areas) {
        if (!filter.areas[size_t(ac.area)]) continue;
        added += ac.count(cm::Change::Added);
        grown += ac.count(cm::Change::Grown);
        same += ac.count(cm::Change::Unchanged);
    }
    ImGui::SetCursorPos(ImVec2(kPad, ImGui::GetCursorPosY() + 8));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (lo == hi) paragraph(app, "Both sides are " + lo_name + ": choose two different levels.", p.text, nullptr, "compare:summary");
    else
        paragraph(app,
                  hi_name + " adds " + std::to_string(added) + " new expectation" + (added == 1 ? "" : "s") + " and grows " + std::to_string(grown) +
                      " from " + lo_name + "; " + std::to_string(same) + " carry over unchanged.",
                  p.text, nullptr, "compare:summary");
    ImGui::PopTextWrapPos();
    if (two_columns) note("+  new at the higher level      \xE2\x86\x92  grows: the highlighted words are what it adds");
    // What is new and grown at the higher level, into a plan: the active one, or a new one for these two levels.
    if (lo != hi && added + grown > 0) {
        ImGui::Dummy(ImVec2(0, 2));
        Flow plan_flow(ImGui::GetCursorScreenPos().x + width);
        const cm::Plan* active = app.active_plan();
        std::string into_new = "Plan what is new: " + lo_name + " \xE2\x86\x92 " + hi_name;
        if (button(app, plan_flow, "compare:plan-new", into_new.c_str(), true)) app.plan_what_is_new(lo, hi, false);
        if (active) {
            std::string into_active = "Add it to \xE2\x80\x9C" + active->name + "\xE2\x80\x9D";
            if (button_width(into_active.c_str()) > plan_flow.line_width()) into_active = "Add it to the open plan";
            if (button(app, plan_flow, "compare:plan-add", into_active.c_str())) app.plan_what_is_new(lo, hi, true);
        }
    }
    ImGui::Dummy(ImVec2(0, 4));

    for (const cm::AreaComparison& ac : app.comparison.areas) {
        if (!filter.areas[size_t(ac.area)]) continue;
        const cm::Area& area = app.fw.areas[size_t(ac.area)];
        ImGui::Dummy(ImVec2(0, 6));
        section_heading(app, area.name.c_str());
        ImGui::GetWindowDrawList()->AddLine(ImGui::GetCursorScreenPos(), ImVec2(ImGui::GetCursorScreenPos().x + width, ImGui::GetCursorScreenPos().y), p.border);
        ImGui::Dummy(ImVec2(0, 4));
        if (two_columns) {
            ImGui::PushFont(theme::font(theme::Font::Strong));
            ImVec2 pos = ImGui::GetCursorPos();
            ImGui::TextUnformatted(lo_name.c_str());
            ImGui::SetCursorPos(ImVec2(pos.x + std::floor((width - 28) * 0.5f) + 28, pos.y));
            ImGui::TextUnformatted(hi_name.c_str());
            ImGui::PopFont();
        }
        app.begin_group({Role::List, area.name}, "compare-list:" + area.id);
        for (const cm::ComparedItem& item : ac.items)
            if (item.change != cm::Change::Unchanged) draw_item(app, item, lo, hi, width, two_columns);
        app.end_group();
        int unchanged = ac.count(cm::Change::Unchanged);
        if (unchanged > 0) {
            bool open = std::find(app.expanded_unchanged.begin(), app.expanded_unchanged.end(), area.id) != app.expanded_unchanged.end();
            std::string label = (open ? "Hide the " : "Show the ") + std::to_string(unchanged) + " that carr" + (unchanged == 1 ? "ies" : "y") + " over unchanged";
            ImGui::PushID(area.id.c_str());
            ImGui::PushStyleColor(ImGuiCol_Text, color4(p.text_link));
            if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(ImGui::CalcTextSize(label.c_str()).x, 0))) toggle(&app.expanded_unchanged, area.id);
            ImGui::PopStyleColor();
            app.add_target("unchanged:" + area.id, {Role::Button, label, uint16_t(open ? state::Expanded : state::Collapsed)});
            ImGui::PopID();
            if (open) {
                app.begin_group({Role::List, "Unchanged in " + area.name}, "compare-unchanged:" + area.id);
                for (const cm::ComparedItem& item : ac.items)
                    if (item.change == cm::Change::Unchanged) draw_item(app, item, lo, hi, width, two_columns);
                app.end_group();
            }
        }
    }
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, kPad));
    app.content_height = ImGui::GetCursorPosY() - start_y;
    app.scroll_y = ImGui::GetScrollY();
    ImGui::EndChild();
}

}  // namespace ui
