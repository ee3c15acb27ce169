//! The print dialog: what is printed, the printers the system has, the choices made, and
//! the job as the printing service reports it. Drawn by `ui::print`, filled by the shell.

use crate::printing::{CardSides, DesktopPrintWay, JobStatus, Printable, Printer};

/// The printers, as the service's answer arrives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrinterList {
    /// Asked, no answer yet.
    Looking,
    /// The printers (never empty).
    Found(Vec<Printer>),
    /// No printing service, or no printer: the service's words.
    Unavailable(String),
}

/// How business cards are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BusinessSides {
    /// Fronts and backs on one sheet, the printer turning it on the long edge.
    BothSides,
    /// The fronts alone.
    FrontsOnly,
    /// The fronts, then the person turns the stack over, then the backs: two jobs.
    FrontsThenBacks,
}

/// A job sent, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobProgress {
    /// Which pages (business cards printed as two jobs have two).
    pub sides: CardSides,
    /// The last state the service reported; `None` while it is being sent.
    pub status: Option<JobStatus>,
    /// Why it could not be sent.
    pub error: Option<String>,
}

impl JobProgress {
    /// Whether nothing more will happen to it.
    pub fn is_over(&self) -> bool {
        self.error.is_some() || self.status.as_ref().is_some_and(|status| status.state.is_final())
    }
}

/// The print dialog's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintDialog {
    pub what: Printable,
    /// The document's paper: what is printed is made for it, at true size.
    pub paper: crate::model::Paper,
    pub printers: PrinterList,
    /// The queue chosen.
    pub printer: Option<String>,
    pub copies: u32,
    /// Business cards only.
    pub sides: BusinessSides,
    /// The job sent last.
    pub job: Option<JobProgress>,
    /// How the desktop prints a job handed to it, where the printing service cannot be
    /// reached: its own print dialog, or the PDF program; `None` when it cannot.
    pub desktop_dialog: Option<DesktopPrintWay>,
    /// The desktop's print dialog is open (or the PDF program being started).
    pub desktop_busy: bool,
}

impl PrintDialog {
    /// A dialog for `what`, its printers being looked for.
    pub fn new(what: Printable, paper: crate::model::Paper) -> Self {
        PrintDialog {
            what,
            paper,
            printers: PrinterList::Looking,
            printer: None,
            copies: 1,
            sides: BusinessSides::BothSides,
            job: None,
            desktop_dialog: None,
            desktop_busy: false,
        }
    }

    /// The chosen printer, if the service listed it.
    pub fn chosen(&self) -> Option<&Printer> {
        let PrinterList::Found(printers) = &self.printers else { return None };
        printers.iter().find(|printer| Some(&printer.name) == self.printer.as_ref())
    }

    /// Whether a job is on its way (the dialog waits for it).
    pub fn busy(&self) -> bool {
        self.job.as_ref().is_some_and(|job| !job.is_over())
    }

    /// Whether the fronts are printed and the backs wait for the stack to be turned over.
    pub fn backs_next(&self) -> bool {
        self.sides == BusinessSides::FrontsThenBacks
            && self.job.as_ref().is_some_and(|job| {
                job.sides == CardSides::Fronts
                    && job.status.as_ref().is_some_and(|s| s.state.is_final() && !s.state.failed())
            })
    }
}
