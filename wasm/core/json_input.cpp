#include "json_input.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace cm {

void Diagnostics::add(std::string_view pointer, std::string message) {
    // The root has an empty pointer: "file: message" reads better than "file:: message".
    add_at(pointer, std::move(message));
}

void Diagnostics::add_at(std::string_view location, std::string message) {
    count++;
    if (problems.size() > max_problems) return;
    if (problems.size() == max_problems) {
        problems.push_back({file, "too many problems; the first " + std::to_string(max_problems) + " are listed"});
        return;
    }
    problems.push_back({location.empty() ? file : file + ":" + std::string(location), std::move(message)});
}

std::string Diagnostics::to_string() const {
    std::string s;
    for (const Problem& p : problems) {
        s += p.where;
        s += ": ";
        s += p.message;
        s += '\n';
    }
    return s;
}

std::string pointer_token(std::string_view key) {
    std::string s;
    s.reserve(key.size());
    for (char c : key) {
        if (c == '~') s += "~0";
        else if (c == '/') s += "~1";
        else s += c;
    }
    return s;
}

const char* json_type_name(const Json& j) {
    switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number";
    default: return "a value of another type";
    }
}

namespace {

// Line and column (1-based, in bytes) of a byte offset.
std::string line_column(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    size_t line = 1, col = 1;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') { line++; col = 1; }
        else col++;
    }
    return std::to_string(line) + ":" + std::to_string(col);
}

// Finds the first byte where nesting exceeds `max_depth`, outside strings.
// Returns npos when the text stays within the limit.
size_t find_too_deep(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (size_t i = 0; i < text.size(); i++) {
        char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') { if (++depth > max_depth) return i; }
        else if (c == ']' || c == '}') depth--;
    }
    return std::string_view::npos;
}

// A strict JSON reader (RFC 8259, as nlohmann reads it: a UTF-8 byte order mark
// may lead, strings must be well-formed UTF-8, non-negative integers are unsigned,
// integers out of 64-bit range are doubles, an infinite double is an error, a
// repeated key keeps its first place and its last value) that builds nlohmann's
// DOM directly. nlohmann's own lexer copies every byte it reads twice (into the
// token and into the context of a possible error message), which made reading
// the data file most of the time of loading it; here the bytes of a string are
// appended once, in runs. Nesting is checked before (find_too_deep), so the
// recursion is bounded.
class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}

    bool document(Json* out) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        skip_space();
        if (!value(out)) return false;
        skip_space();
        if (pos_ < text_.size()) return fail(pos_, "expected end of input, found " + found(pos_));
        return true;
    }

    size_t error_at = 0;
    std::string error;

private:
    std::string_view text_;
    size_t pos_ = 0;

    bool fail(size_t at, std::string why) {
        error_at = at;
        error = std::move(why);
        return false;
    }
    // The byte at `at`, as a reader would name it.
    std::string found(size_t at) const {
        if (at >= text_.size()) return "the end of input";
        unsigned char c = static_cast<unsigned char>(text_[at]);
        if (c > 0x20 && c < 0x7F) return std::string("'") + char(c) + "'";
        static const char hex[] = "0123456789ABCDEF";
        return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
    }
    void skip_space() {
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
            pos_++;
        }
    }
    bool unexpected(const char* expected) {
        if (pos_ >= text_.size()) return fail(pos_, std::string("unexpected end of input; expected ") + expected);
        return fail(pos_, "unexpected " + found(pos_) + "; expected " + expected);
    }

    bool value(Json* out) {
        if (pos_ >= text_.size()) return unexpected("a value");
        switch (text_[pos_]) {
        case '{': return object(out);
        case '[': return array(out);
        case '"': {
            std::string s;
            if (!string(&s)) return false;
            *out = std::move(s);
            return true;
        }
        case 't': return literal("true", true, out);
        case 'f': return literal("false", false, out);
        case 'n': return literal("null", nullptr, out);
        default:
            if (text_[pos_] == '-' || (text_[pos_] >= '0' && text_[pos_] <= '9')) return number(out);
            return unexpected("a value");
        }
    }

    bool literal(std::string_view word, Json v, Json* out) {
        for (size_t i = 0; i < word.size(); i++)
            if (pos_ + i >= text_.size() || text_[pos_ + i] != word[i])
                return fail(pos_ + i, "invalid literal " + found(pos_ + i) + " in '" + std::string(word) + "'");
        pos_ += word.size();
        *out = std::move(v);
        return true;
    }

    // Steps over `c` if it is next.
    bool take(char c) {
        if (pos_ >= text_.size() || text_[pos_] != c) return false;
        pos_++;
        return true;
    }

    bool object(Json* out) {
        *out = Json::object();
        pos_++;  // {
        skip_space();
        if (take('}')) return true;
        for (;;) {
            if (pos_ >= text_.size() || text_[pos_] != '"') return unexpected("a member name in quotes");
            std::string key;
            if (!string(&key)) return false;
            skip_space();
            if (!take(':')) return unexpected("':' after the member name");
            skip_space();
            if (!value(&(*out)[key])) return false;
            skip_space();
            if (take('}')) return true;
            if (!take(',')) return unexpected("',' or '}'");
            skip_space();
        }
    }

    bool array(Json* out) {
        *out = Json::array();
        Json::array_t& items = out->get_ref<Json::array_t&>();
        pos_++;  // [
        skip_space();
        if (take(']')) return true;
        for (;;) {
            items.emplace_back();
            if (!value(&items.back())) return false;
            skip_space();
            if (take(']')) return true;
            if (!take(',')) return unexpected("',' or ']'");
            skip_space();
        }
    }

    static int hex_digit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    // The four hex digits after "\u" at pos_; -1 if they are not there.
    int code_unit() {
        if (text_.size() - pos_ < 4) return -1;
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = hex_digit(text_[pos_ + size_t(i)]);
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        pos_ += 4;
        return v;
    }
    static void append_utf8(std::string* out, unsigned cp) {
        if (cp < 0x80) {
            *out += char(cp);
        } else if (cp < 0x800) {
            *out += char(0xC0 | (cp >> 6));
            *out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *out += char(0xE0 | (cp >> 12));
            *out += char(0x80 | ((cp >> 6) & 0x3F));
            *out += char(0x80 | (cp & 0x3F));
        } else {
            *out += char(0xF0 | (cp >> 18));
            *out += char(0x80 | ((cp >> 12) & 0x3F));
            *out += char(0x80 | ((cp >> 6) & 0x3F));
            *out += char(0x80 | (cp & 0x3F));
        }
    }
    // The length of the well-formed UTF-8 sequence of two or more bytes at `at`
    // (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF); 0 if ill-formed.
    size_t utf8_sequence(size_t at) const {
        auto byte = [&](size_t i) { return at + i < text_.size() ? static_cast<unsigned char>(text_[at + i]) : 0u; };
        auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
        unsigned b0 = byte(0), b1 = byte(1);
        if (in(b0, 0xC2, 0xDF)) return in(b1, 0x80, 0xBF) ? 2 : 0;
        if (in(b0, 0xE0, 0xEF)) {
            unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
            return in(b1, lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
        }
        if (in(b0, 0xF0, 0xF4)) {
            unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
            return in(b1, lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
        }
        return 0;
    }

    bool string(std::string* out) {
        pos_++;  // "
        for (;;) {
            size_t run = pos_;
            while (pos_ < text_.size()) {
                unsigned char c = static_cast<unsigned char>(text_[pos_]);
                if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
                pos_++;
            }
            out->append(text_.data() + run, pos_ - run);
            if (pos_ >= text_.size()) return fail(pos_, "unexpected end of input in a string");
            unsigned char c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                pos_++;
                return true;
            }
            if (c < 0x20) return fail(pos_, "invalid string: control character " + found(pos_) + " must be escaped");
            if (c >= 0x80) {
                size_t n = utf8_sequence(pos_);
                if (!n) return fail(pos_, "invalid string: ill-formed UTF-8 byte " + found(pos_));
                out->append(text_.data() + pos_, n);
                pos_ += n;
                continue;
            }
            // A backslash.
            size_t escape = pos_++;
            if (pos_ >= text_.size()) return fail(pos_, "unexpected end of input in a string");
            char e = text_[pos_++];
            switch (e) {
            case '"': *out += '"'; break;
            case '\\': *out += '\\'; break;
            case '/': *out += '/'; break;
            case 'b': *out += '\b'; break;
            case 'f': *out += '\f'; break;
            case 'n': *out += '\n'; break;
            case 'r': *out += '\r'; break;
            case 't': *out += '\t'; break;
            case 'u': {
                int unit = code_unit();
                if (unit < 0) return fail(escape, "invalid string: '\\u' must be followed by 4 hex digits");
                unsigned cp = unsigned(unit);
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return fail(escape, "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    int low = -1;
                    if (text_.size() - pos_ >= 2 && text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
                        pos_ += 2;
                        low = code_unit();
                    }
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail(escape, "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (unsigned(low) - 0xDC00);
                }
                append_utf8(out, cp);
                break;
            }
            default: return fail(escape, "invalid string: forbidden character after backslash");
            }
        }
    }

    bool number(Json* out) {
        size_t start = pos_;
        auto digits = [&] {
            size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') pos_++;
            return pos_ > from;
        };
        bool negative = text_[pos_] == '-';
        if (negative) pos_++;
        if (pos_ < text_.size() && text_[pos_] == '0') pos_++;
        else if (!digits()) return unexpected("a digit");
        bool integral = true;
        if (pos_ < text_.size() && text_[pos_] == '.') {
            integral = false;
            pos_++;
            if (!digits()) return unexpected("a digit after '.'");
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            integral = false;
            pos_++;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) pos_++;
            if (!digits()) return unexpected("a digit in the exponent");
        }
        const std::string token(text_.substr(start, pos_ - start));
        if (integral) {
            // In range: an integer, unsigned unless negative (as nlohmann keeps them).
            const char* first = token.data() + (negative ? 1 : 0);
            unsigned long long magnitude = 0;
            bool fits = true;
            for (const char* p = first; p < token.data() + token.size() && fits; p++) {
                unsigned d = unsigned(*p - '0');
                fits = magnitude <= (std::numeric_limits<unsigned long long>::max() - d) / 10;
                magnitude = magnitude * 10 + d;
            }
            if (fits && !negative) {
                *out = magnitude;
                return true;
            }
            if (fits && magnitude <= (unsigned long long)std::numeric_limits<long long>::max() + 1) {
                *out = magnitude == 0 ? 0LL : -(long long)(magnitude - 1) - 1;
                return true;
            }
        }
        double v = std::strtod(token.c_str(), nullptr);
        if (!std::isfinite(v)) return fail(start, "number overflow parsing '" + token + "'");
        *out = v;
        return true;
    }
};

}  // namespace

bool parse_untrusted_json(std::string_view text, const JsonLimits& limits, Json* out, Diagnostics* diag) {
    *out = nullptr;
    if (text.size() > limits.max_bytes) {
        diag->add("", "file is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(limits.max_bytes));
        return false;
    }
    size_t deep = find_too_deep(text, limits.max_depth);
    if (deep != std::string_view::npos) {
        diag->add_at(line_column(text, deep), "nesting deeper than " + std::to_string(limits.max_depth) + " levels");
        return false;
    }
    Json j;
    Reader reader(text);
    if (!reader.document(&j)) {
        diag->add_at(line_column(text, reader.error_at), "not valid JSON: " + reader.error);
        return false;
    }
    *out = std::move(j);
    return true;
}

ObjectReader::ObjectReader(const Json& object, std::string pointer, Diagnostics* diag)
    : pointer_(std::move(pointer)), diag_(diag) {
    if (object.is_object()) object_ = &object;
    else diag_->add(pointer_, std::string("expected an object, found ") + json_type_name(object));
}

bool ObjectReader::has(const char* key) const {
    return object_ && object_->find(key) != object_->end();
}

const Json* ObjectReader::field(const char* key, bool required) {
    if (!object_) return nullptr;
    known_.emplace_back(key);
    auto it = object_->find(key);
    if (it == object_->end()) {
        if (required) diag_->add(pointer_, std::string("missing required field \"") + key + "\"");
        return nullptr;
    }
    return &*it;
}

bool ObjectReader::string(const char* key, std::string* out, bool required, size_t max_len, bool allow_empty) {
    const Json* j = field(key, required);
    if (!j) return false;
    if (!j->is_string()) {
        diag_->add(at(key), std::string("expected a string, found ") + json_type_name(*j));
        return false;
    }
    const std::string& s = j->get_ref<const std::string&>();
    bool blank = std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
    if (blank && !allow_empty) {
        diag_->add(at(key), "must not be empty");
        return false;
    }
    if (s.size() > max_len) {
        diag_->add(at(key), "is " + std::to_string(s.size()) + " bytes long; the limit is " + std::to_string(max_len));
        return false;
    }
    *out = s;
    return true;
}

bool ObjectReader::boolean(const char* key, bool* out, bool required) {
    const Json* j = field(key, required);
    if (!j) return false;
    if (!j->is_boolean()) {
        diag_->add(at(key), std::string("expected true or false, found ") + json_type_name(*j));
        return false;
    }
    *out = j->get<bool>();
    return true;
}

bool ObjectReader::integer(const char* key, long long* out, bool required, long long min, long long max) {
    const Json* j = field(key, required);
    if (!j) return false;
    if (!j->is_number_integer()) {
        diag_->add(at(key), std::string("expected an integer, found ") + json_type_name(*j));
        return false;
    }
    // number_unsigned above INT64_MAX would wrap in get<long long>(); it is out of
    // range whatever min and max are. (Comparing it with (unsigned long long)max
    // let 2^64-1 through as -1 when max was negative, and max + 1 overflowed for
    // max == INT64_MAX.)
    bool huge = j->is_number_unsigned() && j->get<unsigned long long>() > (unsigned long long)std::numeric_limits<long long>::max();
    long long v = huge ? 0 : j->get<long long>();
    if (huge || v < min || v > max) {
        diag_->add(at(key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return false;
    }
    *out = v;
    return true;
}

const Json* ObjectReader::array(const char* key, bool required, size_t max_items) {
    const Json* j = field(key, required);
    if (!j) return nullptr;
    if (!j->is_array()) {
        diag_->add(at(key), std::string("expected an array, found ") + json_type_name(*j));
        return nullptr;
    }
    if (j->size() > max_items) {
        diag_->add(at(key), "has " + std::to_string(j->size()) + " items; the limit is " + std::to_string(max_items));
        return nullptr;
    }
    return j;
}

const Json* ObjectReader::object(const char* key, bool required) {
    const Json* j = field(key, required);
    if (!j) return nullptr;
    if (!j->is_object()) {
        diag_->add(at(key), std::string("expected an object, found ") + json_type_name(*j));
        return nullptr;
    }
    return j;
}

void ObjectReader::finish() {
    if (!object_) return;
    for (auto it = object_->begin(); it != object_->end(); ++it) {
        if (std::find(known_.begin(), known_.end(), it.key()) == known_.end())
            diag_->add(at(it.key()), "unknown field \"" + it.key() + "\"");
    }
}

}  // namespace cm
