//! The Discover page: a stepper over the guided path (about you, values, expertise, goals,
//! audiences, brand statement, review), one file per step.

mod about;
mod audiences;
mod brand;
mod expertise;
mod goals;
mod linkedin;
mod review;
mod values;

pub use values::ValuesMode;

use crate::command::Command;
use crate::i18n::values::deck_ids;
use crate::i18n::{Tr, fill, tr};
use crate::logic::compose::preview::Preview;
use crate::logic::discover::{Step, progress};
use crate::logic::linkedin_profile::LinkedInProfile;
use crate::model::{BrandDocument, Language};
use crate::ui::theme;

/// What the Discover page remembers between frames (not part of the document).
#[derive(Debug, Default)]
pub struct DiscoverState {
    /// The values step's view; `None` until the person picks one: the sort while cards
    /// are left, the top once all are sorted.
    pub values_mode: Option<ValuesMode>,
    /// The card the sort shows when the person walked back; `None`: the first unsorted.
    pub cursor: Option<usize>,
    /// The ranked value selected for moving with the keyboard.
    pub ranked_selected: Option<usize>,
    /// A custom value being typed: name and description.
    pub new_value: (String, String),
    /// Put the keyboard in the step's first field on the next frame.
    pub focus_first_field: bool,
    /// The owner's LinkedIn profile from an imported export, with the opening of the
    /// document it was imported into: its suggestions show only there.
    pub linkedin: Option<(u64, LinkedInProfile)>,
    /// The skill a recommendation would be kept as proof of, by recommendation.
    pub recommendation_skill: std::collections::HashMap<usize, usize>,
    /// Show every skill of the export, not only the most endorsed.
    pub all_linkedin_skills: bool,
}

impl DiscoverState {
    /// Forget positions that may no longer fit the document (after undo, redo, opening).
    pub fn reset_positions(&mut self) {
        self.cursor = None;
        self.ranked_selected = None;
    }
}

/// What a step view gets.
pub struct StepContext<'a> {
    /// The document.
    pub document: &'a BrandDocument,
    /// Which opening of the document this is: each keeps its own scroll positions.
    pub opening: u64,
    /// The interface language.
    pub language: Language,
    /// The page's own state.
    pub state: &'a mut DiscoverState,
    /// Commands for the app.
    pub out: &'a mut Vec<Command>,
    /// Whether bare keys may act (no prompt is open).
    pub keys: bool,
}

impl StepContext<'_> {
    /// The text of `key`.
    pub fn t(&self, key: Tr) -> &'static str {
        tr(self.language, key)
    }

    /// The LinkedIn profile imported into this opening of the document, if any.
    pub fn linkedin(&self) -> Option<&LinkedInProfile> {
        self.state.linkedin.as_ref().filter(|(opening, _)| *opening == self.opening).map(|(_, profile)| profile)
    }

    /// True once: whether the step's first field should take the keyboard.
    pub fn take_focus(&mut self) -> bool {
        std::mem::take(&mut self.state.focus_first_field)
    }
}

/// A text field of one part of the document: label, hint, the current text, and the
/// field it writes to.
pub(super) struct Part<'a, T> {
    label: Tr,
    hint: Tr,
    current: &'a str,
    field: fn(&mut T) -> &mut String,
}

/// The sentence the pitch will make of an answer, under its field, and whether the answer
/// is kept in the person's words; nothing while there is nothing to say.
pub(super) fn pitch_preview(ui: &mut egui::Ui, cx: &StepContext<'_>, preview: Option<Preview>) {
    let Some(preview) = preview else { return };
    let text = crate::i18n::fill(cx.t(Tr::PitchPreview), &[("text", &format!("“{}”", preview.text))]);
    ui.add(egui::Label::new(egui::RichText::new(text).italics().color(ui.visuals().weak_text_color())).wrap());
    if preview.kept {
        ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::PitchPreviewKept)).small().weak()).wrap());
    }
}

/// The name of a step.
pub fn step_title(step: Step) -> Tr {
    match step {
        Step::Welcome => Tr::StepAbout,
        Step::Values => Tr::StepValues,
        Step::Expertise => Tr::StepExpertise,
        Step::Goals => Tr::StepGoals,
        Step::Audiences => Tr::StepAudiences,
        Step::Brand => Tr::StepBrand,
        Step::Review => Tr::StepReview,
    }
}

/// Why a step matters, in two or three sentences.
fn step_intro(step: Step) -> Tr {
    match step {
        Step::Welcome => Tr::IntroAbout,
        Step::Values => Tr::IntroValues,
        Step::Expertise => Tr::IntroExpertise,
        Step::Goals => Tr::IntroGoals,
        Step::Audiences => Tr::IntroAudiences,
        Step::Brand => Tr::IntroBrand,
        Step::Review => Tr::IntroReview,
    }
}

/// Draws the Discover page at `step`.
pub fn show(ui: &mut egui::Ui, step: Step, mut cx: StepContext<'_>) {
    let deck = deck_ids();
    egui::Panel::top("discover_steps").frame(theme::inner_panel()).show(ui, |ui| stepper(ui, step, &deck, &mut cx));
    egui::Panel::bottom("discover_footer").frame(theme::inner_panel()).show(ui, |ui| footer(ui, step, &mut cx));
    handle_step_keys(ui, step, cx.out);
    egui::CentralPanel::default().frame(theme::inner_panel()).show(ui, |ui| {
        // Each step keeps its own scroll position (egui remembers it by this id, and keeps it
        // across restarts): a step opens at its top the first time a document is open, and
        // where the person left it after that; another document starts at the top again.
        let id = ("discover_step", step, cx.opening);
        egui::ScrollArea::vertical().id_salt(id).auto_shrink(false).show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(theme::PAGE_WIDTH));
            ui.add_space(theme::SPACE_S);
            crate::ui::widgets::heading(ui, cx.t(step_title(step)));
            ui.add(egui::Label::new(egui::RichText::new(cx.t(step_intro(step))).weak()).wrap());
            ui.add_space(theme::SPACE_M);
            match step {
                Step::Welcome => about::show(ui, &mut cx),
                Step::Values => values::show(ui, &deck, &mut cx),
                Step::Expertise => expertise::show(ui, &mut cx),
                Step::Goals => goals::show(ui, &mut cx),
                Step::Audiences => audiences::show(ui, &mut cx),
                Step::Brand => brand::show(ui, &mut cx),
                Step::Review => review::show(ui, &deck, &mut cx),
            }
            ui.add_space(theme::SPACE_L);
        });
    });
}

/// The row of steps: where you are and how complete each is. Every step can be opened.
fn stepper(ui: &mut egui::Ui, current: Step, deck: &[&str], cx: &mut StepContext<'_>) {
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        for step in Step::ALL {
            let done = progress(step, cx.document, deck);
            let mark = match step {
                _ if done.is_complete() => "✔".to_owned(),
                // Review has one checkpoint; the number of gaps says more.
                Step::Review => format!("({})", crate::logic::discover::gaps(cx.document, deck).len()),
                _ => format!("{}/{}", done.done, done.total),
            };
            let label = format!("{}. {}  {mark}", step.index() + 1, cx.t(step_title(step)));
            let text = if done.is_complete() {
                egui::RichText::new(label).color(theme::ok_color(ui))
            } else {
                egui::RichText::new(label)
            };
            let button = ui.add(egui::Button::selectable(step == current, text));
            // A screen reader hears a tab, whether it is the open one, and its progress in
            // words ("4. Goals, done"), not "heavy check mark".
            let to_do = match step {
                Step::Review => crate::logic::discover::gaps(cx.document, deck).len(),
                _ => done.total.saturating_sub(done.done),
            };
            let title = format!("{}. {}", step.index() + 1, cx.t(step_title(step)));
            let name = if to_do == 0 {
                fill(cx.t(Tr::StepComplete), &[("step", &title)])
            } else {
                fill(cx.t(Tr::StepGaps), &[("step", &title as &dyn std::fmt::Display), ("count", &to_do)])
            };
            let selected = step == current;
            ui.ctx().accesskit_node_builder(button.id, move |node| {
                node.set_role(egui::accesskit::Role::Tab);
                node.set_label(name);
                node.set_selected(selected);
            });
            if button.clicked() && step != current {
                cx.out.push(Command::SetStep(step));
            }
        }
    });
    ui.add_space(theme::SPACE_S);
}

fn footer(ui: &mut egui::Ui, step: Step, cx: &mut StepContext<'_>) {
    ui.add_space(theme::SPACE_S);
    ui.horizontal(|ui| {
        let back = ui.add_enabled(step != Step::Welcome, egui::Button::new(cx.t(Tr::StepBack)));
        if back.on_hover_text(cx.t(Tr::StepBackTip)).clicked() {
            cx.out.push(Command::SetStep(step.previous()));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if step != Step::Review {
                let next = ui.button(format!("{}: {}", cx.t(Tr::StepNext), cx.t(step_title(step.next()))));
                if next.on_hover_text(cx.t(Tr::StepNextTip)).clicked() {
                    cx.out.push(Command::SetStep(step.next()));
                }
            }
        });
    });
    ui.add_space(theme::SPACE_S);
}

/// Alt+← and Alt+→ go back and forward through the steps, also while typing.
fn handle_step_keys(ui: &egui::Ui, step: Step, out: &mut Vec<Command>) {
    let (back, next) = ui.input_mut(|input| {
        (
            input.consume_key(egui::Modifiers::ALT, egui::Key::ArrowLeft),
            input.consume_key(egui::Modifiers::ALT, egui::Key::ArrowRight),
        )
    });
    if back && step != Step::Welcome {
        out.push(Command::SetStep(step.previous()));
    }
    if next && step != Step::Review {
        out.push(Command::SetStep(step.next()));
    }
}
