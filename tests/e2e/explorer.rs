//! End to end: the real binary in a real terminal (tmux), driven by keystrokes, checked by what
//! a person would see on screen — and that the terminal is given back afterwards.

use std::process::Command;

use crate::support::tmux::{BIN, SlowFile, Tmux, child_of, shows_candidate_votes};

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
    // The candidates come below the chart, each name with its votes on the line under it:
    // wait for all of them, not the first name.
    let screen = tmux.wait_for("Stockport's candidates and their votes", |s| {
        [
            ("Navendu Mishra", "338"),
            ("Julie Reid", "218"),
            ("Fiona Dent", "23"),
            ("Mike Cain", "12"),
        ]
        .iter()
        .all(|(name, votes)| shows_candidate_votes(s, name, votes))
    });
    assert!(screen.contains("57.1%"), "{screen}");

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
    let hazel = list.find("Hazel Grove, 2017 gen");
    let stockport = list.find("Stockport Labour sel");
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
    // A filter flag naming a region the data lacks is reported the same way.
    tmux.launch("--region Atlantis");
    let screen = tmux.wait_text("exit=2");
    assert!(
        screen.contains("error: unknown region \"Atlantis\""),
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
    tmux.wait_text("exit=130");
    tmux.assert_restored();
}

#[test]
fn first_frame_comes_before_the_data_and_the_data_follows() {
    let slow = SlowFile::new("loading");
    let tmux = Tmux::start("loading", 100, 30);
    tmux.launch(&slow.path());
    // Both lines of the loading screen, not a capture taken between them.
    tmux.wait_for("the loading screen", |s| {
        s.contains("Loading") && s.contains("press q to quit")
    });
    slow.deliver();
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
