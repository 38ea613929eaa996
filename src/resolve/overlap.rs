//! Choosing among overlapping candidates.

use super::Catalog;
use crate::matcher::Candidate;

/// How overlapping candidates are resolved.
///
/// With [`OverlapPolicy::LongestWins`] (the default) the leftmost candidate wins, and among
/// those starting at the same byte the longest: "North Korean" over "North Korea", "Kim Jong
/// Un" over "Kim", "Shahed-136" over "Shahed", "Washington, D.C." over "Washington". A
/// longer candidate that was rejected earlier (wrong boundary or case) never blocks a shorter
/// one, because rejected candidates never reach this stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum OverlapPolicy {
    /// Leftmost, then longest, candidate wins.
    #[default]
    LongestWins,
}

pub(crate) fn select(catalog: &Catalog<'_>, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let OverlapPolicy::LongestWins = catalog.policy;
    candidates.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    // Kept in place, for the reason `ambiguity::filter` gives.
    let mut kept = 0;
    for i in 0..candidates.len() {
        let c = candidates[i];
        if kept == 0 || candidates[kept - 1].span.end <= c.span.start {
            candidates[kept] = c;
            kept += 1;
        }
    }
    candidates.truncate(kept);
    candidates
}
