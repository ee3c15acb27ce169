//! The Card page: the live preview of the one-page brand card, with paper, sections and
//! their order, the pitch to print, what had to be left out, and export and print.
//!
//! The card is typeset once per change of what it shows (its content is hashed), never
//! per frame, and on a worker thread: the page stays responsive and keeps the previous
//! preview, with a spinner, until the new one arrives.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::card::{Omission, PreviewWorker, content};
use crate::command::{CardFormat, Command, DocEdit};
use crate::i18n::{Tr, fill, tr};
use crate::model::{BrandDocument, CardSection, Language, Paper, PitchForm};
use crate::ui::names::card_section_name;
use crate::ui::theme;

/// Pixels per typographic point of the preview (sharp on the screen, quick to render).
const PREVIEW_PIXELS_PER_PT: f64 = 2.0;

/// What the Card page keeps between frames.
#[derive(Default)]
pub struct CardState {
    /// The thread that typesets previews, started when the page is first shown (or why
    /// it could not start).
    worker: Option<Result<PreviewWorker, String>>,
    /// The content key of the newest preview asked for.
    requested: Option<u64>,
    /// The content key of the preview on screen.
    shown: Option<u64>,
    /// The preview, or why there is none.
    preview: Option<Result<egui::TextureHandle, String>>,
    /// What the typeset card left out.
    omitted: Vec<Omission>,
    /// How many times a card was typeset (tests check it is not per frame).
    pub typeset_count: usize,
}

impl CardState {
    /// Whether a newer preview is being typeset than the one on screen.
    pub fn is_pending(&self) -> bool {
        self.requested.is_some() && self.requested != self.shown && matches!(self.worker, Some(Ok(_)))
    }
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
    // The card is a portrait page: beside its settings it is seen whole down to a narrow
    // window (800 × 600 leaves about 630 points); only narrower than that do the settings
    // and the preview scroll together, one under the other.
    let width = ui.available_width();
    let beside = width >= 2.0 * theme::CARD_CONTROLS_MIN_WIDTH;
    let controls = |ui: &mut egui::Ui, out: &mut Vec<Command>| {
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
            if ui.button(t(Tr::ExportBusinessCards)).on_hover_text(t(Tr::ExportBusinessCardsTip)).clicked() {
                out.push(Command::ExportCardAs(CardFormat::BusinessCards));
            }
            if ui.button(t(Tr::PrintCard)).on_hover_text(t(Tr::PrintCardTip)).clicked() {
                out.push(Command::Print(crate::printing::Printable::Card));
            }
            if ui.button(t(Tr::PrintBusinessCards)).on_hover_text(t(Tr::PrintBusinessCardsTip)).clicked() {
                out.push(Command::Print(crate::printing::Printable::BusinessCards));
            }
        });
        if !state.omitted.is_empty() {
            ui.add_space(theme::SPACE_M);
            let list: Vec<&str> = state.omitted.iter().map(|omission| t(omission.describe())).collect();
            let text = fill(t(Tr::CardOmitted), &[("list", &list.join(", "))]);
            ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
        }
    };
    if beside {
        egui::Panel::left("card_controls")
            .frame(theme::inner_panel())
            .resizable(false)
            .exact_size(theme::CARD_CONTROLS_WIDTH.min(width / 2.0))
            .show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt("card_controls").auto_shrink(false).show(ui, |ui| {
                    // Room for the scroll bar, which floats over the right edge: the arrows
                    // stay clear of it.
                    ui.set_max_width(ui.available_width() - crate::ui::widgets::scroll_gutter(ui));
                    controls(ui, out);
                });
            });
        egui::CentralPanel::default().frame(theme::inner_panel()).show(ui, |ui| preview(ui, language, state));
    } else {
        egui::CentralPanel::default().frame(theme::inner_panel()).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("card_page").auto_shrink(false).show(ui, |ui| {
                controls(ui, out);
                ui.add_space(theme::SPACE_M);
                // A4's proportions at the width there is.
                let size = egui::vec2(ui.available_width(), ui.available_width() * 297.0 / 210.0);
                ui.allocate_ui(size, |ui| {
                    ui.set_min_size(size);
                    preview(ui, language, state);
                });
            });
        });
    }
}

/// Asks for a new preview when what the card shows changed, and takes it when it is ready.
fn refresh(ctx: &egui::Context, document: &BrandDocument, state: &mut CardState) {
    let content = content(document, document.card.paper, &document.card.sections, None);
    let mut hasher = DefaultHasher::new();
    content.hash(&mut hasher);
    let key = hasher.finish();
    let worker = state.worker.get_or_insert_with(|| {
        let repaint = ctx.clone();
        PreviewWorker::start(PREVIEW_PIXELS_PER_PT, move || repaint.request_repaint())
            .map_err(|error| format!("the card preview could not start: {error}"))
    });
    let worker = match worker {
        Ok(worker) => worker,
        Err(message) => {
            state.preview = Some(Err(message.clone()));
            return;
        }
    };
    if state.requested != Some(key) {
        state.requested = Some(key);
        state.typeset_count += 1;
        worker.request(key, content);
    }
    // An older result than the newest request is dropped: the newer one is on its way.
    let Some(done) = worker.try_take().filter(|done| Some(done.key) == state.requested) else { return };
    state.shown = Some(done.key);
    match done.result {
        Ok((raster, omitted)) => {
            let image = egui::ColorImage::from_rgba_premultiplied(
                [raster.width as usize, raster.height as usize],
                &raster.rgba_premultiplied,
            );
            // Mipmaps: a page rendered large and shown small stays smooth instead of blotchy
            // (plain linear filtering samples only every few texels when shrinking).
            let options =
                egui::TextureOptions { mipmap_mode: Some(egui::TextureFilter::Linear), ..egui::TextureOptions::LINEAR };
            state.preview = Some(Ok(ctx.load_texture("card_preview", image, options)));
            state.omitted = omitted;
        }
        Err(message) => {
            state.preview = Some(Err(message));
            state.omitted.clear();
        }
    }
}

fn preview(ui: &mut egui::Ui, language: Language, state: &CardState) {
    let corner = ui.max_rect().left_top();
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
    if state.is_pending() {
        // Over the old preview, in its corner, so the page does not jump when it is done.
        let badge = egui::Rect::from_min_size(corner, egui::vec2(ui.max_rect().width(), 32.0));
        ui.scope_builder(egui::UiBuilder::new().max_rect(badge), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr(language, Tr::CardTypesetting));
                });
            });
        });
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
        let id = combo.response.labelled_by(label).id;
        crate::ui::widgets::name_combo(ui, id, t(Tr::CardPitchLabel), current);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(t(Tr::CardPitchFormLabel)).on_hover_text(t(Tr::CardPitchFormTip));
        for (form, name) in [(PitchForm::OneLine, Tr::CardPitchFormOneLine), (PitchForm::Full, Tr::CardPitchFormFull)] {
            let chosen = document.card.pitch_form == form;
            if ui.radio(chosen, t(name)).on_hover_text(t(Tr::CardPitchFormTip)).clicked() && !chosen {
                out.push(Command::Edit(DocEdit::step(move |document| document.card.pitch_form = form)));
            }
        }
    });
}

/// Every section with a switch, in the card's order, with buttons to move it.
/// Width of a section's ↑ and ↓ buttons, points.
const MOVE_BUTTON_WIDTH: f32 = 24.0;
/// Where the ↑ and ↓ column begins, points from the row's start: past the longest section
/// name in either language ("Brand statement", "Sterke punten").
const MOVE_COLUMN: f32 = 180.0;

fn sections(ui: &mut egui::Ui, language: Language, document: &BrandDocument, out: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    ui.label(egui::RichText::new(t(Tr::CardSectionsLabel)).strong());
    let shown = &document.card.sections;
    let mut order: Vec<CardSection> = shown.clone();
    order.extend(CardSection::ALL.iter().filter(|section| !shown.contains(section)));
    for section in order {
        let position = shown.iter().position(|s| *s == section);
        ui.horizontal(|ui| {
            let row_left = ui.cursor().left();
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
                // ↑ then ↓ in a column of their own, left to right and for Tab, named after
                // the section they move. A column at a fixed place lines every row's arrows
                // up whatever the buttons' width; one pushed to the right edge by a guessed
                // width ran past the edge when the guess was short.
                let section_name = t(card_section_name(section));
                let button = egui::vec2(MOVE_BUTTON_WIDTH, ui.spacing().interact_size.y);
                ui.add_space((row_left + MOVE_COLUMN - ui.cursor().left()).max(0.0));
                let up = ui.add_enabled(index > 0, egui::Button::new("↑").small().min_size(button));
                crate::ui::widgets::name_node(ui, up.id, &format!("{}: {section_name}", t(Tr::TopMoveUp)));
                if up.on_hover_text(t(Tr::TopMoveUp)).clicked() {
                    out.push(Command::Edit(DocEdit::step(move |document| {
                        if index > 0 && index < document.card.sections.len() {
                            document.card.sections.swap(index - 1, index);
                        }
                    })));
                }
                let down = ui.add_enabled(index + 1 < shown.len(), egui::Button::new("↓").small().min_size(button));
                crate::ui::widgets::name_node(ui, down.id, &format!("{}: {section_name}", t(Tr::TopMoveDown)));
                if down.on_hover_text(t(Tr::TopMoveDown)).clicked() {
                    out.push(Command::Edit(DocEdit::step(move |document| {
                        if index + 1 < document.card.sections.len() {
                            document.card.sections.swap(index, index + 1);
                        }
                    })));
                }
            }
        });
    }
    ui.add(egui::Label::new(egui::RichText::new(t(Tr::CardSectionsHelp)).small().weak()).wrap());
}
