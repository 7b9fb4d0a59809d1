//! hustings at scale, against the floor: generated datasets of 20 k and 200 k contests (1 M
//! with `HUSTINGS_BENCH_1M=1`), about 1,300 bytes a contest, and for each size
//!
//! - loading: CPU (user + system) and peak RSS of `hustings validate FILE`, beside a process
//!   that only reads the same file and walks it with serde_json into `IgnoredAny` (the floor),
//!   measured in the same run;
//! - `hustings list` in each format, to /dev/null;
//! - an explorer session in a process of its own: loading to the first frame (the first
//!   contests of a large file, then all of them), each keystroke
//!   of a search (p50/p99 over repeats), the first sort by each key, the first visit to views
//!   2, 3, 4 and 8 (the key, and the wait for data worked out off the UI thread), and quitting
//!   (everything dropped), with the session's peak RSS.
//!
//! Run it with
//!
//!     cargo bench --bench scale
//!     HUSTINGS_BENCH_1M=1 cargo bench --bench scale
//!
//! Every process is timed by the kernel (`wait4`), so CPU and peak RSS are the process's own;
//! figures are medians of three runs (one at 1 M). A run over two minutes is stopped and
//! reported as such.

// In a benchmark, an unwrap is an assertion: a failure should stop it loudly.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss)]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hustings::explorer::action::{Action, Edit};
use hustings::explorer::app::{App, Data};
use hustings::explorer::background_views::ViewWorker;
use hustings::explorer::effect::Effect;
use hustings::explorer::screen::View;
use hustings::explorer::theme::Theme;
use hustings::explorer::ui;
use hustings::load::DataSource;
use hustings::query::SortKey;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The environment variable that turns this binary into one of its measured processes.
const ROLE: &str = "HUSTINGS_SCALE_ROLE";
/// The longest a measured process may run.
const LIMIT: Duration = Duration::from_secs(120);

fn main() {
    // `cargo bench` passes `--bench`; a measured process gets its role and file instead.
    if let Ok(role) = std::env::var(ROLE) {
        let file = PathBuf::from(std::env::args().nth(1).unwrap());
        match role.as_str() {
            "floor" => floor(&file),
            "explorer" => explorer_session(&file),
            other => panic!("unknown role {other}"),
        }
        return;
    }
    let mut sizes = vec![20_000, 200_000];
    if std::env::var_os("HUSTINGS_BENCH_1M").is_some_and(|v| v != "0") {
        sizes.push(1_000_000);
    }
    let dir = tempfile::tempdir().unwrap();
    println!("{}", machine());
    for contests in sizes {
        let file = dir.path().join(format!("scale-{contests}.json"));
        let bytes = support::fresh_bytes(contests);
        std::fs::write(&file, &bytes).unwrap();
        let size = bytes.len();
        drop(bytes);
        let runs = if contests >= 1_000_000 { 1 } else { 3 };
        println!(
            "\n## {contests} contests ({:.0} MB, {} bytes a contest)\n",
            size as f64 / 1e6,
            size / contests
        );
        println!("| process | wall | CPU (user + sys) | peak RSS | RSS ÷ file | CPU ÷ floor |");
        println!("|---|---|---|---|---|---|");
        let me = std::env::current_exe().unwrap();
        let floor = measure(runs, || {
            let mut c = Command::new(&me);
            c.env(ROLE, "floor").arg(&file);
            c
        });
        row("floor: read + IgnoredAny", &floor, size, &floor);
        let hustings = env!("CARGO_BIN_EXE_hustings");
        let validate = measure(runs, || {
            let mut c = Command::new(hustings);
            c.arg("validate").arg(&file);
            c
        });
        row("`validate`", &validate, size, &floor);
        for format in ["text", "csv", "json", "markdown"] {
            let list = measure(runs, || {
                let mut c = Command::new(hustings);
                c.args(["list", "--format", format, "--data"]).arg(&file);
                c
            });
            row(&format!("`list --format {format}`"), &list, size, &floor);
        }
        let mut session = Command::new(&me);
        session
            .env(ROLE, "explorer")
            .arg(&file)
            .stdout(Stdio::piped());
        let (usage, out) = run_capturing(session);
        row("explorer session (below)", &usage, size, &floor);
        println!("\n{out}");
    }
}

/// The machine and how busy it is, so figures can be read against it.
fn machine() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    format!(
        "# hustings scale bench\n\n{cores} cores; load average {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    )
}

/// What the kernel says of one finished process.
#[derive(Clone, Copy)]
struct Usage {
    wall: Duration,
    cpu: Duration,
    peak_rss: u64,
    /// Stopped at [`LIMIT`], or failed.
    finished: bool,
}

/// The median (by CPU) of `runs` runs of the command `make` builds, its output discarded.
fn measure(runs: usize, make: impl Fn() -> Command) -> Usage {
    let mut all = Vec::new();
    for _ in 0..runs {
        let mut command = make();
        command.stdout(Stdio::null());
        let usage = run(command);
        if !usage.finished {
            return usage;
        }
        all.push(usage);
    }
    all.sort_by_key(|u| u.cpu);
    all[all.len() / 2]
}

// Reaped by `wait4` in `wait`, which std's `Child::wait` cannot do (it gives no rusage).
#[allow(clippy::zombie_processes)]
fn run(mut command: Command) -> Usage {
    let start = Instant::now();
    let child = command.stderr(Stdio::null()).spawn().unwrap();
    wait(child.id(), start)
}

/// Runs `command`, keeping what it prints (stdout must be piped).
#[allow(clippy::zombie_processes)]
fn run_capturing(mut command: Command) -> (Usage, String) {
    let start = Instant::now();
    let mut child = command.spawn().unwrap();
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut out).unwrap();
    (wait(child.id(), start), out)
}

/// Waits for process `pid` with `wait4`, stopping it at [`LIMIT`].
fn wait(pid: u32, start: Instant) -> Usage {
    let pid = libc::pid_t::try_from(pid).unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own child; status and usage are valid for writes.
        let done = unsafe { libc::wait4(pid, &raw mut status, libc::WNOHANG, &raw mut usage) };
        if done == pid {
            break;
        }
        if start.elapsed() > LIMIT {
            // SAFETY: signalling our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.unsigned_abs())
            + Duration::from_micros(t.tv_usec.unsigned_abs())
    };
    Usage {
        wall: start.elapsed(),
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        peak_rss: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
        finished: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
    }
}

fn row(what: &str, usage: &Usage, file_size: usize, floor: &Usage) {
    if !usage.finished {
        println!(
            "| {what} | stopped at {} s or failed | | | | |",
            LIMIT.as_secs()
        );
        return;
    }
    println!(
        "| {what} | {:.2} s | {:.2} s | {:.0} MiB | {:.2}× | {:.1}× |",
        usage.wall.as_secs_f64(),
        usage.cpu.as_secs_f64(),
        usage.peak_rss as f64 / (1024.0 * 1024.0),
        usage.peak_rss as f64 / file_size as f64,
        usage.cpu.as_secs_f64() / floor.cpu.as_secs_f64(),
    );
}

/// The floor: read the file and walk it, building nothing.
fn floor(file: &Path) {
    let bytes = std::fs::read(file).unwrap();
    serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).unwrap();
}

/// The explorer's work for a user's session, without a terminal: what its loading thread does
/// (load, index, count), then each action as its key gives it and the frame drawn after it.
/// Prints a Markdown table of the times.
fn explorer_session(file: &Path) {
    let (width, height) = (200, 50);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut frame = |app: &App| {
        terminal
            .draw(|f| {
                ui::render(f, app);
            })
            .unwrap();
    };
    let start = Instant::now();
    let sources = [DataSource::File(file.to_path_buf())];
    let mut app = App::new(
        vec![file.display().to_string()],
        Theme { color: true },
        width,
        height,
    );
    // As the loading thread does first for a large file: its first contests, shown while the
    // rest loads (here the load waits for them; the explorer's UI thread draws them meanwhile).
    let previewed = hustings::load::preview::loaded(&sources, hustings::load::preview::THRESHOLD)
        .map(|loaded| {
            app.update(Action::Preview(std::sync::Arc::new(Data::new(loaded))));
            frame(&app);
            (start.elapsed(), app.total())
        });
    let loaded = hustings::load::load(&sources).unwrap();
    let data = std::sync::Arc::new(Data::new(loaded));
    let replacing = Instant::now();
    app.update(Action::Loaded(std::sync::Arc::clone(&data)));
    frame(&app);
    let replaced = replacing.elapsed();
    let launch = start.elapsed();
    // As the loading thread does once it has delivered the data.
    let warming = std::thread::spawn(move || {
        let start = Instant::now();
        data.warm(&hustings::query::Query::default());
        start.elapsed()
    });

    let mut step = |app: &mut App, action: Action| {
        let start = Instant::now();
        app.update(action);
        frame(app);
        start.elapsed()
    };
    println!("| explorer | time |\n|---|---|");
    if let Some((took, contests)) = previewed {
        println!(
            "| launch → first contests shown (a preview of {contests}) | {} |",
            ms(took)
        );
    }
    println!("| launch → all contests shown | {} |", ms(launch));
    if previewed.is_some() {
        println!(
            "| … of which the whole data replacing the preview (UI thread) | {} |",
            ms(replaced)
        );
    }
    step(&mut app, Action::StartSearch);
    let (mut first, mut second) = (Vec::new(), Vec::new());
    for _ in 0..25 {
        first.push(step(&mut app, Action::Input('e')));
        second.push(step(&mut app, Action::Input('a')));
        step(&mut app, Action::Edit(Edit::Backspace));
        step(&mut app, Action::Edit(Edit::Backspace));
    }
    println!(
        "| search, a letter (p50 / p99) | {} |",
        percentiles(&mut first)
    );
    println!(
        "| search, the second letter (p50 / p99) | {} |",
        percentiles(&mut second)
    );
    step(&mut app, Action::Back);
    step(&mut app, Action::Back);
    // The sorts below come after the session's searches; the real explorer's user would take
    // longer.
    println!(
        "| work done ahead in the background, after launch | {} |",
        ms(warming.join().unwrap())
    );
    let views = [
        (2, View::Scoreboard),
        (3, View::Endorsements),
        (4, View::Timeline),
        (8, View::Changes),
    ];
    // As the event loop does: a view's data for a large list is worked out by the worker
    // thread, and shown once it answers. Times the key (the work handed over) and, when the
    // worker was asked, the wait until its data is shown.
    let worker = ViewWorker::start();
    let shown = |number: u32, what: &str, (key, arrived): (Duration, Option<Duration>)| {
        println!("| {what} | {} |", ms(key));
        if let Some(arrived) = arrived {
            println!(
                "| … view {number}'s data shown (worked out off the UI thread) | {} |",
                ms(arrived)
            );
        }
    };
    // The rows as the list opened: their scoreboard and matrix were worked out ahead.
    for (number, view) in views {
        let took = visit(&mut app, view, &mut step, &worker);
        shown(number, &format!("first visit to view {number}"), took);
    }
    step(&mut app, Action::ShowView(View::Contests));
    // Date is the first key of the cycle, and the order the list opened in.
    for _ in 1..=SortKey::ALL.len() {
        let took = step(&mut app, Action::CycleSort);
        let key = if app.sort_by_change {
            "change".to_string()
        } else {
            format!("{:?}", app.query.sort.key).to_lowercase()
        };
        println!("| first sort by {key} | {} |", ms(took));
    }
    // Rows in another order: worked out when asked.
    for (number, view) in views {
        let took = visit(&mut app, view, &mut step, &worker);
        shown(
            number,
            &format!("view {number}, the list sorted otherwise"),
            took,
        );
    }
    let start = Instant::now();
    drop(app);
    println!("| quit (everything dropped) | {} |", ms(start.elapsed()));
}

/// Shows `view` as its number key does; returns the time the key took (the work handed over)
/// and, when the worker was asked for the view's data, the time until it was shown.
fn visit(
    app: &mut App,
    view: View,
    step: &mut impl FnMut(&mut App, Action) -> Duration,
    worker: &ViewWorker,
) -> (Duration, Option<Duration>) {
    let start = Instant::now();
    let key = step(app, Action::ShowView(view));
    let mut asked = false;
    for effect in app.take_effects() {
        if let Effect::WorkOut(request) = effect {
            worker.ask(request);
            asked = true;
        }
    }
    if !asked {
        return (key, None);
    }
    let worked = worker.recv().unwrap();
    step(app, Action::ViewData(Box::new(worked)));
    (key, Some(start.elapsed()))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn percentiles(times: &mut [Duration]) -> String {
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    format!("{} / {}", ms(at(0.5)), ms(at(0.99)))
}
