use std::process::ExitCode;

use clap::Parser;

use hustings::cli::args::Cli;
use hustings::report::{safe, words};

/// A large dataset is tens of millions of small strings; mimalloc allocates them faster and
/// with less overhead per string than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: hustings::out_of_memory::ExitOnFailure<mimalloc::MiMalloc> =
    hustings::out_of_memory::ExitOnFailure(mimalloc::MiMalloc);

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return print_clap(&with_data_tip(err)),
    };
    // A command, not the explorer: see `huge_pages` for why only these.
    if cli.command.is_some() {
        hustings::huge_pages::turn_off();
    }
    match hustings::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Errors quote file names and values from the data: shown, never obeyed.
            eprintln!("error: {}", safe::message(&err.to_string()));
            ExitCode::from(2)
        }
    }
}

/// What clap has to say instead of running (an error, or --help or --version), with clap's
/// exit status (2 for an error). An error quotes the command line — an invalid value, an
/// unknown argument — so it is shown by the one rule: on a terminal with clap's colours and
/// no other escape, elsewhere plain.
fn print_clap(err: &clap::Error) -> ExitCode {
    use std::io::{IsTerminal, Write};
    let code = ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
    if !err.use_stderr() {
        // Help and version: the program's own words, to stdout as clap prints them.
        let _ = err.print();
        return code;
    }
    let rendered = err.render();
    let shown = if std::io::stderr().is_terminal() && words::colour_allowed() {
        safe::keeping_colour(&rendered.ansi().to_string())
    } else {
        safe::message_lines(&rendered.to_string())
    };
    // Nothing to report a failed write to stderr to.
    let _ = std::io::stderr().write_all(shown.as_bytes());
    code
}

/// A dataset file given where only `--data` takes one (`hustings list ge2019.json`): clap's
/// "unexpected argument" gains a tip with the command line that works.
fn with_data_tip(mut err: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let Some(ContextValue::String(arg)) = err.get(ContextKind::InvalidArg).cloned() else {
        return err;
    };
    let looks_like_a_file = !arg.starts_with('-') && {
        let path = std::path::Path::new(&arg);
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            || path.is_file()
    };
    if err.kind() != ErrorKind::UnknownArgument || !looks_like_a_file {
        return err;
    }
    let words: Vec<String> = std::env::args()
        .skip(1)
        .map(|a| if a == arg { format!("--data {a}") } else { a })
        .collect();
    let tip = format!(
        "a dataset file is given with --data: 'hustings {}'",
        words.join(" ")
    );
    err.insert(
        ContextKind::Suggested,
        ContextValue::StyledStrs(vec![tip.into()]),
    );
    err
}

/// A reader that stops early (`hustings list | head -1`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
