//! A small HTTP/1.1 file server on 127.0.0.1 for the model-fetching tests: it serves the
//! files of a folder, answers range requests with 206, and can misbehave on purpose (drop
//! the connection part way, ignore ranges, send a damaged byte).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// How the server misbehaves.
#[derive(Default)]
pub struct Faults {
    /// The first answer of each file stops after this many bytes and the connection closes.
    pub drop_after: Option<u64>,
    /// Ranges are ignored: every answer is the whole file with 200.
    pub ignore_ranges: bool,
    /// One byte in the middle of every file is changed.
    pub damage: bool,
    /// Each answer sends its body this slowly (a pause after every 64 KiB), so a test can
    /// cancel part way.
    pub slow: bool,
}

/// Each request's path and Range header, in order.
pub type Requests = Arc<Mutex<Vec<(String, Option<String>)>>>;

pub struct Server {
    pub url: String,
    pub requests: Requests,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Serves the files of `folder` until dropped.
    pub fn start(folder: PathBuf, faults: Faults) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests: Requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen, stopping) = (requests.clone(), stop.clone());
        let faults = Arc::new(faults);
        let dropped = Arc::new(Mutex::new(std::collections::HashSet::new()));
        let served = Arc::new(AtomicU64::new(0));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (folder, seen, faults, dropped, served) =
                    (folder.clone(), seen.clone(), faults.clone(), dropped.clone(), served.clone());
                std::thread::spawn(move || answer(stream, &folder, &seen, &faults, &dropped, &served));
            }
        });
        Server { url, requests, stop }
    }

    /// The requests that asked for a range.
    pub fn ranges(&self) -> Vec<String> {
        self.requests.lock().unwrap().iter().filter_map(|(_, range)| range.clone()).collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the stop.
        let _ = TcpStream::connect(self.url.trim_start_matches("http://"));
    }
}

fn answer(
    mut stream: TcpStream,
    folder: &std::path::Path,
    seen: &Mutex<Vec<(String, Option<String>)>>,
    faults: &Faults,
    dropped: &Mutex<std::collections::HashSet<String>>,
    served: &AtomicU64,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/').to_owned();
    let mut range = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("range")
        {
            range = Some(value.trim().to_owned());
        }
    }
    seen.lock().unwrap().push((path.clone(), range.clone()));
    let Ok(mut body) = std::fs::read(folder.join(&path)) else {
        let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
    };
    if faults.damage {
        let middle = body.len() / 2;
        body[middle] ^= 0x5a;
    }
    let from = range
        .as_deref()
        .filter(|_| !faults.ignore_ranges)
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.trim_end_matches('-').parse::<usize>().ok())
        .filter(|&from| from < body.len());
    let total = body.len();
    let head = match from {
        Some(from) => format!(
            "HTTP/1.1 206 Partial Content\r\nContent-Length: {}\r\nContent-Range: bytes {from}-{}/{total}\r\nConnection: close\r\n\r\n",
            total - from,
            total - 1
        ),
        None => format!("HTTP/1.1 200 OK\r\nContent-Length: {total}\r\nConnection: close\r\n\r\n"),
    };
    let body = &body[from.unwrap_or(0)..];
    let _ = stream.write_all(head.as_bytes());
    // The first answer for a file stops short when asked to.
    let cut = faults.drop_after.filter(|_| dropped.lock().unwrap().insert(path.clone()));
    let body = match cut {
        Some(cut) => &body[..(cut as usize).min(body.len())],
        None => body,
    };
    for chunk in body.chunks(64 * 1024) {
        if stream.write_all(chunk).is_err() {
            return;
        }
        served.fetch_add(chunk.len() as u64, Ordering::SeqCst);
        if faults.slow {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    let _ = stream.flush();
    let _ = stream.shutdown(std::net::Shutdown::Both);
}
