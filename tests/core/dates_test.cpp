#include "dates.h"

#include <gtest/gtest.h>

namespace {

constexpr int64_t kDay = 86400000;

TEST(Dates, IsoTimesRoundTrip) {
    int64_t ms = 0;
    ASSERT_TRUE(cm::parse_iso_time("2026-11-27T10:42:05.123Z", &ms));
    EXPECT_EQ(cm::format_iso_time(ms), "2026-11-27T10:42:05.123Z");
    ASSERT_TRUE(cm::parse_iso_time("2024-02-29T00:00:00Z", &ms));
    EXPECT_EQ(cm::format_iso_time(ms), "2024-02-29T00:00:00.000Z");
    for (const char* bad : {"2023-02-29T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27 10:00:00Z", "2026-11-27T10:00:00+01:00", ""})
        EXPECT_FALSE(cm::parse_iso_time(bad, &ms)) << bad;
}

TEST(Dates, CalendarDates) {
    EXPECT_TRUE(cm::is_valid_date("2027-03-01"));
    EXPECT_TRUE(cm::is_valid_date("2000-02-29"));
    EXPECT_FALSE(cm::is_valid_date("1900-02-29"));
    EXPECT_FALSE(cm::is_valid_date("0000-01-01"));
    EXPECT_FALSE(cm::is_valid_date("2027-13-01"));
    EXPECT_FALSE(cm::is_valid_date("2027-3-1"));
}

TEST(Dates, ForPeople) {
    int64_t ms = 0;
    ASSERT_TRUE(cm::parse_iso_time("2026-11-27T10:42:59.999Z", &ms));
    EXPECT_EQ(cm::utc_minute(ms), "2026-11-27 10:42 UTC");
    EXPECT_EQ(cm::days_ago(0), "today");
    EXPECT_EQ(cm::days_ago(kDay - 1), "today");
    EXPECT_EQ(cm::days_ago(kDay), "yesterday");
    EXPECT_EQ(cm::days_ago(12 * kDay + 5), "12 days ago");
}

}  // namespace
