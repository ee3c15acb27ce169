//! The brand card end to end: fitting on one page, the PDF as a reader sees it (pages,
//! paper, text, fonts, metadata), the QR code as a phone reads it, and text that must stay
//! text.

#[path = "../../../tests/support/tools.rs"]
mod tools;

use lopdf::{Document as Pdf, Object};
use pitchcraft_card::{BusinessCards, Card, Omission, vcard};
use pitchcraft_core::model::{BrandDocument, CardSection, Paper, ProofPoint, Section, SectionKind, Skill};

fn sample() -> BrandDocument {
    pitchcraft_core::storage::sample_document().unwrap()
}

fn every_section() -> Vec<CardSection> {
    CardSection::ALL.to_vec()
}

/// The worst a person could reasonably put on a card: a 500-character headline, 40 ranked
/// values with meanings, 20 strengths with proof and a 600-word pitch.
fn extreme() -> BrandDocument {
    let mut document = sample();
    document.person.headline = "Operations manager who makes outpatient care calmer and faster ".repeat(8);
    document.person.headline.truncate(500);
    let ids: Vec<String> = pitchcraft_core::i18n::values::deck().iter().take(40).map(|card| card.id.clone()).collect();
    for id in &ids {
        let choice = document.values.cards.entry(id.clone()).or_default();
        choice.never_print = false;
        choice.meaning = "What this means to me at work, every single day, with every team I lead.".to_owned();
    }
    document.values.ranking = ids;
    document.expertise = (1..=20)
        .map(|n| Skill {
            skill: format!("Strength number {n}"),
            description: "A one-line description of what this strength does for the people I work with.".to_owned(),
            proof: vec![ProofPoint {
                result: format!("Cut the waiting time of clinic {n} by a third in one year, with the same staff."),
                metric: format!("-{n}0 % waiting time"),
                signature: true,
                ..ProofPoint::default()
            }],
            ..Skill::default()
        })
        .collect();
    let pitch = &mut document.pitches[0];
    pitch.sections = vec![
        Section { kind: SectionKind::Hook, text: "Every patient deserves a calm clinic. ".repeat(25) },
        Section { kind: SectionKind::Proof, text: "We cut waiting times by planning together. ".repeat(50) },
        Section { kind: SectionKind::Ask, text: "Shall we talk about your planning next week? ".repeat(29) },
    ];
    let words: usize = pitch.sections.iter().map(|section| section.text.split_whitespace().count()).sum();
    assert!(words >= 600, "{words} words");
    document.card.sections = every_section();
    document.card.pitch = pitch.id.clone();
    document
}

fn pdf_of(card: &Card) -> Pdf {
    Pdf::load_mem(&card.pdf().unwrap()).unwrap()
}

fn page_text(pdf: &Pdf) -> String {
    pdf.extract_text(&[1]).unwrap()
}

/// Text as words on one line, so line breaks in the PDF do not matter.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn media_box(pdf: &Pdf) -> Vec<f32> {
    let page = pdf.get_pages()[&1];
    let page = pdf.get_dictionary(page).unwrap();
    page.get(b"MediaBox").unwrap().as_array().unwrap().iter().map(|number| number.as_float().unwrap()).collect()
}

/// A metadata entry of the PDF's document information.
fn info(pdf: &Pdf, key: &[u8]) -> String {
    let info = pdf.trailer.get(b"Info").and_then(Object::as_reference).unwrap();
    let value = pdf.get_dictionary(info).unwrap().get(key).unwrap();
    let bytes = value.as_str().unwrap();
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16.chunks(2).map(|pair| u16::from_be_bytes([pair[0], pair[1]])).collect();
        String::from_utf16(&units).unwrap()
    } else {
        String::from_utf8(bytes.to_vec()).unwrap()
    }
}

#[test]
fn the_sample_fits_at_full_size_without_leaving_anything_out() {
    let card = Card::make(&sample(), Paper::A4, &every_section(), None).unwrap();
    assert_eq!(card.pages(), 1);
    assert_eq!(card.omitted(), []);
    assert!(card.scale() >= 1.0, "{}", card.scale());
}

/// The share of the page height below the lowest ink.
fn empty_bottom_share(raster: &pitchcraft_card::Raster) -> f64 {
    let row_has_ink = |y: u32| (0..raster.width).any(|x| inked(raster, x, y));
    let lowest = (0..raster.height).rev().find(|&y| row_has_ink(y)).unwrap_or(0);
    f64::from(raster.height - 1 - lowest) / f64::from(raster.height)
}

#[test]
fn the_sample_card_fills_its_page_on_both_papers() {
    let mut document = sample();
    for paper in [Paper::A4, Paper::Letter] {
        document.card.paper = paper;
        let card = Card::of(&document).unwrap();
        assert_eq!((card.pages(), card.omitted()), (1, &[][..]), "{paper:?}");
        let empty = empty_bottom_share(&card.raster(0.5).unwrap());
        assert!(empty <= 0.2, "{paper:?}: {:.0} % of the page is empty at the bottom", empty * 100.0);
    }
}

#[test]
fn an_extreme_document_still_makes_one_page_and_says_what_went() {
    let document = extreme();
    let card = Card::of(&document).unwrap();
    assert_eq!(card.pages(), 1);
    let pdf = pdf_of(&card);
    assert_eq!(pdf.get_pages().len(), 1);

    // The smallest type was tried first, and the omissions are the least important ones, in
    // order: exactly the first few of the list, none skipped.
    assert!(card.scale() <= 1.0, "a card that needed omissions gets no larger type: {}", card.scale());
    let omitted = card.omitted();
    assert!(!omitted.is_empty());
    assert_eq!(omitted, &Omission::ALL[..omitted.len()], "least important first, none skipped");
    assert!(omitted.contains(&Omission::Goals) && omitted.contains(&Omission::LongHeadline), "{omitted:?}");
    assert!(!omitted.contains(&Omission::LongContact), "the name always stays: {omitted:?}");

    // What is left matches what was reported.
    let content = card.content();
    assert!(content.goals.is_empty());
    assert!(content.headline.as_ref().unwrap().chars().count() <= 120);
    assert_eq!(content.values.iter().all(|value| value.meaning.is_none()), omitted.contains(&Omission::ValueMeanings));
    if omitted.contains(&Omission::ValuesBeyondFive) {
        assert!(content.values.len() <= 5);
    } else {
        assert_eq!(content.values.len(), 40);
    }
    if !omitted.contains(&Omission::Pitch) {
        assert!(content.pitch.is_some());
    }

    // Everything that stayed is on the page, not clipped away.
    let text = words(&page_text(&pdf));
    assert!(text.contains("Sanne de Vries"), "{text}");
    for value in &content.values {
        assert!(text.contains(&value.name), "{} missing", value.name);
    }
    for strength in &content.strengths {
        assert!(text.contains(&strength.name), "{} missing", strength.name);
    }
}

#[test]
fn a4_and_letter_pdfs_are_one_page_of_the_right_size() {
    for (paper, size) in [(Paper::A4, [595.28, 841.89]), (Paper::Letter, [612.0, 792.0])] {
        let card = Card::make(&sample(), paper, &every_section(), None).unwrap();
        let pdf = pdf_of(&card);
        assert_eq!(pdf.get_pages().len(), 1, "{paper:?}");
        let media = media_box(&pdf);
        assert!((media[2] - media[0] - size[0]).abs() < 0.5, "{paper:?}: {media:?}");
        assert!((media[3] - media[1] - size[1]).abs() < 0.5, "{paper:?}: {media:?}");
    }
}

#[test]
fn the_pdf_has_selectable_text_embedded_fonts_and_metadata() {
    let document = sample();
    let card = Card::of(&document).unwrap();
    let pdf = pdf_of(&card);

    let text = words(&page_text(&pdf));
    assert!(text.contains("Sanne de Vries"), "{text}");
    for value in &card.content().values {
        assert!(text.contains(&value.name), "value {} not extractable: {text}", value.name);
    }

    // Every font is embedded: each descriptor carries its font program.
    let descriptors: Vec<_> = pdf
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"Type").and_then(Object::as_name).is_ok_and(|name| name == b"FontDescriptor"))
        .collect();
    assert!(!descriptors.is_empty());
    for descriptor in descriptors {
        assert!(
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"].iter().any(|key| descriptor.has(key)),
            "font not embedded: {descriptor:?}"
        );
    }

    assert_eq!(info(&pdf, b"Author"), "Sanne de Vries");
    assert!(info(&pdf, b"Title").contains("Sanne de Vries"));
}

/// The QR codes found in a rendered page, decoded.
fn qr_codes(raster: &pitchcraft_card::Raster) -> Vec<String> {
    // Composite the premultiplied page over white paper, as a printer or a screen shows it.
    let gray = image::GrayImage::from_fn(raster.width, raster.height, |x, y| {
        let at = ((y * raster.width + x) * 4) as usize;
        let [r, g, b] = [0, 1, 2].map(|i| u32::from(raster.rgba_premultiplied[at + i]));
        let alpha = u32::from(raster.rgba_premultiplied[at + 3]);
        image::Luma([((r + g + b) / 3 + (255 - alpha)).min(255) as u8])
    });
    let mut prepared = rqrr::PreparedImage::prepare(gray);
    prepared.detect_grids().iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
}

/// Pixels per typographic point at `dpi` dots per inch.
fn at_dpi(dpi: f64) -> f64 {
    dpi / 72.0
}

/// The first page of `pdf` rendered by poppler's `pdftoppm` at `dpi`, as a viewer or a
/// printer driver would; `None` (with one line said) where poppler-utils is missing, which
/// CI does not allow.
fn render_pdf(pdf: &[u8], dpi: u32) -> Option<pitchcraft_card::Raster> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("card.pdf");
    std::fs::write(&input, pdf).unwrap();
    let prefix = dir.path().join("page");
    let run = std::process::Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&input)
        .arg(&prefix)
        .status();
    match run {
        Ok(status) => assert!(status.success(), "pdftoppm failed: {status}"),
        Err(_) => {
            tools::skip("no pdftoppm — apt-get install poppler-utils");
            return None;
        }
    }
    let image = image::open(prefix.with_extension("png")).unwrap().to_rgba8();
    Some(pitchcraft_card::Raster { width: image.width(), height: image.height(), rgba_premultiplied: image.into_raw() })
}

#[test]
fn the_qr_code_reads_back_from_the_pdf_printed_at_100_dpi_on_both_papers() {
    let mut document = sample();
    for paper in [Paper::A4, Paper::Letter] {
        document.card.paper = paper;
        let pdf = Card::of(&document).unwrap().pdf().unwrap();
        let Some(page) = render_pdf(&pdf, 100) else { return };
        assert_eq!(qr_codes(&page), [vcard(&document)], "{paper:?}");
    }
}

#[test]
fn the_qr_code_reads_back_as_the_vcard_from_a_100_dpi_render_on_both_papers() {
    let mut document = sample();
    for paper in [Paper::A4, Paper::Letter] {
        document.card.paper = paper;
        let card = Card::of(&document).unwrap();
        let decoded = qr_codes(&card.raster(at_dpi(100.0)).unwrap());
        assert_eq!(decoded, [vcard(&document)], "{paper:?}");
        let decoded = &decoded[0];
        assert!(decoded.contains("FN:Sanne de Vries") && decoded.contains("EMAIL:"), "{decoded}");
        assert!(decoded.contains("URL:https://"), "the link has its scheme: {decoded}");
    }
}

#[test]
fn dutch_names_and_diacritics_round_trip_as_text() {
    let mut document = sample();
    document.language = pitchcraft_core::model::Language::Nl;
    document.person.name = "Ĳsbrand van ’t Hoff-Çelik".to_owned();
    document.person.headline = "Één plek voor geïnteresseerde zorgprofessionals – “samen” beter…".to_owned();
    document.brand_statement =
        "Ik help café-eigenaren en naïeve beginners: coördinatie, reçu’s en Søren’s Ærø-plan.".to_owned();
    let card = Card::of(&document).unwrap();
    assert_eq!(card.omitted(), []);
    // Without white space: a line may break after "Ærø-", which the reader sees as a space.
    let text = page_text(&pdf_of(&card));
    let squeezed = |text: &str| text.split_whitespace().collect::<String>();
    for expected in [&document.person.name, &document.person.headline, &document.brand_statement] {
        assert!(squeezed(&text).contains(&squeezed(expected)), "{expected:?} not in {text}");
    }
    // The headings are Dutch too.
    let heading =
        pitchcraft_core::i18n::tr(pitchcraft_core::model::Language::Nl, pitchcraft_core::i18n::Tr::CardLabelValues);
    assert!(text.to_lowercase().contains(&heading.to_lowercase()), "{heading} not in {text}");
}

#[test]
fn markup_in_a_name_stays_text_everywhere() {
    let mut document = sample();
    let hostile = r#"<script>alert(1)</script> & "quotes" #set page(width: 1pt) ]"#;
    document.person.name = hostile.to_owned();
    document.brand_statement = "$ x^2 $ *bold* _under_ #panic(\"boom\") \\ `raw`".to_owned();
    let card = Card::of(&document).unwrap();
    assert_eq!(card.pages(), 1);

    let html = card.html();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), "{html}");

    // In the PDF the typst syntax is printed as it was written, not evaluated.
    let pdf = pdf_of(&card);
    assert_eq!(media_box(&pdf)[2].round(), 595.0, "the name cannot resize the page");
    let text = words(&page_text(&pdf));
    assert!(text.contains("#set page(width: 1pt)"), "{text}");
    assert!(text.contains("#panic(\"boom\")") && text.contains("*bold*"), "{text}");
}

#[test]
fn emoji_and_right_to_left_text_do_not_break_the_card() {
    let mut document = sample();
    document.person.headline = "Zorg 🚑 met hart ❤️ — مدير العمليات — מנהל תפעול".to_owned();
    let card = Card::of(&document).unwrap();
    assert_eq!(card.pages(), 1);
    assert!(card.pdf().unwrap().starts_with(b"%PDF-"));
}

#[test]
fn an_empty_document_still_makes_a_card() {
    let document = BrandDocument::default();
    let card = Card::of(&document).unwrap();
    assert_eq!(card.pages(), 1);
    assert!(card.markdown().starts_with("# "));
}

/// Whether the pixel at (x, y) has ink (anything visibly darker than white paper).
fn inked(raster: &pitchcraft_card::Raster, x: u32, y: u32) -> bool {
    let at = ((y * raster.width + x) * 4) as usize;
    let pixel = &raster.rgba_premultiplied[at..at + 4];
    pixel[3] > 0 && pixel[..3].iter().any(|&c| u32::from(c) + u32::from(255 - pixel[3]) < 230)
}

#[test]
fn business_cards_are_ten_to_a_sheet_front_and_back_with_nothing_outside_the_trim_but_crop_marks() {
    let document = sample();
    for paper in [Paper::A4, Paper::Letter] {
        let cards = BusinessCards::make(&document, paper).unwrap();
        assert_eq!(cards.pages(), 2, "{paper:?}: a front sheet and a back sheet");
        assert_eq!(cards.omitted(), [], "{paper:?}: the sample fits a card");
        let pdf = Pdf::load_mem(&cards.pdf().unwrap()).unwrap();
        assert_eq!(pdf.get_pages().len(), 2);
        let layout = cards.layout();
        let px_per_mm = 100.0 / 25.4;
        for (sheet, corners) in [(0, &layout.front), (1, &layout.back)] {
            let raster = cards.raster(sheet, at_dpi(100.0)).unwrap();
            let to_px = |mm: f64| mm * px_per_mm;
            // Inside a trim box, with half a pixel for anti-aliasing.
            let in_card = |x: f64, y: f64| {
                corners.iter().any(|&(left, top)| {
                    x >= to_px(left) - 1.0
                        && x <= to_px(left + layout.card.0) + 1.0
                        && y >= to_px(top) - 1.0
                        && y <= to_px(top + layout.card.1) + 1.0
                })
            };
            // On a crop mark: in line with a cut, in the margin around the cards.
            let (grid_left, grid_right) = (to_px(layout.cuts_x[0]), to_px(*layout.cuts_x.last().unwrap()));
            let (grid_top, grid_bottom) = (to_px(layout.cuts_y[0]), to_px(*layout.cuts_y.last().unwrap()));
            let on_mark = |x: f64, y: f64| {
                let outside_x = x < grid_left - 1.0 || x > grid_right + 1.0;
                let outside_y = y < grid_top - 1.0 || y > grid_bottom + 1.0;
                (outside_y && layout.cuts_x.iter().any(|&cut| (x - to_px(cut)).abs() <= 1.5))
                    || (outside_x && layout.cuts_y.iter().any(|&cut| (y - to_px(cut)).abs() <= 1.5))
            };
            let mut marks = 0;
            for y in 0..raster.height {
                for x in 0..raster.width {
                    if !inked(&raster, x, y) {
                        continue;
                    }
                    let (fx, fy) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
                    if on_mark(fx, fy) {
                        marks += 1;
                    } else {
                        assert!(in_card(fx, fy), "{paper:?} sheet {sheet}: ink outside the trim at ({x}, {y})");
                    }
                }
            }
            assert!(marks > 0, "{paper:?} sheet {sheet}: crop marks");
            // Every one of the ten cards has something printed on it.
            for &(left, top) in corners {
                let has_ink = (to_px(top) as u32..to_px(top + layout.card.1) as u32)
                    .any(|y| (to_px(left) as u32..to_px(left + layout.card.0) as u32).any(|x| inked(&raster, x, y)));
                assert!(has_ink, "{paper:?} sheet {sheet}: the card at ({left}, {top}) mm is empty");
            }
        }
        // Each card's QR code reads back from a 300 dpi scan of the front sheet, as a phone
        // reads one card.
        let scan = cards.raster(0, at_dpi(300.0)).unwrap();
        let px_per_mm = 300.0 / 25.4;
        for &(left, top) in &layout.front {
            let (x0, y0) = ((left * px_per_mm) as u32, (top * px_per_mm) as u32);
            let (width, height) = ((layout.card.0 * px_per_mm) as u32, (layout.card.1 * px_per_mm) as u32);
            let mut one = pitchcraft_card::Raster { width, height, rgba_premultiplied: Vec::new() };
            for y in y0..y0 + height {
                let row = ((y * scan.width + x0) * 4) as usize;
                one.rgba_premultiplied.extend_from_slice(&scan.rgba_premultiplied[row..row + (width * 4) as usize]);
            }
            assert_eq!(qr_codes(&one), [vcard(&document)], "{paper:?}: the card at ({left}, {top}) mm");
        }
    }
}

#[test]
fn a_business_card_leaves_out_what_does_not_fit_and_says_so() {
    let mut document = sample();
    document.brand_statement = "I help hospitals cut waiting times by redesigning care. ".repeat(30);
    let cards = BusinessCards::make(&document, Paper::A4).unwrap();
    assert_eq!(cards.pages(), 2);
    assert!(cards.omitted().contains(&Omission::BrandStatement), "{:?}", cards.omitted());
    assert!(!cards.omitted().contains(&Omission::LongContact), "the name stays: {:?}", cards.omitted());
}

/// The names of the fonts a PDF embeds, without their subset tags.
fn embedded_fonts(pdf: &Pdf) -> Vec<String> {
    let mut names: Vec<String> = pdf
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"Type").and_then(Object::as_name).is_ok_and(|name| name == b"FontDescriptor"))
        .filter_map(|dict| dict.get(b"FontName").and_then(Object::as_name).ok())
        .map(|name| {
            let name = String::from_utf8_lossy(name).into_owned();
            name.split_once('+').map_or(name.clone(), |(_, name)| name.to_owned())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn names_in_scripts_inter_lacks_are_set_in_a_system_font_embedded_only_then() {
    // Inter alone for Latin, Greek and Cyrillic: the same card on every machine.
    let mut document = sample();
    document.person.name = "Νίκος Παπαδόπουλος".to_owned();
    document.person.headline = "Ольга Смирнова, operations manager".to_owned();
    let fonts = embedded_fonts(&pdf_of(&Card::of(&document).unwrap()));
    assert!(fonts.iter().all(|font| font.starts_with("Inter")), "{fonts:?}");

    if !tools::system_font_for("738b", "fonts-wqy-microhei") || !tools::system_font_for("641", "fonts-dejavu-core") {
        return;
    }
    for (name, headline) in [("王小明", "运营经理"), ("فاطمة الزهراء", "مديرة العمليات")]
    {
        let mut document = sample();
        document.person.name = name.to_owned();
        document.person.headline = headline.to_owned();
        let card = Card::of(&document).unwrap();
        assert_eq!(card.pages(), 1);
        let pdf = pdf_of(&card);
        let fonts = embedded_fonts(&pdf);
        assert!(fonts.iter().any(|font| font.starts_with("Inter")), "{fonts:?}");
        assert!(fonts.iter().any(|font| !font.starts_with("Inter")), "{name}: no fallback font in {fonts:?}");
        // The letters are letters, not boxes: they come back as text (right-to-left text
        // in the order it is drawn, from the left).
        let text = words(&page_text(&pdf));
        let drawn: String = name.chars().rev().collect();
        assert!(text.contains(name) || text.contains(&drawn), "{name} not in {text}");
    }
}
