//! Every string of a contest, visited directly: the quick test that a contest holds no unsafe
//! text (`all_clean`), run on every contest at every load. [`text::each_text`] finds the same
//! strings with their JSON paths through serde, at several times the cost; it explains the few
//! contests this finds unclean. A test checks the two visit the same strings, on a contest
//! that fills every field the schema has.

use crate::model::text;
use crate::model::{Candidate, Contest, Round, Source};

/// Whether no string of `contest` holds a character the display rule replaces.
pub fn all_clean(contest: &Contest) -> bool {
    let mut clean = true;
    each_string(contest, &mut |s| clean &= text::is_clean(s));
    clean
}

/// Calls `f` on every string of `contest`, in the order of its fields (the order
/// `text::each_text` visits them). Dates and counts are written by hustings, never text.
pub fn each_string(contest: &Contest, f: &mut impl FnMut(&str)) {
    let c = contest;
    f(&c.id);
    f(&c.title);
    opt(c.party.as_ref(), f);
    opt(c.constituency.as_ref(), f);
    opt(c.constituency_id.as_ref(), f);
    opt(c.region.as_ref(), f);
    if let Some(bounds) = &c.date_bounds {
        f(&bounds.basis);
    }
    opt(c.method.as_ref(), f);
    for candidate in &c.candidates {
        candidate_strings(candidate, f);
    }
    for stage in &c.stages {
        all(&stage.candidates, f);
        opt(stage.notes.as_ref(), f);
    }
    for nomination in &c.nominations {
        opt(nomination.description.as_ref(), f);
        for count in &nomination.counts {
            f(&count.candidate);
            all(&count.from, f);
        }
    }
    for route in &c.nomination_routes {
        f(&route.route);
        opt(route.description.as_ref(), f);
    }
    for round in &c.rounds {
        round_strings(round, f);
    }
    if let Some(swing) = &c.swing {
        f(&swing.to);
    }
    opt(c.result.as_ref(), f);
    if let Some(holder) = &c.previous_holder {
        f(&holder.name);
        opt(holder.party.as_ref(), f);
    }
    if let Some(defection) = &c.defection {
        opt(defection.to.as_ref(), f);
    }
    if let Some(majority) = &c.seat_majority {
        opt(majority.party.as_ref(), f);
    }
    for source in &c.sources {
        source_strings(source, f);
    }
    opt(c.notes.as_ref(), f);
    for inferred in &c.inferred {
        f(&inferred.field);
        f(&inferred.basis);
    }
}

fn candidate_strings(c: &Candidate, f: &mut impl FnMut(&str)) {
    f(&c.name);
    opt(c.id(), f);
    opt(c.party.as_ref(), f);
    opt(c.faction.as_ref(), f);
    opt(c.description(), f);
    all(&c.endorsements, f);
}

fn round_strings(round: &Round, f: &mut impl FnMut(&str)) {
    for count in &round.counts {
        f(&count.candidate);
    }
    all(&round.elected, f);
    all(&round.eliminated, f);
    for transfer in &round.transfers {
        f(&transfer.from);
        f(&transfer.to);
    }
    for set_aside in &round.set_aside {
        f(&set_aside.from);
        f(&set_aside.reason);
    }
    for inactive in &round.inactive {
        f(&inactive.reason);
    }
}

fn source_strings(s: &Source, f: &mut impl FnMut(&str)) {
    f(&s.outlet);
    opt(s.title.as_ref(), f);
    opt(s.url.as_ref(), f);
    opt(s.note.as_ref(), f);
}

fn opt(s: Option<impl AsRef<str>>, f: &mut impl FnMut(&str)) {
    if let Some(s) = s {
        f(s.as_ref());
    }
}

fn all(list: &[impl AsRef<str>], f: &mut impl FnMut(&str)) {
    for s in list {
        f(s.as_ref());
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// A contest with every field the schema has filled, each string unique.
    fn full_contest() -> Contest {
        serde_json::from_value(serde_json::json!({
            "id": "s1", "kind": "general-election", "title": "s2", "party": "s3",
            "constituency": "s4", "constituency_id": "s5", "region": "s6", "date": "2019-12-12",
            "date_bounds": {"earliest": "2019-01", "latest": "2019-12", "basis": "s7"},
            "status": "decided", "status_as_of": "2019-12-13", "method": "s8",
            "ballots": {"valid": 10, "rejected": 1, "eligible": 20, "cast": 11},
            "candidates": [{
                "name": "s9", "id": "s10", "party": "s11", "faction": "s12", "votes": 10,
                "share": {"percent": 100, "bound": "about"}, "elected": true,
                "status": "withdrawn", "place": 1, "incumbent": true, "write_in": true,
                "folded": true, "description": "s13", "endorsements": ["s14"]
            }],
            "seats": 1,
            "stages": [{"stage": "ballot", "date": "2019-11", "candidates": ["s15"], "notes": "s16"}],
            "nominations": [{"body": "clp", "threshold": 5, "description": "s17",
                "counts": [{"candidate": "s18", "count": 3, "from": ["s19"]}]}],
            "nomination_routes": [{"route": "s20", "description": "s21",
                "conditions": [{"bodies": ["clp"], "at_least": 1}]}],
            "rounds": [{
                "counts": [{"candidate": "s22", "votes": 10}], "elected": ["s23"],
                "eliminated": ["s24"], "transfers": [{"from": "s25", "to": "s26", "votes": 1}],
                "exhausted": 0, "set_aside": [{"from": "s27", "reason": "s28", "ballots": 1}],
                "threshold": 6, "inactive": [{"reason": "s29", "ballots": 1}]
            }],
            "majority": 10, "swing": {"percent": 1.5, "to": "s30"}, "result": "s31",
            "previous_holder": {"name": "s32", "party": "s33", "since": "2010"},
            "defection": {"to": "s34", "date": "2019-02"},
            "seat_majority": {"votes": 5, "party": "s35", "as_of": "2017-06-08"},
            "sources": [{"outlet": "s36", "title": "s37", "date": "2019-12-13",
                "url": "https://example.org/s38", "note": "s39"}],
            "notes": "s40",
            "inferred": [{"field": "s41", "basis": "s42"}]
        }))
        .unwrap()
    }

    #[test]
    fn visits_what_the_serde_walk_visits_in_its_order() {
        let contest = full_contest();
        let mut direct = Vec::new();
        each_string(&contest, &mut |s| direct.push(s.to_string()));
        // The walk also meets the dates, which hustings writes itself.
        let mut walked = Vec::new();
        text::each_text(&contest, &mut |_, s| {
            if crate::model::date::PartialDate::parse(s).is_err() {
                walked.push(s.to_string());
            }
        });
        assert_eq!(direct, walked);
        assert_eq!(direct.len(), 42, "{direct:?}");
    }

    /// Every property of every object in the schema, by name.
    fn schema_properties(value: &serde_json::Value, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                    out.extend(properties.keys().cloned());
                }
                map.values().for_each(|v| schema_properties(v, out));
            }
            serde_json::Value::Array(list) => list.iter().for_each(|v| schema_properties(v, out)),
            _ => {}
        }
    }

    fn keys(value: &serde_json::Value, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                out.extend(map.keys().cloned());
                map.values().for_each(|v| keys(v, out));
            }
            serde_json::Value::Array(list) => list.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }

    /// A field added to the model fails this until the contest above fills it (and then the
    /// test above, until `each_string` visits it).
    #[test]
    fn the_full_contest_fills_every_field_of_the_schema() {
        let schema = serde_json::to_value(schemars::schema_for!(Contest)).unwrap();
        let mut wanted = BTreeSet::new();
        schema_properties(&schema, &mut wanted);
        let mut present = BTreeSet::new();
        keys(&serde_json::to_value(full_contest()).unwrap(), &mut present);
        let missing: Vec<&String> = wanted.difference(&present).collect();
        assert!(
            missing.is_empty(),
            "fill these in full_contest: {missing:?}"
        );
        // Written out and read back, every field is as it was (a candidate's rare facts go
        // through `CandidateRecord` both ways).
        let again: Contest =
            serde_json::from_value(serde_json::to_value(full_contest()).unwrap()).unwrap();
        assert_eq!(again, full_contest());
    }

    #[test]
    fn one_unsafe_string_anywhere_makes_the_contest_unclean() {
        let mut contest = full_contest();
        assert!(all_clean(&contest));
        contest.rounds[0].inactive[0].reason = "ex\u{202e}hausted".into();
        assert!(!all_clean(&contest));
    }
}
