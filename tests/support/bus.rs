//! A private D-Bus session for a test, with stand-in desktop services on it (Python scripts
//! with GObject's D-Bus: notifications, the print portal). Everything started is stopped
//! when the bus is dropped. Used by the app's tests and by pitchcraft-print's.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The daemon, its address and the services started on it.
pub struct PrivateBus {
    pub address: String,
    /// The services first, the daemon last: stopped in that order.
    running: Vec<Child>,
}

impl PrivateBus {
    /// Starts a session bus of the test's own.
    pub fn start() -> PrivateBus {
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dbus-daemon starts");
        let mut address = String::new();
        BufReader::new(bus.stdout.take().expect("its output")).read_line(&mut address).expect("its address");
        PrivateBus { address: address.trim().to_owned(), running: vec![bus] }
    }

    /// Starts the Python stand-in `script` with `arg` on this bus and waits until it says
    /// "ready" (its name taken on the bus).
    pub fn serve(&mut self, script: &Path, arg: &Path) {
        let mut service = Command::new("/usr/bin/python3")
            .arg(script)
            .arg(arg)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the stand-in starts");
        let mut ready = String::new();
        BufReader::new(service.stdout.take().expect("its output")).read_line(&mut ready).expect("its first line");
        self.running.insert(0, service);
        assert_eq!(ready.trim(), "ready", "{} did not start", script.display());
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        for child in &mut self.running {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
