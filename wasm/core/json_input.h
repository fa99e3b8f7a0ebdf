// Career Matrix core: reading JSON that nobody vouches for.
// Data files edited by hand, plans imported from disk, localStorage written by
// another page of the same origin: all of it arrives here first. Size and
// nesting are bounded before the reader builds nlohmann's DOM (it recurses once
// per level), and every problem is collected, each with its file and JSON
// pointer, so a reader sees them all at once.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cm {

using Json = nlohmann::ordered_json;

struct Problem {
    std::string where;    // "file:/json/pointer" or "file:line:column"
    std::string message;
};

struct Diagnostics {
    std::string file;  // shown before every pointer, e.g. "infrastructure.json"
    std::vector<Problem> problems;
    size_t max_problems = 200;  // past this, one "too many problems" line
    size_t count = 0;           // every problem reported, listed or not: compare counts, not sizes

    void add(std::string_view pointer, std::string message);            // "" is the document root
    void add_at(std::string_view line_column, std::string message);    // for syntax errors
    bool ok() const { return problems.empty(); }
    std::string to_string() const;  // one problem per line
};

struct JsonLimits {
    size_t max_bytes = 8u << 20;
    int max_depth = 32;
};

// Parses `text` into `out` after checking its size and nesting depth. On failure
// `out` is left null, the reason (with line and column for syntax errors) is
// added to `diag`, and false is returned.
bool parse_untrusted_json(std::string_view text, const JsonLimits& limits, Json* out, Diagnostics* diag);

// Escapes one JSON pointer reference token ("a/b" -> "a~1b").
std::string pointer_token(std::string_view key);

// Checked access to one JSON object, reporting into Diagnostics. Every field read
// is remembered, so finish() can report the fields nobody asked for.
class ObjectReader {
public:
    ObjectReader(const Json& object, std::string pointer, Diagnostics* diag);

    bool valid() const { return object_ != nullptr; }
    const std::string& pointer() const { return pointer_; }
    std::string at(std::string_view key) const { return pointer_ + "/" + pointer_token(key); }

    // Each returns false (and reports) when the field is missing while required,
    // or present with the wrong type or out of range. `*out` is untouched then.
    bool string(const char* key, std::string* out, bool required, size_t max_len, bool allow_empty = false);
    bool boolean(const char* key, bool* out, bool required);
    bool integer(const char* key, long long* out, bool required, long long min, long long max);
    const Json* array(const char* key, bool required, size_t max_items);
    const Json* object(const char* key, bool required);
    bool has(const char* key) const;

    void finish();  // reports unknown fields

private:
    const Json* field(const char* key, bool required);
    const Json* object_ = nullptr;
    std::string pointer_;
    Diagnostics* diag_;
    std::vector<std::string_view> known_;
};

const char* json_type_name(const Json& j);

}  // namespace cm
