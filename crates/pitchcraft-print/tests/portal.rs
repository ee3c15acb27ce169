//! The desktop's print portal, against a stand-in portal (tests/support/print_portal.py, as
//! a desktop whose person presses "Print", or "Cancel") on a private D-Bus session: the PDF
//! reaches the portal whole through the file descriptor, and a cancelled dialog is said.
#![cfg(all(unix, not(target_os = "macos")))]

use std::path::Path;
use std::process::Command;

use pitchcraft_print::{PortalOutcome, PrintPortal};

#[path = "../../../tests/support/bus.rs"]
mod bus;
use bus::PrivateBus;

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
    let mut bus = PrivateBus::start();
    let printed = dir.path().join("printed.pdf");
    bus.serve(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/support/print_portal.py"), &printed);

    let pdf: Vec<u8> = b"%PDF-1.7\n".iter().copied().chain((0..200_000u32).map(|n| (n % 251) as u8)).collect();
    let client = PrintPortal::at(&bus.address).expect("the stand-in portal is there");
    assert_eq!(client.print("Brand card of Sanne de Vries", &pdf), Ok(PortalOutcome::Printed));
    assert_eq!(std::fs::read(&printed).unwrap(), pdf, "the portal read the whole PDF");
    assert_eq!(client.print("cancel: Business cards", &pdf), Ok(PortalOutcome::Cancelled));
}

#[test]
fn a_bus_without_a_print_portal_is_said() {
    if !have("dbus-daemon", &["--version"], "dbus") {
        return;
    }
    let bus = PrivateBus::start();
    let error = PrintPortal::at(&bus.address).err().expect("no portal on an empty bus");
    assert_eq!(error, "the desktop has no print portal");
}
