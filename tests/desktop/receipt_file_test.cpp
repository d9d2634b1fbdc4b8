#include "platform/desktop/receipt_file.h"

#include "tests/desktop/temp_dir.h"

#include <gtest/gtest.h>

using rd::desktop::safe_file_name;
using rd::desktop::save_receipt;

TEST(ReceiptFile, OrderNumberFromTheServerCannotLeaveTheFolder) {
    EXPECT_EQ(safe_file_name("renewdesk-receipt-../../etc/passwd.json"),
              "renewdesk-receipt-.._.._etc_passwd.json");
    EXPECT_EQ(safe_file_name(".."), "receipt_..");
    EXPECT_EQ(safe_file_name(""), "receipt_");
    EXPECT_EQ(safe_file_name("renewdesk-receipt-PO2024_001.json"), "renewdesk-receipt-PO2024_001.json");
}

TEST(ReceiptFile, SavedIntoReceiptsFolderAndSaysWhere) {
    TempDir dir;
    const auto saved = save_receipt(dir.path(), "renewdesk-receipt-42.json", "{\"orderNo\": \"42\"}");
    const auto file = dir.path() / "receipts" / "renewdesk-receipt-42.json";
    EXPECT_TRUE(saved.saved) << saved.error;
    EXPECT_EQ(saved.file, file);
    EXPECT_EQ(read_text(file), "{\"orderNo\": \"42\"}");
}

TEST(ReceiptFile, NoConfigFolderIsReportedNotThrown) {
    const auto saved = save_receipt({}, "r.json", "{}");
    EXPECT_FALSE(saved.saved);
    EXPECT_NE(saved.error.find("HOME"), std::string::npos) << saved.error;
}
