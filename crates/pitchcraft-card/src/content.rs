//! What goes on the card: the document turned into plain card data (no layout yet), in
//! the profile's language, with "never print" values left out.

use pitchcraft_core::i18n::{Tr, fill, tr};
use pitchcraft_core::model::{BrandDocument, CardSection, Horizon, Language, Paper, Pitch, PitchForm, SectionKind};

/// One ranked value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardValue {
    /// 1 for the most important.
    pub rank: usize,
    /// Its name.
    pub name: String,
    /// What it means to the person.
    pub meaning: Option<String>,
}

/// One strength with its proof.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardStrength {
    /// The skill.
    pub name: String,
    /// In one line.
    pub description: Option<String>,
    /// The result of its best proof.
    pub proof: Option<String>,
    /// That proof's metric.
    pub metric: Option<String>,
}

/// The pitch printed on the card.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardPitch {
    /// "My 30-second pitch".
    pub title: String,
    /// Its sections, one paragraph each.
    pub paragraphs: Vec<String>,
}

/// One goal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardGoal {
    /// "In one year" or "In three years".
    pub horizon: String,
    /// The goal.
    pub statement: String,
}

/// Everything a card can show, before fitting it on one page.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CardContent {
    /// The profile's language (headings and hyphenation).
    pub language: Language,
    /// Paper size.
    pub paper: Paper,
    /// The person's name.
    pub name: String,
    /// The headline, when shown.
    pub headline: Option<String>,
    /// Role and organisation, when contact is shown.
    pub role: Option<String>,
    /// E-mail, phone, website, location, when contact is shown.
    pub contact: Vec<String>,
    /// The vCard the QR code holds, when shown.
    pub vcard: Option<String>,
    /// The brand statement, when shown.
    pub brand: Option<String>,
    /// Ranked values, when shown.
    pub values: Vec<CardValue>,
    /// Strengths, when shown.
    pub strengths: Vec<CardStrength>,
    /// The pitch, when shown.
    pub pitch: Option<CardPitch>,
    /// Goals, when shown.
    pub goals: Vec<CardGoal>,
    /// The body sections in the person's order: "brand", "values", "strengths", "pitch", "goals".
    pub order: Vec<&'static str>,
}

fn some(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The pitch to print: the one asked for, the card's choice, or the shortest.
pub fn chosen_pitch<'a>(document: &'a BrandDocument, asked: Option<&str>) -> Option<&'a Pitch> {
    asked
        .and_then(|id| document.pitch(id))
        .or_else(|| document.pitch(&document.card.pitch))
        .or_else(|| document.pitches.iter().min_by_key(|pitch| pitch.target_seconds))
}

/// Escapes a vCard value (RFC 6350: backslash, comma, semicolon, newline).
fn vcard_escape(text: &str) -> String {
    text.trim().replace('\\', "\\\\").replace(',', "\\,").replace(';', "\\;").replace(['\r', '\n'], " ")
}

/// A web address as a phone opens it: with its scheme (`https://` when none is written).
fn web_link(address: &str) -> String {
    let address = address.trim();
    let has_scheme = address.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme { address.to_owned() } else { format!("https://{address}") }
}

/// A lean vCard 3.0 (what a phone's contact card shows, nothing it ignores): name, role,
/// organisation, e-mail, mobile phone and website.
pub fn vcard(document: &BrandDocument) -> String {
    let person = &document.person;
    let name = person.name.trim();
    // "Sanne de Vries": given name first, the rest (with its "de") the family name.
    let (given, family) = name.split_once(' ').unwrap_or((name, ""));
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:3.0".to_owned(),
        format!("N:{};{};;;", vcard_escape(family), vcard_escape(given)),
        format!("FN:{}", vcard_escape(name)),
    ];
    for (field, value) in [
        ("TITLE", &person.role),
        ("ORG", &person.organisation),
        ("EMAIL", &person.email),
        ("TEL;TYPE=CELL", &person.phone),
        ("URL", &person.website),
    ] {
        if !value.trim().is_empty() {
            let value = if field == "URL" { web_link(value) } else { value.trim().to_owned() };
            lines.push(format!("{field}:{}", vcard_escape(&value)));
        }
    }
    lines.push("END:VCARD".to_owned());
    lines.join("\r\n")
}

/// The pitch as the card prints it: in one line (one sentence: what you do, read at a
/// glance), or every section as spoken. The line is the value's first sentence, unless the
/// card already prints that as its brand statement (`statement`); then the proof's, then
/// the opening's. A pitch with none of them is printed whole rather than not at all.
pub(crate) fn card_pitch(pitch: &Pitch, form: PitchForm, language: Language, statement: Option<&str>) -> CardPitch {
    let full = || CardPitch {
        title: fill(tr(language, Tr::CardPitchTitle), &[("seconds", &pitch.target_seconds)]),
        paragraphs: pitch.sections.iter().filter_map(|section| some(&section.text)).collect(),
    };
    if form == PitchForm::Full {
        return full();
    }
    let plain = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let printed = statement.map(|statement| plain(&first_sentence(statement)));
    let line = [SectionKind::Value, SectionKind::Proof, SectionKind::Hook]
        .into_iter()
        .filter_map(|kind| pitch.sections.iter().find(|section| section.kind == kind))
        .filter_map(|section| some(&first_sentence(&section.text)))
        .find(|sentence| printed.as_ref() != Some(&plain(sentence)));
    match line {
        Some(line) => CardPitch { title: tr(language, Tr::CardPitchOneLineTitle).to_owned(), paragraphs: vec![line] },
        None => full(),
    }
}

/// The first sentence of `text`: up to the first ".", "?" or "!" before a space.
fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|(at, c)| matches!(c, '.' | '?' | '!') && text[at + c.len_utf8()..].starts_with(char::is_whitespace))
        .map_or(text.len(), |(at, c)| at + c.len_utf8());
    text[..end].to_owned()
}

/// The card content of `document`, with `sections` shown in their order and `pitch` (or
/// the card's own choice) as the pitch.
pub fn content(document: &BrandDocument, paper: Paper, sections: &[CardSection], pitch: Option<&str>) -> CardContent {
    let language = document.language;
    let shows = |section| sections.contains(&section);
    let person = &document.person;
    let name = some(&person.name).unwrap_or_else(|| tr(language, Tr::CardNoName).to_owned());

    let role = match (some(&person.role), some(&person.organisation)) {
        (Some(role), Some(organisation)) => Some(format!("{role}, {organisation}")),
        (role, organisation) => role.or(organisation),
    }
    .filter(|_| shows(CardSection::Contact));
    let contact = if shows(CardSection::Contact) {
        [some(&person.email), some(&person.phone), some(&person.website), some(&person.location)]
            .into_iter()
            .flatten()
            .collect()
    } else {
        Vec::new()
    };

    let values = if shows(CardSection::Values) {
        document
            .values
            .ranking
            .iter()
            .filter(|id| !document.values.cards.get(*id).is_some_and(|choice| choice.never_print))
            .enumerate()
            .map(|(index, id)| CardValue {
                rank: index + 1,
                name: pitchcraft_core::i18n::values::value_text(document, id, language).0.to_owned(),
                meaning: document.values.cards.get(id).and_then(|choice| some(&choice.meaning)),
            })
            .collect()
    } else {
        Vec::new()
    };

    let strengths = if shows(CardSection::Strengths) {
        document
            .expertise
            .iter()
            .filter(|skill| !skill.skill.trim().is_empty())
            .map(|skill| {
                let proof = skill
                    .proof
                    .iter()
                    .find(|proof| proof.signature)
                    .or_else(|| skill.proof.iter().find(|proof| !proof.metric.trim().is_empty()))
                    .or(skill.proof.first());
                CardStrength {
                    name: skill.skill.trim().to_owned(),
                    description: some(&skill.description),
                    proof: proof.and_then(|proof| some(&proof.result)),
                    metric: proof.and_then(|proof| some(&proof.metric)),
                }
            })
            .collect()
    } else {
        Vec::new()
    };

    let pitch = shows(CardSection::Pitch)
        .then(|| chosen_pitch(document, pitch))
        .flatten()
        .map(|pitch| {
            let statement = shows(CardSection::BrandStatement).then_some(document.brand_statement.as_str());
            card_pitch(pitch, document.card.pitch_form, language, statement)
        })
        .filter(|pitch| !pitch.paragraphs.is_empty());

    let goals = if shows(CardSection::Goals) {
        document
            .goals
            .iter()
            .filter(|goal| !goal.statement.trim().is_empty())
            .map(|goal| CardGoal {
                horizon: tr(
                    language,
                    match goal.horizon {
                        Horizon::OneYear => Tr::GoalsOneYear,
                        Horizon::ThreeYears => Tr::GoalsThreeYears,
                    },
                )
                .to_owned(),
                statement: goal.statement.trim().to_owned(),
            })
            .collect()
    } else {
        Vec::new()
    };

    let order = sections
        .iter()
        .filter_map(|section| match section {
            CardSection::BrandStatement => Some("brand"),
            CardSection::Values => Some("values"),
            CardSection::Strengths => Some("strengths"),
            CardSection::Pitch => Some("pitch"),
            CardSection::Goals => Some("goals"),
            CardSection::Headline | CardSection::Contact | CardSection::QrCode => None,
        })
        .collect();

    CardContent {
        language,
        paper,
        name,
        headline: shows(CardSection::Headline).then(|| some(&person.headline)).flatten(),
        role,
        contact,
        vcard: shows(CardSection::QrCode).then(|| vcard(document)),
        brand: shows(CardSection::BrandStatement).then(|| some(&document.brand_statement)).flatten(),
        values,
        strengths,
        pitch,
        goals,
        order,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> BrandDocument {
        pitchcraft_core::storage::sample_document().unwrap()
    }

    #[test]
    fn the_sample_card_holds_what_its_settings_say() {
        let document = sample();
        let card = content(&document, Paper::A4, &document.card.sections, None);
        assert_eq!(card.name, "Sanne de Vries");
        assert_eq!(
            card.values.iter().map(|v| v.name.as_str()).collect::<Vec<_>>(),
            ["Reliability", "Care", "Simplicity", "Collaboration", "Curiosity"]
        );
        assert!(card.values.iter().all(|value| value.name != "Faith"), "never print");
        assert_eq!(card.strengths.len(), 3);
        assert_eq!(card.strengths[0].metric.as_deref(), Some("-32% waiting time"));
        let pitch = card.pitch.as_ref().unwrap();
        assert_eq!(pitch.title, "My pitch in short");
        // One sentence: what she does.
        assert_eq!(pitch.paragraphs, ["I redesign care processes together with the nurses and planners who run them."]);
        assert!(card.goals.is_empty(), "goals are not on the sample card");
        assert_eq!(card.order, ["brand", "values", "strengths", "pitch"]);
        assert!(card.contact.contains(&"sanne.devries@example.org".to_owned()));
        assert_eq!(card.role.as_deref(), Some("Operations manager, outpatient clinics, Stadsziekenhuis Utrecht"));
    }

    #[test]
    fn one_line_never_repeats_the_brand_statement_the_card_prints() {
        let mut document = sample();
        let chosen = document.pitches.iter_mut().find(|pitch| pitch.id == "board-30").unwrap();
        let value = chosen.sections.iter_mut().find(|section| section.kind == SectionKind::Value).unwrap();
        value.text = format!("{} Reliability and care drive everything I do.", document.brand_statement);
        let card = content(&document, Paper::A4, &document.card.sections, None);
        let line = &card.pitch.unwrap().paragraphs;
        assert_eq!(
            line,
            &["In orthopaedics we cut waiting time by 32 percent in three months, and it has held for two years."]
        );
        // Without the statement on the card, the value's first sentence is the line.
        let sections: Vec<CardSection> =
            document.card.sections.iter().copied().filter(|s| *s != CardSection::BrandStatement).collect();
        let card = content(&document, Paper::A4, &sections, None);
        assert_eq!(card.pitch.unwrap().paragraphs, [document.brand_statement.trim().to_owned()]);
    }

    #[test]
    fn the_full_pitch_is_printed_when_asked_for_or_when_it_has_no_sentence_to_take() {
        let mut document = sample();
        document.card.pitch_form = PitchForm::Full;
        let card = content(&document, Paper::A4, &document.card.sections, None);
        let pitch = card.pitch.unwrap();
        assert_eq!((pitch.title.as_str(), pitch.paragraphs.len()), ("My 30-second pitch", 5));
        document.card.pitch_form = PitchForm::OneLine;
        document.language = Language::Nl;
        let chosen = document.pitches.iter_mut().find(|pitch| pitch.id == "board-30").unwrap();
        chosen
            .sections
            .retain(|section| !matches!(section.kind, SectionKind::Hook | SectionKind::Value | SectionKind::Proof));
        let card = content(&document, Paper::A4, &document.card.sections, None);
        let pitch = card.pitch.unwrap();
        assert_eq!((pitch.title.as_str(), pitch.paragraphs.len()), ("Mijn pitch van 30 seconden", 2));
    }

    #[test]
    fn the_vcard_is_escaped_and_complete() {
        let mut document = sample();
        document.person.organisation = "Zorg; Welzijn, Utrecht".into();
        let card = vcard(&document);
        assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nN:de Vries;Sanne;;;\r\nFN:Sanne de Vries\r\n"));
        assert!(card.contains("ORG:Zorg\\; Welzijn\\, Utrecht\r\n"));
        assert!(card.contains("EMAIL:sanne.devries@example.org\r\n"));
        assert!(card.contains("URL:https://example.org/sanne\r\n"));
        assert!(card.ends_with("END:VCARD"));
    }

    #[test]
    fn a_website_without_a_scheme_gets_https() {
        let mut document = sample();
        for (typed, link) in [
            ("example.org/sanne", "https://example.org/sanne"),
            (" www.example.org ", "https://www.example.org"),
            ("http://example.org", "http://example.org"),
            ("HTTPS://example.org", "HTTPS://example.org"),
        ] {
            document.person.website = typed.into();
            assert!(vcard(&document).contains(&format!("\r\nURL:{link}\r\n")), "{typed}");
        }
    }

    #[test]
    fn hidden_sections_and_empty_documents() {
        let document = sample();
        let card = content(&document, Paper::Letter, &[CardSection::Goals], None);
        assert!(card.values.is_empty() && card.pitch.is_none() && card.vcard.is_none() && card.contact.is_empty());
        assert!(card.role.is_none());
        assert_eq!(card.goals.len(), 2);
        let empty = content(&BrandDocument::default(), Paper::A4, &pitchcraft_core::model::CardSection::ALL, None);
        assert!(!empty.name.is_empty(), "a placeholder name");
        assert!(empty.pitch.is_none());
    }
}
