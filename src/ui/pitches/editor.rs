//! The editor of one pitch: title, audience, length and language; drafting from the
//! profile; the sections with their budgets; and the feedback beside them.

use super::{PitchContext, PitchTab, feedback, revisions};
use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, fill};
use crate::logic::analysis::{Analysis, Finding, FindingKind};
use crate::logic::draft::{DraftWarning, draft, hooks_beside, section_budgets};
use crate::logic::pitches::{
    STANDARD_TARGETS, apply_draft, has_text, pitch_mut, section_offsets, section_text, set_section,
};
use crate::logic::rate::{personal_wpm, planning_wpm};
use crate::logic::undo::EditKey;
use crate::model::{Language, Pitch, SectionKind, Timestamp};
use crate::ui::theme;
use crate::ui::widgets::TextField;

/// An undoable change to the pitch `id`.
pub(super) fn edit_pitch(id: &str, change: impl FnOnce(&mut Pitch) + 'static) -> Command {
    let id = id.to_owned();
    Command::Edit(DocEdit::step(move |document| {
        if let Some(pitch) = pitch_mut(document, &id) {
            change(pitch);
        }
    }))
}

/// The name of a section.
pub fn section_name(kind: SectionKind) -> Tr {
    crate::i18n::section_key(kind)
}

fn section_hint(kind: SectionKind) -> Tr {
    match kind {
        SectionKind::Hook => Tr::SectionHookHint,
        SectionKind::WhoIAm => Tr::SectionWhoIAmHint,
        SectionKind::Value => Tr::SectionValueHint,
        SectionKind::Proof => Tr::SectionProofHint,
        SectionKind::Ask => Tr::SectionAskHint,
    }
}

/// Now, for revisions and drafts; read at the moment of the click, in the view.
fn now() -> Timestamp {
    Timestamp::new(time::OffsetDateTime::now_utc())
}

pub(super) fn show(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut PitchContext<'_>) {
    let personal = personal_wpm(cx.document, pitch.language);
    let wpm = personal.unwrap_or_else(|| crate::logic::analysis::default_wpm(pitch.language));
    let full = pitch.full_text();
    let analysis = cx.state.cache.get(&full, pitch.language, wpm);
    let remarks = crate::logic::remarks::remarks_counted(pitch, &analysis, wpm, &mut |text| cx.state.word_count(text));

    // Wide enough: the feedback stands in its own column, always in view.
    let beside = ui.available_width() >= theme::FEEDBACK_BESIDE;
    if beside {
        egui::Panel::right("pitch_feedback")
            .frame(theme::inner_panel())
            .resizable(false)
            .exact_size(theme::FEEDBACK_WIDTH)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().id_salt(("pitch_feedback", &pitch.id)).auto_shrink(false).show(ui, |ui| {
                    ui.add_space(theme::SPACE_S);
                    feedback::findings(ui, &full, &analysis, &remarks, cx);
                });
            });
    }
    // Each pitch keeps its own scroll position; a new pitch opens at its top.
    egui::ScrollArea::vertical().id_salt(("pitch_editor", &pitch.id)).auto_shrink(false).show(ui, |ui| {
        header(ui, pitch, cx);
        ui.add_space(theme::SPACE_S);
        feedback::summary(ui, &analysis, pitch.target_seconds, personal.is_some(), cx);
        ui.add_space(theme::SPACE_S);
        drafting(ui, pitch, wpm, cx);
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            for (tab, label) in [
                (PitchTab::Sections, Tr::TabSections),
                (PitchTab::Whole, Tr::TabWhole),
                (PitchTab::Revisions, Tr::TabRevisions),
            ] {
                if ui.add(egui::Button::selectable(cx.state.tab == tab, cx.t(label))).clicked() {
                    cx.state.tab = tab;
                }
            }
        });
        ui.separator();
        match cx.state.tab {
            PitchTab::Sections => sections(ui, pitch, wpm, &analysis, cx),
            PitchTab::Whole => feedback::whole_pitch(ui, &full, &analysis, cx),
            PitchTab::Revisions => revisions::show(ui, pitch, cx),
        }
        if !beside {
            ui.add_space(theme::SPACE_M);
            feedback::findings(ui, &full, &analysis, &remarks, cx);
        }
    });
}

fn header(ui: &mut egui::Ui, pitch: &Pitch, cx: &mut PitchContext<'_>) {
    let id = pitch.id.clone();
    TextField::new(&pitch.title, EditKey::of(("pitch.title", pitch.id.as_str())))
        .label(cx.t(Tr::FieldPitchTitle))
        .hint(cx.t(Tr::HintPitchTitle))
        .show(ui, cx.out, move |document, text| {
            if let Some(pitch) = pitch_mut(document, &id) {
                pitch.title = text;
            }
        });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(cx.t(Tr::FieldPitchAudience)).id;
        let current = cx.document.audience(&pitch.audience).map_or("—", |audience| audience.name.as_str());
        let combo = egui::ComboBox::from_id_salt("pitch_audience").selected_text(current).show_ui(ui, |ui| {
            for audience in &cx.document.audiences {
                let chosen = audience.id == pitch.audience;
                if ui.selectable_label(chosen, &audience.name).clicked() && !chosen {
                    let audience_id = audience.id.clone();
                    cx.out.push(edit_pitch(&pitch.id, move |pitch| pitch.audience = audience_id));
                }
            }
        });
        let id = combo.response.labelled_by(label).id;
        crate::ui::widgets::name_combo(ui, id, cx.t(Tr::FieldPitchAudience), current);
        ui.separator();
        ui.label(cx.t(Tr::FieldPitchTarget));
        for seconds in STANDARD_TARGETS {
            let chosen = pitch.target_seconds == seconds;
            if ui.add(egui::Button::selectable(chosen, format!("{seconds} s"))).clicked() && !chosen {
                cx.out.push(edit_pitch(&pitch.id, move |pitch| pitch.target_seconds = seconds));
            }
        }
        ui.label(egui::RichText::new(cx.t(Tr::OtherLength)).weak());
        let mut custom = pitch.target_seconds;
        let drag = ui.add(egui::DragValue::new(&mut custom).range(5..=600).suffix(" s"));
        // Said as "Length: 45 s", not "s".
        crate::ui::widgets::name_combo(ui, drag.id, cx.t(Tr::FieldPitchTarget), &format!("{custom} s"));
        if drag.on_hover_text(cx.t(Tr::CustomTargetTip)).changed() && custom != pitch.target_seconds {
            cx.out.push(edit_pitch(&pitch.id, move |pitch| pitch.target_seconds = custom));
        }
        ui.separator();
        for language in Language::ALL {
            let chosen = pitch.language == language;
            if ui.radio(chosen, language.native_name()).clicked() && !chosen {
                cx.out.push(edit_pitch(&pitch.id, move |pitch| pitch.language = language));
            }
        }
    });
}

/// Draft from the profile (asking first when there is text), and the other hooks.
fn drafting(ui: &mut egui::Ui, pitch: &Pitch, wpm: f64, cx: &mut PitchContext<'_>) {
    let audience = cx.document.audience(&pitch.audience);
    ui.horizontal_wrapped(|ui| {
        let button = ui.button(cx.t(Tr::DraftFromProfile)).on_hover_text(cx.t(Tr::DraftFromProfileTip));
        if button.clicked() {
            if has_text(pitch) {
                cx.state.confirm_draft = true;
            } else {
                push_draft(pitch, wpm, cx);
            }
        }
        ui.menu_button(cx.t(Tr::OtherHooks), |ui| {
            // Not the number hook when the proof already says the number.
            let proof = pitch.sections.iter().find(|s| s.kind == SectionKind::Proof).map_or("", |s| s.text.as_str());
            for hook in hooks_beside(cx.document, audience, pitch.language, proof) {
                if ui.add(egui::Button::new(&hook).wrap()).on_hover_text(cx.t(Tr::UseHookTip)).clicked() {
                    cx.out.push(edit_pitch(&pitch.id, move |pitch| set_section(pitch, SectionKind::Hook, hook)));
                }
            }
        });
    });
    draft_warnings(ui, pitch, wpm, cx);
    if cx.state.confirm_draft {
        egui::Frame::new()
            .fill(theme::warn_color(ui).gamma_multiply(0.15))
            .stroke(egui::Stroke::new(1.0, theme::warn_color(ui)))
            .corner_radius(theme::RADIUS)
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.add(egui::Label::new(cx.t(Tr::ConfirmDraft)).wrap());
                ui.horizontal(|ui| {
                    if ui.button(cx.t(Tr::ConfirmDraftYes)).clicked() {
                        push_draft(pitch, wpm, cx);
                        cx.state.confirm_draft = false;
                    }
                    if ui.button(cx.t(Tr::Cancel)).clicked() {
                        cx.state.confirm_draft = false;
                    }
                });
            });
    }
}

fn push_draft(pitch: &Pitch, wpm: f64, cx: &mut PitchContext<'_>) {
    push_draft_in(pitch, pitch.language, wpm, cx);
}

/// Drafts `pitch` in `language` (which becomes the pitch's language).
fn push_draft_in(pitch: &Pitch, language: Language, wpm: f64, cx: &mut PitchContext<'_>) {
    let drafted = draft(cx.document, cx.document.audience(&pitch.audience), pitch.target_seconds, language, wpm);
    cx.state.draft_warnings = Some((pitch.id.clone(), drafted.warnings.clone()));
    let keep_name = cx.t(Tr::RevisionBeforeDraft).to_owned();
    let at = now();
    cx.out.push(edit_pitch(&pitch.id, move |pitch| {
        pitch.language = language;
        apply_draft(pitch, drafted, &keep_name, at);
    }));
}

/// What the last draft of this pitch warned about; a draft that mixed two languages
/// offers to draft again in the language the answers are written in.
fn draft_warnings(ui: &mut egui::Ui, pitch: &Pitch, wpm: f64, cx: &mut PitchContext<'_>) {
    let Some((id, warnings)) = cx.state.draft_warnings.clone() else { return };
    if id != pitch.id || warnings.is_empty() {
        return;
    }
    for warning in &warnings {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(warning.describe(cx.language)).color(theme::warn_color(ui)));
            if let DraftWarning::MixedLanguage { written_in, .. } = warning {
                let name = cx.t(crate::i18n::language_key(*written_in));
                if ui.button(fill(cx.t(Tr::DraftInProfileLanguage), &[("language", &name)])).clicked() {
                    // The rate of the other language plans the new draft.
                    let wpm = if *written_in == pitch.language { wpm } else { planning_wpm(cx.document, *written_in) };
                    push_draft_in(pitch, *written_in, wpm, cx);
                }
            }
        });
    }
}

/// One field per section, each with its budget and its findings.
/// One field per section, each with its budget and its findings. The findings come from
/// the one analysis of the whole pitch, moved to each section's own offsets.
fn sections(ui: &mut egui::Ui, pitch: &Pitch, wpm: f64, analysis: &Analysis, cx: &mut PitchContext<'_>) {
    let budgets = section_budgets(pitch.target_seconds, wpm);
    let offsets = section_offsets(pitch);
    for (kind, budget) in SectionKind::ALL.into_iter().zip(budgets) {
        let text = section_text(pitch, kind);
        let words = cx.state.word_count(text);
        let seconds = words as f64 * 60.0 / wpm;
        let label = ui
            .horizontal(|ui| {
                let id = ui.label(egui::RichText::new(cx.t(section_name(kind))).strong()).id;
                let count = fill(
                    cx.t(Tr::SectionBudget),
                    &[("words", &words), ("budget", &budget), ("seconds", &format!("{seconds:.0}"))],
                );
                let over = budget > 0 && words as f64 > budget as f64 * 1.15;
                let color = if over { theme::warn_color(ui) } else { ui.visuals().weak_text_color() };
                ui.label(egui::RichText::new(count).small().color(color));
                id
            })
            .inner;
        let id = pitch.id.clone();
        let findings: Vec<Finding> = offsets
            .iter()
            .find(|(section, _, _)| *section == kind)
            .map(|&(_, offset, lead)| {
                let end = offset + text.trim().len();
                analysis
                    .findings
                    .iter()
                    .filter(|f| !matches!(f.kind, FindingKind::NoAsk | FindingKind::NoNumber))
                    .filter(|f| f.start >= offset && f.end <= end)
                    .map(|f| Finding { start: f.start - offset + lead, end: f.end - offset + lead, ..f.clone() })
                    .collect()
            })
            .unwrap_or_default();
        let hint = cx.t(section_hint(kind));
        let memo = cx.state.layouts.entry(kind).or_default();
        if let Some(new_text) = feedback::highlighted_editor(ui, text, &findings, label, hint, memo) {
            let key = EditKey::of(("pitch.section", pitch.id.as_str(), kind));
            cx.out.push(Command::Edit(DocEdit::typing(key, move |document| {
                if let Some(pitch) = pitch_mut(document, &id) {
                    set_section(pitch, kind, new_text);
                }
            })));
        }
        ui.add_space(theme::SPACE_S);
    }
}
