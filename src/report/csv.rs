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
use super::{Listing, StatsReport, WarningIndex};
use crate::model::arithmetic::{self, Share};
use crate::model::fixed::Fixed;
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
        // Most cells begin with a letter or a digit, which is none of these nor passed over.
        if value
            .as_bytes()
            .first()
            .is_none_or(u8::is_ascii_alphanumeric)
        {
            return false;
        }
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
/// write a formula by building a cell some other way. Cells are encoded straight onto the row,
/// without a string of their own, and quoted as the csv crate's writer quotes them by default
/// (the test below holds the two together): a cell with a quote, comma or line end in it is
/// put in quotes, its quotes doubled; a row of one empty cell is written `""`. (The csv crate's
/// own engine, csv_core, took a fifth of the list's instructions doing it: it is built for
/// any delimiter, quote and style; this writes one.) Cells that begin several rows (a contest's
/// columns, on each of its candidates' rows) are encoded once and kept ([`Self::hold`]).
struct Sheet<W: Write> {
    out: W,
    /// The row being encoded.
    row: Vec<u8>,
    /// The cells on it so far.
    count: usize,
    /// How many cells each row has: the first row's (the header's).
    width: Option<usize>,
    cells: TextCells,
    /// Where a value is written before it is encoded ([`Self::written`]).
    scratch: String,
}

/// The encoded cells that begin several rows: where they end on the row, and how many.
#[derive(Debug, Clone, Copy, Default)]
struct Held {
    end: usize,
    count: usize,
}

impl Held {
    /// Nothing kept: the next row starts empty.
    const NOTHING: Held = Held { end: 0, count: 0 };
}

impl<W: Write> Sheet<W> {
    fn new(out: W, cells: TextCells) -> Sheet<W> {
        Sheet {
            out,
            row: Vec::new(),
            count: 0,
            width: None,
            cells,
            scratch: String::new(),
        }
    }

    /// A whole row of cells.
    fn row<I>(&mut self, record: I) -> io::Result<()>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        for cell in record {
            self.cell(cell.as_ref());
        }
        self.end_row(Held::NOTHING)
    }

    /// A cell the program made (its words, or text from the data already through
    /// [`TextCells::text`]): the last word on formulas, then encoded.
    fn cell(&mut self, value: &str) {
        match self.cells.cell(value) {
            Cow::Borrowed(value) => self.encode(value.as_bytes()),
            Cow::Owned(value) => self.encode(value.as_bytes()),
        }
    }

    /// A cell of text taken from the data ([`TextCells::text`]).
    fn data(&mut self, value: &str) {
        match self.cells.text_cell(value) {
            Cow::Borrowed(value) => self.cell(value),
            Cow::Owned(value) => self.cell(&value),
        }
    }

    /// [`Self::data`], empty when unknown.
    fn opt_data(&mut self, value: Option<&str>) {
        self.data(value.unwrap_or_default());
    }

    /// A cell the program writes from a value (a share, a date, a label), as its `Display`
    /// writes it.
    fn value(&mut self, value: impl std::fmt::Display) {
        use std::fmt::Write as _;
        self.written(Self::cell, |text| write!(text, "{value}"));
    }

    /// The cell `put` makes (`Self::cell` or `Self::data`) of the text `write` writes, in a
    /// buffer kept for it: no string for each cell.
    fn written(
        &mut self,
        put: fn(&mut Self, &str),
        write: impl FnOnce(&mut String) -> std::fmt::Result,
    ) {
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        // Writing to a string fails only if a value's `Display` does.
        let _ = write(&mut text);
        put(self, &text);
        self.scratch = text;
    }

    /// A cell of text from the data: `values` joined by [`LIST_SEPARATOR`].
    fn data_joined<S: AsRef<str>>(&mut self, values: impl IntoIterator<Item = S>) {
        self.written(Self::data, |text| {
            join(text, values);
            Ok(())
        });
    }

    /// [`Self::value`], empty when unknown.
    fn opt_value(&mut self, value: Option<impl std::fmt::Display>) {
        match value {
            Some(value) => self.value(value),
            None => self.encode(b""),
        }
    }

    /// A number with fixed places, empty when unknown.
    fn fixed(&mut self, value: Option<Fixed>) {
        match value {
            Some(value) => self.written(Self::cell, |text| value.write_to(text)),
            None => self.encode(b""),
        }
    }

    /// A whole number, empty when unknown: digits (and a minus), which need neither quotes
    /// nor the formula rule (it leaves numbers as they are).
    fn number(&mut self, value: Option<impl itoa::Integer>) {
        match value {
            Some(value) => self.encode(itoa::Buffer::new().format(value).as_bytes()),
            None => self.encode(b""),
        }
    }

    /// Puts `cell` on the row after a delimiter, in quotes if it needs them.
    fn encode(&mut self, cell: &[u8]) {
        if self.count > 0 {
            self.row.push(b',');
        }
        self.count += 1;
        if !cell
            .iter()
            .any(|&b| matches!(b, b'"' | b',' | b'\n' | b'\r'))
        {
            self.row.extend_from_slice(cell);
            return;
        }
        self.row.push(b'"');
        for (n, part) in cell.split(|&b| b == b'"').enumerate() {
            if n > 0 {
                self.row.extend_from_slice(b"\"\"");
            }
            self.row.extend_from_slice(part);
        }
        self.row.push(b'"');
    }

    /// Keeps the row's cells so far to begin each row ended until the next call.
    fn hold(&self) -> Held {
        Held {
            end: self.row.len(),
            count: self.count,
        }
    }

    /// Ends the row and writes it out; the next row begins with `kept`'s cells.
    fn end_row(&mut self, kept: Held) -> io::Result<()> {
        let cells = self.count;
        // A row with nothing written would be no row to a reader.
        if self.row.is_empty() {
            self.row.extend_from_slice(b"\"\"");
        }
        self.row.push(b'\n');
        // As the csv crate's writer refuses rows of another width than the first.
        let written = if *self.width.get_or_insert(cells) == cells {
            self.out.write_all(&self.row)
        } else {
            Err(io::Error::other(format!(
                "a CSV row of {cells} cells after rows of {}",
                self.width.unwrap_or_default()
            )))
        };
        self.rewind(kept);
        written
    }

    /// Drops the row's cells after `kept`'s.
    fn rewind(&mut self, kept: Held) {
        self.row.truncate(kept.end);
        self.count = kept.count;
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `list --format csv`.
pub fn list(out: &mut impl Write, listing: &Listing, cells: TextCells) -> io::Result<()> {
    let ds = listing.dataset;
    let mut w = Sheet::new(out, cells);
    w.row(LIST_COLUMNS)?;
    let mut inferred = String::new();
    let warnings = WarningIndex::new(listing.warnings);
    for i in crate::query::ahead::rows(ds, listing.rows) {
        let contest = &ds.contests[i];
        contest_cells(&mut w, ds, contest, &warnings.of(i));
        let headline = listing.changes.map(|changes| changes.headline(ds, i));
        w.cell(
            &headline
                .as_ref()
                .map(crate::report::change::short)
                .unwrap_or_default(),
        );
        // Empty where no change is known (or asked for).
        let known = headline.as_ref().and_then(|h| h.as_ref().ok());
        let result = known.and_then(|h| h.outcome.as_ref());
        w.opt_data(result.map(crate::model::change::Outcome::label).as_deref());
        w.fixed(
            known
                .and_then(|h| h.winner_points)
                .map(|p| Fixed::new(p, 2)),
        );
        join(
            &mut inferred,
            contest.inferred.iter().map(|x| x.field.as_str()),
        );
        // The contest's columns are the same on each of its rows: encoded once.
        let head = w.hold();
        let ranked = arithmetic::ranked(contest);
        if ranked.is_empty() {
            for _ in head.count..LIST_COLUMNS.len() - 1 {
                w.encode(b"");
            }
            w.data(&inferred);
            w.end_row(Held::NOTHING)?;
        }
        let shares = arithmetic::Shares::of(contest);
        for (rank, &c) in ranked.iter().enumerate() {
            candidate_cells(&mut w, ds, shares, &contest.candidates[c], rank + 1);
            w.data(&inferred);
            w.end_row(head)?;
        }
        w.rewind(Held::NOTHING);
    }
    w.flush()
}

/// `values` joined by [`LIST_SEPARATOR`] into `into`, in place of what it held.
fn join<S: AsRef<str>>(into: &mut String, values: impl IntoIterator<Item = S>) {
    into.clear();
    for (n, value) in values.into_iter().enumerate() {
        if n > 0 {
            into.push_str(LIST_SEPARATOR);
        }
        into.push_str(value.as_ref());
    }
}

/// A cell the program writes from a number or a date; empty when unknown. Text from the data
/// goes through `TextCells` instead.
fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// A contest's cells.
fn contest_cells(w: &mut Sheet<impl Write>, ds: &Dataset, c: &Contest, warnings: &[String]) {
    let s = Summary::new(ds, c);
    let ballots = c.ballots.clone().unwrap_or_default();
    w.data(&c.id);
    w.data(&c.title);
    w.cell(c.kind.as_str());
    w.opt_data(c.party.as_deref());
    w.opt_data(c.constituency.as_deref());
    w.opt_data(c.constituency_id.as_deref());
    w.opt_data(c.region.as_deref());
    w.opt_data(s.region.map(|r| r.name.as_str()));
    w.opt_value(c.date);
    w.cell(c.status.as_str());
    w.opt_value(c.status_as_of);
    w.opt_data(c.method.as_deref());
    w.number(ballots.valid);
    w.number(ballots.rejected);
    w.number(s.cast);
    w.number(ballots.eligible);
    w.fixed(s.turnout.map(|t| Fixed::new(t, 2)));
    w.number(s.margin_votes);
    w.fixed(s.margin_points.map(|p| Fixed::new(p, 2)));
    w.number(c.majority);
    w.opt_data(c.result.as_deref());
    // Several seats: everyone elected, in the order elected.
    w.data_joined(s.winners.iter().map(|w| w.label()));
    w.data_joined(s.winners.iter().filter_map(|w| w.faction.as_deref()));
    // Warnings quote the data (candidates' names), so they are text from the data too.
    w.data_joined(warnings);
}

/// A candidate's cells but the last (`inferred`).
fn candidate_cells(
    w: &mut Sheet<impl Write>,
    ds: &Dataset,
    shares: arithmetic::Shares,
    c: &Candidate,
    rank: usize,
) {
    let share = shares.share(c);
    w.number(Some(rank));
    w.data(&c.name);
    w.opt_data(c.party.as_deref());
    w.opt_data(c.faction.as_deref());
    w.opt_data(c.faction.as_deref().map(|f| faction_name(ds, Some(f))));
    w.number(c.votes);
    match &share {
        Share::Computed(p) => {
            w.fixed(Some(Fixed::new(*p, 2)));
            w.cell(bound_name(Bound::Exact));
            w.cell("votes");
        }
        Share::Stated(s) => {
            w.value(s.percent);
            w.cell(bound_name(s.bound));
            w.cell("stated");
        }
        Share::Unknown => {
            for _ in 0..3 {
                w.encode(b"");
            }
        }
    }
    w.value(&share);
    let yes_no = |b: bool| if b { "true" } else { "false" };
    w.cell(yes_no(c.elected));
    w.number(c.place());
    w.cell(yes_no(c.incumbent));
    w.data_joined(&c.endorsements);
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
                    cells.text(faction_name(ds, r.faction.as_deref())),
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
                sheet.cell(first);
                sheet.cell(second);
                let prefix = sheet.hold();
                for tail in [["", ""], [second, first], ["x", "\"y\""]] {
                    sheet.cell(tail[0]);
                    sheet.cell(tail[1]);
                    sheet.end_row(prefix).unwrap();
                    let whole = [*first, second, tail[0], tail[1]];
                    theirs
                        .write_record(whole.iter().map(|c| cells.cell(c).into_owned()))
                        .unwrap();
                }
                sheet.rewind(Held::NOTHING);
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

    proptest::proptest! {
        /// Any rows of any cells, one empty cell alone among them, are written as the csv
        /// crate writes them.
        #[test]
        fn any_rows_are_the_csv_crates_rows(
            width in 1usize..4,
            rows in proptest::collection::vec(
                proptest::collection::vec("[a1 ,\"\n\ré=+-]{0,6}", 3),
                0..12,
            ),
        ) {
            for cells in [TextCells::FormulaSafe, TextCells::Raw] {
                let mut ours = Vec::new();
                let mut theirs = csv::Writer::from_writer(Vec::new());
                let mut sheet = Sheet::new(&mut ours, cells);
                for row in &rows {
                    sheet.row(&row[..width]).unwrap();
                    theirs
                        .write_record(row[..width].iter().map(|c| cells.cell(c).into_owned()))
                        .unwrap();
                }
                sheet.flush().unwrap();
                proptest::prop_assert_eq!(ours, theirs.into_inner().unwrap());
            }
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
