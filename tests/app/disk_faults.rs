//! The app and the command line on a disk that fails: full, read-only, its folder gone,
//! slow. In the app through the fault-injecting disk behind the save thread; on the command
//! line against real mounts (a tiny tmpfs, a read-only bind mount) in a private mount
//! namespace, so that nothing is left mounted even when a test dies.

use crate::{cli, common, http, pulse, tools};

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::common::{app, sample_copy};
use egui_kittest::kittest::Queryable;
use pitchcraft::app::{Launch, Picked, SaveStatus};
use pitchcraft::storage::faults::{Fault, FaultyDisk, Step};
use pitchcraft::storage::{self, BackupPolicy, SaveError, WriteFault};

fn type_in_name(harness: &mut egui_kittest::Harness<'_, pitchcraft::app::PitchcraftApp>, text: &str) {
    harness.get_by_label("Name").click();
    harness.run_ok();
    harness.get_by_label("Name").type_text(text);
    harness.run_ok();
}

/// Lets frames pass (harness time) until `done` or `frames` frames went by.
fn frames_until(
    harness: &mut egui_kittest::Harness<'_, pitchcraft::app::PitchcraftApp>,
    frames: usize,
    mut done: impl FnMut(&pitchcraft::app::PitchcraftApp) -> bool,
) -> bool {
    for _ in 0..frames {
        harness.step();
        harness.state_mut().finish_saves();
        if done(harness.state()) {
            return true;
        }
    }
    false
}

#[test]
fn a_full_disk_keeps_the_file_and_the_edits_says_so_once_and_saves_when_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let disk = Arc::new(FaultyDisk::failing(Step::Write, Fault::DiskFull));
    let launch = Launch { file: Some(path.clone()), disk: Some(disk.clone()), ..Launch::default() };
    let (mut harness, _) = app(launch);
    type_in_name(&mut harness, " Jr");

    let failed = |app: &pitchcraft::app::PitchcraftApp| {
        matches!(app.session().map(|session| session.status()), Some(SaveStatus::Failed(_)))
    };
    assert!(frames_until(&mut harness, 200, failed), "the autosave never ran");
    let Some(SaveStatus::Failed(message)) = harness.state().session().map(|session| session.status()) else {
        unreachable!()
    };
    assert!(message.contains("The disk is full") && message.contains("sanne.brand.ron"), "{message}");
    assert!(message.contains("Save As"), "the way out is named: {message}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file on disk is the old one");
    assert_eq!(common::name(&harness), "Sanne de Vries Jr", "the edit is kept in memory");
    let temp_files = |dir: &Path| {
        std::fs::read_dir(dir).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains("tmp")).count()
    };
    assert_eq!(temp_files(dir.path()), 0);

    // Autosave keeps trying (5 s, then 10 s later …) without a new notice each time.
    let notices = |app: &pitchcraft::app::PitchcraftApp| {
        app.notices().iter().filter(|notice| notice.text.contains("The disk is full")).count()
    };
    assert_eq!(notices(harness.state()), 1);
    let start = harness.ctx.input(|input| input.time);
    frames_until(&mut harness, 400, |app| app.session().is_some_and(|s| s.autosave_due_in(app_time(app)).is_none()));
    let waited = harness.ctx.input(|input| input.time) - start;
    assert!(waited >= 4.0, "a retry came after {waited:.1} s: too soon");
    frames_until(&mut harness, 400, failed);
    assert_eq!(notices(harness.state()), 1, "told once, not at every try");

    // Space is freed: the next try saves the edits that were kept.
    disk.set(None);
    let saved = |app: &pitchcraft::app::PitchcraftApp| app.session().is_some_and(|s| s.status() == SaveStatus::Saved);
    assert!(frames_until(&mut harness, 2000, saved), "never saved after the disk had room again");
    assert_eq!(storage::load(&path).unwrap().document.person.name, "Sanne de Vries Jr");
}

fn app_time(app: &pitchcraft::app::PitchcraftApp) -> f64 {
    app.time()
}

#[test]
fn a_slow_network_folder_never_holds_up_a_frame() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    // Each step of the save takes 400 ms: a save of about 2.4 s in all, which a frame that
    // waited for it would take too. The limits below leave room for a loaded test machine.
    let disk = Arc::new(FaultyDisk::slow(Duration::from_millis(400)));
    let launch = Launch { file: Some(path.clone()), disk: Some(disk), ..Launch::default() };
    let (mut harness, dialogs) = app(launch);
    type_in_name(&mut harness, "!");
    let mut slowest = Duration::ZERO;
    let mut saw_saving = false;
    for _ in 0..40 {
        let started = Instant::now();
        harness.step();
        slowest = slowest.max(started.elapsed());
        saw_saving |= harness.state().session().is_some_and(|s| s.status() == SaveStatus::Saving);
    }
    assert!(saw_saving, "the save never started");
    println!("slowest frame while a 2.4 s save ran: {slowest:?}");
    assert!(slowest < Duration::from_millis(1000), "a frame waited for the disk: {slowest:?}");
    harness.state_mut().finish_saves();
    assert_eq!(storage::load(&path).unwrap().document.person.name, "Sanne de Vries!");

    // Save As to the slow folder: the frame that asks for it does not wait either.
    let elsewhere = dir.path().join("elsewhere.brand.ron");
    dialogs.answer(Picked::Path(elsewhere.clone()));
    let started = Instant::now();
    harness.key_press_modifiers(egui::Modifiers { shift: true, ..egui::Modifiers::COMMAND }, egui::Key::S);
    harness.step();
    harness.step();
    assert!(started.elapsed() < Duration::from_millis(1500), "Save As held up the frame: {:?}", started.elapsed());
    assert_eq!(harness.state().session().map(|s| s.status()), Some(SaveStatus::Saving));
    harness.state_mut().finish_saves();
    harness.run_ok();
    assert_eq!(harness.state().session().and_then(|s| s.path().map(Path::to_path_buf)), Some(elsewhere.clone()));
    assert_eq!(storage::load(&elsewhere).unwrap().document.person.name, "Sanne de Vries!");
}

#[test]
fn a_card_export_to_a_read_only_place_says_so_in_dutch_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_copy(dir.path());
    let launch = Launch { file: Some(path), language: Some(pitchcraft::model::Language::Nl), ..Launch::default() };
    let (harness, _) = app(launch);
    let error = std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem);
    let text = harness.state().write_failure_text(Path::new("/media/usb/kaart.pdf"), &error);
    assert_eq!(text, "/media/usb/kaart.pdf staat op een alleen-lezen schijf of in een alleen-lezen map.");
}

// ---- The real thing: mounts in a private mount namespace ----

const INSIDE: &str = "PITCHCRAFT_TEST_IN_NAMESPACE";

/// Runs the test `name` again in a private mount namespace (`unshare -m`), as root; returns
/// false inside it, where the test's body runs. Outside it returns true when the inner
/// run passed, and skips with one line where mount namespaces are not allowed (never
/// when `CI=true`).
fn rerun_in_private_mount_namespace(name: &str) -> bool {
    if std::env::var(INSIDE).as_deref() == Ok(name) {
        return false;
    }
    let allowed = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !allowed {
        tools::skip(&format!("{name}: no private mount namespace here (needs root and `unshare -m`)"));
        return true;
    }
    // The test's full name in this binary: its module path without the crate.
    let full_name = format!("{}::{name}", module_path!().split_once("::").map_or("", |(_, module)| module));
    let out = Command::new("unshare")
        .args(["-m", "--propagation", "private"])
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", &full_name, "--nocapture", "--test-threads=1"])
        .env(INSIDE, name)
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() && text.contains("1 passed"), "inside the namespace:\n{text}");
    true
}

/// Mounts; the mount is taken away again (lazily) when the guard goes, before the
/// temporary folder below it is removed.
#[must_use]
struct Mounted(String);

fn mount(args: &[&str]) -> Mounted {
    let status = Command::new("mount").args(args).status().unwrap();
    assert!(status.success(), "mount {args:?}");
    Mounted(args.last().unwrap().to_string())
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").args(["-l", &self.0]).status();
    }
}

/// A document that `fmt` would rewrite (extra blank lines), so that it wants to write.
fn unformatted_sample(dir: &Path) -> PathBuf {
    let path = dir.join("sanne.brand.ron");
    std::fs::write(&path, format!("\n\n{}", storage::SAMPLE_RON)).unwrap();
    path
}

fn pitchcraft(args: &[&Path]) -> (bool, String) {
    let out = cli::pitchcraft().args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Every write path against the same real fault, asserting that nothing changed.
fn every_write_path_keeps_the_file(dir: &Path, path: &Path, words: &str, fault: WriteFault) {
    let before = std::fs::read(path).unwrap();
    let files_before = listing(dir);
    let backups = storage::backup_dir(path);
    let unchanged = |what: &str| {
        assert_eq!(std::fs::read(path).unwrap(), before, "{what} changed the document");
        // A backup made before the write failed holds the document as it is: nothing else.
        let mut files = listing(dir);
        files.retain(|name| !backups.ends_with(name));
        assert_eq!(files, files_before, "{what} left files behind");
        for backup in storage::backups_of(path) {
            assert_eq!(std::fs::read(&backup).unwrap(), before, "{what}: {}", backup.display());
        }
    };

    let (ok, stderr) = pitchcraft(&[Path::new("fmt"), path]);
    assert!(!ok && stderr.contains(words) && stderr.contains("sanne.brand.ron"), "fmt: {stderr}");
    unchanged("fmt");

    let out = dir.join("card.pdf");
    let (ok, stderr) = pitchcraft(&[Path::new("card"), path, Path::new("-o"), &out]);
    assert!(!ok && stderr.contains(words) && stderr.contains("card.pdf"), "card: {stderr}");
    unchanged("card export");

    // The network's files: the brief, the people and the calendar out, contacts in.
    for (what, args, name) in [
        ("brief", vec!["brief", "--today", "2026-11-28", "-o"], "brief.pdf"),
        ("people export", vec!["people", "export", "-o"], "people.vcf"),
        ("followups --ics", vec!["followups", "--today", "2026-11-28", "--ics"], "calendar.ics"),
    ] {
        let out = dir.join(name);
        let mut args: Vec<&Path> = args.iter().map(Path::new).collect();
        args.push(&out);
        args.push(path);
        let (ok, stderr) = pitchcraft(&args);
        assert!(!ok && stderr.contains(words) && stderr.contains(name), "{what}: {stderr}");
        unchanged(what);
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let cards = elsewhere.path().join("new.vcf");
    std::fs::write(&cards, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Bakker\r\nEND:VCARD\r\n").unwrap();
    let (ok, stderr) = pitchcraft(&[Path::new("people"), Path::new("import"), path, &cards]);
    assert!(!ok && stderr.contains(words) && stderr.contains("sanne.brand.ron"), "people import: {stderr}");
    unchanged("people import");

    let loaded = storage::load(path).unwrap();
    let mut edited = loaded.document.clone();
    edited.person.name.push_str(" Jr");
    let text = storage::to_ron(&edited).unwrap();
    let policy = BackupPolicy::IfOlderThan(Duration::from_secs(600));
    let autosave = storage::save_text(path, text.as_bytes(), Some(&loaded.stamp), policy, std::time::SystemTime::now());
    assert!(matches!(&autosave, Err(e @ SaveError::Io { .. }) if e.fault() == Some(fault)), "autosave: {autosave:?}");
    unchanged("autosave");

    let save_as = storage::save_as(path, &edited);
    assert!(matches!(&save_as, Err(e) if e.fault() == Some(fault)), "Save As: {save_as:?}");
    unchanged("Save As");
}

#[test]
fn a_real_full_disk_keeps_every_file_as_it_was() {
    if rerun_in_private_mount_namespace("a_real_full_disk_keeps_every_file_as_it_was") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let _tmpfs = mount(&["-t", "tmpfs", "-o", "size=256k", "tmpfs", dir.path().to_str().unwrap()]);
    let path = unformatted_sample(dir.path());
    // Fill the disk to the last byte.
    let filler = dir.path().join("filler");
    let _ = Command::new("dd").arg("if=/dev/zero").arg(format!("of={}", filler.display())).arg("bs=4k").output();
    assert!(filler.exists());
    every_write_path_keeps_the_file(dir.path(), &path, "the disk is full", WriteFault::DiskFull);

    // A little room for the document, none for a backup copy: the backup folder is a
    // read-only mount, so the backup fails and the save goes on, saying so.
    std::fs::remove_file(&filler).unwrap();
    let backups = storage::backup_dir(&path);
    let _ = std::fs::remove_dir_all(&backups);
    std::fs::create_dir(&backups).unwrap();
    let b = backups.to_str().unwrap();
    let _bound = mount(&["--bind", b, b]);
    let _read_only = mount(&["-o", "remount,bind,ro", b]);
    let loaded = storage::load(&path).unwrap();
    let report = storage::save_text(
        &path,
        b"(format: 1)",
        Some(&loaded.stamp),
        BackupPolicy::Always,
        std::time::SystemTime::now(),
    )
    .unwrap();
    let problem = report.backup_problem.expect("the failed backup is reported");
    assert!(problem.contains("read-only") && problem.contains(".pitchcraft-backups"), "{problem}");
    assert_eq!(std::fs::read(&path).unwrap(), b"(format: 1)");
}

#[test]
fn a_take_recorded_onto_a_full_disk_keeps_what_fit_and_says_so() {
    if rerun_in_private_mount_namespace("a_take_recorded_onto_a_full_disk_keeps_what_fit_and_says_so") {
        return;
    }
    let Some(server) = pulse::PulseServer::start() else { return };
    let dir = tempfile::tempdir().unwrap();
    // 64 KiB: room for about two seconds of a 16 kHz take.
    let _tmpfs = mount(&["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path().to_str().unwrap()]);
    let take = dir.path().join("take.wav");
    let out =
        cli::pitchcraft().args(["voice", "record", "--seconds", "6"]).arg(&take).envs(server.env()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("kept") && said.contains("No space left"), "{said}");
    // What fit is a take `voice analyze` reads.
    let json = cli::pitchcraft().args(["voice", "analyze", "--json"]).arg(&take).output().unwrap();
    assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let kept = json["duration_seconds"].as_f64().unwrap();
    assert!((1.0..=2.1).contains(&kept), "{kept} s kept");
    // The recordings folder gone (its parent removed): the app's recording does not start
    // and says why; the run goes on (tests/app/voice.rs shows the page without a recording).
    let gone = dir.path().join("moved-away/sanne.brand.recordings/take.wav");
    std::fs::write(dir.path().join("moved-away"), b"a file where the folder was").unwrap_or(());
    let microphone = pitchcraft::app::voice::FakeMicrophone(vec![0i16; 16].into());
    let error =
        pitchcraft::app::voice::Recording::start(&microphone, None, gone, Instant::now()).err().expect("no folder");
    assert!(error.to_string().contains("moved-away"), "{error}");
}

#[test]
fn the_speech_model_fetched_onto_a_full_disk_is_never_taken_for_the_model() {
    use pitchcraft_listen::fetch::{FetchError, ModelFile, fetch, sha256_of};
    if rerun_in_private_mount_namespace("the_speech_model_fetched_onto_a_full_disk_is_never_taken_for_the_model") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let served = dir.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    let big: Vec<u8> = (0..1_048_576u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(served.join("model.bin"), &big).unwrap();
    let file = ModelFile {
        name: "model.bin",
        size: big.len() as u64,
        sha256: Box::leak(sha256_of(&served.join("model.bin")).unwrap().into_boxed_str()),
    };
    let server = http::Server::start(served, http::Faults::default());
    // 512 KiB: half the file fits.
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let _tmpfs = mount(&["-t", "tmpfs", "-o", "size=512k", "tmpfs", data.to_str().unwrap()]);
    let into = data.join("models/whisper-base");
    let error = fetch(&server.url, &into, &[file], &|_| {}, &|| false).unwrap_err();
    assert!(matches!(error, FetchError::Disk { .. }), "{error}");
    assert!(error.to_string().contains("model.bin.part") && error.to_string().contains("No space left"), "{error}");
    assert!(!into.join("model.bin").exists(), "a part is never taken for the model");
    let kept = std::fs::metadata(into.join("model.bin.part")).unwrap().len();
    assert!(kept > 0, "what fit is kept, to resume");
    // Room again (the same disk, grown): the next try resumes where it stopped.
    let status = Command::new("mount").args(["-o", "remount,size=4m"]).arg(&data).status().unwrap();
    assert!(status.success());
    fetch(&server.url, &into, &[file], &|_| {}, &|| false).unwrap();
    assert_eq!(std::fs::read(into.join("model.bin")).unwrap(), big);
    assert_eq!(server.ranges(), [format!("bytes={kept}-")]);
}

#[test]
fn a_real_read_only_folder_keeps_every_file_as_it_was() {
    if rerun_in_private_mount_namespace("a_real_read_only_folder_keeps_every_file_as_it_was") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = unformatted_sample(dir.path());
    let d = dir.path().to_str().unwrap();
    let _bound = mount(&["--bind", d, d]);
    let _read_only = mount(&["-o", "remount,bind,ro", d]);
    every_write_path_keeps_the_file(dir.path(), &path, "read-only", WriteFault::ReadOnly);
}
