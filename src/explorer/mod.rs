//! The explorer: the terminal front end. Keys and mouse become `Action`s (`keymap`, `app::mouse`),
//! `App::update` is the only place state changes and leaves its side effects in an outbox, `ui`
//! draws `&App` and never changes it, and `event_loop` ties them to a real terminal (`terminal`),
//! background loading (`background_load`, `watch`) and the effects (`export`, clipboard, reload;
//! a large list's view data and a large dataset's search worked out in `background_work`).

pub mod action;
pub mod aggregates;
pub mod app;
pub mod background_load;
pub mod background_work;
pub mod data;
pub mod effect;
mod event_loop;
pub mod export;
mod input;
pub mod keymap;
pub mod layout;
pub mod screen;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod watch;

pub use event_loop::*;
