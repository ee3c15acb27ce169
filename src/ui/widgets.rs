//! Small reusable widgets: free functions that draw and report what the user did.

use crate::command::{CardFormat, Command, DocEdit};
use crate::i18n::{Tr, tr};
use crate::logic::undo::EditKey;
use crate::model::{BrandDocument, Language};
use crate::state::{Notice, NoticeAction, NoticeLevel};
use crate::ui::theme;

/// A large clickable card with a title and one line of detail. Returns true on click.
pub fn action_card(ui: &mut egui::Ui, title: &str, detail: &str, width: f32) -> bool {
    let name = title;
    let title = egui::RichText::new(title).size(theme::LEAD_SIZE).strong();
    let frame = egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::symmetric(16, 12))
        .corner_radius(theme::RADIUS)
        .show(ui, |ui| {
            ui.set_width(width - 34.0);
            ui.vertical(|ui| {
                ui.label(title);
                ui.label(egui::RichText::new(detail).weak());
            });
        });
    // The card is one button of its own (an id from its title, not the frame's): Tab
    // reaches it, Enter or Space presses it, and a screen reader says its title and role,
    // with the detail as its description.
    let response = ui.interact(frame.response.rect, ui.scope_id().with(("action_card", name)), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    let detail = detail.to_owned();
    ui.ctx().accesskit_node_builder(response.id, move |node| node.set_description(detail));
    if response.has_focus() {
        ui.painter().rect_stroke(
            response.rect.expand(2.0),
            theme::RADIUS,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Outside,
        );
    }
    if response.hovered() {
        ui.painter().rect_stroke(
            response.rect,
            theme::RADIUS,
            egui::Stroke::new(1.5, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Inside,
        );
    }
    ui.add_space(theme::SPACE_S);
    response.on_hover_cursor(egui::CursorIcon::PointingHand).clicked()
}

/// A text field bound to a document field: typing pushes an undoable edit; the
/// document itself is not touched here. Optionally with a label above it and a live
/// character counter.
pub struct TextField<'a> {
    current: &'a str,
    key: EditKey,
    label: Option<&'a str>,
    labelled_by: Option<egui::Id>,
    name: Option<&'a str>,
    hint: &'a str,
    rows: Option<usize>,
    limit: Option<usize>,
    focus: bool,
}

impl<'a> TextField<'a> {
    /// A one-line field showing `current`; edits are grouped for undo under `key`.
    pub fn new(current: &'a str, key: EditKey) -> Self {
        Self {
            current,
            key,
            label: None,
            labelled_by: None,
            name: None,
            hint: "",
            rows: None,
            limit: None,
            focus: false,
        }
    }

    /// A label drawn above the field (and linked to it for screen readers and tests).
    pub fn label(mut self, label: &'a str) -> Self {
        self.label = Some(label);
        self
    }

    /// Links the field to a label drawn elsewhere.
    pub fn labelled_by(mut self, id: egui::Id) -> Self {
        self.labelled_by = Some(id);
        self
    }

    /// The name a screen reader says for a field without a visible label.
    pub fn name(mut self, name: &'a str) -> Self {
        self.name = Some(name);
        self
    }

    /// Grey text shown while the field is empty.
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = hint;
        self
    }

    /// Several lines instead of one.
    pub fn multiline(mut self, rows: usize) -> Self {
        self.rows = Some(rows);
        self
    }

    /// Shows a character counter next to the label, amber above `limit`.
    pub fn counter(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Takes the keyboard focus (when a step opens).
    pub fn focus(mut self, focus: bool) -> Self {
        self.focus = focus;
        self
    }

    /// Draws the field; an edit becomes a command that calls `set` with the new text.
    pub fn show(
        self,
        ui: &mut egui::Ui,
        out: &mut Vec<Command>,
        set: impl FnOnce(&mut BrandDocument, String) + 'static,
    ) -> egui::Response {
        let label_id = match self.label {
            Some(label) => Some(
                ui.horizontal(|ui| {
                    let id = ui.label(label).id;
                    if let Some(limit) = self.limit {
                        ui.label(counter(ui, self.current.chars().count(), limit));
                    }
                    id
                })
                .inner,
            ),
            None => self.labelled_by,
        };
        let mut text = self.current.to_owned();
        let editor = match self.rows {
            Some(rows) => egui::TextEdit::multiline(&mut text).desired_rows(rows),
            None => egui::TextEdit::singleline(&mut text),
        };
        let mut response = ui.add(editor.hint_text(self.hint).desired_width(f32::INFINITY));
        if let Some(id) = label_id {
            response = response.labelled_by(id);
        } else if let Some(name) = self.name {
            name_node(ui, response.id, name);
        }
        if self.focus {
            response.request_focus();
        }
        // Tab into a field below the fold brings it into view (egui leaves it where it is);
        // a field given the keyboard by the page (a step's first field) leaves the scroll
        // where the person left it.
        if response.gained_focus() && ui.input(|input| input.key_pressed(egui::Key::Tab)) {
            response.scroll_to_me(None);
        }
        if response.changed() {
            out.push(Command::Edit(DocEdit::typing(self.key, move |document| set(document, text))));
        }
        response
    }
}

/// A heading: drawn as egui's, and a heading to a screen reader too (egui gives it the
/// role of plain text), so that one can jump from heading to heading.
pub fn heading(ui: &mut egui::Ui, text: impl Into<egui::RichText>) -> egui::Response {
    let text: egui::RichText = text.into();
    let name = text.text().to_owned();
    let response = ui.heading(text);
    heading_role(ui, response.id, name, 2);
    response
}

/// Makes the label `id` a heading of `level` (a label says its text as its value; a
/// heading says it as its name).
pub fn heading_role(ui: &egui::Ui, id: egui::Id, name: String, level: usize) {
    ui.ctx().accesskit_node_builder(id, move |node| {
        node.set_role(egui::accesskit::Role::Heading);
        node.set_label(name);
        node.set_level(level);
    });
}

/// Gives the accessibility node of widget `id` the name `name` (for a widget whose
/// visible text does not say what it is: "×", "↑", a bar).
pub fn name_node(ui: &egui::Ui, id: egui::Id, name: &str) {
    let name = name.to_owned();
    ui.ctx().accesskit_node_builder(id, move |node| node.set_label(name));
}

/// Names a combo box after its label and what it holds ("Pitch: Healthcare summit"):
/// AccessKit gives a combo box no value, so without this a screen reader says only "Pitch".
pub fn name_combo(ui: &egui::Ui, id: egui::Id, label: &str, value: &str) {
    name_node(ui, id, &format!("{}: {value}", label.trim().trim_end_matches(':')));
}

/// Room to leave at the right of a scroll area's content: egui's scroll bar floats over
/// the right edge, and a chart or a button there would run under it.
pub fn scroll_gutter(ui: &egui::Ui) -> f32 {
    let scroll = &ui.spacing().scroll;
    scroll.bar_width + scroll.bar_outer_margin
}

/// One line whose contents sit at its right end (a card's "Remove goal"). A right-to-left
/// layout straight in a column would take the column's whole height and centre its
/// button in it, leaving a hole in the card.
pub fn trailing_row<R>(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center), add_contents).inner
}

/// "54/120", amber when over the limit.
pub fn counter(ui: &egui::Ui, count: usize, limit: usize) -> egui::RichText {
    let text = egui::RichText::new(format!("{count}/{limit}")).small();
    if count > limit { text.color(theme::warn_color(ui)) } else { text.weak() }
}

/// The notices above the page, each with a close button.
pub fn notices(ui: &mut egui::Ui, language: Language, notices: &[Notice], out: &mut Vec<Command>) {
    for (index, notice) in notices.iter().enumerate() {
        let color = match notice.level {
            NoticeLevel::Info => ui.visuals().selection.bg_fill,
            NoticeLevel::Warning => theme::warn_color(ui),
        };
        let shown = egui::Frame::new()
            .fill(color.gamma_multiply(0.18))
            .stroke(egui::Stroke::new(1.0, color))
            .corner_radius(theme::RADIUS)
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let action_width = if notice.action.is_some() { 110.0 } else { 0.0 };
                    let close_width = ui.spacing().interact_size.y + ui.spacing().item_spacing.x + action_width;
                    ui.allocate_ui(egui::vec2(ui.available_width() - close_width, 0.0), |ui| {
                        let label = ui.add(egui::Label::new(&notice.text).wrap());
                        // A screen reader says a notice when it appears (it may fade before
                        // the person gets to it); a warning interrupts, a success waits.
                        let live = match notice.level {
                            NoticeLevel::Info => egui::accesskit::Live::Polite,
                            NoticeLevel::Warning => egui::accesskit::Live::Assertive,
                        };
                        ui.ctx().accesskit_node_builder(label.id, move |node| node.set_live(live));
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        let close = ui.small_button("×").on_hover_text(tr(language, Tr::Dismiss));
                        // "Dismiss: The card was saved as …": which notice the button closes.
                        let short: String = notice.text.chars().take(60).collect();
                        name_node(ui, close.id, &format!("{}: {short}", tr(language, Tr::Dismiss)));
                        if close.clicked() {
                            out.push(Command::DismissNotice(index));
                        }
                        match notice.action {
                            // Undo takes every Undo notice away itself.
                            Some(NoticeAction::Undo) if ui.button(tr(language, Tr::CmdUndo)).clicked() => {
                                out.push(Command::Undo);
                            }
                            Some(NoticeAction::SavePdf) if ui.button(tr(language, Tr::NoticeSavePdf)).clicked() => {
                                out.push(Command::DismissNotice(index));
                                out.push(Command::ExportCardAs(CardFormat::Pdf));
                            }
                            _ => {}
                        }
                    });
                });
            });
        // A notice under the pointer, or holding the keyboard focus, is being read: it
        // stays while it is.
        let focused = ui.ctx().memory(|memory| memory.focused()).is_some_and(|id| {
            ui.ctx().read_response(id).is_some_and(|response| shown.response.rect.contains_rect(response.rect))
        });
        if shown.response.contains_pointer() || focused {
            out.push(Command::HoldNotice(index));
        }
        ui.add_space(theme::SPACE_S);
    }
}
