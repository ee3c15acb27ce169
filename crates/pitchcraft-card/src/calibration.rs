//! A page to check a printer's true scale once: a 100 mm ruler and one business card's
//! trim box, in the size the business cards of that paper use, with what to do when the
//! printed page measures otherwise.

use typst::foundations::Dict;
use typst_layout::PagedDocument;

use super::CardError;
use super::business::SheetLayout;
use super::typeset::{array, entries, text};
use pitchcraft_core::i18n::{Tr, fill, tr};
use pitchcraft_core::model::{Language, Paper};

const TEMPLATE: &str = include_str!("../assets/calibration.typ");

static ENGINES: crate::fonts::Engines = crate::fonts::Engines::new(TEMPLATE);

/// The typeset calibration page.
pub struct Calibration {
    document: PagedDocument,
}

impl Calibration {
    /// The page for `paper`, in `language`.
    pub fn make(paper: Paper, language: Language) -> Result<Calibration, CardError> {
        let document = ENGINES.compile(inputs(paper, language))?;
        Ok(Calibration { document })
    }

    /// The PDF.
    pub fn pdf(&self) -> Result<Vec<u8>, CardError> {
        super::typeset::pdf(&self.document)
    }

    /// Pages (always 1).
    pub fn pages(&self) -> usize {
        self.document.pages().len()
    }
}

fn inputs(paper: Paper, language: Language) -> Dict {
    let t = |key| tr(language, key);
    let (width, height) = SheetLayout::of(paper).card;
    let size = fill(t(Tr::CalibrationCardSize), &[("width", &millimetres(width)), ("height", &millimetres(height))]);
    let paper_name = if paper == Paper::Letter { "Letter" } else { "A4" };
    entries([
        ("paper", text(if paper == Paper::Letter { "us-letter" } else { "a4" })),
        ("lang", text(language.code())),
        ("title", text(t(Tr::CalibrationTitle))),
        ("intro", text(t(Tr::CalibrationIntro))),
        ("ruler_label", text(t(Tr::CalibrationRuler))),
        ("card_label", text(t(Tr::CalibrationCard))),
        ("card_w", typst::foundations::IntoValue::into_value(width)),
        ("card_h", typst::foundations::IntoValue::into_value(height)),
        ("card_size", text(&size)),
        ("check_title", text(t(Tr::CalibrationCheck))),
        (
            "steps",
            array(
                [
                    t(Tr::CalibrationStep1).to_owned(),
                    fill(t(Tr::CalibrationStep2), &[("paper", &paper_name)]),
                    t(Tr::CalibrationStep3).to_owned(),
                ]
                .iter()
                .map(|step| text(step)),
            ),
        ),
    ])
}

/// "85", "88,9" in Dutch would be wrong for a measurement read off a ruler in either
/// language: one decimal only where there is one, with a point.
fn millimetres(value: f64) -> String {
    if (value - value.round()).abs() < 0.05 { format!("{value:.0}") } else { format!("{value:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_in_each_paper_and_language() {
        for paper in [Paper::A4, Paper::Letter] {
            for language in [Language::En, Language::Nl] {
                let page = Calibration::make(paper, language).unwrap();
                assert_eq!(page.pages(), 1, "{paper:?} {language:?}");
                assert!(page.pdf().unwrap().starts_with(b"%PDF"));
            }
        }
        assert_eq!(millimetres(85.0), "85");
        assert_eq!(millimetres(88.9), "88.9");
    }
}
