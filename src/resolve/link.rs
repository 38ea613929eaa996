//! Linking a kept match to one entry.
//!
//! Explicit surfaces name one entry. A partial person name ("Kim", "Miller") names whichever
//! of its candidate people the document mentions in full: the nearest full mention before it,
//! else the nearest after it (headlines use surnames before the body gives the full name).
//! A partial name whose person the document never names in full is dropped, so "Kim" alone
//! never guesses among Kim Jong Un, Kim Yo Jong and Defense Minister Kim Yong-hyun.
//!
//! One pass, which records the first, second and latest full mention of each entry, keeps
//! this linear in the number of mentions, also for a document that repeats one surname a
//! million times.

use std::cell::RefCell;

use super::Catalog;
use crate::gazetteer::SurfaceRole;
use crate::matcher::{Candidate, Target};

thread_local! {
    /// The table of [`FullMentions`], kept between the documents a thread links.
    static FULL: RefCell<FullMentions> = RefCell::new(FullMentions::default());
}

/// Pushes onto `out`, for each kept mention in order that links to an entry, `make(i, target)`.
///
/// One pass makes the links and the output together: a partial name unlinked at its place
/// (a headline's, before the full name) gets its output pushed at once and rewritten or
/// taken out at the end.
pub(crate) fn link_into<T: Copy>(
    catalog: &Catalog<'_>,
    kept: &[Candidate],
    out: &mut Vec<T>,
    make: impl Fn(Candidate, Target) -> T,
) {
    // Most patterns name no one partially: their first target is the explicit one, and the
    // pattern's facts say so without a look at each target. Nor does any partial name target
    // most explicit ones' entries, whose full mentions no name asks for.
    let mention = |c: Candidate| {
        let facts = catalog.matcher.facts(c);
        let noted = facts.named_partially();
        if !facts.some_partial() {
            return (catalog.matcher.first_target(c), noted, None);
        }
        let targets = catalog.matcher.targets(c);
        let explicit = targets.iter().copied().find(|t| t.role != SurfaceRole::Partial);
        (explicit, noted, Some(targets.iter().filter(|t| t.role == SurfaceRole::Partial)))
    };
    FULL.with(|cell| match cell.try_borrow_mut() {
        Ok(mut full) => link_mentions(kept, mention, &mut full, out, make),
        Err(_) => link_mentions(kept, mention, &mut FullMentions::default(), out, make),
    })
}

/// Each kept mention's link, as a list.
#[cfg(test)]
pub(crate) fn link(catalog: &Catalog<'_>, kept: &[Candidate]) -> Vec<Option<Target>> {
    let mut found = Vec::new();
    link_into(catalog, kept, &mut found, |c, t| (c, t));
    let mut linked = vec![None; kept.len()];
    let mut found = found.into_iter().peekable();
    for (i, &c) in kept.iter().enumerate() {
        linked[i] = found.next_if(|&(f, _)| f == c).map(|(_, t)| t);
    }
    linked
}

/// Links `mentions`, given each one's explicit target, whether some partial name may name that
/// target's entry (else its full mentions go unnoted), and, if it may be a partial name, its
/// partial targets (`mention`), pushing `make(mention, link)` for each that links.
///
/// A partial name links to the nearest full mention before it, else the nearest after it.
/// One that finds none before it finds, of each entry it may name, the document's first full
/// mention after it: the first of the document, or the second where that is the name itself.
/// So no pass backwards is needed, and nothing asks for the targets of any other mention.
fn link_mentions<'t, C: Copy, M, I, T: Copy>(
    mentions: &[C],
    mention: M,
    full: &mut FullMentions,
    out: &mut Vec<T>,
    make: impl Fn(C, Target) -> T,
) where
    M: Fn(C) -> (Option<Target>, bool, Option<I>),
    I: Iterator<Item = &'t Target>,
{
    full.begin();
    // Names without a full mention before them: the name, its place in `out`, and whether
    // that place holds its explicit target (else a stand-in).
    let mut later: Vec<(usize, usize, bool)> = Vec::new();
    for (i, &c) in mentions.iter().enumerate() {
        let (explicit, noted, partial) = mention(c);
        // Most mentions are no partial name: their explicit target is their link.
        let Some(partial) = partial else {
            if let Some(t) = explicit {
                out.push(make(c, t));
                if noted {
                    full.record(t.entry, i);
                }
            }
            continue;
        };
        let link = match full.nearest(partial, i, |m| m.latest) {
            Some(t) => Some(t),
            None => {
                let stand_in = explicit.or_else(|| mention(c).2.and_then(|mut p| p.next().copied()));
                if let Some(t) = stand_in {
                    later.push((i, out.len(), explicit.is_some()));
                    out.push(make(c, t));
                }
                None
            }
        };
        if let Some(t) = link {
            out.push(make(c, t));
        }
        if let Some(t) = explicit.filter(|_| noted) {
            full.record(t.entry, i);
        }
    }
    if later.is_empty() {
        return;
    }
    let mut stand_ins = Vec::new();
    for &(i, at, explicit) in &later {
        let after = |m: &Mention| if m.first > i { m.first } else { m.second };
        let Some(&c) = mentions.get(i) else { continue };
        match mention(c).2.and_then(|p| full.nearest(p, i, after)) {
            Some(t) => out[at] = make(c, t),
            None if !explicit => stand_ins.push(at),
            None => {}
        }
    }
    remove(out, &stand_ins);
}

/// Removes the items at `places` (ascending) from `list`, moving the runs between them: the
/// stand-ins are a headline's, so `retain` would visit the whole list for one or two.
fn remove<T: Copy>(list: &mut Vec<T>, places: &[usize]) {
    let Some(&first) = places.first() else { return };
    let mut to = first;
    for (k, &at) in places.iter().enumerate() {
        let next = places.get(k + 1).copied().unwrap_or(list.len());
        list.copy_within(at + 1..next, to);
        to += next - at - 1;
    }
    list.truncate(to);
}

/// The full mentions of each entry in the document being linked, by entry index: one load
/// per question instead of hashing. A document stamps the entries it records with its own
/// number, so the table is never cleared, which would cost the gazetteer's size each time.
#[derive(Default)]
struct FullMentions {
    table: Vec<Mention>,
    document: usize,
}

/// The full mentions of one entry: the first, the second and the latest, by mention index.
#[derive(Clone, Copy)]
struct Mention {
    document: usize,
    first: usize,
    second: usize,
    latest: usize,
}

impl FullMentions {
    /// Starts a document: no entry has a full mention in it yet.
    fn begin(&mut self) {
        self.document += 1;
    }

    /// The mentions of `entry` in this document so far.
    #[inline]
    fn get(&self, entry: u32) -> Option<&Mention> {
        self.table.get(entry as usize).filter(|m| m.document == self.document)
    }

    /// The target of `partials` whose full mention `at` is nearest (the first listed of
    /// equally near ones), at a mention index `at` gives.
    #[inline]
    fn nearest<'t>(
        &self,
        partials: impl Iterator<Item = &'t Target>,
        i: usize,
        at: impl Fn(&Mention) -> usize,
    ) -> Option<Target> {
        let mut best: Option<(usize, Target)> = None;
        for t in partials {
            let Some(j) = self.get(t.entry).map(&at).filter(|&j| j != usize::MAX) else { continue };
            let distance = i.abs_diff(j);
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, *t));
            }
        }
        best.map(|(_, t)| t)
    }

    /// The table's place for `entry`, which it does not reach yet.
    #[cold]
    fn grow(&mut self, entry: usize) -> &mut Mention {
        // Stamped 0, which no document is: `begin` counts from 1.
        let none = Mention { document: 0, first: 0, second: 0, latest: 0 };
        self.table.resize(entry + 1, none);
        &mut self.table[entry]
    }

    /// Records a full mention of `entry` at `i`; the table grows to the entries it meets, once
    /// per thread, never per document.
    #[inline]
    fn record(&mut self, entry: u32, i: usize) {
        let entry = entry as usize;
        let document = self.document;
        let m = match self.table.get_mut(entry) {
            Some(m) => m,
            None => self.grow(entry),
        };
        if m.document != document {
            *m = Mention { document, first: i, second: usize::MAX, latest: i };
        } else {
            if m.second == usize::MAX {
                m.second = i;
            }
            m.latest = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    fn target(entry: u32, role: SurfaceRole) -> Target {
        Target { entry, role, ambiguous: false, kind: crate::entity::EntityKind::Person }
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
        /// Removing runs agrees with `retain`.
        #[test]
        fn removes_what_retain_removes(
            list in prop::collection::vec(0..100u32, 0..40),
            marks in prop::collection::vec(any::<bool>(), 40),
        ) {
            let places: Vec<usize> = (0..list.len()).filter(|&i| marks[i]).collect();
            let mut expected = list.clone();
            let mut i = 0;
            expected.retain(|_| {
                i += 1;
                !marks[i - 1]
            });
            let mut removed = list;
            remove(&mut removed, &places);
            prop_assert_eq!(removed, expected);
        }

        /// Documents linked one after another on one table, which every document leaves full
        /// of its own mentions: an entry recorded by another document must never be read as a
        /// full mention, and a name a full mention follows finds it without a pass backwards.
        #[test]
        fn one_pass_on_a_kept_table_links_as_two_passes_with_a_fresh_map_do(
            documents in prop::collection::vec(mentions(), 1..6),
        ) {
            let mut full = FullMentions::default();
            for mentions in documents {
                let explicit: Vec<Option<Target>> =
                    mentions.iter().map(|(e, _)| e.map(|e| target(e, SurfaceRole::Name))).collect();
                let partials: Vec<Vec<Target>> = mentions
                    .iter()
                    .map(|(_, p)| p.iter().map(|&e| target(e, SurfaceRole::Partial)).collect())
                    .collect();
                // Only entries some partial name targets are noted, as the gazetteer's facts say.
                let noted = |t: Option<Target>| t.is_some_and(|t| partials.iter().flatten().any(|p| p.entry == t.entry));
                let mention =
                    |i: usize| (explicit[i], noted(explicit[i]), (!partials[i].is_empty()).then(|| partials[i].iter()));
                let mut linked = Vec::new();
                let indices: Vec<usize> = (0..explicit.len()).collect();
                link_mentions(&indices, mention, &mut full, &mut linked, |i, t| (i, t));
                let expected: Vec<(usize, Target)> = with_a_map(&explicit, &partials)
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, t)| Some((i, t?)))
                    .collect();
                prop_assert_eq!(linked, expected);
            }
        }
    }
}
