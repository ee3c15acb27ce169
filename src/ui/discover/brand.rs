//! Step 6, brand statement and headline: three answers ("I help [who] [outcome] by
//! [how]") become phrasings to pick from; the statement and headline stay editable.

use super::{Part, StepContext};
use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, fill};
use crate::logic::brand::{headline_suggestions, statement_variants, suggested_parts};
use crate::logic::compose::preview;
use crate::logic::discover::HEADLINE_LIMIT;
use crate::logic::undo::EditKey;
use crate::model::BrandParts;
use crate::ui::theme;
use crate::ui::widgets::TextField;

pub(super) fn show(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let document = cx.document;
    let language = document.language;
    let focus = cx.take_focus();
    let parts: [Part<'_, BrandParts>; 3] = [
        Part { label: Tr::FieldWho, hint: Tr::HintWho, current: &document.brand_parts.who, field: |p| &mut p.who },
        Part {
            label: Tr::FieldOutcome,
            hint: Tr::HintOutcome,
            current: &document.brand_parts.outcome,
            field: |p| &mut p.outcome,
        },
        Part { label: Tr::FieldHow, hint: Tr::HintHow, current: &document.brand_parts.how, field: |p| &mut p.how },
    ];
    for (index, Part { label, hint, current, field }) in parts.into_iter().enumerate() {
        TextField::new(current, EditKey::of(("brand.part", index)))
            .label(cx.t(label))
            .hint(cx.t(hint))
            .focus(focus && index == 0)
            .show(ui, cx.out, move |document, text| *field(&mut document.brand_parts) = text);
    }
    super::pitch_preview(ui, cx, preview::value(document));
    let suggested = suggested_parts(document);
    if suggested != document.brand_parts && ui.button(cx.t(Tr::FillFromAnswers)).clicked() {
        cx.out.push(Command::Edit(DocEdit::step(move |document| document.brand_parts = suggested)));
    }

    ui.add_space(theme::SPACE_M);
    ui.label(egui::RichText::new(cx.t(Tr::Phrasings)).strong());
    let variants = statement_variants(document, language);
    if variants.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::PhrasingsNeedParts)).weak()).wrap());
    }
    for variant in variants {
        suggestion_row(ui, cx, &variant, document.brand_statement.trim() == variant, |document, text| {
            document.brand_statement = text
        });
    }

    ui.add_space(theme::SPACE_M);
    let words = document.brand_statement.split_whitespace().count();
    TextField::new(&document.brand_statement, EditKey::of("brand_statement"))
        .label(&fill(cx.t(Tr::FieldBrandStatementCount), &[("words", &words)]))
        .hint(cx.t(Tr::HintBrandStatement))
        .multiline(3)
        .show(ui, cx.out, |document, text| document.brand_statement = text);

    ui.add_space(theme::SPACE_M);
    TextField::new(&document.person.headline, EditKey::of(("person", "headline")))
        .label(cx.t(Tr::FieldHeadline))
        .hint(cx.t(Tr::HintHeadline))
        .counter(HEADLINE_LIMIT)
        .show(ui, cx.out, |document, text| document.person.headline = text);
    for suggestion in headline_suggestions(document, language) {
        let chosen = document.person.headline.trim() == suggestion;
        suggestion_row(ui, cx, &suggestion, chosen, |document, text| document.person.headline = text);
    }
    // The headline the person already wrote for LinkedIn: one more to pick, never put in
    // place by the import itself.
    let linkedin = cx.linkedin().map(|profile| profile.headline.trim().to_owned()).filter(|h| !h.is_empty());
    if let Some(headline) = linkedin {
        ui.add_space(theme::SPACE_S);
        ui.label(egui::RichText::new(cx.t(Tr::LinkedInHeadline)).small().weak());
        let chosen = document.person.headline.trim() == headline;
        suggestion_row(ui, cx, &headline, chosen, |document, text| document.person.headline = text);
    }
}

/// A suggested text with a button that puts it in place.
fn suggestion_row(
    ui: &mut egui::Ui,
    cx: &mut StepContext<'_>,
    text: &str,
    chosen: bool,
    set: fn(&mut crate::model::BrandDocument, String),
) {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(theme::RADIUS)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let label = if chosen { Tr::InUse } else { Tr::UseThis };
                let button = ui.add_enabled(!chosen, egui::Button::new(cx.t(label)));
                // "Use this: I help hospitals …": which phrasing the button takes.
                let short: String = text.chars().take(80).collect();
                crate::ui::widgets::name_node(ui, button.id, &format!("{}: {short}", cx.t(label)));
                if button.clicked() {
                    let text = text.to_owned();
                    cx.out.push(Command::Edit(DocEdit::step(move |document| set(document, text))));
                }
                ui.add(egui::Label::new(text).wrap());
            });
        });
}
