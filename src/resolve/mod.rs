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

use std::cell::RefCell;
use std::sync::Arc;

pub use overlap::OverlapPolicy;

use self::ambiguity::SomePartial;

use crate::entity::{Entity, EntityId, EntityKind};
use crate::gazetteer::{Gazetteer, SurfaceRole};
use crate::matcher::{Candidate, Matcher, Target};
use crate::span::Span;
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
    let mut candidates = core::mem::take(buffer);
    let some_partial = ambiguity::filter(text, catalog, &mut candidates);
    let kept = overlap::select(catalog, candidates);
    let entities = TEXTS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slots) => linked_entities(text, catalog, &kept, some_partial, &mut slots.next_document()),
        Err(_) => {
            let mut slots = Slots { document: 0, slots: Vec::new() };
            linked_entities(text, catalog, &kept, some_partial, &mut slots.next_document())
        }
    });
    *buffer = kept;
    entities
}

/// The entities of the kept candidates, linked. Without a partial name each mention names its
/// pattern's first target, which is what linking would say: the list of links is then not
/// made.
fn linked_entities(
    text: &str,
    catalog: &Catalog<'_>,
    kept: &[Candidate],
    some_partial: SomePartial,
    texts: &mut Texts<'_>,
) -> Vec<Entity> {
    let linked = some_partial.0.then(|| link::link(catalog, kept));
    entities(text, catalog, kept, linked.as_deref(), texts)
}

/// The entities of the kept candidates that link to an entry: `linked[i]`, or without a list
/// the first target of each.
fn entities(
    text: &str,
    catalog: &Catalog<'_>,
    kept: &[Candidate],
    linked: Option<&[Option<Target>]>,
    texts: &mut Texts<'_>,
) -> Vec<Entity> {
    let entries = catalog.gazetteer.entries();
    let mut entities = Vec::with_capacity(kept.len());
    for (i, &c) in kept.iter().enumerate() {
        let caps = catalog.matcher.in_capitals(text, c);
        // Without links a mention's entity is its pattern's, and only a capital's kind depends
        // on the words around it: an earlier mention written alike gives all but the span.
        if linked.is_none() {
            let earlier =
                texts.earlier(&entities, c.pattern, caps).filter(|e| e.role != SurfaceRole::Capital);
            if let Some(e) = earlier {
                let entity = Entity { span: c.span, ..e.clone() };
                entities.push(entity);
                continue;
            }
        }
        let target = match linked {
            Some(linked) => linked.get(i).copied().flatten(),
            None => catalog.matcher.targets(c).first().copied(),
        };
        let Some(target) = target else { continue };
        let entry = &entries[target.entry as usize];
        let kind = match target.role {
            SurfaceRole::Capital if stands_for_location(text, c.span.start) => EntityKind::Place,
            _ => entry.kind,
        };
        let written = texts.get(&entities, text, c.span, c.pattern, caps);
        entities.push(Entity {
            kind,
            name: catalog.names[target.entry as usize].clone(),
            span: c.span,
            text: written,
            id: EntityId(target.entry),
            role: target.role,
        });
    }
    entities
}

thread_local! {
    /// The slots of [`Texts`], kept between the documents a thread resolves.
    static TEXTS: RefCell<Slots> = const { RefCell::new(Slots { document: 0, slots: Vec::new() }) };
}

/// The table behind [`Texts`]: a slot per pattern and way of writing it, and the number of
/// the document being resolved, which marks the slots it has set.
struct Slots {
    document: u32,
    slots: Vec<Slot>,
}

/// The entity whose text a document made last for one pattern written one way.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The document that set the slot; 0 for none.
    document: u32,
    entity: u32,
}

impl Slots {
    /// The slots for the next document: those of earlier documents no longer count. After
    /// `u32::MAX` documents the numbers start again from a cleared table.
    fn next_document(&mut self) -> Texts<'_> {
        self.document = self.document.wrapping_add(1);
        if self.document == 0 {
            self.slots.fill(Slot::default());
            self.document = 1;
        }
        Texts { document: self.document, slots: &mut self.slots }
    }
}

/// The texts of a document's mentions, shared between the mentions that write a name the
/// same way: a document names few entities many times, and one allocation per mention was
/// most of the cost of a document that repeats a name.
///
/// A match writes its pattern as the pattern does or in its ASCII capitals
/// ([`Matcher::in_capitals`]), so the pattern and the way of writing it tell the text. The
/// slot of each holds the latest entity whose text was made for it, believed if this document
/// set it: the text is then shared without comparing it with the span, which cost a `memcmp`
/// per mention. Unlike a small cache indexed by pattern, two patterns of a document never
/// evict each other: a 32-slot cache allocated 486 texts per pass over the seeds, the slots
/// 304. They take sixteen bytes per pattern (about 300 KB per thread for the default
/// gazetteers); one slot per pattern that also kept the way of writing cost 0.1% more.
struct Texts<'a> {
    document: u32,
    slots: &'a mut Vec<Slot>,
}

impl Texts<'_> {
    /// The text at `span` of `text` of the entity about to be pushed to `entities`, found as
    /// `pattern`, written in capitals if `caps`.
    #[inline]
    fn get(&mut self, entities: &[Entity], text: &str, span: Span, pattern: u32, caps: bool) -> Arc<str> {
        if let Some(e) = self.earlier(entities, pattern, caps) {
            return e.text.clone();
        }
        let key = 2 * pattern as usize + usize::from(caps);
        if key >= self.slots.len() {
            self.slots.resize(key + 1, Slot::default());
        }
        // Past u32::MAX entities the slot keeps naming an earlier entity of the same text.
        if let Ok(entity) = u32::try_from(entities.len()) {
            self.slots[key] = Slot { document: self.document, entity };
        }
        Arc::from(&text[span])
    }

    /// The entity of `entities` whose text was made for `pattern` written in capitals if
    /// `caps`, if any.
    #[inline]
    fn earlier<'e>(&self, entities: &'e [Entity], pattern: u32, caps: bool) -> Option<&'e Entity> {
        let slot = self.slots.get(2 * pattern as usize + usize::from(caps))?;
        entities.get(slot.entity as usize).filter(|_| slot.document == self.document)
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
    use proptest::prelude::*;

    use super::*;
    use crate::Extractor;

    /// The cache the slots replaced, kept as the oracle: 32 slots by pattern.
    #[derive(Default)]
    struct Cache {
        slots: [Option<(u32, Arc<str>)>; 32],
    }

    impl Cache {
        fn get(&mut self, surface: &str, pattern: u32) -> Arc<str> {
            let slot = &mut self.slots[pattern as usize % 32];
            match slot {
                Some((p, text)) if *p == pattern && **text == *surface => text.clone(),
                _ => slot.insert((pattern, Arc::from(surface))).1.clone(),
            }
        }
    }

    fn entity(text: Arc<str>) -> Entity {
        Entity {
            kind: EntityKind::Person,
            name: Arc::from("x"),
            span: Span::new(0, 0),
            text,
            id: EntityId(0),
            role: SurfaceRole::Name,
        }
    }

    /// Distinct allocations among `texts`.
    fn allocations(texts: &[Arc<str>]) -> usize {
        let mut pointers: Vec<*const u8> = texts.iter().map(|t| t.as_ptr()).collect();
        pointers.sort_unstable();
        pointers.dedup();
        pointers.len()
    }

    proptest! {
        /// Documents resolved one after another on one table of slots, which every document
        /// leaves behind: each text must be the mention's, as the cache gave it, and the slots
        /// must never allocate more often than the cache did. Few surfaces and patterns, so
        /// that they repeat, collide in the cache and meet stale slots.
        #[test]
        fn slots_give_the_texts_the_cache_gave(
            documents in prop::collection::vec(prop::collection::vec((0..80u32, any::<bool>()), 0..40), 1..6),
            first in prop::sample::select(vec![0, u32::MAX - 2]),
        ) {
            // A pattern's text, as written or in capitals: a function of the two, as a match's is.
            // A pattern in capitals already always matches as written.
            let written = |pattern: u32, caps: bool| {
                let name = ["Putin", "Kim", "Xi", "NATO"][pattern as usize % 4];
                if caps { name.to_ascii_uppercase() } else { name.to_string() }
            };
            let documents: Vec<Vec<(u32, bool)>> = documents
                .into_iter()
                .map(|d| d.into_iter().map(|(p, caps)| (p, caps && p % 4 != 3)).collect())
                .collect();
            let mut slots = Slots { document: first, slots: Vec::new() };
            for mentions in documents {
                let (mut cache, mut texts) = (Cache::default(), slots.next_document());
                let mut entities = Vec::new();
                let mut cached = Vec::new();
                for &(pattern, caps) in &mentions {
                    let surface = &*written(pattern, caps);
                    let text = texts.get(&entities, surface, Span::new(0, surface.len()), pattern, caps);
                    let expected = cache.get(surface, pattern);
                    prop_assert_eq!(&*text, &*expected);
                    entities.push(entity(text));
                    cached.push(expected);
                }
                let texts: Vec<Arc<str>> = entities.into_iter().map(|e| e.text).collect();
                prop_assert!(allocations(&texts) <= allocations(&cached));
            }
        }
    }

    /// The default gazetteer's catalog, built once.
    pub(super) fn catalog() -> Catalog<'static> {
        static BUILT: once_cell::sync::Lazy<(Matcher, Vec<Arc<str>>)> = once_cell::sync::Lazy::new(|| {
            let g = Gazetteer::builtin();
            let names = g.entries().iter().map(|e| Arc::from(e.name.as_str())).collect();
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

    /// The entities as they were made before mentions shared them: each from its link,
    /// linking every document, each text compared with the span.
    fn one_by_one(text: &str, catalog: &Catalog<'_>, kept: &[Candidate]) -> Vec<Entity> {
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
                name: catalog.names[target.entry as usize].clone(),
                span: c.span,
                text: Arc::from(&text[c.span]),
                id: EntityId(target.entry),
                role: target.role,
            });
        }
        entities
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Each entity, and its `id` and `role`, which the JSON leaves out, is what it was when
        /// every mention was made on its own.
        #[test]
        fn shared_entities_are_the_ones_made_one_by_one(text in names_and_words()) {
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
