//! A nomination rule of several conditions, and alternative routes to go forward, as every
//! front end words them: the rule (`at least 2 unions and at least 1 affiliate`) and, for each
//! candidate nominated, whether every condition of some route holds — else what is missing
//! (`needs 1 more union and 1 more affiliate`). A candidate is qualified only when every
//! condition of a route is met; a count known only from below never claims it.

use crate::model::references::References;
use crate::model::selection::Known;
use crate::model::{CandidateRef, Contest, NominatingBody, NominationCondition, NominationRoute};
use crate::report::words;

/// The rule and each nominated candidate's standing against it.
#[derive(Debug, Clone, PartialEq)]
pub struct Routes {
    /// `To go forward: at least 2 unions † and at least 1 affiliate †`, or with several routes
    /// `To go forward, any one of:`.
    pub heading: String,
    /// One line per route when there are several (`constituency parties: at least 33 CLPs`),
    /// and each route's description as the source words it.
    pub rules: Vec<String>,
    pub candidates: Vec<RouteVerdict>,
}

/// One candidate against the routes.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteVerdict {
    pub name: String,
    /// Every condition of some route met: yes, no (every route short), or not known.
    pub qualified: Option<bool>,
    /// `qualified`, `needs 1 more union and 1 more affiliate`, `not known: …`.
    pub verdict: String,
}

impl RouteVerdict {
    /// `Lisa Nandy: needs 1 more union and 1 more affiliate`.
    pub fn sentence(&self) -> String {
        format!("{}: {}", self.name, self.verdict)
    }

    /// `✓` for a qualified candidate, else a space.
    pub fn mark(&self) -> &'static str {
        if self.qualified == Some(true) {
            "✓"
        } else {
            " "
        }
    }
}

/// A number of nominations from `bodies` as a reader says it: `2 unions`, `1 union or
/// affiliate`.
fn bodies_counted(n: u64, bodies: &[NominatingBody]) -> String {
    format!("{n} {}", nouns(n, bodies))
}

/// `unions`, `union or affiliate`: the bodies' nouns for `n` of them.
fn nouns(n: u64, bodies: &[NominatingBody]) -> String {
    let nouns: Vec<&str> = bodies
        .iter()
        .map(|&b| words::nominating_body(b, n))
        .collect();
    nouns.join(" or ")
}

/// `at least 2 unions`, marked `†` when the data marks that number inferred.
fn condition_text(c: &Contest, r: usize, k: usize, condition: &NominationCondition) -> String {
    let text = format!(
        "at least {}",
        bodies_counted(condition.at_least, &condition.bodies)
    );
    if c.is_inferred(&format!("nomination_routes[{r}].conditions[{k}]")) {
        words::marked(&text)
    } else {
        text
    }
}

fn rule_text(c: &Contest, r: usize, route: &NominationRoute) -> String {
    route
        .conditions
        .iter()
        .enumerate()
        .map(|(k, condition)| condition_text(c, r, k, condition))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// Each candidate's nomination counts (a count may not be known), by body: every count's reference resolved once for
/// the contest (a contest may have thousands of candidates, each with counts).
fn counts_by_candidate(c: &Contest) -> Vec<Vec<(NominatingBody, Option<Known>)>> {
    let references = References::of(c);
    let mut counts = vec![Vec::new(); c.candidates.len()];
    for nomination in &c.nominations {
        for count in &nomination.counts {
            if let CandidateRef::Found(i) = references.get(&count.candidate) {
                counts[i].push((nomination.body, count.known()));
            }
        }
    }
    counts
}

/// A candidate's nominations (`counts`, theirs by body) from `bodies`, summed: exact when
/// every count is, at least the sum when any is a lower bound; `None` when none is reported.
fn nominations_from(
    counts: &[(NominatingBody, Option<Known>)],
    bodies: &[NominatingBody],
) -> Option<Known> {
    let mut total: Option<Known> = None;
    for &(_, known) in counts.iter().filter(|(body, _)| bodies.contains(body)) {
        let Some(known) = known else { continue };
        total = Some(match (total, known) {
            (None, k) => k,
            (Some(Known::Exactly(a)), Known::Exactly(b)) => Known::Exactly(a + b),
            (Some(a), b) => Known::AtLeast(a.value() + b.value()),
        });
    }
    total
}

/// One route for candidate `i`: met, short (with what is missing), or not known.
fn route_verdict(
    counts: &[(NominatingBody, Option<Known>)],
    route: &NominationRoute,
) -> (Option<bool>, String) {
    let mut short = Vec::new();
    let mut unknown = Vec::new();
    for condition in &route.conditions {
        let needed = condition.at_least;
        match nominations_from(counts, &condition.bodies) {
            Some(Known::Exactly(n)) if n < needed => {
                let missing = needed - n;
                short.push(format!(
                    "{missing} more {}",
                    nouns(missing, &condition.bodies)
                ));
            }
            Some(Known::AtLeast(n)) if n < needed => unknown.push(format!(
                "{n}+ of {}",
                bodies_counted(needed, &condition.bodies)
            )),
            None => unknown.push(format!("{} not reported", nouns(2, &condition.bodies))),
            Some(_) => {}
        }
    }
    match (short.is_empty(), unknown.is_empty()) {
        (true, true) => (Some(true), "qualified".to_string()),
        (false, true) => (Some(false), format!("needs {}", and_list(&short))),
        (false, false) => (
            Some(false),
            format!(
                "needs {} ({} not known)",
                and_list(&short),
                and_list(&unknown)
            ),
        ),
        (true, false) => (None, format!("not known ({})", and_list(&unknown))),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The routes of `c` and every nominated candidate's standing; `None` when the contest states
/// no rule of conditions.
pub fn routes(c: &Contest) -> Option<Routes> {
    if c.nomination_routes.is_empty() {
        return None;
    }
    let several = c.nomination_routes.len() > 1;
    let heading = if several {
        "To go forward, any one of:".to_string()
    } else {
        format!(
            "To go forward: {}",
            rule_text(c, 0, &c.nomination_routes[0])
        )
    };
    let mut rules = Vec::new();
    for (r, route) in c.nomination_routes.iter().enumerate() {
        if several {
            rules.push(format!("{}: {}", route.route, rule_text(c, r, route)));
        }
        rules.extend(route.description.as_deref().map(str::to_string));
    }
    let counts = counts_by_candidate(c);
    let candidates = (0..c.candidates.len())
        .filter(|&i| !counts[i].is_empty())
        .map(|i| {
            let verdicts: Vec<(Option<bool>, String)> = c
                .nomination_routes
                .iter()
                .map(|route| route_verdict(&counts[i], route))
                .collect();
            let qualified = if verdicts.iter().any(|v| v.0 == Some(true)) {
                Some(true)
            } else if verdicts.iter().all(|v| v.0 == Some(false)) {
                Some(false)
            } else {
                None
            };
            let verdict = if several {
                let by_route: Vec<String> = verdicts
                    .iter()
                    .zip(&c.nomination_routes)
                    .filter(|(v, _)| qualified != Some(true) || v.0 == Some(true))
                    .map(|(v, route)| format!("{} ({})", v.1, route.route))
                    .collect();
                by_route.join(qualified.map_or("; ", |q| if q { "; " } else { ", or " }))
            } else {
                verdicts[0].1.clone()
            };
            RouteVerdict {
                name: c.candidates[i].label(),
                qualified,
                verdict,
            }
        })
        .collect();
    Some(Routes {
        heading,
        rules,
        candidates,
    })
}

/// Whether the routes count nominations from `body` (its table then feeds the rule).
pub fn counts_toward_routes(c: &Contest, body: NominatingBody) -> bool {
    c.nomination_routes
        .iter()
        .flat_map(|r| &r.conditions)
        .any(|k| k.bodies.contains(&body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contest(routes: serde_json::Value, nominations: serde_json::Value) -> Contest {
        serde_json::from_value(serde_json::json!({
            "id": "x", "kind": "leadership", "title": "X", "status": "pending", "sources": [],
            "candidates": [{"name": "Ann"}, {"name": "Bob"}, {"name": "Cat"}, {"name": "Dan"}],
            "nominations": nominations,
            "nomination_routes": routes
        }))
        .unwrap()
    }

    fn said(c: &Contest) -> Vec<String> {
        routes(c)
            .unwrap()
            .candidates
            .iter()
            .map(RouteVerdict::sentence)
            .collect()
    }

    /// At least 3 affiliates, of which at least 2 unions: a second union alone is not enough.
    #[test]
    fn a_candidate_is_qualified_only_when_every_condition_of_a_route_holds() {
        let c = contest(
            serde_json::json!([{"route": "affiliates", "conditions": [
                {"bodies": ["union", "affiliate"], "at_least": 3},
                {"bodies": ["union"], "at_least": 2}
            ]}]),
            serde_json::json!([
                {"body": "union", "counts": [
                    {"candidate": "Ann", "count": 2}, {"candidate": "Bob", "count": 2},
                    {"candidate": "Cat", "count": 1}, {"candidate": "Dan", "from": ["GMB"]}]},
                {"body": "affiliate", "counts": [
                    {"candidate": "Ann", "count": 1}, {"candidate": "Bob", "count": 0},
                    {"candidate": "Cat", "count": 3}]}
            ]),
        );
        let r = routes(&c).unwrap();
        assert_eq!(
            r.heading,
            "To go forward: at least 3 unions or affiliates and at least 2 unions"
        );
        assert_eq!(
            said(&c),
            [
                "Ann: qualified",
                "Bob: needs 1 more union or affiliate",
                "Cat: needs 1 more union",
                "Dan: not known (1+ of 3 unions or affiliates and 1+ of 2 unions)",
            ]
        );
        let qualified: Vec<Option<bool>> = r.candidates.iter().map(|v| v.qualified).collect();
        assert_eq!(qualified, [Some(true), Some(false), Some(false), None]);
        assert_eq!(r.candidates[0].mark(), "✓");
        assert_eq!(r.candidates[2].mark(), " ");
    }

    #[test]
    fn any_one_route_will_do_and_each_shortfall_is_named() {
        let c = contest(
            serde_json::json!([
                {"route": "constituency parties", "conditions": [{"bodies": ["clp"], "at_least": 33}]},
                {"route": "affiliates", "conditions": [
                    {"bodies": ["union"], "at_least": 2}, {"bodies": ["affiliate"], "at_least": 1}]}
            ]),
            serde_json::json!([
                {"body": "clp", "counts": [{"candidate": "Ann", "count": 40}, {"candidate": "Bob", "count": 30}]},
                {"body": "union", "counts": [{"candidate": "Bob", "count": 1}]},
                {"body": "affiliate", "counts": [{"candidate": "Bob", "count": 0}]}
            ]),
        );
        assert_eq!(routes(&c).unwrap().heading, "To go forward, any one of:");
        assert_eq!(
            said(&c),
            [
                "Ann: qualified (constituency parties)",
                "Bob: needs 3 more CLPs (constituency parties), or needs 1 more union and 1 more affiliate \
                 (affiliates)",
            ]
        );
    }
}
