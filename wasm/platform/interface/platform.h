// Career Matrix platform layer: everything the views may ask of their host.
// Two backends implement it: platform_web.cpp (the browser, through Emscripten)
// and platform_headless.cpp (native UI tests). Nothing else includes Emscripten.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cm {
struct KeyValueStore;
}

namespace platform {

// Frames are drawn only when something asks for them (input, resize, an
// animation, the text caret); otherwise the page sleeps.
void request_frames(int count = 2);
void request_frame_after(double ms);  // e.g. when a hover delay or an autosave delay ends
double now_ms();         // a monotonic clock, for timers
int64_t wall_clock_ms(); // Unix time, for what is saved (plan dates, backups)

// The browser clipboard. Reading is asynchronous in browsers, so pasted text
// reaches ImGui through its clipboard callback once the paste event delivered it.
void set_clipboard_text(std::string_view text);

// The URL fragment holds the view (deep links). Never personal data.
std::string url_hash();
void set_url_hash(std::string_view hash, bool new_history_entry);
void open_url(std::string_view url);  // in a new tab; relative URLs resolve against the page

// Files: a download, and a file picker whose result arrives through App::on_file_opened.
void download_file(std::string_view name, std::string_view mime, std::string_view contents);
void open_file_picker(std::string_view accept);
// Prints an HTML document (its body; no scripts, no styles of its own: the page's print rules apply).
void print_html(std::string_view html);

// Browser storage (localStorage), as the core's key-value interface.
cm::KeyValueStore& local_storage();

// Host page: the app's preferred height (embedding iframes follow it), the
// first-frame signal behind careerMatrix.ready, and fatal errors shown as HTML.
void set_content_height(float css_px);
void notify_first_frame();
void show_fatal_error(std::string_view title, std::string_view details);
void release_focus();  // hands keyboard focus back to the page (Esc)
// The views' semantic tree, sent when it changed: the web platform mirrors it
// into DOM elements over the canvas for assistive technology. `tree_json`
// (ui::semantics_json) is empty when only places changed; `geometry`
// (ui::semantics_geometry) always holds every node's place.
void publish_semantics(std::string_view tree_json, const std::vector<float>& geometry);

// Whether the browser keeps this site's storage even under pressure or after
// weeks without a visit. query_ answers without asking the reader; request_ asks
// (navigator.storage.persist(): the browser may prompt, so only on a reader's
// first save, never on load). Both answer through App::on_storage_persistence.
void query_storage_persistence();
void request_persistent_storage();

// Text fields are edited by the platform, not by ImGui: on the web a real input
// element over the field's box (publish_semantics places it), so input methods,
// spellcheck, dictation, autocorrect and screen readers' editing commands work.
// What the reader types arrives through App::on_text_input.

}  // namespace platform
