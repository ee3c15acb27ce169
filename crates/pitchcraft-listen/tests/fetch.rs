//! Fetching the model against a local HTTP server: files arrive checked and whole, a dropped
//! connection is picked up where it stopped, a cancelled fetch resumes at the next try, a
//! damaged file is thrown away, and what is there already is not fetched again.

#[path = "../../../tests/support/http.rs"]
mod http;

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use http::{Faults, Server};
use pitchcraft_listen::fetch::{FetchError, ModelFile, Progress, fetch, sha256_of};

/// Two invented files (a small one and one of 1 MiB) served from `dir/served`, and the list
/// that describes them.
fn served_files(dir: &Path) -> Vec<ModelFile> {
    let served = dir.join("served");
    std::fs::create_dir_all(&served).unwrap();
    let big: Vec<u8> = (0..1_048_576u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(served.join("config.json"), br#"{"alignment_heads": [[3, 1]]}"#).unwrap();
    std::fs::write(served.join("model.bin"), &big).unwrap();
    ["config.json", "model.bin"]
        .iter()
        .map(|name| {
            let path = served.join(name);
            ModelFile {
                name,
                size: std::fs::metadata(&path).unwrap().len(),
                sha256: Box::leak(sha256_of(&path).unwrap().into_boxed_str()),
            }
        })
        .collect()
}

fn same_files(a: &Path, b: &Path, files: &[ModelFile]) -> bool {
    files.iter().all(|f| std::fs::read(a.join(f.name)).unwrap() == std::fs::read(b.join(f.name)).unwrap())
}

#[test]
fn the_files_arrive_whole_and_checked_and_are_not_fetched_twice() {
    let dir = tempfile::tempdir().unwrap();
    let files = served_files(dir.path());
    let server = Server::start(dir.path().join("served"), Faults::default());
    let into = dir.path().join("models/whisper-base");
    let last = std::sync::Mutex::new(Progress::default());
    fetch(&server.url, &into, &files, &|p| *last.lock().unwrap() = p, &|| false).unwrap();
    assert!(same_files(&into, &dir.path().join("served"), &files));
    let total: u64 = files.iter().map(|f| f.size).sum();
    assert_eq!(*last.lock().unwrap(), Progress { done: total, total });
    assert!(std::fs::read_dir(&into).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".part")));
    let asked = server.requests.lock().unwrap().len();
    fetch(&server.url, &into, &files, &|_| {}, &|| false).unwrap();
    assert_eq!(server.requests.lock().unwrap().len(), asked, "nothing fetched again");
}

#[test]
fn a_dropped_connection_is_picked_up_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let files = served_files(dir.path());
    let server = Server::start(dir.path().join("served"), Faults { drop_after: Some(300_000), ..Faults::default() });
    let into = dir.path().join("model");
    fetch(&server.url, &into, &files, &|_| {}, &|| false).unwrap();
    assert!(same_files(&into, &dir.path().join("served"), &files));
    assert_eq!(server.ranges(), ["bytes=300000-"], "the big file resumed at the byte where it stopped");
}

#[test]
fn a_server_that_ignores_ranges_sends_the_file_again_from_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let files = served_files(dir.path());
    let faults = Faults { drop_after: Some(300_000), ignore_ranges: true, ..Faults::default() };
    let server = Server::start(dir.path().join("served"), faults);
    let into = dir.path().join("model");
    fetch(&server.url, &into, &files, &|_| {}, &|| false).unwrap();
    assert!(same_files(&into, &dir.path().join("served"), &files), "not the old part with the whole file after it");
}

#[test]
fn a_cancelled_fetch_keeps_what_arrived_and_resumes_at_the_next_try() {
    let dir = tempfile::tempdir().unwrap();
    let files = served_files(dir.path());
    let server = Server::start(dir.path().join("served"), Faults { slow: true, ..Faults::default() });
    let into = dir.path().join("model");
    let done = AtomicU64::new(0);
    let result = fetch(&server.url, &into, &files, &|p| done.store(p.done, Ordering::SeqCst), &|| {
        done.load(Ordering::SeqCst) > 400_000
    });
    assert!(matches!(result, Err(FetchError::Cancelled)), "{result:?}");
    let part = std::fs::metadata(into.join("model.bin.part")).unwrap().len();
    assert!(part > 300_000 && part < 1_048_576, "{part} bytes kept");
    assert!(!into.join("model.bin").exists(), "a part is never taken for the model");
    fetch(&server.url, &into, &files, &|_| {}, &|| false).unwrap();
    assert!(same_files(&into, &dir.path().join("served"), &files));
    assert_eq!(server.ranges(), [format!("bytes={part}-")]);
}

#[test]
fn a_damaged_file_is_thrown_away_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let files = served_files(dir.path());
    let server = Server::start(dir.path().join("served"), Faults { damage: true, ..Faults::default() });
    let into = dir.path().join("model");
    let result = fetch(&server.url, &into, &files, &|_| {}, &|| false);
    let Err(error @ FetchError::Damaged { .. }) = result else { panic!("{result:?}") };
    assert!(error.to_string().contains("config.json arrived damaged"), "{error}");
    assert!(!into.join("config.json").exists() && !into.join("config.json.part").exists());
}

#[test]
fn a_missing_file_or_no_server_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = served_files(dir.path());
    files[0].name = "missing.json";
    let server = Server::start(dir.path().join("served"), Faults::default());
    let error = fetch(&server.url, &dir.path().join("model"), &files, &|_| {}, &|| false).unwrap_err();
    assert!(error.to_string().contains("the server answered 404"), "{error}");
    // Nothing listens on a port just freed: connecting is refused at once.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let error =
        fetch(&format!("http://{free}"), &dir.path().join("model"), &files[1..], &|_| {}, &|| false).unwrap_err();
    assert!(matches!(error, FetchError::Network { .. }), "{error}");
}
