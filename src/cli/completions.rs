//! `hustings completions SHELL`: a completion script generated from the clap definitions.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::args::Cli;

pub fn run(shell: Shell, out: &mut impl Write) -> Result<u8> {
    // clap_complete panics on a failed write; render to memory, then write (a closed pipe
    // then surfaces as an ordinary error that main treats as success).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "hustings", &mut script);
    out.write_all(&script)?;
    Ok(0)
}
