//! What the explorer tells the user, and the log that keeps it. Every notice, complaint and
//! load error shown in the status bar — where a long one is cut to fit — is also logged in
//! full with the time it happened, for `M` to show (newest first, wrapped, scrollable). The
//! time is the one the event loop last gave (`Action::Clock`), so `update` never reads the
//! clock and tests stamp what they like.

use std::collections::VecDeque;

use chrono::NaiveTime;

use crate::explorer::app::{App, Overlay};
use crate::explorer::layout;
use crate::report::{cells, safe};
use ratatui::layout::Rect;

/// One message as it was shown, in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// When it was shown (the event loop's clock; seconds are what the log shows).
    pub at: NaiveTime,
    pub text: String,
    /// Something went wrong (a complaint or a load error), shown with `⚠`.
    pub problem: bool,
}

/// The last [`MessageLog::CAPACITY`] messages, and how far their popup is scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageLog {
    /// Oldest first.
    entries: VecDeque<Message>,
    /// First line of the popup shown.
    pub scroll: u16,
    /// How far the popup can scroll, as the last frame drawn measured it (`ScrollLimits`).
    pub max: u16,
}

impl MessageLog {
    /// Messages kept; older ones are forgotten.
    pub const CAPACITY: usize = 200;

    fn push(&mut self, message: Message) {
        if self.entries.len() == Self::CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(message);
    }

    /// The messages, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &Message> {
        self.entries.iter().rev()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Most rows the status bar's messages take above its line of filters; a longer message is
/// cut there and says which key shows it whole.
pub const MESSAGE_ROWS: u16 = 3;

impl App {
    /// What the status bar says above its filters, oldest first: the load error, the
    /// notice, an export under way, and why a prompt refused what was typed; `true` for a
    /// problem (shown with ⚠).
    pub fn status_messages(&self) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        if let Some(error) = &self.error {
            out.push((format!("⚠ {error}"), true));
        }
        if let Some(notice) = &self.notice {
            let problem = notice.starts_with('⚠');
            out.push((notice.clone(), problem));
        }
        if let Some(what) = &self.exporting
            && !matches!(self.overlay, Overlay::Confirm(_))
        {
            out.push((format!("exporting {what}…"), false));
        }
        if let Overlay::Input(input) = &self.overlay
            && let Some(e) = &input.error
        {
            out.push((format!("⚠ {e}"), true));
        }
        out
    }

    /// Rows the messages take above the status bar's line on `screen`: each wrapped whole,
    /// up to `MESSAGE_ROWS` (fewer on a short screen, none on a tiny one, where the one line
    /// says the message before the filters).
    pub fn message_rows(&self, screen: Rect) -> u16 {
        let cap = (screen.height.saturating_sub(4) / 4).min(MESSAGE_ROWS);
        if cap == 0 {
            return 0;
        }
        let width = usize::from(screen.width.saturating_sub(2));
        let lines: usize = self
            .status_messages()
            .iter()
            .map(|(text, _)| cells::wrap(text, width).len())
            .sum();
        u16::try_from(lines).unwrap_or(u16::MAX).min(cap)
    }

    /// Tells the user what just happened, in the status bar until the next key, and logs it.
    pub(super) fn say(&mut self, text: String) {
        // Messages quote the data (file names, values): shown, never obeyed.
        let text = safe::message(&text).into_owned();
        self.log(text.clone(), false);
        self.notice = Some(text);
    }

    /// Tells the user what went wrong, the same way.
    pub(super) fn complain(&mut self, text: String) {
        let text = safe::message(&text).into_owned();
        self.notice = Some(format!("⚠ {text}"));
        self.log(text, true);
    }

    /// A load failed: the error stays in the status bar until a load succeeds; it is logged.
    pub(super) fn load_failed(&mut self, error: String) {
        let error = safe::message(&error).into_owned();
        self.log(error.clone(), true);
        self.error = Some(error);
        self.notice = None;
    }

    /// Says beside the open prompt (which stays open) why what was typed is refused; logged.
    pub(super) fn refuse(&mut self, error: String) {
        let error = safe::message(&error).into_owned();
        if let Overlay::Input(input) = &mut self.overlay {
            input.error = Some(error.clone());
            self.log(error, true);
        }
    }

    fn log(&mut self, text: String, problem: bool) {
        let at = self.clock;
        self.messages.push(Message { at, text, problem });
    }

    /// `M`: opens the log at its newest message, or closes it. A prompt, picker or question
    /// stays as it is (the key map never sends this while one is open).
    pub(super) fn toggle_messages(&mut self) {
        match self.overlay {
            Overlay::Messages => self.overlay = Overlay::None,
            Overlay::None => {
                self.overlay = Overlay::Messages;
                self.messages.scroll = 0;
            }
            _ => {}
        }
    }

    /// Scrolls the log popup by `lines` (negative: up), no further than its end.
    pub(super) fn scroll_messages(&mut self, lines: i32) {
        let log = &mut self.messages;
        log.scroll = (i32::from(log.scroll) + lines).clamp(0, i32::from(log.max)) as u16;
    }

    /// Lines a page of the log popup scrolls (its height less one, for context).
    pub(super) fn messages_page(&self) -> i32 {
        let inner = layout::inner(layout::message_log(self.screen));
        i32::from(inner.height.saturating_sub(1).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_forgets_the_oldest_beyond_its_capacity() {
        let mut log = MessageLog::default();
        let at = NaiveTime::from_hms_opt(9, 0, 0).expect("a time");
        for n in 0..MessageLog::CAPACITY + 5 {
            log.push(Message {
                at,
                text: format!("message {n}"),
                problem: false,
            });
        }
        assert_eq!(log.len(), MessageLog::CAPACITY);
        let texts: Vec<&str> = log.newest_first().map(|m| m.text.as_str()).collect();
        assert_eq!(texts[0], "message 204");
        assert_eq!(texts[MessageLog::CAPACITY - 1], "message 5");
    }
}
