//! `new`, `check` and `fmt`: creating, validating and reformatting brand documents.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{complain, say};
use crate::logic::{summary::summarize, validate};
use crate::model::{BrandDocument, Language};
use crate::storage::{self, BackupPolicy};

pub(super) fn new(file: &Path, name: Option<&str>, sample: bool, today: chrono::NaiveDate) -> ExitCode {
    if file.exists() {
        return complain(format!("{}: already exists; not overwritten", file.display()));
    }
    let document = if sample {
        match storage::sample_document_on(today) {
            Ok(document) => document,
            Err(error) => return complain(format!("sample: {error}")),
        }
    } else {
        BrandDocument::new_for(name.unwrap_or_default(), Language::En)
    };
    match storage::save(file, &document, None, BackupPolicy::Never) {
        Ok(_) => {
            say(format!("created {}", file.display()));
            ExitCode::SUCCESS
        }
        Err(error) => complain(error),
    }
}

pub(super) fn check(file: &Path, language: crate::model::Language) -> ExitCode {
    let loaded = match storage::load(file) {
        Ok(loaded) => loaded,
        Err(error) => return complain(error),
    };
    let problems = validate::problems(&loaded.document);
    if !problems.is_empty() {
        for problem in &problems {
            let _ = writeln!(std::io::stderr(), "{}: {problem}", file.display());
        }
        return ExitCode::from(1);
    }
    let mut line = summarize(&loaded.document).one_line(&loaded.document.person.name, language);
    if let Some(old) = loaded.migrated_from {
        line.push_str(&format!(
            " (format {old}; `pitchcraft fmt` converts it to format {})",
            crate::model::CURRENT_FORMAT
        ));
    }
    say(line);
    ExitCode::SUCCESS
}

pub(super) fn fmt(file: &Path) -> ExitCode {
    let loaded = match storage::load(file) {
        Ok(loaded) => loaded,
        Err(error) => return complain(error),
    };
    let text = match storage::to_ron(&loaded.document) {
        Ok(text) => text,
        Err(message) => return complain(format!("{}: {message}", file.display())),
    };
    if std::fs::read(file).is_ok_and(|bytes| bytes == text.as_bytes()) {
        say(format!("{}: already formatted", file.display()));
        return ExitCode::SUCCESS;
    }
    match storage::save_text(
        file,
        text.as_bytes(),
        Some(&loaded.stamp),
        BackupPolicy::Always,
        std::time::SystemTime::now(),
    ) {
        Ok(_) => {
            say(format!("formatted {}", file.display()));
            ExitCode::SUCCESS
        }
        Err(error) => complain(error),
    }
}

/// `save-loop`: saves `file` through the app's save thread's path (conflict check,
/// backup, atomic replace) again and again, alternating the documents `second` and
/// `first`, as they are written (both must load). It prints
/// `saving` once it starts and `saved` after each save, and never ends by itself; the
/// crash test kills it.
pub(super) fn save_loop(file: &Path, first: &Path, second: &Path) -> ExitCode {
    let loaded = [file, second, first].map(storage::load);
    let mut stamp = match loaded {
        [Ok(current), Ok(_), Ok(_)] => current.stamp,
        [Err(error), ..] | [_, Err(error), _] | [.., Err(error)] => return complain(error),
    };
    let read = |path: &Path| std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()));
    let texts = match [second, first].map(read) {
        [Ok(second), Ok(first)] => [second, first],
        [Err(message), _] | [_, Err(message)] => return complain(message),
    };
    say("saving");
    for text in texts.iter().cycle() {
        let policy = BackupPolicy::IfOlderThan(std::time::Duration::from_secs(600));
        match storage::save_text(file, text, Some(&stamp), policy, std::time::SystemTime::now()) {
            Ok(report) => {
                stamp = report.stamp;
                say("saved");
            }
            Err(error) => return complain(error),
        }
    }
    ExitCode::SUCCESS
}

/// `card`: the brand card of `file` written to `out` in the format asked for (or the one
/// its name ends in). Nothing is written when the document fails to load.
/// What `card` is asked to make.
pub(super) struct CardRequest<'a> {
    /// `--format`.
    pub format: Option<super::FormatArg>,
    /// `--paper`.
    pub paper: Option<crate::model::Paper>,
    /// `--pitch`.
    pub pitch: Option<&'a str>,
    /// `--layout`.
    pub layout: super::LayoutArg,
}

pub(super) fn card(file: &Path, out: &Path, request: CardRequest<'_>) -> ExitCode {
    let CardRequest { format, paper, pitch, layout } = request;
    let extension = out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let format = format.unwrap_or(match extension.as_deref() {
        Some("html" | "htm") => super::FormatArg::Html,
        Some("md" | "markdown") => super::FormatArg::Md,
        _ => super::FormatArg::Pdf,
    });
    if layout == super::LayoutArg::Business && !matches!(format, super::FormatArg::Pdf) {
        let _ = writeln!(
            std::io::stderr(),
            "error: --layout business makes a printable sheet and is only written as PDF (not HTML or Markdown)"
        );
        return ExitCode::from(2);
    }
    let document = match storage::load(file) {
        Ok(loaded) => loaded.document,
        Err(error) => return complain(error),
    };
    if layout == super::LayoutArg::Business {
        return business_cards(file, out, &document, paper.unwrap_or(document.card.paper));
    }
    if let Some(id) = pitch
        && document.pitch(id).is_none()
    {
        let known: Vec<&str> = document.pitches.iter().map(|pitch| pitch.id.as_str()).collect();
        return complain(format!(
            "{}: no pitch with the id \"{id}\" (there are: {})",
            file.display(),
            known.join(", ")
        ));
    }
    let made = crate::card::Card::make(&document, paper.unwrap_or(document.card.paper), &document.card.sections, pitch);
    let card = match made {
        Ok(card) => card,
        Err(error) => return complain(format!("{}: {error}", file.display())),
    };
    let bytes = match format {
        super::FormatArg::Pdf => match card.pdf() {
            Ok(bytes) => bytes,
            Err(error) => return complain(format!("{}: {error}", file.display())),
        },
        super::FormatArg::Html => card.html().into_bytes(),
        super::FormatArg::Md => card.markdown().into_bytes(),
    };
    report_omitted(out, &document, card.omitted(), "one page");
    write_out(out, &bytes)
}

/// Says on standard error what was left out to fit `what`.
fn report_omitted(out: &Path, document: &crate::model::BrandDocument, omitted: &[crate::card::Omission], what: &str) {
    if !omitted.is_empty() {
        let list: Vec<&str> = omitted.iter().map(|o| crate::i18n::tr(document.language, o.describe())).collect();
        let _ = writeln!(std::io::stderr(), "{}: left out to fit {what}: {}", out.display(), list.join(", "));
    }
}

/// Business cards of `document`, ten to a sheet, as a PDF at `out`.
fn business_cards(
    file: &Path,
    out: &Path,
    document: &crate::model::BrandDocument,
    paper: crate::model::Paper,
) -> ExitCode {
    let bytes = match crate::card::BusinessCards::make(document, paper) {
        Ok(cards) => match cards.pdf() {
            Ok(bytes) => {
                report_omitted(out, document, cards.omitted(), "a business card");
                bytes
            }
            Err(error) => return complain(format!("{}: {error}", file.display())),
        },
        Err(error) => return complain(format!("{}: {error}", file.display())),
    };
    write_out(out, &bytes)
}

/// Writes `bytes` to `out` atomically and says so.
fn write_out(out: &Path, bytes: &[u8]) -> ExitCode {
    match storage::write_atomically(out, bytes) {
        Ok(()) => {
            say(format!("wrote {}", out.display()));
            ExitCode::SUCCESS
        }
        Err(error) => complain(storage::write_failure(out, &error)),
    }
}
