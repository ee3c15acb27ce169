//! The Network page: today's follow-ups and who is due for contact, the balance of the
//! network, the people (with a conversation log) and the events (with the quick capture
//! after one).

use chrono::NaiveDate;

use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, tr, trf};
use crate::logic::capture;
use crate::logic::network::{self, Touch};
use crate::logic::undo::EditKey;
use crate::model::{BrandDocument, Contact, Encounter, Event, Language, Network, next_id};
use crate::ui::names::network_name;
use crate::ui::theme;
use crate::ui::widgets::TextField;

/// The page's three views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NetworkTab {
    /// Follow-ups, who is due, the balance.
    #[default]
    Today,
    /// The people.
    People,
    /// The events.
    Events,
}

/// What the page remembers between frames.
#[derive(Default)]
pub struct NetworkState {
    /// The view shown.
    pub tab: NetworkTab,
    /// The id of the person shown.
    pub person: Option<String>,
    /// The id of the event shown.
    pub event: Option<String>,
    /// The conversation being logged: what was said, and the next step.
    said: String,
    next_step: String,
    /// The quick capture being typed, and what the last one did.
    capture: String,
    captured: Option<(usize, usize)>,
    /// The start time being typed, while it does not parse.
    when: Option<(String, String)>,
}

/// What the page draws from.
pub struct NetworkContext<'a> {
    /// The open document.
    pub document: &'a BrandDocument,
    /// The interface language.
    pub language: Language,
    /// Today, where the person is.
    pub today: NaiveDate,
    /// The page's memory.
    pub state: &'a mut NetworkState,
    /// Commands to the app.
    pub out: &'a mut Vec<Command>,
}

impl NetworkContext<'_> {
    fn t(&self, key: Tr) -> &'static str {
        tr(self.language, key)
    }
}

/// Draws the Network page.
pub fn show(ui: &mut egui::Ui, cx: NetworkContext<'_>) {
    let mut cx = cx;
    ui.horizontal(|ui| {
        for (tab, key) in [
            (NetworkTab::Today, Tr::NetTabToday),
            (NetworkTab::People, Tr::NetTabPeople),
            (NetworkTab::Events, Tr::NetTabEvents),
        ] {
            if ui.selectable_label(cx.state.tab == tab, cx.t(key)).clicked() {
                cx.state.tab = tab;
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false; 2]).show(ui, |ui| {
        // Within the window (the scroll area would otherwise let long lines run off it).
        ui.set_max_width(ui.available_width().min(theme::PAGE_WIDTH));
        match cx.state.tab {
            NetworkTab::Today => today(ui, &mut cx),
            NetworkTab::People => people(ui, &mut cx),
            NetworkTab::Events => events(ui, &mut cx),
        }
    });
}

fn heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(theme::SPACE_M);
    ui.label(egui::RichText::new(text).size(theme::LEAD_SIZE).strong());
    ui.add_space(theme::SPACE_S);
}

fn today(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    heading(ui, cx.t(Tr::NetFollowUps));
    let agenda = network::agenda(document, cx.today);
    let open: Vec<_> = agenda.overdue.iter().chain(&agenda.this_week).chain(&agenda.later).collect();
    if open.is_empty() {
        ui.label(egui::RichText::new(cx.t(Tr::NetNoFollowUps)).weak());
    }
    for follow_up in open {
        ui.horizontal_wrapped(|ui| {
            let id = follow_up.id.clone();
            let mut done = false;
            if ui.checkbox(&mut done, &follow_up.text).on_hover_text(cx.t(Tr::NetMarkDone)).clicked() {
                cx.out.push(Command::Edit(DocEdit::step(move |document| {
                    if let Some(follow_up) = document.follow_ups.iter_mut().find(|f| f.id == id) {
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

    heading(ui, cx.t(Tr::NetDueForContact));
    let due = network::due_for_contact(document, cx.today);
    if due.is_empty() {
        ui.label(egui::RichText::new(cx.t(Tr::NetNobodyDue)).weak());
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

fn balance(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    let balance = network::balance(document, cx.today);
    let count = |map: &std::collections::BTreeMap<Network, usize>, network| map.get(&network).copied().unwrap_or(0);
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

fn people(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    if cx.state.person.as_deref().is_none_or(|id| document.contact(id).is_none()) {
        cx.state.person = document.people.first().map(|contact| contact.id.clone());
    }
    ui.horizontal_wrapped(|ui| {
        for contact in &document.people {
            let name = if contact.name.trim().is_empty() { cx.t(Tr::NetNewPerson) } else { contact.name.as_str() };
            let chosen = cx.state.person.as_deref() == Some(contact.id.as_str());
            let button = ui.selectable_label(chosen, name).on_hover_text(cx.t(network_name(contact.network)));
            if button.clicked() {
                cx.state.person = Some(contact.id.clone());
            }
        }
        if ui.button(cx.t(Tr::NetAddPerson)).clicked() {
            let id = next_id("person", document.people.iter().map(|contact| contact.id.as_str()));
            cx.state.person = Some(id.clone());
            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                document.people.push(Contact { id, ..Contact::default() });
            })));
        }
    });
    let Some(contact) = cx.state.person.as_deref().and_then(|id| document.contact(id)) else {
        ui.add_space(theme::SPACE_M);
        ui.label(egui::RichText::new(cx.t(Tr::NetNoPeople)).weak());
        return;
    };
    ui.separator();
    person_editor(ui, cx, contact);
}

/// A text field for one of a contact's text fields.
fn contact_field(
    ui: &mut egui::Ui,
    out: &mut Vec<Command>,
    contact: &Contact,
    label: &str,
    field: fn(&mut Contact) -> &mut String,
) {
    let current = {
        let mut copy = contact.clone();
        field(&mut copy).clone()
    };
    let id = contact.id.clone();
    TextField::new(&current, EditKey::of(("contact", label, &contact.id))).label(label).show(
        ui,
        out,
        move |document, text| {
            if let Some(contact) = document.people.iter_mut().find(|contact| contact.id == id) {
                *field(contact) = text;
            }
        },
    );
}

fn edit_contact(out: &mut Vec<Command>, id: &str, change: impl FnOnce(&mut Contact) + 'static) {
    let id = id.to_owned();
    out.push(Command::Edit(DocEdit::step(move |document| {
        if let Some(contact) = document.people.iter_mut().find(|contact| contact.id == id) {
            change(contact);
        }
    })));
}

fn person_editor(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, contact: &Contact) {
    let document = cx.document;
    contact_field(ui, cx.out, contact, cx.t(Tr::NetName), |c| &mut c.name);
    contact_field(ui, cx.out, contact, cx.t(Tr::NetOrganisation), |c| &mut c.organisation);
    contact_field(ui, cx.out, contact, cx.t(Tr::NetRole), |c| &mut c.role);
    contact_field(ui, cx.out, contact, cx.t(Tr::NetEmail), |c| &mut c.email);
    contact_field(ui, cx.out, contact, cx.t(Tr::NetPhone), |c| &mut c.phone);
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        ui.label(cx.t(Tr::NetNetwork));
        for network in Network::ALL {
            if ui.radio(contact.network == network, cx.t(network_name(network))).clicked() && contact.network != network
            {
                edit_contact(cx.out, &contact.id, move |contact| contact.network = network);
            }
        }
    });
    let mut internal = contact.internal;
    if ui.checkbox(&mut internal, cx.t(Tr::NetInternal)).changed() {
        edit_contact(cx.out, &contact.id, move |contact| contact.internal = internal);
    }
    let goals: Vec<_> = document.goals.iter().filter(|goal| !goal.statement.trim().is_empty()).collect();
    if !goals.is_empty() {
        ui.add_space(theme::SPACE_S);
        let question = if contact.network == Network::Strategic { Tr::NetWhichGoal } else { Tr::NetGoals };
        ui.label(egui::RichText::new(cx.t(question)).strong());
        for goal in goals {
            let mut serves = contact.goals.contains(&goal.id);
            if ui.checkbox(&mut serves, goal.statement.trim()).changed() {
                let goal_id = goal.id.clone();
                edit_contact(cx.out, &contact.id, move |contact| {
                    contact.goals.retain(|id| *id != goal_id);
                    if serves {
                        contact.goals.push(goal_id);
                    }
                });
            }
        }
    }
    ui.add_space(theme::SPACE_S);
    let id = contact.id.clone();
    TextField::new(&contact.notes, EditKey::of(("contact.notes", &contact.id)))
        .label(cx.t(Tr::NetNotes))
        .multiline(3)
        .show(ui, cx.out, move |document, text| {
            if let Some(contact) = document.people.iter_mut().find(|contact| contact.id == id) {
                contact.notes = text;
            }
        });

    heading(ui, cx.t(Tr::NetLogContact));
    let state = network::touch_state(document, contact, cx.today);
    let last = match state.last {
        Some(day) => trf(cx.language, Tr::NetLastContact, &[("date", &day)]),
        None => cx.t(Tr::NetNeverMet).to_owned(),
    };
    ui.label(egui::RichText::new(last).weak());
    let said_label = ui.label(cx.t(Tr::NetWhatSaid)).id;
    ui.add(egui::TextEdit::multiline(&mut cx.state.said).desired_rows(2).desired_width(f32::INFINITY))
        .labelled_by(said_label);
    let step_label = ui.label(cx.t(Tr::NetNextStep)).id;
    ui.add(egui::TextEdit::singleline(&mut cx.state.next_step).desired_width(f32::INFINITY)).labelled_by(step_label);
    let has_text = !cx.state.said.trim().is_empty() || !cx.state.next_step.trim().is_empty();
    if ui.add_enabled(has_text, egui::Button::new(cx.t(Tr::NetLogToday))).clicked() {
        let encounter = Encounter {
            date: Some(cx.today),
            people: vec![contact.id.clone()],
            said: std::mem::take(&mut cx.state.said).trim().to_owned(),
            ..Encounter::default()
        };
        let step = std::mem::take(&mut cx.state.next_step);
        cx.out.push(Command::Edit(DocEdit::step(move |document| {
            capture::log_encounter(document, encounter, Some((&step, None)));
        })));
    }
    ui.add_space(theme::SPACE_L);
    if ui.button(cx.t(Tr::NetRemovePerson)).clicked() {
        let id = contact.id.clone();
        cx.state.person = None;
        cx.out.push(Command::Edit(DocEdit::step(move |document| document.remove_contact(&id))));
    }
}

fn events(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    if cx.state.event.as_deref().is_none_or(|id| document.event(id).is_none()) {
        cx.state.event = network::next_event(document, cx.today).map(|event| event.id.clone());
    }
    ui.horizontal_wrapped(|ui| {
        for event in &document.events {
            let mut label =
                if event.name.trim().is_empty() { cx.t(Tr::NetNewEvent).to_owned() } else { event.name.clone() };
            if let Some(starts) = event.starts {
                label = format!("{label} · {}", starts.date());
            }
            if ui.selectable_label(cx.state.event.as_deref() == Some(event.id.as_str()), label).clicked() {
                cx.state.event = Some(event.id.clone());
            }
        }
        if ui.button(cx.t(Tr::NetAddEvent)).clicked() {
            let id = next_id("event", document.events.iter().map(|event| event.id.as_str()));
            cx.state.event = Some(id.clone());
            let starts = cx.today.and_hms_opt(18, 0, 0);
            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                document.events.push(Event { id, starts, ..Event::default() });
            })));
        }
    });
    let Some(event) = cx.state.event.as_deref().and_then(|id| document.event(id)) else {
        ui.add_space(theme::SPACE_M);
        ui.label(egui::RichText::new(cx.t(Tr::NetNoEvents)).weak());
        return;
    };
    ui.separator();
    event_editor(ui, cx, event);
}

fn edit_event(out: &mut Vec<Command>, key: EditKey, id: &str, change: impl FnOnce(&mut Event) + 'static) {
    let id = id.to_owned();
    out.push(Command::Edit(DocEdit::typing(key, move |document| {
        if let Some(event) = document.events.iter_mut().find(|event| event.id == id) {
            change(event);
        }
    })));
}

fn event_editor(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, event: &Event) {
    let document = cx.document;
    let id = event.id.clone();
    TextField::new(&event.name, EditKey::of(("event.name", &event.id))).label(cx.t(Tr::NetEventName)).show(
        ui,
        cx.out,
        move |document, text| {
            if let Some(event) = document.events.iter_mut().find(|event| event.id == id) {
                event.name = text;
            }
        },
    );
    let id = event.id.clone();
    TextField::new(&event.place, EditKey::of(("event.place", &event.id))).label(cx.t(Tr::NetPlace)).show(
        ui,
        cx.out,
        move |document, text| {
            if let Some(event) = document.events.iter_mut().find(|event| event.id == id) {
                event.place = text;
            }
        },
    );
    // The start as typed: kept while it does not parse, written once it does.
    let written = event.starts.map(|at| at.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default();
    let mut when = match &cx.state.when {
        Some((for_event, text)) if *for_event == event.id => text.clone(),
        _ => written.clone(),
    };
    let label = ui.label(cx.t(Tr::NetWhen)).id;
    let response = ui.add(egui::TextEdit::singleline(&mut when).desired_width(220.0)).labelled_by(label);
    let parsed = chrono::NaiveDateTime::parse_from_str(when.trim(), "%Y-%m-%d %H:%M").ok();
    if response.changed() {
        if let Some(at) = parsed {
            edit_event(cx.out, EditKey::of(("event.starts", &event.id)), &event.id, move |event| {
                event.starts = Some(at)
            });
        }
        cx.state.when = Some((event.id.clone(), when.clone()));
    }
    if parsed.is_none() && !when.trim().is_empty() {
        ui.label(egui::RichText::new(cx.t(Tr::NetWhenInvalid)).color(theme::warn_color(ui)));
    }
    if !event.time_zone.is_empty() {
        ui.label(egui::RichText::new(&event.time_zone).weak());
    }
    let goals = event.goals.join("\n");
    let id = event.id.clone();
    TextField::new(&goals, EditKey::of(("event.goals", &event.id))).label(cx.t(Tr::NetEventGoals)).multiline(3).show(
        ui,
        cx.out,
        move |document, text| {
            if let Some(event) = document.events.iter_mut().find(|event| event.id == id) {
                event.goals = text.lines().map(str::to_owned).collect();
            }
        },
    );

    if !event.to_meet.is_empty() {
        heading(ui, cx.t(Tr::NetToMeet));
        for meeting in &event.to_meet {
            let Some(who) = meeting.who.as_ref().map(|who| document.attendee_name(who)) else { continue };
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(who).strong());
                if !meeting.objective.trim().is_empty() {
                    ui.label(format!("— {}", meeting.objective.trim()));
                }
            });
            for question in meeting.questions.iter().filter(|question| !question.trim().is_empty()) {
                ui.horizontal(|ui| {
                    ui.add_space(theme::LIST_INDENT);
                    ui.label(egui::RichText::new(format!("• {}", question.trim())).weak());
                });
            }
        }
    }

    heading(ui, cx.t(Tr::NetCapture));
    let hint = cx.t(Tr::NetCaptureHint);
    let label = ui.label(hint).id;
    ui.add(
        egui::TextEdit::multiline(&mut cx.state.capture).desired_rows(4).desired_width(f32::INFINITY).hint_text(hint),
    )
    .labelled_by(label);
    let lines: Vec<_> = cx.state.capture.lines().filter_map(capture::parse_line).collect();
    if ui.add_enabled(!lines.is_empty(), egui::Button::new(cx.t(Tr::NetCaptureAdd))).clicked() {
        let linked = lines.iter().filter(|line| capture::find_by_name(document, &line.name).is_some()).count();
        cx.state.captured = Some((lines.len() - linked, linked));
        let text = std::mem::take(&mut cx.state.capture);
        let event_id = event.id.clone();
        let day = event.starts.map_or(cx.today, |at| at.date()).min(cx.today);
        let language = document.language;
        cx.out.push(Command::Edit(DocEdit::step(move |document| {
            capture::capture(document, &text, Some(&event_id), day, language);
        })));
    }
    if let Some((added, linked)) = cx.state.captured {
        ui.label(trf(cx.language, Tr::NetCaptured, &[("added", &added), ("linked", &linked)]));
    }
}
