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
            text: text[c.span].to_string(),
            id: EntityId(target.entry),
            role: target.role,
        })
    }));
    *buffer = kept;
    entities
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
