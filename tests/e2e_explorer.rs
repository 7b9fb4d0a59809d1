//! End to end: the real binary in a real terminal (tmux), driven by keystrokes, checked by what
//! a person would see on screen — and that the terminal is given back afterwards.

use std::process::{Command, Output};
use std::thread;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_hustings");
/// Generous: a debug build on a busy 2-core machine.
const DEADLINE: Duration = Duration::from_secs(20);

/// A tmux server of its own (unique socket) running one `sh` in a fixed-size window.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, width: u16, height: u16) -> Tmux {
        let tmux = Tmux {
            socket: format!("hustings-e2e-{}-{name}", std::process::id()),
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

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux is installed (CI installs it)")
    }

    /// Sends tmux key names (`j`, `Enter`, `Escape`...).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "t", "-l", text])
                .status
                .success()
        );
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Polls the screen until `ready` holds; panics with the last screen at the deadline.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_text(&self, needle: &str) -> String {
        self.wait_for(&format!("{needle:?}"), |s| s.contains(needle))
    }

    fn alternate_screen_on(&self) -> bool {
        let out = self.run(&["display-message", "-p", "-t", "t", "#{alternate_on}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    fn shell_pid(&self) -> u32 {
        let out = self.run(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("pane pid")
    }

    /// Starts the explorer from the shell, after a marker line that must survive it.
    fn launch(&self, args: &str) {
        self.type_text("clear; echo before-launch");
        self.keys(&["Enter"]);
        self.wait_for("the marker", |s| s.lines().any(|l| l == "before-launch"));
        self.type_text(&format!("{BIN} {args}; echo exit=$?"));
        self.keys(&["Enter"]);
    }

    /// The terminal is the shell's again: main screen, cooked mode (a typed command runs).
    fn assert_restored(&self) {
        assert!(!self.alternate_screen_on(), "alternate screen left on");
        let screen = self.capture();
        assert!(
            screen.contains("before-launch"),
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
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The row of the screen containing `name`, from the candidates table or chart.
fn lines_with<'a>(screen: &'a str, name: &str) -> Vec<&'a str> {
    screen.lines().filter(|l| l.contains(name)).collect()
}

#[test]
fn browse_filter_open_stockport_and_quit() {
    let tmux = Tmux::start("browse", 120, 45);
    tmux.launch("");
    let screen = tmux.wait_text("17 of 17 contests");
    assert!(tmux.alternate_screen_on());
    assert!(screen.contains("Labour leadership election 2020"));

    // Move down: the second contest (by date, newest first) is Bury South.
    tmux.keys(&["j"]);
    tmux.wait_text("Lucy Burke");

    // Region picker: any, North East, North West, Yorkshire and the Humber.
    tmux.keys(&["r"]);
    tmux.wait_text("any region");
    tmux.keys(&["j", "j", "j", "Enter"]);
    let screen = tmux.wait_text("2 of 17 contests");
    assert!(screen.contains("region: Yorkshire and the Humber"));
    assert!(screen.contains("Penistone and Stocksbridge"));
    assert!(screen.contains("Sheffield Hallam"));
    // Only the two Yorkshire contests are listed (the detail on the right may cite others).
    let list: String = screen
        .lines()
        .map(|l| l.chars().take(60).collect::<String>() + "\n")
        .collect();
    for other in [
        "Stockport",
        "Bury South",
        "Birkenhead",
        "Ilford",
        "Leadership",
        "Enfield",
    ] {
        assert!(!list.contains(other), "{other} listed:\n{screen}");
    }

    // Clear, then open Stockport (fourth by date) with Enter.
    tmux.keys(&["c"]);
    tmux.wait_text("17 of 17 contests");
    tmux.keys(&["g", "j", "j", "j", "Enter"]);
    let screen = tmux.wait_text("Navendu Mishra");
    for (name, votes) in [
        ("Navendu Mishra", "338"),
        ("Julie Reid", "218"),
        ("Fiona Dent", "23"),
        ("Mike Cain", "12"),
    ] {
        assert!(
            lines_with(&screen, name).iter().any(|l| l.contains(votes)),
            "{name} with {votes} votes not shown:\n{screen}"
        );
    }
    assert!(screen.contains("57.1%"));

    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

#[test]
fn starts_with_the_command_line_query_applied() {
    let tmux = Tmux::start("flags", 120, 30);
    tmux.launch(r#"--region "North West" --search mishra --sort title"#);
    let screen = tmux.wait_text("2 of 17 contests");
    assert!(screen.contains("region: North West"), "{screen}");
    assert!(screen.contains("sort: title"), "{screen}");
    // The list (left half) holds exactly what `hustings list` prints for the same flags, in order.
    let list: String = screen
        .lines()
        .map(|l| l.chars().take(60).collect::<String>() + "\n")
        .collect();
    let hazel = list.find("Hazel Grove, 2017 general election");
    let stockport = list.find("Stockport Labour selection");
    assert!(hazel.is_some() && hazel < stockport, "{screen}");
    assert!(!list.contains("Bury South"), "{screen}");
    let printed = Command::new(BIN)
        .args([
            "list",
            "--region",
            "North West",
            "--search",
            "mishra",
            "--sort",
            "title",
        ])
        .output()
        .expect("run");
    let printed = String::from_utf8_lossy(&printed.stdout);
    let ids: Vec<&str> = printed
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.contains("-20"))
        .collect();
    assert_eq!(ids, ["hazel-grove-ge-2017", "stockport-selection-2019"]);
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let tmux = Tmux::start("sigterm", 100, 30);
    tmux.launch("");
    tmux.wait_text("17 of 17 contests");
    let shell = tmux.shell_pid();
    let explorer = child_of(shell).expect("the explorer runs under the shell");
    let killed = Command::new("kill")
        .args(["-TERM", &explorer.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    tmux.wait_text("exit=143");
    tmux.assert_restored();
}

#[test]
fn a_load_error_restores_the_terminal_and_prints_one_line() {
    let tmux = Tmux::start("loaderr", 100, 20);
    tmux.launch("no-such-file.json");
    let screen = tmux.wait_text("exit=2");
    assert!(
        screen.contains("error: no-such-file.json: no such file"),
        "{screen}"
    );
    tmux.assert_restored();
}

#[test]
fn no_mouse_still_browses_and_quits_with_ctrl_c() {
    let tmux = Tmux::start("nomouse", 80, 24);
    tmux.launch("--no-mouse");
    tmux.wait_text("17 of 17");
    tmux.keys(&["C-c"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

/// A named pipe standing in for a slow data file: the explorer's loader blocks on it until
/// something is written, so the loading screen can be seen deterministically.
struct SlowFile {
    dir: std::path::PathBuf,
}

impl SlowFile {
    fn new(name: &str) -> SlowFile {
        let dir = std::env::temp_dir().join(format!("hustings-e2e-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let made = Command::new("mkfifo")
            .arg(dir.join("slow.json"))
            .status()
            .unwrap();
        assert!(made.success());
        SlowFile { dir }
    }

    fn path(&self) -> String {
        self.dir.join("slow.json").display().to_string()
    }

    /// Writes the shipped dataset into the pipe (from a thread: opening blocks until read).
    fn deliver(&self) -> thread::JoinHandle<()> {
        let path = self.path();
        thread::spawn(move || {
            let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/data/contests.json");
            std::fs::write(path, std::fs::read(seed).unwrap()).unwrap();
        })
    }
}

impl Drop for SlowFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn first_frame_comes_before_the_data_and_the_data_follows() {
    let slow = SlowFile::new("loading");
    let tmux = Tmux::start("loading", 100, 30);
    tmux.launch(&slow.path());
    let screen = tmux.wait_text("Loading");
    assert!(screen.contains("press q to quit"), "{screen}");
    slow.deliver().join().unwrap();
    tmux.wait_text("17 of 17 contests");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

#[test]
fn quitting_works_while_loading() {
    let slow = SlowFile::new("quit");
    let tmux = Tmux::start("quitload", 100, 30);
    tmux.launch(&slow.path());
    tmux.wait_text("Loading");
    tmux.keys(&["q"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}

#[test]
fn without_a_terminal_it_points_to_the_printing_commands() {
    let out = Command::new(BIN).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("hustings list"), "{err}");
    assert!(out.stdout.is_empty());
}

/// A process whose parent is `parent` (from /proc).
fn child_of(parent: u32) -> Option<u32> {
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
