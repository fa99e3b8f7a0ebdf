// cm-bench-core: micro-benchmarks of the core at 1x, 10x and 100x the default
// data (Google Benchmark). tools/bench runs it with repetitions and reads its
// JSON; run it by hand with --benchmark_filter=Search etc.
//
// Each benchmark is what the app does on one user action: load+validate when
// the page opens, the ladder query on every filter change, search per keystroke,
// level comparison when two levels are picked, plan save/load on every edit and
// every page load, Markdown export on "copy as Markdown".
#include "compare.h"
#include "export.h"
#include "fixtures.h"
#include "framework_load.h"
#include "plan_storage.h"
#include "search.h"

#include <benchmark/benchmark.h>

#include <algorithm>

namespace {

// The plan used by every plan benchmark: up to 400 items (all 194 at 1x).
constexpr size_t kPlanItems = 400;
const char* const kSearch = "incident review";  // two terms, a handful of matches per copy

cm::Filter full_ladder(const cm::Framework& fw) {
    cm::Filter f;
    f.levels.assign(fw.levels.size(), 1);
    f.areas.assign(fw.areas.size(), 1);
    return f;
}

int level(const cm::Framework& fw, const char* id) {
    int l = fw.find_level(id);
    if (l < 0) std::abort();
    return l;
}

void BM_LoadValidate(benchmark::State& state) {
    const std::string& text = bench::framework_text(int(state.range(0)));
    size_t expectations = 0;
    for (auto _ : state) {
        cm::Framework fw;
        cm::Diagnostics diag;
        if (!cm::load_framework(text, &fw, &diag)) state.SkipWithError("does not load");
        expectations = fw.expectations.size();
        benchmark::DoNotOptimize(fw);
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
    state.counters["file_bytes"] = double(text.size());
    state.counters["expectations"] = double(expectations);
}

void BM_LadderQuery(benchmark::State& state) {  // the whole ladder, no filter: what the first frame asks
    const cm::Framework& fw = bench::framework(int(state.range(0)));
    cm::Filter filter = full_ladder(fw);
    for (auto _ : state) benchmark::DoNotOptimize(cm::query_ladder(fw, filter));
}

void BM_Search(benchmark::State& state) {
    const cm::Framework& fw = bench::framework(int(state.range(0)));
    cm::Filter filter = full_ladder(fw);
    filter.search = cm::parse_search(kSearch);
    int matches = 0;
    for (auto _ : state) {
        cm::LadderContent content = cm::query_ladder(fw, filter);
        matches = content.matches;
        benchmark::DoNotOptimize(content);
    }
    state.counters["matches"] = matches;
}

void BM_CompareLevels(benchmark::State& state) {
    const cm::Framework& fw = bench::framework(int(state.range(0)));
    int senior = level(fw, "senior"), staff = level(fw, "staff");
    size_t items = 0;
    for (auto _ : state) {
        auto result = cm::compare_levels(fw, senior, staff);
        items = 0;
        for (const auto& a : result) items += a.items.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["items"] = double(items);
}

void BM_PlanSave(benchmark::State& state) {
    const cm::Framework& fw = bench::framework(int(state.range(0)));
    cm::PlanDocument doc;
    doc.plans.push_back(bench::large_plan(fw, kPlanItems));
    doc.active_plan = doc.plans[0].id;
    cm::MemoryStore kv;
    cm::PlanStore store(kv);
    if (store.save(&doc, bench::kNowMs).status != cm::SaveStatus::Saved) state.SkipWithError("first save failed");
    for (auto _ : state) {  // an edit: one note changes, the document is saved (compare-and-swap, write, read back)
        doc.plans[0].items[0].notes.back() = doc.plans[0].items[0].notes.back() == '.' ? '!' : '.';
        if (store.save(&doc, bench::kNowMs).status != cm::SaveStatus::Saved) state.SkipWithError("save failed");
    }
    state.counters["stored_bytes"] = double(kv.used_bytes());
    state.counters["items"] = double(doc.plans[0].items.size());
}

void BM_PlanLoad(benchmark::State& state) {
    const cm::Framework& fw = bench::framework(int(state.range(0)));
    cm::PlanDocument doc;
    doc.plans.push_back(bench::large_plan(fw, kPlanItems));
    cm::MemoryStore kv;
    cm::PlanStore store(kv);
    store.save(&doc, bench::kNowMs);
    for (auto _ : state) {
        cm::LoadOutcome out = store.load(&fw, bench::kNowMs);
        if (out.status != cm::LoadStatus::Loaded) state.SkipWithError("load failed");
        benchmark::DoNotOptimize(out);
    }
    state.counters["stored_bytes"] = double(kv.used_bytes());
    state.counters["items"] = double(doc.plans[0].items.size());
}

void BM_PlanMarkdown(benchmark::State& state) {
    const cm::Framework& fw = bench::framework(int(state.range(0)));
    cm::Plan plan = bench::large_plan(fw, kPlanItems);
    size_t bytes = 0;
    for (auto _ : state) {
        std::string md = cm::plan_markdown(fw, plan);
        bytes = md.size();
        benchmark::DoNotOptimize(md);
    }
    state.counters["markdown_bytes"] = double(bytes);
    state.counters["items"] = double(plan.items.size());
}

// min and max over the repetitions, next to Google Benchmark's mean and median.
void scales(benchmark::internal::Benchmark* b) {
    b->ArgName("scale")->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond);
    b->ComputeStatistics("min", [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); });
    b->ComputeStatistics("max", [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); });
}

}  // namespace

BENCHMARK(BM_LoadValidate)->Apply(scales);
BENCHMARK(BM_LadderQuery)->Apply(scales);
BENCHMARK(BM_Search)->Apply(scales);
BENCHMARK(BM_CompareLevels)->Apply(scales);
BENCHMARK(BM_PlanSave)->Apply(scales);
BENCHMARK(BM_PlanLoad)->Apply(scales);
BENCHMARK(BM_PlanMarkdown)->Apply(scales);

BENCHMARK_MAIN();
