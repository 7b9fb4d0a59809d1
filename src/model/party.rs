//! Party identity across files. A candidate's `party` is free text, and files spell the same
//! party differently (`Sinn Fein` / `Sinn Féin`, `Liberal Democrat` / `Liberal Democrats`) or
//! count a party inside another (`Labour and Co-operative` sits as `Labour`). The factions
//! catalogue says so: a faction is the party of every candidate whose `party` is its name or
//! one of its `spellings`, and its `group` is the faction it is counted with.
//!
//! Party names are compared folded: lower case, accents dropped, `&` as `and`, a leading
//! `The` and runs of spaces ignored. A party no faction names is itself, folded.

use std::borrow::Cow;

use foldhash::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Candidate, Dataset};

/// A party as counted: the group it belongs to and the party itself, each with the name to
/// show. For a party without a group both are the party.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PartyKey {
    /// The folded name of the group: equal keys are one party in seat totals and changes.
    pub group: String,
    /// The group's name as the catalogue (or the first spelling met) gives it.
    pub group_name: String,
    /// The group's short label (`Lab`), when the catalogue gives one.
    pub group_abbr: Option<String>,
    /// The party's own name (`Labour and Co-operative`), canonical where the catalogue knows it.
    pub name: String,
}

impl PartyKey {
    /// Whether the party is a part of a larger group rather than the group itself.
    pub fn is_part(&self) -> bool {
        fold(&self.name) != self.group
    }

    /// The short form for a result label (`Lab hold`): the group's abbreviation, else its name.
    pub fn short(&self) -> &str {
        self.group_abbr.as_deref().unwrap_or(&self.group_name)
    }
}

/// The group a party counts with, as [`Parties::group`] finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group<'a> {
    /// The folded name of the group ([`PartyKey::group`]).
    pub key: Cow<'a, str>,
    /// The group's name to show ([`PartyKey::group_name`]).
    pub name: Cow<'a, str>,
    /// The group's short label ([`PartyKey::group_abbr`]).
    pub abbr: Option<&'a str>,
}

/// The parties a dataset's factions declare, by every folded spelling.
#[derive(Debug, Clone, Default)]
pub struct Parties {
    by_spelling: HashMap<String, Declared>,
}

#[derive(Debug, Clone)]
struct Declared {
    name: String,
    group: String,
    group_name: String,
    group_abbr: Option<String>,
}

impl Parties {
    /// The identities the catalogue of `dataset` declares.
    pub fn of(dataset: &Dataset) -> Parties {
        let mut by_spelling = HashMap::default();
        for faction in &dataset.factions {
            let group = faction
                .group
                .as_deref()
                .and_then(|g| dataset.faction(g))
                .unwrap_or(faction);
            let declared = Declared {
                name: faction.name.trim().to_string(),
                group: fold(&group.name),
                group_name: group.name.trim().to_string(),
                group_abbr: group
                    .abbr
                    .clone()
                    .filter(|a| !a.trim().is_empty())
                    .map(Into::into),
            };
            for spelling in std::iter::once(&faction.name).chain(&faction.spellings) {
                // The first faction to claim a spelling keeps it.
                by_spelling
                    .entry(fold(spelling))
                    .or_insert_with(|| declared.clone());
            }
        }
        Parties { by_spelling }
    }

    /// The identity of a party spelt `party`.
    pub fn key(&self, party: &str) -> PartyKey {
        let folded = fold(party);
        match self.by_spelling.get(&folded) {
            Some(d) => PartyKey {
                group: d.group.clone(),
                group_name: d.group_name.clone(),
                group_abbr: d.group_abbr.clone(),
                name: d.name.clone(),
            },
            None => PartyKey {
                group: folded,
                group_name: party.trim().to_string(),
                group_abbr: None,
                name: party.trim().to_string(),
            },
        }
    }

    /// The group a party spelt `party` counts with: [`Parties::key`]'s group, its name and
    /// abbreviation, borrowed (not copied) where the catalogue declares them.
    pub fn group<'a>(&'a self, party: &'a str) -> Group<'a> {
        let folded = fold(party);
        match self.by_spelling.get(&folded) {
            Some(d) => Group {
                key: Cow::Borrowed(&d.group),
                name: Cow::Borrowed(&d.group_name),
                abbr: d.group_abbr.as_deref(),
            },
            None => Group {
                key: Cow::Owned(folded),
                name: Cow::Borrowed(party.trim()),
                abbr: None,
            },
        }
    }

    /// The party a candidate stood for; `None` when no party is stated or the row is a folded
    /// group of several parties.
    pub fn of_candidate(&self, candidate: &Candidate) -> Option<PartyKey> {
        if candidate.folded {
            return None;
        }
        candidate
            .party
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(|p| self.key(p))
    }
}

/// A party name as compared (see the module doc).
pub fn fold(name: &str) -> String {
    // ASCII has no accents to drop: most names skip the decomposition.
    if name.is_ascii() {
        fold_words(name)
    } else {
        fold_words(&lowered(name))
    }
}

/// `name` in lower case with its accents dropped.
fn lowered(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .collect()
}

/// The rest of [`fold`], in one pass and one allocation (a list of a million contests folds
/// every candidate's party): ASCII letters lower-cased, `&` as `and`, runs of spaces as one,
/// a leading `the` dropped unless it is the whole name.
fn fold_words(name: &str) -> String {
    /// Appends `c` to a word, after one space if a gap came before it (none at the start).
    fn put(out: &mut String, gap: &mut bool, c: char) {
        if std::mem::take(gap) && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
    }
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        match c {
            '&' => {
                gap = true;
                for c in "and".chars() {
                    put(&mut out, &mut gap, c);
                }
                gap = true;
            }
            c if c.is_whitespace() => gap = true,
            c => put(&mut out, &mut gap, c.to_ascii_lowercase()),
        }
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(json: serde_json::Value) -> Dataset {
        serde_json::from_value(json).unwrap()
    }

    /// The rules of `fold` after lower-casing, written plainly: `&` as `and`, runs of spaces
    /// as one, a leading `the` dropped unless it is the whole name.
    fn plainly(lower: &str) -> String {
        let spaced = lower.replace('&', " and ");
        let mut words: Vec<&str> = spaced.split_whitespace().collect();
        if words.len() > 1 && words[0] == "the" {
            words.remove(0);
        }
        words.join(" ")
    }

    /// Every short name over the letters the rules turn on (accented, and a space no ASCII
    /// test sees) folds in one pass as the rules say.
    #[test]
    fn names_fold_in_one_pass_as_the_rules_say() {
        let letters = ['t', 'h', 'e', 'T', '&', ' ', '\u{b}', '\u{a0}', 'É'];
        let mut names = crate::model::text::every_text(&letters, 5);
        names.extend(["The Labour Party".into(), "  the  Greens & Co ".into()]);
        for name in &names {
            assert_eq!(fold(name), plainly(&lowered(name)), "{name:?}");
        }
        assert_eq!(fold("  The Greens&Co "), "greens and co");
        assert_eq!(fold("The"), "the");
        assert_eq!(fold("Sinn Féin"), "sinn fein");
    }

    #[test]
    fn spellings_and_groups_resolve_to_one_party() {
        let ds = dataset(serde_json::json!({
            "schema_version": 1,
            "factions": [
                {"id": "labour", "name": "Labour", "abbr": "Lab", "spellings": ["Labour Party"]},
                {"id": "labour-co-op", "name": "Labour and Co-operative", "group": "labour",
                 "spellings": ["Labour Co-op"]},
                {"id": "sinn-fein", "name": "Sinn Féin", "abbr": "SF", "spellings": ["SF"]}
            ],
            "contests": []
        }));
        let parties = Parties::of(&ds);
        let coop = parties.key("Labour & Co-operative");
        assert_eq!(coop.group, "labour");
        assert_eq!(coop.group_name, "Labour");
        assert_eq!(coop.name, "Labour and Co-operative");
        assert!(coop.is_part());
        assert_eq!(coop.short(), "Lab");
        assert_eq!(parties.key("labour party").group, "labour");
        assert!(!parties.key("Labour Party").is_part());
        assert_eq!(parties.key("Sinn Fein"), parties.key("Sinn Féin"));
        assert_eq!(parties.key("SF").name, "Sinn Féin");
        // Unknown parties are themselves, compared folded.
        assert_eq!(parties.key("The Yorkshire Party").group, "yorkshire party");
        assert_eq!(
            parties.key("Yorkshire  Party ").group_name,
            "Yorkshire  Party"
        );
        // A party's group, borrowed, is its key's.
        for party in [
            "Labour & Co-operative",
            "labour party",
            " Yorkshire  Party ",
            "SF",
        ] {
            let (group, key) = (parties.group(party), parties.key(party));
            assert_eq!(group.key, key.group, "{party}");
            assert_eq!(group.name, key.group_name, "{party}");
            assert_eq!(group.abbr, key.group_abbr.as_deref(), "{party}");
        }
    }
}
