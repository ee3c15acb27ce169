//! The `pitchcraft` command line: each command, its exit codes and messages.

#[path = "support/cli.rs"]
mod cli;
use cli::pitchcraft;

use std::path::Path;

use predicates::prelude::*;

fn write(dir: &Path, name: &str, contents: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn every_command_has_help() {
    for command in [
        &[][..],
        &["new"],
        &["check"],
        &["fmt"],
        &["analyze"],
        &["screenshot"],
        &["card"],
        &["people"],
        &["followups"],
        &["brief"],
    ] {
        pitchcraft().args(command).arg("--help").assert().success().stdout(predicate::str::contains("Usage"));
    }
}

#[test]
fn version_names_the_release_and_the_commit() {
    let output = pitchcraft().arg("--version").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let expected = format!("pitchcraft {} (", env!("CARGO_PKG_VERSION"));
    assert!(text.starts_with(&expected) && text.ends_with(")\n"), "{text:?}");
    let commit = &text[expected.len()..text.len() - 2];
    assert!(
        commit == "unknown commit" || (commit.len() == 7 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{commit:?}"
    );
}

/// The manual page the package installs is rendered from the command line's definition;
/// `PITCHCRAFT_UPDATE_MAN=1 cargo test --test cli manual` rewrites it after a change.
#[test]
fn the_manual_page_matches_the_command_line() {
    use clap::CommandFactory;
    let command = pitchcraft::cli::Cli::command().version(pitchcraft::identity::VERSION);
    let mut rendered = Vec::new();
    clap_mangen::Man::new(command).render(&mut rendered).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/pitchcraft.1");
    if std::env::var_os("PITCHCRAFT_UPDATE_MAN").is_some() {
        std::fs::write(&path, &rendered).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "{} is out of date: run PITCHCRAFT_UPDATE_MAN=1 cargo test --test cli manual",
        path.display()
    );
}

#[test]
fn usage_errors_exit_with_2() {
    pitchcraft().args(["check"]).assert().code(2);
    pitchcraft().args(["new", "x.brand.ron", "--name", "A", "--sample"]).assert().code(2);
    pitchcraft().args(["screenshot", "out.png", "--size", "huge"]).assert().code(2);
    pitchcraft().args(["screenshot", "out.png", "--page", "nowhere"]).assert().code(2);
    pitchcraft().args(["fmt", "--frobnicate", "x"]).assert().code(2);
}

#[test]
fn new_creates_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sanne.brand.ron");
    pitchcraft().arg("new").arg(&path).args(["--name", "Sanne de Vries"]).assert().success();
    let document = pitchcraft::storage::load(&path).unwrap().document;
    assert_eq!(document.person.name, "Sanne de Vries");

    let before = std::fs::read(&path).unwrap();
    pitchcraft()
        .arg("new")
        .arg(&path)
        .arg("--sample")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; not overwritten"));
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // On the day it was written for, the sample is written as it is embedded; on any other
    // day its network dates move with the day (passed in, never the machine's).
    let sample = dir.path().join("sample.brand.ron");
    pitchcraft()
        .arg("new")
        .arg(&sample)
        .args(["--sample", "--today", pitchcraft::storage::SAMPLE_DAY])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&sample).unwrap(), pitchcraft::storage::SAMPLE_RON);
    let later = dir.path().join("later.brand.ron");
    pitchcraft().arg("new").arg(&later).args(["--sample", "--today", "2028-02-29"]).assert().success();
    let moved = pitchcraft::storage::sample_document_on("2028-02-29".parse().unwrap()).unwrap();
    assert_eq!(pitchcraft::storage::load(&later).unwrap().document, moved);
    assert_ne!(moved, pitchcraft::storage::sample_document().unwrap());
}

#[test]
fn check_summarises_a_good_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "sanne.brand.ron", pitchcraft::storage::SAMPLE_RON.as_bytes());
    pitchcraft()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Sanne de Vries: 70 values sorted (6 ranked)"));
}

#[test]
fn check_counts_one_of_each_in_the_singular() {
    let mut document = pitchcraft::storage::sample_document().unwrap();
    document.expertise.truncate(1);
    document.expertise[0].proof.truncate(1);
    document.goals.truncate(1);
    document.audiences.truncate(1);
    document.pitches.truncate(1);
    document.rehearsals.truncate(1);
    document.notes.truncate(1);
    // The network refers to the goals and pitches left out.
    document.people.iter_mut().for_each(|contact| contact.goals.clear());
    document.events.iter_mut().flat_map(|event| &mut event.to_meet).for_each(|meeting| meeting.pitch = None);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.brand.ron");
    pitchcraft::storage::save_as(&path, &document).unwrap();
    pitchcraft().arg("check").arg(&path).assert().success().stdout(predicate::str::contains(
        "1 skill with 1 proof point, 1 goal, 1 audience, 1 pitch, 1 rehearsal, 1 note\n",
    ));
    pitchcraft().args(["check", "--lang", "nl"]).arg(&path).assert().success().stdout(predicate::str::contains(
        "1 vaardigheid met 1 bewijspunt, 1 doel, 1 doelgroep, 1 pitch, 1 oefenronde, 1 notitie\n",
    ));
}

#[test]
fn check_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.brand.ron", b"(\n    format: 1,\n    person: (name: \"x\" headline: \"y\"),\n)");
    let expected = format!("{}:3:24: ", path.display());
    pitchcraft().arg("check").arg(&path).assert().code(1).stderr(predicate::str::starts_with(expected));
}

#[test]
fn check_without_a_position_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.brand.ron");
    pitchcraft().arg("check").arg(&missing).assert().code(1).stderr(format!("{}: no such file\n", missing.display()));
    let future = write(dir.path(), "future.brand.ron", b"(format: 9)");
    pitchcraft()
        .arg("check")
        .arg(&future)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}: this file was made by a newer Pitchcraft", future.display())));
}

#[test]
fn check_reports_broken_references() {
    let dir = tempfile::tempdir().unwrap();
    let text = pitchcraft::storage::SAMPLE_RON.replace("audience: \"hospital-boards\"", "audience: \"nobody\"");
    let path = write(dir.path(), "sanne.brand.ron", text.as_bytes());
    pitchcraft()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("pitch \"board-30\" is for audience \"nobody\", which does not exist"));
}

#[test]
fn fmt_rewrites_with_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let messy = pitchcraft::storage::SAMPLE_RON.replace("    ", "  ");
    let path = write(dir.path(), "sanne.brand.ron", messy.as_bytes());
    pitchcraft().arg("fmt").arg(&path).assert().success().stdout(predicate::str::starts_with("formatted"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), pitchcraft::storage::SAMPLE_RON);
    let backups = pitchcraft::storage::backups_of(&path);
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), messy);
    pitchcraft().arg("fmt").arg(&path).assert().success().stdout(predicate::str::contains("already formatted"));
}

#[test]
fn apostrophes_and_accents_are_written_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zoe.brand.ron");
    pitchcraft().args(["new", "--name", "Zoë d'Ancona"]).arg(&path).assert().success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(r#"name: "Zoë d'Ancona","#), "{text}");
    // An older file with escaped apostrophes still opens, and `fmt` writes them plainly.
    let old = text.replace("format: 6,", "format: 6,\n    brand_statement: \"I\\'m Zoë. It\\'s simple.\",");
    std::fs::write(&path, old.replacen("    brand_statement: \"\",\n", "", 1)).unwrap();
    pitchcraft().arg("check").arg(&path).assert().success();
    pitchcraft().arg("fmt").arg(&path).assert().success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(r#"brand_statement: "I'm Zoë. It's simple.","#), "{text}");
    assert!(!text.contains("\\'"), "{text}");
}

#[test]
fn fmt_migrates_an_old_format() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/pitchcraft-core/tests/fixtures/format-0.brand.ron");
    let path = dir.path().join("old.brand.ron");
    std::fs::copy(&fixture, &path).unwrap();
    pitchcraft().arg("check").arg(&path).assert().success().stdout(predicate::str::contains("format 0"));
    pitchcraft().arg("fmt").arg(&path).assert().success();
    let current = format!("format: {},", pitchcraft::model::CURRENT_FORMAT);
    assert!(std::fs::read_to_string(&path).unwrap().contains(&current));
    assert_eq!(pitchcraft::storage::load(&path).unwrap().migrated_from, None);
}

#[test]
fn fmt_leaves_a_bad_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>); 5] = [
        ("malformed", b"(format: 1, person: (name: \"x\" headline: 2))".to_vec()),
        ("nul", vec![0; 1000]),
        ("future", format!("(format: {})", pitchcraft::model::CURRENT_FORMAT + 1).into_bytes()),
        ("wrong-type", b"(format: 1, goals: 7)".to_vec()),
        ("nested", format!("(format: 1, notes: {})", "[".repeat(100_000)).into_bytes()),
    ];
    for (name, bytes) in cases {
        let path = write(dir.path(), &format!("{name}.brand.ron"), &bytes);
        pitchcraft()
            .arg("fmt")
            .arg(&path)
            .assert()
            .code(1)
            .stderr(predicate::str::starts_with(path.display().to_string()));
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}");
    }
    assert!(pitchcraft::storage::backups_of(&dir.path().join("malformed.brand.ron")).is_empty());
}

#[test]
fn fmt_refuses_a_40_mib_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.brand.ron");
    std::fs::File::create(&path).unwrap().set_len(40 * 1024 * 1024).unwrap();
    pitchcraft().arg("fmt").arg(&path).assert().code(1).stderr(predicate::str::contains("16 MiB"));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 40 * 1024 * 1024);
}

#[test]
fn analyze_reads_standard_input_and_prints_json() {
    let output = pitchcraft()
        .args(["analyze", "-", "--json", "--wpm", "120", "--target", "10"])
        .write_stdin("Actually, I just cut waiting by 32 percent. Could we talk next week?")
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["language"], "en");
    assert_eq!(report["words"], 13);
    assert_eq!(report["sentences"], 2);
    assert_eq!(report["wpm"], 120.0);
    assert_eq!(report["seconds"], 6.5);
    assert_eq!(report["has_number"], true);
    assert_eq!(report["has_ask"], true);
    assert_eq!(report["long_sentences"], 0);
    assert_eq!(report["fillers"][0]["text"], "actually");
    assert_eq!(report["fillers"][0]["count"], 1);
    let first = &report["findings"][0];
    assert_eq!(
        (first["kind"].as_str(), first["start"].as_u64(), first["end"].as_u64()),
        (Some("filler"), Some(0), Some(8))
    );
    assert!(first["message"].as_str().unwrap().contains("filler"));
}

#[test]
fn analyze_detects_dutch_and_reads_files() {
    let dir = tempfile::tempdir().unwrap();
    let path =
        write(dir.path(), "pitch.txt", "Ik help eigenlijk ziekenhuizen met de wachttijd. Doe je mee?".as_bytes());
    pitchcraft()
        .arg("analyze")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Language: Nederlands").and(predicate::str::contains("\"eigenlijk\" ×1")));
}

#[test]
fn analyze_hears_like_and_jargon_and_gives_no_place_to_whole_text_findings() {
    let output = pitchcraft()
        .args(["analyze", "-", "--lang", "en"])
        .write_stdin("So, like, we leverage synergy for stakeholder alignment. I like data.")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success());
    assert!(stdout.contains("\"like\" ×1"), "{stdout}");
    assert!(stdout.contains("4-8:"), "{stdout}");
    for phrase in ["\"leverage\"", "\"synergy\"", "\"stakeholder alignment\""] {
        assert!(stdout.contains(phrase), "{phrase} in {stdout}");
    }
    assert!(!stdout.contains("0-0:"), "{stdout}");
    // The text has no number: that remark is about the whole text, so it has no offsets.
    let whole = stdout.lines().find(|line| line.contains("no number in this pitch")).unwrap();
    assert!(whole.starts_with("  ") && !whole.trim_start().starts_with(char::is_numeric), "{whole}");

    let output = pitchcraft().args(["analyze", "-", "--json"]).write_stdin("We help.").output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let place = |kind: &str| {
        let finding = findings.iter().find(|f| f["kind"] == kind).unwrap();
        (finding["start"].as_u64(), finding["end"].as_u64())
    };
    assert_eq!(place("no_number"), (None, None));
    assert_eq!(place("no_ask"), (Some(0), Some(8)), "the missing ask points at the last sentence");
}

#[test]
fn analyze_refuses_what_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "binary.txt", &[0x66, 0x6f, 0xff, 0xfe]);
    pitchcraft().arg("analyze").arg(&path).assert().code(1).stderr(predicate::str::contains("not UTF-8"));
    pitchcraft().args(["analyze", "missing.txt"]).assert().code(1);
    pitchcraft().args(["analyze", "--wpm", "9000"]).assert().code(2);
    pitchcraft().args(["analyze", "--lang", "fr"]).assert().code(2);
}

#[test]
fn analyze_handles_ten_thousand_words() {
    let text = "We cut waiting times for patients in every clinic. ".repeat(1000);
    let output = pitchcraft().args(["analyze", "--json"]).write_stdin(text).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["words"], 9000);
}

#[test]
fn card_writes_pdf_html_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "sanne.brand.ron", pitchcraft::storage::SAMPLE_RON.as_bytes());

    let pdf = dir.path().join("sanne.pdf");
    pitchcraft().arg("card").arg(&path).arg("-o").arg(&pdf).assert().success().stderr(predicate::str::is_empty());
    let bytes = std::fs::read(&pdf).unwrap();
    let document = lopdf::Document::load_mem(&bytes).unwrap();
    assert_eq!(document.get_pages().len(), 1);

    // The format follows the extension unless it is given.
    let html = dir.path().join("sanne.html");
    pitchcraft().arg("card").arg(&path).arg("-o").arg(&html).assert().success();
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Sanne de Vries"), "{html}");

    let markdown = dir.path().join("sanne.md");
    pitchcraft().arg("card").arg(&path).arg("-o").arg(&markdown).assert().success();
    assert!(std::fs::read_to_string(&markdown).unwrap().starts_with("# Sanne de Vries"));

    let forced = dir.path().join("card.txt");
    pitchcraft().arg("card").arg(&path).arg("-o").arg(&forced).args(["--format", "md"]).assert().success();
    assert!(std::fs::read_to_string(&forced).unwrap().starts_with("# Sanne de Vries"));
}

#[test]
fn card_takes_paper_and_pitch() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "sanne.brand.ron", pitchcraft::storage::SAMPLE_RON.as_bytes());
    let out = dir.path().join("letter.pdf");
    pitchcraft()
        .arg("card")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .args(["--paper", "letter", "--pitch", "clinic-heads-45"])
        .assert()
        .success();
    let pdf = lopdf::Document::load_mem(&std::fs::read(&out).unwrap()).unwrap();
    let page = pdf.get_dictionary(pdf.get_pages()[&1]).unwrap();
    let media: Vec<f32> =
        page.get(b"MediaBox").unwrap().as_array().unwrap().iter().map(|n| n.as_float().unwrap()).collect();
    assert_eq!(media[2..], [612.0, 792.0]);
    let text = pdf.extract_text(&[1]).unwrap();
    assert!(words(&text).contains("block scheduling your clinic"), "the 45-second pitch is printed: {text}");

    pitchcraft()
        .arg("card")
        .arg(&path)
        .arg("-o")
        .arg(dir.path().join("none.pdf"))
        .args(["--pitch", "no-such-pitch"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no pitch with the id \"no-such-pitch\"")
                .and(predicate::str::contains("board-30")),
        );
    assert!(!dir.path().join("none.pdf").exists());
}

/// `text` with its white space (PDF line breaks) made single spaces.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn card_makes_business_cards_as_pdf_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "sanne.brand.ron", pitchcraft::storage::SAMPLE_RON.as_bytes());
    for (paper, size) in [("a4", [595.0, 842.0]), ("letter", [612.0, 792.0])] {
        let out = dir.path().join(format!("cards-{paper}.pdf"));
        pitchcraft()
            .arg("card")
            .arg(&path)
            .arg("-o")
            .arg(&out)
            .args(["--layout", "business", "--paper", paper])
            .assert()
            .success()
            .stderr("");
        let pdf = lopdf::Document::load_mem(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(pdf.get_pages().len(), 2, "front and back");
        let page = pdf.get_dictionary(pdf.get_pages()[&1]).unwrap();
        let media: Vec<f32> =
            page.get(b"MediaBox").unwrap().as_array().unwrap().iter().map(|n| n.as_float().unwrap().round()).collect();
        assert_eq!(media[2..], size, "{paper}");
        let front = words(&pdf.extract_text(&[1]).unwrap());
        assert_eq!(front.matches("Sanne de Vries").count(), 10, "{paper}: ten cards: {front}");
        let back = words(&pdf.extract_text(&[2]).unwrap());
        assert_eq!(back.matches("I help hospitals").count(), 10, "{paper}: {back}");
    }
    for out in ["cards.html", "cards.md"] {
        pitchcraft()
            .arg("card")
            .arg(&path)
            .arg("-o")
            .arg(dir.path().join(out))
            .args(["--layout", "business"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("only written as PDF"));
        assert!(!dir.path().join(out).exists());
    }
    pitchcraft().arg("card").arg(&path).args(["-o", "x.pdf", "--layout", "poster"]).assert().code(2);
}

#[test]
fn card_reports_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut document = pitchcraft::storage::sample_document().unwrap();
    document.person.headline = "Calmer clinics, shorter waits, happier teams and fewer complaints. ".repeat(8);
    let strength = document.expertise[0].clone();
    document.expertise.extend(std::iter::repeat_n(strength, 12));
    let path = write(dir.path(), "long.brand.ron", pitchcraft::storage::to_ron(&document).unwrap().as_bytes());
    let out = dir.path().join("long.pdf");
    pitchcraft()
        .arg("card")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("left out to fit one page").and(predicate::str::contains("headline")));
    assert_eq!(lopdf::Document::load_mem(&std::fs::read(&out).unwrap()).unwrap().get_pages().len(), 1);
}

#[test]
fn card_of_a_bad_document_fails_and_leaves_the_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "broken.brand.ron", b"(format: 1, person: (name: \"Sanne\"");
    let out = write(dir.path(), "card.pdf", b"an earlier card");
    pitchcraft()
        .arg("card")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.brand.ron"));
    assert_eq!(std::fs::read(&out).unwrap(), b"an earlier card");

    let missing = dir.path().join("missing.pdf");
    pitchcraft().arg("card").arg(dir.path().join("nowhere.brand.ron")).arg("-o").arg(&missing).assert().code(1);
    assert!(!missing.exists());
}

#[test]
fn draft_prints_the_five_sections_and_the_hooks_and_never_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sanne.brand.ron");
    std::fs::write(&file, pitchcraft::storage::SAMPLE_RON).unwrap();
    let out = cli::pitchcraft()
        .args(["draft"])
        .arg(&file)
        .args(["--audience", "hospital-boards", "--target", "30"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let (sections, hooks) = text.split_once("\n--\n").expect("sections, then --, then hooks");
    let paragraphs: Vec<&str> = sections.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 5, "{text}");
    assert!(paragraphs[1].starts_with("I'm Sanne de Vries"), "{text}");
    assert!(paragraphs[4].ends_with('?'), "{text}");
    assert_eq!(hooks.trim().lines().count(), 3, "{text}");
    assert!(out.stderr.is_empty(), "no warnings for an English draft of an English profile");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), pitchcraft::storage::SAMPLE_RON, "FILE untouched");
}

#[test]
fn draft_json_has_every_field_and_warns_about_mixed_languages() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sanne.brand.ron");
    std::fs::write(&file, pitchcraft::storage::SAMPLE_RON).unwrap();
    let out = cli::pitchcraft()
        .args(["draft"])
        .arg(&file)
        .args(["--lang", "nl", "--target", "60", "--wpm", "130", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["language"], "nl");
    assert_eq!(json["audience"], "hospital-boards", "the first audience by default");
    assert_eq!(json["target_seconds"], 60);
    assert_eq!(json["wpm"], 130.0);
    assert!(json["words"].as_u64().unwrap() > 50);
    assert!(json["seconds"].as_f64().unwrap() > 20.0);
    let kinds: Vec<&str> = json["sections"].as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["hook", "who_i_am", "value", "proof", "ask"]);
    assert!(json["hooks"].as_array().unwrap().len() >= 2);
    let warnings = json["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w.as_str().unwrap().contains("written in English")), "{warnings:?}");
}

#[test]
fn draft_explain_says_per_section_what_was_used_how_it_was_read_and_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sanne.brand.ron");
    std::fs::write(&file, pitchcraft::storage::SAMPLE_RON).unwrap();
    let out = cli::pitchcraft().args(["draft"]).arg(&file).args(["--explain"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let explained = text.split("\n--\n").nth(2).expect("the explanation after the hooks");
    for kind in ["hook:", "who_i_am:", "value:", "proof:", "ask:"] {
        assert!(explained.lines().any(|line| line.starts_with(kind)), "{kind} in {explained}");
    }
    assert!(explained.contains("read as noun phrase"), "{explained}");
    assert!(explained.contains("said by: "), "{explained}");

    let out = cli::pitchcraft().args(["draft"]).arg(&file).args(["--explain", "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let explained = json["explained"].as_array().expect("explained in the JSON");
    assert_eq!(explained.len(), 5);
    let ask = &explained[4];
    assert_eq!(ask["kind"], "ask");
    assert_eq!(ask["uses"][0]["field"], "Your ask");
    assert!(!ask["uses"][0]["rule"].as_str().unwrap().is_empty());
    // Without --explain the JSON stays as it was.
    let out = cli::pitchcraft().args(["draft"]).arg(&file).args(["--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.get("explained").is_none());
}

#[test]
fn draft_of_a_document_without_audiences_speaks_to_a_general_listener() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("noor.brand.ron");
    std::fs::write(&file, "(format: 2, person: (name: \"Noor Visser\", role: \"Project manager\"))").unwrap();
    let out = cli::pitchcraft().args(["draft"]).arg(&file).args(["--json"]).output().unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["audience"].is_null());
    let ask = json["sections"][4]["text"].as_str().unwrap();
    assert!(ask.starts_with('[') && ask.ends_with(']'), "one placeholder sentence: {ask}");
    assert!(json["warnings"][0].as_str().unwrap().contains("placeholders"));
}

#[test]
fn draft_of_a_bad_file_or_an_unknown_audience_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sanne.brand.ron");
    std::fs::write(&file, pitchcraft::storage::SAMPLE_RON).unwrap();
    cli::pitchcraft().args(["draft"]).arg(&file).args(["--audience", "investors"]).assert().code(1).stderr(
        predicates::str::contains("no audience with the id \"investors\"")
            .and(predicates::str::contains("hospital-boards")),
    );
    let broken = dir.path().join("broken.brand.ron");
    std::fs::write(&broken, "(format: 2, person: (name: ").unwrap();
    cli::pitchcraft()
        .args(["draft"])
        .arg(&broken)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("broken.brand.ron:"));
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "(format: 2, person: (name: ");
}
