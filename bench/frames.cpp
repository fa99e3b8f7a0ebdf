// cm-bench-frames: C++ time per frame of the full ladder, natively, with the
// headless platform (real ImGui frames, no GPU): what the browser's
// frameStats().app measures, without the browser.
//   cm-bench-frames [--scales 1,10,100] [--frames 300] [--runs 3] [--size 1100x760]
// Prints one JSON object per line: {"scale", "run", "frames", "median_ms", "p99_ms", ...}.
//
// Each run loads the framework, draws a few frames (the first one lays out the
// whole ladder: reported apart as first_frame_ms), then scrolls the ladder from
// top to bottom and back with the mouse wheel, moving the mouse every frame,
// and times every frame. The wheel step is chosen so that the run covers the
// whole ladder whatever its size: at 100x one frame jumps thousands of pixels,
// so every part of the ladder is drawn at least once.
//
// Under valgrind --tool=callgrind --instr-atstart=no, only the measured frames
// are instrumented (tools/bench profiles the frames that way).
#include "fixtures.h"
#include "platform_headless.h"
#include "text_block.h"
#include "theme.h"

#include "callgrind.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Options {
    std::vector<int> scales{1, 10, 100};
    int frames = 300, runs = 3;
    ImVec2 size{1100, 760};
};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    double pos = p * double(v.size() - 1);
    size_t lo = size_t(pos), hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

std::vector<double> measure_frames(headless::Runner& run, ui::App& app, int frames) {
    using clock = std::chrono::steady_clock;
    std::vector<double> ms;
    ms.reserve(size_t(frames));
    const float w = run.size.x, h = run.size.y;
    // Wheel units to pixels as platform_web.cpp converts them.
    const float unit = 5.0f * ui::font_size(theme::font(theme::Font::Body));
    // ImGui handles at most one of a mouse move and a wheel event per frame
    // (io.ConfigInputTrickleEventQueue), as in the browser: alternate them, so
    // that the queue never grows and every wheel event scrolls in its frame.
    // The step covers the content down and back up in the run (a wheel event
    // every other frame), but never less than about one wheel notch.
    const float step_px = std::max(100.0f, 4.0f * app.content_height / float(frames));
    float direction = 1;
    CALLGRIND_START_INSTRUMENTATION;
    for (int f = 0; f < frames; f++) {
        ImGuiIO& io = ImGui::GetIO();
        const bool wheel = f % 2 == 1;
        const float scroll_before = app.scroll_y;
        if (wheel) io.AddMouseWheelEvent(0, -direction * step_px / unit);
        else io.AddMousePosEvent(40.0f + float((f * 37) % int(w - 80)), h * 0.55f + float((f * 23) % int(h * 0.4f)));
        auto t0 = clock::now();
        run.frame();
        ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
        if (wheel && f > 1 && app.scroll_y == scroll_before) direction = -direction;  // reached an end
    }
    CALLGRIND_STOP_INSTRUMENTATION;
    return ms;
}

bool parse(int argc, char** argv, Options* o) {
    for (int i = 1; i < argc; i++) {
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (!std::strcmp(argv[i], "--scales") && (v = next())) {
            o->scales.clear();
            for (const char* p = v; *p;) {
                o->scales.push_back(std::atoi(p));
                while (*p && *p != ',') p++;
                if (*p) p++;
            }
        } else if (!std::strcmp(argv[i], "--frames") && (v = next())) o->frames = std::max(10, std::atoi(v));
        else if (!std::strcmp(argv[i], "--runs") && (v = next())) o->runs = std::max(1, std::atoi(v));
        else if (!std::strcmp(argv[i], "--size") && (v = next())) {
            if (std::sscanf(v, "%fx%f", &o->size.x, &o->size.y) != 2) return false;
        } else return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (!parse(argc, argv, &opt)) {
        std::fprintf(stderr, "usage: cm-bench-frames [--scales 1,10,100] [--frames N] [--runs N] [--size WxH]\n");
        return 2;
    }
    for (int scale : opt.scales) {
        const std::string& text = bench::framework_text(scale);
        for (int r = 0; r < opt.runs; r++) {
            ui::App app;
            headless::Runner run(app, opt.size);
            if (!app.load_framework(text, "bench.json")) {
                std::fprintf(stderr, "the %dx framework does not load in the app\n", scale);
                return 1;
            }
            auto t0 = std::chrono::steady_clock::now();
            run.frame();  // lays out the whole ladder
            double first = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            run.frames(3);
            std::vector<double> ms = measure_frames(run, app, opt.frames);
            double sum = 0;
            for (double m : ms) sum += m;
            std::printf("{\"scale\":%d,\"run\":%d,\"frames\":%zu,\"median_ms\":%.4f,\"p99_ms\":%.4f,\"mean_ms\":%.4f,"
                        "\"max_ms\":%.4f,\"first_frame_ms\":%.3f,\"content_height\":%.0f,\"expectations\":%zu}\n",
                        scale, r, ms.size(), percentile(ms, 0.5), percentile(ms, 0.99), sum / double(ms.size()),
                        *std::max_element(ms.begin(), ms.end()), first, app.content_height, app.fw.expectations.size());
            std::fflush(stdout);
        }
    }
    return 0;
}
