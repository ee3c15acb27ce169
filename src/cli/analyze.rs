//! `analyze`: the text analysis of the pitch studio, on a plain-text file or standard input.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::complain;
use crate::logic::analysis::{Analysis, FindingKind, PhraseCount, analyze, default_wpm, detect_language};
use crate::model::Language;
use crate::storage::MAX_FILE_BYTES;

/// One finding, as printed in JSON: byte offsets into the text.
#[derive(Serialize)]
struct JsonFinding {
    kind: FindingKind,
    message: String,
    /// Byte offsets into the text; `null` for a finding about the whole text.
    start: Option<usize>,
    end: Option<usize>,
}

/// The JSON report.
#[derive(Serialize)]
struct Report<'a> {
    language: &'static str,
    words: usize,
    sentences: usize,
    seconds: f64,
    wpm: f64,
    target_seconds: Option<u32>,
    fillers: &'a [PhraseCount],
    long_sentences: usize,
    has_number: bool,
    has_ask: bool,
    you_count: usize,
    i_count: usize,
    findings: Vec<JsonFinding>,
}

/// Reads the whole text (at most 16 MiB) from `file`, or standard input for `None` or `-`.
fn read_text(file: Option<&Path>) -> Result<String, String> {
    let (name, reader): (String, Box<dyn Read>) = match file {
        Some(path) if path != Path::new("-") => (
            path.display().to_string(),
            Box::new(std::fs::File::open(path).map_err(|error| format!("{}: {error}", path.display()))?),
        ),
        _ => ("standard input".to_owned(), Box::new(std::io::stdin())),
    };
    let mut bytes = Vec::new();
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|error| format!("{name}: {error}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("{name}: more than 16 MiB of text; a pitch is a few hundred words"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes).to_vec();
    String::from_utf8(bytes).map_err(|error| {
        format!("{name}: not UTF-8 text (invalid byte at offset {})", error.utf8_error().valid_up_to())
    })
}

pub(super) fn run(
    file: Option<&Path>,
    language: Option<Language>,
    wpm: Option<u32>,
    target: Option<u32>,
    json: bool,
) -> ExitCode {
    let text = match read_text(file) {
        Ok(text) => text,
        Err(message) => return complain(message),
    };
    let language = language.unwrap_or_else(|| detect_language(&text));
    let rate = wpm.map_or_else(|| default_wpm(language), f64::from);
    let analysis = analyze(&text, language, rate);
    let output = if json { json_report(&text, &analysis, target) } else { text_report(&text, &analysis, target) };
    let _ = writeln!(std::io::stdout(), "{output}");
    ExitCode::SUCCESS
}

fn json_report(text: &str, analysis: &Analysis, target: Option<u32>) -> String {
    let report = Report {
        language: analysis.language.code(),
        words: analysis.words,
        sentences: analysis.sentences,
        seconds: (analysis.seconds * 10.0).round() / 10.0,
        wpm: analysis.wpm,
        target_seconds: target,
        fillers: &analysis.fillers,
        long_sentences: analysis.long_sentences,
        has_number: analysis.has_number,
        has_ask: analysis.has_ask,
        you_count: analysis.you_count,
        i_count: analysis.i_count,
        findings: analysis
            .findings
            .iter()
            .map(|finding| JsonFinding {
                kind: finding.kind,
                message: finding.message(text, analysis.language),
                start: (finding.start < finding.end).then_some(finding.start),
                end: (finding.start < finding.end).then_some(finding.end),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
}

fn text_report(text: &str, analysis: &Analysis, target: Option<u32>) -> String {
    let yes_no = |flag: bool| if flag { "yes" } else { "no" };
    let mut lines = vec![
        format!("Language: {}", analysis.language.native_name()),
        format!(
            "Words: {} · sentences: {} · about {:.1} s at {:.0} words per minute",
            analysis.words, analysis.sentences, analysis.seconds, analysis.wpm
        ),
    ];
    if let Some(target) = target {
        let delta = analysis.seconds - f64::from(target);
        let verdict = if delta > 0.5 {
            format!("{delta:.1} s over")
        } else if delta < -0.5 {
            format!("{:.1} s to spare", -delta)
        } else {
            "on time".to_owned()
        };
        lines.push(format!("Target: {target} s ({verdict})"));
    }
    let fillers: Vec<String> = analysis.fillers.iter().map(|c| format!("\"{}\" ×{}", c.text, c.count)).collect();
    lines.push(format!(
        "Fillers and hedges: {}",
        if fillers.is_empty() { "none".to_owned() } else { fillers.join(", ") }
    ));
    lines.push(format!(
        "Long sentences: {} · number: {} · ask at the end: {} · you/I: {}/{}",
        analysis.long_sentences,
        yes_no(analysis.has_number),
        yes_no(analysis.has_ask),
        analysis.you_count,
        analysis.i_count
    ));
    if !analysis.findings.is_empty() {
        lines.push("Findings:".to_owned());
        for finding in &analysis.findings {
            let message = finding.message(text, analysis.language);
            if finding.start < finding.end {
                lines.push(format!("  {}-{}: {message}", finding.start, finding.end));
            } else {
                lines.push(format!("  {message}"));
            }
        }
    }
    lines.join("\n")
}
