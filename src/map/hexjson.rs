//! HexJSON, the open hex-cartogram format of Open Innovations (ODI Leeds):
//! `{"layout": "odd-r", "hexes": {ID: {"n": name, "q": column, "r": row, …}}}`. Other fields
//! of a hex (region, electorate, colour…) are ignored. Rows count up the map (north), as
//! Open Innovations' own renderer draws them.

use std::fmt;

use serde_json::Value;

/// Which rows (or columns) are pushed half a hex along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Pointy-topped hexes in rows; odd rows shifted right.
    OddR,
    /// Pointy-topped hexes in rows; even rows shifted right.
    EvenR,
    /// Flat-topped hexes in columns; odd columns shifted half a hex.
    OddQ,
    /// Flat-topped hexes in columns; even columns shifted half a hex.
    EvenQ,
}

impl Layout {
    fn parse(text: &str) -> Option<Layout> {
        match text {
            "odd-r" => Some(Layout::OddR),
            "even-r" => Some(Layout::EvenR),
            "odd-q" => Some(Layout::OddQ),
            "even-q" => Some(Layout::EvenQ),
            _ => None,
        }
    }

    /// Whether hexes stand in rows (pointy-topped) rather than columns.
    pub fn in_rows(self) -> bool {
        matches!(self, Layout::OddR | Layout::EvenR)
    }

    /// Whether the row (or column) numbered `n` is the one shifted half a hex.
    pub fn shifted(self, n: i32) -> bool {
        let odd = n.rem_euclid(2) == 1;
        match self {
            Layout::OddR | Layout::OddQ => odd,
            Layout::EvenR | Layout::EvenQ => !odd,
        }
    }
}

/// One hexagon: a seat of the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hex {
    /// Its key in the file (an ONS code such as `E14000530`, a state's postal code).
    pub id: String,
    /// Its name (`n`), or the id when the file gives none.
    pub name: String,
    pub q: i32,
    pub r: i32,
}

/// A hex cartogram.
#[derive(Debug, Clone, PartialEq)]
pub struct HexMap {
    /// What the map is called (a built-in map's name, or the file's).
    pub name: String,
    pub layout: Layout,
    /// In the file's order.
    pub hexes: Vec<Hex>,
}

/// Why a HexJSON file could not be read: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexJsonError {
    /// The file (or built-in map) read.
    pub source: String,
    /// A JSON path (`hexes.E14000530.q`), or a line and column for broken JSON.
    pub place: String,
    pub problem: String,
}

impl fmt::Display for HexJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.source, self.place, self.problem)
    }
}

impl std::error::Error for HexJsonError {}

/// The map in `text`, named `name`; `source` names the file in an error.
///
/// # Errors
/// Broken JSON, a layout other than the four, a hex without whole-number `q` and `r`, or two
/// hexes on one spot: one error naming the place.
pub fn parse(name: &str, source: &str, text: &str) -> Result<HexMap, HexJsonError> {
    let fail = |place: String, problem: String| HexJsonError {
        source: source.to_string(),
        place,
        problem,
    };
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        fail(
            format!("line {}, column {}", e.line(), e.column()),
            format!("not JSON: {e}"),
        )
    })?;
    let Value::Object(top) = value else {
        return Err(fail("the top level".into(), "not an object".into()));
    };
    let layout = match top.get("layout") {
        Some(Value::String(l)) => Layout::parse(l).ok_or_else(|| {
            fail(
                "layout".into(),
                format!("\"{l}\" is not odd-r, even-r, odd-q or even-q"),
            )
        })?,
        Some(_) => return Err(fail("layout".into(), "not a string".into())),
        None => {
            return Err(fail(
                "layout".into(),
                "missing (odd-r, even-r, odd-q or even-q)".into(),
            ));
        }
    };
    let Some(Value::Object(entries)) = top.get("hexes") else {
        return Err(fail("hexes".into(), "missing, or not an object".into()));
    };
    let mut hexes = Vec::with_capacity(entries.len());
    let mut taken = std::collections::HashMap::new();
    for (id, hex) in entries {
        let place = |field: &str| format!("hexes.{id}{field}");
        let Value::Object(fields) = hex else {
            return Err(fail(place(""), "not an object".into()));
        };
        let coordinate = |key: &str| -> Result<i32, HexJsonError> {
            fields
                .get(key)
                .and_then(Value::as_i64)
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(|| {
                    fail(
                        place(&format!(".{key}")),
                        "missing, or not a whole number".into(),
                    )
                })
        };
        let (q, r) = (coordinate("q")?, coordinate("r")?);
        if let Some(other) = taken.insert((q, r), id.clone()) {
            return Err(fail(
                place(""),
                format!("at q {q}, r {r}, where {other} already is"),
            ));
        }
        let name = match fields.get("n") {
            Some(Value::String(n)) if !n.trim().is_empty() => n.clone(),
            _ => id.clone(),
        };
        hexes.push(Hex {
            id: id.clone(),
            name,
            q,
            r,
        });
    }
    for (what, span) in [
        ("columns", spread(hexes.iter().map(|h| h.q))),
        ("rows", spread(hexes.iter().map(|h| h.r))),
    ] {
        if span > MOST_SPAN {
            return Err(fail(
                "hexes".into(),
                format!("the map spans {span} {what}; hustings draws at most {MOST_SPAN}"),
            ));
        }
    }
    Ok(HexMap {
        name: name.to_string(),
        layout,
        hexes,
    })
}

/// The most columns (or rows) a map may span: a terminal or page draws no more, and a stray
/// coordinate (q = 1000000) must not ask for billions of cells.
const MOST_SPAN: i64 = 1000;

/// How many values `values` spans, ends included (0 for none).
fn spread(values: impl Iterator<Item = i32>) -> i64 {
    let (low, high) = values.fold((i64::MAX, i64::MIN), |(lo, hi), v| {
        (lo.min(i64::from(v)), hi.max(i64::from(v)))
    });
    if low > high { 0 } else { high - low + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hexes_with_their_names_and_places() {
        let map = parse(
            "t",
            "t.hexjson",
            r#"{"layout":"odd-r","hexes":{"A":{"n":"Aye","q":1,"r":-2,"a":"x"},"B":{"q":0,"r":0}}}"#,
        )
        .unwrap();
        assert_eq!(map.layout, Layout::OddR);
        assert_eq!(map.hexes.len(), 2);
        let a = map.hexes.iter().find(|h| h.id == "A").unwrap();
        assert_eq!((a.name.as_str(), a.q, a.r), ("Aye", 1, -2));
        let b = map.hexes.iter().find(|h| h.id == "B").unwrap();
        assert_eq!(b.name, "B");
    }

    #[test]
    fn bad_maps_name_the_place_and_the_problem() {
        let error = |text: &str| parse("t", "t.hexjson", text).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"layout":"odd-x","hexes":{}}"#),
            "t.hexjson: layout: \"odd-x\" is not odd-r, even-r, odd-q or even-q"
        );
        assert_eq!(
            error(r#"{"layout":"odd-r","hexes":{"A":{"q":1.5,"r":0}}}"#),
            "t.hexjson: hexes.A.q: missing, or not a whole number"
        );
        assert_eq!(
            error(r#"{"layout":"odd-r","hexes":{"A":{"q":1,"r":0},"B":{"q":1,"r":0}}}"#),
            "t.hexjson: hexes.B: at q 1, r 0, where A already is"
        );
        assert!(error("{").starts_with("t.hexjson: line 1, column 1: not JSON"));
        assert_eq!(
            error(r#"{"layout":"odd-r","hexes":{"A":{"q":0,"r":0},"B":{"q":1000000,"r":0}}}"#),
            "t.hexjson: hexes: the map spans 1000001 columns; hustings draws at most 1000"
        );
    }

    #[test]
    fn odd_and_even_rows_shift_by_parity_below_zero_too() {
        assert!(Layout::OddR.shifted(-1));
        assert!(!Layout::OddR.shifted(-2));
        assert!(Layout::EvenR.shifted(0));
    }
}
