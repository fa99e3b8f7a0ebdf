// Career Matrix core: synthetic frameworks, N times larger than a real one.
// The benchmarks (bench/) and cm-synth need frameworks 10 and 100 times the
// size of the default data to show how costs grow. Random text would search and
// diff unlike real text, so a synthetic framework is made of N copies of a real
// one: the same components, areas and levels, every expectation repeated N
// times with a new id, its `extends` chain kept inside its copy, and its words
// varied deterministically per copy (a word maps to the same substitute all
// through a copy, so a grown text still differs from its base the way the
// original did, and searches hit a realistic, varied set).
#pragma once
#include "framework.h"

namespace cm {

// Copy 0 is `base` unchanged; copies 1..scale-1 carry ids "<id>.s<k>" (or
// "s<k>-<n>" when that would exceed 64 characters). `base` must be a loaded
// (valid, indexed) framework; the result is indexed and, written with
// save_framework(), loads with load_framework(). Same input, same output.
Framework synthetic_framework(const Framework& base, int scale);

}  // namespace cm
