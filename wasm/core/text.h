// Career Matrix core: the small text rules every part shares. ASCII only, on
// purpose: the handbook's markup, ids, URLs and slugs are ASCII, and a reader's
// own text is never folded here (search folds Latin-1 too: search.h); it is
// only ever cut, at character boundaries (utf8_prefix, shorten).
#pragma once
#include <string>
#include <string_view>

namespace cm::text {

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
constexpr char upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; }

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}
inline bool starts_with_ci(std::string_view s, std::string_view prefix) { return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix); }
inline bool ends_with_ci(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix); }

inline std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

// Every run of white space becomes one space; none at either end.
inline std::string collapse_spaces(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Lower-case ASCII letters and digits joined by '-' ("Engineering Fellow" ->
// "engineering-fellow"), at most `max_len` bytes, no '-' at either end.
inline std::string slug(std::string_view s, size_t max_len = std::string::npos) {
    std::string out;
    for (char c : s) {
        if (is_alnum(c)) out += lower(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    if (out.size() > max_len) out.resize(max_len);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// Cutting a reader's text never splits a UTF-8 sequence (its bytes pass through
// untouched otherwise). The longest prefix of at most `max_bytes` bytes:
inline std::string_view utf8_prefix(std::string_view s, size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) cut--;
    return s.substr(0, cut);
}

// At most `max_chars` characters, ending in an ellipsis when cut (white space before it dropped).
inline std::string shorten(std::string_view s, size_t max_chars) {
    size_t bytes = 0, chars = 0;
    while (bytes < s.size() && chars < max_chars) {
        bytes++;
        while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) bytes++;
        chars++;
    }
    if (bytes >= s.size()) return std::string(s);
    return std::string(trim(s.substr(0, bytes))) + "\xE2\x80\xA6";
}

}  // namespace cm::text
