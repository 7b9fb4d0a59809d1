//! Bytes → `hustings::import::clarity::read`, the Clarity / Scytl election-night XML reader
//! (`hustings FILE.xml`, `hustings import FILE.xml`).
//!
//! The reader is called whatever the bytes are (not only when `clarity::recognise` would pick
//! them), so that broken documents reach every error path; `recognise` is run too, for "no
//! panic". Beyond "no panic", it checks the importer's promises: an error is one short line
//! that starts with the file's name and, for a place in the document, a line and column inside
//! it; whatever reads is written as JSON that `hustings::load::parse` accepts, exactly as
//! `hustings import` writes it.
#![no_main]

use hustings::import::{self, ImportError, clarity};
use hustings::load::{self, integrity};
use libfuzzer_sys::fuzz_target;

const FILE: &str = "results.xml";

fuzz_target!(|bytes: &[u8]| {
    let _ = clarity::recognise(bytes);
    match clarity::read(FILE, bytes) {
        Err(err) => {
            let text = err.to_string();
            assert!(
                !text.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
                "multi-line error: {text:?}"
            );
            assert!(text.len() < 2_000, "overlong error ({} bytes)", text.len());
            assert!(text.starts_with(&format!("{FILE}:")), "{text:?}");
            match err {
                ImportError::At { line, column, .. } => {
                    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
                    assert!(
                        line >= 1 && line <= lines.len(),
                        "line {line} of {} in {text:?}",
                        lines.len()
                    );
                    // Columns count characters; a line's end is one past its last.
                    let width = String::from_utf8_lossy(lines[line - 1]).chars().count();
                    assert!(
                        column >= 1 && column <= width + 1,
                        "column {column} of a {width}-character line in {text:?}"
                    );
                }
                ImportError::Row { .. } => panic!("an XML error with a row number: {text:?}"),
                ImportError::File { file, .. } => assert_eq!(file, FILE),
            }
        }
        Ok(read) => {
            // What `hustings import` does with a dataset before writing it.
            let json = serde_json::to_vec_pretty(&read.dataset).expect("a read dataset serialises");
            let loaded = load::parse("imported.json", &json)
                .unwrap_or_else(|e| panic!("the importer wrote data the loader refuses: {e}"));
            assert_eq!(loaded.contests.len(), read.dataset.contests.len());
            let _ = integrity::warnings(&loaded);
            // `hustings FILE.xml` opens it through `read_other`, which must agree.
            let unmarked = bytes
                .strip_prefix(b"\xEF\xBB\xBF")
                .unwrap_or(bytes)
                .trim_ascii_start();
            if unmarked.first() == Some(&b'<') && clarity::recognise(unmarked) {
                let again = import::read_other(FILE, bytes).expect("recognised as another format");
                let again = again.expect("read_other reads what clarity::read reads");
                assert_eq!(again.dataset, read.dataset);
            }
            for note in &read.notes {
                assert!(!note.is_empty());
            }
        }
    }
});
