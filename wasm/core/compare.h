// Career Matrix core: comparing levels.
// In a cumulative framework a level holds its own expectations plus those of
// the levels below that nothing has grown from since. Readers comparing two
// levels want what the higher one adds, not two walls of repeated text; the
// `extends` links between expectations say which text grew from which.
#pragma once
#include "framework.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace cm {

struct TextRange {
    uint32_t begin = 0, end = 0;  // byte offsets, end exclusive
    bool operator==(const TextRange&) const = default;
};

enum class Change : uint8_t {
    Added,      // new at the higher level
    Grown,      // grew from an expectation of the lower level (text differs)
    Unchanged,  // the same expectation (inherited, or restated word for word)
    Dropped,    // at the lower level only (frameworks that are not cumulative)
};
const char* change_name(Change c);

// Expectations in effect at `level`, grouped by area (area order), then by level and file order.
std::vector<int> effective_expectations(const Framework& fw, int level);

// How an expectation relates to the level directly below its own.
Change change_from_below(const Framework& fw, int expectation);

struct ComparedItem {
    int lower = -1;   // expectation in effect at the lower level, or -1 (Added)
    int higher = -1;  // expectation in effect at the higher level, or -1 (Dropped)
    Change change = Change::Added;
};

struct AreaComparison {
    int area = -1;
    std::vector<ComparedItem> items;  // Added and Grown first, then Unchanged, then Dropped
    int count(Change c) const;
};

// Compares two levels (either order; the result is always lower -> higher), one
// entry per area that has an expectation at either level, in area order.
std::vector<AreaComparison> compare_levels(const Framework& fw, int level_a, int level_b);

// Words of `after` that are not in `before` (longest common subsequence of
// words, case- and punctuation-insensitive), as byte ranges of `after`.
std::vector<TextRange> added_words(std::string_view before, std::string_view after);

// The chain of expectations this one grew from, oldest first, ending with itself.
std::vector<int> lineage(const Framework& fw, int expectation);
// Every expectation that grew from this one, directly or not, lowest level first.
std::vector<int> descendants(const Framework& fw, int expectation);

}  // namespace cm
