//! The test data: fixtures, the shipped dataset, the real results files in
//! tests/data/real, and datasets loaded from them.

use std::path::{Path, PathBuf};

use hustings::load::{self, DataSource};
use hustings::model::Dataset;

/// The small fixture with awkward CSV text, stated bounds and a contest with no candidates.
pub fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fixture.json")
}

/// A dataset whose names, titles, parties, endorsers… begin as spreadsheet formulas do
/// (`=`, `+`, `-`, `@`, a tab, a carriage return).
pub fn formula() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/formula.json")
}

/// A dataset whose text holds Markdown and HTML (tags, links, images, an entity, backticks,
/// a pipe), addresses that are not http(s), and invisible format characters (U+200E,
/// U+FFF9–U+FFFB, a soft hyphen…) where a list row would show them.
pub fn injection() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/injection.json")
}

/// The shipped dataset as a file (the binary also embeds it).
pub fn seed_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/contests.json")
}

/// One of the real published results files copied into `tests/data/real` (each with its
/// licence; SOURCES.md there says where each came from).
pub fn real_data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/real")
        .join(name)
}

/// The dataset in `path`, which must load.
pub fn dataset(path: &Path) -> Dataset {
    load::load(&[DataSource::File(path.to_path_buf())])
        .unwrap_or_else(|e| panic!("{} loads: {e}", path.display()))
        .dataset
}

/// The names of the entries of `dir`, sorted (to check nothing but the output was left there).
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the directory is readable")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The GE2019 import, made once per test binary (in a temporary directory kept until the
/// binary ends) and shared by its tests.
pub fn ge2019() -> PathBuf {
    static PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = import_ge2019(dir.path());
        // Kept for the other tests of this binary; the OS clears temporary files.
        std::mem::forget(dir);
        path
    })
    .clone()
}

/// Imports GE2019 (candidates and constituencies) with the real binary into `dir/ge2019.json`.
pub fn import_ge2019(dir: &Path) -> PathBuf {
    let out = dir.join("ge2019.json");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_hustings"))
        .args(["import", "hoc-candidates"])
        .arg(real_data("HoC-GE2019-results-by-candidate.csv"))
        .arg("--constituencies")
        .arg(real_data("HoC-GE2019-results-by-constituency.csv"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("hustings runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    out
}

/// Selections in full: a longlist → shortlist → ballot path with a withdrawal and three not
/// shortlisted, nominations toward a threshold, facts marked inferred; and a candidate imposed
/// without a ballot, with date bounds.
pub fn selection_fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/selection.json")
}

/// Writes `dataset` as JSON to `dir/name`.
fn write_dataset(dir: &Path, name: &str, dataset: &Dataset) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec(dataset).expect("serialises")).expect("writes");
    path
}

/// A directory for imports shared by the tests of one binary (kept until it ends; the OS
/// clears temporary files).
fn shared_dir() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().to_path_buf();
        std::mem::forget(dir);
        path
    })
}

/// The Library's party-level results 1997–2019 (`uk-history/GE_results.tsv`), imported through
/// the library (`import::hoc::history`) once per test binary, as a dataset file.
pub fn history_import() -> PathBuf {
    static PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let read =
            hustings::import::hoc::history::read_path(&real_data("uk-history/GE_results.tsv"))
                .expect("the real history file imports");
        write_dataset(shared_dir(), "history.json", &read.dataset)
    })
    .clone()
}

/// A Library candidate-level file (`HoC-GE2017-results-by-candidate.csv`, or GE2019's)
/// imported through the library once per test binary, as a dataset file.
pub fn candidates_import(year: u16) -> PathBuf {
    static PATHS: std::sync::Mutex<Vec<(u16, PathBuf)>> = std::sync::Mutex::new(Vec::new());
    let mut paths = PATHS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, path)) = paths.iter().find(|(y, _)| *y == year) {
        return path.clone();
    }
    let imported = hustings::import::hoc::candidates(&hustings::import::hoc::Options {
        candidates: real_data(&format!("HoC-GE{year}-results-by-candidate.csv")),
        ..Default::default()
    })
    .expect("the real candidate file imports");
    let path = write_dataset(shared_dir(), &format!("ge{year}.json"), &imported.dataset);
    paths.push((year, path.clone()));
    path
}
