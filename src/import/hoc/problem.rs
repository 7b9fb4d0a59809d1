//! What an import found that does not add up. Each problem displays as one line; those about
//! one seat also become a sentence in that contest's notes (`detail`).

use std::fmt;

use crate::model::text::thousands;

/// One disagreement found while importing. Nothing is fixed: the data keeps what the files say.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Two or more candidates share the most votes; nobody is marked elected.
    Tie {
        contest: String,
        names: Vec<String>,
        votes: u64,
    },
    /// The file's share differs from the candidate's votes over the seat's total.
    Share {
        contest: String,
        candidate: String,
        stated: f64,
        computed: f64,
    },
    /// Rows of one seat disagree about its name or region; the first row's is used.
    SeatDisagrees {
        contest: String,
        line: u64,
        what: &'static str,
        first: String,
        other: String,
    },
    /// Two candidates of one seat have the same name; the later one is told apart by party.
    DuplicateName {
        contest: String,
        line: u64,
        renamed: String,
    },
    /// A seat of the candidate file has no row in the constituency file.
    NoSeatRow { contest: String, file: String },
    /// A seat of the constituency file has no candidates; it is left out.
    NoCandidates {
        file: String,
        line: u64,
        ons_id: String,
        constituency: String,
    },
    /// The constituency file lists a seat twice; the first row is used.
    DuplicateSeatRow {
        file: String,
        line: u64,
        first_line: u64,
        ons_id: String,
    },
    /// The two files spell the seat's name differently (a note, not an error).
    NameSpelling {
        contest: String,
        candidates: String,
        constituencies: String,
    },
    /// The constituency file's member is not the candidate with most votes.
    MemberNotWinner {
        contest: String,
        member: String,
        winner: String,
    },
    /// A party column of the constituency file differs from its candidates' votes.
    PartyVotes {
        contest: String,
        column: &'static str,
        stated: u64,
        candidates: u64,
    },
    /// Seats declared on a day that is neither the election date nor the day after.
    DeclarationDay {
        seats: usize,
        example: String,
        declared: String,
        date: String,
    },
}

impl Problem {
    /// The contest the problem is about, if it is about one.
    pub fn contest(&self) -> Option<&str> {
        use Problem::*;
        match self {
            Tie { contest, .. }
            | Share { contest, .. }
            | SeatDisagrees { contest, .. }
            | DuplicateName { contest, .. }
            | NoSeatRow { contest, .. }
            | NameSpelling { contest, .. }
            | MemberNotWinner { contest, .. }
            | PartyVotes { contest, .. } => Some(contest),
            NoCandidates { .. } | DuplicateSeatRow { .. } | DeclarationDay { .. } => None,
        }
    }

    /// A difference worth knowing that is not a fault in the figures.
    pub fn is_note(&self) -> bool {
        matches!(self, Problem::NameSpelling { .. })
    }

    /// The problem without its contest id: a sentence for the contest's notes.
    pub fn detail(&self) -> String {
        use Problem::*;
        match self {
            Tie { names, votes, .. } => format!(
                "{} tie for first place on {} votes; nobody is marked elected.",
                names.join(" and "),
                thousands(*votes)
            ),
            Share {
                candidate,
                stated,
                computed,
                ..
            } => format!(
                "{candidate}: the file gives a share of {:.2}% but the votes give {:.2}% of the seat's total.",
                stated * 100.0,
                computed * 100.0
            ),
            SeatDisagrees {
                line,
                what,
                first,
                other,
                ..
            } => format!(
                "Line {line} gives the {what} as \"{other}\", earlier rows as \"{first}\"; the first is used."
            ),
            DuplicateName { line, renamed, .. } => format!(
                "Two candidates share a name; the one on line {line} is listed as \"{renamed}\"."
            ),
            NoSeatRow { file, .. } => {
                format!("Not in {file}: ballot totals, majority and result are unknown.")
            }
            NoCandidates {
                file,
                line,
                ons_id,
                constituency,
            } => format!(
                "{file}:{line}: seat {ons_id} ({constituency}) has no candidates in the candidate file; it is left out."
            ),
            DuplicateSeatRow {
                file,
                line,
                first_line,
                ons_id,
            } => format!(
                "{file}:{line}: seat {ons_id} appears again (first on line {first_line}); the first row is used."
            ),
            NameSpelling {
                candidates,
                constituencies,
                ..
            } => format!(
                "The constituency file spells the seat \"{constituencies}\"; the candidate file's \"{candidates}\" is kept."
            ),
            MemberNotWinner { member, winner, .. } => format!(
                "The constituency file names {member} as the member elected, but {winner} has the most votes."
            ),
            PartyVotes {
                column,
                stated,
                candidates,
                ..
            } => format!(
                "The constituency file's {column} column says {} votes, but the candidates' rows give {}.",
                thousands(*stated),
                thousands(*candidates)
            ),
            DeclarationDay {
                seats,
                example,
                declared,
                date,
            } => format!(
                "{seats} seats were declared on a day other than polling day {date} or the day after \
                 (e.g. {example} at {declared}): is the election date right? Give it with --date."
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.contest() {
            Some(contest) => write!(f, "{contest}: {}", self.detail()),
            None => f.write_str(&self.detail()),
        }
    }
}
