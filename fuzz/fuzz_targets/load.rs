//! Bytes → `hustings::load::parse`, then everything that runs on freshly loaded data.
//!
//! Beyond "no panic", it checks the loader's promises: an error is exactly one short line
//! whose line:column lies inside the document, anything that loads can be written back out
//! and loads again, and the loader's fast path accepts exactly what a plain serde_json parse
//! of the model accepts, with the same result; and a list's word on each contest's change
//! (`Changes::headline`) is what the full change says.
#![no_main]

use hustings::model::Dataset;
use hustings::load::integrity;
use hustings::load;
use hustings::model::require_object;
use hustings::query;
use hustings::model::arithmetic;
use hustings::load::validate;
use libfuzzer_sys::fuzz_target;

/// The plain reading of a document: serde_json over the model, records as objects, then the
/// structural checks. `load::parse` may take a faster road but must arrive at the same place.
fn plain(bytes: &[u8]) -> Option<Dataset> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let dataset: Dataset = require_object::whole(bytes).ok()?;
    validate::check(&dataset).ok()?;
    Some(dataset)
}

fuzz_target!(|bytes: &[u8]| {
    let parsed = load::parse("fuzz.json", bytes);
    // Files of other formats (count files) take the importers' road; the `count` target
    // checks those. Everything else must read as the plain parse does.
    if hustings::import::read_other("fuzz.json", bytes).is_none() {
        assert_eq!(
            parsed.as_ref().ok(),
            plain(bytes).as_ref(),
            "the fast path and the plain parse disagree"
        );
    }
    match parsed {
        Err(err) => {
            let line = err.to_string();
            assert!(
                !line.contains('\n') && !line.contains('\r'),
                "multi-line error: {line:?}"
            );
            assert!(line.len() < 2_000, "overlong error ({} bytes)", line.len());
            // The position points inside the document (a BOM is not counted).
            if let load::LoadError::Invalid { line, column, .. } = err {
                let lines = bytes.split(|&b| b == b'\n').count();
                assert!(line >= 1 && line <= lines.max(1), "line {line} of {lines}");
                assert!(column >= 1, "column {column}");
            }
        }
        Ok(dataset) => {
            let _ = integrity::warnings(&dataset);
            // A list's word on each change is what the full change says.
            let changes = hustings::model::change::Changes::build(&dataset);
            for i in 0..dataset.contests.len() {
                assert_eq!(
                    changes.headline(&dataset, i),
                    changes.since(&dataset, i).headline(),
                    "the headline of contest {i} differs from the full change's"
                );
            }
            for contest in &dataset.contests {
                let _ = arithmetic::ranked(contest);
                let _ = (arithmetic::margin_points(contest), arithmetic::turnout(contest));
                for candidate in &contest.candidates {
                    let _ = arithmetic::share(contest, candidate).label();
                }
            }
            let index = query::Index::build(&dataset);
            for key in query::SortKey::ALL {
                let q = query::Query {
                    sort: query::Sort {
                        key,
                        reverse: false,
                    },
                    ..Default::default()
                };
                assert_eq!(index.run(&q).len(), dataset.contests.len());
            }
            let text = serde_json::to_vec(&dataset).expect("a loaded dataset serialises");
            let again = load::parse("again.json", &text).expect("a saved dataset loads again");
            assert_eq!(again.contests.len(), dataset.contests.len());
        }
    }
});
