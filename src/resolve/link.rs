//! Linking a kept match to one entry.
//!
//! Explicit surfaces name one entry. A partial person name ("Kim", "Miller") names whichever
//! of its candidate people the document mentions in full: the nearest full mention before it,
//! else the nearest after it (headlines use surnames before the body gives the full name).
//! A partial name whose person the document never names in full is dropped, so "Kim" alone
//! never guesses among Kim Jong Un, Kim Yo Jong and Defense Minister Kim Yong-hyun.
//!
//! Two passes (forward for "before", backward for "after") keep this linear in the number of
//! mentions, also for a document that repeats one surname a million times.

use std::collections::HashMap;

use super::Catalog;
use crate::gazetteer::SurfaceRole;
use crate::hash::BuildWordHasher;
use crate::matcher::{Candidate, Target};

pub(crate) fn link(catalog: &Catalog<'_>, kept: &[Candidate]) -> Vec<Option<Target>> {
    let explicit: Vec<Option<Target>> = kept
        .iter()
        .map(|&c| catalog.matcher.targets(c).iter().copied().find(|t| t.role != SurfaceRole::Partial))
        .collect();
    let partials =
        |i: usize| catalog.matcher.targets(kept[i]).iter().filter(|t| t.role == SurfaceRole::Partial);
    // Most documents hold no partial name at all; they need no map of full mentions.
    if !(0..kept.len()).any(|i| partials(i).next().is_some()) {
        return explicit;
    }
    let nearest = |order: &mut dyn Iterator<Item = usize>| {
        let mut best: Vec<Option<(usize, Target)>> = vec![None; kept.len()];
        let mut seen: HashMap<u32, usize, BuildWordHasher> = HashMap::default();
        for i in order {
            for t in partials(i) {
                if let Some(&j) = seen.get(&t.entry) {
                    let distance = i.abs_diff(j);
                    if best[i].is_none_or(|(d, _)| distance < d) {
                        best[i] = Some((distance, *t));
                    }
                }
            }
            if let Some(t) = explicit[i] {
                seen.insert(t.entry, i);
            }
        }
        best
    };
    let before = nearest(&mut (0..kept.len()));
    // News names a person in full before using the surname, so usually every partial name
    // has a full mention before it and the backward pass would change nothing.
    let unlinked = |i: &usize| before[*i].is_none() && partials(*i).next().is_some();
    let after = if (0..kept.len()).any(|i| unlinked(&i)) {
        nearest(&mut (0..kept.len()).rev())
    } else {
        vec![None; kept.len()]
    };
    (0..kept.len()).map(|i| before[i].or(after[i]).map(|(_, t)| t).or(explicit[i])).collect()
}
