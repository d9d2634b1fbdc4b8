// What the accessible mirror (mirror.h) holds between calls: the frame being described, the last one
// described, and the page's requests not yet consumed. One per UiContext, so two Apps never mix theirs.
#pragma once

#include "ui/kit/mirror.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rd::ui::mirror {

struct Recorder {
    std::vector<Node> building;
    std::vector<Node> ended;
    std::string live_building, live_ended;
    std::string focus_building, focus_ended;
    std::string language = "en";
    std::size_t group = 0; // while a group is open: its index in `building`, plus one
    bool in_table = false;
    std::string json = R"({"focus":"","live":"","nodes":[]})";
    std::uint64_t version = 0;
    std::vector<Request> requests;
};

} // namespace rd::ui::mirror
