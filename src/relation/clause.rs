//! Clauses: the stretch of a sentence a trigger's roles and modality cues are looked for in.
//!
//! A clause ends at `; : ( ) — –`, at a relative or subordinating word ("which", "while",
//! "although"), and at a comma that opens a new clause (", which", ", according to",
//! ", marking"). A comma inside a list ("artillery, munitions, and other weaponry") or
//! around a short aside ("may, in the future, seek") does not end it.

use super::view::{Tok, View, WordSet};

/// Words that start a clause of their own; "that" last, which does not end the clause it
/// follows.
const CLAUSE_WORDS: &[&str] =
    &["which", "who", "whom", "whose", "while", "whereas", "although", "though", "because", "but", "that"];

/// [`CLAUSE_WORDS`]: a clause starts after one.
const STARTS_AFTER: WordSet = WordSet::new(CLAUSE_WORDS);

/// [`CLAUSE_WORDS`] but "that": a clause ends before one.
const ENDS_BEFORE: WordSet = WordSet::new(match CLAUSE_WORDS.split_last() {
    Some((_, rest)) => rest,
    None => &[],
});

/// Words that may stand between a list comma and the next member ("drones, and even shells").
const LIST_GLUE: WordSet =
    WordSet::new(&["and", "or", "other", "even", "possibly", "specifically", "mainly", "mostly"]);

/// Words that, after a comma, start a new clause.
const OPENERS: WordSet = WordSet::new(&[
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
]);

/// What a token is to the clause searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edge {
    /// `; : ( ) — – . ? !`: ends a clause.
    Stop,
    Comma,
    /// A word of the set the search asked about.
    Word,
    Other,
}

/// The [`Edge`] of the token at `i`, reading the token once: the searches ask it of every
/// token they pass, most of which are other words.
#[inline(always)]
fn edge(v: &View, i: usize, words: &WordSet) -> Edge {
    match v.tokens.get(i).map(|t| t.tok) {
        Some(Tok::Punct(',')) => Edge::Comma,
        Some(Tok::Punct(';' | ':' | '(' | ')' | '—' | '–' | '.' | '?' | '!')) => Edge::Stop,
        Some(Tok::Word) if v.is_in(i, words) => Edge::Word,
        _ => Edge::Other,
    }
}

/// Whether the comma at `i` joins list members (both neighbours are names or materiel words).
/// A name followed by its own verb is no member but a new clause's subject: "to Russia, and
/// Iran supplies drones".
fn list_comma(v: &View, i: usize) -> bool {
    let member = |k: usize| v.entity(k).is_some() || v.class(k).len > 0;
    let mut after = i + 1;
    while v.is_in(after, &LIST_GLUE) || v.word(after).is_some_and(|w| w.ends_with("ly")) {
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
        let edge = edge(v, t, &STARTS_AFTER);
        if matches!(edge, Edge::Stop | Edge::Word) {
            return i;
        }
        if edge == Edge::Comma && !list_comma(v, t) {
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
        let edge = edge(v, t, &ENDS_BEFORE);
        if edge == Edge::Stop || (t > at + 1 && edge == Edge::Word) {
            return i;
        }
        if edge == Edge::Comma && !list_comma(v, t) {
            let next = v.word(t + 1);
            // ", to obtain …" opens a purpose clause; ", to Russia" does not.
            let infinitive = next == Some("to") && v.word(t + 2).is_some_and(|w| w != "the");
            let opener = v.is_in(t + 1, &OPENERS);
            let opens = next.is_none_or(|w| opener || w.ends_with("ing")) || infinitive;
            if opens && v.entity(t + 1).is_none() {
                return i;
            }
        }
        i = t;
    }
    i
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::relation::view::with_view;

    /// The words of the sets, whose fingerprints the view's test checks.
    pub(crate) const LISTED: &[&[&str]] =
        &[STARTS_AFTER.words, ENDS_BEFORE.words, LIST_GLUE.words, OPENERS.words];

    /// The clause words as the searches compared them before the sets.
    const OLD_CLAUSE_WORDS: &[&str] = &[
        "which", "who", "whom", "whose", "while", "whereas", "although", "though", "because", "but", "that",
    ];

    const OLD_OPENERS: &[&str] = &[
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

    fn old_hard_stop(v: &View, i: usize) -> bool {
        matches!(v.punct(i), Some(';' | ':' | '(' | ')' | '—' | '–' | '.' | '?' | '!'))
    }

    fn old_list_comma(v: &View, i: usize) -> bool {
        let member = |k: usize| v.entity(k).is_some() || v.class(k).len > 0;
        let mut after = i + 1;
        while v.is(after, &["and", "or", "other", "even", "possibly", "specifically", "mainly", "mostly"])
            || v.word(after).is_some_and(|w| w.ends_with("ly"))
        {
            after += 1;
        }
        i > 0 && member(i - 1) && member(after) && !(v.entity(after).is_some() && finite_verb(v, after + 1))
    }

    /// `clause_start` as it compared each token with the word lists.
    fn old_clause_start(v: &View, at: usize) -> usize {
        let mut i = at.min(v.len());
        while i > 0 {
            let t = i - 1;
            if old_hard_stop(v, t) || v.is(t, OLD_CLAUSE_WORDS) {
                return i;
            }
            if v.punct(t) == Some(',') && !old_list_comma(v, t) {
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

    /// `clause_end` as it compared each token with the word lists.
    fn old_clause_end(v: &View, at: usize) -> usize {
        let mut i = at;
        while i + 1 < v.len() {
            let t = i + 1;
            if old_hard_stop(v, t) || (t > at + 1 && v.is(t, &OLD_CLAUSE_WORDS[..OLD_CLAUSE_WORDS.len() - 1]))
            {
                return i;
            }
            if v.punct(t) == Some(',') && !old_list_comma(v, t) {
                let next = v.word(t + 1);
                let infinitive = next == Some("to") && v.word(t + 2).is_some_and(|w| w != "the");
                let opens = next.is_none_or(|w| OLD_OPENERS.contains(&w) || w.ends_with("ing")) || infinitive;
                if opens && v.entity(t + 1).is_none() {
                    return i;
                }
            }
            i = t;
        }
        i
    }

    /// Both searches, from every token of `text` and past its end, against the old ones;
    /// returns how many clauses do not span the whole view.
    fn check_searches(text: &str) -> usize {
        with_view(text, |v| {
            let mut inner = 0;
            for at in 0..=v.len() + 1 {
                let found = (clause_start(v, at), clause_end(v, at));
                assert_eq!(found, (old_clause_start(v, at), old_clause_end(v, at)), "token {at} of {text:?}");
                inner += usize::from(found != (0, v.len().saturating_sub(1)));
            }
            inner
        })
    }

    #[test]
    fn clauses_are_those_the_word_lists_gave() {
        let mut texts = vec![
            "Iran, which denies it, sent Russia drones, artillery, and shells; Kim met Putin (in Vostochny) \
             while Xi, the leader, may, in the future, watch, saying so."
                .to_string(),
            "WHICH Which whichever, THAT that, Although although, drones, and possibly mainly shells, \
             Iran supplies drones, according to Russia, to Syria, to obtain arms, to the Houthis."
                .into(),
        ];
        texts.extend(crate::seed_texts());
        let mut inner = 0;
        for text in &texts {
            for line in text.lines() {
                inner += check_searches(line);
            }
        }
        assert!(inner > 1000, "{inner} clauses inside their sentences");
    }

    proptest::proptest! {
        #[test]
        fn clauses_of_generated_text_are_those_the_word_lists_gave(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Iran", "Russia", "Kim Jong Un", "drones", "shells", "sent", "supplies", "met", "and", "or",
                "mainly", "possibly", "quickly", "the", "to", "that", "That", "THAT", "which", "Which", "but",
                "whose", "says", "said", "including", "according", "saying", "with", "as", "a", "x", "whichx",
                "thatt", "tha", ",", ";", ":", "(", ")", "—", "–", ".", "?", "!", "-", "/", "’s", "É", "opening",
            ]), 0..40),
        ) {
            check_searches(&parts.join(" "));
            check_searches(&parts.concat());
        }
    }

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
