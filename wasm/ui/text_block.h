// Career Matrix views: wrapped paragraphs with highlighted ranges.
// ImGui's TextWrapped cannot mark search matches or added words, and measuring
// every paragraph every frame would cost the frame budget on large frameworks,
// so paragraphs are laid out once per width and drawn from the layout.
#pragma once
#include "compare.h"

#include <imgui.h>

#include <string_view>
#include <vector>

namespace ui {

struct TextBlock {
    struct Line {
        uint32_t begin, end;  // byte range of the text, trailing spaces excluded
    };
    std::vector<Line> lines;
    float wrap_width = -1;
    float width = 0;   // widest line
    float height = 0;  // lines * line height
    float line_height = 0;
};

// Font size in CSS pixels of an ImGui font at the current FontGlobalScale.
float font_size(const ImFont* font);
float line_height(const ImFont* font);  // a comfortable reading line height

void layout_text(const ImFont* font, std::string_view text, float wrap_width, TextBlock* out);

struct TextStyle {
    ImU32 color = 0;
    const std::vector<cm::TextRange>* highlights = nullptr;  // painted behind the text
    ImU32 highlight_color = 0;
    bool underline_highlights = false;  // also underlined, for readers who do not see the color
};

void draw_text(ImDrawList* dl, const ImFont* font, ImVec2 pos, std::string_view text, const TextBlock& block, const TextStyle& style);

}  // namespace ui
