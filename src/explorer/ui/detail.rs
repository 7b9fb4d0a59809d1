//! The detail pane: everything known about the selected contest, and nothing made up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::explorer::app::{App, Data, Focus};
use crate::explorer::layout;
use crate::explorer::theme::{self, Theme};
use crate::explorer::ui::{chart, fact_lines, pane_block, scroll_paragraph, text};
use crate::model::arithmetic;
use crate::model::{Contest, Dataset, Status};
use crate::report::bars::thousands;
use crate::report::{NA, count_label};

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
    let paragraph = Paragraph::new(lines(data, i, usize::from(inner.width), &app.theme))
        .wrap(Wrap { trim: false });
    Some(scroll_paragraph(frame, inner, paragraph, app.detail_scroll))
}

/// The pane's content for contest `i`, for a pane `width` cells wide.
fn lines(data: &Data, i: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let ds = data.dataset();
    let c = &ds.contests[i];
    let mut doc = Doc {
        width,
        theme,
        lines: Vec::new(),
    };
    doc.text("", &c.title, theme.title());
    facts(c, ds, &mut doc);
    doc.heading("Vote share");
    if c.candidates.is_empty() {
        doc.text("  ", "no candidates reported yet", theme.dim());
    } else {
        doc.lines.extend(chart::lines(c, ds, width, theme));
        doc.heading("Candidates");
        candidates(c, ds, &mut doc);
    }
    context(c, &mut doc);
    let warnings = data.warnings_for(i);
    if !warnings.is_empty() {
        doc.heading(&format!("Warnings ({})", warnings.len()));
        for w in warnings {
            doc.bullet("⚠", &w.kind.to_string(), theme.warning());
        }
    }
    doc.heading("Sources");
    if c.sources.is_empty() {
        doc.text("  ", "none cited", theme.warning());
    }
    for s in &c.sources {
        let mut cite = s.outlet.clone();
        if let Some(t) = &s.title {
            cite.push_str(&format!(": \"{t}\""));
        }
        if let Some(d) = s.date {
            cite.push_str(&format!(", {}", d.human()));
        }
        doc.bullet("•", &cite, theme.text());
        for extra in [&s.url, &s.note].into_iter().flatten() {
            doc.text("    ", extra, theme.dim());
        }
    }
    if let Some(notes) = &c.notes {
        doc.heading("Notes");
        doc.text("  ", notes, theme.text());
    }
    doc.lines
}

/// Lines being built for a pane of a given width, wrapped with hanging indents.
struct Doc<'t> {
    width: usize,
    theme: &'t Theme,
    lines: Vec<Line<'static>>,
}

impl Doc<'_> {
    fn heading(&mut self, title: &str) {
        self.lines.push(Line::raw(""));
        self.lines
            .push(Line::styled(title.to_string(), self.theme.title()));
    }

    /// `s` wrapped, every line starting with `indent`.
    fn text(&mut self, indent: &str, s: &str, style: Style) {
        let room = self.width.saturating_sub(text::width(indent));
        for part in text::wrap(s, room) {
            self.lines
                .push(Line::styled(format!("{indent}{part}"), style));
        }
    }

    /// `s` wrapped after a bullet, continuation lines aligned with the text.
    fn bullet(&mut self, bullet: &str, s: &str, style: Style) {
        let first = format!("  {bullet} ");
        let indent = " ".repeat(text::width(&first));
        for (n, part) in text::wrap(s, self.width.saturating_sub(indent.len()))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 {
                first.clone()
            } else {
                indent.clone()
            };
            self.lines
                .push(Line::styled(format!("{lead}{part}"), style));
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

/// Kind, party, region, date, status, method, ballots, turnout and margin.
fn facts(c: &Contest, ds: &Dataset, doc: &mut Doc) {
    let theme = doc.theme;
    let plain = theme.text();
    let region = c
        .region
        .as_deref()
        .map(|r| ds.region(r).map_or(r.to_string(), |r| r.name.clone()))
        .unwrap_or_else(|| "national".to_string());
    let mut what = vec![c.kind.as_str().replace('-', " ")];
    what.extend(c.party.clone());
    what.extend(c.constituency.clone());
    what.push(region);
    doc.fact("Contest", &what.join(" · "), plain);
    doc.fact(
        "Date",
        &c.date.map_or("unknown".to_string(), |d| d.human()),
        plain,
    );
    match c.status {
        Status::Decided => doc.fact("Status", "decided", plain),
        Status::Pending => {
            let mut s = "PENDING: no result yet".to_string();
            if let Some(d) = c.status_as_of {
                s.push_str(&format!(" (as of {})", d.human()));
            }
            doc.fact("Status", &s, theme.pending());
        }
    }
    if let (Status::Decided, Some(d)) = (c.status, c.status_as_of) {
        doc.fact("As of", &d.human(), plain);
    }
    if let Some(m) = &c.method {
        doc.fact("Method", m, plain);
    }
    let b = c.ballots.clone().unwrap_or_default();
    let cast = arithmetic::cast(c);
    let ballots = if b.valid.or(b.rejected).or(b.eligible).or(cast).is_none() {
        "not reported".to_string()
    } else {
        format!(
            "valid {} · rejected {} · eligible {} · cast {}",
            count_label(b.valid),
            count_label(b.rejected),
            count_label(b.eligible),
            count_label(cast),
        )
    };
    doc.fact("Ballots", &ballots, plain);
    let turnout = arithmetic::turnout(c).map_or(NA.to_string(), |t| format!("{t:.1}%"));
    doc.fact("Turnout", &turnout, plain);
    if let Some(m) = arithmetic::margin_votes(c) {
        let points =
            arithmetic::margin_points(c).map_or(String::new(), |p| format!(" ({p:.1} points)"));
        doc.fact("Margin", &format!("{}{points}", thousands(m)), plain);
    }
}

/// The candidates table: elected mark, name, party, faction, votes, share; endorsements below.
fn candidates(c: &Contest, ds: &Dataset, doc: &mut Doc) {
    let theme = doc.theme;
    let has_party = c.candidates.iter().any(|x| x.party.is_some());
    let party_w = if has_party { 12 } else { 0 };
    const MIN_FACTION: usize = 14;
    let numbers = 8 + 1 + 7;
    // Everything but the name and faction columns: mark, gaps, party, numbers.
    let fixed = 2 + 1 + party_w + usize::from(has_party) + 1 + numbers;
    let name_w = doc.width.saturating_sub(fixed + MIN_FACTION).clamp(6, 24);
    // Spare room lets the faction's full name show.
    let faction_w = doc
        .width
        .saturating_sub(fixed + name_w)
        .clamp(MIN_FACTION, 30);
    let mut head = format!("  {} ", text::fit("Name", name_w));
    if has_party {
        head.push_str(&format!("{} ", text::fit("Party", party_w)));
    }
    head.push_str(&format!(
        "{} {} {}",
        text::fit("Faction", faction_w),
        text::fit_right("Votes", 8),
        text::fit_right("Share", 7)
    ));
    doc.lines.push(Line::styled(head, theme.column_title()));
    for &k in &arithmetic::ranked(c) {
        let cand = &c.candidates[k];
        let faction = cand.faction.as_deref().and_then(|id| ds.faction(id));
        let mark = if cand.elected {
            Span::styled("✓ ", theme.elected())
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![
            mark,
            Span::raw(format!("{} ", text::fit(&cand.name, name_w))),
        ];
        if has_party {
            let party = cand.party.clone().unwrap_or_default();
            spans.push(Span::raw(format!("{} ", text::fit(&party, party_w))));
        }
        let faction_label = match faction {
            Some(f) => format!("{} {}", theme::abbr(f), f.name),
            None => "—".to_string(),
        };
        spans.push(Span::styled(
            text::fit(&faction_label, faction_w),
            theme.faction(faction),
        ));
        let share = arithmetic::share(c, cand).label();
        spans.push(Span::raw(format!(
            " {} {}",
            text::fit_right(&count_label(cand.votes), 8),
            text::fit_right(&share, 7)
        )));
        if cand.incumbent {
            spans.push(Span::styled(" (incumbent)", theme.dim()));
        }
        doc.lines.push(Line::from(spans));
        if !cand.endorsements.is_empty() {
            let backed = format!("backed by {}", cand.endorsements.join(", "));
            doc.text("      ", &backed, theme.dim());
        }
    }
}

/// Previous holder, defection, seat majority, stated majority, swing, official result.
fn context(c: &Contest, doc: &mut Doc) {
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(h) = &c.previous_holder {
        let mut s = h.name.clone();
        let extra: Vec<String> = [
            h.party.clone(),
            h.since.map(|d| format!("since {}", d.human())),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !extra.is_empty() {
            s.push_str(&format!(" ({})", extra.join(", ")));
        }
        facts.push(("Previous holder", s));
    }
    if let Some(d) = &c.defection {
        let when = d.date.map_or(String::new(), |d| format!(", {}", d.human()));
        facts.push(("Defection", format!("to {}{when}", d.to)));
    }
    if let Some(m) = &c.seat_majority {
        let extra: Vec<String> = [m.party.clone(), m.as_of.map(|d| d.human())]
            .into_iter()
            .flatten()
            .collect();
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" ({})", extra.join(", "))
        };
        facts.push(("Seat majority", format!("{}{extra}", thousands(m.votes))));
    }
    if let Some(m) = c.majority {
        facts.push(("Majority", thousands(m)));
    }
    if let Some(s) = &c.swing {
        facts.push(("Swing", format!("{} points to {}", s.percent, s.to)));
    }
    if let Some(r) = &c.result {
        facts.push(("Result", r.clone()));
    }
    if facts.is_empty() {
        return;
    }
    doc.heading("Context");
    let plain = doc.theme.text();
    for (label, value) in facts {
        doc.fact(label, &value, plain);
    }
}
