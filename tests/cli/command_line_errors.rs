//! clap's errors quote the command line: a value holding controls or bidi characters is shown
//! by the one rule, with clap's exit status and without colour when stderr is not a terminal.

use crate::support::cli::hustings;

#[test]
fn an_invalid_value_is_quoted_safely() {
    let runs: [&[&str]; 3] = [
        &["list", "--sort", "\u{202e}x"],
        &["list", "--format", "\u{1b}]0;pwned\u{7}"],
        &["show", "x", "--color", "\u{9b}2J"],
    ];
    for args in runs {
        let out = hustings(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: "), "{err}");
        if let Some(c) = err
            .chars()
            .find(|&c| c != '\n' && hustings::model::text::is_unsafe(c))
        {
            panic!("{args:?}: {c:?} in {err:?}");
        }
    }
    let out = hustings(&["list", "--sort", "\u{202e}x"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("'\u{fffd}x'"), "{err}");
}
