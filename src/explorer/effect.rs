//! Side effects asked for by `App::update`. `update` never writes a file, touches the
//! terminal or starts a load: it leaves an [`Effect`] in the app's outbox, and the event loop
//! carries each out and reports back with an action. So `update` stays a
//! pure function of state and action, and tests read the outbox instead of a terminal or disk.

use crate::explorer::aggregates::Request;
use crate::explorer::{export, search};

/// Something for the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
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
    /// Make an export off the UI thread (`export::ExportWorker`): write its file atomically,
    /// or make its copy; answered with `Action::Exported`.
    Export(Box<export::Request>),
}
