//! The desktop's print portal, against a stand-in portal (tests/support/print_portal.py, as
//! a desktop whose person presses "Print", or "Cancel") on a private D-Bus session: the PDF
//! reaches the portal whole through the file descriptor, and a cancelled dialog is said.
#![cfg(all(unix, not(target_os = "macos")))]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use pitchcraft_print::{PortalOutcome, PrintPortal};

struct Running(Vec<Child>);

impl Drop for Running {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A private D-Bus session: the daemon and its address.
fn private_bus() -> (Child, String) {
    let mut bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut address = String::new();
    BufReader::new(bus.stdout.take().unwrap()).read_line(&mut address).unwrap();
    (bus, address.trim().to_owned())
}

/// Whether a test tool is here; says why not in one line (and fails where `CI=true`).
fn have(program: &str, check: &[&str], package: &str) -> bool {
    let there = Command::new(program).args(check).output().is_ok_and(|out| out.status.success());
    if !there {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true, and nothing may skip: no {program}");
        eprintln!("skipped: no {program} — apt-get install {package}");
    }
    there
}

#[test]
fn the_desktops_print_dialog_gets_the_whole_pdf_and_a_cancel_is_said() {
    if !have("dbus-daemon", &["--version"], "dbus") || !have("/usr/bin/python3", &["-c", "import gi"], "python3-gi") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (bus, address) = private_bus();
    let printed = dir.path().join("printed.pdf");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/support/print_portal.py");
    let mut portal = Command::new("/usr/bin/python3")
        .arg(&script)
        .arg(&printed)
        .env("DBUS_SESSION_BUS_ADDRESS", &address)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut ready = String::new();
    BufReader::new(portal.stdout.take().unwrap()).read_line(&mut ready).unwrap();
    let _running = Running(vec![portal, bus]);
    assert_eq!(ready.trim(), "ready");

    let pdf: Vec<u8> = b"%PDF-1.7\n".iter().copied().chain((0..200_000u32).map(|n| (n % 251) as u8)).collect();
    let client = PrintPortal::at(&address).expect("the stand-in portal is there");
    assert_eq!(client.print("Brand card of Sanne de Vries", &pdf), Ok(PortalOutcome::Printed));
    assert_eq!(std::fs::read(&printed).unwrap(), pdf, "the portal read the whole PDF");
    assert_eq!(client.print("cancel: Business cards", &pdf), Ok(PortalOutcome::Cancelled));
}

#[test]
fn a_bus_without_a_print_portal_is_said() {
    if !have("dbus-daemon", &["--version"], "dbus") {
        return;
    }
    let (bus, address) = private_bus();
    let _running = Running(vec![bus]);
    let error = PrintPortal::at(&address).err().expect("no portal on an empty bus");
    assert_eq!(error, "the desktop has no print portal");
}
