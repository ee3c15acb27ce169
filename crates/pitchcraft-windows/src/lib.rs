//! The Windows build is a program of the GUI subsystem: started from the Start menu or a
//! document it opens no console window. Started from a terminal with arguments (`--version`,
//! `check`, `card`, …) it attaches to that terminal's console, so what it prints is seen.
//! Elsewhere this does nothing.
//!
//! It also hands a PDF to the program Windows prints PDFs with (no printing service to
//! talk to there, as CUPS is on Linux).

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

/// Why Windows could not hand a file to a program to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellPrintError {
    /// No program on this computer offers to print this kind of file (Windows' own PDF
    /// viewers do not).
    NoProgram,
    /// Windows refused, with its code (`SE_ERR_…`).
    Refused(u32),
    /// Not on Windows.
    NotWindows,
}

impl std::fmt::Display for ShellPrintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShellPrintError::NoProgram => {
                f.write_str("no program on this computer prints PDF files for other programs")
            }
            ShellPrintError::Refused(code) => write!(f, "Windows could not start the printing (code {code})"),
            ShellPrintError::NotWindows => f.write_str("printing through Windows' shell needs Windows"),
        }
    }
}

impl std::error::Error for ShellPrintError {}

/// Hands `path` to the program Windows prints such files with (the *Print* of a file's
/// context menu, `ShellExecute` with the verb "print"), which prints it on the default
/// printer. Returns once the program has been started; it reads the file afterwards, so the
/// file must stay.
#[cfg(windows)]
pub fn print_with_associated_program(path: &std::path::Path) -> Result<(), ShellPrintError> {
    use std::os::windows::ffi::OsStrExt;
    use windows_sys::Win32::System::Com::{
        COINIT_APARTMENTTHREADED, COINIT_DISABLE_OLE1DDE, CoInitializeEx, CoUninitialize,
    };
    use windows_sys::Win32::UI::Shell::{SE_ERR_ASSOCINCOMPLETE, SE_ERR_NOASSOC, ShellExecuteW};
    use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWMINNOACTIVE;

    let wide = |text: &std::ffi::OsStr| text.encode_wide().chain(std::iter::once(0)).collect::<Vec<u16>>();
    let verb = wide(std::ffi::OsStr::new("print"));
    let file = wide(path.as_os_str());
    // SAFETY: both calls take no pointers of ours but the reserved null; a thread that has
    // COM already (the app's window thread) gets S_FALSE or RPC_E_CHANGED_MODE, and only a
    // successful initialisation is undone below. Shell extensions that print need COM.
    let com = unsafe { CoInitializeEx(std::ptr::null(), (COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE) as u32) };
    // SAFETY: `verb` and `file` are NUL-terminated UTF-16 that outlive the call; the other
    // pointers may be null (no owner window, no parameters, the default folder).
    let result = unsafe {
        ShellExecuteW(
            std::ptr::null_mut(),
            verb.as_ptr(),
            file.as_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            SW_SHOWMINNOACTIVE,
        )
    } as usize;
    if com >= 0 {
        // SAFETY: pairs the successful CoInitializeEx above on this thread.
        unsafe { CoUninitialize() };
    }
    // ShellExecute's answer is greater than 32 on success, else an error code.
    match result as u32 {
        _ if result > 32 => Ok(()),
        SE_ERR_NOASSOC | SE_ERR_ASSOCINCOMPLETE => Err(ShellPrintError::NoProgram),
        code => Err(ShellPrintError::Refused(code)),
    }
}

/// Hands a file to a program to print: Windows only.
#[cfg(not(windows))]
pub fn print_with_associated_program(path: &std::path::Path) -> Result<(), ShellPrintError> {
    let _ = path;
    Err(ShellPrintError::NotWindows)
}
