//! Crash safety: a process saves a 2 MB document over and over through the app's own save
//! path, alternating two known contents, and is killed with SIGKILL at random moments.
//! After every kill the file loads and equals one of the two contents exactly, and after
//! the next open no temporary file of ours is left.
//!
//! `PITCHCRAFT_CRASH_KILLS` sets the number of kills (default 200) and
//! `PITCHCRAFT_CRASH_SEED` the random seed (printed, so a failure can be replayed);
//! `scripts/crash-test.sh` runs it with the closing line shown.

#[path = "support/cli.rs"]
mod cli;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use pitchcraft::model::{BrandDocument, Note};
use pitchcraft::storage;

/// A document of at least 2 MB: the sample with long event notes.
fn big_document(version: &str) -> BrandDocument {
    let mut document = storage::sample_document().unwrap();
    document.person.headline = format!("Calmer clinics, version {version}");
    let paragraph = |n: usize| {
        format!(
            "- Meeting {n} ({version}): ask Fatima Yilmaz about the roster pilot in ward {}; Zoë wants the figures by Friday — “wachttijd” down by {} %.\n",
            n % 17,
            n % 40
        )
    };
    let markdown: String = (0..16_000).map(paragraph).collect();
    document.notes.push(Note { title: format!("Event log {version}"), markdown });
    document
}

/// A small, seedable random number generator (xorshift64*), so a failing run can be replayed.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % bound
    }
}

fn temp_files(folder: &Path, name: &str) -> usize {
    let prefix = format!(".{name}{}", storage::temp_file_marker());
    std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
        .count()
}

#[test]
fn killing_a_save_at_any_moment_never_corrupts_or_loses_the_document() {
    let kills: usize = std::env::var("PITCHCRAFT_CRASH_KILLS").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    let seed: u64 = std::env::var("PITCHCRAFT_CRASH_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    let mut random = Random(seed);

    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (big_document("A"), big_document("B"));
    let first_text = storage::to_ron(&first).unwrap();
    let second_text = storage::to_ron(&second).unwrap();
    assert!(first_text.len() >= 2_000_000, "the document is {} bytes", first_text.len());
    let name = "fatima.brand.ron";
    let file = dir.path().join(name);
    std::fs::write(&file, &first_text).unwrap();
    let contents = tempfile::tempdir().unwrap();
    let (first_file, second_file) = (contents.path().join("a.brand.ron"), contents.path().join("b.brand.ron"));
    std::fs::write(&first_file, &first_text).unwrap();
    std::fs::write(&second_file, &second_text).unwrap();

    let started = Instant::now();
    let (mut during_write, mut seen_first, mut seen_second) = (0, 0, 0);
    // How long one save takes here (a running estimate).
    let mut save_time = Duration::from_millis(100);
    for kill in 1..=kills {
        let mut child = cli::process()
            .arg("save-loop")
            .arg(&file)
            .arg(&first_file)
            .arg(&second_file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut next_line = || lines.next().and_then(Result::ok).unwrap_or_default();
        assert_eq!(next_line(), "saving", "kill {kill}: the save loop did not start");
        // Let no save or one complete, then kill at a random moment of the next one:
        // before its temporary file, while writing it, around the rename.
        for _ in 0..random.below(2) {
            let waited = Instant::now();
            assert_eq!(next_line(), "saved", "kill {kill}: the save loop stopped");
            save_time = (save_time * 3 + waited.elapsed()) / 4;
        }
        let moment = random.below(save_time.as_micros() as u64 + 1);
        std::thread::sleep(Duration::from_micros(moment));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert!(status.code().is_none(), "kill {kill}: the save loop ended by itself: {status}");

        if temp_files(dir.path(), name) > 0 {
            during_write += 1;
        }
        let bytes = std::fs::read(&file).unwrap_or_else(|error| panic!("kill {kill} (seed {seed}): lost: {error}"));
        let loaded = storage::load(&file).unwrap_or_else(|error| panic!("kill {kill} (seed {seed}): corrupt: {error}"));
        if bytes == first_text.as_bytes() {
            assert_eq!(loaded.document, first, "kill {kill}");
            seen_first += 1;
        } else if bytes == second_text.as_bytes() {
            assert_eq!(loaded.document, second, "kill {kill}");
            seen_second += 1;
        } else {
            panic!("kill {kill} (seed {seed}): the file is neither version ({} bytes)", bytes.len());
        }
        assert_eq!(temp_files(dir.path(), name), 0, "kill {kill}: opening removed the temporary files");
    }
    println!(
        "crash-test: {kills} kills, 0 corrupt, 0 lost ({during_write} during a write; {seen_first} × version A, \
         {seen_second} × version B; seed {seed}; {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    if kills >= 50 {
        // The kills really hit the saves: some mid-write, and saves completed in between.
        assert!(during_write > 0, "no kill landed during a write");
        assert!(seen_first > 0 && seen_second > 0, "both versions were written");
    }
}
