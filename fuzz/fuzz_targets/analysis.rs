//! Text analysis of any text, in both languages: every finding points at real words
//! (its range lies inside the text, on character boundaries).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pitchcraft_core::logic::analysis::{analyze, detect_language};
use pitchcraft_core::model::Language;

fuzz_target!(|text: &str| {
    let _ = detect_language(text);
    for language in [Language::En, Language::Nl] {
        let analysis = analyze(text, language, 150.0);
        for finding in &analysis.findings {
            assert!(finding.start <= finding.end && finding.end <= text.len(), "{finding:?}");
            assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end), "{finding:?}");
        }
    }
});
