//! The stretch of time a contest is counted in: its month, its year when only the year is
//! known (never January), or undated.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use crate::model::date::{PartialDate, Precision};

/// A stretch of time contests are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar month (1–12): contests dated to the day or the month.
    Month { year: i32, month: u32 },
    /// A year: contests whose date is known only to the year.
    Year(i32),
    /// Contests with no date.
    Undated,
}

impl Period {
    /// The period a contest dated `date` is counted in.
    pub fn of(date: Option<PartialDate>) -> Period {
        match date {
            None => Period::Undated,
            Some(d) if d.precision() == Precision::Year => Period::Year(d.year()),
            Some(d) => Period::Month {
                year: d.year(),
                month: d.start().month(),
            },
        }
    }

    /// Display order: a year's months, then that year's month-unknown bucket; undated last.
    pub fn order(&self) -> (bool, i32, u32) {
        match *self {
            Period::Month { year, month } => (false, year, month),
            Period::Year(year) => (false, year, 13),
            Period::Undated => (true, 0, 0),
        }
    }

    /// The data format's form: `2019-10`, `2019`, or `None` when undated.
    pub fn key(&self) -> Option<String> {
        match *self {
            Period::Month { year, month } => Some(format!("{year:04}-{month:02}")),
            Period::Year(year) => Some(format!("{year:04}")),
            Period::Undated => None,
        }
    }

    /// The first day of a month, if the month exists.
    pub fn first_day(year: i32, month: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, 1)
    }
}

impl fmt::Display for Period {
    /// A reader's form: `Oct 2019`, `2019 (month unknown)`, `undated`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Month { year, month } => match Period::first_day(year, month) {
                Some(d) => write!(f, "{}", d.format("%b %Y")),
                None => write!(f, "{year:04}-{month:02}"),
            },
            Period::Year(year) => write!(f, "{year:04} (month unknown)"),
            Period::Undated => f.write_str("undated"),
        }
    }
}

impl Serialize for Period {
    /// As [`Period::key`]: `"2019-10"`, `"2019"` or `null`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.key().serialize(serializer)
    }
}
