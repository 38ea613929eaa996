//! Eight bytes at a time in one `u64` (SWAR): the tests that would otherwise take each byte
//! with a branch — the first word of a match's start, a word of the sentence view, a trie
//! node's child labels. Each test leaves the high bit of a byte set where the byte passes;
//! `trailing_zeros() / 8` is then the offset of the first one. Scans over whole stretches of
//! text (word starts, sentence stops, line feeds) class one byte per byte in loops the
//! compiler vectorizes instead, and read eight classes at a time as such a mask.

/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The low bit of every byte; times a byte, that byte in every position.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `bytes` from `at`, the first in the lowest position; past the end the
/// bytes are zero.
#[inline]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => bytes.get(at..).unwrap_or_default().iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)),
    }
}

/// The high bit of each byte of `x` equal to `byte`. Exact for the lowest such byte; above
/// it a byte may be marked falsely, so only the lowest mark of this mask, or of several
/// such masks together, may be read.
#[inline]
pub(crate) fn equal(x: u64, byte: u8) -> u64 {
    let y = x ^ (ONES * u64::from(byte));
    y.wrapping_sub(ONES) & !y & HIGH
}

/// The high bit of each byte of `x` that is an ASCII letter or digit, the others clear.
/// Each byte is range-checked on its low seven bits; adding at most 0x50 to them carries
/// into no other byte.
#[inline]
pub(crate) fn ascii_alphanumeric(x: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let each = |b: u8| ONES * u64::from(b);
    let ascii = !x & HIGH;
    let lower = (x | each(0x20)) & LOW;
    let letter = (lower + each(0x80 - b'a')) & !(lower + each(0x80 - b'z' - 1));
    let seven = x & LOW;
    let digit = (seven + each(0x80 - b'0')) & !(seven + each(0x80 - b'9' - 1));
    (letter | digit) & ascii & HIGH
}

/// `x` with its ASCII capital letters in lower case.
#[inline]
pub(crate) fn ascii_lowercase(x: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let each = |b: u8| ONES * u64::from(b);
    let seven = x & LOW;
    let capital = (seven + each(0x80 - b'A')) & !(seven + each(0x80 - b'Z' - 1)) & !x & HIGH;
    // The high bit moved down to 0x20, the difference between the cases.
    x | capital >> 2
}

/// `x` in lower case where `alnum` (from [`ascii_alphanumeric`]) marks a letter or digit:
/// setting bit 5 lowers a capital and leaves a small letter or a digit as it is, so a caller
/// that has the mask already needs no second test for capitals.
#[inline]
pub(crate) fn lower_alphanumeric(x: u64, alnum: u64) -> u64 {
    x | alnum >> 2
}

/// Every bit of the bytes below the lowest marked byte of `mask` (one of the masks above), all
/// of them if no byte is marked: what keeps a word that ends at the first mark.
#[inline]
pub(crate) fn below_first(mask: u64) -> u64 {
    // The lowest mark moved to the bottom of its byte, less one.
    ((mask & mask.wrapping_neg()) >> 7).wrapping_sub(1)
}

/// The offset within `x` of its lowest marked byte (8 if none is).
#[inline]
pub(crate) fn first(mask: u64) -> usize {
    mask.trailing_zeros() as usize / 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_at_a_time_agree_with_the_byte_test() {
        for b in 0..=u8::MAX {
            for k in 0..8 {
                let mut word = [b'-'; 8];
                word[k] = b;
                let expected = if b.is_ascii_alphanumeric() { 0x80 << (8 * k) } else { 0 };
                assert_eq!(ascii_alphanumeric(u64::from_le_bytes(word)), expected, "{b:#x} at {k}");
            }
        }
    }

    #[test]
    fn the_lowest_equal_byte_is_exact() {
        for b in 0..=u8::MAX {
            for k in 0..8 {
                // Every byte before `k` differs from `b` by one, the case that borrows.
                let mut word = [b.wrapping_add(1); 8];
                word[k] = b;
                assert_eq!(first(equal(u64::from_le_bytes(word), b)), k, "{b:#x} at {k}");
            }
        }
        assert_eq!(first(equal(word_at(b"abc", 0), b'x')), 8);
    }

    #[test]
    fn lower_case_agrees_with_the_byte_fold() {
        for b in 0..=u8::MAX {
            for k in 0..8 {
                let mut word = *b"AbC-z9@[";
                word[k] = b;
                let mut expected = word;
                expected.make_ascii_lowercase();
                let x = u64::from_le_bytes(word);
                assert_eq!(ascii_lowercase(x), u64::from_le_bytes(expected), "{b:#x} at {k}");
                // From the letter-or-digit mask: the marked bytes lowered, the others as
                // they are.
                let alnum = ascii_alphanumeric(x);
                let marked = (alnum >> 7) * 0xFF;
                assert_eq!(
                    lower_alphanumeric(x, alnum) & marked,
                    ascii_lowercase(x) & marked,
                    "{b:#x} at {k}"
                );
                assert_eq!(lower_alphanumeric(x, alnum) & !marked, x & !marked, "{b:#x} at {k}");
            }
        }
    }

    #[test]
    fn the_bytes_below_the_first_mark() {
        for k in 0..=8 {
            let expected = if k == 8 { u64::MAX } else { (1 << (8 * k)) - 1 };
            // Marks above the lowest do not matter.
            for above in [0, HIGH] {
                let mask = if k == 8 { 0 } else { (0x80 << (8 * k)) | above << (8 * k) & HIGH };
                assert_eq!(below_first(mask), expected, "first mark at byte {k}, {above:#x}");
            }
        }
    }

    #[test]
    fn words_are_padded_with_zeros_past_the_end() {
        assert_eq!(word_at(b"abcdefghij", 2), u64::from_le_bytes(*b"cdefghij"));
        assert_eq!(word_at(b"abc", 1), u64::from_le_bytes(*b"bc\0\0\0\0\0\0"));
        assert_eq!(word_at(b"abc", 3), 0);
        assert_eq!(word_at(b"abc", 9), 0);
    }
}
