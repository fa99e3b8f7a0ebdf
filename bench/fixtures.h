// Career Matrix benchmarks: the inputs every benchmark shares.
// Frameworks 1x, 10x and 100x the default data (made by the core's
// synthetic_framework(), the same code as cm-synth), their file text, and a
// large growth plan. Built once per process and cached: the benchmarks time the
// operation, never the fixture.
#pragma once
#include "framework.h"
#include "plan_storage.h"

#include <string>

namespace bench {

// The default data: $CM_DATA if set, else <source>/data/infrastructure.json. Exits with a message if unreadable.
const std::string& default_data_path();

// The framework file text at `scale` (1: the default data as shipped; N: cm-synth's output).
const std::string& framework_text(int scale);
// That text, loaded.
const cm::Framework& framework(int scale);

// A plan a committed user might keep: up to `max_items` items spread evenly
// over the framework's expectations, each with about 1 KB of notes in several
// paragraphs, three evidence links and a target date; mixed statuses.
cm::Plan large_plan(const cm::Framework& fw, size_t max_items, int seed = 0);

// A stored document holding `plans` large plans of up to `max_items` items each.
cm::PlanDocument large_plan_document(const cm::Framework& fw, size_t plans, size_t max_items);

// Fixed time for everything that stores a timestamp: output is reproducible.
inline constexpr int64_t kNowMs = 1795000000000;  // 2026-11-18

}  // namespace bench
