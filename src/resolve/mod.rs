//! Stage 3 — entities: from candidate matches to linked, non-overlapping mentions.
//!
//! 1. [`ambiguity`]: surfaces flagged `ambiguous` keep only the matches their context
//!    supports.
//! 2. [`overlap`]: of overlapping candidates the [`OverlapPolicy`] keeps one.
//! 3. [`link`]: each kept match is linked to one entry — partial person names to the full
//!    name mentioned in the same document, capitals and demonyms to their state.

mod ambiguity;
mod link;
mod overlap;
mod span_index;
#[cfg(test)]
mod stage_costs;
mod surname;

use std::sync::Arc;

pub use overlap::OverlapPolicy;

use crate::entity::{Entity, EntityId, EntityKind};
use crate::gazetteer::{Gazetteer, SurfaceRole};
use crate::matcher::{Candidate, Matcher};
use crate::tokenize::previous_word;

/// What the resolver needs to know of the compiled gazetteer.
pub(crate) struct Catalog<'a> {
    pub gazetteer: &'a Gazetteer,
    pub matcher: &'a Matcher,
    /// Canonical names by entry index, shared by every mention.
    pub names: &'a [Arc<str>],
    pub policy: OverlapPolicy,
}

/// Resolves the matcher's candidates into entities, ordered by span.
pub(crate) fn resolve(text: &str, catalog: &Catalog<'_>, buffer: &mut Vec<Candidate>) -> Vec<Entity> {
    let candidates = ambiguity::filter(text, catalog, core::mem::take(buffer));
    let kept = overlap::select(catalog, candidates);
    let linked = link::link(catalog, &kept);
    let entries = catalog.gazetteer.entries();
    let mut entities = Vec::with_capacity(kept.len());
    let mut texts = Texts::default();
    entities.extend(kept.iter().zip(linked).filter_map(|(c, target)| {
        let target = target?;
        let entry = &entries[target.entry as usize];
        let kind = match target.role {
            SurfaceRole::Capital if stands_for_location(text, c.span.start) => EntityKind::Place,
            _ => entry.kind,
        };
        Some(Entity {
            kind,
            name: catalog.names[target.entry as usize].clone(),
            span: c.span,
            text: texts.get(&text[c.span], c.pattern),
            id: EntityId(target.entry),
            role: target.role,
        })
    }));
    *buffer = kept;
    entities
}

/// The texts of a document's mentions, shared between the mentions that write a name the
/// same way: a document names few entities many times, and one allocation per mention was
/// most of the cost of a document that repeats a name. A small direct-mapped cache by
/// surface pattern suffices, since a pattern is nearly always written the same way.
#[derive(Default)]
struct Texts {
    slots: [Option<(u32, Arc<str>)>; 32],
}

impl Texts {
    fn get(&mut self, surface: &str, pattern: u32) -> Arc<str> {
        let slot = &mut self.slots[pattern as usize % 32];
        match slot {
            Some((p, text)) if *p == pattern && **text == *surface => text.clone(),
            _ => slot.insert((pattern, Arc::from(surface))).1.clone(),
        }
    }
}

/// Words after which a capital names the city ("a strike on Kyiv", "arriving in Pyongyang",
/// "visited Moscow"); elsewhere it stands for the government ("Pyongyang denied").
const PLACE_CUES: &[&str] = &[
    "in", "to", "near", "over", "on", "at", "outside", "into", "toward", "towards", "across", "around",
    "via", "inside", "above", "visited", "visit",
];

fn stands_for_location(text: &str, start: usize) -> bool {
    previous_word(text, start, true)
        .is_some_and(|w| PLACE_CUES.iter().any(|p| text[w].eq_ignore_ascii_case(p)))
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    #[test]
    fn mentions_written_alike_share_their_text() {
        let text = "Putin met Xi Jinping. Putin left; PUTIN stayed.";
        let found = Extractor::default().entities(text);
        let texts: Vec<&str> = found.iter().map(|e| &*e.text).collect();
        assert_eq!(texts, ["Putin", "Xi Jinping", "Putin", "PUTIN"]);
        assert!(std::sync::Arc::ptr_eq(&found[0].text, &found[2].text));
        assert!(!std::sync::Arc::ptr_eq(&found[0].text, &found[3].text));
    }
}
