// Career Matrix core: dates and times (dates.h).
#include "dates.h"

#include <algorithm>
#include <cstdio>

namespace cm {

bool is_valid_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    int parts[3] = {0, 0, 0};
    const size_t begin[3] = {0, 5, 8}, end[3] = {4, 7, 10};
    for (int p = 0; p < 3; p++) {
        for (size_t i = begin[p]; i < end[p]; i++) {
            if (d[i] < '0' || d[i] > '9') return false;
            parts[p] = parts[p] * 10 + (d[i] - '0');
        }
    }
    int y = parts[0], m = parts[1], day = parts[2];
    if (y < 1 || m < 1 || m > 12 || day < 1) return false;
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return day <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

// Civil-date arithmetic from Howard Hinnant's "chrono-compatible low-level date
// algorithms": exact for the proleptic Gregorian calendar, no locale, no clock.

namespace {

constexpr int64_t kMsPerDay = 86400000;

constexpr int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int64_t* y, int* m, int* d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    *d = int(doy - (153 * mp + 2) / 5 + 1);
    *m = int(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

constexpr int64_t kMinIsoMs = days_from_civil(1, 1, 1) * kMsPerDay;
constexpr int64_t kMaxIsoMs = days_from_civil(9999, 12, 31) * kMsPerDay + kMsPerDay - 1;
static_assert(days_from_civil(1970, 1, 1) == 0 && days_from_civil(2000, 3, 1) == 11017);

}  // namespace

std::string format_iso_time(int64_t ms) {
    ms = std::clamp(ms, kMinIsoMs, kMaxIsoMs);
    int64_t days = ms >= 0 ? ms / kMsPerDay : -((-ms + kMsPerDay - 1) / kMsPerDay);  // floor
    int64_t in_day = ms - days * kMsPerDay;
    int64_t y = 0;
    int m = 0, d = 0;
    civil_from_days(days, &y, &m, &d);
    char buf[64];  // 25 bytes used; room for what the compiler cannot prove about int ranges
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", int(y), m, d, int(in_day / 3600000),
                  int(in_day / 60000 % 60), int(in_day / 1000 % 60), int(in_day % 1000));
    return buf;
}

bool parse_iso_time(std::string_view t, int64_t* ms) {
    // YYYY-MM-DDTHH:MM:SS[.mmm]Z
    if (t.size() != 20 && t.size() != 24) return false;
    if (t.back() != 'Z' || t[10] != 'T' || t[13] != ':' || t[16] != ':') return false;
    if (!is_valid_date(t.substr(0, 10))) return false;
    auto number = [&](size_t at, size_t len, int* out) {
        int v = 0;
        for (size_t i = at; i < at + len; i++) {
            if (t[i] < '0' || t[i] > '9') return false;
            v = v * 10 + (t[i] - '0');
        }
        *out = v;
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, milli = 0;
    number(0, 4, &year);
    number(5, 2, &month);
    number(8, 2, &day);
    if (!number(11, 2, &hour) || !number(14, 2, &minute) || !number(17, 2, &second)) return false;
    if (t.size() == 24 && (t[19] != '.' || !number(20, 3, &milli))) return false;
    if (hour > 23 || minute > 59 || second > 59) return false;
    *ms = days_from_civil(year, month, day) * kMsPerDay + hour * 3600000LL + minute * 60000LL + second * 1000LL + milli;
    return true;
}

std::string utc_minute(int64_t ms) {
    std::string t = format_iso_time(ms);  // "2026-11-27T10:42:00.000Z"
    return t.substr(0, 10) + " " + t.substr(11, 5) + " UTC";
}

std::string days_ago(int64_t ms) {
    int64_t days = ms / kMsPerDay;
    return days <= 0 ? "today" : days == 1 ? "yesterday" : std::to_string(days) + " days ago";
}

std::string month_name(std::string_view date) {
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    if (date.size() < 7 || date[4] != '-') return {};
    for (size_t i : {0, 1, 2, 3, 5, 6})
        if (date[i] < '0' || date[i] > '9') return {};
    int month = (date[5] - '0') * 10 + (date[6] - '0');
    if (month < 1 || month > 12) return {};
    return std::string(kMonths[month - 1]) + " " + std::string(date.substr(0, 4));
}

}  // namespace cm
