// The web build's printf, scanf and strtod (see web_libc.cpp for what they support).
#pragma once

#include <cstdarg>
#include <cstddef>

namespace web_libc {
int format(char* buf, size_t cap, const char* fmt, va_list ap);  // vsnprintf
int scan(const char* str, const char* fmt, va_list ap);          // vsscanf
double parse_double(const char* str, char** end);                // strtod
float sine_or_cosine(float x, bool cosine);                      // sinf, cosf
}  // namespace web_libc
