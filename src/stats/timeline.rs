//! Contests over time, month by month, honest about how precisely each date is known: a contest
//! dated to the day or the month counts in its month; one known only to the year counts in a
//! bucket of its own ("2019 (month unknown)"), never in January; an undated one counts as
//! undated. Pure functions of a dataset's query `Index` and the contest indices a query returned.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

pub use crate::model::period::Period;
use crate::query::Index;
use crate::stats::{GroupRecord, Visit, collect};

/// Months with no contest are filled in between the first and last dated month, so gaps show
/// as gaps — unless that would mean more rows than this (a dataset spanning centuries).
pub const MAX_FILLED_MONTHS: usize = 600;

/// The contests at `rows` per period, in time order (see [`Period::order`]): decided, pending
/// and winners' factions as for `stats --by region`. Months with no contest between the first
/// and the last month are included with zero counts (up to [`MAX_FILLED_MONTHS`] in all).
pub fn by_month(index: &Index, rows: &[usize]) -> Vec<GroupRecord<Period>> {
    let periods = &index.facts().periods;
    let mut groups: Vec<GroupRecord<Period>> = collect(
        &Visit::new(index, rows),
        periods.len(),
        |c| c.period as usize,
        |slot| periods[slot],
    )
    .into_iter()
    .map(|(_, g)| g)
    .collect();
    let months: Vec<NaiveDate> = groups
        .iter()
        .filter_map(|g| match g.key {
            Period::Month { year, month } => Period::first_day(year, month),
            _ => None,
        })
        .collect();
    if let (Some(&first), Some(&last)) = (months.iter().min(), months.iter().max()) {
        let span = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
        if (span as usize) < MAX_FILLED_MONTHS {
            let mut day = first;
            while day < last {
                day = match day.checked_add_months(Months::new(1)) {
                    Some(d) => d,
                    None => break,
                };
                let key = Period::Month {
                    year: day.year(),
                    month: day.month(),
                };
                if !groups.iter().any(|g| g.key == key) {
                    groups.push(GroupRecord {
                        key,
                        contests: 0,
                        decided: 0,
                        pending: 0,
                        wins: Vec::new(),
                    });
                }
            }
        }
    }
    groups.sort_by_key(|g| g.key.order());
    groups
}

/// A line of a timeline as people read it: one period, or a run of months with no contest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    One(Period),
    /// `months` consecutive months with no contest, `from` to `to` inclusive.
    Gap {
        from: Period,
        to: Period,
        months: usize,
    },
}

impl fmt::Display for Span {
    /// `Oct 2019`, or `Jul 2017 – Sep 2019 (27 months)` for a gap.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Span::One(p) => p.fmt(f),
            Span::Gap { from, to, months } => write!(f, "{from} – {to} ({months} months)"),
        }
    }
}

/// The timeline with every run of at least `min` empty months folded into one `Span::Gap`
/// line (for text and the explorer; JSON and CSV keep every month).
pub fn fold_gaps(groups: &[GroupRecord<Period>], min: usize) -> Vec<GroupRecord<Span>> {
    let mut out: Vec<GroupRecord<Span>> = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        let empty_month =
            |g: &GroupRecord<Period>| g.contests == 0 && matches!(g.key, Period::Month { .. });
        let run = groups[i..].iter().take_while(|g| empty_month(g)).count();
        if run >= min.max(1) {
            out.push(GroupRecord {
                key: Span::Gap {
                    from: groups[i].key,
                    to: groups[i + run - 1].key,
                    months: run,
                },
                contests: 0,
                decided: 0,
                pending: 0,
                wins: Vec::new(),
            });
            i += run;
        } else {
            let g = &groups[i];
            out.push(GroupRecord {
                key: Span::One(g.key),
                contests: g.contests,
                decided: g.decided,
                pending: g.pending,
                wins: g.wins.clone(),
            });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(dates: &[Option<&str>]) -> Index {
        let contests: Vec<String> = dates
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let date = d.map_or("null".to_string(), |d| format!("\"{d}\""));
                format!(
                    r#"{{"id": "c{i}", "kind": "selection", "title": "C{i}", "date": {date},
                        "status": "pending", "candidates": [], "sources": []}}"#
                )
            })
            .collect();
        let dataset: crate::model::Dataset = serde_json::from_str(&format!(
            r#"{{"schema_version": 1, "regions": [], "factions": [], "contests": [{}]}}"#,
            contests.join(",")
        ))
        .unwrap();
        Index::build(&dataset)
    }

    fn labels(groups: &[GroupRecord<Period>]) -> Vec<String> {
        groups
            .iter()
            .map(|g| format!("{} {}", g.key, g.contests))
            .collect()
    }

    #[test]
    fn years_are_never_put_in_january_and_gaps_show() {
        let ds = dataset(&[
            Some("2019-10-24"),
            Some("2019"),
            None,
            Some("2019-12"),
            Some("2019-10-01"),
            Some("2020"),
            Some("2019"),
        ]);
        let rows: Vec<usize> = (0..ds.len()).collect();
        assert_eq!(
            labels(&by_month(&ds, &rows)),
            vec![
                "Oct 2019 2",
                "Nov 2019 0",
                "Dec 2019 1",
                "2019 (month unknown) 2",
                "2020 (month unknown) 1",
                "undated 1",
            ]
        );
        let total: usize = by_month(&ds, &rows).iter().map(|g| g.contests).sum();
        assert_eq!(total, rows.len());
    }

    #[test]
    fn months_fill_across_years_and_keys_keep_precision() {
        let ds = dataset(&[Some("2019-11-02"), Some("2020-02")]);
        let got = by_month(&ds, &[0, 1]);
        assert_eq!(got.len(), 4);
        assert_eq!(got[2].key.to_string(), "Jan 2020");
        assert_eq!(got[0].key.key().as_deref(), Some("2019-11"));
        assert_eq!(Period::Year(2019).key().as_deref(), Some("2019"));
        assert_eq!(Period::Undated.key(), None);
        assert!(by_month(&ds, &[]).is_empty());
    }

    #[test]
    fn long_runs_of_empty_months_fold_into_one_line() {
        let ds = dataset(&[Some("2019-01"), Some("2019-03"), Some("2019-09"), None]);
        let groups = by_month(&ds, &[0, 1, 2, 3]);
        let folded: Vec<String> = fold_gaps(&groups, 3)
            .iter()
            .map(|g| format!("{} {}", g.key, g.contests))
            .collect();
        assert_eq!(
            folded,
            [
                "Jan 2019 1",
                "Feb 2019 0",
                "Mar 2019 1",
                "Apr 2019 – Aug 2019 (5 months) 0",
                "Sep 2019 1",
                "undated 1"
            ]
        );
    }

    #[test]
    fn a_dataset_spanning_centuries_is_not_filled() {
        let ds = dataset(&[Some("1900-01"), Some("2020-01")]);
        assert_eq!(by_month(&ds, &[0, 1]).len(), 2);
    }
}
