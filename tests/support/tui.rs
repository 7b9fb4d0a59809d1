//! Helpers for explorer tests: an app on the shipped data, fed keys like a person types them,
//! drawn into ratatui's TestBackend after each one as the explorer loop does.

use hustings::explorer::action::Action;
use hustings::explorer::app::{App, Data, ScrollLimits};
use hustings::explorer::background_work::Job;
use hustings::explorer::effect::Effect;
use hustings::explorer::keymap;
use hustings::explorer::theme::Theme;
use hustings::explorer::ui;
use hustings::load::{self, DataSource, Loaded};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn seed() -> Loaded {
    load::load(&[DataSource::Embedded]).expect("the shipped dataset loads")
}

/// An explorer on the shipped dataset, data loaded, on a `width`×`height` screen.
pub fn app(width: u16, height: u16) -> App {
    app_with(width, height, Theme { color: true })
}

/// An explorer on `loaded`, on a `width`×`height` screen.
pub fn app_on(loaded: Loaded, width: u16, height: u16) -> App {
    let mut app = App::new(
        vec!["(test data)".into()],
        Theme { color: true },
        width,
        height,
    );
    step(
        &mut app,
        Action::Loaded(std::sync::Arc::new(Data::new(loaded))),
    );
    app
}

pub fn app_with(width: u16, height: u16, theme: Theme) -> App {
    let mut app = App::new(vec!["(built-in dataset)".into()], theme, width, height);
    step(
        &mut app,
        Action::Loaded(std::sync::Arc::new(Data::new(seed()))),
    );
    app
}

/// Applies `action`, makes the exports it asked for (as the export worker would, writing
/// their files), then draws a frame and hands
/// back what it measured, as the explorer loop does after every event (so scrolling stops
/// where the text on screen ends). Other effects (clipboard, reload) stay in the outbox for
/// the test to read.
pub fn step(app: &mut App, action: Action) {
    app.update(action);
    let mut kept = Vec::new();
    // A yes to replace a file asks for the export again: carried out until nothing more is.
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            break;
        }
        for e in effects {
            match e {
                Effect::Export(request) => {
                    app.update(Action::Exported(Box::new(request.work_out())));
                }
                other => kept.push(other),
            }
        }
    }
    app.outbox.extend(kept);
    let mut terminal =
        Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).expect("terminal");
    let mut limits = ScrollLimits::default();
    terminal
        .draw(|f| limits = ui::render(f, app))
        .expect("draw");
    app.update(Action::Drawn(limits));
}

/// Types `keys` through the key map: `\n` is Enter, `\x1b` Esc, `\t` Tab, others themselves.
pub fn press(app: &mut App, keys: &str) {
    for ch in keys.chars() {
        let code = match ch {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            '\x08' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        key(app, code);
    }
}

/// Presses one key.
pub fn key(app: &mut App, code: KeyCode) {
    if let Some(action) = keymap::action_for(KeyEvent::new(code, KeyModifiers::NONE), app.mode()) {
        step(app, action);
    }
}

/// Draws the app on a test terminal of its screen size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).expect("terminal");
    terminal
        .draw(|f| {
            ui::render(f, app);
        })
        .expect("draw");
    terminal
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The status area as text: the message rows above the status line, then the line, each
/// trimmed, joined with spaces (so a message wrapped over rows reads as one line).
pub fn status(app: &App) -> String {
    let rows = usize::from(app.areas().status.height);
    let shown = screen(app);
    let lines: Vec<&str> = shown.lines().collect();
    lines[lines.len().saturating_sub(rows)..]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The status line alone (the last row), as drawn.
pub fn status_bar(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

/// Titles of the listed contests, in order.
pub fn titles(app: &App) -> Vec<String> {
    let data = app.data.as_ref().expect("loaded");
    app.rows
        .iter()
        .map(|&i| data.dataset().contests[i].title.to_string())
        .collect()
}

/// The selected contest's id.
pub fn selected_id(app: &App) -> Option<String> {
    app.selected_contest().map(|c| c.id.to_string())
}

/// Moves the selection to the contest with this id by pressing `j`/`k`.
pub fn select(app: &mut App, id: &str) {
    press(app, "g");
    for _ in 0..app.rows.len() {
        if selected_id(app).as_deref() == Some(id) {
            return;
        }
        press(app, "j");
    }
    panic!("{id} is not listed");
}

/// The text of the pane whose top border carries `title`, one string per row inside it.
pub fn pane(screen: &str, title: &str) -> Vec<String> {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let (top, left) = rows
        .iter()
        .enumerate()
        .find_map(|(y, r)| {
            let line: String = r.iter().collect();
            let at = line.find(&format!("┌ {title}"))?;
            Some((y, line[..at].chars().count()))
        })
        .unwrap_or_else(|| panic!("no pane {title}:\n{screen}"));
    let right = (left + 1..rows[top].len())
        .find(|&x| rows[top][x] == '┐')
        .expect("the pane's top right corner");
    rows[top + 1..]
        .iter()
        .take_while(|r| r.get(left) == Some(&'│'))
        .map(|r| r[left + 1..right].iter().collect())
        .collect()
}
