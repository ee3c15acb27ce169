//! The network as it stands on a given day: who is due for contact, which follow-ups are
//! late, which event comes next, and how the network is balanced over three lenses.
//!
//! Every function takes `today`; none reads the clock.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::{BrandDocument, Contact, Event, FollowUp, Network};

/// How long ago I was last in touch with someone, against their keep-in-touch interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Touch {
    /// Within the ideal interval.
    Fine,
    /// Past the ideal interval: time to get in touch (amber).
    Due,
    /// Past the "too long" interval (red).
    TooLong,
    /// No encounter logged yet.
    Never,
}

/// One contact's keep-in-touch state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TouchState<'a> {
    /// The contact.
    pub contact: &'a Contact,
    /// The last day we met, if ever.
    pub last: Option<NaiveDate>,
    /// Days since then (0 when never).
    pub days: i64,
    /// Fine, due or too long.
    pub touch: Touch,
}

/// The last day an encounter with this contact was logged (a future date counts as
/// planned, not as contact).
pub fn last_contact(document: &BrandDocument, contact_id: &str, today: NaiveDate) -> Option<NaiveDate> {
    document
        .encounters
        .iter()
        .filter(|encounter| encounter.people.iter().any(|id| id == contact_id))
        .filter_map(|encounter| encounter.date)
        .filter(|date| *date <= today)
        .max()
}

/// The keep-in-touch state of one contact: logging an encounter restarts the clock.
pub fn touch_state<'a>(document: &BrandDocument, contact: &'a Contact, today: NaiveDate) -> TouchState<'a> {
    let last = last_contact(document, &contact.id, today);
    let interval = contact.keep_in_touch();
    let (days, touch) = match last {
        None => (0, Touch::Never),
        Some(day) => {
            let days = (today - day).num_days();
            let touch = if days > i64::from(interval.too_long_days) {
                Touch::TooLong
            } else if days > i64::from(interval.ideal_days) {
                Touch::Due
            } else {
                Touch::Fine
            };
            (days, touch)
        }
    };
    TouchState { contact, last, days, touch }
}

/// Everyone past their ideal interval, the longest overdue first.
pub fn due_for_contact<'a>(document: &'a BrandDocument, today: NaiveDate) -> Vec<TouchState<'a>> {
    let mut due: Vec<TouchState<'a>> = document
        .people
        .iter()
        // Nobody is due before the person sorted them into a network.
        .filter(|contact| !contact.unsorted)
        .map(|contact| touch_state(document, contact, today))
        .filter(|state| matches!(state.touch, Touch::Due | Touch::TooLong))
        .collect();
    due.sort_by(|a, b| b.touch.cmp(&a.touch).then(b.days.cmp(&a.days)).then(a.contact.name.cmp(&b.contact.name)));
    due
}

/// Open follow-ups by when they are due.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda<'a> {
    /// Due before today, the oldest first.
    pub overdue: Vec<&'a FollowUp>,
    /// Due today or in the six days after.
    pub this_week: Vec<&'a FollowUp>,
    /// Due later, or without a day.
    pub later: Vec<&'a FollowUp>,
}

impl<'a> Agenda<'a> {
    /// Every open follow-up, overdue first, then by due day.
    pub fn all(&self) -> impl Iterator<Item = &'a FollowUp> + '_ {
        self.overdue.iter().chain(&self.this_week).chain(&self.later).copied()
    }
}

/// Whether a follow-up is past its due day and not done.
pub fn is_overdue(follow_up: &FollowUp, today: NaiveDate) -> bool {
    !follow_up.done && follow_up.due.is_some_and(|due| due < today)
}

/// The open follow-ups, sorted into overdue, this week and later.
pub fn agenda(document: &BrandDocument, today: NaiveDate) -> Agenda<'_> {
    let mut open: Vec<&FollowUp> = document.follow_ups.iter().filter(|follow_up| !follow_up.done).collect();
    // Undated ones last; the stable sort keeps the file's order among equals.
    open.sort_by_key(|follow_up| (follow_up.due.is_none(), follow_up.due));
    let week_end = today + chrono::Days::new(6);
    let mut agenda = Agenda::default();
    for follow_up in open {
        match follow_up.due {
            Some(due) if due < today => agenda.overdue.push(follow_up),
            Some(due) if due <= week_end => agenda.this_week.push(follow_up),
            _ => agenda.later.push(follow_up),
        }
    }
    agenda
}

/// The next event from today (one that starts today counts), else the latest one.
pub fn next_event(document: &BrandDocument, today: NaiveDate) -> Option<&Event> {
    let dated = || document.events.iter().filter_map(|event| Some((event.starts?.date(), event)));
    dated()
        .filter(|(day, _)| *day >= today)
        .min_by_key(|(day, _)| *day)
        .or_else(|| dated().max_by_key(|(day, _)| *day))
        .map(|(_, event)| event)
        .or_else(|| document.events.last())
}

/// Which people a list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PeopleFilter {
    /// Words that must all appear in the name, organisation, role or tags (case and
    /// accents ignored).
    pub search: String,
    /// Only this network.
    pub network: Option<Network>,
    /// Only people past their ideal keep-in-touch interval.
    pub due_only: bool,
}

/// The people prepared for searching: each one's sort key and the folded words a search
/// looks in, made once while the people stay the same (folding thousands of names for
/// every letter typed cost more than a frame).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeopleIndex {
    /// Per person, in document order: the dictionary sort key and the searchable text.
    keys: Vec<(String, String)>,
}

impl PeopleIndex {
    /// The index of the document's people.
    pub fn new(document: &BrandDocument) -> Self {
        use crate::i18n::collate::sort_key;
        let keys = document
            .people
            .iter()
            .map(|contact| {
                let haystack = super::capture::name_key(&format!(
                    "{} {} {} {}",
                    contact.name,
                    contact.organisation,
                    contact.role,
                    contact.tags.join(" ")
                ));
                (sort_key(&contact.name, document.language), haystack)
            })
            .collect();
        Self { keys }
    }

    /// The people `filter` lets through, as indices into `document.people` (which must be
    /// the people this index was made of), sorted by name as the language's dictionary does.
    /// One pass over the encounters, whatever the number of people.
    pub fn find(&self, document: &BrandDocument, filter: &PeopleFilter, today: NaiveDate) -> Vec<usize> {
        let words: Vec<String> =
            super::capture::name_key(&filter.search).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
        let mut last: std::collections::HashMap<&str, NaiveDate> = std::collections::HashMap::new();
        if filter.due_only {
            for encounter in &document.encounters {
                let Some(day) = encounter.date.filter(|day| *day <= today) else { continue };
                for id in &encounter.people {
                    let entry = last.entry(id.as_str()).or_insert(day);
                    *entry = (*entry).max(day);
                }
            }
        }
        let mut found: Vec<(&str, usize)> = document
            .people
            .iter()
            .zip(&self.keys)
            .enumerate()
            .filter(|(_, (contact, _))| filter.network.is_none_or(|network| contact.sorted_network() == Some(network)))
            .filter(|(_, (contact, _))| {
                !filter.due_only
                    || !contact.unsorted
                        && last.get(contact.id.as_str()).is_some_and(|day| {
                            (today - *day).num_days() > i64::from(contact.keep_in_touch().ideal_days)
                        })
            })
            .filter(|(_, (_, (_, haystack)))| words.iter().all(|word| haystack.contains(word.as_str())))
            .map(|(index, (_, (sort_key, _)))| (sort_key.as_str(), index))
            .collect();
        found.sort();
        found.into_iter().map(|(_, index)| index).collect()
    }
}

/// The people `filter` lets through (see [`PeopleIndex::find`]), for a single search.
pub fn find_people(document: &BrandDocument, filter: &PeopleFilter, today: NaiveDate) -> Vec<usize> {
    PeopleIndex::new(document).find(document, filter, today)
}

/// How many days back the balance looks.
pub const BALANCE_DAYS: u64 = 90;

/// The network through Ibarra and Hunter's three lenses, for reflection rather than a score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    /// People brought in but not yet in a network (counted inside or outside the
    /// organisation, in none of the networks).
    pub unsorted: usize,
    /// People per network.
    pub people: BTreeMap<Network, usize>,
    /// Encounters of the last 90 days per network (an encounter with people of two
    /// networks counts for each).
    pub encounters: BTreeMap<Network, usize>,
    /// People inside my organisation, and outside it.
    pub internal: usize,
    /// People outside my organisation.
    pub external: usize,
    /// Encounters of the last 90 days.
    pub recent_encounters: usize,
    /// Of those, encounters with someone inside my organisation, and with someone outside
    /// it (one with both counts for each).
    pub encounters_internal: usize,
    /// Encounters of the last 90 days with someone outside my organisation.
    pub encounters_external: usize,
    /// Goals (by id) that no strategic contact serves.
    pub goals_without_strategic_contact: Vec<String>,
    /// People I met on my own, and through an introduction.
    pub self_made: usize,
    /// People someone introduced me to.
    pub introduced: usize,
    /// Who introduced me most (contact id, how many), most first; at most three.
    pub brokers: Vec<(String, usize)>,
    /// Most encounters of the last 90 days were operational: the trap the article warns of.
    pub mostly_operational: bool,
}

impl Balance {
    /// The share of people met on my own, 0 to 100, when anyone is in the network.
    pub fn self_made_percent(&self) -> Option<u32> {
        let total = self.self_made + self.introduced;
        (total > 0).then(|| ((self.self_made * 100 + total / 2) / total) as u32)
    }
}

/// The balance of the network on `today`.
pub fn balance(document: &BrandDocument, today: NaiveDate) -> Balance {
    let mut balance = Balance::default();
    for contact in &document.people {
        match contact.sorted_network() {
            Some(network) => *balance.people.entry(network).or_default() += 1,
            None => balance.unsorted += 1,
        }
        if contact.internal {
            balance.internal += 1;
        } else {
            balance.external += 1;
        }
    }

    let since = today - chrono::Days::new(BALANCE_DAYS);
    for encounter in &document.encounters {
        let Some(day) = encounter.date else { continue };
        if day < since || day > today {
            continue;
        }
        balance.recent_encounters += 1;
        let met: Vec<&Contact> = encounter.people.iter().filter_map(|id| document.contact(id)).collect();
        balance.encounters_internal += usize::from(met.iter().any(|contact| contact.internal));
        balance.encounters_external += usize::from(met.iter().any(|contact| !contact.internal));
        let mut networks: Vec<Network> = met.iter().filter_map(|contact| contact.sorted_network()).collect();
        networks.sort();
        networks.dedup();
        for network in networks {
            *balance.encounters.entry(network).or_default() += 1;
        }
    }
    let operational = balance.encounters.get(&Network::Operational).copied().unwrap_or(0);
    balance.mostly_operational = balance.recent_encounters > 0 && operational * 2 > balance.recent_encounters;

    balance.goals_without_strategic_contact = document
        .goals
        .iter()
        .filter(|goal| !goal.statement.trim().is_empty())
        .filter(|goal| {
            !document
                .people
                .iter()
                .any(|contact| contact.sorted_network() == Some(Network::Strategic) && contact.goals.contains(&goal.id))
        })
        .map(|goal| goal.id.clone())
        .collect();

    let mut brokers: BTreeMap<&str, usize> = BTreeMap::new();
    for contact in &document.people {
        match contact.introduced_by.as_deref().filter(|id| !id.trim().is_empty()) {
            Some(broker) => {
                balance.introduced += 1;
                *brokers.entry(broker).or_default() += 1;
            }
            None => balance.self_made += 1,
        }
    }
    let mut brokers: Vec<(String, usize)> = brokers.into_iter().map(|(id, n)| (id.to_owned(), n)).collect();
    brokers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    brokers.truncate(3);
    balance.brokers = brokers;
    balance
}

/// Moves every encounter, follow-up and event by `days` (negative: earlier). Dates that
/// would leave the calendar's range stay where they were.
pub fn shift_dates(document: &mut BrandDocument, days: i64) {
    let delta = chrono::TimeDelta::days(days);
    let shift_day = |day: &mut Option<NaiveDate>| {
        if let Some(moved) = day.and_then(|d| d.checked_add_signed(delta)) {
            *day = Some(moved);
        }
    };
    for encounter in &mut document.encounters {
        shift_day(&mut encounter.date);
    }
    for follow_up in &mut document.follow_ups {
        shift_day(&mut follow_up.due);
    }
    for event in &mut document.events {
        if let Some(moved) = event.starts.and_then(|at| at.checked_add_signed(delta)) {
            event.starts = Some(moved);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Encounter, Goal, KeepInTouch};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn contact(id: &str, network: Network) -> Contact {
        Contact { id: id.into(), name: id.into(), network, ..Contact::default() }
    }

    fn met(id: &str, on: &str, people: &[&str]) -> Encounter {
        Encounter {
            id: id.into(),
            date: Some(day(on)),
            people: people.iter().map(|p| p.to_string()).collect(),
            ..Encounter::default()
        }
    }

    #[test]
    fn logging_an_encounter_restarts_the_clock() {
        let mut document = BrandDocument::default();
        document.people.push(Contact {
            keep_in_touch: Some(KeepInTouch { ideal_days: 10, too_long_days: 20 }),
            ..contact("anouk", Network::Strategic)
        });
        let today = day("2026-12-01");
        let state = |document: &BrandDocument| touch_state(document, &document.people[0], today).touch;
        assert_eq!(state(&document), Touch::Never);
        document.encounters.push(met("e1", "2026-11-01", &["anouk"]));
        assert_eq!(state(&document), Touch::TooLong, "30 days > 20");
        document.encounters.push(met("e2", "2026-11-16", &["anouk"]));
        assert_eq!(state(&document), Touch::Due, "15 days: past 10, within 20");
        document.encounters.push(met("e3", "2026-11-30", &["anouk"]));
        assert_eq!(state(&document), Touch::Fine);
        // A meeting planned for later is no contact yet.
        document.encounters = vec![met("e4", "2026-12-05", &["anouk"])];
        assert_eq!(state(&document), Touch::Never);
    }

    #[test]
    fn the_due_list_puts_the_longest_overdue_first() {
        let mut document = BrandDocument::default();
        for id in ["a", "b", "c"] {
            document.people.push(contact(id, Network::Operational)); // 14 / 30 days
        }
        document.encounters.push(met("e1", "2026-11-10", &["a"])); // 21 days: due
        document.encounters.push(met("e2", "2026-10-01", &["b"])); // 61 days: too long
        document.encounters.push(met("e3", "2026-11-28", &["c"])); // 3 days: fine
        let due = due_for_contact(&document, day("2026-12-01"));
        let names: Vec<_> = due.iter().map(|state| (state.contact.id.as_str(), state.touch, state.days)).collect();
        assert_eq!(names, [("b", Touch::TooLong, 61), ("a", Touch::Due, 21)]);
    }

    #[test]
    fn the_agenda_sorts_open_follow_ups_into_overdue_this_week_and_later() {
        let mut document = BrandDocument::default();
        let follow = |id: &str, due: Option<&str>, done: bool| FollowUp {
            id: id.into(),
            text: id.into(),
            due: due.map(day),
            done,
            ..FollowUp::default()
        };
        document.follow_ups = vec![
            follow("later", Some("2026-12-20"), false),
            follow("undated", None, false),
            follow("week-end", Some("2026-12-07"), false),
            follow("today", Some("2026-12-01"), false),
            follow("late", Some("2026-11-20"), false),
            follow("later-late", Some("2026-11-29"), false),
            follow("done", Some("2026-11-01"), true),
        ];
        let today = day("2026-12-01");
        let agenda = agenda(&document, today);
        let ids = |list: &[&FollowUp]| list.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&agenda.overdue), ["late", "later-late"]);
        assert_eq!(ids(&agenda.this_week), ["today", "week-end"]);
        assert_eq!(ids(&agenda.later), ["later", "undated"]);
        assert_eq!(agenda.all().count(), 6, "done ones are left out");
        assert!(is_overdue(&document.follow_ups[4], today));
        assert!(!is_overdue(&document.follow_ups[6], today), "done is never overdue");
    }

    #[test]
    fn the_next_event_is_the_first_from_today_else_the_latest() {
        let mut document = BrandDocument::default();
        assert!(next_event(&document, day("2026-12-01")).is_none());
        let event = |id: &str, starts: &str| Event {
            id: id.into(),
            starts: Some(format!("{starts}T18:30:00").parse().unwrap()),
            ..Event::default()
        };
        document.events = vec![event("old", "2026-10-01"), event("far", "2027-03-01"), event("soon", "2026-12-01")];
        assert_eq!(next_event(&document, day("2026-12-01")).unwrap().id, "soon", "today counts");
        assert_eq!(next_event(&document, day("2026-12-02")).unwrap().id, "far");
        assert_eq!(next_event(&document, day("2027-04-01")).unwrap().id, "far", "else the latest");
    }

    #[test]
    fn balance_counts_networks_goals_brokers_and_the_operational_trap() {
        let document = BrandDocument {
            goals: vec![
                Goal { id: "goal-1".into(), statement: "Roll out block scheduling".into(), ..Goal::default() },
                Goal { id: "goal-2".into(), statement: "Become director".into(), ..Goal::default() },
            ],
            people: vec![
                Contact { internal: true, ..contact("ops1", Network::Operational) },
                Contact {
                    internal: true,
                    introduced_by: Some("mentor".into()),
                    ..contact("ops2", Network::Operational)
                },
                contact("mentor", Network::Personal),
                Contact {
                    goals: vec!["goal-2".into()],
                    introduced_by: Some("mentor".into()),
                    ..contact("board", Network::Strategic)
                },
                Contact { unsorted: true, ..contact("linkedin", Network::Operational) },
            ],
            encounters: vec![
                met("e1", "2026-11-20", &["ops1"]),
                met("e2", "2026-11-21", &["ops2", "ops1"]),
                met("e3", "2026-11-22", &["mentor"]),
                met("e4", "2026-06-01", &["board"]), // older than 90 days
            ],
            ..BrandDocument::default()
        };
        let balance = balance(&document, day("2026-12-01"));
        assert_eq!(balance.people[&Network::Operational], 2);
        assert_eq!(balance.people[&Network::Strategic], 1);
        assert_eq!((balance.internal, balance.external), (2, 3));
        assert_eq!(balance.unsorted, 1, "brought in, in no network yet: counted apart");
        assert_eq!(balance.recent_encounters, 3);
        assert_eq!((balance.encounters_internal, balance.encounters_external), (2, 1));
        assert_eq!(balance.encounters[&Network::Operational], 2);
        assert!(balance.mostly_operational, "2 of 3 encounters were operational");
        assert_eq!(balance.goals_without_strategic_contact, ["goal-1"]);
        assert_eq!((balance.self_made, balance.introduced), (3, 2));
        assert_eq!(balance.self_made_percent(), Some(60));
        assert_eq!(balance.brokers, [("mentor".to_owned(), 2)]);
    }

    #[test]
    fn the_sample_keeps_its_event_next_week_whenever_it_is_opened() {
        for today in ["2026-11-28", "2027-02-10", "2030-07-01"] {
            let today = day(today);
            let sample = crate::storage::sample_document_on(today).unwrap();
            let event = next_event(&sample, today).unwrap();
            let days_ahead = (event.starts.unwrap().date() - today).num_days();
            assert_eq!(days_ahead, 5, "{today}");
            assert_eq!(event.to_meet.len(), 3);
            let agenda = agenda(&sample, today);
            assert_eq!(agenda.overdue.len(), 1, "{today}: one follow-up is late");
            assert_eq!(agenda.this_week.len(), 1);
            assert_eq!(agenda.later.len(), 1);
            assert!(!due_for_contact(&sample, today).is_empty(), "someone is due for contact");
            let networks: std::collections::BTreeSet<_> = sample.people.iter().map(|c| c.network).collect();
            assert_eq!(networks.len(), 3, "people in all three networks");
        }
    }

    #[test]
    fn removing_a_goal_or_a_pitch_leaves_no_dangling_reference() {
        let mut sample = crate::storage::sample_document().unwrap();
        let index = sample.goals.iter().position(|goal| goal.id == "goal-2").unwrap();
        sample.remove_goal(index);
        crate::logic::pitches::delete(&mut sample, "peers-60");
        assert!(sample.people.iter().all(|contact| !contact.goals.contains(&"goal-2".to_owned())));
        assert_eq!(crate::logic::validate::problems(&sample), Vec::<String>::new());
    }

    #[test]
    fn people_are_found_by_words_network_and_who_is_due_in_dictionary_order() {
        let today = day("2026-11-28");
        let sample = crate::storage::sample_document_on(today).unwrap();
        let names = |filter: &PeopleFilter| -> Vec<String> {
            find_people(&sample, filter, today).into_iter().map(|i| sample.people[i].name.clone()).collect()
        };
        let all = names(&PeopleFilter::default());
        assert_eq!(all.len(), 6);
        assert_eq!(all[0], "Daan Visser", "sorted by name");
        assert_eq!(names(&PeopleFilter { search: "isala".into(), ..PeopleFilter::default() }), ["Pieter Bakker"]);
        assert_eq!(
            names(&PeopleFilter { search: "stads planning".into(), ..PeopleFilter::default() }),
            ["Fatima El Amrani"],
            "every word, in organisation and tags"
        );
        assert_eq!(names(&PeopleFilter { search: "ÉLLEN".into(), ..PeopleFilter::default() }), ["Ellen Mulder"]);
        let strategic = PeopleFilter { network: Some(Network::Strategic), ..PeopleFilter::default() };
        assert_eq!(names(&strategic), ["Marieke Jansen", "Pieter Bakker"]);
        let due = PeopleFilter { due_only: true, ..PeopleFilter::default() };
        assert_eq!(names(&due), ["Joris Kramer", "Pieter Bakker"]);
    }

    #[test]
    fn an_empty_network_has_a_quiet_balance() {
        let balance = balance(&BrandDocument::default(), day("2026-12-01"));
        assert_eq!(balance.recent_encounters, 0);
        assert!(!balance.mostly_operational);
        assert_eq!(balance.self_made_percent(), None);
    }
}
