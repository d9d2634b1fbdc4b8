// rd::about: the components each program names, where the notices are looked for, the --version text.
#include "about/about.h"
#include "core/build_info.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace rd::about;

namespace {

struct TempTree {
    fs::path top = fs::temp_directory_path() / ("rd-about-" + std::to_string(std::random_device{}()));
    TempTree() { fs::create_directories(top / "bin"); }
    ~TempTree() { fs::remove_all(top); }
    void write(const fs::path& relative, const std::string& text) {
        fs::create_directories((top / relative).parent_path());
        std::ofstream(top / relative) << text;
    }
};

bool names(Program program, const std::string& part) {
    for (const Component& c : components(program))
        if (std::string(c.name).find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST(AboutText, EachProgramNamesWhatItShips) {
    EXPECT_TRUE(names(Program::desktop, "Dear ImGui"));
    EXPECT_TRUE(names(Program::desktop, "GLFW"));
    EXPECT_TRUE(names(Program::desktop, "Noto Sans CJK"));
    EXPECT_TRUE(names(Program::cli, "libcurl"));
    EXPECT_FALSE(names(Program::cli, "Dear ImGui")); // the CLI has no UI
    EXPECT_TRUE(names(Program::sandbox, "cpp-httplib"));
    EXPECT_FALSE(names(Program::sandbox, "libcurl"));
    for (Program p : {Program::desktop, Program::cli, Program::sandbox}) {
        EXPECT_TRUE(names(p, "nlohmann/json"));
        for (const Component& c : components(p))
            EXPECT_STRNE(c.licence, "") << c.name;
    }
}

TEST(AboutText, NoticesAreFoundBesideTheProgramFirstThenInShareDoc) {
    TempTree tree;
    EXPECT_TRUE(find_notices(tree.top / "bin").empty());
    EXPECT_TRUE(find_notices({}).empty());
    tree.write("share/doc/renewdesk/THIRD-PARTY-NOTICES", "installed");
    EXPECT_EQ(find_notices(tree.top / "bin"), (tree.top / "share/doc/renewdesk/THIRD-PARTY-NOTICES"));
    tree.write("bin/THIRD-PARTY-NOTICES.txt", "beside");
    EXPECT_EQ(find_notices(tree.top / "bin"), tree.top / "bin/THIRD-PARTY-NOTICES.txt");
}

TEST(AboutText, VersionTextIsOneLineAndVerboseAddsTheLicencesAndTheNotices) {
    TempTree tree;
    const std::string line = rd::build_info::version_line("renewdesk-cli") + "\n";
    EXPECT_EQ(version_text(Program::cli, false, tree.top / "bin"), line);
    const std::string missing = version_text(Program::cli, true, tree.top / "bin");
    EXPECT_EQ(missing.rfind(line, 0), 0u);
    EXPECT_NE(missing.find("MIT licence, copyright The RenewDesk authors"), std::string::npos);
    EXPECT_NE(missing.find("libcurl: curl licence"), std::string::npos);
    EXPECT_NE(missing.find("THIRD-PARTY-NOTICES was not found"), std::string::npos);
    tree.write("share/doc/renewdesk/THIRD-PARTY-NOTICES", "THE NOTICES TEXT\n");
    const std::string found = version_text(Program::cli, true, tree.top / "bin");
    EXPECT_NE(found.find("Licence texts: " + (tree.top / "share/doc/renewdesk/THIRD-PARTY-NOTICES").string()),
              std::string::npos);
    EXPECT_NE(found.find("THE NOTICES TEXT\n"), std::string::npos);
}
