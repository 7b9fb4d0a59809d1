//! Completions, help texts, and writing to a closed pipe, for every subcommand.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::support::cli::{hustings, stdout};
use predicates::prelude::*;

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef hustings"),
        ("fish", "complete -c hustings"),
    ] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}");
        for word in [
            "list",
            "show",
            "stats",
            "region",
            "any-candidate",
            "general-election",
        ] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    hustings(&["completions", "tcsh"]).assert().code(2);
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for sub in ["list", "show", "stats", "completions"] {
        hustings(&[sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"))
            .stdout(predicate::str::contains(format!("hustings {sub}")));
    }
    hustings(&["--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--region"))
        .stdout(predicate::str::contains("--search mishra"));
}

/// Runs hustings with stdout a pipe whose reading end is already closed; it must exit 0
/// without a word on stderr.
fn closed_pipe(args: &[&str]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hustings"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{args:?}: {status} {stderr}");
    assert_eq!(stderr, "", "{args:?}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    for format in ["text", "json", "csv", "markdown"] {
        closed_pipe(&["list", "--format", format]);
        closed_pipe(&["stats", "--format", format, "--by", "endorser"]);
    }
    for format in ["text", "json", "markdown"] {
        closed_pipe(&["show", "stockport-selection-2019", "--format", format]);
    }
    closed_pipe(&["completions", "bash"]);
    closed_pipe(&["schema"]);
    closed_pipe(&["validate"]);
}

#[test]
fn head_reads_one_line_through_a_real_shell_pipe() {
    let bin = env!("CARGO_BIN_EXE_hustings");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{bin}' list --format csv | head -1; echo \"exit=$?\""
        ))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("contest_id,"), "{text}");
    assert!(text.ends_with("exit=0\n"), "{text}");
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}
