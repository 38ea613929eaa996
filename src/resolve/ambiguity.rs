//! The ambiguity policy: surfaces flagged `ambiguous` in a gazetteer are ordinary words or
//! other people's names as well ("Chad", "Jordan", "Georgia", "Turkey", "Patriot", "Leopard",
//! "Tiger"). Their matches need context:
//!
//! - a weapon needs a materiel word or a weapon named without ambiguity next to it, also
//!   across a coordinated list of names ("Patriot missiles", "Leopard 2 tanks", "Patriot,
//!   IRIS-T and NASAMS batteries", "HIMARS and Patriot"), never across a sentence end;
//! - any other kind must not stand next to a capitalized word (separated by spaces only)
//!   that the gazetteer does not know, which is how personal and institutional names look:
//!   "Michael Jordan", "Chad Smith", "Georgia Tech". Function words ("In Georgia") and
//!   all-capitals headlines do not count.
//!
//! Case already excludes the common nouns ("turkey", "patriot"): surfaces match as written.
//!
//! A partial person name followed by a number is a date or a quantity, not a person: "May 5"
//! is not Theresa May even where she is named in full. A one-word person name after an
//! unknown first name is someone else ([`surname`]).

use super::span_index::{Longest, SpanIndex};
use super::{surname, Catalog};
use crate::entity::EntityKind;
use crate::matcher::{Candidate, Facts};
use crate::span::Span;
use crate::tokenize::{next_word, previous_word};

/// Words that make an ambiguous weapon name a weapon.
#[rustfmt::skip]
const MATERIEL: &[&str] = &[
    "air", "aircraft", "ammunition", "anti-aircraft", "artillery", "batteries", "battery", "bomb",
    "bombs", "bomber", "bombers", "plane", "planes", "warship", "warships", "defence", "defense",
    "drone", "drones", "fighter", "fighters", "frigate", "gun", "guns", "helicopter",
    "helicopters", "howitzer", "howitzers", "interceptor", "interceptors", "jet", "jets",
    "launcher", "launchers", "missile", "missiles", "munition", "munitions", "rocket", "rockets",
    "round", "rounds", "shell", "shells", "submarine", "system", "systems", "tank", "tanks",
    "units", "vehicle", "vehicles", "warhead", "warheads", "warplane", "warplanes", "weapon",
    "weapons", "surface-to-air", "self-propelled", "anti-tank", "armored", "armoured", "MANPADS",
    "SAM",
];

/// Capitalized words that are not names.
#[rustfmt::skip]
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "A", "About", "After", "Against", "Also", "An", "And", "As", "At", "Before", "Both", "But",
    "By", "During", "Even", "For", "From", "How", "If", "In", "Into", "Neighboring",
    "Neighbouring", "Of", "On", "Only", "Or", "Over", "Since", "So", "That", "The", "Then", "This",
    "To", "Under", "Unlike", "When", "Where", "While", "With", "Without", "Yet",
];

/// Whether some candidate of a document may be a partial person name, which linking must
/// look up: most documents hold none, and their mentions name their pattern's first target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SomePartial(pub bool);

/// Drops from `candidates` the matches their context does not support, and tells whether any
/// candidate, kept or not, may be a partial name.
pub(crate) fn filter(text: &str, catalog: &Catalog<'_>, candidates: &mut Vec<Candidate>) -> SomePartial {
    let entries = catalog.gazetteer.entries();
    let longest = Longest::new(candidates);
    // Neighbours the gazetteer knows for sure: a surname that only might link ("Smith" in
    // "Chad Smith") or another ambiguous word does not vouch for its neighbour.
    let facts = |c: Candidate| catalog.matcher.facts(c);
    let is_known = |c: Candidate| facts(c).known();
    let known = SpanIndex::new(candidates, &longest, &is_known);
    // Weapons named without ambiguity: in "Patriot, IRIS-T and NASAMS batteries" they make
    // every member of the list a weapon.
    let is_sure_weapon = |c: Candidate| facts(c).sure_weapon();
    let sure_weapons = SpanIndex::new(candidates, &longest, &is_sure_weapon);
    // The word before `candidates[i]` is the name before it, when only spaces lie between:
    // then it is no unknown first name if the gazetteer knows that name for sure. This asks
    // the list in hand what `after_unknown_first_name` would search for, and a document that
    // repeats a name ("Putin Putin …") asks it once per mention.
    let follows_known = |i: usize| {
        let Some(&before) = i.checked_sub(1).and_then(|p| candidates.get(p)) else { return false };
        let (end, start) = (before.span.end, candidates[i].span.start);
        end < start
            && text.as_bytes()[end..start].iter().all(|&b| b == b' ' || b == b'\t')
            && is_known(before)
    };
    let keep = |i: usize, c: Candidate, facts: Facts| {
        if facts.partial() && surname::before_a_number(text, c.span) {
            return false;
        }
        if facts.one_word_person()
            && !follows_known(i)
            && surname::after_unknown_first_name(text, c.span, i, &known)
        {
            return false;
        }
        if facts.sure() {
            return true;
        }
        catalog.matcher.targets(c).iter().any(|t| match entries[t.entry as usize].kind {
            EntityKind::Weapon => weapon_context(text, c.span, &sure_weapons),
            _ => !next_to_unknown_name(text, c.span, &known),
        })
    };
    // Decided first, then removed in place: the questions read the whole list as the matcher
    // found it. Only the dropped are listed, and most documents drop few or none: a flag per
    // candidate cost a document that repeats a name a million times a fresh list as long.
    let mut dropped = Vec::new();
    let mut some_partial = false;
    for (i, &c) in candidates.iter().enumerate() {
        let facts = facts(c);
        some_partial |= facts.some_partial();
        if !keep(i, c, facts) {
            dropped.push(i);
        }
    }
    if !dropped.is_empty() {
        let mut dropped = dropped.into_iter().peekable();
        let mut i = 0;
        candidates.retain(|_| {
            let drop = dropped.next_if_eq(&i).is_some();
            i += 1;
            !drop
        });
    }
    SomePartial(some_partial)
}

/// A materiel word, or a hyphenated compound with one ("air-defense", "Iranian-made drone").
fn is_materiel(word: &str) -> bool {
    core::iter::once(word).chain(word.split('-')).any(|w| MATERIEL.iter().any(|m| m.eq_ignore_ascii_case(w)))
}
/// How far a coordinated list may run before its head noun ("Patriot, IRIS-T, NASAMS and
/// Hawk systems").
const LIST_WORDS: usize = 8;

/// Whether an ambiguous weapon name has a materiel word or a certain weapon next to it,
/// directly or across a coordinated list of names.
fn weapon_context(text: &str, span: Span, sure_weapons: &SpanIndex) -> bool {
    let is_weapon = |w: Span| sure_weapons.overlaps(w, None);
    let is_link = |w: Span| matches!(&text[w], "and" | "or" | "&");
    // Before the name: a materiel word or a certain weapon, possibly across "and"/"or"/",".
    let mut before = previous_word(text, span.start, false);
    if let Some(w) = before.filter(|&w| is_link(w)) {
        before = previous_word(text, w.start, false);
    }
    let gap_before = before.map_or("", |w| &text[w.end..span.start]);
    if !gap_before.contains(['.', ';', '\n']) && before.is_some_and(|w| is_materiel(&text[w]) || is_weapon(w))
    {
        return true;
    }
    let mut at = span.end;
    for _ in 0..LIST_WORDS {
        let Some(w) = next_word(text, at, false) else { return false };
        // Only spaces or a list comma may separate the words: never a sentence end.
        let gap = text[at..w.start].trim();
        if !(gap.is_empty() || gap == ",") {
            return false;
        }
        if is_materiel(&text[w]) || is_weapon(w) {
            return true;
        }
        // Between the name and its head only list words and capitalized names may stand.
        let name = text[w].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !(is_link(w) || name || at == span.end) {
            return false;
        }
        at = w.end;
    }
    false
}

fn next_to_unknown_name(text: &str, span: Span, known: &SpanIndex) -> bool {
    let shouting = !text[span].bytes().any(|b| b.is_ascii_lowercase());
    let looks_like_name = |w: Span| {
        let word = &text[w];
        // In an all-capitals headline every word is capitalized; that says nothing.
        let headline = shouting && !word.bytes().any(|b| b.is_ascii_lowercase());
        word.chars().next().is_some_and(char::is_uppercase)
            && !headline
            && !FUNCTION_WORDS.contains(&word)
            && !known.overlaps(w, Some(span))
    };
    previous_word(text, span.start, true).is_some_and(looks_like_name)
        || next_word(text, span.end, true).is_some_and(looks_like_name)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::resolve::tests::{catalog, names_and_words};

    /// The filter before it listed only the dropped candidates, kept as the oracle: a flag per
    /// candidate, then `retain`.
    fn with_flags(text: &str, catalog: &Catalog<'_>, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
        let entries = catalog.gazetteer.entries();
        let all = candidates.clone();
        let longest = Longest::new(&all);
        // Neighbours the gazetteer knows for sure: a surname that only might link ("Smith" in
        // "Chad Smith") or another ambiguous word does not vouch for its neighbour.
        let facts = |c: Candidate| catalog.matcher.facts(c);
        let is_known = |c: Candidate| facts(c).known();
        let known = SpanIndex::new(&candidates, &longest, &is_known);
        // Weapons named without ambiguity: in "Patriot, IRIS-T and NASAMS batteries" they make
        // every member of the list a weapon.
        let is_sure_weapon = |c: Candidate| facts(c).sure_weapon();
        let sure_weapons = SpanIndex::new(&candidates, &longest, &is_sure_weapon);
        // The word before `candidates[i]` is the name before it, when only spaces lie between:
        // then it is no unknown first name if the gazetteer knows that name for sure. This asks
        // the list in hand what `after_unknown_first_name` would search for, and a document that
        // repeats a name ("Putin Putin …") asks it once per mention.
        let follows_known = |i: usize| {
            let Some(&before) = i.checked_sub(1).and_then(|p| candidates.get(p)) else { return false };
            let (end, start) = (before.span.end, candidates[i].span.start);
            end < start
                && text.as_bytes()[end..start].iter().all(|&b| b == b' ' || b == b'\t')
                && is_known(before)
        };
        // Decided first and removed in place: a document that repeats a name a million times
        // would otherwise fill a second list as long as the first.
        let keep: Vec<bool> = (0..candidates.len())
            .map(|i| {
                let c = candidates[i];
                let facts = facts(c);
                if facts.partial() && surname::before_a_number(text, c.span) {
                    return false;
                }
                if facts.one_word_person()
                    && !follows_known(i)
                    && surname::after_unknown_first_name(text, c.span, i, &known)
                {
                    return false;
                }
                if facts.sure() {
                    return true;
                }
                catalog.matcher.targets(c).iter().any(|t| match entries[t.entry as usize].kind {
                    EntityKind::Weapon => weapon_context(text, c.span, &sure_weapons),
                    _ => !next_to_unknown_name(text, c.span, &known),
                })
            })
            .collect();
        let mut keep = keep.into_iter();
        candidates.retain(|_| keep.next().unwrap_or(false));
        candidates
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn keeps_what_a_flag_per_candidate_kept(text in names_and_words()) {
            let catalog = catalog();
            let mut candidates = catalog.matcher.find(&text).candidates;
            let expected = with_flags(&text, &catalog, candidates.clone());
            filter(&text, &catalog, &mut candidates);
            prop_assert_eq!(candidates, expected);
        }
    }
}
