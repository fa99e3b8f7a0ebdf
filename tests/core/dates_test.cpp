#include "dates.h"

#include <gtest/gtest.h>

#include <string>

namespace {

constexpr int64_t kDay = 86400000;

const int64_t kNow = 1795773600000;      // 2026-11-27T10:00:00.000Z
const int64_t kEarlier = 1741064767890;  // 2025-03-04T05:06:07.890Z
const std::string kNowIso = "2026-11-27T10:00:00.000Z";

TEST(Dates, IsoTime) {
    EXPECT_EQ(cm::format_iso_time(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(cm::format_iso_time(kNow), kNowIso);
    EXPECT_EQ(cm::format_iso_time(kEarlier), "2025-03-04T05:06:07.890Z");
    EXPECT_EQ(cm::format_iso_time(-1), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(cm::format_iso_time(951782400000), "2000-02-29T00:00:00.000Z");
    for (int64_t t : {int64_t(0), kNow, kEarlier, int64_t(-1), int64_t(951782400000), int64_t(253402300799999)}) {
        int64_t back = 42;
        ASSERT_TRUE(cm::parse_iso_time(cm::format_iso_time(t), &back)) << t;
        EXPECT_EQ(back, t);
    }
    int64_t ms = 0;
    EXPECT_TRUE(cm::parse_iso_time("2026-11-27T10:00:00Z", &ms));
    EXPECT_EQ(ms, kNow);
    for (const char* bad : {"2026-11-27T10:00:00.000", "2026-11-27 10:00:00.000Z", "2026-02-30T10:00:00.000Z",
                            "2026-11-27T24:00:00.000Z", "2026-11-27T10:60:00.000Z", "2026-11-27T10:00:00.0Z",
                            "2026-11-27T10:00:00+01:00", "", "yesterday"})
        EXPECT_FALSE(cm::parse_iso_time(bad, &ms)) << bad;
}

TEST(Dates, IsValidDate) {
    EXPECT_TRUE(cm::is_valid_date("2024-02-29"));
    EXPECT_FALSE(cm::is_valid_date("2023-02-29"));
    EXPECT_FALSE(cm::is_valid_date("2026-13-01"));
    EXPECT_TRUE(cm::is_valid_date("2000-02-29"));
    EXPECT_FALSE(cm::is_valid_date("1900-02-29"));
    EXPECT_TRUE(cm::is_valid_date("2026-12-31"));
    EXPECT_FALSE(cm::is_valid_date("2026-04-31"));
    EXPECT_FALSE(cm::is_valid_date("2026-00-10"));
    EXPECT_FALSE(cm::is_valid_date("2026-01-00"));
    EXPECT_FALSE(cm::is_valid_date("0000-01-01"));
    EXPECT_FALSE(cm::is_valid_date("2026-1-01"));
    EXPECT_FALSE(cm::is_valid_date("2026/01/01"));
    EXPECT_FALSE(cm::is_valid_date("2026-01-01T00"));
    EXPECT_FALSE(cm::is_valid_date("２026-01-01"));
    EXPECT_FALSE(cm::is_valid_date(""));
}

TEST(Dates, ForPeople) {
    int64_t ms = 0;
    ASSERT_TRUE(cm::parse_iso_time("2026-11-27T10:42:59.999Z", &ms));
    EXPECT_EQ(cm::utc_minute(ms), "2026-11-27 10:42 UTC");
    EXPECT_EQ(cm::days_ago(0), "today");
    EXPECT_EQ(cm::days_ago(kDay - 1), "today");
    EXPECT_EQ(cm::days_ago(kDay), "yesterday");
    EXPECT_EQ(cm::days_ago(12 * kDay + 5), "12 days ago");
    EXPECT_EQ(cm::month_name("2027-03-20"), "March 2027");
    EXPECT_EQ(cm::month_name("2027-12"), "December 2027");
    EXPECT_EQ(cm::month_name("2027-13-01"), "");
    EXPECT_EQ(cm::month_name("2027-00-01"), "");
    EXPECT_EQ(cm::month_name("27-03-01"), "");
    EXPECT_EQ(cm::month_name(""), "");
}

}  // namespace
