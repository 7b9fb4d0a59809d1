//! Input within bounds: devices are refused before a byte is read, a file of no format is
//! refused from its first bytes however large it is, and files and pipes over `--max-size` (or
//! the defaults) are refused with the flag that raises the limit. Each failure is one line and
//! exit status 2; nothing is read whole first.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::cli::hustings;

/// Runs `hustings ARGS` (stdin from `input`, if any) under a 200 MB address-space limit, so a
/// reader that reads the input whole, or keeps reading a device, fails the test instead of
/// filling the machine's memory.
fn bounded(args: &[&str], input: Option<&[u8]>) -> (Option<i32>, String, Duration) {
    let script = format!(
        "ulimit -v 200000; exec \"$0\" {}",
        (1..=args.len())
            .map(|i| format!("\"${i}\""))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let start = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_hustings"))
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = input {
        let mut stdin = child.stdin.take().unwrap();
        // The reader may stop early and close the pipe: that is the point.
        let _ = stdin.write_all(input);
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        start.elapsed(),
    )
}

#[test]
fn a_device_is_refused_before_it_is_read() {
    for args in [
        &["validate", "/dev/zero"][..],
        &["list", "--data", "/dev/zero"],
        &["import", "/dev/zero"],
        &["import", "csv", "/dev/zero", "--contest", "a"],
        &["import", "hoc-history", "/dev/urandom"],
    ] {
        let (code, err, took) = bounded(args, None);
        let device = args.iter().find(|a| a.starts_with("/dev/")).unwrap();
        assert_eq!(
            err,
            format!(
                "error: {device}: is a character device, not a data file (only regular files and pipes are read)\n"
            ),
            "{args:?}"
        );
        assert_eq!(code, Some(2), "{args:?}");
        assert!(took < Duration::from_secs(5), "{args:?} took {took:?}");
    }
}

#[test]
fn a_huge_sparse_file_is_refused_from_its_first_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let sparse = dir.path().join("sparse.json");
    // 3 GB of zeros that take no room on disk; read whole, they would break the memory limit.
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(3_000_000_000)
        .unwrap();
    let path = sparse.to_str().unwrap();
    let (code, err, _) = bounded(&["validate", path], None);
    assert!(
        err.starts_with(&format!("error: {path}:1:1: (top level): this is not JSON")),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(code, Some(2));
    let (code, err, _) = bounded(&["import", "csv", path, "--contest", "a"], None);
    assert_eq!(
        err,
        format!("error: {path}: not a CSV file: its first bytes are not text\n")
    );
    assert_eq!(code, Some(2));
}

#[test]
fn a_file_over_max_size_is_refused_from_its_size() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.json"), [b' '; 5000]).unwrap();
    let out = hustings(&["validate", "--max-size", "1KB", "big.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: big.json: is 4.8 KiB, over the limit of 1000 bytes for a file (--max-size raises it, e.g. --max-size 1MiB)\n"
    );
    assert_eq!(out.status.code(), Some(2));
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data/contests.json");
    // Under the limit it loads.
    hustings(&["validate", "--max-size", "4GiB", data])
        .assert()
        .success();
    // A size that is not one is clap's error.
    let bad = hustings(&["validate", "--max-size", "4 parsecs", data])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("unknown unit \"parsecs\""),
        "{bad:?}"
    );
}

#[test]
fn a_pipe_over_max_size_is_refused() {
    // A pipe's size is unknown until it ends: it is read up to the limit, then refused.
    let endless = "{\"schema_version\": 1, \"title\": \"".to_string() + &"x".repeat(100_000);
    for args in [
        &["validate", "--max-size", "50KB", "/dev/stdin"][..],
        &[
            "import",
            "csv",
            "/dev/stdin",
            "--contest",
            "a",
            "--max-size",
            "50KB",
        ],
    ] {
        let input = if args[0] == "import" {
            "a,b,c\n".repeat(20_000)
        } else {
            endless.clone()
        };
        let (code, err, _) = bounded(args, Some(input.as_bytes()));
        assert_eq!(
            err,
            "error: /dev/stdin: gave more than 48.8 KiB, the limit for a pipe (--max-size raises it, e.g. --max-size 1MiB)\n",
            "{args:?}"
        );
        assert_eq!(code, Some(2), "{args:?}");
    }
}
