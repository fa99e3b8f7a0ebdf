// Tests of wasm/core/json_input: bounded parsing of untrusted JSON, checked
// object access and the Diagnostics that collect every problem.
#include "json_input.h"
#include "test_data.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {

using cm::Diagnostics;
using cm::Json;
using cm::ObjectReader;

// [SECTION] Helpers

struct Parsed {
    bool ok = false;
    Json json;
    Diagnostics diag;
};

Parsed parse(std::string_view text, cm::JsonLimits limits = {}) {
    Parsed p;
    p.diag.file = "f.json";
    p.ok = cm::parse_untrusted_json(text, limits, &p.json, &p.diag);
    return p;
}

// The one problem of a failed parse, as "where: message".
std::string only_problem(const Diagnostics& d) {
    EXPECT_EQ(d.problems.size(), 1u) << d.to_string();
    return d.problems.empty() ? std::string() : d.problems[0].where + ": " + d.problems[0].message;
}

std::string nested_arrays(int depth) { return std::string(size_t(depth), '[') + std::string(size_t(depth), ']'); }

Json json(std::string_view text) {
    Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(j.is_discarded()) << text;
    return j;
}

std::vector<std::string> lines(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const cm::Problem& p : d.problems) out.push_back(p.where + ": " + p.message);
    return out;
}

// [SECTION] parse_untrusted_json

TEST(ParseUntrustedJson, AcceptsValidJson) {
    Parsed p = parse(R"({"a": [1, 2, {"b": "c"}], "d": null})");
    ASSERT_TRUE(p.ok) << p.diag.to_string();
    EXPECT_TRUE(p.diag.ok());
    EXPECT_EQ(p.json["a"][2]["b"], "c");
    EXPECT_TRUE(p.json["d"].is_null());
}

TEST(ParseUntrustedJson, SizeLimitIsInclusive) {
    cm::JsonLimits limits;
    limits.max_bytes = 10;
    EXPECT_TRUE(parse("[1,2,3,45]", limits).ok);  // exactly 10 bytes
    Parsed p = parse("[1,2,3,456]", limits);      // 11 bytes
    EXPECT_FALSE(p.ok);
    EXPECT_TRUE(p.json.is_null());
    EXPECT_EQ(only_problem(p.diag), "f.json: file is 11 bytes; the limit is 10");
}

TEST(ParseUntrustedJson, DefaultSizeLimitIs8MiB) {
    cm::JsonLimits limits;
    EXPECT_EQ(limits.max_bytes, size_t(8) << 20);
    EXPECT_EQ(limits.max_depth, 32);
    // A string one byte over the limit is refused before it is parsed.
    std::string big = "\"" + std::string((size_t(8) << 20) - 1, 'x') + "\"";
    Parsed p = parse(big);
    EXPECT_FALSE(p.ok);
    EXPECT_NE(only_problem(p.diag).find("the limit is 8388608"), std::string::npos);
}

TEST(ParseUntrustedJson, ThirtyTwoLevelsAreAcceptedThirtyThreeAreNot) {
    EXPECT_TRUE(parse(nested_arrays(32)).ok);
    Parsed p = parse(nested_arrays(33));
    EXPECT_FALSE(p.ok);
    EXPECT_TRUE(p.json.is_null());
    // The position is the bracket that goes one level too deep (column 33).
    EXPECT_EQ(only_problem(p.diag), "f.json:1:33: nesting deeper than 32 levels");
}

TEST(ParseUntrustedJson, ObjectsCountTowardsDepth) {
    std::string deep;
    for (int i = 0; i < 16; i++) deep += "{\"a\":[";
    std::string closing;
    for (int i = 0; i < 16; i++) closing += "]}";
    EXPECT_TRUE(parse(deep + closing).ok);  // 32 levels
    EXPECT_FALSE(parse("[" + deep + closing + "]").ok);  // 33
}

TEST(ParseUntrustedJson, DepthLimitIsConfigurable) {
    cm::JsonLimits limits;
    limits.max_depth = 2;
    EXPECT_TRUE(parse("[[1]]", limits).ok);
    Parsed p = parse("{\n \"a\": [[1]]}", limits);
    EXPECT_FALSE(p.ok);
    EXPECT_EQ(only_problem(p.diag), "f.json:2:8: nesting deeper than 2 levels");
}

TEST(ParseUntrustedJson, BracketsInsideStringsDoNotCount) {
    std::string brackets(100, '[');
    Parsed p = parse("{\"a\": \"" + brackets + "\"}");
    ASSERT_TRUE(p.ok) << p.diag.to_string();
    EXPECT_EQ(p.json["a"], brackets);
    // Closing brackets inside strings do not lower the depth either.
    std::string closers(100, ']');
    EXPECT_FALSE(parse("[\"" + closers + "\"," + nested_arrays(32) + "]").ok);
}

TEST(ParseUntrustedJson, EscapedQuotesDoNotEndStrings) {
    // "\"[[[...": the escaped quote keeps the string open, so its brackets do not count.
    std::string text = "[\"\\\"" + std::string(40, '[') + "\"]";
    Parsed p = parse(text);
    ASSERT_TRUE(p.ok) << p.diag.to_string();
    EXPECT_EQ(p.json[0], "\"" + std::string(40, '['));
}

TEST(ParseUntrustedJson, EscapedBackslashEndsTheStringBeforeBrackets) {
    // "\\" is a complete string; the 33 brackets after it are real nesting.
    std::string text = "[\"\\\\\"," + nested_arrays(32) + "]";
    Parsed p = parse(text);
    EXPECT_FALSE(p.ok);
    EXPECT_NE(only_problem(p.diag).find("nesting deeper than 32 levels"), std::string::npos);
    // With 31 inside it is fine, and the string is one backslash.
    Parsed q = parse("[\"\\\\\"," + nested_arrays(31) + "]");
    ASSERT_TRUE(q.ok) << q.diag.to_string();
    EXPECT_EQ(q.json[0], "\\");
}

TEST(ParseUntrustedJson, SyntaxErrorsHaveLineAndColumn) {
    Parsed p = parse("{\n  \"a\": 1,\n  \"b\" 2\n}");
    EXPECT_FALSE(p.ok);
    EXPECT_TRUE(p.json.is_null());
    std::string line = only_problem(p.diag);
    EXPECT_EQ(line.rfind("f.json:3:7: not valid JSON: ", 0), 0u) << line;
    EXPECT_NE(line.find("expected ':'"), std::string::npos) << line;

    line = only_problem(parse("[1,2,]").diag);
    EXPECT_EQ(line.rfind("f.json:1:6: not valid JSON: ", 0), 0u) << line;
    EXPECT_NE(line.find("unexpected ']'"), std::string::npos) << line;

    line = only_problem(parse("[1,\n2,\n]").diag);
    EXPECT_EQ(line.rfind("f.json:3:1: not valid JSON", 0), 0u) << line;

    // The message keeps what went wrong, not nlohmann's exception prefix.
    EXPECT_EQ(line.find("[json.exception"), std::string::npos) << line;
}

TEST(ParseUntrustedJson, TrailingGarbageIsRejected) {
    std::string line = only_problem(parse("{\"a\":1}x").diag);
    EXPECT_EQ(line.rfind("f.json:1:8: not valid JSON", 0), 0u) << line;
    EXPECT_NE(line.find("expected end of input"), std::string::npos) << line;
}

TEST(ParseUntrustedJson, EmptyInputIsNotJson) {
    for (std::string_view text : {std::string_view(""), std::string_view("   "), std::string_view("\n\n")}) {
        Parsed p = parse(text);
        EXPECT_FALSE(p.ok);
        std::string line = only_problem(p.diag);
        EXPECT_NE(line.find("not valid JSON"), std::string::npos) << line;
        EXPECT_NE(line.find("unexpected end of input"), std::string::npos) << line;
    }
    EXPECT_EQ(only_problem(parse("").diag).rfind("f.json:1:1: ", 0), 0u);
    EXPECT_EQ(only_problem(parse("\n\n").diag).rfind("f.json:3:1: ", 0), 0u);
}

TEST(ParseUntrustedJson, InvalidUtf8IsRejected) {
    const char* cases[] = {
        "{\"a\": \"\xff\"}",        // never valid in UTF-8
        "{\"a\": \"\xc3\"}",        // truncated two-byte sequence
        "{\"a\": \"\xc0\xaf\"}",    // overlong encoding of '/'
        "{\"a\": \"\xed\xa0\x80\"}",  // UTF-16 surrogate
    };
    for (const char* text : cases) {
        Parsed p = parse(text);
        EXPECT_FALSE(p.ok) << text;
        std::string line = only_problem(p.diag);
        EXPECT_NE(line.find("ill-formed UTF-8"), std::string::npos) << line;
        EXPECT_EQ(line.rfind("f.json:1:", 0), 0u) << line;
    }
    // Valid multi-byte text passes untouched.
    Parsed ok = parse("[\"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80\"]");
    ASSERT_TRUE(ok.ok) << ok.diag.to_string();
    EXPECT_EQ(ok.json[0], "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80");
}

TEST(ParseUntrustedJson, UnescapedControlCharacterInStringIsRejected) {
    Parsed p = parse("[\"a\tb\"]");
    EXPECT_FALSE(p.ok);
    EXPECT_NE(only_problem(p.diag).find("control character"), std::string::npos);
}

TEST(ParseUntrustedJson, OutIsResetOnFailure) {
    Diagnostics d;
    d.file = "f.json";
    Json out = Json::array({1, 2, 3});
    EXPECT_FALSE(cm::parse_untrusted_json("[", {}, &out, &d));
    EXPECT_TRUE(out.is_null());
    out = Json::array({1});
    cm::JsonLimits limits;
    limits.max_depth = 1;
    EXPECT_FALSE(cm::parse_untrusted_json("[[]]", limits, &out, &d));
    EXPECT_TRUE(out.is_null());
    EXPECT_EQ(d.problems.size(), 2u);
}

// [SECTION] The reader against nlohmann's own parser

// Same types all the way down (an unsigned 1 is not a signed 1 or a double 1.0),
// same keys in the same order, same values bit for bit.
::testing::AssertionResult same_dom(const Json& a, const Json& b) {
    auto kind = [](const Json& j) {
        return j.is_number_unsigned() ? "unsigned" : j.is_number_integer() ? "signed" : j.is_number_float() ? "double" : j.type_name();
    };
    if (a.type() != b.type()) return ::testing::AssertionFailure() << a.dump() << " is " << kind(a) << ", " << b.dump() << " is " << kind(b);
    if (a.is_number_float()) {
        double x = a.get<double>(), y = b.get<double>();
        if (std::memcmp(&x, &y, sizeof x) != 0) return ::testing::AssertionFailure() << x << " != " << y;
        return ::testing::AssertionSuccess();
    }
    if (a.is_object() || a.is_array()) {
        if (a.size() != b.size()) return ::testing::AssertionFailure() << a.dump() << " != " << b.dump();
        auto i = a.begin(), j = b.begin();
        for (; i != a.end(); ++i, ++j) {
            if (a.is_object() && i.key() != j.key()) return ::testing::AssertionFailure() << "key " << i.key() << " != " << j.key();
            auto r = same_dom(*i, *j);
            if (!r) return r;
        }
        return ::testing::AssertionSuccess();
    }
    if (a != b) return ::testing::AssertionFailure() << a.dump() << " != " << b.dump();
    return ::testing::AssertionSuccess();
}

// Accepted by the reader exactly when nlohmann accepts it, as the same DOM.
void expect_agrees_with_nlohmann(std::string_view text) {
    cm::JsonLimits limits;
    limits.max_depth = 1000;  // nesting is find_too_deep's concern, tested above
    Parsed ours = parse(text, limits);
    Json theirs = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    ASSERT_EQ(ours.ok, !theirs.is_discarded()) << "input: " << ::testing::PrintToString(std::string(text)) << "\n" << ours.diag.to_string();
    if (ours.ok) {
        EXPECT_TRUE(same_dom(ours.json, theirs)) << "input: " << ::testing::PrintToString(std::string(text));
    }
}

TEST(ParseUntrustedJson, AgreesWithNlohmannOnEdgeCases) {
    const char* cases[] = {
        // numbers: signed only when negative, doubles past 64 bits and with a fraction or exponent
        "0", "-0", "1", "-1", "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
        "9223372036854775807", "9223372036854775808", "1.5", "-1.5e-3", "1e5", "1E+5", "1e-400", "1e400", "-1e400", "0.1e1",
        "01", "-", "1.", ".5", "1e", "1e+", "+1", "--1", "0x10", "1.5.2", "123456789012345678901234567890",
        // literals
        "true", "false", "null", "tru", "nul", "True", "truex", "[true,false,null]",
        // strings and escapes
        "\"\"", "\"abc\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0041\\u00e9\\u20AC\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"",
        "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\ud800\\\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\x\"", "\"\\u0000\"", "\"a\tb\"",
        "\"a\177b\"", "\"caf\xc3\xa9\"", "\"\xe2\x82\xac\"", "\"\xf0\x9f\x98\x80\"", "\"\xf4\x8f\xbf\xbf\"", "\"\xf4\x90\x80\x80\"",
        "\"\xed\x9f\xbf\"", "\"\xed\xa0\x80\"", "\"\xe0\x9f\xbf\"", "\"\xe0\xa0\x80\"", "\"\xc1\xbf\"", "\"\xc2\x80\"", "\"\xf0\x8f\xbf\xbf\"",
        "\"\xf5\x80\x80\x80\"", "\"\xc3\"", "\"\xe2\x82\"", "\"\x80\"", "\"abc", "\"",
        // structure
        "[]", "{}", "[1,2,3]", "[1,2,]", "[,1]", "[1 2]", "{\"a\":1}", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":}", "{\"a\":1 \"b\":2}",
        "{\"a\":1,\"a\":2}", "{\"b\":1,\"a\":2,\"b\":3}", "[[[]],[{}]]", "{\"\":\"\"}", "[", "]", "{", "}", "[1]]", "{}{}", "1 2",
        // whitespace, byte order marks, stray bytes
        "", " ", " [ 1 , 2 ] ", "\t\r\n[]\n", "\xEF\xBB\xBF[]", "\xEF\xBB[]", "\xEF\xBB\xBF", "[]\xEF\xBB\xBF", "\v[]", "[1]\x00",
    };
    for (const char* c : cases) expect_agrees_with_nlohmann(c);
    expect_agrees_with_nlohmann(std::string_view("[\"a\0b\"]", 7));
    expect_agrees_with_nlohmann(std::string_view("\"\0\"", 3));
}

// The default data file, and 20,000 damaged copies of a small document: a byte
// changed, inserted or removed at random (fixed seed), many of them still JSON.
TEST(ParseUntrustedJson, AgreesWithNlohmannOnTheDataAndOnDamagedCopies) {
    expect_agrees_with_nlohmann(test_data::infrastructure_text());
    const std::string base =
        "{\"format\": \"career-framework\", \"n\": [0, -1, 2.5e3, 18446744073709551615, true, false, null],\n"
        " \"s\": \"caf\xc3\xa9 \\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\\", \"o\": {\"a\": {}, \"b\": [[]], \"a\": \"again\"}}";
    expect_agrees_with_nlohmann(base);
    const char alphabet[] = "{}[]\":,\\u0123456789.-+eEtrufalsn \n\t\x7f\x80\xbf\xc3\xe2\xed\xf0\xff";
    std::mt19937 rng(15);
    for (int i = 0; i < 20000; i++) {
        std::string text = base;
        int edits = 1 + int(rng() % 3);
        for (int e = 0; e < edits; e++) {
            size_t at = rng() % (text.size() + 1);
            char c = alphabet[rng() % (sizeof(alphabet) - 1)];
            switch (rng() % 3) {
            case 0: if (at < text.size()) text[at] = c; break;
            case 1: text.insert(text.begin() + long(at), c); break;
            default: if (at < text.size()) text.erase(at, 1); break;
            }
        }
        expect_agrees_with_nlohmann(text);
        if (HasFatalFailure() || HasNonfatalFailure()) return;
    }
}

// [SECTION] pointer_token and json_type_name

TEST(PointerToken, EscapesTildeBeforeSlash) {
    EXPECT_EQ(cm::pointer_token("plain"), "plain");
    EXPECT_EQ(cm::pointer_token("a/b"), "a~1b");
    EXPECT_EQ(cm::pointer_token("a~b"), "a~0b");
    EXPECT_EQ(cm::pointer_token("~1"), "~01");  // not "~1" read back as "/"
    EXPECT_EQ(cm::pointer_token("/~/"), "~1~0~1");
    EXPECT_EQ(cm::pointer_token(""), "");
}

TEST(JsonTypeName, NamesEveryType) {
    EXPECT_STREQ(cm::json_type_name(Json()), "null");
    EXPECT_STREQ(cm::json_type_name(json("{}")), "an object");
    EXPECT_STREQ(cm::json_type_name(json("[]")), "an array");
    EXPECT_STREQ(cm::json_type_name(json("\"s\"")), "a string");
    EXPECT_STREQ(cm::json_type_name(json("true")), "a boolean");
    EXPECT_STREQ(cm::json_type_name(json("-1")), "an integer");
    EXPECT_STREQ(cm::json_type_name(json("18446744073709551615")), "an integer");
    EXPECT_STREQ(cm::json_type_name(json("1.5")), "a number");
    EXPECT_STREQ(cm::json_type_name(Json::binary({1, 2})), "a value of another type");
}

// [SECTION] ObjectReader

TEST(ObjectReader, ReadsFieldsOfEveryType) {
    Json j = json(R"({"s": "text", "b": false, "i": 42, "a": [1, 2], "o": {"x": 1}})");
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "/root", &d);
    ASSERT_TRUE(r.valid());
    std::string s;
    bool b = true;
    long long i = 0;
    EXPECT_TRUE(r.string("s", &s, true, 10));
    EXPECT_TRUE(r.boolean("b", &b, true));
    EXPECT_TRUE(r.integer("i", &i, true, 0, 100));
    const Json* a = r.array("a", true, 2);
    const Json* o = r.object("o", true);
    r.finish();
    EXPECT_TRUE(d.ok()) << d.to_string();
    EXPECT_EQ(s, "text");
    EXPECT_FALSE(b);
    EXPECT_EQ(i, 42);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->size(), 2u);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ((*o)["x"], 1);
}

TEST(ObjectReader, MissingRequiredFieldsAreReportedOptionalOnesAreNot) {
    Json j = json("{}");
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "/levels/2", &d);
    std::string s = "untouched";
    bool b = true;
    long long i = 7;
    EXPECT_FALSE(r.string("name", &s, true, 10));
    EXPECT_FALSE(r.boolean("published", &b, true));
    EXPECT_FALSE(r.integer("order", &i, true, 0, 10));
    EXPECT_EQ(r.array("items", true, 10), nullptr);
    EXPECT_EQ(r.object("meta", true), nullptr);
    // Optional: no problem.
    EXPECT_FALSE(r.string("title", &s, false, 10));
    EXPECT_EQ(r.array("links", false, 10), nullptr);
    EXPECT_EQ(s, "untouched");
    EXPECT_TRUE(b);
    EXPECT_EQ(i, 7);
    EXPECT_EQ(lines(d), (std::vector<std::string>{
                            "f.json:/levels/2: missing required field \"name\"",
                            "f.json:/levels/2: missing required field \"published\"",
                            "f.json:/levels/2: missing required field \"order\"",
                            "f.json:/levels/2: missing required field \"items\"",
                            "f.json:/levels/2: missing required field \"meta\"",
                        }));
}

TEST(ObjectReader, WrongTypesNameWhatWasFound) {
    Json j = json(R"({"obj": {}, "arr": [], "str": "x", "bool": true, "int": 3, "num": 2.5, "nul": null})");
    struct Case {
        const char* key;
        const char* found;
    };
    const Case cases[] = {{"obj", "an object"}, {"arr", "an array"}, {"str", "a string"}, {"bool", "a boolean"},
                          {"int", "an integer"}, {"num", "a number"}, {"nul", "null"}};
    for (const Case& c : cases) {
        Diagnostics d;
        d.file = "f.json";
        ObjectReader r(j, "/x", &d);
        std::string s = "untouched";
        bool b = false;
        long long i = -1;
        std::string at = std::string("f.json:/x/") + c.key + ": ";
        std::vector<std::string> expected;
        if (!r.string(c.key, &s, true, 100)) expected.push_back(at + "expected a string, found " + c.found);
        if (!r.boolean(c.key, &b, true)) expected.push_back(at + "expected true or false, found " + c.found);
        if (!r.integer(c.key, &i, true, -100, 100)) expected.push_back(at + "expected an integer, found " + c.found);
        if (!r.array(c.key, true, 100)) expected.push_back(at + "expected an array, found " + c.found);
        if (!r.object(c.key, true)) expected.push_back(at + "expected an object, found " + c.found);
        // Exactly one of the five readers accepts each value, except 2.5 and null which none does.
        bool accepted_by_none = std::string(c.key) == "num" || std::string(c.key) == "nul";
        EXPECT_EQ(expected.size(), accepted_by_none ? 5u : 4u) << c.key;
        EXPECT_EQ(lines(d), expected) << c.key;
        if (std::string(c.key) != "str") {
            EXPECT_EQ(s, "untouched");
        }
        if (std::string(c.key) != "int") {
            EXPECT_EQ(i, -1);
        }
    }
}

TEST(ObjectReader, NotAnObject) {
    Json j = json("[1]");
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "/components/0", &d);
    EXPECT_FALSE(r.valid());
    EXPECT_EQ(r.pointer(), "/components/0");
    std::string s;
    EXPECT_FALSE(r.string("id", &s, true, 10));  // no second report: the object itself is wrong
    EXPECT_FALSE(r.has("id"));
    r.finish();
    EXPECT_EQ(lines(d), std::vector<std::string>{"f.json:/components/0: expected an object, found an array"});
}

TEST(ObjectReader, BlankStringsAreEmptyUnlessAllowed) {
    Json j = json(R"({"empty": "", "spaces": " \t\r\n ", "nbsp": "\u00a0", "word": " a "})");
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "", &d);
    std::string s = "untouched";
    EXPECT_FALSE(r.string("empty", &s, true, 100));
    EXPECT_FALSE(r.string("spaces", &s, true, 100));
    EXPECT_EQ(s, "untouched");
    EXPECT_TRUE(r.string("nbsp", &s, true, 100));  // not white space by the loader's definition
    EXPECT_TRUE(r.string("word", &s, true, 100));
    EXPECT_EQ(s, " a ");
    EXPECT_EQ(lines(d), (std::vector<std::string>{"f.json:/empty: must not be empty", "f.json:/spaces: must not be empty"}));
    Diagnostics d2;
    ObjectReader r2(j, "", &d2);
    EXPECT_TRUE(r2.string("empty", &s, true, 100, /*allow_empty=*/true));
    EXPECT_EQ(s, "");
    EXPECT_TRUE(r2.string("spaces", &s, true, 100, /*allow_empty=*/true));
    EXPECT_EQ(s, " \t\r\n ");
    EXPECT_TRUE(d2.ok());
}

TEST(ObjectReader, MaxLengthCountsBytes) {
    Json j;
    j["ten"] = std::string(10, 'x');
    j["eleven"] = std::string(11, 'x');
    j["accents"] = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";  // 6 characters, 12 bytes
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "/framework", &d);
    std::string s;
    EXPECT_TRUE(r.string("ten", &s, true, 10));
    EXPECT_EQ(s.size(), 10u);
    EXPECT_FALSE(r.string("eleven", &s, true, 10));
    EXPECT_FALSE(r.string("accents", &s, true, 10));
    EXPECT_EQ(s.size(), 10u);
    EXPECT_EQ(lines(d), (std::vector<std::string>{"f.json:/framework/eleven: is 11 bytes long; the limit is 10",
                                                  "f.json:/framework/accents: is 12 bytes long; the limit is 10"}));
}

TEST(ObjectReader, IntegerRanges) {
    Json j = json(R"({"lo": 1, "hi": 10, "below": 0, "above": 11, "neg": -5,
                      "huge": 18446744073709551615, "int64max": 9223372036854775807,
                      "over_int64": 9223372036854775808, "int64min": -9223372036854775808,
                      "too_big_for_any": 18446744073709551616})");
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "", &d);
    long long v = 99;
    EXPECT_TRUE(r.integer("lo", &v, true, 1, 10));
    EXPECT_EQ(v, 1);
    EXPECT_TRUE(r.integer("hi", &v, true, 1, 10));
    EXPECT_EQ(v, 10);
    v = 99;
    EXPECT_FALSE(r.integer("below", &v, true, 1, 10));
    EXPECT_FALSE(r.integer("above", &v, true, 1, 10));
    EXPECT_FALSE(r.integer("huge", &v, true, 1, 10));
    EXPECT_FALSE(r.integer("int64min", &v, true, 1, 10));
    EXPECT_EQ(v, 99);
    EXPECT_TRUE(r.integer("neg", &v, true, -10, -1));
    EXPECT_EQ(v, -5);
    // 2^64-1 does not fit a long long: it must not wrap to -1 and pass a negative range.
    v = 99;
    EXPECT_FALSE(r.integer("huge", &v, true, -10, -1));
    EXPECT_EQ(v, 99);
    // The whole long long range: its ends pass, 2^63 does not.
    const long long kMin = std::numeric_limits<long long>::min(), kMax = std::numeric_limits<long long>::max();
    EXPECT_TRUE(r.integer("int64max", &v, true, kMin, kMax));
    EXPECT_EQ(v, kMax);
    EXPECT_TRUE(r.integer("int64min", &v, true, kMin, kMax));
    EXPECT_EQ(v, kMin);
    v = 99;
    EXPECT_FALSE(r.integer("over_int64", &v, true, kMin, kMax));
    EXPECT_EQ(v, 99);
    // Beyond 64 bits nlohmann reads a floating-point number.
    EXPECT_FALSE(r.integer("too_big_for_any", &v, true, kMin, kMax));
    EXPECT_EQ(lines(d), (std::vector<std::string>{
                            "f.json:/below: must be between 1 and 10",
                            "f.json:/above: must be between 1 and 10",
                            "f.json:/huge: must be between 1 and 10",
                            "f.json:/int64min: must be between 1 and 10",
                            "f.json:/huge: must be between -10 and -1",
                            "f.json:/over_int64: must be between -9223372036854775808 and 9223372036854775807",
                            "f.json:/too_big_for_any: expected an integer, found a number",
                        }));
}

TEST(ObjectReader, IntegralFloatsAreNotIntegers) {
    Json j = json(R"({"a": 1.0, "b": 1e2})");
    Diagnostics d;
    ObjectReader r(j, "", &d);
    long long v = 0;
    EXPECT_FALSE(r.integer("a", &v, true, 0, 1000));
    EXPECT_FALSE(r.integer("b", &v, true, 0, 1000));
    EXPECT_EQ(d.problems.size(), 2u);
}

TEST(ObjectReader, ArrayMaxItems) {
    Json j = json(R"({"three": [1, 2, 3]})");
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "/x", &d);
    EXPECT_NE(r.array("three", true, 3), nullptr);
    EXPECT_EQ(r.array("three", true, 2), nullptr);
    EXPECT_EQ(lines(d), std::vector<std::string>{"f.json:/x/three: has 3 items; the limit is 2"});
}

TEST(ObjectReader, UnknownFieldsAreReportedWithTheirPointers) {
    Json j = json(R"({"id": "a", "colour": "blue", "size": 3, "a/b": 1, "c~d": 2, "~1": 3})");
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "/levels/0", &d);
    std::string s;
    EXPECT_TRUE(r.string("id", &s, true, 10));
    EXPECT_TRUE(r.has("size"));  // has() alone does not make a field known
    r.finish();
    // Fields in the file's order.
    EXPECT_EQ(lines(d), (std::vector<std::string>{
                            "f.json:/levels/0/colour: unknown field \"colour\"",
                            "f.json:/levels/0/size: unknown field \"size\"",
                            "f.json:/levels/0/a~1b: unknown field \"a/b\"",
                            "f.json:/levels/0/c~0d: unknown field \"c~d\"",
                            "f.json:/levels/0/~01: unknown field \"~1\"",
                        }));
}

TEST(ObjectReader, FieldsReadWithTheWrongTypeAreNotUnknown) {
    Json j = json(R"({"id": 5, "title": "x"})");
    Diagnostics d;
    d.file = "f.json";
    ObjectReader r(j, "", &d);
    std::string s;
    r.string("id", &s, true, 10);
    r.string("title", &s, false, 10);
    r.string("absent", &s, false, 10);
    r.finish();
    EXPECT_EQ(lines(d), std::vector<std::string>{"f.json:/id: expected a string, found an integer"});
}

TEST(ObjectReader, AtEscapesTheKey) {
    Json j = json("{}");
    Diagnostics d;
    ObjectReader r(j, "/expectations/3", &d);
    EXPECT_EQ(r.at("links"), "/expectations/3/links");
    EXPECT_EQ(r.at("a/b~c"), "/expectations/3/a~1b~0c");
}

// [SECTION] Diagnostics

TEST(Diagnostics, ToStringIsOneLinePerProblem) {
    Diagnostics d;
    d.file = "data.json";
    EXPECT_TRUE(d.ok());
    EXPECT_EQ(d.to_string(), "");
    d.add("/levels/0/id", "duplicate id \"a\"");
    d.add("", "root problem");
    EXPECT_FALSE(d.ok());
    EXPECT_EQ(d.to_string(), "data.json:/levels/0/id: duplicate id \"a\"\ndata.json: root problem\n");
}

TEST(Diagnostics, MaxProblemsCapsTheListWithOneClosingLine) {
    Diagnostics d;
    d.file = "f.json";
    d.max_problems = 3;
    for (int i = 0; i < 10; i++) d.add("/p" + std::to_string(i), "problem " + std::to_string(i));
    ASSERT_EQ(d.problems.size(), 4u);
    EXPECT_EQ(d.problems[2].where, "f.json:/p2");
    EXPECT_EQ(d.problems[3].where, "f.json");
    EXPECT_EQ(d.problems[3].message, "too many problems; the first 3 are listed");
    EXPECT_EQ(d.to_string(),
              "f.json:/p0: problem 0\nf.json:/p1: problem 1\nf.json:/p2: problem 2\n"
              "f.json: too many problems; the first 3 are listed\n");
}

TEST(Diagnostics, DefaultCapIs200) {
    Diagnostics d;
    for (int i = 0; i < 1000; i++) d.add("", "x");
    EXPECT_EQ(d.problems.size(), 201u);
}

}  // namespace
