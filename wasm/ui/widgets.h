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

// Moves to a new line when a widget of width `w` would not fit on this one
// (before `right`, in screen coordinates; by default the window's content edge).
void wrap_before(float w, float right = -1);

// A toggle pill (filters). Returns true when clicked.
bool chip(App& app, const std::string& target, const char* label, bool selected, const char* tooltip = nullptr);

// A row of mutually exclusive tabs; returns the index clicked, or -1.
int segmented(App& app, const char* id, const std::vector<std::string>& labels, const std::vector<std::string>& targets, int active);

// Text that opens `url` in a new tab.
bool link(App& app, const std::string& target, const char* label, std::string_view url);

// A plain button in the app's style; `primary` fills it with the accent color.
bool button(App& app, const std::string& target, const char* label, bool primary = false);

// A small colored label ("New", "Grows"); draws at the cursor on the current line.
void badge(const char* text, ImU32 bg, ImU32 fg);

void muted_label(const char* text);           // small, muted, aligned to frame padding
void section_heading(const char* text);       // Heading font

// The keyboard-focus ring around the last item (InvisibleButton draws none itself).
void focus_ring(float rounding);

// A combo of the published levels; `none_label` (when not null) also offers "no level" (an empty id).
bool level_combo(App& app, const std::string& target, std::string* level_id, const char* placeholder, const char* none_label = nullptr,
                 float width = 180);

// A text field that edits `value` (at most `max_bytes`). On touch devices a tap
// opens the platform's native editor instead (the system keyboard, autocorrect
// and IME work there; see README, "Text input"). Returns true when it changed.
bool text_field(App& app, const std::string& target, const char* label, std::string* value, size_t max_bytes, bool multiline,
                float width, float height = 0, const char* hint = nullptr);

// Toggles `id` in a selection list (an empty list means "everything").
void toggle(std::vector<std::string>* selected, const std::string& id);

}  // namespace ui
