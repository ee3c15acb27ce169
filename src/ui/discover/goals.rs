//! Step 4, goals: where you want to be in one and in three years, checked against SMART
//! as hints, and what help from your network would move each goal.

use super::StepContext;
use crate::command::{Command, DocEdit};
use crate::i18n::Tr;
use crate::logic::brand::smart;
use crate::logic::undo::EditKey;
use crate::model::{Goal, Horizon};
use crate::ui::theme;
use crate::ui::widgets::TextField;

const SMART: [(&str, Tr); 5] = [
    ("S", Tr::SmartSpecific),
    ("M", Tr::SmartMeasurable),
    ("A", Tr::SmartAssignable),
    ("R", Tr::SmartRealistic),
    ("T", Tr::SmartTimeBound),
];

pub(super) fn show(ui: &mut egui::Ui, cx: &mut StepContext<'_>) {
    let mut focus = cx.take_focus();
    for (horizon, title, add) in [
        (Horizon::OneYear, Tr::GoalsOneYear, Tr::AddOneYearGoal),
        (Horizon::ThreeYears, Tr::GoalsThreeYears, Tr::AddThreeYearGoal),
    ] {
        ui.label(egui::RichText::new(cx.t(title)).strong());
        for (index, goal) in cx.document.goals.iter().enumerate().filter(|(_, goal)| goal.horizon == horizon) {
            goal_card(ui, cx, index, goal, std::mem::take(&mut focus));
        }
        if ui.button(cx.t(add)).clicked() {
            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                document.goals.push(Goal { horizon, ..Goal::default() });
                document.assign_goal_ids();
            })));
        }
        ui.add_space(theme::SPACE_L);
    }
}

fn goal_card(ui: &mut egui::Ui, cx: &mut StepContext<'_>, index: usize, goal: &Goal, focus: bool) {
    egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).inner_margin(egui::Margin::same(12)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        TextField::new(&goal.statement, EditKey::of(("goal", index)))
            .label(cx.t(Tr::FieldGoal))
            // The example fits the horizon: next year for one year, three years out for three.
            .hint(cx.t(if goal.horizon == crate::model::Horizon::ThreeYears {
                Tr::HintGoalThreeYears
            } else {
                Tr::HintGoal
            }))
            .multiline(2)
            .focus(focus)
            .show(ui, cx.out, move |document, text| {
                if let Some(goal) = document.goals.get_mut(index) {
                    goal.statement = text;
                }
            });
        let points = smart(goal, cx.document.language).points();
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(cx.t(Tr::SmartLabel)).small().weak());
            for ((letter, tip), met) in SMART.iter().zip(points) {
                let color = if met { theme::ok_color(ui) } else { ui.visuals().weak_text_color() };
                let mark = if met { "✔" } else { "○" };
                ui.label(egui::RichText::new(format!("{mark} {letter}")).color(color)).on_hover_text(cx.t(*tip));
            }
            let mut realistic = goal.realistic;
            if ui.checkbox(&mut realistic, cx.t(Tr::SmartRealisticCheck)).changed() {
                cx.out.push(Command::Edit(DocEdit::step(move |document| {
                    if let Some(goal) = document.goals.get_mut(index) {
                        goal.realistic = realistic;
                    }
                })));
            }
        });
        TextField::new(&goal.network_help, EditKey::of(("goal.help", index)))
            .label(cx.t(Tr::FieldNetworkHelp))
            .hint(cx.t(Tr::HintNetworkHelp))
            .multiline(2)
            .show(ui, cx.out, move |document, text| {
                if let Some(goal) = document.goals.get_mut(index) {
                    goal.network_help = text;
                }
            });
        crate::ui::widgets::trailing_row(ui, |ui| {
            if ui.small_button(cx.t(Tr::RemoveGoal)).clicked() {
                cx.out.push(Command::Edit(DocEdit::step(move |document| {
                    if index < document.goals.len() {
                        document.remove_goal(index);
                    }
                })));
            }
        });
    });
    ui.add_space(theme::SPACE_S);
}
