//! Getting the speech model onto this computer: Whisper base as converted for CTranslate2
//! (`Systran/faster-whisper-base`, MIT), four files, 148 MB. Each file goes to `NAME.part`
//! first and is renamed once its size and SHA-256 are right, so a half-fetched or damaged
//! file is never taken for the model. An interrupted fetch resumes where it stopped (an HTTP
//! range request), by itself after a dropped connection and at the next try after a cancel
//! or a full disk.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

/// Where the files come from; `PITCHCRAFT_MODEL_URL` puts another (a mirror, a test server)
/// in its place.
pub const MODEL_URL: &str = "https://huggingface.co/Systran/faster-whisper-base/resolve/main";

/// One file of the model, as it must arrive.
#[derive(Clone, Copy, Debug)]
pub struct ModelFile {
    pub name: &'static str,
    pub size: u64,
    pub sha256: &'static str,
}

/// The files of Whisper base, their sizes and checksums.
pub const WHISPER_BASE: [ModelFile; 4] = [
    ModelFile {
        name: "config.json",
        size: 2_309,
        sha256: "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    },
    ModelFile {
        name: "vocabulary.txt",
        size: 459_861,
        sha256: "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
    },
    ModelFile {
        name: "tokenizer.json",
        size: 2_203_239,
        sha256: "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    },
    ModelFile {
        name: "model.bin",
        size: 145_217_532,
        sha256: "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    },
];

/// How many times a dropped connection is picked up again before giving up.
const RETRIES: usize = 3;

/// Why the model did not arrive, in words a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("cancelled")]
    Cancelled,
    #[error("{name} could not be fetched from {url}: {why}")]
    Network { name: String, url: String, why: String },
    #[error("{name} arrived damaged (its checksum is wrong) and was thrown away; try again")]
    Damaged { name: String },
    #[error("{name} arrived with {got} bytes instead of {expected}; try again")]
    WrongSize { name: String, got: u64, expected: u64 },
    #[error("{path}: {source}")]
    Disk { path: PathBuf, source: std::io::Error },
}

/// How far a fetch got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// Whether `folder` holds every file of `files` at its size (the checksums are checked
/// when a file arrives, not at every start).
pub fn is_complete(folder: &Path, files: &[ModelFile]) -> bool {
    files.iter().all(|file| std::fs::metadata(folder.join(file.name)).is_ok_and(|m| m.len() == file.size))
}

/// Fetches `files` from `base_url` into `folder` (made when missing), skipping those already
/// there. `progress` is told the bytes in hand after each piece; `cancelled` is asked as
/// often.
pub fn fetch(
    base_url: &str,
    folder: &Path,
    files: &[ModelFile],
    progress: &dyn Fn(Progress),
    cancelled: &dyn Fn() -> bool,
) -> Result<(), FetchError> {
    std::fs::create_dir_all(folder).map_err(disk(folder))?;
    let total = files.iter().map(|f| f.size).sum();
    let mut before = 0;
    let agent = ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(20)))
        .timeout_recv_body(Some(Duration::from_secs(60)))
        .http_status_as_error(false)
        .build()
        .new_agent();
    for file in files {
        let target = folder.join(file.name);
        if std::fs::metadata(&target).is_ok_and(|m| m.len() == file.size) {
            before += file.size;
            progress(Progress { done: before, total });
            continue;
        }
        let url = format!("{}/{}", base_url.trim_end_matches('/'), file.name);
        let report = |done: u64| progress(Progress { done: before + done, total });
        fetch_file(&agent, &url, &target, file, &report, cancelled)?;
        before += file.size;
    }
    progress(Progress { done: total, total });
    Ok(())
}

fn disk(path: &Path) -> impl FnOnce(std::io::Error) -> FetchError + '_ {
    move |source| FetchError::Disk { path: path.to_owned(), source }
}

/// One file: into `NAME.part`, resumed where an earlier try stopped, checked, then renamed.
fn fetch_file(
    agent: &ureq::Agent,
    url: &str,
    target: &Path,
    file: &ModelFile,
    progress: &dyn Fn(u64),
    cancelled: &dyn Fn() -> bool,
) -> Result<(), FetchError> {
    let part = target.with_file_name(format!("{}.part", file.name));
    let network = |why: String| FetchError::Network { name: file.name.to_owned(), url: url.to_owned(), why };
    let size_of = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    let mut tries = 0;
    while size_of(&part) < file.size {
        let why = match fetch_from(agent, url, &part, size_of(&part), progress, cancelled) {
            Ok(()) if size_of(&part) >= file.size => break,
            Ok(()) => "the connection closed before the end".to_owned(),
            Err(Interrupted::Stop(error)) => return Err(error),
            Err(Interrupted::Dropped(why)) => why,
        };
        // The connection dropped: picked up again where it stopped, a few times.
        tries += 1;
        if tries > RETRIES {
            return Err(network(why));
        }
        std::thread::sleep(Duration::from_millis(200 * tries as u64));
    }
    let got = std::fs::metadata(&part).map_err(disk(&part))?.len();
    if got != file.size {
        let _ = std::fs::remove_file(&part);
        return Err(FetchError::WrongSize { name: file.name.to_owned(), got, expected: file.size });
    }
    if sha256_of(&part)? != file.sha256 {
        let _ = std::fs::remove_file(&part);
        return Err(FetchError::Damaged { name: file.name.to_owned() });
    }
    std::fs::rename(&part, target).map_err(disk(target))?;
    Ok(())
}

enum Interrupted {
    /// The connection went; what arrived is kept.
    Dropped(String),
    /// Nothing to pick up again (cancelled, refused, a full disk).
    Stop(FetchError),
}

/// Appends what the server sends from byte `have` on to `part`.
fn fetch_from(
    agent: &ureq::Agent,
    url: &str,
    part: &Path,
    have: u64,
    progress: &dyn Fn(u64),
    cancelled: &dyn Fn() -> bool,
) -> Result<(), Interrupted> {
    let name = part.file_name().map(|n| n.to_string_lossy().trim_end_matches(".part").to_owned()).unwrap_or_default();
    let network = |why: String| FetchError::Network { name: name.clone(), url: url.to_owned(), why };
    let mut request = agent.get(url);
    if have > 0 {
        request = request.header("Range", format!("bytes={have}-"));
    }
    let response = request.call().map_err(|e| match e {
        ureq::Error::Io(e) => Interrupted::Dropped(e.to_string()),
        other => Interrupted::Stop(network(other.to_string())),
    })?;
    let status = response.status().as_u16();
    // 206: the rest, from where it stopped; 200: the whole file (the server ignored the
    // range, or there was nothing yet), so it starts over.
    let (mut out, mut done) = match status {
        206 if have > 0 => {
            (OpenOptions::new().append(true).open(part).map_err(|e| Interrupted::Stop(disk(part)(e)))?, have)
        }
        200 => (File::create(part).map_err(|e| Interrupted::Stop(disk(part)(e)))?, 0),
        _ => return Err(Interrupted::Stop(network(format!("the server answered {status}")))),
    };
    progress(done);
    let mut body = response.into_body().into_reader();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        if cancelled() {
            return Err(Interrupted::Stop(FetchError::Cancelled));
        }
        let read = match body.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) => return Err(Interrupted::Dropped(e.to_string())),
        };
        out.write_all(&buffer[..read]).map_err(|e| Interrupted::Stop(disk(part)(e)))?;
        done += read as u64;
        progress(done);
    }
    out.sync_all().map_err(|e| Interrupted::Stop(disk(part)(e)))?;
    Ok(())
}

/// The SHA-256 of a file, in lower-case hex.
pub fn sha256_of(path: &Path) -> Result<String, FetchError> {
    let mut file = File::open(path).map_err(disk(path))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 256 * 1024];
    loop {
        let read = file.read(&mut buffer).map_err(disk(path))?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
