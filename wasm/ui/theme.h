// Career Matrix views: fonts, colors and spacing.
// Fonts are rasterized at the device pixel ratio and drawn at CSS size
// (FontGlobalScale = 1 / ratio), so text stays crisp after browser zoom.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace theme {

enum class Font { Body, Small, Strong, Heading, Title, Count };

struct Palette {
    ImU32 text, text_muted, text_link, background, surface, surface_hover, surface_selected,
        border, accent, accent_text, highlight, added, added_text, removed, warning, warning_text, focus;
    // Plan progress, as strong fills: each at 3:1 or more against the background
    // and against its neighbours in a bar, so the parts are told apart without color names.
    ImU32 status_done, status_in_progress, status_not_started;
};

// Font files are handed over once as bytes (the page fetches them next to the
// data) and kept, because a pixel-ratio change rebuilds the atlas from them.
void set_font_files(std::vector<unsigned char> regular, std::vector<unsigned char> semibold);
// The rest of Latin-1, which the page fetches after the first frame (until then
// those characters draw as ImGui's fallback glyph). Rebuilds at the next frame.
void add_later_font_files(std::vector<unsigned char> regular, std::vector<unsigned char> semibold);
bool has_font_files();
// The text the Title font shows (the framework's name): that size holds only its
// characters (empty: the first glyphs, as before any title). Rebuilds at the next
// frame only when the built atlas lacks one.
void set_title_text(std::string_view text);
// (Re)builds the atlas for `pixel_ratio`. Call outside a frame; the renderer
// must recreate its font texture afterwards. False when there is no font file or
// a file could not be read (ImGui's own font is not built into the app): the
// atlas is then not built and no frame can be drawn.
bool build_fonts(float pixel_ratio);
float built_pixel_ratio();
bool fonts_current(float pixel_ratio);  // built for this ratio from the files and title as they are
ImFont* font(Font f);

void apply(bool dark);  // ImGui style colors and spacing for the chosen theme
bool is_dark();
const Palette& colors();

// WCAG contrast ratio of two colors (>= 4.5 for body text).
float contrast_ratio(ImU32 a, ImU32 b);

}  // namespace theme
