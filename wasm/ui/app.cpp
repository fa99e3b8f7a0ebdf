// Career Matrix views: the application frame, view-state changes, the state API.
#include "app.h"

#include "framework_load.h"
#include "platform.h"
#include "theme.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ui {

bool App::load_framework(std::string_view text, std::string_view file_name) {
    cm::Diagnostics diag;
    diag.file = std::string(file_name);
    cm::Framework next;
    if (!cm::load_framework(text, &next, &diag)) {
        platform::show_fatal_error("The career framework data could not be loaded", diag.to_string());
        return false;
    }
    fw = std::move(next);
    loaded = true;
    data_name = std::string(file_name);
    on_url_hash(platform::url_hash());
    return true;
}

static bool changes_ladder(const cm::ViewState& a, const cm::ViewState& b) {
    return a.levels != b.levels || a.areas != b.areas || a.components != b.components || a.search != b.search || a.only_new != b.only_new;
}

void App::set_view(const cm::ViewState& next, bool new_history_entry) {
    if (next == view) return;
    if (changes_ladder(next, view)) ladder_dirty = true;
    view = next;
    platform::set_url_hash(cm::format_view_hash(view, fw), new_history_entry);
    platform::request_frames();
}

void App::on_url_hash(std::string_view hash) {
    if (!loaded) return;
    std::vector<std::string> warnings;
    cm::ViewState next = cm::parse_view_hash(hash, fw, &warnings);
    for (std::string& w : warnings) notices.push_back("This link's view was partly ignored: " + w + ".");
    if (changes_ladder(next, view)) ladder_dirty = true;
    view = next;
    snprintf(search_buf, sizeof(search_buf), "%s", view.search.c_str());
    platform::request_frames();
}

static void draw_header(App& app) {
    const theme::Palette& p = theme::colors();
    const float pad = 16.0f;
    ImGui::SetCursorPos(ImVec2(pad, pad));
    ImGui::PushFont(theme::font(theme::Font::Title));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text), "%s", app.fw.name.c_str());
    ImGui::PopFont();
    ImGui::SetCursorPosX(pad);
    ImGui::PushFont(theme::font(theme::Font::Small));
    std::string meta = app.fw.organization;
    if (!app.fw.version.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + std::string("version ") + app.fw.version;
    meta += "  \xC2\xB7  " + std::to_string(app.fw.levels.size()) + " levels, " + std::to_string(app.fw.expectations.size()) + " expectations";
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(p.text_muted), "%s", meta.c_str());
    ImGui::PopFont();
}

void App::add_target(std::string name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (!ImGui::IsItemVisible()) return;
    targets.push_back({std::move(name), {a.x, a.y, b.x - a.x, b.y - a.y}});
}

std::string App::targets_json() const {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const Target& t : targets) j[t.name] = {{"x", t.rect.x}, {"y", t.rect.y}, {"w", t.rect.w}, {"h", t.rect.h}};
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Keys that mean something anywhere in the app.
static void handle_shortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsAnyItemActive()) return;
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_F, false)) app.focus_search = true;
    if (!io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Slash, false)) app.focus_search = true;
    // Esc closes what is open; with nothing open it hands focus back to the page,
    // so keyboard users are never trapped in the canvas.
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        if (!app.view.selected.empty()) {
            cm::ViewState next = app.view;
            next.selected.clear();
            app.set_view(next, false);
        } else {
            platform::release_focus();
        }
    }
}

void App::frame(ImVec2 display_size) {
    display = display_size;
    targets.clear();
    if (loaded) handle_shortcuts(*this);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display_size);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("Career Matrix", nullptr, flags);
    if (loaded) {
        draw_header(*this);
        draw_filters(*this);
        ImVec2 avail = ImGui::GetContentRegionAvail();
        draw_ladder(*this, avail);
    }
    ImGui::End();
}

std::string App::state_json() const {
    nlohmann::ordered_json j;
    j["loaded"] = loaded;
    if (!loaded) return j.dump();
    nlohmann::ordered_json framework;
    framework["id"] = fw.id;
    framework["name"] = fw.name;
    framework["version"] = fw.version;
    framework["cumulative"] = fw.cumulative;
    nlohmann::ordered_json levels = nlohmann::ordered_json::array(), dims = nlohmann::ordered_json::array(),
                           sections = nlohmann::ordered_json::array(), components = nlohmann::ordered_json::array();
    for (const cm::Level& l : fw.levels) levels.push_back({{"id", l.id}, {"name", l.name}, {"published", l.published}});
    for (const cm::Area& a : fw.areas)
        (a.kind == cm::AreaKind::Dimension ? dims : sections).push_back({{"id", a.id}, {"name", a.name}});
    for (const cm::Component& c : fw.components) components.push_back({{"id", c.id}, {"name", c.name}});
    framework["levels"] = levels;
    framework["dimensions"] = dims;
    framework["sections"] = sections;
    framework["components"] = components;
    framework["expectations"] = fw.expectations.size();
    j["framework"] = framework;

    j["view"] = cm::view_name(view.view);
    nlohmann::ordered_json shown_levels = nlohmann::ordered_json::array(), shown_areas = nlohmann::ordered_json::array();
    for (int l : ladder.levels) shown_levels.push_back(fw.levels[size_t(l)].id);
    for (int a : ladder.areas) shown_areas.push_back(fw.areas[size_t(a)].id);
    j["levels"] = shown_levels;  // what the ladder shows now
    j["areas"] = shown_areas;
    nlohmann::ordered_json filters;
    filters["levels"] = view.levels;
    filters["areas"] = view.areas;
    filters["components"] = view.components;
    filters["onlyNew"] = view.only_new;
    j["filters"] = filters;
    j["search"] = view.search;
    j["matches"] = ladder.matches;
    j["shownExpectations"] = ladder.shown;
    j["compare"] = {{"from", view.compare_from}, {"to", view.compare_to}};
    j["selected"] = view.selected;
    j["hash"] = cm::format_view_hash(view, fw);
    j["theme"] = dark ? "dark" : "light";
    j["notices"] = notices;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace ui
