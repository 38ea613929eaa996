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
    // One look at each mention's targets gives its explicit target and whether it is a
    // partial name: most documents hold none and need no table of full mentions.
    let mut partial_names = Vec::new();
    let explicit: Vec<Option<Target>> = kept
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let targets = catalog.matcher.targets(c);
            // Most patterns name no one partially: their first target is the explicit one,
            // and the pattern's facts say so without a look at each target.
            if !catalog.matcher.facts(c).some_partial() {
                return targets.first().copied();
            }
            partial_names.push(i);
            targets.iter().copied().find(|t| t.role != SurfaceRole::Partial)
        })
        .collect();
    if partial_names.is_empty() {
        return explicit;
    }
    let partials =
        |i: usize| catalog.matcher.targets(kept[i]).iter().filter(|t| t.role == SurfaceRole::Partial);
    SLOTS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slots) => link_partials(&explicit, &partial_names, partials, &mut slots),
        Err(_) => link_partials(&explicit, &partial_names, partials, &mut Vec::new()),
    })
}

/// Links the partial names, given each mention's explicit target, the mentions that are
/// partial names (in order) and their partial targets.
///
/// A partial name links to the nearest full mention before it, else after it, so the pass
/// backwards only visits the names the pass forwards left unlinked, and neither pass asks
/// for the targets of any other mention: it only records the full mentions it goes by.
fn link_partials<'t, P, I>(
    explicit: &[Option<Target>],
    partial_names: &[usize],
    partials: P,
    slots: &mut Vec<usize>,
) -> Vec<Option<Target>>
where
    P: Fn(usize) -> I,
    I: Iterator<Item = &'t Target>,
{
    let mut latest = Latest { slots, explicit };
    let mut linked = explicit.to_vec();
    let mut unlinked = Vec::new();
    let mut names = partial_names.iter().copied().peekable();
    for (i, full) in explicit.iter().enumerate() {
        if names.next_if_eq(&i).is_some() {
            match latest.nearest(partials(i), i, true) {
                Some(t) => linked[i] = Some(t),
                None => unlinked.push(i),
            }
        }
        if let Some(t) = full {
            latest.set(t.entry, i);
        }
    }
    // News mostly names a person in full before using the surname, so the pass backwards
    // looks again only at the few names left unlinked (a headline's), if any.
    if unlinked.is_empty() {
        return linked;
    }
    let mut names = unlinked.iter().rev().copied().peekable();
    for (i, full) in explicit.iter().enumerate().rev() {
        if names.next_if_eq(&i).is_some() {
            if let Some(t) = latest.nearest(partials(i), i, false) {
                linked[i] = Some(t);
            }
        }
        if let Some(t) = full {
            latest.set(t.entry, i);
        }
    }
    linked
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
    /// The target of `partials`, the partial targets of mention `i`, whose latest full mention
    /// in the pass's direction is nearest (the first listed of equally near ones).
    #[inline]
    fn nearest<'t>(
        &self,
        partials: impl Iterator<Item = &'t Target>,
        i: usize,
        forward: bool,
    ) -> Option<Target> {
        let mut best: Option<(usize, Target)> = None;
        for t in partials {
            if let Some(j) = self.get(t.entry, i, forward) {
                let distance = i.abs_diff(j);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, *t));
                }
            }
        }
        best.map(|(_, t)| t)
    }

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
                let names: Vec<usize> = (0..partials.len()).filter(|&i| !partials[i].is_empty()).collect();
                let linked = link_partials(&explicit, &names, |i| partials[i].iter(), &mut slots);
                prop_assert_eq!(linked, with_a_map(&explicit, &partials));
            }
        }
    }
}
