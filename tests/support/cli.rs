//! The command line as the tests run it: always on a calendar day the test chose, so no
//! assertion depends on the machine's date, time zone or locale.
#![allow(dead_code)]

/// The day a test works on unless it says otherwise: the day the sample was written for.
pub const TEST_DAY: &str = pitchcraft::storage::SAMPLE_DAY;

/// `pitchcraft` for assertions, on [`TEST_DAY`].
pub fn pitchcraft() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("pitchcraft").expect("the pitchcraft binary is built");
    command.env("PITCHCRAFT_TODAY", TEST_DAY);
    command
}

/// `pitchcraft` as a process of its own (a window, a recording), on [`TEST_DAY`].
pub fn process() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pitchcraft"));
    command.env("PITCHCRAFT_TODAY", TEST_DAY);
    command
}
