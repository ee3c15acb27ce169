//! RON text to document and back: encoding checks, the format probe, and dispatch to
//! the migration of older formats.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Deserializer};

use super::error::DocumentError;
use super::migrate;
use crate::model::{BrandDocument, CURRENT_FORMAT};

/// ron's default nesting limit: deep enough for any document, shallow enough that a
/// hostile file of 100,000 brackets is an error rather than a stack overflow.
const RECURSION_LIMIT: usize = 128;

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Only the format field, read first so that newer files are refused before their
/// unknown structure produces confusing errors.
#[derive(Deserialize)]
#[serde(rename = "BrandDocument")]
struct FormatProbe {
    #[serde(default, deserialize_with = "present")]
    format: Option<u32>,
}

fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(deserializer).map(Some)
}

/// Parses a document from file bytes. Returns the document in the current format and,
/// when it was migrated, the format it came from.
pub fn parse_document(bytes: &[u8]) -> Result<(BrandDocument, Option<u32>), DocumentError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_column(&bytes[..error.valid_up_to()]);
        DocumentError::NotUtf8 { line, column }
    })?;
    let format = match quick_format(text) {
        Some(format) => Some(format),
        None => options().from_str::<FormatProbe>(text).map_err(syntax_error)?.format,
    };
    match format {
        None => Err(DocumentError::NotABrandDocument),
        Some(format) if format > CURRENT_FORMAT => {
            Err(DocumentError::NewerFormat { found: format, supported: CURRENT_FORMAT })
        }
        Some(CURRENT_FORMAT) => {
            let mut document: BrandDocument = options().from_str(text).map_err(syntax_error)?;
            // A goal added by hand without an id gets one, so contacts can refer to it.
            document.assign_goal_ids();
            Ok((document, None))
        }
        Some(old) => {
            migrate::from_format(old, text, &options()).map(|document| (document, Some(old))).map_err(syntax_error)
        }
    }
}

/// The format number when it is the first field, as Pitchcraft writes it: found
/// without parsing the whole file. Anything unusual returns `None` and the full probe
/// decides.
fn quick_format(text: &str) -> Option<u32> {
    let rest = text.trim_start();
    let rest = rest.strip_prefix("BrandDocument").unwrap_or(rest).trim_start();
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("format")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start();
    if digits == 0 || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// The position just after `valid` bytes, as 1-based line and column (in characters).
fn line_column(valid: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(valid);
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.rsplit('\n').next().map_or(0, |last| last.chars().count());
    (line, column)
}

pub(super) fn syntax_error(error: ron::error::SpannedError) -> DocumentError {
    DocumentError::Syntax { line: error.span.start.line, column: error.span.start.col, message: describe(&error.code) }
}

/// ron's messages, reworded where they would puzzle a person editing the file by hand.
fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            format!("nested too deeply (more than {RECURSION_LIMIT} levels of brackets)")
        }
        ron::Error::Eof => "the file ends too early; it may be cut off".to_owned(),
        other => other.to_string(),
    }
}

/// The document as pretty RON: one field per line, four-space indents, text kept
/// readable (accents and emoji as they are), maps in key order for stable diffs.
pub fn to_ron(document: &BrandDocument) -> Result<String, String> {
    let config =
        PrettyConfig::new().new_line("\n").indentor("    ").extensions(Extensions::empty()).compact_arrays(false);
    let mut text = options().to_string_pretty(document, config).map_err(|error| error.to_string())?;
    text = unescape_readable(&text);
    text.push('\n');
    Ok(text)
}

/// ron escapes strings as Rust's `escape_debug` does: an apostrophe as `\'`, and accents
/// typed as combining marks, emoji joiners and variation selectors as `\u{…}`. People read
/// and edit these files, so those are written as themselves again; only what cannot be
/// seen stays escaped: control characters, line breaks, and the bidirectional controls
/// that can make text look different from what it is. The result parses to the same
/// strings (both forms are valid RON).
fn unescape_readable(ron: &str) -> String {
    let mut out = String::with_capacity(ron.len());
    let mut chars = ron.chars();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (_, '"') => {
                in_string = !in_string;
                out.push(c);
            }
            (true, '\\') => match chars.next() {
                Some('\'') => out.push('\''),
                Some('u') => {
                    let escape: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    let shown = escape
                        .strip_prefix('{')
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|&c| !c.is_control() && !is_bidi_control(c));
                    match shown {
                        Some(shown) => out.push(shown),
                        None => {
                            out.push_str("\\u");
                            out.push_str(&escape);
                            out.push('}');
                        }
                    }
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            _ => out.push(c),
        }
    }
    out
}

/// Characters that reorder the text around them without being seen.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_written_as_typed_and_reads_back_the_same() {
        let mut document = BrandDocument::default();
        let typed = [
            "I'm Sanne, I'd say: \"it's done\".",
            "Cafe\u{301} de Vries, re\u{301}sume\u{301}, ijverig",
            "👩‍💻 team lead ❤️ 🇳🇱",
            "مرحبا بالعالم",
            "a backslash \\' and \\u{41} stay as typed",
            "line one\nline two\ttab",
            "hidden \u{202E}override\u{202C} and \u{7} bell",
        ];
        document.brand_statement = typed.join(" | ");
        document.person.name = "Zoë d'Ancona".to_owned();
        let written = to_ron(&document).unwrap();
        for shown in ["I'm Sanne, I'd say: \\\"it's done\\\".", "Zoë d'Ancona", "Cafe\u{301}", "👩‍💻", "❤️", "مرحبا"]
        {
            assert!(written.contains(shown), "{shown} not written as typed:\n{written}");
        }
        for escaped in ["I\\'m", "d\\'A", "it\\'s"] {
            assert!(!written.contains(escaped), "{escaped}: an apostrophe is escaped:\n{written}");
        }
        for escaped in ["\\n", "\\t", "\\u{202e}", "\\u{7}", "\\\\' and \\\\u{41}"] {
            assert!(written.contains(escaped), "{escaped} should stay escaped:\n{written}");
        }
        let (read, _) = parse_document(written.as_bytes()).unwrap();
        assert_eq!(read, document);
    }

    #[test]
    fn an_old_file_with_escaped_apostrophes_still_reads() {
        let (document, _) = parse_document(br#"(format: 2, brand_statement: "I\'m here \u{301}")"#).unwrap();
        assert_eq!(document.brand_statement, "I'm here \u{301}");
    }

    #[test]
    fn the_quick_probe_reads_only_a_plain_first_field() {
        assert_eq!(quick_format("(\n    format: 1,\n"), Some(1));
        assert_eq!(quick_format("BrandDocument(format: 12)"), Some(12));
        assert_eq!(quick_format("// comment\n(format: 1,"), None);
        assert_eq!(quick_format("(person: (), format: 1)"), None);
        assert_eq!(quick_format("(format: 1.5,"), None);
        assert_eq!(quick_format("(format: 99999999999,"), None);
    }

    #[test]
    fn format_after_other_fields_is_still_found() {
        let (document, _) = parse_document(b"// hand-written\n(brand_statement: \"x\", format: 1)").unwrap();
        assert_eq!(document.brand_statement, "x");
    }

    #[test]
    fn invalid_utf8_names_the_line_and_column() {
        let error = parse_document(b"(\n  format: 1,\n  ab\xFF").unwrap_err();
        assert_eq!(error, DocumentError::NotUtf8 { line: 3, column: 5 });
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let (document, migrated_from) = parse_document(b"\xEF\xBB\xBF(format: 1)").unwrap();
        assert_eq!((document.format, migrated_from), (CURRENT_FORMAT, Some(1)));
    }

    #[test]
    fn crlf_line_endings_are_accepted() {
        let (document, _) = parse_document(b"(\r\n    format: 1,\r\n    brand_statement: \"x\",\r\n)\r\n").unwrap();
        assert_eq!(document.brand_statement, "x");
    }

    #[test]
    fn a_file_without_format_is_not_a_brand_document() {
        assert_eq!(parse_document(b"(name: \"x\")").unwrap_err(), DocumentError::NotABrandDocument);
    }

    #[test]
    fn a_newer_format_is_refused() {
        let error = parse_document(b"(format: 99, something_new: [1, 2])").unwrap_err();
        assert_eq!(error, DocumentError::NewerFormat { found: 99, supported: CURRENT_FORMAT });
        assert!(error.to_string().contains("made by a newer Pitchcraft"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        // An unknown field is skipped by walking it, which is where depth could overflow.
        let text = format!("(format: 1, extra: {}{})", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse_document(text.as_bytes()).unwrap_err();
        assert!(error.to_string().contains("nested too deeply"), "{error}");
        // In a typed field the first bracket that does not fit is the error.
        let text = format!("(format: 1, notes: {})", "[".repeat(100_000));
        assert!(parse_document(text.as_bytes()).unwrap_err().position().is_some());
    }

    #[test]
    fn a_wrong_type_points_at_the_value() {
        let text = "(\n    format: 1,\n    pitches: [(target_seconds: \"thirty\")],\n)";
        let error = parse_document(text.as_bytes()).unwrap_err();
        assert_eq!(error.position().map(|(line, _)| line), Some(3), "{error:?}");
    }

    #[test]
    fn awkward_text_round_trips() {
        let mut document = BrandDocument::default();
        document.person.name = "Zoë \"Z\" Çelik-Ø 🚀 שלום مرحبا".to_owned();
        document.brand_statement = "line one\nline two\r\n\ttab \\ backslash \0 nul \u{202e}rtl\"#".to_owned();
        let text = to_ron(&document).unwrap();
        assert!(text.contains("Zoë"), "accents are written as they are: {text}");
        let (back, _) = parse_document(text.as_bytes()).unwrap();
        assert_eq!(back, document);
    }
}
