// Career Matrix views: what each drawn thing is, for assistive technology.
// A canvas is one opaque picture to a screen reader, so every control and piece
// of content a view draws is also declared, where it is drawn, with a role, an
// accessible name and a state (App::add_target, add_content, begin_group). The
// platform mirrors the declared tree into real DOM elements over the canvas
// (platform.h: publish_semantics); tests read it too (careerMatrix.targets()).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ui {

enum class Role : uint8_t {
    Button, Link, Checkbox, Tab, TabList, TextBox, ComboBox, ListBox, Option, Radio, RadioGroup,
    Heading, Text, List, ListItem, Group, Region, Dialog, Status, Alert,
};
const char* role_name(Role role);  // "button", "link", ...: the names the DOM layer maps

// States, said by the DOM layer as ARIA states.
namespace state {
enum : uint16_t {
    Pressed = 1 << 0,    // toggle buttons (filter chips)
    Checked = 1 << 1,    // checkboxes, radios
    Selected = 1 << 2,   // tabs, options
    Expanded = 1 << 3,   // disclosure buttons, combos: open
    Collapsed = 1 << 4,  // disclosure buttons, combos: closed (neither flag: not a disclosure)
    Disabled = 1 << 5,
    Multiline = 1 << 6,  // text boxes
    Modal = 1 << 7,      // dialogs
    Toggle = 1 << 8,     // a toggle button: Pressed says whether it is on
};
}

// What a view says a node is, as it declares it: borrowed words, copied into
// the node (Target::what) by App::add_target and friends, so a declaration
// allocates nothing of its own.
struct Semantics {
    Role role = Role::Button;
    std::string_view label;        // the accessible name; for text and headings, the text itself
    uint16_t state = 0;
    std::string_view value;        // text boxes: the text; combos: the shown choice
    std::string_view url;          // links
    std::string_view description;  // said after the name: "new at Staff", "2 of 6 done"
    uint8_t level = 0;             // headings: 1 to 4
    // Words kept by the view between frames (LadderLayout::Node) carry an id of
    // their own (App::new_words_id): the same id means the same name and words, so
    // they are neither copied nor compared again. 0: compare them.
    uint64_t words_id = 0;
};

// The same, kept: a node's own copy, reused from frame to frame (assign keeps
// the strings' storage).
struct StoredSemantics {
    Role role = Role::Button;
    std::string label;
    uint16_t state = 0;
    std::string value, url, description;
    uint8_t level = 0;
    uint64_t words_id = 0;
    void assign(const Semantics& s) {
        role = s.role, state = s.state, level = s.level;
        if (s.words_id && s.words_id == words_id) return;
        words_id = s.words_id;
        label.assign(s.label), value.assign(s.value), url.assign(s.url), description.assign(s.description);
    }
    Semantics view() const { return {role, label, state, value, url, description, level, words_id}; }
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    ImVec2 center() const { return ImVec2(x + w * 0.5f, y + h * 0.5f); }
    bool operator==(const Rect&) const = default;
};

// One node of the tree, in reading order: a control (a named target tests can
// click), a piece of content, or a group holding the nodes declared inside it.
struct Target {
    std::string name;     // "chip:level:senior", "expectation:senior.autonomy.2", "tab:compare", ...
    Rect rect;
    Rect clip;            // the part of `rect` its window shows (empty when scrolled away)
    bool visible = true;  // false: submitted but scrolled out of view (a reader would scroll to it)
    bool popup = false;   // drawn in a popup, a dialog or a combo's list, over the view
    StoredSemantics what;
    int parent = -1;      // index of the group it is in
    ImGuiID id = 0;       // the ImGui item; 0 for content, groups, and controls declared without being drawn
};

// What the tree says of a node, apart from where it is: a scroll moves every
// node but changes none of this, and is sent as geometry alone.
bool same_meaning(const Target& a, const Target& b);

// Every node, serialized for the DOM layer (sent only when its text changed),
// with the theme and the control that has the app's keyboard focus. Places are
// not in it: see semantics_geometry. Written by hand: it runs on every frame
// that changes what the tree says.
// `announcements`: words for the live regions, (text, assertive), sent once.
std::string semantics_json(const std::vector<Target>& nodes, bool dark, std::string_view focused,
                           const std::vector<std::pair<std::string, bool>>& announcements = {});

// Where every node is, in the order of semantics_json: kGeometryFloats floats per
// node (rect x, y, w, h, then its clip x, y, w, h), whole CSS pixels. The DOM
// layer reads them straight from the wasm heap, so moving nodes costs no text.
constexpr size_t kGeometryFloats = 8;
void semantics_geometry(const std::vector<Target>& nodes, std::vector<float>* out);

// The label ImGui draws for `label`: without its "##id" suffix.
std::string_view visible_label(std::string_view label);

}  // namespace ui
