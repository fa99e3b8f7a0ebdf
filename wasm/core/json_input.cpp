#include "json_input.h"

#include <algorithm>
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

// nlohmann's own DOM builder, which also keeps where and why parsing failed.
// One pass, and one parser instantiated: Json::parse would add a second (with
// callbacks) and a separate pass for the error a third, each some KB of wasm.
struct DomParser : nlohmann::detail::json_sax_dom_parser<Json> {
    using json_sax_dom_parser::json_sax_dom_parser;
    size_t position = 0;
    std::string message;
    bool failed = false;
    bool parse_error(std::size_t pos, const std::string& token, const nlohmann::detail::exception& ex) {
        failed = true;
        position = pos > 0 ? pos - 1 : 0;
        // nlohmann's messages start with "[json.exception.<kind>.<n>] ", and syntax errors go on with
        // "parse error at line 1, column 2: ": keep only what says what was wrong (we give the place).
        std::string what = ex.what();
        if (!what.empty() && what[0] == '[' && what.find("] ") != std::string::npos) what = what.substr(what.find("] ") + 2);
        size_t colon = what.rfind("parse error", 0) == 0 ? what.find(": ") : std::string::npos;
        message = colon == std::string::npos ? what : what.substr(colon + 2);
        if (!token.empty() && token.size() < 40 && message.find("last read") == std::string::npos)
            message += " (near '" + token + "')";
        return false;
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
    DomParser dom(j, /*allow_exceptions_=*/false);
    if (!Json::sax_parse(text.begin(), text.end(), &dom, nlohmann::detail::input_format_t::json, /*strict=*/true) || dom.failed) {
        diag->add_at(line_column(text, dom.position), dom.message.empty() ? "not valid JSON" : "not valid JSON: " + dom.message);
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
