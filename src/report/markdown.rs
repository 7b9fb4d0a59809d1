//! Markdown for pasting into articles, issues and chats: GitHub-style tables.

use std::io::{self, Write};

use super::bars::Bar;
use super::facts::{self, RowFact, Summary};
use super::style::TextStyle;
use super::text::{self, wins_label};
use super::words::{self, DASH, NA, faction_name, region_name};
use super::{Detail, Listing, StatsReport, change, round_words, rounds, selection, warnings_of};
use crate::model::Contest;
use crate::stats::{Backing, EndorserRecord, Totals};

/// A table cell of text (from the data or the program's words): escaped as running text is
/// ([`inline`]: no formatting, HTML or link can start in it), pipes escaped, line breaks
/// flattened, empty shown as a dash.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    put_cell(&mut out, text);
    out
}

/// [`cell`], written onto `out`: escaped as [`inline`] escapes text and [`in_table`] markup,
/// in one pass (a list writes a million rows of cells).
fn put_cell(out: &mut String, text: &str) {
    if text.trim().is_empty() {
        out.push_str(DASH);
        return;
    }
    let special = |b: u8| {
        matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'|' | b'\n' | b'\r'
        )
    };
    if !text.bytes().any(special) {
        out.push_str(text);
        return;
    }
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            ch => {
                if escaped_inline(ch, chars.peek().copied()) {
                    out.push('\\');
                }
                out.push(ch);
            }
        }
    }
}

/// Markup that stays inside its table cell: pipes escaped (GitHub reads `\|` as a pipe even
/// within a code span), line breaks flattened.
fn in_table(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    put_in_table(&mut out, markup);
    out
}

/// [`in_table`], written onto `out`.
fn put_in_table(out: &mut String, markup: &str) {
    for ch in markup.chars() {
        match ch {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            ch => out.push(ch),
        }
    }
}

/// One cell of a table row: text, escaped by [`cell`], or the program's own markup around
/// escaped text ([`code_cell`], [`emphasis`]).
enum Cell {
    Text(String),
    Markup(String),
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&String> for Cell {
    fn from(text: &String) -> Cell {
        Cell::Text(text.clone())
    }
}

/// `text` as a code span: fenced by more backticks than any run inside it (CommonMark), so
/// nothing in it can end the span; inside, nothing is formatting or HTML.
fn code(text: &str) -> String {
    // Most ids hold no backtick: one backtick each side.
    if !text.contains('`') {
        return format!("`{text}`");
    }
    let fence = "`".repeat(longest_backtick_run(text) + 1);
    // A span starting or ending with a backtick needs a space between it and the fence.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// The most backticks in a row in `text`.
fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// An id as a table cell, as code.
fn code_cell(text: &str) -> Cell {
    Cell::Markup(code(text))
}

/// A row label in italics.
fn emphasis(text: &str) -> Cell {
    Cell::Markup(format!("_{}_", inline(text)))
}

fn row<C: Into<Cell>>(out: &mut impl Write, cells: impl IntoIterator<Item = C>) -> io::Result<()> {
    let mut line = Line::default();
    for c in cells {
        match c.into() {
            Cell::Text(text) => line.text(&text),
            Cell::Markup(markup) => line.markup(&markup),
        }
    }
    line.write(out)
}

/// A table row made cell by cell in one buffer, which a long table reuses row after row (a
/// million-row list makes no string for each cell).
#[derive(Default)]
struct Line(String);

impl Line {
    /// A cell of text, escaped ([`put_cell`]).
    fn text(&mut self, text: &str) {
        self.open();
        put_cell(&mut self.0, text);
        self.0.push_str(" |");
    }

    /// A cell of the program's markup ([`put_in_table`]).
    fn markup(&mut self, markup: &str) {
        self.open();
        put_in_table(&mut self.0, markup);
        self.0.push_str(" |");
    }

    /// A cell of `text` as a code span, as [`code_cell`] makes it.
    fn code(&mut self, text: &str) {
        if text.contains('`') {
            return self.markup(&code(text));
        }
        self.open();
        self.0.push('`');
        put_in_table(&mut self.0, text);
        self.0.push_str("` |");
    }

    fn open(&mut self) {
        if self.0.is_empty() {
            self.0.push('|');
        }
        self.0.push(' ');
    }

    /// Writes the row, and empties the buffer for the next.
    fn write(&mut self, out: &mut impl Write) -> io::Result<()> {
        self.0.push('\n');
        let written = out.write_all(self.0.as_bytes());
        self.0.clear();
        written
    }
}

/// The header row (its names escaped as cells are, an empty name left empty) and the rule
/// that aligns each column.
fn header(out: &mut impl Write, names: &[&str], right: &[bool]) -> io::Result<()> {
    let names: Vec<String> = names.iter().map(|n| in_table(&inline(n))).collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    let rule: Vec<&str> = right
        .iter()
        .map(|&r| if r { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))
}

/// A link, when `url` is one a reader may follow (`http` or `https`, any case); any other
/// (`javascript:`, `data:`, a file) is no link: the text, then the address as escaped text.
fn link(text: &str, url: &str) -> String {
    let web = ["http://", "https://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    });
    if !web {
        return format!("{text} ({})", inline(url));
    }
    // Inside `<…>` only these could end the address or the line.
    let mut target = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' => target.push_str("%3C"),
            '>' => target.push_str("%3E"),
            '\\' => target.push_str("%5C"),
            c if c.is_whitespace() => target.push_str("%20"),
            c => target.push(c),
        }
    }
    format!("[{text}](<{target}>)")
}

/// Counts as cells.
fn numbers(counts: &[usize]) -> impl Iterator<Item = String> + '_ {
    counts.iter().map(usize::to_string)
}

/// A name, then counts.
fn named_row(out: &mut impl Write, name: String, counts: &[usize]) -> io::Result<()> {
    let cells: Vec<String> = std::iter::once(name).chain(numbers(counts)).collect();
    row(out, &cells)
}

fn totals_line(t: &Totals) -> String {
    format!(
        "_{} contests: {} decided, {} pending._",
        t.contests, t.decided, t.pending
    )
}

/// `list --format markdown`.
pub fn list(out: &mut impl Write, listing: &Listing) -> io::Result<()> {
    let ds = listing.dataset;
    let mut names = vec![
        "ID", "Date", "Contest", "Region", "Status", "Winner", "Faction", "Share", "Margin",
        "Turnout",
    ];
    let mut right = vec![
        false, false, false, false, false, false, false, true, true, true,
    ];
    if listing.changes.is_some() {
        names.push("± since previous");
        right.push(false);
    }
    header(out, &names, &right)?;
    let mut line = Line::default();
    for i in crate::query::ahead::rows(ds, listing.rows) {
        let s = Summary::new(ds, &ds.contests[i]);
        let c = s.contest;
        line.code(&c.id);
        // A value resting on an inferred fact is marked `†`, as in `show`.
        line.text(&s.mark(RowFact::Date, &s.date_label()));
        line.text(&s.mark(RowFact::Title, &c.title));
        line.text(&s.mark(RowFact::Region, s.region.map_or(DASH, |r| r.name.as_str())));
        line.text(c.status.as_str());
        line.text(&s.mark(RowFact::Winner, &s.winner_text()));
        line.text(&s.mark(
            RowFact::WinnerFaction,
            s.winner_faction.map_or(DASH, |f| f.name.as_str()),
        ));
        let share = (s.winner_share.as_ref())
            .map_or(DASH.into(), super::super::model::arithmetic::Share::label);
        line.text(&s.mark(RowFact::WinnerShare, &share));
        line.text(&s.margin_label());
        line.text(&s.turnout_label());
        if let Some(changes) = listing.changes {
            line.text(&crate::report::change::short(&changes.headline(ds, i)));
        }
        line.write(out)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        totals_line(&Totals::of_contests(ds, listing.rows))
    )?;
    if let Some(legend) = crate::report::words::inferred_legend(ds, listing.rows) {
        writeln!(out, "\n{legend}")?;
    }
    Ok(())
}

/// `stats --format markdown`.
pub fn stats(out: &mut impl Write, report: &StatsReport) -> io::Result<()> {
    use crate::stats::Groups;
    let ds = report.dataset;
    match &report.groups {
        Groups::Faction(records) => {
            header(
                out,
                &["Faction", "Won", "Lost", "Pending", "Stood"],
                &[false, true, true, true, true],
            )?;
            for r in records {
                let name = faction_name(ds, r.faction.as_deref()).to_string();
                named_row(out, name, &[r.won, r.lost, r.pending, r.stood])?;
            }
        }
        Groups::Region(records) => group_table(out, ds, "Region", records, |k| {
            region_name(ds, k.as_deref())
        })?,
        Groups::Kind(records) => group_table(out, ds, "Kind", records, |k| k.as_str().to_string())?,
        Groups::Endorser(records) => {
            // Nominations are counted apart from endorsements, in a table of their own.
            let (endorsed, nominated): (Vec<&EndorserRecord>, Vec<&EndorserRecord>) = records
                .iter()
                .partition(|r| r.backing == Backing::Endorsement);
            endorser_table(out, ["Endorser", "Endorsed"], &endorsed)?;
            if !nominated.is_empty() {
                writeln!(
                    out,
                    "\n_Nominations (by the nominators named), counted apart:_\n"
                )?;
                endorser_table(out, ["Nominator", "Nominated"], &nominated)?;
            }
        }
        Groups::Party(records) => {
            let since = records.iter().any(|r| r.share_then.is_some());
            let mut names = vec![
                "Party", "Seats", "Lost", "Pending", "Stood", "Votes", "Share",
            ];
            if since {
                names.push("± share");
            }
            let right: Vec<bool> = (0..names.len()).map(|k| k > 0).collect();
            header(out, &names, &right)?;
            for r in records {
                let mut cells = vec![words::party_record_name(r)];
                cells.extend([r.won, r.lost, r.pending, r.stood].map(|n| n.to_string()));
                cells.push(words::party_votes(r));
                cells.push(words::percent(r.share));
                if since {
                    cells.push(change::party_points(r));
                }
                row(out, &cells)?;
            }
            if let Some(note) = change::party_points_note(records) {
                writeln!(out, "\n_{}_", inline(&note))?;
            }
        }
        Groups::Month(records) => {
            group_table(out, ds, "Month", records, std::string::ToString::to_string)?;
        }
        Groups::Swing(seats) => {
            writeln!(out, "_{}_\n", inline(&change::swing_summary(seats)))?;
            let grid = change::swing_grid(ds, seats);
            if let Some((head, rows)) = grid.split_first() {
                let names: Vec<&str> = head.iter().map(String::as_str).collect();
                let right: Vec<bool> = (0..head.len()).map(|k| k == 4).collect();
                header(out, &names, &right)?;
                for r in rows {
                    row(out, r)?;
                }
            }
        }
        Groups::Change(matrix) => {
            for line in crate::report::change::matrix_summary(matrix) {
                writeln!(out, "_{}_  ", inline(&line))?;
            }
            writeln!(out)?;
            let grid = crate::report::change::matrix_grid(matrix);
            if let Some((head, rows)) = grid.split_first() {
                let names: Vec<&str> = head.iter().map(String::as_str).collect();
                let right: Vec<bool> = (0..head.len()).map(|k| k > 0).collect();
                header(out, &names, &right)?;
                for r in rows {
                    row(out, r)?;
                }
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", totals_line(&report.totals))?;
    if let Some(seats) = &report.seat_totals {
        writeln!(
            out,
            "_{} seats (general elections and by-elections): {} decided, {} pending._",
            seats.contests, seats.decided, seats.pending
        )?;
    }
    for note in crate::report::footnotes::for_stats(report) {
        if !note.trim().is_empty() {
            writeln!(out, "\n_{}_", inline(note.trim()))?;
        }
    }
    Ok(())
}

/// Endorsers' (or nominators') records, headed `who` and `how`.
fn endorser_table(
    out: &mut impl Write,
    [who, how]: [&str; 2],
    records: &[&EndorserRecord],
) -> io::Result<()> {
    header(
        out,
        &[who, how, "Won", "Lost", "Pending", "Win rate"],
        &[false, true, true, true, true, true],
    )?;
    for r in records {
        let mut cells = vec![r.name.clone()];
        cells.extend(numbers(&[r.endorsed, r.won, r.lost, r.pending]));
        cells.push(
            r.win_rate()
                .map_or(NA.into(), |w| format!("{:.0}%", w * 100.0)),
        );
        row(out, &cells)?;
    }
    Ok(())
}

/// A region or kind table: contests, decided, pending and who won them.
fn group_table<K>(
    out: &mut impl Write,
    ds: &crate::model::Dataset,
    title: &str,
    records: &[crate::stats::GroupRecord<K>],
    name: impl Fn(&K) -> String,
) -> io::Result<()> {
    header(
        out,
        &[title, "Contests", "Decided", "Pending", "Won by"],
        &[false, true, true, true, false],
    )?;
    for g in records {
        let mut cells = vec![name(&g.key)];
        cells.extend(numbers(&[g.contests, g.decided, g.pending]));
        cells.push(wins_label(ds, &g.wins, false));
        row(out, &cells)?;
    }
    Ok(())
}

/// The bar chart in a code block 72 columns wide, uncoloured.
const CHART: TextStyle = TextStyle {
    width: 72,
    color: false,
    whole_lines: false,
};

/// The contest's bar chart as a fenced code block, laid out with `charts` (all the charts
/// the document compares) so they share one scale.
/// `marks` are every chart's ± share beside the bars, `k` this chart's.
fn chart_block(
    out: &mut impl Write,
    d: &Detail,
    (bars, k): (&[Bar], usize),
    charts: &[&[Bar]],
    marks: &[Option<change::BarChanges>],
) -> io::Result<()> {
    let cols = marks.iter().fold(
        text::show::chart_cells(charts, CHART.width, true),
        |cols, m| cols.with_change(m.as_ref()),
    );
    let lines = text::show::chart(d, bars, cols, marks[k].as_ref(), &CHART);
    // Names are shown as they are inside the block: its fence is longer than any run of
    // backticks in them, so none can end it.
    let fence = "`".repeat(longest_backtick_run(&lines.concat()).max(2) + 1);
    writeln!(out, "{fence}text")?;
    for line in lines {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{fence}")?;
    if let Some(m) = &marks[k] {
        writeln!(out, "\n{}", inline(&m.note))?;
    }
    Ok(())
}

/// Text in running Markdown: characters that would start formatting, an HTML tag, a link,
/// an image or an entity are escaped — the one rule for data in Markdown, cells included.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if escaped_inline(ch, chars.peek().copied()) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Whether [`inline`] escapes `ch`, followed by `next`.
fn escaped_inline(ch: char, next: Option<char>) -> bool {
    // `&` only where it could start an entity (`&#x202e;` is a bidi override, `&lt;` a
    // bracket): `Labour & Co-op` reads as it is.
    let entity = ch == '&' && next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '#');
    entity || matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>')
}

/// `show --format markdown`: the contest as a section of an article.
pub fn show(out: &mut impl Write, d: &Detail) -> io::Result<()> {
    let c = d.contest;
    writeln!(out, "## {}\n", inline(&facts::title(c)))?;
    let mut headline = facts::headline(d.dataset, c).into_iter();
    let id = headline.next().unwrap_or_default();
    let rest: Vec<String> = headline.map(|p| inline(&p)).collect();
    writeln!(out, "{} · {}\n", code(&id), rest.join(" · "))?;
    if c.candidates.is_empty() {
        writeln!(out, "_{}_\n", facts::no_candidates(c))?;
    } else {
        header(
            out,
            &["Candidate", "Faction", "Votes", "Share", "Endorsed by"],
            &[false, false, true, true, false],
        )?;
        for r in facts::candidates(d.dataset, c) {
            row(
                out,
                &[
                    if r.elected {
                        format!("✓ {} (elected)", r.name_and_status())
                    } else {
                        r.name_and_status()
                    },
                    r.faction_name().unwrap_or_default(),
                    r.votes,
                    r.share,
                    r.endorsements.join(", "),
                ],
            )?;
        }
        writeln!(out)?;
        let bars = facts::chart(c);
        if !bars.is_empty() {
            let marks = [change::for_bars(d, &bars)];
            chart_block(out, d, (&bars, 0), &[&bars], &marks)?;
            writeln!(out)?;
        }
        for note in facts::no_ballot(c)
            .map(str::to_string)
            .into_iter()
            .chain(facts::denominator_note(c))
            .chain(facts::legend(&bars).into_iter().map(str::to_string))
        {
            writeln!(out, "_{}_  ", inline(&note))?;
        }
        writeln!(out)?;
    }

    selection_sections(out, c)?;
    writeln!(out, "### Contest\n")?;
    for (label, value) in facts::facts(d.dataset, c) {
        writeln!(out, "- **{label}:** {}", inline(&value))?;
    }
    change_section(out, d)?;
    let inferred = selection::inferred_notes(c);
    if !inferred.is_empty() {
        writeln!(out, "\n### Inferred\n")?;
        for note in &inferred {
            writeln!(out, "- {}", inline(note))?;
        }
    }
    let rows = facts::candidates(d.dataset, c);
    if rows
        .iter()
        .any(|r| r.description.is_some() || r.status.is_some() || !r.inferred.is_empty())
    {
        writeln!(out, "\n### Candidates\n")?;
        for r in rows {
            let lines: Vec<String> = [Some(r.particulars()), r.endorsed(), r.description.clone()]
                .into_iter()
                .flatten()
                .collect();
            writeln!(
                out,
                "- **{}**: {}",
                inline(&r.name),
                inline(&lines.join(". "))
            )?;
        }
    }
    rounds_section(out, c)?;
    let warnings = warnings_of(d.warnings, d.index);
    if !warnings.is_empty() {
        writeln!(out, "\n### Warnings\n")?;
        for warning in &warnings {
            writeln!(out, "- ⚠ {}", inline(warning))?;
        }
    }
    if let Some(of) = &d.versions {
        writeln!(out, "\n### {}\n", super::versions::HEADING)?;
        for line in super::versions::lines(d.dataset, of) {
            writeln!(out, "- {}", inline(&line))?;
        }
    }
    writeln!(out, "\n### Sources\n")?;
    for source in &c.sources {
        let text = inline(&facts::source_text(source));
        match &source.url {
            Some(url) => writeln!(out, "- {}", link(&text, url))?,
            None => writeln!(out, "- {text}")?,
        }
    }
    if let Some(notes) = &c.notes {
        writeln!(out, "\n### Notes\n\n{}", inline(notes))?;
    }
    Ok(())
}

/// The change since the seat's previous contest, when there is one to compare with.
fn change_section(out: &mut impl Write, d: &Detail) -> io::Result<()> {
    let Some(change) = crate::report::change::for_detail(d) else {
        return Ok(());
    };
    writeln!(out, "\n### Change\n")?;
    writeln!(out, "{}\n", inline(&change.heading))?;
    for (label, value) in &change.facts {
        writeln!(out, "- **{label}:** {}", inline(value))?;
    }
    if !change.rows.is_empty() {
        writeln!(out)?;
        header(
            out,
            &change.header().each_ref().map(String::as_str),
            &[false, true, true, true, true],
        )?;
        for r in &change.rows {
            row(out, r)?;
        }
    }
    for note in &change.notes {
        writeln!(out, "\n_{}_", inline(note))?;
    }
    Ok(())
}

/// A preferential count: every candidate across the rounds, then each round in words.
fn rounds_section(out: &mut impl Write, c: &Contest) -> io::Result<()> {
    let rounds = rounds::lines(c);
    if rounds.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### Rounds\n")?;
    let filled = crate::report::count_summary::seats_filled(c);
    if !filled.is_empty() {
        writeln!(out, "**{}**\n", round_words::SEATS_FILLED_HEADING)?;
        for seat in &filled {
            writeln!(out, "- {}", inline(&seat.said()))?;
        }
        writeln!(out)?;
    }
    let table = rounds::table(c);
    let mut names = vec!["Candidate".to_string()];
    names.extend((1..=table.rounds).map(|r| format!("Round {r}")));
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut right = vec![false];
    right.extend(std::iter::repeat_n(true, table.rounds));
    header(out, &names, &right)?;
    let cell = |t: &Option<crate::model::tally::Tally>, mark: &str| {
        t.as_ref()
            .map_or(String::new(), |t| format!("{}{mark}", t.label()))
    };
    for r in &table.rows {
        let mut cells = vec![r.name.clone()];
        cells.extend((0..table.rounds).map(|k| {
            let mark = match (r.elected == Some(k + 1), r.eliminated == Some(k + 1)) {
                (true, _) => " ✓",
                (_, true) => " ✗",
                _ => "",
            };
            cell(&r.tallies[k], mark)
        }));
        row(out, &cells)?;
    }
    if table.thresholds.iter().any(Option::is_some) {
        let mut cells = vec![emphasis("threshold")];
        cells.extend(table.thresholds.iter().map(|t| cell(t, "").into()));
        row(out, cells)?;
    }
    for (reason, values) in &table.inactive {
        let mut cells = vec![emphasis(reason)];
        cells.extend(values.iter().map(|t| cell(t, "").into()));
        row(out, cells)?;
    }
    writeln!(out)?;
    for (i, line) in rounds.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, inline(line))?;
    }
    Ok(())
}

/// The stages one by one, then the nominations per body with bars toward each threshold.
fn selection_sections(out: &mut impl Write, c: &crate::model::Contest) -> io::Result<()> {
    let stages = selection::stages(c);
    if !stages.is_empty() {
        writeln!(out, "### Stages\n")?;
        for stage in &stages {
            write!(
                out,
                "- **{}:** {}",
                inline(&stage.label),
                inline(&stage.names)
            )?;
            match &stage.notes {
                Some(notes) => writeln!(out, " — {}", inline(notes))?,
                None => writeln!(out)?,
            }
        }
        writeln!(out)?;
    }
    let tables = selection::nominations(c);
    if !tables.is_empty() {
        writeln!(out, "### {}\n", selection::NOMINATIONS_HEADING)?;
        for table in &tables {
            write!(out, "**{}.**", inline(&table.heading))?;
            match &table.description {
                Some(d) => writeln!(out, " {}\n", inline(d))?,
                None => writeln!(out, "\n")?,
            }
            if table.rows.is_empty() {
                writeln!(out, "_None reported._\n")?;
                continue;
            }
            let cells = selection::bar_cells(CHART.width);
            for r in &table.rows {
                let words = inline(&r.sentence(table.threshold));
                let mark = if r.reached == Some(true) { "✓ " } else { "" };
                match r.bar(table.threshold, cells) {
                    bar if bar.is_empty() => writeln!(out, "- {mark}{words}")?,
                    bar => writeln!(out, "- `{bar}` {mark}{words}")?,
                }
            }
            writeln!(out)?;
        }
        if let Some(routes) = crate::report::routes::routes(c) {
            writeln!(out, "**{}.**\n", inline(&routes.heading))?;
            for rule in &routes.rules {
                writeln!(out, "{}\n", inline(rule))?;
            }
            for r in &routes.candidates {
                let mark = if r.qualified == Some(true) {
                    "✓ "
                } else {
                    ""
                };
                writeln!(out, "- {mark}{}", inline(&r.sentence()))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `compare --format markdown`: a table of both contests' facts, then each one's chart.
pub fn compare(out: &mut impl Write, pair: &[Detail; 2]) -> io::Result<()> {
    header(out, &["", "A", "B"], &[false, false, false])?;
    row(
        out,
        &[
            "Contest".into(),
            facts::title(pair[0].contest),
            facts::title(pair[1].contest),
        ],
    )?;
    row(
        out,
        [
            Cell::Text("Id".into()),
            code_cell(&pair[0].contest.id),
            code_cell(&pair[1].contest.id),
        ],
    )?;
    for (label, [x, y]) in facts::compared(pair[0].dataset, pair[0].contest, pair[1].contest) {
        row(out, &[label.into(), x, y])?;
    }
    let charts = pair.map(|d| facts::chart(d.contest));
    let marks = [0, 1].map(|k| change::for_bars(&pair[k], &charts[k]));
    for (k, ((mark, d), bars)) in ["A", "B"].iter().zip(pair).zip(&charts).enumerate() {
        writeln!(out, "\n### {mark}: {}\n", inline(&facts::title(d.contest)))?;
        if d.contest.candidates.is_empty() {
            writeln!(out, "_{}_", facts::no_candidates(d.contest))?;
            continue;
        }
        chart_block(out, d, (bars, k), &[&charts[0], &charts[1]], &marks)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell escaped in one pass is the text escaped inline, then kept in its table cell,
    /// for every short text over the characters either step changes.
    #[test]
    fn a_cell_is_its_text_inline_kept_in_the_table() {
        let letters = [
            '&', '#', 'a', '|', '\n', '\r', '\\', '`', '*', '<', ' ', 'é',
        ];
        for text in &crate::model::text::every_text(&letters, 4) {
            let want = if text.trim().is_empty() {
                DASH.to_string()
            } else {
                in_table(&inline(text))
            };
            assert_eq!(cell(text), want, "{text:?}");
        }
    }

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b"), "a\\|b");
        assert_eq!(cell("line\nbreak"), "line break");
        assert_eq!(cell(""), DASH);
        assert_eq!(inline("a_b*c [d]"), "a\\_b\\*c \\[d\\]");
    }

    #[test]
    fn markup_from_the_data_is_text() {
        assert_eq!(cell("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(cell("![x](http://e/x.png)"), "!\\[x\\](http://e/x.png)");
        assert_eq!(
            inline("&#x202e; &lt; Labour & Co-op"),
            "\\&#x202e; \\&lt; Labour & Co-op"
        );
        // An id's code span cannot be ended by the backticks in it.
        assert_eq!(code("a``b"), "```a``b```");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(in_table(&code("a|b")), "`a\\|b`");
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(
            link("x", "https://e.org/a b>"),
            "[x](<https://e.org/a%20b%3E>)"
        );
        assert_eq!(link("x", "HTTP://e.org"), "[x](<HTTP://e.org>)");
        assert_eq!(link("x", "javascript:alert(1)"), "x (javascript:alert(1))");
        assert_eq!(link("x", "data:<b>"), "x (data:\\<b\\>)");
    }
}
