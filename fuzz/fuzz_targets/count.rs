//! Bytes → the count-file reader (RCTab and Universal Tabulator JSON), through the loader as
//! `hustings FILE` opens them. Beyond "no panic": an error is one short line whose
//! line:column lies inside the document, and what reads passes the loader's checks, can be
//! saved in the hustings format and loads again the same, and can be shown round by round.
#![no_main]

use hustings::import;
use hustings::load::{self, integrity};
use hustings::report::rounds;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some(read) = import::read_other("count.json", bytes) else {
        return;
    };
    match read {
        Err(err) => {
            let line = err.to_string();
            assert!(!line.contains('\n') && !line.contains('\r'), "multi-line error: {line:?}");
            if let import::ImportError::At { line, column, .. } = err {
                let lines = bytes.split(|&b| b == b'\n').count();
                assert!(line >= 1 && line <= lines.max(1), "line {line} of {lines}");
                assert!(column >= 1, "column {column}");
            }
        }
        Ok(read) => {
            // What reads is a dataset the loader accepts (or refuses in one line).
            let Ok(dataset) = load::parse("count.json", bytes) else {
                return;
            };
            assert_eq!(dataset.contests.len(), read.dataset.contests.len());
            let _ = integrity::warnings(&dataset);
            for contest in &dataset.contests {
                for i in 0..contest.rounds.len() {
                    let view = rounds::round(contest, i).expect("every round has a view");
                    let _ = rounds::line(&view);
                }
                let _ = rounds::table(contest);
            }
            let text = serde_json::to_vec(&dataset).expect("a dataset serialises");
            let again = load::parse("again.json", &text).expect("a saved count loads again");
            assert_eq!(again, dataset);
        }
    }
});
