//! Running the explorer in a real terminal: set it up, load the data in the background, turn
//! events into actions, draw, and always give the terminal back as it was — on quit, on error,
//! on a panic, and on SIGTERM, SIGHUP or SIGINT.

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use crate::action::Action;
use crate::app::{App, Data};
use crate::keymap;
use crate::load::{self, DataSource};
use crate::query::Query;
use crate::resolve::QuerySpec;
use crate::theme::Theme;
use crate::ui;

/// What the explorer opens, as the command line gave it.
#[derive(Debug, Clone)]
pub struct ExplorerOptions {
    pub sources: Vec<DataSource>,
    /// Filters and sort to start with (resolved against the data once it is loaded).
    pub spec: QuerySpec,
    /// Capture the mouse (off: the terminal's own text selection works).
    pub mouse: bool,
}

/// How often the loop wakes while waiting for data (animates the spinner).
const LOADING_TICK: Duration = Duration::from_millis(80);
/// How often the loop wakes when idle, to notice a signal.
const IDLE_TICK: Duration = Duration::from_millis(250);

/// Runs the explorer until the user quits; returns the exit status (128 + signal number
/// when ended by a signal). Errors (no terminal, a load error, an unknown filter name) are
/// returned after the terminal has been restored, for the caller to print.
pub fn run(options: ExplorerOptions) -> Result<u8> {
    if !io::stdout().is_terminal() {
        // A misspelt region or faction is the more useful thing to hear about.
        if !options.spec.regions.is_empty() || !options.spec.factions.is_empty() {
            let loaded = load::load(&options.sources)?;
            options.spec.resolve(&loaded.dataset)?;
        }
        bail!(
            "the explorer needs a terminal, but standard output is not one; \
             use `hustings list` or `hustings show ID` to print contests"
        );
    }
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)
            .context("cannot install signal handlers")?;
    }
    let names = options.sources.iter().map(DataSource::name).collect();
    let loading = spawn_load(options.sources, options.spec);
    let mut session = Session::start(options.mouse)?;
    let size = session.terminal.size()?;
    let mut app = App::new(names, Theme::from_env(), size.width, size.height);
    let outcome = event_loop(&mut session.terminal, &mut app, &loading, &signal);
    drop(session);
    outcome
}

/// A loaded dataset with the query from the command line resolved against it, or the one-line
/// error. The loop accepts these at any time: a reloader sends more on the same channel.
pub type LoadResult = Result<(Box<Data>, Query), String>;

/// Loads, resolves the starting query and indexes on a background thread.
fn spawn_load(sources: Vec<DataSource>, spec: QuerySpec) -> Receiver<LoadResult> {
    let (tx, rx) = mpsc::channel();
    load_in_background(sources, spec, tx);
    rx
}

/// Loads `sources` on a new thread and sends the result to `tx` (also for reloads).
pub fn load_in_background(sources: Vec<DataSource>, spec: QuerySpec, tx: Sender<LoadResult>) {
    thread::spawn(move || {
        let result = load::load(&sources)
            .map_err(|e| e.to_string())
            .and_then(|loaded| {
                let query = spec.resolve(&loaded.dataset).map_err(|e| e.to_string())?;
                Ok((Box::new(Data::new(loaded)), query))
            });
        // The receiver is gone only if the user already quit.
        let _ = tx.send(result);
    });
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    loading: &Receiver<LoadResult>,
    signal: &AtomicUsize,
) -> Result<u8> {
    let mut dirty = true;
    loop {
        match signal.load(Ordering::Relaxed) {
            0 => {}
            sig => return Ok(128u8.saturating_add(sig as u8)),
        }
        if app.should_quit {
            return Ok(0);
        }
        if dirty {
            terminal.draw(|frame| ui::render(frame, app))?;
            dirty = false;
        }
        match loading.try_recv() {
            Ok(Ok((data, query))) => {
                // The command line's query applies to the first load; a reload keeps
                // whatever the user has set since.
                if app.data.is_none() {
                    app.update(Action::SetQuery(query));
                }
                app.update(Action::Loaded(data));
                dirty = true;
                continue;
            }
            // With nothing on screen yet, a load error ends the explorer; after that the
            // last good data stays and the error shows in the status bar.
            Ok(Err(message)) if app.data.is_none() => bail!(message),
            Ok(Err(message)) => {
                app.update(Action::LoadFailed(message));
                dirty = true;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) if app.data.is_none() => {
                bail!("the loader stopped unexpectedly")
            }
            Err(TryRecvError::Disconnected) => {}
        }
        let tick = if app.data.is_none() {
            LOADING_TICK
        } else {
            IDLE_TICK
        };
        if !event::poll(tick)? {
            if app.data.is_none() {
                app.update(Action::Tick);
                dirty = true;
            }
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) => keymap::action_for(key, app.mode()),
            Event::Mouse(mouse) => app.mouse_action(mouse),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            app.update(action);
            dirty = true;
        }
    }
}

/// The terminal in explorer mode (raw, alternate screen, maybe mouse capture); dropping it
/// puts everything back. A panic hook does the same before the panic message is printed.
struct Session {
    terminal: DefaultTerminal,
    mouse: bool,
}

impl Session {
    fn start(mouse: bool) -> Result<Session> {
        // ratatui installs a panic hook that leaves raw mode and the alternate screen; ours,
        // around it, also releases the mouse and shows the cursor.
        let terminal = ratatui::try_init().context("cannot set up the terminal")?;
        let ratatui_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture, Show);
            ratatui_hook(info);
        }));
        let session = Session { terminal, mouse };
        if mouse {
            execute!(io::stdout(), EnableMouseCapture).context("cannot capture the mouse")?;
        }
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        let _ = execute!(io::stdout(), Show);
        ratatui::restore();
    }
}
