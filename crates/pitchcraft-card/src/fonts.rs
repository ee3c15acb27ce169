//! The card's fonts. Inter is embedded and sets every card; it has Latin, Greek and
//! Cyrillic. A name or a line in a script Inter lacks (Chinese, Arabic, Hebrew, Hindi, …)
//! is set in a font of the system that has it: those are found only when a card needs
//! them, and a PDF embeds (a subset of) only the fonts its text uses.

use std::sync::OnceLock;

use typst::foundations::{Bytes, Value};
use typst::text::Font;
use typst_as_lib::typst_kit_options::TypstKitFontOptions;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};

/// Inter Bold: the card's, and the bold the app's notes are shown in (egui has no bold face
/// of its own, only a brighter colour).
pub const INTER_BOLD: &[u8] = include_bytes!("../assets/fonts/Inter-Bold.otf");

/// Inter: regular, semibold, bold and italic.
pub(crate) const INTER: [&[u8]; 4] = [
    include_bytes!("../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../assets/fonts/Inter-SemiBold.otf"),
    INTER_BOLD,
    include_bytes!("../assets/fonts/Inter-Italic.otf"),
];

/// The engines of one template: with Inter alone, and with the system's fonts after it.
pub(crate) struct Engines {
    template: &'static str,
    inter: OnceLock<TypstEngine<TypstTemplateMainFile>>,
    with_system: OnceLock<TypstEngine<TypstTemplateMainFile>>,
}

impl Engines {
    /// Engines for `template`, built when first used.
    pub(crate) const fn new(template: &'static str) -> Self {
        Self { template, inter: OnceLock::new(), with_system: OnceLock::new() }
    }

    /// The engine for `inputs`: Inter alone when it has every letter of their text (the
    /// same card on every machine), else Inter with the system's fonts as fallback.
    pub(crate) fn for_inputs(&self, inputs: &typst::foundations::Dict) -> &TypstEngine<TypstTemplateMainFile> {
        if inputs.iter().any(|(_, value)| needs_fallback(value)) {
            self.with_system.get_or_init(|| {
                TypstEngine::builder()
                    .main_file(self.template)
                    .fonts(INTER)
                    .search_fonts_with(TypstKitFontOptions::new().include_system_fonts(true))
                    .build()
            })
        } else {
            self.inter.get_or_init(|| TypstEngine::builder().main_file(self.template).fonts(INTER).build())
        }
    }

    /// Typesets the template with `inputs` on the engine they need.
    pub(crate) fn compile(
        &self,
        inputs: typst::foundations::Dict,
    ) -> Result<typst_layout::PagedDocument, crate::CardError> {
        self.for_inputs(&inputs)
            .compile_with_input(inputs)
            .output
            .map_err(|error| crate::CardError::Typeset(format!("{error:?}")))
    }
}

/// Whether some letter of the text in `value` (a string, or strings inside arrays and
/// dictionaries) is missing from Inter.
pub(crate) fn needs_fallback(value: &Value) -> bool {
    match value {
        Value::Str(text) => text.chars().any(|c| !inter_has(c)),
        Value::Array(items) => items.iter().any(needs_fallback),
        Value::Dict(entries) => entries.iter().any(|(_, value)| needs_fallback(value)),
        _ => false,
    }
}

/// Whether Inter (regular) has a glyph for `c`; spaces and controls need none.
pub(crate) fn inter_has(c: char) -> bool {
    static REGULAR: OnceLock<Option<Font>> = OnceLock::new();
    if c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FE0F}') {
        return true;
    }
    REGULAR
        .get_or_init(|| Font::new(Bytes::new(INTER[0]), 0))
        .as_ref()
        .is_none_or(|font| font.info().coverage.contains(u32::from(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::foundations::IntoValue;

    #[test]
    fn inter_sets_latin_greek_and_cyrillic_itself() {
        for name in ["Sanne de Vries", "Ĳsbrand Çelik-Łukasz", "Νίκος Παπαδόπουλος", "Ольга Смирнова"]
        {
            assert!(!needs_fallback(&name.into_value()), "{name}");
        }
    }

    #[test]
    fn chinese_arabic_and_hebrew_need_the_system_fonts() {
        for name in ["王小明", "فاطمة الزهراء", "דוד כהן", "Sanne (桑妮)"] {
            assert!(needs_fallback(&name.into_value()), "{name}");
        }
        let nested = typst::foundations::Array::from_iter(["Jan".into_value(), "李".into_value()]);
        assert!(needs_fallback(&Value::Array(nested)));
    }
}
