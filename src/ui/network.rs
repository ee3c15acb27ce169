//! The Network page: today's follow-ups and who is due for contact, the balance of the
//! network, the people (with a conversation log) and the events (with the quick capture
//! after one).

use chrono::NaiveDate;

use crate::command::{Command, DocEdit, NetworkFile};
use crate::i18n::{Tr, tr, trf};
use crate::logic::capture;
use crate::logic::network::{self, Touch};
use crate::logic::undo::EditKey;
use crate::model::{Attendee, BrandDocument, Contact, Encounter, Event, Language, Meeting, Network, next_id};
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
    gave: String,
    got: String,
    next_step: String,
    due: String,
    /// The quick capture being typed, and what the last one did.
    capture: String,
    captured: Option<(usize, usize)>,
    /// The start time being typed, while it does not parse.
    when: Option<(String, String)>,
    /// Someone to find out about, being typed for the event's list.
    to_find_out: String,
    /// Which people the list shows.
    pub filter: network::PeopleFilter,
    /// The people found, kept while the people, the encounters, the filter and the day are
    /// the same (searching thousands of names every frame would cost more than the frame).
    found: Option<(u64, Vec<usize>)>,
    /// The people folded for searching, while they stay the same.
    index: Option<(u64, network::PeopleIndex)>,
}

impl NetworkState {
    fn shown(&mut self, document: &BrandDocument, today: NaiveDate) -> Vec<usize> {
        use std::hash::{Hash, Hasher};
        let mut people = std::collections::hash_map::DefaultHasher::new();
        document.language.hash(&mut people);
        for contact in &document.people {
            (&contact.id, &contact.name, &contact.organisation, &contact.role, &contact.tags, contact.network)
                .hash(&mut people);
            contact.keep_in_touch().ideal_days.hash(&mut people);
        }
        let people = people.finish();
        if self.index.as_ref().is_none_or(|(cached, _)| *cached != people) {
            self.index = Some((people, network::PeopleIndex::new(document)));
            self.found = None;
        }
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (&self.filter, today, people).hash(&mut hasher);
        for encounter in &document.encounters {
            (&encounter.people, encounter.date).hash(&mut hasher);
        }
        let key = hasher.finish();
        match (&self.found, &self.index) {
            (Some((cached, found)), _) if *cached == key => found.clone(),
            (_, Some((_, index))) => {
                let found = index.find(document, &self.filter, today);
                self.found = Some((key, found.clone()));
                found
            }
            (_, None) => Vec::new(),
        }
    }
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
    if cx.state.tab == NetworkTab::People {
        // The list and the editor scroll each on their own.
        people(ui, &mut cx);
        return;
    }
    egui::ScrollArea::vertical().auto_shrink([false; 2]).show(ui, |ui| {
        // Within the window (the scroll area would otherwise let long lines run off it).
        ui.set_max_width(ui.available_width().min(theme::PAGE_WIDTH));
        match cx.state.tab {
            NetworkTab::Today => today(ui, &mut cx),
            NetworkTab::People | NetworkTab::Events => events(ui, &mut cx),
        }
    });
}

/// A section heading; its id names the controls that belong to it.
fn heading(ui: &mut egui::Ui, text: &str) -> egui::Id {
    ui.add_space(theme::SPACE_M);
    let id = ui.label(egui::RichText::new(text).size(theme::LEAD_SIZE).strong()).id;
    ui.add_space(theme::SPACE_S);
    id
}

fn today(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
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

fn people(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    if cx.state.person.as_deref().is_none_or(|id| document.contact(id).is_none()) {
        cx.state.person = document.people.first().map(|contact| contact.id.clone());
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.t(Tr::NetAddPerson)).clicked() {
            let id = next_id("person", document.people.iter().map(|contact| contact.id.as_str()));
            cx.state.person = Some(id.clone());
            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                document.people.push(Contact { id, ..Contact::default() });
            })));
        }
        for what in [NetworkFile::ImportContacts, NetworkFile::ExportContacts] {
            if ui.button(cx.t(what.label())).clicked() {
                cx.out.push(Command::NetworkFile(what));
            }
        }
    });
    if document.people.is_empty() {
        ui.add_space(theme::SPACE_M);
        ui.label(egui::RichText::new(cx.t(Tr::NetNoPeople)).weak());
        return;
    }
    filters(ui, cx);
    ui.separator();
    let shown = cx.state.shown(document, cx.today);
    let wide = ui.available_width() >= theme::WIDE_LAYOUT;
    if wide {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(PEOPLE_LIST_WIDTH);
                people_list(ui, cx, &shown, ui.available_height());
            });
            ui.separator();
            ui.vertical(|ui| editor_column(ui, cx));
        });
    } else {
        people_list(ui, cx, &shown, PEOPLE_LIST_NARROW_HEIGHT);
        ui.separator();
        editor_column(ui, cx);
    }
}

/// The list's width beside the editor, and its height above it in a narrow window.
const PEOPLE_LIST_WIDTH: f32 = 230.0;
const PEOPLE_LIST_NARROW_HEIGHT: f32 = 150.0;

/// Search, network and "due for contact" filters.
fn filters(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    ui.horizontal_wrapped(|ui| {
        let hint = cx.t(Tr::NetSearch);
        ui.add(egui::TextEdit::singleline(&mut cx.state.filter.search).hint_text(hint).desired_width(200.0))
            .on_hover_text(hint);
        let shown = cx.state.filter.network.map_or(cx.t(Tr::NetAllNetworks), |network| cx.t(network_name(network)));
        let label = ui.label(cx.t(Tr::NetNetwork));
        egui::ComboBox::from_id_salt("people_network")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                let all = cx.t(Tr::NetAllNetworks);
                ui.selectable_value(&mut cx.state.filter.network, None, all);
                for network in Network::ALL {
                    let name = tr(cx.language, network_name(network));
                    ui.selectable_value(&mut cx.state.filter.network, Some(network), name);
                }
            })
            .response
            .labelled_by(label.id);
        let due_only = cx.t(Tr::NetDueOnly);
        ui.checkbox(&mut cx.state.filter.due_only, due_only);
    });
}

/// The people found, one row each; only the rows in sight are drawn, so thousands of
/// people cost no more than a screenful.
fn people_list(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, shown: &[usize], height: f32) {
    let document = cx.document;
    let total = document.people.len();
    ui.label(egui::RichText::new(trf(cx.language, Tr::NetShown, &[("shown", &shown.len()), ("total", &total)])).weak());
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical().id_salt("people_list").max_height(height).auto_shrink([false, true]).show_rows(
        ui,
        row_height,
        shown.len(),
        |ui, rows| {
            for &index in &shown[rows] {
                let contact = &document.people[index];
                let name = if contact.name.trim().is_empty() { cx.t(Tr::NetNewPerson) } else { contact.name.as_str() };
                let chosen = cx.state.person.as_deref() == Some(contact.id.as_str());
                let row = egui::Button::selectable(chosen, name)
                    .truncate()
                    .min_size(egui::vec2(ui.available_width(), row_height));
                if ui.add(row).on_hover_text(cx.t(network_name(contact.network))).clicked() {
                    cx.state.person = Some(contact.id.clone());
                }
            }
        },
    );
}

fn editor_column(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    let Some(contact) = cx.state.person.as_deref().and_then(|id| document.contact(id)) else { return };
    egui::ScrollArea::vertical().id_salt("person_editor").auto_shrink([false; 2]).show(ui, |ui| {
        person_editor(ui, cx, contact);
    });
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
            if let Some(contact) = document.contact_mut(&id) {
                *field(contact) = text;
            }
        },
    );
}

fn edit_contact(out: &mut Vec<Command>, id: &str, change: impl FnOnce(&mut Contact) + 'static) {
    let id = id.to_owned();
    out.push(Command::Edit(DocEdit::step(move |document| {
        if let Some(contact) = document.contact_mut(&id) {
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
    contact_field(ui, cx.out, contact, cx.t(Tr::NetWebsite), |c| &mut c.website);
    let tags = contact.tags.join(", ");
    let id = contact.id.clone();
    TextField::new(&tags, EditKey::of(("contact.tags", &contact.id))).label(cx.t(Tr::NetTags)).show(
        ui,
        cx.out,
        move |document, text| {
            if let Some(contact) = document.contact_mut(&id) {
                contact.tags = text.split(',').map(|tag| tag.trim().to_owned()).filter(|tag| !tag.is_empty()).collect();
            }
        },
    );
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
    introduced_by(ui, cx, contact);
    keep_in_touch(ui, cx, contact);
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
            if let Some(contact) = document.contact_mut(&id) {
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
    let gave_label = ui.label(cx.t(Tr::NetGave)).id;
    ui.add(egui::TextEdit::singleline(&mut cx.state.gave).desired_width(f32::INFINITY)).labelled_by(gave_label);
    let got_label = ui.label(cx.t(Tr::NetGot)).id;
    ui.add(egui::TextEdit::singleline(&mut cx.state.got).desired_width(f32::INFINITY)).labelled_by(got_label);
    let step_label = ui.label(cx.t(Tr::NetNextStep)).id;
    ui.add(egui::TextEdit::singleline(&mut cx.state.next_step).desired_width(f32::INFINITY)).labelled_by(step_label);
    let due_label = ui.label(cx.t(Tr::NetDue)).id;
    ui.add(egui::TextEdit::singleline(&mut cx.state.due).desired_width(160.0)).labelled_by(due_label);
    let due = cx.state.due.trim();
    let due: Result<Option<NaiveDate>, ()> =
        if due.is_empty() { Ok(None) } else { due.parse::<NaiveDate>().map(Some).map_err(|_| ()) };
    if due.is_err() {
        ui.label(egui::RichText::new(cx.t(Tr::NetDueInvalid)).color(theme::warn_color(ui)));
    }
    let has_text = !cx.state.said.trim().is_empty() || !cx.state.next_step.trim().is_empty();
    if ui.add_enabled(has_text && due.is_ok(), egui::Button::new(cx.t(Tr::NetLogToday))).clicked() {
        let due = due.ok().flatten();
        cx.state.due.clear();
        let encounter = Encounter {
            date: Some(cx.today),
            people: vec![contact.id.clone()],
            said: std::mem::take(&mut cx.state.said).trim().to_owned(),
            gave: std::mem::take(&mut cx.state.gave).trim().to_owned(),
            got: std::mem::take(&mut cx.state.got).trim().to_owned(),
            ..Encounter::default()
        };
        let step = std::mem::take(&mut cx.state.next_step);
        cx.out.push(Command::Edit(DocEdit::step(move |document| {
            capture::log_encounter(document, encounter, Some((&step, due)));
        })));
    }
    history(ui, cx, contact);
    ui.add_space(theme::SPACE_L);
    if ui.button(cx.t(Tr::NetRemovePerson)).clicked() {
        let id = contact.id.clone();
        cx.state.person = None;
        cx.out.push(Command::Edit(DocEdit::step(move |document| document.remove_contact(&id))));
    }
}

/// Who introduced this person: one of the others, or nobody (met on my own).
fn introduced_by(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, contact: &Contact) {
    let document = cx.document;
    let current = contact.introduced_by.as_deref().and_then(|id| document.contact(id));
    let shown = current.map_or(cx.t(Tr::NetMetMyself), |broker| broker.name.as_str());
    ui.horizontal(|ui| {
        let label = ui.label(cx.t(Tr::NetIntroducedBy));
        egui::ComboBox::from_id_salt("introduced_by")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), cx.t(Tr::NetMetMyself)).clicked() {
                    edit_contact(cx.out, &contact.id, |contact| contact.introduced_by = None);
                }
                for other in document.people.iter().filter(|other| other.id != contact.id) {
                    let chosen = contact.introduced_by.as_deref() == Some(other.id.as_str());
                    if ui.selectable_label(chosen, &other.name).clicked() && !chosen {
                        let broker = other.id.clone();
                        edit_contact(cx.out, &contact.id, move |contact| contact.introduced_by = Some(broker));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The keep-in-touch interval: the network's default until the person changes it.
fn keep_in_touch(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, contact: &Contact) {
    let interval = contact.keep_in_touch();
    let (mut ideal, mut too_long) = (interval.ideal_days, interval.too_long_days);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(cx.t(Tr::NetIdealDays));
        let ideal_changed = ui.add(egui::DragValue::new(&mut ideal).range(1..=730)).labelled_by(label.id).changed();
        let label = ui.label(cx.t(Tr::NetTooLongDays));
        let long_changed = ui.add(egui::DragValue::new(&mut too_long).range(1..=1460)).labelled_by(label.id).changed();
        if ideal_changed || long_changed {
            // "Too long" never comes before "ideal".
            let too_long = too_long.max(ideal);
            let key = EditKey::of(("contact.keep_in_touch", &contact.id));
            let id = contact.id.clone();
            cx.out.push(Command::Edit(DocEdit::typing(key, move |document| {
                if let Some(contact) = document.contact_mut(&id) {
                    contact.keep_in_touch =
                        Some(crate::model::KeepInTouch { ideal_days: ideal, too_long_days: too_long });
                }
            })));
        }
    });
}

/// The conversations with this person, newest first.
fn history(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, contact: &Contact) {
    let document = cx.document;
    let mut met: Vec<&Encounter> =
        document.encounters.iter().filter(|encounter| encounter.people.contains(&contact.id)).collect();
    if met.is_empty() {
        return;
    }
    met.sort_by_key(|encounter| std::cmp::Reverse(encounter.date));
    heading(ui, cx.t(Tr::NetHistory));
    for encounter in met {
        ui.horizontal_wrapped(|ui| {
            let day = encounter.date.map_or_else(|| cx.t(Tr::NetNoDate).to_owned(), |day| day.to_string());
            ui.label(egui::RichText::new(day).weak());
            if let Some(event) = encounter.event.as_deref().and_then(|id| document.event(id)) {
                ui.label(egui::RichText::new(&event.name).strong());
            }
            ui.label(&encounter.said);
            for extra in [&encounter.gave, &encounter.got].into_iter().filter(|text| !text.trim().is_empty()) {
                ui.label(egui::RichText::new(format!("· {extra}")).weak());
            }
        });
    }
}

fn events(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    if cx.state.event.as_deref().is_none_or(|id| document.event(id).is_none()) {
        cx.state.event = network::next_event(document, cx.today).map(|event| event.id.clone());
    }
    // Upcoming first (soonest first), then past (latest first).
    let (mut upcoming, mut past): (Vec<&Event>, Vec<&Event>) =
        document.events.iter().partition(|event| event.starts.is_none_or(|at| at.date() >= cx.today));
    upcoming.sort_by_key(|event| event.starts);
    past.sort_by_key(|event| std::cmp::Reverse(event.starts));
    for (group, list) in [(Tr::NetUpcoming, &upcoming), (Tr::NetPast, &past)] {
        if list.is_empty() {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(cx.t(group)).strong());
            for event in list.iter() {
                let mut label =
                    if event.name.trim().is_empty() { cx.t(Tr::NetNewEvent).to_owned() } else { event.name.clone() };
                if let Some(starts) = event.starts {
                    label = format!("{label} · {}", starts.date());
                }
                if ui.selectable_label(cx.state.event.as_deref() == Some(event.id.as_str()), label).clicked() {
                    cx.state.event = Some(event.id.clone());
                }
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.t(Tr::NetAddEvent)).clicked() {
            let id = next_id("event", document.events.iter().map(|event| event.id.as_str()));
            cx.state.event = Some(id.clone());
            let starts = cx.today.and_hms_opt(18, 0, 0);
            let time_zone = iana_time_zone::get_timezone().unwrap_or_default();
            cx.out.push(Command::Edit(DocEdit::step(move |document| {
                document.events.push(Event { id, starts, time_zone, ..Event::default() });
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
        if let Some(event) = document.event_mut(&id) {
            change(event);
        }
    })));
}

fn event_editor(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, event: &Event) {
    let document = cx.document;
    if ui.button(cx.t(Tr::NetOpenBrief)).clicked() {
        cx.out.push(Command::OpenBrief(event.id.clone()));
    }
    let id = event.id.clone();
    TextField::new(&event.name, EditKey::of(("event.name", &event.id))).label(cx.t(Tr::NetEventName)).show(
        ui,
        cx.out,
        move |document, text| {
            if let Some(event) = document.event_mut(&id) {
                event.name = text;
            }
        },
    );
    let id = event.id.clone();
    TextField::new(&event.place, EditKey::of(("event.place", &event.id))).label(cx.t(Tr::NetPlace)).show(
        ui,
        cx.out,
        move |document, text| {
            if let Some(event) = document.event_mut(&id) {
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
    let id = event.id.clone();
    TextField::new(&event.time_zone, EditKey::of(("event.time_zone", &event.id))).label(cx.t(Tr::NetTimeZone)).show(
        ui,
        cx.out,
        move |document, text| {
            if let Some(event) = document.event_mut(&id) {
                event.time_zone = text.trim().to_owned();
            }
        },
    );
    let zone = event.time_zone.trim();
    if !zone.is_empty() && zone.parse::<chrono_tz::Tz>().is_err() {
        ui.label(
            egui::RichText::new(trf(cx.language, Tr::NetTimeZoneUnknown, &[("zone", &zone)]))
                .color(theme::warn_color(ui)),
        );
    }
    let goals = event.goals.join("\n");
    let id = event.id.clone();
    TextField::new(&goals, EditKey::of(("event.goals", &event.id))).label(cx.t(Tr::NetEventGoals)).multiline(3).show(
        ui,
        cx.out,
        move |document, text| {
            if let Some(event) = document.event_mut(&id) {
                event.goals = text.lines().map(str::to_owned).collect();
            }
        },
    );

    attendees(ui, cx, event);
    to_meet(ui, cx, event);

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
    ui.add_space(theme::SPACE_L);
    if ui.button(cx.t(Tr::NetDeleteEvent)).clicked() {
        let id = event.id.clone();
        cx.state.event = None;
        cx.out.push(Command::Edit(DocEdit::step(move |document| document.remove_event(&id))));
    }
}

fn change_event(out: &mut Vec<Command>, id: &str, change: impl FnOnce(&mut Event) + 'static) {
    let id = id.to_owned();
    out.push(Command::Edit(DocEdit::step(move |document| {
        if let Some(event) = document.event_mut(&id) {
            change(event);
        }
    })));
}

/// Who will be there: known people and people to find out about.
fn attendees(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, event: &Event) {
    let document = cx.document;
    let title = heading(ui, cx.t(Tr::NetAttendees));
    for (index, attendee) in event.attendees.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let name = document.attendee_name(attendee);
            match attendee {
                Attendee::Contact(_) => ui.label(name),
                Attendee::ToFindOut(_) => {
                    ui.label(egui::RichText::new(format!("{name} ({})", cx.t(Tr::BriefToFindOut))).italics())
                }
            };
            if ui.small_button(cx.t(Tr::NetRemove)).clicked() {
                change_event(cx.out, &event.id, move |event| {
                    if index < event.attendees.len() {
                        event.attendees.remove(index);
                    }
                });
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_id_salt("event_attendee")
            .selected_text(cx.t(Tr::NetChoosePerson))
            .show_ui(ui, |ui| {
                for contact in &document.people {
                    let here = event.attendees.contains(&Attendee::Contact(contact.id.clone()));
                    if ui.add_enabled(!here, egui::Button::selectable(false, &contact.name)).clicked() {
                        let who = Attendee::Contact(contact.id.clone());
                        change_event(cx.out, &event.id, move |event| event.attendees.push(who));
                    }
                }
            })
            .response
            .labelled_by(title);
        let hint = cx.t(Tr::NetToFindOutHint);
        ui.add(egui::TextEdit::singleline(&mut cx.state.to_find_out).hint_text(hint).desired_width(320.0))
            .on_hover_text(hint);
        let description = cx.state.to_find_out.trim().to_owned();
        if ui.add_enabled(!description.is_empty(), egui::Button::new(cx.t(Tr::NetAddAttendee))).clicked() {
            cx.state.to_find_out.clear();
            change_event(cx.out, &event.id, move |event| event.attendees.push(Attendee::ToFindOut(description)));
        }
    });
}

/// The people to meet, each with an objective, questions and the pitch to use.
fn to_meet(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, event: &Event) {
    let document = cx.document;
    heading(ui, cx.t(Tr::NetToMeet));
    ui.label(egui::RichText::new(cx.t(Tr::NetToMeetHint)).weak());
    for (index, meeting) in event.to_meet.iter().enumerate() {
        egui::Frame::group(ui.style()).corner_radius(theme::RADIUS).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(cx.t(Tr::NetWho));
                let shown = meeting
                    .who
                    .as_ref()
                    .map_or_else(|| cx.t(Tr::NetChoosePerson).to_owned(), |who| document.attendee_name(who));
                egui::ComboBox::from_id_salt(("meeting_who", index))
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        let choices = event
                            .attendees
                            .iter()
                            .cloned()
                            .chain(document.people.iter().map(|contact| Attendee::Contact(contact.id.clone())));
                        let mut seen = Vec::new();
                        for who in choices {
                            if seen.contains(&who) {
                                continue;
                            }
                            seen.push(who.clone());
                            let chosen = meeting.who.as_ref() == Some(&who);
                            if ui.selectable_label(chosen, document.attendee_name(&who)).clicked() && !chosen {
                                change_event(cx.out, &event.id, move |event| {
                                    if let Some(meeting) = event.to_meet.get_mut(index) {
                                        meeting.who = Some(who);
                                    }
                                });
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if ui.small_button(cx.t(Tr::NetRemove)).clicked() {
                    change_event(cx.out, &event.id, move |event| {
                        if index < event.to_meet.len() {
                            event.to_meet.remove(index);
                        }
                    });
                }
            });
            let id = event.id.clone();
            TextField::new(&meeting.objective, EditKey::of(("meeting.objective", &event.id, index)))
                .label(cx.t(Tr::NetObjective))
                .show(ui, cx.out, move |document, text| {
                    if let Some(meeting) = meeting_mut(document, &id, index) {
                        meeting.objective = text;
                    }
                });
            let questions = meeting.questions.join("\n");
            let id = event.id.clone();
            TextField::new(&questions, EditKey::of(("meeting.questions", &event.id, index)))
                .label(cx.t(Tr::NetQuestions))
                .multiline(2)
                .show(ui, cx.out, move |document, text| {
                    if let Some(meeting) = meeting_mut(document, &id, index) {
                        meeting.questions = text.lines().map(str::to_owned).collect();
                    }
                });
            pitch_choice(ui, cx, event, index, meeting);
        });
    }
    if ui.button(cx.t(Tr::NetAddToMeet)).clicked() {
        change_event(cx.out, &event.id, |event| event.to_meet.push(Meeting::default()));
    }
}

fn meeting_mut<'a>(document: &'a mut BrandDocument, event: &str, index: usize) -> Option<&'a mut Meeting> {
    document.event_mut(event)?.to_meet.get_mut(index)
}

/// The pitch for one person to meet, each pitch named with the audience it was written for.
fn pitch_choice(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>, event: &Event, index: usize, meeting: &Meeting) {
    let document = cx.document;
    let name = |pitch: &crate::model::Pitch| match document.audience(&pitch.audience) {
        Some(audience) if !audience.name.trim().is_empty() => format!("{} ({})", pitch.title, audience.name),
        _ => pitch.title.clone(),
    };
    let current = meeting.pitch.as_deref().and_then(|id| document.pitch(id));
    ui.horizontal(|ui| {
        let label = ui.label(cx.t(Tr::NetPitchToUse));
        egui::ComboBox::from_id_salt(("meeting_pitch", index))
            .selected_text(current.map_or_else(|| cx.t(Tr::NetNoPitch).to_owned(), name))
            .show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), cx.t(Tr::NetNoPitch)).clicked() {
                    change_event(cx.out, &event.id, move |event| {
                        if let Some(meeting) = event.to_meet.get_mut(index) {
                            meeting.pitch = None;
                        }
                    });
                }
                for pitch in &document.pitches {
                    let chosen = meeting.pitch.as_deref() == Some(pitch.id.as_str());
                    if ui.selectable_label(chosen, name(pitch)).clicked() && !chosen {
                        let id = pitch.id.clone();
                        change_event(cx.out, &event.id, move |event| {
                            if let Some(meeting) = event.to_meet.get_mut(index) {
                                meeting.pitch = Some(id);
                            }
                        });
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}
