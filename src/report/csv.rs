//! CSV output for spreadsheets and scripts (columns in docs/OUTPUT.md). `list` writes one row
//! per candidate with the contest's columns repeated; a contest with no candidates still gets
//! one row, its candidate columns empty. An empty cell means unknown.
//!
//! Text taken from the data goes through `TextCells::text`, and every cell written through
//! `Sheet` (`TextCells::cell`, whatever built it), which by default keeps a
//! spreadsheet from running it as a formula (OWASP "CSV injection"); cells the program writes
//! from numbers, and its own words (`selection`, `true`), are written as they are.

use std::borrow::Cow;
use std::io::{self, Write};

use super::facts::Summary;
use super::words::{faction_name, region_name};
use super::{Listing, StatsReport, warnings_of};
use crate::model::arithmetic::{self, Share};
use crate::model::{Bound, Candidate, Contest, Dataset};
use crate::stats::{GroupRecord, Groups};

/// The columns of `list --format csv`, in order.
pub const LIST_COLUMNS: [&str; 42] = [
    "contest_id",
    "title",
    "kind",
    "party",
    "constituency",
    "constituency_id",
    "region_id",
    "region",
    "date",
    "status",
    "status_as_of",
    "method",
    "ballots_valid",
    "ballots_rejected",
    "ballots_cast",
    "ballots_eligible",
    "turnout_percent",
    "margin_votes",
    "margin_points",
    "majority_stated",
    "result",
    "winner",
    "winner_faction_id",
    "warnings",
    // The change since the seat's previous contest (`list`, `history`): in words, the
    // computed result, the winner's party's ± share.
    "change",
    "result_computed",
    "change_points",
    "candidate_rank",
    "candidate_name",
    "candidate_party",
    "candidate_faction_id",
    "candidate_faction",
    "candidate_votes",
    "candidate_share_percent",
    "candidate_share_bound",
    "candidate_share_basis",
    "candidate_share_label",
    "candidate_elected",
    "candidate_place",
    "candidate_incumbent",
    "candidate_endorsements",
    // The paths of the contest's values its author inferred (`region; candidates[0].faction`).
    "inferred",
];

/// Joins several values in one cell.
const LIST_SEPARATOR: &str = "; ";

/// How text taken from the data is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TextCells {
    /// A text cell a spreadsheet would run as a formula gets a leading `'`.
    #[default]
    FormulaSafe,
    /// Text exactly as in the data (`--csv-raw`), for programs that read the CSV.
    Raw,
}

impl TextCells {
    /// What makes a spreadsheet run a cell as a formula (OWASP): one of these first…
    const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];
    /// …or a tab or carriage return first…
    const CONTROL_STARTS: [char; 2] = ['\t', '\r'];

    /// …or one of `FORMULA_STARTS` after characters a spreadsheet may pass over: whitespace
    /// (NBSP among it), zero-width spaces and joiners, a byte-order mark.
    fn is_skipped(c: char) -> bool {
        c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
    }

    /// Whether a spreadsheet would run `value` as a formula.
    pub fn is_formula(value: &str) -> bool {
        value.starts_with(Self::CONTROL_STARTS)
            || value
                .trim_start_matches(Self::is_skipped)
                .starts_with(Self::FORMULA_STARTS)
    }

    /// A cell of text taken from the data (a name, title, id, endorser…): with `FormulaSafe`,
    /// `'` is put before text a spreadsheet would run as a formula ([`Self::is_formula`]), so
    /// it shows it as text. Never used for numbers: `-5` stays a number.
    pub fn text(self, value: &str) -> String {
        self.text_cell(value).into_owned()
    }

    /// [`Self::text`], borrowed when nothing is put before it (most cells).
    fn text_cell(self, value: &str) -> Cow<'_, str> {
        match self {
            TextCells::FormulaSafe if Self::is_formula(value) => format!("'{value}").into(),
            _ => value.into(),
        }
    }

    /// The last word on every cell written, whatever built it: with `FormulaSafe`, a cell that
    /// is not a number and would run as a formula gets its `'` here (text from the data has it
    /// already, from [`Self::text`]; this catches cells that begin with data inside the
    /// program's words, such as `+Blue gain from …`). A number (`-2.50`) is left as it is.
    pub fn cell(self, value: &str) -> Cow<'_, str> {
        // The formula test first: most cells cannot be one, and need no number parsed.
        let formula = || Self::is_formula(value) && !value.parse::<f64>().is_ok_and(f64::is_finite);
        match self {
            TextCells::FormulaSafe if formula() => format!("'{value}").into(),
            _ => value.into(),
        }
    }

    /// An optional text cell: empty when unknown.
    fn opt<S: AsRef<str> + ?Sized>(self, value: Option<&S>) -> String {
        self.opt_cell(value).into_owned()
    }

    /// [`Self::opt`], borrowed when nothing is put before it.
    fn opt_cell<S: AsRef<str> + ?Sized>(self, value: Option<&S>) -> Cow<'_, str> {
        value.map_or(Cow::Borrowed(""), |v| self.text_cell(v.as_ref()))
    }
}

/// A CSV writer whose every cell passes [`TextCells::cell`] on its way out: no output can
/// write a formula by building a cell some other way. Cells are quoted as the csv crate's
/// writer quotes them (by csv_core, its engine), a row at a time; cells that begin several rows
/// (a contest's columns, on each of its candidates' rows) can be encoded once ([`Self::prefix`]).
struct Sheet<W: Write> {
    out: W,
    core: csv_core::Writer,
    /// The row being encoded: `row[..end]`, the rest room to encode into.
    row: Vec<u8>,
    end: usize,
    /// How many cells each row has: the first row's (the header's).
    width: Option<usize>,
    cells: TextCells,
}

/// The encoded cells that begin several rows, and how many.
#[derive(Default)]
struct Prefix {
    bytes: Vec<u8>,
    cells: usize,
}

impl<W: Write> Sheet<W> {
    fn new(out: W, cells: TextCells) -> Sheet<W> {
        Sheet {
            out,
            core: csv_core::Writer::new(),
            row: Vec::new(),
            end: 0,
            width: None,
            cells,
        }
    }

    fn row<I>(&mut self, record: I) -> io::Result<()>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        self.row_after(&Prefix::default(), record)
    }

    /// `prefix`'s cells then `record`'s, as one row.
    fn row_after<I>(&mut self, prefix: &Prefix, record: I) -> io::Result<()>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let cells = prefix.cells + self.encode(record);
        self.put(csv_core::Writer::terminator);
        // As the csv crate's writer refuses rows of another width than the first.
        if *self.width.get_or_insert(cells) != cells {
            self.end = 0;
            return Err(io::Error::other(format!(
                "a CSV row of {cells} cells after rows of {}",
                self.width.unwrap_or_default()
            )));
        }
        self.out.write_all(&prefix.bytes)?;
        self.out.write_all(&self.row[..self.end])?;
        self.end = 0;
        Ok(())
    }

    /// `record`'s cells encoded once, to begin several rows ([`Self::row_after`]).
    fn prefix<I>(&mut self, record: I) -> Prefix
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let cells = self.encode(record);
        self.put(csv_core::Writer::delimiter);
        let bytes = self.row[..self.end].to_vec();
        self.end = 0;
        Prefix { bytes, cells }
    }

    /// Encodes `record`'s cells onto the row, a delimiter between each two; returns how many.
    fn encode<I>(&mut self, record: I) -> usize
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut count = 0;
        for cell in record {
            if count > 0 {
                self.put(csv_core::Writer::delimiter);
            }
            let cell = self.cells.cell(cell.as_ref());
            let input = cell.as_bytes();
            // At most two bytes a byte (every one a quote, doubled) and the opening quote.
            self.room(2 * input.len() + 1);
            let (_, read, wrote) = self.core.field(input, &mut self.row[self.end..]);
            debug_assert_eq!(read, input.len());
            self.end += wrote;
            count += 1;
        }
        count
    }

    /// Puts a delimiter or a line end (with any closing quote) on the row.
    fn put(
        &mut self,
        mark: fn(&mut csv_core::Writer, &mut [u8]) -> (csv_core::WriteResult, usize),
    ) {
        // A closing quote, and `""` or `\r\n` at most.
        self.room(4);
        let (_, wrote) = mark(&mut self.core, &mut self.row[self.end..]);
        self.end += wrote;
    }

    /// Makes room for `more` bytes after the row's end.
    fn room(&mut self, more: usize) {
        if self.row.len() < self.end + more {
            self.row
                .resize((self.end + more).max(2 * self.row.len()), 0);
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `list --format csv`.
pub fn list(out: &mut impl Write, listing: &Listing, cells: TextCells) -> io::Result<()> {
    let ds = listing.dataset;
    let mut w = Sheet::new(out, cells);
    let header = LIST_COLUMNS;
    w.row(header)?;
    for i in crate::query::ahead::rows(ds, listing.rows) {
        let contest = &ds.contests[i];
        let warnings = warnings_of(listing.warnings, i);
        let mut head = contest_cells(ds, contest, &warnings, cells);
        let headline = listing.changes.map(|changes| changes.headline(ds, i));
        head.push(
            headline
                .as_ref()
                .map(crate::report::change::short)
                .unwrap_or_default()
                .into(),
        );
        // Empty where no change is known (or asked for).
        let known = headline.as_ref().and_then(|h| h.as_ref().ok());
        let result = known.and_then(|h| h.outcome.as_ref());
        head.push(
            cells
                .opt(result.map(crate::model::change::Outcome::label).as_ref())
                .into(),
        );
        head.push(
            opt(known
                .and_then(|h| h.winner_points)
                .map(|p| format!("{p:.2}")))
            .into(),
        );
        let inferred = [cells.text(
            &contest
                .inferred
                .iter()
                .map(|x| x.field.as_str())
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR),
        )];
        let ranked = arithmetic::ranked(contest);
        // The contest's columns are the same on each of its rows: encoded once.
        let columns = head.len();
        let head = w.prefix(head);
        if ranked.is_empty() {
            let blank = vec![String::new(); header.len() - columns - inferred.len()];
            w.row_after(&head, blank.iter().chain(&inferred))?;
        }
        let shares = arithmetic::Shares::of(contest);
        for (rank, &c) in ranked.iter().enumerate() {
            let tail = candidate_cells(ds, shares, &contest.candidates[c], rank + 1, cells);
            let inferred = inferred.iter().map(String::as_str);
            w.row_after(&head, tail.iter().map(AsRef::as_ref).chain(inferred))?;
        }
    }
    w.flush()
}

/// A cell the program writes from a number or a date; empty when unknown. Text from the data
/// goes through `TextCells` instead.
fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// A contest's cells, borrowed from the data where nothing is added.
fn contest_cells<'a>(
    ds: &'a Dataset,
    c: &'a Contest,
    warnings: &[String],
    cells: TextCells,
) -> Vec<Cow<'a, str>> {
    let s = Summary::new(ds, c);
    let ballots = c.ballots.clone().unwrap_or_default();
    vec![
        cells.text_cell(&c.id),
        cells.text_cell(&c.title),
        c.kind.as_str().into(),
        cells.opt_cell(c.party.as_ref()),
        cells.opt_cell(c.constituency.as_ref()),
        cells.opt_cell(c.constituency_id.as_ref()),
        cells.opt_cell(c.region.as_ref()),
        cells.opt_cell(s.region.map(|r| &r.name)),
        opt(c.date).into(),
        c.status.as_str().into(),
        opt(c.status_as_of).into(),
        cells.opt_cell(c.method.as_ref()),
        opt(ballots.valid).into(),
        opt(ballots.rejected).into(),
        opt(s.cast).into(),
        opt(ballots.eligible).into(),
        opt(s.turnout.map(|t| format!("{t:.2}"))).into(),
        opt(s.margin_votes).into(),
        opt(s.margin_points.map(|p| format!("{p:.2}"))).into(),
        opt(c.majority).into(),
        cells.opt_cell(c.result.as_ref()),
        // Several seats: everyone elected, in the order elected.
        cells
            .text(
                &s.winners
                    .iter()
                    .map(|w| w.label())
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
            )
            .into(),
        cells
            .text(
                &s.winners
                    .iter()
                    .filter_map(|w| w.faction.as_deref())
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
            )
            .into(),
        // Warnings quote the data (candidates' names), so they are text from the data too.
        cells.text(&warnings.join(LIST_SEPARATOR)).into(),
    ]
}

/// A candidate's cells, borrowed from the data where nothing is added (a million contests'
/// candidates are written).
fn candidate_cells<'a>(
    ds: &Dataset,
    shares: arithmetic::Shares,
    c: &'a Candidate,
    rank: usize,
    cells: TextCells,
) -> [Cow<'a, str>; 14] {
    let share = shares.share(c);
    let (percent, bound, basis) = match &share {
        Share::Computed(p) => (format!("{p:.2}"), bound_name(Bound::Exact), "votes"),
        Share::Stated(s) => (s.percent.to_string(), bound_name(s.bound), "stated"),
        Share::Unknown => (String::new(), "", ""),
    };
    let faction = (c.faction.as_deref()).map(|f| cells.text(&faction_name(ds, Some(f))));
    let endorsements = match c.endorsements.as_slice() {
        [] => Cow::Borrowed(""),
        [one] => cells.text_cell(one),
        all => cells.text(&all.join(LIST_SEPARATOR)).into(),
    };
    let yes_no = |b: bool| Cow::Borrowed(if b { "true" } else { "false" });
    [
        rank.to_string().into(),
        cells.text_cell(&c.name),
        cells.opt_cell(c.party.as_ref()),
        cells.opt_cell(c.faction.as_ref()),
        faction.unwrap_or_default().into(),
        opt(c.votes).into(),
        percent.into(),
        bound.into(),
        basis.into(),
        share.label().into(),
        yes_no(c.elected),
        opt(c.place()).into(),
        yes_no(c.incumbent),
        endorsements,
    ]
}

fn bound_name(bound: Bound) -> &'static str {
    match bound {
        Bound::Exact => "exact",
        Bound::About => "about",
        Bound::Over => "over",
        Bound::Under => "under",
    }
}

/// The columns of `show --format csv` (every round of a count), in order.
pub const ROUND_COLUMNS: [&str; 15] = [
    "contest_id",
    "round",
    "candidate",
    "faction_id",
    "votes",
    "share_percent",
    "change",
    "status",
    "transfers_in",
    "transfers_out",
    "exhausted",
    "set_aside",
    "threshold",
    "surplus",
    "seats",
];

/// `show --format csv`: every round of a preferential count, one row per candidate per round
/// (`round_records`); a contest without rounds has the header alone.
pub fn rounds(out: &mut impl Write, contest: &Contest, cells: TextCells) -> io::Result<()> {
    let mut w = Sheet::new(out, cells);
    w.row(ROUND_COLUMNS)?;
    let seats = contest.seats.unwrap_or(1).to_string();
    let count = |t: &Option<crate::model::tally::Tally>| {
        t.as_ref().map(ToString::to_string).unwrap_or_default()
    };
    for r in crate::report::round_records::records(contest) {
        w.row([
            cells.text(&contest.id),
            r.round.to_string(),
            cells.text(&r.candidate),
            cells.opt(r.faction_id.as_ref()),
            count(&r.votes),
            r.share_percent.map(|p| p.to_string()).unwrap_or_default(),
            r.change.unwrap_or_default(),
            r.status.as_str().to_string(),
            count(&r.transfers_in),
            count(&r.transfers_out),
            count(&r.exhausted),
            count(&r.set_aside),
            count(&r.threshold),
            count(&r.surplus),
            seats.clone(),
        ])?;
    }
    w.flush()
}

/// `stats --format csv`: one row per group.
pub fn stats(out: &mut impl Write, report: &StatsReport, cells: TextCells) -> io::Result<()> {
    let ds = report.dataset;
    let mut w = Sheet::new(out, cells);
    let mut write = |record: Vec<String>| w.row(record);
    match &report.groups {
        Groups::Faction(records) => {
            write(header_cells(&[
                "faction_id",
                "faction",
                "stood",
                "won",
                "lost",
                "pending",
            ]))?;
            for r in records {
                let mut row = vec![
                    cells.opt(r.faction.as_ref()),
                    cells.text(&faction_name(ds, r.faction.as_deref())),
                ];
                row.extend(numbers(&[r.stood, r.won, r.lost, r.pending]));
                write(row)?;
            }
        }
        Groups::Region(records) => {
            let factions = winning_factions(ds, records);
            write(group_header(&["region_id", "region"], &factions))?;
            for g in records {
                let key = vec![
                    cells.opt(g.key.as_ref()),
                    cells.text(&region_name(ds, g.key.as_deref())),
                ];
                write(group_cells(key, g, &factions))?;
            }
        }
        Groups::Kind(records) => {
            let factions = winning_factions(ds, records);
            write(group_header(&["kind"], &factions))?;
            for g in records {
                write(group_cells(vec![g.key.as_str().into()], g, &factions))?;
            }
        }
        Groups::Endorser(records) => {
            write(header_cells(&[
                "endorser", "endorsed", "won", "lost", "pending", "win_rate", "backing",
            ]))?;
            for r in records {
                let mut row = vec![cells.text(&r.name)];
                row.extend(numbers(&[r.endorsed, r.won, r.lost, r.pending]));
                row.push(opt(r.win_rate().map(|x| format!("{x:.2}"))));
                row.push(r.backing.as_str().into());
                write(row)?;
            }
        }
        Groups::Party(records) => {
            write(header_cells(&[
                "party",
                "faction_id",
                "stood",
                "won",
                "lost",
                "pending",
                "votes",
                "votes_unknown",
                "share_percent",
                "parts",
                "share_then_percent",
                "share_points",
            ]))?;
            for r in records {
                let mut row = vec![cells.opt(r.party.as_ref()), cells.opt(r.faction.as_ref())];
                row.extend(numbers(&[r.stood, r.won, r.lost, r.pending]));
                row.push(r.votes.to_string());
                row.push(r.votes_unknown.to_string());
                row.push(opt(r.share.map(|x| format!("{x:.2}"))));
                let parts: Vec<String> = r.parts.iter().map(|(p, n)| format!("{p}: {n}")).collect();
                row.push(cells.text(&parts.join("; ")));
                row.push(opt(r.share_then.map(|(x, _)| format!("{x:.2}"))));
                row.push(opt(r.share_points().map(|x| format!("{x:.2}"))));
                write(row)?;
            }
        }
        Groups::Swing(seats) => {
            write(header_cells(&[
                "contest_id",
                "constituency",
                "previous_id",
                "result",
                "swing_from",
                "swing_to",
                "swing_points",
                "winner_share_points",
            ]))?;
            for s in seats {
                let (now, then) = (&ds.contests[s.contest], &ds.contests[s.previous]);
                write(vec![
                    cells.text(&now.id),
                    cells.opt(now.constituency.as_ref()),
                    cells.text(&then.id),
                    cells.opt(s.result.as_ref()),
                    cells.text(&s.swing.from),
                    cells.text(&s.swing.to),
                    format!("{:.2}", s.swing.points),
                    opt(s.winner_points.map(|x| format!("{x:.2}"))),
                ])?;
            }
        }
        Groups::Change(m) => {
            write(header_cells(&[
                "from",
                "from_short",
                "to",
                "to_short",
                "seats",
            ]))?;
            for (f, from) in m.parties.iter().enumerate() {
                for (t, to) in m.parties.iter().enumerate() {
                    if m.seats[f][t] > 0 {
                        write(vec![
                            cells.text(&from.name),
                            cells.text(&from.short),
                            cells.text(&to.name),
                            cells.text(&to.short),
                            m.seats[f][t].to_string(),
                        ])?;
                    }
                }
            }
        }
        Groups::Month(records) => {
            let factions = winning_factions(ds, records);
            write(group_header(&["period", "name"], &factions))?;
            for g in records {
                let head = vec![opt(g.key.key()), g.key.to_string()];
                write(group_cells(head, g, &factions))?;
            }
        }
    }
    w.flush()
}

fn header_cells(names: &[&str]) -> Vec<String> {
    names.iter().map(std::string::ToString::to_string).collect()
}

fn numbers(counts: &[usize]) -> impl Iterator<Item = String> + '_ {
    counts.iter().map(usize::to_string)
}

/// Every winner's faction across the groups, in catalogue order, no-faction last.
fn winning_factions<K>(ds: &Dataset, records: &[GroupRecord<K>]) -> Vec<Option<String>> {
    let won = |f: &Option<String>| records.iter().any(|g| g.wins.iter().any(|(x, _)| x == f));
    ds.factions
        .iter()
        .map(|f| Some(f.id.to_string()))
        .chain([None])
        .filter(won)
        .collect()
}

/// `won:<faction id>` per faction, `won:none` for winners of no known faction.
fn group_header(key: &[&str], factions: &[Option<String>]) -> Vec<String> {
    let mut header = header_cells(key);
    header.extend(header_cells(&["contests", "decided", "pending"]));
    header.extend(
        factions
            .iter()
            .map(|f| format!("won:{}", f.as_deref().unwrap_or("none"))),
    );
    header
}

fn group_cells<K>(
    mut row: Vec<String>,
    g: &GroupRecord<K>,
    factions: &[Option<String>],
) -> Vec<String> {
    row.extend(numbers(&[g.contests, g.decided, g.pending]));
    row.extend(factions.iter().map(|f| {
        let won = g.wins.iter().find(|(x, _)| x == f).map_or(0, |(_, n)| *n);
        won.to_string()
    }));
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows begun by an encoded prefix are byte for byte the rows the csv crate's writer
    /// writes, whatever the cells hold: quotes, delimiters, line ends, empty cells, formulas.
    #[test]
    fn a_sheets_rows_are_the_csv_crates_rows() {
        let tricky = [
            "plain",
            "",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "\r",
            "\"",
            "=1+1",
            "-5",
            " ünïcode ",
        ];
        for cells in [TextCells::FormulaSafe, TextCells::Raw] {
            let mut ours = Vec::new();
            let mut theirs = csv::Writer::from_writer(Vec::new());
            let mut sheet = Sheet::new(&mut ours, cells);
            sheet.row(["h1", "h2", "h3", "h4"]).unwrap();
            theirs.write_record(["h1", "h2", "h3", "h4"]).unwrap();
            for (n, first) in tricky.iter().enumerate() {
                let second = tricky[(n + 3) % tricky.len()];
                let prefix = sheet.prefix([first, &second]);
                for tail in [["", ""], [second, first], ["x", "\"y\""]] {
                    sheet.row_after(&prefix, tail).unwrap();
                    let whole = [*first, second, tail[0], tail[1]];
                    theirs
                        .write_record(whole.iter().map(|c| cells.cell(c).into_owned()))
                        .unwrap();
                }
            }
            // A row of another width is refused, as the csv crate refuses it.
            assert!(sheet.row(["just one"]).is_err());
            sheet.flush().unwrap();
            let theirs = theirs.into_inner().unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }

    #[test]
    fn formula_text_gets_a_leading_quote() {
        let safe = TextCells::FormulaSafe;
        for formula in [
            "=1+1",
            "+cmd",
            "-x",
            "@SUM(A1)",
            "\tTab",
            "\rReturn",
            "=",
            " =1",
            "\u{a0}+x",
            "\u{200b}-x",
            "\u{feff}@x",
            " \u{feff}\u{a0}=1",
            "\n=1",
        ] {
            assert_eq!(safe.text(formula), format!("'{formula}"));
            assert_eq!(safe.cell(formula), format!("'{formula}"));
        }
        for plain in [
            "Ann",
            "",
            " Ann",
            "'=1",
            "1-2",
            "a=b",
            "\nline",
            "Ó Briain",
            "\u{feff}x",
        ] {
            assert_eq!(safe.text(plain), plain);
        }
        // Numbers the program writes stay numbers; text built around the data does not.
        for number in ["-2.50", "+30", "-5", "1e3"] {
            assert_eq!(safe.cell(number), number);
        }
        assert_eq!(safe.cell("+Blue gain from Red"), "'+Blue gain from Red");
        assert_eq!(TextCells::Raw.cell("+Blue gain"), "+Blue gain");
        assert_eq!(safe.opt::<str>(None), "");
        assert_eq!(safe.opt(Some(&"-x".to_string())), "'-x");
    }

    #[test]
    fn raw_text_is_as_written() {
        for text in ["=1+1", "+cmd", "-x", "@SUM(A1)", "\tTab", "\rReturn", "Ann"] {
            assert_eq!(TextCells::Raw.text(text), text);
        }
    }
}
