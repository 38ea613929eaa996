//! Where an accepted match can start: a set of the first words of every surface form, as
//! the case policy lets them appear in text.
//!
//! A match that ends on a word boundary spells the same leading run of ASCII letters and
//! digits as its surface does ("Putin" of "Putin’s", "Fath" of "Fath-360"). So at each word
//! start that run, cut at seven bytes ([`CUT`]), its first byte as written and the others in
//! lower case, is looked up in a Bloom-like set. The case policy accepts a surface as written or,
//! when it allows capitals, all in capitals, so a match of "Putin" starts with a capital and
//! "putin" need not be walked. Most short lower-case words ("and", "the") are rejected
//! outright, "India" and "Pushkin" too. On the seed articles 2,337 of 12,187 word starts are
//! walked and 1,757 of those walks find a surface or keyword; a set of first two bytes, which
//! this replaced, let 7,153 through.
//!
//! The test is a few arithmetic steps on eight bytes, read with their stops from the classes
//! of the text around them, and one unpredictable branch: each walk that fails costs more
//! mispredicted branches than the test does.

use crate::swar::{ascii_alphanumeric, below_first, word_at, HIGH};

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
    /// positive in twenty or fewer), from 64 KiB ([`FIXED_BITS`]) up to 512 KiB.
    pub(crate) fn new(surfaces: usize) -> Starts {
        let bits = (surfaces.saturating_mul(16)).clamp(FIXED_BITS, 1 << 22).next_power_of_two();
        Starts {
            bits: vec![0; bits / 64].into_boxed_slice(),
            shift: 64 - bits.trailing_zeros(),
            punctuation_first: false,
        }
    }

    /// Whether the set has the [`FIXED_BITS`] that [`gather_in`] reads without a bounds
    /// check per word start.
    #[cfg(test)]
    pub(crate) fn is_fixed(&self) -> bool {
        self.bits.len() == FIXED_BITS / 64
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

    /// Adds the first word of every word that begins with `prefix` (ASCII letters and
    /// digits, see `Prefix`), in every ASCII case: the key of such a word is the prefix and
    /// whatever letters or digits follow it up to [`CUT`] bytes, so each of those is added.
    pub(crate) fn add_any_case_prefix(&mut self, prefix: &[u8]) {
        let run = prefix.len().min(CUT);
        let mut keys = vec![word_at(prefix, 0).to_le_bytes()];
        // Keys that end at byte `len`, from those that end one byte earlier.
        let mut last = keys.clone();
        for len in run + 1..=CUT {
            last = last
                .iter()
                .flat_map(|key| {
                    KEY_BYTES.iter().map(move |&b| {
                        let mut key = *key;
                        key[len - 1] = b;
                        key
                    })
                })
                .collect();
            keys.extend(&last);
        }
        for key in keys {
            self.add_any_case(&key[..key.iter().position(|&b| b == 0).unwrap_or(CUT)]);
        }
    }

    fn insert(&mut self, eight: [u8; 8]) {
        self.punctuation_first |= eight[0].is_ascii() && !eight[0].is_ascii_alphanumeric();
        let slot = self.slot(Block::new(u64::from_le_bytes(eight)));
        self.bits[slot >> 6] |= 1 << (slot & 63);
    }

    /// The slot of the first word of `eight` in the set: the top bits of the key, cut at
    /// [`CUT`] bytes, times an odd constant (Fibonacci hashing). Each bit of the key moves
    /// every bit of the product above it, so the slot hears from all of them; folding the
    /// product's halves together, as `hash::fold` does, cost an instruction more at every
    /// word start and on the seeds let 2% more starts through, not fewer. The cut is the
    /// constant moved up by the bytes cut off, which pushes them out of the product: no
    /// instruction more than the whole key.
    #[inline]
    fn slot(&self, eight: Block) -> usize {
        self.slot_of_key(eight.first_word_key())
    }

    /// The slot of a first word's key ([`Block::first_word_key`]).
    #[inline]
    fn slot_of_key(&self, key: u64) -> usize {
        slot_of_key(key, self.shift)
    }

    /// Whether the set holds the first word of `eight`.
    #[cfg(test)]
    fn holds(&self, eight: Block) -> bool {
        self.holds_key(eight.first_word_key())
    }

    /// Whether the set holds the first word whose key is `key`.
    #[inline]
    fn holds_key(&self, key: u64) -> bool {
        let slot = self.slot_of_key(key);
        self.bits[slot >> 6] >> (slot & 63) & 1 == 1
    }

    /// Heap bytes used.
    pub(crate) fn memory_usage(&self) -> usize {
        self.bits.len() * 8
    }

    /// Calls `found` with each offset of `haystack` where a match may start, in order, and
    /// the key of its first word ([`Block::first_word_key`], up to the byte the set's hash
    /// pushes out): a superset of the word boundaries whose first word the set holds
    /// (`may_start` in the tests). The trie's walk jumps past the first word by its key.
    ///
    /// News has a word start every six bytes or so, and only some of those begin a pattern,
    /// so testing each byte with a branch mispredicts often. Instead the bytes of a round are
    /// classed first, without branches ([`Classes`]); then 64 bytes at a time the starts
    /// are read as a mask of one bit per byte, only set bits are visited, and the starts
    /// whose first word the set holds are gathered ([`Starts::gather`]) before any is walked.
    #[inline]
    pub(crate) fn for_each_candidate(&self, haystack: &[u8], mut found: impl FnMut(usize, u64)) {
        let mut classes = Classes::new();
        let mut padded: [u8; SPAN];
        let mut offsets = [0u8; ROUND];
        let mut at = 0;
        while at < haystack.len() {
            let bytes: &[u8; SPAN] = match haystack.get(at..at + SPAN).and_then(|b| b.try_into().ok()) {
                Some(bytes) => bytes,
                None => {
                    // The text ends inside the span: past its end the bytes are zero, which
                    // start nothing and stop any word.
                    padded = [0; SPAN];
                    padded.iter_mut().zip(&haystack[at..]).for_each(|(to, &from)| *to = from);
                    &padded
                }
            };
            classes.class(bytes, haystack.len() - at, self.punctuation_first);
            let passed = if self.punctuation_first {
                self.gather::<true>(&classes, bytes, &mut offsets)
            } else {
                self.gather::<false>(&classes, bytes, &mut offsets)
            };
            for &k in &offsets[..passed.min(ROUND)] {
                // The key again, rather than kept from the test: one start in five passes.
                let k = usize::from(k);
                let key = if self.punctuation_first {
                    classes.first_word_key::<true>(bytes, k)
                } else {
                    classes.first_word_key::<false>(bytes, k)
                };
                found(at + k, key);
            }
            at += ROUND;
        }
    }

    /// Whether `at`, which [`Starts::for_each_candidate`] gave for `haystack`, is a word
    /// boundary for sure: without `punctuation_first` the scan gives a letter or digit after
    /// a byte that is none, or the first byte of a multi-byte character, so where both bytes
    /// are ASCII it is the first. The boundary test asked that again at every walk, and read
    /// the two bytes' classes from a table to answer it (0.7% of the instructions of
    /// extraction); it still answers where this does not.
    #[inline]
    pub(crate) fn word_start(&self, haystack: &[u8], at: usize) -> bool {
        !self.punctuation_first
            && at
                .checked_sub(1)
                .and_then(|before| haystack.get(before..=at))
                .is_some_and(|two| (two[0] | two[1]) < 0x80)
    }

    /// [`gather_in`] from this set: from its [`Fixed`] bits where it has that many.
    #[inline]
    fn gather<const PUNCTUATION_FIRST: bool>(
        &self,
        classes: &Classes,
        bytes: &[u8; SPAN],
        offsets: &mut [u8; ROUND],
    ) -> usize {
        match <&[u64; FIXED_BITS / 64]>::try_from(&*self.bits) {
            Ok(bits) => gather_in::<PUNCTUATION_FIRST>(&Fixed(bits), classes, bytes, offsets),
            Err(_) => gather_in::<PUNCTUATION_FIRST>(self, classes, bytes, offsets),
        }
    }

    /// [`Starts::for_each_candidate`] as a list.
    #[cfg(test)]
    fn candidates(&self, haystack: &[u8]) -> std::vec::IntoIter<usize> {
        let mut all = Vec::new();
        self.for_each_candidate(haystack, |at, _| all.push(at));
        all.into_iter()
    }

    /// Whether a match may start at `at` of `haystack`: what [`Starts::candidates`] asks of
    /// each offset, from the bytes it has in hand.
    #[cfg(test)]
    pub(crate) fn may_start(&self, haystack: &[u8], at: usize) -> bool {
        at < haystack.len() && self.holds(Block::at(haystack, at))
    }
}

/// What [`Starts::gather`] asks of the set: whether it holds a first word's key.
trait Holds {
    fn holds_key(&self, key: u64) -> bool;
}

impl Holds for Starts {
    #[inline]
    fn holds_key(&self, key: u64) -> bool {
        Starts::holds_key(self, key)
    }
}

/// The bits of a set of [`FIXED_BITS`], the smallest, which holds the default gazetteers'
/// first words: its length and shift are constants, so the slot's word is in bounds
/// without a test. A bounds check and its branch were two of the twenty-two instructions
/// spent at each word start.
struct Fixed<'s>(&'s [u64; FIXED_BITS / 64]);

impl Holds for Fixed<'_> {
    #[inline]
    fn holds_key(&self, key: u64) -> bool {
        let slot = slot_of_key(key, 64 - FIXED_BITS.trailing_zeros());
        self.0[slot >> 6] >> (slot & 63) & 1 == 1
    }
}

/// The bits of the smallest set of first words: 64 KiB.
const FIXED_BITS: usize = 1 << 19;

/// The slot of a first word's key ([`Block::first_word_key`]) in a set whose hash keeps
/// its top `64 - shift` bits.
#[inline]
fn slot_of_key(key: u64, shift: u32) -> usize {
    const FIBONACCI: u64 = 0x9E37_79B9_7F4A_7C15 << (8 * (8 - CUT));
    (key.wrapping_mul(FIBONACCI) >> shift) as usize
}

/// Writes to `offsets` the starts of the round whose first word `set` holds, and returns
/// how many there are.
///
/// Gathered before any is walked, and out of line: beside the walk, the test's state did
/// not fit in the registers and every start reloaded it from the stack. Each start is
/// written, and kept by counting it, without a branch.
///
/// `PUNCTUATION_FIRST` is the set's `punctuation_first`, by which the rounds were classed.
#[inline(never)]
fn gather_in<const PUNCTUATION_FIRST: bool>(
    set: &impl Holds,
    classes: &Classes,
    bytes: &[u8; SPAN],
    offsets: &mut [u8; ROUND],
) -> usize {
    let mut passed = 0;
    for block in 0..ROUND / 64 {
        let block = 64 * block;
        let mut mask = classes.starts(block);
        while mask != 0 {
            // An offset in the round fits a byte. A round holds at most one start per
            // byte, so `passed` stays below ROUND until the last start.
            let k = block + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            offsets[passed % ROUND] = k as u8;
            passed += usize::from(set.holds_key(classes.first_word_key::<PUNCTUATION_FIRST>(bytes, k)));
        }
    }
    passed
}

/// Bytes of text classed together: a multiple of eight, and at most 256, so that an offset
/// in a round fits a byte.
const ROUND: usize = 256;
const _: () = assert!(ROUND.is_multiple_of(8) && ROUND <= 256);

/// A round's bytes and the eight after it, into which a word that starts in the round may
/// run.
const SPAN: usize = ROUND + 8;

/// A byte's mark in a round's classes: the high bit, as the eight-byte tests of `swar` mark
/// bytes, so that eight classes read as one word are such a mask.
const MARK: u8 = 0x80;

/// The classes of a round of text, one byte per byte of text: whether it is no ASCII
/// letter or digit (a stop), and whether a match may start there.
///
/// Each class is a byte, not a bit, so that the loops that class a round work on a whole
/// vector of bytes at a time, and the compiler turns them into vector instructions; eight
/// bytes of classes then read as one mask (the starts packed to bits, [`Classes::starts`]).
/// The eight-byte tests that this replaced took
/// about fifty instructions per eight bytes of text, most of them building their constants
/// again, which did not stay in registers beside the walk.
struct Classes {
    /// `stops[i + 1]` marks byte `i` of the span; `stops[0]` the byte before the round.
    stops: [u8; SPAN + 1],
    starts: [u8; ROUND],
}

impl Classes {
    fn new() -> Classes {
        // Before the text is no letter or digit; the last byte of a round is the one before
        // the next.
        let mut stops = [0; SPAN + 1];
        stops[ROUND] = MARK;
        Classes { stops, starts: [0; ROUND] }
    }

    /// Classes the round `bytes`, of which the first `len` are text (all if `len` is `ROUND`
    /// or more). A start is a letter or digit after a stop, or a byte that begins a
    /// multi-byte character; with `punctuation_first`, any byte but one inside a word.
    #[inline]
    fn class(&mut self, bytes: &[u8; SPAN], len: usize, punctuation_first: bool) {
        self.stops[0] = self.stops[ROUND];
        for (to, &byte) in self.stops[1..].iter_mut().zip(bytes) {
            *to = stop(byte);
        }
        let pairs = self.stops.windows(2);
        if punctuation_first {
            for (to, pair) in self.starts.iter_mut().zip(pairs) {
                *to = pair[0] | pair[1];
            }
        } else {
            for ((to, &byte), pair) in self.starts.iter_mut().zip(bytes).zip(pairs) {
                *to = pair[0] & !pair[1] | byte & byte << 1 & MARK;
            }
        }
        if let Some(past) = self.starts.get_mut(len..) {
            past.fill(0);
        }
    }

    /// The start marks of the 64 bytes from `at`, one bit per byte, the first lowest.
    ///
    /// Packed from eight bytes of marks at a time by a multiplication ([`pack`]): as many
    /// instructions per eight bytes as testing them for a start took, and each start is then
    /// one bit of a 64-bit mask, its offset without a division and its block without a test
    /// of its own.
    #[inline]
    fn starts(&self, at: usize) -> u64 {
        (0..8).fold(0, |mask, k| mask | pack(eight(&self.starts, at + 8 * k)) << (8 * k))
    }

    /// The stop marks of the eight bytes from `at`, as a mask.
    #[cfg(test)]
    fn stops(&self, at: usize) -> u64 {
        eight(&self.stops, at + 1)
    }

    /// [`Block::first_word_key`] of the start `at` of the round `bytes`, up to its byte 7,
    /// which the slot's product pushes out.
    #[inline]
    fn first_word_key<const PUNCTUATION_FIRST: bool>(&self, bytes: &[u8; SPAN], at: usize) -> u64 {
        (eight(bytes, at) | LOWER_AFTER_FIRST) & self.keep::<PUNCTUATION_FIRST>(at)
    }

    /// What [`Block::first_word_key`] keeps of the eight bytes from the start `at`, up to
    /// its byte 7, which the slot's product pushes out: the bytes up to the first stop after
    /// the first byte, or the first byte alone if it is a stop.
    ///
    /// The stops of the bytes after the first are read, so that the lowest of them and the
    /// bits below it (`x ^ (x - 1)`) are the bytes kept: two instructions where
    /// `swar::below_first` of the stops from `at` took six. A first byte that is a stop
    /// keeps itself alone; without `PUNCTUATION_FIRST` such a start is the lead byte of a
    /// multi-byte character, which the text (a `str`) follows with a continuation byte, a
    /// stop, so that no test is needed; with it, its mark is put where the second byte's
    /// would be.
    #[inline]
    fn keep<const PUNCTUATION_FIRST: bool>(&self, at: usize) -> u64 {
        let mut after = eight(&self.stops, at + 2);
        if PUNCTUATION_FIRST {
            after |= self.stops.get(at + 1).map_or(0, |&first| u64::from(first));
        }
        after ^ after.wrapping_sub(1)
    }
}

/// The marks of `marks` (the high bit of each byte, nothing else) as the low eight bits, the
/// first byte's lowest. The multiplier holds bit `7 - j` of byte `j`, so the high bit of
/// byte `i`, moved to the bottom of its byte, lands at bit `56 + i` from `i + j = 7`; no two
/// pairs `i, j` land on the same bit, so nothing carries into the top byte.
#[inline]
fn pack(marks: u64) -> u64 {
    (marks >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The eight bytes of `bytes` from `at`, the first in the lowest position; zero if they are
/// not all there, which the offsets of a round never are. Unlike `swar::word_at`, no bytes
/// are gathered one by one near the end, a path the compiler kept beside every load.
#[inline]
fn eight(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at..at + 8).map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
}

/// The stop mark of `byte`: it is no ASCII letter or digit. Byte by byte, so that the
/// compiler vectorizes the loops that call it; `swar::ascii_alphanumeric` is the same test
/// on eight bytes (a test compares them).
///
/// Each range is moved to the bottom of the signed bytes (`i8::MIN` up), and a saturating
/// subtraction of its top leaves the sign bit, the mark, set exactly on it: one vector
/// instruction where an unsigned comparison took three (a copy, a minimum, an equality),
/// and the sign bits need no select to become marks. 14 → 10 instructions per 16 bytes.
#[inline]
fn stop(byte: u8) -> u8 {
    let top = |len: u8| i8::MIN.wrapping_add_unsigned(len);
    let letter = ((byte | 0x20).wrapping_add(0x80 - b'a') as i8).saturating_sub(top(26)) as u8;
    let digit = (byte.wrapping_add(0x80 - b'0') as i8).saturating_sub(top(10)) as u8;
    !(letter | digit) & MARK
}

/// Eight bytes of text, the first in the lowest position, and which of them are stops.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Block {
    x: u64,
    /// The high bit of each byte that is no ASCII letter or digit.
    stop: u64,
}

impl Block {
    #[inline]
    fn new(x: u64) -> Block {
        Block { x, stop: !ascii_alphanumeric(x) & HIGH }
    }

    /// The eight bytes of `haystack` from `at` (zero past the end).
    #[cfg(test)]
    fn at(haystack: &[u8], at: usize) -> Block {
        Block::new(word_at(haystack, at))
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
        // The bytes below the first stop; with a stop at the first byte, that byte is kept.
        let keep = below_first(self.stop) | 0xFF;
        (self.x | LOWER_AFTER_FIRST) & keep
    }
}

/// The bytes of a first word that the set tells apart: with seven rather than eight, a
/// prefix keyword of six bytes needs 37 keys per case rather than 1,333, and on the seeds the
/// keys that share their first seven bytes cost fewer walks than the 1,333 keys of "return"
/// let through (2,254 walks per pass against 2,427).
const CUT: usize = 7;

/// The bytes that continue a first word's key: letters, lowered, and digits.
const KEY_BYTES: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

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
    use crate::swar::{ascii_lowercase, first};

    proptest! {
        /// The rounds must find the starts that the scan of eight bytes at a time found,
        /// across rounds and at the end of the text, with and without a surface that begins
        /// with punctuation. Few kinds of letters, so that the set holds many first words; a
        /// word may begin with a zero byte, which the text past its end is made of.
        #[test]
        fn rounds_find_what_blocks_found(
            text in "[abAB1 ,.’é#-]{0,700}",
            words in prop::collection::vec("[abAB1#é\\x00-]{1,3}", 1..6),
            large in any::<bool>(),
        ) {
            // A set of more than `FIXED_BITS` is gathered from without `Fixed`.
            let mut s = Starts::new(if large { FIXED_BITS } else { 8 });
            prop_assert_eq!(s.bits.len() == FIXED_BITS / 64, !large);
            for (i, w) in words.iter().enumerate() {
                s.add(w.as_bytes(), i % 2 == 0);
            }
            let t = text.as_bytes();
            prop_assert_eq!(s.candidates(t).collect::<Vec<_>>(), eight_at_a_time(&s, t));
            // With each start, its first word's key up to the byte the hash pushes out.
            let cut = u64::MAX >> (8 * (8 - CUT));
            let mut keys = Vec::new();
            s.for_each_candidate(t, |at, key| keys.push((at, key & cut)));
            let want: Vec<(usize, u64)> =
                keys.iter().map(|&(at, _)| (at, Block::at(t, at).first_word_key() & cut)).collect();
            prop_assert_eq!(keys, want);
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

    proptest! {
        /// The set's bits read as [`Fixed`] hold what the set holds, at every slot.
        #[test]
        fn fixed_bits_hold_what_the_set_holds(
            words in prop::collection::vec(any::<[u8; 8]>(), 0..2000),
            keys in prop::collection::vec(any::<u64>(), 1..500),
        ) {
            let mut s = Starts::new(8);
            for &w in &words {
                s.insert(w);
            }
            let fixed = Fixed(<&[u64; FIXED_BITS / 64]>::try_from(&*s.bits).unwrap());
            let firsts = words.iter().map(|&w| Block::new(u64::from_le_bytes(w)).first_word_key());
            for key in keys.into_iter().chain(firsts) {
                prop_assert_eq!(fixed.holds_key(key), s.holds_key(key));
            }
        }
    }

    proptest! {
        /// A start that the scan says is a word start is a boundary: ASCII and other
        /// characters, punctuation, digits, with and without a surface that begins with
        /// punctuation.
        #[test]
        fn word_starts_are_boundaries(
            text in "[abAB1 ,.’é#\u{301}Ж-]{0,300}",
            words in prop::collection::vec("[abAB1#é-]{1,3}", 1..6),
        ) {
            let mut s = Starts::new(8);
            for (i, w) in words.iter().enumerate() {
                s.add(w.as_bytes(), i % 2 == 0);
            }
            let t = text.as_bytes();
            for at in s.candidates(t) {
                prop_assert!(!s.word_start(t, at) || crate::tokenize::is_boundary(&text, at), "{:?} at {}", text, at);
            }
            // Every offset the scan could give without punctuation first, not only those the
            // set lets through.
            let letters = Starts::new(8);
            for at in 0..=t.len() + 1 {
                let alnum = |k: usize| t.get(k).is_some_and(u8::is_ascii_alphanumeric);
                let scanned = (at == 0 || !alnum(at - 1)) && alnum(at) || t.get(at).is_some_and(|&b| b >= 0xC0);
                if scanned && letters.word_start(t, at) {
                    prop_assert!(crate::tokenize::is_boundary(&text, at), "{:?} at {}", text, at);
                }
            }
        }
    }

    proptest! {
        /// The key that a round's classes give each start must be the one that
        /// `swar::below_first` of the start's stops gave, up to the byte the product
        /// pushes out, and land in the same slot: long words, several-byte characters and
        /// punctuation, at every offset of the round and of the eight bytes after it.
        #[test]
        fn the_kept_bytes_are_those_below_the_first_stop(
            text in "([a-zA-Z0-9]{0,12}[ ,.’é#€\x00-]{0,3}){0,40}",
            punctuation_first in any::<bool>(),
        ) {
            let s = Starts::new(8);
            let t = text.as_bytes();
            let mut span = [0u8; SPAN];
            span.iter_mut().zip(t).for_each(|(to, &from)| *to = from);
            let mut classes = Classes::new();
            classes.class(&span, t.len(), punctuation_first);
            for k in 0..ROUND {
                if classes.starts[k] == 0 {
                    continue;
                }
                let block = Block { x: eight(&span, k), stop: classes.stops(k) };
                let keep = if punctuation_first { classes.keep::<true>(k) } else { classes.keep::<false>(k) };
                let key = (block.x | LOWER_AFTER_FIRST) & keep;
                let cut = u64::MAX >> (8 * (8 - CUT));
                prop_assert_eq!(key & cut, block.first_word_key() & cut, "{:?} at {}", text, k);
                prop_assert_eq!(s.slot_of_key(key), s.slot(block));
            }
        }
    }

    proptest! {
        /// A word that begins with a prefix keyword, in any case and with anything after
        /// the prefix, passes the set.
        #[test]
        fn every_word_that_begins_with_a_prefix_passes(
            prefix in "[a-z0-9]{6,9}",
            rest in "[a-zA-Z0-9é]{0,4}[ ,.’-]?",
            case in prop::collection::vec(any::<bool>(), 9),
        ) {
            let mut s = Starts::new(8);
            s.add_any_case_prefix(prefix.as_bytes());
            let cased: String = prefix
                .chars()
                .zip(&case)
                .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
                .collect();
            let word = format!("{cased}{rest}");
            prop_assert!(s.may_start(word.as_bytes(), 0), "{}", word);
        }
    }

    /// The scan that rounds replaced, kept as the oracle: eight bytes at a time, the word
    /// starts a mask from the letter-or-digit test of `swar`, each candidate's eight bytes
    /// and stops cut from the block and the one after it.
    fn eight_at_a_time(s: &Starts, haystack: &[u8]) -> Vec<usize> {
        let cut =
            |k: usize, low: u64, high: u64| ((u128::from(high) << 64 | u128::from(low)) >> (8 * k)) as u64;
        let mut found = Vec::new();
        let mut carry = 0;
        for base in (0..haystack.len()).step_by(8) {
            let (block, next) = (Block::at(haystack, base), Block::at(haystack, base + 8));
            let (x, alnum) = (block.x, !block.stop & HIGH);
            let before = alnum << 8 | carry;
            carry = alnum >> 56;
            let mut mask = if s.punctuation_first {
                !(alnum & before) & HIGH
            } else {
                alnum & !before | x & x << 1 & HIGH
            };
            while mask != 0 {
                let k = first(mask);
                mask &= mask - 1;
                let eight = Block { x: cut(k, block.x, next.x), stop: cut(k, block.stop, next.stop) };
                if base + k < haystack.len() && s.holds(eight) {
                    found.push(base + k);
                }
            }
        }
        found
    }

    /// Every set of eight marks packs to its bits, and a round's marks to the bits of every
    /// 64 bytes, as the blocks of eight bytes that the packing replaced gave them.
    #[test]
    fn marks_pack_to_bits() {
        for bits in 0..=u8::MAX {
            let marks = (0..8).filter(|i| bits >> i & 1 == 1).fold(0u64, |m, i| m | 0x80 << (8 * i));
            assert_eq!(pack(marks), u64::from(bits), "{bits:#b}");
        }
        let mut classes = Classes::new();
        let text: Vec<u8> = "Putin, PUTIN; é ’x 9/11 al-Assad".bytes().cycle().take(SPAN).collect();
        classes.class(text.as_slice().try_into().unwrap(), ROUND, false);
        for at in (0..ROUND).step_by(64) {
            let blocks = (0..8).fold(0u64, |m, k| {
                let block = eight(&classes.starts, at + 8 * k);
                (0..8).filter(|i| block >> (8 * i + 7) & 1 == 1).fold(m, |m, i| m | 1 << (8 * k + i))
            });
            assert_eq!(classes.starts(at), blocks);
        }
    }

    #[test]
    fn a_byte_is_a_stop_as_the_eight_byte_test_says() {
        for b in 0..=u8::MAX {
            for k in 0..8 {
                let mut eight = [b'a'; 8];
                eight[k] = b;
                let expected = !ascii_alphanumeric(u64::from_le_bytes(eight)) & HIGH;
                assert_eq!(u64::from(stop(b)) << (8 * k), expected, "{b:#x} at {k}");
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
