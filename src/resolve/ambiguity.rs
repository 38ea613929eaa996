//! The ambiguity policy: surfaces flagged `ambiguous` in a gazetteer are ordinary words or
//! other people's names as well ("Chad", "Jordan", "Georgia", "Turkey", "Patriot", "Leopard",
//! "Tiger"). Their matches need context:
//!
//! - a weapon needs a materiel word just before or within two words after it ("Patriot
//!   missiles", "Leopard 2 tanks", "German Leopard tanks");
//! - any other kind must not stand next to a capitalized word (separated by spaces only)
//!   that the gazetteer does not know, which is how personal and institutional names look:
//!   "Michael Jordan", "Chad Smith", "Georgia Tech". Function words ("In Georgia") and
//!   all-capitals headlines do not count.
//!
//! Case already excludes the common nouns ("turkey", "patriot"): surfaces match as written.

use super::Catalog;
use crate::entity::EntityKind;
use crate::matcher::Candidate;
use crate::span::Span;
use crate::tokenize::{next_word, previous_word};

/// Words that make an ambiguous weapon name a weapon.
const MATERIEL: &[&str] = &[
    "air",
    "aircraft",
    "ammunition",
    "anti-aircraft",
    "artillery",
    "batteries",
    "battery",
    "bomber",
    "bombers",
    "defence",
    "defense",
    "drone",
    "drones",
    "fighter",
    "fighters",
    "frigate",
    "gun",
    "guns",
    "helicopter",
    "helicopters",
    "howitzer",
    "howitzers",
    "interceptor",
    "interceptors",
    "jet",
    "jets",
    "launcher",
    "launchers",
    "missile",
    "missiles",
    "munition",
    "munitions",
    "rocket",
    "rockets",
    "round",
    "rounds",
    "shell",
    "shells",
    "submarine",
    "system",
    "systems",
    "tank",
    "tanks",
    "units",
    "vehicle",
    "vehicles",
    "warhead",
    "warheads",
    "warplane",
    "warplanes",
    "weapon",
    "weapons",
    "surface-to-air",
    "self-propelled",
    "anti-tank",
    "armored",
    "armoured",
    "MANPADS",
    "SAM",
];

/// Capitalized words that are not names.
const FUNCTION_WORDS: &[&str] = &[
    "A",
    "About",
    "After",
    "Against",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "Both",
    "But",
    "By",
    "During",
    "Even",
    "For",
    "From",
    "How",
    "If",
    "In",
    "Into",
    "Neighboring",
    "Neighbouring",
    "Of",
    "On",
    "Only",
    "Or",
    "Over",
    "Since",
    "So",
    "That",
    "The",
    "Then",
    "This",
    "To",
    "Under",
    "Unlike",
    "When",
    "Where",
    "While",
    "With",
    "Without",
    "Yet",
];

pub(crate) fn filter(text: &str, catalog: &Catalog<'_>, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let spans: Vec<Span> = candidates.iter().map(|c| c.span).collect();
    let entries = catalog.gazetteer.entries();
    candidates
        .iter()
        .copied()
        .filter(|&c| {
            let targets = catalog.matcher.targets(c);
            if targets.iter().any(|t| !t.ambiguous) {
                return true;
            }
            targets.iter().any(|t| match entries[t.entry as usize].kind {
                EntityKind::Weapon => weapon_context(text, c.span),
                _ => !next_to_unknown_name(text, c.span, &spans),
            })
        })
        .collect()
}

fn is_materiel(word: &str) -> bool {
    MATERIEL.iter().any(|m| m.eq_ignore_ascii_case(word))
        || word.split('-').any(|part| MATERIEL.contains(&part.to_ascii_lowercase().as_str()))
}

fn weapon_context(text: &str, span: Span) -> bool {
    if previous_word(text, span.start, true).is_some_and(|w| is_materiel(&text[w])) {
        return true;
    }
    let mut at = span.end;
    for _ in 0..2 {
        match next_word(text, at, true) {
            Some(w) if is_materiel(&text[w]) => return true,
            Some(w) => at = w.end,
            None => return false,
        }
    }
    false
}

fn next_to_unknown_name(text: &str, span: Span, known: &[Span]) -> bool {
    let shouting = !text[span].bytes().any(|b| b.is_ascii_lowercase());
    let looks_like_name = |w: Span| {
        let word = &text[w];
        // In an all-capitals headline every word is capitalized; that says nothing.
        let headline = shouting && !word.bytes().any(|b| b.is_ascii_lowercase());
        word.chars().next().is_some_and(char::is_uppercase)
            && !headline
            && !FUNCTION_WORDS.contains(&word)
            && !known.iter().any(|k| k.overlaps(w) && *k != span)
    };
    previous_word(text, span.start, true).is_some_and(looks_like_name)
        || next_word(text, span.end, true).is_some_and(looks_like_name)
}
