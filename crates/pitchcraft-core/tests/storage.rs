//! Loading and saving through the public storage API: round trips, hostile files,
//! migration, conflicts.

use std::path::Path;

use pitchcraft_core::model::{Address, CURRENT_FORMAT, CardSection, Paper, PitchForm, RateChoice};
use pitchcraft_core::storage::{self, BackupPolicy, DocumentError, LoadErrorKind, SaveError};

#[test]
fn the_sample_round_trips_byte_for_byte() {
    let document = storage::sample_document().unwrap();
    assert_eq!(storage::to_ron(&document).unwrap(), storage::SAMPLE_RON);
}

#[test]
fn a_saved_document_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sanne.brand.ron");
    let document = storage::sample_document().unwrap();
    storage::save(&path, &document, None, BackupPolicy::Never).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.document, document);
    assert_eq!(loaded.migrated_from, None);
}

/// Deterministic noise, so a failure can be reproduced.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn hostile_files() -> Vec<(&'static str, Vec<u8>)> {
    let sample = storage::SAMPLE_RON.as_bytes();
    vec![
        ("malformed", b"(format: 1, person: (name: \"x\" headline: 2))".to_vec()),
        ("truncated", sample[..sample.len() / 2].to_vec()),
        ("nul-filled", vec![0; 4096]),
        ("random-bytes", noise(64 * 1024)),
        ("deeply-nested", format!("(format: 1, extra: {}{})", "[".repeat(100_000), "]".repeat(100_000)).into_bytes()),
        (
            "deeply-nested-typed",
            format!("(format: 1, notes: {}{})", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        ),
        ("future-format", b"(format: 99, person: (name: \"Sanne\"), hologram: true)".to_vec()),
        ("wrong-type", b"(format: 1, pitches: \"none\")".to_vec()),
        ("not-a-brand-document", b"(name: \"Sanne\")".to_vec()),
        ("empty", Vec::new()),
    ]
}

#[test]
fn hostile_files_give_clear_errors_and_are_never_written() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in hostile_files() {
        let path = dir.path().join(format!("{name}.brand.ron"));
        std::fs::write(&path, &bytes).unwrap();
        let error = storage::load(&path).expect_err(name);
        let message = error.to_string();
        assert!(message.starts_with(&path.display().to_string()), "{name}: {message}");
        assert!(message.len() > path.display().to_string().len() + 5, "{name}: {message}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} was changed by loading");
    }
    assert!(!storage::backup_dir(&dir.path().join("x")).exists());
}

#[test]
fn hostile_errors_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let load = |name: &str| {
        let (_, bytes) = hostile_files().into_iter().find(|(n, _)| *n == name).unwrap();
        let path = dir.path().join(format!("{name}.brand.ron"));
        std::fs::write(&path, bytes).unwrap();
        storage::load(&path).unwrap_err()
    };
    assert!(load("future-format").to_string().contains("made by a newer Pitchcraft"));
    assert!(load("deeply-nested").to_string().contains("nested too deeply"));
    assert!(load("random-bytes").to_string().contains("not text"));
    assert!(load("not-a-brand-document").to_string().contains("not a Pitchcraft brand document"));
    let malformed = load("malformed");
    assert_eq!(malformed.position(), Some((1, 32)), "{malformed}");
    assert!(load("wrong-type").position().is_some());
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.brand.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(40 * 1024 * 1024).unwrap();
    drop(file);
    let error = storage::load(&path).unwrap_err();
    assert!(matches!(error.kind, LoadErrorKind::Document(DocumentError::TooLarge { .. })), "{error}");
    assert!(error.to_string().contains("16 MiB"), "{error}");
}

#[test]
fn format_0_is_migrated() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-0.brand.ron");
    let loaded = storage::load(&fixture).unwrap();
    assert_eq!(loaded.migrated_from, Some(0));
    let document = loaded.document;
    assert_eq!(document.format, CURRENT_FORMAT);
    assert_eq!(document.person.email, "sanne@example.org");
    assert_eq!(document.person.phone, "");
    assert_eq!(document.person.location, "Utrecht");
    assert_eq!(document.values.ranking, ["reliability", "care"]);
    assert_eq!(document.values.cards["reliability"].meaning, "Monday means Monday.");
    assert_eq!(document.expertise[0].proof[0].metric, "-32% waiting time");
    assert_eq!(document.rehearsals[0].confidence, Some(4));
    assert_eq!(document.card.paper, Paper::Letter);
    assert!(!document.card.sections.contains(&CardSection::QrCode));
    assert!(document.card.sections.contains(&CardSection::Values));
    assert!(pitchcraft_core::logic::validate::problems(&document).is_empty());
}

#[test]
fn format_1_is_migrated_with_the_new_defaults() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-1.brand.ron");
    let loaded = storage::load(&fixture).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    let document = loaded.document;
    assert_eq!(document.format, CURRENT_FORMAT);
    // Every audience gets the default address of its network: formal for the strategic one.
    let address = |id: &str| document.audience(id).unwrap().address();
    assert_eq!(document.audience("hospital-boards").unwrap().address, None);
    assert_eq!(address("hospital-boards"), Address::Formal);
    assert_eq!(address("regional-peers"), Address::Informal);
    assert_eq!(address("clinic-heads"), Address::Informal);
    // Every attempt is judged by its pace, as before.
    assert_eq!(document.rehearsals.len(), 4);
    assert!(document.rehearsals.iter().all(|attempt| attempt.rate == RateChoice::Auto));
    // Saved, it is the current format, and apart from the format the same text, with its
    // apostrophes now written as themselves (`I'm`, where format 1 had `I\'m`).
    let text = storage::to_ron(&document).unwrap();
    let old = std::fs::read_to_string(&fixture).unwrap();
    assert!(old.contains("I\\'m"));
    let as_format_1 = without_goal_ids(&text)
        .replacen(&format!("format: {CURRENT_FORMAT},"), "format: 1,", 1)
        .replacen("\n        pitch_form: OneLine,", "", 1);
    assert_eq!(as_format_1, old.replace("\\'", "'"));
}

#[test]
fn format_2_is_migrated_to_a_one_line_pitch_on_the_card() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-2.brand.ron");
    let old = std::fs::read_to_string(&fixture).unwrap();
    assert!(!old.contains("pitch_form"));
    let loaded = storage::load(&fixture).unwrap();
    assert_eq!(loaded.migrated_from, Some(2));
    let document = loaded.document;
    assert_eq!(document.format, CURRENT_FORMAT);
    assert_eq!(document.card.pitch_form, PitchForm::OneLine);
    assert_eq!(document.card.pitch, "board-30", "the chosen pitch stays");
    assert!(pitchcraft_core::logic::validate::problems(&document).is_empty());
    // Saved, only the format, the new field and the plainly written apostrophes differ.
    let text = without_goal_ids(&storage::to_ron(&document).unwrap());
    let expected = old
        .replacen("format: 2,", &format!("format: {CURRENT_FORMAT},"), 1)
        .replacen(
            "        pitch: \"board-30\",\n    ),",
            "        pitch: \"board-30\",\n        pitch_form: OneLine,\n    ),",
            1,
        )
        .replace("\\'", "'");
    assert_eq!(text, expected);
}

/// A saved text without the goal ids that format 4 added (`id: "goal-1",` lines).
fn without_goal_ids(text: &str) -> String {
    text.split_inclusive('\n')
        .filter(|line| {
            let line = line.trim();
            !(line.starts_with("id: \"goal-") && line.ends_with("\","))
        })
        .collect()
}

#[test]
fn format_3_is_migrated_with_goal_ids_and_an_empty_network() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-3.brand.ron");
    let old = std::fs::read_to_string(&fixture).unwrap();
    assert!(old.contains("format: 3,") && !old.contains("id: \"goal-"));
    let loaded = storage::load(&fixture).unwrap();
    assert_eq!(loaded.migrated_from, Some(3));
    let document = loaded.document;
    assert_eq!(document.format, CURRENT_FORMAT);
    let ids: Vec<&str> = document.goals.iter().map(|goal| goal.id.as_str()).collect();
    assert_eq!(ids, ["goal-1", "goal-2"], "every goal gets an id contacts can refer to");
    assert!(document.people.is_empty() && document.events.is_empty());
    assert!(document.encounters.is_empty() && document.follow_ups.is_empty());
    assert!(pitchcraft_core::logic::validate::problems(&document).is_empty());
    // Saved, only the format and the goal ids differ: the empty network writes nothing.
    let text = storage::to_ron(&document).unwrap();
    assert_eq!(without_goal_ids(&text), old.replacen("format: 3,", &format!("format: {CURRENT_FORMAT},"), 1));
    assert_eq!(text.matches("id: \"goal-").count(), 2);
}

#[test]
fn format_4_opens_as_it_was_and_its_attempts_have_no_take() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-4.brand.ron");
    let old = std::fs::read_to_string(&fixture).unwrap();
    assert!(old.contains("format: 4,") && !old.contains("take:"));
    let loaded = storage::load(&fixture).unwrap();
    assert_eq!(loaded.migrated_from, Some(4));
    let document = loaded.document;
    assert!(!document.rehearsals.is_empty() && document.rehearsals.iter().all(|attempt| attempt.take.is_none()));
    assert!(pitchcraft_core::logic::validate::problems(&document).is_empty());
    // Saved, only the format differs: an attempt without a take writes nothing new.
    let text = storage::to_ron(&document).unwrap();
    assert_eq!(text, old.replacen("format: 4,", &format!("format: {CURRENT_FORMAT},"), 1));
}

#[test]
fn format_5_opens_as_it_was_and_its_takes_have_no_transcript() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-5.brand.ron");
    let old = std::fs::read_to_string(&fixture).unwrap();
    assert!(old.contains("format: 5,") && old.contains("take: Some(") && !old.contains("transcript:"));
    let loaded = storage::load(&fixture).unwrap();
    assert_eq!(loaded.migrated_from, Some(5));
    let document = loaded.document;
    let take = document.rehearsals.iter().find_map(|attempt| attempt.take.as_ref()).unwrap();
    assert_eq!((take.marks.len(), take.delivery.is_some(), take.transcript.is_none()), (2, true, true));
    assert_eq!(document.rehearsals[0].said_share(), None);
    assert!(pitchcraft_core::logic::validate::problems(&document).is_empty());
    // Saved, only the format differs: a take without a transcript writes nothing new.
    let text = storage::to_ron(&document).unwrap();
    assert_eq!(text, old.replacen("format: 5,", &format!("format: {CURRENT_FORMAT},"), 1));
}

#[test]
fn a_take_with_its_marks_and_figures_round_trips() {
    use pitchcraft_core::model::{DeliveryFigures, HeardSpan, SpanMs, Take, TakeTranscript};
    let mut document = storage::parse_document(storage::SAMPLE_RON.as_bytes()).unwrap().0;
    let delivery = DeliveryFigures {
        speech: Some(SpanMs { start: 3_120, end: 31_480 }),
        pauses: vec![SpanMs { start: 9_000, end: 9_650 }],
        syllables: 112,
        pitch_sd_cents: Some(214),
        loudness_sd_tenth_db: Some(31),
        end_drop_tenth_db: Some(-12),
        clipped_ppm: 0,
        possible_fillers: vec![SpanMs { start: 20_000, end: 20_600 }],
    };
    document.rehearsals[0].take = Some(Take {
        file: "2026-11-28-1530-pitch-1.flac".into(),
        rate: 16_000,
        marks: vec![80_000, 240_000],
        delivery: Some(delivery),
        transcript: Some(TakeTranscript {
            words: vec![
                HeardSpan { word: "Zorg".into(), start: 3_120, end: 3_480, sure: 912 },
                HeardSpan { word: "\"op".into(), start: 3_480, end: 3_700, sure: 874 },
            ],
            said_permille: 923,
            skipped: 4,
            added: 2,
            fillers: 1,
            sections: vec![Some(SpanMs { start: 3_120, end: 9_000 }), None],
        }),
    });
    // Format 6 also knows a person not yet sorted into a network.
    document.people[0].unsorted = true;
    let text = storage::to_ron(&document).unwrap();
    assert!(text.contains("unsorted: true"), "{text}");
    assert!(text.contains("file: \"2026-11-28-1530-pitch-1.flac\""), "{text}");
    assert!(text.contains("said_permille: 923"), "{text}");
    assert_eq!(document.rehearsals[0].said_share(), Some(0.923));
    let (back, migrated) = storage::parse_document(text.as_bytes()).unwrap();
    assert_eq!(migrated, None);
    assert_eq!(back, document);
}

#[test]
fn a_goal_written_by_hand_without_an_id_gets_the_next_free_one() {
    let text = storage::SAMPLE_RON.replacen(
        "    goals: [\n",
        "    goals: [\n        (statement: \"Speak at the regional care congress.\"),\n",
        1,
    );
    let (document, migrated) = storage::parse_document(text.as_bytes()).unwrap();
    assert_eq!(migrated, None);
    let new = document.goals.iter().find(|goal| goal.statement.starts_with("Speak")).unwrap();
    let highest = document.goals.iter().filter(|goal| goal.id != new.id).count();
    assert_eq!(new.id, format!("goal-{}", highest + 1));
    let mut ids: Vec<&str> = document.goals.iter().map(|goal| goal.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), document.goals.len(), "unique");
}

#[test]
fn a_change_by_another_program_is_detected_before_saving() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sanne.brand.ron");
    let document = storage::sample_document().unwrap();
    storage::save(&path, &document, None, BackupPolicy::Never).unwrap();
    let loaded = storage::load(&path).unwrap();

    let theirs = storage::SAMPLE_RON.replace("Utrecht", "Amersfoort");
    std::fs::write(&path, &theirs).unwrap();
    let error = storage::save(&path, &document, Some(&loaded.stamp), BackupPolicy::Always).unwrap_err();
    assert!(matches!(error, SaveError::Conflict { .. }), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(storage::backups_of(&path).is_empty(), "a refused save makes no backup either");
}

#[test]
fn saving_a_new_file_over_one_that_appeared_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sanne.brand.ron");
    std::fs::write(&path, "someone else's").unwrap();
    let error = storage::save(&path, &storage::sample_document().unwrap(), None, BackupPolicy::Never).unwrap_err();
    assert!(matches!(error, SaveError::Conflict { .. }));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "someone else's");
}

#[cfg(unix)]
#[test]
fn a_symlinked_document_stays_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.brand.ron");
    let link = dir.path().join("link.brand.ron");
    storage::save(&real, &storage::sample_document().unwrap(), None, BackupPolicy::Never).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let loaded = storage::load(&link).unwrap();
    let mut document = loaded.document;
    document.person.location = "Zwolle".into();
    storage::save(&link, &document, Some(&loaded.stamp), BackupPolicy::Never).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(storage::load(&real).unwrap().document.person.location, "Zwolle");
}
