//! What can be printed, made into the PDF the printing service gets and the job options
//! that keep it at its true size: the same for the app's print dialog and `pitchcraft
//! print`.

pub use pitchcraft_print::{
    Cups, JobOptions, JobState, JobStatus, Media, PrintError, PrintService, Printer, PrinterState, Sides,
    default_printer, print_and_follow,
};

use crate::card::{Brief, BusinessCards, Calibration, Card};

/// What became of a print handed to the desktop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortalOutcome {
    /// The desktop took the job.
    Printed,
    /// The person closed the desktop's dialog.
    Cancelled,
    /// No program on the computer prints PDFs for other programs (Windows without a PDF
    /// reader that offers *Print*).
    NoPdfProgram,
}

/// How the desktop prints what it is handed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DesktopPrintWay {
    /// It shows its own print dialog (Linux: the print portal).
    Dialog,
    /// The program that opens PDFs prints it on the default printer (Windows).
    PdfProgram,
}

/// The desktop's own way of printing, for where the printing service cannot be reached
/// from the app (no CUPS: a sandbox, or Windows).
pub trait DesktopPrint: Send + Sync {
    /// Whether the desktop has one.
    fn available(&self) -> bool;
    /// How it prints.
    fn way(&self) -> DesktopPrintWay {
        DesktopPrintWay::Dialog
    }
    /// Prints `pdf`, called `title`; blocks while a dialog is open.
    fn print(&self, title: &str, pdf: &[u8]) -> Result<PortalOutcome, String>;
}

/// The system's own printing: the print portal of this session
/// (`org.freedesktop.portal.Print`) on Linux, the *Print* of the PDF program on Windows.
#[derive(Default)]
pub struct SystemPrint;

impl DesktopPrint for SystemPrint {
    fn available(&self) -> bool {
        #[cfg(all(unix, not(target_os = "macos")))]
        return pitchcraft_print::PrintPortal::of_session().is_ok();
        #[cfg(windows)]
        return true;
        #[cfg(not(any(windows, all(unix, not(target_os = "macos")))))]
        false
    }

    fn way(&self) -> DesktopPrintWay {
        if cfg!(windows) { DesktopPrintWay::PdfProgram } else { DesktopPrintWay::Dialog }
    }

    fn print(&self, title: &str, pdf: &[u8]) -> Result<PortalOutcome, String> {
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let portal = pitchcraft_print::PrintPortal::of_session()?;
            portal.print(title, pdf).map(|outcome| match outcome {
                pitchcraft_print::PortalOutcome::Printed => PortalOutcome::Printed,
                pitchcraft_print::PortalOutcome::Cancelled => PortalOutcome::Cancelled,
            })
        }
        #[cfg(windows)]
        {
            // The PDF program reads the file after it has been started, so the file stays
            // (in the temporary folder, replaced by the next print of the same title).
            let folder = std::env::temp_dir().join("Pitchcraft");
            let path = folder.join(format!("{}.pdf", file_stem(title)));
            std::fs::create_dir_all(&folder)
                .and_then(|()| std::fs::write(&path, pdf))
                .map_err(|error| format!("{}: {error}", path.display()))?;
            match pitchcraft_windows::print_with_associated_program(&path) {
                Ok(()) => Ok(PortalOutcome::Printed),
                Err(pitchcraft_windows::ShellPrintError::NoProgram) => Ok(PortalOutcome::NoPdfProgram),
                Err(error) => Err(error.to_string()),
            }
        }
        #[cfg(not(any(windows, all(unix, not(target_os = "macos")))))]
        {
            let _ = (title, pdf);
            Err("this system has no print portal".into())
        }
    }
}

/// A file name made of a title: what Windows forbids in names becomes a space.
#[cfg(any(windows, test))]
fn file_stem(title: &str) -> String {
    let stem: String =
        title.chars().map(|c| if c.is_control() || r#"<>:"/\|?*"#.contains(c) { ' ' } else { c }).collect();
    let stem = stem.trim().trim_end_matches('.').trim();
    if stem.is_empty() { "Pitchcraft".to_owned() } else { stem.to_owned() }
}

use crate::i18n::{Tr, fill, tr};
use crate::model::{BrandDocument, Paper};

/// What is printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Printable {
    /// The one-page brand card.
    Card,
    /// Business cards, ten to a sheet: fronts on the first page, backs on the second.
    BusinessCards,
    /// The brief of the event with this id.
    Brief(String),
    /// The page with a 100 mm ruler and a card's trim box.
    Calibration,
}

/// Which pages of business cards: both sides, or one side of the sheets (to turn the stack
/// over in between on a printer that prints one side only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardSides {
    Both,
    Fronts,
    Backs,
}

/// A job ready to send.
pub struct Job {
    pub pdf: Vec<u8>,
    pub options: JobOptions,
}

/// How a job is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub what: Printable,
    pub paper: Paper,
    pub copies: u32,
    /// Both sides of the sheet, turned over on this edge; one-sided when `None`.
    pub duplex: Option<Sides>,
    /// For business cards: which side's sheets.
    pub card_sides: CardSides,
}

impl Request {
    /// One copy of `what` on the document's paper, one-sided.
    pub fn new(document: &BrandDocument, what: Printable) -> Self {
        Request { what, paper: document.card.paper, copies: 1, duplex: None, card_sides: CardSides::Both }
    }
}

/// The edge business cards' sheets turn over on: their backs are mirrored left to right,
/// so the sheet turns on its long (side) edge.
pub const BUSINESS_CARDS_FLIP: Sides = Sides::LongEdge;

/// Makes the PDF and the options of `request`; an error in words when it cannot be made.
pub fn make(document: &BrandDocument, request: &Request) -> Result<Job, String> {
    let language = document.language;
    let owner = if document.person.name.trim().is_empty() { "Pitchcraft" } else { document.person.name.trim() };
    let (pdf, title) = match &request.what {
        Printable::Card => {
            let card = Card::make(document, request.paper, &document.card.sections, None).map_err(|e| e.to_string())?;
            (card.pdf().map_err(|e| e.to_string())?, fill(tr(language, Tr::CardDocumentTitle), &[("name", &owner)]))
        }
        Printable::BusinessCards => {
            let cards = BusinessCards::make(document, request.paper).map_err(|e| e.to_string())?;
            (cards.pdf().map_err(|e| e.to_string())?, fill(tr(language, Tr::BusinessCardsTitle), &[("name", &owner)]))
        }
        Printable::Brief(id) => {
            let event = document.event(id).ok_or_else(|| format!("no event `{id}`"))?;
            let brief = Brief::make(document, event, request.paper).map_err(|e| e.to_string())?;
            let title = fill(tr(language, Tr::BriefDocumentTitle), &[("event", &event.name), ("name", &owner)]);
            (brief.pdf().map_err(|e| e.to_string())?, title)
        }
        Printable::Calibration => {
            let page = Calibration::make(request.paper, language).map_err(|e| e.to_string())?;
            (page.pdf().map_err(|e| e.to_string())?, tr(language, Tr::CalibrationTitle).to_owned())
        }
    };
    let mut options = JobOptions::new(
        title,
        match request.paper {
            Paper::A4 => Media::A4,
            Paper::Letter => Media::Letter,
        },
    );
    options.copies = request.copies.max(1);
    options.sides = request.duplex.unwrap_or(Sides::OneSided);
    if request.what == Printable::BusinessCards {
        options.pages = match request.card_sides {
            CardSides::Both => None,
            CardSides::Fronts => Some((1, 1)),
            CardSides::Backs => Some((2, 2)),
        };
        // One side of the sheets at a time is printed one-sided, whatever was asked.
        if request.card_sides != CardSides::Both {
            options.sides = Sides::OneSided;
        }
    }
    Ok(Job { pdf, options })
}

/// A job's state in the person's words ("queued", "printing", "done", "failed: …").
pub fn state_text(language: crate::model::Language, status: &JobStatus) -> String {
    let key = match status.state {
        JobState::Pending | JobState::Held => Tr::PrintQueued,
        JobState::Processing => Tr::PrintPrinting,
        JobState::Stopped => Tr::PrintStopped,
        JobState::Completed => Tr::PrintDone,
        JobState::Canceled => Tr::PrintCanceled,
        JobState::Aborted => Tr::PrintFailed,
    };
    let state = tr(language, key);
    if status.message.trim().is_empty() || status.state == JobState::Completed {
        state.to_owned()
    } else {
        format!("{state} ({})", status.message.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn a_title_becomes_a_file_name_windows_takes() {
        assert_eq!(file_stem("Sanne de Vries — brand card"), "Sanne de Vries — brand card");
        assert_eq!(file_stem("Brief: Meetup 2/3 \"AI\"?"), "Brief  Meetup 2 3  AI");
        assert_eq!(file_stem("cards..."), "cards");
        assert_eq!(file_stem(" <>|\n"), "Pitchcraft");
    }
}
