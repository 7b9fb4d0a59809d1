//! Helpers shared by the command-line tests: run the real binary with a fixed environment,
//! and find the test data.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use hustings::load::{self, DataSource};
use hustings::model::Dataset;

/// The small fixture with awkward CSV text, stated bounds and a contest with no candidates.
pub fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fixture.json")
}

/// The shipped dataset as a file (the binary also embeds it).
pub fn seed_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/contests.json")
}

/// One of the official results files in `../shared/data/real`, beside the repository (where
/// CI clones it too).
pub fn real_data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/real")
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

/// `hustings ARGS` with a 100-column, colourless, non-terminal stdout.
pub fn hustings(args: &[&str]) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("hustings");
    cmd.args(args).env("COLUMNS", "100").env_remove("NO_COLOR");
    cmd
}

/// Runs `hustings ARGS`, asserts success and returns stdout.
pub fn stdout(args: &[&str]) -> String {
    let out = hustings(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("output is UTF-8")
}

/// The contest ids of `list --format json` output, in order.
pub fn listed_ids(json: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(json).expect("list output is JSON");
    doc["contests"]
        .as_array()
        .expect("contests is an array")
        .iter()
        .map(|c| c["contest"]["id"].as_str().unwrap().to_string())
        .collect()
}
