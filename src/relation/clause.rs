//! Clauses: the stretch of a sentence a trigger's roles and modality cues are looked for in.
//!
//! A clause ends at `; : ( ) — –`, at a relative or subordinating word ("which", "while",
//! "although"), and at a comma that opens a new clause (", which", ", according to",
//! ", marking"). A comma inside a list ("artillery, munitions, and other weaponry") or
//! around a short aside ("may, in the future, seek") does not end it.

use super::view::View;

/// Words that start a clause of their own.
const CLAUSE_WORDS: &[&str] =
    &["which", "who", "whom", "whose", "while", "whereas", "although", "though", "because", "but", "that"];

/// Words that, after a comma, start a new clause.
const OPENERS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "while",
    "whereas",
    "although",
    "though",
    "because",
    "but",
    "with",
    "as",
    "according",
    "including",
    "after",
    "before",
    "when",
    "where",
    "since",
    "if",
    "unless",
    "amid",
    "despite",
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "his",
    "her",
    "its",
    "their",
    "and",
    "or",
    "yet",
    "so",
    "saying",
    "said",
    "says",
    "told",
    "noted",
    "added",
];

fn hard_stop(v: &View, i: usize) -> bool {
    matches!(v.punct(i), Some(';' | ':' | '(' | ')' | '—' | '–' | '.' | '?' | '!'))
}

/// Whether the comma at `i` joins list members (both neighbours are names or materiel words).
/// A name followed by its own verb is no member but a new clause's subject: "to Russia, and
/// Iran supplies drones".
fn list_comma(v: &View, i: usize) -> bool {
    let member = |k: usize| v.entity(k).is_some() || v.class(k).len > 0;
    let mut after = i + 1;
    while v.is(after, &["and", "or", "other", "even", "possibly", "specifically", "mainly", "mostly"])
        || v.word(after).is_some_and(|w| w.ends_with("ly"))
    {
        after += 1;
    }
    i > 0 && member(i - 1) && member(after) && !(v.entity(after).is_some() && finite_verb(v, after + 1))
}

/// Whether the word at `i` is a finite verb: an auxiliary, a past form, or a trigger verb not
/// in "-ing" ("supplies", "sent", "met").
fn finite_verb(v: &View, i: usize) -> bool {
    v.word(i).is_some_and(|w| {
        !w.ends_with("ing")
            && (super::args::is_finite(w) || super::rules::verb_triggers(v, i).next().is_some())
    })
}

/// First and last token of the clause holding token `at`.
pub(crate) fn clause(v: &View, at: usize) -> (usize, usize) {
    v.clause_of(at, || (clause_start(v, at), clause_end(v, at)))
}

pub(crate) fn clause_start(v: &View, at: usize) -> usize {
    let mut i = at.min(v.len());
    while i > 0 {
        let t = i - 1;
        if hard_stop(v, t) || v.is(t, CLAUSE_WORDS) {
            return i;
        }
        if v.punct(t) == Some(',') && !list_comma(v, t) {
            // A short aside between two commas ("may, in the future, seek") is skipped.
            match (t.saturating_sub(6)..t).rev().find(|&u| v.punct(u) == Some(',')) {
                Some(u) if (u + 1..t).all(|k| v.entity(k).is_none() && v.punct(k).is_none()) && u > 0 => {
                    i = u;
                    continue;
                }
                _ => return i,
            }
        }
        i = t;
    }
    0
}

pub(crate) fn clause_end(v: &View, at: usize) -> usize {
    let mut i = at;
    while i + 1 < v.len() {
        let t = i + 1;
        if hard_stop(v, t) || (t > at + 1 && v.is(t, &CLAUSE_WORDS[..CLAUSE_WORDS.len() - 1])) {
            return i;
        }
        if v.punct(t) == Some(',') && !list_comma(v, t) {
            let next = v.word(t + 1);
            // ", to obtain …" opens a purpose clause; ", to Russia" does not.
            let infinitive = next == Some("to") && v.word(t + 2).is_some_and(|w| w != "the");
            let opens = next.is_none_or(|w| OPENERS.contains(&w) || w.ends_with("ing")) || infinitive;
            if opens && v.entity(t + 1).is_none() {
                return i;
            }
        }
        i = t;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::view::with_view;

    /// The view remembers the clause asked for last: asked in any order, again and again,
    /// it must answer as the search does.
    #[test]
    fn a_remembered_clause_is_the_clause() {
        let text = "Iran, which denies it, sent Russia drones, artillery, and shells; Kim met Putin \
                    (in Vostochny) while Xi, the leader, may, in the future, watch, saying so.";
        with_view(text, |v| {
            let searched: Vec<(usize, usize)> =
                (0..=v.len()).map(|at| (clause_start(v, at), clause_end(v, at))).collect();
            assert!(searched.iter().any(|&c| c != searched[0]), "one clause only: {searched:?}");
            for at in (0..=v.len()).chain((0..=v.len()).rev()).flat_map(|at| [at, at]) {
                assert_eq!(clause(v, at), searched[at], "token {at}");
            }
        });
    }
}
