//! The Network page: today's follow-ups and who is due for contact, the balance of the
//! network, the people (with a conversation log) and the events (with the quick capture
//! after one).

use chrono::NaiveDate;

use crate::command::Command;
use crate::i18n::{Tr, tr};
use crate::logic::network;
use crate::model::{BrandDocument, Language};
use crate::ui::theme;

mod events;
mod people;
mod today;
mod unsorted;

use events::events;
use people::people;
use today::today;

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
    /// The people not in a network yet who are ticked to be sorted together.
    to_sort: std::collections::BTreeSet<String>,
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
    /// The hour of the morning digest, when it is set up for this document.
    pub morning: Option<u8>,
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
    crate::ui::widgets::heading_role(ui, id, text.to_owned(), 3);
    ui.add_space(theme::SPACE_S);
    id
}
