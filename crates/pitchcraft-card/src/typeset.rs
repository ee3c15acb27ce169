//! Typesetting with typst: the template in `assets/card.typ`, the Inter fonts, and the card
//! content passed as data (typst inputs), never pasted into markup.

use std::sync::OnceLock;

use typst::foundations::{Array, Bytes, Dict, IntoValue, Value};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

use super::CardError;
use super::content::CardContent;
use pitchcraft_core::i18n::{Tr, fill, tr};
use pitchcraft_core::model::Paper;

const TEMPLATE: &str = include_str!("../assets/card.typ");
const FONTS: [&[u8]; 4] = [
    include_bytes!("../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../assets/fonts/Inter-SemiBold.otf"),
    include_bytes!("../assets/fonts/Inter-Bold.otf"),
    include_bytes!("../assets/fonts/Inter-Italic.otf"),
];

fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| TypstEngine::builder().main_file(TEMPLATE).fonts(FONTS).build())
}

fn text(value: &str) -> Value {
    value.into_value()
}

fn optional(value: &Option<String>) -> Value {
    value.as_deref().map_or(Value::None, text)
}

fn dict(entries: impl IntoIterator<Item = (&'static str, Value)>) -> Value {
    let mut dict = Dict::new();
    for (key, value) in entries {
        dict.insert(key.into(), value);
    }
    Value::Dict(dict)
}

fn array(values: impl IntoIterator<Item = Value>) -> Value {
    Value::Array(values.into_iter().collect::<Array>())
}

/// The template's inputs for `content` at font `scale`.
fn inputs(content: &CardContent, scale: f64) -> Dict {
    let language = content.language;
    let qr = content.vcard.as_deref().and_then(super::qr::svg).map(|svg| Value::Bytes(Bytes::new(svg.into_bytes())));
    let entries = [
        ("scale", scale.into_value()),
        ("paper", text(if content.paper == Paper::Letter { "us-letter" } else { "a4" })),
        ("lang", text(language.code())),
        ("title", text(&fill(tr(language, Tr::CardDocumentTitle), &[("name", &content.name)]))),
        ("author", text(&content.name)),
        ("name", text(&content.name)),
        ("headline", optional(&content.headline)),
        ("role", optional(&content.role)),
        ("contact", array(content.contact.iter().map(|line| text(line)))),
        ("qr", qr.unwrap_or(Value::None)),
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
    let mut inputs = Dict::new();
    for (key, value) in entries {
        inputs.insert(key.into(), value);
    }
    inputs
}

/// Typesets `content` at font `scale` (1.0 is the design size).
pub fn compile(content: &CardContent, scale: f64) -> Result<PagedDocument, CardError> {
    engine().compile_with_input(inputs(content, scale)).output.map_err(|error| CardError::Typeset(format!("{error:?}")))
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
    let page = document.pages().first()?;
    let options =
        typst_render::RenderOptions { pixel_per_pt: typst::utils::Scalar::new(pixel_per_pt), render_bleed: false };
    let pixmap = typst_render::render(page, &options);
    Some(Raster { width: pixmap.width(), height: pixmap.height(), rgba_premultiplied: pixmap.data().to_vec() })
}
