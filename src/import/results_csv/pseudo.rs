//! The rows of published results files that are counts, not candidates: totals, blank, under
//! and over votes, registered voters, ballots cast, invalid votes in the usual words of the
//! languages results are published in. Recognised by name in any case, spacing or
//! punctuation (`? Ungültige`, `OVER_votes`, `Total  Votes`).

/// What a pseudo-row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pseudo {
    /// Ballots invalid in the contest: over votes, invalid, spoilt, rejected, null votes.
    Rejected,
    /// The contest's electorate: registered voters.
    Eligible,
    /// Ballots cast in the contest.
    Cast,
    /// A count that is no candidate and no ballot figure: totals, under votes, blank votes,
    /// times counted.
    NotCandidate,
}

impl Pseudo {
    /// What rows of this kind are taken as, for the notes.
    pub fn taken_as(self) -> &'static str {
        match self {
            Pseudo::Rejected => "rejected ballots",
            Pseudo::Eligible => "the electorate (eligible)",
            Pseudo::Cast => "ballots cast",
            Pseudo::NotCandidate => "no candidate",
        }
    }
}

/// `name` lowercased, every run of characters that are not letters or digits as one space,
/// trimmed; `None` past 40 bytes (no pseudo-row name is that long). Built in a small buffer:
/// this runs on every row.
fn normalised(name: &str, buf: &mut [u8; 40]) -> Option<usize> {
    let mut len = 0;
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if !c.is_alphanumeric() {
            gap = len > 0;
            continue;
        }
        if gap {
            *buf.get_mut(len)? = b' ';
            len += 1;
            gap = false;
        }
        let mut utf8 = [0u8; 4];
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        buf.get_mut(len..len + bytes.len())?.copy_from_slice(bytes);
        len += bytes.len();
    }
    Some(len)
}

/// What a candidate-column (or party-column) value is, if it is a pseudo-row.
pub fn pseudo_row(name: &str) -> Option<Pseudo> {
    let mut buf = [0u8; 40];
    let len = normalised(name, &mut buf)?;
    let text = std::str::from_utf8(&buf[..len]).ok()?;
    Some(match text {
        "over votes" | "overvotes" | "over vote" | "overvote" | "invalid" | "invalid votes"
        | "invalid ballots" | "spoilt" | "spoiled" | "spoilt ballots" | "spoiled ballots"
        | "spoilt votes" | "spoiled votes" | "rejected" | "rejected ballots" | "rejected votes"
        | "void" | "void votes" | "ungültig" | "ungültige" | "ungültige stimmen" | "ungueltig"
        | "ungueltige" | "nuls" | "nul" | "votes nuls" | "bulletins nuls" | "nulos" | "nulo"
        | "votos nulos" | "nulli" | "voti nulli" | "schede nulle" | "ongeldig"
        | "ongeldige stemmen" | "nieważne" | "głosy nieważne" | "neplatné" | "ogiltiga"
        | "ugyldige" | "ugyldige stemmer" | "hylätyt" => Pseudo::Rejected,
        "registered voters"
        | "registered"
        | "total registered"
        | "registered electors"
        | "total registered voters" => Pseudo::Eligible,
        "ballots cast" | "total ballots cast" | "ballots" | "total ballots" => Pseudo::Cast,
        "under votes" | "undervotes" | "under vote" | "undervote" | "blank votes" | "blank"
        | "blanks" | "blank ballots" | "blancos" | "votos en blanco" | "en blanco" | "blancs"
        | "votes blancs" | "bulletins blancs" | "schede bianche" | "total" | "totals"
        | "grand total" | "total votes" | "total votes cast" | "votes cast" | "times counted"
        | "times cast" | "ballots cast blank" => Pseudo::NotCandidate,
        _ => return None,
    })
}

/// Whether a place cell (county, precinct…) names no place but the total of all: such rows are
/// aggregates of the others.
pub fn is_total_place(cell: &str) -> bool {
    let mut buf = [0u8; 40];
    normalised(cell, &mut buf).is_some_and(|len| {
        matches!(
            &buf[..len],
            b"total" | b"totals" | b"grand total" | b"state total" | b"statewide" | b"county total"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_rows_by_name_in_any_case_spacing_or_punctuation() {
        assert_eq!(pseudo_row("Over Votes"), Some(Pseudo::Rejected));
        assert_eq!(pseudo_row("  OVER_votes "), Some(Pseudo::Rejected));
        assert_eq!(pseudo_row("over-vote"), Some(Pseudo::Rejected));
        assert_eq!(pseudo_row("? Ungültige"), Some(Pseudo::Rejected));
        assert_eq!(pseudo_row("Votos nulos"), Some(Pseudo::Rejected));
        assert_eq!(pseudo_row("Spoilt ballots"), Some(Pseudo::Rejected));
        assert_eq!(
            pseudo_row("Total  Votes\u{a0}Cast"),
            Some(Pseudo::NotCandidate)
        );
        assert_eq!(pseudo_row("TOTALS"), Some(Pseudo::NotCandidate));
        assert_eq!(pseudo_row("Blank Votes"), Some(Pseudo::NotCandidate));
        assert_eq!(pseudo_row("Registered Voters"), Some(Pseudo::Eligible));
        assert_eq!(pseudo_row("Registered"), Some(Pseudo::Eligible));
        assert_eq!(pseudo_row("Ballots Cast"), Some(Pseudo::Cast));
        assert_eq!(pseudo_row("Over Votes Cast"), None);
        assert_eq!(pseudo_row("Over"), None);
        assert_eq!(pseudo_row(""), None);
        assert_eq!(pseudo_row("Ann Smith"), None);
        assert_eq!(
            pseudo_row("Total Recall Party of the Long Name Candidates"),
            None
        );
        assert!(is_total_place("TOTAL") && is_total_place("Totals") && !is_total_place("Adams"));
    }
}
