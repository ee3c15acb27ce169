//! Contact lists as CSV, recognised by their header names (not by column order: Outlook's
//! desktop and web exports differ): LinkedIn's connections from "Download your data",
//! Google Contacts in its old and current layouts, and Outlook. Each row becomes a newcomer
//! for the one merge of every source (`people_merge`).
//!
//! LinkedIn's `Connections.csv` starts with a "Notes:" preamble and a blank line before its
//! header (found by its names, not skipped by a count), has empty e-mail addresses (most
//! people hide theirs), rows of commas as padding, and dates like `24 Aug 2023`; older
//! exports have no `URL` column. Its people come in without a network (the person sorts
//! them), each with the day we connected as a first encounter.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::people_merge::{ImportReport, ImportWarning, Known, Newcomer, merge};
use crate::model::{BrandDocument, Encounter, Language, Network};

/// Which export a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    LinkedIn,
    Google,
    Outlook,
}

/// A row of a list, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub newcomer: Newcomer,
    /// When we connected (LinkedIn).
    pub connected_on: Option<NaiveDate>,
}

/// A list, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    pub layout: Layout,
    pub rows: Vec<Row>,
    /// Rows left out, with why.
    pub skipped: Vec<String>,
    pub warnings: Vec<ImportWarning>,
}

/// The header names of a list, normalised (lower case, trimmed), with their columns.
pub(crate) struct Header(HashMap<String, usize>);

impl Header {
    pub(crate) fn of(record: &csv::StringRecord) -> Self {
        let names = record.iter().enumerate().map(|(at, name)| (normalise(name), at));
        Header(names.collect())
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// The first of `names` the header has, in `row`, trimmed.
    pub(crate) fn get<'a>(&self, row: &'a csv::StringRecord, names: &[&str]) -> &'a str {
        names.iter().find_map(|name| row.get(*self.0.get(*name)?)).map(str::trim).unwrap_or("")
    }

    fn layout(&self) -> Option<Layout> {
        if self.has("first name") && self.has("last name") && self.has("position") && self.has("email address") {
            Some(Layout::LinkedIn)
        } else if self.has("e-mail 1 - value") {
            Some(Layout::Google)
        } else if (self.has("e-mail address") || self.has("email address"))
            && (self.has("job title") || self.has("company"))
        {
            Some(Layout::Outlook)
        } else {
            None
        }
    }
}

/// The longest field any list of people has reason to hold (a recommendation's text, an
/// "about" text: a few thousand characters). A row with a longer one is no person's.
pub(crate) const MAX_FIELD: usize = 16 * 1024;

/// The length of a field of `record` beyond [`MAX_FIELD`], if it has one.
pub(crate) fn too_long(record: &csv::StringRecord) -> Option<usize> {
    record.iter().map(str::len).max().filter(|&len| len > MAX_FIELD)
}

fn normalise(name: &str) -> String {
    name.trim_start_matches('\u{feff}').trim().to_lowercase()
}

/// Reads a list; an error when it is no list this app knows.
pub fn read(text: &str) -> Result<List, String> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).trim(csv::Trim::None).from_reader(text.as_bytes());
    let mut records = reader.records();
    // The header is the first record that names a layout: LinkedIn's preamble comes before it.
    let mut header = None;
    for (number, record) in records.by_ref().enumerate() {
        let record = record.map_err(|e| format!("line {}: {e}", number + 1))?;
        let found = Header::of(&record);
        if let Some(layout) = found.layout() {
            header = Some((found, layout, record.len()));
            break;
        }
        if number > 20 {
            break;
        }
    }
    let Some((header, layout, width)) = header else {
        return Err(
            "not a contact list this app knows: LinkedIn's Connections.csv, Google Contacts or Outlook (their \
             header row names the columns)"
                .to_owned(),
        );
    };
    let mut list = List { layout, rows: Vec::new(), skipped: Vec::new(), warnings: Vec::new() };
    let mut last = None;
    for (number, record) in records.enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                list.skipped.push(format!("row {}: {e}", number + 1));
                continue;
            }
        };
        // Padding: rows of commas, or nothing.
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if let Some(long) = too_long(&record) {
            list.skipped.push(format!(
                "row {}: a field of {} KB, longer than any contact detail",
                number + 1,
                long / 1024
            ));
            continue;
        }
        let row = match layout {
            Layout::LinkedIn => linkedin(&header, &record),
            Layout::Google => google(&header, &record),
            Layout::Outlook => outlook(&header, &record),
        };
        match row {
            Some(row) => {
                last = Some((row.newcomer.name.clone(), record.len()));
                list.rows.push(row);
            }
            None => list.skipped.push(format!("row {}: it has no name and no e-mail address", number + 1)),
        }
    }
    // A file cut off in its last row: fewer fields than the header, and no line end.
    if let Some((name, fields)) = last
        && fields < width
        && !text.ends_with(['\n', '\r'])
    {
        list.warnings.push(ImportWarning::CutOff(name));
    }
    Ok(list)
}

fn full_name(parts: &[&str]) -> String {
    parts.iter().flat_map(|part| part.split_whitespace()).collect::<Vec<_>>().join(" ")
}

/// Several values in one cell: Google writes them with " ::: " between.
fn values(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split(":::").map(str::trim).filter(|value| !value.is_empty()).map(str::to_owned)
}

fn person(name: String, emails: Vec<String>) -> Option<String> {
    if !name.is_empty() { Some(name) } else { emails.first().cloned() }
}

fn linkedin(header: &Header, row: &csv::StringRecord) -> Option<Row> {
    let name = full_name(&[header.get(row, &["first name"]), header.get(row, &["last name"])]);
    let emails: Vec<String> = values(header.get(row, &["email address"])).collect();
    let name = person(name, emails.clone())?;
    let connected_on = NaiveDate::parse_from_str(header.get(row, &["connected on"]), "%d %b %Y").ok();
    Some(Row {
        newcomer: Newcomer {
            name,
            organisation: header.get(row, &["company"]).to_owned(),
            role: header.get(row, &["position"]).to_owned(),
            emails,
            website: header.get(row, &["url", "profile url"]).to_owned(),
            // LinkedIn does not say how we know each other: the person sorts them.
            network: None,
            ..Newcomer::default()
        },
        connected_on,
    })
}

fn google(header: &Header, row: &csv::StringRecord) -> Option<Row> {
    let parts = [
        header.get(row, &["first name", "given name"]),
        header.get(row, &["middle name", "additional name"]),
        header.get(row, &["last name", "family name"]),
    ];
    let name = Some(header.get(row, &["name"]).to_owned()).filter(|n| !n.is_empty()).unwrap_or(full_name(&parts));
    let emails: Vec<String> =
        (1..=5).flat_map(|n| values(header.get(row, &[&format!("e-mail {n} - value")])).collect::<Vec<_>>()).collect();
    let name = person(name, emails.clone())?;
    let first = |names: &[&str]| values(header.get(row, names)).next().unwrap_or_default();
    // Google's own groups ("* myContacts", "* starred") are not the person's labels.
    let tags = values(header.get(row, &["labels", "group membership"])).filter(|tag| !tag.starts_with('*')).collect();
    Some(Row {
        newcomer: Newcomer {
            name,
            organisation: first(&["organization name", "organization 1 - name"]),
            role: first(&["organization title", "organization 1 - title"]),
            emails,
            phone: first(&["phone 1 - value"]),
            website: first(&["website 1 - value"]),
            notes: header.get(row, &["notes"]).to_owned(),
            tags,
            network: Some(Network::Operational),
        },
        connected_on: None,
    })
}

fn outlook(header: &Header, row: &csv::StringRecord) -> Option<Row> {
    let name = full_name(&[
        header.get(row, &["first name"]),
        header.get(row, &["middle name"]),
        header.get(row, &["last name"]),
    ]);
    let emails: Vec<String> = ["e-mail address", "email address", "e-mail 2 address", "e-mail 3 address"]
        .iter()
        .map(|column| header.get(row, &[column]).to_owned())
        .filter(|email| !email.is_empty())
        .collect();
    let name = person(name, emails.clone())?;
    let phone = ["mobile phone", "business phone", "home phone", "primary phone"]
        .iter()
        .map(|column| header.get(row, &[column]))
        .find(|phone| !phone.is_empty())
        .unwrap_or_default()
        .to_owned();
    let tags = header
        .get(row, &["categories"])
        .split(';')
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect();
    Some(Row {
        newcomer: Newcomer {
            name,
            organisation: header.get(row, &["company"]).to_owned(),
            role: header.get(row, &["job title"]).to_owned(),
            emails,
            phone,
            website: header.get(row, &["web page"]).to_owned(),
            notes: header.get(row, &["notes"]).to_owned(),
            tags,
            network: Some(Network::Operational),
        },
        connected_on: None,
    })
}

/// Imports a list into the document's people: the one merge of every source, and for each
/// LinkedIn connection the day we connected as a first encounter (never twice).
pub fn import(document: &mut BrandDocument, list: List) -> ImportReport {
    let mut report = ImportReport { skipped: list.skipped, warnings: list.warnings, ..ImportReport::default() };
    let mut known = Known::of(document);
    let said = match document.language {
        Language::En => "Connected on LinkedIn",
        Language::Nl => "Verbonden op LinkedIn",
    };
    // (person, day) of the encounters already there, and the next free id: linear in the
    // number of rows (5,000 connections).
    let mut met: HashSet<(String, NaiveDate)> = document
        .encounters
        .iter()
        .filter_map(|e| Some((e.date?, &e.people)))
        .flat_map(|(day, people)| people.iter().map(move |id| (id.clone(), day)))
        .collect();
    let mut next = document
        .encounters
        .iter()
        .filter_map(|e| e.id.strip_prefix("encounter-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    for row in list.rows {
        let index = merge(document, &mut known, row.newcomer, &mut report);
        if let Some(day) = row.connected_on {
            let id = document.people[index].id.clone();
            if met.insert((id.clone(), day)) {
                next += 1;
                document.encounters.push(Encounter {
                    id: format!("encounter-{next}"),
                    date: Some(day),
                    people: vec![id],
                    said: said.to_owned(),
                    ..Encounter::default()
                });
            }
        }
    }
    report
}
