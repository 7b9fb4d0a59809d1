//! Bytes → the NIST SP 1500-100 readers (JSON and XML), as `hustings import FILE --format nist`
//! reads them: from a `<` as XML (`report.xml`), from anything else as JSON (`report.json`).
//!
//! Beyond "no panic", it checks the readers' promises, as the `load` target does the
//! loader's: an error is one short line that starts with the file's name, and its
//! line:column lies inside the document; whatever reads is a dataset the loader accepts once
//! written out (the command would otherwise stop with "internal error: the imported dataset
//! does not load"), whose warnings and round views can be worked out; and a report recognised
//! by content (`hustings FILE`) reads exactly as the forced reader reads it.
#![no_main]

use hustings::import::{self, ImportError};
use hustings::load::{self, integrity};
use hustings::report::rounds;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let xml = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    let file = if xml { "report.xml" } else { "report.json" };
    let nist = import::formats::named("nist").expect("a format of the table");
    let read = import::read_as(nist, file, bytes).expect("NIST is not the native format");
    if let Some(Ok(sniffed)) = import::read_other(file, bytes)
        && sniffed.format.starts_with("NIST")
    {
        let forced = read.as_ref().expect("what reads recognised reads when forced");
        assert_eq!(sniffed.dataset, forced.dataset, "recognised or forced, the same report");
    }
    match read {
        Err(err) => {
            let text = err.to_string();
            assert!(
                !text.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
                "multi-line error: {text:?}"
            );
            assert!(text.len() < 2_000, "overlong error ({} bytes)", text.len());
            assert!(text.starts_with(&format!("{file}:")), "{text:?}");
            if let ImportError::At { line, column, .. } = err {
                let lines = bytes.split(|&b| b == b'\n').count();
                assert!(line >= 1 && line <= lines.max(1), "line {line} of {lines}");
                assert!(column >= 1, "column {column}");
            }
        }
        Ok(read) => {
            // What `hustings import` does with a dataset before writing it.
            let json = serde_json::to_vec_pretty(&read.dataset).expect("a dataset serialises");
            let loaded = load::parse("imported.json", &json)
                .unwrap_or_else(|e| panic!("the reader made data the loader refuses: {e}"));
            assert_eq!(loaded, read.dataset, "written and read back, the same dataset");
            let _ = integrity::warnings(&loaded);
            for contest in &loaded.contests {
                for i in 0..contest.rounds.len() {
                    let view = rounds::round(contest, i).expect("every round has a view");
                    let _ = rounds::line(&view);
                }
                let _ = rounds::table(contest);
            }
        }
    }
});
