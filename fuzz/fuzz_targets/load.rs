//! Document loading: any bytes either parse into a document (which then saves and parses
//! back to the same document) or give an error with a position; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pitchcraft_core::storage::{parse_document, to_ron};

fuzz_target!(|bytes: &[u8]| {
    if let Ok((document, _)) = parse_document(bytes) {
        let text = to_ron(&document).expect("a loaded document serializes");
        let (again, _) = parse_document(text.as_bytes()).expect("what we write, we read");
        assert_eq!(again, document, "a save and load round-trip changes nothing");
    }
});
