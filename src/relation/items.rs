//! Items: the materiel a supply moves or an attack uses — a named weapon system
//! ("Fath-360 close-range ballistic missile system" → Fath-360) or a generic phrase from the
//! materiel lexicon ("artillery shells", "unmanned aerial vehicles"), with the state that
//! made it when the text says so ("Iranian-made drones", "North Korean munitions").

use super::lexicon::Materiel;
use super::view::View;
use crate::entity::EntityKind;
use crate::gazetteer::SurfaceRole;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Item {
    /// First and last token of the phrase (the origin modifier excluded).
    pub first: usize,
    pub last: usize,
    /// The phrase as written.
    pub span: Span,
    /// A named weapon system in the phrase (entity index).
    pub weapon: Option<usize>,
    /// The token naming the state that made it, when written before the phrase.
    pub origin: Option<usize>,
}

/// What the materiel lexicon says of the word at `i`, and over how many tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordClass {
    pub len: usize,
    pub head: bool,
    pub weak: bool,
    pub modifier: bool,
    pub personnel: bool,
    pub made: bool,
}

/// Looks the word at `i` up in the materiel lexicon. The view does this once per token when
/// it is built; rules ask [`View::class`].
#[inline]
pub(crate) fn classify(v: &View, i: usize) -> WordClass {
    let mut c = WordClass::default();
    let Some(w) = v.word(i) else { return c };
    for (n, class) in v.phrases(&v.doc.lexicon.materiel, i) {
        // Take the longest phrase; shorter ones only add classes of the same length.
        if c.len != 0 && n < c.len {
            continue;
        }
        c.len = n;
        match class {
            Materiel::Head => c.head = true,
            Materiel::WeakHead => c.weak = true,
            Materiel::Modifier => c.modifier = true,
            Materiel::Personnel => c.personnel = true,
            Materiel::Made => c.made = true,
        }
    }
    // Asked of nearly every word, so the hyphen's place is tested before the suffix.
    let suffix =
        |end: &str| w.as_bytes().get(w.len().wrapping_sub(end.len())) == Some(&b'-') && w.ends_with(end);
    if c.len == 0 && (suffix("-range") || suffix("-guided") || suffix("-capable")) {
        c.len = 1;
        c.modifier = true;
    }
    c
}

/// Every item phrase of the sentence, in order.
#[cfg(test)]
pub(crate) fn items(v: &View) -> Vec<Item> {
    let mut out = Vec::new();
    items_into(v, &mut out);
    out
}

/// Every item phrase of the sentence, in order, in `out` (emptied first): the engine keeps
/// one list for a document's sentences.
pub(crate) fn items_into(v: &View, out: &mut Vec<Item>) {
    out.clear();
    let mut i = 0;
    // Only a materiel word or a name begins an item: the view lists the tokens that may,
    // and the others are passed over without the phrase loop, which would stop at once.
    for &start in v.names_and_materiel() {
        if start < i {
            continue;
        }
        // A name has no materiel class: of the names, only a weapon's begins an item, and the
        // phrase loop would stop at once at any other (most of those the view lists).
        let weapon = v.kind(start) == Some(EntityKind::Weapon);
        if !weapon && v.class(start).len == 0 {
            continue;
        }
        i = start;
        let (first, mut last, mut has_head, mut j) =
            if weapon { (i, i, true, i + 1) } else { (i, i, false, i) };
        let mut any = weapon;
        // The generic words of the phrase: modifiers, then heads ("close-range ballistic
        // missile system"); a weak head counts only after another word of the phrase.
        while j < v.len() {
            let c = v.class(j);
            if c.len == 0 || !(c.head || c.weak || c.modifier) {
                break;
            }
            // A weak head names materiel only after another word of the phrase, and modifies
            // nothing: in "supplies drones" it is the verb before its object.
            if !any && c.weak && !(c.head || c.modifier) {
                break;
            }
            // Nor does a head that is the verb between a name and its object: "Russia shells
            // Kharkiv", "Iran arms the Houthis".
            if !any && verb_between_names(v, j, c.len) {
                break;
            }
            if c.head || (c.weak && any) {
                last = j + c.len - 1;
                has_head = true;
            }
            any = true;
            j += c.len;
        }
        if has_head {
            let origin = origin_before(v, first);
            let weapon = if weapon { v.entity(i) } else { None };
            out.push(Item { first, last, span: v.span_of(first, last), weapon, origin });
            i = last + 1;
        } else {
            i = j.max(i + 1);
        }
    }
}

/// Whether the materiel word at `j` (of `len` tokens) is a verb of the trigger lexicon used as
/// one: a name that is no maker ("Russian", "Iran's") before it, and an object after it (a
/// name, or a determiner that opens one). "Russian shells hit Kharkiv" and "Iran's shells"
/// keep their item; so does "North Korea shells were fired", whose next word opens no object.
fn verb_between_names(v: &View, j: usize, len: usize) -> bool {
    let subject = j
        .checked_sub(1)
        .is_some_and(|k| v.entity(k).is_some() && !matches!(v.role(k), Some(SurfaceRole::Demonym)));
    let next = j + len;
    let object = v.entity(next).is_some() || v.is(next, &["the", "a", "an", "its", "their", "his", "her"]);
    subject && object && super::rules::verb_triggers(v, j).any(|n| n == len)
}

/// The state written as the maker right before an item: "Iranian drones", "Iranian-made
/// drones", "North Korea's missiles".
fn origin_before(v: &View, first: usize) -> Option<usize> {
    let mut k = first.checked_sub(1)?;
    if v.word(k).is_some() && v.class(k).made && k >= 1 && v.punct(k - 1) == Some('-') {
        k = k.checked_sub(2)?;
    }
    let is_state = v.kind(k) == Some(EntityKind::State);
    let adjectival = matches!(v.role(k), Some(SurfaceRole::Demonym));
    (is_state && adjectival).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::view::with_view;

    /// [`items`] as it was before it passed over the tokens that begin no item.
    fn old_items(v: &View) -> Vec<Item> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < v.len() {
            let weapon = v.kind(i) == Some(EntityKind::Weapon);
            let (first, mut last, mut has_head, mut j) =
                if weapon { (i, i, true, i + 1) } else { (i, i, false, i) };
            let mut any = weapon;
            while j < v.len() {
                let c = v.class(j);
                if c.len == 0 || !(c.head || c.weak || c.modifier) {
                    break;
                }
                if !any && c.weak && !(c.head || c.modifier) {
                    break;
                }
                if !any && verb_between_names(v, j, c.len) {
                    break;
                }
                if c.head || (c.weak && any) {
                    last = j + c.len - 1;
                    has_head = true;
                }
                any = true;
                j += c.len;
            }
            if has_head {
                let origin = origin_before(v, first);
                let weapon = if weapon { v.entity(i) } else { None };
                out.push(Item { first, last, span: v.span_of(first, last), weapon, origin });
                i = last + 1;
            } else {
                i = j.max(i + 1);
            }
        }
        out
    }

    #[test]
    fn items_are_those_of_the_phrase_loop_at_every_token() {
        let mut texts: Vec<String> = vec![
            "Iran supplies drones to Russia; Russia shells Kharkiv with Iranian-made Shahed-136 drones."
                .into(),
            "North Korea shells were fired, unmanned aerial vehicles and close-range ballistic missile \
             systems, 155mm artillery shells, Russian troops"
                .into(),
        ];
        texts.extend(crate::seed_texts());
        let mut found = 0;
        // One list for all the sentences, as the engine keeps it.
        let mut kept = Vec::new();
        for text in &texts {
            for line in text.lines().chain([text.as_str()]) {
                with_view(line, |v| {
                    let got = items(v);
                    assert_eq!(got, old_items(v), "{line:?}");
                    items_into(v, &mut kept);
                    assert_eq!(kept, got, "{line:?}");
                    found += got.len();
                });
            }
        }
        assert!(found > 50, "{found} items");
    }

    proptest::proptest! {
        /// Names beside materiel words, in any order: a weapon's name begins an item, another
        /// name none.
        #[test]
        fn items_of_generated_text_are_those_of_the_phrase_loop(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Iran", "Russian", "Iranian", "Shahed-136", "Fath-360", "Kim Jong Un", "Hamas", "drones",
                "shells", "artillery", "ballistic", "missile", "systems", "supplies", "arms", "-made",
                "-", "’s", "the", ",", "and", "troops", "long-range",
            ]), 0..24),
        ) {
            for text in [parts.join(" "), parts.concat()] {
                with_view(&text, |v| assert_eq!(items(v), old_items(v), "{text:?}"));
            }
        }
    }
}
