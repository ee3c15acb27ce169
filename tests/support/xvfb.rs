//! An X display for the real-window tests: $DISPLAY when there is one, else a private
//! Xvfb (install `xvfb`) that lives as long as the returned value. Without either the
//! test skips with one line (and fails where `CI=true`).

#[path = "tools.rs"]
pub mod tools;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// An X display; a private Xvfb is stopped when this value is dropped.
pub struct Display {
    /// The display's name, e.g. `:99`.
    pub name: String,
    server: Option<Child>,
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(server) = &mut self.server {
            let _ = server.kill();
            let _ = server.wait();
        }
    }
}

/// $DISPLAY, or a private Xvfb when there is none; `None` (the test skips) without both.
#[allow(dead_code)]
pub fn display() -> Option<Display> {
    if let Ok(name) = std::env::var("DISPLAY")
        && !name.is_empty()
    {
        return Some(Display { name, server: None });
    }
    private_display()
}

/// A private Xvfb always: tests that send real input must not type into a desktop.
/// `None` (the test skips) without Xvfb.
pub fn private_display() -> Option<Display> {
    if !tools::available("Xvfb", "xvfb xauth") {
        return None;
    }
    let mut server = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("no $DISPLAY and no Xvfb: install it (apt-get install -y xvfb) to run this test");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("piped")).read_line(&mut line).expect("Xvfb reports its display");
    Some(Display { name: format!(":{}", line.trim()), server: Some(server) })
}
