//! The detail pane: everything known about the selected contest, and nothing made up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::explorer::app::{App, Data, Focus};
use crate::explorer::layout;
use crate::explorer::theme::Theme;
use crate::explorer::ui::{chart, fact_lines, pane_block, scroll_paragraph};
use crate::model::{Contest, Dataset, Status};
use crate::report::change::{self, ChangeSection};
use crate::report::{cells, facts, rounds, routes, safe, selection, versions, words};

/// Width of the labels in the facts section.
const LABEL: usize = 16;

/// Draws the detail pane for the selected contest, scrolled to `app.detail_scroll`; returns
/// how far it can scroll.
pub fn render(frame: &mut Frame, area: Rect, app: &App) -> Option<u16> {
    let data = app.data.as_ref()?;
    if area.is_empty() {
        return None;
    }
    let focused = app.focus == Focus::Detail;
    let inner = layout::inner(area);
    frame.render_widget(pane_block(app, area, " Detail ".into(), focused), area);
    let i = app.selected_index()?;
    let paragraph = Paragraph::new(lines(data, i, usize::from(inner.width), app.theme))
        .wrap(Wrap { trim: false });
    Some(scroll_paragraph(
        frame,
        app,
        area,
        paragraph,
        app.detail_scroll,
    ))
}

/// The pane's content for contest `i`, for a pane `width` cells wide: the same facts, in the
/// same words, as `hustings show`.
fn lines(data: &Data, i: usize, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let ds = data.dataset();
    let c = &ds.contests[i];
    let mut doc = Doc {
        width,
        theme,
        lines: Vec::new(),
    };
    doc.text("", &facts::title(c), theme.title());
    doc.text("", &facts::headline(ds, c).join(" · "), theme.dim());
    // The order of `hustings show`: chart and candidates first, then the contest's facts.
    doc.heading("Vote share");
    if c.candidates.is_empty() {
        doc.text("  ", facts::no_candidates(c), theme.dim());
    } else {
        let bars = facts::chart(c);
        let marks = change::bar_changes(ds, &data.changes, i, &bars);
        doc.lines
            .extend(chart::lines(c, ds, marks.as_ref(), width, theme));
        for note in facts::no_ballot(c)
            .map(str::to_string)
            .into_iter()
            .chain(facts::denominator_note(c))
            .chain(marks.map(|m| m.note))
            .chain(facts::legend(&bars).into_iter().map(str::to_string))
        {
            doc.text("  ", &note, theme.dim());
        }
        doc.heading("Candidates");
        candidates(c, ds, &mut doc);
    }
    selection_sections(c, &mut doc);
    doc.heading("Contest");
    for (label, value) in facts::facts(ds, c) {
        let style = match label {
            "Status" if c.status == Status::Pending => theme.pending(),
            _ if is_unknown(&value) => theme.dim(),
            _ => theme.text(),
        };
        doc.fact(label, &value, style);
    }
    if let Some(section) = change::section(ds, i, &data.changes.since(ds, i)) {
        change_section(&section, &mut doc);
    }
    let inferred = selection::inferred_notes(c);
    if !inferred.is_empty() {
        doc.heading("Inferred");
        for note in &inferred {
            doc.hanging(note, "  ", "    ", theme.dim());
        }
    }
    let rounds = rounds::lines(c);
    if !rounds.is_empty() {
        doc.heading("Rounds");
        let filled = crate::report::count_summary::seats_filled(c);
        if !filled.is_empty() {
            doc.text(
                "  ",
                crate::report::round_words::SEATS_FILLED_HEADING,
                theme.text(),
            );
            for seat in &filled {
                doc.hanging(&seat.said(), "  • ", "    ", theme.text());
            }
        }
        for line in &rounds {
            doc.hanging(line, "  ", "    ", theme.text());
        }
    }
    let warnings = data.warnings_for(i);
    if !warnings.is_empty() {
        doc.heading(&format!("Warnings ({})", warnings.len()));
        for w in warnings {
            let said = w.kind.to_string();
            doc.hanging(&safe::message(&said), "  ⚠ ", "    ", theme.warning());
        }
    }
    // Listed once: the other sources' versions by id, file and what differs (`show ID`).
    if let Some(of) = data.loaded.versions.of(i) {
        doc.heading(versions::HEADING);
        for line in versions::lines(ds, &of) {
            doc.hanging(&line, "  • ", "    ", theme.text());
        }
    }
    doc.heading("Sources");
    if c.sources.is_empty() {
        doc.text("  ", "none cited", theme.warning());
    }
    for s in &c.sources {
        doc.hanging(&facts::source_text(s), "  • ", "    ", theme.text());
        if let Some(url) = &s.url {
            doc.text("    ", url, theme.dim());
        }
    }
    if let Some(notes) = &c.notes {
        doc.heading("Notes");
        doc.text("  ", notes, theme.text());
    }
    doc.lines
}

/// The stages one by one, and the nominations per body with bars toward each threshold: the
/// lines `hustings show` prints, in its words.
fn selection_sections(c: &Contest, doc: &mut Doc) {
    let theme = doc.theme;
    let stages = selection::stages(c);
    if !stages.is_empty() {
        doc.heading("Stages");
        for stage in &stages {
            doc.hanging(&stage.line(), "  ", "    ", theme.text());
            if let Some(notes) = &stage.notes {
                doc.text("    ", notes, theme.dim());
            }
        }
    }
    let tables = selection::nominations(c);
    if tables.is_empty() {
        return;
    }
    doc.heading(selection::NOMINATIONS_HEADING);
    for table in &tables {
        doc.hanging(&table.heading, "  ", "    ", theme.text());
        if let Some(description) = &table.description {
            doc.text("    ", description, theme.dim());
        }
        if table.rows.is_empty() {
            doc.text("    ", "none reported", theme.dim());
        }
        for (lead, words) in table.lines(selection::bar_cells(doc.width)) {
            let lead = format!("    {lead}");
            let rest = " ".repeat(cells::width(&lead));
            doc.hanging(&words, &lead, &rest, theme.text());
        }
    }
    if let Some(routes) = routes::routes(c) {
        doc.hanging(&routes.heading, "  ", "    ", theme.text());
        for rule in &routes.rules {
            doc.text("    ", rule, theme.dim());
        }
        for r in &routes.candidates {
            let lead = format!("    {} ", r.mark());
            let rest = " ".repeat(cells::width(&lead));
            doc.hanging(&r.sentence(), &lead, &rest, theme.text());
        }
    }
}

/// The change since the seat's previous contest, in the words of `hustings show`: the
/// heading, result, swing, majority and turnout, one row per party (± share and ± votes), the
/// notes; or why nothing is computed.
fn change_section(section: &ChangeSection, doc: &mut Doc) {
    let theme = doc.theme;
    doc.heading("Change");
    let style = if section.facts.is_empty() {
        theme.dim()
    } else {
        theme.text()
    };
    doc.text("  ", &section.heading, style);
    for (label, value) in &section.facts {
        let style = if is_unknown(value) || value.starts_with(words::NA) {
            theme.dim()
        } else {
            theme.text()
        };
        doc.fact(label, value, style);
    }
    if !section.rows.is_empty() {
        doc.lines.push(Line::raw(""));
        party_table(section, doc);
    }
    for note in &section.notes {
        doc.text("  ", note, theme.dim());
    }
}

/// The party table of a change section: the party, its share then and now, ± share, ± votes;
/// the figures keep their widths and the party names give way on a narrow pane (too narrow
/// for the figures, each party's go on a line under its name).
fn party_table(section: &ChangeSection, doc: &mut Doc) {
    let theme = doc.theme;
    let header = section.header();
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(&section.rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cells::width(cell));
        }
    }
    let figures: usize = widths[1..].iter().map(|w| w + 2).sum();
    if 2 + 8 + figures > doc.width {
        // Too narrow for the table: each party on a line, its figures under it.
        let [_, then, now, share, votes] = &header;
        doc.hanging(
            &format!("Party: share {then} → {now}, {share}, {votes}"),
            "  ",
            "    ",
            theme.column_title(),
        );
        for row in &section.rows {
            doc.text("  ", &row[0], theme.text());
            let figures = format!("{} → {}, {}, {}", row[1], row[2], row[3], row[4]);
            doc.text("    ", &figures, theme.text());
        }
        return;
    }
    widths[0] = widths[0].min(doc.width.saturating_sub(2 + figures).max(8));
    let line = |row: &[String; 5]| {
        let mut text = format!("  {}", cells::fit(&row[0], widths[0]));
        for (cell, &w) in row[1..].iter().zip(&widths[1..]) {
            text.push_str("  ");
            text.push_str(&cells::fit_right(cell, w));
        }
        text
    };
    doc.lines
        .push(Line::styled(line(&header), theme.column_title()));
    for row in &section.rows {
        let style = if row[1] == words::DASH || row[2] == words::DASH {
            theme.dim()
        } else {
            theme.text()
        };
        doc.lines.push(Line::styled(line(row), style));
    }
}

/// Whether a value is one of the words for an unknown.
fn is_unknown(value: &str) -> bool {
    [words::NA, words::DASH, words::NO_REGION, words::NO_DATE].contains(&value)
}

/// Lines being built for a pane of a given width, wrapped with hanging indents.
struct Doc {
    width: usize,
    theme: Theme,
    lines: Vec<Line<'static>>,
}

impl Doc {
    fn heading(&mut self, title: &str) {
        self.lines.push(Line::raw(""));
        self.lines
            .push(Line::styled(title.to_string(), self.theme.title()));
    }

    /// `s` wrapped, every line starting with `indent`.
    fn text(&mut self, indent: &str, s: &str, style: Style) {
        self.hanging(s, indent, indent, style);
    }

    /// `s` wrapped after `first`, continuation lines after `rest`.
    fn hanging(&mut self, s: &str, first: &str, rest: &str, style: Style) {
        for line in cells::hanging(s, first, rest, self.width) {
            self.lines.push(Line::styled(line, style));
        }
    }

    /// A labelled fact; on a narrow pane the value goes under its label.
    fn fact(&mut self, label: &str, value: &str, style: Style) {
        let dim = self.theme.dim();
        if self.width < LABEL + 20 {
            self.lines.push(Line::styled(label.to_string(), dim));
            self.text("  ", value, style);
            return;
        }
        let value_w = self.width - LABEL;
        self.lines
            .extend(fact_lines(label, value, LABEL, value_w, dim, style));
    }
}

/// The candidates as `hustings show` lists them, in its words: the name (marked `✓` when
/// elected, in the faction's colour), then its particulars — status, faction, party, votes,
/// share, place — the endorsements and the description, each on lines of their own.
fn candidates(c: &Contest, ds: &Dataset, doc: &mut Doc) {
    let theme = doc.theme;
    for row in facts::candidates(ds, c) {
        let cand = &c.candidates[row.index];
        let faction = cand.faction.as_deref().and_then(|id| ds.faction(id));
        let mark = if row.elected {
            Span::styled("✓ ", theme.elected())
        } else {
            Span::raw("  ")
        };
        doc.lines.push(Line::from(vec![
            Span::raw("  "),
            mark,
            Span::styled(
                row.name.clone(),
                theme.faction(faction).patch(theme.title()),
            ),
        ]));
        doc.hanging(&row.particulars(), "      ", "      ", theme.text());
        if let Some(endorsed) = row.endorsed() {
            doc.text("      ", &endorsed, theme.dim());
        }
        if let Some(description) = &row.description {
            doc.text("      ", description, theme.text());
        }
    }
}
