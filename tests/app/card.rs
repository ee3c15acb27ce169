//! The Card page: the preview is typeset once per change (on its own thread, never per
//! frame), section switches change the card, and export writes a real PDF.

use crate::common;

use std::time::{Duration, Instant};

use crate::common::{app, run_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pitchcraft::app::{Launch, Picked, PitchcraftApp};
use pitchcraft::model::{CardSection, Language};
use pitchcraft::state::Page;

/// Runs frames until the preview typeset on the worker thread has arrived.
fn wait_for_preview(harness: &mut Harness<'_, PitchcraftApp>) {
    let deadline = Instant::now() + Duration::from_secs(120);
    harness.run_ok();
    while harness.state().card_preview_pending() {
        assert!(Instant::now() < deadline, "the card preview never arrived");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_ok();
}

fn sections(harness: &Harness<'_, PitchcraftApp>) -> Vec<CardSection> {
    harness.state().session().unwrap().document.card.sections.clone()
}

#[test]
fn the_preview_is_typeset_once_per_change_not_per_frame() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Card), ..Launch::default() });
    wait_for_preview(&mut harness);
    assert_eq!(harness.state().cards_typeset(), 1);
    assert!(harness.query_by_label("Preview of the brand card").is_some(), "the preview is shown");
    assert!(harness.query_by_label("Typesetting the card…").is_none(), "no spinner once it is done");
    for _ in 0..10 {
        harness.step();
    }
    assert_eq!(harness.state().cards_typeset(), 1, "frames without a change typeset nothing");

    assert!(sections(&harness).contains(&CardSection::Strengths));
    harness.get_by_label("Strengths").click();
    harness.step(); // a frame per event of the click; the last one applies the edit
    assert!(!sections(&harness).contains(&CardSection::Strengths), "the switch takes the section off the card");
    harness.step(); // the next frame asks for the new preview and does not wait for it
    assert!(harness.state().card_preview_pending());
    assert!(harness.query_by_label("Typesetting the card…").is_some(), "a spinner says the preview is coming");
    assert!(harness.query_by_label("Preview of the brand card").is_some(), "the old preview stays meanwhile");
    wait_for_preview(&mut harness);
    assert_eq!(harness.state().cards_typeset(), 2, "one change, one typeset");

    harness.get_by_label("US Letter").click();
    wait_for_preview(&mut harness);
    assert_eq!(harness.state().session().unwrap().document.card.paper, pitchcraft::model::Paper::Letter);
    assert_eq!(harness.state().cards_typeset(), 3);
}

#[test]
fn export_pdf_writes_the_card_where_the_user_chose() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sanne.card.pdf");
    let (mut harness, dialogs) = app(Launch { sample: true, page: Some(Page::Card), ..Launch::default() });
    wait_for_preview(&mut harness);
    dialogs.answer(Picked::Path(out.clone()));
    harness.get_by_label("Export PDF…").click();
    harness.run_ok();
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    let notices: Vec<String> = harness.state().notices().iter().map(|notice| notice.text.clone()).collect();
    assert!(notices.iter().any(|text| text.contains("The card was saved as")), "{notices:?}");
}

fn notice_texts(harness: &Harness<'_, PitchcraftApp>) -> Vec<String> {
    harness.state().notices().iter().map(|notice| notice.text.clone()).collect()
}

#[test]
fn print_without_a_pdf_viewer_says_so_and_offers_to_save_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let no_viewer: pitchcraft::app::OpenPdf =
        std::sync::Arc::new(|_: &std::path::Path| Err("xdg-open found no application for PDF files".to_owned()));
    let (mut harness, dialogs) =
        app(Launch { sample: true, page: Some(Page::Card), open_pdf: Some(no_viewer), ..Launch::default() });
    wait_for_preview(&mut harness);
    harness.get_by_label("Print…").click();
    // No printing service here (the tests' default): the dialog offers the viewer.
    run_until(&mut harness, |harness| harness.query_by_label("Open in a PDF viewer instead").is_some());
    harness.get_by_label("Open in a PDF viewer instead").click();
    // The sample's own notice is there from the start: wait for the viewer's answer.
    run_until(&mut harness, |harness| notice_texts(harness).iter().any(|text| text.starts_with("No PDF viewer")));
    let notices = notice_texts(&harness);
    assert!(notices.iter().any(|text| text.starts_with("No PDF viewer could open the card")), "{notices:?}");
    assert!(!notices.iter().any(|text| text.contains("opened in your PDF viewer")), "{notices:?}");

    let out = dir.path().join("sanne.card.pdf");
    dialogs.answer(Picked::Path(out.clone()));
    harness.get_by_label("Save PDF…").click();
    // The PDF is written off the UI thread: wait for the file (written atomically, so it
    // exists only when whole).
    run_until(&mut harness, |_| out.exists());
    assert!(std::fs::read(&out).expect("saved").starts_with(b"%PDF-"));
    assert!(notice_texts(&harness).iter().all(|text| !text.starts_with("No PDF viewer")), "the offer is taken");
}

#[test]
fn print_with_a_viewer_says_it_opened() {
    let (viewer, opened) = common::recording_viewer();
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Card), open_pdf: Some(viewer), ..Launch::default() });
    wait_for_preview(&mut harness);
    harness.get_by_label("Print…").click();
    run_until(&mut harness, |harness| harness.query_by_label("Open in a PDF viewer instead").is_some());
    assert!(
        harness
            .query_by_label_contains("Printing is not possible here: the printing service (CUPS) does not answer")
            .is_some()
    );
    harness.get_by_label("Open in a PDF viewer instead").click();
    run_until(&mut harness, |harness| !harness.state().notices().is_empty());
    assert!(notice_texts(&harness).iter().any(|text| text.contains("opened in your PDF viewer")));
    assert!(opened.lock().unwrap()[0].starts_with(b"%PDF-"), "the viewer got the card's PDF");
}

#[test]
fn the_export_prompt_without_a_file_dialog_is_titled_after_what_it_exports() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = app(Launch { sample: true, page: Some(Page::Card), ..Launch::default() });
    wait_for_preview(&mut harness);
    dialogs.answer(Picked::Unavailable);
    harness.get_by_label("Business cards (PDF)…").click();
    harness.run_ok();
    assert!(harness.query_by_label("Export business cards").is_some(), "the prompt's title says what is exported");
    assert!(harness.query_by_label("Save As…").is_none());
    let out = dir.path().join("cards.pdf");
    let field = harness.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role(egui::accesskit::Role::TextInput).type_text(&out.display().to_string());
    harness.run_ok();
    harness.get_by_label("Export").click();
    harness.run_ok();
    let pdf = lopdf::Document::load_mem(&std::fs::read(&out).expect("business cards written")).unwrap();
    assert_eq!(pdf.get_pages().len(), 2, "a front sheet and a back sheet");
}

#[test]
fn the_card_prints_the_pitch_in_one_line_or_word_for_word() {
    let (mut harness, _) = app(Launch { sample: true, page: Some(Page::Card), ..Launch::default() });
    wait_for_preview(&mut harness);
    let form = |harness: &Harness<'_, PitchcraftApp>| harness.state().session().unwrap().document.card.pitch_form;
    assert_eq!(form(&harness), pitchcraft::model::PitchForm::OneLine);
    harness.get_by_label("Word for word").click();
    wait_for_preview(&mut harness);
    assert_eq!(form(&harness), pitchcraft::model::PitchForm::Full);
    assert_eq!(harness.state().cards_typeset(), 2, "the preview follows");
}

#[test]
fn business_cards_print_from_the_dialog_on_both_sides_or_fronts_then_backs_at_true_size() {
    use pitchcraft::app::print::{StandInPrinters, stand_in_printer};
    use pitchcraft::printing::{Media, Sides};
    let service =
        StandInPrinters::with(vec![stand_in_printer("Office", true, true), stand_in_printer("Desk", false, false)]);
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Card), print_service: Some(service.clone()), ..Launch::default() });
    wait_for_preview(&mut harness);
    harness.get_by_label("Print business cards…").click();
    run_until(&mut harness, |harness| harness.query_by_label("Printer: Office").is_some());
    // The default printer is chosen; it prints both sides, turning the sheet on its long edge.
    assert!(harness.query_by_label("Both sides: the printer turns each sheet over on its long edge").is_some());
    harness.get_by_label("Print").click();
    run_until(&mut harness, |harness| notice_texts(harness).iter().any(|text| text == "Printed on Office."));
    assert!(harness.query_by_label_contains("Job 1: printed").is_some());
    {
        let jobs = service.jobs.lock().unwrap();
        let (printer, pdf, options) = &jobs[0];
        assert_eq!(printer, "Office");
        assert_eq!(
            (options.sides, options.media, options.pages, options.copies),
            (Sides::LongEdge, Media::A4, None, 1)
        );
        assert_eq!(lopdf::Document::load_mem(pdf).unwrap().get_pages().len(), 2, "fronts and backs");
    }

    // A printer that prints one side: the fronts, the stack turned over, then the backs.
    harness.get_by_label("Printer: Office").click();
    harness.run_ok();
    harness.get_by_label("Desk").click();
    harness.run_ok();
    assert!(harness.query_by_label("This printer prints one side only.").is_some());
    harness.get_by_label("Print").click();
    run_until(&mut harness, |harness| harness.query_by_label("Print the backs").is_some());
    assert!(harness.query_by_label_contains("turned over on their long edge").is_some());
    run_until(&mut harness, |harness| {
        notice_texts(harness).iter().any(|text| text.starts_with("The fronts are printed on Desk. Turn the stack over"))
    });
    harness.get_by_label("Print the backs").click();
    run_until(&mut harness, |harness| {
        service.jobs.lock().unwrap().len() == 3 && harness.query_by_label_contains("Job 3: printed").is_some()
    });
    run_until(&mut harness, |harness| {
        notice_texts(harness)
            .iter()
            .any(|text| text == "The backs are printed on Desk; your business cards are ready to cut.")
    });
    let jobs = service.jobs.lock().unwrap();
    let pages: Vec<_> =
        jobs[1..].iter().map(|(printer, _, options)| (printer.as_str(), options.pages, options.sides)).collect();
    assert_eq!(pages, [("Desk", Some((1, 1)), Sides::OneSided), ("Desk", Some((2, 2)), Sides::OneSided)]);
}

#[test]
fn without_a_printing_service_the_desktops_own_print_dialog_takes_the_card() {
    use pitchcraft::app::print::StandInDesktop;
    let desktop = std::sync::Arc::new(StandInDesktop { there: true, ..StandInDesktop::default() });
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Card), desktop_print: Some(desktop.clone()), ..Launch::default() });
    wait_for_preview(&mut harness);
    harness.get_by_label("Print…").click();
    run_until(&mut harness, |harness| harness.query_by_label("Print with the desktop's print dialog…").is_some());
    harness.get_by_label("Print with the desktop's print dialog…").click();
    run_until(&mut harness, |harness| {
        notice_texts(harness).iter().any(|text| text == "Handed to your desktop's print dialog, which prints it.")
    });
    let printed = desktop.printed.lock().unwrap();
    assert_eq!(printed[0].0, "Brand card of Sanne de Vries");
    assert_eq!(lopdf::Document::load_mem(&printed[0].1).unwrap().get_pages().len(), 1);
    assert!(harness.query_by_label("Print with the desktop's print dialog…").is_none(), "the dialog closed");
}

#[test]
fn on_windows_the_pdf_program_prints_and_its_absence_is_said_in_words() {
    use pitchcraft::app::print::StandInDesktop;
    use pitchcraft::printing::{DesktopPrintWay, PortalOutcome};
    let desktop = std::sync::Arc::new(StandInDesktop {
        there: true,
        way: Some(DesktopPrintWay::PdfProgram),
        ..StandInDesktop::default()
    });
    let (mut harness, _) = app(Launch {
        sample: true,
        page: Some(Page::Card),
        language: Some(Language::Nl),
        desktop_print: Some(desktop.clone()),
        ..Launch::default()
    });
    wait_for_preview(&mut harness);
    harness.get_by_label("Afdrukken…").click();
    run_until(&mut harness, |harness| harness.query_by_label("Afdrukken met je pdf-programma").is_some());
    // Not a failure where the PDF program is the way to print: no word of CUPS.
    assert!(harness.query_by_label_contains("geeft Pitchcraft de pdf door").is_some());
    assert!(harness.query_by_label_contains("CUPS").is_none());
    harness.get_by_label("Afdrukken met je pdf-programma").click();
    run_until(&mut harness, |harness| {
        notice_texts(harness)
            .iter()
            .any(|text| text == "Doorgegeven aan je pdf-programma, dat het afdrukt op je standaardprinter.")
    });
    assert_eq!(desktop.printed.lock().unwrap().len(), 1);

    // A Windows without a PDF program that prints: said, and the dialog stays for the viewer.
    let desktop = std::sync::Arc::new(StandInDesktop {
        there: true,
        way: Some(DesktopPrintWay::PdfProgram),
        outcome: Some(PortalOutcome::NoPdfProgram),
        ..StandInDesktop::default()
    });
    let (mut harness, _) =
        app(Launch { sample: true, page: Some(Page::Card), desktop_print: Some(desktop.clone()), ..Launch::default() });
    wait_for_preview(&mut harness);
    harness.get_by_label("Print…").click();
    run_until(&mut harness, |harness| harness.query_by_label("Print with your PDF program").is_some());
    harness.get_by_label("Print with your PDF program").click();
    run_until(&mut harness, |harness| {
        notice_texts(harness).iter().any(|text| text.starts_with("No program on this computer prints PDFs when asked"))
    });
    assert!(harness.query_by_label("Open in a PDF viewer instead").is_some(), "the dialog stays");
}
