//! Parties → factions for UK general elections, with the parties' usual colours.
//!
//! Every party that won seats or stands across a nation gets its own faction. The many small
//! parties (over 100 across 2017 and 2019) share one `other` faction so the faction filter
//! stays short; each candidate keeps their real party name in `party`, so nothing is lost.
//! Labour and Co-operative candidates are Labour (they sit as Labour MPs); every Green party
//! (England and Wales, Scottish, Northern Ireland) is `green`; only candidates whose party is
//! exactly "Independent" are `independent` (local "Independents" parties are parties).
//!
//! The catalogue entries also declare party identity for seat totals and changes across files
//! (`model::party`): each names the spellings of its party seen in the Library's files, and
//! `Labour and Co-operative` is an entry of its own in the `labour` group, so its seats count
//! as Labour's "incl. 26 Labour and Co-operative".

use crate::model::Faction;

/// One faction and the party names and abbreviations that map to it.
#[derive(Debug)]
pub struct PartyFaction {
    pub id: &'static str,
    pub name: &'static str,
    pub abbr: &'static str,
    pub color: &'static str,
    /// Party names as the Library files spell them, compared ignoring case, accents and `&`/`and`.
    names: &'static [&'static str],
    /// Abbreviations, used only when the name is not recognised.
    abbrs: &'static [&'static str],
    /// Other spellings of the party's name, as the catalogue declares them.
    pub spellings: &'static [&'static str],
    /// The faction this party is counted with.
    pub group: Option<&'static str>,
}

const fn party(
    id: &'static str,
    name: &'static str,
    abbr: &'static str,
    color: &'static str,
    names: &'static [&'static str],
    abbrs: &'static [&'static str],
    spellings: &'static [&'static str],
) -> PartyFaction {
    PartyFaction {
        id,
        name,
        abbr,
        color,
        names,
        abbrs,
        spellings,
        group: None,
    }
}

/// The faction of every party without one of its own.
pub static OTHER: PartyFaction = party("other", "Other parties", "Oth", "#8c8c8c", &[], &[], &[]);

/// Labour and Co-operative candidates have the `labour` faction (colour, filters); this entry
/// only declares the party's identity: a part of Labour's group.
pub static LABOUR_CO_OP: PartyFaction = PartyFaction {
    group: Some("labour"),
    ..party(
        "labour-co-op",
        "Labour and Co-operative",
        "LCo",
        "#e4003b",
        &[
            "labour and co-operative",
            "labour co-op",
            "lab co-op",
            "lab coop",
        ],
        &[],
        &[
            "Labour Co-op",
            "Lab Co-op",
            "Lab Coop",
            "Labour and Co-operative Party",
        ],
    )
};

/// The known factions, in the order they are listed in a dataset.
#[rustfmt::skip]
pub static PARTIES: [PartyFaction; 15] = [
    party("conservative", "Conservative", "Con", "#0087dc", &["conservative", "conservative and unionist party", "conservative party"], &["con"], &["Conservative Party", "Conservative and Unionist Party"]),
    party("labour", "Labour", "Lab", "#e4003b", &["labour", "labour and co-operative", "labour co-op", "labour party"], &["lab", "lab co-op"], &["Labour Party"]),
    party("liberal-democrat", "Liberal Democrats", "LD", "#faa61a", &["liberal democrat", "liberal democrats"], &["ld"], &["Liberal Democrat"]),
    party("snp", "Scottish National Party", "SNP", "#fdf38e", &["scottish national party", "snp"], &["snp"], &["SNP"]),
    party("plaid-cymru", "Plaid Cymru", "PC", "#005b54", &["plaid cymru"], &["pc"], &["Plaid Cymru - The Party of Wales"]),
    party("green", "Green", "Grn", "#02a95b", &["green", "green party", "scottish green party", "green party northern ireland"], &["green", "grn"], &["Green Party", "Scottish Green Party", "Green Party Northern Ireland"]),
    party("brexit-party", "Brexit Party", "BRX", "#12b6cf", &["brexit party", "the brexit party", "brexit"], &["brx", "brexit"], &["The Brexit Party", "Brexit"]),
    party("ukip", "UK Independence Party", "UKIP", "#6d3177", &["uk independence party", "ukip"], &["ukip"], &["UKIP"]),
    party("dup", "Democratic Unionist Party", "DUP", "#d46a4c", &["democratic unionist party", "dup"], &["dup"], &["DUP"]),
    party("sinn-fein", "Sinn Féin", "SF", "#326760", &["sinn fein", "sf"], &["sf"], &["Sinn Fein", "SF"]),
    party("sdlp", "Social Democratic and Labour Party", "SDLP", "#2aa82c", &["social democratic and labour party", "sdlp"], &["sdlp"], &["SDLP", "Social Democratic & Labour Party"]),
    party("uup", "Ulster Unionist Party", "UUP", "#48a5ee", &["ulster unionist party", "uup", "uu"], &["uup"], &["UUP", "UU"]),
    party("alliance", "Alliance", "APNI", "#f6cb2f", &["alliance", "alliance party", "alliance party of northern ireland"], &["apni"], &["Alliance Party", "Alliance Party of Northern Ireland"]),
    party("speaker", "Speaker", "Spk", "#5e5e5e", &["speaker", "the speaker"], &["spk"], &["The Speaker"]),
    party("independent", "Independent", "Ind", "#d9d9d9", &["independent"], &["ind"], &[]),
];

/// Lower case, `&` as `and`, the accented letters seen in party names unaccented, single spaces.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace('&', " and ")
        .replace(['é', 'è'], "e")
        .replace('ú', "u")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a party spelt `party_name` is Labour and Co-operative (see [`LABOUR_CO_OP`]).
pub fn is_labour_co_op(party_name: &str) -> bool {
    LABOUR_CO_OP.names.contains(&normalise(party_name).as_str())
}

/// The faction of a party, by its name, else by its abbreviation, else `OTHER`.
pub fn faction_of(party_name: &str, abbreviation: &str) -> &'static PartyFaction {
    let name = normalise(party_name);
    let abbr = normalise(abbreviation);
    PARTIES
        .iter()
        .find(|p| p.names.contains(&name.as_str()))
        .or_else(|| {
            // Minor parties often carry their full name as "abbreviation"; only known short forms count.
            PARTIES
                .iter()
                .find(|p| !abbr.is_empty() && p.abbrs.contains(&abbr.as_str()))
        })
        .unwrap_or(&OTHER)
}

impl PartyFaction {
    /// The catalogue entry.
    pub fn faction(&self) -> Faction {
        let description = if self.id == OTHER.id {
            "Every party without a faction of its own; each candidate's own party is kept in `party`."
                .to_string()
        } else {
            format!("{} candidates at UK general elections.", self.name)
        };
        Faction {
            id: self.id.into(),
            name: self.name.into(),
            abbr: Some(self.abbr.into()),
            color: Some(self.color.into()),
            description: Some(description.into()),
            group: self.group.map(Into::into),
            spellings: self.spellings.iter().map(|&s| s.into()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_the_spellings_of_both_releases() {
        let id = |name, abbr| faction_of(name, abbr).id;
        assert_eq!(id("Labour and Co-operative", "Lab"), "labour");
        assert_eq!(id("Sinn Féin", "SF"), "sinn-fein");
        assert_eq!(id("Sinn Fein", "SF"), "sinn-fein");
        assert_eq!(id("Social Democratic & Labour Party", "SDLP"), "sdlp");
        assert_eq!(id("Alliance", "Alliance"), "alliance");
        assert_eq!(id("Green Party Northern Ireland", "Green"), "green");
        assert_eq!(id("Brexit Party", "Brexit"), "brexit-party");
        assert_eq!(id("Alliance for Green Socialism", "AGS"), "other");
        assert_eq!(
            id("Ashfield Independents", "Ashfield Independents"),
            "other"
        );
        assert_eq!(id("Liberal", "Lib"), "other");
        assert_eq!(id("Aontú", "Aontú"), "other");
        assert_eq!(id("Some New Name For Labour", "Lab"), "labour");
    }

    #[test]
    fn catalogue_entries_are_valid() {
        for p in PARTIES.iter().chain([&OTHER, &LABOUR_CO_OP]) {
            let f = p.faction();
            assert!(f.abbr.as_ref().unwrap().chars().count() <= 4, "{}", p.id);
            let c = f.color.unwrap();
            assert!(c.len() == 7 && c.starts_with('#'), "{}", p.id);
        }
    }
}
