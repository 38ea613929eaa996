//! Where an accepted match can start: a set of the first two bytes of every surface form,
//! as the case policy lets them appear in text.
//!
//! The case policy accepts a surface as written or, when it allows capitals, written all in
//! capitals, so a match of "Putin" starts "Pu" or "PU", never "pu" or "pU". The matcher
//! walks the trie only where the next two bytes are such a pair; on the seed articles that
//! skips nineteen positions in twenty before any word-boundary test, and most short
//! lower-case words ("and", "the") outright.

/// A set of byte pairs (8 KiB, one bit per pair), and of their first bytes.
#[derive(Clone, Debug)]
pub(crate) struct StartPairs {
    bits: Box<[u64; 1024]>,
    /// Whether any pair starts with the byte: one load rejects most positions.
    first: [bool; 256],
}

/// Stands for the byte after the end of the text.
const END: u8 = 0;

impl StartPairs {
    pub(crate) fn new() -> StartPairs {
        StartPairs { bits: Box::new([0; 1024]), first: [false; 256] }
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

    /// A one-byte surface may be followed by anything, including the end of the text.
    fn insert(&mut self, first: u8, second: Option<u8>) {
        match second {
            Some(second) => self.set(first, second),
            None => (0..=u8::MAX).for_each(|b| self.set(first, b)),
        }
    }

    fn set(&mut self, first: u8, second: u8) {
        self.first[usize::from(first)] = true;
        let i = usize::from(first) << 8 | usize::from(second);
        self.bits[i >> 6] |= 1 << (i & 63);
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        core::mem::size_of::<[u64; 1024]>()
    }

    /// Whether a match may start at `at` of `haystack`.
    #[inline]
    pub(crate) fn may_start(&self, haystack: &[u8], at: usize) -> bool {
        let Some(&first) = haystack.get(at) else { return false };
        if !self.first[usize::from(first)] {
            return false;
        }
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
    }
}
