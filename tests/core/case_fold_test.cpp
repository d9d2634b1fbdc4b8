#include "core/case_fold.h"

#include <gtest/gtest.h>

using rd::fold_case;

TEST(CaseFold, LettersWithCaseFoldToLowerCase) {
    EXPECT_EQ(fold_case("ACME Ltd"), "acme ltd");
    EXPECT_EQ(fold_case("ÀÉÎÕÜ ÇÑ ×"), "àéîõü çñ ×");                   // Latin-1; × is not a letter
    EXPECT_EQ(fold_case("ŁÓDŹ ŠKODA Ĺ Ÿ"), "łódź škoda ĺ ÿ");           // Latin Extended-A, both pair orders
    EXPECT_EQ(fold_case("ΤΗΛΕΠΙΚΟΙΝΩΝΊΕΣ Ά Ώ"), "τηλεπικοινωνίεσ ά ώ"); // Greek; Σ folds to σ
    EXPECT_EQ(fold_case("ς"), "σ");                                     // final sigma matches σ
    EXPECT_EQ(fold_case("СВЯЗЬ Ё Ӂ Ґ"), "связь ё ӂ ґ");                 // Cyrillic, extended pairs
    EXPECT_EQ(fold_case("VIỄN THÔNG ĐÀ NẴNG"), "viễn thông đà nẵng");   // Vietnamese
    EXPECT_EQ(fold_case("ＡＢＣ"), "ａｂｃ");                           // fullwidth
}

TEST(CaseFold, EverythingElseIsKeptExactly) {
    EXPECT_EQ(fold_case("杭州云联通信有限公司"), "杭州云联通信有限公司");
    EXPECT_EQ(fold_case("カタカナ 한국어 مرحبا"), "カタカナ 한국어 مرحبا");
    EXPECT_EQ(fold_case("ß ı İ 12-3 @"), "ß ı İ 12-3 @");   // no expansions, no dotted/dotless i games
    EXPECT_EQ(fold_case("A\xFF\xC3(B"), "a\xFF\xC3(b");     // bytes that are not UTF-8 pass unchanged
    EXPECT_EQ(fold_case("\xE0\x80\x80Z"), "\xE0\x80\x80z"); // an overlong form is not decoded
    EXPECT_EQ(fold_case(""), "");
}
