//! `pitchcraft voice transcribe`: what was said in a take, and against the script.

use std::path::Path;
use std::process::ExitCode;

use pitchcraft_listen::{Listener, Options, Transcript};
use pitchcraft_voice::audio;
use serde_json::json;

use super::{complain, say};
use crate::logic::rehearsal::spoken_sections;
use crate::logic::transcript::{Comparison, HeardWord, compare};
use crate::model::Language;

/// The script's sections: a brand document's pitch (its spoken sections, with their kind),
/// or a text file's paragraphs.
fn script(path: &Path, pitch: Option<&str>) -> Result<Vec<(String, String)>, String> {
    let is_document = path.to_string_lossy().ends_with(".ron") || pitch.is_some();
    if is_document {
        let loaded = crate::storage::load(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let document = loaded.document;
        let wanted = pitch.ok_or_else(|| format!("{}: a brand document needs --pitch ID", path.display()))?;
        let Some(found) = document.pitches.iter().find(|p| p.id == wanted) else {
            let ids: Vec<&str> = document.pitches.iter().map(|p| p.id.as_str()).collect();
            return Err(format!("{}: no pitch {wanted} (there are: {})", path.display(), ids.join(", ")));
        };
        return Ok(spoken_sections(found)
            .into_iter()
            .map(|(kind, text)| (format!("{kind:?}").to_lowercase(), text.to_owned()))
            .collect());
    }
    let text = super::voice::read_text(path)?;
    Ok(text
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .enumerate()
        .map(|(index, paragraph)| (format!("paragraph {}", index + 1), paragraph.replace('\n', " ")))
        .collect())
}

/// `voice get-model`: the model fetched into `to` (or the user's data folder), with the
/// progress on standard error, a line every 10 %.
pub(super) fn get_model(to: Option<&Path>) -> ExitCode {
    use pitchcraft_listen::fetch;
    let Some(folder) = to.map(Path::to_path_buf).or_else(crate::identity::speech_model_dir) else {
        return complain("no data folder for the speech model: give one with --to DIR");
    };
    let url = std::env::var("PITCHCRAFT_MODEL_URL").unwrap_or_else(|_| fetch::MODEL_URL.to_owned());
    let tenth = std::sync::atomic::AtomicU64::new(u64::MAX);
    let progress = |p: fetch::Progress| {
        let now = (p.done * 10).checked_div(p.total).unwrap_or(0);
        if tenth.swap(now, std::sync::atomic::Ordering::Relaxed) != now {
            eprintln!("{:>4.0} of {:.0} MB", p.done as f64 / 1e6, p.total as f64 / 1e6);
        }
    };
    match fetch::fetch(&url, &folder, &fetch::WHISPER_BASE, &progress, &|| false) {
        Ok(()) => {
            say(format_args!("the speech model is in {}", folder.display()));
            ExitCode::SUCCESS
        }
        Err(e) => complain(e),
    }
}

pub(super) fn transcribe(
    path: &Path,
    language: Language,
    text: Option<&Path>,
    pitch: Option<&str>,
    model: Option<&Path>,
    json: bool,
) -> ExitCode {
    let sections = match text.map(|file| script(file, pitch)).transpose() {
        Ok(sections) => sections,
        Err(message) => return complain(message),
    };
    let Some(folder) = crate::identity::speech_model(model) else {
        return complain("no folder for the speech model: give one with --model DIR");
    };
    let listener = match Listener::load(&folder) {
        Ok(listener) => listener,
        Err(pitchcraft_listen::ListenError::NoModel(folder)) => {
            return complain(format_args!(
                "no speech model in {}.\n\
                 Transcripts need Whisper base (145 MB, MIT) as converted for CTranslate2: the files model.bin, \
                 config.json and tokenizer.json of Systran/faster-whisper-base. Put them in that folder, \
                 or give another with --model DIR or PITCHCRAFT_WHISPER_DIR.",
                folder.display()
            ));
        }
        Err(e) => return complain(e),
    };
    let take = match audio::read(path) {
        Ok(take) => take,
        Err(e) => return complain(format_args!("{}: {e}", path.display())),
    };
    let joined = sections.as_ref().map(|s| s.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" "));
    let options = Options { language: language.code(), script: joined.as_deref(), ..Options::default() };
    let transcript = match listener.transcribe(&take, &options) {
        Ok(transcript) => transcript,
        Err(e) => return complain(format_args!("{}: {e}", path.display())),
    };
    let heard = &transcript.words;
    let comparison = sections.as_ref().map(|sections| {
        let texts: Vec<&str> = sections.iter().map(|(_, t)| t.as_str()).collect();
        compare(&texts, heard, language)
    });
    if json {
        say(report_json(&transcript, heard, sections.as_deref(), comparison.as_ref()));
    } else {
        report_text(&transcript, heard, sections.as_deref(), comparison.as_ref());
    }
    ExitCode::SUCCESS
}

fn report_json(
    transcript: &Transcript,
    heard: &[HeardWord],
    sections: Option<&[(String, String)]>,
    comparison: Option<&Comparison>,
) -> String {
    let mut out = json!({
        "language": transcript.language,
        "duration_seconds": transcript.duration_seconds,
        "text": transcript.text,
        "words": heard.iter().map(|w| json!({
            "word": w.text.trim(),
            "start": round(w.start),
            "end": round(w.end),
            "probability": (f64::from(w.probability) * 1000.0).round() / 1000.0,
        })).collect::<Vec<_>>(),
    });
    if let Some(other) = &transcript.sounds_like {
        out["sounds_like"] = json!(other);
    }
    if let (Some(sections), Some(comparison)) = (sections, comparison) {
        out["said_share"] = json!((comparison.said_share * 1000.0).round() / 1000.0);
        out["alignment"] = json!(comparison.alignment);
        out["sections"] = json!(
            sections
                .iter()
                .zip(&comparison.sections)
                .map(|((kind, _), time)| match time {
                    Some(time) => json!({
                        "kind": kind,
                        "start": round(time.start),
                        "end": round(time.end),
                        "words_per_minute": time.words_per_minute.map(|w| w.round()),
                    }),
                    None => json!({ "kind": kind, "start": null, "end": null, "words_per_minute": null }),
                })
                .collect::<Vec<_>>()
        );
        out["fillers"] = json!(comparison.fillers);
    }
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

fn round(seconds: f64) -> f64 {
    (seconds * 100.0).round() / 100.0
}

fn report_text(
    transcript: &Transcript,
    heard: &[HeardWord],
    sections: Option<&[(String, String)]>,
    comparison: Option<&Comparison>,
) {
    say(format_args!("length: {:.1} s", transcript.duration_seconds));
    if let Some(other) = &transcript.sounds_like {
        say(format_args!("note: this sounds like {other}, not {}; the transcript will be poor", transcript.language));
    }
    say(format_args!("heard: {}", transcript.text));
    for word in heard {
        say(format_args!("{:7.2} {:7.2}  {:.2}  {}", word.start, word.end, word.probability, word.text.trim()));
    }
    let (Some(sections), Some(comparison)) = (sections, comparison) else { return };
    say(format_args!("said: {:.0} % of the script", comparison.said_share * 100.0));
    for ((kind, _), time) in sections.iter().zip(&comparison.sections) {
        match time {
            Some(time) => say(format_args!(
                "{kind}: {:.1}–{:.1} s{}",
                time.start,
                time.end,
                time.words_per_minute.map(|w| format!(", {w:.0} words a minute")).unwrap_or_default()
            )),
            None => say(format_args!("{kind}: not heard")),
        }
    }
    for step in &comparison.alignment {
        use crate::logic::transcript::Op;
        match step.op {
            Op::Said => {}
            Op::Skipped => say(format_args!("skipped: {}", step.script.as_deref().unwrap_or_default())),
            Op::Added => say(format_args!("added: {}", step.heard.as_deref().unwrap_or_default())),
            Op::Changed => say(format_args!(
                "changed: {} → {}",
                step.script.as_deref().unwrap_or_default(),
                step.heard.as_deref().unwrap_or_default()
            )),
        }
    }
    for filler in &comparison.fillers {
        say(format_args!("filler: {} at {:.1} s", filler.word, filler.start));
    }
}
