//! The left navigation between the pages of a document.

use crate::command::Command;
use crate::i18n::tr;
use crate::model::Language;
use crate::state::Page;
use crate::ui::theme;

/// Draws the page list.
pub fn show(ui: &mut egui::Ui, language: Language, current: Page, out: &mut Vec<Command>) {
    ui.add_space(theme::SPACE_M);
    ui.set_min_width(theme::NAV_WIDTH);
    for page in Page::ALL {
        let label = egui::RichText::new(tr(language, page.title())).size(theme::NAV_TEXT_SIZE);
        let button = egui::Button::selectable(page == current, label).min_size(egui::vec2(theme::NAV_WIDTH, 34.0));
        if ui.add(button).on_hover_text(tr(language, page.purpose())).clicked() && page != current {
            out.push(Command::GoTo(page));
        }
    }
}
