//! Step 7, review: the whole profile on one page, and every gap with a button that opens
//! the step that fixes it.

use super::{StepContext, step_title};
use crate::command::Command;
use crate::i18n::values::value_text;
use crate::i18n::{Tr, fill};
use crate::logic::discover::{Gap, gaps};
use crate::model::Horizon;
use crate::ui::names::network_name;
use crate::ui::theme;

/// The sentence for a gap.
fn describe(gap: &Gap, cx: &StepContext<'_>) -> String {
    let t = |key| cx.t(key);
    match gap {
        Gap::NoName => t(Tr::GapNoName).to_owned(),
        Gap::NoContact => t(Tr::GapNoContact).to_owned(),
        Gap::ValuesUnsorted { left } => fill(t(Tr::GapValuesUnsorted), &[("left", left)]),
        Gap::TopTooSmall { ranked } => fill(t(Tr::GapTopTooSmall), &[("ranked", ranked)]),
        Gap::MeaningMissing { value } => {
            let name = value_text(cx.document, value, cx.language).0;
            fill(t(Tr::GapMeaningMissing), &[("value", &name)])
        }
        Gap::NoSkills => t(Tr::GapNoSkills).to_owned(),
        Gap::SkillWithoutProof { skill } => fill(t(Tr::GapSkillWithoutProof), &[("skill", skill)]),
        Gap::ProofWithoutNumber { skill } => fill(t(Tr::GapProofWithoutNumber), &[("skill", skill)]),
        Gap::NoSignatureStory => t(Tr::GapNoSignature).to_owned(),
        Gap::NoOneYearGoal => t(Tr::GapNoOneYearGoal).to_owned(),
        Gap::NoThreeYearGoal => t(Tr::GapNoThreeYearGoal).to_owned(),
        Gap::GoalWithoutHelp { goal } => fill(t(Tr::GapGoalWithoutHelp), &[("goal", goal)]),
        Gap::NoAudiences => t(Tr::GapNoAudiences).to_owned(),
        Gap::AudienceWithoutAsk { audience } => fill(t(Tr::GapAudienceWithoutAsk), &[("audience", audience)]),
        Gap::NoStrategicAudience => t(Tr::GapNoStrategic).to_owned(),
        Gap::NoBrandStatement => t(Tr::GapNoBrandStatement).to_owned(),
        Gap::NoHeadline => t(Tr::GapNoHeadline).to_owned(),
        Gap::HeadlineTooLong { chars } => fill(t(Tr::GapHeadlineTooLong), &[("chars", chars)]),
    }
}

pub(super) fn show(ui: &mut egui::Ui, deck: &[&str], cx: &mut StepContext<'_>) {
    let found = gaps(cx.document, deck);
    section(ui, &fill(cx.t(Tr::GapsTitle), &[("count", &found.len())]), |ui| {
        if found.is_empty() {
            ui.label(egui::RichText::new(cx.t(Tr::NoGaps)).color(theme::ok_color(ui)));
        }
        for gap in &found {
            ui.horizontal(|ui| {
                let fix = format!("{} →", cx.t(step_title(gap.step())));
                if ui.button(fix).on_hover_text(cx.t(Tr::GapFixTip)).clicked() {
                    cx.out.push(Command::SetStep(gap.step()));
                }
                ui.add(egui::Label::new(describe(gap, cx)).wrap());
            });
        }
    });
    profile(ui, cx);
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

/// The profile as a reader sees it.
fn profile(ui: &mut egui::Ui, cx: &StepContext<'_>) {
    let document = cx.document;
    let person = &document.person;
    let dash = |text: &str| {
        if text.trim().is_empty() { "—".to_owned() } else { text.trim().to_owned() }
    };
    section(ui, cx.t(Tr::StepAbout), |ui| {
        line(ui, egui::RichText::new(dash(&person.name)).size(theme::LEAD_SIZE).strong());
        line(ui, dash(&person.headline));
        let contact: Vec<&str> =
            [&person.role, &person.organisation, &person.email, &person.phone, &person.website, &person.location]
                .into_iter()
                .map(|field| field.trim())
                .filter(|field| !field.is_empty())
                .collect();
        line(ui, egui::RichText::new(contact.join(" · ")).weak());
    });
    section(ui, cx.t(Tr::StepBrand), |ui| line(ui, egui::RichText::new(dash(&document.brand_statement)).italics()));
    section(ui, cx.t(Tr::StepValues), |ui| {
        for (rank, id) in document.values.ranking.iter().enumerate() {
            let (name, _) = value_text(document, id, cx.language);
            let choice = document.values.cards.get(id);
            let mut title = format!("{}. {name}", rank + 1);
            if choice.is_some_and(|choice| choice.never_print) {
                title.push_str(&format!("  ({})", cx.t(Tr::NeverPrint)));
            }
            line(ui, egui::RichText::new(title).strong());
            if let Some(choice) = choice.filter(|choice| !choice.meaning.trim().is_empty()) {
                line(ui, egui::RichText::new(choice.meaning.trim()).weak());
            }
        }
        if document.values.ranking.is_empty() {
            line(ui, "—");
        }
    });
    section(ui, cx.t(Tr::StepExpertise), |ui| {
        for skill in &document.expertise {
            line(ui, egui::RichText::new(dash(&skill.skill)).strong());
            for proof in &skill.proof {
                let mut text = dash(&proof.result);
                if !proof.metric.trim().is_empty() {
                    text = format!("{} ({text})", proof.metric.trim());
                }
                if proof.signature {
                    text = format!("★ {text}");
                }
                line(ui, egui::RichText::new(text).weak());
            }
        }
        if document.expertise.is_empty() {
            line(ui, "—");
        }
    });
    section(ui, cx.t(Tr::StepGoals), |ui| {
        for goal in &document.goals {
            let horizon = match goal.horizon {
                Horizon::OneYear => cx.t(Tr::GoalsOneYear),
                Horizon::ThreeYears => cx.t(Tr::GoalsThreeYears),
            };
            line(ui, format!("{horizon}: {}", dash(&goal.statement)));
        }
        if document.goals.is_empty() {
            line(ui, "—");
        }
    });
    section(ui, cx.t(Tr::StepAudiences), |ui| {
        for audience in &document.audiences {
            line(
                ui,
                egui::RichText::new(format!("{} ({})", dash(&audience.name), cx.t(network_name(audience.network))))
                    .strong(),
            );
            line(ui, egui::RichText::new(format!("{}: {}", cx.t(Tr::FieldAsk), dash(&audience.ask))).weak());
        }
        if document.audiences.is_empty() {
            line(ui, "—");
        }
    });
}
