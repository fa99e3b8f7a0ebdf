// Importing a handbook career framework. Index of this file:
//   [SECTION] Limits and reading files
//   [SECTION] Markdown lines: headings, list markers, shortcodes, front matter
//   [SECTION] Inline Markdown to plain text
//   [SECTION] The importer's state
//   [SECTION] Lists
//   [SECTION] The overview page (_index.md)
//   [SECTION] Level pages and the competency files they include
//   [SECTION] Ids, lineage and the framework
#include "handbook_import.h"

#include "framework_load.h"
#include "stable_sort.h"
#include "text.h"
#include "url_policy.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

namespace cm {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Limits and reading files
//-----------------------------------------------------------------------------

// The checkout is input nobody vouches for: bounded before anything is built.
constexpr size_t kMaxFileBytes = 1u << 20;
constexpr size_t kMaxLineBytes = 10000;
constexpr size_t kMaxExpectations = 5000;
constexpr size_t kMaxProblems = 1000;
// Slugs are short so that "<level>.<area>.<n>" stays within the 64-byte id limit.
constexpr size_t kSlugLength = 28;

constexpr std::string_view kMatrixDir = "content/handbook/engineering/careers/matrix/";
constexpr std::string_view kMatrixPath = "/handbook/engineering/careers/matrix/";  // the pages' URL path on the site

ReadStatus read_from_disk(const std::string& root, const std::string& relative_path, std::string* text) {
    std::string path = root.empty() ? relative_path : root + "/" + relative_path;
    errno = 0;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return errno == ENOENT || errno == ENOTDIR ? ReadStatus::Missing : ReadStatus::Failed;
    text->clear();
    char buffer[16384];
    size_t n;
    // Reading one byte past the limit is enough to refuse the file.
    while (text->size() <= kMaxFileBytes && (n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text->append(buffer, n);
    bool failed = std::ferror(f) != 0;  // a directory opens on Linux but fails to read
    std::fclose(f);
    return failed ? ReadStatus::Failed : ReadStatus::Ok;
}

bool list_on_disk(const std::string& root, const std::string& relative_dir, std::vector<std::string>* names) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root.empty() ? relative_dir : root + "/" + relative_dir, ec)) {
        if (entry.is_regular_file(ec)) names->push_back(entry.path().filename().string());
        if (names->size() > 1000) break;  // a department folder holds a handful of pages
    }
    std::sort(names->begin(), names->end());
    return !ec;
}

// Each byte that is not part of a well-formed UTF-8 sequence becomes U+FFFD, so
// the JSON written later is valid whatever the pages hold.
std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);  // byte order mark
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        for (size_t k = 1; ok && k < len; k++) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok && len > 2) {  // overlong forms, surrogates, past U+10FFFF
            unsigned char d = s[i + 1];
            ok = !((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F));
        }
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            i++;
        }
    }
    return out;
}

// One file, ready to parse: repaired, HTML comments dropped (their newlines kept,
// so line numbers still match the file), split into lines.
struct Source {
    std::string path;  // relative to the handbook root
    std::vector<std::string> lines;
    std::string_view line(size_t i) const { return lines[i]; }
    int number(size_t i) const { return int(i + 1); }
};

uint64_t fnv1a(uint64_t h, std::string_view bytes) {
    for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

//-----------------------------------------------------------------------------
// [SECTION] Markdown lines: headings, list markers, shortcodes, front matter
//-----------------------------------------------------------------------------

using text::iequals;
using text::is_alnum;
using text::is_alpha;
using text::is_digit;
using text::is_space;
using text::lower;
using text::to_lower;
using text::trim;
bool iends_with(std::string_view s, std::string_view suffix) { return text::ends_with_ci(s, suffix); }
bool is_word_byte(char c) { return is_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }
bool is_blank(std::string_view s) { return trim(s).empty(); }

// Columns of leading white space (a tab reaches the next multiple of 4).
int indent_of(std::string_view line) {
    int col = 0;
    for (char c : line) {
        if (c == ' ') col++;
        else if (c == '\t') col += 4 - col % 4;
        else break;
    }
    return col;
}

// "## Title ##" -> 2 and "Title"; 0 when the line is not an ATX heading.
int heading(std::string_view line, std::string* title) {
    if (indent_of(line) > 3) return 0;
    std::string_view s = trim(line);
    int level = 0;
    while (level < int(s.size()) && s[size_t(level)] == '#') level++;
    if (level == 0 || level > 6 || (size_t(level) < s.size() && !is_space(s[size_t(level)]))) return 0;
    s = trim(s.substr(size_t(level)));
    if (!s.empty() && s.back() == '}') {  // "{#anchor}" attributes
        size_t open = s.rfind("{#");
        if (open != std::string_view::npos) s = trim(s.substr(0, open));
    }
    size_t end = s.size();
    while (end > 0 && s[end - 1] == '#') end--;
    if (end == 0 || is_space(s[end - 1])) s = trim(s.substr(0, end));  // closing "##" sequence
    *title = std::string(s);
    return level;
}

// Length of a list marker at the start of `s` ("1. ", "1) ", "* ", "- ", "+ "), 0 if none.
size_t list_marker(std::string_view s, bool* ordered) {
    size_t i = 0;
    while (i < s.size() && i < 9 && is_digit(s[i])) i++;
    *ordered = i > 0;
    if (i > 0) {
        if (i >= s.size() || (s[i] != '.' && s[i] != ')')) return 0;
        i++;
    } else if (s.empty() || (s[0] != '*' && s[0] != '-' && s[0] != '+')) {
        return 0;
    } else {
        i = 1;
    }
    if (i < s.size() && !is_space(s[i])) return 0;
    return i;
}

// {{% include "path" %}} or {{< include 'path' >}} alone on a line: its path.
bool include_shortcode(std::string_view line, std::string* path) {
    std::string_view s = trim(line);
    if (s.size() < 6 || s.substr(0, 2) != "{{" || (s[2] != '%' && s[2] != '<')) return false;
    char closing = s[2] == '%' ? '%' : '>';
    s = trim(s.substr(3));
    if (s.substr(0, 7) != "include" || s.size() < 8 || !is_space(s[7])) return false;
    s = trim(s.substr(8));
    if (s.empty() || (s[0] != '"' && s[0] != '\'')) return false;
    size_t close = s.find(s[0], 1);
    if (close == std::string_view::npos) return false;
    *path = std::string(s.substr(1, close - 1));
    s = trim(s.substr(close + 1));
    return s.size() == 3 && s[0] == closing && s.substr(1) == "}}";
}

bool is_shortcode_line(std::string_view line) {
    std::string_view s = trim(line);
    return s.size() >= 4 && s.substr(0, 2) == "{{" && s.substr(s.size() - 2) == "}}";
}

struct FrontMatter {
    std::string title, description;
    size_t body = 0;  // index of the first line after it
};

// A YAML or TOML scalar as front matter writes it: quoted or bare.
std::string scalar(std::string_view v) {
    v = trim(v);
    if (v.empty() || (v[0] != '"' && v[0] != '\'')) return std::string(v);
    char quote = v[0];
    std::string out;
    for (size_t i = 1; i < v.size(); i++) {
        char c = v[i];
        if (quote == '"' && c == '\\' && i + 1 < v.size()) {
            char e = v[++i];
            out += e == 'n' ? ' ' : e == 't' ? ' ' : e;
        } else if (c == quote) {
            if (quote == '\'' && i + 1 < v.size() && v[i + 1] == '\'') out += v[++i];  // '' in single quotes
            else break;
        } else {
            out += c;
        }
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Inline Markdown to plain text
//-----------------------------------------------------------------------------

struct Plain {
    std::string text;
    std::vector<Link> links;  // every link, whatever its URL; callers decide what they keep
};

bool is_ascii_punct(char c) { return c >= 0x21 && c <= 0x7e && !is_alnum(c); }

std::string collapse(std::string_view s) { return text::collapse_spaces(s); }

// Where each '[' and '(' of one piece of Markdown is closed, skipping escaped
// characters, found once in a single pass. (Found by hostile-input tests for
// fuzz_handbook_import: matching() used to scan from every '[' to its closing
// bracket or to the end, so an item of 400,000 nested or unclosed '[' took
// minutes; the table makes it linear.)
struct Brackets {
    const char* base = nullptr;  // the Markdown the indices refer to; labels are views into it
    std::vector<size_t> close;   // close[i]: the index closing the bracket at i, or npos

    explicit Brackets(std::string_view md) : base(md.data()), close(md.size(), std::string_view::npos) {
        std::vector<size_t> square, round;
        for (size_t i = 0; i < md.size(); i++) {
            char c = md[i];
            if (c == '\\') i++;
            else if (c == '[') square.push_back(i);
            else if (c == '(') round.push_back(i);
            else if (c == ']' && !square.empty()) { close[square.back()] = i; square.pop_back(); }
            else if (c == ')' && !round.empty()) { close[round.back()] = i; round.pop_back(); }
        }
    }

    // Index in `s` (a view into the same Markdown) of the bracket closing the one
    // at `open`; npos when it is not closed within `s`.
    size_t matching(std::string_view s, size_t open) const {
        size_t offset = size_t(s.data() - base);
        size_t c = close[offset + open];
        return c == std::string_view::npos || c - offset >= s.size() ? std::string_view::npos : c - offset;
    }
};

// Link labels inside link labels deeper than this are read as text: each level
// is a recursive call, and a hostile page can nest 100,000 of them.
constexpr int kMaxLinkNesting = 8;

// The URL of "(url "title")" or "(<url>)".
std::string link_destination(std::string_view inside) {
    inside = trim(inside);
    if (!inside.empty() && inside[0] == '<') {
        size_t close = inside.find('>');
        return std::string(inside.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
    }
    size_t end = 0;
    while (end < inside.size() && !is_space(inside[end])) end++;
    return std::string(inside.substr(0, end));
}

void append_plain(std::string_view md, const Brackets& brackets, int depth, Plain* out, bool links_allowed) {
    std::string& t = out->text;
    size_t next_gt = 0;  // the first '>' at or after the last '<' looked at (npos: none); see below
    bool have_gt = false;
    for (size_t i = 0; i < md.size();) {
        char c = md[i];
        if (c == '\\' && i + 1 < md.size() && is_ascii_punct(md[i + 1])) {
            t += md[i + 1];
            i += 2;
            continue;
        }
        bool image = c == '!' && i + 1 < md.size() && md[i + 1] == '[';
        if ((c == '[' || image) && depth < kMaxLinkNesting) {  // [text](url), ![alt](src)
            size_t open = image ? i + 1 : i;
            size_t close = brackets.matching(md, open);
            size_t end = close != std::string_view::npos && close + 1 < md.size() && md[close + 1] == '(' ? brackets.matching(md, close + 1) : std::string_view::npos;
            if (end != std::string_view::npos) {
                Plain label;
                append_plain(md.substr(open + 1, close - open - 1), brackets, depth + 1, &label, false);
                std::string text = collapse(label.text);
                std::string url = link_destination(md.substr(close + 2, end - close - 2));
                t += text;
                if (!image && links_allowed && !url.empty()) out->links.push_back({text.empty() ? url : text, url});
                i = end + 1;
                continue;
            }
        }
        if (c == '<') {  // <https://autolink> or an HTML tag
            // The '>' found for an earlier '<' serves until it is passed: searching
            // afresh from every '<' made a line of unclosed '<' quadratic.
            if (!have_gt || (next_gt != std::string_view::npos && next_gt < i)) next_gt = md.find('>', i);
            have_gt = true;
            size_t close = next_gt;
            std::string_view inside = close == std::string_view::npos ? std::string_view() : md.substr(i + 1, close - i - 1);
            bool autolink = (inside.substr(0, 8) == "https://" || inside.substr(0, 7) == "http://") && inside.find(' ') == std::string_view::npos;
            if (autolink || (!inside.empty() && (is_alpha(inside[0]) || inside[0] == '/'))) {
                if (autolink) {
                    t += inside;
                    if (links_allowed) out->links.push_back({std::string(inside), std::string(inside)});
                } else {
                    t += ' ';
                }
                i = close + 1;
                continue;
            }
        }
        if (c == '*' || c == '`') {
            i++;
            continue;
        }
        // An underscore inside a word (snake_case) is text; at a word edge it is emphasis.
        if (c == '_' && !(!t.empty() && is_word_byte(t.back()) && i + 1 < md.size() && is_word_byte(md[i + 1]))) {
            i++;
            continue;
        }
        if (c == '&') {
            static const std::pair<std::string_view, char> entities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}, {"&nbsp;", ' '}};
            bool decoded = false;
            for (const auto& [name, value] : entities)
                if (md.substr(i, name.size()) == name) {
                    t += value;
                    i += name.size();
                    decoded = true;
                    break;
                }
            if (decoded) continue;
        }
        t += c;
        i++;
    }
}

Plain plain_text(std::string_view md) {
    Plain p;
    append_plain(md, Brackets(md), 0, &p, true);
    p.text = collapse(p.text);
    return p;
}

std::string slug(std::string_view s, size_t max_len = kSlugLength) { return text::slug(s, max_len); }

// Cuts `s` to `max` bytes without splitting a UTF-8 sequence.
void cut_utf8(std::string* s, size_t max) {
    if (s->size() <= max) return;
    size_t end = max;
    while (end > 0 && (static_cast<unsigned char>((*s)[end]) & 0xC0) == 0x80) end--;
    s->resize(end);
}

//-----------------------------------------------------------------------------
// [SECTION] The importer's state
//-----------------------------------------------------------------------------

struct Item {
    std::string markdown;  // one list item; nested items joined to it with "; "
    int line = 0;
};

struct Draft {
    std::string id, title, text;
    std::vector<Link> links;
    int extends = -1;  // index in the lower level's cell
};

struct Included {
    std::string file;
    std::vector<Item> items;
    Item scope;  // the paragraph before the first item (Staff and Principal competencies state their reach)
};

struct LevelEntry {
    Level level;
    std::string page;  // relative path of its page
    std::string url;   // the page's address on the site: fragment-only links resolve against it
};

struct Importer {
    Importer(ImportOptions options, ImportResult* result) : opt(std::move(options)), out(result) {}

    ImportOptions opt;  // a copy: the base URL is normalized
    ImportResult* out;
    FrameworkLimits limits;  // the loader's: what the output must fit
    std::string dir;         // the department folder, relative, with a trailing '/'
    std::string department;  // display name ("Infrastructure")
    uint64_t version = 0xcbf29ce484222325ull;  // FNV-1a of every file read
    std::map<std::string, Included> includes;  // by resolved path: each file parsed (and reported) once
    std::set<std::string> unreadable;          // reported once too

    std::vector<std::pair<std::string, std::string>> dimensions;  // name, description
    int leadership = 0, technical = 0, values = 0;                 // area indices of the sections
    std::vector<LevelEntry> levels;
    std::vector<std::vector<std::vector<Draft>>> cells;  // [level][area]
    size_t expectation_count = 0;

    // The values file is the same for every level: kept once, from the first page that includes it.
    bool have_values = false;
    std::vector<Item> values_items;
    std::string values_file, values_level, values_page_url;

    void problem(const std::string& file, int line, std::string message, Severity severity = Severity::Error) {
        auto& problems = out->problems;
        if (problems.size() > kMaxProblems) return;
        if (problems.size() == kMaxProblems) message = "too many problems; the first " + std::to_string(kMaxProblems) + " are listed";
        problems.push_back({file, line, std::move(message), severity});
    }
    void warn(const std::string& file, int line, std::string message) { problem(file, line, std::move(message), Severity::Warning); }

    // Reads and prepares one file. Missing is not reported (the caller knows whether it is expected).
    ReadStatus load(const std::string& path, Source* src) {
        std::string text;
        ReadStatus status = opt.read ? opt.read(path, &text) : read_from_disk(opt.handbook_root, path, &text);
        if (status == ReadStatus::Failed) problem(path, 0, "cannot read the file");
        if (status != ReadStatus::Ok) return status;
        out->files_read.push_back(path);
        if (text.size() > kMaxFileBytes) {
            problem(path, 0, "larger than 1 MiB; not read");
            return ReadStatus::Failed;
        }
        version = fnv1a(fnv1a(fnv1a(version, path), std::string_view("\0", 1)), text);
        src->path = path;
        src->lines.clear();
        std::string repaired = repair_utf8(text);
        std::string_view s = repaired;
        std::string current;
        bool in_comment = false;
        int comment_line = 0;
        size_t start = 0;
        while (start <= s.size()) {
            size_t nl = s.find('\n', start);
            std::string_view line = s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            int number = int(src->lines.size() + 1);
            if (line.size() > kMaxLineBytes) {
                warn(path, number, "line longer than " + std::to_string(kMaxLineBytes) + " bytes; ignored");
                line = {};
            }
            // HTML comments are dropped, even across lines.
            current.clear();
            for (size_t i = 0; i < line.size();) {
                if (in_comment) {
                    size_t close = line.find("-->", i);
                    if (close == std::string_view::npos) break;
                    in_comment = false;
                    i = close + 3;
                } else {
                    size_t open = line.find("<!--", i);
                    current += line.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i);
                    if (open == std::string_view::npos) break;
                    in_comment = true;
                    comment_line = number;
                    i = open + 4;
                }
            }
            src->lines.push_back(current);
            if (nl == std::string_view::npos) break;
            start = nl + 1;
        }
        if (in_comment) warn(path, comment_line, "HTML comment is not closed; the rest of the file is ignored");
        return ReadStatus::Ok;
    }

    FrontMatter front_matter(const Source& src) {
        FrontMatter fm;
        if (src.lines.empty()) return fm;
        std::string_view fence = trim(src.line(0));
        if (fence != "---" && fence != "+++") return fm;
        char separator = fence == "---" ? ':' : '=';
        for (size_t i = 1; i < src.lines.size(); i++) {
            std::string_view line = src.line(i);
            if (trim(line) == fence) {
                fm.body = i + 1;
                return fm;
            }
            size_t sep = line.find(separator);
            if (sep == std::string_view::npos || indent_of(line) > 0) continue;
            std::string key(trim(line.substr(0, sep)));
            std::string_view raw = trim(line.substr(sep + 1));
            std::string value = scalar(raw);
            if (!raw.empty() && (raw[0] == '>' || raw[0] == '|')) {  // folded YAML block: the indented lines below
                value.clear();
                while (i + 1 < src.lines.size() && indent_of(src.line(i + 1)) > 0) value += " " + std::string(trim(src.line(++i)));
            }
            if (key == "title") fm.title = collapse(value);
            else if (key == "description") fm.description = collapse(value);
        }
        warn(src.path, 1, "front matter is not closed");
        fm.body = src.lines.size();
        return fm;
    }

    //-------------------------------------------------------------------------
    // [SECTION] Lists
    //-------------------------------------------------------------------------

    // Reads the lines [first, last) as one list. In a competency file headings are
    // labels and a paragraph before the first item is the level's scope (Staff and
    // Principal have one): neither is an expectation. Any other text is reported.
    void parse_list(const Source& src, size_t first, size_t last, bool competency_file, std::vector<Item>* items, Item* scope = nullptr) {
        enum { None, InItem, InStray } state = None;
        bool blank_before = false;
        int nested = 0;
        size_t items_before = items->size();
        for (size_t i = first; i < last; i++) {
            std::string_view raw = src.line(i);
            if (is_blank(raw)) {
                blank_before = true;
                continue;
            }
            int ind = indent_of(raw);
            std::string_view s = trim(raw);
            bool ordered = false;
            size_t marker = list_marker(s, &ordered);
            std::string title;
            if (competency_file && heading(raw, &title) > 0) {
                state = None;
            } else if (marker > 0 && (ind < 2 || state != InItem)) {
                items->push_back({std::string(trim(s.substr(marker))), src.number(i)});
                state = InItem;
                nested = 0;
            } else if (state == InItem && marker > 0) {
                // A nested list is part of its parent item: "Parent: child one; child two".
                std::string& md = items->back().markdown;
                md += nested++ == 0 && !md.empty() && md.back() == ':' ? " " : "; ";
                md += trim(s.substr(marker));
            } else if (state == InItem && (ind >= 2 || !blank_before)) {
                items->back().markdown += ' ';
                items->back().markdown += s;
            } else if (state == InStray && !blank_before) {
                // the rest of a paragraph already reported
            } else if (competency_file && scope && items->size() == items_before && (scope->markdown.empty() || !blank_before)) {
                if (scope->markdown.empty()) scope->line = src.number(i);
                scope->markdown += (scope->markdown.empty() ? "" : " ") + std::string(s);
            } else {
                warn(src.path, src.number(i), "text outside the list (not a list item nor part of one); ignored");
                state = InStray;
            }
            blank_before = false;
        }
    }

    // The links of one piece of text, made absolute against the page that shows it and
    // the site; one that cannot be (a relative path, mailto:, "/\\host") is dropped alone.
    std::vector<Link> keep_links(std::vector<Link> raw, const std::string& file, int line, const std::string& page_url) {
        std::vector<Link> kept;
        for (Link& link : raw) {
            std::string url = resolve_link(link.url, page_url, opt.base_url);
            if (url.empty() || url.size() > limits.url_len) {
                warn(file, line, "link \"" + link.url.substr(0, 100) + "\" is not a web URL, a /path or a #fragment, or is too long; dropped, its text is kept");
                continue;
            }
            if (kept.size() == limits.max_links) {
                warn(file, line, "more than " + std::to_string(limits.max_links) + " links; the rest are dropped");
                break;
            }
            cut_utf8(&link.text, limits.name_len);
            kept.push_back({std::move(link.text), std::move(url)});
        }
        return kept;
    }

    // Turns items into expectations of one cell, reporting empty items and unusable links.
    void add_items(const std::string& file, const std::vector<Item>& items, std::vector<Draft>* cell, const std::string& page_url) {
        for (const Item& item : items) {
            Plain p = plain_text(item.markdown);
            if (p.text.empty()) {
                warn(file, item.line, "empty list item");
                continue;
            }
            if (expectation_count == kMaxExpectations) {
                problem(file, item.line, "more than " + std::to_string(kMaxExpectations) + " expectations; the rest are ignored");
            }
            if (expectation_count++ >= kMaxExpectations) continue;
            Draft d;
            d.text = std::move(p.text);
            if (d.text.size() > limits.text_len) {
                warn(file, item.line, "text longer than " + std::to_string(limits.text_len) + " bytes; cut");
                cut_utf8(&d.text, limits.text_len);
            }
            d.links = keep_links(std::move(p.links), file, item.line, page_url);
            cell->push_back(std::move(d));
        }
    }

    //-------------------------------------------------------------------------
    // [SECTION] The overview page (_index.md)
    //-------------------------------------------------------------------------

    // The last path segment of a link to one of this department's pages
    // (".../<department>/<segment>/"), or "" for any other link.
    std::string department_page(std::string_view url) const {
        url = url.substr(0, url.find_first_of("?#"));
        while (!url.empty() && url.back() == '/') url.remove_suffix(1);
        std::string folder = "/" + opt.department + "/";
        size_t at = url.find(folder);
        if (at == std::string_view::npos) return "";
        std::string segment(url.substr(at + folder.size()));
        if (segment.empty() || segment.find('/') != std::string::npos) return "";
        if (iends_with(segment, ".md")) segment.resize(segment.size() - 3);
        return slug(segment) == segment ? segment : slug(segment);  // only plain names become file names
    }

    // A level's id: its page's name; for a level without a page, its name as a slug
    // without the function's name ("Engineering Fellow" -> "fellow"), as pages are named.
    static std::string level_id_from_name(const std::string& name) {
        std::string id = slug(name);
        if (id.size() > 12 && id.substr(0, 12) == "engineering-") id = id.substr(12);
        return id;
    }

    bool read_overview(Framework* fw) {
        std::string path = dir + "_index.md";
        Source src;
        ReadStatus status = load(path, &src);
        if (status == ReadStatus::Missing) problem(path, 0, "no such file: is \"" + opt.department + "\" a department of the handbook's career matrix?");
        if (status != ReadStatus::Ok) return false;
        FrontMatter fm = front_matter(src);

        // Every top-level list of the page, ordered or not.
        std::vector<std::vector<Item>> lists;
        std::string first_h2, first_paragraph, paragraph;
        bool in_list = false, blank_before = false, after_h2 = false;
        for (size_t i = fm.body; i < src.lines.size(); i++) {
            std::string_view raw = src.line(i);
            std::string title;
            bool ordered = false;
            std::string_view s = trim(raw);
            size_t marker = list_marker(s, &ordered);
            bool blank = s.empty(), is_heading = heading(raw, &title) > 0;
            if (marker > 0 && indent_of(raw) < 2) {
                if (!in_list) lists.emplace_back();
                lists.back().push_back({std::string(trim(s.substr(marker))), src.number(i)});
                in_list = true;
            } else if (in_list && !blank && !is_heading && (indent_of(raw) >= 2 || !blank_before)) {
                lists.back().back().markdown += ' ';
                lists.back().back().markdown += s;
            } else if (!blank) {
                in_list = false;
            }
            // Without a description, the summary is the first paragraph after the first "##" heading.
            if (is_heading && raw.substr(0, 3) == "## " && first_h2.empty()) {
                first_h2 = title;
                after_h2 = true;
            } else if (after_h2 && first_paragraph.empty()) {
                bool text = !blank && !is_heading && marker == 0 && !is_shortcode_line(raw);
                if (text) paragraph += " " + std::string(s);
                else if (!paragraph.empty()) first_paragraph = plain_text(paragraph).text;
            }
            blank_before = blank;
        }
        if (first_paragraph.empty() && !paragraph.empty()) first_paragraph = plain_text(paragraph).text;

        fw->name = !fm.title.empty() ? plain_text(fm.title).text : plain_text(first_h2).text;
        if (fw->name.empty()) {
            warn(path, 1, "no title in the front matter nor a \"##\" heading");
            fw->name = opt.department + " career framework";
        }
        cut_utf8(&fw->name, limits.name_len);
        std::string summary = !fm.description.empty() ? plain_text(fm.description).text : first_paragraph;
        cut_utf8(&summary, limits.text_len);
        fw->summary = summary;
        fw->department = department_name(fw->name);

        // Which list is which is told by what it holds, not by where it is: the levels
        // link to this department's pages; the dimensions read "Name - Describes ...";
        // the components are a short list of names without links.
        const std::vector<Item>* level_list = nullptr;
        const std::vector<Item>* dimension_list = nullptr;
        const std::vector<Item>* component_list = nullptr;
        for (const std::vector<Item>& list : lists) {
            size_t to_pages = 0, with_links = 0, described = 0;
            for (const Item& item : list) {
                Plain p = plain_text(item.markdown);
                with_links += !p.links.empty();
                to_pages += std::any_of(p.links.begin(), p.links.end(), [&](const Link& l) { return !department_page(l.url).empty(); });
                size_t dash = p.text.find(" - ");
                described += dash != std::string::npos && dash > 0 && !slug(p.text.substr(0, dash)).empty();
            }
            if (to_pages > 0 && !level_list) level_list = &list;
            else if (to_pages == 0 && described == list.size() && !dimension_list) dimension_list = &list;
            else if (with_links == 0 && described == 0 && list.size() >= 2 && list.size() <= 6 && !component_list) component_list = &list;
        }

        // Components: told apart by their words and kept in the page's order.
        std::vector<std::string> names;
        if (component_list)
            for (const Item& item : *component_list) names.push_back(plain_text(item.markdown).text);
        std::vector<std::string> ids = {"values", "engineering", "department"};
        if (!component_list) warn(path, 0, "no list of the framework's components; using the usual names");
        else if (names.size() != 3) warn(path, component_list->front().line, "the list of the framework's components has " + std::to_string(names.size()) + " items, not 3; using the usual names");
        if (names.size() != 3) {
            names = {"Company Values Alignment", "Engineering Function Leadership Competencies", fw->department + " Department Leadership and Technical Competencies"};
        } else {
            std::vector<std::string> guessed;
            for (const std::string& n : names) {
                std::string l = to_lower(n);
                guessed.push_back(l.find("value") != std::string::npos ? "values" : l.find("department") != std::string::npos ? "department" : "engineering");
            }
            std::vector<std::string> sorted = guessed;
            std::sort(sorted.begin(), sorted.end());
            if (sorted == std::vector<std::string>{"department", "engineering", "values"}) ids = guessed;
        }
        for (size_t i = 0; i < 3; i++) {
            cut_utf8(&names[i], limits.name_len);
            fw->components.push_back({ids[i], names[i], ""});
        }

        // Dimensions: "Accountability - Describes expected level of responsibility".
        // Without the list they are taken from the level pages' headings (read_dimensions_from_pages).
        if (dimension_list)
            for (const Item& item : *dimension_list) {
                std::string text = plain_text(item.markdown).text;
                size_t dash = text.find(" - ");
                dimensions.emplace_back(text.substr(0, dash), text.substr(dash + 3));
            }

        // Levels: "[Senior](/handbook/.../senior/)" or plain "Distinguished".
        std::vector<std::pair<std::string, std::string>> found;  // name, page name
        int first_line = 0;
        if (level_list) {
            first_line = level_list->front().line;
            for (const Item& item : *level_list) {
                Plain p = plain_text(item.markdown);
                std::string segment = p.links.empty() ? "" : department_page(p.links[0].url);
                std::string name = p.links.empty() ? p.text : p.links[0].text;
                if (name.empty() || (segment.empty() && level_id_from_name(name).empty())) {
                    warn(path, item.line, "a level needs a name");
                    continue;
                }
                found.emplace_back(name, segment);
            }
        } else {
            found = levels_from_folder(path);
            if (found.empty()) {
                problem(path, 0, "no list of levels (links to this department's level pages), and no level pages in " + dir);
                return false;
            }
        }
        std::set<std::string> level_ids;
        for (auto& [name, segment] : found) {
            LevelEntry e;
            e.level.name = name;
            e.level.id = segment.empty() ? level_id_from_name(name) : segment;
            cut_utf8(&e.level.name, limits.name_len);
            if (!level_ids.insert(e.level.id).second) {
                warn(path, first_line, "level \"" + e.level.id + "\" is listed twice; the second is ignored");
                continue;
            }
            e.level.order = int(levels.size() + 1);
            e.page = dir + e.level.id + ".md";
            e.url = fw->source + e.level.id + "/";
            e.level.source = e.url;  // cleared if the page turns out not to exist
            levels.push_back(std::move(e));
        }
        if (levels.empty()) problem(path, first_line, "the list of levels names no level");
        return !levels.empty();
    }

    // Without a list of levels on the overview page: the department folder's pages,
    // in the order of GitLab's ladder where their names are known, the rest after them.
    std::vector<std::pair<std::string, std::string>> levels_from_folder(const std::string& overview) {
        std::vector<std::string> names;
        bool listed = opt.list ? opt.list(dir, &names) : list_on_disk(opt.handbook_root, dir, &names);
        static const char* ladder[] = {"intern", "associate", "intermediate", "senior", "staff", "principal", "distinguished", "fellow"};
        std::vector<std::pair<std::string, std::string>> found;
        std::vector<std::string> pages;
        for (const std::string& n : names)
            if (iends_with(n, ".md") && n[0] != '_' && slug(n.substr(0, n.size() - 3)) == n.substr(0, n.size() - 3)) pages.push_back(n.substr(0, n.size() - 3));
        auto rank = [&](const std::string& id) { return int(std::find(std::begin(ladder), std::end(ladder), id) - std::begin(ladder)); };
        cm::stable_sort(pages, [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
        for (const std::string& id : pages) {
            std::string name = id;
            name[0] = char(name[0] - 'a' + 'A');
            if (!is_alpha(id[0])) name = id;
            found.emplace_back(name, id);
        }
        if (listed && !found.empty())
            warn(overview, 0, "no list of levels linking to this department's pages; the levels are the folder's pages, in the usual order: " +
                                  [&] { std::string s; for (auto& o : found) s += (s.empty() ? "" : ", ") + o.second; return s; }());
        return found;
    }

    // Without a list of dimensions on the overview page: the "##" headings of the first
    // level page that has any, other than the level's own and "Engineering alignment".
    void read_dimensions_from_pages() {
        for (const LevelEntry& e : levels) {
            Source src;
            // A look ahead: the page is read for real (and its problems reported) by read_level.
            size_t problems = out->problems.size(), files = out->files_read.size();
            uint64_t version_before = version;
            ReadStatus status = load(e.page, &src);
            out->problems.resize(problems);
            out->files_read.resize(files);
            version = version_before;
            if (status != ReadStatus::Ok) continue;
            FrontMatter fm = front_matter(src);
            std::string title_level = fm.title.substr(0, fm.title.find(" - "));
            for (size_t i = fm.body; i < src.lines.size(); i++) {
                std::string title;
                if (heading(src.line(i), &title) != 2 || iequals(title, e.level.name) || iequals(title, title_level) || iequals(title, "Engineering alignment")) continue;
                if (!slug(title).empty()) dimensions.emplace_back(title, "");
            }
            if (dimensions.empty()) continue;
            std::string list;
            for (auto& d : dimensions) list += (list.empty() ? "" : ", ") + d.first;
            warn(dir + "_index.md", 0, "no list of growth dimensions (\"Name - Describes ...\"); taken from the headings of " + e.page + ": " + list);
            return;
        }
        problem(dir + "_index.md", 0, "no list of growth dimensions, and no level page with \"##\" headings to take them from");
    }

    // "Infrastructure Department Career Framework" -> "Infrastructure".
    std::string department_name(const std::string& title) const {
        size_t at = title.find(" Department");
        if (at != std::string::npos && at > 0) return title.substr(0, at);
        std::string last = opt.department.substr(opt.department.find_last_of('/') + 1);
        std::string wanted = to_lower(last);
        std::replace(wanted.begin(), wanted.end(), '-', ' ');
        std::string lower_title = to_lower(title);
        size_t found = lower_title.find(wanted);
        if (found != std::string::npos) return title.substr(found, wanted.size());
        if (!wanted.empty() && wanted[0] >= 'a' && wanted[0] <= 'z') wanted[0] = char(wanted[0] - 'a' + 'A');
        return wanted;
    }

    //-------------------------------------------------------------------------
    // [SECTION] Level pages and the competency files they include
    //-------------------------------------------------------------------------

    // Hugo's include resolves the path as written; where that is depends on the
    // site's layout, so every place it could be is tried, in this order.
    const Included* include(const std::string& page, int line, std::string path) {
        while (!path.empty() && path[0] == '/') path.erase(0, 1);
        bool escapes = path.empty() || path.find('\\') != std::string::npos || ("/" + path + "/").find("/../") != std::string::npos;
        if (escapes) {
            problem(page, line, "include \"" + path + "\" is not a path inside the handbook");
            return nullptr;
        }
        std::string without = path.substr(0, 9) == "includes/" ? path.substr(9) : path;
        std::vector<std::string> candidates;
        for (std::string c : {"assets/" + path, path, "content/" + path, "layouts/" + path, "assets/includes/" + without})
            if (std::find(candidates.begin(), candidates.end(), c) == candidates.end()) candidates.push_back(c);
        for (const std::string& c : candidates) {
            auto it = includes.find(c);
            if (it != includes.end()) return &it->second;
            if (unreadable.count(c)) return nullptr;
            Source src;
            ReadStatus status = load(c, &src);
            if (status == ReadStatus::Missing) continue;
            if (status == ReadStatus::Failed) {
                unreadable.insert(c);
                return nullptr;
            }
            Included inc;
            inc.file = c;
            parse_list(src, front_matter(src).body, src.lines.size(), true, &inc.items, &inc.scope);
            if (inc.items.empty()) problem(c, 0, "no list items");
            return &includes.emplace(c, std::move(inc)).first->second;
        }
        std::string tried;
        for (const std::string& c : candidates) tried += (tried.empty() ? "" : ", ") + c;
        problem(page, line, "include \"" + path + "\" not found (tried " + tried + ")");
        return nullptr;
    }

    struct Heading {
        int depth;
        std::string title;
        size_t line, end;  // the heading's line index and the end of its content
    };

    void read_level(size_t index) {
        LevelEntry& entry = levels[index];
        Level& level = entry.level;
        Source src;
        ReadStatus status = load(entry.page, &src);
        if (status != ReadStatus::Ok) {
            level.published = false;
            level.scope = "Listed in the " + department + " Department Career Framework without a level page; no expectations are published for this level yet.";
            if (status == ReadStatus::Failed) level.scope = "Listed in the " + department + " Department Career Framework; its level page could not be read.";
            return;
        }
        const std::string& page = entry.page;
        FrontMatter fm = front_matter(src);
        std::string title_level = fm.title.substr(0, fm.title.find(" - "));

        std::vector<Heading> headings;
        for (size_t i = fm.body; i < src.lines.size(); i++) {
            std::string title;
            int depth = heading(src.line(i), &title);
            if (depth == 0) {
                if (!headings.empty()) headings.back().end = i + 1;
                else if (!is_blank(src.line(i)) && !is_shortcode_line(src.line(i)))
                    warn(page, src.number(i), "text before the level's first heading; ignored");
                continue;
            }
            headings.push_back({depth, title, i, i + 1});
        }

        std::vector<std::vector<Draft>>& cell = cells[index];
        std::vector<bool> seen(dimensions.size() + 3, false);
        bool seen_scope = false;
        int alignment = 0;  // line of "## Engineering alignment", 0 until seen
        bool in_alignment = false;
        for (const Heading& h : headings) {
            int line = src.number(h.line);
            if (h.depth == 2) {
                in_alignment = false;
                auto dimension = std::find_if(dimensions.begin(), dimensions.end(), [&](const auto& d) { return iequals(d.first, h.title); });
                if (iequals(h.title, level.name) || (!title_level.empty() && iequals(h.title, title_level))) {
                    if (seen_scope) warn(page, line, "second \"## " + h.title + "\" section; ignored");
                    else level.scope = scope_text(src, h.line + 1, h.end, entry.url, &level.links);
                    seen_scope = true;
                } else if (dimension != dimensions.end()) {
                    int area = int(dimension - dimensions.begin());
                    if (seen[size_t(area)]) warn(page, line, "second \"## " + h.title + "\" section; its items are added to the first");
                    seen[size_t(area)] = true;
                    std::vector<Item> items;
                    parse_list(src, h.line + 1, h.end, false, &items);
                    if (items.empty()) problem(page, line, "\"## " + h.title + "\" has no list items");
                    add_items(page, items, &cell[size_t(area)], entry.url);
                } else if (iequals(h.title, "Engineering alignment")) {
                    in_alignment = true;
                    alignment = line;
                    for (size_t i = h.line + 1; i < h.end; i++)
                        if (!is_blank(src.line(i))) warn(page, src.number(i), "text directly under \"## Engineering alignment\"; ignored");
                } else {
                    warn(page, line, "unknown section \"## " + h.title + "\"; its content is ignored");
                }
                continue;
            }
            int area = !in_alignment || h.depth != 3           ? -1
                       : iends_with(h.title, "Leadership Competencies") ? leadership
                       : iends_with(h.title, "Technical Competencies")  ? technical
                       : iends_with(h.title, "Values Alignment")        ? values
                                                                        : -1;
            if (area < 0) {
                warn(page, line, "unknown heading \"" + std::string(size_t(h.depth), '#') + " " + h.title + "\"; its content is ignored");
                continue;
            }
            if (seen[size_t(area)]) warn(page, line, "second \"### " + h.title + "\" section; its items are added to the first");
            seen[size_t(area)] = true;
            int found = 0;
            for (size_t i = h.line + 1; i < h.end; i++) {
                std::string path;
                if (is_blank(src.line(i))) continue;
                if (!include_shortcode(src.line(i), &path)) {
                    warn(page, src.number(i), "expected only an include shortcode under \"### " + h.title + "\"; ignored");
                    continue;
                }
                found++;
                const Included* inc = include(page, src.number(i), path);
                if (!inc) continue;
                if (area != values) {
                    add_items(inc->file, inc->items, &cell[size_t(area)], entry.url);
                    if (!inc->scope.markdown.empty() && !level.section_scope(area)) {
                        Plain scope = plain_text(inc->scope.markdown);
                        cut_utf8(&scope.text, limits.text_len);
                        level.section_scopes.push_back({area, scope.text, keep_links(std::move(scope.links), inc->file, inc->scope.line, entry.url)});
                    }
                } else {
                    if (!inc->scope.markdown.empty()) warn(inc->file, inc->scope.line, "a paragraph before the values' list; not imported (values have no scope of their own)");
                    add_values(*inc, page, src.number(i), level.id, entry.url);
                }
            }
            if (found == 0) problem(page, line, "\"### " + h.title + "\" has no include shortcode");
        }

        if (!seen_scope) {
            problem(page, 0, "no \"## " + level.name + "\" section with the level's scope");
            level.scope = !fm.description.empty() ? fm.description : level.name;
        } else if (level.scope.empty()) {
            problem(page, 0, "the \"## " + level.name + "\" section has no text");
            level.scope = !fm.description.empty() ? fm.description : level.name;
        }
        cut_utf8(&level.scope, limits.text_len);
        for (size_t d = 0; d < dimensions.size(); d++)
            if (!seen[d]) problem(page, 0, "no \"## " + dimensions[d].first + "\" section");
        if (alignment == 0) {
            problem(page, 0, "no \"## Engineering alignment\" section");
            return;
        }
        const char* names[] = {"Leadership Competencies", "Technical Competencies", "Values Alignment"};
        for (int s = 0; s < 3; s++)
            if (!seen[size_t(leadership + s)]) problem(page, alignment, "no \"### " + level.name + " " + names[s] + "\" section");
    }

    // The scope: its paragraphs, lines joined with spaces, paragraphs with a blank line;
    // the links in it are kept.
    std::string scope_text(const Source& src, size_t first, size_t last, const std::string& page_url, std::vector<Link>* links) {
        std::string scope, paragraph;
        int paragraph_line = 0;
        auto flush = [&] {
            Plain p = plain_text(paragraph);
            if (!p.text.empty()) scope += (scope.empty() ? "" : "\n\n") + p.text;
            for (Link& l : keep_links(std::move(p.links), src.path, paragraph_line, page_url))
                if (links->size() < limits.max_links) links->push_back(std::move(l));
            paragraph.clear();
        };
        for (size_t i = first; i < last; i++) {
            if (is_blank(src.line(i))) {
                flush();
                continue;
            }
            if (paragraph.empty()) paragraph_line = src.number(i);
            paragraph += " " + std::string(trim(src.line(i)));
        }
        flush();
        if (scope.size() > limits.text_len) {
            warn(src.path, int(first), "scope longer than " + std::to_string(limits.text_len) + " bytes; cut");
            cut_utf8(&scope, limits.text_len);
        }
        return scope;
    }

    void add_values(const Included& inc, const std::string& page, int line, const std::string& level_id, const std::string& page_url) {
        if (!have_values) {
            have_values = true;
            values_items = inc.items;
            values_file = inc.file;
            values_level = level_id;
            values_page_url = page_url;
            return;
        }
        bool same = values_items.size() == inc.items.size();
        for (size_t i = 0; same && i < values_items.size(); i++) same = collapse(values_items[i].markdown) == collapse(inc.items[i].markdown);
        if (!same)
            warn(page, line, "the values (" + inc.file + ") differ from those of level \"" + values_level + "\" (" + values_file + "); the first are kept");
    }

    // Values are imported once, at the lowest published level (the framework is cumulative).
    void place_values() {
        auto lowest = std::find_if(levels.begin(), levels.end(), [](const LevelEntry& e) { return e.level.published; });
        if (!have_values || lowest == levels.end()) return;
        std::vector<Draft>& cell = cells[size_t(lowest - levels.begin())][size_t(values)];
        for (const Item& item : values_items) {
            size_t before = cell.size();
            add_items(values_file, {item}, &cell, values_page_url);
            if (cell.size() > before) value_title(item.markdown, &cell.back());
        }
    }

    // "**Collaboration**: text", "Collaboration - text", "Collaboration: text" give a
    // title and the text after it; "Adhere to the [Collaboration Competencies](...)" a title only.
    void value_title(std::string_view md, Draft* d) const {
        md = trim(md);
        std::string title, rest;
        if (md.substr(0, 2) == "**" || md.substr(0, 2) == "__") {
            size_t close = md.find(md.substr(0, 2), 2);
            if (close != std::string_view::npos) {
                title = plain_text(md.substr(2, close - 2)).text;
                std::string_view after = trim(md.substr(close + 2));
                if (!after.empty() && (after[0] == ':' || after[0] == '-')) after.remove_prefix(1);
                rest = plain_text(after).text;
                if (!title.empty() && title.back() == ':') title.pop_back();
            }
        }
        if (title.empty()) {
            const std::string& t = d->text;
            size_t sep = std::min(t.find(": "), t.find(" - "));
            if (sep != std::string::npos && sep > 0 && is_alpha(t[0]) && std::count(t.begin(), t.begin() + long(sep), ' ') < 6) {
                title = t.substr(0, sep);
                rest = t.substr(sep + (t[sep] == ':' ? 2 : 3));
            }
        }
        if (title.empty())
            for (const Link& link : d->links)
                for (std::string_view suffix : {" Competencies", " Competency"})
                    if (title.empty() && iends_with(link.text, suffix) && link.text.size() > suffix.size()) title = link.text.substr(0, link.text.size() - suffix.size());
        cut_utf8(&title, limits.name_len);
        d->title = title;
        if (!collapse(rest).empty()) d->text = collapse(rest);
    }

    //-------------------------------------------------------------------------
    // [SECTION] Ids, lineage and the framework
    //-------------------------------------------------------------------------

    // "<level>.<area>.<n>" by position; with a previous import, an unchanged text keeps
    // its id wherever it moved, and a new text never takes the id of one that still exists.
    void assign_ids(const Framework& fw) {
        std::map<std::string, std::vector<std::pair<uint64_t, std::string>>> previous;  // "level area" -> (hash, id)
        std::set<std::string> previous_ids, taken;
        if (opt.previous) {
            const Framework& p = *opt.previous;
            for (const Expectation& e : p.expectations) {
                if (e.level < 0 || e.area < 0) continue;
                previous[p.levels[size_t(e.level)].id + " " + p.areas[size_t(e.area)].id].emplace_back(content_hash(e.text), e.id);
                previous_ids.insert(e.id);
            }
        }
        for (size_t l = 0; l < levels.size(); l++)
            for (size_t a = 0; a < fw.areas.size(); a++) {
                std::vector<Draft>& cell = cells[l][a];
                auto it = previous.find(levels[l].level.id + " " + fw.areas[a].id);
                if (it != previous.end())
                    for (Draft& d : cell) {
                        uint64_t h = content_hash(d.text);
                        for (auto& [hash, id] : it->second)
                            if (hash == h && !id.empty() && !taken.count(id)) {
                                d.id = id;
                                taken.insert(id);
                                id.clear();  // each previous id is reused once
                                break;
                            }
                    }
                bool is_values = int(a) == values;
                std::string base = is_values ? "values." : levels[l].level.id + "." + fw.areas[a].id + ".";
                for (size_t n = 1; n <= cell.size(); n++) {
                    Draft& d = cell[n - 1];
                    if (!d.id.empty()) continue;
                    std::string title = slug(d.title, limits.id_len - base.size());
                    std::string preferred = base + (is_values && !title.empty() ? title : std::to_string(n));
                    if (!taken.count(preferred)) d.id = preferred;
                    for (size_t k = n; d.id.empty(); k++) {
                        std::string candidate = base + std::to_string(k);
                        if (candidate != preferred && !taken.count(candidate) && !previous_ids.count(candidate)) d.id = candidate;
                    }
                    taken.insert(d.id);
                }
            }
    }

    // Lower-case words of 3+ letters.
    static std::vector<std::string> words(std::string_view text) {
        std::vector<std::string> out;
        std::string w;
        for (size_t i = 0; i <= text.size(); i++) {
            char c = i < text.size() ? text[i] : ' ';
            if (is_alpha(c) || static_cast<unsigned char>(c) >= 0x80) {
                w += lower(c);
                continue;
            }
            if (w.size() >= 3) out.push_back(w);
            w.clear();
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    static double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
        std::vector<std::string> common;
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
        size_t all = a.size() + b.size() - common.size();
        return all == 0 ? 0.0 : double(common.size()) / double(all);
    }

    // Which expectation of the level below each one grows from. The handbook does not
    // say, so it is guessed from wording: the Jaccard similarity of the two items' sets of
    // words (3+ letters, lower case). At 0.35 or more, over a third of the words they use
    // between them are shared: a reworded, grown item rather than a new one that merely
    // shares a few common words ("team", "work"). Each lower item is grown by at most one
    // item, the one most like it; a weaker candidate stays new rather than taking its
    // second-best match.
    void infer_extends(const Framework& fw) {
        constexpr double kThreshold = 0.35;
        int below = -1;
        for (size_t l = 0; l < levels.size(); l++) {
            if (!levels[l].level.published) continue;
            if (below >= 0)
                for (size_t a = 0; a < fw.areas.size(); a++) {
                    std::vector<Draft>& upper = cells[l][a];
                    const std::vector<Draft>& lower_cell = cells[size_t(below)][a];
                    std::vector<std::vector<std::string>> lower_words;
                    for (const Draft& d : lower_cell) lower_words.push_back(words(d.text));
                    std::vector<std::pair<int, double>> best(upper.size(), {-1, 0.0});
                    for (size_t u = 0; u < upper.size(); u++) {
                        std::vector<std::string> w = words(upper[u].text);
                        for (size_t j = 0; j < lower_cell.size(); j++) {
                            double score = jaccard(w, lower_words[j]);
                            if (score > best[u].second) best[u] = {int(j), score};
                        }
                    }
                    for (size_t j = 0; j < lower_cell.size(); j++) {
                        int winner = -1;
                        for (size_t u = 0; u < upper.size(); u++)
                            if (best[u].first == int(j) && best[u].second >= kThreshold && (winner < 0 || best[u].second > best[size_t(winner)].second)) winner = int(u);
                        if (winner >= 0) upper[size_t(winner)].extends = int(j);
                    }
                }
            below = int(l);
        }
    }

    // A level keeps the id it has in the previous framework (matched by name), so a plan
    // made against one data file finds its levels in the other.
    void keep_previous_level_ids() {
        if (!opt.previous) return;
        std::set<std::string> ids;
        for (const LevelEntry& e : levels) ids.insert(e.level.id);
        for (LevelEntry& e : levels)
            for (const Level& old : opt.previous->levels)
                if (iequals(old.name, e.level.name) && old.id != e.level.id && !ids.count(old.id)) {
                    ids.erase(e.level.id);
                    ids.insert(old.id);
                    e.level.id = old.id;  // the page keeps its file name
                    break;
                }
    }

    bool run() {
        Framework fw;
        const std::string& dep = opt.department;
        bool valid = !dep.empty() && dep.front() != '/' && dep.back() != '/';
        for (char c : dep) valid = valid && (is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '/');
        valid = valid && ("/" + dep + "/").find("/./") == std::string::npos && ("/" + dep + "/").find("/../") == std::string::npos;
        if (!valid) {
            problem("", 0, "\"" + dep + "\" is not a department folder name");
            return false;
        }
        while (!opt.base_url.empty() && opt.base_url.back() == '/') opt.base_url.pop_back();
        if (!is_web_url(opt.base_url)) {
            problem("", 0, "the base URL \"" + opt.base_url + "\" is not an http(s) URL");
            return false;
        }
        dir = std::string(kMatrixDir) + dep + "/";
        fw.id = slug(dep, limits.id_len);
        fw.organization = "GitLab";
        fw.source = opt.base_url + std::string(kMatrixPath) + dep + "/";
        fw.cumulative = true;
        if (!read_overview(&fw)) return false;
        department = fw.department;
        fw.notice = "The handbook's own text, imported from the pages of the " + fw.name + ".";
        if (dimensions.empty()) read_dimensions_from_pages();
        if (dimensions.empty())  // already reported; a component without areas would not load
            fw.components.erase(fw.components.begin() + fw.find_component("department"));
        keep_previous_level_ids();

        for (size_t d = 0; d < dimensions.size(); d++) {
            Area a{AreaKind::Dimension, slug(dimensions[d].first), dimensions[d].first, dimensions[d].second, fw.find_component("department")};
            if (a.id == "leadership" || a.id == "technical" || a.id == "values" || fw.find_area(a.id) >= 0) a.id += "-" + std::to_string(d + 1);
            cut_utf8(&a.name, limits.name_len);
            cut_utf8(&a.description, limits.text_len);
            fw.areas.push_back(std::move(a));
        }
        leadership = int(fw.areas.size());
        technical = leadership + 1;
        values = leadership + 2;
        fw.areas.push_back({AreaKind::Section, "leadership", "Leadership competencies", "", fw.find_component("engineering")});
        fw.areas.push_back({AreaKind::Section, "technical", "Technical competencies", "", fw.find_component("engineering")});
        fw.areas.push_back({AreaKind::Section, "values", "Values", "", fw.find_component("values")});

        cells.assign(levels.size(), std::vector<std::vector<Draft>>(fw.areas.size()));
        for (size_t l = 0; l < levels.size(); l++) read_level(l);
        for (LevelEntry& e : levels) {
            if (!e.level.published) e.level.source.clear();  // no page to point to
            // In the areas' order, as the loader keeps them (a page may put Technical before Leadership).
            auto& scopes = e.level.section_scopes;
            cm::stable_sort(scopes, [](const SectionScope& a, const SectionScope& b) { return a.area < b.area; });
        }
        place_values();
        assign_ids(fw);
        infer_extends(fw);

        // Flatten in the model's order: level, area, page order.
        std::vector<std::vector<std::vector<int>>> index(levels.size(), std::vector<std::vector<int>>(fw.areas.size()));
        for (size_t l = 0; l < levels.size(); l++) {
            fw.levels.push_back(levels[l].level);
            for (size_t a = 0; a < fw.areas.size(); a++)
                for (Draft& d : cells[l][a]) {
                    index[l][a].push_back(int(fw.expectations.size()));
                    Expectation e;
                    e.id = d.id;
                    e.title = d.title;
                    e.text = d.text;
                    e.links = d.links;
                    e.level = int(l);
                    e.area = int(a);
                    e.hash = content_hash(e.text);
                    fw.expectations.push_back(std::move(e));
                }
        }
        int below = -1;
        for (size_t l = 0; l < levels.size(); l++) {
            if (!levels[l].level.published) continue;
            for (size_t a = 0; below >= 0 && a < fw.areas.size(); a++)
                for (size_t k = 0; k < cells[l][a].size(); k++)
                    if (cells[l][a][k].extends >= 0)
                        fw.expectations[size_t(index[l][a][k])].extends = index[size_t(below)][a][size_t(cells[l][a][k].extends)];
            below = int(l);
        }
        fw.version = "import-" + hash_to_hex(version);
        fw.index();

        // The result must load like any data file; if it does not, that is a bug here, said plainly.
        Diagnostics diag;
        diag.file = "(imported framework)";
        Framework check;
        if (!load_framework(save_framework(fw, true), &check, &diag, limits)) {
            for (const Problem& p : diag.problems) problem(p.where, 0, "the imported framework does not load: " + p.message);
            return false;
        }
        out->framework = std::move(fw);
        return true;
    }
};

}  // namespace

bool import_handbook(const ImportOptions& options, ImportResult* out) {
    *out = ImportResult{};
    return Importer(options, out).run();
}

}  // namespace cm
