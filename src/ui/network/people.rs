//! The Network page's people: a searchable list, and the editor of one person with their
//! conversation history.

use chrono::NaiveDate;

use crate::command::{Command, DocEdit, NetworkFile};
use crate::i18n::{Tr, tr, trf};
use crate::logic::capture;
use crate::logic::network;
use crate::logic::undo::EditKey;
use crate::model::{Contact, Encounter, Network, next_id};
use crate::ui::names::network_name;
use crate::ui::theme;
use crate::ui::widgets::TextField;

use super::{NetworkContext, heading};

pub(super) fn people(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
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
    super::unsorted::review(ui, cx);
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
        let combo = egui::ComboBox::from_id_salt("people_network")
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
        crate::ui::widgets::name_combo(ui, combo.id, cx.t(Tr::NetNetwork), shown);
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
                let network = contact.sorted_network().map_or(Tr::NetUnsorted, network_name);
                if ui.add(row).on_hover_text(cx.t(network)).clicked() {
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
        let chosen = contact.sorted_network();
        for network in Network::ALL {
            if ui.radio(chosen == Some(network), cx.t(network_name(network))).clicked() && chosen != Some(network) {
                edit_contact(cx.out, &contact.id, move |contact| {
                    contact.network = network;
                    contact.unsorted = false;
                });
            }
        }
    });
    if contact.unsorted {
        ui.label(egui::RichText::new(cx.t(Tr::NetUnsortedHint)).weak());
    }
    let mut internal = contact.internal;
    if ui.checkbox(&mut internal, cx.t(Tr::NetInternal)).changed() {
        edit_contact(cx.out, &contact.id, move |contact| contact.internal = internal);
    }
    introduced_by(ui, cx, contact);
    keep_in_touch(ui, cx, contact);
    let goals: Vec<_> = document.goals.iter().filter(|goal| !goal.statement.trim().is_empty()).collect();
    if !goals.is_empty() {
        ui.add_space(theme::SPACE_S);
        let question =
            if contact.sorted_network() == Some(Network::Strategic) { Tr::NetWhichGoal } else { Tr::NetGoals };
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
        let combo = egui::ComboBox::from_id_salt("introduced_by")
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
        crate::ui::widgets::name_combo(ui, combo.id, cx.t(Tr::NetIntroducedBy), shown);
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
