// Career Matrix platform layer: the browser, through Emscripten.
// The JS half (web_library.js) listens on the canvas and calls the cm_on_*
// exports below; this half turns them into ImGui input, draws frames with
// WebGL2 only when something asked for one, and implements platform.h.
//
// Drawing: ImGui's draw lists go to web_renderer.js in one call per frame, as
// pointers into the wasm heap; there is no GL code (and no GL emulation) here.
//
// Frames: there is no render loop. Every event asks for a couple of frames
// (ImGui settles layout over two), animations and the text caret ask for more,
// and with nothing to do the page schedules nothing at all.
#include "platform.h"

#include "app.h"
#include "key_value_store.h"
#include "theme.h"

#include <emscripten.h>
#include <emscripten/emmalloc.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>  // HoveredWindow and scroll limits: does the app use this wheel event?

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern "C" {
void cm_js_init(const char* canvas_selector);
int cm_js_gl_init(const char* canvas_selector);
void cm_js_gl_texture(const unsigned char* pixels, int width, int height);
void cm_js_gl_draw(int width, int height, float r, float g, float b, const float* projection, const int* lists, int list_count,
                   const int* commands);
void cm_js_mark(const char* name);
void cm_js_set_cursor(const char* css_cursor);
void cm_js_set_clipboard(const char* text);
char* cm_js_url_hash();
void cm_js_set_url_hash(const char* hash, int push);
void cm_js_open_url(const char* url);
void cm_js_download(const char* name, const char* mime, const char* data, size_t len);
void cm_js_open_file_picker(const char* accept);
void cm_js_print_html(const char* html);
int cm_js_storage_get(const char* key, char** out);
int cm_js_storage_set(const char* key, const char* value);
int cm_js_storage_remove(const char* key);
int cm_js_storage_copy(const char* from, const char* to);
char* cm_js_storage_keys(const char* prefix);
void cm_js_content_height(float h);
void cm_js_first_frame();
void cm_js_fatal_error(const char* title, const char* details);
void cm_js_release_focus();
void cm_js_semantics(const char* json, const float* geometry, size_t nodes);
void cm_js_storage_persistence(int ask);
int cm_js_is_mac();
int cm_js_prefers_dark();
}

namespace {

// Owns a malloc'd string returned by the JS half.
std::string take(char* p) {
    std::string s = p ? p : "";
    free(p);
    return s;
}

struct LocalStorage : cm::KeyValueStore {
    using StoreStatus = cm::StoreStatus;
    static StoreStatus status(int code) {
        switch (code) {
        case 0: return StoreStatus::Ok;
        case 1: return StoreStatus::Missing;
        case 2: return StoreStatus::QuotaExceeded;
        case 3: return StoreStatus::Unavailable;
        default: return StoreStatus::Failed;
        }
    }
    StoreStatus get(const std::string& key, std::string* value) override {
        char* out = nullptr;
        StoreStatus s = status(cm_js_storage_get(key.c_str(), &out));
        if (s == StoreStatus::Ok) *value = take(out);
        return s;
    }
    StoreStatus set(const std::string& key, const std::string& value) override { return status(cm_js_storage_set(key.c_str(), value.c_str())); }
    StoreStatus remove(const std::string& key) override { return status(cm_js_storage_remove(key.c_str())); }
    StoreStatus copy(const std::string& from, const std::string& to) override { return status(cm_js_storage_copy(from.c_str(), to.c_str())); }
    std::vector<std::string> keys(const std::string& prefix) override {
        std::vector<std::string> out;
        std::string all = take(cm_js_storage_keys(prefix.c_str()));
        for (size_t start = 0; start < all.size();) {
            size_t end = all.find('\n', start);
            if (end == std::string::npos) end = all.size();
            if (end > start) out.push_back(all.substr(start, end - start));
            start = end + 1;
        }
        return out;
    }
};

struct FrameStats {
    static constexpr size_t kSize = 1024;
    float app_ms[kSize] = {};    // C++ work of a frame: NewFrame .. Render (no GL submission)
    float layer_ms[kSize] = {};  // the accessibility layer: the tree serialized and, when it changed, the DOM updated
    float total_ms[kSize] = {};
    size_t count = 0;
    size_t presented = 0;        // frames whose pixels differed and were submitted to WebGL
    size_t layer_updates = 0;    // frames that touched the DOM: their tree or only its places changed
    size_t tree_updates = 0;     // of those, frames whose tree changed (not only places)
    void add(float app, float layer, float total) {
        app_ms[count % kSize] = app;
        layer_ms[count % kSize] = layer;
        total_ms[count % kSize] = total;
        count++;
    }
};

// A cheap 64-bit hash of everything a frame would draw. When it matches the last
// frame presented, the frame is not submitted: the canvas keeps its pixels and the
// browser composites nothing new (with software WebGL that is most of a frame's cost).
uint64_t mix(uint64_t h, const void* data, size_t bytes) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    for (; bytes >= 8; bytes -= 8, p += 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    for (; bytes > 0; bytes--, p++) h = (h ^ *p) * 0x100000001B3ull;
    return h;
}

uint64_t frame_hash(const ImDrawData* dd, int fb_w, int fb_h, ImU32 clear) {
    uint64_t h = 0xcbf29ce484222325ull;
    int header[3] = {fb_w, fb_h, int(clear)};
    h = mix(h, header, sizeof(header));
    for (int i = 0; i < dd->CmdListsCount; i++) {
        const ImDrawList* list = dd->CmdLists[i];
        h = mix(h, list->VtxBuffer.Data, size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        h = mix(h, list->IdxBuffer.Data, size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            h = mix(h, &cmd.ClipRect, sizeof(cmd.ClipRect));
            uint64_t fields[2] = {uint64_t(uintptr_t(cmd.TextureId)) << 32 | cmd.ElemCount, uint64_t(cmd.IdxOffset) << 32 | cmd.VtxOffset};
            h = mix(h, fields, sizeof(fields));
        }
    }
    return h;
}

// What web_renderer.js reads for a frame (see cm_js_gl_draw).
struct GpuList {
    const ImDrawVert* vertices;
    int vertex_count;
    const ImDrawIdx* indices;
    int index_count, first_command, command_count;
};
struct GpuCommand {
    int scissor[4];  // framebuffer pixels, origin at the bottom left (GL's)
    int element_count, index_offset, vertex_offset;
};
static_assert(sizeof(ImDrawVert) == 20 && sizeof(ImDrawIdx) == 2, "web_renderer.js reads 20-byte vertices and 16-bit indices");
static_assert(sizeof(GpuList) == 6 * 4 && sizeof(GpuCommand) == 7 * 4, "web_renderer.js reads these as int32");

struct WebPlatformData {
    ui::App app;
    LocalStorage storage;
    std::vector<GpuList> gpu_lists;        // kept between frames: no allocation in a steady frame
    std::vector<GpuCommand> gpu_commands;
    float css_w = 1, css_h = 1, dpr = 1;
    int frames_wanted = 0;
    bool raf_pending = false, started = false;
    double timer_due = 0;  // earliest pending request_frame_after, 0 when none
    double last_frame_time = 0;
    std::string clipboard;  // what ImGui pastes; filled by the browser's paste event
    std::string state;      // keeps cm_state()'s result alive for the JS caller
    std::vector<unsigned char> font_regular, font_semibold;
    ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
    bool focused = false;  // the canvas has keyboard focus
    uint64_t presented_hash = 0;  // frame_hash of the pixels on the canvas now (0: must draw)
    FrameStats stats;
};
WebPlatformData* D = nullptr;

void render_frame();

// The font atlas as one byte per pixel (the shader uses it as coverage).
void upload_font_texture() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    cm_js_gl_texture(atlas->TexPixelsAlpha8, atlas->TexWidth, atlas->TexHeight);
    atlas->SetTexID(ImTextureID(intptr_t(1)));  // the one texture there is
}

// As Dear ImGui's OpenGL3 backend does it (same projection, same scissor rounding), so the pixels are the same.
void render_draw_data(const ImDrawData* dd, int fb_w, int fb_h, ImU32 clear) {
    float L = dd->DisplayPos.x, R = L + dd->DisplaySize.x, T = dd->DisplayPos.y, B = T + dd->DisplaySize.y;
    const float projection[16] = {
        2.0f / (R - L), 0.0f, 0.0f, 0.0f, 0.0f, 2.0f / (T - B), 0.0f, 0.0f,
        0.0f, 0.0f, -1.0f, 0.0f, (R + L) / (L - R), (T + B) / (B - T), 0.0f, 1.0f,
    };
    ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
    D->gpu_lists.clear();
    D->gpu_commands.clear();
    for (int i = 0; i < dd->CmdListsCount; i++) {
        const ImDrawList* list = dd->CmdLists[i];
        int first = int(D->gpu_commands.size());
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;  // the app draws no callbacks
            ImVec2 lo((cmd.ClipRect.x - off.x) * scale.x, (cmd.ClipRect.y - off.y) * scale.y);
            ImVec2 hi((cmd.ClipRect.z - off.x) * scale.x, (cmd.ClipRect.w - off.y) * scale.y);
            if (hi.x <= lo.x || hi.y <= lo.y) continue;
            D->gpu_commands.push_back({{int(lo.x), int(float(fb_h) - hi.y), int(hi.x - lo.x), int(hi.y - lo.y)},
                                       int(cmd.ElemCount), int(cmd.IdxOffset), int(cmd.VtxOffset)});
        }
        D->gpu_lists.push_back({list->VtxBuffer.Data, list->VtxBuffer.Size, list->IdxBuffer.Data, list->IdxBuffer.Size, first,
                                int(D->gpu_commands.size()) - first});
    }
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(clear);
    cm_js_gl_draw(fb_w, fb_h, bg.x, bg.y, bg.z, projection, reinterpret_cast<const int*>(D->gpu_lists.data()), int(D->gpu_lists.size()),
                  reinterpret_cast<const int*>(D->gpu_commands.data()));
}

EM_BOOL on_animation_frame(double, void*) {
    D->raf_pending = false;
    D->frames_wanted--;  // before drawing: the frame itself may ask for more
    render_frame();
    if (D->frames_wanted > 0) platform::request_frames(D->frames_wanted);
    return EM_FALSE;
}

void on_timer(void*) {
    D->timer_due = 0;
    platform::request_frames(1);
}

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    case ImGuiMouseCursor_None: return "none";
    default: return "default";
    }
}

void render_frame() {
    ImGuiIO& io = ImGui::GetIO();
    double t0 = emscripten_get_now();
    bool first = D->stats.count == 0;
    if (D->app.begin_frame(D->dpr)) {
        if (first) cm_js_mark("fonts built");
        if (!io.Fonts->IsBuilt()) return;  // the app has said why (App::begin_frame)
        upload_font_texture();
        D->presented_hash = 0;  // same vertices may now sample other glyphs
    }
    io.DisplaySize = ImVec2(D->css_w, D->css_h);
    io.DisplayFramebufferScale = ImVec2(D->dpr, D->dpr);
    // After a long sleep, time jumps; cap the step so hover timers behave.
    io.DeltaTime = float(std::clamp((t0 - D->last_frame_time) / 1000.0, 1e-4, 0.1));
    D->last_frame_time = t0;

    ImGui::NewFrame();
    D->app.frame(io.DisplaySize);
    ImGui::Render();
    double t1 = emscripten_get_now();
    if (first) cm_js_mark("first layout");

    int fb_w = int(std::lround(D->css_w * D->dpr)), fb_h = int(std::lround(D->css_h * D->dpr));
    uint64_t hash = frame_hash(ImGui::GetDrawData(), fb_w, fb_h, theme::colors().background);
    if (hash != D->presented_hash) {
        render_draw_data(ImGui::GetDrawData(), fb_w, fb_h, theme::colors().background);
        D->presented_hash = hash;
        D->stats.presented++;
    }
    double t2 = emscripten_get_now();
    ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != D->cursor) {
        D->cursor = cursor;
        cm_js_set_cursor(css_cursor(cursor));
    }
    // ImGui spreads fast input over several frames (a key down and up in one frame
    // would be lost), so draw until its queue is empty.
    if (!GImGui->InputEventsQueue.empty()) platform::request_frames(1);
    // A window that just appeared (a popup, a combo) is measured in an invisible
    // first frame and shown in the next one: draw that one too.
    for (ImGuiWindow* w : GImGui->Windows)
        if (w->Active && (w->HiddenFramesCanSkipItems > 0 || w->HiddenFramesCannotSkipItems > 0)) {
            platform::request_frames(2);
            break;
        }
    double t3 = emscripten_get_now();
    D->app.end_frame();
    double t4 = emscripten_get_now();
    D->stats.add(float(t1 - t0), float(t4 - t3), float(t2 - t0 + t4 - t3));
}

void sync_modifiers(int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, mods & 1);
    io.AddKeyEvent(ImGuiMod_Shift, mods & 2);
    io.AddKeyEvent(ImGuiMod_Alt, mods & 4);
    io.AddKeyEvent(ImGuiMod_Super, mods & 8);
}

ImGuiKey key_from_dom(const char* code, const char* key) {
    // Letters and digits follow the keyboard layout (shortcuts like Ctrl+Z);
    // everything else is named by its physical key.
    if (key[0] && !key[1]) {
        char c = key[0];
        if (c >= 'a' && c <= 'z') return ImGuiKey(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z') return ImGuiKey(ImGuiKey_A + (c - 'A'));
        if (c >= '0' && c <= '9' && std::strncmp(code, "Numpad", 6) != 0) return ImGuiKey(ImGuiKey_0 + (c - '0'));
    }
    struct Named { const char* code; ImGuiKey key; };
    static const Named kNamed[] = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"Insert", ImGuiKey_Insert},
        {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace}, {"Space", ImGuiKey_Space},
        {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter}, {"Escape", ImGuiKey_Escape},
        {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl}, {"ShiftLeft", ImGuiKey_LeftShift},
        {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt}, {"AltRight", ImGuiKey_RightAlt},
        {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper}, {"Slash", ImGuiKey_Slash},
        {"Minus", ImGuiKey_Minus}, {"Equal", ImGuiKey_Equal}, {"Period", ImGuiKey_Period}, {"Comma", ImGuiKey_Comma},
        {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3}, {"F5", ImGuiKey_F5}, {"F6", ImGuiKey_F6},
    };
    for (const Named& n : kNamed)
        if (std::strcmp(code, n.code) == 0) return n.key;
    return ImGuiKey_None;
}

bool is_navigation_key(ImGuiKey k) {
    return k == ImGuiKey_Tab || k == ImGuiKey_LeftArrow || k == ImGuiKey_RightArrow || k == ImGuiKey_UpArrow ||
           k == ImGuiKey_DownArrow || k == ImGuiKey_PageUp || k == ImGuiKey_PageDown || k == ImGuiKey_Home ||
           k == ImGuiKey_End || k == ImGuiKey_Space || k == ImGuiKey_Enter || k == ImGuiKey_KeypadEnter ||
           k == ImGuiKey_Backspace || k == ImGuiKey_Delete || k == ImGuiKey_Escape;
}

// The window ImGui would scroll for a wheel event, by its own rules (see ImGui::UpdateMouseWheel).
ImGuiWindow* wheel_target(bool vertical) {
    ImGuiWindow* w = GImGui ? GImGui->HoveredWindow : nullptr;
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) &&
           ((vertical ? w->ScrollMax.y : w->ScrollMax.x) == 0.0f ||
            ((w->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(w->Flags & ImGuiWindowFlags_NoMouseInputs))))
        w = w->ParentWindow;
    if (w && (w->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return nullptr;
    return w;
}

}  // namespace

//-----------------------------------------------------------------------------
// platform.h
//-----------------------------------------------------------------------------

namespace platform {

void request_frames(int count) {
    if (!D) return;
    D->frames_wanted = std::max(D->frames_wanted, count);
    if (D->started && !D->raf_pending && D->frames_wanted > 0) {
        D->raf_pending = true;
        emscripten_request_animation_frame(on_animation_frame, nullptr);
    }
}

void request_frame_after(double ms) {
    double due = emscripten_get_now() + ms;
    if (D->timer_due != 0 && D->timer_due <= due) return;  // an earlier wake-up is pending
    D->timer_due = due;
    emscripten_set_timeout(on_timer, ms, nullptr);
}

double now_ms() { return emscripten_get_now(); }
int64_t wall_clock_ms() { return int64_t(emscripten_date_now()); }

void set_clipboard_text(std::string_view text) {
    D->clipboard = std::string(text);
    cm_js_set_clipboard(D->clipboard.c_str());
}

std::string url_hash() { return take(cm_js_url_hash()); }
void set_url_hash(std::string_view hash, bool push) { cm_js_set_url_hash(std::string(hash).c_str(), push ? 1 : 0); }
void open_url(std::string_view url) { cm_js_open_url(std::string(url).c_str()); }

void download_file(std::string_view name, std::string_view mime, std::string_view contents) {
    cm_js_download(std::string(name).c_str(), std::string(mime).c_str(), contents.data(), contents.size());
}
void open_file_picker(std::string_view accept) { cm_js_open_file_picker(std::string(accept).c_str()); }
void print_html(std::string_view html) { cm_js_print_html(std::string(html).c_str()); }

cm::KeyValueStore& local_storage() { return D->storage; }

void set_content_height(float css_px) { cm_js_content_height(css_px); }
void notify_first_frame() { cm_js_first_frame(); }
void show_fatal_error(std::string_view title, std::string_view details) {
    cm_js_fatal_error(std::string(title).c_str(), std::string(details).c_str());
}
void release_focus() { cm_js_release_focus(); }
void publish_semantics(std::string_view tree, const std::vector<float>& geometry) {
    D->stats.layer_updates++;
    if (!tree.empty()) D->stats.tree_updates++;
    cm_js_semantics(tree.empty() ? nullptr : std::string(tree).c_str(), geometry.data(), geometry.size() / ui::kGeometryFloats);
}
void query_storage_persistence() { cm_js_storage_persistence(0); }
void request_persistent_storage() { cm_js_storage_persistence(1); }


}  // namespace platform

//-----------------------------------------------------------------------------
// Exports called by the page (shell/loader.js) and by web_library.js
//-----------------------------------------------------------------------------

extern "C" {

// Font files arrive before cm_start (the page fetches them next to the wasm).
EMSCRIPTEN_KEEPALIVE void cm_set_font(int index, const unsigned char* data, size_t size) {
    if (!D) D = new WebPlatformData();
    (index == 0 ? D->font_regular : D->font_semibold).assign(data, data + size);
}

// The rest of Latin-1 (theme::add_later_font_files), fetched after the first frame.
EMSCRIPTEN_KEEPALIVE void cm_add_later_fonts(const unsigned char* regular, size_t regular_size, const unsigned char* semibold,
                                             size_t semibold_size) {
    theme::add_later_font_files(std::vector<unsigned char>(regular, regular + regular_size),
                                std::vector<unsigned char>(semibold, semibold + semibold_size));
    platform::request_frames();
}

// Creates the WebGL2 context and ImGui. Returns 0 when WebGL2 is unavailable.
EMSCRIPTEN_KEEPALIVE int cm_start(const char* canvas_selector) {
    if (!D) D = new WebPlatformData();
    if (!cm_js_gl_init(canvas_selector)) return 0;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing is written behind the reader's back
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigMacOSXBehaviors = cm_js_is_mac() != 0;
    io.BackendPlatformName = "career_matrix_web";
    io.BackendRendererName = "career_matrix_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.SetClipboardTextFn = [](void*, const char* text) { platform::set_clipboard_text(text); };
    io.GetClipboardTextFn = [](void*) -> const char* { return D->clipboard.c_str(); };
    theme::set_font_files(std::move(D->font_regular), std::move(D->font_semibold));
    D->app.on_system_theme(cm_js_prefers_dark() != 0);

    D->started = true;
    cm_js_init(canvas_selector);  // installs the listeners and reports the size (cm_on_resize)
    platform::request_frames();
    return 1;
}

// Hands the framework file over. Returns 1 when it loaded; otherwise the page shows the problems.
EMSCRIPTEN_KEEPALIVE int cm_load_framework(const char* text, size_t size, const char* file_name) {
    bool ok = D->app.load_framework(std::string_view(text, size), file_name);
    cm_js_mark("data parsed");
    // The ladder's first frame now rather than at the next animation frame (up to
    // 16 ms later); the frames after it settle the layout as usual.
    if (ok && D->stats.count == 0) render_frame();
    platform::request_frames();
    return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* cm_state() {
    D->state = D->app.state_json();
    return D->state.c_str();
}

// Where the named targets were drawn in the last frame (CSS pixels), for tests and hosts.
EMSCRIPTEN_KEEPALIVE const char* cm_targets() {
    D->state = D->app.targets_json();
    return D->state.c_str();
}

// 1 while frames are scheduled (input still being processed), 0 once the page sleeps.
EMSCRIPTEN_KEEPALIVE int cm_busy() { return D && (D->raf_pending || D->frames_wanted > 0) ? 1 : 0; }

// Memory as JSON, for the benchmark: {"wasm": bytes of linear memory, "heap": malloc heap size, "used": heap in use}.
EMSCRIPTEN_KEEPALIVE const char* cm_memory() {
    size_t heap = emmalloc_dynamic_heap_size(), free_bytes = emmalloc_free_dynamic_memory();
    D->state = "{\"wasm\":" + std::to_string(size_t(__builtin_wasm_memory_size(0)) * 65536) + ",\"heap\":" + std::to_string(heap) +
               ",\"used\":" + std::to_string(heap - free_bytes) + "}";
    return D->state.c_str();
}

// Recent frame times as JSON, for the benchmark: {"count":N,"presented":P,"layerUpdates":U,"treeUpdates":T,
// "app":[ms...],"layer":[ms...],"total":[ms...]} (P of the N frames changed pixels and were submitted to WebGL,
// U touched the accessibility layer, T of them changed its tree rather than only its places).
EMSCRIPTEN_KEEPALIVE const char* cm_frame_stats() {
    const FrameStats& s = D->stats;
    size_t n = std::min(s.count, FrameStats::kSize);
    std::string out = "{\"count\":" + std::to_string(s.count) + ",\"presented\":" + std::to_string(s.presented) +
                      ",\"layerUpdates\":" + std::to_string(s.layer_updates) +
                      ",\"treeUpdates\":" + std::to_string(s.tree_updates) + ",\"app\":[";
    for (size_t i = 0; i < n; i++) out += (i ? "," : "") + std::to_string(s.app_ms[i]);
    out += "],\"layer\":[";
    for (size_t i = 0; i < n; i++) out += (i ? "," : "") + std::to_string(s.layer_ms[i]);
    out += "],\"total\":[";
    for (size_t i = 0; i < n; i++) out += (i ? "," : "") + std::to_string(s.total_ms[i]);
    out += "]}";
    D->state = out;
    return D->state.c_str();
}

EMSCRIPTEN_KEEPALIVE void cm_on_resize(float css_w, float css_h, float dpr) {
    D->presented_hash = 0;  // a canvas whose size was set is blank until drawn
    D->css_w = std::max(css_w, 1.0f);
    D->css_h = std::max(css_h, 1.0f);
    D->dpr = std::clamp(dpr, 0.5f, 4.0f);
    platform::request_frames();
}

// kind: 0 move, 1 press, 2 release, 3 left the canvas; source: 0 mouse, 1 touch, 2 pen.
EMSCRIPTEN_KEEPALIVE void cm_on_pointer(int kind, float x, float y, int button, int, int mods, int source) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(source == 1 ? ImGuiMouseSource_TouchScreen : source == 2 ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse);
    sync_modifiers(mods);
    if (kind == 3) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    else io.AddMousePosEvent(x, y);
    int b = button == 0 ? 0 : button == 1 ? 2 : button == 2 ? 1 : -1;  // DOM: left, middle, right
    if ((kind == 1 || kind == 2) && b >= 0) io.AddMouseButtonEvent(b, kind == 1);
    platform::request_frames();
}

// Returns 1 when the app scrolled something (the page must not), 0 to let the page scroll.
EMSCRIPTEN_KEEPALIVE int cm_on_wheel(float dx, float dy, int mods) {
    bool vertical = std::fabs(dy) >= std::fabs(dx);
    ImGuiWindow* w = wheel_target(vertical);
    if (!w) return 0;
    float delta = vertical ? dy : dx, scroll = vertical ? w->Scroll.y : w->Scroll.x, max = vertical ? w->ScrollMax.y : w->ScrollMax.x;
    bool can_scroll = delta > 0 ? scroll < max - 0.5f : delta < 0 && scroll > 0.5f;
    if (!can_scroll) return 0;
    ImGuiIO& io = ImGui::GetIO();
    sync_modifiers(mods);
    // ImGui scrolls about five lines per wheel unit; browsers report pixels.
    float step = 5.0f * ui::font_size(theme::font(theme::Font::Body));
    io.AddMouseWheelEvent(-dx / step, -dy / step);
    platform::request_frames();
    return 1;
}

// Returns 1 when the key was used (the browser's default action is prevented).
EMSCRIPTEN_KEEPALIVE int cm_on_key(int down, const char* code, const char* key, int mods, int) {
    ImGuiIO& io = ImGui::GetIO();
    sync_modifiers(mods);
    bool shortcut = (mods & 1) || (mods & 8);
    ImGuiKey k = key_from_dom(code, key);
    platform::request_frames();
    // Paste: leave the key to the browser, whose paste event brings the text (cm_on_paste).
    if (shortcut && k == ImGuiKey_V) return 0;
    if (k != ImGuiKey_None) io.AddKeyEvent(k, down != 0);
    if (shortcut) return k == ImGuiKey_F || (io.WantTextInput && (k == ImGuiKey_A || k == ImGuiKey_C || k == ImGuiKey_X || k == ImGuiKey_Z || k == ImGuiKey_Y));
    return is_navigation_key(k) || (io.WantTextInput && k != ImGuiKey_None && k < ImGuiKey_F1);
}

EMSCRIPTEN_KEEPALIVE void cm_on_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    platform::request_frames();
}

EMSCRIPTEN_KEEPALIVE void cm_on_paste(const char* text) {
    D->clipboard = text;
    ImGuiIO& io = ImGui::GetIO();
    ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(mod, false);
    platform::request_frames(4);
}

// Losing focus releases every key ImGui thinks is held: no stuck modifiers after Alt+Tab.
EMSCRIPTEN_KEEPALIVE void cm_on_focus(int focused) {
    D->focused = focused != 0;
    ImGui::GetIO().AddFocusEvent(focused != 0);
    platform::request_frames();
}

EMSCRIPTEN_KEEPALIVE void cm_on_hash_change(const char* hash) {
    D->app.on_url_hash(hash);
}

EMSCRIPTEN_KEEPALIVE void cm_on_color_scheme(int dark) {
    D->app.on_system_theme(dark != 0);
}

EMSCRIPTEN_KEEPALIVE void cm_on_storage(const char* key) {
    D->app.on_storage_changed(key);
}

// The DOM layer over the canvas (web_library.js): its focus moved, or one of its elements was activated.
EMSCRIPTEN_KEEPALIVE void cm_on_a11y_focus(const char* name) { D->app.on_a11y_focus(name); }
EMSCRIPTEN_KEEPALIVE void cm_on_a11y_activate(const char* name) { D->app.on_a11y_activate(name); }
// A text field's element (the real editor) changed its text.
EMSCRIPTEN_KEEPALIVE void cm_on_a11y_text(const char* name, const char* value) { D->app.on_text_input(name, value); }

// 0: the browser cannot say, 1: persistent, 2: not persistent (see platform.h).
EMSCRIPTEN_KEEPALIVE void cm_on_persistence(int state) {
    D->app.on_storage_persistence(state == 1 ? ui::Persistence::Persistent : state == 2 ? ui::Persistence::BestEffort : ui::Persistence::Unsupported);
    platform::request_frames();
}

// The tab is hidden or going away: release keys, and save what is unsaved now.
EMSCRIPTEN_KEEPALIVE void cm_on_page_hidden() {
    ImGui::GetIO().AddFocusEvent(false);
    D->app.on_page_hidden();
}

// A file the reader picked (contents is null when the browser could not read it).
EMSCRIPTEN_KEEPALIVE void cm_on_file_opened(const char* name, const char* contents, double) {
    D->app.on_file_opened(name, contents ? contents : "", contents != nullptr);
}


}  // extern "C"
