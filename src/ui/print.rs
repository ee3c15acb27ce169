//! The print dialog: the printer (the system's default chosen), copies, and for business
//! cards which sides and how; the paper is the document's and nothing is scaled. "Print"
//! sends the job and the dialog shows what the printing service says of it. Without a
//! printing service it says so and offers the PDF viewer instead.

use crate::command::Command;
use crate::i18n::{Tr, fill, tr};
use crate::model::Language;
use crate::printing::{CardSides, DesktopPrintWay, Printable, PrinterState};
use crate::state::{BusinessSides, PrintDialog, PrinterList};
use crate::ui::theme;
use crate::ui::widgets::{heading, name_combo};

/// Shows the dialog as a modal window.
pub fn show(ctx: &egui::Context, language: Language, dialog: &mut PrintDialog, out: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    let modal = egui::Modal::new(egui::Id::unique("pitchcraft.print")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        let title = match dialog.what {
            Printable::Card => Tr::PrintDialogCard,
            Printable::BusinessCards => Tr::PrintDialogBusiness,
            Printable::Brief(_) => Tr::PrintDialogBrief,
            Printable::Calibration => Tr::PrintDialogCalibration,
        };
        heading(ui, t(title));
        ui.add_space(theme::SPACE_S);
        match &dialog.printers {
            PrinterList::Looking => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t(Tr::PrintLooking));
                });
            }
            PrinterList::Unavailable(reason) => {
                let pdf_program = dialog.desktop_dialog == Some(DesktopPrintWay::PdfProgram);
                // Where the PDF program prints (Windows), that is the way, not a failure.
                if pdf_program {
                    ui.add(egui::Label::new(t(Tr::PrintPdfProgramIntro)).wrap());
                } else {
                    let text = fill(t(Tr::PrintNoService), &[("reason", reason)]);
                    ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
                }
                ui.add_space(theme::SPACE_S);
                // The viewer prints too (scaled as the viewer likes); business cards and the
                // scale check page need true size, so they are saved from the Card page.
                let (open, button, tip) = if pdf_program {
                    (Tr::PrintPdfProgramOpen, Tr::PrintWithPdfProgram, Tr::PrintWithPdfProgramTip)
                } else {
                    (Tr::PrintDesktopOpen, Tr::PrintWithDesktop, Tr::PrintWithDesktopTip)
                };
                if dialog.desktop_busy {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(t(open));
                    });
                } else if dialog.desktop_dialog.is_some() {
                    let desktop = ui.button(t(button)).on_hover_text(t(tip));
                    if desktop.clicked() {
                        out.push(Command::PrintWithDesktop);
                    }
                }
                ui.horizontal_wrapped(|ui| {
                    if matches!(dialog.what, Printable::Card | Printable::Brief(_))
                        && ui.button(t(Tr::PrintInViewer)).clicked()
                    {
                        out.push(Command::PrintInViewer);
                    }
                    // Saved, it can be printed from another computer at true size.
                    let format = match dialog.what {
                        Printable::Card => Some(crate::state::CardFormat::Pdf),
                        Printable::BusinessCards => Some(crate::state::CardFormat::BusinessCards),
                        Printable::Brief(_) | Printable::Calibration => None,
                    };
                    if let Some(format) = format
                        && ui.button(t(Tr::NoticeSavePdf)).clicked()
                    {
                        out.push(Command::PrintClose);
                        out.push(Command::ExportCardAs(format));
                    }
                });
            }
            PrinterList::Found(_) => choices(ui, language, dialog, out),
        }
        ui.add_space(theme::SPACE_M);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t(Tr::PrintClose)).clicked() {
                out.push(Command::PrintClose);
            }
        });
    });
    if modal.should_close() {
        out.push(Command::PrintClose);
    }
}

/// The printer, copies, sides, and the job's progress.
fn choices(ui: &mut egui::Ui, language: Language, dialog: &mut PrintDialog, out: &mut Vec<Command>) {
    let t = |key| tr(language, key);
    let PrinterList::Found(printers) = &dialog.printers else { return };
    let printers: Vec<(String, String)> =
        printers.iter().map(|p| (p.name.clone(), p.shown_name().to_owned())).collect();
    let busy = dialog.busy();
    ui.horizontal(|ui| {
        let label = ui.label(t(Tr::PrintPrinter));
        let shown = dialog.chosen().map(|p| p.shown_name().to_owned()).unwrap_or_default();
        let mut chosen = dialog.printer.clone();
        let combo = egui::ComboBox::from_id_salt("print_printer")
            .selected_text(shown.as_str())
            .width(280.0)
            .show_ui(ui, |ui| {
                for (name, shown) in &printers {
                    ui.selectable_value(&mut chosen, Some(name.clone()), shown.as_str());
                }
            })
            .response
            .labelled_by(label.id);
        name_combo(ui, combo.id, t(Tr::PrintPrinter), &shown);
        dialog.printer = chosen;
    });
    if let Some(printer) = dialog.chosen()
        && printer.state == PrinterState::Stopped
    {
        let reason =
            if printer.message.trim().is_empty() { String::new() } else { format!(" ({})", printer.message.trim()) };
        let text = fill(t(Tr::PrintPrinterStopped), &[("reason", &reason)]);
        ui.add(egui::Label::new(egui::RichText::new(text).color(theme::warn_color(ui))).wrap());
    }
    let duplex = dialog.chosen().is_some_and(|printer| printer.duplex);
    ui.horizontal(|ui| {
        let label = ui.label(t(Tr::PrintCopies));
        ui.add(egui::DragValue::new(&mut dialog.copies).range(1..=99)).labelled_by(label.id);
    });
    ui.add(egui::Label::new(egui::RichText::new(paper_line(language, dialog)).weak().small()).wrap());

    if dialog.what == Printable::BusinessCards {
        ui.add_space(theme::SPACE_S);
        if !duplex && dialog.sides == BusinessSides::BothSides {
            dialog.sides = BusinessSides::FrontsThenBacks;
        }
        ui.add_enabled_ui(duplex, |ui| {
            ui.radio_value(&mut dialog.sides, BusinessSides::BothSides, t(Tr::PrintSidesBoth));
        });
        if !duplex {
            ui.label(egui::RichText::new(t(Tr::PrintSidesBothNo)).weak().small());
        }
        ui.radio_value(&mut dialog.sides, BusinessSides::FrontsThenBacks, t(Tr::PrintSidesTurn));
        ui.radio_value(&mut dialog.sides, BusinessSides::FrontsOnly, t(Tr::PrintSidesFronts));
    }

    ui.add_space(theme::SPACE_M);
    progress(ui, language, dialog);
    let backs_next = dialog.backs_next();
    if backs_next {
        ui.add(egui::Label::new(egui::RichText::new(t(Tr::PrintTurnStack)).strong()).wrap());
    }
    ui.horizontal_wrapped(|ui| {
        let ready = dialog.printer.is_some() && !busy;
        if backs_next {
            if ui.add_enabled(ready, egui::Button::new(t(Tr::PrintBacks))).clicked() {
                out.push(Command::PrintSend(CardSides::Backs));
            }
        } else {
            let sides = match (&dialog.what, dialog.sides) {
                (Printable::BusinessCards, BusinessSides::BothSides)
                | (Printable::Card | Printable::Brief(_) | Printable::Calibration, _) => CardSides::Both,
                (Printable::BusinessCards, _) => CardSides::Fronts,
            };
            if ui.add_enabled(ready, egui::Button::new(t(Tr::PrintSend))).clicked() {
                out.push(Command::PrintSend(sides));
            }
        }
        if dialog.what == Printable::BusinessCards {
            let check = ui.add_enabled(!busy, egui::Button::new(t(Tr::PrintCalibrationFirst)));
            if check.on_hover_text(t(Tr::PrintCalibrationTip)).clicked() {
                out.push(Command::Print(Printable::Calibration));
            }
        }
    });
}

/// "Paper: A4, at true size (set on the Card page)."
fn paper_line(language: Language, dialog: &PrintDialog) -> String {
    let paper = match dialog.paper {
        crate::model::Paper::A4 => "A4",
        crate::model::Paper::Letter => "Letter",
    };
    fill(tr(language, Tr::PrintPaper), &[("paper", &paper)])
}

/// What the service said of the job, or that it is being sent.
fn progress(ui: &mut egui::Ui, language: Language, dialog: &PrintDialog) {
    let Some(job) = &dialog.job else { return };
    let t = |key| tr(language, key);
    match (&job.error, &job.status) {
        (Some(error), _) => {
            let text = fill(
                t(Tr::PrintNoticeFailed),
                &[("printer", &dialog.printer.clone().unwrap_or_default()), ("reason", error)],
            );
            ui.add(egui::Label::new(egui::RichText::new(text).color(theme::error_color(ui))).wrap());
        }
        (None, None) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t(Tr::PrintSending));
            });
        }
        (None, Some(status)) => {
            let state = crate::printing::state_text(language, status);
            let text = fill(t(Tr::PrintJobState), &[("id", &status.id as &dyn std::fmt::Display), ("state", &state)]);
            let text = egui::RichText::new(text);
            let text = if status.state.failed() { text.color(theme::error_color(ui)) } else { text };
            ui.add(egui::Label::new(text).wrap());
        }
    }
}
