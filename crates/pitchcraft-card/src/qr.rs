//! The QR code of the card, as SVG: vector squares in the PDF, sharp at any print size.

use qrcode::{EcLevel, QrCode};

/// The QR code of `text` as an SVG document, or `None` when it is too long for a code.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .dark_color(qrcode::render::svg::Color("#1f2328"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_vcard_becomes_an_svg_and_a_huge_text_does_not() {
        let svg = super::svg("BEGIN:VCARD\r\nFN:Sanne\r\nEND:VCARD").unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<path"), "{}", &svg[..80]);
        assert_eq!(super::svg(&"x".repeat(5000)), None);
    }
}
