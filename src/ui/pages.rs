//! The pages that later versions fill: each shows its name, what it is for and what of
//! the document it holds. Discover, Pitches, Rehearse and Notes have their own modules.

use crate::i18n::{Tr, fill, tr};
use crate::model::{BrandDocument, CardSection, Language, Network};
use crate::ui::{Page, theme};

/// Draws `page` for `document`.
pub fn show(ui: &mut egui::Ui, language: Language, page: Page, document: &BrandDocument) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(theme::PAGE_WIDTH));
        ui.add_space(theme::SPACE_S);
        ui.heading(tr(language, page.title()));
        ui.label(egui::RichText::new(tr(language, page.purpose())).size(theme::LEAD_SIZE).weak());
        ui.add_space(theme::SPACE_M);
        match page {
            // Discover, Pitches, Rehearse and Notes have their own modules.
            Page::Discover | Page::Pitches | Page::Rehearse | Page::Notes => {}
            Page::Card => card(ui, language, document),
        }
    });
}

fn section(ui: &mut egui::Ui, title: &str, content: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(theme::SPACE_S);
    ui.label(egui::RichText::new(title).strong());
    egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).inner_margin(egui::Margin::same(12)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        content(ui);
    });
}

fn line(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).wrap());
}

fn coming_later(ui: &mut egui::Ui, language: Language, key: Tr) {
    ui.add_space(theme::SPACE_M);
    line(ui, egui::RichText::new(tr(language, key)).italics().weak());
}

/// The name of a network.
pub fn network_name(network: Network) -> Tr {
    match network {
        Network::Operational => Tr::NetworkOperational,
        Network::Personal => Tr::NetworkPersonal,
        Network::Strategic => Tr::NetworkStrategic,
    }
}

fn card(ui: &mut egui::Ui, language: Language, document: &BrandDocument) {
    let t = |key| tr(language, key);
    section(ui, t(Tr::InThisDocument), |ui| {
        let paper = match document.card.paper {
            crate::model::Paper::A4 => "A4",
            crate::model::Paper::Letter => "US Letter",
        };
        line(ui, fill(t(Tr::CardPaper), &[("paper", &paper)]));
        let sections: Vec<&str> = document.card.sections.iter().map(|section| t(card_section_name(*section))).collect();
        line(ui, fill(t(Tr::CardSections), &[("sections", &sections.join(" · "))]));
        let pitch = document.pitch(&document.card.pitch).map_or("—", |pitch| pitch.title.as_str());
        line(ui, fill(t(Tr::CardPitch), &[("pitch", &pitch)]));
    });
    coming_later(ui, language, Tr::LaterCard);
}

/// The name of a card section.
pub fn card_section_name(section: CardSection) -> Tr {
    match section {
        CardSection::Headline => Tr::CardSectionHeadline,
        CardSection::BrandStatement => Tr::CardSectionBrandStatement,
        CardSection::Values => Tr::CardSectionValues,
        CardSection::Strengths => Tr::CardSectionStrengths,
        CardSection::Pitch => Tr::CardSectionPitch,
        CardSection::Goals => Tr::CardSectionGoals,
        CardSection::Contact => Tr::CardSectionContact,
        CardSection::QrCode => Tr::CardSectionQrCode,
    }
}
