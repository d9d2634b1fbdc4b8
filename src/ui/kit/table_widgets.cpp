#include "ui/kit/table_widgets.h"

#include "ui/kit/mirror.h"

#include <imgui.h>

namespace rd::ui {
namespace {

void text_in_cell(const std::string& text, const ImVec4* colour) {
    ImGui::TableNextColumn();
    const bool cut = cut_here(text.c_str());
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, *colour);
    ImGui::TextUnformatted(text.c_str());
    if (colour) ImGui::PopStyleColor();
    whole_text_on_hover(text, cut);
}

} // namespace

bool begin_table(const WidgetId& id, const std::vector<TableColumn>& columns, const TableSetup& setup) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_Resizable;
    if (setup.sortable) flags |= ImGuiTableFlags_Sortable;
    if (!ImGui::BeginTable(id.key.c_str(), static_cast<int>(columns.size()), flags, ImVec2(0, setup.height)))
        return false;
    ImGui::TableSetupScrollFreeze(0, 1);
    std::vector<std::string> mirrored;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const TableColumn& column = columns[i];
        // Shown in the current language, identified by its place: a column's width and sort stay put
        // when the language changes.
        const std::string header = column.name + "###column" + std::to_string(i);
        if (column.fixed_width > 0) {
            ImGui::TableSetupColumn(header.c_str(),
                                    ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort |
                                        ImGuiTableColumnFlags_NoResize,
                                    column.fixed_width);
        } else {
            ImGui::TableSetupColumn(header.c_str(),
                                    ImGuiTableColumnFlags_WidthStretch |
                                        (column.default_sort ? ImGuiTableColumnFlags_DefaultSort : 0),
                                    column.weight);
        }
        if (!column.name.empty()) mirrored.push_back(column.name);
    }
    ImGui::TableHeadersRow();
    begin_mirrored_table(id, std::move(mirrored), setup.check_name);
    return true;
}

void end_table() {
    ImGui::EndTable();
    end_mirrored_table();
}

bool table_sort(int& column, bool& descending) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || specs->SpecsCount == 0) return false;
    int named = 0; // the sorted column among the named ones
    for (int i = 0; i < specs->Specs[0].ColumnIndex; ++i)
        named += (ImGui::TableGetColumnFlags(i) & ImGuiTableColumnFlags_NoSort) ? 0 : 1;
    column = named;
    descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    const bool changed = specs->SpecsDirty;
    specs->SpecsDirty = false;
    return changed;
}

void next_row() {
    ImGui::TableNextRow();
}

void next_cell() {
    ImGui::TableNextColumn();
}

void cell_text(const std::string& text) {
    text_in_cell(text, nullptr);
}

void toned_cell_text(Tone tone, const std::string& text) {
    const ImVec4 colour = tone_colour(tone);
    text_in_cell(text, &colour);
}

void dimmed_cell_text(const std::string& text) {
    const ImVec4 colour = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    text_in_cell(text, &colour);
}

void cell_note(const std::string& text, std::optional<Tone> tone) {
    ImGui::PushStyleColor(ImGuiCol_Text,
                          tone ? tone_colour(*tone) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void text_row(const std::string& key, std::vector<std::string> cells) {
    mirror::text_row(key, std::move(cells));
}

void scroll_to_this_row() {
    ImGui::SetScrollHereY();
}

bool cut_here(const char* text, bool is_label) {
    return ImGui::CalcTextSize(text, nullptr, is_label).x > ImGui::GetContentRegionAvail().x + 0.5f;
}

void whole_text_on_hover(const std::string& text, bool cut) {
    if (cut && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

} // namespace rd::ui
