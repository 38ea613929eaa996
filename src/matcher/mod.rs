//! Stage 2b — matches: one Aho-Corasick pass over the original bytes finds every surface
//! form of every gazetteer entry; only matches that sit on word boundaries and respect the
//! case policy survive.
//!
//! Case policy: a surface matches as written, or written all in capitals when it has at least
//! three letters and some lower-case ones ("PUTIN", "NORTH KOREA" in a headline). Acronyms
//! therefore match only as acronyms: "US" never matches the pronoun "us", nor "Us".
//!
//! The automaton reports overlapping matches, so a longer candidate that fails the boundary
//! check ("New York Timesheet") never hides a shorter valid one at the same start ("New
//! York"); choosing among the survivors is the resolver's job.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::entity::EntityKind;
use crate::error::Result;
use crate::gazetteer::{variants::variants, Gazetteer, SurfaceRole};
use crate::span::Span;
use crate::tokenize::is_boundary;

/// One way a pattern names an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    /// Index of the entry in the gazetteer.
    pub entry: u32,
    /// How the surface names it.
    pub role: SurfaceRole,
    /// Whether the surface needs supporting context.
    pub ambiguous: bool,
}

#[derive(Clone, Debug)]
struct Pattern {
    text: Box<str>,
    /// Whether the all-capitals form is accepted too.
    caps: bool,
    targets: Vec<Target>,
}

/// A surface form found in the text: the match, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub span: Span,
    pub pattern: u32,
}

/// The compiled form of a gazetteer's surfaces.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
}

impl Matcher {
    /// Compiles every surface, generated variant and partial name of `gazetteer`.
    pub(crate) fn build(gazetteer: &Gazetteer) -> Result<Matcher> {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut add = |text: &str, target: Target, generated: bool| {
            let i = *index.entry(text.to_string()).or_insert_with(|| {
                patterns.push(Pattern { text: text.into(), caps: caps_allowed(text), targets: Vec::new() });
                patterns.len() - 1
            });
            let p = &mut patterns[i];
            // A generated form never competes with a form some entry lists explicitly.
            let explicit_elsewhere =
                p.targets.iter().any(|t| t.entry != target.entry && t.role != SurfaceRole::Partial);
            if generated && explicit_elsewhere {
                return;
            }
            if !p.targets.iter().any(|t| t.entry == target.entry && t.role == target.role) {
                p.targets.push(target);
            }
        };
        let entries = gazetteer.entries();
        // Explicit surfaces first, so that generated forms can defer to them.
        for (i, e) in entries.iter().enumerate() {
            for s in &e.surfaces {
                add(&s.text, Target { entry: i as u32, role: s.role, ambiguous: s.ambiguous }, false);
            }
        }
        for (i, e) in entries.iter().enumerate() {
            for s in &e.surfaces {
                for v in variants(&s.text, e.kind) {
                    add(&v, Target { entry: i as u32, role: s.role, ambiguous: s.ambiguous }, true);
                }
            }
            if e.kind == EntityKind::Person {
                if let Some(p) = &e.partial {
                    if !e.surfaces.iter().any(|s| &s.text == p) {
                        let t = Target { entry: i as u32, role: SurfaceRole::Partial, ambiguous: false };
                        add(p, t, true);
                        for v in variants(p, e.kind) {
                            add(&v, t, true);
                        }
                    }
                }
            }
        }
        patterns.retain(|p| !p.targets.is_empty());
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(patterns.iter().map(|p| p.text.as_bytes()))?;
        Ok(Matcher { automaton, patterns })
    }

    /// Every accepted match in `text`, in order of end offset.
    pub(crate) fn find(&self, text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let span = Span::new(m.start(), m.end());
            if !is_boundary(text, span.start) || !is_boundary(text, span.end) {
                continue;
            }
            let pattern = &self.patterns[m.pattern().as_usize()];
            let found = &text.as_bytes()[span.start..span.end];
            let exact = found == pattern.text.as_bytes();
            if exact || (pattern.caps && !found.iter().any(u8::is_ascii_lowercase)) {
                out.push(Candidate { span, pattern: m.pattern().as_u32() });
            }
        }
        out
    }

    /// The entries a candidate may name.
    pub(crate) fn targets(&self, candidate: Candidate) -> &[Target] {
        &self.patterns[candidate.pattern as usize].targets
    }

    /// Number of compiled patterns (surface forms after expansion).
    pub(crate) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Heap bytes used by the automaton.
    pub(crate) fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
    }
}

/// Whether the all-capitals form of `surface` may match: it needs lower-case letters to
/// differ from its capitals, and three letters so that "Xi" does not match the numeral "XI".
fn caps_allowed(surface: &str) -> bool {
    surface.bytes().any(|b| b.is_ascii_lowercase())
        && surface.chars().filter(|c| c.is_alphabetic()).count() >= 3
}
