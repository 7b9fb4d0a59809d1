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

#[test]
fn on_a_terminal_clap_keeps_its_colours_and_nothing_else() {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_hustings"));
    cmd.args(["list", "--sort", "\u{1b}]0;pwned\u{7}\u{202e}"])
        .env_remove("NO_COLOR");
    let (code, bytes) = crate::support::pty::stderr_on_a_terminal(cmd);
    assert_eq!(code, Some(2));
    let err = String::from_utf8(bytes).unwrap();
    assert!(err.contains("␛]0;pwned␇\u{fffd}"), "{err:?}");
    // Every escape left is one of clap's colours (SGR: ESC [ digits and ; m).
    let sgr = |rest: &str| {
        rest.strip_prefix('[').is_some_and(|p| {
            let params = p.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';');
            params.starts_with('m')
        })
    };
    assert!(
        err.contains('\u{1b}'),
        "clap colours its error on a terminal: {err:?}"
    );
    for (at, _) in err.match_indices('\u{1b}') {
        assert!(sgr(&err[at + 1..]), "{err:?}");
    }
}
