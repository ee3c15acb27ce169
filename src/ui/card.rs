//! The Card page: the live preview of the one-page brand card, with paper, sections and
//! their order, the pitch to print, what had to be left out, and export and print.
//!
//! The card is typeset once per change of what it shows (its content is hashed), never
//! per frame; the preview is a texture of the typeset page.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::card::{Card, CardError, content};
use crate::command::{CardFormat, Command, DocEdit};
use crate::i18n::{Tr, fill, tr};
use crate::model::{BrandDocument, CardSection, Language, Paper};
use crate::ui::names::card_section_name;
use crate::ui::theme;

/// Pixels per typographic point of the preview (sharp on the screen, quick to render).
const PREVIEW_PIXELS_PER_PT: f64 = 2.0;

/// What the Card page keeps between frames.
#[derive(Default)]
pub struct CardState {
    /// The content the preview was made from.
    made_for: Option<u64>,
    /// The preview, or why there is none.
    preview: Option<Result<egui::TextureHandle, String>>,
    /// What the typeset card left out.
    omitted: Vec<crate::card::Omission>,
    /// How many times a card was typeset (tests check it is not per frame).
    pub typeset_count: usize,
}

/// Draws the Card page.
pub fn show(
    ui: &mut egui::Ui,
    language: Language,
    document: &BrandDocument,
    state: &mut CardState,
    out: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    refresh(ui.ctx(), document, state);
    let wide = ui.available_width() >= theme::WIDE_LAYOUT;
    let controls = |ui: &mut egui::Ui, out: &mut Vec<Command>| {
        egui::ScrollArea::vertical().id_salt("card_controls").auto_shrink(false).show(ui, |ui| {
            paper_and_pitch(ui, language, document, out);
            ui.add_space(theme::SPACE_M);
            sections(ui, language, document, out);
            ui.add_space(theme::SPACE_M);
            ui.horizontal_wrapped(|ui| {
                for (format, label) in [
                    (CardFormat::Pdf, Tr::ExportPdf),
                    (CardFormat::Html, Tr::ExportHtml),
                    (CardFormat::Markdown, Tr::ExportMarkdown),
                ] {
                    if ui.button(t(label)).clicked() {
                        out.push(Command::ExportCardAs(format));
                    }
                }
                if ui.button(t(Tr::PrintCard)).on_hover_text(t(Tr::PrintCardTip)).clicked() {
                    out.push(Command::PrintCard);
                }
            });
            if !state.omitted.is_empty() {
                ui.add_space(theme::SPACE_M);
                let list: Vec<&str> = state.omitted.iter().map(|omission| t(omission.describe())).collect();
                let text = fill(t(Tr::CardOmitted), &[("list", &list.join(", "))]);
                ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
            }
        });
    };
    if wide {
        egui::Panel::left("card_controls")
            .frame(theme::inner_panel())
            .resizable(false)
            .exact_size(theme::CARD_CONTROLS_WIDTH)
            .show(ui, |ui| controls(ui, out));
        egui::CentralPanel::default().frame(theme::inner_panel()).show(ui, |ui| preview(ui, language, state));
    } else {
        egui::Panel::top("card_controls").frame(theme::inner_panel()).show(ui, |ui| {
            ui.set_max_height(ui.ctx().content_rect().height() * 0.45);
            controls(ui, out);
        });
        egui::CentralPanel::default().frame(theme::inner_panel()).show(ui, |ui| preview(ui, language, state));
    }
}

/// Typesets the card again when what it shows changed.
fn refresh(ctx: &egui::Context, document: &BrandDocument, state: &mut CardState) {
    let content = content(document, document.card.paper, &document.card.sections, None);
    let mut hasher = DefaultHasher::new();
    content.hash(&mut hasher);
    let key = hasher.finish();
    if state.made_for == Some(key) {
        return;
    }
    state.made_for = Some(key);
    state.typeset_count += 1;
    let made = Card::of(document).and_then(|card| {
        let raster = card.raster(PREVIEW_PIXELS_PER_PT).ok_or(CardError::DoesNotFit)?;
        Ok((card.omitted().to_vec(), raster))
    });
    match made {
        Ok((omitted, raster)) => {
            let image = egui::ColorImage::from_rgba_premultiplied(
                [raster.width as usize, raster.height as usize],
                &raster.rgba_premultiplied,
            );
            state.preview = Some(Ok(ctx.load_texture("card_preview", image, egui::TextureOptions::LINEAR)));
            state.omitted = omitted;
        }
        Err(error) => {
            state.preview = Some(Err(error.to_string()));
            state.omitted.clear();
        }
    }
}

fn preview(ui: &mut egui::Ui, language: Language, state: &CardState) {
    match &state.preview {
        Some(Ok(texture)) => {
            let size = texture.size_vec2();
            let available = ui.available_size();
            let scale = (available.x / size.x).min(available.y / size.y).min(1.0);
            ui.centered_and_justified(|ui| {
                let image = egui::Image::new((texture.id(), size * scale)).alt_text(tr(language, Tr::CardPreviewAlt));
                ui.add(image.bg_fill(egui::Color32::WHITE));
            });
        }
        Some(Err(message)) => {
            ui.colored_label(theme::error_color(ui), message);
        }
        None => {}
    }
}

fn paper_and_pitch(ui: &mut egui::Ui, language: Language, document: &BrandDocument, out: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    ui.horizontal_wrapped(|ui| {
        ui.label(t(Tr::CardPaperLabel));
        for (paper, name) in [(Paper::A4, "A4"), (Paper::Letter, "US Letter")] {
            if ui.radio(document.card.paper == paper, name).clicked() && document.card.paper != paper {
                out.push(Command::Edit(DocEdit::step(move |document| document.card.paper = paper)));
            }
        }
    });
    if document.pitches.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t(Tr::CardPitchLabel)).id;
        let current = crate::card::chosen_pitch(document, None).map_or("—", |pitch| pitch.title.as_str());
        let combo = egui::ComboBox::from_id_salt("card_pitch").selected_text(current).show_ui(ui, |ui| {
            for pitch in &document.pitches {
                if ui.selectable_label(document.card.pitch == pitch.id, &pitch.title).clicked() {
                    let id = pitch.id.clone();
                    out.push(Command::Edit(DocEdit::step(move |document| document.card.pitch = id)));
                }
            }
        });
        combo.response.labelled_by(label);
    });
}

/// Every section with a switch, in the card's order, with buttons to move it.
fn sections(ui: &mut egui::Ui, language: Language, document: &BrandDocument, out: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    ui.label(egui::RichText::new(t(Tr::CardSectionsLabel)).strong());
    let shown = &document.card.sections;
    let mut order: Vec<CardSection> = shown.clone();
    order.extend(CardSection::ALL.iter().filter(|section| !shown.contains(section)));
    for section in order {
        let position = shown.iter().position(|s| *s == section);
        ui.horizontal(|ui| {
            let mut on = position.is_some();
            if ui.checkbox(&mut on, t(card_section_name(section))).changed() {
                out.push(Command::Edit(DocEdit::step(move |document| {
                    let sections = &mut document.card.sections;
                    if on && !sections.contains(&section) {
                        sections.push(section);
                    } else {
                        sections.retain(|s| *s != section);
                    }
                })));
            }
            if let Some(index) = position {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let down = ui.add_enabled(index + 1 < shown.len(), egui::Button::new("↓").small());
                    if down.on_hover_text(t(Tr::TopMoveDown)).clicked() {
                        out.push(Command::Edit(DocEdit::step(move |document| {
                            if index + 1 < document.card.sections.len() {
                                document.card.sections.swap(index, index + 1);
                            }
                        })));
                    }
                    let up = ui.add_enabled(index > 0, egui::Button::new("↑").small());
                    if up.on_hover_text(t(Tr::TopMoveUp)).clicked() {
                        out.push(Command::Edit(DocEdit::step(move |document| {
                            if index > 0 && index < document.card.sections.len() {
                                document.card.sections.swap(index - 1, index);
                            }
                        })));
                    }
                });
            }
        });
    }
    ui.add(egui::Label::new(egui::RichText::new(t(Tr::CardSectionsHelp)).small().weak()).wrap());
}
