#include "platform_headless.h"

#include "platform.h"
#include "theme.h"

#include <cfloat>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace headless {

static void abort_with(const std::string& message) {
    std::fprintf(stderr, "headless: %s\n", message.c_str());
    std::abort();
}
void (*report_failure)(const std::string& message) = abort_with;

Host& host() {
    static Host h;
    return h;
}

bool read_file(const std::string& path, std::string* out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream ss;
    ss << f.rdbuf();
    *out = ss.str();
    return true;
}

static std::vector<unsigned char> font_file(const char* path) {
    std::string s;
    if (!read_file(path, &s)) return {};
    return std::vector<unsigned char>(s.begin(), s.end());
}

Runner::Runner(ui::App& a, ImVec2 sz, float ratio) : app(a), size(sz), pixel_ratio(ratio) {
    host() = Host();
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.SetClipboardTextFn = [](void*, const char* text) { platform::set_clipboard_text(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return host().clipboard.c_str(); };
    // The same Inter faces the bundle ships (Debian's fonts-inter, which tools/setup installs).
    // Whole faces: the later glyphs come from the same files at once.
    if (!theme::has_font_files()) {
        const char* regular = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";
        const char* semibold = "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf";
        theme::set_font_files(font_file(regular), font_file(semibold));
        theme::add_later_font_files(font_file(regular), font_file(semibold));
    }
    app.on_system_theme(false);  // light, as a browser without a preference
    // A new ImGui context has an empty atlas, whatever the theme built for the last one.
    if (!theme::build_fonts(pixel_ratio)) {
        std::fprintf(stderr, "the headless platform needs Debian's fonts-inter (/usr/share/fonts/opentype/inter/): run tools/setup\n");
        std::abort();
    }
    io.AddFocusEvent(true);
}

Runner::~Runner() { ImGui::DestroyContext(ctx_); }

void Runner::frame(float dt) {
    ImGuiIO& io = ImGui::GetIO();
    app.begin_frame(pixel_ratio);  // rebuilds the atlas when the ratio changed; no GPU upload here
    io.DisplaySize = size;
    io.DisplayFramebufferScale = ImVec2(pixel_ratio, pixel_ratio);
    io.DeltaTime = dt;
    host().now += double(dt) * 1000.0;
    ImGui::NewFrame();
    app.frame(size);
    ImGui::Render();
    app.end_frame();
}

void Runner::resize(ImVec2 s, float ratio) {
    size = s;
    pixel_ratio = ratio;
}

void Runner::move(ImVec2 pos) {
    ImGui::GetIO().AddMousePosEvent(pos.x, pos.y);
    frame();
}

void Runner::click(ImVec2 pos, int button) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(pos.x, pos.y);
    frame();
    io.AddMouseButtonEvent(button, true);
    frame();
    io.AddMouseButtonEvent(button, false);
    frame();
    frame();
}

void Runner::wheel(float dy) {
    ImGui::GetIO().AddMouseWheelEvent(0, dy);
    frames(2);
}

// The focused text field, if a text field has the app's focus: the editor a
// browser would give it (platform.h) is simulated here, with the caret at the end.
const ui::Target* Runner::focused_field() const {
    for (const ui::Target& t : app.targets)
        if (t.name == app.focused_target && t.what.role == ui::Role::TextBox) return &t;
    return nullptr;
}

void Runner::edit_field(const ui::Target& field, std::string text) {
    app.on_text_input(field.name, text);
    select_all_ = false;
    frames(2);
}

void Runner::key(ImGuiKey k, ImGuiKeyChord mods) {
    ImGuiIO& io = ImGui::GetIO();
    if (const ui::Target* field = focused_field()) {
        std::string text = select_all_ ? std::string() : field->what.value;
        if (k == ImGuiKey_A && (mods & ImGuiMod_Ctrl)) {
            select_all_ = true;
            return;
        }
        if (k == ImGuiKey_Backspace) {
            if (!select_all_)
                while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
            if (!text.empty()) text.pop_back();
            return edit_field(*field, text);
        }
        if (k == ImGuiKey_Enter && (field->what.state & ui::state::Multiline)) return edit_field(*field, text + "\n");
        if (k == ImGuiKey_End || k == ImGuiKey_Home || k == ImGuiKey_Enter) return;
        // Other keys (Esc, Tab) go to the app.
    }
    auto set_mods = [&](bool down) {
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, down);
        if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, down);
        if (mods & ImGuiMod_Alt) io.AddKeyEvent(ImGuiMod_Alt, down);
    };
    set_mods(true);
    io.AddKeyEvent(k, true);
    frame();
    io.AddKeyEvent(k, false);
    set_mods(false);
    frames(2);
}

void Runner::type(const char* utf8) {
    if (const ui::Target* field = focused_field()) return edit_field(*field, (select_all_ ? std::string() : field->what.value) + utf8);
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frames(2);
}

void Runner::paste(const std::string& text) {
    host().clipboard = text;
    if (focused_field()) return type(text.c_str());
    key(ImGuiKey_V, ImGuiMod_Ctrl);
}

void Runner::blur() {
    ImGui::GetIO().AddFocusEvent(false);
    frames(2);
}

static const ui::Target* find_target(const ui::App& app, const std::string& name) {
    for (const ui::Target& t : app.targets)
        if (t.name == name) return &t;
    return nullptr;
}

bool Runner::has_target(const std::string& name) const {
    const ui::Target* t = find_target(app, name);
    return t && t->visible;
}

ui::Rect Runner::target(const std::string& name) const {
    for (const ui::Target& t : app.targets)
        if (t.name == name) return t.rect;
    report_failure("no target named \"" + name + "\" in the last frame");
    return {};
}

void Runner::click_target(const std::string& name) {
    if (!find_target(app, name)) {
        report_failure("no target named \"" + name + "\" to click in the last frame");
        return;  // no click at all, rather than one at (0,0)
    }
    for (int i = 0; i < 200; i++) {
        const ui::Target* t = find_target(app, name);
        if (!t) break;
        float cy = t->rect.center().y;
        if (t->visible && cy > 0 && cy < size.y - 4) break;
        move(ImVec2(size.x * 0.5f, size.y * 0.75f));
        wheel(cy > size.y * 0.5f ? -0.5f : 0.5f);
    }
    click(target(name).center());
}

}  // namespace headless

//-----------------------------------------------------------------------------
// platform.h, recorded into host()
//-----------------------------------------------------------------------------

namespace platform {

using headless::host;

void request_frames(int) { host().frames_requested++; }
void request_frame_after(double) { host().frames_requested++; }
double now_ms() { return host().now; }
int64_t wall_clock_ms() { return host().wall_clock_ms + int64_t(host().now); }
void set_clipboard_text(std::string_view text) { host().clipboard = std::string(text); }
std::string url_hash() { return host().url_hash; }
void set_url_hash(std::string_view hash, bool push) {
    host().url_hash = std::string(hash);
    if (push) host().history.push_back(host().url_hash);
}
void open_url(std::string_view url) { host().opened_urls.emplace_back(url); }
void download_file(std::string_view name, std::string_view mime, std::string_view contents) {
    host().downloads.push_back({std::string(name), std::string(mime), std::string(contents)});
}
void open_file_picker(std::string_view accept) { host().picker_accept = std::string(accept); }
void print_html(std::string_view html) { host().printed = std::string(html); }
cm::KeyValueStore& local_storage() { return host().storage; }
void set_content_height(float css_px) { host().content_height = css_px; }
void notify_first_frame() { host().first_frame = true; }
void show_fatal_error(std::string_view title, std::string_view details) {
    host().fatal_title = std::string(title);
    host().fatal_details = std::string(details);
}
void release_focus() { host().focus_released++; }
void publish_semantics(std::string_view tree, const std::vector<float>& geometry) {
    if (!tree.empty()) {
        host().semantics = std::string(tree);
        host().semantics_trees++;
    }
    host().semantics_geometry = geometry;
    host().semantics_published++;
}
void query_storage_persistence() { host().persistence_queries++; }
void request_persistent_storage() { host().persistence_requests++; }
}  // namespace platform
