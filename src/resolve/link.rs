//! Linking a kept match to one entry.
//!
//! Explicit surfaces name one entry. A partial person name ("Kim", "Miller") names whichever
//! of its candidate people the document mentions in full: the nearest full mention before it,
//! else the nearest after it (headlines use surnames before the body gives the full name).
//! A partial name whose person the document never names in full is dropped, so "Kim" alone
//! never guesses among Kim Jong Un, Kim Yo Jong and Defense Minister Kim Yong-hyun.

use super::Catalog;
use crate::gazetteer::SurfaceRole;
use crate::matcher::{Candidate, Target};

pub(crate) fn link(catalog: &Catalog<'_>, kept: &[Candidate]) -> Vec<Option<Target>> {
    let explicit: Vec<Option<Target>> = kept
        .iter()
        .map(|&c| catalog.matcher.targets(c).iter().copied().find(|t| t.role != SurfaceRole::Partial))
        .collect();
    kept.iter()
        .enumerate()
        .map(|(i, &c)| {
            let partials = catalog.matcher.targets(c).iter().filter(|t| t.role == SurfaceRole::Partial);
            let is_full = |j: usize, entry: u32| explicit[j].is_some_and(|t| t.entry == entry);
            let mut best: Option<(usize, Target)> = None;
            for t in partials {
                let before = (0..i).rev().find(|&j| is_full(j, t.entry)).map(|j| i - j);
                let after = (i + 1..kept.len()).find(|&j| is_full(j, t.entry)).map(|j| (j - i) + kept.len());
                if let Some(distance) = before.or(after) {
                    if best.is_none_or(|(d, _)| distance < d) {
                        best = Some((distance, *t));
                    }
                }
            }
            best.map(|(_, t)| t).or(explicit[i])
        })
        .collect()
}
