//! What LinkedIn's "Download your data" export says about its owner — the headline, the
//! positions held, the skills with how often others endorsed them, the recommendations
//! received — read as suggestions for Discover.
//!
//! Nothing here writes over the document: each suggestion is taken or left by the person,
//! and taking one fills only what is still empty (a skill already there is not added again,
//! a role typed stays). The files are matched by name without case (exports differ:
//! `Skills.csv`, `skills.csv`), in any folder of the archive; a file missing or unreadable
//! only means fewer suggestions.

use std::collections::HashMap;

use super::capture::name_key;
use super::contact_lists::{Header, too_long};
use crate::model::{BrandDocument, ProofPoint, Skill};

/// The owner's profile as the export has it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkedInProfile {
    /// The line under the name ("IT architect | Zorgdata die klopt").
    pub headline: String,
    /// The "About" text.
    pub summary: String,
    /// Where they are, as LinkedIn says it ("Utrecht, Netherlands").
    pub location: String,
    /// Their own website (the first one listed).
    pub website: String,
    /// Positions, the current and latest first.
    pub positions: Vec<Position>,
    /// Skills, the most endorsed first, then in the export's order.
    pub skills: Vec<EndorsedSkill>,
    /// Recommendations others wrote and the owner shows.
    pub recommendations: Vec<Recommendation>,
}

/// A position held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub company: String,
    pub title: String,
    /// "Jan 2015", as the export writes it; empty when unknown.
    pub started: String,
    /// Empty while it is the current one.
    pub finished: String,
    /// (year, month) of `started`, for ordering.
    started_at: Option<(i32, u32)>,
}

impl Position {
    /// Whether it is held now.
    pub fn is_current(&self) -> bool {
        self.finished.trim().is_empty()
    }
}

/// A skill on the profile, with how many people endorsed it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EndorsedSkill {
    pub name: String,
    pub endorsements: u32,
}

/// A recommendation someone wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recommendation {
    /// Who wrote it ("Joris Bakker").
    pub by: String,
    /// Their job title and company when it was written ("Head of IT, Rivierenland Hospital").
    pub role: String,
    /// What they wrote.
    pub text: String,
}

impl Recommendation {
    /// Who said it, as a proof point names them: "Joris Bakker, Head of IT, Rivierenland".
    pub fn attribution(&self) -> String {
        if self.role.is_empty() { self.by.clone() } else { format!("{}, {}", self.by, self.role) }
    }
}

/// The files of the export this reads, by their name in lower case.
const FILES: [&str; 5] =
    ["profile.csv", "positions.csv", "skills.csv", "endorsement_received_info.csv", "recommendations_received.csv"];

/// Whether a file of the export (its name, any case, any folder) is one this reads.
pub fn wants(name: &str) -> bool {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    FILES.iter().any(|wanted| file.eq_ignore_ascii_case(wanted))
}

impl LinkedInProfile {
    /// Reads the profile out of the export's files: `(name, text)` pairs, the names with
    /// or without their folder, in any case. Files this does not read are passed over.
    pub fn read<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut by_name: HashMap<String, &str> = HashMap::new();
        for (name, text) in files {
            let file = name.rsplit(['/', '\\']).next().unwrap_or(name).to_lowercase();
            by_name.insert(file, text);
        }
        let mut profile = LinkedInProfile::default();
        let table = |name: &str| by_name.get(name).map(|text| rows(text)).unwrap_or_default();

        if let Some((header, row)) = table("profile.csv").into_iter().next() {
            profile.headline = header.get(&row, &["headline"]).to_owned();
            profile.summary = header.get(&row, &["summary"]).to_owned();
            profile.location = header.get(&row, &["geo location", "location"]).to_owned();
            profile.website = first_url(header.get(&row, &["websites"])).unwrap_or_default();
        }
        for (header, row) in table("positions.csv") {
            let position = Position {
                company: header.get(&row, &["company name", "company"]).to_owned(),
                title: header.get(&row, &["title"]).to_owned(),
                started: header.get(&row, &["started on"]).to_owned(),
                finished: header.get(&row, &["finished on"]).to_owned(),
                started_at: month_of(header.get(&row, &["started on"])),
            };
            if !(position.company.is_empty() && position.title.is_empty()) {
                profile.positions.push(position);
            }
        }
        // Current ones first, then the latest begun; a stable sort keeps the export's order
        // for positions without a date.
        profile.positions.sort_by_key(|p| (!p.is_current(), std::cmp::Reverse(p.started_at)));

        let mut skills: Vec<EndorsedSkill> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add = |name: &str, endorsed: bool| {
            let key = name_key(name);
            if key.is_empty() {
                return;
            }
            let at = *index.entry(key).or_insert_with(|| {
                skills.push(EndorsedSkill { name: name.to_owned(), endorsements: 0 });
                skills.len() - 1
            });
            if endorsed {
                skills[at].endorsements += 1;
            }
        };
        for (header, row) in table("skills.csv") {
            add(header.get(&row, &["name", "skill"]), false);
        }
        for (header, row) in table("endorsement_received_info.csv") {
            // Endorsements the owner hid or turned down are not proof of anything.
            let status = header.get(&row, &["endorsement status", "status"]);
            if status.is_empty() || status.eq_ignore_ascii_case("accepted") {
                add(header.get(&row, &["skill name", "skill"]), true);
            }
        }
        skills.sort_by_key(|skill| std::cmp::Reverse(skill.endorsements));
        profile.skills = skills;

        for (header, row) in table("recommendations_received.csv") {
            let status = header.get(&row, &["status"]);
            if !(status.is_empty() || status.eq_ignore_ascii_case("visible")) {
                continue;
            }
            let by = [header.get(&row, &["first name"]), header.get(&row, &["last name"])]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let role = [header.get(&row, &["job title"]), header.get(&row, &["company"])]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let text = header.get(&row, &["text", "recommendation"]).split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() && !by.is_empty() {
                profile.recommendations.push(Recommendation { by, role, text });
            }
        }
        profile
    }

    /// Whether the export said anything of its owner.
    pub fn is_empty(&self) -> bool {
        self.headline.is_empty()
            && self.summary.is_empty()
            && self.positions.is_empty()
            && self.skills.is_empty()
            && self.recommendations.is_empty()
    }

    /// The position held now (the latest begun, when there are several).
    pub fn current_position(&self) -> Option<&Position> {
        self.positions.first().filter(|position| position.is_current())
    }

    /// What the profile holds, said for the notice after an import: "2 skills, 1
    /// recommendation and your headline", naming only what is there.
    pub fn what_it_holds(&self, language: crate::i18n::Language) -> String {
        use crate::i18n::{Tr, series, trf};
        let mut parts = Vec::new();
        if !self.skills.is_empty() {
            parts.push(trf(language, Tr::NoticeLinkedInSkills, &[("count", &self.skills.len())]));
        }
        if !self.recommendations.is_empty() {
            parts.push(trf(language, Tr::NoticeLinkedInRecommendations, &[("count", &self.recommendations.len())]));
        }
        if !self.headline.trim().is_empty() {
            parts.push(crate::i18n::tr(language, Tr::NoticeLinkedInHeadline).to_owned());
        }
        if parts.is_empty() {
            parts.push(crate::i18n::tr(language, Tr::NoticeLinkedInSomething).to_owned());
        }
        series(language, &parts)
    }

    /// What "About you" could take: each field still empty in the document with what the
    /// export has for it, as (which, text).
    pub fn about_fills(&self, document: &BrandDocument) -> Vec<(AboutField, String)> {
        let person = &document.person;
        let current = self.current_position();
        let offers = [
            (AboutField::Role, &person.role, current.map(|p| p.title.clone())),
            (AboutField::Organisation, &person.organisation, current.map(|p| p.company.clone())),
            (AboutField::Location, &person.location, Some(self.location.clone())),
            (AboutField::Website, &person.website, Some(self.website.clone())),
        ];
        offers
            .into_iter()
            .filter_map(|(field, now, offered)| {
                let offered = offered?.trim().to_owned();
                (now.trim().is_empty() && !offered.is_empty()).then_some((field, offered))
            })
            .collect()
    }

    /// The skills not yet in the document (names compared without case or accents), the
    /// most endorsed first.
    pub fn skills_to_add<'a>(&'a self, document: &BrandDocument) -> Vec<&'a EndorsedSkill> {
        let known: Vec<String> = document.expertise.iter().map(|skill| name_key(&skill.skill)).collect();
        self.skills.iter().filter(|skill| !known.contains(&name_key(&skill.name))).collect()
    }

    /// The recommendations not yet kept as proof in the document.
    pub fn recommendations_to_use<'a>(&'a self, document: &BrandDocument) -> Vec<&'a Recommendation> {
        let quoted = |text: &str| {
            document.expertise.iter().flat_map(|skill| &skill.proof).any(|proof| proof.quote.trim() == text)
        };
        self.recommendations.iter().filter(|rec| !quoted(&rec.text)).collect()
    }
}

/// A field of "About you" the export can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AboutField {
    Role,
    Organisation,
    Location,
    Website,
}

/// Fills the empty fields of "About you" from the export; what is typed stays.
pub fn fill_about(document: &mut BrandDocument, fills: &[(AboutField, String)]) {
    for (field, text) in fills {
        let person = &mut document.person;
        let slot = match field {
            AboutField::Role => &mut person.role,
            AboutField::Organisation => &mut person.organisation,
            AboutField::Location => &mut person.location,
            AboutField::Website => &mut person.website,
        };
        if slot.trim().is_empty() {
            slot.clone_from(text);
        }
    }
}

/// Adds a skill from the export (with one empty proof to tell its story in), unless the
/// document has it already.
pub fn add_skill(document: &mut BrandDocument, name: &str) {
    let key = name_key(name);
    if key.is_empty() || document.expertise.iter().any(|skill| name_key(&skill.skill) == key) {
        return;
    }
    document.expertise.push(Skill { skill: name.to_owned(), proof: vec![ProofPoint::default()], ..Skill::default() });
}

/// Keeps a recommendation as proof of the skill at `skill`: its words as a quote, with who
/// said it; situation, action and result stay the person's to tell. Nothing when the skill
/// is gone or the recommendation is kept already.
pub fn use_recommendation(document: &mut BrandDocument, skill: usize, recommendation: &Recommendation) {
    let kept = document.expertise.iter().flat_map(|s| &s.proof).any(|proof| proof.quote.trim() == recommendation.text);
    let Some(skill) = document.expertise.get_mut(skill) else { return };
    if kept {
        return;
    }
    let proof = ProofPoint {
        quote: recommendation.text.clone(),
        quote_by: recommendation.attribution(),
        ..ProofPoint::default()
    };
    // An empty proof waiting for its story takes the quote instead of a second one below it.
    match skill.proof.iter_mut().find(|proof| proof.is_empty()) {
        Some(empty) => *empty = proof,
        None => skill.proof.push(proof),
    }
}

/// The records of a CSV with their header (the first record); nothing when it has none or
/// is no CSV.
fn rows(text: &str) -> Vec<(std::rc::Rc<Header>, csv::StringRecord)> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::None).from_reader(text.as_bytes());
    let mut records = reader.records().filter_map(Result::ok);
    let Some(header) = records.next() else { return Vec::new() };
    let header = std::rc::Rc::new(Header::of(&header));
    records
        .filter(|record| record.iter().any(|field| !field.trim().is_empty()) && too_long(record).is_none())
        .map(|record| (header.clone(), record))
        .collect()
}

/// The first address in LinkedIn's websites cell (`[PERSONAL:https://…,COMPANY:…]`).
fn first_url(cell: &str) -> Option<String> {
    cell.split(['[', ']', ',', ' '])
        .map(|part| {
            part.split_once(':')
                .filter(|(kind, _)| kind.chars().all(|c| c.is_ascii_uppercase()))
                .map_or(part, |(_, url)| url)
        })
        .map(str::trim)
        .find(|part| part.starts_with("http://") || part.starts_with("https://") || part.starts_with("www."))
        .map(str::to_owned)
}

/// (year, month) of "Jan 2015", "2015" or "2015-01".
fn month_of(text: &str) -> Option<(i32, u32)> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let mut month = 0;
    let mut year = None;
    for part in text.split([' ', '-', '/']).filter(|part| !part.is_empty()) {
        if let Ok(number) = part.parse::<i32>() {
            if number > 999 {
                year = Some(number);
            } else if (1..=12).contains(&number) {
                month = number as u32;
            }
        } else if let Some(at) = MONTHS.iter().position(|m| part.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(m))) {
            month = at as u32 + 1;
        }
    }
    year.map(|year| (year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_notice_names_only_what_the_profile_holds() {
        use crate::i18n::Language;
        let skill = |name: &str| EndorsedSkill { name: name.into(), endorsements: 0 };
        let mut profile = LinkedInProfile { skills: vec![skill("TOGAF"), skill("HL7")], ..LinkedInProfile::default() };
        assert_eq!(profile.what_it_holds(Language::En), "2 skills");
        profile.headline = "IT architect".into();
        profile.recommendations.push(Recommendation::default());
        assert_eq!(profile.what_it_holds(Language::En), "2 skills, 1 recommendation and your headline");
        assert_eq!(profile.what_it_holds(Language::Nl), "2 vaardigheden, 1 aanbeveling en je kopregel");
        let positions_only = LinkedInProfile { positions: vec![Position::default()], ..LinkedInProfile::default() };
        assert_eq!(positions_only.what_it_holds(Language::En), "where you work and live");
    }

    #[test]
    fn dates_and_websites_as_linkedin_writes_them() {
        assert_eq!(month_of("Jan 2015"), Some((2015, 1)));
        assert_eq!(month_of("2019"), Some((2019, 0)));
        assert_eq!(month_of(""), None);
        assert_eq!(
            first_url("[PERSONAL:https://anouk.example/,COMPANY:https://work.example]").as_deref(),
            Some("https://anouk.example/")
        );
        assert_eq!(first_url("").as_deref(), None);
        assert!(wants("Basic_LinkedInDataExport/SKILLS.CSV"));
        assert!(!wants("Connections.csv"));
    }
}
