//! Bytes → `hustings::import::hoc::candidates_from_bytes`, the House of Commons Library CSV
//! import (`hustings import hoc-candidates FILE [--constituencies FILE]`).
//!
//! The input is the candidate file; if it holds a 0xFF byte (never part of UTF-8 text), what
//! follows the first one is the constituency file, joined as with `--constituencies`.
//!
//! Beyond "no panic", it checks the importer's promises: an error is one short line that
//! starts with the name of the file at fault (and, for a row, a line number inside that file),
//! and whatever imports is written as JSON that `hustings::load::parse` accepts, exactly as
//! `hustings import` writes it.
#![no_main]

use hustings::import::ImportError;
use hustings::import::hoc::{self, Options};
use hustings::load;
use hustings::load::integrity;
use libfuzzer_sys::fuzz_target;

const SEPARATOR: u8 = 0xFF;
const CANDIDATES: &str = "candidates.csv";
const CONSTITUENCIES: &str = "constituencies.csv";

/// The number of lines of a file (a final line without a newline counts; a BOM does not).
fn lines(bytes: &[u8]) -> u64 {
    bytes.split(|&b| b == b'\n').count() as u64
}

fuzz_target!(|bytes: &[u8]| {
    let (candidates, constituencies) = match bytes.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&bytes[..at], Some(&bytes[at + 1..])),
        None => (bytes, None),
    };
    let options = Options {
        candidates: CANDIDATES.into(),
        constituencies: constituencies.map(|_| CONSTITUENCIES.into()),
        ..Options::default()
    };
    match hoc::candidates_from_bytes(&options, candidates, constituencies.unwrap_or(b"")) {
        Err(err) => {
            let text = err.to_string();
            assert!(
                !text.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
                "multi-line error: {text:?}"
            );
            assert!(text.len() < 2_000, "overlong error ({} bytes)", text.len());
            let (ImportError::File { file, .. } | ImportError::Row { file, .. } | ImportError::At { file, .. }) = &err;
            let contents = match file.as_str() {
                CANDIDATES => candidates,
                CONSTITUENCIES if constituencies.is_some() => constituencies.unwrap_or(b""),
                other => panic!("the error names {other:?}, not a file read: {text:?}"),
            };
            assert!(text.starts_with(&format!("{file}:")), "{text:?}");
            if let ImportError::Row { line, .. } = err {
                assert!(
                    line >= 1 && line <= lines(contents),
                    "line {line} of {} in {text:?}",
                    lines(contents)
                );
            }
        }
        Ok(imported) => {
            // What `hustings import` does with a dataset before writing it.
            let json = serde_json::to_vec_pretty(&imported.dataset).expect("an import serialises");
            let loaded = load::parse("imported.json", &json)
                .unwrap_or_else(|e| panic!("the importer wrote data the loader refuses: {e}"));
            assert_eq!(loaded.contests.len(), imported.dataset.contests.len());
            let _ = integrity::warnings(&imported.dataset);
            for problem in &imported.report.problems {
                let _ = (problem.to_string(), problem.detail(), problem.contest());
            }
        }
    }
});
