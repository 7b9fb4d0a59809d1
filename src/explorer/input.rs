//! The terminal's events, read on a thread of their own and handed to the event loop through
//! a channel. So quitting never waits for the UI thread: when `q` (in the list) or Ctrl-c
//! arrives and the loop has not handled it within [`QUIT_GRACE`] — it may be drawing a
//! contest of a hundred thousand candidates — this thread gives the terminal back and ends
//! the process itself, with the status the loop would have given. Nothing being computed is
//! needed to quit. A key the loop has handled is its to act on: it quits, or says first what
//! quitting would lose.

use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, Event};

use crate::explorer::action::Action;
use crate::explorer::keymap::{self, Mode};
use crate::explorer::terminal;

/// How long the event loop has to act on a quitting key before this thread ends the process.
/// Well under the 100 ms in which a quit must be seen to happen.
const QUIT_GRACE: Duration = Duration::from_millis(40);

/// What the reading thread and the event loop share.
struct Shared {
    /// The mode keys are read in, as of the last event the loop handled.
    mode: Mutex<Mode>,
    /// Events the loop has handled (`mode` is up to date as of this many).
    handled: AtomicU64,
}

/// The events, as the reading thread sends them; `None` is a nudge (`Input::nudger`).
pub struct Input {
    events: Receiver<Option<io::Result<Event>>>,
    nudges: Sender<Option<io::Result<Event>>>,
    shared: Arc<Shared>,
}

impl Input {
    /// Starts the reading thread.
    pub fn start() -> Result<Input> {
        let shared = Arc::new(Shared {
            mode: Mutex::new(Mode::Normal),
            handled: AtomicU64::new(0),
        });
        let (send, events) = mpsc::channel();
        let nudges = send.clone();
        let reader = Arc::clone(&shared);
        thread::Builder::new()
            .name("terminal-input".into())
            .spawn(move || {
                let mut sent = 0u64;
                loop {
                    let event = event::read();
                    // Only a key read with every earlier event handled is read in the mode
                    // the user saw: a `q` typed ahead into a search being opened is a letter.
                    let status = match &event {
                        Ok(Event::Key(key)) => quit_status(*key, &reader, sent),
                        _ => None,
                    };
                    let failed = event.is_err();
                    if send.send(Some(event)).is_err() || failed {
                        return;
                    }
                    sent += 1;
                    if let Some(status) = status {
                        thread::sleep(QUIT_GRACE);
                        if reader.handled.load(Ordering::SeqCst) >= sent {
                            // The loop has handled the key: it is quitting, or it chose not to
                            // (it asks first while an export is under way).
                            continue;
                        }
                        // Still running: the loop is busy. Quitting needs nothing it computes.
                        terminal::restore();
                        crate::atomic::finish_writes(crate::atomic::FINISH_PATIENCE);
                        // `_exit`, not `exit`: the main thread may be ending the process at
                        // this very moment, and two `exit`s at once are undefined in C.
                        // SAFETY: ends the process; `restore` has flushed what it wrote.
                        unsafe { libc::_exit(i32::from(status)) }
                    }
                }
            })
            .context("cannot start reading the terminal")?;
        Ok(Input {
            events,
            nudges,
            shared,
        })
    }

    /// Something that ends the wait of [`Input::next`] early, for a thread whose work the
    /// loop waits for (a worker's answer is shown as soon as it is sent, not at the next tick).
    pub fn nudger(&self) -> impl Fn() + Send + 'static {
        let nudges = self.nudges.clone();
        move || {
            // Fails only once the loop has gone.
            let _ = nudges.send(None);
        }
    }

    /// The next event, waiting at most `tick`: `None` when none came (or a nudge did).
    pub fn next(&self, tick: Duration) -> Result<Option<Event>> {
        match self.events.recv_timeout(tick) {
            Ok(Some(event)) => Ok(Some(event?)),
            Ok(None) | Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => {
                Err(anyhow::anyhow!("the terminal can no longer be read"))
            }
        }
    }

    /// Says an event has been handled and what mode keys are now read in.
    pub fn handled(&self, mode: Mode) {
        *self
            .shared
            .mode
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = mode;
        self.shared.handled.fetch_add(1, Ordering::SeqCst);
    }
}

/// The exit status `key` quits with, if it quits: Ctrl-c always, `q` only in the mode the
/// user saw (all `sent` events before it handled).
fn quit_status(key: event::KeyEvent, shared: &Shared, sent: u64) -> Option<u8> {
    let up_to_date = shared.handled.load(Ordering::SeqCst) == sent;
    let mode = *shared.mode.lock().unwrap_or_else(PoisonError::into_inner);
    match keymap::action_for(key, mode) {
        Some(Action::Interrupt) => Some(terminal::EXIT_INTERRUPTED),
        Some(Action::Quit) if up_to_date => Some(0),
        _ => None,
    }
}
