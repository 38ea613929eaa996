//! A hasher for the sets and maps of short words that the pipeline looks up once per word
//! (lexicon phrases, the words that are no first name). The keys are our own data, so
//! SipHash's flood resistance buys nothing, and it cost a third of each lookup; FNV-1a, which
//! replaced it, spends one dependent multiplication per byte. Words are hashed eight bytes
//! at a time instead, each step one full 64 × 64 → 128-bit product folded to 64 bits (as
//! wyhash does), so a word of news costs one or two multiplications.

/// The word-at-a-time hasher.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordHasher(u64);

const SEED: u64 = 0x9E37_79B9_7F4A_7C15;
const STEP: u64 = 0xA076_1D64_78BD_642F;

/// The product of `a` and `b`, its halves folded together: every input bit reaches both the
/// low bits (the table slot) and the high bits (the tag) of the hash. The matcher's set of
/// first words hashes its keys with it too.
#[inline]
pub(crate) fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product >> 64) as u64 ^ product as u64
}

/// Up to eight bytes as one number, without a copy loop: two overlapping loads of four
/// bytes, or the first, middle and last byte of a shorter slice. Different slices of one
/// length give different numbers; the length is mixed in by the caller.
#[inline]
fn small(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let four = |at: usize| {
        bytes.get(at..at + 4).map_or(0, |b| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
    };
    match n {
        0 => 0,
        1..=3 => u64::from(bytes[0]) << 16 | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]),
        _ => four(0) << 32 | four(n - 4),
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        fold(self.0, STEP)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while rest.len() > 8 {
            let (eight, tail) = rest.split_at(8);
            let word = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            self.0 = fold(self.0 ^ word ^ SEED, STEP);
            rest = tail;
        }
        self.0 = fold(self.0 ^ small(rest) ^ SEED, STEP ^ rest.len() as u64);
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.0 = fold(self.0 ^ u64::from(byte) ^ SEED, STEP);
    }
}

/// Builds [`WordHasher`]s for `HashMap` and `HashSet`.
pub(crate) type BuildWordHasher = std::hash::BuildHasherDefault<WordHasher>;

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, Hash};

    use super::*;

    fn hash(word: &str) -> u64 {
        BuildWordHasher::default().hash_one(word)
    }

    #[test]
    fn words_of_every_length_hash_apart() {
        let words: Vec<String> = (0..=20)
            .flat_map(|n| ["a", "b", "ab", "ba"].map(|w| w.repeat(n)))
            .chain(
                ["Putin", "Putn", "putin", "Puti", "Putin’s", "deployment", "deploymenu"].map(String::from),
            )
            .collect();
        let mut distinct = std::collections::HashSet::new();
        for w in &words {
            let h = hash(w);
            // The same word hashes alike; different words apart in the low and high bits.
            assert_eq!(h, hash(w));
            distinct.insert(w.clone());
            let same = words.iter().filter(|v| hash(v) & 0xFFFF == h & 0xFFFF).count();
            let equal = words.iter().filter(|v| *v == w).count();
            assert_eq!(same, equal, "{w:?} shares the low bits of its hash");
        }
        assert!(distinct.len() > 70);
        let mut h = WordHasher::default();
        "ab".hash(&mut h);
        assert_ne!(std::hash::Hasher::finish(&h), hash("ba"));
    }
}
