//! The print dialog's work: the printers asked of the printing service on a thread, the
//! PDF made and the job sent and followed on another, each answer brought to the dialog as
//! it arrives, and a notice when the job is done or failed.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{NoticeLevel, PitchcraftApp};
use crate::i18n::{Tr, fill};
use crate::printing::{
    self, CardSides, JobOptions, JobState, JobStatus, PrintError, PrintService, Printable, Printer, PrinterState,
};
use crate::state::{BusinessSides, JobProgress, PrintDialog, PrinterList};

/// How long a job is followed; one still waiting then is queued, and the service prints it.
const PATIENCE: Duration = Duration::from_secs(60);

/// What the threads tell the dialog.
pub(super) enum Heard {
    Printers(Result<Vec<Printer>, PrintError>),
    /// Whether the desktop has a print dialog of its own (asked when there is no printer).
    DesktopDialog(Option<printing::DesktopPrintWay>),
    /// What the desktop's print dialog did.
    Desktop(Result<printing::PortalOutcome, String>),
    Job(CardSides, Result<JobStatus, String>),
}

/// The dialog's channel from its threads.
pub(super) struct Printing {
    pub(super) heard: mpsc::Receiver<Heard>,
    sender: mpsc::Sender<Heard>,
}

impl PitchcraftApp {
    /// Opens the print dialog for `what` and asks the service for its printers.
    pub(super) fn open_print(&mut self, what: Printable) {
        let Some(session) = &self.session else { return };
        let paper = session.document.card.paper;
        let (sender, heard) = mpsc::channel();
        let service = self.print_service.clone();
        let desktop = self.desktop_print.clone();
        let answer = sender.clone();
        std::thread::spawn(move || {
            let printers = service.printers();
            let none = printers.as_ref().map_or(true, Vec::is_empty);
            let _ = answer.send(Heard::Printers(printers));
            if none {
                let _ = answer.send(Heard::DesktopDialog(desktop.available().then(|| desktop.way())));
            }
        });
        self.print = Some(PrintDialog::new(what, paper));
        self.printing = Some(Printing { heard, sender });
    }

    /// Sends the job of the dialog: the business cards' `sides` of the sheet, or all.
    pub(super) fn send_print(&mut self, sides: CardSides) {
        let (Some(session), Some(dialog), Some(printing)) = (&self.session, &mut self.print, &self.printing) else {
            return;
        };
        let Some(printer) = dialog.printer.clone() else { return };
        let duplex = match (&dialog.what, dialog.sides) {
            (Printable::BusinessCards, BusinessSides::BothSides) if sides == CardSides::Both => {
                Some(printing::BUSINESS_CARDS_FLIP)
            }
            _ => None,
        };
        let mut request = printing::Request::new(&session.document, dialog.what.clone());
        request.copies = dialog.copies;
        request.paper = dialog.paper;
        request.duplex = duplex;
        request.card_sides = sides;
        dialog.job = Some(JobProgress { sides, status: None, error: None });
        let document = session.document.clone();
        let service = self.print_service.clone();
        let sender = printing.sender.clone();
        std::thread::spawn(move || {
            let job = match printing::make(&document, &request) {
                Ok(job) => job,
                Err(error) => {
                    let _ = sender.send(Heard::Job(sides, Err(error)));
                    return;
                }
            };
            let tell = sender.clone();
            let result = printing::print_and_follow(&*service, &printer, &job.pdf, &job.options, PATIENCE, |status| {
                let _ = tell.send(Heard::Job(sides, Ok(status.clone())));
            });
            if let Err(error) = result {
                let _ = sender.send(Heard::Job(sides, Err(error.to_string())));
            }
        });
    }

    /// Takes in what the dialog's threads said; true while it waits for more.
    pub(super) fn poll_print(&mut self) -> bool {
        let Some(printing) = &self.printing else { return false };
        let heard: Vec<Heard> = printing.heard.try_iter().collect();
        let mut finished = Vec::new();
        let mut desktop_outcome = None;
        if let Some(dialog) = &mut self.print {
            for news in heard {
                match news {
                    Heard::Printers(Ok(printers)) if !printers.is_empty() => {
                        dialog.printer = printing::default_printer(&printers).ok().map(|p| p.name.clone());
                        dialog.printers = PrinterList::Found(printers);
                    }
                    Heard::Printers(Ok(_)) => {
                        dialog.printers = PrinterList::Unavailable(PrintError::NoPrinters.to_string())
                    }
                    Heard::Printers(Err(error)) => dialog.printers = PrinterList::Unavailable(error.to_string()),
                    Heard::DesktopDialog(there) => dialog.desktop_dialog = there,
                    Heard::Desktop(outcome) => {
                        dialog.desktop_busy = false;
                        desktop_outcome = Some(outcome);
                    }
                    Heard::Job(sides, result) => {
                        let job = dialog.job.get_or_insert(JobProgress { sides, status: None, error: None });
                        match result {
                            Ok(status) => job.status = Some(status),
                            Err(error) => job.error = Some(error),
                        }
                        if job.is_over() {
                            finished.push(job.clone());
                        }
                    }
                }
            }
        }
        for job in finished {
            self.tell_job(&job);
        }
        if let Some(outcome) = desktop_outcome {
            let pdf_program = self.desktop_print.way() == printing::DesktopPrintWay::PdfProgram;
            match outcome {
                Ok(printing::PortalOutcome::Printed) => {
                    let done = if pdf_program { Tr::PrintPdfProgramDone } else { Tr::PrintDesktopDone };
                    self.notify(NoticeLevel::Info, self.tr(done).to_owned());
                    self.close_print();
                }
                Ok(printing::PortalOutcome::Cancelled) => {}
                // The dialog stays, with the viewer and Save PDF… to print from.
                Ok(printing::PortalOutcome::NoPdfProgram) => {
                    self.notify(NoticeLevel::Warning, self.tr(Tr::PrintPdfProgramNone).to_owned());
                }
                Err(error) => {
                    let failed = if pdf_program { Tr::PrintPdfProgramFailed } else { Tr::PrintDesktopFailed };
                    let text = fill(self.tr(failed), &[("reason", &error)]);
                    self.notify(NoticeLevel::Warning, text);
                }
            }
        }
        self.print
            .as_ref()
            .is_some_and(|dialog| dialog.printers == PrinterList::Looking || dialog.busy() || dialog.desktop_busy)
    }

    /// A notice for a job that is over: printed, or why not (which stays until read).
    fn tell_job(&mut self, job: &JobProgress) {
        let printer = self.print.as_ref().and_then(|d| d.printer.clone()).unwrap_or_default();
        match (&job.error, &job.status) {
            (Some(error), _) => {
                let text = fill(self.tr(Tr::PrintNoticeFailed), &[("printer", &printer), ("reason", error)]);
                self.notify(NoticeLevel::Warning, text);
            }
            (None, Some(status)) if status.state.failed() => {
                let reason = printing::state_text(self.settings.language, status);
                let text = fill(self.tr(Tr::PrintNoticeFailed), &[("printer", &printer), ("reason", &reason)]);
                self.notify(NoticeLevel::Warning, text);
            }
            (None, Some(_)) => {
                // Of business cards on a one-sided printer, the fronts are half the work.
                let done = match job.sides {
                    CardSides::Both => Tr::PrintNoticeDone,
                    CardSides::Fronts => Tr::PrintNoticeFrontsDone,
                    CardSides::Backs => Tr::PrintNoticeBacksDone,
                };
                let text = fill(self.tr(done), &[("printer", &printer)]);
                self.notify(NoticeLevel::Info, text);
            }
            (None, None) => {}
        }
    }

    /// Hands what the dialog holds to the desktop's own print dialog, on a thread (it stays
    /// open while the person chooses).
    pub(super) fn print_with_desktop(&mut self) {
        let (Some(session), Some(dialog), Some(printing)) = (&self.session, &mut self.print, &self.printing) else {
            return;
        };
        let mut request = printing::Request::new(&session.document, dialog.what.clone());
        request.paper = dialog.paper;
        dialog.desktop_busy = true;
        let document = session.document.clone();
        let desktop = self.desktop_print.clone();
        let sender = printing.sender.clone();
        std::thread::spawn(move || {
            let outcome =
                printing::make(&document, &request).and_then(|job| desktop.print(&job.options.title, &job.pdf));
            let _ = sender.send(Heard::Desktop(outcome));
        });
    }

    /// Closes the print dialog (a job already sent goes on at the service).
    pub(super) fn close_print(&mut self) {
        self.print = None;
        self.printing = None;
    }
}

/// A printing service for tests: printers as given, each job recorded and reported queued,
/// then printing, then printed — or refused, for a printer that is stopped.
#[doc(hidden)]
#[derive(Default)]
pub struct StandInPrinters {
    /// The printers it has; `None`: the service does not answer.
    pub printers: Option<Vec<Printer>>,
    /// The jobs sent: printer, PDF and options.
    pub jobs: Mutex<Vec<(String, Vec<u8>, JobOptions)>>,
    /// Status reports given, per job.
    polls: Mutex<Vec<u32>>,
}

impl StandInPrinters {
    /// A service with these printers.
    pub fn with(printers: Vec<Printer>) -> Arc<Self> {
        Arc::new(StandInPrinters { printers: Some(printers), ..StandInPrinters::default() })
    }

    /// No printing service at all.
    pub fn none() -> Arc<Self> {
        Arc::new(StandInPrinters::default())
    }
}

impl PrintService for StandInPrinters {
    fn printers(&self) -> Result<Vec<Printer>, PrintError> {
        self.printers.clone().ok_or_else(|| PrintError::Unreachable("localhost:631".into()))
    }

    fn submit(&self, printer: &str, pdf: &[u8], options: &JobOptions) -> Result<i32, PrintError> {
        let mut jobs = self.jobs.lock().map_err(|_| PrintError::Garbled("poisoned".into()))?;
        jobs.push((printer.to_owned(), pdf.to_vec(), options.clone()));
        self.polls.lock().map_err(|_| PrintError::Garbled("poisoned".into()))?.push(0);
        Ok(jobs.len() as i32)
    }

    fn status(&self, _printer: &str, job: i32) -> Result<JobStatus, PrintError> {
        let mut polls = self.polls.lock().map_err(|_| PrintError::Garbled("poisoned".into()))?;
        let seen = usize::try_from(job)
            .ok()
            .and_then(|job| job.checked_sub(1))
            .and_then(|index| polls.get_mut(index))
            .ok_or_else(|| PrintError::Garbled("no such job".into()))?;
        *seen += 1;
        let state = match *seen {
            1 => JobState::Pending,
            2 => JobState::Processing,
            _ => JobState::Completed,
        };
        Ok(JobStatus { id: job, state, message: String::new() })
    }
}

/// A printer for the stand-in service.
#[doc(hidden)]
pub fn stand_in_printer(name: &str, is_default: bool, duplex: bool) -> Printer {
    Printer {
        name: name.to_owned(),
        is_default,
        duplex,
        accepting: true,
        state: PrinterState::Idle,
        ..Printer::default()
    }
}

/// The desktop's print dialog for tests: there or not, and each print recorded (title and
/// PDF) as if the person pressed "Print" in it.
#[doc(hidden)]
#[derive(Default)]
pub struct StandInDesktop {
    pub there: bool,
    /// How it prints; `None`: its own dialog.
    pub way: Option<printing::DesktopPrintWay>,
    /// What it answers; `None`: printed.
    pub outcome: Option<printing::PortalOutcome>,
    pub printed: Mutex<Vec<(String, Vec<u8>)>>,
}

impl printing::DesktopPrint for StandInDesktop {
    fn available(&self) -> bool {
        self.there
    }

    fn way(&self) -> printing::DesktopPrintWay {
        self.way.unwrap_or(printing::DesktopPrintWay::Dialog)
    }

    fn print(&self, title: &str, pdf: &[u8]) -> Result<printing::PortalOutcome, String> {
        self.printed.lock().map_err(|_| "poisoned".to_owned())?.push((title.to_owned(), pdf.to_vec()));
        Ok(self.outcome.clone().unwrap_or(printing::PortalOutcome::Printed))
    }
}
