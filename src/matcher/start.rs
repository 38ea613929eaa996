//! Where an accepted match can start: a set of the first two bytes of every surface form,
//! as the case policy lets them appear in text.
//!
//! The case policy accepts a surface as written or, when it allows capitals, written all in
//! capitals, so a match of "Putin" starts "Pu" or "PU", never "pu" or "pU". The matcher
//! walks the trie only where the next two bytes are such a pair; on the seed articles that
//! skips nineteen positions in twenty before any word-boundary test, and most short
//! lower-case words ("and", "the") outright.

use crate::swar::{ascii_alphanumeric, first, word_at, HIGH};

/// A set of byte pairs (8 KiB, one bit per pair).
#[derive(Clone, Debug)]
pub(crate) struct StartPairs {
    bits: Box<[u64; 1024]>,
    /// Whether a surface starts with an ASCII byte that is no letter or digit.
    punctuation_first: bool,
}

/// Stands for the byte after the end of the text.
const END: u8 = 0;

impl StartPairs {
    pub(crate) fn new() -> StartPairs {
        StartPairs { bits: Box::new([0; 1024]), punctuation_first: false }
    }

    /// Adds the first two bytes of `surface` as written, and in capitals if `caps`.
    pub(crate) fn add(&mut self, surface: &[u8], caps: bool) {
        let Some(&first) = surface.first() else { return };
        let second = surface.get(1).copied();
        self.insert(first, second);
        if caps {
            self.insert(first.to_ascii_uppercase(), second.map(|b| b.to_ascii_uppercase()));
        }
    }

    /// Adds the first two bytes of `word` in every ASCII case: keywords match in any case.
    pub(crate) fn add_any_case(&mut self, word: &[u8]) {
        let Some(&first) = word.first() else { return };
        let second = word.get(1).copied();
        for a in [first.to_ascii_lowercase(), first.to_ascii_uppercase()] {
            self.insert(a, second.map(|b| b.to_ascii_lowercase()));
            self.insert(a, second.map(|b| b.to_ascii_uppercase()));
        }
    }

    /// A one-byte surface may be followed by anything, including the end of the text.
    fn insert(&mut self, first: u8, second: Option<u8>) {
        match second {
            Some(second) => self.set(first, second),
            None => (0..=u8::MAX).for_each(|b| self.set(first, b)),
        }
    }

    fn set(&mut self, first: u8, second: u8) {
        self.punctuation_first |= first.is_ascii() && !first.is_ascii_alphanumeric();
        let i = usize::from(first) << 8 | usize::from(second);
        self.bits[i >> 6] |= 1 << (i & 63);
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        core::mem::size_of::<[u64; 1024]>()
    }

    /// The offsets of `haystack` where a match may start, in order: a superset of those
    /// for which [`StartPairs::may_start`] holds and which are word boundaries.
    ///
    /// News has a word start every six bytes or so, and only some of those begin a pattern,
    /// so testing each byte with a branch mispredicts often. Instead eight bytes at a time
    /// become a mask without branches: the byte is an ASCII letter or digit and the one
    /// before it is not, or it begins a multi-byte character. Only set bits are visited.
    pub(crate) fn candidates<'h>(&'h self, haystack: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
        let (mut next, mut base, mut mask, mut carry) = (0, 0, 0u64, 0u64);
        std::iter::from_fn(move || loop {
            if mask != 0 {
                let at = base + first(mask);
                mask &= mask - 1;
                if self.may_start(haystack, at) {
                    return Some(at);
                }
                continue;
            }
            if next >= haystack.len() {
                return None;
            }
            // Past the end the bytes are zero, which start nothing.
            let x = word_at(haystack, next);
            let alnum = ascii_alphanumeric(x);
            let before = alnum << 8 | carry;
            carry = alnum >> 56;
            mask = if self.punctuation_first {
                // A surface starts with ASCII punctuation: every byte that is not inside a
                // word is a candidate.
                !(alnum & before) & HIGH
            } else {
                alnum & !before | x & x << 1 & HIGH
            };
            base = next;
            next += 8;
        })
    }

    /// Whether a match may start at `at` of `haystack`.
    #[inline]
    pub(crate) fn may_start(&self, haystack: &[u8], at: usize) -> bool {
        let Some(&first) = haystack.get(at) else { return false };
        let second = haystack.get(at + 1).copied().unwrap_or(END);
        let i = usize::from(first) << 8 | usize::from(second);
        self.bits[i >> 6] >> (i & 63) & 1 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_follow_the_case_policy() {
        let mut s = StartPairs::new();
        s.add(b"Putin", true);
        s.add(b"US", false);
        s.add(b"X", false);
        let t = b"Putin PUTIN pUtin putin US us X";
        let starts: Vec<usize> = (0..t.len()).filter(|&i| s.may_start(t, i)).collect();
        assert_eq!(starts, [0, 6, 24, 30]);
        assert_eq!(s.candidates(t).collect::<Vec<_>>(), starts);
        // Inside a word only where the byte before is no ASCII letter or digit.
        assert_eq!(s.candidates("XPutin ÉPutin X".as_bytes()).collect::<Vec<_>>(), [0, 9, 15]);
    }

    #[test]
    fn punctuation_and_non_ascii_starts() {
        let mut s = StartPairs::new();
        s.add("Öl".as_bytes(), false);
        s.add(b"Ol", false);
        assert_eq!(s.candidates("aÖl Öl xOl Ol".as_bytes()).collect::<Vec<_>>(), [1, 5, 13]);
        s.add(b"#tag", false);
        let t = b"x#tag #tag";
        assert_eq!(s.candidates(t).collect::<Vec<_>>(), [1, 6]);
    }

    #[test]
    fn candidates_across_blocks() {
        let mut s = StartPairs::new();
        s.add(b"Putin", true);
        s.add_any_case(b"met");
        let text = "Putin met PUTIN and Met x".repeat(20);
        let t = text.as_bytes();
        let expected: Vec<usize> = (0..t.len())
            .filter(|&i| {
                s.may_start(t, i)
                    && (i == 0 || !(t[i - 1].is_ascii_alphanumeric() && t[i].is_ascii_alphanumeric()))
            })
            .collect();
        // "xPutin" at each repetition but the first is one word.
        assert_eq!(expected.len(), 4 + 19 * 3);
        assert_eq!(s.candidates(t).collect::<Vec<_>>(), expected);
    }
}
