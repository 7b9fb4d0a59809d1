//! Running the explorer in a real terminal: set it up (`terminal`), load the data in the
//! background and reload it when asked or when a file changes (`loader`), turn events into
//! actions, draw, and always give the terminal back as it was — on quit, on error, on a panic,
//! and on SIGTERM, SIGHUP or SIGINT.

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc::TryRecvError;
use std::time::Duration;

use anyhow::{Result, bail};
use ratatui::crossterm::event::Event;

use crate::explorer::action::Action;
use crate::explorer::aggregates::ViewWorker;
use crate::explorer::app::{App, ScrollLimits};
use crate::explorer::background_load::{Loader, Outcome};
use crate::explorer::effect::Effect;
use crate::explorer::export::ExportWorker;
use crate::explorer::input::Input;
use crate::explorer::keymap;
use crate::explorer::search::SearchWorker;
use crate::explorer::terminal::{self, Session, Signals};
use crate::explorer::theme::Theme;
use crate::explorer::ui;
use crate::load::{self, DataSource};
use crate::query::from_input::QuerySpec;

/// Set to `1` (by tests) to panic once the first frame with data is drawn, proving that a
/// panic gives the terminal back.
const DEBUG_PANIC: &str = "HUSTINGS_DEBUG_PANIC";

/// What the explorer opens, as the command line gave it.
#[derive(Debug, Clone)]
pub struct ExplorerOptions {
    pub sources: Vec<DataSource>,
    /// Filters and sort to start with (resolved against the data once it is loaded).
    pub spec: QuerySpec,
    /// Capture the mouse (off: the terminal's own text selection works).
    pub mouse: bool,
    /// Reload when a data file changes.
    pub watch: bool,
    /// Start sorted by the change since each seat's previous contest (`--sort change`).
    pub sort_by_change: bool,
    /// The map of view 9 (`--map`); default: the built-in map that places the most contests.
    pub map: Option<crate::map::HexMap>,
}

/// How often the loop wakes while waiting for data (animates the spinner).
const LOADING_TICK: Duration = Duration::from_millis(80);
/// How often the loop wakes when idle, to notice a signal or a finished reload.
const IDLE_TICK: Duration = Duration::from_millis(250);
/// How often the loop wakes while the view shown waits for its data from the worker, or the
/// list for a search's rows: a frame, so they are shown as soon as they are ready.
const AWAITING_TICK: Duration = Duration::from_millis(16);

/// Runs the explorer until the user quits; returns the exit status (128 + signal number
/// when ended by a signal). Errors (no terminal, a load error, an unknown filter name) are
/// returned after the terminal has been restored, for the caller to print.
pub fn run(options: ExplorerOptions) -> Result<u8> {
    if !io::stdout().is_terminal() {
        // A misspelt name or a backwards range is the more useful thing to hear about.
        let filtered = options.spec
            != QuerySpec {
                sort: options.spec.sort,
                ..QuerySpec::default()
            };
        if filtered {
            let loaded = load::load(&options.sources)?;
            options.spec.resolve(&loaded.dataset)?;
        }
        bail!(
            "the explorer needs a terminal, but standard output is not one; \
             use `hustings list` or `hustings show ID` to print contests"
        );
    }
    let signals = Signals::install()?;
    let names = options.sources.iter().map(DataSource::name).collect();
    let loader = Loader::start(options.sources, options.spec, options.watch);
    let mut session = Session::start(options.mouse)?;
    let input = Input::start()?;
    let size = session.terminal.size()?;
    let mut app = App::new(names, Theme::from_env(), size.width, size.height);
    app.sort_by_change = options.sort_by_change;
    if let Some(map) = options.map {
        app.views.map.use_map(map);
    }
    let background = Background {
        loader,
        views: ViewWorker::start_waking(input.nudger()),
        search: SearchWorker::start_waking(input.nudger()),
        export: ExportWorker::start_waking(input.nudger()),
    };
    let outcome = event_loop(&mut session, &mut app, &background, &signals, &input);
    drop(session);
    // An export still being made is stopped, its temporary file deleted; one being synced or
    // renamed is finished. No temporary file is left behind.
    crate::atomic::finish_writes(crate::atomic::FINISH_PATIENCE);
    // The process ends now: freeing a large dataset piece by piece would hold up the exit
    // after `q` by up to a second, for nothing.
    std::mem::forget(app);
    outcome
}

/// The threads working for the event loop: loading, a large list's view data, a large
/// dataset's search, and exports.
struct Background {
    loader: Loader,
    views: ViewWorker,
    search: SearchWorker,
    export: ExportWorker,
}

fn event_loop(
    session: &mut Session,
    app: &mut App,
    background: &Background,
    signals: &Signals,
    input: &Input,
) -> Result<u8> {
    let loader = &background.loader;
    let debug_panic = std::env::var_os(DEBUG_PANIC).is_some_and(|v| v == "1");
    let mut dirty = true;
    loop {
        if let Some(status) = signals.exit_status() {
            return Ok(status);
        }
        if signals.take_stop() {
            feed(app, Action::Suspend);
            carry_out_effects(app, background, session, signals)?;
            dirty = true;
        }
        if signals.take_continued() {
            // Stopped from outside (SIGSTOP) and continued: the terminal may be the shell's.
            session.resume()?;
            let size = session.terminal.size()?;
            feed(app, Action::Resize(size.width, size.height));
            dirty = true;
        }
        let terminal = &mut session.terminal;
        if app.should_quit {
            return Ok(if app.interrupted {
                terminal::EXIT_INTERRUPTED
            } else {
                0
            });
        }
        if dirty {
            let mut limits = ScrollLimits::default();
            terminal.draw(|frame| limits = ui::render(frame, app))?;
            app.update(Action::Drawn(limits));
            dirty = false;
            assert!(
                !(debug_panic && app.data.is_some()),
                "{DEBUG_PANIC}=1: a deliberate panic after the first frame"
            );
        }
        match loader.try_recv() {
            Ok(outcome) => {
                deliver(app, loader, outcome)?;
                dirty = true;
                continue;
            }
            Err(TryRecvError::Disconnected) if app.data.is_none() || app.preview => {
                bail!("the loader stopped unexpectedly")
            }
            // Nothing new; or reloading has stopped (it cannot, short of a bug): browsing goes on.
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => {}
        }
        if let Some(found) = background.search.try_recv() {
            feed(app, Action::Found(Box::new(found)));
            carry_out_effects(app, background, session, signals)?;
            dirty = true;
            continue;
        }
        if let Some(rendered) = background.export.try_recv() {
            feed(app, Action::Exported(Box::new(rendered)));
            carry_out_effects(app, background, session, signals)?;
            dirty = true;
            continue;
        }
        if let Some(worked) = background.views.try_recv() {
            feed(app, Action::ViewData(Box::new(worked)));
            dirty = true;
            continue;
        }
        let tick = if app.data.is_none() {
            LOADING_TICK
        } else if app.views.awaiting() || app.searching.is_some() {
            AWAITING_TICK
        } else {
            IDLE_TICK
        };
        // After SIGHUP the terminal may be gone and reading it fail: the signal is the news.
        let event = match input.next(tick) {
            Ok(Some(event)) => event,
            Ok(None) => {
                if app.data.is_none() {
                    app.update(Action::Tick);
                    dirty = true;
                }
                continue;
            }
            Err(_) if signals.exit_status().is_some() => continue,
            Err(e) => return Err(e),
        };
        let action = match event {
            Event::Key(key) => keymap::action_for(key, app.mode()),
            Event::Paste(text) => keymap::action_for_paste(text, app.mode()),
            Event::Mouse(mouse) => app.mouse_action(mouse),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            feed(app, action);
            carry_out_effects(app, background, session, signals)?;
            dirty = true;
        }
        input.handled(app.mode());
    }
}

/// Does what `update` asked for, telling the app how each went; an effect's report may ask
/// for more (it does not today), so the outbox is emptied until it stays empty.
fn carry_out_effects(
    app: &mut App,
    background: &Background,
    session: &mut Session,
    signals: &Signals,
) -> Result<()> {
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            return Ok(());
        }
        for effect in effects {
            match effect {
                Effect::Clipboard(osc52) => {
                    // Terminals without OSC 52 ignore it; none says whether it worked.
                    let mut out = io::stdout();
                    out.write_all(osc52.as_bytes())?;
                    out.flush()?;
                }
                Effect::Reload => {
                    if let Err(why) = background.loader.reload() {
                        feed(app, Action::Notice(why));
                    }
                }
                Effect::WorkOut(request) => background.views.ask(request),
                Effect::Search(request) => background.search.ask(*request),
                // One at a time (the app refuses another meanwhile), so none is superseded.
                Effect::Export(request) => background.export.ask(*request),
                Effect::Suspend => {
                    session.suspend()?;
                    // The SIGCONT that ended it is dealt with.
                    signals.take_continued();
                    let size = session.terminal.size()?;
                    feed(app, Action::Resize(size.width, size.height));
                }
            }
        }
    }
}

/// Hands `action` to the app with the time it happens: what `update` tells the user is logged
/// with that time, while `update` itself never reads the clock.
fn feed(app: &mut App, action: Action) {
    app.update(Action::Clock(chrono::Local::now().time()));
    app.update(action);
}

/// Hands a finished load to the app: the first (with the command line's query), or a reload.
fn deliver(app: &mut App, loader: &Loader, outcome: Outcome) -> Result<()> {
    // One time for all it says: the log's time of "reloaded at …" is the time it gives.
    let now = chrono::Local::now();
    app.update(Action::Clock(now.time()));
    match outcome {
        Outcome::Preview(data, query) => {
            app.update(Action::SetQuery(query));
            app.update(Action::Preview(data));
        }
        Outcome::First(Ok((data, query))) => {
            // After a preview the query is the user's, as they may have changed it.
            if !app.preview {
                app.update(Action::SetQuery(query));
            }
            app.update(Action::Loaded(data));
            if let Some(e) = &loader.watch_error {
                app.update(Action::Notice(format!(
                    "not watching for changes ({e}); R reloads"
                )));
            }
        }
        Outcome::First(Err(message)) => bail!(message),
        Outcome::Reloaded(Ok(data)) => {
            app.update(Action::Loaded(data));
            let at = now.format("%H:%M:%S");
            app.update(Action::Notice(format!("reloaded at {at}")));
        }
        Outcome::Reloaded(Err(message)) => app.update(Action::LoadFailed(message)),
    }
    Ok(())
}
