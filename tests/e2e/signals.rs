//! However the explorer ends — a signal, Ctrl-c, a panic — the terminal is given back (main
//! screen, cursor shown, mouse released, cooked mode) and the exit status says how it ended.

use std::process::Command;

use crate::support::tmux::{self, Tmux};

/// Opens the explorer (with the detail focused, so there is state to lose), then sends
/// `signal` to it and expects `exit=STATUS`.
fn ends_on_signal(name: &str, signal: &str, status: u8) {
    let tmux = Tmux::start(name, 100, 30);
    tmux.launch("");
    tmux.wait_text("17 of 17 contests");
    assert!(tmux.alternate_screen_on());
    tmux.keys(&["Enter"]);
    let pid = tmux.explorer_pid();
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    tmux.wait_text(&format!("exit={status}"));
    tmux.assert_restored();
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    ends_on_signal("sighup", "HUP", 129);
}

#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    ends_on_signal("sigint", "INT", 130);
}

#[test]
fn sigterm_with_a_popup_open_restores_the_terminal_and_exits_143() {
    let tmux = Tmux::start("sigterm-popup", 100, 30);
    tmux.launch("");
    tmux.wait_text("17 of 17 contests");
    tmux.keys(&["r"]);
    tmux.wait_text("any region");
    let pid = tmux.explorer_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill")
            .success()
    );
    tmux.wait_text("exit=143");
    tmux.assert_restored();
}

#[test]
fn ctrl_c_while_typing_a_search_exits_130() {
    let tmux = Tmux::start("ctrl-c", 100, 30);
    tmux.launch("");
    tmux.wait_text("17 of 17 contests");
    tmux.keys(&["/"]);
    tmux.type_text("stock");
    tmux.wait_text("/stock");
    tmux.keys(&["C-c"]);
    tmux.wait_text("exit=130");
    tmux.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_prints_the_message_and_exits_101() {
    let tmux = Tmux::start("panic", 100, 30);
    tmux.launch_with("HUSTINGS_DEBUG_PANIC=1", "");
    let screen = tmux.wait_text("exit=101");
    assert!(
        screen.contains("HUSTINGS_DEBUG_PANIC=1: a deliberate panic after the first frame"),
        "the panic message is printed on the main screen:\n{screen}"
    );
    tmux.assert_restored();
}

#[test]
fn a_panic_with_the_mouse_released_by_no_mouse_still_restores() {
    // Without mouse capture there is one step fewer to undo; the rest must still happen.
    let tmux = Tmux::start("panic-nomouse", 100, 30);
    tmux.launch_with("HUSTINGS_DEBUG_PANIC=1", "--no-mouse");
    tmux.wait_text("exit=101");
    tmux.assert_restored();
}

/// A terminal that disappears (a dropped SSH connection, a killed tmux pane) must not leave
/// the explorer behind: crossterm's reader spins on a hung-up terminal and never returns, so
/// this proves the watchdog ends the process instead of leaving it burning a core.
#[test]
fn a_vanished_terminal_ends_the_explorer() {
    let tmux = Tmux::start("vanish", 100, 30);
    tmux.launch("");
    tmux.wait_text("17 of 17 contests");
    let pid = tmux.explorer_pid();
    assert!(tmux.run(&["kill-server"]).status.success());
    let proc_dir = std::path::PathBuf::from(format!("/proc/{pid}"));
    let deadline = std::time::Instant::now() + tmux::DEADLINE;
    while running(&proc_dir) {
        assert!(
            std::time::Instant::now() < deadline,
            "the explorer (pid {pid}) outlived its terminal"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Whether the process behind `/proc/PID` is still alive (a zombie has finished running).
fn running(proc_dir: &std::path::Path) -> bool {
    std::fs::read_to_string(proc_dir.join("stat")).is_ok_and(|stat| {
        let state = stat.rsplit(')').next().unwrap_or("").trim_start();
        !state.starts_with('Z')
    })
}

/// Job control: Ctrl-z (a key in raw mode) and SIGTSTP (`kill -TSTP`) both give the terminal
/// back to the shell and stop the explorer; `fg` takes the terminal again, redraws everything
/// and the explorer answers keys at once.
#[test]
fn ctrl_z_and_sigtstp_suspend_to_the_shell_and_fg_redraws() {
    let tmux = Tmux::start("suspend", 100, 30);
    tmux.launch("");
    tmux.wait_text("17 of 17 contests");
    let pid = tmux.explorer_pid().to_string();
    let stops = |n: usize| {
        let screen = tmux.wait_for("the shell to report the stopped job", |s| {
            s.matches("Stopped").count() == n && s.trim_end().ends_with('$')
        });
        assert!(!tmux.alternate_screen_on(), "alternate screen left on");
        assert!(
            !screen.contains("17 of 17"),
            "explorer still drawn:\n{screen}"
        );
        assert_eq!(tmux.format("#{cursor_flag}"), "1", "cursor left hidden");
    };
    let comes_back = || {
        tmux.type_text("fg");
        tmux.keys(&["Enter"]);
        tmux.wait_for("the explorer redrawn", |s| {
            s.contains("17 of 17 contests") && !s.contains("Stopped")
        });
        assert!(tmux.alternate_screen_on());
    };
    tmux.keys(&["C-z"]);
    stops(1);
    comes_back();
    assert!(
        Command::new("kill")
            .args(["-TSTP", &pid])
            .status()
            .expect("kill")
            .success()
    );
    stops(2);
    comes_back();
    // Keys work without an Enter first: q quits at once.
    tmux.keys(&["q"]);
    tmux.wait_for("the shell back", |s| !s.contains("17 of 17"));
    tmux.type_text("echo exit=$?");
    tmux.keys(&["Enter"]);
    tmux.wait_text("exit=0");
    tmux.assert_restored();
}
