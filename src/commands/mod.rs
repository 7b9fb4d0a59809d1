//! One file per subcommand; each writes to a `Write` so tests can capture its output.

pub mod schema;
mod validate;

use std::io::{self, Write};

use anyhow::{Result, bail};

use crate::cli::{Cli, Command};

/// Runs what the command line asks for; returns the process exit status.
pub fn run(cli: Cli) -> Result<u8> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let code = match cli.command {
        Some(Command::Validate(args)) => {
            validate::run(&cli.data.sources(&args.paths), args.strict, &mut out)?
        }
        Some(Command::Schema) => schema::run(&mut out)?,
        None => bail!("the explorer is not built yet; use `hustings validate` to check a dataset"),
    };
    out.flush()?;
    Ok(code)
}
