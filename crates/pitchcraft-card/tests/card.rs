//! The brand card end to end: fitting on one page, the PDF as a reader sees it (pages,
//! paper, text, fonts, metadata), the QR code as a phone reads it, and text that must stay
//! text.

use lopdf::{Document as Pdf, Object};
use pitchcraft_card::{Card, Omission, vcard};
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
    assert_eq!(card.scale(), 1.0);
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
    assert_eq!(card.scale(), 0.8, "type gets smaller before anything is left out");
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

#[test]
fn the_qr_code_reads_back_as_the_vcard() {
    let document = sample();
    let card = Card::of(&document).unwrap();
    let raster = card.raster(3.0).unwrap();
    // White paper: premultiplied and straight colour are the same where alpha is opaque.
    let gray = image::GrayImage::from_fn(raster.width, raster.height, |x, y| {
        let at = ((y * raster.width + x) * 4) as usize;
        let [r, g, b] = [0, 1, 2].map(|i| u32::from(raster.rgba_premultiplied[at + i]));
        let alpha = u32::from(raster.rgba_premultiplied[at + 3]);
        // Composite over white.
        image::Luma([((r + g + b) / 3 + (255 - alpha)).min(255) as u8])
    });
    let mut prepared = rqrr::PreparedImage::prepare(gray);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the card");
    let (_, decoded) = grids[0].decode().unwrap();
    assert_eq!(decoded, vcard(&document));
    assert!(decoded.contains("FN:Sanne de Vries") && decoded.contains("EMAIL;TYPE=INTERNET:"), "{decoded}");
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
