//! Exporting from the explorer: the file holds exactly what the command line prints for the
//! same contest or filters, is written atomically, and an existing file is replaced only after
//! a "y"; the clipboard copy is the same Markdown in an OSC 52 sequence.

use crate::support::cli::stdout;
use crate::support::data::{file_names, formula};
use crate::support::tui::{app, app_on, press, select};
use base64::Engine;
use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Overlay};
use hustings::explorer::background_work::Job;
use hustings::explorer::effect::Effect;
use hustings::explorer::export::{Destination, osc52};
use hustings::load::{self, DataSource};

/// Replaces the offered file name with `name` and presses Enter.
fn type_name(app: &mut App, name: &str) {
    let Overlay::Input(input) = &app.overlay else {
        panic!("no file-name prompt: {:?}", app.overlay);
    };
    let erase = "\x08".repeat(input.text.chars().count());
    press(app, &erase);
    press(app, name);
    press(app, "\n");
}

/// The OSC 52 sequence the last copy left for the loop to send (taking it).
fn clipboard(app: &mut App) -> Option<String> {
    app.take_effects().into_iter().find_map(|e| match e {
        Effect::Clipboard(sequence) => Some(sequence),
        _ => None,
    })
}

/// The header and contest `id`'s rows of a `list --format csv` output, which must be `rows`.
fn rows_of(csv: &str, id: &str, rows: usize) -> String {
    let mut lines = csv.lines();
    let mut expected = vec![lines.next().unwrap()];
    expected.extend(lines.filter(|l| l.starts_with(&format!("{id},"))));
    assert_eq!(expected.len(), 1 + rows, "{id}: a header and {rows} rows");
    expected.join("\n") + "\n"
}

fn status_line(app: &App) -> String {
    crate::support::tui::status(app)
}

#[test]
fn the_selected_contest_as_markdown_is_what_show_prints() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(120, 40);
    select(&mut app, "stockport-selection-2019");
    press(&mut app, "e");
    assert!(
        status_line(&app)
            .contains("export this contest to (.md or .csv): stockport-selection-2019.md"),
        "{}",
        status_line(&app)
    );
    let path = dir.path().join("stockport.md");
    type_name(&mut app, path.to_str().unwrap());
    assert_eq!(app.overlay, Overlay::None);
    let written = std::fs::read_to_string(&path).unwrap();
    let cli = stdout(&["show", "stockport-selection-2019", "--format", "markdown"]);
    assert_eq!(written, cli);
    // Atomic: the temporary file was renamed, nothing else is left.
    assert_eq!(file_names(dir.path()), ["stockport.md"]);
    let status = status_line(&app);
    assert!(
        status.contains("wrote Stockport Labour selection as Markdown to"),
        "{status}"
    );
}

#[test]
fn the_filtered_list_as_csv_and_markdown_is_what_list_prints() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(120, 40);
    // North West, sorted by margin (date → title → region → margin).
    press(&mut app, "rjj\nsss");
    assert_eq!(app.query.sort.key.as_str(), "margin");
    let flags = ["--region", "North West", "--sort", "margin"];
    for (name, format) in [("nw.csv", "csv"), ("nw.md", "markdown")] {
        press(&mut app, "E");
        assert!(status_line(&app).contains("export 8 contests to"));
        let path = dir.path().join(name);
        type_name(&mut app, path.to_str().unwrap());
        let mut args = vec!["list", "--format", format];
        args.extend_from_slice(&flags);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            stdout(&args),
            "{format}"
        );
    }
    assert_eq!(file_names(dir.path()), ["nw.csv", "nw.md"]);
}

#[test]
fn the_selected_contest_as_csv_is_its_rows_of_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(120, 40);
    select(&mut app, "bury-south-selection-2019");
    press(&mut app, "e");
    let path = dir.path().join("BURY.CSV");
    type_name(&mut app, path.to_str().unwrap());
    let cli = stdout(&["list", "--format", "csv"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        rows_of(&cli, "bury-south-selection-2019", 3),
        "a header and three candidates"
    );
}

#[test]
fn csv_exports_are_formula_safe_as_list_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = formula();
    let loaded = load::load(&[DataSource::File(data.clone())]).unwrap();
    let mut app = app_on(loaded, 120, 40);
    let data = data.to_str().unwrap();
    let cli = stdout(&["list", "--data", data, "--format", "csv"]);
    assert!(
        cli.contains(r#""'=HYPERLINK(""http://x"",""y"")""#),
        "{cli}"
    );
    press(&mut app, "E");
    let all = dir.path().join("all.csv");
    type_name(&mut app, all.to_str().unwrap());
    assert_eq!(std::fs::read_to_string(&all).unwrap(), cli);
    // The selected contest: the header and its rows of the same CSV.
    select(&mut app, "formula-2017");
    press(&mut app, "e");
    let one = dir.path().join("one.csv");
    type_name(&mut app, one.to_str().unwrap());
    assert_eq!(
        std::fs::read_to_string(&one).unwrap(),
        rows_of(&cli, "formula-2017", 2),
        "a header and two candidates"
    );
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.md");
    std::fs::write(&path, "mine").unwrap();
    let mut app = app(120, 40);
    press(&mut app, "e");
    type_name(&mut app, path.to_str().unwrap());
    assert!(matches!(app.overlay, Overlay::Confirm(_)));
    let status = status_line(&app);
    assert!(
        status.contains("keep.md exists. Replace it? (y/n)"),
        "{status}"
    );
    // Other keys wait for the answer.
    press(&mut app, "jq2");
    assert!(matches!(app.overlay, Overlay::Confirm(_)));
    assert!(!app.should_quit);
    press(&mut app, "n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    assert!(
        status_line(&app).contains("not written:"),
        "{}",
        status_line(&app)
    );
    // Esc is no, too.
    press(&mut app, "e");
    type_name(&mut app, path.to_str().unwrap());
    press(&mut app, "\x1b");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    // y replaces it.
    press(&mut app, "e");
    type_name(&mut app, path.to_str().unwrap());
    press(&mut app, "y");
    let cli = stdout(&["show", "labour-leadership-2020", "--format", "markdown"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), cli);
    assert_eq!(file_names(dir.path()), ["keep.md"]);
}

#[test]
fn bad_names_and_failed_writes_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(120, 40);
    press(&mut app, "e");
    type_name(&mut app, dir.path().join("out.txt").to_str().unwrap());
    // Still asking, with the reason (after the typed name in the status line).
    let Overlay::Input(input) = &app.overlay else {
        panic!("the prompt closed");
    };
    assert_eq!(
        input.error.as_deref(),
        Some("the name must end in .md (Markdown) or .csv")
    );
    let erase = "\x08".repeat(input.text.chars().count());
    press(&mut app, &erase);
    press(&mut app, "x.txt\n");
    assert!(
        status_line(&app).contains("⚠ the name must end in .md (Markdown) or .csv")
            && status_line(&app).contains("x.txt▏"),
        "{}",
        status_line(&app)
    );
    press(&mut app, "\x1b");
    assert_eq!(app.overlay, Overlay::None);
    let missing = dir.path().join("no/such/dir/out.md");
    press(&mut app, "e");
    type_name(&mut app, missing.to_str().unwrap());
    assert!(status_line(&app).contains("⚠ export failed:"));
    let notice = app.notice.clone().expect("a notice");
    assert!(notice.starts_with("⚠ export failed: "), "{notice}");
    assert!(
        notice.ends_with("out.md: the directory does not exist"),
        "{notice}"
    );
    assert!(file_names(dir.path()).is_empty());
    // Nothing listed: nothing to export.
    press(&mut app, "/zzzz\n");
    press(&mut app, "E");
    assert_eq!(app.overlay, Overlay::None);
    assert!(status_line(&app).contains("nothing to export"));
}

#[test]
fn copying_sends_the_markdown_as_osc52() {
    let mut app = app(120, 40);
    select(&mut app, "stockport-selection-2019");
    press(&mut app, "y");
    // Too long for the status bar beside the count: cut there, whole in the message log.
    let status = status_line(&app);
    assert!(
        status.contains(
            "sent to clipboard (OSC 52): Stockport Labour selection (stockport-selection-2019) as"
        ),
        "{status}"
    );
    let said = app.messages.newest_first().next().expect("logged");
    assert!(
        said.text
            .starts_with("sent to clipboard (OSC 52): Stockport Labour selection (stockport-selection-2019) as Markdown ("),
        "{said:?}"
    );
    let markdown = stdout(&["show", "stockport-selection-2019", "--format", "markdown"]);
    let sequence = clipboard(&mut app).expect("a sequence to send");
    assert_eq!(sequence, osc52(&markdown));
    let body = sequence
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), markdown);
    assert_eq!(clipboard(&mut app), None, "sent once");
    // Y copies the listed contests.
    press(&mut app, "Y");
    let list = stdout(&["list", "--format", "markdown"]);
    assert_eq!(clipboard(&mut app), Some(osc52(&list)));
    assert!(status_line(&app).contains("17 contests as Markdown"));
}

#[test]
fn update_asks_for_the_write_and_touches_no_disk() {
    let mut app = app(120, 40);
    select(&mut app, "stockport-selection-2019");
    press(&mut app, "e");
    let Overlay::Input(input) = &app.overlay else {
        panic!("no prompt");
    };
    let erase = "\x08".repeat(input.text.chars().count());
    // Straight through update, without the loop (or `step`) carrying anything out.
    for ch in erase.chars().chain("/nonexistent-dir/out.md\n".chars()) {
        let code = match ch {
            '\n' => ratatui::crossterm::event::KeyCode::Enter,
            '\x08' => ratatui::crossterm::event::KeyCode::Backspace,
            c => ratatui::crossterm::event::KeyCode::Char(c),
        };
        let key = ratatui::crossterm::event::KeyEvent::new(
            code,
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        if let Some(action) = hustings::explorer::keymap::action_for(key, app.mode()) {
            app.update(action);
        }
    }
    // The export, asked of the export worker (here made in the test): never replacing a file.
    let effects = app.take_effects();
    let [Effect::Export(request)] = effects.as_slice() else {
        panic!("one export expected: {effects:?}");
    };
    assert_eq!(
        request.to,
        Destination::File {
            typed: "/nonexistent-dir/out.md".into(),
            path: "/nonexistent-dir/out.md".into(),
            overwrite: false,
        }
    );
    assert!(
        status_line(&app).contains(
            "exporting Stockport Labour selection as Markdown to /nonexistent-dir/out.md…"
        ),
        "{}",
        status_line(&app)
    );
    // R asks for a reload the same way.
    app.update(Action::Reload);
    assert_eq!(app.take_effects(), [Effect::Reload]);
    // Made, it fails where the directory is missing, and says so.
    app.update(Action::Exported(Box::new(request.work_out())));
    assert!(
        status_line(&app)
            .contains("export failed: /nonexistent-dir/out.md: the directory does not exist"),
        "{}",
        status_line(&app)
    );
    assert!(!status_line(&app).contains("exporting"));
}

/// Issue 23: in the rounds view (5) `e` to a `.csv` name writes the selected count's every
/// round, as `show --format csv` prints it (Maine 2018); elsewhere, and for a contest without
/// rounds, a CSV of the selected contest is its rows of the list, as before.
#[test]
fn the_rounds_view_exports_every_round_of_the_count_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let file = crate::support::data::real_data("rcv/2018_maine_governor_primary.json");
    let loaded = load::load(&[DataSource::File(file.clone())]).expect("the count loads");
    let mut app = app_on(loaded, 120, 40);
    press(&mut app, "5e");
    let path = dir.path().join("maine-rounds.csv");
    type_name(&mut app, path.to_str().unwrap());
    let id = "maine-2018-democratic-governor-primary-race";
    let data = file.to_str().unwrap();
    let cli = stdout(&["show", id, "--data", data, "--format", "csv"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), cli);
    let status = status_line(&app);
    assert!(
        status
            .contains("wrote Maine 2018 Democratic Governor Primary race, every round, as CSV to"),
        "{status}"
    );
    // The contests view's CSV of the same contest is its rows of the list.
    press(&mut app, "1e");
    let list = dir.path().join("maine-list.csv");
    type_name(&mut app, list.to_str().unwrap());
    assert_eq!(
        std::fs::read_to_string(&list).unwrap(),
        stdout(&["list", "--data", data, "--format", "csv"])
    );
}

/// Markup and invisible characters in the data: the copies (`y`, `Y`) are Markdown whose every
/// cell is escaped text, and the OSC 52 payload carries no control character.
#[test]
fn copies_of_hostile_markup_are_inert_markdown() {
    let loaded = load::load(&[DataSource::File(crate::support::data::injection())]).unwrap();
    let mut app = app_on(loaded, 120, 40);
    select(&mut app, "markup");
    for key in ["y", "Y"] {
        press(&mut app, key);
        let sequence = clipboard(&mut app).expect("a copy");
        let body = &sequence["\x1b]52;c;".len()..sequence.len() - 1];
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let unescaped = text.replace("\\<", "");
        assert!(
            !unescaped.contains("<img") && !unescaped.contains("<script"),
            "{key}: {text}"
        );
        assert!(
            text.contains("\\<img src=x onerror=alert(1)\\>"),
            "{key}: {text}"
        );
        let unsafe_char = text
            .chars()
            .find(|&c| c != '\n' && hustings::model::text::is_unsafe(c));
        assert_eq!(unsafe_char, None, "{key}: {text}");
    }
}

/// Where some text needed cleaning for the screen, a CSV export still carries the exact
/// strings, as `list --format csv` prints them, for the contests cleaning changed and the
/// others alike (the explorer keeps only what cleaning changed, as loaded).
#[test]
fn csv_exports_of_data_with_unsafe_text_carry_the_exact_strings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mixed.json");
    let contest = |id: &str, title: &str, name: &str| {
        serde_json::json!({
            "id": id, "kind": "selection", "title": title, "party": "Labour",
            "region": "north", "date": "2019-10-24", "status": "decided",
            "candidates": [
                {"name": name, "votes": 120, "elected": true},
                {"name": "Ann Other", "votes": 80, "elected": false}
            ],
            "rounds": [{
                "counts": [
                    {"candidate": name, "votes": 120},
                    {"candidate": "Ann Other", "votes": 80}
                ],
                "elected": [name]
            }],
            "sources": [{"outlet": "LabourList"}]
        })
    };
    let dataset = serde_json::json!({
        "schema_version": 1,
        "regions": [{"id": "north", "name": "North\u{202e}"}],
        "contests": [
            contest("a", "Plain", "Ann Able"),
            contest("b", "Bell\u{7} ringing", "Bo\u{1b}[31mb"),
            contest("c", "Also plain", "Cy Clean"),
        ]
    });
    std::fs::write(&file, serde_json::to_vec_pretty(&dataset).unwrap()).unwrap();
    let loaded = load::load(&[DataSource::File(file.clone())]).unwrap();
    let mut app = app_on(loaded, 120, 40);
    let cli = stdout(&["list", "--data", file.to_str().unwrap(), "--format", "csv"]);
    assert!(
        cli.contains("Bo\u{1b}[31mb") && cli.contains("North\u{202e}"),
        "{cli}"
    );
    press(&mut app, "E");
    let all = dir.path().join("all.csv");
    type_name(&mut app, all.to_str().unwrap());
    assert_eq!(std::fs::read_to_string(&all).unwrap(), cli);
    // The one contest that held unsafe text, selected: its exact rows.
    select(&mut app, "b");
    press(&mut app, "e");
    let one = dir.path().join("one.csv");
    type_name(&mut app, one.to_str().unwrap());
    assert_eq!(
        std::fs::read_to_string(&one).unwrap(),
        rows_of(&cli, "b", 2),
        "a header and two candidates"
    );
    // From the rounds view, its count round by round, as `show --format csv` prints it.
    press(&mut app, "5e");
    let rounds = dir.path().join("rounds.csv");
    type_name(&mut app, rounds.to_str().unwrap());
    let shown = stdout(&[
        "show",
        "b",
        "--data",
        file.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(shown.contains("Bo\u{1b}[31mb"), "{shown}");
    assert_eq!(std::fs::read_to_string(&rounds).unwrap(), shown);
}

/// Keys through the key map and `update` alone: the export asked for stays in the outbox, as
/// it does while the worker renders it.
fn press_while_rendering(app: &mut App, keys: &str) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for ch in keys.chars() {
        let code = match ch {
            '\n' => KeyCode::Enter,
            '\x08' => KeyCode::Backspace,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = hustings::explorer::keymap::action_for(key, app.mode()) {
            app.update(action);
        }
    }
}

/// The export the app asked for, made as the worker makes it.
fn make_export(app: &mut App) {
    let effects = app.take_effects();
    let [Effect::Export(request)] = effects.as_slice() else {
        panic!("one export expected: {effects:?}");
    };
    let made = request.work_out();
    crate::support::tui::step(app, Action::Exported(Box::new(made)));
}

/// Exports are rendered off the UI thread: meanwhile the status bar says what is being
/// exported, keys are answered, a second export waits its turn, and `q` warns before losing
/// it; the file holds what was listed when Enter was pressed, whatever was listed since.
#[test]
fn the_explorer_answers_while_an_export_renders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.csv");
    let mut app = app(120, 40);
    press(&mut app, "E");
    let erase = "\x08".repeat("contests.md".len());
    press_while_rendering(&mut app, &format!("{erase}{}\n", path.display()));
    let exporting = format!("exporting 17 contests as CSV to {}…", path.display());
    assert!(
        status_line(&app).contains(&exporting),
        "{}",
        status_line(&app)
    );
    assert!(
        !path.exists(),
        "nothing is written before the bytes are rendered"
    );
    // The list answers meanwhile: a search narrows it, the selection moves.
    press_while_rendering(&mut app, "/stockport\n");
    assert!(
        (1..17).contains(&app.rows.len()),
        "the search is listed at once"
    );
    press_while_rendering(&mut app, "E");
    assert_eq!(app.overlay, Overlay::None, "no second prompt");
    assert!(
        status_line(&app).contains("one export at a time: still exporting 17 contests"),
        "{}",
        status_line(&app)
    );
    press_while_rendering(&mut app, "Y");
    press_while_rendering(&mut app, "q");
    assert!(!app.should_quit, "the first q says what it would lose");
    assert!(
        status_line(&app).contains("q again quits without it"),
        "{}",
        status_line(&app)
    );
    make_export(&mut app);
    assert!(
        app.take_effects().is_empty(),
        "E and Y asked for nothing more"
    );
    assert!(
        status_line(&app).contains("wrote 17 contests as CSV to"),
        "{}",
        status_line(&app)
    );
    assert!(!status_line(&app).contains("exporting"));
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        stdout(&["list", "--format", "csv"]),
        "every contest listed at Enter"
    );
    // Done: q quits at once.
    press_while_rendering(&mut app, "q");
    assert!(app.should_quit);

    // q twice quits without waiting.
    let mut app = crate::support::tui::app(120, 40);
    press(&mut app, "E");
    press_while_rendering(
        &mut app,
        &format!("{erase}{}\n", dir.path().join("b.md").display()),
    );
    press_while_rendering(&mut app, "qq");
    assert!(app.should_quit);
}

/// A copy is rendered off the UI thread too, and sent once rendered.
#[test]
fn a_copy_is_sent_once_rendered() {
    let mut app = app(120, 40);
    press_while_rendering(&mut app, "Y");
    assert!(
        status_line(&app).contains("exporting 17 contests to the clipboard…"),
        "{}",
        status_line(&app)
    );
    let effects = app.take_effects();
    let [Effect::Export(request)] = effects.as_slice() else {
        panic!("one export expected: {effects:?}");
    };
    app.update(Action::Exported(Box::new(request.work_out())));
    let list = stdout(&["list", "--format", "markdown"]);
    assert_eq!(app.take_effects(), [Effect::Clipboard(osc52(&list))]);
    assert!(status_line(&app).contains("sent to clipboard (OSC 52): 17 contests as Markdown"));
}

/// A file found to exist while another prompt is open is asked about once that prompt is
/// closed, and the prompt keeps what was typed in it.
#[test]
fn replacing_a_file_is_asked_once_the_open_prompt_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.md");
    std::fs::write(&path, "mine").unwrap();
    let mut app = app(120, 40);
    press(&mut app, "E");
    let erase = "\x08".repeat("contests.md".len());
    press_while_rendering(&mut app, &format!("{erase}{}\n", path.display()));
    press_while_rendering(&mut app, "/stock");
    make_export(&mut app);
    let Overlay::Input(input) = &app.overlay else {
        panic!("the search prompt stays open: {:?}", app.overlay);
    };
    assert_eq!(input.text, "stock");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    press(&mut app, "\n");
    assert!(
        matches!(app.overlay, Overlay::Confirm(_)),
        "{:?}",
        app.overlay
    );
    assert!(status_line(&app).contains("exists. Replace it? (y/n)"));
    press(&mut app, "y");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        stdout(&["list", "--format", "markdown"]),
        "what was listed when the name was given"
    );
}

/// A copy larger than any terminal's clipboard takes is refused, pointing to a file instead:
/// sending it would hold the terminal for seconds (minutes over SSH). (Worked out as the
/// worker does, without drawing frames of an 8 MB title.)
#[test]
fn a_copy_too_large_for_a_clipboard_is_refused() {
    use hustings::explorer::export::{
        CLIPBOARD_MOST, Destination, ExportFormat, ExportTarget, Exported, Request,
    };
    let dir = tempfile::tempdir().unwrap();
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(crate::support::data::fixture()).unwrap())
            .unwrap();
    data["contests"][0]["title"] = "a".repeat(CLIPBOARD_MOST).into();
    let path = dir.path().join("huge.json");
    std::fs::write(&path, data.to_string()).unwrap();
    let data = std::sync::Arc::new(hustings::explorer::app::Data::new(
        load::load(&[DataSource::File(path)]).unwrap(),
    ));
    let ask = |to| Request {
        data: std::sync::Arc::clone(&data),
        query: hustings::query::Query::default(),
        rows: std::sync::Arc::new(vec![0]),
        selected: Some(0),
        rounds: false,
        target: ExportTarget::Selected,
        format: ExportFormat::Markdown,
        what: "the contest".into(),
        to,
    };
    let refused = ask(Destination::Clipboard).work_out();
    assert_eq!(
        refused,
        Exported::Failed {
            to: Destination::Clipboard,
            message: "the Markdown is over 8 MiB, more than a terminal's clipboard takes; \
                      E writes it to a file"
                .into(),
        }
    );
    // The same contest to a file is written whole.
    let path = dir.path().join("huge.md");
    let written = ask(Destination::File {
        typed: "huge.md".into(),
        path: path.clone(),
        overwrite: false,
    })
    .work_out();
    let Exported::Written { bytes, .. } = written else {
        panic!("written: {written:?}");
    };
    assert!(bytes > CLIPBOARD_MOST as u64);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), bytes);
}
