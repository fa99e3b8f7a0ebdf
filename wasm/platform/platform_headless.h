// Career Matrix platform layer: a headless host for native UI tests and benchmarks.
// It runs real ImGui frames of an App with no window and no GPU (the ImPlot CI
// way), records what the app asked of its host (URL, clipboard, downloads,
// storage), and injects mouse and keyboard input.
#pragma once
#include "app.h"
#include "key_value_store.h"

#include <string>
#include <vector>

namespace headless {

struct Download {
    std::string name, mime, contents;
};

// Everything the app asked of the host, for tests to inspect or preset.
struct Host {
    cm::MemoryStore storage;
    std::string clipboard;
    std::string semantics;    // the last tree published (platform::publish_semantics)
    std::vector<float> semantics_geometry;  // and where its nodes are
    int semantics_published = 0;        // times anything was sent
    int semantics_trees = 0;            // of those, times the tree itself was (not only places)
    std::string url_hash;
    std::vector<std::string> history;  // hashes pushed as new history entries
    std::vector<Download> downloads;
    std::vector<std::string> opened_urls;
    std::string picker_accept;         // last file picker request
    std::string printed;               // last document sent to the printer
    std::string fatal_title, fatal_details;
    bool first_frame = false;
    int focus_released = 0;
    int persistence_queries = 0, persistence_requests = 0;  // answers: App::on_storage_persistence
    int frames_requested = 0;
    float content_height = 0;
    double now = 0;                    // the clock, advanced by Runner::frame
    int64_t wall_clock_ms = 1795000000000;  // Unix time at now == 0 (2026-11-18)
};
Host& host();

// Called when a test asks for something the last frame did not draw (a renamed or
// missing control). The default prints and aborts, in every build type: a click
// that silently landed at (0,0) would let the test pass without testing.
// GoogleTest suites replace it with a test failure (tests/ui/headless_runner_test.cpp).
extern void (*report_failure)(const std::string& message);

// Owns an ImGui context and drives an App through frames.
class Runner {
public:
    explicit Runner(ui::App& app, ImVec2 size = ImVec2(1200, 800), float pixel_ratio = 1.0f);
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    void frame(float dt = 1.0f / 60.0f);
    void frames(int n) { for (int i = 0; i < n; i++) frame(); }
    void resize(ImVec2 size, float pixel_ratio = 1.0f);

    void move(ImVec2 pos);
    void click(ImVec2 pos, int button = 0);  // press and release over two frames each
    void wheel(float dy);
    // Keys and text go to the focused text field's editor when a field has focus
    // (simulated: the caret at the end; Ctrl+A, Backspace, Enter in multi-line
    // fields), otherwise to the app.
    void key(ImGuiKey key, ImGuiKeyChord mods = 0);  // press and release
    void type(const char* utf8);
    void paste(const std::string& text);  // the browser's paste event
    void blur();                          // the tab loses focus

    // The rect of a named target in the last frame (see App::targets); report_failure() when there is none.
    ui::Rect target(const std::string& name) const;
    bool has_target(const std::string& name) const;  // submitted and visible
    // Scrolls it into view with the wheel, as a reader would, then clicks it.
    void click_target(const std::string& name);

    ui::App& app;
    ImVec2 size;
    float pixel_ratio;

private:
    const ui::Target* focused_field() const;
    void edit_field(const ui::Target& field, std::string text);
    ImGuiContext* ctx_;
    bool select_all_ = false;
};

// Loads a file into a string (tests use it for data and fonts).
bool read_file(const std::string& path, std::string* out);

}  // namespace headless
