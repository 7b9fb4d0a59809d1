//! A first look at a large file while it loads: its title, catalogues and first contests,
//! read from its first megabytes, for the explorer to show at once. Never an error: whatever
//! is unusual gives no preview, and the full load (`load`) decides, and explains, as ever.

use std::io::Read;
use std::path::Path;

use super::integrity;
use super::{DataSource, Loaded, stream, validate};
use crate::model::Dataset;

/// Files at least this large are previewed. A smaller file loads whole in a fraction of a
/// second (about 0.25 s at 16 MB), sooner than a first look would help.
pub const THRESHOLD: u64 = 16 << 20;

/// The environment variable that sets another size from which files are previewed (a size as
/// `--max-size` takes it), for trying the preview on smaller files.
pub const THRESHOLD_VARIABLE: &str = "HUSTINGS_PREVIEW_FROM";

/// How much of a file a preview reads: about 3,000 contests of a typical file, parsed and
/// indexed in a few tens of milliseconds.
const HEAD: u64 = 4 << 20;

/// At most this many contests are previewed, however short they are.
const MOST: usize = 5_000;

/// The first contests of a single file of at least `threshold` bytes in the hustings format,
/// as the explorer shows them while the whole file loads: `None` for anything else (several
/// files, the built-in dataset, a smaller file, another format, a head unusual in any way).
pub fn loaded(sources: &[DataSource], threshold: u64) -> Option<Loaded> {
    let [DataSource::File(path)] = sources else {
        return None;
    };
    let dataset = preview(path, threshold)?;
    let integrity::Checked { warnings, derived } = integrity::checked(&dataset);
    Some(Loaded {
        titles: vec![dataset.title.as_deref().map(str::to_string)],
        dataset,
        warnings,
        sources: vec![sources[0].name()],
        conflicts: Vec::new(),
        notes: Vec::new(),
        versions: super::Versions::default(),
        derived,
    })
}

/// The title, catalogues and first contests of `path` when it is a regular file of at least
/// `threshold` bytes in the hustings format whose catalogues come before its contests; the
/// contests are the whole ones within its first [`HEAD`] bytes (at most [`MOST`]), checked as
/// the full load checks a file. `None` for anything else.
pub fn preview(path: &Path, threshold: u64) -> Option<Dataset> {
    let metadata = std::fs::metadata(path).ok()?;
    if !metadata.is_file() || metadata.len() < threshold {
        return None;
    }
    // Within the limits (a file over them is refused by the full load, which says so).
    let opened = crate::input::open(path).ok()?;
    let mut head = Vec::new();
    opened
        .into_reader()
        .take(HEAD)
        .read_to_end(&mut head)
        .ok()?;
    of_head(&head)
}

/// The preview of a file's first bytes (see [`preview`]).
fn of_head(head: &[u8]) -> Option<Dataset> {
    let content = crate::import::formats::Content::new(head);
    if crate::import::formats::recognise(&content).is_some() {
        return None;
    }
    let dataset = stream::head(head, MOST).ok()?;
    validate::check(&dataset).is_ok().then_some(dataset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::EMBEDDED;

    /// The shipped dataset with its contests `copies` times over under new ids, its keys in
    /// the order given (`catalogues_first`: regions and factions before the contests).
    fn document(copies: usize, catalogues_first: bool) -> String {
        let seed: serde_json::Value = serde_json::from_slice(EMBEDDED).unwrap();
        let mut contests = Vec::new();
        for n in 0..copies {
            for contest in seed["contests"].as_array().unwrap() {
                let mut contest = contest.clone();
                let id = format!("{}-{n}", contest["id"].as_str().unwrap());
                contest["id"] = id.into();
                contests.push(contest.to_string());
            }
        }
        let contests = contests.join(",\n");
        let catalogues = format!(
            r#""regions":{},"factions":{}"#,
            seed["regions"], seed["factions"]
        );
        let title = r#""title":"Test – preview""#;
        if catalogues_first {
            format!(r#"{{"schema_version":1,{title},{catalogues},"contests":[{contests}]}}"#)
        } else {
            format!(r#"{{"schema_version":1,{title},"contests":[{contests}],{catalogues}}}"#)
        }
    }

    fn seed_contests() -> usize {
        crate::load::parse("seed", EMBEDDED).unwrap().contests.len()
    }

    #[test]
    fn the_whole_contests_of_the_head_with_the_catalogues_and_title() {
        let whole = document(3, true);
        let full = crate::load::parse("whole", whole.as_bytes()).unwrap();
        // Cut in the middle of the second copy's first contest.
        let cut = whole.find("-1\"").unwrap();
        let got = of_head(&whole.as_bytes()[..cut]).expect("a preview");
        assert_eq!(got.title.as_deref(), Some("Test – preview"));
        assert_eq!(got.regions, full.regions);
        assert_eq!(got.factions, full.factions);
        // The first copy, and not the contest cut short.
        assert_eq!(got.contests, full.contests[..seed_contests()]);
    }

    #[test]
    fn a_cut_anywhere_gives_only_whole_contests() {
        let whole = document(1, true);
        let full = crate::load::parse("whole", whole.as_bytes()).unwrap();
        let start = whole.find(r#""contests":["#).unwrap();
        for cut in (start..whole.len()).step_by(97) {
            let Some(got) = of_head(&whole.as_bytes()[..cut]) else {
                continue;
            };
            let n = got.contests.len();
            assert!(n > 0, "cut at {cut}");
            assert_eq!(got.contests, full.contests[..n], "cut at {cut}");
            // A contest ends (with its separator) before the cut.
            let id = &full.contests[n - 1].id;
            assert!(whole[..cut].contains(&format!("\"{id}\"")), "cut at {cut}");
        }
        // Once the first contest and its comma are in, there is a preview.
        let first_end = start + whole[start..].find("},\n{").unwrap() + 2;
        assert_eq!(
            of_head(&whole.as_bytes()[..first_end])
                .unwrap()
                .contests
                .len(),
            1
        );
        assert!(of_head(&whole.as_bytes()[..first_end - 1]).is_none());
    }

    #[test]
    fn catalogues_after_the_contests_give_no_preview() {
        let whole = document(2, false);
        assert!(crate::load::parse("whole", whole.as_bytes()).is_ok());
        assert!(of_head(&whole.as_bytes()[..whole.len() / 2]).is_none());
    }

    #[test]
    fn anything_unusual_gives_no_preview() {
        let whole = document(2, true);
        let head = &whole[..whole.len() / 2];
        let longer = &whole[..whole.len() * 3 / 4];
        assert!(of_head(head.as_bytes()).is_some());
        assert!(of_head(longer.as_bytes()).is_some());
        let bad_contest = head.replacen(r#""kind":"#, r#""oops":1,"kind":"#, 1);
        let syntax = head.replacen(r#""kind":"#, r#""kind"::"#, 1);
        let unknown_key = head.replacen(r#""title":"#, r#""extra":1,"title":"#, 1);
        let twice = head.replacen(r#""id":"#, "\"id\":\"x\",\"id\":", 1);
        // Two contests of one id: the first of the first copy takes the second copy's.
        let clashing = longer.replacen(
            "\"stockport-selection-2019-0\"",
            "\"stockport-selection-2019-1\"",
            1,
        );
        for (n, bad) in [
            "",
            "{",
            r#"{"schema_version":1,"regions":[],"factions":[],"contests":[]}"#,
            r#"{"schema_version":2,"regions":[],"factions":[],"contests":[{"id":"a","kind":"other","title":"A","status":"pending","sources":[]},"#,
            r#"{"regions":[],"factions":[],"contests":[{"id":"a","kind":"other","title":"A","status":"pending","sources":[]},"#,
            "not json at all",
            &bad_contest,
            &syntax,
            &unknown_key,
            &twice,
            &clashing,
        ]
        .iter()
        .enumerate()
        {
            assert!(of_head(bad.as_bytes()).is_none(), "{n}");
        }
        let small = r#"{"schema_version":1,"regions":[],"factions":[],"contests":[{"id":"a","kind":"other","title":"A","status":"pending","sources":[]},"#;
        assert_eq!(of_head(small.as_bytes()).unwrap().contests.len(), 1);
    }

    #[test]
    fn another_format_gives_no_preview() {
        for file in [
            "tests/data/nist/ge2019-seats.json",
            "tests/corpus/rctab/rctab-1.3-summary-json/2013_minneapolis_park_expected_summary.json",
        ] {
            let bytes = std::fs::read(file).unwrap();
            assert!(crate::import::read_other(file, &bytes).is_some(), "{file}");
            assert!(of_head(&bytes).is_none(), "{file}");
        }
    }

    #[test]
    fn only_a_file_at_least_the_threshold_is_previewed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let whole = document(2, true);
        std::fs::write(&path, &whole).unwrap();
        let size = whole.len() as u64;
        assert!(preview(&path, size + 1).is_none());
        let got = preview(&path, size).expect("a preview");
        assert_eq!(got.contests.len(), 2 * seed_contests());
        assert!(preview(dir.path(), 0).is_none());
        assert!(preview(&dir.path().join("missing.json"), 0).is_none());
        // Only one file, named as the full load names it.
        let source = DataSource::File(path.clone());
        let one = std::slice::from_ref(&source);
        assert!(loaded(&[source.clone(), source.clone()], 0).is_none());
        assert!(loaded(&[DataSource::Embedded], 0).is_none());
        assert!(loaded(one, THRESHOLD).is_none());
        let got = loaded(one, size).expect("a preview");
        assert_eq!(got.sources, [source.name()]);
        assert_eq!(got.titles, [Some("Test – preview".to_string())]);
    }
}
