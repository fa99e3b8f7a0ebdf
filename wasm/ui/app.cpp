// Career Matrix views: the application frame, view-state changes, the state API.
#include "app.h"

#include "framework_load.h"
#include "key_value_store.h"
#include "platform.h"
#include "theme.h"
#include "widgets.h"

#include <imgui_internal.h>  // the item's window: its clip rect, and whether it is a popup

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ui {

namespace {

constexpr float kPad = 16.0f;
constexpr float kDetailWidth = 380.0f;   // the detail pane beside the ladder
constexpr float kWideEnough = 1000.0f;   // below this the detail opens over the ladder
constexpr float kMinTitleWidth = 320.0f;  // narrower: the header's actions go under the title

bool changes_ladder(const cm::ViewState& a, const cm::ViewState& b) {
    return a.levels != b.levels || a.areas != b.areas || a.components != b.components || a.search != b.search ||
           a.only_new != b.only_new;
}

}  // namespace

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
    theme::set_title_text(fw.name);
    // data/<name>.json has its text version at text/<name>.html.
    std::string_view base = file_name.substr(file_name.find_last_of('/') + 1);
    if (base.size() > 5 && base.substr(base.size() - 5) == ".json") text_version = "text/" + std::string(base.substr(0, base.size() - 5)) + ".html";
    open_plans();
    load_settings();
    on_system_theme(system_dark);
    text_cache.clear();
    comparison = CompareCache();
    ladder_dirty = true;
    on_url_hash(platform::url_hash());
    return true;
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
    for (std::string& w : warnings) {
        notices.push_back("Part of this link was ignored: " + w + ".");
        plans.announcements.emplace_back(notices.back(), false);
    }
    if (changes_ladder(next, view)) ladder_dirty = true;
    if (next.selected != view.selected && !next.selected.empty()) scroll_to_selected = true;
    view = next;
    search_text = view.search;
    platform::request_frames();
}

void App::select(const std::string& expectation_id) {
    cm::ViewState next = view;
    next.selected = expectation_id;
    set_view(next, false);
}

void App::toggle_inherited() {
    show_inherited = !show_inherited;
    layout.valid = false;
    platform::request_frames();
}

void App::refresh_ladder() {
    ladder = cm::query_ladder(fw, cm::make_filter(fw, view));
    ladder_dirty = false;
    layout.valid = false;
}

void App::set_theme(ThemeChoice choice) {
    theme_choice = choice;
    const char* name = choice == ThemeChoice::Dark ? "dark" : choice == ThemeChoice::Light ? "light" : "system";
    platform::local_storage().set(kSettingsKey, std::string("{\"theme\":\"") + name + "\"}");  // a preference: failing to keep it is harmless
    on_system_theme(system_dark);
}

void App::on_system_theme(bool dark_preferred) {
    system_dark = dark_preferred;
    bool next = theme_choice == ThemeChoice::System ? system_dark : theme_choice == ThemeChoice::Dark;
    if (next != dark || !theme_applied) {
        dark = next;
        theme_applied = true;
        theme::apply(dark);
    }
    platform::request_frames();
}

void App::load_settings() {
    std::string text;
    if (platform::local_storage().get(kSettingsKey, &text) != cm::StoreStatus::Ok) return;
    cm::Json j;
    cm::Diagnostics ignored;
    if (!cm::parse_untrusted_json(text, cm::JsonLimits{4096, 4}, &j, &ignored) || !j.is_object()) return;
    auto it = j.find("theme");
    if (it == j.end() || !it->is_string()) return;
    const std::string& t = it->get_ref<const std::string&>();
    theme_choice = t == "dark" ? ThemeChoice::Dark : t == "light" ? ThemeChoice::Light : ThemeChoice::System;
}

const TextBlock& TextCache::get(const ImFont* font, const std::string& text, float width) {
    if (blocks_.size() > 20000) blocks_.clear();  // bounded: a 100x framework at a few widths
    Key key{text.data(), font, int(width * 4)};
    auto it = blocks_.find(key);
    if (it != blocks_.end()) return it->second;
    TextBlock& block = blocks_[key];
    layout_text(font, text, width, &block);
    return block;
}

namespace {

// A node's window: its clip rect, and whether it floats over the view.
void place(Target& t, ImVec2 a, ImVec2 b) {
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    t.rect = {a.x, a.y, b.x - a.x, b.y - a.y};
    ImRect shown(a, b);
    shown.ClipWithFull(window->ClipRect);
    t.clip = shown.Min.x < shown.Max.x && shown.Min.y < shown.Max.y ? Rect{shown.Min.x, shown.Min.y, shown.GetWidth(), shown.GetHeight()} : Rect{};
    t.visible = t.clip.w > 0 && t.clip.h > 0;
    t.popup = (window->RootWindow->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Modal)) != 0;
}

}  // namespace

// This frame's next node. `targets` still holds the nodes of two frames ago:
// the next one is overwritten in place, so its strings are assigned rather than
// allocated (a view declares much the same nodes every frame). frame() drops the rest.
Target& App::new_target() {
    if (declared == targets.size()) targets.emplace_back();
    return targets[declared++];
}

void App::add_target(std::string_view name, const Semantics& what) {
    const ImGuiID id = ImGui::GetItemID();
    if (ImGui::IsItemFocused()) focused_target = name;
    // Assistive technology asked for this control: focus it (ImGui scrolls it into view), or act on it as a click would.
    if (!focus_request.empty() && name == focus_request) {
        if (!ImGui::IsItemFocused()) ImGui::SetKeyboardFocusHere(-1);
        focus_landing = std::move(focus_request);
        focus_landing_frames = 0;
        focus_request.clear();
        platform::request_frames();
    }
    if (!activate_request.empty() && name == activate_request) {
        ImGui::ActivateItemByID(id);
        activate_request.clear();
        platform::request_frames();
    }
    Target& t = new_target();
    if (!what.words_id || what.words_id != t.what.words_id) t.name = name;  // (kept words come with their name)
    t.what.assign(what);
    t.id = id;
    t.parent = open_groups.empty() ? -1 : open_groups.back();
    place(t, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    t.visible = t.visible && ImGui::IsItemVisible();
}

void App::add_content(const Semantics& what, ImVec2 min, ImVec2 max, std::string_view name) {
    Target& t = new_target();
    t.parent = open_groups.empty() ? -1 : open_groups.back();
    if (what.words_id && what.words_id == t.what.words_id) {
        // kept words come with their name: both are in place already
    } else if (name.empty()) {
        if (t.parent >= 0) t.name = targets[size_t(t.parent)].name;
        else t.name = "view";
        t.name += '/';
        t.name += role_name(what.role);
        t.name += ':';
        t.name += std::to_string(declared);
    } else {
        t.name = name;
    }
    t.what.assign(what);
    t.id = 0;
    place(t, min, max);
}

void App::begin_group(const Semantics& what, std::string_view name) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    add_content(what, at, at, name);
    open_groups.push_back(int(declared) - 1);
}

void App::end_group() {
    if (open_groups.empty()) return;
    const size_t g = size_t(open_groups.back());
    open_groups.pop_back();
    // The group's rect is the union of its children's (declared after it).
    ImVec2 a(FLT_MAX, FLT_MAX), b(-FLT_MAX, -FLT_MAX);
    for (size_t i = g + 1; i < declared; i++) {
        const Rect& r = targets[i].rect;
        a = ImVec2(std::min(a.x, r.x), std::min(a.y, r.y));
        b = ImVec2(std::max(b.x, r.x + r.w), std::max(b.y, r.y + r.h));
    }
    if (a.x <= b.x) place(targets[g], a, b);
}

void App::on_a11y_focus(std::string_view name) {
    if (name == focused_target) return;
    focus_request = std::string(name);
    focus_request_frames = 0;
    platform::request_frames();
}

void App::on_text_input(std::string_view field, std::string_view text) {
    text_input[std::string(field)] = std::string(text);  // applied when the field is drawn (text_field)
    platform::request_frames();
}

void App::on_a11y_activate(std::string_view name) {
    activate_request = std::string(name);
    platform::request_frames();
}

std::string App::targets_json() const {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const Target& t : targets)
        if (t.id != 0)  // the controls drawn, not content or groups
            j[t.name] = {{"x", t.rect.x}, {"y", t.rect.y}, {"w", t.rect.w}, {"h", t.rect.h}, {"visible", t.visible},
                         {"clip", {{"x", t.clip.x}, {"y", t.clip.y}, {"w", t.clip.w}, {"h", t.clip.h}}}, {"popup", t.popup},
                         {"role", role_name(t.what.role)}, {"label", t.what.label}};
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

// Keys that mean something anywhere in the app.
void handle_shortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsAnyItemActive()) return;
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_F, false)) app.focus_search = true;
    if (!io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Slash, false)) app.focus_search = true;
    if (app.focus_search && app.view.view != cm::View::Ladder) {
        cm::ViewState next = app.view;
        next.view = cm::View::Ladder;
        app.set_view(next, true);
    }
    // Esc closes what is open; with nothing open it hands focus back to the page,
    // so keyboard users are never trapped in the canvas.
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        if (!app.view.selected.empty()) app.select("");
        else platform::release_focus();
    }
    // Copy the selected expectation's text.
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGuiKey_C, false) && !app.view.selected.empty()) {
        int e = app.fw.find_expectation(app.view.selected);
        if (e >= 0) ImGui::SetClipboardText(app.fw.expectations[size_t(e)].text.c_str());
    }
}

// The title and what the content is on the left, the text version and the theme
// on the right; when both do not fit side by side, the actions follow below.
void draw_header(App& app) {
    const theme::Palette& p = theme::colors();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - kPad;
    const char* theme_label = app.dark ? "Light theme" : "Dark theme";
    ImGui::PushFont(theme::font(theme::Font::Small));
    const float actions_w = ImGui::CalcTextSize("View as text").x + 16 + button_width(theme_label);
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(kPad, kPad));
    const float left = ImGui::GetCursorScreenPos().x;
    const bool side_by_side = right - left - actions_w - 24 >= kMinTitleWidth;
    const float text_right = side_by_side ? right - actions_w - 24 : right;

    // The link and the button stay together, the link's text on the button's baseline.
    auto actions = [&](Flow& flow) {
        ImGui::PushFont(theme::font(theme::Font::Small));
        const float link_w = ImGui::CalcTextSize("View as text").x;
        flow.next(actions_w);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + ImGui::GetStyle().FramePadding.y));
        link(app, "link:text-version", "View as text", app.text_version);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + link_w + 16, pos.y));
        if (button(app, "button:theme", theme_label)) app.set_theme(app.dark ? App::ThemeChoice::Light : App::ThemeChoice::Dark);
        ImGui::PopFont();
    };

    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(text_right - ImGui::GetWindowPos().x);
    ImGui::PushFont(theme::font(theme::Font::Title));
    ImGui::TextWrapped("%s", app.fw.name.c_str());
    ImGui::PopFont();
    app.add_content({Role::Heading, app.fw.name, 0, {}, {}, {}, 1}, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), "title");
    ImGui::PushFont(theme::font(theme::Font::Small));
    std::string meta = app.fw.organization;
    if (!app.fw.version.empty()) meta += (meta.empty() ? "" : "  \xC2\xB7  ") + std::string("version ") + app.fw.version;
    meta += "  \xC2\xB7  " + std::to_string(app.fw.levels.size()) + " levels, " + std::to_string(app.fw.expectations.size()) + " expectations";
    paragraph(app, meta, p.text_muted, nullptr, "meta");
    // Where the content comes from (a paraphrase, or the handbook's own text) and its pages.
    if (!app.fw.notice.empty()) paragraph(app, app.fw.notice, p.text_muted, nullptr, "notice");
    if (!app.fw.source.empty()) link(app, "link:handbook-pages", "The framework's pages in the handbook", app.fw.source);
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    if (!side_by_side) {
        ImGui::Dummy(ImVec2(0, 2));
        Flow flow(right);
        actions(flow);
    }
    ImGui::EndGroup();
    float bottom = ImGui::GetCursorPosY();
    if (side_by_side) {
        ImGui::SetCursorScreenPos(ImVec2(right - actions_w, ImGui::GetWindowPos().y + kPad));
        Flow flow(right + 1);
        actions(flow);
    }
    ImGui::SetCursorPos(ImVec2(kPad, std::max(bottom, ImGui::GetCursorPosY()) + 4));
}

void draw_notices(App& app) {
    if (app.notices.empty()) return;
    const theme::Palette& p = theme::colors();
    ImGui::SetCursorPosX(kPad);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x - kPad;
    ImGui::PushFont(theme::font(theme::Font::Small));
    std::string text = app.notices.back();
    if (app.notices.size() > 1) text += "  (" + std::to_string(app.notices.size() - 1) + " more)";
    TextBlock block;
    layout_text(theme::font(theme::Font::Small), text, w - 120, &block);
    float h = std::max(block.height, ImGui::GetFrameHeight()) + 12;
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), p.warning, 6.0f);
    draw_text(ImGui::GetWindowDrawList(), theme::font(theme::Font::Small), ImVec2(pos.x + 10, pos.y + 6), text, block, {p.warning_text});
    app.begin_group({Role::Alert, text}, "notices");
    app.add_content({Role::Text, text}, ImVec2(pos.x + 10, pos.y + 6), ImVec2(pos.x + 10 + block.width, pos.y + 6 + block.height), "notices:text");
    ImGui::SetCursorScreenPos(ImVec2(pos.x + w - 90, pos.y + (h - ImGui::GetFrameHeight()) * 0.5f));
    if (button(app, "button:dismiss-notice", "Dismiss")) app.notices.clear();
    app.end_group();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 8));
}

void draw_tabs(App& app) {
    ImGui::SetCursorPosX(kPad);
    static const std::vector<std::string> labels = {"Ladder", "Compare levels", "Growth plan"};
    static const std::vector<std::string> names = {"tab:ladder", "tab:compare", "tab:plan"};
    Flow flow(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - kPad);
    int clicked = segmented(app, flow, "views", "Views", Role::Tab, labels, names, int(app.view.view));
    if (clicked >= 0 && clicked != int(app.view.view)) {
        cm::ViewState next = app.view;
        next.view = cm::View(clicked);
        app.set_view(next, true);
    }
    ImGui::Dummy(ImVec2(0, 2));
}

}  // namespace

bool App::begin_frame(float pixel_ratio) {
    if (theme::fonts_current(pixel_ratio)) return false;
    if (!theme::build_fonts(pixel_ratio))
        platform::show_fatal_error("The fonts could not be read", "The font files did not load as OpenType fonts, so nothing can be drawn. "
                                   "The text version has the same content.");
    // Every paragraph layout was measured with the old font metrics.
    text_cache.clear();
    layout.valid = false;
    return true;
}

void App::end_frame() {
    if (loaded && !first_frame_sent) {
        first_frame_sent = true;
        platform::notify_first_frame();
    }
    // A focus request for a control that was not drawn waits a few frames (the view scrolls to it), then is dropped.
    if (!focus_request.empty() && ++focus_request_frames > 30) focus_request.clear();
    if (!focus_landing.empty() && (focus_landing == focused_target || ++focus_landing_frames > 3)) focus_landing.clear();
    const std::string& focus = !focus_request.empty() ? focus_request : !focus_landing.empty() ? focus_landing : focused_target;
    // Most frames (a mouse move, a caret) change nothing of the tree, and a scroll
    // only moves its nodes: comparing them is much cheaper than writing them out.
    const bool same_nodes = targets.size() == previous_targets.size() &&
                            std::equal(targets.begin(), targets.end(), previous_targets.begin(), same_meaning);
    bool tree_changed = false;
    if (!same_nodes || focus != published_focus || dark != published_dark || !plans.announcements.empty() || published_tree.empty()) {
        std::string tree = semantics_json(targets, dark, focus, plans.announcements);
        plans.announcements.clear();
        published_focus = focus;
        published_dark = dark;
        if (tree != published_tree) {
            published_tree = std::move(tree);
            tree_changed = true;
        }
    }
    semantics_geometry(targets, &geometry);
    if (!tree_changed && geometry == published_geometry) return;
    published_geometry.swap(geometry);
    platform::publish_semantics(tree_changed ? std::string_view(published_tree) : std::string_view(), published_geometry);
}

void App::frame(ImVec2 display_size) {
    display = display_size;
    previous_targets.swap(targets);  // `targets` now holds the storage new_target() reuses
    declared = 0;
    open_groups.clear();
    focused_target.clear();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display_size);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("Career Matrix", nullptr, flags);
    if (loaded) {
        autosave_if_due();
        handle_shortcuts(*this);
        draw_header(*this);
        draw_notices(*this);
        draw_tabs(*this);
        if (view.view == cm::View::Ladder) draw_ladder_filters(*this);
        float above = ImGui::GetCursorPosY();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        bool side_pane = !view.selected.empty() && display.x >= kWideEnough;
        ImVec2 main_size(side_pane ? avail.x - kDetailWidth : avail.x, avail.y);
        if (view.view == cm::View::Compare) draw_compare(*this, main_size);
        else if (view.view == cm::View::Plan) draw_plan(*this, main_size);
        else draw_ladder(*this, main_size);
        if (!view.selected.empty()) {
            if (side_pane) ImGui::SameLine(0, 0);
            draw_detail(*this, ImVec2(kDetailWidth, avail.y));
        }
        // Embedding pages size their iframe to the whole content (loader.js posts it).
        float wanted = std::ceil(above + content_height);
        if (std::fabs(wanted - reported_height) >= 1.0f) {
            reported_height = wanted;
            platform::set_content_height(wanted);
        }
    }
    ImGui::End();
    targets.resize(declared);
}

std::string App::state_json() const {
    using Json = nlohmann::ordered_json;
    Json j;
    j["loaded"] = loaded;
    if (!loaded) return j.dump();
    Json framework;
    framework["id"] = fw.id;
    framework["name"] = fw.name;
    framework["version"] = fw.version;
    framework["notice"] = fw.notice;
    framework["cumulative"] = fw.cumulative;
    Json levels = Json::array(), dims = Json::array(), sections = Json::array(), components = Json::array();
    for (const cm::Level& l : fw.levels) levels.push_back({{"id", l.id}, {"name", l.name}, {"published", l.published}});
    for (const cm::Area& a : fw.areas) (a.kind == cm::AreaKind::Dimension ? dims : sections).push_back({{"id", a.id}, {"name", a.name}});
    for (const cm::Component& c : fw.components) components.push_back({{"id", c.id}, {"name", c.name}});
    framework["levels"] = levels;
    framework["dimensions"] = dims;
    framework["sections"] = sections;
    framework["components"] = components;
    framework["expectations"] = fw.expectations.size();
    j["framework"] = framework;

    j["view"] = cm::view_name(view.view);
    Json shown_levels = Json::array(), shown_areas = Json::array();
    for (int l : ladder.levels) shown_levels.push_back(fw.levels[size_t(l)].id);
    for (int a : ladder.areas) shown_areas.push_back(fw.areas[size_t(a)].id);
    j["levels"] = shown_levels;  // what the ladder shows now
    j["areas"] = shown_areas;
    j["filters"] = {{"levels", view.levels}, {"areas", view.areas}, {"components", view.components}, {"onlyNew", view.only_new}};
    j["search"] = view.search;
    j["matches"] = ladder.matches;
    j["shownExpectations"] = ladder.shown;
    j["showInherited"] = show_inherited;
    j["compare"] = {{"from", view.compare_from}, {"to", view.compare_to}};
    j["selected"] = view.selected;
    j["focused"] = focused_target;
    j["hash"] = cm::format_view_hash(view, fw);
    j["theme"] = dark ? "dark" : "light";
    j["themeChoice"] = theme_choice == ThemeChoice::Dark ? "dark" : theme_choice == ThemeChoice::Light ? "light" : "system";
    j["pixelRatio"] = theme::built_pixel_ratio();
    j["contentHeight"] = reported_height;
    j["scrollY"] = scroll_y;
    j["notices"] = notices;
    Json plan_state;
    plan_state["count"] = plans.doc.plans.size();
    plan_state["revision"] = plans.doc.revision;
    plan_state["dirty"] = plans.dirty;
    plan_state["readOnly"] = plans.read_only;
    Json messages = Json::array();
    for (const StorageMessage& m : plans.messages) messages.push_back({{"id", m.id}, {"text", m.text}});
    plan_state["messages"] = messages;
    if (const cm::Plan* p = const_cast<App*>(this)->active_plan()) {
        Json items = Json::array();
        for (const cm::PlanItem& item : p->items) items.push_back({{"expectation", item.expectation}, {"status", cm::status_id(item.status)}});
        plan_state["active"] = {{"id", p->id}, {"name", p->name}, {"current", p->current_level}, {"target", p->target_level}, {"items", items}};
    }
    j["plans"] = plan_state;
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ui
