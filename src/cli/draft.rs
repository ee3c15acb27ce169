//! `draft`: the draft the pitch studio would make, without a window.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::complain;
use crate::i18n::tr;
use crate::logic::draft::{Draft, draft, profile_language, word_count};
use crate::logic::rate::planning_wpm;
use crate::model::{Language, SectionKind};
use crate::storage;

/// The JSON report.
#[derive(Serialize)]
struct Report<'a> {
    language: &'static str,
    audience: Option<&'a str>,
    target_seconds: u32,
    wpm: f64,
    words: usize,
    seconds: f64,
    sections: Vec<JsonSection>,
    hooks: Vec<String>,
    warnings: Vec<String>,
    /// With `--explain`: per section, the answers used and how.
    #[serde(skip_serializing_if = "Option::is_none")]
    explained: Option<Vec<JsonExplained>>,
}

#[derive(Serialize)]
struct JsonExplained {
    kind: &'static str,
    uses: Vec<JsonUse>,
}

#[derive(Serialize)]
struct JsonUse {
    field: &'static str,
    typed: String,
    read_as: &'static str,
    rule: &'static str,
}

#[derive(Serialize)]
struct JsonSection {
    kind: &'static str,
    text: String,
}

fn kind_name(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Hook => "hook",
        SectionKind::WhoIAm => "who_i_am",
        SectionKind::Value => "value",
        SectionKind::Proof => "proof",
        SectionKind::Ask => "ask",
    }
}

/// Per section, each answer used: what was typed, how it was read, the rule that said it.
fn explanation(drafted: &Draft) -> String {
    let mut text = String::new();
    for ((kind, uses), section) in drafted.explained.iter().zip(&drafted.sections) {
        text.push_str(&format!("{}: {}\n", kind_name(*kind), section.text));
        if uses.is_empty() {
            text.push_str("  (no answer used)\n");
        }
        for used in uses {
            let typed = if used.typed.is_empty() { "(empty)".to_owned() } else { format!("\"{}\"", used.typed) };
            text.push_str(&format!(
                "  {}: {typed}\n    read as {}; said by: {}\n",
                tr(Language::En, used.field),
                used.read_as,
                used.rule
            ));
        }
    }
    text
}

/// What `draft` was asked for.
pub(super) struct Request<'a> {
    pub file: &'a Path,
    pub audience: Option<&'a str>,
    pub target: u32,
    pub language: Option<Language>,
    pub wpm: Option<u32>,
    pub json: bool,
    pub explain: bool,
}

/// Prints the draft of `request.file`; never writes the file.
pub(super) fn run(request: Request<'_>) -> ExitCode {
    let document = match storage::load(request.file) {
        Ok(loaded) => loaded.document,
        Err(error) => return complain(error),
    };
    let audience = match request.audience {
        Some(id) => match document.audience(id) {
            Some(audience) => Some(audience),
            None => {
                let known: Vec<&str> = document.audiences.iter().map(|audience| audience.id.as_str()).collect();
                let known = if known.is_empty() { "none".to_owned() } else { known.join(", ") };
                return complain(format!(
                    "{}: no audience with the id \"{id}\" (there are: {known})",
                    request.file.display()
                ));
            }
        },
        None => document.audiences.first(),
    };
    let language = request.language.unwrap_or_else(|| profile_language(&document));
    let wpm = request.wpm.map_or_else(|| planning_wpm(&document, language), f64::from);
    let drafted = draft(&document, audience, request.target, language, wpm);
    let words: usize = drafted.sections.iter().map(|section| word_count(&section.text)).sum();
    // Warnings in English, as every message of the command line.
    let warnings: Vec<String> = drafted.warnings.iter().map(|warning| warning.describe(Language::En)).collect();
    let mut out = std::io::stdout().lock();
    let printed = if request.json {
        let report = Report {
            language: language.code(),
            audience: audience.map(|audience| audience.id.as_str()),
            target_seconds: request.target,
            wpm: (wpm * 10.0).round() / 10.0,
            words,
            seconds: (words as f64 * 60.0 / wpm * 10.0).round() / 10.0,
            sections: drafted
                .sections
                .iter()
                .map(|section| JsonSection { kind: kind_name(section.kind), text: section.text.clone() })
                .collect(),
            hooks: drafted.hooks.clone(),
            warnings: warnings.clone(),
            explained: request.explain.then(|| {
                drafted
                    .explained
                    .iter()
                    .map(|(kind, uses)| JsonExplained {
                        kind: kind_name(*kind),
                        uses: uses
                            .iter()
                            .map(|used| JsonUse {
                                field: tr(Language::En, used.field),
                                typed: used.typed.clone(),
                                read_as: used.read_as,
                                rule: used.rule,
                            })
                            .collect(),
                    })
                    .collect()
            }),
        };
        serde_json::to_string_pretty(&report).map_err(std::io::Error::other).and_then(|text| writeln!(out, "{text}"))
    } else {
        let paragraphs: Vec<&str> = drafted.sections.iter().map(|section| section.text.as_str()).collect();
        let mut text = format!("{}\n--\n{}", paragraphs.join("\n\n"), drafted.hooks.join("\n"));
        if request.explain {
            text.push_str("\n--\n");
            text.push_str(&explanation(&drafted));
        }
        writeln!(out, "{text}")
    };
    if printed.is_err() {
        return ExitCode::from(1);
    }
    if !request.json {
        let mut err = std::io::stderr().lock();
        for warning in &warnings {
            let _ = writeln!(err, "{}: {warning}", request.file.display());
        }
    }
    ExitCode::SUCCESS
}
