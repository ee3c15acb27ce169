//! Business cards to hand out: ten to a sheet with crop marks, two-sided. The front has
//! the name, headline, contact and a QR code; the back the brand statement and the top
//! values. 85 × 55 mm on A4, 3.5 × 2 in on Letter; the back sheet is mirrored so that
//! the cards line up when the sheet is printed on both sides (flipped on the long edge).
//!
//! The same promise as the page card: what does not fit a card is left out and reported.
//! Each card is first set alone on pages of exactly its size (front, back): a third page
//! means it does not fit.

use typst::foundations::{Bytes, Dict, IntoValue, Value};
use typst_layout::PagedDocument;

use super::content::{CardContent, content};
use super::fit::Omission;
use super::typeset::{Raster, array, dict, entries, optional, raster_page, text};
use super::{CardError, qr};
use pitchcraft_core::i18n::{Tr, fill, tr};
use pitchcraft_core::model::{BrandDocument, Paper};

const TEMPLATE: &str = include_str!("../assets/business.typ");

/// Cards on a sheet: two across, five down.
pub const COLUMNS: usize = 2;
/// Rows of cards on a sheet.
pub const ROWS: usize = 5;

/// Values on the back of the card, at most.
const BACK_VALUES: usize = 3;

/// Type sizes tried, largest first.
const SCALES: [f64; 3] = [1.0, 0.9, 0.8];

/// A QR module on a business card, in millimetres: 4 pixels in a 300 dpi scan.
const QR_MODULE_MM: f64 = 0.35;

/// What is left out, in this order, until a card fits.
const OMISSIONS: [Omission; 4] =
    [Omission::LongHeadline, Omission::Values, Omission::BrandStatement, Omission::LongContact];

static ENGINES: crate::fonts::Engines = crate::fonts::Engines::new(TEMPLATE);

/// Where everything sits on a sheet, in millimetres from the top left of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetLayout {
    /// Page width and height.
    pub page: (f64, f64),
    /// Card width and height (the trim box).
    pub card: (f64, f64),
    /// The top left corner of each card on the front sheet.
    pub front: Vec<(f64, f64)>,
    /// The top left corner of each card on the back sheet (mirrored left to right).
    pub back: Vec<(f64, f64)>,
    /// The vertical cut lines.
    pub cuts_x: Vec<f64>,
    /// The horizontal cut lines.
    pub cuts_y: Vec<f64>,
}

impl SheetLayout {
    /// The sheet of `paper`.
    pub fn of(paper: Paper) -> SheetLayout {
        let (page, card) = match paper {
            Paper::A4 => ((210.0, 297.0), (85.0, 55.0)),
            Paper::Letter => ((215.9, 279.4), (88.9, 50.8)),
        };
        let left = (page.0 - COLUMNS as f64 * card.0) / 2.0;
        let top = (page.1 - ROWS as f64 * card.1) / 2.0;
        let front: Vec<(f64, f64)> = (0..ROWS)
            .flat_map(|row| (0..COLUMNS).map(move |column| (column as f64, row as f64)))
            .map(|(column, row)| (left + column * card.0, top + row * card.1))
            .collect();
        // Printed on the other side, a card's left edge becomes its right edge.
        let back = front.iter().map(|&(x, y)| (page.0 - x - card.0, y)).collect();
        SheetLayout {
            page,
            card,
            front,
            back,
            cuts_x: (0..=COLUMNS).map(|i| left + i as f64 * card.0).collect(),
            cuts_y: (0..=ROWS).map(|i| top + i as f64 * card.1).collect(),
        }
    }
}

/// What one business card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
struct BusinessContent {
    card: CardContent,
    values: Vec<String>,
}

impl BusinessContent {
    fn omit(&mut self, omission: Omission) -> bool {
        match omission {
            Omission::Values => {
                let had = !self.values.is_empty();
                self.values.clear();
                had
            }
            other => other.apply(&mut self.card),
        }
    }
}

/// A sheet of business cards, front and back.
pub struct BusinessCards {
    document: PagedDocument,
    layout: SheetLayout,
    omitted: Vec<Omission>,
}

impl BusinessCards {
    /// The business cards of `document` on `paper`, showing what the card settings show.
    pub fn make(document: &BrandDocument, paper: Paper) -> Result<BusinessCards, CardError> {
        let card = content(document, paper, &document.card.sections, None);
        let values = card.values.iter().take(BACK_VALUES).map(|value| value.name.clone()).collect();
        let full = BusinessContent { card, values };
        let layout = SheetLayout::of(paper);
        // The fewest omissions, then the largest type: a card has little text, so trying
        // every combination costs at most 15 small typesets.
        let mut reduced = full;
        let mut omitted = Vec::new();
        let mut next = OMISSIONS.iter();
        loop {
            for scale in SCALES {
                if compile(&reduced, &layout, scale, true)?.pages().len() == 2 {
                    let document = compile(&reduced, &layout, scale, false)?;
                    return Ok(BusinessCards { document, layout, omitted });
                }
            }
            let Some(&omission) = next.by_ref().find(|&&omission| reduced.omit(omission)) else {
                return Err(CardError::DoesNotFit);
            };
            omitted.push(omission);
        }
    }

    /// What was left out to fit a card, in order.
    pub fn omitted(&self) -> &[Omission] {
        &self.omitted
    }

    /// Where the cards and the cuts are.
    pub fn layout(&self) -> &SheetLayout {
        &self.layout
    }

    /// Pages: the front sheet and the back sheet.
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }

    /// The PDF of both sheets.
    pub fn pdf(&self) -> Result<Vec<u8>, CardError> {
        super::typeset::pdf(&self.document)
    }

    /// Sheet `index` (0: front, 1: back) as an image.
    pub fn raster(&self, index: usize, pixel_per_pt: f64) -> Option<Raster> {
        raster_page(&self.document, index, pixel_per_pt)
    }
}

fn compile(
    content: &BusinessContent,
    layout: &SheetLayout,
    scale: f64,
    probe: bool,
) -> Result<PagedDocument, CardError> {
    let inputs = inputs(content, layout, scale, probe);
    ENGINES.compile(inputs)
}

fn inputs(content: &BusinessContent, layout: &SheetLayout, scale: f64, probe: bool) -> Dict {
    let card = &content.card;
    let language = card.language;
    let qr = card.vcard.as_deref().and_then(qr::code);
    let qr_width = qr.as_ref().map_or(0.0, |qr| qr.width_mm(QR_MODULE_MM));
    let qr = qr.map(|qr| Value::Bytes(Bytes::new(qr.svg.into_bytes())));
    let corners = |corners: &[(f64, f64)]| {
        array(corners.iter().map(|&(x, y)| dict([("x", x.into_value()), ("y", y.into_value())])))
    };
    let numbers = |numbers: &[f64]| array(numbers.iter().map(|&n| n.into_value()));
    let inputs = [
        ("mode", text(if probe { "probe" } else { "sheet" })),
        ("scale", scale.into_value()),
        ("lang", text(language.code())),
        ("title", text(&fill(tr(language, Tr::BusinessCardsTitle), &[("name", &card.name)]))),
        ("author", text(&card.name)),
        ("name", text(&card.name)),
        ("headline", optional(&card.headline)),
        ("role", optional(&card.role)),
        ("contact", array(card.contact.iter().map(|line| text(line)))),
        ("qr", qr.unwrap_or(Value::None)),
        ("qr_width", qr_width.into_value()),
        ("brand", optional(&card.brand)),
        ("values", array(content.values.iter().map(|value| text(value)))),
        ("page_w", layout.page.0.into_value()),
        ("page_h", layout.page.1.into_value()),
        ("card_w", layout.card.0.into_value()),
        ("card_h", layout.card.1.into_value()),
        ("front", corners(&layout.front)),
        ("back", corners(&layout.back)),
        ("cuts_x", numbers(&layout.cuts_x)),
        ("cuts_y", numbers(&layout.cuts_y)),
        ("grid_left", layout.cuts_x[0].into_value()),
        ("grid_right", layout.cuts_x[COLUMNS].into_value()),
        ("grid_top", layout.cuts_y[0].into_value()),
        ("grid_bottom", layout.cuts_y[ROWS].into_value()),
    ];
    entries(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_cards_fill_the_sheet_inside_its_margins_and_the_back_mirrors_the_front() {
        for paper in [Paper::A4, Paper::Letter] {
            let layout = SheetLayout::of(paper);
            assert_eq!((layout.front.len(), layout.back.len()), (10, 10));
            for &(x, y) in layout.front.iter().chain(&layout.back) {
                assert!(x >= 10.0 && y >= 10.0, "{paper:?}: room for crop marks at ({x}, {y})");
                assert!(x + layout.card.0 <= layout.page.0 - 10.0 && y + layout.card.1 <= layout.page.1 - 10.0);
            }
            for (front, back) in layout.front.iter().zip(&layout.back) {
                let mirrored = layout.page.0 - front.0 - layout.card.0;
                assert!((back.0 - mirrored).abs() < 1e-9 && back.1 == front.1, "{paper:?}");
            }
        }
        let letter = SheetLayout::of(Paper::Letter);
        assert!((letter.card.0 - 3.5 * 25.4).abs() < 1e-9 && (letter.card.1 - 2.0 * 25.4).abs() < 1e-9);
    }
}
