//! The filter and sort flags, the same for `list`, `stats`, `history` (filters only) and the
//! explorer; each model enum is mirrored by a small `ValueEnum` that converts into it.

use clap::{Args, ValueEnum};

use crate::model::date::PartialDate;
use crate::model::{CandidateStatus, ContestKind, StageKind, Status};
use crate::query::from_input::QuerySpec;
use crate::query::{Sort, SortKey};

/// Which contests to keep and in what order; the same flags for `list`, `stats` and the
/// explorer (`history` takes the filters only: its order is always oldest first).
#[derive(Debug, Clone, Default, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Sort order: newest first, A→Z, closest race first, highest turnout first, or the
    /// largest change since the seat's previous contest first.
    #[arg(long, value_name = "KEY", value_enum, default_value_t = SortArg::Date, help_heading = "Filters")]
    pub sort: SortArg,
    /// Reverse the sort order (contests lacking the key stay last).
    #[arg(long, help_heading = "Filters")]
    pub reverse: bool,
}

impl QueryArgs {
    /// The query in the user's words, to be resolved against the loaded dataset.
    pub fn spec(&self) -> QuerySpec {
        self.filters.spec(Sort {
            key: self.sort.into(),
            reverse: self.reverse,
        })
    }
}

/// Which contests to keep.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Keep contests in this region (id or name, any case; "no region" for none); repeat for
    /// several.
    #[arg(long = "region", value_name = "REGION")]
    pub regions: Vec<String>,
    /// Keep contests won by this faction (id, name or short label such as LL, any case;
    /// "no faction" for none); repeat for several.
    #[arg(long = "faction", value_name = "FACTION")]
    pub factions: Vec<String>,
    /// Make --faction match any candidate in the contest, not only the winner.
    #[arg(long)]
    pub any_candidate: bool,
    /// Keep contests of this kind; repeat for several.
    #[arg(long = "kind", value_name = "KIND", value_enum)]
    pub kinds: Vec<KindArg>,
    /// Keep contests with this status; repeat for several.
    #[arg(long = "status", value_name = "STATUS", value_enum)]
    pub statuses: Vec<StatusArg>,
    /// Keep contests that may fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = PartialDate::parse)]
    pub since: Option<PartialDate>,
    /// Keep contests that may fall on or before this date (--until 2019 includes all of 2019).
    #[arg(long, value_name = "DATE", value_parser = PartialDate::parse)]
    pub until: Option<PartialDate>,
    /// Keep contests with a candidate endorsed by NAME (exact name, any case or accents; an
    /// endorser nobody has is an error); repeat for several.
    #[arg(long = "endorser", value_name = "NAME")]
    pub endorsers: Vec<String>,
    /// Keep contests that reached this stage (one their `stages` record); repeat for several.
    #[arg(long = "stage", value_name = "STAGE", value_enum)]
    pub stages: Vec<StageArg>,
    /// Keep contests with a candidate of this status (e.g. withdrawn, imposed); repeat for several.
    #[arg(long = "candidate-status", value_name = "STATUS", value_enum)]
    pub candidate_statuses: Vec<CandidateStatusArg>,
    /// Keep contests whose title, seat, candidates, endorsers, nominators or notes contain every
    /// word of TEXT (ignoring case and accents).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Keep seats by their result against the seat's previous contest: gain, hold, or
    /// gain:PARTY, loss:PARTY, hold:PARTY (name or short label, e.g. gain:Con); repeat for several.
    #[arg(long = "result", value_name = "RESULT")]
    pub results: Vec<String>,
}

impl FilterArgs {
    /// The filters in the user's words with `sort`, to be resolved against the loaded dataset.
    pub fn spec(&self, sort: Sort) -> QuerySpec {
        QuerySpec {
            regions: self.regions.clone(),
            factions: self.factions.clone(),
            any_candidate: self.any_candidate,
            kinds: self.kinds.iter().map(|&k| k.into()).collect(),
            statuses: self.statuses.iter().map(|&s| s.into()).collect(),
            since: self.since,
            until: self.until,
            endorsers: self.endorsers.clone(),
            stages: self.stages.iter().map(|&s| s.into()).collect(),
            candidate_statuses: self.candidate_statuses.iter().map(|&s| s.into()).collect(),
            search: self.search.clone().unwrap_or_default(),
            results: self.results.clone(),
            sort,
        }
    }
}

/// `--kind` values; mirrors `model::ContestKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Selection,
    Leadership,
    GeneralElection,
    ByElection,
    Other,
}

impl From<KindArg> for ContestKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Selection => ContestKind::Selection,
            KindArg::Leadership => ContestKind::Leadership,
            KindArg::GeneralElection => ContestKind::GeneralElection,
            KindArg::ByElection => ContestKind::ByElection,
            KindArg::Other => ContestKind::Other,
        }
    }
}

/// `--status` values; mirrors `model::Status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Decided,
    Pending,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Decided => Status::Decided,
            StatusArg::Pending => Status::Pending,
        }
    }
}

/// `--stage` values; mirrors `model::StageKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    Longlist,
    Shortlist,
    Nominations,
    Ballot,
    Hustings,
    Other,
}

impl From<StageArg> for StageKind {
    fn from(s: StageArg) -> Self {
        match s {
            StageArg::Longlist => StageKind::Longlist,
            StageArg::Shortlist => StageKind::Shortlist,
            StageArg::Nominations => StageKind::Nominations,
            StageArg::Ballot => StageKind::Ballot,
            StageArg::Hustings => StageKind::Hustings,
            StageArg::Other => StageKind::Other,
        }
    }
}

/// `--candidate-status` values; mirrors `model::CandidateStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CandidateStatusArg {
    Withdrawn,
    NotShortlisted,
    /// Chosen without a members' ballot.
    Imposed,
    Disqualified,
}

impl From<CandidateStatusArg> for CandidateStatus {
    fn from(s: CandidateStatusArg) -> Self {
        match s {
            CandidateStatusArg::Withdrawn => CandidateStatus::Withdrawn,
            CandidateStatusArg::NotShortlisted => CandidateStatus::NotShortlisted,
            CandidateStatusArg::Imposed => CandidateStatus::Imposed,
            CandidateStatusArg::Disqualified => CandidateStatus::Disqualified,
        }
    }
}

/// `--sort` values; mirrors `query::SortKey`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Newest first.
    #[default]
    Date,
    /// A to Z.
    Title,
    /// By region name, then title.
    Region,
    /// Closest race first (winning margin in points).
    Margin,
    /// Highest turnout first.
    Turnout,
    /// The largest rise of the winner's party since the seat's previous contest first
    /// (contests with no change known last).
    Change,
}

impl From<SortArg> for SortKey {
    fn from(s: SortArg) -> Self {
        match s {
            SortArg::Date => SortKey::Date,
            SortArg::Title => SortKey::Title,
            SortArg::Region => SortKey::Region,
            SortArg::Margin => SortKey::Margin,
            SortArg::Turnout => SortKey::Turnout,
            // Ordered after the query by `stats::change::sort_by_change`; date meanwhile.
            SortArg::Change => SortKey::Date,
        }
    }
}
