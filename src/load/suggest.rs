//! "Did you mean …?": the names most like one that was not found (a field name in a data
//! file, a contest id on the command line).

/// At most this many suggestions.
const MAX_SUGGESTIONS: usize = 3;
/// Ids less similar than this (0–1, Jaro–Winkler) are not suggested.
const MIN_SIMILARITY: f64 = 0.75;

/// The ids most like `given`: those containing it as a whole first, then by similarity.
pub fn closest<'a>(given: &str, ids: impl Iterator<Item = &'a str>) -> Vec<String> {
    let given = given.trim().to_lowercase();
    let mut scored: Vec<(f64, &str)> = ids
        .filter_map(|id| {
            let lower = id.to_lowercase();
            let contains = !given.is_empty() && lower.contains(&given);
            let score = strsim::jaro_winkler(&given, &lower) + if contains { 1.0 } else { 0.0 };
            (score >= MIN_SIMILARITY).then_some((score, id))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, id)| id.to_string())
        .collect()
}
