// Fuzz regressions: every input kept in tests/fixtures/fuzz-regressions/<target>/
// (crashes and hangs the fuzzers found, and hand-made hostile inputs) replayed
// through the same checks as the libFuzzer target (fuzz/fuzz_checks.h), without
// libFuzzer, in the normal test suite; then hostile inputs too large to keep as
// files (deep nesting, multi-megabyte strings), built here, with the limit each
// parser must report before building anything.
//
//   [SECTION] Replaying the kept inputs
//   [SECTION] Hostile inputs, per parser
#include "../../fuzz/fuzz_checks.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

namespace {

namespace fs = std::filesystem;

// [SECTION] Replaying the kept inputs

struct Target {
    const char* name;
    std::string (*check)(std::string_view);
};

const Target kTargets[] = {
    {"fuzz_framework_load", cm_fuzz::check_framework_load},
    {"fuzz_plan_decode", cm_fuzz::check_plan_decode},
    {"fuzz_plan_import", cm_fuzz::check_plan_import},
    {"fuzz_handbook_import", cm_fuzz::check_handbook_import},
    {"fuzz_view_hash", cm_fuzz::check_view_hash},
};

const fs::path kRegressions = fs::path(CM_FIXTURES_DIR) / "fuzz-regressions";

struct Case {
    const Target* target;
    fs::path file;
};

std::vector<Case> kept_inputs() {
    std::vector<Case> cases;
    for (const Target& t : kTargets) {
        fs::path dir = kRegressions / t.name;
        if (!fs::is_directory(dir)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file()) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) cases.push_back({&t, f});
    }
    return cases;
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
    std::string name = std::string(info.param.target->name).substr(5) + "_" + info.param.file.filename().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

class FuzzRegression : public testing::TestWithParam<Case> {};

TEST_P(FuzzRegression, PassesTheTargetsChecks) {
    const Case& c = GetParam();
    std::string input = cm_fuzz::read_file(c.file.string());
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(c.target->check(input), "") << c.file;
    // libFuzzer's -timeout is 10 s per input (sanitized); a kept hang must now be quick.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10)) << c.file;
}

INSTANTIATE_TEST_SUITE_P(Kept, FuzzRegression, testing::ValuesIn(kept_inputs()), case_name);

// Every folder names a target (a typo would skip its inputs silently), and every
// target has kept inputs, so the replay itself is exercised for each parser.
TEST(FuzzRegressionFiles, EveryFolderIsATargetAndEveryTargetHasInputs) {
    std::set<std::string> names;
    for (const Target& t : kTargets) names.insert(t.name);
    for (const auto& entry : fs::directory_iterator(kRegressions))
        EXPECT_TRUE(entry.is_directory() && names.count(entry.path().filename().string())) << entry.path();
    for (const Target& t : kTargets) {
        size_t n = 0;
        if (fs::is_directory(kRegressions / t.name))
            for (const auto& entry : fs::directory_iterator(kRegressions / t.name)) n += entry.is_regular_file();
        EXPECT_GT(n, 0u) << t.name;
    }
}

// [SECTION] Hostile inputs, per parser

// A literal with its NUL bytes: bytes("a\0b") is 3 bytes.
template <size_t N>
std::string bytes(const char (&s)[N]) {
    return std::string(s, N - 1);
}

std::string nested(size_t depth, const char* open = "[", const char* close = "]") {
    std::string s;
    for (size_t i = 0; i < depth; i++) s += open;
    for (size_t i = 0; i < depth; i++) s += close;
    return s;
}

std::string load_problems(std::string_view text) {
    cm::Framework fw;
    cm::Diagnostics diag;
    diag.file = "hostile.json";
    EXPECT_FALSE(cm::load_framework(text, &fw, &diag));
    return diag.to_string();
}

std::string framework_with_text(const std::string& text) {
    cm::Framework fw = cm_fuzz::tiny_framework();
    std::string saved = cm::save_framework(fw, false);
    std::string from = "\"Second thing.\"";
    saved.replace(saved.find(from), from.size(), text);
    return saved;
}

TEST(FuzzHostile, FrameworkNestingIsRefusedBeforeParsing) {
    // 32 levels are allowed (the root counts as one), 33 are not; 200,000 would
    // overflow the stack of a recursive parser or destructor.
    EXPECT_EQ(load_problems(nested(32)), "hostile.json: expected an object, found an array\n");
    EXPECT_NE(load_problems(nested(33)).find("hostile.json:1:33: nesting deeper than 32 levels"), std::string::npos);
    EXPECT_NE(load_problems(nested(200000)).find("nesting deeper than 32 levels"), std::string::npos);
    EXPECT_NE(load_problems("{\"a\":" + nested(100000, "{\"a\":", "}") + "}").find("nesting deeper"), std::string::npos);
    // Brackets inside strings are text, not nesting.
    EXPECT_EQ(load_problems("[\"" + std::string(100000, '[') + "\"]"), "hostile.json: expected an object, found an array\n");
    for (const std::string& s : {nested(200000), "[\"" + std::string(100000, '[') + "\"]"}) EXPECT_EQ(cm_fuzz::check_framework_load(s), "");
}

TEST(FuzzHostile, FrameworkSizeAndValues) {
    // Over 8 MiB: refused by size before parsing.
    std::string huge(9u << 20, ' ');
    EXPECT_NE(load_problems(huge).find("bytes; the limit is 8388608"), std::string::npos);
    // A 5 MB text: read, then refused by the field's limit.
    std::string five_mb = framework_with_text("\"" + std::string(5u << 20, 'x') + "\"");
    EXPECT_NE(load_problems(five_mb).find("/text: is 5242880 bytes long; the limit is 4000"), std::string::npos);
    EXPECT_EQ(cm_fuzz::check_framework_load(five_mb), "");
    // Huge numbers, invalid UTF-8, NUL bytes, a raw NUL, duplicate keys.
    const std::string base = cm::save_framework(cm_fuzz::tiny_framework(), false);
    auto with = [&](const std::string& from, const std::string& to) {
        std::string s = base;
        s.replace(s.find(from), from.size(), to);
        return s;
    };
    EXPECT_NE(load_problems(with("\"formatVersion\": 1", "\"formatVersion\": 18446744073709551616")).find("/formatVersion: expected an integer, found a number"), std::string::npos);
    // A float overflow is a syntax error to nlohmann (located by line and column).
    EXPECT_NE(load_problems(with("\"formatVersion\": 1", "\"formatVersion\": 1e999")).find("not valid JSON: number overflow parsing '1e999'"), std::string::npos);
    EXPECT_NE(load_problems(with("\"order\": 2", "\"order\": -9223372036854775809")).find("/levels/1/order"), std::string::npos);
    EXPECT_NE(load_problems(with("\"order\": 2", "\"order\": 9223372036854775807")).find("/levels/1/order: must be between"), std::string::npos);
    EXPECT_NE(load_problems(with("Second thing.", "Second \xff\xfe thing.")).find("not valid JSON"), std::string::npos);
    EXPECT_NE(load_problems(with("Second thing.", bytes("Second \0 thing."))).find("not valid JSON"), std::string::npos);
    EXPECT_NE(load_problems(with("\"id\": \"b\"", "\"id\": \"b\\u0000\"")).find("is not a valid id"), std::string::npos);
    EXPECT_NE(load_problems(with("\"id\": \"b\"", "\"id\": \"b\", \"id\": \"a.\"")).find("duplicate id \"a.\""), std::string::npos);
    for (const std::string& s : {with("\"formatVersion\": 1", "\"formatVersion\": 1e999"), with("\"id\": \"b\"", "\"id\": \"b\", \"id\": \"a.\""),
                                 with("Second thing.", "Second \\ud800 thing."), with("Second thing.", "\\u0000")})
        EXPECT_EQ(cm_fuzz::check_framework_load(s), "") << s.substr(0, 200);
}

TEST(FuzzHostile, PlansNestingSizeAndValues) {
    auto reason = [](std::string_view text) {
        cm::DecodeResult d = cm::decode_plans(text, nullptr);
        EXPECT_EQ(d.status, cm::DecodeStatus::Corrupt);
        return d.reason;
    };
    EXPECT_NE(reason(nested(33)).find("nesting deeper than 32 levels"), std::string::npos);
    EXPECT_NE(reason(nested(500000, "{\"a\":", "}")).find("nesting deeper than 32 levels"), std::string::npos);
    EXPECT_NE(reason(std::string((4u << 20) + 1, ' ')).find("the text is 4194305 bytes; the limit is 4194304"), std::string::npos);
    // A 3 MB plan name: parsed (under 4 MiB), refused by the field's limit.
    std::string doc = cm::encode_plans(cm::PlanDocument{});
    cm::PlanDocument one;
    one.plans.push_back(cm::make_plan(cm_fuzz::default_framework(), "NAME", "", "senior", cm_fuzz::kNow, "plan-1"));
    std::string with_plan = cm::encode_plans(one);
    std::string big_name = with_plan;
    big_name.replace(big_name.find("NAME"), 4, std::string(3u << 20, 'n'));
    EXPECT_NE(reason(big_name).find("/plans/0/name: is 3145728 bytes long; the limit is 200"), std::string::npos);
    std::string huge_revision = doc;
    huge_revision.replace(huge_revision.find("\"revision\":0"), 12, "\"revision\":99999999999999999999999");
    EXPECT_NE(reason(huge_revision).find("/revision"), std::string::npos);
    std::string bad_utf8 = with_plan;
    bad_utf8.replace(bad_utf8.find("NAME"), 4, "\xc3\x28");
    EXPECT_NE(reason(bad_utf8).find("not valid JSON"), std::string::npos);
    // Every one of them through the target's checks (store, backups, quota) as well.
    for (const std::string& s : {nested(100000), big_name, huge_revision, bad_utf8, bytes("\0\0\0"), std::string("{\"format\":\"career-matrix-plans\",\"format\":\"x\"}")})
        EXPECT_EQ(cm_fuzz::check_plan_decode(s), "") << s.substr(0, 100);
}

TEST(FuzzHostile, PlanImportNestingAndSize) {
    cm::ImportPlanResult deep = cm::import_plan_json(nested(100000), nullptr, "deep.json");
    EXPECT_NE(deep.diagnostics.to_string().find("deep.json:1:33: nesting deeper than 32 levels"), std::string::npos);
    cm::ImportPlanResult big = cm::import_plan_json(std::string(5u << 20, '"'), nullptr, "big.json");
    EXPECT_NE(big.diagnostics.to_string().find("big.json: the file is 5242880 bytes; the limit is 4194304"), std::string::npos);
    for (const std::string& s : {nested(100000), std::string(5u << 20, '"')}) EXPECT_EQ(cm_fuzz::check_plan_import(s), "");
}

std::string handbook_input(const std::string& level_page) {
    // The good fixture's overview page, then `level_page` as the first level's page.
    std::string index = cm_fuzz::read_file(CM_FIXTURES_DIR "/handbook/content/handbook/engineering/careers/matrix/platform/_index.md");
    return index + std::string(cm_fuzz::kSeparator) + level_page;
}

std::string level_page(const std::string& accountability) {
    return "---\ntitle: Associate\n---\n## Associate\n\nScope.\n\n## Accountability\n\n" + accountability + "\n";
}

// Lines of at most `width` bytes, continuing one list item.
std::string item_lines(const std::string& body, size_t width = 9000) {
    std::string out = "1. " + body.substr(0, width);
    for (size_t at = width; at < body.size(); at += width) out += "\n   " + body.substr(at, width);
    return out;
}

TEST(FuzzHostile, HandbookLimitsAndPathologicalMarkdown) {
    auto timed = [](const std::string& input) {
        auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(cm_fuzz::check_handbook_import(input), "");
        return std::chrono::steady_clock::now() - start;
    };
    // A page over 1 MiB is not read, and says so.
    cm::ImportResult r;
    cm_fuzz::import_fake(handbook_input(std::string((1u << 20) + 1, 'x')), nullptr, &r);
    bool reported = std::any_of(r.problems.begin(), r.problems.end(), [](const cm::ImportProblem& p) { return p.message == "larger than 1 MiB; not read"; });
    EXPECT_TRUE(reported);
    // A line over 10,000 bytes is ignored, and says so.
    cm_fuzz::import_fake(handbook_input(level_page("1. " + std::string(20000, 'y'))), nullptr, &r);
    reported = std::any_of(r.problems.begin(), r.problems.end(), [](const cm::ImportProblem& p) { return p.message.find("line longer than 10000 bytes") == 0; });
    EXPECT_TRUE(reported);
    // One list item of ~800 KB (continuation lines): 400,000 nested '[', unclosed
    // '[' and '<', and 150,000 links nested in link labels. Each was quadratic or
    // recursed once per level; now each takes well under the fuzzer's 10 s.
    const size_t n = 400000;
    for (const std::string& body : {std::string(n, '[') + std::string(n, ']') + "(x)", std::string(n, '['), std::string(n, '<'),
                                    [] {
                                        std::string s(150000, '[');
                                        s += "x";
                                        for (int i = 0; i < 150000; i++) s += "](a)";
                                        return s;
                                    }()})
        EXPECT_LT(timed(handbook_input(level_page(item_lines(body)))), std::chrono::seconds(10));
    // NUL bytes and invalid UTF-8 in every part.
    EXPECT_EQ(cm_fuzz::check_handbook_import(bytes("\0\xff\xfe## \xc3\x28\n1. \0[x](\0)\n")), "");
}

TEST(FuzzHostile, ViewHashLimits) {
    const cm::Framework& fw = cm_fuzz::default_framework();
    std::vector<std::string> warnings;
    cm::ViewState v = cm::parse_view_hash("#view=compare&q=" + std::string(5u << 20, 'q'), fw, &warnings);
    EXPECT_EQ(v, cm::ViewState{});
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], "the link's view is too long and was ignored");
    std::string at_limit = "q=" + std::string(cm::kMaxHashBytes - 2, '%');
    EXPECT_EQ(cm::parse_view_hash(at_limit, fw).search, std::string(200, '%'));
    for (const std::string& s : {at_limit, std::string(cm::kMaxHashBytes + 1, '&'), bytes("levels=\0senior..\xff&q=%00%zz%"),
                                 "levels=" + std::string(4000, '.'), "areas=" + std::string(4000, ',')})
        EXPECT_EQ(cm_fuzz::check_view_hash(s), "") << s.substr(0, 60);
}

}  // namespace
