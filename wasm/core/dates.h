// Career Matrix core: the one place dates and times are read, written and shown.
// Plans store UTC times as ISO 8601 with milliseconds and target dates as
// YYYY-MM-DD; nothing here reads a clock (callers pass the time in).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace cm {

// "2026-11-27T10:00:00.000Z". Times outside years 0001-9999 are clamped.
std::string format_iso_time(int64_t ms);
// Accepts exactly that shape, with or without the ".mmm" part; "Z" is required.
bool parse_iso_time(std::string_view text, int64_t* ms);

// YYYY-MM-DD, a real calendar date (year 0001-9999).
bool is_valid_date(std::string_view date);

// For people: "2026-11-27 10:42 UTC"; a duration as "today", "yesterday", "12 days ago".
std::string utc_minute(int64_t ms);
std::string days_ago(int64_t ms);
// A YYYY-MM(-DD) date's month for headings: "March 2027" ("" when not a month).
std::string month_name(std::string_view date);

}  // namespace cm
