//! How a selection ran, as plain values every front end shows alike (the explorer's detail
//! pane, `show` as text and Markdown): the stages as a path and one by one, nominations per
//! kind of body with each candidate's progress toward the threshold, and the notes that give
//! the basis of every fact marked inferred (`†`).

use crate::model::references::References;
use crate::model::selection::{FieldStep, Known};
use crate::model::{CandidateRef, Contest, FieldPath, Nomination, Stage};
use crate::report::bars;
use crate::report::words::{self, INFERRED_MARK, NA};

/// `stages[2]`, `candidates[0]`: a path into a list of the contest.
fn item(list: &str, i: usize) -> FieldPath {
    index(FieldPath(Vec::new()), list, i)
}

/// `path` followed by `list[i]`.
fn index(mut path: FieldPath, list: &str, i: usize) -> FieldPath {
    path.0.push(FieldStep::Key(list.to_string()));
    path.0.push(FieldStep::Index(i));
    path
}

/// `path` followed by `key`.
fn field(mut path: FieldPath, key: &str) -> FieldPath {
    path.0.push(FieldStep::Key(key.to_string()));
    path
}

/// Whether anything at `path` or within it is inferred.
fn inferred_at(c: &Contest, path: &FieldPath) -> bool {
    !c.inferred.is_empty() && !c.inferred_within(path).is_empty()
}

/// The name of the candidate a stage or a nomination refers to (by id or name), looked up in
/// the contest's `references` (resolved once: a stage may name thousands).
pub(crate) fn name_of<'c>(c: &'c Contest, references: &References, reference: &'c str) -> &'c str {
    match references.get(reference) {
        CandidateRef::Found(i) => c.candidates[i].name.as_str(),
        CandidateRef::Ambiguous | CandidateRef::Missing => reference,
    }
}

/// The stages as a path, each with its number of candidates and its date:
/// `longlist 6 → shortlist 4 (12 Sep 2019) → ballot 3`; a stage holding an inferred fact is
/// marked `†`. `None` when no stage is recorded.
pub fn stage_path(c: &Contest) -> Option<String> {
    if c.stages.is_empty() {
        return None;
    }
    let steps: Vec<String> = c
        .stages
        .iter()
        .enumerate()
        .map(|(s, stage)| {
            let mut step = format!("{} {}", words::stage(stage.stage), stage.candidates.len());
            if let Some(d) = stage.date {
                step.push_str(&format!(" ({})", d.human()));
            }
            if inferred_at(c, &item("stages", s)) {
                step = words::marked(&step);
            }
            step
        })
        .collect();
    Some(steps.join(" → "))
}

/// One stage, as a line and its notes.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    /// `Shortlist (3)`, `Ballot (3, 24 Oct 2019)`.
    pub label: String,
    /// The candidates' names, or `no candidate named`.
    pub names: String,
    pub notes: Option<String>,
}

impl StageRow {
    /// `Shortlist (3): A, B, C`.
    pub fn line(&self) -> String {
        format!("{}: {}", self.label, self.names)
    }
}

/// Every stage, in order, with its candidates by name (marked where inferred).
pub fn stages(c: &Contest) -> Vec<StageRow> {
    let references = References::of(c);
    c.stages
        .iter()
        .enumerate()
        .map(|(s, stage)| stage_row(c, &references, s, stage))
        .collect()
}

fn stage_row(c: &Contest, references: &References, s: usize, stage: &Stage) -> StageRow {
    let at = |key: &str| inferred_at(c, &field(item("stages", s), key));
    let mut what = capitalised(words::stage(stage.stage));
    if at("stage") {
        what = words::marked(&what);
    }
    let mut count = stage.candidates.len().to_string();
    if let Some(d) = stage.date {
        let date = d.human();
        count.push_str(", ");
        count.push_str(&if at("date") {
            words::marked(&date)
        } else {
            date
        });
    }
    let names = if stage.candidates.is_empty() {
        "no candidate named".to_string()
    } else {
        stage
            .candidates
            .iter()
            .map(|r| name_of(c, references, r))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // The mark goes on the label, so a list that wraps does not read as its last name inferred.
    if at("candidates") {
        count.push_str(&format!(", list {} {}", words::INFERRED, INFERRED_MARK));
    }
    StageRow {
        label: format!("{what} ({count})"),
        names,
        notes: stage.notes.as_ref().map(|n| {
            if at("notes") {
                words::marked(n)
            } else {
                n.to_string()
            }
        }),
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One kind of body's nominations.
#[derive(Debug, Clone, PartialEq)]
pub struct NominationTable {
    /// `Unions: 2 needed to go forward`, `Branches: no threshold stated`.
    pub heading: String,
    /// How many a candidate needs, when known.
    pub threshold: Option<f64>,
    pub description: Option<String>,
    /// Most nominations first.
    pub rows: Vec<NominationRow>,
}

/// One candidate's nominations from one kind of body.
#[derive(Debug, Clone, PartialEq)]
pub struct NominationRow {
    pub name: String,
    /// `5`, `1+` (at least the nominators named), or `n/a`.
    pub count: String,
    /// The count (or its lower bound) for the bar.
    pub value: Option<f64>,
    /// Over the threshold: yes, no, or unknown (a lower bound short of it, or no threshold).
    pub reached: Option<bool>,
    /// `reached`, `1 short`, `at least 1 of 2`, or empty when there is no threshold.
    pub verdict: String,
    /// The nominators named.
    pub from: Vec<String>,
}

impl NominationRow {
    /// The bar toward `threshold` in `cells` cells (full at the threshold; never past it).
    pub fn bar(&self, threshold: Option<f64>, cells: usize) -> String {
        match (self.value, threshold) {
            (Some(v), Some(t)) => bars::draw(v, t, cells),
            _ => String::new(),
        }
    }

    /// `✓` for a candidate over the threshold, else a space.
    pub fn mark(&self) -> &'static str {
        if self.reached == Some(true) {
            "✓"
        } else {
            " "
        }
    }

    /// `from Unison, GMB`, when nominators are named.
    pub fn from_text(&self) -> Option<String> {
        (!self.from.is_empty()).then(|| format!("from {}", self.from.join(", ")))
    }

    /// The row in words, bar aside: `Lisa Nandy: 1 nomination, 2 needed, 1 short, from NUM`,
    /// or `Navendu Mishra: 5 nominations` when no threshold is known.
    pub fn sentence(&self, threshold: Option<f64>) -> String {
        let mut parts = vec![if self.count == "1" {
            "1 nomination".to_string()
        } else {
            format!("{} nominations", self.count)
        }];
        if let Some(t) = threshold {
            parts.push(format!("{} needed", words::number(t)));
        }
        if !self.verdict.is_empty() {
            parts.push(self.verdict.clone());
        }
        parts.extend(self.from_text());
        format!("{}: {}", self.name, parts.join(", "))
    }
}

/// The heading of the nominations each candidate received, worded apart from a stage called
/// `Nominations`.
pub const NOMINATIONS_HEADING: &str = "Nominations received";

/// Every kind of body's nominations, in the data's order.
pub fn nominations(c: &Contest) -> Vec<NominationTable> {
    let references = References::of(c);
    c.nominations
        .iter()
        .enumerate()
        .map(|(n, nomination)| nomination_table(c, &references, n, nomination))
        .collect()
}

fn nomination_table(
    c: &Contest,
    references: &References,
    n: usize,
    nomination: &Nomination,
) -> NominationTable {
    let at = |path: FieldPath| inferred_at(c, &path);
    let here = || item("nominations", n);
    let bodies = words::nominating_bodies(nomination.body);
    let rule = match nomination.threshold {
        Some(t) => {
            let needed = format!("{} needed to go forward", words::number(t));
            if at(field(here(), "threshold")) {
                words::inferred(&needed)
            } else {
                needed
            }
        }
        // Counted toward a rule of several conditions, which says who goes forward.
        None if crate::report::routes::counts_toward_routes(c, nomination.body) => {
            "counted toward the rule below".to_string()
        }
        None => "no threshold stated".to_string(),
    };
    let mut rows: Vec<(u64, NominationRow)> = nomination
        .counts
        .iter()
        .enumerate()
        .map(|(k, count)| {
            let known = count.known();
            let mut shown = match known {
                Some(Known::Exactly(n)) => n.to_string(),
                Some(Known::AtLeast(n)) => format!("{n}+"),
                None => NA.to_string(),
            };
            if at(index(here(), "counts", k)) {
                shown = words::marked(&shown);
            }
            let reached = match (known, nomination.threshold) {
                (Some(k), Some(t)) => k.reaches(t),
                _ => None,
            };
            let verdict = match (known, nomination.threshold, reached) {
                (_, None, _) => String::new(),
                (_, Some(_), Some(true)) => "reached".to_string(),
                (Some(Known::Exactly(n)), Some(t), Some(false)) => {
                    format!("{} short", words::number(t - n as f64))
                }
                (Some(Known::AtLeast(_)), Some(_), _) => "not known to have reached it".to_string(),
                _ => "not known".to_string(),
            };
            let row = NominationRow {
                name: name_of(c, references, &count.candidate).to_string(),
                count: shown,
                value: known.map(|k| k.value() as f64),
                reached,
                verdict,
                from: count
                    .from
                    .iter()
                    .map(std::string::ToString::to_string)
                    .collect(),
            };
            (known.map_or(0, |k| k.value() + 1), row)
        })
        .collect();
    rows.sort_by_key(|(v, _)| std::cmp::Reverse(*v));
    NominationTable {
        heading: format!("{bodies}: {rule}"),
        threshold: nomination.threshold,
        description: nomination.description.as_ref().map(|d| {
            if at(field(here(), "description")) {
                words::marked(d)
            } else {
                d.to_string()
            }
        }),
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    }
}

/// The threshold's place on a bar's scale, as the rounds' bars mark it.
pub const THRESHOLD_MARK: char = '┆';

/// Cells for a nomination bar in a line `width` cells wide.
pub fn bar_cells(width: usize) -> usize {
    (width / 5).clamp(6, 20)
}

impl NominationTable {
    /// Each row as its lead — the bar (padded to `cells`; none when there is no threshold),
    /// the threshold's mark `┆` where the bar is full (the mark of the rounds' bars), and `✓`
    /// for a candidate over the threshold — and its words.
    pub fn lines(&self, cells: usize) -> Vec<(String, String)> {
        self.rows
            .iter()
            .map(|r| {
                let lead = match self.threshold {
                    Some(_) => {
                        let bar = r.bar(self.threshold, cells);
                        let pad = cells.saturating_sub(crate::report::cells::width(&bar));
                        format!("{bar}{}{THRESHOLD_MARK} {} ", " ".repeat(pad), r.mark())
                    }
                    None => format!("{} ", r.mark()),
                };
                (lead, r.sentence(self.threshold))
            })
            .collect()
    }
}

/// `† region: basis`, one per inferred fact, in the data's order.
pub fn inferred_notes(c: &Contest) -> Vec<String> {
    c.inferred
        .iter()
        .map(|i| format!("{INFERRED_MARK} {}: {}", describe(c, &i.field), i.basis))
        .collect()
}

/// A path as a reader would say it: `region`, `date bounds`, `Sam Tarry, faction`,
/// `shortlist, candidates`, `unions, threshold`.
pub fn describe(c: &Contest, field: &str) -> String {
    let Some(path) = FieldPath::parse(field) else {
        return field.to_string();
    };
    let rest = |from: usize| {
        let tail = FieldPath(path.0[from..].to_vec()).to_string();
        tail.replace('_', " ")
    };
    let with = |head: String, from: usize| {
        if path.0.len() > from {
            format!("{head}, {}", rest(from))
        } else {
            head
        }
    };
    match path.0.as_slice() {
        // `affiliates route, condition 2, at least`.
        [
            FieldStep::Key(list),
            FieldStep::Index(r),
            FieldStep::Key(conditions),
            FieldStep::Index(k),
            ..,
        ] if list == "nomination_routes" && conditions == "conditions" => {
            match c.nomination_routes.get(*r) {
                Some(route) => with(format!("{} route, condition {}", route.route, k + 1), 4),
                None => rest(0),
            }
        }
        // `affiliates, Lisa Nandy's count`.
        [
            FieldStep::Key(list),
            FieldStep::Index(n),
            FieldStep::Key(counts),
            FieldStep::Index(k),
            ..,
        ] if list == "nominations" && counts == "counts" => {
            match c
                .nominations
                .get(*n)
                .and_then(|x| Some((x, x.counts.get(*k)?)))
            {
                Some((nomination, count)) => with(
                    format!(
                        "{}, {}'s nominations",
                        words::nominating_bodies(nomination.body).to_lowercase(),
                        c.candidate_named(&count.candidate)
                            .map_or(count.candidate.as_str(), |k| k.name.as_str())
                    ),
                    4,
                ),
                None => rest(0),
            }
        }
        [FieldStep::Key(list), FieldStep::Index(i), ..] => {
            let head = match list.as_str() {
                "candidates" => c.candidates.get(*i).map(|k| k.name.to_string()),
                "stages" => c.stages.get(*i).map(|s| words::stage(s.stage).to_string()),
                "nominations" => c
                    .nominations
                    .get(*i)
                    .map(|n| words::nominating_bodies(n.body).to_lowercase()),
                _ => None,
            };
            match head {
                Some(head) => with(head, 2),
                None => rest(0),
            }
        }
        _ => rest(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contest(json: serde_json::Value) -> Contest {
        let mut base = serde_json::json!({
            "id": "x", "kind": "selection", "title": "X", "status": "decided", "sources": [],
            "candidates": [
                {"name": "Ann", "votes": 60, "elected": true},
                {"name": "Bob", "votes": 40},
                {"name": "Cat", "status": "withdrawn"},
                {"name": "Dan", "status": "not-shortlisted"}
            ]
        });
        base.as_object_mut()
            .unwrap()
            .extend(json.as_object().unwrap().clone());
        serde_json::from_value(base).unwrap()
    }

    #[test]
    fn stages_read_as_a_path_and_one_by_one() {
        let c = contest(serde_json::json!({
            "stages": [
                {"stage": "longlist", "candidates": ["Ann", "Bob", "Cat", "Dan"]},
                {"stage": "shortlist", "date": "2019-09", "candidates": ["Ann", "Bob", "Cat"]},
                {"stage": "ballot", "date": "2019-10-24", "candidates": ["Ann", "Bob"], "notes": "At a hustings"}
            ],
            "inferred": [{"field": "stages[1].date", "basis": "a guess"}]
        }));
        assert_eq!(
            stage_path(&c).unwrap(),
            "longlist 4 → shortlist 3 (Sep 2019) † → ballot 2 (24 Oct 2019)"
        );
        let rows = stages(&c);
        assert_eq!(rows[1].line(), "Shortlist (3, Sep 2019 †): Ann, Bob, Cat");
        assert_eq!(rows[2].notes.as_deref(), Some("At a hustings"));
        assert_eq!(
            inferred_notes(&c),
            vec!["† shortlist, date: a guess".to_string()]
        );
    }

    #[test]
    fn nominations_toward_a_threshold() {
        let c = contest(serde_json::json!({
            "nominations": [{"body": "union", "threshold": 2, "counts": [
                {"candidate": "Bob", "from": ["Unison"]},
                {"candidate": "Ann", "count": 2, "from": ["NUM", "GMB"]},
                {"candidate": "Cat", "count": 1}
            ]}]
        }));
        let t = &nominations(&c)[0];
        assert_eq!(t.heading, "Unions: 2 needed to go forward");
        let said: Vec<String> = t.rows.iter().map(|r| r.sentence(t.threshold)).collect();
        assert_eq!(
            said,
            vec![
                "Ann: 2 nominations, 2 needed, reached, from NUM, GMB",
                "Bob: 1+ nominations, 2 needed, not known to have reached it, from Unison",
                "Cat: 1 nomination, 2 needed, 1 short",
            ]
        );
        assert_eq!(t.rows[0].mark(), "✓");
        assert_eq!(t.rows[0].bar(t.threshold, 4), "████");
        assert_eq!(t.rows[2].bar(t.threshold, 4), "██");
        assert_eq!(t.rows[2].bar(None, 4), "");
    }
}
