//! Typesetting with typst: the template in `assets/card.typ`, the Inter fonts, and the card
//! content passed as data (typst inputs), never pasted into markup.

use typst::foundations::{Array, Bytes, Dict, IntoValue, Value};
use typst_layout::PagedDocument;

use super::CardError;
use super::content::CardContent;
use pitchcraft_core::i18n::{Tr, fill, tr};
use pitchcraft_core::model::Paper;

const TEMPLATE: &str = include_str!("../assets/card.typ");

/// A module of the page card's QR code, in millimetres: 4 pixels in a 100 dpi render. At
/// 3 pixels (0.75 mm) the code read back from typst's own render but not always from
/// poppler's (which viewers and printer drivers use): it read at 0.8 and 0.9 mm but not at
/// 0.85, depending on where the module edges fell; from 0.9 mm up every size read. The
/// code is never scaled with the type, so a full card does not shrink it.
const PAGE_QR_MODULE_MM: f64 = 1.0;

static ENGINES: crate::fonts::Engines = crate::fonts::Engines::new(TEMPLATE);

pub(crate) fn text(value: &str) -> Value {
    value.into_value()
}

pub(crate) fn optional(value: &Option<String>) -> Value {
    value.as_deref().map_or(Value::None, text)
}

/// The entries as a typst dictionary (the templates' inputs, or a dictionary inside them).
pub(crate) fn entries(entries: impl IntoIterator<Item = (&'static str, Value)>) -> Dict {
    let mut dict = Dict::new();
    for (key, value) in entries {
        dict.insert(key.into(), value);
    }
    dict
}

pub(crate) fn dict(items: impl IntoIterator<Item = (&'static str, Value)>) -> Value {
    Value::Dict(entries(items))
}

pub(crate) fn array(values: impl IntoIterator<Item = Value>) -> Value {
    Value::Array(values.into_iter().collect::<Array>())
}

/// The page's text area in millimetres: the paper less the template's margins (17 mm at
/// the sides, 15 mm at top and bottom).
fn text_area_mm(paper: Paper) -> (f64, f64) {
    let (width, height) = match paper {
        Paper::A4 => (210.0, 297.0),
        Paper::Letter => (215.9, 279.4),
    };
    (width - 2.0 * 17.0, height - 2.0 * 15.0)
}

/// The template's inputs for `content` at font `scale`.
fn inputs(content: &CardContent, scale: f64) -> Dict {
    let language = content.language;
    let qr = content.vcard.as_deref().and_then(super::qr::code);
    let qr_width = qr.as_ref().map_or(0.0, |qr| qr.width_mm(PAGE_QR_MODULE_MM));
    let qr = qr.map(|qr| Value::Bytes(Bytes::new(qr.svg.into_bytes())));
    let inputs = [
        ("scale", scale.into_value()),
        ("paper", text(if content.paper == Paper::Letter { "us-letter" } else { "a4" })),
        ("text_width", text_area_mm(content.paper).0.into_value()),
        ("text_height", text_area_mm(content.paper).1.into_value()),
        ("lang", text(language.code())),
        ("title", text(&fill(tr(language, Tr::CardDocumentTitle), &[("name", &content.name)]))),
        ("author", text(&content.name)),
        ("name", text(&content.name)),
        ("headline", optional(&content.headline)),
        ("role", optional(&content.role)),
        ("contact", array(content.contact.iter().map(|line| text(line)))),
        ("qr", qr.unwrap_or(Value::None)),
        ("qr_width", qr_width.into_value()),
        ("brand", optional(&content.brand)),
        (
            "values",
            array(content.values.iter().map(|value| {
                dict([
                    ("rank", (value.rank as i64).into_value()),
                    ("name", text(&value.name)),
                    ("meaning", optional(&value.meaning)),
                ])
            })),
        ),
        (
            "strengths",
            array(content.strengths.iter().map(|strength| {
                dict([
                    ("name", text(&strength.name)),
                    ("description", optional(&strength.description)),
                    ("proof", optional(&strength.proof)),
                    ("metric", optional(&strength.metric)),
                ])
            })),
        ),
        (
            "pitch",
            content.pitch.as_ref().map_or(Value::None, |pitch| {
                dict([("title", text(&pitch.title)), ("paragraphs", array(pitch.paragraphs.iter().map(|p| text(p))))])
            }),
        ),
        (
            "goals",
            array(
                content
                    .goals
                    .iter()
                    .map(|goal| dict([("horizon", text(&goal.horizon)), ("statement", text(&goal.statement))])),
            ),
        ),
        ("order", array(content.order.iter().map(|key| text(key)))),
        (
            "labels",
            dict([
                ("values", text(tr(language, Tr::CardLabelValues))),
                ("strengths", text(tr(language, Tr::CardLabelStrengths))),
                ("goals", text(tr(language, Tr::CardLabelGoals))),
            ]),
        ),
    ];
    entries(inputs)
}

/// Typesets `content` at font `scale` (1.0 is the design size); `balance` spreads the room
/// a short card leaves over the gaps between its sections, which costs a second layout
/// (the template measures the card first), so the search for a size that fits leaves it
/// off: it never makes a card longer.
pub fn compile(content: &CardContent, scale: f64, balance: bool) -> Result<PagedDocument, CardError> {
    let mut inputs = inputs(content, scale);
    inputs.insert("balance".into(), balance.into_value());
    ENGINES.compile(inputs)
}

/// The PDF of a typeset card.
pub fn pdf(document: &PagedDocument) -> Result<Vec<u8>, CardError> {
    typst_pdf::pdf(document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        CardError::Pdf(errors.iter().map(|error| error.message.to_string()).collect::<Vec<_>>().join("; "))
    })
}

/// A raster image of a card page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raster {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Premultiplied RGBA, row by row.
    pub rgba_premultiplied: Vec<u8>,
}

/// Renders the first page at `pixel_per_pt` pixels per typographic point.
pub fn raster(document: &PagedDocument, pixel_per_pt: f64) -> Option<Raster> {
    raster_page(document, 0, pixel_per_pt)
}

/// Renders page `index` (from 0) at `pixel_per_pt` pixels per typographic point.
pub fn raster_page(document: &PagedDocument, index: usize, pixel_per_pt: f64) -> Option<Raster> {
    let page = document.pages().get(index)?;
    let options =
        typst_render::RenderOptions { pixel_per_pt: typst::utils::Scalar::new(pixel_per_pt), render_bleed: false };
    let pixmap = typst_render::render(page, &options);
    Some(Raster { width: pixmap.width(), height: pixmap.height(), rgba_premultiplied: pixmap.data().to_vec() })
}
