//! A one-word person name after a first name the gazetteer does not know names someone
//! else: "Hunter Biden" and "Melania Trump" are not Joe Biden and Donald Trump, and
//! "Aliaksandr Lukashenka" is better missed than cut to "Lukashenka" with the wrong span.
//!
//! The preceding word counts as a first name when it is capitalized, stands on the same line
//! with only spaces between, is not a title, weekday, month or function word, is not itself a
//! known name, and is not the first word of a sentence (where every word is capitalized, so
//! "Yesterday Putin said" keeps its Putin).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::ambiguity::FUNCTION_WORDS;
use super::span_index::SpanIndex;
use crate::hash::BuildWordHasher;
use crate::span::Span;
use crate::tokenize::{next_word, previous_word};

/// Capitalized words that precede a surname without being a first name: titles and ranks
/// (as written without a full stop; after "Gen." the full stop already separates the
/// words), honorifics, weekdays and months.
#[rustfmt::skip]
const NOT_FIRST_NAMES: &[&str] = &[
    "Admiral", "Adm", "Ambassador", "Amb", "Archbishop", "Ayatollah", "Brig", "Brigadier", "Cabinet",
    "Capt", "Captain", "Cardinal", "Chairman", "Chairwoman", "Chancellor", "Chief", "Col", "Colonel",
    "Commander", "Comrade", "Congressman", "Congresswoman", "Councillor", "Czar", "Defence", "Defense",
    "Deputy", "Director", "Dr", "Emir", "Envoy", "Foreign", "Former", "Gen", "General", "Gov",
    "Governor", "Grand", "Imam", "Judge", "Justice", "King", "Leader", "Lieutenant", "Lord", "Lt",
    "Maj", "Major", "Marshal", "Mayor", "Minister", "Mr", "Mrs", "Ms", "Mullah", "Pope", "Premier",
    "President", "Prime", "Prince", "Princess", "Prof", "Professor", "Queen", "Rep", "Representative",
    "Secretary", "Sen", "Senator", "Sergeant", "Sgt", "Sheikh", "Sir", "Speaker", "Spokesman",
    "Spokesperson", "Spokeswoman", "Sultan", "Supreme", "Tsar", "Vice",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// Both lists as one set: the test runs for every one-word person name after a capitalized
/// word, a million times in a document that repeats one name, where scanning 140 strings
/// each time cost more than everything else about the name.
static NOT_A_FIRST_NAME: Lazy<HashSet<&'static str, BuildWordHasher>> =
    Lazy::new(|| NOT_FIRST_NAMES.iter().chain(FUNCTION_WORDS).copied().collect());

/// Whether the one-word person name at `span`, the candidate at `place` in the list `known`
/// indexes (ordered by start), follows another person's first name. `known` holds the names
/// the gazetteer knows for sure.
pub(crate) fn after_unknown_first_name(text: &str, span: Span, place: usize, known: &SpanIndex) -> bool {
    let Some(first) = previous_word(text, span.start, true) else { return false };
    let word = &text[first];
    let capitalized = match word.as_bytes() {
        [first, rest @ ..] if word.is_ascii() => {
            first.is_ascii_uppercase() && rest.iter().any(u8::is_ascii_lowercase)
        }
        _ => {
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).any(char::is_lowercase)
        }
    };
    // The known names first: the candidates before this one, back from it, are cheaper to
    // ask than hashing the word, and a name repeated or listed ("Putin, Xi") is answered by
    // them. None from this one on starts before the word ends.
    if !capitalized || known.overlaps_before(place, first) || NOT_A_FIRST_NAME.contains(word) {
        return false;
    }
    // Inside a sentence: the word before the first name ends with no sentence break.
    match previous_word(text, first.start, false) {
        Some(before) => !text[before.end..first.start].contains(['.', '!', '?', '\n', '\r', ':', '“', '"']),
        None => false,
    }
}

/// Whether a partial name stands before a number: "May 5" is a date, not Theresa May, even
/// where she is named in full.
///
/// The next word on the line starts at the first byte after the spaces and tabs, when that
/// byte is ASCII: a digit starts a word, a letter one that is no number, anything else ends
/// the line's words. Only another byte needs [`next_word`]'s look at characters, which cost
/// every partial name about 140 instructions.
pub(crate) fn before_a_number(text: &str, span: Span) -> bool {
    let after = text.as_bytes().get(span.end..).unwrap_or_default();
    match after.iter().find(|&&b| b != b' ' && b != b'\t') {
        Some(b) if !b.is_ascii() => by_words_before_a_number(text, span),
        Some(b) => b.is_ascii_digit(),
        None => false,
    }
}

/// [`before_a_number`] by the next word.
fn by_words_before_a_number(text: &str, span: Span) -> bool {
    next_word(text, span.end, true).is_some_and(|w| text[w].starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::span_index::Longest;

    fn check(text: &str, name: &str) -> bool {
        let at = text.find(name).unwrap();
        let none = |_| false;
        let nothing = Longest::new(&[]);
        let none = SpanIndex::new(&[], &nothing, &none);
        after_unknown_first_name(text, Span::new(at, at + name.len()), 0, &none)
    }

    /// The test as it searched the index for the word before, kept as the oracle.
    fn searching(text: &str, span: Span, known: &SpanIndex) -> bool {
        let Some(first) = previous_word(text, span.start, true) else { return false };
        let word = &text[first];
        let capitalized = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase);
        if !capitalized || known.overlaps(first, None) || NOT_A_FIRST_NAME.contains(word) {
            return false;
        }
        match previous_word(text, first.start, false) {
            Some(before) => {
                !text[before.end..first.start].contains(['.', '!', '?', '\n', '\r', ':', '“', '"'])
            }
            None => false,
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// The byte test agrees with the next word's at every character boundary of text made
        /// of spaces, tabs, line breaks, digits, letters, punctuation and other characters.
        #[test]
        fn a_number_by_bytes_as_by_words(text in "[ \t\n5a-zA-Z,.\u{a0}\u{2009}\u{e9}\u{663}-]{0,12}") {
            for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let span = Span::new(0, end);
                proptest::prop_assert_eq!(before_a_number(&text, span), by_words_before_a_number(&text, span), "{:?} at {}", text, end);
            }
        }

        /// Asking the candidates back from the name answers as searching the index did, at
        /// every candidate of text made of names and unknown capitalized words.
        #[test]
        fn asking_back_from_the_name_answers_as_searching(text in crate::resolve::tests::names_and_words()) {
            let catalog = crate::resolve::tests::catalog();
            let candidates = catalog.matcher.find(&text).candidates;
            let is_known = |c: crate::matcher::Candidate| catalog.matcher.facts(c).known();
            let longest = Longest::new(&candidates);
            let known = SpanIndex::new(&candidates, &longest, &is_known);
            for (i, c) in candidates.iter().enumerate() {
                proptest::prop_assert_eq!(
                    after_unknown_first_name(&text, c.span, i, &known),
                    searching(&text, c.span, &known),
                    "{:?} at {:?}", text, c.span
                );
            }
        }
    }

    #[test]
    fn first_names_titles_and_sentence_starts() {
        assert!(check("on Friday, son Hunter Biden said", "Biden"));
        assert!(!check("on Friday, President Biden said", "Biden"));
        assert!(!check("it rained. Yesterday Putin said", "Putin"));
        assert!(!check("Yesterday Putin said", "Putin"));
        assert!(!check("they met on Monday Putin", "Putin"));
        assert!(!check("a visit by Mr Putin", "Putin"));
        assert!(!check("as U.S. Putin", "Putin"));
    }
}
