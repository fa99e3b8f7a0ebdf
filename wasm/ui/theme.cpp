#include "theme.h"

#include <imgui_internal.h>  // ImFontAtlasGetBuilderForStbTruetype

#include <algorithm>
#include <cmath>

namespace theme {

namespace {

struct FontSpec {
    bool semibold;
    float size;  // CSS pixels
};
constexpr FontSpec kFontSpecs[int(Font::Count)] = {
    {false, 15.0f},  // Body
    {false, 13.0f},  // Small
    {true, 15.0f},   // Strong
    {true, 17.0f},   // Heading
    {true, 21.0f},   // Title
};

// What the bundle's font files hold (tools/bundle.py subsets the same ranges).
// The first pair carries what the app's own words and the default data use, and
// comes with the first frame; the rest of Latin-1 (for what readers type and
// other frameworks) follows in a second pair, merged in when it arrives.
const ImWchar kFirstGlyphs[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x00A0,  // no-break space
    0x00B7, 0x00B7,  // middle dot
    0x2013, 0x2014,  // dashes
    0x2018, 0x201D,  // quotes
    0x2022, 0x2022,  // bullet
    0x2026, 0x2026,  // ellipsis
    0x2190, 0x2193,  // arrows
    0x25B8, 0x25B8,  // triangles for disclosure
    0x25BE, 0x25BE,
    0x2713, 0x2713,  // check mark
    0,
};
const ImWchar kLaterGlyphs[] = {0x00A1, 0x00B6, 0x00B8, 0x00FF, 0};

struct State {
    std::vector<unsigned char> regular, semibold;
    std::vector<unsigned char> regular_later, semibold_later;  // kLaterGlyphs; empty until they arrive
    ImVector<ImWchar> title_glyphs;  // what the title's text uses (set_title_text); empty: the first glyphs
    ImFont* fonts[int(Font::Count)] = {};
    float pixel_ratio = 0;  // of the built atlas (0: none yet)
    bool stale = false;     // what the atlas is built from changed since
    bool dark = false;
    Palette palette{};
};
State S;

constexpr ImU32 rgb(unsigned v) { return IM_COL32((v >> 16) & 255, (v >> 8) & 255, v & 255, 255); }
constexpr ImU32 rgba(unsigned v, unsigned a) { return IM_COL32((v >> 16) & 255, (v >> 8) & 255, v & 255, a); }

// Colors after GitLab's Pajamas palette; every text color is checked for
// 4.5:1 against the surfaces it sits on (tests/ui/theme_test.cpp).
const Palette kLight = {
    rgb(0x28272d), rgb(0x5e5d64), rgb(0x1068bf), rgb(0xfbfafd), rgb(0xffffff), rgb(0xf0f0f2), rgb(0xe9e7f7),
    rgb(0xdcdcde), rgb(0x6b4fbb), rgb(0xffffff), rgb(0xfde68a), rgb(0xd7f5e1), rgb(0x0b5a2c), rgb(0xfbe5e1),
    rgb(0xfcf1ef), rgb(0x8c2a12), rgb(0x1068bf),
    rgb(0x0d532a), rgb(0x1f75cb), rgb(0xbfbfc3),
};
const Palette kDark = {
    rgb(0xececef), rgb(0xbfbfc3), rgb(0x7db8f2), rgb(0x18171d), rgb(0x222127), rgb(0x2d2c33), rgb(0x3a3358),
    rgb(0x434248), rgb(0x9d85e6), rgb(0x18171d), rgb(0x5c4700), rgb(0x17402a), rgb(0x91e5b2), rgb(0x4a211a),
    rgb(0x3b2a12), rgb(0xf5c28b), rgb(0x7db8f2),
    rgb(0x6fcf97), rgb(0x428fdc), rgb(0x535158),
};

float luminance(ImU32 c) {
    auto channel = [](unsigned v) {
        float s = float(v) / 255.0f;
        return s <= 0.03928f ? s / 12.92f : std::pow((s + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * channel((c >> IM_COL32_R_SHIFT) & 255) + 0.7152f * channel((c >> IM_COL32_G_SHIFT) & 255) +
           0.0722f * channel((c >> IM_COL32_B_SHIFT) & 255);
}

}  // namespace

void set_font_files(std::vector<unsigned char> regular, std::vector<unsigned char> semibold) {
    S.regular = std::move(regular);
    S.semibold = std::move(semibold);
}

void add_later_font_files(std::vector<unsigned char> regular, std::vector<unsigned char> semibold) {
    S.regular_later = std::move(regular);
    S.semibold_later = std::move(semibold);
    S.stale = true;  // the next frame rebuilds the atlas with them (App::begin_frame)
}

bool has_font_files() { return !S.regular.empty(); }

void set_title_text(std::string_view text) {
    if (text.empty()) {  // no title known: the title size holds the first glyphs at the next build
        S.title_glyphs.clear();
        return;
    }
    ImFontGlyphRangesBuilder builder;
    builder.AddText(text.data(), text.data() + text.size());
    for (ImWchar c : {ImWchar(' '), ImWchar('.'), ImWchar('?'), ImWchar(0x2026)}) builder.AddChar(c);  // ImGui's fallbacks
    ImVector<ImWchar> glyphs;
    builder.BuildRanges(&glyphs);
    if (glyphs.size() == S.title_glyphs.size() && std::equal(glyphs.begin(), glyphs.end(), S.title_glyphs.begin())) return;
    S.title_glyphs.swap(glyphs);
    // An atlas built already is rebuilt only when its title size lacks a character of the text.
    const ImFont* title = S.fonts[int(Font::Title)];
    if (S.pixel_ratio == 0 || !title || !title->IsLoaded()) return;
    for (const char* p = text.data(); p < text.data() + text.size();) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, text.data() + text.size());
        if (!title->FindGlyphNoFallback(ImWchar(c))) {
            S.stale = true;
            return;
        }
    }
}

bool build_fonts(float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    S.pixel_ratio = pixel_ratio;
    S.stale = false;
    if (S.regular.empty()) return false;
    for (int i = 0; i < int(Font::Count); i++) {
        const FontSpec& spec = kFontSpecs[i];
        bool semibold = spec.semibold && !S.semibold.empty();
        std::vector<unsigned char>& file = semibold ? S.semibold : S.regular;
        std::vector<unsigned char>& later = semibold ? S.semibold_later : S.regular_later;
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the bytes stay ours for the next rebuild
        cfg.OversampleH = 1;               // rasterized at device pixels already
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        cfg.SizePixels = spec.size * pixel_ratio;
        // The title shows one text, so its size (the largest) holds that text's characters only.
        bool title = i == int(Font::Title) && !S.title_glyphs.empty();
        const ImWchar* first_glyphs = title ? S.title_glyphs.Data : kFirstGlyphs;
        const ImWchar* later_glyphs = title ? S.title_glyphs.Data : kLaterGlyphs;
        S.fonts[i] = io.Fonts->AddFontFromMemoryTTF(file.data(), int(file.size()), cfg.SizePixels, &cfg, first_glyphs);
        if (!later.empty()) {
            cfg.MergeMode = true;  // into the same ImFont: metrics stay the first file's (both are cut from one face)
            io.Fonts->AddFontFromMemoryTTF(later.data(), int(later.size()), cfg.SizePixels, &cfg, later_glyphs);
        }
    }
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors;  // the browser draws cursors
    // The builder itself rather than ImFontAtlas::Build, which would fall back to
    // ImGui's own font and so keep its 12 KB in the wasm; the app has its own.
    bool built = ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = S.fonts[int(Font::Body)];
    return built;
}

float built_pixel_ratio() { return S.pixel_ratio; }
bool fonts_current(float pixel_ratio) { return !S.stale && S.pixel_ratio == pixel_ratio; }

ImFont* font(Font f) { return S.fonts[int(f)]; }

void apply(bool dark) {
    S.dark = dark;
    S.palette = dark ? kDark : kLight;
    const Palette& p = S.palette;
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.PopupBorderSize = 1;
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(8, 8);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.FrameRounding = 6;
    style.PopupRounding = 6;
    style.GrabRounding = 6;
    style.ChildRounding = 8;
    style.WindowRounding = 8;
    style.ScrollbarSize = 12;
    style.ScrollbarRounding = 6;
    style.FrameBorderSize = 1;
    style.TabRounding = 6;
    style.SelectableTextAlign = ImVec2(0, 0.5f);

    ImVec4* c = style.Colors;
    auto v = [](ImU32 u) { return ImGui::ColorConvertU32ToFloat4(u); };
    c[ImGuiCol_Text] = v(p.text);
    c[ImGuiCol_TextDisabled] = v(p.text_muted);
    c[ImGuiCol_WindowBg] = v(p.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = v(p.surface);
    c[ImGuiCol_Border] = v(p.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = v(p.surface);
    c[ImGuiCol_FrameBgHovered] = v(p.surface_hover);
    c[ImGuiCol_FrameBgActive] = v(p.surface_hover);
    c[ImGuiCol_Button] = v(p.surface);
    c[ImGuiCol_ButtonHovered] = v(p.surface_hover);
    c[ImGuiCol_ButtonActive] = v(p.surface_selected);
    c[ImGuiCol_Header] = v(p.surface_selected);
    c[ImGuiCol_HeaderHovered] = v(p.surface_hover);
    c[ImGuiCol_HeaderActive] = v(p.surface_selected);
    c[ImGuiCol_CheckMark] = v(p.accent);
    c[ImGuiCol_SliderGrab] = v(p.accent);
    c[ImGuiCol_SliderGrabActive] = v(p.accent);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = v(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = v(p.text_muted);
    c[ImGuiCol_ScrollbarGrabActive] = v(p.text_muted);
    c[ImGuiCol_Separator] = v(p.border);
    c[ImGuiCol_Tab] = v(p.surface);
    c[ImGuiCol_TabHovered] = v(p.surface_hover);
    c[ImGuiCol_TabActive] = v(p.surface_selected);
    c[ImGuiCol_TextSelectedBg] = v(dark ? rgba(0x7db8f2, 90) : rgba(0x1068bf, 60));
    c[ImGuiCol_NavHighlight] = v(p.focus);
    c[ImGuiCol_ModalWindowDimBg] = v(rgba(0x000000, dark ? 140 : 90));
    c[ImGuiCol_TitleBg] = v(p.surface);
    c[ImGuiCol_TitleBgActive] = v(p.surface);
    c[ImGuiCol_TableHeaderBg] = v(p.surface);
    c[ImGuiCol_TableBorderStrong] = v(p.border);
    c[ImGuiCol_TableBorderLight] = v(p.border);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0);
}

bool is_dark() { return S.dark; }
const Palette& colors() { return S.palette; }

float contrast_ratio(ImU32 a, ImU32 b) {
    float la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05f) / (lb + 0.05f);
}

}  // namespace theme
