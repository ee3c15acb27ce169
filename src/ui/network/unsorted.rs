//! After LinkedIn's connections came in: the people not in a network yet, to sort in bulk.
//! LinkedIn cannot tell a colleague from a mentor, so the person ticks those who belong
//! together and puts them in the operational, personal or strategic network at once (one
//! undo step). Until then they are nobody's keep-in-touch reminder.

use std::collections::BTreeSet;

use crate::command::{Command, DocEdit};
use crate::i18n::{Tr, fill};
use crate::model::Network;
use crate::ui::names::network_name;
use crate::ui::theme;

use super::NetworkContext;

/// How many of the unsorted are listed at most (the rest after these are sorted).
const LISTED: usize = 200;

/// The review, above the people list, while anyone is unsorted.
pub(super) fn review(ui: &mut egui::Ui, cx: &mut NetworkContext<'_>) {
    let document = cx.document;
    let unsorted: Vec<_> = document.people.iter().filter(|contact| contact.unsorted).collect();
    // Ticks of people sorted meanwhile (or removed) go.
    cx.state.to_sort.retain(|id| unsorted.iter().any(|contact| &contact.id == id));
    if unsorted.is_empty() {
        return;
    }
    let title = fill(cx.t(Tr::NetUnsortedTitle), &[("count", &unsorted.len())]);
    egui::CollapsingHeader::new(egui::RichText::new(title).strong())
        .id_salt("network_unsorted")
        .default_open(true)
        .show(ui, |ui| {
            ui.add(egui::Label::new(cx.t(Tr::NetUnsortedExplain)).wrap());
            let all = unsorted.iter().take(LISTED).all(|contact| cx.state.to_sort.contains(&contact.id));
            let mut tick_all = all;
            if ui.checkbox(&mut tick_all, cx.t(Tr::NetUnsortedAll)).changed() {
                if tick_all {
                    cx.state.to_sort.extend(unsorted.iter().take(LISTED).map(|contact| contact.id.clone()));
                } else {
                    cx.state.to_sort.clear();
                }
            }
            egui::ScrollArea::vertical().id_salt("network_unsorted_list").max_height(180.0).show(ui, |ui| {
                for contact in unsorted.iter().take(LISTED) {
                    let mut ticked = cx.state.to_sort.contains(&contact.id);
                    let about = [contact.role.as_str(), contact.organisation.as_str()]
                        .into_iter()
                        .filter(|part| !part.trim().is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                    let text =
                        if about.is_empty() { contact.name.clone() } else { format!("{} — {about}", contact.name) };
                    if ui.checkbox(&mut ticked, text).changed() {
                        if ticked {
                            cx.state.to_sort.insert(contact.id.clone());
                        } else {
                            cx.state.to_sort.remove(&contact.id);
                        }
                    }
                }
            });
            ui.add_space(theme::SPACE_S);
            let chosen = cx.state.to_sort.len();
            ui.horizontal_wrapped(|ui| {
                let put = if chosen == 0 {
                    cx.t(Tr::NetUnsortedPutNone).to_owned()
                } else {
                    fill(cx.t(Tr::NetUnsortedPut), &[("count", &chosen)])
                };
                ui.label(put);
                for network in Network::ALL {
                    let name = cx.t(network_name(network));
                    let button = ui.add_enabled(chosen > 0, egui::Button::new(name));
                    let spoken = fill(cx.t(Tr::NetUnsortedPutIn), &[("network", &name)]);
                    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, chosen > 0, &spoken));
                    if button.clicked() {
                        let ids: BTreeSet<String> = std::mem::take(&mut cx.state.to_sort);
                        cx.out.push(Command::Edit(DocEdit::step(move |document| {
                            for contact in document.people.iter_mut().filter(|contact| ids.contains(&contact.id)) {
                                contact.network = network;
                                contact.unsorted = false;
                            }
                        })));
                    }
                }
            });
        });
    ui.separator();
}
