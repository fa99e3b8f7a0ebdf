// The headless runner's failures (a target the last frame did not draw) become
// failures of the running test, with the message, instead of an abort.
#include "platform_headless.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

namespace {

[[maybe_unused]] const bool kHooked = [] {
    headless::report_failure = [](const std::string& message) { ADD_FAILURE() << message; };
    return true;
}();

// The hook is what keeps a renamed control from passing silently.
TEST(HeadlessRunner, AnUnknownTargetFailsTheTest) {
    ui::App app;
    headless::Runner run(app);
    run.frames(2);
    EXPECT_NONFATAL_FAILURE(run.click_target("no-such-control"), "no target named \"no-such-control\"");
    EXPECT_NONFATAL_FAILURE(run.target("no-such-control"), "no target named \"no-such-control\"");
}

}  // namespace
