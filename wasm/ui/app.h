// Career Matrix views: the application and its state.
// One App holds everything a frame needs: the loaded framework, the view state
// (mirrored in the URL fragment), the query results and layouts cached between
// frames. The platform backend feeds it events and calls frame(); the views
// (ladder_view.cpp, compare_view.cpp, detail_view.cpp) draw parts of it.
#pragma once
#include "framework.h"
#include "plan.h"
#include "plan_storage.h"
#include "search.h"
#include "semantics.h"
#include "text_block.h"
#include "view_state.h"

#include <imgui.h>

#include <optional>
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
    // A node of the semantic tree, named and described once per layout rather
    // than every frame: the ladder declares hundreds of them each frame.
    struct Node {
        std::string name;
        StoredSemantics what;
    };
    struct Entry {
        int expectation = -1;
        size_t cell = 0, entry = 0;  // index into LadderContent::cells / Cell::entries
        ImVec2 pos, size;            // relative to the content origin
        TextBlock text;
        Node item, button;           // its list item, and the toggle that opens its details (state set when drawn)
    };
    struct Block {  // a level header or a row of cells, stacked vertically
        enum Kind { LevelHeader, CellRow } kind = LevelHeader;
        size_t level_row = 0;
        float y = 0, height = 0;
        std::vector<size_t> cells;    // CellRow: cells in this row
        std::vector<float> cell_x;    // CellRow: their x
        float cell_width = 0;         // CellRow: the column width
        size_t first_entry = 0, entry_count = 0;
        std::vector<TextBlock> cell_scope;  // CellRow: each cell's section scope (empty when none)
        // CellRow: each cell's title, section scope and list; LevelHeader: the heading,
        // the scope, then each link.
        std::vector<Node> nodes;
        TextBlock scope;              // LevelHeader: the scope paragraph
        std::vector<ImVec2> links;    // LevelHeader: where each link goes (its page, then the scope's links)
        float links_y = 0;            // LevelHeader: top of the links, from the block's top
    };
    std::vector<Block> blocks;
    std::vector<Entry> entries;
    float width = -1, height = 0;
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

// Something the reader must know about their plans' storage, shown as a bar
// in the plan view (and counted in the state API). Actions are offered by kind.
struct StorageMessage {
    enum class Kind : uint8_t { Info, Warning, Error } kind = Kind::Info;
    std::string id;    // one message per id: a newer one replaces it ("load", "save", "conflict", "import", "deleted", ...)
    std::string text;
    std::string download_name, download_contents;  // "Download it" when set (the unreadable data, verbatim)
    std::string backup_key;                        // "Delete the backup" when set
    bool offer_export = false;                     // "Download JSON" / "Copy Markdown" of the active plan
    bool conflict = false;                         // "Load the other tab's version" / "Keep this version"
    enum class Undo : uint8_t { None, DeletedPlan, RemovedItem } undo = Undo::None;  // "Undo"
};

// The growth plans: the stored document and its autosave. Plans are the
// reader's documents, so nothing here drops data on a failure: the document
// stays in memory and the reader is told what happened and what to do.
// What the browser says of keeping this site's storage (platform.h).
enum class Persistence : uint8_t { Unknown, Unsupported, Persistent, BestEffort };

struct PlanSession {
    // The tab's one store, for the tab's life: it carries a migration that could
    // not be stored on load over to the next save (cm::PlanStore).
    std::optional<cm::PlanStore> store;
    cm::PlanDocument doc;
    bool opened = false;
    bool read_only = false;    // this tab must not write (storage unavailable, or a value could not be moved aside)
    bool dirty = false;        // edits not yet saved
    double edited_at = 0;      // platform::now_ms() of the last edit
    int64_t saved_wall_ms = 0; // when the last save succeeded (shown to the reader)
    Persistence persistence = Persistence::Unknown;
    bool persistence_requested = false;  // asked once, on the first save of a plan
    std::vector<StorageMessage> messages;
    struct Deleted {
        cm::Plan plan;
        size_t index = 0;
    };
    std::optional<Deleted> last_deleted;  // for "Undo"
    struct Removed {
        std::string plan;  // the plan's id
        cm::PlanItem item;
        size_t index = 0;
    };
    std::optional<Removed> last_removed;  // for "Undo"
    std::vector<cm::Plan> pending_import; // plans waiting for "Replace / Import as a copy"
    std::string expanded_item;            // expectation id whose details are open
    // How the plan view shows the items (for this tab, not stored).
    enum class Show : uint8_t { All, NotStarted, InProgress, Done } show = Show::All;
    cm::PlanOrder order = cm::PlanOrder::Handbook;
    std::vector<std::string> folded_groups;  // PlanGroup keys
    std::string focus_item;                  // an item row to move keyboard focus to in the next frame
    std::string add_search;               // the "Add expectations" filter
    // Drafts of typed values, validated before they reach a plan.
    std::string start_current, start_target;       // the "create a plan" form
    std::string date_draft, date_draft_for;        // target date, and the item it belongs to
    std::string evidence_title, evidence_url;      // the link being added

    cm::PlanStore& storage();             // the store, made on first use
    void say(StorageMessage m);           // replaces a message with the same id, and announces it
    // Words for screen readers' live regions, sent with the next tree: (text, assertive).
    std::vector<std::pair<std::string, bool>> announcements;
    void forget(const std::string& id);
};

struct App {
    // Framework
    cm::Framework fw;
    bool loaded = false;

    // View state and what it resolves to
    cm::ViewState view;
    cm::LadderContent ladder;
    bool ladder_dirty = true;
    LadderLayout layout;
    TextCache text_cache;
    CompareCache comparison;
    std::vector<std::string> expanded_unchanged;  // compare view: areas whose unchanged items are shown
    std::string search_text;  // the search field (the view's search follows it)
    bool focus_search = false;
    bool show_inherited = false;
    bool filters_open = false;          // narrow screens: the folded ladder filters are shown
    bool compare_filters_open = false;  // and the compare view's
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
    // The semantic tree (semantics.h), rebuilt every frame in reading order. Tests
    // find controls by their names; careerMatrix.targets() lists them.
    std::vector<Target> targets;
    std::vector<Target> previous_targets;  // the frame before's, while this one is drawn
    size_t declared = 0;                   // nodes of `targets` declared so far this frame (new_target)
    std::vector<int> open_groups;      // begin_group() not yet ended
    std::string focused_target;        // the control with keyboard focus in the last frame
    std::string published_tree;        // the tree last sent to the platform (sent again only when it changes)
    std::string published_focus;       // the focus it said
    bool published_dark = false;       // and the theme
    std::vector<float> published_geometry, geometry;  // where its nodes are (semantics_geometry): last sent, this frame
    // Assistive technology's requests (the DOM layer): applied when the named control is next drawn.
    std::string focus_request, activate_request;
    int focus_request_frames = 0;      // frames the focus request has waited
    std::string focus_landing;         // a focus request applied, until ImGui's focus is there (said as the focus meanwhile)
    int focus_landing_frames = 0;

    // Growth plans (plan_session.cpp; drawn by plan_view.cpp)
    PlanSession plans;
    // What the reader typed into text fields' editors since the last frame, by field (platform.h).
    std::unordered_map<std::string, std::string> text_input;

    bool load_framework(std::string_view text, std::string_view file_name);
    std::string text_version = "framework.html";  // the loaded framework's text page in the bundle (tools/bundle.py)
    // A frame, as every backend drives it: begin_frame() outside the ImGui frame
    // (fonts are rebuilt for a new pixel ratio there, and the layouts made with the
    // old metrics dropped; true when the atlas changed and must be uploaded again),
    // then NewFrame, frame(), Render, end_frame() (tells the host of the first frame).
    bool begin_frame(float pixel_ratio);
    void frame(ImVec2 display_size);
    void end_frame();
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

    // Plans: every change to the document goes through plan_edited(), which schedules the autosave.
    void open_plans();
    cm::Plan* active_plan();
    void plan_edited();
    void save_plans(bool overwrite = false);
    void autosave_if_due();
    void on_page_hidden();                      // flush now: the tab may never come back
    void on_storage_persistence(Persistence p);
    void plan_exported(cm::Plan& plan);         // a download or copy: the export reminder waits again
    void on_storage_changed(std::string_view key);  // another tab wrote
    void load_other_tab_version();
    void new_plan(std::string_view current, std::string_view target);
    void duplicate_plan();
    void delete_plan();
    void undo_delete();
    void toggle_in_plan(int expectation);
    void set_item_status(size_t index, cm::ItemStatus status);  // in the active plan
    void remove_item(size_t index);                             // from the active plan, with "Undo"
    void undo_remove();
    // The compare view's "plan what is new": the expectations new or grown at level `hi`
    // since `lo`, into the active plan or a new one from `lo` to `hi`; shows the plan.
    void plan_what_is_new(int lo, int hi, bool into_active);
    void import_plans(std::string_view name, std::string_view text, bool replace_clashes);
    // The reader's answer for imported plans whose ids are already here (plans.pending_import).
    enum class ImportChoice : uint8_t { Replace, Copy, Cancel };
    void resolve_import(ImportChoice choice);
    void on_file_opened(std::string_view name, std::string_view contents, bool read_ok);
    void on_text_input(std::string_view field, std::string_view text);  // a field's editor holds new text
    void delete_all_data();

    // The semantic tree. add_target: the last ImGui item is a control named `name`.
    // add_content: something drawn with the draw list (text, headings), or not drawn
    // at all (far off screen), at `min`-`max` in screen coordinates. Groups hold
    // what is declared until end_group(); their rect is their children's.
    void add_target(std::string_view name, const Semantics& what);
    void add_content(const Semantics& what, ImVec2 min, ImVec2 max, std::string_view name = {});
    void begin_group(const Semantics& what, std::string_view name = {});
    void end_group();
    Target& new_target();  // the next node, appended to `targets`
    uint64_t new_words_id() { return ++last_words_id; }  // for words a view keeps between frames (Semantics::words_id)
    uint64_t last_words_id = 0;
    void on_a11y_focus(std::string_view name);     // a screen reader or Tab moved the DOM focus
    void on_a11y_activate(std::string_view name);  // click, Enter, Space or a screen reader's default action
};

// Views, one file each.
void draw_ladder_filters(App& app);
void draw_ladder(App& app, ImVec2 size);
void draw_level_chips(App& app, cm::ViewState* next);
void draw_area_chips(App& app, cm::ViewState* next);
std::string filter_summary(const App& app, bool with_levels);  // the active filters in words
void draw_compare(App& app, ImVec2 size);
void draw_detail(App& app, ImVec2 size);  // the selected expectation
void draw_plan(App& app, ImVec2 size);

}  // namespace ui
