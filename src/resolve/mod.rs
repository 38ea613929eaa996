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

pub use overlap::OverlapPolicy;

use crate::entity::{Entity, EntityId, EntityKind, Name};
use crate::gazetteer::{Gazetteer, SurfaceRole};
use crate::matcher::{Candidate, Matcher, Target};
use crate::span::Span;
use crate::tokenize::previous_word;

/// What the resolver needs to know of the compiled gazetteer.
pub(crate) struct Catalog<'a> {
    pub gazetteer: &'a Gazetteer,
    pub matcher: &'a Matcher,
    /// Canonical names by entry index, shared by every mention.
    pub names: &'a [Name],
    pub policy: OverlapPolicy,
}

/// Resolves the matcher's candidates into entities, ordered by span.
pub(crate) fn resolve<'a>(
    text: &'a str,
    catalog: &Catalog<'a>,
    buffer: &mut Vec<Candidate>,
) -> Vec<Entity<'a>> {
    let mut candidates = core::mem::take(buffer);
    let some_partial = ambiguity::filter(text, catalog, &mut candidates);
    let kept = overlap::select(catalog, candidates);
    let entities = entities(text, catalog, &kept, some_partial);
    *buffer = kept;
    entities
}

/// The entities of the kept candidates that link to an entry.
fn entities<'a>(
    text: &'a str,
    catalog: &Catalog<'a>,
    kept: &[Candidate],
    some_partial: ambiguity::SomePartial,
) -> Vec<Entity<'a>> {
    let entity = |c: Candidate, target: Target| entity(text, catalog, c, target);
    let mut entities = Vec::with_capacity(kept.len());
    if some_partial.0 {
        link::link_into(catalog, kept, &mut entities, entity);
    } else {
        // Without a partial name each mention names its pattern's first target, which is
        // what linking would say.
        for &c in kept {
            if let Some(t) = catalog.matcher.first_target(c) {
                entities.push(entity(c, t));
            }
        }
    }
    entities
}

/// The entity of candidate `c` linked to `target`. Always inlined: both ways of linking call
/// it once per mention, and where the compiler chose (by how the crate happened to be split
/// into units) a call cost a million instructions per pass over the seeds.
#[inline(always)]
fn entity<'a>(text: &'a str, catalog: &Catalog<'a>, c: Candidate, target: Target) -> Entity<'a> {
    let kind = match target.role {
        SurfaceRole::Capital if stands_for_location(text, c.span.start) => EntityKind::Place,
        _ => target.kind,
    };
    Entity {
        kind,
        name: &catalog.names[target.entry as usize],
        span: c.span,
        id: EntityId(target.entry),
        role: target.role,
    }
}

fn stands_for_location(text: &str, start: usize) -> bool {
    previous_word(text, start, true).is_some_and(|w| is_place_cue(text.as_bytes(), w))
}

/// Whether `word` is, ignoring ASCII case, a word after which a capital names the city ("a
/// strike on Kyiv", "arriving in Pyongyang", "visited Moscow"); elsewhere it stands for the
/// government ("Pyongyang denied").
///
/// The word is lowered into one number and matched with the cues' numbers: comparing it with
/// each of the seventeen words in turn, ignoring case, cost every capital mention about two
/// hundred instructions, and lowering it into a buffer to match bytes about eighty. The word
/// `w` of `text` is read as eight bytes of the text and cut to its length, as [`key`]
/// would make its number a byte at a time.
fn is_place_cue(text: &[u8], w: Span) -> bool {
    /// The longest cue ("outside", "towards", "visited").
    const LONGEST: usize = 7;
    let len = w.end.saturating_sub(w.start);
    if len > LONGEST {
        return false;
    }
    let keep = (1u64 << (8 * len)) - 1;
    matches!(
        (crate::swar::word_at(text, w.start) | 0x2020_2020_2020_2020) & keep,
        IN | TO
            | NEAR
            | OVER
            | ON
            | AT
            | OUTSIDE
            | INTO
            | TOWARD
            | TOWARDS
            | ACROSS
            | AROUND
            | VIA
            | INSIDE
            | ABOVE
            | VISITED
            | VISIT
    )
}

/// A word of up to eight bytes as one number, its letters in lower case: the first byte lowest,
/// bit 5 set in each byte, zero after the last. Bit 5 lowers an ASCII capital and makes no
/// other byte a lower-case letter, and no byte zero, so two keys are equal only for words
/// equal but for the case of their ASCII letters, where one is made of lower-case letters.
const fn key(word: &[u8]) -> u64 {
    let mut key = 0;
    let mut k = 0;
    while k < word.len() && k < 8 {
        key |= ((word[k] | 0x20) as u64) << (8 * k);
        k += 1;
    }
    key
}

const IN: u64 = key(b"in");
const TO: u64 = key(b"to");
const NEAR: u64 = key(b"near");
const OVER: u64 = key(b"over");
const ON: u64 = key(b"on");
const AT: u64 = key(b"at");
const OUTSIDE: u64 = key(b"outside");
const INTO: u64 = key(b"into");
const TOWARD: u64 = key(b"toward");
const TOWARDS: u64 = key(b"towards");
const ACROSS: u64 = key(b"across");
const AROUND: u64 = key(b"around");
const VIA: u64 = key(b"via");
const INSIDE: u64 = key(b"inside");
const ABOVE: u64 = key(b"above");
const VISITED: u64 = key(b"visited");
const VISIT: u64 = key(b"visit");

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The default gazetteer's catalog, built once.
    pub(super) fn catalog() -> Catalog<'static> {
        static BUILT: once_cell::sync::Lazy<(Matcher, Vec<Name>)> = once_cell::sync::Lazy::new(|| {
            let g = Gazetteer::builtin();
            let names = g.entries().iter().map(|e| Name::new(&e.name)).collect();
            (Matcher::build(g, []).unwrap(), names)
        });
        let (matcher, names) = &*BUILT;
        Catalog { gazetteer: Gazetteer::builtin(), matcher, names, policy: OverlapPolicy::LongestWins }
    }

    /// Text made of the default gazetteer's surfaces (as written, in capitals, or cut short)
    /// and separators, with names around them that the gazetteer does not know, so that the
    /// ambiguity policy drops some candidates and partial names meet full ones. The surfaces
    /// come from a few patterns, so that mentions repeat.
    pub(super) fn names_and_words() -> impl Strategy<Value = String> {
        let count = catalog().matcher.pattern_count();
        let pool = prop::collection::vec(0..count, 1..6);
        let separators =
            vec![" ", ", ", ". ", " and ", " Smith ", " 5 ", " missiles ", "-", " in ", " said "];
        let piece = (any::<prop::sample::Index>(), 0..4u8, prop::sample::select(separators));
        (pool, prop::collection::vec(piece, 0..24)).prop_map(|(pool, pieces)| {
            let catalog = catalog();
            let mut text = String::new();
            for (i, case, sep) in pieces {
                let surface = catalog.matcher.pattern_text(pool[i.index(pool.len())] as u32);
                match case {
                    0 | 1 => text.push_str(surface),
                    2 => text.push_str(&surface.to_uppercase()),
                    _ => text.extend(surface.chars().take(3)),
                }
                text.push_str(sep);
            }
            text
        })
    }

    /// The entities as they were made before linking could be skipped: each from its link,
    /// linking every document.
    fn one_by_one<'a>(text: &'a str, catalog: &Catalog<'a>, kept: &[Candidate]) -> Vec<Entity<'a>> {
        let entries = catalog.gazetteer.entries();
        let linked = link::link(catalog, kept);
        let mut entities: Vec<Entity> = Vec::new();
        for (c, target) in kept.iter().zip(linked) {
            let Some(target) = target else { continue };
            let kind = match target.role {
                SurfaceRole::Capital if stands_for_location(text, c.span.start) => EntityKind::Place,
                _ => entries[target.entry as usize].kind,
            };
            entities.push(Entity {
                kind,
                name: &catalog.names[target.entry as usize],
                span: c.span,
                id: EntityId(target.entry),
                role: target.role,
            });
        }
        entities
    }

    /// The cues as they were listed and compared one by one, kept as the oracle.
    const PLACE_CUES: &[&str] = &[
        "in", "to", "near", "over", "on", "at", "outside", "into", "toward", "towards", "across", "around",
        "via", "inside", "above", "visited", "visit",
    ];

    /// Words near the cues: each cue in any case, cut short, run on, or with a letter changed,
    /// and any short string.
    fn words_like_cues() -> impl Strategy<Value = String> {
        let near = (prop::sample::select(PLACE_CUES), any::<u64>(), 0..4u8, "[a-zA-Z\u{e9}\u{130}-]{0,2}")
            .prop_map(|(cue, case, change, extra)| {
                let mut word: String = cue
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if case >> (i % 64) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                    .collect();
                match change {
                    0 => {}
                    1 => word.truncate(word.len() - 1),
                    2 => word.push_str(&extra),
                    _ => word.replace_range(..1, &extra),
                }
                word
            });
        prop_oneof![near, "\\PC{0,9}"]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn place_cues_match_as_the_list_compared_one_by_one(word in words_like_cues()) {
            let listed = PLACE_CUES.iter().any(|p| word.eq_ignore_ascii_case(p));
            let text = format!("{word} Kyiv");
            prop_assert_eq!(is_place_cue(text.as_bytes(), Span::new(0, word.len())), listed, "{:?}", word);
            prop_assert_eq!(is_place_cue(word.as_bytes(), Span::new(0, word.len())), listed, "{:?}", word);
        }

        /// Each entity, and its `id` and `role`, which the JSON leaves out, is what it was when
        /// every mention was made on its own.
        #[test]
        fn entities_are_the_ones_linked_one_by_one(text in names_and_words()) {
            let catalog = catalog();
            let mut buffer = catalog.matcher.find(&text).candidates;
            let found = resolve(&text, &catalog, &mut buffer);
            let mut candidates = catalog.matcher.find(&text).candidates;
            ambiguity::filter(&text, &catalog, &mut candidates);
            let kept = overlap::select(&catalog, candidates);
            let expected = one_by_one(&text, &catalog, &kept);
            prop_assert_eq!(found.len(), expected.len());
            for (e, x) in found.iter().zip(&expected) {
                prop_assert_eq!((e, e.id, e.role), (x, x.id, x.role));
            }
        }

        /// Linking is skipped when the ambiguity policy saw no candidate that may be a partial
        /// name: then each kept mention must link to its pattern's first target, as linking
        /// says.
        #[test]
        fn without_partial_names_each_mention_links_to_its_first_target(text in names_and_words()) {
            let catalog = catalog();
            let mut candidates = catalog.matcher.find(&text).candidates;
            let some_partial = ambiguity::filter(&text, &catalog, &mut candidates);
            let kept = overlap::select(&catalog, candidates);
            if !some_partial.0 {
                let first: Vec<Option<Target>> =
                    kept.iter().map(|&c| catalog.matcher.targets(c).first().copied()).collect();
                prop_assert_eq!(link::link(&catalog, &kept), first);
            }
            prop_assert!(some_partial.0 || !kept.iter().any(|&c| catalog.matcher.facts(c).some_partial()));
        }
    }
}
