//! A contest's references to its candidates (an `id`, else a name) resolved once: stages,
//! nominations and counts name candidates by reference, and resolving each by a scan of the
//! candidates made a contest of thousands of candidates quadratic (or worse) to read.

use std::collections::HashMap;

use crate::model::{CandidateRef, Contest, StageKind};

/// Every reference of one contest, ready to look up.
#[derive(Debug)]
pub struct References<'a> {
    /// Each id, to the first candidate with it.
    ids: HashMap<&'a str, usize>,
    /// Each name, to its candidate, or `Ambiguous` when several share it.
    names: HashMap<&'a str, CandidateRef>,
}

impl<'a> References<'a> {
    pub fn of(contest: &'a Contest) -> References<'a> {
        let mut ids = HashMap::new();
        let mut names = HashMap::with_capacity(contest.candidates.len());
        for (i, c) in contest.candidates.iter().enumerate() {
            if let Some(id) = c.id() {
                ids.entry(id).or_insert(i);
            }
            names
                .entry(c.name.as_str())
                .and_modify(|r| *r = CandidateRef::Ambiguous)
                .or_insert(CandidateRef::Found(i));
        }
        References { ids, names }
    }

    /// What `reference` means, exactly as [`Contest::candidate_ref`] says.
    pub fn get(&self, reference: &str) -> CandidateRef {
        if let Some(&i) = self.ids.get(reference) {
            return CandidateRef::Found(i);
        }
        self.names
            .get(reference)
            .copied()
            .unwrap_or(CandidateRef::Missing)
    }
}

impl Contest {
    /// [`Contest::on_ballot`] for every candidate at once, in one pass over the ballot stages.
    pub fn standing(&self) -> Vec<bool> {
        let mut ballots = self
            .stages
            .iter()
            .filter(|s| s.stage == StageKind::Ballot)
            .peekable();
        let any_ballot = ballots.peek().is_some();
        let mut on_a_ballot = vec![!any_ballot; self.candidates.len()];
        if any_ballot {
            let references = References::of(self);
            for r in ballots.flat_map(|s| &s.candidates) {
                if let CandidateRef::Found(i) = references.get(r) {
                    on_a_ballot[i] = true;
                }
            }
        }
        self.candidates
            .iter()
            .zip(on_a_ballot)
            .map(|(c, on)| c.stood(on))
            .collect()
    }

    /// Whether some stage is a ballot (which then says who was on it).
    pub fn has_ballot_stage(&self) -> bool {
        self.stages.iter().any(|s| s.stage == StageKind::Ballot)
    }
}

impl crate::model::Candidate {
    /// Whether the candidate was on the ballot, given whether a ballot stage lists them
    /// (`true` when the contest has no ballot stage): votes say so, and so does a ballot
    /// stage for a candidate without a status that says otherwise.
    pub fn stood(&self, listed: bool) -> bool {
        self.votes.is_some() || (self.status().is_none() && listed)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Dataset;

    /// `standing` agrees with `on_ballot` candidate by candidate, on every contest shipped
    /// and in the test data (withdrawals, ballot stages, ids, shared names).
    #[test]
    fn standing_is_on_ballot_for_every_candidate() {
        let mut checked = 0;
        for file in [
            "data/contests.json",
            "tests/data/selection.json",
            "tests/data/views.json",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
            let dataset: Dataset = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
            for c in &dataset.contests {
                let standing = c.standing();
                for (i, &on) in standing.iter().enumerate() {
                    assert_eq!(on, c.on_ballot(i), "{} candidate {i}", c.id);
                    checked += 1;
                }
            }
        }
        assert!(checked > 30, "{checked}");
    }

    #[test]
    fn references_resolve_as_candidate_ref_does() {
        let json = r#"{"id": "x", "kind": "selection", "title": "X", "status": "decided",
            "sources": [],
            "candidates": [{"name": "Ann", "id": "b"}, {"name": "Ann"}, {"name": "b"},
                {"name": "Cy"}, {"name": "Di", "status": "withdrawn"}, {"name": "Ed", "votes": 3},
                {"name": "Flo"}],
            "stages": [{"stage": "ballot", "candidates": ["b", "Ann", "Cy", "Di"]}]}"#;
        let c: crate::model::Contest = serde_json::from_str(json).unwrap();
        let references = super::References::of(&c);
        for r in ["Ann", "b", "Cy", "Dee"] {
            assert_eq!(references.get(r), c.candidate_ref(r), "{r}");
        }
        let on_ballot: Vec<bool> = (0..c.candidates.len()).map(|i| c.on_ballot(i)).collect();
        assert_eq!(c.standing(), on_ballot);
        assert_eq!(on_ballot, [true, false, false, true, false, true, false]);
    }
}
