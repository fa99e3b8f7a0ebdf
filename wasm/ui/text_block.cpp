#include "text_block.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace ui {

float font_size(const ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }
float line_height(const ImFont* font) { return std::round(font_size(font) * 1.45f); }

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

void layout_text(const ImFont* font, std::string_view text, float wrap_width, TextBlock* out) {
    out->lines.clear();
    out->wrap_width = wrap_width;
    out->width = 0;
    out->line_height = line_height(font);
    const float size = font_size(font), scale = size / font->FontSize;
    const char* begin = text.data();
    const char* s = begin;
    const char* end = begin + text.size();
    while (s < end) {
        const char* brk = font->CalcWordWrapPositionA(scale, s, end, std::max(wrap_width, 1.0f));
        if (brk <= s) {  // a single glyph wider than the column still takes a line
            brk = s + 1;
            while (brk < end && ((unsigned char)*brk & 0xC0) == 0x80) brk++;
        }
        const char* line_end = brk;
        while (line_end > s && is_blank(line_end[-1])) line_end--;
        out->lines.push_back({uint32_t(s - begin), uint32_t(line_end - begin)});
        out->width = std::max(out->width, font->CalcTextSizeA(size, FLT_MAX, 0, s, line_end).x);
        s = brk;
        while (s < end && is_blank(*s)) s++;
        if (s < end && *s == '\n') s++;
    }
    out->height = float(out->lines.size()) * out->line_height;
}

void draw_text(ImDrawList* dl, const ImFont* font, ImVec2 pos, std::string_view text, const TextBlock& block, const TextStyle& style) {
    const float size = font_size(font);
    const float pad = std::floor((block.line_height - size) * 0.5f);
    const char* base = text.data();
    for (size_t i = 0; i < block.lines.size(); i++) {
        const TextBlock::Line& line = block.lines[i];
        float y = pos.y + float(i) * block.line_height;
        if (style.highlights) {
            for (const cm::TextRange& r : *style.highlights) {
                uint32_t b = std::max(r.begin, line.begin), e = std::min(r.end, line.end);
                if (b >= e) continue;
                float x0 = font->CalcTextSizeA(size, FLT_MAX, 0, base + line.begin, base + b).x;
                float x1 = font->CalcTextSizeA(size, FLT_MAX, 0, base + line.begin, base + e).x;
                ImVec2 a(pos.x + x0 - 1, y + pad - 1), c(pos.x + x1 + 1, y + pad + size + 2);
                dl->AddRectFilled(a, c, style.highlight_color, 3.0f);
                if (style.underline_highlights) dl->AddLine(ImVec2(a.x, c.y - 1), ImVec2(c.x, c.y - 1), style.color, 1.0f);
            }
        }
        dl->AddText(font, size, ImVec2(pos.x, y + pad), style.color, base + line.begin, base + line.end);
    }
}

}  // namespace ui
