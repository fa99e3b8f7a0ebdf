// Callgrind's client requests, or nothing: tools/bench runs the benchmarks under
// `valgrind --tool=callgrind --instr-atstart=no` to profile only the measured part.
#pragma once
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif
