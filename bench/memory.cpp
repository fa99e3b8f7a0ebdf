// cm-bench-memory: heap used by load+validate at 1x, 10x and 100x.
//   cm-bench-memory [--scales 1,10,100]
// Prints one JSON object per line: {"scale", "file_bytes", "peak_bytes", "retained_bytes", "allocations"}.
//
// Why count allocations instead of reading the process's peak RSS: RSS moves in
// pages, includes whatever the allocator keeps from earlier work (the synthetic
// text is generated in the same process) and differs from run to run; counting
// the bytes handed out by operator new is exact and repeatable, and it is what
// the wasm heap (emmalloc) has to find room for in the browser. Every global
// operator new/delete of this program goes through the counters below;
// malloc_usable_size gives each block's real size, so unsized deletes are counted too.
//   peak_bytes:     the most heap in use at once during load_framework, above
//                   what was in use before (the file text is not counted: the
//                   browser holds it already)
//   retained_bytes: what the loaded Framework keeps once the parse tree is gone
#include "fixtures.h"
#include "framework_load.h"

#include <malloc.h>
#include "callgrind.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

namespace {
size_t g_live = 0, g_peak = 0, g_count = 0;

void* counted_alloc(size_t size) {
    void* p = std::malloc(size ? size : 1);
    if (!p) throw std::bad_alloc();
    g_live += malloc_usable_size(p);
    g_peak = g_live > g_peak ? g_live : g_peak;
    g_count++;
    return p;
}
void counted_free(void* p) {
    if (!p) return;
    g_live -= malloc_usable_size(p);
    std::free(p);
}
}  // namespace

void* operator new(size_t size) { return counted_alloc(size); }
void* operator new[](size_t size) { return counted_alloc(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
    try { return counted_alloc(size); } catch (...) { return nullptr; }
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept {
    try { return counted_alloc(size); } catch (...) { return nullptr; }
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, size_t) noexcept { counted_free(p); }
void operator delete[](void* p, size_t) noexcept { counted_free(p); }

int main(int argc, char** argv) {
    std::vector<int> scales{1, 10, 100};
    if (argc == 3 && !std::strcmp(argv[1], "--scales")) {
        scales.clear();
        for (const char* p = argv[2]; *p;) {
            scales.push_back(std::atoi(p));
            while (*p && *p != ',') p++;
            if (*p) p++;
        }
    } else if (argc != 1) {
        std::fprintf(stderr, "usage: cm-bench-memory [--scales 1,10,100]\n");
        return 2;
    }
    for (int scale : scales) {
        const std::string& text = bench::framework_text(scale);  // generated before counting
        size_t before = g_live;
        g_peak = g_live;
        size_t count_before = g_count;
        size_t peak = 0, retained = 0;
        {
            cm::Framework fw;
            cm::Diagnostics diag;
            CALLGRIND_START_INSTRUMENTATION;
            bool ok = cm::load_framework(text, &fw, &diag);
            CALLGRIND_STOP_INSTRUMENTATION;
            if (!ok) {
                std::fprintf(stderr, "the %dx framework does not load\n", scale);
                return 1;
            }
            peak = g_peak - before;
            retained = g_live - before;
        }
        std::printf("{\"scale\":%d,\"file_bytes\":%zu,\"peak_bytes\":%zu,\"retained_bytes\":%zu,\"allocations\":%zu}\n", scale,
                    text.size(), peak, retained, g_count - count_before);
        std::fflush(stdout);
    }
    return 0;
}
