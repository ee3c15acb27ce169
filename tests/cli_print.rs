//! Printing on a real CUPS server whose printer writes PDFs (CUPS-PDF, set up by
//! `scripts/setup-cups.sh`): the card, the business cards and the brief come out as the
//! paper says — one page, A4, the card's text, and business cards at 300 dpi whose trim
//! marks are 85.0 × 55.0 mm apart — and a stopped printer, an unknown one and no printing
//! service are each said, with exit 1 and the document untouched.

#[path = "support/cli.rs"]
mod cli;
use cli::pitchcraft;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pitchcraft::card::SheetLayout;
use pitchcraft::model::Paper;
use pitchcraft::printing::{Cups, PrintService};

/// Whether the print server with the virtual PDF printer runs here; says why not in one
/// line (and fails where `CI=true`).
fn print_server() -> bool {
    if !tools::available("pdftoppm", "poppler-utils") {
        return false;
    }
    match Cups::from_env().printers() {
        Ok(printers) if printers.iter().any(|p| p.name == "PDF") => true,
        Ok(_) => {
            tools::skip(
                "CUPS has no printer PDF — scripts/setup-cups.sh (apt-get install cups printer-driver-cups-pdf)",
            );
            false
        }
        Err(error) => {
            tools::skip(&format!("{error} — scripts/setup-cups.sh (apt-get install cups printer-driver-cups-pdf)"));
            false
        }
    }
}

fn sample_in(dir: &Path) -> PathBuf {
    let path = dir.join("sanne.brand.ron");
    pitchcraft().args(["new", "--sample", "--today", "2026-11-28"]).arg(&path).assert().success();
    path
}

/// Prints with `args` and returns the PDF the virtual printer wrote for the job, moved
/// beside `file` (the printer's folder is left as it was, where the test may remove).
fn print(file: &Path, args: &[&str]) -> PathBuf {
    let output = pitchcraft().arg("print").arg(file).args(args).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains(": printed"), "{stdout}");
    let job = stdout
        .lines()
        .find_map(|line| line.split("job ").nth(1)?.split(':').next()?.parse::<u32>().ok())
        .unwrap_or_else(|| panic!("no job number in {stdout}"));
    let written = written_by_job(job);
    let kept = file.with_file_name(format!("job-{job}.pdf"));
    std::fs::copy(&written, &kept).unwrap();
    let _ = std::fs::remove_file(&written);
    kept
}

/// The file CUPS-PDF wrote for `job`: in the owner's `~/PDF`, or its folder for jobs
/// without a known owner.
fn written_by_job(job: u32) -> PathBuf {
    let suffix = format!("-job_{job}.pdf");
    let mut folders: Vec<PathBuf> = vec![PathBuf::from("/var/spool/cups-pdf/ANONYMOUS")];
    if let Some(home) = std::env::var_os("HOME") {
        folders.push(PathBuf::from(home).join("PDF"));
    }
    folders.push(PathBuf::from("/root/PDF"));
    let start = Instant::now();
    loop {
        let found = folders
            .iter()
            .filter_map(|folder| std::fs::read_dir(folder).ok())
            .flatten()
            .flatten()
            .find(|entry| entry.file_name().to_string_lossy().ends_with(&suffix));
        if let Some(entry) = found {
            return entry.path();
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no PDF of job {job} in {folders:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn pdf_pages(path: &Path) -> Vec<(f64, f64)> {
    let pdf = lopdf::Document::load(path).unwrap();
    pdf.get_pages()
        .values()
        .map(|&id| {
            let page = pdf.get_dictionary(id).unwrap();
            let media = page.get(b"MediaBox").and_then(|b| b.as_array()).unwrap();
            let number =
                |o: &lopdf::Object| o.as_float().map(f64::from).or_else(|_| o.as_i64().map(|i| i as f64)).unwrap();
            (number(&media[2]) - number(&media[0]), number(&media[3]) - number(&media[1]))
        })
        .collect()
}

fn pdf_text(path: &Path) -> String {
    let pdf = lopdf::Document::load(path).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    pdf.extract_text(&pages).unwrap()
}

/// A page at 300 dpi in grey (pdftoppm), as rows of 0 (ink) … 255 (paper).
struct Scan {
    width: usize,
    height: usize,
    grey: Vec<u8>,
}

const DPI: f64 = 300.0;

fn scan(path: &Path, page: u32, dir: &Path) -> Scan {
    let stem = dir.join(format!("scan-{page}"));
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-singlefile", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(path)
        .arg(&stem)
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::read(stem.with_extension("pgm")).unwrap();
    // P5 header: magic, width, height, maximum, then one byte a pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    let (width, height): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    Scan { width, height, grey: bytes[at + 1..].to_vec() }
}

impl Scan {
    fn ink(&self, x: usize, y: usize) -> f64 {
        f64::from(255 - self.grey[y * self.width + x])
    }

    /// Where thin lines cross the row at `y_mm` between `from_mm` and `to_mm`: the centre
    /// of each run of ink, weighted by how dark it is, in millimetres.
    fn lines_across_row(&self, y_mm: f64, from_mm: f64, to_mm: f64) -> Vec<f64> {
        let y = px(y_mm);
        runs((px(from_mm)..px(to_mm).min(self.width)).map(|x| (x, self.ink(x, y))))
    }

    /// The same down the column at `x_mm`.
    fn lines_down_column(&self, x_mm: f64, from_mm: f64, to_mm: f64) -> Vec<f64> {
        let x = px(x_mm);
        runs((px(from_mm)..px(to_mm).min(self.height)).map(|y| (y, self.ink(x, y))))
    }

    /// Whether there is ink inside the box (left, top, width, height) in mm.
    fn inked_within(&self, (left, top): (f64, f64), (width, height): (f64, f64)) -> bool {
        (px(top + 1.0)..px(top + height - 1.0))
            .any(|y| (px(left + 1.0)..px(left + width - 1.0)).any(|x| self.ink(x, y) > 96.0))
    }
}

fn px(mm: f64) -> usize {
    (mm / 25.4 * DPI).round() as usize
}

fn runs(samples: impl Iterator<Item = (usize, f64)>) -> Vec<f64> {
    let mut centres = Vec::new();
    let (mut weight, mut moment) = (0.0, 0.0);
    for (at, ink) in samples {
        if ink > 40.0 {
            weight += ink;
            moment += ink * at as f64;
        } else if weight > 0.0 {
            centres.push(moment / weight / DPI * 25.4);
            (weight, moment) = (0.0, 0.0);
        }
    }
    if weight > 0.0 {
        centres.push(moment / weight / DPI * 25.4);
    }
    centres
}

#[test]
fn the_card_and_the_brief_print_as_one_page_of_the_documents_paper_with_its_text() {
    if !print_server() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let before = std::fs::read(&file).unwrap();
    let card = print(&file, &["--what", "card"]);
    assert_eq!(pdf_pages(&card).len(), 1);
    let (width, height) = pdf_pages(&card)[0];
    assert!((width - 595.3).abs() < 1.0 && (height - 841.9).abs() < 1.0, "A4: {width} × {height} pt");
    let text = pdf_text(&card);
    assert!(text.contains("Sanne de Vries"), "{text}");
    assert!(text.contains("Stadsziekenhuis"), "{text}");

    let brief = print(&file, &["--what", "brief", "--event", "healthcare-summit"]);
    assert_eq!(pdf_pages(&brief).len(), 1);
    assert!(pdf_text(&brief).contains("Healthcare summit"));
    assert_eq!(std::fs::read(&file).unwrap(), before, "printing never writes the document");
}

#[test]
fn business_cards_print_at_true_size_with_each_back_where_its_front_lands() {
    if !print_server() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    // A4 (the document's paper), and Letter on the same A4 queue: without the job naming
    // its paper and asking for no scaling, CUPS fits Letter to A4 (94.49 × 54.02 mm cards).
    for (paper, args) in
        [(Paper::A4, &["--what", "business"][..]), (Paper::Letter, &["--what", "business", "--paper", "letter"][..])]
    {
        let layout = SheetLayout::of(paper);
        let printed = print(&file, args);
        let pages = pdf_pages(&printed);
        assert_eq!(pages.len(), 2, "{paper:?}: fronts and backs");
        let (width, height) = pages[0];
        assert!(
            (width / 72.0 * 25.4 - layout.page.0).abs() < 0.5 && (height / 72.0 * 25.4 - layout.page.1).abs() < 0.5,
            "{paper:?}: the page is {width} × {height} pt"
        );
        let (grid_top, grid_left) = (layout.cuts_y[0], layout.cuts_x[0]);
        let (grid_right, grid_bottom) = (*layout.cuts_x.last().unwrap(), *layout.cuts_y.last().unwrap());
        let mut marks_by_page = Vec::new();
        for (page, boxes) in [(1, &layout.front), (2, &layout.back)] {
            let scan = scan(&printed, page, dir.path());
            // The crop marks in the top margin are the vertical cuts; those in the left
            // margin the horizontal ones (each 4 mm long, 2 mm clear of the cards).
            let across = scan.lines_across_row(grid_top - 4.0, 0.0, layout.page.0);
            let down = scan.lines_down_column(grid_left - 4.0, 0.0, layout.page.1);
            assert_eq!(across.len(), layout.cuts_x.len(), "{paper:?} page {page}: {across:?}");
            assert_eq!(down.len(), layout.cuts_y.len(), "{paper:?} page {page}: {down:?}");
            for (found, cut) in across.iter().zip(&layout.cuts_x).chain(down.iter().zip(&layout.cuts_y)) {
                assert!(
                    (found - cut).abs() <= 0.3,
                    "{paper:?} page {page}: a mark at {found:.2} mm, the cut at {cut:.2}"
                );
            }
            for pair in across.windows(2) {
                assert!(
                    (pair[1] - pair[0] - layout.card.0).abs() <= 0.3,
                    "{paper:?}: {:.2} mm wide",
                    pair[1] - pair[0]
                );
            }
            for pair in down.windows(2) {
                assert!(
                    (pair[1] - pair[0] - layout.card.1).abs() <= 0.3,
                    "{paper:?}: {:.2} mm high",
                    pair[1] - pair[0]
                );
            }
            // Every card of the sheet has its side printed inside its trim box; on the
            // back, at the box the front's lands on when the sheet turns on its long edge.
            for (index, &corner) in boxes.iter().enumerate() {
                if page == 2 {
                    let front = layout.front[index];
                    let flipped = (layout.page.0 - front.0 - layout.card.0, front.1);
                    assert!((corner.0 - flipped.0).abs() < 0.01 && (corner.1 - flipped.1).abs() < 0.01);
                }
                assert!(scan.inked_within(corner, layout.card), "{paper:?} page {page}: card {index} is blank");
            }
            // And nothing between the cards' grid and the marks' margin but the marks.
            for x_mm in [grid_left - 1.0, grid_right + 1.0] {
                assert_eq!(scan.lines_down_column(x_mm, grid_top + 1.0, grid_bottom - 1.0), Vec::<f64>::new());
            }
            marks_by_page.push((across, down));
        }
        assert_eq!(marks_by_page[0].0.len(), marks_by_page[1].0.len());
        for (front, back) in marks_by_page[0].0.iter().zip(&marks_by_page[1].0) {
            assert!((front - back).abs() <= 0.3, "{paper:?}: the back's cuts line up with the front's");
        }
    }
}

#[test]
fn a_stopped_printer_an_unknown_one_and_no_print_service_are_said_and_nothing_is_lost() {
    if !print_server() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = sample_in(dir.path());
    let before = std::fs::read(&file).unwrap();
    let failing = |args: &[&str], env: Option<(&str, String)>| {
        let mut command = pitchcraft();
        command.arg("print").arg(&file).args(args);
        if let Some((name, value)) = env {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let stopped = failing(&["--printer", "Stopped"], None);
    assert!(stopped.contains("the printer “Stopped” is stopped (Out of paper)"), "{stopped}");
    let unknown = failing(&["--printer", "Nowhere"], None);
    assert!(unknown.contains("there is no printer called “Nowhere”"), "{unknown}");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let down = failing(&[], Some(("CUPS_SERVER", format!("127.0.0.1:{port}"))));
    assert!(down.contains("does not answer") && down.contains("is it installed and running?"), "{down}");
    // Arguments that do not go together are a usage error.
    let output = pitchcraft().arg("print").arg(&file).args(["--what", "card", "--event", "x"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn printers_lists_the_default_and_the_stopped_one_with_its_reason() {
    if !print_server() {
        return;
    }
    let output = pitchcraft().arg("printers").output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    // Idle, or printing another test's job.
    assert!(text.contains("PDF (default): idle") || text.contains("PDF (default): printing"), "{text}");
    assert!(text.contains("Stopped: stopped (Out of paper)"), "{text}");
}
