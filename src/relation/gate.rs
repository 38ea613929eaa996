//! The gate: which parts of a document can hold a relation at all.
//!
//! Every relation rule starts from a trigger word or, for `holds_office`, from a title word
//! next to a person's name. The gate's words are keywords of the matcher, so the pass that
//! finds the names finds them too; sentences are segmented and tokenized only in lines that
//! hold a trigger and a name, or a title word and a person, and text without a candidate
//! costs nothing beyond that one pass.
//!
//! A first word that is no trigger by itself ("in" of "in exchange for", "air" of "air
//! strike") would open nearly every sentence of news, so such a hit counts only when the next
//! word of the raw text can begin the phrase's second word.

use std::collections::BTreeMap;

use super::lexicon::{Lexicon, TitleWord};
use super::view::is_quote;
use crate::matcher::Keyword;
use crate::tokenize::is_word_char;

/// What a gate word may open.
#[derive(Clone, Debug, Default)]
struct Opens {
    /// A trigger phrase: `Some(None)` when the word is a trigger by itself (or begins a
    /// phrase whose second word the raw text cannot rule out, see [`checkable`]),
    /// `Some(Some(w))` when it only begins phrases whose second word is one of `w`.
    trigger: Option<Option<Box<[Box<str>]>>>,
    /// The head of an office title ("president", "prime minister").
    title: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Gate {
    /// The keywords for the matcher, and what each opens.
    words: Vec<String>,
    opens: Vec<Opens>,
}

/// Where the gate's words are in a document: start offsets, in order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Hits {
    pub triggers: Vec<usize>,
    pub titles: Vec<usize>,
}

impl Gate {
    /// The first words of every trigger phrase and title head.
    pub(crate) fn new(lexicon: &Lexicon) -> Gate {
        let mut words: BTreeMap<String, Opens> = BTreeMap::new();
        for w in lexicon.triggers.first_words(|_| true) {
            let seconds = lexicon
                .triggers
                .second_words(w)
                .filter(|s| s.iter().all(|w| checkable(w)))
                .map(|s| s.into_iter().map(Box::from).collect());
            words.entry(w.to_string()).or_default().trigger = Some(seconds);
        }
        for w in lexicon.titles.first_words(|c| c == TitleWord::Head) {
            words.entry(w.to_string()).or_default().title = true;
        }
        // Lexicon words are normalized to ASCII apostrophes; the text may have curly ones.
        let curly: Vec<(String, Opens)> = words
            .iter()
            .filter(|(w, _)| w.contains('\''))
            .map(|(w, o)| (w.replace('\'', "’"), o.clone()))
            .collect();
        words.extend(curly);
        let (words, opens) = words.into_iter().unzip();
        Gate { words, opens }
    }

    /// The words the matcher must report as [`Keyword`]s, by id.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// The trigger and title words of `text`, from the matcher's `keywords` in it.
    pub(crate) fn hits(&self, text: &str, keywords: &[Keyword]) -> Hits {
        let mut hits = Hits::default();
        let push = |list: &mut Vec<usize>, at: usize| {
            // Two keywords may start together ("secretary", "secretary-general").
            if list.last() != Some(&at) {
                list.push(at);
            }
        };
        for k in keywords {
            let Some(opens) = self.opens.get(k.id as usize) else { continue };
            let trigger = match &opens.trigger {
                None => false,
                Some(None) => true,
                Some(Some(seconds)) => next_begins(&text[k.span.end..], seconds),
            };
            if trigger {
                push(&mut hits.triggers, k.span.start);
            }
            if opens.title {
                push(&mut hits.titles, k.span.start);
            }
        }
        hits
    }
}

/// Whether the raw text can rule `word` out as the word after a gate word: only an ASCII
/// word without an apostrophe (the view normalizes apostrophes) is compared.
fn checkable(word: &str) -> bool {
    word.is_ascii() && !word.contains('\'')
}

/// Whether the next word of `rest` can be one of `words` (each [`checkable`]) as the
/// sentence view reads it. The view skips spaces and quotation marks between words, and its
/// word may stop short of the raw one (where a name begins), so the raw word need only begin
/// with the listed one. Erring towards yes costs a look at the sentence, never a relation.
fn next_begins(rest: &str, words: &[Box<str>]) -> bool {
    let next = rest.trim_start_matches(|c: char| c.is_whitespace() || is_quote(c));
    match next.chars().next() {
        Some(c) if is_word_char(c) => words.iter().any(|word| {
            next.len() >= word.len() && next.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::matcher::Matcher;

    fn hits(text: &str) -> (Vec<&str>, Vec<&str>) {
        let gate = Gate::new(Lexicon::builtin());
        let matcher = Matcher::build(&Gazetteer::new(), gate.words()).unwrap();
        let h = gate.hits(text, &matcher.find(text).keywords);
        let word = |&at: &usize| text[at..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        (h.triggers.iter().map(word).collect(), h.titles.iter().map(word).collect())
    }

    /// The trigger hits as the gate found them before it knew which second words can be
    /// checked: `may_begin` per second word, from the lexicon.
    fn old_triggers(gate: &Gate, lexicon: &Lexicon, text: &str, keywords: &[Keyword]) -> Vec<usize> {
        fn may_begin(rest: &str, word: &str) -> bool {
            if !word.is_ascii() || word.contains('\'') {
                return true;
            }
            let next = rest.trim_start_matches(|c: char| c.is_whitespace() || is_quote(c));
            match next.chars().next() {
                Some(c) if is_word_char(c) => {
                    next.len() >= word.len()
                        && next.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
                }
                _ => false,
            }
        }
        let mut out: Vec<usize> = Vec::new();
        for k in keywords {
            // The curly copies of a word open what the word with an ASCII apostrophe opens.
            let word = gate.words[k.id as usize].replace('’', "'");
            if !lexicon.triggers.first_words(|_| true).any(|w| w == word) {
                continue;
            }
            let trigger = match lexicon.triggers.second_words(&word) {
                None => true,
                Some(seconds) => seconds.iter().any(|w| may_begin(&text[k.span.end..], w)),
            };
            if trigger && out.last() != Some(&k.span.start) {
                out.push(k.span.start);
            }
        }
        out
    }

    fn same_triggers_as_before(lexicon: &Lexicon, text: &str) {
        let gate = Gate::new(lexicon);
        let matcher = Matcher::build(&Gazetteer::new(), gate.words()).unwrap();
        let keywords = matcher.find(text).keywords;
        assert_eq!(
            gate.hits(text, &keywords).triggers,
            old_triggers(&gate, lexicon, text, &keywords),
            "{text:?}"
        );
    }

    #[test]
    fn second_words_are_checked_as_before() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/corpus");
        for entry in std::fs::read_dir(dir).unwrap() {
            same_triggers_as_before(
                Lexicon::builtin(),
                &std::fs::read_to_string(entry.unwrap().path()).unwrap(),
            );
        }
        same_triggers_as_before(Lexicon::builtin(), &every_phrase(Lexicon::builtin()));
        // Second words the raw text cannot rule out: with an apostrophe, not ASCII.
        let mut lexicon = Lexicon::new();
        let phrases =
            "supply\tsend off\tframe=give\nsupply\tsend o'er\tframe=give\nsupply\tconvey über\tframe=give";
        lexicon.add_triggers("t", phrases).unwrap();
        same_triggers_as_before(&lexicon, &every_phrase(&lexicon));
        same_triggers_as_before(&lexicon, "send x, convey y, send “off”, convey über, send");
    }

    /// Every phrase of `lexicon`, its first word followed by its second in every way the raw
    /// text may write it, and by other words.
    fn every_phrase(lexicon: &Lexicon) -> String {
        let mut text = String::new();
        for first in lexicon.triggers.first_words(|_| true) {
            for second in lexicon.triggers.second_words(first).unwrap_or_default() {
                for gap in [" ", "  “", "\u{a0}\"", "\n", ", ", "-", ""] {
                    let upper = second.to_uppercase();
                    for then in
                        [second, upper.as_str(), second.get(..second.len() / 2).unwrap_or(second), "x", "’s"]
                    {
                        text.push_str(&format!("{first}{gap}{then} {} ", first.replace('\'', "’")));
                    }
                }
            }
        }
        text
    }

    #[test]
    fn phrase_openers_need_their_second_word() {
        assert_eq!(hits("Troops in Kursk, in “exchange for oil, in return").0, ["in", "in"]);
        assert_eq!(hits("In Kyiv an air raid, then air strikes.").0, ["air", "strikes"]);
        assert_eq!(hits("Iran supplied drones; Russia's shipment").0, ["supplied", "shipment"]);
    }

    #[test]
    fn title_heads_and_whole_words_only() {
        let (triggers, titles) = hits("Prime Minister Modi met President Xi; the presidential palace");
        assert_eq!(triggers, ["met"]);
        assert_eq!(titles, ["Prime", "Minister", "President"]);
        // A rejected match inside a word does not hide a trigger that starts inside it.
        assert_eq!(hits("grin-in exchange for").0, ["in"]);
        assert_eq!(hits("Putin Putin sent").0, ["sent"]);
    }
}
