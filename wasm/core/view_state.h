// Career Matrix core: what the reader is looking at, and its URL fragment.
// The fragment makes every view a link ("Senior, Autonomy only") and makes
// back/forward work. It never carries personal data: plans stay in storage.
//
//   #view=compare&from=senior&to=staff&areas=autonomy&q=on-call
//   #levels=senior..principal&components=engineering&new=1&item=staff.autonomy.2
#pragma once
#include "framework.h"

#include <string>
#include <string_view>
#include <vector>

namespace cm {

enum class View : uint8_t { Ladder, Compare, Plan };
const char* view_name(View v);

struct ViewState {
    View view = View::Ladder;
    std::vector<std::string> levels;      // level ids shown (empty: all), in ladder order
    std::vector<std::string> areas;       // dimension and section ids shown
    std::vector<std::string> components;  // component ids shown (all their areas); none of both: all
    std::string search;
    bool only_new = false;
    std::string compare_from, compare_to;  // level ids
    std::string selected;                  // expectation id shown in the detail pane

    bool operator==(const ViewState&) const = default;
};

constexpr size_t kMaxHashBytes = 4096;
constexpr size_t kMaxSearchBytes = 200;  // longer search text is cut (at a character boundary)

// Writes the fragment (without '#'); fields at their defaults are left out.
// Runs of consecutive levels are written as ranges ("senior..principal").
std::string format_view_hash(const ViewState& v, const Framework& fw);

// Reads a fragment (with or without '#', percent-encoded or not). Unknown keys,
// unknown ids and malformed parts are skipped and described in `warnings`;
// the result always holds only ids that exist in `fw`.
ViewState parse_view_hash(std::string_view hash, const Framework& fw, std::vector<std::string>* warnings = nullptr);

// Percent-encoding as in encodeURIComponent, and its inverse (invalid escapes
// are kept literally; a decoded NUL is dropped).
std::string percent_encode(std::string_view s);
std::string percent_decode(std::string_view s);

}  // namespace cm
