//! The tests that drive the app itself: its pages through egui_kittest, its real window
//! under Xvfb, and the app on a failing disk. One test binary, because each of these links
//! the whole app (egui, wgpu, the typesetter, the speech model): as twelve binaries they
//! took some 3 GB of disk and a link each.

#[path = "../support/cli.rs"]
mod cli;
#[path = "../common/mod.rs"]
mod common;
#[path = "../support/http.rs"]
mod http;
#[path = "../support/pulse.rs"]
mod pulse;
#[path = "../support/xvfb.rs"]
mod xvfb;
// One copy of the tool checks: the one the display helper already carries.
use xvfb::tools;

mod card;
mod desktop;
mod discover;
mod disk_faults;
mod first_hour;
mod network;
mod notes;
mod pitches;
mod rehearse;
mod shell;
mod voice;
mod window;
