//! What the screen shows: which view, which pane has the keys, how far the panes drawn last
//! can scroll, the list's order and columns. Plain values shared by actions, key bindings,
//! state and drawing.

use crate::query::SortKey;

/// Which screen the body shows; the number keys 1–9 pick one.
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
    /// A hex map of the seats, coloured by winner, result, margin, turnout, share or change.
    Map,
}

impl View {
    /// Every view, in the order of its number key.
    pub const ALL: [View; 9] = [
        View::Contests,
        View::Scoreboard,
        View::Endorsements,
        View::Timeline,
        View::Rounds,
        View::History,
        View::Compare,
        View::Changes,
        View::Map,
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
            View::Map => "Map",
        }
    }

    /// Its number key, 1–9.
    pub fn key(self) -> char {
        let i = View::ALL.iter().position(|v| *v == self).unwrap_or(0);
        char::from(b'1' + i as u8)
    }

    /// Whether the view takes the whole body (the others keep the contest list on the left).
    pub fn full_body(self) -> bool {
        matches!(
            self,
            View::Scoreboard
                | View::Endorsements
                | View::Timeline
                | View::Compare
                | View::Changes
                | View::Map
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

/// A column of the contest list, in display order. `C` opens a picker of those beside the
/// title (`CHOOSABLE`); the mark, the title and the status are drawn by the list itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListColumn {
    /// The winner's faction's colour (or letters, without colour).
    Mark,
    Title,
    Kind,
    Region,
    Date,
    /// Shown only when the winner column is not: that column says `pending` itself.
    Status,
    /// The winner, `pending`, or `—`.
    Winner,
    /// The winner's faction's short label (colour shows it as the mark; without colour the
    /// mark is these letters, and this column is not shown).
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
    /// The columns the user chooses from, in the order the picker lists them.
    pub const CHOOSABLE: [ListColumn; 11] = [
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

    /// What the picker calls it (the columns it does not list are named too, plainly).
    pub fn describe(self) -> &'static str {
        match self {
            ListColumn::Mark => "faction mark",
            ListColumn::Title => "title",
            ListColumn::Status => "status",
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

    /// Its bit in `ListColumns`; None for a column the user does not choose.
    fn bit(self) -> Option<u16> {
        let at = ListColumn::CHOOSABLE.iter().position(|c| *c == self)?;
        Some(1 << at)
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
            ListColumn::CHOOSABLE
                .iter()
                .filter(|c| {
                    !matches!(
                        c,
                        ListColumn::Party | ListColumn::Result | ListColumn::Change
                    )
                })
                .filter_map(|c| c.bit())
                .fold(0, |bits, bit| bits | bit),
        )
    }
}

impl ListColumns {
    /// Whether the list may show `column`; one the user does not choose, it always may.
    pub fn shows(self, column: ListColumn) -> bool {
        column.bit().is_none_or(|bit| self.0 & bit != 0)
    }

    /// Shows a choosable column if hidden, hides it if shown.
    pub fn toggle(&mut self, column: ListColumn) {
        if let Some(bit) = column.bit() {
            self.0 ^= bit;
        }
    }
}
