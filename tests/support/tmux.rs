//! The real binary in a real terminal: a tmux server of its own per test, driven by keys and
//! read back as text, with checks that the terminal is given back afterwards.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_hustings");
/// Generous: a debug build on a busy 2-core machine.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// A tmux server of its own (unique socket) running one `sh` in a fixed-size window. Dropping
/// it (also when a test fails) kills the server, which hangs up on whatever still runs in it.
pub struct Tmux {
    socket: String,
    /// Launches so far: each waits for a marker of its own, never one left by the last.
    launches: Cell<u32>,
}

impl Tmux {
    pub fn start(name: &str, width: u16, height: u16) -> Tmux {
        claim("tmux server", name);
        let tmux = Tmux {
            socket: format!("hustings-e2e-{}-{name}", std::process::id()),
            launches: Cell::new(0),
        };
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &w,
            "-y",
            &h,
            "env",
            "PS1=$ ",
            "sh",
        ]);
        assert!(out.status.success(), "tmux failed: {out:?}");
        // Keep the window exactly this size whatever clients do.
        tmux.run(&["set-option", "-g", "window-size", "manual"]);
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux is installed (CI installs it)")
    }

    /// Sends tmux key names (`j`, `Enter`, `Escape`...).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "t", "-l", text])
                .status
                .success()
        );
    }

    /// Pastes `text` as a terminal does: with `tmux load-buffer` and `paste-buffer -p`, so it
    /// arrives bracketed (`ESC [200~ … ESC [201~`) when the program asked for bracketed paste
    /// and plain otherwise; tmux sends each line feed as a carriage return, as terminals do.
    pub fn paste(&self, text: &str) {
        let mut load = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(["load-buffer", "-b", "e2e-paste", "-"])
            .stdin(Stdio::piped())
            .spawn()
            .expect("tmux is installed (CI installs it)");
        let mut stdin = load.stdin.take().expect("piped");
        stdin
            .write_all(text.as_bytes())
            .expect("tmux reads the buffer");
        drop(stdin);
        assert!(load.wait().expect("tmux load-buffer").success());
        let out = self.run(&["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", "t"]);
        assert!(out.status.success(), "tmux failed: {out:?}");
    }

    /// Lets the program set a paste buffer with OSC 52 (read back with `buffer`).
    pub fn accept_clipboard(&self) {
        let out = self.run(&["set-option", "-g", "set-clipboard", "on"]);
        assert!(out.status.success(), "tmux failed: {out:?}");
    }

    /// The newest paste buffer.
    pub fn buffer(&self) -> String {
        String::from_utf8_lossy(&self.run(&["show-buffer"]).stdout).into_owned()
    }

    /// The visible screen as text.
    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Polls the screen until `ready` holds; panics with the last screen at the deadline.
    /// A capture can land in the middle of drawing a frame, so `ready` should describe the
    /// whole state a test then asserts on, not just the first sign of it.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() <= DEADLINE,
                "timed out waiting for {what}; the screen was:\n{screen}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_text(&self, needle: &str) -> String {
        self.wait_for(&format!("{needle:?}"), |s| s.contains(needle))
    }

    pub fn alternate_screen_on(&self) -> bool {
        let out = self.run(&["display-message", "-p", "-t", "t", "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    pub fn shell_pid(&self) -> u32 {
        let out = self.run(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pane pid")
    }

    /// A tmux format (`#{cursor_flag}`...) evaluated for the pane.
    pub fn format(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Starts the explorer from the shell, after a marker line that must survive it.
    pub fn launch(&self, args: &str) {
        self.launch_with("", args);
    }

    /// Like `launch`, with `prefix` (e.g. `cd DIR &&` or `VAR=1`) before the program.
    pub fn launch_with(&self, prefix: &str, args: &str) {
        // A marker of this launch's own: once it shows, the screen has been cleared, so no
        // `exit=N` of an earlier launch can be mistaken for this one's.
        let n = self.launches.get() + 1;
        self.launches.set(n);
        let marker = format!("before-launch-{n}");
        self.type_text(&format!("clear; echo {marker}"));
        self.keys(&["Enter"]);
        self.wait_for("the marker", |s| s.lines().any(|l| l == marker));
        self.type_text(&format!("{prefix} {BIN} {args}; echo exit=$?"));
        self.keys(&["Enter"]);
    }

    /// The explorer's process (the shell's child), once it runs.
    pub fn explorer_pid(&self) -> u32 {
        child_of(self.shell_pid()).expect("the explorer runs under the shell")
    }

    /// The terminal is the shell's again: main screen, cursor shown, mouse released, cooked
    /// mode (stty says so, and a typed command runs), bracketed paste off (a pasted command
    /// runs, where a paste still bracketed would reach the shell as `^[[200~…`).
    pub fn assert_restored(&self) {
        assert!(!self.alternate_screen_on(), "alternate screen left on");
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor left hidden");
        let mouse = "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}#{mouse_sgr_flag}";
        assert_eq!(self.format(mouse), "0000", "mouse left captured");
        let screen = self.capture();
        let marker = format!("before-launch-{}", self.launches.get());
        assert!(
            screen.lines().any(|l| l == marker),
            "pre-launch content gone:\n{screen}"
        );
        assert!(
            !screen.contains("contests"),
            "explorer still drawn:\n{screen}"
        );
        self.type_text("echo typed-$((40+2))");
        self.keys(&["Enter"]);
        self.wait_for("the shell to run a command", |s| {
            s.lines().any(|l| l == "typed-42")
        });
        // Raw mode would show as -icanon -echo -isig -icrnl -opost.
        self.type_text(
            "echo \"stty=$(stty -a | tr -s ' ;' '\\n\\n' \
             | grep -E '^-?(icanon|echo|isig|icrnl|opost)$' | LC_ALL=C sort | paste -sd, -)\"",
        );
        self.keys(&["Enter"]);
        let screen = self.wait_for("stty's answer", |s| {
            s.lines()
                .any(|l| l.starts_with("stty=") && !l.contains("$("))
        });
        assert!(
            screen
                .lines()
                .any(|l| l == "stty=echo,icanon,icrnl,isig,opost"),
            "the terminal is not in cooked mode:\n{screen}"
        );
        self.paste("echo pasted-$((6*7))");
        self.keys(&["Enter"]);
        let screen = self.wait_for("the pasted command to run", |s| {
            s.lines().any(|l| l == "pasted-42") || s.contains("[200~")
        });
        assert!(
            !screen.contains("[200~"),
            "bracketed paste left on: the shell got the brackets:\n{screen}"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Insists that `name` is new to this process. Every end-to-end test runs in one process, and
/// names are only made unique by its id: two tests using one name would share a tmux server
/// (or a directory) and fail each other at random.
fn claim(what: &str, name: &str) {
    static CLAIMED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let fresh = CLAIMED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(format!("{what} {name}"));
    assert!(
        fresh,
        "two tests use the {what} name {name:?}; give each its own"
    );
}

/// The rows of the screen containing `name` (e.g. a candidate's, in the table and chart).
/// The status area of a captured screen: the rows below the panes' bottom border (messages
/// above the status line, then the line), each trimmed, joined with spaces so a message
/// wrapped over rows reads as one line.
pub fn status_area(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let last = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .unwrap_or(0);
    let below = lines[..=last]
        .iter()
        .rposition(|l| l.starts_with('└'))
        .map_or(last, |b| b + 1);
    lines[below..=last]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn lines_with<'a>(screen: &'a str, name: &str) -> Vec<&'a str> {
    screen.lines().filter(|l| l.contains(name)).collect()
}

/// Whether the detail pane lists candidate `name` with `votes` votes: the name on a line, the
/// particulars (`elected · … · 338 votes · …`) on the next.
pub fn shows_candidate_votes(screen: &str, name: &str, votes: &str) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    lines
        .windows(2)
        .any(|pair| pair[0].contains(name) && pair[1].contains(&format!(" {votes} votes")))
}

/// A named pipe standing in for a slow data file: the explorer's loader blocks on it until
/// something is written, so the loading screen can be seen deterministically.
pub struct SlowFile {
    dir: std::path::PathBuf,
}

impl SlowFile {
    pub fn new(name: &str) -> SlowFile {
        claim("slow file", name);
        let dir = std::env::temp_dir().join(format!("hustings-e2e-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Made before anything can fail, so its Drop removes the directory whatever happens.
        let slow = SlowFile { dir };
        let made = Command::new("mkfifo").arg(slow.path()).status().unwrap();
        assert!(made.success());
        slow
    }

    pub fn path(&self) -> String {
        self.dir.join("slow.json").display().to_string()
    }

    /// Writes the shipped dataset into the pipe once the explorer has opened it. Gives up with
    /// a panic at the deadline rather than blocking for ever: a test stuck here would never
    /// drop its tmux server.
    pub fn deliver(&self) {
        use std::io::{ErrorKind, Write};
        use std::os::unix::fs::OpenOptionsExt;

        let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/data/contests.json");
        let bytes = std::fs::read(seed).unwrap();
        let start = Instant::now();
        let wait = |what: &str, e: std::io::Error| {
            assert!(start.elapsed() < DEADLINE, "{what} {}: {e}", self.path());
            thread::sleep(Duration::from_millis(50));
        };
        // Opened without blocking, a pipe refuses a writer (ENXIO) until it has a reader.
        let mut pipe = loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(self.path())
            {
                Ok(pipe) => break pipe,
                Err(e) if e.raw_os_error() == Some(libc::ENXIO) => wait("nobody opened", e),
                Err(e) => panic!("cannot open {}: {e}", self.path()),
            }
        };
        let mut rest = &bytes[..];
        while !rest.is_empty() {
            match pipe.write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == ErrorKind::WouldBlock => wait("nobody is reading", e),
                Err(e) => panic!("writing {}: {e}", self.path()),
            }
        }
    }
}

impl Drop for SlowFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A process whose parent is `parent` (from /proc).
pub fn child_of(parent: u32) -> Option<u32> {
    let start = Instant::now();
    while start.elapsed() < DEADLINE {
        for entry in std::fs::read_dir("/proc").ok()?.flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // "pid (comm) state ppid ...": comm may contain spaces, so split after ')'.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok());
            if ppid == Some(parent) {
                return Some(pid);
            }
        }
        thread::sleep(Duration::from_millis(50));
    }
    None
}
