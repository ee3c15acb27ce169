//! The QR codes of the cards, as SVG: vector squares in the PDF, sharp at any print size.

use qrcode::{EcLevel, QrCode};

/// A QR code ready for a page.
pub struct Qr {
    /// The code as an SVG document, without its quiet zone (the page's white space around
    /// it is the quiet zone: the templates keep at least four modules clear).
    pub svg: String,
    /// Modules on a side, without the quiet zone.
    pub modules: u32,
}

impl Qr {
    /// The printed width at `module_mm` millimetres a module.
    pub fn width_mm(&self, module_mm: f64) -> f64 {
        f64::from(self.modules) * module_mm
    }
}

/// The QR code of `text`, or `None` when it is too long for a code. Error correction L:
/// a printed page is not torn or smudged like a poster, and the lower level keeps the
/// code small enough for large modules, which is what makes it read from a poor scan or a
/// phone held at arm's length.
pub fn code(text: &str) -> Option<Qr> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let modules = u32::try_from(code.width()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(false)
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build();
    Some(Qr { svg, modules })
}

/// The QR code of `text` as an SVG document.
pub fn svg(text: &str) -> Option<String> {
    code(text).map(|qr| qr.svg)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_vcard_becomes_an_svg_and_a_huge_text_does_not() {
        let qr = super::code("BEGIN:VCARD\r\nFN:Sanne\r\nEND:VCARD").unwrap();
        assert!(qr.svg.starts_with("<?xml") && qr.svg.contains("<path"), "{}", &qr.svg[..80]);
        assert_eq!(qr.modules, 25, "version 2: 17 + 4 × 2 modules");
        assert!((qr.width_mm(0.5) - 12.5).abs() < 1e-9);
        assert!(super::code(&"x".repeat(5000)).is_none());
    }
}
