use std::process::ExitCode;

use clap::Parser;

use hustings::cli::args::Cli;
use hustings::report::safe;

/// A large dataset is tens of millions of small strings; mimalloc allocates them faster and
/// with less overhead per string than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
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

/// A reader that stops early (`hustings list | head -1`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
