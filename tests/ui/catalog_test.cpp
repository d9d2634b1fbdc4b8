// The catalogs: complete, formats that agree, language tags, the error words, the placeholders
// for scripts that need shaping, and row labels that fit their column in both languages.
#include "core/envelope.h"
#include "core/script_support.h"
#include "tests/core/fake_transport.h"
#include "tests/ui/english_words.h"
#include "tests/ui/ui_harness.h"
#include "ui/api_text.h"
#include "ui/kit/ui_context.h"
#include "ui/kit/widgets.h"
#include "ui/words/catalog.h"
#include "ui/words/error_words.h"

#include <gtest/gtest.h>

using namespace rd;
using namespace rd::ui;

namespace {

std::vector<Text> all_texts() {
    std::vector<Text> texts;
    for (unsigned i = 0; i < static_cast<unsigned>(Text::count); ++i)
        texts.push_back(static_cast<Text>(i));
    return texts;
}

// The printf conversions of a format, in order ("%s", "%d"; "%%" is not one).
std::vector<std::string> specifiers(const std::string& format) {
    std::vector<std::string> found;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') continue;
        std::size_t end = i + 1;
        while (end < format.size() &&
               std::string("0123456789.-+ #$lhzjt").find(format[end]) != std::string::npos)
            ++end;
        if (end < format.size() && format[end] != '%') found.push_back(format.substr(i, end - i + 1));
        i = end;
    }
    return found;
}

// A UI context of the test's own (no App here): its language starts English and goes with the test.
struct LanguageGuard {
    UiContext context;
    UiContextScope scope{context};
};

} // namespace

TEST(Catalog, EveryEntryIsThereInBothLanguagesWithTheSameFormat) {
    for (Text text : all_texts()) {
        const unsigned key = static_cast<unsigned>(text);
        const std::string english = tr_in(Language::en, text), chinese = tr_in(Language::zh, text);
        EXPECT_FALSE(english.empty()) << key;
        EXPECT_FALSE(chinese.empty()) << key;
        EXPECT_EQ(specifiers(english), specifiers(chinese)) << key << ": " << english << " / " << chinese;
        for (const std::string& spec : specifiers(english))
            EXPECT_TRUE(spec == "%s" || spec == "%d") << key << ": " << spec;
    }
}

TEST(Catalog, TheChineseCatalogLeavesNoEnglishSentence) {
    // Data the sentences quote: a plan name, sample ids, the sandbox's demo credentials, the API's
    // member names that a reply lacked.
    const std::set<std::string> quoted = {"Remote", "Management", "Account",       "demo",      "client",
                                          "secret", "ID",         "Token_Details", "expiresIn", "createTime"};
    for (Text text : all_texts())
        EXPECT_EQ(test::english_left(tr_in(Language::zh, text), quoted), std::vector<std::string>{})
            << static_cast<unsigned>(text) << ": " << tr_in(Language::zh, text);
}

TEST(Catalog, EachLanguageIsNamedInItsOwn) {
    EXPECT_STREQ(tr_in(Language::en, Text::language_name), "English");
    EXPECT_STREQ(tr_in(Language::zh, Text::language_name), "中文");
}

TEST(Catalog, LanguageTags) {
    for (const char* tag : {"zh", "zh-CN", "zh_CN.UTF-8", "zh-Hans-SG", "ZH-cn", "zh-TW", "zh-HK", "zh-Hant"})
        EXPECT_EQ(language_from_tag(tag), Language::zh) << tag;
    for (const char* tag : {"en-US", "en", "C", "POSIX", "C.UTF-8", "de-DE", "fr_FR.UTF-8", "ja", "x"})
        EXPECT_EQ(language_from_tag(tag), Language::en) << tag;
    EXPECT_EQ(language_from_tag(""), std::nullopt);
}

TEST(Catalog, TheDesktopLocaleFollowsPosixOrder) {
    EXPECT_EQ(language_from_locale("zh_CN.UTF-8", "en_US.UTF-8", "en_US.UTF-8"), Language::zh);
    EXPECT_EQ(language_from_locale("", "zh_CN.UTF-8", "en_US.UTF-8"), Language::zh);
    EXPECT_EQ(language_from_locale(nullptr, nullptr, "zh_TW.UTF-8"), Language::zh);
    EXPECT_EQ(language_from_locale(nullptr, "C", "zh_CN.UTF-8"), Language::en);
    EXPECT_EQ(language_from_locale(nullptr, "", nullptr), std::nullopt);
}

TEST(Catalog, ChineseErrorWordsTranslateTheCoreAndKeepTheServersText) {
    LanguageGuard guard;
    set_language(Language::zh);
    auto words = [](const HttpResponse& reply) {
        return error_words(decode_envelope(reply, BodySecrets::none).error());
    };
    const std::string refused =
        words(test::api_error(400, "insufficient_balance", "Top up first", "feedface"));
    EXPECT_NE(refused.find(tr(Text::error_api)), std::string::npos);
    EXPECT_NE(refused.find("Top up first"), std::string::npos) << "the server's words, as they are";
    EXPECT_NE(refused.find("insufficient_balance"), std::string::npos);
    EXPECT_NE(refused.find("feedface"), std::string::npos);
    const std::set<std::string> data = {"insufficient_balance", "Top", "first", "feedface"};
    EXPECT_EQ(test::english_left(refused, data), std::vector<std::string>{}) << refused;
    for (const HttpResponse& reply : {test::raw(200, ""), test::raw(502, "not json at all"),
                                      test::failure(TransportFailure::connection_lost)}) {
        const std::string text = words(reply);
        // the transport's own words are a technical detail, kept as they are
        EXPECT_EQ(test::english_left(text, {"not", "json", "all", "simulated", "transport", "failure"}),
                  std::vector<std::string>{})
            << text;
    }
    HttpResponse busy = test::raw(429, "slow down");
    busy.failure_text = "Retry-After: 30\r\n";
    EXPECT_NE(words(busy).find("30"), std::string::npos) << words(busy);
    EXPECT_EQ(test::english_left(words(busy), {"slow", "down"}), std::vector<std::string>{}) << words(busy);
}

TEST(Catalog, ScriptsThatNeedShapingDrawAsPlaceholdersAndTheNoticeIsDue) {
    LanguageGuard guard;
    set_language(Language::en);
    begin_api_text_frame();
    EXPECT_EQ(api_text("杭州云联通信有限公司"), "杭州云联通信有限公司");
    EXPECT_FALSE(shaping_notice_due());
    EXPECT_EQ(api_text("ACME شركة الاتصالات Ltd"), "ACME [Arabic text] Ltd");
    EXPECT_TRUE(shaping_notice_due());
    set_language(Language::zh);
    EXPECT_EQ(api_text("שלום"), "[希伯来文]");
    EXPECT_EQ(api_text("บริษัท"), "[泰文]");
    EXPECT_EQ(api_text("नमस्ते"), "[天城文]");
    begin_api_text_frame();
    EXPECT_FALSE(shaping_notice_due());
}

TEST(Catalog, RowLabelsFitTheirColumnInBothLanguages) {
    LanguageGuard guard;
    ImGuiContext* context = test::UiHarness::make_context();
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    for (Language language : {Language::en, Language::zh}) {
        set_language(language);
        const float column = row_label_column();
        for (Text text : row_label_texts())
            EXPECT_LE(ImGui::GetStyle().WindowPadding.x + ImGui::CalcTextSize(tr(text)).x +
                          ImGui::GetStyle().ItemSpacing.x,
                      column)
                << language_code(language) << ": " << tr(text);
    }
    ImGui::EndFrame();
    ImGui::DestroyContext(context);
}
