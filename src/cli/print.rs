//! `print` and `printers`: the document's card, business cards, brief or scale check page
//! through the system's printing service, with what the service says of the job.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;

use super::{CardPagesArg, DuplexArg, PrintWhatArg, complain, say};
use crate::printing::{self, CardSides, Cups, PrintService, Printable, PrinterState, Sides};
use crate::storage;

/// How long a job is followed before it is left queued (the service prints it when the
/// printer can; a busy office printer may take minutes).
const PATIENCE: Duration = Duration::from_secs(30);

/// `print`'s arguments.
pub(super) struct Request<'a> {
    pub file: &'a Path,
    pub what: PrintWhatArg,
    pub printer: Option<&'a str>,
    pub copies: u32,
    pub duplex: Option<DuplexArg>,
    pub pages: Option<CardPagesArg>,
    pub event: Option<&'a str>,
    pub paper: Option<crate::model::Paper>,
    pub today: NaiveDate,
}

/// `printers`: one line a printer.
pub(super) fn printers() -> ExitCode {
    let cups = Cups::from_env();
    let printers = match cups.printers() {
        Ok(printers) => printers,
        Err(error) => return complain(error),
    };
    if printers.is_empty() {
        return complain(printing::PrintError::NoPrinters);
    }
    for printer in printers {
        let state = match printer.state {
            PrinterState::Idle => "idle",
            PrinterState::Processing => "printing",
            PrinterState::Stopped => "stopped",
        };
        let mut line = format!("{}{}: {state}", printer.name, if printer.is_default { " (default)" } else { "" });
        if !printer.message.trim().is_empty() {
            line.push_str(&format!(" ({})", printer.message.trim()));
        }
        line.push_str(if printer.duplex { ", both sides" } else { ", one side" });
        if !printer.accepting {
            line.push_str(", not taking jobs");
        }
        if !printer.info.trim().is_empty() && printer.info.trim() != printer.name {
            line.push_str(&format!(" — {}", printer.info.trim()));
        }
        say(line);
    }
    ExitCode::SUCCESS
}

/// `print`: exit 0 when printed or queued, 1 when it failed (the service's reason said), 2
/// for arguments that do not go together.
pub(super) fn run(request: Request<'_>) -> ExitCode {
    if request.event.is_some() && request.what != PrintWhatArg::Brief {
        return usage("--event goes with --what brief");
    }
    if request.pages.is_some() && request.what != PrintWhatArg::Business {
        return usage("--pages goes with --what business");
    }
    let document = match storage::load(request.file) {
        Ok(loaded) => loaded.document,
        Err(error) => return complain(error),
    };
    let what = match request.what {
        PrintWhatArg::Card => Printable::Card,
        PrintWhatArg::Business => Printable::BusinessCards,
        PrintWhatArg::Calibration => Printable::Calibration,
        PrintWhatArg::Brief => {
            let event = match request.event {
                Some(id) => document.event(id),
                None => crate::logic::network::next_event(&document, request.today),
            };
            match event {
                Some(event) => Printable::Brief(event.id.clone()),
                None => {
                    let known: Vec<&str> = document.events.iter().map(|e| e.id.as_str()).collect();
                    return complain(format!(
                        "{}: no event {}(there are: {})",
                        request.file.display(),
                        request.event.map(|id| format!("`{id}` ")).unwrap_or_default(),
                        if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                    ));
                }
            }
        }
    };

    let cups = Cups::from_env();
    let printers = match cups.printers() {
        Ok(printers) => printers,
        // Windows has no print server to talk to: its PDF program prints.
        Err(printing::PrintError::Unreachable(_)) if cfg!(windows) && request.printer.is_none() => {
            return print_with_pdf_program(&document, what, &request);
        }
        Err(error) => return complain(error),
    };
    let printer = match request.printer {
        Some(name) => match printers.iter().find(|p| p.name == name) {
            Some(printer) => printer,
            None => return complain(printing::PrintError::UnknownPrinter(name.to_owned())),
        },
        None => match pitchcraft_print::default_printer(&printers) {
            Ok(printer) => printer,
            Err(error) => return complain(error),
        },
    };

    let mut job = printing::Request::new(&document, what.clone());
    job.paper = request.paper.unwrap_or(document.card.paper);
    job.copies = request.copies;
    job.card_sides = match request.pages {
        None => CardSides::Both,
        Some(CardPagesArg::Fronts) => CardSides::Fronts,
        Some(CardPagesArg::Backs) => CardSides::Backs,
    };
    job.duplex = match request.duplex {
        Some(DuplexArg::Long) => Some(Sides::LongEdge),
        Some(DuplexArg::Short) => Some(Sides::ShortEdge),
        Some(DuplexArg::None) => None,
        None if what == Printable::BusinessCards && printer.duplex => Some(printing::BUSINESS_CARDS_FLIP),
        None => None,
    };
    if what == Printable::BusinessCards && job.card_sides == CardSides::Both {
        match job.duplex {
            Some(sides) if sides != printing::BUSINESS_CARDS_FLIP => {
                warn(
                    "the backs are mirrored to be turned over on the long edge: on the short edge they will not line up with the fronts",
                );
            }
            None => warn(
                "one side a sheet: the backs come out on a sheet of their own. To print both sides on a one-sided printer, \
                 print --pages fronts, put the printed stack back in the tray turned over on its long edge, then --pages backs",
            ),
            Some(_) => {}
        }
    }
    let made = match printing::make(&document, &job) {
        Ok(made) => made,
        Err(error) => return complain(format!("{}: {error}", request.file.display())),
    };
    // The command line speaks English, as its other commands do.
    let language = crate::model::Language::En;
    let result =
        pitchcraft_print::print_and_follow(&cups, &printer.name, &made.pdf, &made.options, PATIENCE, |status| {
            say(format!("{}: job {}: {}", printer.name, status.id, printing::state_text(language, status)));
        });
    match result {
        Ok(status) if status.state.failed() => {
            complain(format!("{}: job {} {}", printer.name, status.id, printing::state_text(language, &status)))
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => complain(error),
    }
}

/// Hands the PDF to the program that prints PDFs on this computer (Windows' *Print*), which
/// prints one copy on the default printer.
fn print_with_pdf_program(document: &crate::model::BrandDocument, what: Printable, request: &Request<'_>) -> ExitCode {
    use crate::printing::{DesktopPrint, PortalOutcome, SystemPrint};
    if request.copies > 1 || request.duplex.is_some() || request.pages.is_some() {
        warn(
            "the PDF program prints one copy of every page on the default printer: --copies, --duplex and --pages need a print server",
        );
    }
    let mut job = printing::Request::new(document, what);
    job.paper = request.paper.unwrap_or(document.card.paper);
    let made = match printing::make(document, &job) {
        Ok(made) => made,
        Err(error) => return complain(format!("{}: {error}", request.file.display())),
    };
    match SystemPrint.print(&made.options.title, &made.pdf) {
        Ok(PortalOutcome::Printed) => {
            say("handed to the program that prints PDFs on this computer: it prints on the default printer");
            ExitCode::SUCCESS
        }
        Ok(PortalOutcome::Cancelled) => complain("the printing was cancelled"),
        Ok(PortalOutcome::NoPdfProgram) => complain(
            "no program on this computer prints PDFs when asked (the PDF viewer that comes with Windows does not): \
             save the PDF with `pitchcraft card` and print it from a PDF reader",
        ),
        Err(error) => complain(format!("the PDF program could not be started to print: {error}")),
    }
}

fn warn(text: &str) {
    let _ = writeln!(std::io::stderr(), "note: {text}");
}

fn usage(text: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "error: {text}");
    ExitCode::from(2)
}
