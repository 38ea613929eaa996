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

use std::cell::RefCell;

use super::Catalog;
use crate::gazetteer::SurfaceRole;
use crate::matcher::{Candidate, Target};

thread_local! {
    /// The slots of [`Latest`], kept between the documents a thread links.
    static SLOTS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

pub(crate) fn link(catalog: &Catalog<'_>, kept: &[Candidate]) -> Vec<Option<Target>> {
    // One look at each mention's targets gives its explicit target and whether the document
    // holds a partial name at all: most hold none and need no table of full mentions.
    let mut any_partial = false;
    let explicit: Vec<Option<Target>> = kept
        .iter()
        .map(|&c| {
            let targets = catalog.matcher.targets(c);
            any_partial |= targets.iter().any(|t| t.role == SurfaceRole::Partial);
            targets.iter().copied().find(|t| t.role != SurfaceRole::Partial)
        })
        .collect();
    if !any_partial {
        return explicit;
    }
    let partials =
        |i: usize| catalog.matcher.targets(kept[i]).iter().filter(|t| t.role == SurfaceRole::Partial);
    SLOTS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slots) => link_partials(&explicit, partials, &mut slots),
        Err(_) => link_partials(&explicit, partials, &mut Vec::new()),
    })
}

/// Links the partial names, given each mention's explicit target and its partial ones.
fn link_partials<'t, P, I>(
    explicit: &[Option<Target>],
    partials: P,
    slots: &mut Vec<usize>,
) -> Vec<Option<Target>>
where
    P: Fn(usize) -> I,
    I: Iterator<Item = &'t Target>,
{
    let n = explicit.len();
    let mut latest = Latest { slots, explicit };
    let mut nearest = |forward: bool| {
        let mut best: Vec<Option<(usize, Target)>> = vec![None; n];
        let order: &mut dyn Iterator<Item = usize> = if forward { &mut (0..n) } else { &mut (0..n).rev() };
        for i in order {
            for t in partials(i) {
                if let Some(j) = latest.get(t.entry, i, forward) {
                    let distance = i.abs_diff(j);
                    if best[i].is_none_or(|(d, _)| distance < d) {
                        best[i] = Some((distance, *t));
                    }
                }
            }
            if let Some(t) = explicit[i] {
                latest.set(t.entry, i);
            }
        }
        best
    };
    let before = nearest(true);
    // News names a person in full before using the surname, so usually every partial name
    // has a full mention before it and the backward pass would change nothing.
    let unlinked = |i: &usize| before[*i].is_none() && partials(*i).next().is_some();
    let after = if (0..n).any(|i| unlinked(&i)) { nearest(false) } else { vec![None; n] };
    (0..n).map(|i| before[i].or(after[i]).map(|(_, t)| t).or(explicit[i])).collect()
}

/// The latest full mention of each entry that a pass over a document's mentions has gone
/// by, by entry index: one load per question instead of hashing, and no clearing between
/// passes or documents, which would cost the gazetteer's size each time. A slot is believed
/// only if the mention it holds is behind the pass and names that entry; such a mention set
/// the slot when the pass went by it, and only later mentions of the same pass set it since,
/// so a slot left by another pass or document never passes.
struct Latest<'a> {
    slots: &'a mut Vec<usize>,
    explicit: &'a [Option<Target>],
}

impl Latest<'_> {
    /// The latest full mention of `entry` before `i` in the pass's direction.
    #[inline]
    fn get(&self, entry: u32, i: usize, forward: bool) -> Option<usize> {
        let j = *self.slots.get(entry as usize)?;
        let behind = if forward { j < i } else { j > i };
        let names = self.explicit.get(j).is_some_and(|t| t.is_some_and(|t| t.entry == entry));
        (behind && names).then_some(j)
    }

    /// Records a full mention of `entry` at `i`; the table grows to the entries it meets, once
    /// per thread, never per document.
    #[inline]
    fn set(&mut self, entry: u32, i: usize) {
        let entry = entry as usize;
        if entry >= self.slots.len() {
            self.slots.resize(entry + 1, usize::MAX);
        }
        self.slots[entry] = i;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    fn target(entry: u32, role: SurfaceRole) -> Target {
        Target { entry, role, ambiguous: false }
    }

    /// The map of full mentions that the slots replaced, kept as the oracle.
    fn with_a_map(explicit: &[Option<Target>], partials: &[Vec<Target>]) -> Vec<Option<Target>> {
        let n = explicit.len();
        let nearest = |order: &mut dyn Iterator<Item = usize>| {
            let mut best: Vec<Option<(usize, Target)>> = vec![None; n];
            let mut seen: HashMap<u32, usize> = HashMap::new();
            for i in order {
                for t in &partials[i] {
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
        let (before, after) = (nearest(&mut (0..n)), nearest(&mut (0..n).rev()));
        (0..n).map(|i| before[i].or(after[i]).map(|(_, t)| t).or(explicit[i])).collect()
    }

    /// A document's mentions: each an optional full name and some partial names, of a few
    /// entries, so that names repeat and partial names find full ones on both sides.
    fn mentions() -> impl Strategy<Value = Vec<(Option<u32>, Vec<u32>)>> {
        prop::collection::vec((prop::option::of(0..6u32), prop::collection::vec(0..6u32, 0..3)), 0..24)
    }

    proptest! {
        /// Documents linked one after another on one table of slots, which every pass leaves
        /// full of its own indices: a slot from another pass or document must never be read
        /// as a full mention.
        #[test]
        fn slots_left_by_other_passes_link_as_a_fresh_map_does(
            documents in prop::collection::vec(mentions(), 1..6),
        ) {
            let mut slots = Vec::new();
            for mentions in documents {
                let explicit: Vec<Option<Target>> =
                    mentions.iter().map(|(e, _)| e.map(|e| target(e, SurfaceRole::Name))).collect();
                let partials: Vec<Vec<Target>> = mentions
                    .iter()
                    .map(|(_, p)| p.iter().map(|&e| target(e, SurfaceRole::Partial)).collect())
                    .collect();
                let linked = link_partials(&explicit, |i| partials[i].iter(), &mut slots);
                prop_assert_eq!(linked, with_a_map(&explicit, &partials));
            }
        }
    }
}
