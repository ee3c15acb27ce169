//! The one-page brand card: the document becomes card content (`content`), typst lays it
//! out from a template in `assets/` with the content passed as data (`typeset`), the
//! fitting makes it one page whatever it holds (`fit`); the same page is the PDF and the
//! preview. HTML and Markdown carry the same content (`export`).

mod brief;
mod business;
mod calibration;
mod content;
mod export;
mod fit;
mod fonts;
pub use fonts::INTER_BOLD;
mod preview;
mod qr;
mod typeset;

pub use brief::{Brief, BriefContent, BriefOmission, BriefPerson};
pub use business::{BusinessCards, SheetLayout};
pub use calibration::Calibration;
pub use content::{CardContent, CardGoal, CardPitch, CardStrength, CardValue, chosen_pitch, content, vcard};
pub use export::{escape_html, html, markdown};
pub use fit::{Omission, SCALES};
pub use preview::{Preview, PreviewWorker};
pub use qr::svg as qr_svg;
pub use typeset::Raster;

use pitchcraft_core::model::{BrandDocument, CardSection, Paper};

/// Why a card could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CardError {
    /// The template did not typeset (a defect of the template, reported rather than hidden).
    #[error("the card could not be typeset: {0}")]
    Typeset(String),
    /// The PDF could not be written.
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    /// Even with everything optional left out the card is longer than a page.
    #[error("the card does not fit on one page, even with everything optional left out")]
    DoesNotFit,
}

/// A typeset card of one page.
pub struct Card {
    fitted: fit::Fitted,
}

impl Card {
    /// Makes the card of `document` on `paper` with `sections` in their order, printing
    /// `pitch` (or the card's own choice).
    pub fn make(
        document: &BrandDocument,
        paper: Paper,
        sections: &[CardSection],
        pitch: Option<&str>,
    ) -> Result<Card, CardError> {
        let content = content::content(document, paper, sections, pitch);
        Ok(Card { fitted: fit::fit(content)? })
    }

    /// Makes the card as the document's card settings say.
    pub fn of(document: &BrandDocument) -> Result<Card, CardError> {
        Card::make(document, document.card.paper, &document.card.sections, None)
    }

    /// What is on the card.
    pub fn content(&self) -> &CardContent {
        &self.fitted.content
    }

    /// What was left out to fit one page, least important first.
    pub fn omitted(&self) -> &[Omission] {
        &self.fitted.omitted
    }

    /// The type size used, as a share of the design size.
    pub fn scale(&self) -> f64 {
        self.fitted.scale
    }

    /// Pages of the typeset card (always 1).
    pub fn pages(&self) -> usize {
        self.fitted.document.pages().len()
    }

    /// The PDF.
    pub fn pdf(&self) -> Result<Vec<u8>, CardError> {
        typeset::pdf(&self.fitted.document)
    }

    /// The page as an image, `pixel_per_pt` pixels per typographic point.
    pub fn raster(&self, pixel_per_pt: f64) -> Option<Raster> {
        typeset::raster(&self.fitted.document, pixel_per_pt)
    }

    /// The card as a self-contained HTML page.
    pub fn html(&self) -> String {
        html(&self.fitted.content)
    }

    /// The card as Markdown.
    pub fn markdown(&self) -> String {
        markdown(&self.fitted.content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_fits_without_leaving_anything_out() {
        let sample = pitchcraft_core::storage::sample_document().unwrap();
        let card = Card::of(&sample).unwrap();
        assert_eq!(card.pages(), 1);
        assert_eq!(card.omitted(), []);
        assert!(card.scale() >= 1.0, "room to spare gives larger type: {}", card.scale());
        let pdf = card.pdf().unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
