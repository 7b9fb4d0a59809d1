//! What the screen shows: which view, which pane has the keys, how far the panes drawn last
//! can scroll. Plain values shared by actions, key bindings, state and drawing.

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
            View::Scoreboard
                | View::Endorsements
                | View::Timeline
                | View::Compare
                | View::Changes
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
