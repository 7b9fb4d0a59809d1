//! Bytes → `hustings::import::hoc::history::read`, the House of Commons Library's party-level
//! results (`hustings import hoc-history`, and `hustings FILE` on such a file).
//!
//! Beyond "no panic", it checks the importer's promises: an error is one short line that
//! starts with the file's name (and, for a row, a line number inside the input), and whatever
//! imports is written as JSON that `hustings::load::parse` accepts, with as many contests.
#![no_main]

use hustings::import::ImportError;
use hustings::import::hoc::history;
use hustings::load;
use libfuzzer_sys::fuzz_target;

const FILE: &str = "history.tsv";

fuzz_target!(|bytes: &[u8]| {
    match history::read(FILE, bytes) {
        Err(err) => {
            let text = err.to_string();
            assert!(
                !text.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
                "multi-line error: {text:?}"
            );
            assert!(text.len() < 2_000, "overlong error ({} bytes)", text.len());
            assert!(text.starts_with(&format!("{FILE}:")), "{text:?}");
            if let ImportError::Row { line, .. } = err {
                let lines = bytes.split(|&b| b == b'\n').count() as u64;
                assert!(line >= 1 && line <= lines, "line {line} of {lines} in {text:?}");
            }
        }
        Ok(read) => {
            let json = serde_json::to_vec_pretty(&read.dataset).expect("an import serialises");
            let loaded = load::parse("imported.json", &json)
                .unwrap_or_else(|e| panic!("the importer wrote data the loader refuses: {e}"));
            assert_eq!(loaded.contests.len(), read.dataset.contests.len());
            let _ = load::integrity::warnings(&read.dataset);
        }
    }
});
