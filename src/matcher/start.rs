//! Where an accepted match can start: a set of the first two bytes of every surface form,
//! as the case policy lets them appear in text, and a set of their first words.
//!
//! The case policy accepts a surface as written or, when it allows capitals, written all in
//! capitals, so a match of "Putin" starts "Pu" or "PU", never "pu" or "pU". The matcher
//! walks the trie only where the next two bytes are such a pair; on the seed articles that
//! skips nineteen positions in twenty before any word-boundary test, and most short
//! lower-case words ("and", "the") outright.
//!
//! The pair still lets through three word starts in five ("in" passes for "India", "pr" for
//! "President"), and each walk that then fails costs mispredicted branches. So the first
//! word is tested too, whole: a match that ends on a word boundary spells the same leading
//! run of ASCII letters and digits as its surface does, and that run, in lower case and cut
//! at eight bytes, is looked up in a Bloom-like set without a branch per byte. On the seed
//! articles it leaves two walks in five.

use crate::swar::{ascii_alphanumeric, ascii_lowercase, first, word_at, HIGH};

/// A set of byte pairs (8 KiB, one bit per pair), and the set of first words.
#[derive(Clone, Debug)]
pub(crate) struct StartPairs {
    bits: Box<[u64; 1024]>,
    /// Whether a surface starts with an ASCII byte that is no letter or digit.
    punctuation_first: bool,
    /// One bit per slot of [`first_word_key`], hashed to `words_shift` bits.
    words: Box<[u64]>,
    words_shift: u32,
}

/// Stands for the byte after the end of the text.
const END: u8 = 0;

impl StartPairs {
    /// An empty set for about `surfaces` surfaces: the first-word set gets sixteen bits per
    /// surface (a false positive in twenty or fewer), from 512 bytes up to 512 KiB.
    pub(crate) fn new(surfaces: usize) -> StartPairs {
        let bits = (surfaces.saturating_mul(16)).clamp(1 << 12, 1 << 22).next_power_of_two();
        StartPairs {
            bits: Box::new([0; 1024]),
            punctuation_first: false,
            words: vec![0; bits / 64].into_boxed_slice(),
            words_shift: 64 - bits.trailing_zeros(),
        }
    }

    /// Adds the first two bytes of `surface` as written, and in capitals if `caps`.
    pub(crate) fn add(&mut self, surface: &[u8], caps: bool) {
        self.add_first_word(surface);
        let Some(&first) = surface.first() else { return };
        let second = surface.get(1).copied();
        self.insert(first, second);
        if caps {
            self.insert(first.to_ascii_uppercase(), second.map(|b| b.to_ascii_uppercase()));
        }
    }

    /// Adds the first two bytes of `word` in every ASCII case: keywords match in any case.
    pub(crate) fn add_any_case(&mut self, word: &[u8]) {
        self.add_first_word(word);
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

    fn add_first_word(&mut self, surface: &[u8]) {
        let mut eight = [0; 8];
        let n = surface.len().min(8);
        eight[..n].copy_from_slice(&surface[..n]);
        let slot = self.word_slot(u64::from_le_bytes(eight));
        self.words[slot >> 6] |= 1 << (slot & 63);
    }

    /// The slot of the first word of `x` in the first-word set.
    #[inline]
    fn word_slot(&self, x: u64) -> usize {
        (first_word_key(x).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.words_shift) as usize
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        core::mem::size_of::<[u64; 1024]>() + self.words.len() * 8
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
        if self.bits[i >> 6] >> (i & 63) & 1 == 0 {
            return false;
        }
        let slot = self.word_slot(word_at(haystack, at));
        self.words[slot >> 6] >> (slot & 63) & 1 == 1
    }
}

/// The leading run of ASCII letters and digits of the eight bytes `x`, in lower case, the
/// bytes after it zero. No letter or digit is zero, so the key also tells the run's length;
/// a run that starts with another byte ("Öl", "#tag") is the key 0.
///
/// Text that matches a surface at word boundaries has the key the surface has: it spells
/// the surface's bytes in some ASCII case, and after a run that ends inside the surface
/// comes the same byte, after one that ends with it, no letter or digit.
#[inline]
fn first_word_key(x: u64) -> u64 {
    let stop = !ascii_alphanumeric(x) & HIGH;
    // The lowest stop bit moved to the bottom of its byte, less one: the bytes below it. With
    // no stop at all, every byte.
    let keep = ((stop & stop.wrapping_neg()) >> 7).wrapping_sub(1);
    ascii_lowercase(x) & keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_follow_the_case_policy() {
        let mut s = StartPairs::new(8);
        s.add(b"Putin", true);
        s.add(b"US", false);
        s.add(b"X", false);
        let t = b"Putin PUTIN pUtin putin US us X";
        let starts: Vec<usize> = (0..t.len()).filter(|&i| s.may_start(t, i)).collect();
        assert_eq!(starts, [0, 6, 24, 30]);
        assert_eq!(s.candidates(t).collect::<Vec<_>>(), starts);
        // Inside a word only where the byte before is no ASCII letter or digit; "XPutin" is
        // no first word.
        assert_eq!(s.candidates("XPutin ÉPutin X".as_bytes()).collect::<Vec<_>>(), [9, 15]);
    }

    #[test]
    fn the_first_word_is_tested_whole() {
        let mut s = StartPairs::new(8);
        s.add(b"Putin", true);
        s.add(b"Kim Jong Un", false);
        s.add(b"Fath-360", false);
        s.add(b"Revolutionary Guards", false);
        s.add_any_case(b"in");
        let t = "Putin’s Putin-era Pushkin Put Kimberly Kim Jong Fath-360 Fath India IN in. \
                 REVOLUTIONARY Revolutionary Revolutionaries";
        let words: Vec<&str> = s
            .candidates(t.as_bytes())
            .map(|at| t[at..].split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or(""))
            .collect();
        assert_eq!(
            words,
            ["Putin", "Putin", "Kim", "Fath", "Fath", "IN", "in", "Revolutionary", "Revolutionaries"]
        );
        // The key cuts a first word at eight bytes, so longer words that share those pass.
        assert_eq!(first_word_key(u64::from_le_bytes(*b"Revoluti")), u64::from_le_bytes(*b"revoluti"));
        assert_eq!(first_word_key(u64::from_le_bytes(*b"In exch\0")), u64::from_le_bytes(*b"in\0\0\0\0\0\0"));
        assert_eq!(first_word_key(u64::from_le_bytes(*b"\xc3\x96l Co\0\0")), 0);
    }

    #[test]
    fn punctuation_and_non_ascii_starts() {
        let mut s = StartPairs::new(8);
        s.add("Öl".as_bytes(), false);
        s.add(b"Ol", false);
        assert_eq!(s.candidates("aÖl Öl xOl Ol".as_bytes()).collect::<Vec<_>>(), [1, 5, 13]);
        s.add(b"#tag", false);
        let t = b"x#tag #tag";
        assert_eq!(s.candidates(t).collect::<Vec<_>>(), [1, 6]);
    }

    #[test]
    fn candidates_across_blocks() {
        let mut s = StartPairs::new(8);
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
