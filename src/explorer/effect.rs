//! Side effects asked for by `App::update`. `update` never writes a file, touches the
//! terminal or starts a load: it leaves an [`Effect`] in the app's outbox, and the event loop
//! carries each out and reports back with an action (see [`write`]). So `update` stays a
//! pure function of state and action, and tests read the outbox instead of a terminal or disk.

use std::path::PathBuf;
use std::sync::Arc;

use crate::atomic::{self, WriteError};
use crate::explorer::aggregates::Request;
use crate::explorer::background_work::{Job, Worker};
use crate::explorer::{export, search};

/// Something for the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write a file atomically, off the UI thread (`FileWriter`); replace an existing one only
    /// when `overwrite` (the user said yes).
    Write { file: PendingWrite, overwrite: bool },
    /// Write this OSC 52 sequence to the terminal, putting its text on the clipboard.
    Clipboard(String),
    /// Load the data files again.
    Reload,
    /// Give the terminal back, stop the process (job control), and take the terminal again
    /// and redraw everything when continued.
    Suspend,
    /// Work out a view's data for a large list off the UI thread (`background_work`),
    /// answering with `Action::ViewData`.
    WorkOut(Request),
    /// Run a search of a large dataset off the UI thread (`background_work`), answering with
    /// `Action::Found`.
    Search(Box<search::Request>),
    /// Render an export off the UI thread (`export::ExportWorker`), answering with
    /// `Action::Exported`.
    Export(Box<export::Request>),
}

/// An export on its way to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingWrite {
    /// The file as typed (for messages) and as resolved.
    pub typed: String,
    pub path: PathBuf,
    /// Shared, not copied, between the app (which may ask before replacing a file) and the
    /// thread that writes them: an export can be hundreds of megabytes.
    pub bytes: Arc<Vec<u8>>,
    /// What is written, e.g. `Stockport Labour selection as Markdown`.
    pub what: String,
}

/// How a write went, for `update` to tell the user (or to ask before replacing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Done(PendingWrite),
    /// The file exists (it may have appeared since the name was typed): ask first.
    Exists(PendingWrite),
    Failed(String),
}

/// How long ending the explorer waits for an export's file being written to be finished.
pub const WRITE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

/// The thread that writes exports' files: hundreds of megabytes, and their sync to disk, take
/// a second or more.
pub type FileWriter = Worker<FileWrite>;

/// An [`Effect::Write`], for the `FileWriter`. One at a time (the app runs one export at a
/// time), so none is superseded.
pub struct FileWrite {
    pub file: PendingWrite,
    pub overwrite: bool,
}

impl Job for FileWrite {
    type Answer = Written;
    const THREAD: &'static str = "hustings-write";

    fn work_out(&self) -> Written {
        write(self.file.clone(), self.overwrite)
    }

    fn failed(&self) -> Written {
        Written::Failed("writing it failed (a bug: please report it)".into())
    }
}

/// Carries out an [`Effect::Write`] and says how it went (for `Action::Written`).
pub fn write(file: PendingWrite, overwrite: bool) -> Written {
    match atomic::write(&file.path, &file.bytes, overwrite) {
        Ok(()) => Written::Done(file),
        Err(WriteError::Exists(_)) => Written::Exists(file),
        Err(e) => Written::Failed(e.to_string()),
    }
}
