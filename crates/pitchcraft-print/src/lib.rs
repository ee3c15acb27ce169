//! Printing through the system's printing service rather than a viewer: the printers the
//! system has, a job sent with the options that keep a card at its true size (no
//! fit-to-page, the document's own paper, both sides flipped on the edge the sheet needs),
//! and what the service says of the job until it is done or failed.
//!
//! [`Cups`] speaks IPP to the local CUPS server (or the one in `CUPS_SERVER`); the app and
//! the command line talk to a [`PrintService`], so that the dialog can be tested with a
//! stand-in.

mod cups;
mod job;
#[cfg(all(unix, not(target_os = "macos")))]
mod portal;

pub use cups::Cups;
pub use job::{JobOptions, Media, Sides};
#[cfg(all(unix, not(target_os = "macos")))]
pub use portal::{PortalOutcome, PrintPortal};

use std::time::{Duration, Instant};

/// A printer the service offers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Printer {
    /// The queue's name ("Office_LaserJet").
    pub name: String,
    /// What the system calls it for people ("LaserJet on the second floor"); may be empty.
    pub info: String,
    /// Where it stands; may be empty.
    pub location: String,
    /// The system's default printer.
    pub is_default: bool,
    /// Idle, printing or stopped.
    pub state: PrinterState,
    /// Why, in the service's words ("Paused", "Out of paper").
    pub message: String,
    /// Whether it takes new jobs.
    pub accepting: bool,
    /// Whether it prints on both sides of the sheet.
    pub duplex: bool,
}

impl Printer {
    /// The name to show: the description when there is one, else the queue's name.
    pub fn shown_name(&self) -> &str {
        if self.info.trim().is_empty() { &self.name } else { self.info.trim() }
    }
}

/// A printer's state (RFC 8011 `printer-state`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrinterState {
    #[default]
    Idle,
    Processing,
    Stopped,
}

/// Where a job is (RFC 8011 `job-state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobState {
    /// Waiting its turn.
    Pending,
    /// Held until someone releases it.
    Held,
    /// Being printed.
    Processing,
    /// Stopped part-way (the printer stopped).
    Stopped,
    /// Cancelled by someone.
    Canceled,
    /// The service gave up on it.
    Aborted,
    /// Printed.
    Completed,
}

impl JobState {
    /// Whether nothing more will happen to the job.
    pub fn is_final(self) -> bool {
        matches!(self, JobState::Canceled | JobState::Aborted | JobState::Completed)
    }

    /// Whether the job failed.
    pub fn failed(self) -> bool {
        matches!(self, JobState::Canceled | JobState::Aborted)
    }
}

/// What the service says of a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobStatus {
    /// The job's number at the service.
    pub id: i32,
    pub state: JobState,
    /// The service's words, when it has any ("Printer is out of paper").
    pub message: String,
}

/// Why printing did not happen, in words for the person.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PrintError {
    /// Nothing answers where the printing service should be.
    #[error("the printing service (CUPS) does not answer at {0}: is it installed and running?")]
    Unreachable(String),
    /// No printer of that name.
    #[error("there is no printer called “{0}”")]
    UnknownPrinter(String),
    /// The system has no printer at all.
    #[error("no printer is set up on this computer")]
    NoPrinters,
    /// The printer is stopped (paused, or stopped by an error).
    #[error("the printer “{printer}” is stopped{}", reason_suffix(.reason))]
    Stopped { printer: String, reason: String },
    /// The printer refuses new jobs.
    #[error("the printer “{printer}” does not take new jobs now{}", reason_suffix(.reason))]
    NotAccepting { printer: String, reason: String },
    /// The service said no, for another reason.
    #[error("the printing service refused: {0}")]
    Refused(String),
    /// The service's answer could not be read.
    #[error("the printing service's answer could not be read: {0}")]
    Garbled(String),
}

fn reason_suffix(reason: &str) -> String {
    if reason.trim().is_empty() { String::new() } else { format!(" ({})", reason.trim()) }
}

/// The system's printing service, as the app and the command line use it.
pub trait PrintService: Send + Sync {
    /// The printers there are.
    fn printers(&self) -> Result<Vec<Printer>, PrintError>;
    /// Sends `pdf` to `printer`; the job's number.
    fn submit(&self, printer: &str, pdf: &[u8], options: &JobOptions) -> Result<i32, PrintError>;
    /// What the service says of job `job` on `printer` now.
    fn status(&self, printer: &str, job: i32) -> Result<JobStatus, PrintError>;
}

/// Sends a job and follows it: `seen` hears each new state, until the job is done, failed,
/// or `patience` has passed (a job still waiting then is queued: the service prints it
/// when it can). A stopped or refusing printer is an error before anything is sent.
pub fn print_and_follow(
    service: &dyn PrintService,
    printer: &str,
    pdf: &[u8],
    options: &JobOptions,
    patience: Duration,
    mut seen: impl FnMut(&JobStatus),
) -> Result<JobStatus, PrintError> {
    ready(service, printer)?;
    let id = service.submit(printer, pdf, options)?;
    let start = Instant::now();
    let mut last: Option<JobStatus> = None;
    loop {
        let status = service.status(printer, id)?;
        if last.as_ref().is_none_or(|last| last.state != status.state || last.message != status.message) {
            seen(&status);
        }
        if status.state.is_final() || start.elapsed() >= patience {
            return Ok(status);
        }
        last = Some(status);
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The printer, if it exists and can take a job now.
pub fn ready(service: &dyn PrintService, printer: &str) -> Result<Printer, PrintError> {
    let printers = service.printers()?;
    let found = printers
        .into_iter()
        .find(|p| p.name == printer)
        .ok_or_else(|| PrintError::UnknownPrinter(printer.to_owned()))?;
    if found.state == PrinterState::Stopped {
        return Err(PrintError::Stopped { printer: found.name, reason: found.message });
    }
    if !found.accepting {
        return Err(PrintError::NotAccepting { printer: found.name, reason: found.message });
    }
    Ok(found)
}

/// The printer to use when none is named: the system's default, else the first.
pub fn default_printer(printers: &[Printer]) -> Result<&Printer, PrintError> {
    printers.iter().find(|printer| printer.is_default).or(printers.first()).ok_or(PrintError::NoPrinters)
}
