//! What an imported LinkedIn export offers the steps: the current position and where the
//! person is for "About you", skills with their endorsements and the recommendations
//! received for "Expertise". Each is taken by a click and fills only what is empty.

use super::StepContext;
use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, fill};
use crate::logic::linkedin_profile::{self, AboutField};
use crate::ui::theme;
use crate::ui::widgets::{name_combo, name_node};

/// How many skills show before "Show all".
const SKILLS_SHOWN: usize = 8;

/// The frame every offer from the export sits in, under its title.
fn offer_frame(ui: &mut egui::Ui, source: &str, title: &str, add_contents: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).inner_margin(egui::Margin::same(12)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(source).small().weak());
        ui.label(egui::RichText::new(title).strong());
        ui.add_space(theme::SPACE_S);
        add_contents(ui);
    });
    ui.add_space(theme::SPACE_M);
}

/// "About you": the empty fields the export can fill, and one button that fills them.
pub(super) fn about(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let Some(profile) = cx.linkedin() else { return };
    let fills = profile.about_fills(cx.document);
    if fills.is_empty() {
        return;
    }
    offer_frame(ui, cx.t(Tr::LinkedInFromExport), cx.t(Tr::LinkedInAboutTitle), |ui| {
        for (field, text) in &fills {
            let label = match field {
                AboutField::Role => Tr::FieldRole,
                AboutField::Organisation => Tr::FieldOrganisation,
                AboutField::Location => Tr::FieldLocation,
                AboutField::Website => Tr::FieldWebsite,
            };
            ui.add(egui::Label::new(format!("{}: {text}", cx.t(label).trim_end_matches(':'))).wrap());
        }
        if ui.button(cx.t(Tr::LinkedInFillEmpty)).clicked() {
            cx.out.push(Command::Edit(DocEdit::step(move |document| linkedin_profile::fill_about(document, &fills))));
        }
    });
}

/// "Expertise": skills not yet in the document, the most endorsed first, each added by a
/// click; and the recommendations received, each kept as proof of a skill the person picks.
pub(super) fn expertise(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let Some(profile) = cx.linkedin() else { return };
    let skills: Vec<(String, u32)> =
        profile.skills_to_add(cx.document).iter().map(|skill| (skill.name.clone(), skill.endorsements)).collect();
    let recommendations: Vec<(usize, linkedin_profile::Recommendation)> = profile
        .recommendations_to_use(cx.document)
        .into_iter()
        .map(|rec| {
            let at = profile.recommendations.iter().position(|r| r == rec).unwrap_or_default();
            (at, rec.clone())
        })
        .collect();
    if !skills.is_empty() {
        offer_frame(ui, cx.t(Tr::LinkedInFromExport), cx.t(Tr::LinkedInSkills), |ui| {
            let shown = if cx.state.all_linkedin_skills { skills.len() } else { skills.len().min(SKILLS_SHOWN) };
            for (name, endorsements) in &skills[..shown] {
                ui.horizontal_wrapped(|ui| {
                    let add = ui.button(cx.t(Tr::LinkedInAddSkill));
                    name_node(ui, add.id, &fill(cx.t(Tr::LinkedInAddSkillNamed), &[("skill", name)]));
                    if add.clicked() {
                        let name = name.clone();
                        cx.out.push(Command::Edit(DocEdit::step(move |document| {
                            linkedin_profile::add_skill(document, &name)
                        })));
                    }
                    ui.label(name.as_str());
                    if *endorsements > 0 {
                        let count = fill(cx.t(Tr::LinkedInEndorsements), &[("count", endorsements)]);
                        ui.label(egui::RichText::new(format!("· {count}")).weak());
                    }
                });
            }
            if shown < skills.len() {
                let more = fill(cx.t(Tr::LinkedInShowAllSkills), &[("count", &skills.len())]);
                if ui.button(more).clicked() {
                    cx.state.all_linkedin_skills = true;
                }
            }
        });
    }
    if !recommendations.is_empty() {
        offer_frame(ui, cx.t(Tr::LinkedInFromExport), cx.t(Tr::LinkedInRecommendations), |ui| {
            for (at, recommendation) in &recommendations {
                recommendation_row(ui, cx, *at, recommendation);
            }
        });
    }
}

/// One recommendation: its words, who wrote them, the skill it proves and "Keep as proof".
fn recommendation_row(
    ui: &mut egui::Ui,
    cx: &mut StepContext<'_>,
    at: usize,
    recommendation: &linkedin_profile::Recommendation,
) {
    ui.add(egui::Label::new(egui::RichText::new(format!("“{}”", recommendation.text)).italics()).wrap());
    ui.add(egui::Label::new(egui::RichText::new(format!("— {}", recommendation.attribution())).weak()).wrap());
    let skills: Vec<String> = cx.document.expertise.iter().map(|skill| skill.skill.clone()).collect();
    if skills.is_empty() {
        ui.add(egui::Label::new(egui::RichText::new(cx.t(Tr::LinkedInNeedSkill)).weak().small()).wrap());
        ui.add_space(theme::SPACE_S);
        return;
    }
    let chosen = cx.state.recommendation_skill.get(&at).copied().filter(|&s| s < skills.len()).unwrap_or(0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(cx.t(Tr::LinkedInProofOf));
        let shown = skill_name(&skills, chosen);
        let mut picked = chosen;
        let combo = egui::ComboBox::from_id_salt(("linkedin_recommendation_skill", at))
            .selected_text(shown.clone())
            .show_ui(ui, |ui| {
                for index in 0..skills.len() {
                    ui.selectable_value(&mut picked, index, skill_name(&skills, index));
                }
            })
            .response
            .labelled_by(label.id);
        name_combo(ui, combo.id, cx.t(Tr::LinkedInProofOf), &shown);
        if picked != chosen {
            cx.state.recommendation_skill.insert(at, picked);
        }
        let keep = ui.button(cx.t(Tr::LinkedInKeepAsProof));
        let args: [(&str, &dyn std::fmt::Display); 2] = [("by", &recommendation.by), ("skill", &shown)];
        name_node(ui, keep.id, &fill(cx.t(Tr::LinkedInKeepAsProofNamed), &args));
        if keep.clicked() {
            let recommendation = recommendation.clone();
            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                linkedin_profile::use_recommendation(document, picked, &recommendation)
            })));
        }
    });
    ui.add_space(theme::SPACE_S);
}

/// A skill's name as the combo shows it ("Skill 2" while it has none yet).
fn skill_name(skills: &[String], index: usize) -> String {
    match skills.get(index).map(|name| name.trim()) {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => format!("#{}", index + 1),
    }
}
