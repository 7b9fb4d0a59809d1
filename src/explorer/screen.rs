//! What the screen shows: which view, which pane has the keys, how far the panes drawn last
//! can scroll, the list's order and columns. Plain values shared by actions, key bindings,
//! state and drawing.

use crate::query::SortKey;

/// Which screen the body shows; the number keys 1–8 pick one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    /// The contest list beside the selected contest's detail.
    #[default]
    Contests,
    /// Wins per faction and region, decided and pending, seats per party.
    Scoreboard,
    /// Each endorser's record; Enter lists its candidates' contests.
    Endorsements,
    /// Contests per month.
    Timeline,
    /// The contest list beside the selected contest's count, round by round.
    Rounds,
    /// The contest list beside every contest in the selected contest's constituency.
    History,
    /// The two marked contests side by side.
    Compare,
    /// Seats changing hands: the previous winner's party → the new winner's, holds on the
    /// diagonal (`stats --by change`).
    Changes,
}

impl View {
    /// Every view, in the order of its number key.
    pub const ALL: [View; 8] = [
        View::Contests,
        View::Scoreboard,
        View::Endorsements,
        View::Timeline,
        View::Rounds,
        View::History,
        View::Compare,
        View::Changes,
    ];

    /// The view's name on its tab.
    pub fn title(self) -> &'static str {
        match self {
            View::Contests => "Contests",
            View::Scoreboard => "Scoreboard",
            View::Endorsements => "Endorsers",
            View::Timeline => "Timeline",
            View::Rounds => "Rounds",
            View::History => "History",
            View::Compare => "Compare",
            View::Changes => "Changes",
        }
    }

    /// Its number key, 1–8.
    pub fn key(self) -> char {
        let i = View::ALL.iter().position(|v| *v == self).unwrap_or(0);
        char::from(b'1' + i as u8)
    }

    /// Whether the view takes the whole body (the others keep the contest list on the left).
    pub fn full_body(self) -> bool {
        matches!(
            self,
            View::Scoreboard | View::Endorsements | View::Timeline | View::Compare | View::Changes
        )
    }
}

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// How far the scrolling panes of the frame just drawn can scroll. Only drawing knows, as it
/// depends on how the text wrapped: `ui::render` returns this and the explorer loop hands it
/// back to `update` as `Action::Drawn`, so scrolling stops at the end of what is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScrollLimits {
    /// The detail pane (or the rounds or seat-history pane in its place), if it was drawn.
    pub detail: Option<u16>,
    /// The scrolling view over the whole body (scoreboard, timeline, compare), if drawn.
    pub view: Option<u16>,
    /// The help overlay, if drawn.
    pub help: Option<u16>,
    /// The message log popup, if drawn.
    pub messages: Option<u16>,
}

/// What the contest list is sorted by: one of the query's orders (as `--sort` gives them), or
/// the change since the seat's previous contest — the explorer's own order, `s` after
/// turnout: the winner's party's ± share, the largest rise first (`S`: the largest fall
/// first), contests with no change known last, ties newest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListSort {
    Key(SortKey),
    Change,
}

impl ListSort {
    /// Its name in the status bar.
    pub fn as_str(self) -> &'static str {
        match self {
            ListSort::Key(key) => key.as_str(),
            ListSort::Change => "change",
        }
    }
}

/// A column the contest list can show beside the title; `C` opens the picker of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListColumn {
    Kind,
    Region,
    Date,
    /// The winner, or `pending`.
    Winner,
    /// The winner's faction's short label.
    Faction,
    /// The winner's party.
    Party,
    /// The winner's share.
    Share,
    /// The winning margin: the majority in votes, and in points.
    Margin,
    Turnout,
    /// The result against the seat's previous contest: `Lab hold`, `Con gain from Lab`.
    Result,
    /// The winner's party's ± share since the seat's previous contest.
    Change,
}

impl ListColumn {
    /// Every column, in the order the picker lists them and the list draws them.
    pub const ALL: [ListColumn; 11] = [
        ListColumn::Kind,
        ListColumn::Region,
        ListColumn::Date,
        ListColumn::Winner,
        ListColumn::Faction,
        ListColumn::Party,
        ListColumn::Share,
        ListColumn::Margin,
        ListColumn::Turnout,
        ListColumn::Result,
        ListColumn::Change,
    ];

    /// What the picker calls it.
    pub fn describe(self) -> &'static str {
        match self {
            ListColumn::Kind => "kind of contest",
            ListColumn::Region => "region",
            ListColumn::Date => "date",
            ListColumn::Winner => "winner (or pending)",
            ListColumn::Faction => "winner's faction",
            ListColumn::Party => "winner's party",
            ListColumn::Share => "winner's share",
            ListColumn::Margin => "margin: majority in votes and points",
            ListColumn::Turnout => "turnout",
            ListColumn::Result => "result: hold, or gain from the party before",
            ListColumn::Change => "change: the winner's party's ± share",
        }
    }

    fn bit(self) -> u16 {
        let at = ListColumn::ALL.iter().position(|c| *c == self).unwrap_or(0);
        1 << at
    }
}

/// The columns the list may show (as many as fit the width: the sorted-by column always
/// does), chosen with `C` and kept for the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListColumns(u16);

impl Default for ListColumns {
    /// Everything but the party, result and change, which the winner and the detail say.
    fn default() -> ListColumns {
        ListColumns(
            ListColumn::ALL
                .iter()
                .filter(|c| {
                    !matches!(
                        c,
                        ListColumn::Party | ListColumn::Result | ListColumn::Change
                    )
                })
                .fold(0, |bits, c| bits | c.bit()),
        )
    }
}

impl ListColumns {
    pub fn shows(self, column: ListColumn) -> bool {
        self.0 & column.bit() != 0
    }

    /// Shows the column if hidden, hides it if shown.
    pub fn toggle(&mut self, column: ListColumn) {
        self.0 ^= column.bit();
    }
}
