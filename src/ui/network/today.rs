//! The Network page's first tab: follow-ups due, who is due for contact, and the balance
//! of the network.

use crate::command::{Command, DocEdit, NetworkFile};
use crate::i18n::{Tr, tr, trf};
use crate::logic::network::{self, Touch};
use crate::model::Network;
use crate::ui::names::network_name;
use crate::ui::theme;

use super::{NetworkContext, NetworkTab, heading};

pub(super) fn today(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    heading(ui, cx.t(Tr::NetFollowUps));
    let agenda = network::agenda(document, cx.today);
    if agenda.all().next().is_none() {
        ui.label(egui::RichText::new(cx.t(Tr::NetNoFollowUps)).weak());
    }
    for (group, list) in [
        (Tr::NetGroupOverdue, &agenda.overdue),
        (Tr::NetGroupThisWeek, &agenda.this_week),
        (Tr::NetGroupLater, &agenda.later),
    ] {
        if list.is_empty() {
            continue;
        }
        ui.label(egui::RichText::new(cx.t(group)).strong());
        for follow_up in list.iter().copied() {
            follow_up_row(ui, cx, follow_up);
        }
        ui.add_space(theme::SPACE_S);
    }
    if ui.button(cx.t(Tr::NetExportCalendar)).clicked() {
        cx.out.push(Command::NetworkFile(NetworkFile::ExportCalendar));
    }
    morning(ui, cx);

    heading(ui, cx.t(Tr::NetDueForContact));
    let due = network::due_for_contact(document, cx.today);
    if due.is_empty() {
        // With nobody in the network, "everyone has heard from you" would be hollow.
        let empty = if document.people.is_empty() { Tr::NetNoPeople } else { Tr::NetNobodyDue };
        ui.label(egui::RichText::new(cx.t(empty)).weak());
    }
    for state in due {
        ui.horizontal_wrapped(|ui| {
            let color = if state.touch == Touch::TooLong { theme::error_color(ui) } else { theme::warn_color(ui) };
            if ui.link(&state.contact.name).clicked() {
                cx.state.person = Some(state.contact.id.clone());
                cx.state.tab = NetworkTab::People;
            }
            let mut text = trf(cx.language, Tr::NetDaysAgo, &[("days", &state.days)]);
            if state.touch == Touch::TooLong {
                text = format!("{text} ({})", cx.t(Tr::NetTooLong));
            }
            ui.label(egui::RichText::new(text).color(color));
        });
    }

    heading(ui, cx.t(Tr::NetBalance));
    balance(ui, cx);
}

/// People and the conversations of the last 90 days per network, side by side: the
/// picture of where the time goes, with the same figures in words for screen readers.
fn balance_chart(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, balance: &network::Balance) {
    use egui_plot::{Bar, BarChart, Legend, Plot};
    let count = |map: &std::collections::BTreeMap<Network, usize>, network| map.get(&network).copied().unwrap_or(0);
    let people: Vec<Bar> = Network::ALL
        .iter()
        .enumerate()
        .map(|(i, network)| Bar::new(i as f64 - 0.18, count(&balance.people, *network) as f64).width(0.34))
        .collect();
    let met: Vec<Bar> = Network::ALL
        .iter()
        .enumerate()
        .map(|(i, network)| Bar::new(i as f64 + 0.18, count(&balance.encounters, *network) as f64).width(0.34))
        .collect();
    let names: Vec<&'static str> = Network::ALL.iter().map(|network| tr(cx.language, network_name(*network))).collect();
    let highest = Network::ALL
        .iter()
        .map(|network| count(&balance.people, *network).max(count(&balance.encounters, *network)))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    ui.label(cx.t(Tr::NetChartTitle));
    let summary = trf(
        cx.language,
        Tr::NetChartSummary,
        &[
            ("op_people", &count(&balance.people, Network::Operational)),
            ("op_met", &count(&balance.encounters, Network::Operational)),
            ("pe_people", &count(&balance.people, Network::Personal)),
            ("pe_met", &count(&balance.encounters, Network::Personal)),
            ("st_people", &count(&balance.people, Network::Strategic)),
            ("st_met", &count(&balance.encounters, Network::Strategic)),
        ],
    );
    let accent = ui.visuals().hyperlink_color;
    let second = theme::warn_color(ui);
    let response = Plot::new("network_balance")
        .height(theme::CHART_HEIGHT)
        .width(ui.available_width().min(theme::READING_WIDTH))
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .legend(Legend::default())
        .show_grid([false, true])
        .default_x_bounds(-0.6, 2.6)
        .default_y_bounds(0.0, highest * 1.15)
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() < 1e-6 && (0.0..3.0).contains(&index) {
                names[index as usize].to_owned()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(
            |mark, _| if mark.value.fract().abs() < 1e-6 { format!("{:.0}", mark.value) } else { String::new() },
        )
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(cx.t(Tr::NetChartPeople), people).color(accent));
            plot.bar_chart(BarChart::new(cx.t(Tr::NetChartConversations), met).color(second));
        });
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &summary));
    ui.add_space(theme::SPACE_S);
}

/// One open follow-up: tick it off, whom it concerns, when it is due.
fn follow_up_row(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, follow_up: &crate::model::FollowUp) {
    let document = cx.document;
    ui.horizontal_wrapped(|ui| {
        let id = follow_up.id.clone();
        let mut done = false;
        if ui.checkbox(&mut done, &follow_up.text).on_hover_text(cx.t(Tr::NetMarkDone)).clicked() {
            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                if let Some(follow_up) = document.follow_ups.iter_mut().find(|follow_up| follow_up.id == id) {
                    follow_up.done = true;
                }
            })));
        }
        if let Some(contact) = follow_up.person.as_deref().and_then(|id| document.contact(id)) {
            ui.label(egui::RichText::new(format!("· {}", contact.name)).weak());
        }
        let (text, color) = match follow_up.due {
            Some(due) if network::is_overdue(follow_up, cx.today) => {
                (trf(cx.language, Tr::NetOverdue, &[("date", &due)]), theme::error_color(ui))
            }
            Some(due) => (trf(cx.language, Tr::NetDueOn, &[("date", &due)]), ui.visuals().weak_text_color()),
            None => (cx.t(Tr::NetNoDate).to_owned(), ui.visuals().weak_text_color()),
        };
        ui.label(egui::RichText::new(text).color(color));
    });
}

fn balance(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    let balance = network::balance(document, cx.today);
    let count = |map: &std::collections::BTreeMap<Network, usize>, network| map.get(&network).copied().unwrap_or(0);
    balance_chart(ui, cx, &balance);
    let prompt = |ui: &mut egui::Ui, text: String| {
        ui.add(egui::Label::new(text).wrap());
        ui.add_space(theme::SPACE_S);
    };
    prompt(
        ui,
        trf(
            cx.language,
            Tr::NetBalancePeople,
            &[
                ("operational", &count(&balance.people, Network::Operational)),
                ("personal", &count(&balance.people, Network::Personal)),
                ("strategic", &count(&balance.people, Network::Strategic)),
                ("internal", &balance.internal),
                ("external", &balance.external),
            ],
        ),
    );
    if balance.unsorted > 0 {
        // Otherwise the networks add up to fewer people than inside and outside do.
        prompt(ui, trf(cx.language, Tr::NetBalanceUnsorted, &[("count", &balance.unsorted)]));
    }
    prompt(
        ui,
        trf(
            cx.language,
            Tr::NetBalanceEncounters,
            &[
                ("count", &balance.recent_encounters),
                ("operational", &count(&balance.encounters, Network::Operational)),
                ("personal", &count(&balance.encounters, Network::Personal)),
                ("strategic", &count(&balance.encounters, Network::Strategic)),
            ],
        ),
    );
    if balance.recent_encounters > 0 {
        prompt(
            ui,
            trf(
                cx.language,
                Tr::NetBalanceInside,
                &[("internal", &balance.encounters_internal), ("external", &balance.encounters_external)],
            ),
        );
    }
    if balance.mostly_operational {
        prompt(ui, cx.t(Tr::NetMostlyOperational).to_owned());
    }
    for id in &balance.goals_without_strategic_contact {
        if let Some(goal) = document.goal(id) {
            prompt(ui, trf(cx.language, Tr::NetGoalWithoutStrategic, &[("goal", &goal.statement.trim())]));
        }
    }
    if let Some(percent) = balance.self_made_percent() {
        prompt(ui, trf(cx.language, Tr::NetSelfMade, &[("percent", &percent)]));
    }
    if !balance.brokers.is_empty() {
        let names: Vec<&str> = balance
            .brokers
            .iter()
            .map(|(id, _)| document.contact(id).map_or(id.as_str(), |contact| contact.name.as_str()))
            .collect();
        prompt(ui, trf(cx.language, Tr::NetBrokers, &[("names", &names.join(", "))]));
    }
}

/// "Remind me each morning at …": the digest as a desktop notification, the app closed.
fn morning(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    ui.horizontal_wrapped(|ui| {
        let mut on = cx.morning.is_some();
        let hour = cx.morning.unwrap_or(8);
        if ui.checkbox(&mut on, cx.t(Tr::NetMorning)).on_hover_text(cx.t(Tr::NetMorningTip)).changed() {
            cx.out.push(Command::MorningReminder(on.then_some(hour)));
        }
        let label = ui.label(cx.t(Tr::NetMorningAt)).id;
        let mut chosen = hour;
        let combo = egui::ComboBox::from_id_salt("network_morning_hour")
            .selected_text(format!("{hour:02}:00"))
            .show_ui(ui, |ui| {
                for option in 6..=11u8 {
                    ui.selectable_value(&mut chosen, option, format!("{option:02}:00"));
                }
            });
        let combo = combo.response.labelled_by(label);
        crate::ui::widgets::name_combo(ui, combo.id, cx.t(Tr::NetMorningAt), &format!("{hour:02}:00"));
        if chosen != hour && cx.morning.is_some() {
            cx.out.push(Command::MorningReminder(Some(chosen)));
        }
    });
}
