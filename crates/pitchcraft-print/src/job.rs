//! A job's options, and the IPP attributes that carry them. Scaling is always off: a card
//! printed "to fit" the page is no longer 85 × 55 mm (measured on CUPS: 94.49 × 54.02 mm
//! for a Letter sheet on an A4 queue), so the job names its paper and asks for no scaling.

use ipp::prelude::{IppAttribute, IppValue};

/// The paper the document is made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Media {
    A4,
    Letter,
}

impl Media {
    /// The paper's name in IPP (PWG 5101.1).
    pub fn keyword(self) -> &'static str {
        match self {
            Media::A4 => "iso_a4_210x297mm",
            Media::Letter => "na_letter_8.5x11in",
        }
    }
}

/// Which sides of the sheet are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sides {
    /// One side of each sheet.
    OneSided,
    /// Both sides, the sheet turned over on its long edge (as a book's pages are).
    LongEdge,
    /// Both sides, the sheet turned over on its short edge (as a notepad's are).
    ShortEdge,
}

impl Sides {
    /// The value of IPP's `sides`.
    pub fn keyword(self) -> &'static str {
        match self {
            Sides::OneSided => "one-sided",
            Sides::LongEdge => "two-sided-long-edge",
            Sides::ShortEdge => "two-sided-short-edge",
        }
    }
}

/// How a job is to be printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobOptions {
    /// The job's name in the queue ("Sanne de Vries — business cards").
    pub title: String,
    /// How many copies, at least one.
    pub copies: u32,
    pub sides: Sides,
    pub media: Media,
    /// Only these pages (first and last, from 1), e.g. the fronts of business cards.
    pub pages: Option<(u32, u32)>,
}

impl JobOptions {
    /// One copy of everything, one-sided, on `media`.
    pub fn new(title: impl Into<String>, media: Media) -> Self {
        JobOptions { title: title.into(), copies: 1, sides: Sides::OneSided, media, pages: None }
    }

    /// The job's template attributes.
    pub(crate) fn attributes(&self) -> Vec<IppAttribute> {
        let mut attributes = vec![
            IppAttribute::new("copies", IppValue::Integer(self.copies.clamp(1, 999) as i32)),
            IppAttribute::new("sides", IppValue::Keyword(self.sides.keyword().into())),
            IppAttribute::new("media", IppValue::Keyword(self.media.keyword().into())),
            // True size: no "fit to page", no "shrink to printable area" (IPP's own
            // attribute, and the older CUPS one).
            IppAttribute::new("print-scaling", IppValue::Keyword("none".into())),
            IppAttribute::new("fit-to-page", IppValue::Boolean(false)),
        ];
        if let Some((first, last)) = self.pages {
            attributes.push(IppAttribute::new(
                "page-ranges",
                IppValue::RangeOfInteger { min: first as i32, max: last as i32 },
            ));
        }
        attributes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_asks_for_its_paper_and_no_scaling() {
        let mut options = JobOptions::new("Business cards", Media::A4);
        options.sides = Sides::LongEdge;
        options.copies = 0;
        options.pages = Some((1, 1));
        let attributes = options.attributes();
        let value = |name: &str| attributes.iter().find(|a| a.name() == name).map(|a| a.value().to_string());
        assert_eq!(value("print-scaling").as_deref(), Some("none"));
        assert_eq!(value("media").as_deref(), Some("iso_a4_210x297mm"));
        assert_eq!(value("sides").as_deref(), Some("two-sided-long-edge"));
        assert_eq!(value("copies").as_deref(), Some("1"), "at least one copy");
        assert!(value("page-ranges").is_some());
    }
}
