//! Exporting from the explorer: `e` / `E` ask for a file name in the status line and write the
//! selected contest / the listed contests there, as Markdown or CSV by the name's extension
//! (atomically, asking before replacing a file) — in the rounds view a CSV of the selected
//! contest is its count, every round, as `show --format csv` writes it; `y` / `Y` send them to
//! the clipboard as Markdown with OSC 52. The bytes come from `crate::explorer::export`, the
//! same report code as the CLI, made off the UI thread (`Effect::Export`), a file written as it
//! is made. One export runs at a time, and the status bar says so until it is done.

use std::path::PathBuf;
use std::sync::Arc;

use crate::explorer::action::Action;
use crate::explorer::app::{App, Field, Overlay, TextInput};
use crate::explorer::effect::Effect;
use crate::explorer::export::{self, Destination, ExportFormat, ExportTarget, Exported, Source};
use crate::report::words::thousands;

/// Terminals commonly cap OSC 52 payloads around here; larger copies may be dropped.
const OSC52_COMFORTABLE: usize = 74_994;

impl App {
    fn export_source(&self) -> Option<Source<'_>> {
        let data = self.data.as_ref()?;
        Some(Source::of(
            data,
            &self.query,
            &self.rows,
            self.selected_index(),
            self.rounds_shown(),
        ))
    }

    /// Whether the rounds view is showing: a CSV of the selected contest is then its count.
    fn rounds_shown(&self) -> bool {
        self.view == crate::explorer::screen::View::Rounds
    }

    /// Asks the worker to render `target` as `format` for `to`, as listed and selected now.
    fn ask_export(
        &mut self,
        target: ExportTarget,
        format: ExportFormat,
        what: String,
        to: Destination,
    ) {
        let Some(data) = self.data.clone() else {
            return;
        };
        let going = match &to {
            Destination::File { typed, .. } => format!("{what} to {typed}"),
            Destination::Clipboard => format!("{what} to the clipboard"),
        };
        self.exporting = Some(going);
        self.quit_warned = false;
        self.outbox.push(Effect::Export(Box::new(export::Request {
            data,
            query: self.query.clone(),
            rows: Arc::clone(&self.rows),
            selected: self.selected_index(),
            rounds: self.rounds_shown(),
            target,
            format,
            what,
            to,
        })));
    }

    /// The export actions, and Enter / Esc / y / n while an export asks something; the rest
    /// are handed back.
    pub(super) fn update_export(&mut self, action: Action) -> Option<Action> {
        if let Overlay::Confirm(_) = self.overlay {
            return match action {
                Action::Answer(yes) => {
                    self.answer(yes);
                    None
                }
                Action::Back => {
                    self.answer(false);
                    None
                }
                a @ (Action::Quit
                | Action::Suspend
                | Action::Tick
                | Action::Resize(..)
                | Action::Loaded(_)
                | Action::Preview(_)
                | Action::LoadFailed(_)
                | Action::SetQuery(_)) => Some(a),
                // Nothing else happens until the question is answered.
                _ => None,
            };
        }
        let exporting = match &self.overlay {
            Overlay::Input(TextInput {
                field: Field::Export(target),
                ..
            }) => Some(*target),
            _ => None,
        };
        match (action, exporting) {
            // Quitting stops the export (its file is never left half written), so it is said
            // first.
            (Action::Quit, _)
                if !self.quit_warned
                    && let Some(what) = &self.exporting =>
            {
                let what = what.clone();
                self.quit_warned = true;
                self.say(format!("still exporting {what}: q again quits without it"));
                None
            }
            (Action::StartExport(_) | Action::Copy(_), _)
                if self.overlay == Overlay::None
                    && let Some(what) = &self.exporting =>
            {
                let what = what.clone();
                self.say(format!("one export at a time: still exporting {what}"));
                None
            }
            (Action::StartExport(_) | Action::Copy(_), _)
                if self.preview && self.overlay == Overlay::None =>
            {
                // The first contests are not the data: an export of them would read as whole.
                self.say(format!(
                    "still loading the whole file: exports and copies wait until it is in (first {} contests so far)",
                    thousands(self.total() as u64)
                ));
                None
            }
            (Action::Copy(ExportTarget::List), _)
                if self.searching.is_some() && self.overlay == Overlay::None =>
            {
                // The rows listed are the query's before, or the search's first (the selected
                // contest is whole).
                self.still_searching("copy", "");
                None
            }
            (Action::StartExport(target), _) if self.overlay == Overlay::None => {
                self.start_export(target);
                None
            }
            (Action::Copy(target), _) if self.overlay == Overlay::None => {
                self.copy(target);
                None
            }
            (Action::Confirm, Some(ExportTarget::List)) if self.searching.is_some() => {
                // The prompt stays open until every row is in.
                self.still_searching("export", "; Enter again then");
                None
            }
            (Action::Confirm, Some(target)) => {
                self.export_to_typed_name(target);
                None
            }
            (other, _) => Some(other),
        }
    }

    fn start_export(&mut self, target: ExportTarget) {
        let Some(source) = self.export_source() else {
            return;
        };
        if target == ExportTarget::Selected && source.selected.is_none() {
            self.complain("no contest is selected: nothing to export".into());
            return;
        }
        if target == ExportTarget::List && source.listing.rows.is_empty() {
            self.complain("no contests are listed: nothing to export".into());
            return;
        }
        let text = export::default_name(&source, target);
        // Offered selected: the first character typed replaces it.
        self.overlay = Overlay::Input(TextInput::suggested(Field::Export(target), text));
    }

    /// Says the list's `what` (export or copy) waits for the search being run to find every
    /// row, then what to do (`then`).
    fn still_searching(&mut self, what: &str, then: &str) {
        let so_far = if self.rows_in_part {
            format!(" (first {} so far)", self.rows.len())
        } else {
            String::new()
        };
        self.say(format!(
            "still searching: the list's {what} waits until every row is found{so_far}{then}"
        ));
    }

    /// Enter in the file-name prompt: write, or ask before replacing, or say what is wrong.
    fn export_to_typed_name(&mut self, target: ExportTarget) {
        let Overlay::Input(input) = &self.overlay else {
            return;
        };
        let typed = input.text.trim().to_string();
        if typed.is_empty() {
            return self.refuse("type a file name ending in .md or .csv".into());
        }
        let path = expand_home(&typed);
        let Some(format) = ExportFormat::for_path(&path) else {
            return self.refuse("the name must end in .md (Markdown) or .csv".into());
        };
        let Some(source) = self.export_source() else {
            return;
        };
        let rounds = if export::is_rounds_csv(&source, target, format) {
            ", every round,"
        } else {
            ""
        };
        let what = format!(
            "{}{rounds} as {}",
            export::describe(&source, target),
            format.as_str()
        );
        self.overlay = Overlay::None;
        let to = Destination::File {
            typed,
            path,
            overwrite: false,
        };
        self.ask_export(target, format, what, to);
    }

    /// How an export went: written, copied (the sequence for the loop to send), refused, or
    /// its file found to exist (asked about once nothing else is open; the export is under way
    /// until that is answered).
    pub(super) fn exported(&mut self, exported: Exported) {
        match exported {
            Exported::Exists(request) => self.question_waiting = Some(request),
            Exported::Written { what, typed, bytes } => {
                self.export_done();
                self.say(format!(
                    "wrote {what} to {typed} ({} bytes)",
                    thousands(bytes)
                ));
            }
            Exported::Copied { what, size, osc52 } => {
                self.export_done();
                self.outbox.push(Effect::Clipboard(osc52));
                let large = if size > OSC52_COMFORTABLE {
                    " — large: some terminals drop copies this big"
                } else {
                    ""
                };
                self.say(format!(
                    "sent to clipboard (OSC 52): {what} as Markdown ({} bytes){large}",
                    thousands(size as u64)
                ));
            }
            Exported::Failed { to, message } => {
                self.export_done();
                self.complain(match to {
                    Destination::File { .. } => format!("export failed: {message}"),
                    Destination::Clipboard => format!("nothing copied: {message}"),
                });
            }
        }
    }

    /// No export is under way any more: another may start, and `q` quits at once.
    fn export_done(&mut self) {
        self.exporting = None;
        self.quit_warned = false;
    }

    fn answer(&mut self, yes: bool) {
        let Overlay::Confirm(request) = std::mem::take(&mut self.overlay) else {
            return;
        };
        if yes {
            self.outbox
                .push(Effect::Export(Box::new(request.replacing())));
        } else {
            self.export_done();
            self.say(format!("not written: {} already exists", request.typed()));
        }
    }

    /// Asks whether to replace an export's file, if that waits and nothing else is open.
    pub(super) fn ask_waiting_question(&mut self) {
        if self.overlay == Overlay::None
            && let Some(request) = self.question_waiting.take()
        {
            self.overlay = Overlay::Confirm(request);
        }
    }

    /// Sends the selected contest or the list, as Markdown, to the clipboard with OSC 52.
    fn copy(&mut self, target: ExportTarget) {
        let Some(source) = self.export_source() else {
            return;
        };
        if target == ExportTarget::Selected && source.selected.is_none() {
            return self.complain("nothing copied: no contest is selected".into());
        }
        let mut what = export::describe(&source, target);
        if let (ExportTarget::Selected, Some(c)) = (target, self.selected_contest()) {
            // The id is what `show`, `history` and `compare` take: said, and in the Markdown.
            what = format!("{what} ({})", c.id);
        }
        self.ask_export(target, ExportFormat::Markdown, what, Destination::Clipboard);
    }
}

/// `~/x` → `$HOME/x`; anything else as typed (relative names are in the current directory).
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}
