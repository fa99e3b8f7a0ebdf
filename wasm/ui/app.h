// Career Matrix views: the application and its state.
// One App holds everything a frame needs: the loaded framework, the view state
// (mirrored in the URL fragment), the query results and layouts cached between
// frames. The platform backend feeds it events and calls frame(); the views
// (ladder_view.cpp, compare_view.cpp, detail_view.cpp) draw parts of it.
#pragma once
#include "framework.h"
#include "search.h"
#include "text_block.h"
#include "view_state.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ui {

// Reader preferences (only the theme for now), apart from the plans.
inline constexpr const char* kSettingsKey = "career-matrix:settings";

// Where every expectation sits in the ladder, laid out for one width. Rebuilt
// when the content, the width or the fonts change; drawing only visits the
// blocks that intersect the visible part.
struct LadderLayout {
    struct Entry {
        int expectation = -1;
        size_t cell = 0, entry = 0;  // index into LadderContent::cells / Cell::entries
        ImVec2 pos, size;            // relative to the content origin
        TextBlock text;
    };
    struct Block {  // a level header or a row of cells, stacked vertically
        enum Kind { LevelHeader, CellRow } kind = LevelHeader;
        size_t level_row = 0;
        float y = 0, height = 0;
        std::vector<size_t> cells;    // CellRow: cells in this row
        std::vector<float> cell_x;    // CellRow: their x
        float cell_width = 0;         // CellRow: the column width
        size_t first_entry = 0, entry_count = 0;
        TextBlock scope;              // LevelHeader: the scope paragraph
    };
    std::vector<Block> blocks;
    std::vector<Entry> entries;
    float width = -1, height = 0, pixel_ratio = 0;
    bool valid = false;
};

// Paragraph layouts kept between frames, keyed by the text's address (framework
// strings do not move while the framework is loaded), font and width.
class TextCache {
public:
    const TextBlock& get(const ImFont* font, const std::string& text, float width);
    void clear() { blocks_.clear(); }

private:
    struct Key {
        const void* text;
        const void* font;
        int width;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        size_t operator()(const Key& k) const { return std::hash<const void*>()(k.text) ^ (std::hash<const void*>()(k.font) << 1) ^ size_t(k.width) * 31; }
    };
    std::unordered_map<Key, TextBlock, KeyHash> blocks_;
};

// The comparison the compare view shows, kept until the compared levels change.
struct CompareCache {
    int from = -1, to = -1;
    std::vector<cm::AreaComparison> areas;
};

// A named thing the reader can click, where it was drawn in the last frame.
// Tests find widgets by these names; careerMatrix.targets() lists them.
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    ImVec2 center() const { return ImVec2(x + w * 0.5f, y + h * 0.5f); }
};
struct Target {
    std::string name;  // "chip:level:senior", "expectation:senior.autonomy.2", "tab:compare", ...
    Rect rect;
};

struct App {
    // Framework
    cm::Framework fw;
    bool loaded = false;
    std::string data_name;

    // View state and what it resolves to
    cm::ViewState view;
    cm::LadderContent ladder;
    bool ladder_dirty = true;
    LadderLayout layout;
    TextCache text_cache;
    float text_cache_ratio = 0;  // the pixel ratio the cached layouts were made for
    CompareCache comparison;
    std::vector<std::string> expanded_unchanged;  // compare view: areas whose unchanged items are shown
    char search_buf[256] = {};
    bool focus_search = false;
    bool show_inherited = false;
    bool scroll_to_selected = false;
    int level_anchor = -1;  // last level chip clicked, for Shift+click ranges

    // Window and host
    ImVec2 display{0, 0};
    float content_height = 0;   // height of the active view's content, set while drawing it
    float scroll_y = 0;         // the active view's scroll position, set while drawing it
    float reported_height = 0;  // last height sent to the host page
    bool dark = false;
    bool system_dark = false;   // what prefers-color-scheme says
    bool theme_applied = false;
    enum class ThemeChoice : uint8_t { System, Light, Dark } theme_choice = ThemeChoice::System;
    bool first_frame_sent = false;
    std::vector<std::string> notices;  // shown in a dismissible bar (bad link parameters...)
    std::vector<Target> targets;       // rebuilt every frame
    std::string focused_target;        // the target with keyboard focus in the last frame

    bool load_framework(std::string_view text, std::string_view file_name);
    void frame(ImVec2 display_size);
    std::string state_json() const;
    std::string targets_json() const;

    // Changes to the view state go through here: the URL follows, caches are invalidated.
    void set_view(const cm::ViewState& next, bool new_history_entry);
    void on_url_hash(std::string_view hash);
    void select(const std::string& expectation_id);  // "" closes the detail pane
    void toggle_inherited();
    void refresh_ladder();
    void set_theme(ThemeChoice choice);  // remembered in storage (kSettingsKey)
    void on_system_theme(bool dark_preferred);
    void load_settings();

    // Records the last ImGui item under `name` (only if it is visible).
    void add_target(std::string name);
};

// Views, one file each.
void draw_ladder_filters(App& app);
void draw_ladder(App& app, ImVec2 size);
void draw_level_chips(App& app, cm::ViewState* next);
void draw_area_chips(App& app, cm::ViewState* next);
void draw_compare(App& app, ImVec2 size);
void draw_detail(App& app, ImVec2 size);  // the selected expectation

}  // namespace ui
