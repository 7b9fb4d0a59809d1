//! The terminal in explorer mode, and the guarantee that it is given back as it was — raw mode
//! off, main screen, cursor shown, mouse released, bracketed paste off — however the explorer
//! ends: a normal quit or error (dropping the `Session`), a panic on any thread (the panic
//! hook), or SIGTERM, SIGHUP or SIGINT (the `Signals` flag, which the event loop checks and then
//! returns normally; a watchdog ends the process should the loop be stuck on a terminal that
//! has hung up). All of these go through `restore`, which undoes everything `Session::start`
//! turns on.
//!
//! Exit statuses: 0 quit, 2 error, 101 panic, 128 + N for signal N (129 SIGHUP, 130 SIGINT and
//! Ctrl-c, 143 SIGTERM).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::io::{self, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::thread;
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::prelude::CrosstermBackend;
use ratatui::{DefaultTerminal, Terminal};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGSTOP, SIGTERM, SIGTSTP};

/// Exit status after a panic (the same as Rust's own).
pub const EXIT_PANIC: u8 = 101;
/// Exit status after Ctrl-c, as if interrupted by SIGINT.
pub const EXIT_INTERRUPTED: u8 = 128 + SIGINT as u8;

/// Whether the terminal is in explorer mode (what the panic hook must undo).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

thread_local! {
    /// Set while `catch_panic` runs on this thread: its panics are reported, not fatal.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// Where the last caught panic happened (the hook knows, the payload does not).
    static CAUGHT_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The terminal in explorer mode; dropping it restores the terminal.
pub struct Session {
    pub terminal: DefaultTerminal,
    /// Whether the mouse is captured (to capture it again after a suspension).
    mouse: bool,
}

impl Session {
    /// Raw mode, alternate screen, bracketed paste (a paste arrives as one `Event::Paste`,
    /// never as keys), and mouse capture if `mouse`. `restore` undoes each of them.
    pub fn start(mouse: bool) -> Result<Session> {
        install_panic_hook();
        // Marked active first, so a failure half-way is undone too.
        ACTIVE.store(true, Ordering::SeqCst);
        let session = Session {
            terminal: Terminal::new(CrosstermBackend::new(io::stdout()))
                .context("cannot set up the terminal")?,
            mouse,
        };
        enter(mouse)?;
        Ok(session)
    }

    /// Job control, as every full-screen program does it: gives the terminal back (so the
    /// shell's prompt is usable), stops the process with SIGSTOP, and once continued (`fg`)
    /// takes the terminal again and forgets what was on it, so the next frame is drawn whole.
    pub fn suspend(&mut self) -> Result<()> {
        restore();
        // Returns when SIGCONT continues the process.
        signal_hook::low_level::raise(SIGSTOP).context("cannot suspend")?;
        self.resume()
    }

    /// Takes the terminal again after the process was stopped and continued, however it was
    /// stopped (by `suspend`, or by a SIGSTOP from outside, after which the shell may have
    /// reset the terminal's modes): every mode is set afresh and the next frame drawn whole.
    pub fn resume(&mut self) -> Result<()> {
        ACTIVE.store(true, Ordering::SeqCst);
        // crossterm skips enabling raw mode it believes is on; the shell may have turned it off.
        let _ = disable_raw_mode();
        enter(self.mouse)?;
        // Cleared by a resize to the terminal's size, not `Terminal::clear`: that asks the
        // terminal where its cursor is, and the reply would go to the input thread, which owns
        // the terminal's input (the wait for it times out).
        let size = self.terminal.size().context("cannot redraw the terminal")?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
            .context("cannot redraw the terminal")
    }
}

/// Raw mode, alternate screen, bracketed paste and, if `mouse`, mouse capture.
fn enter(mouse: bool) -> Result<()> {
    enable_raw_mode().context("cannot set up the terminal")?;
    execute!(io::stdout(), EnterAlternateScreen).context("cannot set up the terminal")?;
    execute!(io::stdout(), EnableBracketedPaste).context("cannot set up the terminal")?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture).context("cannot capture the mouse")?;
    }
    Ok(())
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back if it is in explorer mode; safe to call more than once, from any
/// thread. Errors are ignored: after SIGHUP there may be no terminal left to write to.
pub fn restore() {
    // Held throughout: a second caller (a thread about to end the process) waits until the
    // terminal is wholly given back, rather than ending it half-way.
    static RESTORING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _restoring = RESTORING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture);
    // Left on, the shell would see every later paste wrapped in `ESC [200~ … ESC [201~`.
    let _ = execute!(out, DisableBracketedPaste);
    let _ = disable_raw_mode();
    // The cursor is shown after leaving the alternate screen, in case the terminal keeps
    // cursor visibility per screen.
    let _ = execute!(out, LeaveAlternateScreen, Show);
    let _ = out.flush();
}

/// A panic outside `catch_panic` restores the terminal, prints the usual message on the main
/// screen and ends the process with status 101 — even on a background thread, which would
/// otherwise die quietly and leave the explorer running half-broken.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                CAUGHT_AT.with(|c| *c.borrow_mut() = at);
                return;
            }
            let was_active = ACTIVE.load(Ordering::SeqCst);
            restore();
            previous(info);
            if was_active {
                std::process::exit(i32::from(EXIT_PANIC));
            }
        }));
    });
}

/// Runs `f`, turning a panic into an error message instead of ending the explorer (used for
/// loading, so a bug triggered by a strange file costs a reload, not the session).
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_panic_hook();
    CATCHING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    result.map_err(|payload| {
        let at = CAUGHT_AT.with(|c| c.borrow_mut().take());
        let at = at.map_or(String::new(), |at| format!(" at {at}"));
        format!(
            "internal error{at}: {} (a bug in hustings; please report it)",
            panic_message(payload.as_ref())
        )
    })
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "panic"
    }
}

/// SIGTERM, SIGHUP and SIGINT, noted for the event loop to end on. A second signal while the
/// first is still pending ends the process at once (an escape hatch should the loop hang).
///
/// The loop is not always free to notice: once the terminal has hung up (an SSH connection
/// dropped, a tmux pane killed), crossterm's reader spins inside `event::poll` and never
/// returns (crossterm-rs/crossterm#793). So a watchdog thread waits for the same signals and,
/// if the loop has not ended the process within `GRACE`, restores what it can and exits with
/// the same status. A second watchdog turns a hung-up terminal into SIGHUP, for the case where
/// no signal is sent (the explorer started under `nohup` or by a shell that ignores SIGHUP).
pub struct Signals {
    received: Arc<AtomicUsize>,
    /// SIGTSTP (`kill -TSTP`; Ctrl-z itself arrives as a key), for the loop to suspend on.
    stop_asked: Arc<AtomicBool>,
    /// SIGCONT: the process was stopped and continued, and the terminal must be taken again.
    continued: Arc<AtomicBool>,
}

/// How long the event loop has to end normally after a signal before the watchdog ends the
/// process itself. The loop wakes at least every 250 ms, so this is only reached when stuck.
const GRACE: Duration = Duration::from_millis(1500);
/// How often the hang-up watchdog looks at the terminal.
const HANGUP_CHECK: Duration = Duration::from_secs(1);

impl Signals {
    pub fn install() -> Result<Signals> {
        let received = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(AtomicBool::new(false));
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            // Registered first, so it sees `seen` as it was before this signal.
            signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&seen))
                .context("cannot install signal handlers")?;
            signal_hook::flag::register(sig, Arc::clone(&seen))
                .context("cannot install signal handlers")?;
            signal_hook::flag::register_usize(sig, Arc::clone(&received), sig as usize)
                .context("cannot install signal handlers")?;
        }
        let mut waiting = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
            .context("cannot install signal handlers")?;
        thread::Builder::new()
            .name("signal-watchdog".into())
            .spawn(move || {
                if let Some(sig) = waiting.forever().next() {
                    thread::sleep(GRACE);
                    restore();
                    // An export being made is stopped, one being renamed finished.
                    crate::atomic::finish_writes(crate::atomic::FINISH_PATIENCE);
                    std::process::exit(128 + sig);
                }
            })
            .context("cannot start the signal watchdog")?;
        // Only a terminal on stdin can hang up; a pipe's end is not the user leaving.
        if io::stdin().is_terminal() {
            thread::Builder::new()
                .name("hangup-watchdog".into())
                .spawn(|| {
                    while !terminal_hung_up() {
                        thread::sleep(HANGUP_CHECK);
                    }
                    let _ = signal_hook::low_level::raise(SIGHUP);
                })
                .context("cannot start the hang-up watchdog")?;
        }
        let stop_asked = Arc::new(AtomicBool::new(false));
        let continued = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&stop_asked))
            .context("cannot install signal handlers")?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&continued))
            .context("cannot install signal handlers")?;
        Ok(Signals {
            received,
            stop_asked,
            continued,
        })
    }

    /// Whether SIGTSTP arrived since the last call.
    pub fn take_stop(&self) -> bool {
        self.stop_asked.swap(false, Ordering::SeqCst)
    }

    /// Whether SIGCONT arrived since the last call.
    pub fn take_continued(&self) -> bool {
        self.continued.swap(false, Ordering::SeqCst)
    }

    /// The exit status for the signal received, if any (128 + its number).
    pub fn exit_status(&self) -> Option<u8> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            sig => Some(128u8.saturating_add(sig as u8)),
        }
    }
}

/// Whether the terminal on standard input has gone (the kernel reports POLLHUP or POLLERR,
/// or the descriptor is no longer valid).
fn terminal_hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, zero timeout; poll only writes `revents`.
    let ready = unsafe { libc::poll(&raw mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_becomes_a_message_with_its_place() {
        let result: Result<(), String> = catch_panic(|| panic!("index {} out of range", 7));
        let message = result.unwrap_err();
        assert!(
            message.starts_with("internal error at src/explorer/terminal.rs:"),
            "{message}"
        );
        assert!(message.contains("index 7 out of range"), "{message}");
        assert_eq!(catch_panic(|| 5), Ok(5));
    }
}
