//! The Network page's events: upcoming and past, each with its attendees, the people to
//! meet and the pitch for each, and the brief.

use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, trf};
use crate::logic::capture;
use crate::logic::network;
use crate::logic::undo::EditKey;
use crate::model::{Attendee, BrandDocument, Event, Meeting, next_id};
use crate::ui::theme;
use crate::ui::widgets::TextField;

use super::{NetworkContext, heading};

pub(super) fn events(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
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
    ui.horizontal_wrapped(|ui| {
        if ui.button(cx.t(Tr::NetOpenBrief)).clicked() {
            cx.out.push(Command::OpenBrief(event.id.clone()));
        }
        if ui.button(cx.t(Tr::PrintBrief)).clicked() {
            cx.out.push(Command::Print(crate::printing::Printable::Brief(event.id.clone())));
        }
    });
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
                Attendee::Contact(_) => ui.label(&name),
                Attendee::ToFindOut(_) => {
                    ui.label(egui::RichText::new(format!("{name} ({})", cx.t(Tr::BriefToFindOut))).italics())
                }
            };
            let remove = ui.small_button(cx.t(Tr::NetRemove));
            crate::ui::widgets::name_node(ui, remove.id, &format!("{}: {name}", cx.t(Tr::NetRemove)));
            if remove.clicked() {
                change_event(cx.out, &event.id, move |event| {
                    if index < event.attendees.len() {
                        event.attendees.remove(index);
                    }
                });
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        let add = egui::ComboBox::from_id_salt("event_attendee")
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
        crate::ui::widgets::name_combo(ui, add.id, cx.t(Tr::NetAttendees), cx.t(Tr::NetChoosePerson));
        let hint = cx.t(Tr::NetToFindOutHint);
        ui.add(egui::TextEdit::singleline(&mut cx.state.to_find_out).hint_text(hint).desired_width(320.0))
            .on_hover_text(hint);
        let description = cx.state.to_find_out.trim().to_owned();
        if ui.add_enabled(!description.is_empty(), egui::Button::new(cx.t(Tr::NetAddAttendee))).clicked() {
            cx.state.to_find_out.clear();
            change_event(cx.out, &event.id, move |event| event.attendees.push(Attendee::ToFindOut(description)));
        }
    });
    let import = ui.button(cx.t(Tr::NetImportAttendees)).on_hover_text(cx.t(Tr::NetImportAttendeesTip));
    if import.clicked() {
        cx.out.push(Command::NetworkFile(crate::command::NetworkFile::ImportAttendees));
    }
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
                let who_name = shown.clone();
                let combo = egui::ComboBox::from_id_salt(("meeting_who", index))
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
                // AccessKit has no value for a combo box: its name says what is chosen.
                crate::ui::widgets::name_node(ui, combo.id, &format!("{}: {who_name}", cx.t(Tr::NetWho)));
                let remove = ui.small_button(cx.t(Tr::NetRemove));
                crate::ui::widgets::name_node(ui, remove.id, &format!("{}: {who_name}", cx.t(Tr::NetRemove)));
                if remove.clicked() {
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
                        // Split on every line break, so that the Enter just pressed (an empty
                        // last line) is kept while typing; the brief leaves empty lines out.
                        meeting.questions =
                            text.split('\n').map(|line| line.trim_end_matches('\r').to_owned()).collect();
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
        let shown = current.map_or_else(|| cx.t(Tr::NetNoPitch).to_owned(), name);
        let combo = egui::ComboBox::from_id_salt(("meeting_pitch", index))
            .selected_text(shown.clone())
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
        crate::ui::widgets::name_combo(ui, combo.id, cx.t(Tr::NetPitchToUse), &shown);
    });
}
