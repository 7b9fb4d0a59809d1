//! A count in a preferential round as the counting software writes it: a whole number, or a
//! decimal where a single transferable vote moves fractions of ballots (`8.8832`), kept exactly
//! as given — `14866.0000` stays `14866.0000`, never rounded away.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::strict_numbers::MAX_COUNT;
use crate::model::text::thousands;

/// A non-negative count of ballots, whole or decimal, with the digits the source gave.
/// Compared and hashed by its digits; the number is kept beside them for arithmetic.
#[derive(Debug, Clone)]
pub struct Tally {
    text: String,
    value: f64,
}

impl PartialEq for Tally {
    fn eq(&self, other: &Tally) -> bool {
        self.text == other.text
    }
}

impl Eq for Tally {}

impl std::hash::Hash for Tally {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl Tally {
    /// `123`, `8.8832` or `14866.0000`: digits, optionally a point and more digits. Signs,
    /// exponents, spaces and separators are refused, as is anything above the count limit.
    pub fn parse(text: &str) -> Result<Tally, String> {
        let (whole, fraction) = match text.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (text, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
            return Err(format!(
                "\"{text}\" is not a count (digits, with an optional decimal point)"
            ));
        }
        let tally = Tally {
            text: text.to_string(),
            value: text.parse().unwrap_or(0.0),
        };
        if tally.value > MAX_COUNT as f64 {
            return Err(format!(
                "{text} is too large for a count (the limit is {MAX_COUNT})"
            ));
        }
        Ok(tally)
    }

    /// A whole count.
    pub fn whole_number(n: u64) -> Tally {
        Tally {
            text: n.to_string(),
            value: n as f64,
        }
    }

    /// A count given as a JSON number: whole numbers as such (`3480.0` is `3480`), fractions
    /// in the shortest form that reads back as the same number.
    pub fn from_f64(v: f64) -> Result<Tally, String> {
        if !v.is_finite() || v < 0.0 {
            return Err(format!("{v} is not a count (0 or more)"));
        }
        if v.fract() == 0.0 && v <= MAX_COUNT as f64 {
            return Ok(Tally::whole_number(v as u64));
        }
        Tally::parse(&format!("{v}"))
    }

    /// The digits as given.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The count as a number, for arithmetic and bars.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// The count when it is a whole number (`80` or `80.0000`).
    pub fn whole(&self) -> Option<u64> {
        match self.text.split_once('.') {
            None => self.text.parse().ok(),
            Some((w, f)) if f.bytes().all(|b| b == b'0') => w.parse().ok(),
            Some(_) => None,
        }
    }

    /// Decimal places as given (0 for a whole number).
    pub fn decimals(&self) -> usize {
        self.text.split_once('.').map_or(0, |(_, f)| f.len())
    }

    /// For people: separators in the whole part, the fraction as given (`14,866.0000`).
    pub fn label(&self) -> String {
        match self.text.split_once('.') {
            Some((w, f)) => format!("{}.{f}", thousands(w.parse().unwrap_or(0))),
            None => thousands(self.text.parse().unwrap_or(0)),
        }
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Tally {
    /// Whole numbers as JSON numbers, decimals (and any digits a number would lose, such as a
    /// leading zero) as strings, so the digits survive.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A number only when it reads back as the same digits (`07433` stays a string).
        match self.text.parse::<u64>() {
            Ok(n) if n.to_string() == self.text => s.serialize_u64(n),
            _ => s.serialize_str(&self.text),
        }
    }
}

impl<'de> Deserialize<'de> for Tally {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Tally, D::Error> {
        struct TallyVisitor;
        impl Visitor<'_> for TallyVisitor {
            type Value = Tally;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a count of ballots (0 or more; a number, or digits in a string)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tally, E> {
                if v > MAX_COUNT {
                    return Err(E::custom(format!(
                        "{v} is too large for a count (the limit is {MAX_COUNT})"
                    )));
                }
                Ok(Tally::whole_number(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tally, E> {
                if v < 0 {
                    return Err(E::invalid_value(Unexpected::Signed(v), &self));
                }
                self.visit_u64(v as u64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tally, E> {
                Tally::from_f64(v).map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Tally, E> {
                Tally::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_any(TallyVisitor)
    }
}

impl JsonSchema for Tally {
    fn schema_name() -> Cow<'static, str> {
        "Tally".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A count of ballots: a whole number, or a decimal in a string (\"8.8832\") whose digits are kept as given.",
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_kept_as_given() {
        let t = Tally::parse("14866.0000").unwrap();
        assert_eq!(t.as_str(), "14866.0000");
        assert_eq!(t.whole(), Some(14866));
        assert_eq!(t.label(), "14,866.0000");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"14866.0000\"");
        let t: Tally = serde_json::from_str("\"8.8832\"").unwrap();
        assert_eq!((t.value(), t.whole(), t.decimals()), (8.8832, None, 4));
        let t: Tally = serde_json::from_str("3480.0").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "3480");
        // Found by fuzzing: a leading zero is kept too (it would be lost as a JSON number).
        let t: Tally = serde_json::from_str("\"07433\"").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"07433\"");
        assert!((t.value() - 7433.0).abs() < f64::EPSILON);
        let t: Tally = serde_json::from_str("63387").unwrap();
        assert_eq!((t.label(), t.whole()), ("63,387".to_string(), Some(63387)));
        for bad in [
            "\"-1\"",
            "\"1e3\"",
            "\"1,000\"",
            "\" 5\"",
            "\"\"",
            "-3",
            "\"5.\"",
        ] {
            assert!(serde_json::from_str::<Tally>(bad).is_err(), "{bad}");
        }
    }
}
