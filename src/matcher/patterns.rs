//! The pattern table: every surface form, generated variant and partial name once, with the
//! entries it names.
//!
//! Pattern ids are indices into this table, and the resolver looks up a candidate's
//! [`Target`]s here. The texts and the targets live in two shared buffers rather than in a
//! string and a vector per pattern: at 100,000 entries (286,000 patterns) that is 12 MB
//! instead of about 32, most of the difference being allocator overhead.

use std::borrow::Cow;
use std::collections::HashMap;

use super::Target;
use crate::entity::EntityKind;
use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::{variants::variants, Gazetteer, SurfaceRole};
use crate::swar::word_at;

/// Where one pattern's text and targets end in the shared buffers; the previous pattern's
/// ends are where they start.
#[derive(Clone, Copy, Debug)]
struct Ends {
    text: u32,
    targets: u32,
    /// Whether the all-capitals form is accepted too.
    caps: bool,
    facts: Facts,
}

/// What the resolver asks of every candidate about its pattern's targets, worked out once
/// when the table is built: a document that repeats a name a million times asked it of the
/// targets and their entries a million times. It fits in the padding of [`Ends`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Facts(u8);

impl Facts {
    const PARTIAL: u8 = 1;
    const ONE_WORD_PERSON: u8 = 2;
    const SURE: u8 = 4;
    const KNOWN: u8 = 8;
    const SURE_WEAPON: u8 = 16;
    const SOME_PARTIAL: u8 = 32;
    const NAMED_PARTIALLY: u8 = 64;

    /// The facts of a pattern with `targets` and `text`, where `named_partially` tells
    /// whether an entry is some partial name's target.
    fn of(targets: &[Target], text: &str, named_partially: impl Fn(u32) -> bool) -> Facts {
        let bit = |holds: bool, bit: u8| if holds { bit } else { 0 };
        // A match spells its pattern up to ASCII case, so the pattern's white space is the
        // match's.
        let one_word = !text.contains(char::is_whitespace);
        Facts(
            bit(targets.iter().all(|t| t.role == SurfaceRole::Partial), Facts::PARTIAL)
                | bit(
                    one_word && targets.iter().all(|t| t.kind == EntityKind::Person),
                    Facts::ONE_WORD_PERSON,
                )
                | bit(targets.iter().any(|t| !t.ambiguous), Facts::SURE)
                | bit(targets.iter().any(|t| !t.ambiguous && t.role != SurfaceRole::Partial), Facts::KNOWN)
                | bit(
                    targets.iter().any(|t| !t.ambiguous && t.kind == EntityKind::Weapon),
                    Facts::SURE_WEAPON,
                )
                | bit(targets.iter().any(|t| t.role == SurfaceRole::Partial), Facts::SOME_PARTIAL)
                | bit(
                    targets
                        .iter()
                        .find(|t| t.role != SurfaceRole::Partial)
                        .is_some_and(|t| named_partially(t.entry)),
                    Facts::NAMED_PARTIALLY,
                ),
        )
    }

    /// Every target is a partial person name.
    pub(crate) fn partial(self) -> bool {
        self.0 & Facts::PARTIAL != 0
    }

    /// Every target is a person, and the pattern is one word.
    pub(crate) fn one_word_person(self) -> bool {
        self.0 & Facts::ONE_WORD_PERSON != 0
    }

    /// Some target needs no supporting context.
    pub(crate) fn sure(self) -> bool {
        self.0 & Facts::SURE != 0
    }

    /// Some target needs no supporting context and is no partial name: the gazetteer knows
    /// the name for sure.
    pub(crate) fn known(self) -> bool {
        self.0 & Facts::KNOWN != 0
    }

    /// Some target is a weapon that needs no supporting context.
    pub(crate) fn sure_weapon(self) -> bool {
        self.0 & Facts::SURE_WEAPON != 0
    }

    /// Some target is a partial person name: linking must look for the full one.
    pub(crate) fn some_partial(self) -> bool {
        self.0 & Facts::SOME_PARTIAL != 0
    }

    /// The entry of the first target that is no partial name (the one linking reads as the
    /// pattern's explicit target) is some pattern's partial target: linking must note where
    /// it is named in full. Most entries have no partial name, and noting theirs was work
    /// no name ever read.
    pub(crate) fn named_partially(self) -> bool {
        self.0 & Facts::NAMED_PARTIALLY != 0
    }
}

/// Every pattern of a gazetteer, in id order.
#[derive(Clone, Debug)]
pub(crate) struct Patterns {
    texts: String,
    targets: Vec<Target>,
    ends: Vec<Ends>,
    /// The first eight bytes of each text, zero after a shorter one: what the matcher
    /// compares a short match with ([`Patterns::written_at`]).
    heads: Vec<u64>,
}

impl Patterns {
    /// Collects the patterns of `gazetteer`: explicit surfaces first, so that generated forms
    /// can defer to them, then variants and partial names.
    ///
    /// # Errors
    /// The texts or targets are too many for 32-bit offsets.
    pub(crate) fn collect(gazetteer: &Gazetteer) -> Result<Patterns> {
        let mut builder = Builder::default();
        let entries = gazetteer.entries();
        for (i, e) in entries.iter().enumerate() {
            for s in &e.surfaces {
                let t = Target { entry: i as u32, role: s.role, ambiguous: s.ambiguous, kind: e.kind };
                builder.add(Cow::Borrowed(&s.text), t, false);
            }
        }
        for (i, e) in entries.iter().enumerate() {
            for s in &e.surfaces {
                for v in variants(&s.text, e.kind) {
                    let t = Target { entry: i as u32, role: s.role, ambiguous: s.ambiguous, kind: e.kind };
                    builder.add(Cow::Owned(v), t, true);
                }
            }
            if e.kind == EntityKind::Person {
                if let Some(p) = &e.partial {
                    if !e.surfaces.iter().any(|s| &s.text == p) {
                        let t = Target {
                            entry: i as u32,
                            role: SurfaceRole::Partial,
                            ambiguous: false,
                            kind: e.kind,
                        };
                        builder.add(Cow::Borrowed(p), t, true);
                        for v in variants(p, e.kind) {
                            builder.add(Cow::Owned(v), t, true);
                        }
                    }
                }
            }
        }
        let mut patterns = builder.finish()?;
        let mut named_partially = vec![false; entries.len()];
        for t in patterns.targets.iter().filter(|t| t.role == SurfaceRole::Partial) {
            if let Some(named) = named_partially.get_mut(t.entry as usize) {
                *named = true;
            }
        }
        let named_partially = |entry: u32| named_partially.get(entry as usize).copied().unwrap_or(false);
        for id in 0..patterns.len() {
            let facts = Facts::of(patterns.targets(id as u32), patterns.text(id as u32), named_partially);
            patterns.ends[id].facts = facts;
        }
        Ok(patterns)
    }

    /// Number of patterns.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Start offsets of pattern `id`'s text and targets.
    fn starts(&self, id: usize) -> (usize, usize) {
        match id.checked_sub(1) {
            Some(previous) => (self.ends[previous].text as usize, self.ends[previous].targets as usize),
            None => (0, 0),
        }
    }

    /// The text of pattern `id`.
    pub(crate) fn text(&self, id: u32) -> &str {
        let id = id as usize;
        &self.texts[self.starts(id).0..self.ends[id].text as usize]
    }

    /// The text of pattern `id` as bytes: slicing bytes skips the two character-boundary
    /// tests of slicing the `str`, which the matcher paid at every match it compared.
    #[inline]
    pub(crate) fn bytes(&self, id: u32) -> &[u8] {
        let id = id as usize;
        &self.texts.as_bytes()[self.starts(id).0..self.ends[id].text as usize]
    }

    /// Whether `text` from `at` spells pattern `id` byte for byte, where the caller knows
    /// that it spells the pattern up to ASCII case in `len` bytes; `None` if that takes more
    /// than two loads: `len` above sixteen, or `text` too short around the match.
    ///
    /// The matcher asks this of every match, and compared them with `memcmp`, whose call
    /// with its setup and slicing cost about forty instructions. The first eight bytes are
    /// kept apart ([`Patterns::heads`]); from the ninth on, the last eight are compared too,
    /// read where the text ends.
    #[inline(always)]
    pub(crate) fn written_at(&self, id: u32, text: &[u8], at: usize, len: usize) -> Option<bool> {
        let first = u64::from_le_bytes(text.get(at..at + 8)?.try_into().unwrap_or_default());
        let head = *self.heads.get(id as usize)?;
        if len.wrapping_sub(1) < 8 {
            let keep = u64::MAX >> (8 * (8 - len));
            return Some((first ^ head) & keep == 0);
        }
        if len > 16 {
            return None;
        }
        let to = self.ends.get(id as usize)?.text as usize;
        let last = |bytes: &[u8], end: usize| {
            let eight = bytes.get(end.checked_sub(8)?..end)?;
            Some(u64::from_le_bytes(eight.try_into().unwrap_or_default()))
        };
        Some(first == head && last(text, at + len)? == last(self.texts.as_bytes(), to)?)
    }

    /// Whether pattern `id` also matches in all capitals.
    pub(crate) fn caps(&self, id: u32) -> bool {
        self.ends[id as usize].caps
    }

    /// What the resolver asks of pattern `id`'s targets.
    pub(crate) fn facts(&self, id: u32) -> Facts {
        self.ends[id as usize].facts
    }

    /// The entries pattern `id` may name.
    pub(crate) fn targets(&self, id: u32) -> &[Target] {
        let id = id as usize;
        &self.targets[self.starts(id).1..self.ends[id].targets as usize]
    }

    /// The first of pattern `id`'s targets: what [`Patterns::targets`] lists first, read
    /// without its end, since every pattern has a target (the one that made it). Most
    /// mentions link to it, and the end and the slice's checks cost each of them.
    pub(crate) fn first_target(&self, id: u32) -> Option<Target> {
        self.targets.get(self.starts(id as usize).1).copied()
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        self.texts.capacity()
            + self.targets.capacity() * core::mem::size_of::<Target>()
            + self.ends.capacity() * core::mem::size_of::<Ends>()
            + self.heads.capacity() * 8
    }

    /// The texts, in id order.
    pub(crate) fn texts(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len() as u32).map(|id| self.text(id))
    }
}

/// The growing table. Targets are added to a pattern after it is created, so each pattern
/// keeps its own until [`Builder::finish`] packs them; the first one is held inline, since
/// most patterns name one entry. Texts are the index's keys, borrowed from the gazetteer
/// where they are written there: at 100,000 entries, allocations per pattern are what
/// dominates the peak memory of a build.
#[derive(Default)]
struct Builder<'g> {
    index: HashMap<Cow<'g, str>, u32>,
    /// By pattern id: whether capitals are accepted, and the targets.
    table: Vec<(bool, Option<Target>, Vec<Target>)>,
}

impl<'g> Builder<'g> {
    fn add(&mut self, text: Cow<'g, str>, target: Target, generated: bool) {
        let id = match self.index.get(&*text) {
            Some(&id) => id,
            None => {
                let id = self.table.len() as u32;
                self.table.push((caps_allowed(&text), None, Vec::new()));
                self.index.insert(text, id);
                id
            }
        };
        let (_, first, more) = &mut self.table[id as usize];
        let mut targets = first.iter().chain(more.iter());
        // A generated form never competes with a form some entry lists explicitly.
        let explicit_elsewhere =
            targets.clone().any(|t| t.entry != target.entry && t.role != SurfaceRole::Partial);
        if generated && explicit_elsewhere {
            return;
        }
        if !targets.any(|t| t.entry == target.entry && t.role == target.role) {
            match first {
                None => *first = Some(target),
                Some(_) => more.push(target),
            }
        }
    }

    fn finish(self) -> Result<Patterns> {
        let mut texts: Vec<&str> = vec![""; self.table.len()];
        for (text, &id) in &self.index {
            texts[id as usize] = text;
        }
        let bytes = texts.iter().map(|t| t.len()).sum();
        let count = self.table.iter().map(|(_, first, more)| usize::from(first.is_some()) + more.len()).sum();
        // The trie enforces the tighter limits; these keep the offsets below exact.
        if bytes > u32::MAX as usize || count > u32::MAX as usize {
            return Err(Error::from(ErrorKind::MatcherTooLarge { patterns: texts.len(), bytes }));
        }
        let mut patterns = Patterns {
            texts: String::with_capacity(bytes),
            targets: Vec::with_capacity(count),
            ends: Vec::new(),
            heads: Vec::new(),
        };
        patterns.ends.reserve_exact(self.table.len());
        patterns.heads.reserve_exact(self.table.len());
        for (text, (caps, first, more)) in texts.into_iter().zip(self.table) {
            // A pattern whose first target deferred to an explicit form elsewhere names
            // nothing, and is left out.
            let Some(first) = first else { continue };
            patterns.texts.push_str(text);
            patterns.heads.push(word_at(text.as_bytes(), 0));
            patterns.targets.push(first);
            patterns.targets.extend(more);
            let ends = Ends {
                text: patterns.texts.len() as u32,
                targets: patterns.targets.len() as u32,
                caps,
                facts: Facts::default(),
            };
            patterns.ends.push(ends);
        }
        Ok(patterns)
    }
}

/// Whether the all-capitals form of `surface` may match: it needs lower-case letters to
/// differ from its capitals, and three letters so that "Xi" does not match the numeral "XI".
fn caps_allowed(surface: &str) -> bool {
    surface.bytes().any(|b| b.is_ascii_lowercase())
        && surface.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_of_each_kind_of_pattern() {
        let tsv = "state\tJordan\tambiguous=Jordan\n\
                   person\tKim Jong Un\tpartial=Kim\n\
                   person\tVladimir Putin\talias=Putin\tpartial=-\n\
                   weapon\tPatriot\tambiguous=Patriot\n\
                   weapon\tShahed-136\n";
        let g = Gazetteer::parse("facts", tsv).unwrap();
        let patterns = Patterns::collect(&g).unwrap();
        let facts = |text: &str| {
            let id = patterns.texts().position(|t| t == text).unwrap_or_else(|| panic!("no pattern {text}"));
            let f = patterns.facts(id as u32);
            [f.partial(), f.one_word_person(), f.sure(), f.known(), f.sure_weapon(), f.some_partial()]
        };
        //                                  partial one-word person sure  known  sure weapon some partial
        assert_eq!(facts("Jordan"), [false, false, false, false, false, false]);
        assert_eq!(facts("Kim"), [true, true, true, false, false, true]);
        assert_eq!(facts("Kim Jong Un"), [false, false, true, true, false, false]);
        assert_eq!(facts("Putin"), [false, true, true, true, false, false]);
        assert_eq!(facts("Patriot"), [false, false, false, false, false, false]);
        assert_eq!(facts("Shahed-136"), [false, false, true, true, true, false]);
    }

    /// Entities read their kind from the target instead of the entry table: on every pattern
    /// of the default gazetteers and a small one, each target's kind is its entry's.
    #[test]
    fn each_target_has_its_entrys_kind() {
        let tsv = "person\tJoe Kim1\tpartial=Kim1\nweapon\tKim-1\nstate\tJordan\tambiguous=Jordan\n";
        let small = Gazetteer::parse("kinds", tsv).unwrap();
        for g in [Gazetteer::builtin(), &small] {
            let patterns = Patterns::collect(g).unwrap();
            for id in 0..patterns.len() as u32 {
                for t in patterns.targets(id) {
                    assert_eq!(t.kind, g.entries()[t.entry as usize].kind, "{}", patterns.text(id));
                }
            }
        }
    }

    /// Linking reads `first_target` instead of the first of `targets`: on every pattern of
    /// the default gazetteers and a small one, where a generated form defers to another's.
    #[test]
    fn first_target_is_the_first_of_the_targets() {
        let tsv = "person\tJoe Kim1\tpartial=Kim1\nweapon\tKim-1\nstate\tJordan\tambiguous=Jordan\n";
        let small = Gazetteer::parse("first", tsv).unwrap();
        for g in [Gazetteer::builtin(), &small] {
            let patterns = Patterns::collect(g).unwrap();
            for id in 0..patterns.len() as u32 {
                assert_eq!(
                    patterns.first_target(id),
                    patterns.targets(id).first().copied(),
                    "{}",
                    patterns.text(id)
                );
            }
        }
    }

    /// Linking reads `some_partial` instead of looking at the targets: on every pattern of
    /// the default gazetteers, and on a pattern that is both a surface and a partial name.
    #[test]
    fn some_partial_is_what_the_targets_say() {
        // "Kim1" is the partial name of a person and a generated form of a weapon's.
        let tsv = "person\tJoe Kim1\tpartial=Kim1\nweapon\tKim-1\n";
        let small = Gazetteer::parse("both", tsv).unwrap();
        for g in [Gazetteer::builtin(), &small] {
            let patterns = Patterns::collect(g).unwrap();
            for id in 0..patterns.len() as u32 {
                let any = patterns.targets(id).iter().any(|t| t.role == SurfaceRole::Partial);
                assert_eq!(patterns.facts(id).some_partial(), any, "{}", patterns.text(id));
            }
        }
        let patterns = Patterns::collect(&small).unwrap();
        let id = patterns.texts().position(|t| t == "Kim1").unwrap() as u32;
        assert!(patterns.facts(id).some_partial() && !patterns.facts(id).partial());
    }

    /// Linking notes the full mentions only of entries some partial name targets, by
    /// `named_partially`: on every pattern of the default gazetteers it says what a search of
    /// every pattern's targets says.
    #[test]
    fn named_partially_is_what_the_targets_say() {
        let tsv =
            "person\tJoe Kim1\tpartial=Kim1\nweapon\tKim-1\nperson\tVladimir Putin\talias=Putin\tpartial=-\n";
        let small = Gazetteer::parse("both", tsv).unwrap();
        for g in [Gazetteer::builtin(), &small] {
            let patterns = Patterns::collect(g).unwrap();
            let named: std::collections::HashSet<u32> = (0..patterns.len() as u32)
                .flat_map(|id| patterns.targets(id).iter())
                .filter(|t| t.role == SurfaceRole::Partial)
                .map(|t| t.entry)
                .collect();
            for id in 0..patterns.len() as u32 {
                let explicit = patterns.targets(id).iter().find(|t| t.role != SurfaceRole::Partial);
                let expected = explicit.is_some_and(|t| named.contains(&t.entry));
                assert_eq!(patterns.facts(id).named_partially(), expected, "{}", patterns.text(id));
            }
        }
        let patterns = Patterns::collect(&small).unwrap();
        let facts = |text: &str| patterns.facts(patterns.texts().position(|t| t == text).unwrap() as u32);
        assert!(facts("Joe Kim1").named_partially() && !facts("Kim1").named_partially());
        assert!(!facts("Vladimir Putin").named_partially() && !facts("Kim-1").named_partially());
    }
}
