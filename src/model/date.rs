//! Dates known to the year, the month or the day, as sources give them.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date with the precision its source gave: `2019`, `2019-10` or `2019-10-24`.
///
/// The unknown parts are never filled in for display; `start` (the first day the date could be)
/// exists only so dates can be ordered and compared with ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    start: NaiveDate,
    precision: Precision,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates such as `2019-02-30`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad_shape =
            || format!("invalid date \"{text}\": expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"");
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(bad_shape());
        }
        let number = |i: usize| parts[i].parse::<u32>().map_err(|_| bad_shape());
        let year = number(0)? as i32;
        let (month, day) = match parts.len() {
            1 => (1, 1),
            2 => (number(1)?, 1),
            _ => (number(1)?, number(2)?),
        };
        if !(1..=12).contains(&month) {
            return Err(format!(
                "invalid date \"{text}\": there is no month {month}"
            ));
        }
        let start = NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| format!("invalid date \"{text}\": that day does not exist"))?;
        let precision = match parts.len() {
            1 => Precision::Year,
            2 => Precision::Month,
            _ => Precision::Day,
        };
        Ok(PartialDate { start, precision })
    }

    /// A date known to the day.
    pub fn day(date: NaiveDate) -> Self {
        PartialDate {
            start: date,
            precision: Precision::Day,
        }
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The first day this date could be (1 January for a year, the 1st for a month).
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day this date could be.
    pub fn end(&self) -> NaiveDate {
        let y = self.start.year();
        match self.precision {
            Precision::Day => self.start,
            Precision::Month => {
                let (ny, nm) = if self.start.month() == 12 {
                    (y + 1, 1)
                } else {
                    (y, self.start.month() + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(self.start)
            }
            Precision::Year => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(self.start),
        }
    }

    pub fn year(&self) -> i32 {
        self.start.year()
    }

    /// The month (1–12) when the date is known at least to the month.
    pub fn month(&self) -> Option<u32> {
        (self.precision >= Precision::Month).then(|| self.start.month())
    }

    /// A reader's form: `2019`, `Oct 2019`, `24 Oct 2019`.
    pub fn human(&self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (year, month) = (self.start.year(), MONTHS[self.start.month0() as usize]);
        // Written directly (a list writes a million): chrono's `%Y` pads a year to four
        // digits, and signs one outside 0–9999, which it is left to write.
        if !(0..=9999).contains(&year) {
            return self.human_by_chrono();
        }
        match self.precision {
            Precision::Year => format!("{year:04}"),
            Precision::Month => format!("{month} {year:04}"),
            Precision::Day => format!("{} {month} {year:04}", self.start.day()),
        }
    }

    /// [`PartialDate::human`] as chrono formats it.
    fn human_by_chrono(self) -> String {
        match self.precision {
            Precision::Year => self.start.format("%Y").to_string(),
            Precision::Month => self.start.format("%b %Y").to_string(),
            Precision::Day => self.start.format("%-d %b %Y").to_string(),
        }
    }

    /// Ordering key: earlier start first; at the same start, the vaguer date first.
    pub fn sort_key(&self) -> (NaiveDate, Precision) {
        (self.start, self.precision)
    }
}

impl fmt::Display for PartialDate {
    /// The data format's own form (`2019`, `2019-10`, `2019-10-24`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{:04}", self.start.year()),
            Precision::Month => write!(f, "{:04}-{:02}", self.start.year(), self.start.month()),
            Precision::Day => {
                let year = self.start.year();
                // Written directly (a CSV list writes a million), as chrono writes `%Y-%m-%d`
                // for a year of four digits; it is left the others, which it signs.
                if !(0..=9999).contains(&year) {
                    return write!(f, "{}", self.start.format("%Y-%m-%d"));
                }
                let (year, month, day) =
                    (year.unsigned_abs(), self.start.month(), self.start.day());
                let digit = |n: u32| b'0' + (n % 10) as u8;
                let text = [
                    digit(year / 1000),
                    digit(year / 100),
                    digit(year / 10),
                    digit(year),
                    b'-',
                    digit(month / 10),
                    digit(month),
                    b'-',
                    digit(day / 10),
                    digit(day),
                ];
                f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
            }
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date string \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                PartialDate::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date known to the year, month or day: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\".",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every day of the years at the edges of four digits and of two centuries reads as
    /// chrono would write it, at each precision, and is written to the day as chrono writes it.
    #[test]
    fn human_dates_read_as_chrono_writes_them() {
        let years = [-1, 0, 1, 999, 1000, 9999, 10_000]
            .into_iter()
            .chain(1899..=2101);
        for year in years {
            let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            while day.year() == year {
                for precision in [Precision::Year, Precision::Month, Precision::Day] {
                    let date = PartialDate {
                        start: day,
                        precision,
                    };
                    assert_eq!(date.human(), date.human_by_chrono(), "{day} {precision:?}");
                    if precision == Precision::Day {
                        let chrono = day.format("%Y-%m-%d").to_string();
                        assert_eq!(date.to_string(), chrono, "{day}");
                    }
                }
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn keeps_precision_and_round_trips() {
        for text in ["2019", "2019-10", "2019-10-24"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(
            PartialDate::parse("2019").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(PartialDate::parse("2019-10").unwrap().human(), "Oct 2019");
        assert_eq!(
            PartialDate::parse("2019-10-04").unwrap().human(),
            "4 Oct 2019"
        );
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert!(
            PartialDate::parse("2019-02-30")
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(
            PartialDate::parse("2019-13")
                .unwrap_err()
                .contains("no month 13")
        );
        for bad in [
            "",
            "19",
            "2019-1",
            "2019/10/24",
            "2019-10-24T10",
            "+2019",
            "２０１９",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn ranges_cover_the_unknown_part() {
        let m = PartialDate::parse("2020-02").unwrap();
        assert_eq!(m.end().to_string(), "2020-02-29");
        let y = PartialDate::parse("2019").unwrap();
        assert_eq!(y.end().to_string(), "2019-12-31");
        assert!(y.sort_key() < PartialDate::parse("2019-01-01").unwrap().sort_key());
    }
}
