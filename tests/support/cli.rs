//! The real binary, run with a fixed environment, and what it prints.

use assert_cmd::Command;

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
