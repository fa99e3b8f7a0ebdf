// The web build's own snprintf, sscanf, strtod, sinf and cosf, linked in place of musl's.
//
// musl's versions carry long-double arithmetic, hexadecimal floats and every
// conversion (about 30 KB of wasm). What reaches them here is small: Dear ImGui
// formats names and ids (%s, %d, %08X...), nlohmann_json writes "\u%04x" and
// reads floating-point numbers, the core writes dates, and ImGui's settings
// parser (never run: the app keeps no .ini) scans integers. These cover that,
// with the C standard's meaning for what they support:
//   printf: flags - + space 0 #, width and precision (also *), length modifiers,
//           d i u o x X c s p %, and f F e E g G (from a double: exact to about
//           17 significant digits, enough for display);
//   scanf:  d i u x X o c s n %, literal text and whitespace, f e g (via strtod);
//   strtod: decimal numbers, inf and nan; correctly rounded when the digits fit
//           in 2^53 and the exponent is within ±22 (every number the app's files
//           hold), otherwise within a few units in the last place;
//   sinf, cosf: for the angles ImGui draws arcs with; computed in double, so
//           within a float's rounding for |x| < 2^20 (musl's large-argument
//           reduction, 2 KB, is what this leaves out).
// app.wasm links the C functions at the end in place of musl's; natively only
// the web_libc:: functions exist, so tests/ui/web_libc_test.cpp can hold them
// against the system's libc.
#include "web_libc.h"

#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>
#ifdef __EMSCRIPTEN__
#include <locale.h>  // locale_t
#endif

namespace {

const double kPowers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                          1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// v * 10^e by exact powers of ten (no pow(), whose tables would cost more than all of this).
double scale10(double v, int e) {
    for (; e > 22; e -= 22) v *= 1e22;
    for (; e < -22; e += 22) v /= 1e22;
    return e >= 0 ? v * kPowers[e] : v / kPowers[-e];
}

struct Out {
    char* buf;
    size_t cap;  // including the terminating NUL
    size_t len = 0;
    void put(char c) {
        if (len + 1 < cap) buf[len] = c;
        len++;
    }
    void put(const char* s, size_t n) {
        for (size_t i = 0; i < n; i++) put(s[i]);
    }
    void pad(char c, int n) {
        for (; n > 0; n--) put(c);
    }
};

struct Spec {
    bool left = false, plus = false, space = false, zero = false, alt = false;
    int width = 0, precision = -1;
};

// Digits of v in `base`, written backwards into the end of `tmp`; returns the first.
char* digits(uint64_t v, unsigned base, bool upper, char* end) {
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char* p = end;
    do {
        *--p = set[v % base];
        v /= base;
    } while (v);
    return p;
}

// A number's parts laid out under the spec: sign, prefix ("0x"), zero padding, body.
void emit(Out& out, const Spec& s, const char* sign, const char* prefix, const char* body, size_t body_len, int zeros = 0) {
    size_t n = std::strlen(sign) + std::strlen(prefix) + size_t(zeros) + body_len;
    int fill = s.width > int(n) ? s.width - int(n) : 0;
    if (!s.left && !s.zero) out.pad(' ', fill);
    out.put(sign, std::strlen(sign));
    out.put(prefix, std::strlen(prefix));
    if (!s.left && s.zero) out.pad('0', fill);
    out.pad('0', zeros);
    out.put(body, body_len);
    if (s.left) out.pad(' ', fill);
}

void format_integer(Out& out, Spec s, uint64_t magnitude, bool negative, char conv) {
    char tmp[24];
    unsigned base = conv == 'o' ? 8 : conv == 'x' || conv == 'X' || conv == 'p' ? 16 : 10;
    char* end = tmp + sizeof tmp;
    char* p = digits(magnitude, base, conv == 'X', end);
    size_t len = size_t(end - p);
    if (s.precision == 0 && magnitude == 0) len = 0;  // "%.0d" of 0 prints nothing
    int zeros = s.precision > int(len) ? s.precision - int(len) : 0;
    if (s.precision >= 0) s.zero = false;
    const char* sign = negative ? "-" : s.plus ? "+" : s.space ? " " : "";
    if (conv == 'u' || conv == 'x' || conv == 'X' || conv == 'o' || conv == 'p') sign = "";
    const char* prefix = (s.alt || conv == 'p') && magnitude != 0 && base == 16 ? (conv == 'X' ? "0X" : "0x") : "";
    if (s.alt && base == 8 && zeros == 0 && (len == 0 || *p != '0')) zeros = 1;
    emit(out, s, sign, prefix, p, len, zeros);
}

// v >= 0, finite. Fixed notation with `precision` decimals into `body`.
size_t fixed_body(double v, int precision, bool alt, char* body, size_t cap) {
    if (precision > 17) precision = 17;
    double scale = kPowers[precision];
    double whole = std::floor(v);
    double frac = std::nearbyint((v - whole) * scale);  // ties to even, as libc rounds an exact half
    if (frac >= scale) {
        whole += 1;
        frac -= scale;
    }
    size_t n = 0;
    // The integer part, digit by digit from a double (exact while below 2^53, close beyond).
    char rev[320];
    size_t r = 0;
    do {
        double q = std::floor(whole / 10);
        int d = int(whole - q * 10);
        rev[r++] = char('0' + (d < 0 ? 0 : d > 9 ? 9 : d));
        whole = q;
    } while (whole >= 1 && r < sizeof rev);
    while (r > 0 && n + 1 < cap) body[n++] = rev[--r];
    if ((precision > 0 || alt) && n + 1 < cap) body[n++] = '.';
    char fd[20];
    uint64_t f = uint64_t(frac);
    for (int i = precision - 1; i >= 0; i--) {
        fd[i] = char('0' + f % 10);
        f /= 10;
    }
    for (int i = 0; i < precision && n + 1 < cap; i++) body[n++] = fd[i];
    return n;
}

void format_float(Out& out, Spec s, double v, char conv) {
    bool upper = conv == 'F' || conv == 'E' || conv == 'G';
    const char* sign = std::signbit(v) ? "-" : s.plus ? "+" : s.space ? " " : "";
    v = std::fabs(v);
    if (!std::isfinite(v)) {
        s.zero = false;
        const char* word = std::isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        emit(out, s, sign, "", word, 3);
        return;
    }
    int precision = s.precision < 0 ? 6 : s.precision;
    char body[400];
    size_t n = 0;
    char lower = char(conv | 0x20);
    // The decimal exponent of v once rounded to `digits` significant digits.
    auto exponent_of = [&](int digits) {
        if (v == 0) return 0;
        int binary;
        std::frexp(v, &binary);
        int e = int(std::floor((binary - 1) * 0.30102999566398120));  // log10(2): at most one off
        while (scale10(v, -e) >= 10) e++;
        while (scale10(v, -e) < 1) e--;
        if (scale10(v, -e) >= 10 - scale10(0.5, 1 - digits)) e++;  // rounds up to 10
        return e;
    };
    bool exponential = lower == 'e';
    int exponent = 0;
    if (lower == 'g') {
        if (precision == 0) precision = 1;
        exponent = exponent_of(precision);
        exponential = exponent < -4 || exponent >= precision;
        precision = exponential ? precision - 1 : precision - 1 - exponent;
    } else if (exponential) {
        exponent = exponent_of(precision + 1);
    }
    if (exponential) {
        double m = v == 0 ? 0 : scale10(v, -exponent);
        n = fixed_body(m, precision, s.alt, body, sizeof body - 8);
    } else {
        n = fixed_body(v, precision, s.alt, body, sizeof body - 8);
    }
    if (lower == 'g' && !s.alt && std::memchr(body, '.', n)) {  // %g drops trailing zeros
        while (n > 0 && body[n - 1] == '0') n--;
        if (n > 0 && body[n - 1] == '.') n--;
    }
    if (exponential) {
        body[n++] = upper ? 'E' : 'e';
        body[n++] = exponent < 0 ? '-' : '+';
        int e = exponent < 0 ? -exponent : exponent;
        if (e >= 100) body[n++] = char('0' + e / 100);
        body[n++] = char('0' + e / 10 % 10);
        body[n++] = char('0' + e % 10);
    }
    emit(out, s, sign, "", body, n);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}


}  // namespace

namespace web_libc {

int format(char* buf, size_t cap, const char* fmt, va_list ap) {
    Out out{buf, cap};
    for (const char* f = fmt; *f; f++) {
        if (*f != '%') {
            out.put(*f);
            continue;
        }
        Spec s;
        for (f++;; f++) {
            if (*f == '-') s.left = true;
            else if (*f == '+') s.plus = true;
            else if (*f == ' ') s.space = true;
            else if (*f == '0') s.zero = true;
            else if (*f == '#') s.alt = true;
            else break;
        }
        if (*f == '*') {
            s.width = va_arg(ap, int);
            if (s.width < 0) {
                s.left = true;
                s.width = -s.width;
            }
            f++;
        } else {
            while (std::isdigit(static_cast<unsigned char>(*f))) s.width = s.width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            f++;
            s.precision = 0;
            if (*f == '*') {
                s.precision = va_arg(ap, int);
                f++;
            } else {
                while (std::isdigit(static_cast<unsigned char>(*f))) s.precision = s.precision * 10 + (*f++ - '0');
            }
        }
        int longs = 0, shorts = 0;  // h and hh narrow the promoted int
        bool size_like = false;
        for (;; f++) {
            if (*f == 'l') longs++;
            else if (*f == 'h') shorts++;
            else if (*f == 'z' || *f == 'j' || *f == 't') size_like = true;
            else if (*f != 'L') break;
        }
        char conv = *f;
        if (!conv) break;
        switch (conv) {
        case 'd':
        case 'i': {
            int64_t v = longs >= 2 || size_like ? va_arg(ap, long long) : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
            if (shorts) v = shorts >= 2 ? int64_t(static_cast<signed char>(v)) : int64_t(static_cast<short>(v));
            format_integer(out, s, v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v), v < 0, conv);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            uint64_t v = longs >= 2 || size_like ? va_arg(ap, unsigned long long) : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            if (shorts) v = shorts >= 2 ? uint64_t(static_cast<unsigned char>(v)) : uint64_t(static_cast<unsigned short>(v));
            format_integer(out, s, v, false, conv);
            break;
        }
        case 'p': format_integer(out, s, uint64_t(uintptr_t(va_arg(ap, void*))), false, 'p'); break;
        case 'c': {
            char c = char(va_arg(ap, int));
            s.zero = false;
            emit(out, s, "", "", &c, 1);
            break;
        }
        case 's': {
            const char* str = va_arg(ap, const char*);
            if (!str) str = "(null)";
            size_t n = 0;
            while ((s.precision < 0 || n < size_t(s.precision)) && str[n]) n++;
            s.zero = false;
            emit(out, s, "", "", str, n);
            break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': format_float(out, s, va_arg(ap, double), conv); break;
        case '%': out.put('%'); break;
        default:  // not a conversion this supports: written as it stands
            out.put('%');
            out.put(conv);
        }
    }
    if (cap > 0) buf[out.len < cap ? out.len : cap - 1] = '\0';
    return int(out.len);
}

double parse_double(const char* str, char** end) {
    const char* p = str;
    while (is_space(*p)) p++;
    bool negative = *p == '-';
    if (*p == '-' || *p == '+') p++;
    auto word = [&](const char* w) {
        size_t n = std::strlen(w);
        for (size_t i = 0; i < n; i++)
            if (std::tolower(static_cast<unsigned char>(p[i])) != w[i]) return false;
        return true;
    };
    if (word("inf")) {
        p += word("infinity") ? 8 : 3;
        if (end) *end = const_cast<char*>(p);
        return negative ? -HUGE_VAL : HUGE_VAL;
    }
    if (word("nan")) {
        if (end) *end = const_cast<char*>(p + 3);
        return negative ? -NAN : NAN;
    }
    uint64_t mantissa = 0;
    int exponent = 0, digits_seen = 0;
    for (; *p >= '0' && *p <= '9'; p++, digits_seen++) {
        if (mantissa < 1000000000000000000ull) mantissa = mantissa * 10 + uint64_t(*p - '0');
        else exponent++;  // beyond 19 digits only the magnitude counts
    }
    if (*p == '.') {
        p++;
        for (; *p >= '0' && *p <= '9'; p++, digits_seen++) {
            if (mantissa < 1000000000000000000ull) {
                mantissa = mantissa * 10 + uint64_t(*p - '0');
                exponent--;
            }
        }
    }
    if (digits_seen == 0) {  // no number at all
        if (end) *end = const_cast<char*>(str);
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        const char* q = p + 1;
        bool negative_exponent = *q == '-';
        if (*q == '-' || *q == '+') q++;
        if (*q >= '0' && *q <= '9') {
            int e = 0;
            for (; *q >= '0' && *q <= '9'; q++)
                if (e < 100000) e = e * 10 + (*q - '0');
            exponent += negative_exponent ? -e : e;
            p = q;
        }
    }
    if (end) *end = const_cast<char*>(p);
    double v = double(mantissa);
    // Exact operands and one rounding (Clinger's fast path); otherwise steps of 1e22.
    if (exponent < 0) {
        for (; exponent < -22 && v != 0; exponent += 22) v /= 1e22;
        v /= kPowers[-exponent < 23 ? -exponent : 22];
    } else {
        for (; exponent > 22 && std::isfinite(v); exponent -= 22) v *= 1e22;
        v *= kPowers[exponent < 23 ? exponent : 22];  // still above 22 only when v is already infinite
    }
    return negative ? -v : v;
}

int scan(const char* str, const char* fmt, va_list ap) {
    const char* p = str;
    int assigned = 0;
    for (const char* f = fmt; *f; f++) {
        if (is_space(*f)) {
            while (is_space(*p)) p++;
            continue;
        }
        if (*f != '%' || f[1] == '%') {
            if (*f == '%') f++;
            if (*p != *f) return assigned;
            p++;
            continue;
        }
        f++;
        bool suppress = *f == '*';
        if (suppress) f++;
        int width = 0;
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        int longs = 0;
        for (; *f == 'l' || *f == 'h' || *f == 'z' || *f == 'j' || *f == 't' || *f == 'L'; f++)
            if (*f == 'l' || *f == 'L') longs++;
        char conv = *f;
        if (conv == 'n') {
            if (!suppress) *va_arg(ap, int*) = int(p - str);
            continue;
        }
        if (conv != 'c') {
            while (is_space(*p)) p++;
        }
        if (!*p) return assigned == 0 ? -1 : assigned;
        const char* limit = width > 0 ? p + width : nullptr;
        auto more = [&](const char* q) { return *q && (!limit || q < limit); };
        if (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'X' || conv == 'o') {
            unsigned base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
            const char* q = p;
            bool negative = false;
            if (more(q) && (*q == '-' || *q == '+')) negative = *q++ == '-';
            if (conv == 'i' && more(q) && *q == '0') base = more(q + 1) && (q[1] == 'x' || q[1] == 'X') ? 16 : 8;
            if (base == 16 && more(q) && *q == '0' && more(q + 1) && (q[1] == 'x' || q[1] == 'X')) q += 2;
            const char* first = q;
            uint64_t v = 0;
            for (; more(q) && digit_value(*q) < int(base); q++) v = v * base + uint64_t(digit_value(*q));
            if (q == first) return assigned;
            p = q;
            if (!suppress) {
                uint64_t out = negative ? uint64_t(0) - v : v;
                if (longs >= 2) *va_arg(ap, long long*) = (long long)out;
                else if (longs == 1) *va_arg(ap, long*) = long(out);
                else *va_arg(ap, int*) = int(out);
                assigned++;
            }
        } else if (conv == 'f' || conv == 'e' || conv == 'g' || conv == 'E' || conv == 'G' || conv == 'a') {
            char* after = nullptr;
            double v = parse_double(p, &after);
            if (after == p) return assigned;
            p = after;
            if (!suppress) {
                if (longs) *va_arg(ap, double*) = v;
                else *va_arg(ap, float*) = float(v);
                assigned++;
            }
        } else if (conv == 's' || conv == 'c') {
            int n = conv == 'c' && width == 0 ? 1 : width;
            char* out = suppress ? nullptr : va_arg(ap, char*);
            int i = 0;
            for (; *p && (n == 0 || i < n) && (conv == 'c' || !is_space(*p)); i++, p++)
                if (out) out[i] = *p;
            if (out && conv == 's') out[i] = '\0';
            if (out) assigned++;
        } else {
            return assigned;  // not a conversion this supports
        }
    }
    return assigned;
}

// sin or cos of x: reduced to r in [-pi/4, pi/4] around a multiple q of pi/2, then
// Taylor series in double (the first term left out is below 2e-10 there).
float sine_or_cosine(float x, bool cosine) {
    double d = x;
    double q = std::nearbyint(d * 0.63661977236758134308);  // 2/pi
    double r = (d - q * 1.57079632679489655800) - q * 6.12323399573676603587e-17;  // pi/2 in two parts
    int quadrant = (int(std::fmod(q, 4.0)) + 4 + (cosine ? 1 : 0)) & 3;
    double r2 = r * r;
    double s = r * (1 + r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880 + r2 * (-1.0 / 39916800))))));
    double c = 1 + r2 * (-0.5 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 + r2 * (-1.0 / 3628800)))));
    double v = quadrant == 0 ? s : quadrant == 1 ? c : quadrant == 2 ? -s : -c;
    return float(v);
}

}  // namespace web_libc

#ifdef __EMSCRIPTEN__
extern "C" {

// Emscripten's libc defines these six in one object file, so all six are replaced
// (the app runs in the C locale: the _l forms ignore theirs).
double strtod(const char* str, char** end) { return web_libc::parse_double(str, end); }
float strtof(const char* str, char** end) { return float(web_libc::parse_double(str, end)); }
long double strtold(const char* str, char** end) { return web_libc::parse_double(str, end); }
double strtod_l(const char* str, char** end, locale_t) { return web_libc::parse_double(str, end); }
float strtof_l(const char* str, char** end, locale_t) { return float(web_libc::parse_double(str, end)); }
long double strtold_l(const char* str, char** end, locale_t) { return web_libc::parse_double(str, end); }

int vsnprintf(char* buf, size_t cap, const char* fmt, va_list ap) {
    va_list copy;
    va_copy(copy, ap);
    int n = web_libc::format(buf, cap, fmt, copy);
    va_end(copy);
    return n;
}

int snprintf(char* buf, size_t cap, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = web_libc::format(buf, cap, fmt, ap);
    va_end(ap);
    return n;
}

int vsscanf(const char* str, const char* fmt, va_list ap) { return web_libc::scan(str, fmt, ap); }

float sinf(float x) { return std::isfinite(x) ? web_libc::sine_or_cosine(x, false) : x - x; }  // NaN for inf and NaN
float cosf(float x) { return std::isfinite(x) ? web_libc::sine_or_cosine(x, true) : x - x; }

int sscanf(const char* str, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = web_libc::scan(str, fmt, ap);
    va_end(ap);
    return n;
}

}  // extern "C"
#endif
