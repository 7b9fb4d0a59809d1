//! Deserializers for counts and percentages that reject impossible values with plain messages
//! (serde_json then attaches the line and column of the offending number).

use std::fmt;

use serde::Deserializer;
use serde::de::{Error, Unexpected, Visitor};

/// Largest count accepted: far beyond any real electorate, small enough that sums of a million
/// contests' worth of counts never overflow a u64.
pub const MAX_COUNT: u64 = 1 << 40;

struct CountVisitor {
    nullable: bool,
    /// What is counted, as the messages name it: `votes`, `nominations`.
    what: &'static str,
}

impl CountVisitor {
    /// One such count, as a message names it: `a vote count`.
    fn one(&self) -> &'static str {
        match self.what {
            "votes" => "a vote count",
            _ => "a count of nominations",
        }
    }
}

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a whole number of {} (0 or more)", self.what)?;
        if self.nullable {
            f.write_str(", or null when unknown")?;
        }
        Ok(())
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
        if v > MAX_COUNT {
            return Err(E::custom(format!(
                "{v} is too large for {} (the limit is {MAX_COUNT})",
                self.one()
            )));
        }
        Ok(Some(v))
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
        if v < 0 {
            return Err(E::invalid_value(Unexpected::Signed(v), &self));
        }
        self.visit_u64(v as u64)
    }

    fn visit_f64<E: Error>(self, v: f64) -> Result<Self::Value, E> {
        // A whole number too big for a u64 arrives here; printing it back as a float would
        // show digits the file does not have, so the message names only the limit.
        if v.fract() == 0.0 && v > MAX_COUNT as f64 {
            return Err(E::custom(format!(
                "number too large for {} (the limit is {MAX_COUNT})",
                self.one()
            )));
        }
        if v.fract() == 0.0 && v < 0.0 {
            return Err(E::invalid_value(Unexpected::Float(v), &self));
        }
        Err(E::invalid_type(Unexpected::Float(v), &self))
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        if self.nullable {
            Ok(None)
        } else {
            Err(E::invalid_type(Unexpected::Unit, &self))
        }
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A vote count that may be null (unknown).
pub fn vote_count_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    d.deserialize_any(CountVisitor {
        nullable: true,
        what: "votes",
    })
}

/// A count of nominations that may be absent or null (unknown).
pub fn count_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    d.deserialize_any(CountVisitor {
        nullable: true,
        what: "nominations",
    })
}

/// A count of nominations that must be present.
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_any(CountVisitor {
        nullable: false,
        what: "nominations",
    })?
    .ok_or_else(|| D::Error::custom("a count of nominations is required here"))
}

/// A vote count that must be present.
pub fn vote_count<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    d.deserialize_any(CountVisitor {
        nullable: false,
        what: "votes",
    })?
    .ok_or_else(|| D::Error::custom("a vote count is required here"))
}

/// A percentage from 0 to 100.
pub fn percent<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    struct PercentVisitor;
    impl Visitor<'_> for PercentVisitor {
        type Value = f64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a percentage from 0 to 100")
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<f64, E> {
            if (0.0..=100.0).contains(&v) {
                Ok(v)
            } else {
                Err(E::invalid_value(Unexpected::Float(v), &self))
            }
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<f64, E> {
            self.visit_f64(v as f64)
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<f64, E> {
            self.visit_f64(v as f64)
        }
    }
    d.deserialize_any(PercentVisitor)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    struct Votes {
        #[serde(default, deserialize_with = "super::vote_count_opt")]
        votes: Option<u64>,
    }

    fn parse(json: &str) -> Result<Option<u64>, String> {
        serde_json::from_str::<Votes>(json)
            .map(|v| v.votes)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn counts() {
        assert_eq!(parse(r#"{"votes": 338}"#), Ok(Some(338)));
        assert_eq!(parse(r#"{"votes": null}"#), Ok(None));
        assert_eq!(parse(r"{}"), Ok(None));
        assert!(parse(r#"{"votes": -3}"#).unwrap_err().contains("-3"));
        assert!(parse(r#"{"votes": 1.5}"#).unwrap_err().contains("1.5"));
        assert!(
            parse(r#"{"votes": 99999999999999999999}"#)
                .unwrap_err()
                .contains("too large")
        );
        assert!(
            parse(r#"{"votes": "12"}"#)
                .unwrap_err()
                .contains("whole number")
        );
    }
}
