//! Step 3, expertise: skills with a description and a level, each proven by stories told
//! as situation – action – result, with a metric where there is one.

use super::{Part, StepContext};
use crate::command::{Command, DocEdit};
use crate::i18n::Tr;
use crate::logic::discover::has_number;
use crate::logic::undo::EditKey;
use crate::model::{BrandDocument, Level, ProofPoint, Skill};
use crate::ui::theme;
use crate::ui::widgets::TextField;

const LEVELS: [(Level, Tr); 3] = [
    (Level::Developing, Tr::LevelDeveloping),
    (Level::Proficient, Tr::LevelProficient),
    (Level::Expert, Tr::LevelExpert),
];

fn edit_skill(index: usize, change: impl FnOnce(&mut Skill) + 'static) -> Command {
    Command::Edit(DocEdit::step(move |document| {
        if let Some(skill) = document.expertise.get_mut(index) {
            change(skill);
        }
    }))
}

fn proof_mut(document: &mut BrandDocument, skill: usize, proof: usize) -> Option<&mut ProofPoint> {
    document.expertise.get_mut(skill)?.proof.get_mut(proof)
}

pub(super) fn show(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let focus = cx.take_focus();
    super::linkedin::expertise(ui, cx);
    for (index, skill) in cx.document.expertise.iter().enumerate() {
        egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).inner_margin(egui::Margin::same(12)).show(
            ui,
            |ui| {
                ui.set_width(ui.available_width());
                TextField::new(&skill.skill, EditKey::of(("skill", index)))
                    .label(cx.t(Tr::FieldSkill))
                    .hint(cx.t(Tr::HintSkill))
                    .focus(focus && index == 0)
                    .show(ui, cx.out, move |document, text| {
                        if let Some(skill) = document.expertise.get_mut(index) {
                            skill.skill = text;
                        }
                    });
                TextField::new(&skill.description, EditKey::of(("skill.description", index)))
                    .label(cx.t(Tr::FieldSkillDescription))
                    .hint(cx.t(Tr::HintSkillDescription))
                    .show(ui, cx.out, move |document, text| {
                        if let Some(skill) = document.expertise.get_mut(index) {
                            skill.description = text;
                        }
                    });
                ui.horizontal_wrapped(|ui| {
                    ui.label(cx.t(Tr::FieldLevel));
                    for (level, label) in LEVELS {
                        if ui.radio(skill.level == level, cx.t(label)).clicked() && skill.level != level {
                            cx.out.push(edit_skill(index, move |skill| skill.level = level));
                        }
                    }
                });
                for (proof_index, proof) in skill.proof.iter().enumerate() {
                    proof_point(ui, cx, index, proof_index, proof);
                }
                ui.horizontal(|ui| {
                    if ui.button(cx.t(Tr::AddProof)).clicked() {
                        cx.out.push(edit_skill(index, |skill| skill.proof.push(ProofPoint::default())));
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button(cx.t(Tr::RemoveSkill)).clicked() {
                            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                                if index < document.expertise.len() {
                                    document.expertise.remove(index);
                                }
                            })));
                        }
                    });
                });
            },
        );
        ui.add_space(theme::SPACE_S);
    }
    if cx.document.expertise.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::NoSkillsYet)).weak()).wrap());
    }
    if ui.button(cx.t(Tr::AddSkill)).clicked() {
        cx.out.push(Command::Edit(DocEdit::step(|document| {
            document.expertise.push(Skill { proof: vec![ProofPoint::default()], ..Skill::default() })
        })));
    }
}

fn proof_point(ui: &mut egui::Ui, cx: &mut StepContext<'_>, skill: usize, index: usize, proof: &ProofPoint) {
    ui.add_space(theme::SPACE_S);
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(theme::RADIUS)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(format!("{} {}", cx.t(Tr::ProofTitle), index + 1)).strong());
            if !proof.quote.trim().is_empty() {
                // Someone else's words (a recommendation): shown to tell the story from,
                // not a field to edit; removing the proof removes it.
                let by = crate::i18n::fill(cx.t(Tr::ProofQuoteBy), &[("by", &proof.quote_by)]);
                ui.add(egui::Label::new(egui::RichText::new(by).weak().small()).wrap());
                ui.add(egui::Label::new(egui::RichText::new(format!("“{}”", proof.quote.trim())).italics()).wrap());
            }
            let parts: [Part<'_, ProofPoint>; 3] = [
                Part {
                    label: Tr::FieldSituation,
                    hint: Tr::HintSituation,
                    current: &proof.situation,
                    field: |p| &mut p.situation,
                },
                Part { label: Tr::FieldAction, hint: Tr::HintAction, current: &proof.action, field: |p| &mut p.action },
                Part { label: Tr::FieldResult, hint: Tr::HintResult, current: &proof.result, field: |p| &mut p.result },
            ];
            for (part, Part { label, hint, current, field }) in parts.into_iter().enumerate() {
                TextField::new(current, EditKey::of(("proof", skill, index, part)))
                    .label(cx.t(label))
                    .hint(cx.t(hint))
                    .multiline(2)
                    .show(ui, cx.out, move |document, text| {
                        if let Some(proof) = proof_mut(document, skill, index) {
                            *field(proof) = text;
                        }
                    });
            }
            TextField::new(&proof.metric, EditKey::of(("proof.metric", skill, index)))
                .label(cx.t(Tr::FieldMetric))
                .hint(cx.t(Tr::HintMetric))
                .show(ui, cx.out, move |document, text| {
                    if let Some(proof) = proof_mut(document, skill, index) {
                        proof.metric = text;
                    }
                });
            if !has_number(&proof.metric) && !has_number(&proof.result) {
                ui.label(egui::RichText::new(cx.t(Tr::ProofNumberHint)).color(theme::warn_color(ui)).small());
            }
            ui.horizontal(|ui| {
                let signature =
                    ui.radio(proof.signature, cx.t(Tr::SignatureStory)).on_hover_text(cx.t(Tr::SignatureTip));
                if signature.clicked() && !proof.signature {
                    cx.out.push(Command::Edit(DocEdit::step(move |document| {
                        for (s, skill_item) in document.expertise.iter_mut().enumerate() {
                            for (p, item) in skill_item.proof.iter_mut().enumerate() {
                                item.signature = s == skill && p == index;
                            }
                        }
                    })));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button(cx.t(Tr::RemoveProof)).clicked() {
                        cx.out.push(edit_skill(skill, move |skill| {
                            if index < skill.proof.len() {
                                skill.proof.remove(index);
                            }
                        }));
                    }
                });
            });
        });
}
