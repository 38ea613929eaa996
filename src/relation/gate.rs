//! The gate: which parts of a document can hold a relation at all.
//!
//! Every relation rule starts from a trigger word or, for `holds_office`, from a person's
//! name. One Aho-Corasick pass over the raw bytes finds the trigger words; sentences are
//! segmented and tokenized only in lines that hold one (or a person), so text without a
//! candidate costs one automaton pass and nothing else.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::lexicon::Lexicon;
use crate::error::Result;
use crate::tokenize::is_boundary;

#[derive(Clone, Debug)]
pub(crate) struct Gate {
    automaton: AhoCorasick,
}

impl Gate {
    /// Compiles the first words of every trigger phrase.
    pub(crate) fn new(lexicon: &Lexicon) -> Result<Gate> {
        let words: Vec<String> = lexicon.triggers.first_words().map(|w| w.replace('\'', "’")).collect();
        let mut patterns: Vec<&str> = lexicon.triggers.first_words().collect();
        // Lexicon words are normalized to ASCII apostrophes; the text may have curly ones.
        patterns.extend(words.iter().map(String::as_str).filter(|w| w.contains('’')));
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // A few hundred short words: the DFA is small (well under a megabyte) and the
            // fastest search.
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)?;
        Ok(Gate { automaton })
    }

    /// Start offsets of the trigger words of `text` (whole words only), in order.
    pub(crate) fn hits(&self, text: &str) -> Vec<usize> {
        self.automaton
            .find_iter(text)
            .filter(|m| is_boundary(text, m.start()) && is_boundary(text, m.end()))
            .map(|m| m.start())
            .collect()
    }
}
