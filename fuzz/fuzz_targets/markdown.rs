//! Markdown of a note into the blocks the Notes page draws: any text, no panic, and links
//! the view model keeps are only ever web or e-mail links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pitchcraft_core::logic::markdown::{parse, safe_link};

fuzz_target!(|text: &str| {
    let _ = parse(text);
    if let Some(url) = safe_link(text) {
        let lower = url.to_ascii_lowercase();
        assert!(
            lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"),
            "{url}"
        );
    }
});
