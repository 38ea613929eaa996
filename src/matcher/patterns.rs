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

/// Where one pattern's text and targets end in the shared buffers; the previous pattern's
/// ends are where they start.
#[derive(Clone, Copy, Debug)]
struct Ends {
    text: u32,
    targets: u32,
    /// Whether the all-capitals form is accepted too.
    caps: bool,
}

/// Every pattern of a gazetteer, in id order.
#[derive(Clone, Debug)]
pub(crate) struct Patterns {
    texts: String,
    targets: Vec<Target>,
    ends: Vec<Ends>,
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
                let t = Target { entry: i as u32, role: s.role, ambiguous: s.ambiguous };
                builder.add(Cow::Borrowed(&s.text), t, false);
            }
        }
        for (i, e) in entries.iter().enumerate() {
            for s in &e.surfaces {
                for v in variants(&s.text, e.kind) {
                    let t = Target { entry: i as u32, role: s.role, ambiguous: s.ambiguous };
                    builder.add(Cow::Owned(v), t, true);
                }
            }
            if e.kind == EntityKind::Person {
                if let Some(p) = &e.partial {
                    if !e.surfaces.iter().any(|s| &s.text == p) {
                        let t = Target { entry: i as u32, role: SurfaceRole::Partial, ambiguous: false };
                        builder.add(Cow::Borrowed(p), t, true);
                        for v in variants(p, e.kind) {
                            builder.add(Cow::Owned(v), t, true);
                        }
                    }
                }
            }
        }
        builder.finish()
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

    /// Whether pattern `id` also matches in all capitals.
    pub(crate) fn caps(&self, id: u32) -> bool {
        self.ends[id as usize].caps
    }

    /// The entries pattern `id` may name.
    pub(crate) fn targets(&self, id: u32) -> &[Target] {
        let id = id as usize;
        &self.targets[self.starts(id).1..self.ends[id].targets as usize]
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        self.texts.capacity()
            + self.targets.capacity() * core::mem::size_of::<Target>()
            + self.ends.capacity() * core::mem::size_of::<Ends>()
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
        };
        patterns.ends.reserve_exact(self.table.len());
        for (text, (caps, first, more)) in texts.into_iter().zip(self.table) {
            // A pattern whose first target deferred to an explicit form elsewhere names
            // nothing, and is left out.
            let Some(first) = first else { continue };
            patterns.texts.push_str(text);
            patterns.targets.push(first);
            patterns.targets.extend(more);
            let ends =
                Ends { text: patterns.texts.len() as u32, targets: patterns.targets.len() as u32, caps };
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
