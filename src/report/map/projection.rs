//! A swing's projection in words, the same on every screen and output that shows it, and
//! always saying it is a projection.

use crate::map::swing::{Projection, Swing};

/// `PROJECTION, not a result — uniform swing of 5.0 points from Con to Lab: 43 seats change
/// hands`.
pub fn headline(swing: &Swing, projection: &Projection) -> String {
    format!(
        "PROJECTION, not a result — uniform swing of {:.1} points from {} to {}: {}",
        swing.points,
        swing.from,
        swing.to,
        crate::report::words::plural(
            projection.changing,
            "seat changes hands",
            "seats change hands"
        )
    )
}

/// `Con 322 (-43) · Lab 245 (+43) · …`: each party's projected seats and their change, the
/// parties with no seat either way left out.
pub fn seats(projection: &Projection) -> String {
    projection
        .parties
        .iter()
        .filter(|(_, won, now)| *won > 0 || *now > 0)
        .map(|(name, won, now)| {
            let change =
                i64::try_from(*now).unwrap_or(i64::MAX) - i64::try_from(*won).unwrap_or(i64::MAX);
            format!("{name} {now} ({change:+})")
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The projection as a table: each party's seats won and projected, and the change, under
/// the headline.
pub fn table(swing: &Swing, projection: &Projection) -> String {
    let rows: Vec<(&str, usize, usize)> = projection
        .parties
        .iter()
        .filter(|(_, won, now)| *won > 0 || *now > 0)
        .map(|(name, won, now)| (name.as_str(), *won, *now))
        .collect();
    let name_w = rows
        .iter()
        .map(|r| crate::report::cells::width(r.0))
        .chain([5])
        .max()
        .unwrap_or(5);
    let mut out = format!("{}\n\n", headline(swing, projection));
    out.push_str(&format!(
        "{}  {:>5}  {:>9}  {:>6}\n",
        crate::report::cells::fit("PARTY", name_w),
        "SEATS",
        "PROJECTED",
        "CHANGE"
    ));
    for (name, won, now) in rows {
        let change =
            i64::try_from(now).unwrap_or(i64::MAX) - i64::try_from(won).unwrap_or(i64::MAX);
        out.push_str(&format!(
            "{}  {won:>5}  {now:>9}  {change:>+6}\n",
            crate::report::cells::fit(name, name_w)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_projection_says_so() {
        let swing = Swing::parse("Con:Lab:5").unwrap();
        let projection = Projection {
            parties: vec![
                ("Con".into(), 365, 322),
                ("Lab".into(), 202, 245),
                ("X".into(), 0, 0),
            ],
            changing: 43,
        };
        assert_eq!(
            headline(&swing, &projection),
            "PROJECTION, not a result — uniform swing of 5.0 points from Con to Lab: 43 seats change hands"
        );
        assert_eq!(seats(&projection), "Con 322 (-43) · Lab 245 (+43)");
    }
}
