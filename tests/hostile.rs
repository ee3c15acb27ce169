//! Hostile inputs: bad documents and texts go through load, `check`, `fmt`, `card` and
//! `analyze`. Each either works or fails with a clear message (exit 1); nothing is
//! overwritten that failed to load; no panic, no hang (every command under 2 s).

#[path = "support/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pitchcraft::model::{BrandDocument, CustomValue, ValueChoice};
use pitchcraft::storage::{self, SAMPLE_RON};

const LIMIT: Duration = Duration::from_secs(2);

/// One hostile document: its file name, its bytes, and whether it should load.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    loads: bool,
}

fn case(name: &'static str, bytes: impl Into<Vec<u8>>, loads: bool) -> Case {
    Case { name, bytes: bytes.into(), loads }
}

fn sample() -> BrandDocument {
    storage::sample_document().unwrap()
}

fn ron(document: &BrandDocument) -> String {
    storage::to_ron(document).unwrap()
}

fn documents() -> Vec<Case> {
    let half = SAMPLE_RON.len() / 2;
    let cut = (0..=half).rev().find(|index| SAMPLE_RON.is_char_boundary(*index)).unwrap();
    let name_at = SAMPLE_RON.find("Sanne").expect("the sample names its person");

    let mut nul = SAMPLE_RON.as_bytes().to_vec();
    nul.splice(name_at..name_at, *b"\0\0");
    let mut invalid_utf8 = SAMPLE_RON.as_bytes().to_vec();
    invalid_utf8.splice(name_at..name_at, [0xff, 0xfe, 0xc3]);
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(SAMPLE_RON.as_bytes());

    let mut worldly = sample();
    worldly.person.name = "سارة 🚀 de Vries שָׁלוֹם".into();
    worldly.person.headline = "👩‍💼 يساعد الفرق 🇳🇱 — Zoë Çelik, ĳverig".into();
    worldly.brand_statement = "\u{202e}reversed\u{202c} and \u{200b}zero-width".into();

    let mut many_values = sample();
    for n in 0..10_000 {
        let id = format!("custom-{n:05}");
        many_values
            .values
            .custom
            .insert(id.clone(), CustomValue { name: format!("Value {n} ✨"), description: "x".into() });
        many_values
            .values
            .cards
            .insert(id.clone(), ValueChoice { meaning: "Means a lot.".into(), ..Default::default() });
        many_values.values.ranking.push(id);
    }

    let mut long_pitch = sample();
    let pitch_text = "We cut waiting times by a third, and I would like to know how you plan rosters. ".repeat(650);
    long_pitch.pitches[0].sections[0].text = pitch_text;
    long_pitch.card.pitch = long_pitch.pitches[0].id.clone();

    let nested = format!("(format: 1, person: {}", "(".repeat(100_000));
    let future = SAMPLE_RON.replacen(&format!("format: {}", pitchcraft::model::CURRENT_FORMAT), "format: 99", 1);
    assert_ne!(future, SAMPLE_RON, "the sample states its format");

    vec![
        case("empty.brand.ron", "", false),
        case("whitespace.brand.ron", "  \n\t\n", false),
        case("truncated.brand.ron", &SAMPLE_RON[..cut], false),
        case("nul-in-text.brand.ron", nul, true),
        case("nul-in-syntax.brand.ron", [b"\0(".as_slice(), SAMPLE_RON.as_bytes()].concat(), false),
        case("invalid-utf8.brand.ron", invalid_utf8, false),
        case("bom.brand.ron", bom, true),
        case("crlf.brand.ron", SAMPLE_RON.replace('\n', "\r\n"), true),
        case("nested.brand.ron", nested, false),
        case("future.brand.ron", future, false),
        case("wrong-types.brand.ron", "(format: 1, person: 5)", false),
        case("json.brand.ron", r#"{"format": 1, "person": {"name": "Sanne"}}"#, false),
        case("binary.brand.ron", (0..=255u8).cycle().take(4096).collect::<Vec<u8>>(), false),
        case("huge.brand.ron", vec![b' '; 17 * 1024 * 1024], false),
        case("emoji-rtl.brand.ron", ron(&worldly), true),
        case("ten-thousand-values.brand.ron", ron(&many_values), true),
        case("ten-thousand-words.brand.ron", ron(&long_pitch), true),
    ]
}

/// Runs the app's binary with `args`, killing it when it takes longer than [`LIMIT`].
fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let started = Instant::now();
    let output = cli::pitchcraft().args(args).timeout(LIMIT).output().unwrap();
    let took = started.elapsed();
    assert!(took < LIMIT, "{args:?} took {took:?}");
    if took > LIMIT / 4 {
        println!("slow but within the limit: {args:?} took {took:?}");
    }
    output
}

/// The command worked (0) or failed cleanly (1 with a message); it did not panic.
fn assert_clean(output: &std::process::Output, what: &str) -> bool {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{what} panicked: {stderr}");
    match output.status.code() {
        Some(0) => true,
        Some(1) => {
            assert!(!stderr.trim().is_empty(), "{what} failed without a message");
            false
        }
        other => panic!("{what} ended with {other:?}: {stderr}"),
    }
}

fn write(dir: &Path, case: &Case) -> PathBuf {
    let path = dir.join(case.name);
    std::fs::write(&path, &case.bytes).unwrap();
    path
}

#[test]
fn bad_documents_load_or_fail_clearly_and_are_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    for case in documents() {
        let path = write(dir.path(), &case);
        let started = Instant::now();
        let loaded =
            std::panic::catch_unwind(|| storage::load(&path)).unwrap_or_else(|_| panic!("{} panicked", case.name));
        assert!(started.elapsed() < LIMIT, "loading {} took {:?}", case.name, started.elapsed());
        match &loaded {
            Ok(_) => assert!(case.loads, "{} should not load", case.name),
            Err(error) => {
                assert!(!case.loads, "{} should load: {error}", case.name);
                let message = error.to_string();
                assert!(message.contains(case.name), "{}: the message names the file: {message}", case.name);
            }
        }

        let check = run(&["check".as_ref(), path.as_os_str()]);
        assert_eq!(assert_clean(&check, &format!("check {}", case.name)), case.loads, "check {}", case.name);

        let out = dir.path().join(format!("{}.pdf", case.name));
        let card = run(&["card".as_ref(), path.as_os_str(), "-o".as_ref(), out.as_os_str()]);
        let made = assert_clean(&card, &format!("card {}", case.name));
        assert_eq!(made, case.loads, "card {}: {}", case.name, String::from_utf8_lossy(&card.stderr));
        assert_eq!(out.exists(), made, "card {}: OUT exists only when the card was made", case.name);
        if made {
            assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
        }

        let fmt = run(&["fmt".as_ref(), path.as_os_str()]);
        let formatted = assert_clean(&fmt, &format!("fmt {}", case.name));
        assert_eq!(formatted, case.loads, "fmt {}", case.name);
        if formatted {
            storage::load(&path).unwrap_or_else(|error| panic!("{} after fmt: {error}", case.name));
        } else {
            assert_eq!(std::fs::read(&path).unwrap(), case.bytes, "{} was changed by a failed fmt", case.name);
        }
    }
}

#[test]
fn hostile_texts_are_analyzed_or_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let texts: Vec<(&str, Vec<u8>, bool)> = vec![
        ("empty.txt", Vec::new(), true),
        ("nul.txt", b"I help\0 clinics\0\0 plan.".to_vec(), true),
        ("invalid-utf8.txt", b"I help \xff\xfe clinics".to_vec(), false),
        ("bom.txt", "\u{feff}Eigenlijk help ik gewoon teams.".into(), true),
        ("crlf.txt", "Um, I help.\r\nWould you like to meet?\r\n".into(), true),
        ("emoji-rtl.txt", "🚀 أنا أساعد الفرق. שָׁלוֹם 👩‍💼 I just help.".into(), true),
        ("ten-thousand-words.txt", "Actually I basically help teams plan. ".repeat(1_700).into(), true),
        ("one-long-word.txt", "a".repeat(1_000_000).into(), true),
        ("huge.txt", vec![b'a'; 17 * 1024 * 1024], false),
    ];
    for (name, bytes, works) in texts {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        for json in [false, true] {
            let mut args: Vec<&std::ffi::OsStr> = vec!["analyze".as_ref(), path.as_os_str()];
            if json {
                args.push("--json".as_ref());
            }
            let output = run(&args);
            assert_eq!(assert_clean(&output, &format!("analyze {name}")), works, "analyze {name}");
            if works && json {
                let parsed: serde_json::Value = serde_json::from_slice(&output.stdout).expect("the JSON parses");
                assert!(parsed["words"].is_u64(), "{name}: {parsed}");
            }
        }
    }
}
