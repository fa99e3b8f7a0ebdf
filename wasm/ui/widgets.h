// Career Matrix views: the small widgets every view shares, in the app's look.
// Each interactive widget records a named target (App::add_target) so tests
// and embedding pages can find it.
#pragma once
#include "app.h"
#include "theme.h"

#include <string>
#include <string_view>
#include <vector>

namespace ui {

ImVec4 color4(ImU32 c);

// A row of controls laid out left to right that starts a new line when the next
// control would pass the right edge. Every row of controls in every view goes
// through one, so no control is drawn outside the canvas at any width.
inline constexpr float kViewMargin = 16.0f;  // every view's space at its left and right edges

class Flow {
public:
    explicit Flow(float right_x = -1);  // the edge, in screen x (default: the window's content edge less kViewMargin)
    // Before each control, or each group of controls kept together, of width `w`.
    void next(float w);
    // The width left from the cursor to the edge (for a field that takes the rest of a line).
    float room() const;
    // The widest control a line holds: use it to clamp fields and combos.
    float line_width() const { return right_ - start_x_; }
    // Ends the line: the next control starts a new one (ImGui's cursor is on a new line after each control).
    void break_line() { first_ = true; }

private:
    float right_, start_x_;
    bool first_ = true;
};

float button_width(const char* label);  // what button() takes
// `text` cut at a character boundary with an ellipsis so that it fits `max_w` in the current font.
std::string fit_text(std::string_view text, float max_w);

// On narrow screens a view's filter chips fold into one button that says what is
// active ("Filters: Senior, Staff · Autonomy"); `open` is the view's own flag.
// Returns true when the chips are to be drawn (wide screens, or unfolded).
bool filter_fold(App& app, Flow& flow, const std::string& target, const std::string& summary, bool* open);
inline constexpr float kFoldFilters = 720.0f;  // lines narrower than this fold the filters
float chip_width(const char* label);    // what chip() takes

// A toggle pill (filters), placed by `flow`. Returns true when clicked.
bool chip(App& app, Flow& flow, const std::string& target, const char* label, bool selected, const char* tooltip = nullptr);

// Mutually exclusive choices, placed by `flow` (so they wrap); returns the index clicked, or -1.
// `role`: Role::Tab (a tab list) or Role::Radio (a radio group), named `name`.
int segmented(App& app, Flow& flow, const char* id, const char* name, Role role, const std::vector<std::string>& labels,
              const std::vector<std::string>& targets, int active);

// Text that opens `url` in a new tab; a label wider than `max_width` is cut there.
bool link(App& app, const std::string& target, const char* label, std::string_view url, float max_width = 1e9f);

// A plain button in the app's style; `primary` fills it with the accent color.
bool button(App& app, const std::string& target, const char* label, bool primary = false);
bool button(App& app, Flow& flow, const std::string& target, const char* label, bool primary = false);  // placed by `flow`

// A small colored label ("New", "Grows"); draws at the cursor on the current line.
void badge(const char* text, ImU32 bg, ImU32 fg);

void muted_label(const char* text);           // small, muted, aligned to frame padding
void muted_label(Flow& flow, const char* text);  // placed by `flow`
// Body text aligned to frame padding ("I am at"), placed by `flow` together with
// the control of width `keep_with` that follows it on the same line.
void label(Flow& flow, const char* text, float keep_with = 0);
void section_heading(App& app, const char* text, int level = 2);  // Heading font; a heading to assistive technology
// Wrapped text at the cursor (in `font`, when given), declared as a paragraph.
void paragraph(App& app, const std::string& text, ImU32 color, const ImFont* font = nullptr, std::string name = {});

// The keyboard-focus ring around the last item (InvisibleButton draws none itself).
void focus_ring(float rounding);

// Before BeginPopupModal: centres the dialog on the canvas every frame (so it
// follows a resize) and narrows it to fit. Returns the width its text wraps at.
float place_dialog(const App& app, float wanted_width);

// A combo of the published levels; `none_label` (when not null) also offers "no level" (an empty id).
// Placed by `flow`, narrowed to fit the line; `name` is its accessible name ("I am at").
bool level_combo(App& app, Flow& flow, const std::string& target, const char* name, std::string* level_id, const char* placeholder,
                 const char* none_label = nullptr, float width = 180);

// A text field that edits `value` (at most `max_bytes`). The platform's editor
// holds the text while it is edited (platform.h: a real input element on the
// web); the field draws its box and takes what was typed. Returns true when it changed.
bool text_field(App& app, const std::string& target, const char* label, std::string* value, size_t max_bytes, bool multiline,
                float width, float height = 0, const char* hint = nullptr);

// Toggles `id` in a selection list (an empty list means "everything").
void toggle(std::vector<std::string>* selected, const std::string& id);

}  // namespace ui
