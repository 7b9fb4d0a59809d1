//! A large dataset's search run off the UI thread: a letter typed shows at once and asks the
//! search worker through the outbox (`Effect::Search`); the list keeps its rows, its title
//! saying `searching…`, until the rows found (`Action::Found`) replace them. An answer to a
//! search typed over, or to a query changed since, is dropped. The threshold is lowered so
//! the shipped dataset counts as large; each test checks the rows against an explorer that
//! searched the same on the UI thread.

use crate::support::tui::{app, press, screen, selected_id, step};
use hustings::explorer::action::Action;
use hustings::explorer::app::App;
use hustings::explorer::background_work::Job;
use hustings::explorer::effect::Effect;
use hustings::explorer::search::Request;

/// The shipped dataset, searched off the UI thread whatever its size.
fn large_app() -> App {
    let mut app = app(120, 40);
    app.search_in_background_from = 1;
    app
}

/// The searches in the outbox, taken from it (view data, asked for the rows listed
/// meanwhile, is left aside).
fn searches(app: &mut App) -> Vec<Request> {
    (app.take_effects().into_iter())
        .filter_map(|e| match e {
            Effect::Search(request) => Some(*request),
            Effect::WorkOut(_) => None,
            other => panic!("only searches asked for, not {other:?}"),
        })
        .collect()
}

/// The worker's answer to `request`, handed to the app as the event loop does.
fn answer(app: &mut App, request: &Request) {
    step(app, Action::Found(Box::new(request.work_out())));
}

/// The rows an explorer searching on the UI thread lists after `keys`.
fn rows_after(keys: &str) -> Vec<usize> {
    let mut app = app(120, 40);
    press(&mut app, keys);
    app.rows.to_vec()
}

/// The list pane's title line.
fn list_title(app: &App) -> String {
    let shown = screen(app);
    let line = shown.lines().find(|l| l.contains(" of "));
    line.unwrap_or_else(|| panic!("no list title:\n{shown}"))
        .to_string()
}

#[test]
fn a_letter_shows_at_once_and_the_rows_found_replace_the_list_when_ready() {
    let mut app = large_app();
    let all = app.rows.to_vec();
    press(&mut app, "/s");
    let first = searches(&mut app);
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0].query.filter.search, "s");
    // The letter is in the prompt; the rows are the query's before, and the title says so.
    assert_eq!(*app.rows, all);
    assert_eq!(app.searching, Some(first[0].version));
    assert!(
        list_title(&app).contains("searching…"),
        "{}",
        list_title(&app)
    );
    assert!(screen(&app).contains("/s"), "{}", screen(&app));

    // Typed on before the answer: each letter asks again, for the whole word.
    press(&mut app, "to");
    let later = searches(&mut app);
    assert_eq!(later.len(), 2, "{later:?}");
    assert_eq!(later[1].query.filter.search, "sto");
    assert!(later[0].version > first[0].version && later[1].version > later[0].version);
    // The answers to the searches typed over arrive late: dropped.
    answer(&mut app, &first[0]);
    answer(&mut app, &later[0]);
    assert_eq!(*app.rows, all);
    assert!(list_title(&app).contains("searching…"));

    answer(&mut app, &later[1]);
    let found = rows_after("/sto");
    assert!(!found.is_empty() && found.len() < all.len(), "{found:?}");
    assert_eq!(*app.rows, found);
    assert_eq!(app.searching, None);
    let title = list_title(&app);
    assert!(!title.contains("searching"), "{title}");
    assert!(
        title.contains(&format!("{} of {}", found.len(), all.len())),
        "{title}"
    );
}

#[test]
fn the_selected_contest_stays_selected_when_the_search_finds_it() {
    let found = rows_after("/sto");
    let mut app = large_app();
    let id = app.data.as_ref().unwrap().dataset().contests[found[found.len() / 2]]
        .id
        .to_string();
    crate::support::tui::select(&mut app, &id);
    press(&mut app, "/sto");
    let asked = searches(&mut app);
    answer(&mut app, asked.last().unwrap());
    assert_eq!(selected_id(&app).as_deref(), Some(id.as_str()));
}

#[test]
fn a_sort_while_searching_asks_again_in_the_new_order() {
    let mut app = large_app();
    press(&mut app, "/sto\n");
    let asked = searches(&mut app);
    // Enter only ends the typing: nothing more is asked.
    assert_eq!(asked.len(), 3, "{asked:?}");
    press(&mut app, "s");
    let resorted = searches(&mut app);
    assert_eq!(resorted.len(), 1, "{resorted:?}");
    assert_ne!(resorted[0].query.sort, asked[2].query.sort);
    answer(&mut app, &asked[2]);
    assert!(app.searching.is_some());
    answer(&mut app, &resorted[0]);
    assert_eq!(*app.rows, rows_after("/sto\ns"));
    // Searched and answered, a sort re-sorts the rows at once.
    press(&mut app, "S");
    assert!(searches(&mut app).is_empty());
    assert_eq!(*app.rows, rows_after("/sto\nsS"));
}

/// A filter changed while a search is being run asks again, for the query with the filter;
/// the answer to the search before it is dropped. Esc in the prompt drops the search and
/// lists at once.
#[test]
fn a_filter_while_searching_asks_again_and_drops_the_search() {
    let mut app = large_app();
    press(&mut app, "/sto\n");
    let asked = searches(&mut app);
    let before = app.rows.to_vec();
    // Decided contests only: asked for, searched for "sto" as the query now says.
    press(&mut app, "p");
    let filtered = searches(&mut app);
    assert_eq!(filtered.len(), 1);
    assert!(filtered[0].query.filter.search == "sto");
    assert!(list_title(&app).contains("searching"));
    answer(&mut app, asked.last().unwrap());
    assert_eq!(
        *app.rows, before,
        "the answer to the search before is dropped"
    );
    answer(&mut app, &filtered[0]);
    assert_eq!(*app.rows, rows_after("/sto\np"));
    assert!(!list_title(&app).contains("searching"));

    // Esc in the prompt drops the search: every row at once.
    press(&mut app, "/x");
    let asked = searches(&mut app);
    press(&mut app, "\x1b");
    assert_eq!(app.searching, None);
    let unsearched = app.rows.to_vec();
    answer(&mut app, &asked[0]);
    assert_eq!(*app.rows, unsearched);
}

/// Every key that changes a filter, on a large dataset, asks the search worker rather than
/// filter on the UI thread: the status, a picker, the chips, the dates, clearing them all,
/// Esc clearing the search, a paste. Each answer lists what filtering at once lists.
#[test]
fn a_filter_key_on_a_large_dataset_is_run_off_the_ui_thread() {
    let mut app = large_app();
    let mut keys = String::new();
    for key in ["p", "r j \n", "d2019..2024\n", "xx\x1b", "c", "/lab\n\x1b"] {
        keys.push_str(key);
        press(&mut app, key);
        let asked = searches(&mut app);
        assert!(!asked.is_empty(), "{key:?} asked the search worker nothing");
        assert!(list_title(&app).contains("searching"), "after {key:?}");
        for request in &asked {
            answer(&mut app, request);
        }
        assert_eq!(*app.rows, rows_after(&keys), "after {keys:?}");
        assert!(!list_title(&app).contains("searching"));
    }
    step(&mut app, Action::Paste("lab".into()));
    let asked = searches(&mut app);
    assert_eq!(asked.len(), 1, "a paste is a search");
    answer(&mut app, &asked[0]);
    assert_eq!(*app.rows, rows_after(&format!("{keys}/lab")));
}

/// Running the search failed on the worker (a bug it caught): nothing is listed for it, and
/// the user is told; the next search is asked as before.
#[test]
fn a_search_that_could_not_be_run_lists_nothing_and_says_so() {
    let mut app = large_app();
    press(&mut app, "/sto");
    let asked = searches(&mut app);
    step(&mut app, Action::Found(Box::new(asked[2].failed())));
    assert!(app.rows.is_empty());
    assert_eq!(app.searching, None);
    let shown = screen(&app);
    assert!(shown.contains("could not run the search"), "{shown}");
    press(&mut app, "c");
    let again = searches(&mut app);
    answer(&mut app, &again[0]);
    assert_eq!(*app.rows, rows_after("/stoc"));
}

#[test]
fn a_small_dataset_is_searched_at_once() {
    let mut app = app(120, 40);
    press(&mut app, "/sto");
    assert!(searches(&mut app).is_empty());
    assert_eq!(app.searching, None);
    assert_eq!(*app.rows, rows_after("/sto"));
}

/// New data (a reload) while a search is being run lists the search on the new data at once;
/// the answer for the old data, arriving late, is dropped.
#[test]
fn a_reload_while_searching_lists_the_new_data_and_drops_the_old_answer() {
    let mut app = large_app();
    press(&mut app, "/sto");
    let asked = searches(&mut app);
    let reloaded = std::sync::Arc::new(hustings::explorer::app::Data::new(
        crate::support::tui::seed(),
    ));
    step(&mut app, Action::Loaded(std::sync::Arc::clone(&reloaded)));
    assert_eq!(app.searching, None);
    assert!(std::sync::Arc::ptr_eq(
        app.data.as_ref().unwrap(),
        &reloaded
    ));
    let found = rows_after("/sto");
    assert_eq!(*app.rows, found);
    // Whatever it says (here, one row), the old search's answer is not listed.
    let late = hustings::explorer::search::Found {
        version: asked.last().unwrap().version,
        rows: Some(vec![found[0]]),
        complete: true,
    };
    step(&mut app, Action::Found(Box::new(late)));
    assert_eq!(*app.rows, found);
    // The next letter searches the new data.
    press(&mut app, "c");
    let again = searches(&mut app);
    assert!(std::sync::Arc::ptr_eq(&again[0].data, &reloaded));
}

/// A search's first screenful, found ahead of the rest, is listed at once, the count saying
/// more may follow. What counts the listed rows (the scoreboard) and the list's export wait
/// for every row, which then replaces it.
#[test]
fn the_first_rows_found_are_listed_ahead_of_the_rest() {
    let mut app = app(120, 12);
    app.search_in_background_from = 1;
    press(&mut app, "41");
    press(&mut app, "/e\n");
    let asked = searches(&mut app);
    let request = asked.last().unwrap();
    // As many as the screen has lines.
    assert_eq!(request.first, 12);
    let early = request.early().expect("the first rows, found at once");
    assert!(!early.complete);
    step(&mut app, Action::Found(Box::new(early)));
    let every = rows_after("/e\n");
    assert!(every.len() > 12, "{every:?}");
    assert_eq!(*app.rows, every[..12]);
    assert!(app.rows_in_part && app.searching.is_some());
    let title = list_title(&app);
    assert!(
        title.contains(&format!("12+ of {} · searching…", app.total())),
        "{title}"
    );

    press(&mut app, "Y");
    assert!(
        screen(&app).contains(
            "still searching: the list's copy waits until every row is found (first 12 so far)"
        ),
        "{}",
        screen(&app)
    );
    press(&mut app, "2");
    assert!(
        app.take_effects().is_empty(),
        "nothing worked out for 12 rows"
    );
    let shown = screen(&app);
    assert!(
        shown.contains("working out the scoreboard for 12+ contests"),
        "{shown}"
    );
    // The timeline, worked out before the search, shows those figures as updating.
    press(&mut app, "4");
    let shown = screen(&app);
    assert!(
        shown.contains("Timeline: 12+ contests by month · updating…"),
        "{shown}"
    );
    press(&mut app, "2");

    answer(&mut app, request);
    assert_eq!(*app.rows, every);
    assert!(!app.rows_in_part && app.searching.is_none());
    let shown = screen(&app);
    assert!(
        !shown.contains("working out") && !shown.contains("searching"),
        "{shown}"
    );
}

/// The contest selected before a search stays selected once every row is in, though the
/// first rows lacked it; unless the reader chose another among them meanwhile.
#[test]
fn the_selected_contest_outlasts_the_first_rows_unless_the_reader_moves() {
    let every = rows_after("/e\n");
    for moved in [false, true] {
        let mut app = app(120, 12);
        app.search_in_background_from = 1;
        let id_of = |app: &App, i: usize| {
            app.data.as_ref().unwrap().dataset().contests[i]
                .id
                .to_string()
        };
        let last = id_of(&app, *every.last().unwrap());
        crate::support::tui::select(&mut app, &last);
        press(&mut app, "/e\n");
        let asked = searches(&mut app);
        let request = asked.last().unwrap();
        step(&mut app, Action::Found(Box::new(request.early().unwrap())));
        assert_eq!(selected_id(&app), Some(id_of(&app, every[0])));
        if moved {
            step(&mut app, Action::Down);
        }
        answer(&mut app, request);
        let want = if moved {
            id_of(&app, every[1])
        } else {
            last.clone()
        };
        assert_eq!(selected_id(&app), Some(want), "moved: {moved}");
    }
}

/// The list's export asked for as a search starts waits, its prompt open, until the search
/// has found every row (the rows listed before are the query's before, then its first rows);
/// then Enter writes them all.
#[test]
fn the_lists_export_waits_for_every_row() {
    let every = rows_after("/e\n");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("found.md");
    let mut app = app(120, 12);
    app.search_in_background_from = 1;
    press(&mut app, "/e\n");
    let asked = searches(&mut app);
    let request = asked.last().unwrap();
    press(&mut app, "E");
    press(&mut app, file.to_str().unwrap());
    // Before any answer the rows listed are the query's before: not written either.
    press(&mut app, "\n");
    let shown = screen(&app);
    assert!(
        shown.contains("still searching: the list's export waits until every row is found;"),
        "{shown}"
    );
    assert!(!file.exists());
    step(&mut app, Action::Found(Box::new(request.early().unwrap())));
    let shown = screen(&app);
    assert!(shown.contains("export 12+ contests to"), "{shown}");
    press(&mut app, "\n");
    let shown = screen(&app);
    assert!(
        shown.contains("still searching: the list's export waits"),
        "{shown}"
    );
    assert!(!file.exists());

    answer(&mut app, request);
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("export {} contests to", every.len())),
        "{shown}"
    );
    press(&mut app, "\n");
    let text = std::fs::read_to_string(&file).unwrap();
    let data = app.data.as_ref().unwrap().dataset();
    for &i in &every {
        assert!(text.contains(data.contests[i].id.as_str()), "{text}");
    }
}

/// Any interleaving of letters typed and taken back, and of answers arriving — first rows or
/// every row, late, out of order, or never — leaves the list honest: first rows are flagged
/// only while their search is still running, and once no search is, the list holds exactly
/// what a search on the UI thread lists for the word in the prompt.
#[test]
fn any_order_of_letters_and_answers_leaves_the_list_right() {
    // xorshift: the same sequences every run.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n).unwrap()
    };
    // What the UI thread lists for each word, worked out once.
    let mut listed = std::collections::HashMap::<String, Vec<usize>>::new();
    let mut want = |typed: &str| {
        (listed.entry(typed.to_string()))
            .or_insert_with(|| rows_after(&format!("/{typed}")))
            .clone()
    };
    let (mut early_listed, mut settled) = (0, 0);
    for _ in 0..16 {
        let mut app = app(120, 8);
        app.search_in_background_from = 1;
        press(&mut app, "/");
        let mut typed = String::new();
        let mut pending: Vec<Request> = Vec::new();
        for _ in 0..16 {
            match next(6) {
                0 | 1 => {
                    let letter = ['e', 's', 't'][next(3)];
                    typed.push(letter);
                    press(&mut app, &letter.to_string());
                }
                2 => {
                    typed.pop();
                    crate::support::tui::key(
                        &mut app,
                        ratatui::crossterm::event::KeyCode::Backspace,
                    );
                }
                3 if !pending.is_empty() => {
                    let request = &pending[next(pending.len() as u64)];
                    if let Some(early) = request.early() {
                        step(&mut app, Action::Found(Box::new(early)));
                    }
                }
                _ if !pending.is_empty() => {
                    let request = pending.remove(next(pending.len() as u64));
                    answer(&mut app, &request);
                }
                _ => {}
            }
            pending.extend(searches(&mut app));
            assert!(!app.rows_in_part || app.searching.is_some());
            early_listed += usize::from(app.rows_in_part);
            if app.searching.is_none() {
                assert_eq!(*app.rows, want(&typed), "{typed:?}");
                settled += 1;
            }
        }
        // Every answer still to come arrives, in the order asked.
        for request in &pending {
            answer(&mut app, request);
        }
        assert!(app.searching.is_none() && !app.rows_in_part);
        assert_eq!(*app.rows, want(&typed), "{typed:?}");
    }
    // Both states were visited along the way.
    assert!(
        early_listed > 10 && settled > 10,
        "{early_listed}, {settled}"
    );
}
