//! The Notes page: markdown notes for event preparation, edited as text and shown
//! rendered. Links open only when clicked, and only web and e-mail links.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, tr};
use crate::logic::markdown::{Block, Marker, Span, parse, safe_link};
use crate::logic::undo::EditKey;
use crate::model::{BrandDocument, Language, Note};
use crate::ui::theme;
use crate::ui::widgets::TextField;

/// How a note is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NoteView {
    /// Text and rendering side by side (or one above the other when narrow).
    #[default]
    Both,
    /// Only the text.
    Edit,
    /// Only the rendering.
    Read,
}

/// What the Notes page remembers between frames.
#[derive(Default)]
pub struct NotesState {
    /// The note shown.
    pub selected: usize,
    /// How it is shown.
    pub view: NoteView,
    /// The parsed note, by text version: parsing happens once per change, not per frame.
    parsed: Option<(u64, Rc<Vec<Block>>)>,
    /// The height of each rendered block when last drawn, so blocks out of sight only
    /// take their space.
    heights: Vec<f32>,
}

impl NotesState {
    fn blocks(&mut self, markdown: &str) -> Rc<Vec<Block>> {
        let mut hasher = DefaultHasher::new();
        markdown.hash(&mut hasher);
        let key = hasher.finish();
        match &self.parsed {
            Some((cached, blocks)) if *cached == key => blocks.clone(),
            _ => {
                let blocks = Rc::new(parse(markdown));
                self.parsed = Some((key, blocks.clone()));
                blocks
            }
        }
    }
}

/// Draws the Notes page.
pub fn show(
    ui: &mut egui::Ui,
    language: Language,
    document: &BrandDocument,
    state: &mut NotesState,
    out: &mut Vec<Command>,
) {
    let t = |key| tr(language, key);
    if state.selected >= document.notes.len() {
        state.selected = document.notes.len().saturating_sub(1);
    }
    ui.horizontal_wrapped(|ui| {
        for (index, note) in document.notes.iter().enumerate() {
            let title = if note.title.trim().is_empty() { t(Tr::UntitledNote) } else { note.title.as_str() };
            if ui.add(egui::Button::selectable(state.selected == index, title).truncate()).clicked() {
                state.selected = index;
            }
        }
        // A new note has no title yet (its tab says "Untitled note"): titled "New note", its
        // tab looked like a second "New note" button beside this one.
        if ui.button(t(Tr::NewNote)).clicked() {
            out.push(Command::Edit(DocEdit::step(move |document| {
                document.notes.push(Note { title: String::new(), markdown: String::new() })
            })));
            state.selected = document.notes.len();
        }
    });
    ui.separator();
    let Some(note) = document.notes.get(state.selected) else {
        ui.label(egui::RichText::new(t(Tr::NoNotes)).weak());
        return;
    };
    let index = state.selected;
    // The title on its own line, then the views and Delete, all left to right: the order
    // Tab takes is the order they are read in.
    TextField::new(&note.title, EditKey::of(("note.title", index)))
        .name(t(Tr::NoteTitle))
        .hint(t(Tr::NoteTitleHint))
        .show(ui, out, move |document, text| {
            if let Some(note) = document.notes.get_mut(index) {
                note.title = text;
            }
        });
    ui.horizontal_wrapped(|ui| {
        for (view, label) in
            [(NoteView::Both, Tr::NoteBoth), (NoteView::Edit, Tr::NoteEdit), (NoteView::Read, Tr::NoteRead)]
        {
            if ui.add(egui::Button::selectable(state.view == view, t(label))).clicked() {
                state.view = view;
            }
        }
        ui.separator();
        if ui.button(t(Tr::DeleteNote)).on_hover_text(t(Tr::DeleteNoteTip)).clicked() {
            out.push(Command::Edit(DocEdit::step(move |document| {
                if index < document.notes.len() {
                    document.notes.remove(index);
                }
            })));
            let title = if note.title.trim().is_empty() { t(Tr::UntitledNote) } else { note.title.trim() };
            out.push(Command::Deleted(crate::i18n::fill(t(Tr::DeletedNote), &[("title", &title)])));
        }
    });
    let blocks = state.blocks(&note.markdown);
    let editor = |ui: &mut egui::Ui, out: &mut Vec<Command>| {
        egui::ScrollArea::vertical().id_salt(("note_text", index)).auto_shrink(false).show(ui, |ui| {
            TextField::new(&note.markdown, EditKey::of(("note.markdown", index)))
                .label(t(Tr::NoteText))
                .hint(t(Tr::NoteTextHint))
                .multiline(20)
                .show(ui, out, move |document, text| {
                    if let Some(note) = document.notes.get_mut(index) {
                        note.markdown = text;
                    }
                });
        });
    };
    let heights = &mut state.heights;
    let mut reader = |ui: &mut egui::Ui| {
        egui::ScrollArea::vertical().id_salt(("note_rendered", index)).auto_shrink(false).show(ui, |ui| {
            render(ui, &blocks, language, heights);
        });
    };
    match state.view {
        NoteView::Edit => editor(ui, out),
        NoteView::Read => reader(ui),
        NoteView::Both if ui.available_width() >= theme::WIDE_LAYOUT => {
            ui.columns(2, |columns| {
                let [left, right] = columns else { return };
                editor(left, out);
                reader(right);
            });
        }
        NoteView::Both => {
            let half = ui.available_height() / 2.0;
            ui.allocate_ui(egui::vec2(ui.available_width(), half), |ui| editor(ui, out));
            ui.separator();
            reader(ui);
        }
    }
}

/// Draws the blocks of a note. Blocks whose height is known (`heights`, from an earlier
/// frame) and that are out of sight only take their space; long notes stay cheap.
pub fn render(ui: &mut egui::Ui, blocks: &[Block], language: Language, heights: &mut Vec<f32>) {
    heights.resize(blocks.len(), 0.0);
    for (block, height) in blocks.iter().zip(heights.iter_mut()) {
        let top = ui.cursor().min;
        let known = egui::Rect::from_min_size(top, egui::vec2(ui.available_width(), *height));
        if *height > 0.0 && !ui.is_rect_visible(known) {
            ui.allocate_space(egui::vec2(ui.available_width(), *height - ui.spacing().item_spacing.y));
            continue;
        }
        render_block(ui, block, language);
        *height = ui.cursor().min.y - top.y;
    }
}

fn render_block(ui: &mut egui::Ui, block: &Block, language: Language) {
    match block {
        Block::Heading { level, spans } => {
            ui.add_space(theme::SPACE_S);
            let size = match level {
                1 => 22.0,
                2 => 19.0,
                _ => 16.5,
            };
            spans_row(ui, spans, Some(size), language);
        }
        Block::Paragraph(spans) => spans_row(ui, spans, None, language),
        Block::Item { depth, marker, spans } => {
            ui.horizontal_top(|ui| {
                ui.add_space(f32::from(*depth) * theme::LIST_INDENT);
                let marker = match marker {
                    Marker::Bullet => "•".to_owned(),
                    Marker::Number(number) => format!("{number}."),
                    Marker::Task(true) => "✔".to_owned(),
                    Marker::Task(false) => "○".to_owned(),
                };
                ui.label(marker);
                ui.vertical(|ui| spans_row(ui, spans, None, language));
            });
        }
        Block::Quote(spans) => {
            egui::Frame::new()
                .inner_margin(egui::Margin { left: 12, right: 4, top: 2, bottom: 2 })
                .stroke(egui::Stroke::NONE)
                .show(ui, |ui| {
                    let top = ui.cursor().min;
                    spans_row(ui, spans, None, language);
                    let bar = egui::Rect::from_min_max(
                        top - egui::vec2(10.0, 0.0),
                        egui::pos2(top.x - 7.0, ui.cursor().min.y),
                    );
                    ui.painter().rect_filled(bar, 1.0, ui.visuals().weak_text_color());
                });
        }
        Block::Code(code) => {
            egui::Frame::new()
                .fill(ui.visuals().extreme_bg_color)
                .corner_radius(theme::RADIUS)
                .inner_margin(egui::Margin::same(8))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(egui::RichText::new(code).monospace());
                });
        }
        Block::Rule => {
            ui.separator();
        }
    }
}

fn rich(span: &Span, size: Option<f32>) -> egui::RichText {
    let mut text = egui::RichText::new(&span.text);
    if let Some(size) = size {
        text = text.size(size).strong();
    }
    if span.style.bold {
        text = text.strong().family(crate::ui::theme::bold());
    }
    if span.style.italic {
        text = text.italics();
    }
    if span.style.strike {
        text = text.strikethrough();
    }
    if span.style.code {
        text = text.code();
    }
    text
}

fn spans_row(ui: &mut egui::Ui, spans: &[Span], size: Option<f32>, language: Language) {
    // Without links a block is one label: one widget, laid out as one paragraph.
    if spans.iter().all(|span| span.link.is_none()) {
        let mut job = egui::text::LayoutJob::default();
        for span in spans {
            rich(span, size).append_to(&mut job, ui.style(), egui::FontSelection::Default, egui::Align::Min);
        }
        ui.add(egui::Label::new(job).wrap());
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for span in spans {
            let text = rich(span, size);
            match span.link.as_deref() {
                Some(link) => match safe_link(link) {
                    Some(url) => {
                        if ui.link(text).on_hover_text(url).clicked() {
                            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
                        }
                    }
                    None => {
                        ui.label(text).on_hover_text(format!("{}: {link}", tr(language, Tr::UnsafeLink)));
                    }
                },
                None => {
                    ui.label(text);
                }
            }
        }
    });
}
