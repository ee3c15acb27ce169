//! The Windows build is a program of the GUI subsystem: started from the Start menu or a
//! document it opens no console window. Started from a terminal with arguments (`--version`,
//! `check`, `card`, …) it attaches to that terminal's console, so what it prints is seen.
//! Elsewhere this does nothing.

/// Attaches to the console of the process that started this one, if it has one. Returns
/// whether it did.
#[cfg(windows)]
pub fn attach_parent_console() -> bool {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id by value and touches no memory of ours; it
    // fails harmlessly (returns 0) when the parent has no console or one is attached.
    unsafe { AttachConsole(ATTACH_PARENT_PROCESS) != 0 }
}

/// Attaches to the console of the process that started this one: nothing to do here.
#[cfg(not(windows))]
pub fn attach_parent_console() -> bool {
    false
}
