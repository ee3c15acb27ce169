//! The event brief: one page with the event, what I want from it, the people to meet with
//! an objective and questions each, the pitch (in one line and in full) and my card's QR
//! code. The card's promise holds: one page always, first by smaller type, then by leaving
//! out what matters least, and saying so.

use chrono::{Datelike, NaiveDateTime, Timelike};
use typst::foundations::{Bytes, Dict, IntoValue, Value};
use typst_layout::PagedDocument;

use super::content::{CardPitch, card_pitch, chosen_pitch, vcard};
use super::typeset::{Raster, array, dict, entries, optional, raster_page, text};
use super::{CardError, qr};
use pitchcraft_core::i18n::{Tr, fill, tr};
use pitchcraft_core::model::{Attendee, BrandDocument, Event, Language, Paper, PitchForm};

const TEMPLATE: &str = include_str!("../assets/brief.typ");

static ENGINES: crate::fonts::Engines = crate::fonts::Engines::new(TEMPLATE);

/// Type sizes tried before anything is left out, largest first.
const SCALES: [f64; 4] = [1.0, 0.93, 0.86, 0.8];

/// The QR code's module on the brief, in millimetres (as on the page card).
const QR_MODULE_MM: f64 = 1.0;

/// What the brief leaves out, in this order, when smaller type is not enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BriefOmission {
    /// The pitch word for word (the one line stays).
    FullPitch,
    /// The others who will be there.
    Others,
    /// Questions after the second for each person.
    Questions,
    /// Goals after the third.
    Goals,
}

impl BriefOmission {
    /// Every omission, in the order they are made.
    pub const ALL: [BriefOmission; 4] =
        [BriefOmission::FullPitch, BriefOmission::Others, BriefOmission::Questions, BriefOmission::Goals];

    /// How the person is told.
    pub fn describe(self) -> Tr {
        match self {
            BriefOmission::FullPitch => Tr::BriefOmittedFullPitch,
            BriefOmission::Others => Tr::BriefOmittedOthers,
            BriefOmission::Questions => Tr::BriefOmittedQuestions,
            BriefOmission::Goals => Tr::BriefOmittedGoals,
        }
    }

    fn apply(self, content: &mut BriefContent) {
        match self {
            BriefOmission::FullPitch => content.full = None,
            BriefOmission::Others => content.others.clear(),
            BriefOmission::Questions => content.people.iter_mut().for_each(|person| person.questions.truncate(2)),
            BriefOmission::Goals => content.goals.truncate(3),
        }
    }
}

/// One person to meet, as the brief shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefPerson {
    /// Their name, or the description of someone to find out about.
    pub name: String,
    /// "Board member, Gelderse Vallei", or "to find out".
    pub detail: Option<String>,
    /// What I want from the conversation.
    pub objective: Option<String>,
    /// Questions to ask.
    pub questions: Vec<String>,
    /// "Pitch: Board members, 30 seconds".
    pub pitch: Option<String>,
}

/// What is on the brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefContent {
    /// The language of the labels and the date.
    pub language: Language,
    /// The paper.
    pub paper: Paper,
    /// Whose brief it is.
    pub owner: String,
    /// The event's name.
    pub event: String,
    /// "Thursday 3 December 2026, 09:30 (Europe/Amsterdam)".
    pub when: Option<String>,
    /// Where.
    pub place: Option<String>,
    /// What I want from the event.
    pub goals: Vec<String>,
    /// The people to meet.
    pub people: Vec<BriefPerson>,
    /// The pitch in one line.
    pub one_line: Option<String>,
    /// The pitch word for word.
    pub full: Option<CardPitch>,
    /// Others who will be there.
    pub others: Vec<String>,
    /// My card as a vCard, for the QR code.
    pub vcard: Option<String>,
}

fn some(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The weekday, day, month and year as the language writes them, with the time and zone.
pub fn when(at: NaiveDateTime, zone: &str, language: Language) -> String {
    const DAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const DAYS_NL: [&str; 7] = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const MONTHS_NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let (days, months) = match language {
        Language::En => (DAYS_EN, MONTHS_EN),
        Language::Nl => (DAYS_NL, MONTHS_NL),
    };
    let weekday = days[at.weekday().num_days_from_monday() as usize];
    let month = months[at.month0() as usize];
    let mut line = format!("{weekday} {} {month} {}, {:02}:{:02}", at.day(), at.year(), at.hour(), at.minute());
    if !zone.trim().is_empty() {
        line.push_str(&format!(" ({})", zone.trim()));
    }
    line
}

/// The brief's content for `event`.
pub fn content(document: &BrandDocument, event: &Event, paper: Paper) -> BriefContent {
    let language = document.language;
    let name_of = |who: &Attendee| document.attendee_name(who);
    let people: Vec<BriefPerson> = event
        .to_meet
        .iter()
        .filter_map(|meeting| {
            let who = meeting.who.as_ref()?;
            let detail = match who {
                Attendee::Contact(id) => document.contact(id).and_then(|contact| {
                    let parts: Vec<&str> = [contact.role.trim(), contact.organisation.trim()]
                        .into_iter()
                        .filter(|part| !part.is_empty())
                        .collect();
                    (!parts.is_empty()).then(|| parts.join(", "))
                }),
                Attendee::ToFindOut(_) => Some(tr(language, Tr::BriefToFindOut).to_owned()),
            };
            let pitch = meeting.pitch.as_deref().and_then(|id| document.pitch(id)).map(|pitch| {
                let title = some(&pitch.title).unwrap_or_else(|| format!("{} s", pitch.target_seconds));
                fill(tr(language, Tr::BriefPitchFor), &[("title", &title)])
            });
            Some(BriefPerson {
                name: name_of(who),
                detail,
                objective: some(&meeting.objective),
                questions: meeting.questions.iter().filter_map(|question| some(question)).collect(),
                pitch,
            })
        })
        .collect();
    let meeting_ids: Vec<&Attendee> = event.to_meet.iter().filter_map(|meeting| meeting.who.as_ref()).collect();
    let others = event.attendees.iter().filter(|attendee| !meeting_ids.contains(attendee)).map(name_of).collect();
    // The pitch of the first person to meet who has one, else the card's.
    let asked = event.to_meet.iter().find_map(|meeting| meeting.pitch.as_deref());
    let pitch = chosen_pitch(document, asked);
    let one_line_title = tr(language, Tr::CardPitchOneLineTitle);
    let one_line = pitch
        .map(|pitch| card_pitch(pitch, PitchForm::OneLine, language, None))
        .filter(|short| short.title == one_line_title)
        .and_then(|short| short.paragraphs.into_iter().next());
    let full = pitch
        .map(|pitch| card_pitch(pitch, PitchForm::Full, language, None))
        .filter(|full| !full.paragraphs.is_empty());
    BriefContent {
        language,
        paper,
        owner: document.person.name.trim().to_owned(),
        event: some(&event.name).unwrap_or_else(|| event.id.clone()),
        when: event.starts.map(|at| when(at, &event.time_zone, language)),
        place: some(&event.place),
        goals: event.goals.iter().filter_map(|goal| some(goal)).collect(),
        people,
        one_line,
        full,
        others,
        vcard: some(&document.person.name).map(|_| vcard(document)),
    }
}

fn inputs(content: &BriefContent, scale: f64) -> Dict {
    let language = content.language;
    let qr = content.vcard.as_deref().and_then(qr::code);
    let qr_width = qr.as_ref().map_or(0.0, |qr| qr.width_mm(QR_MODULE_MM));
    let qr = qr.map(|qr| Value::Bytes(Bytes::new(qr.svg.into_bytes())));
    let title = fill(tr(language, Tr::BriefDocumentTitle), &[("event", &content.event), ("name", &content.owner)]);
    entries([
        ("scale", scale.into_value()),
        ("paper", text(if content.paper == Paper::Letter { "us-letter" } else { "a4" })),
        ("lang", text(language.code())),
        ("title", text(&title)),
        ("author", text(&content.owner)),
        ("kind", text(tr(language, Tr::BriefKind))),
        ("event", text(&content.event)),
        ("when", optional(&content.when)),
        ("place", optional(&content.place)),
        ("qr", qr.unwrap_or(Value::None)),
        ("qr_width", qr_width.into_value()),
        ("goals", array(content.goals.iter().map(|goal| text(goal)))),
        (
            "people",
            array(content.people.iter().map(|person| {
                dict([
                    ("name", text(&person.name)),
                    ("detail", optional(&person.detail)),
                    ("objective", optional(&person.objective)),
                    ("questions", array(person.questions.iter().map(|question| text(question)))),
                    ("pitch", optional(&person.pitch)),
                ])
            })),
        ),
        ("one_line", optional(&content.one_line)),
        (
            "full",
            content.full.as_ref().map_or(Value::None, |full| {
                dict([("title", text(&full.title)), ("paragraphs", array(full.paragraphs.iter().map(|p| text(p))))])
            }),
        ),
        ("others", array(content.others.iter().map(|other| text(other)))),
        (
            "labels",
            dict([
                ("goals", text(tr(language, Tr::BriefGoals))),
                ("people", text(tr(language, Tr::BriefPeople))),
                ("ask", text(tr(language, Tr::BriefAsk))),
                ("one_line", text(tr(language, Tr::CardPitchOneLineTitle))),
                ("others", text(tr(language, Tr::BriefOthers))),
            ]),
        ),
    ])
}

fn compile(content: &BriefContent, scale: f64) -> Result<PagedDocument, CardError> {
    let inputs = inputs(content, scale);
    ENGINES.compile(inputs)
}

/// A typeset brief of one page.
pub struct Brief {
    content: BriefContent,
    omitted: Vec<BriefOmission>,
    document: PagedDocument,
}

impl Brief {
    /// Typesets the brief of `event`: the largest type that fits one page, else leaving out
    /// by [`BriefOmission::ALL`]'s order until it does.
    pub fn make(document: &BrandDocument, event: &Event, paper: Paper) -> Result<Brief, CardError> {
        let mut content = content(document, event, paper);
        let mut omitted = Vec::new();
        let mut omissions = BriefOmission::ALL.into_iter();
        loop {
            for scale in SCALES {
                let typeset = compile(&content, scale)?;
                if typeset.pages().len() == 1 {
                    return Ok(Brief { content, omitted, document: typeset });
                }
            }
            let Some(next) = omissions.next() else { return Err(CardError::DoesNotFit) };
            next.apply(&mut content);
            omitted.push(next);
        }
    }

    /// What is on the brief.
    pub fn content(&self) -> &BriefContent {
        &self.content
    }

    /// What was left out to fit one page.
    pub fn omitted(&self) -> &[BriefOmission] {
        &self.omitted
    }

    /// Pages of the typeset brief (always 1).
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }

    /// The PDF.
    pub fn pdf(&self) -> Result<Vec<u8>, CardError> {
        super::typeset::pdf(&self.document)
    }

    /// The page as an image, `pixel_per_pt` pixels per typographic point.
    pub fn raster(&self, pixel_per_pt: f64) -> Option<Raster> {
        raster_page(&self.document, 0, pixel_per_pt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pitchcraft_core::logic::network::next_event;
    use pitchcraft_core::model::Meeting;

    fn sample() -> BrandDocument {
        pitchcraft_core::storage::sample_document().unwrap()
    }

    #[test]
    fn the_sample_brief_shows_the_event_the_people_and_the_pitch_on_one_page() {
        let sample = sample();
        let event = next_event(&sample, "2026-11-28".parse().unwrap()).unwrap();
        for paper in [Paper::A4, Paper::Letter] {
            let brief = Brief::make(&sample, event, paper).unwrap();
            assert_eq!(brief.pages(), 1);
            assert!(brief.omitted().is_empty(), "{paper:?}: {:?}", brief.omitted());
            let content = brief.content();
            assert_eq!(content.when.as_deref(), Some("Thursday 3 December 2026, 09:30 (Europe/Amsterdam)"));
            assert_eq!(content.people.len(), 3);
            assert_eq!(content.people[0].name, "Marieke Jansen");
            assert_eq!(content.people[0].detail.as_deref(), Some("Board member, Regionaal Ziekenhuis Gelderse Vallei"));
            assert_eq!(content.people[2].detail.as_deref(), Some("to find out"));
            assert!(content.one_line.is_some() && content.full.is_some());
            assert!(content.others.is_empty(), "everyone there is someone to meet");
            let pdf = brief.pdf().unwrap();
            assert!(pdf.starts_with(b"%PDF"));
        }
    }

    #[test]
    fn dutch_dates_and_labels() {
        let at: NaiveDateTime = "2026-12-03T09:30:00".parse().unwrap();
        assert_eq!(when(at, "Europe/Amsterdam", Language::Nl), "donderdag 3 december 2026, 09:30 (Europe/Amsterdam)");
        assert_eq!(when(at, "", Language::En), "Thursday 3 December 2026, 09:30");
    }

    #[test]
    fn an_overfull_brief_leaves_out_by_priority_and_stays_one_page() {
        let mut sample = sample();
        let event = &mut sample.events[0];
        for meeting in &mut event.to_meet {
            meeting.questions =
                (1..=8).map(|n| format!("Question {n}: {}", "what would help most? ".repeat(3))).collect();
        }
        event.to_meet.push(Meeting {
            who: Some(Attendee::ToFindOut("Someone from the ministry".into())),
            objective: "Learn what the ministry plans".into(),
            ..Meeting::default()
        });
        event.goals = (1..=6).map(|n| format!("Goal {n}: {}", "meet people who matter ".repeat(4))).collect();
        event.attendees = (1..=40).map(|n| Attendee::ToFindOut(format!("Guest number {n}"))).collect();
        let event = sample.events[0].clone();
        let brief = Brief::make(&sample, &event, Paper::A4).unwrap();
        assert_eq!(brief.pages(), 1);
        assert!(!brief.omitted().is_empty());
        assert_eq!(brief.omitted()[0], BriefOmission::FullPitch, "the full pitch goes first");
        assert!(brief.content().one_line.is_some(), "the one line stays");
    }

    #[test]
    fn an_empty_event_still_makes_a_page() {
        let document = BrandDocument::default();
        let event = Event { id: "x".into(), ..Event::default() };
        let brief = Brief::make(&document, &event, Paper::Letter).unwrap();
        assert_eq!(brief.pages(), 1);
        assert_eq!(brief.content().event, "x");
        assert!(brief.content().vcard.is_none());
    }
}
