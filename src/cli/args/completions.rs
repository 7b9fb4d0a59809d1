//! `hustings completions`.

use clap::Args;

pub(super) const EXAMPLES: &str = "\
Examples:
  hustings completions bash > ~/.local/share/bash-completion/completions/hustings
  hustings completions zsh > \"${fpath[1]}/_hustings\"
  hustings completions fish > ~/.config/fish/completions/hustings.fish";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_name = "SHELL", value_enum)]
    pub shell: clap_complete::Shell,
}
