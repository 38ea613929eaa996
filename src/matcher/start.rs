//! Where an accepted match can start: a set of the first words of every surface form, as
//! the case policy lets them appear in text.
//!
//! A match that ends on a word boundary spells the same leading run of ASCII letters and
//! digits as its surface does ("Putin" of "Putin’s", "Fath" of "Fath-360"). So at each word
//! start that run, cut at eight bytes, its first byte as written and the others in lower
//! case, is looked up in a Bloom-like set. The case policy accepts a surface as written or,
//! when it allows capitals, all in capitals, so a match of "Putin" starts with a capital and
//! "putin" need not be walked. Most short lower-case words ("and",
//! "the") are rejected outright, "India" and "Pushkin" too. On the seed articles 2,589 of
//! 12,187 word starts are walked and 1,912 of those walks find a surface or keyword; a set
//! of first two bytes, which this replaced, let 7,153 through.
//!
//! The test is a few arithmetic steps on eight bytes, cut with their letter-or-digit mask
//! from the scan's blocks, and one unpredictable branch: each walk that fails costs more
//! mispredicted branches than the test does.

use crate::hash::fold;
use crate::swar::{ascii_alphanumeric, below_first, first, word_at, HIGH};

/// A set of first words: one bit per slot of [`Block::first_word_key`], hashed.
#[derive(Clone, Debug)]
pub(crate) struct Starts {
    bits: Box<[u64]>,
    /// 64 less log2 of the number of bits: the hash keeps its top bits.
    shift: u32,
    /// Whether a surface starts with an ASCII byte that is no letter or digit.
    punctuation_first: bool,
}

impl Starts {
    /// An empty set for about `surfaces` surfaces: sixteen bits per surface (a false
    /// positive in twenty or fewer), from 512 bytes up to 512 KiB.
    pub(crate) fn new(surfaces: usize) -> Starts {
        let bits = (surfaces.saturating_mul(16)).clamp(1 << 12, 1 << 22).next_power_of_two();
        Starts {
            bits: vec![0; bits / 64].into_boxed_slice(),
            shift: 64 - bits.trailing_zeros(),
            punctuation_first: false,
        }
    }

    /// Adds the first word of `surface` as written, and in capitals if `caps`.
    pub(crate) fn add(&mut self, surface: &[u8], caps: bool) {
        let eight = word_at(surface, 0).to_le_bytes();
        self.insert(eight);
        if caps {
            self.insert(uppercase(eight));
        }
    }

    /// Adds the first word of `word` in every ASCII case: keywords match in any case. The
    /// key keeps the case of the first byte only, so two cases cover them all.
    pub(crate) fn add_any_case(&mut self, word: &[u8]) {
        let eight = word_at(word, 0).to_le_bytes();
        self.insert(eight);
        self.insert(uppercase(eight));
    }

    fn insert(&mut self, eight: [u8; 8]) {
        self.punctuation_first |= eight[0].is_ascii() && !eight[0].is_ascii_alphanumeric();
        let slot = self.slot(Block::new(u64::from_le_bytes(eight)));
        self.bits[slot >> 6] |= 1 << (slot & 63);
    }

    /// The slot of the first word of `eight` in the set: the top bits of a folded product, so
    /// that every bit of the key moves the slot. A plain multiply lets low bits of the key
    /// reach the top bits of the product only through carries.
    #[inline]
    fn slot(&self, eight: Block) -> usize {
        (fold(eight.first_word_key(), 0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Whether the set holds the first word of `eight`.
    #[inline]
    fn holds(&self, eight: Block) -> bool {
        let slot = self.slot(eight);
        self.bits[slot >> 6] >> (slot & 63) & 1 == 1
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        self.bits.len() * 8
    }

    /// The offsets of `haystack` where a match may start, in order: a superset of the word
    /// boundaries whose first word the set holds (`may_start` in the tests).
    ///
    /// News has a word start every six bytes or so, and only some of those begin a pattern,
    /// so testing each byte with a branch mispredicts often. Instead eight bytes at a time
    /// become a mask without branches: the byte is an ASCII letter or digit and the one
    /// before it is not, or it begins a multi-byte character. Only set bits are visited.
    pub(crate) fn candidates<'h>(&'h self, haystack: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
        let (mut next, mut base, mut mask, mut carry) = (0, 0, 0u64, 0u64);
        // The block of `base` and the one after it, which a word that starts in the block may
        // run into: each candidate's eight bytes are cut from the two, with their mask.
        let (mut block, mut ahead) = (Block::default(), Block::at(haystack, 0));
        std::iter::from_fn(move || loop {
            if mask != 0 {
                let k = first(mask);
                mask &= mask - 1;
                // Past the end only the punctuation-first scan marks bytes.
                if base + k < haystack.len() && self.holds(block.from(k, ahead)) {
                    return Some(base + k);
                }
                continue;
            }
            if next >= haystack.len() {
                return None;
            }
            // Past the end the bytes are zero, which start nothing.
            (block, ahead) = (ahead, Block::at(haystack, next + 8));
            let Block { x, alnum } = block;
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

    /// Whether a match may start at `at` of `haystack`: what [`Starts::candidates`] asks of
    /// each offset, from the bytes it has in hand.
    #[cfg(test)]
    pub(crate) fn may_start(&self, haystack: &[u8], at: usize) -> bool {
        at < haystack.len() && self.holds(Block::at(haystack, at))
    }
}

/// Eight bytes of text, the first in the lowest position, and their letter-or-digit mask.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Block {
    x: u64,
    alnum: u64,
}

impl Block {
    #[inline]
    fn new(x: u64) -> Block {
        Block { x, alnum: ascii_alphanumeric(x) }
    }

    /// The eight bytes of `haystack` from `at` (zero past the end).
    #[inline]
    fn at(haystack: &[u8], at: usize) -> Block {
        Block::new(word_at(haystack, at))
    }

    /// The eight bytes from offset `k` of this block, running into `next`, the block after
    /// it: the mask tests each byte on its own, so cutting it as the bytes are cut gives the
    /// mask of the cut bytes without testing them again.
    #[inline]
    fn from(self, k: usize, next: Block) -> Block {
        let cut = |low: u64, high: u64| ((u128::from(high) << 64 | u128::from(low)) >> (8 * k)) as u64;
        Block { x: cut(self.x, next.x), alnum: cut(self.alnum, next.alnum) }
    }

    /// The first word of these eight bytes: its leading run of ASCII letters and digits, the
    /// first byte as written and the others in lower case, the bytes after the run zero. No
    /// letter or digit is zero, so the key also tells the run's length. A start with no such
    /// run ("Öl", "#tag") keeps its first byte.
    ///
    /// The first byte as written tells the first letter and whether it is a capital; the
    /// others in lower case make the key the same whichever case they are written in.
    /// Setting bit 5 lowers a capital and leaves a small letter or a digit as it is, and past
    /// the first byte the key keeps only letters and digits. (The key that this replaced
    /// lowered the first byte too and moved its case to the top bit: the same information,
    /// in more steps.)
    ///
    /// Text that matches a surface at word boundaries has the key the surface has in the case
    /// the text writes it: it spells the surface's bytes in that case, and after a run that
    /// ends inside the surface comes the same byte, after one that ends with it, no letter or
    /// digit.
    #[inline]
    fn first_word_key(self) -> u64 {
        let stop = !self.alnum & HIGH;
        // The bytes below the first stop; with a stop at the first byte, that byte is kept.
        let keep = below_first(stop) | 0xFF;
        (self.x | LOWER_AFTER_FIRST) & keep
    }
}

/// Bit 5 of every byte but the first: what lowers an ASCII capital.
const LOWER_AFTER_FIRST: u64 = 0x2020_2020_2020_2000;

fn uppercase(mut eight: [u8; 8]) -> [u8; 8] {
    eight.make_ascii_uppercase();
    eight
}

/// [`Block::first_word_key`] of the eight bytes `x`.
#[cfg(test)]
fn first_word_key(x: u64) -> u64 {
    Block::new(x).first_word_key()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::swar::ascii_lowercase;

    proptest! {
        /// The scan cuts each candidate's eight bytes and their mask from the two blocks it
        /// holds: that must be the eight bytes at the candidate, and their mask.
        #[test]
        fn a_cut_block_is_the_block_at_its_offset(text in "[a-zA-Z0-9 ,.’éÖ]{0,40}") {
            let t = text.as_bytes();
            for base in (0..t.len() + 8).step_by(8) {
                let (block, next) = (Block::at(t, base), Block::at(t, base + 8));
                for k in 0..8 {
                    prop_assert_eq!(block.from(k, next), Block::at(t, base + k), "{} + {}", base, k);
                }
            }
        }

        /// The key that the first byte as written replaced: the run in lower case, and the
        /// top bit set if it begins with a capital. Each key must give the other, so that
        /// two runs share a key exactly when they shared the old one.
        #[test]
        fn the_key_tells_what_the_old_key_told(x in any::<u64>(), text in "[A-Za-z0-9 .,'-]{0,8}") {
            for x in [x, word_at(text.as_bytes(), 0)] {
                let stop = !ascii_alphanumeric(x) & HIGH;
                let keep = below_first(stop) | 0xFF;
                let lower = ascii_lowercase(x);
                let old = lower & keep | ((lower ^ x) & 0x20) << 58;
                let key = first_word_key(x);
                let capital = 1 << 63;
                // The old key from the new: the first byte lowered, its case to the top bit.
                let first = key as u8;
                let from_key = u64::from(first.to_ascii_lowercase())
                    | key & !0xFF
                    | if first.is_ascii_uppercase() { capital } else { 0 };
                prop_assert_eq!(from_key, old);
                // The new key from the old: the first byte raised again if it was a capital.
                let first = old as u8;
                let from_old = u64::from(if old & capital != 0 { first.to_ascii_uppercase() } else { first })
                    | old & !0xFF & !capital;
                prop_assert_eq!(from_old, key);
            }
        }
    }

    #[test]
    fn first_words_follow_the_case_policy() {
        let mut s = Starts::new(8);
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
        let mut s = Starts::new(8);
        s.add(b"Putin", true);
        s.add(b"Kim Jong Un", false);
        s.add(b"Fath-360", false);
        s.add(b"Revolutionary Guards", false);
        s.add_any_case(b"in");
        let t = "Putin’s Putin-era Pushkin Put Kimberly Kim Jong Fath-360 Fath India IN in. \
                 REVOLUTIONARY Revolutionary Revolutionaries revolutionary";
        let words: Vec<&str> = s
            .candidates(t.as_bytes())
            .map(|at| t[at..].split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or(""))
            .collect();
        assert_eq!(
            words,
            [
                "Putin",
                "Putin",
                "Kim",
                "Fath",
                "Fath",
                "IN",
                "in",
                "REVOLUTIONARY",
                "Revolutionary",
                "Revolutionaries"
            ]
        );
        // The key cuts a first word at eight bytes, so longer words that share those pass,
        // and it keeps the case of the first letter only: the trie walk checks the rest.
        let key = |eight: &[u8; 8]| first_word_key(u64::from_le_bytes(*eight));
        assert_eq!(key(b"Revoluti"), u64::from_le_bytes(*b"Revoluti"));
        assert_eq!(key(b"REVOLUTI"), key(b"Revoluti"));
        assert_eq!(key(b"In exch\0"), u64::from_le_bytes(*b"In\0\0\0\0\0\0"));
        assert_eq!(key(b"in-exch\0"), u64::from_le_bytes(*b"in\0\0\0\0\0\0"));
        assert_eq!(key(b"\xc3\x96l Co\0\0"), 0xc3, "no run: the first byte");
        assert_eq!(key(b"#tag\0\0\0\0"), u64::from(b'#'));
    }

    #[test]
    fn punctuation_and_non_ascii_starts() {
        let mut s = Starts::new(8);
        s.add("Öl".as_bytes(), false);
        s.add(b"Ol", false);
        assert_eq!(s.candidates("aÖl Öl xOl Ol".as_bytes()).collect::<Vec<_>>(), [1, 5, 13]);
        s.add(b"#tag", false);
        let t = b"x#tag #tag";
        assert_eq!(s.candidates(t).collect::<Vec<_>>(), [1, 6]);
    }

    #[test]
    fn candidates_across_blocks() {
        let mut s = Starts::new(8);
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
