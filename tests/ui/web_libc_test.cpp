// The web build's snprintf, sscanf and strtod (wasm/platform/web_libc.cpp) held
// against the system's libc: the same text, the same values.
#include "web_libc.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

std::string ours(const char* fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = web_libc::format(buf, sizeof buf, fmt, ap);
    va_end(ap);
    EXPECT_EQ(size_t(n), std::strlen(buf)) << fmt;
    return buf;
}

std::string theirs(const char* fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

int scan(const char* str, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = web_libc::scan(str, fmt, ap);
    va_end(ap);
    return n;
}

#define SAME(...) EXPECT_EQ(ours(__VA_ARGS__), theirs(__VA_ARGS__))

TEST(WebLibc, IntegersAsLibcWritesThem) {
    for (int v : {0, 1, -1, 7, 42, -42, 255, 1000, -99999, 2147483647, int(-2147483647 - 1)}) {
        SAME("%d", v);
        SAME("%i|%5d|%-5d|%05d|%+d|% d|%.3d|%8.3d|%-8.3d|%.0d", v, v, v, v, v, v, v, v, v, v);
        SAME("%x %X %08X %#x %o %#o %u", v, v, v, v, v, v, unsigned(v));
    }
    SAME("%lld %llu %llx", -1234567890123456789LL, 18446744073709551615ULL, 0xdeadbeefcafeULL);
    SAME("%ld %zu %hhd %hd %hhu %hx", -5L, size_t(123456), 300, 70000, 300, 70000);
    SAME("%*d|%-*d|%.*d", 6, 12, 6, 12, 4, 12);
}

TEST(WebLibc, WhatImGuiAndTheCoreFormat) {
    SAME("##Tooltip_%02d", 3);
    SAME("%s/%s_%08X", "Root", "child", 0xABCDu);
    SAME("##Popup_%08x", 0x1234abcdu);
    SAME("%.*s", 3, "abcdef");
    SAME("[%-10s|%10s|%.2s|%c|%%]", "left", "right", "xyz", 'Q');
    SAME("\\u%04x", 0x1f);
    SAME("<U+%.4X>", 0x7u);
    SAME("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", 2026, 12, 1, 9, 5, 7, 42);
}

TEST(WebLibc, FloatsForDisplay) {
    for (double v : {0.0, 1.0, -1.0, 0.5, 2.5, 3.14159265, -0.001, 123.456, 99.995, 1e6, 0.1, 59.94, 1234567.891}) {
        SAME("%f|%.0f|%.1f|%.3f|%8.2f|%-8.2f|%+.2f|%08.3f", v, v, v, v, v, v, v, v);
        SAME("%e|%.2e|%E", v, v, v);
        SAME("%g|%.3g|%G|%.10g", v, v, v, v);
    }
    SAME("%f %F %f", INFINITY, -INFINITY, NAN);
    SAME("%.0f%%", 42.0);
    SAME("%g %g %g", 1e-5, 1e20, 0.0001);
    for (double v : {1e300, 1.7976931348623157e308, 1e-300, 2.2250738585072014e-308, 123456789e-20, 9.999999e99})
        SAME("%e|%.3e|%g|%.12g", v, v, v, v);
}

TEST(WebLibc, ATooSmallBufferIsCutAndTheWholeLengthReturned) {
    char buf[8];
    auto fill = [&](const char* fmt, ...) {
        va_list ap;
        va_start(ap, fmt);
        int n = web_libc::format(buf, sizeof buf, fmt, ap);
        va_end(ap);
        return n;
    };
    EXPECT_EQ(fill("%s-%d", "abcdef", 12345), 12);
    EXPECT_STREQ(buf, "abcdef-");
    auto length_only = [](const char* fmt, ...) {
        va_list ap;
        va_start(ap, fmt);
        int n = web_libc::format(nullptr, 0, fmt, ap);
        va_end(ap);
        return n;
    };
    EXPECT_EQ(length_only("abc%d", 42), 5);
}

TEST(WebLibc, NumbersParseAsStrtodParsesThem) {
    const char* exact[] = {"0", "-0", "1", "-1", "0.5", "3.25", "1e10", "1E-5", "123456789012345", "-2.5e-3",
                           "0.1", "0.2", "0.3", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308",
                           "9007199254740993", "1e23", "1.5e300", "123.456e-200", "  42  ", "+7", "12abc", ".5", "5.",
                           "1e", "1e+", "infinity", "-inf", "nan", "1e999", "-1e999", "1e-999", "5e-400",
                           "123456789e99999", "0.000000000000000000000000000001"};
    for (const char* s : exact) {
        char *e1 = nullptr, *e2 = nullptr;
        double a = web_libc::parse_double(s, &e1), b = std::strtod(s, &e2);
        EXPECT_EQ(e1 - s, e2 - s) << s;
        if (std::isnan(b) || std::isinf(b)) {
            EXPECT_TRUE(std::isnan(b) ? std::isnan(a) : a == b) << s;
            continue;
        }
        // Correctly rounded in the fast path (at most 15 digits, exponent within ±22), close otherwise.
        double ulp = std::fabs(std::nextafter(b, INFINITY) - b);
        EXPECT_LE(std::fabs(a - b), 4 * ulp) << s;
        if (std::strlen(s) <= 16 && std::fabs(b) < 1e22 && std::fabs(b) > 1e-22) {
            EXPECT_EQ(a, b) << s;
        }
    }
    char* end = nullptr;
    EXPECT_EQ(web_libc::parse_double("abc", &end), 0.0);
    EXPECT_STREQ(end, "abc");  // nothing read: end is the start
}

TEST(WebLibc, ScansLikeImGuisSettingsReader) {
    int x = 0, y = 0, n = 0;
    EXPECT_EQ(scan("Pos=60,-12", "Pos=%i,%i", &x, &y), 2);
    EXPECT_EQ(x, 60);
    EXPECT_EQ(y, -12);
    unsigned id = 0;
    EXPECT_EQ(scan("0x0000ABCD,3", "0x%08X,%d%n", &id, &x, &n), 2);
    EXPECT_EQ(id, 0xABCDu);
    EXPECT_EQ(x, 3);
    EXPECT_EQ(n, 12);
    float f = 0;
    char word[16];
    EXPECT_EQ(scan("  2.5 apples", "%f %15s", &f, word), 2);
    EXPECT_EQ(f, 2.5f);
    EXPECT_STREQ(word, "apples");
    EXPECT_EQ(scan("Size=abc", "Size=%d", &x), 0);  // no digits: nothing assigned
    EXPECT_EQ(scan("", "%d", &x), -1);               // input ended before the first conversion
    EXPECT_EQ(scan("50%", "%d%%", &x), 1);
}

}  // namespace

namespace {

// Random values of the sizes the app shows (a fixed seed: the same values every run).
TEST(WebLibc, RandomNumbersAsLibcWritesThem) {
    uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    int differences = 0;
    for (int i = 0; i < 100000; i++) {
        uint64_t r = next();
        int64_t n = int64_t(r) >> (r % 60);
        double v = double(int64_t(next() % 2000000000) - 1000000000) / double(1 + next() % 100000);
        int precision = int(next() % 7);
        if (ours("%lld|%llx|%-12lld", (long long)n, (unsigned long long)n, (long long)n) !=
            theirs("%lld|%llx|%-12lld", (long long)n, (unsigned long long)n, (long long)n))
            differences++;
        if (ours("%.*f|%.*e|%.*g", precision, v, precision, v, precision, v) !=
            theirs("%.*f|%.*e|%.*g", precision, v, precision, v, precision, v)) {
            differences++;
            ADD_FAILURE() << ours("%.*f|%.*e|%.*g", precision, v, precision, v, precision, v) << " vs "
                          << theirs("%.*f|%.*e|%.*g", precision, v, precision, v, precision, v);
            if (differences > 5) break;
        }
    }
    EXPECT_EQ(differences, 0);
}

}  // namespace

namespace {

// sinf and cosf next to the correctly rounded value (the double result rounded),
// over the angles ImGui draws arcs with and well beyond.
TEST(WebLibc, SineAndCosineToAFloatsRounding) {
    int exact = 0, total = 0;
    for (float x = -100.0f; x <= 100.0f; x += 0.00731f) {
        for (bool cosine : {false, true}) {
            float ours = web_libc::sine_or_cosine(x, cosine);
            float rounded = float(cosine ? std::cos(double(x)) : std::sin(double(x)));
            float ulp = std::fabs(std::nextafter(rounded, 2.0f) - rounded);
            ASSERT_LE(std::fabs(ours - rounded), ulp) << (cosine ? "cos " : "sin ") << x;
            exact += ours == rounded;
            total++;
        }
    }
    EXPECT_GE(exact, total - total / 1000) << "correctly rounded in " << exact << " of " << total;
    for (float x : {0.0f, -0.0f, 1.5707964f, 3.1415927f, 6.2831855f, 1e6f})
        EXPECT_NEAR(web_libc::sine_or_cosine(x, false), std::sin(double(x)), 1e-6) << x;
    EXPECT_EQ(web_libc::sine_or_cosine(0.0f, true), 1.0f);
}

}  // namespace
