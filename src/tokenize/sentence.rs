//! Sentences: the UAX #29 sentence boundaries news prose needs (a test checks agreement with
//! the full algorithm on the seed articles), corrected for the abbreviations of news prose and
//! stripped of page furniture.
//!
//! UAX #29 breaks after "Sen." in "Sen. Chris Coons" and after "U.N." in "the U.N. Security
//! Council" (rule SB11: a full stop, spaces, then an upper-case letter). News text is full of
//! such titles and initialisms, so a break is undone when the segment ends in
//! - a title or month abbreviation ("Gen.", "Lt.", "Maj.", "Sept."), or a single initial
//!   ("N. Korea", "John F. Kennedy"): always;
//! - an initialism ("U.S.", "U.N.", "D.C."): unless the next word typically opens a sentence
//!   ("… in Washington, D.C. He said" still splits).
//!
//! A line break always ends a sentence, and lines that are page furniture of scraped articles
//! ("Advertisement", "Continue Reading") are not sentences at all.

use crate::span::Span;
use crate::swar::{ascii_alphanumeric, HIGH};

/// Abbreviations after which a full stop never ends a sentence (case-sensitive, without the
/// full stop).
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Maj", "Capt",
    "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Gens", "St", "Mt", "Ft", "Rev", "Hon", "Pres",
    "Amb", "Sec", "Atty", "Supt", "Insp", "Lieut", "Messrs", "No", "Nos", "Vol", "Fig", "Art", "Sect", "vs",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "Dept",
    "Univ", "Ave", "Blvd",
];

/// Words that typically open a sentence; after an initialism they mean the full stop was a
/// sentence end as well ("… to the U.S. The talks …").
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "A", "About", "According", "After", "Against", "All", "Also", "Although", "An", "And",
    "Another", "Any", "As", "At", "Because", "Before", "Both", "But", "By", "Despite", "During",
    "Each", "Even", "Experts", "For", "From", "He", "Her", "Here", "His", "How", "However", "I",
    "If", "In", "Instead", "It", "Its", "Last", "Many", "Meanwhile", "More", "Most", "My", "No",
    "Not", "Now", "Officials", "On", "One", "Only", "Our", "Over", "She", "Since", "So", "Some",
    "Still", "Such", "That", "The", "Their", "Then", "There", "These", "They", "This", "Those",
    "Though", "Thus", "To", "Two", "Under", "Until", "We", "What", "When", "Where", "Whether",
    "Which", "While", "Who", "Why", "With", "Yet", "You",
];

/// Whole lines of page furniture in scraped articles (compared case-insensitively).
const FURNITURE: &[&str] = &[
    "advertisement",
    "skip advertisement",
    "continue reading",
    "continue reading below",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "article continues below advertisement",
    "scroll to continue with content",
    "read more",
    "read next",
    "related",
    "related articles",
    "share",
    "share this article",
    "connect with us",
    "published",
    "on",
    "sign up",
    "subscribe",
    "click here",
];

/// The longest furniture line: longer lines are never compared with the list.
const FURNITURE_MAX: usize = 40;

/// The sentences of `text`, in order, as byte spans without leading or trailing whitespace.
///
/// ```
/// let text = "Maj. Gen. Pat Ryder briefed the U.N. Security Council. Advertisement\nU.S. officials agreed.";
/// let s: Vec<&str> = gazer::tokenize::sentences(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(s, [
///     "Maj. Gen. Pat Ryder briefed the U.N. Security Council.",
///     "U.S. officials agreed.",
/// ]);
/// ```
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    split(text, 0, false, &mut out);
    out
}

/// The [`sentences`] of the line of `text` that holds byte `at` (up to and including its line
/// feed, as `split_inclusive('\n')` cuts lines) into `out`, cleared first, as offsets into
/// `text`, but for those that end before a sentence which begins at or before `at`: a
/// caller that asks at its first gate word of the line loses only sentences without one.
/// `from` is the start of a line at or before `at`. Returns where the line ends, `None` if
/// `at` is past the end of `text`.
///
/// The line is split from where a backward scan from `at` first finds its line feed or a
/// full stop that ends a sentence whatever stands before it on the line
/// ([`sentence_after`]): the sentences before that hold no gate word, and splitting them
/// cost four instructions a byte. The scan for stops finds the line's end, so a caller
/// that splits some lines of a document need not find their ends first. Nothing that
/// decides a sentence looks past a line feed, so the sentences are those of the line alone.
pub(crate) fn sentences_into(text: &str, from: usize, at: usize, out: &mut Vec<Span>) -> Option<usize> {
    let start = split_start(text, from, at)?;
    Some(split(text, start, true, out))
}

/// Where [`sentences_into`] splits the line that holds `at` from: after the last line feed
/// in `from..at` or at the first sentence start [`sentence_after`] a full stop there gives,
/// whichever comes last, else `from`; `None` if `from > at` or `at` is past the end.
/// Read back from `at` a block of [`BACK`] bytes at a time, classed at once; a block
/// without a line feed or full stop costs no more than that.
fn split_start(text: &str, from: usize, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if from > at || at >= bytes.len() {
        return None;
    }
    // A full stop marked at `i`: the sentence start it gives, or the line's start.
    let start_at = |i: usize| match bytes[i] {
        b'\n' => Some(i + 1),
        _ => sentence_after(text, i).filter(|&s| s <= at),
    };
    let mut end = at;
    while end > from {
        let Some(base) = end.checked_sub(BACK) else {
            // Fewer than a block's bytes before `end`: byte by byte.
            let found = (from..end).rev().filter(|&i| matches!(bytes[i], b'\n' | b'.')).find_map(start_at);
            return Some(found.unwrap_or(from));
        };
        let words = feeds_and_stops(&bytes[base..end]);
        if words.iter().any(|&w| w != 0) {
            for (k, &word) in words.iter().enumerate().rev() {
                let mut word = word;
                while word != 0 {
                    let j = 7 - word.leading_zeros() as usize / 8;
                    let i = base + 8 * k + j;
                    if i < from {
                        return Some(from);
                    }
                    if let Some(start) = start_at(i) {
                        return Some(start);
                    }
                    // The marks before this one.
                    word &= (1 << (8 * j)) - 1;
                }
            }
        }
        end = base;
    }
    Some(from)
}

/// Bytes that [`split_start`] classes at once.
const BACK: usize = 64;

/// The [`BACK`] `bytes` as eight words, the first lowest, each byte 0xFF if it is a line feed
/// or a full stop and 0 if not. A loop over a fixed length, which the compiler turns into
/// vector comparisons.
#[inline(always)]
fn feeds_and_stops(bytes: &[u8]) -> [u64; 8] {
    let bytes: &[u8; BACK] = bytes.try_into().unwrap_or(&[0; BACK]);
    let mut marks = [0u8; BACK];
    for (mark, &b) in marks.iter_mut().zip(bytes) {
        *mark = u8::from(b == b'\n' || b == b'.').wrapping_neg();
    }
    let mut words = [0u64; 8];
    for (word, eight) in words.iter_mut().zip(marks.chunks_exact(8)) {
        *word = u64::from_le_bytes(eight.try_into().unwrap_or_default());
    }
    words
}

/// Where the sentence after the full stop at `stop` of `text` begins, if the stop ends a
/// sentence whatever stands before it on its line: it ends a word of ASCII letters and digits
/// after a space, a word that is neither a title nor a single capital, and one or more
/// spaces follow it, then no lower-case letter and none of `. ? ! , ; :`. Splitting from the
/// line's start, [`Segments`] reaches the stop (a letter or digit before it is in no
/// terminator run and no white space after one) and ends a segment there (SB8 and SB8a do
/// not hold), whose next segment begins after the spaces; and the sentence before is not
/// continued ([`continues`]: its last word is no title, no initial and, without a full stop
/// of its own, no initialism). So the segments from there on are those of a split that
/// begins there.
fn sentence_after(text: &str, stop: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(stop) != Some(&b'.') || bytes.get(stop + 1) != Some(&b' ') {
        return None;
    }
    let word = word_before(bytes, stop);
    let last = &bytes[word..stop];
    let initial = matches!(last, [c] if c.is_ascii_uppercase());
    if last.is_empty() || word == 0 || bytes[word - 1] != b' ' || initial || is_title(last) {
        return None;
    }
    // The spaces the segments skip after a terminator run.
    let mut pos = stop + 1;
    loop {
        match bytes.get(pos..) {
            Some([b' ' | b'\t', ..]) => pos += 1,
            Some([0xC2, 0xA0, ..]) => pos += 2,
            _ => break,
        }
    }
    let next = char_at(text, pos)?;
    let ends = !(next.is_lowercase() || matches!(next, '.' | '?' | '!' | ',' | ';' | ':'));
    ends.then_some(pos)
}

/// Where the run of ASCII letters and digits that ends at `end` of `bytes` begins. The eight
/// bytes before `end` are tested at once, and only a run longer than that is read on byte
/// by byte: most words are shorter.
fn word_before(bytes: &[u8], end: usize) -> usize {
    let mut word = end;
    if let Some(eight) = end.checked_sub(8).and_then(|at| bytes.get(at..end)) {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        let others = !ascii_alphanumeric(x) & HIGH;
        if others != 0 {
            // The last byte that is no letter or digit is the highest marked.
            return end - (others.leading_zeros() as usize / 8);
        }
        word = end - 8;
    }
    while word > 0 && bytes[word - 1].is_ascii_alphanumeric() {
        word -= 1;
    }
    word
}

/// The sentences of `text` from `from` on into `out` (cleared first): the trimmed
/// [`Segments`], each joined to the one before where that one ends in an abbreviation's full
/// stop, page furniture left out; with `one_line`, up to the first line feed. Returns where
/// the last segment ends, `from` if there is none.
fn split(text: &str, from: usize, one_line: bool, out: &mut Vec<Span>) -> usize {
    let mut segments = Segments::new(text, from, one_line);
    join_pieces(text, segments.by_ref().flatten(), out);
    segments.end
}

/// The sentences made of the trimmed `pieces` into `out` (cleared first): each piece joined
/// to the one before where that one ends in an abbreviation's full stop, page furniture left
/// out.
#[inline(always)]
fn join_pieces(text: &str, pieces: impl Iterator<Item = Span>, out: &mut Vec<Span>) {
    out.clear();
    let mut current: Option<Span> = None;
    for piece in pieces {
        current = match current {
            Some(cur) if continues(text, cur, piece) => Some(Span::new(cur.start, piece.end)),
            Some(cur) => {
                push(text, out, cur);
                Some(piece)
            }
            None => Some(piece),
        };
    }
    if let Some(cur) = current {
        push(text, out, cur);
    }
}

/// The sentences of `text` made of its candidate `segments` (offset, text) into `out`, as
/// [`split`] joins its own: the full UAX #29 algorithm's segments go through here in a test.
#[cfg(test)]
fn join<'t>(text: &'t str, segments: impl Iterator<Item = (usize, &'t str)>, out: &mut Vec<Span>) {
    let pieces = segments.filter_map(|(start, segment)| trim(text, Span::new(start, start + segment.len())));
    join_pieces(text, pieces, out);
}

/// Candidate sentences: text up to and including a run of terminators (`. ? ! …`), closing
/// quotes or brackets and the spaces after them; a full stop followed by a lower-case word is
/// no end ("p.m. on Friday"), as in UAX #29 rule SB8. Every line break (`\n`, `\r`, U+2028,
/// U+2029, U+0085) ends one.
///
/// This is the part of UAX #29 sentence segmentation that news prose exercises, at a fraction
/// of its cost: the full algorithm classifies every character against the Unicode tables,
/// which cost more than all of gazer's matching together.
///
/// Each segment comes trimmed of white space, `None` if nothing else is left. The segments
/// begin at `from`; with `one_line` they end with the first line feed.
struct Segments<'t> {
    text: &'t str,
    one_line: bool,
    /// Where the next segment begins.
    start: usize,
    /// Where the scan for its end goes on.
    pos: usize,
    /// Where the last segment ended.
    end: usize,
    stops: Stops<'t>,
}

impl<'t> Segments<'t> {
    fn new(text: &'t str, from: usize, one_line: bool) -> Segments<'t> {
        let stops = Stops::new(text.as_bytes(), from);
        Segments { text, one_line, start: from, pos: from, end: from, stops }
    }

    /// The segment from `start` to `end`, which ends in a line break or the text.
    fn cut(&mut self, start: usize, end: usize) -> Option<Span> {
        self.end = end;
        trim(self.text, Span::new(start, end))
    }
}

impl Iterator for Segments<'_> {
    type Item = Option<Span>;

    /// Inlined into [`split`]'s loop, which then keeps the scan's state in registers: out of
    /// line, every segment saved and restored it (-0.3% of extraction's instructions).
    #[inline(always)]
    fn next(&mut self) -> Option<Option<Span>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let start = self.start;
        if start >= bytes.len() {
            return None;
        }
        while let Some(at) = self.stops.find(self.pos) {
            // Every terminator is ASCII or starts with 0xE2 ("…", U+2028, U+2029) or 0xC2
            // (U+0085): scanning bytes avoids decoding each character.
            let (lead, second) = (bytes[at], bytes.get(at + 1).copied());
            // "…", U+2028 and U+2029 are E2 80 A6, A8 and A9; U+0085 is C2 85.
            let terminator = match lead {
                0xE2 => second == Some(0x80) && matches!(bytes.get(at + 2), Some(0xA6 | 0xA8 | 0xA9)),
                0xC2 => second == Some(0x85),
                // The scan marks a few ASCII bytes that are no stop beside those that are.
                _ => matches!(lead, b'.' | b'?' | b'!' | b'\n' | b'\r'),
            };
            if !terminator {
                // Past the character: its lead byte gives its length ("’" is E2 80 99).
                let len = match lead {
                    0xE2 => 3,
                    0xC2 => 2,
                    _ => 1,
                };
                self.pos = (at + len).min(bytes.len());
                continue;
            }
            // An ASCII terminator is most often settled by the byte or two after it, as the
            // general path below would settle it: "word. The" and a terminator at the end of
            // the line end a segment, "U.S" and "3.5" do not.
            let quick = match (lead, second, bytes.get(at + 2)) {
                (b'.' | b'?' | b'!', Some(b' '), Some(n)) if n.is_ascii_uppercase() => Some((at + 1, at + 2)),
                (b'.' | b'?' | b'!', Some(b'\n'), _) => Some((at + 1, at + 1)),
                (b'.' | b'?' | b'!', Some(n), _) if n.is_ascii_alphanumeric() => {
                    self.pos = at + 1;
                    continue;
                }
                _ => None,
            };
            let (end, pos) = match quick {
                Some(quick) => quick,
                None => {
                    let c = char_at(text, at).unwrap_or(' ');
                    let mut end = at + c.len_utf8();
                    if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
                        self.pos = end;
                        self.start = if self.one_line && c == '\n' { bytes.len() } else { end };
                        if at == start {
                            // Only the line break, which is white space: the line feed after a
                            // sentence's last stop, in most lines.
                            self.end = end;
                            return Some(None);
                        }
                        return Some(self.cut(start, end));
                    }
                    let mut full_stop = c == '.';
                    let mut closed = false;
                    // The rest of the terminator run and the closing quotes and brackets.
                    while let Some(t) = char_at(text, end) {
                        if matches!(t, '.' | '?' | '!' | '…' | '"' | '\'' | '”' | '’' | '»' | ')' | ']')
                        {
                            full_stop &= t != '?' && t != '!';
                            closed |= !matches!(t, '.' | '?' | '!' | '…');
                            end += t.len_utf8();
                        } else {
                            break;
                        }
                    }
                    // Spaces, tabs and no-break spaces (C2 A0).
                    let mut pos = end;
                    loop {
                        match bytes.get(pos..) {
                            Some([b' ' | b'\t', ..]) => pos += 1,
                            Some([0xC2, 0xA0, ..]) => pos += 2,
                            _ => break,
                        }
                    }
                    self.pos = pos;
                    let spaces = pos - end;
                    let next = char_at(text, pos);
                    // "3.5" and "U.S.-made" have no space after the stop; "Ukraine.”However" has a
                    // closing quote and a capital.
                    if spaces == 0
                        && next.is_some_and(|n| !(matches!(n, '\n' | '\r') || closed && n.is_uppercase()))
                    {
                        continue;
                    }
                    // "p.m. on" (SB8), and a spaced ellipsis or a comma after the stop (SB8a).
                    if full_stop
                        && next.is_some_and(|n| {
                            n.is_lowercase() || matches!(n, '.' | '?' | '!' | ',' | ';' | ':')
                        })
                    {
                        continue;
                    }
                    (end, pos)
                }
            };
            self.pos = pos;
            self.start = pos;
            self.end = pos;
            if self.one_line && bytes.get(pos) == Some(&b'\n') {
                // The line feed after the line's last sentence, which would be a segment of
                // white space alone, found and cut on the next call: the line ends with it.
                self.start = bytes.len();
                self.end = pos + 1;
            }
            // The segment ends in its terminator run, which holds no white space, and the
            // spaces after it: only its start may need trimming.
            // Most segments begin with a letter or a quotation mark: no white space to count.
            let lead = match bytes.get(start) {
                Some(b) if b.is_ascii_graphic() => 0,
                _ => leading_space(text, start, at).unwrap_or(0),
            };
            return Some(Some(Span::new(start + lead, end)));
        }
        self.pos = bytes.len();
        self.start = bytes.len();
        Some(self.cut(start, bytes.len()))
    }
}

/// The character at byte `at` of `text`, without decoding where it is ASCII.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// The bytes at which [`Segments`] looks closer: the ASCII terminators and line breaks, and
/// the first byte of "…", U+2028, U+2029 and U+0085. ([`stop`] marks them; the segments
/// test the byte again.)
#[cfg(test)]
const STOPS: [u8; 7] = [b'.', b'?', b'!', b'\n', b'\r', 0xE2, 0xC2];

/// Bytes of text that [`Stops`] classes at once: one bit each in a `u64`.
const BLOCK: usize = 64;

/// The scan for [`STOPS`]. A block of bytes is classed at once, in a loop over a fixed length
/// that the compiler turns into vector comparisons, and its marks are packed into one bit per
/// byte; the next stop asked for is most often in the same block, which is then one shift and
/// a count of trailing zeros away. Sixteen bytes classed per stop asked for, read back as a
/// `u128`, cost twice as much per byte; blocks whose byte marks were read eight at a time
/// spent as much on the reading.
struct Stops<'t> {
    bytes: &'t [u8],
    /// Where the block begins in `bytes`.
    base: usize,
    /// Bit `i` set if byte `base + i` is a stop; clear past the text.
    mask: u64,
}

impl<'t> Stops<'t> {
    /// The scan of `bytes`, its first block at `from`.
    fn new(bytes: &'t [u8], from: usize) -> Stops<'t> {
        let mut stops = Stops { bytes, base: from, mask: 0 };
        stops.class(from);
        stops
    }

    /// The offset of the first stop at or after `from`.
    #[inline]
    fn find(&mut self, from: usize) -> Option<usize> {
        let mut at = from;
        while at < self.bytes.len() {
            let mut i = at.wrapping_sub(self.base);
            if i >= BLOCK {
                self.class(at);
                i = 0;
            }
            let ahead = self.mask >> i;
            if ahead != 0 {
                return Some(at + ahead.trailing_zeros() as usize);
            }
            at = self.base + BLOCK;
        }
        None
    }

    /// Classes the block of bytes that begins at `at`.
    #[inline(always)]
    fn class(&mut self, at: usize) {
        self.base = at;
        let padded: [u8; BLOCK];
        let block: &[u8; BLOCK] = match self.bytes.get(at..at + BLOCK).and_then(|b| b.try_into().ok()) {
            Some(block) => block,
            None => {
                // The text ends inside the block: past its end the bytes are zero, no stop.
                let mut last = [0; BLOCK];
                last.iter_mut().zip(self.bytes.get(at..).unwrap_or_default()).for_each(|(to, &b)| *to = b);
                padded = last;
                &padded
            }
        };
        self.mask = mask_of(block);
    }
}

/// Bit `i` set if byte `i` of `block` is a stop. Each byte's mark is cut to the bit of its
/// eight-byte word (bit `k` for word `k`) and the words are ORed, all in vector registers:
/// byte `j` of the result then holds the marks of byte `j` of every word, and a transpose
/// of that 8×8 bit matrix puts them in the order of the block. Packing each word's marks by
/// a multiplication took the words out of the vector registers one by one, twice the
/// instructions. A block without a stop is not transposed.
#[inline(always)]
fn mask_of(block: &[u8; BLOCK]) -> u64 {
    let mut marks = [0u8; BLOCK];
    for ((mark, &b), &bit) in marks.iter_mut().zip(block).zip(&WORD_BITS) {
        *mark = stop(b) & bit;
    }
    let rows = marks
        .chunks_exact(8)
        .map(|eight| u64::from_le_bytes(eight.try_into().unwrap_or_default()))
        .fold(0, |rows, word| rows | word);
    if rows == 0 {
        return 0;
    }
    transpose(rows)
}

/// For each byte of a block, the bit of its eight-byte word: `1 << (i / 8)` at `i`.
static WORD_BITS: [u8; BLOCK] = {
    let mut bits = [0; BLOCK];
    let mut i = 0;
    while i < BLOCK {
        bits[i] = 1 << (i / 8);
        i += 1;
    }
    bits
};

/// `x` as an 8×8 bit matrix, row `r` its byte `r` and column `c` that byte's bit `c`,
/// transposed: bit `8r + c` moves to `8c + r`. Three rounds of swapping blocks across the
/// diagonal: single bits, 2×2 blocks, then 4×4 blocks.
#[inline(always)]
fn transpose(x: u64) -> u64 {
    let t = (x ^ (x >> 7)) & 0x00AA_00AA_00AA_00AA;
    let x = x ^ t ^ (t << 7);
    let t = (x ^ (x >> 14)) & 0x0000_CCCC_0000_CCCC;
    let x = x ^ t ^ (t << 14);
    let t = (x ^ (x >> 28)) & 0x0000_0000_F0F0_F0F0;
    x ^ t ^ (t << 28)
}

/// 0xFF if `b` is one of [`STOPS`] or of [`NEAR_STOPS`], 0 if not. Each test takes in a
/// pair of stops by the bits where they differ, and with them a few bytes rare in prose,
/// which the segments then pass over: four vector comparisons instead of seven.
#[inline(always)]
fn stop(b: u8) -> u8 {
    let mark = |hit: bool| u8::from(hit).wrapping_neg();
    // "." 2E and "?" 3F differ in bits 0 and 4; C2 and E2 in bit 5; "\n" 0A and "\r" 0D in
    // bits 0 to 2.
    mark(b | 0x11 == 0x3F) | mark(b & !0x20 == 0xC2) | mark(b | 0x07 == 0x0F) | mark(b == b'!')
}

/// The bytes [`stop`] marks besides [`STOPS`]: "/" and ">", and the control characters 08
/// to 0F but the line feed and carriage return (tab, vertical tab, form feed among them).
#[cfg(test)]
const NEAR_STOPS: [u8; 8] = [b'/', b'>', 0x08, 0x09, 0x0B, 0x0C, 0x0E, 0x0F];

/// Eight marks (0xFF or 0) as eight bits, the first lowest: each byte's high bit moved to
/// the top byte by one multiplication, where no two of them meet. How [`mask_of`] packed
/// a block's marks before it transposed them.
#[cfg(test)]
fn pack(marks: u64) -> u8 {
    const GATHER: u64 = 0x0002_0408_1020_4081;
    ((marks & HIGH).wrapping_mul(GATHER) >> 56) as u8
}

/// How much white space begins `text[start..end]`, `None` if that is no slice of `text`.
/// ASCII white space is skipped byte by byte; from a non-ASCII byte on the characters are
/// decoded.
fn leading_space(text: &str, start: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes().get(start..end)?;
    let mut lead = 0;
    while lead < bytes.len() && is_ascii_space(bytes[lead]) {
        lead += 1;
    }
    if bytes.get(lead).is_some_and(|b| !b.is_ascii()) {
        let s = text.get(start + lead..end)?;
        lead += s.len() - s.trim_start().len();
    }
    Some(lead)
}

/// `span` without the white space at its ends, `None` if nothing else is left. ASCII white
/// space is skipped byte by byte; from a non-ASCII byte on the characters are decoded. The
/// span is sliced as a `str` only then: its character-boundary tests and the iterator
/// adapters of the byte scans were a third of the cost.
fn trim(text: &str, span: Span) -> Option<Span> {
    let bytes = text.as_bytes().get(span.start..span.end)?;
    let lead = leading_space(text, span.start, span.end)?;
    let mut end = bytes.len();
    while end > lead && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    if end > lead && !bytes[end - 1].is_ascii() {
        end = lead + text.get(span.start + lead..span.start + end)?.trim_end().len();
    }
    (end > lead).then(|| Span::new(span.start + lead, span.start + end))
}

/// Whether `b` is ASCII white space as `char::is_whitespace` has it: tab to carriage return,
/// and space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

#[inline]
fn push(text: &str, out: &mut Vec<Span>, span: Span) {
    if !is_furniture(text, span) {
        out.push(span);
    }
}

/// Whether `span` of `text` is a line of [`FURNITURE`]. Most sentences are longer than any
/// furniture line or of a length none has, and are not compared: that test is inlined into
/// the splitter's loop, the comparison is not (a call on every sentence made the loop
/// reload its vector constants after each).
#[inline(always)]
fn is_furniture(text: &str, span: Span) -> bool {
    let len = span.len();
    len <= FURNITURE_MAX && FURNITURE_LENGTHS >> len & 1 != 0 && is_furniture_line(text, span)
}

/// [`is_furniture`] for a span of a furniture line's length.
#[inline(never)]
fn is_furniture_line(text: &str, span: Span) -> bool {
    let s = text.as_bytes().get(span.start..span.end).unwrap_or_default();
    FURNITURE.iter().any(|f| s.eq_ignore_ascii_case(f.as_bytes()))
}

/// Bit `n` set for each length `n` of a [`FURNITURE`] line.
const FURNITURE_LENGTHS: u64 = {
    let (mut lengths, mut i) = (0u64, 0);
    while i < FURNITURE.len() {
        assert!(FURNITURE[i].len() <= FURNITURE_MAX && FURNITURE_MAX < 64);
        lengths |= 1 << FURNITURE[i].len();
        i += 1;
    }
    lengths
};

/// Whether the break between `cur` and `next` is an abbreviation's full stop, not a sentence
/// end.
fn continues(text: &str, cur: Span, next: Span) -> bool {
    // `prev` ends where a trimmed segment does, so its last word ends in a full stop exactly
    // when `prev` does; most sentences end otherwise or in a word that is no abbreviation.
    // Both tests read bytes: slicing the text tests character boundaries.
    let bytes = text.as_bytes();
    if cur.start >= cur.end
        || bytes.get(cur.end - 1) != Some(&b'.')
        || breaks_line_between(text, cur.end, next.start)
    {
        return false;
    }
    let prev = &text[cur];
    let Some(base) = abbreviation(prev) else { return false };
    if is_title(base.as_bytes()) {
        return true;
    }
    let mut chars = base.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    if is_initialism(base) {
        return !opens(text, next);
    }
    false
}

/// Whether the first word of `next` in `text` (its letters and digits up to the first other
/// character) is one of [`OPENERS`]. Each opener begins with an ASCII capital: a word that
/// does not is none, and one that does is compared only with the openers of its letter.
fn opens(text: &str, next: Span) -> bool {
    let bytes = text.as_bytes().get(next.start..next.end).unwrap_or_default();
    let Some(&letter @ b'A'..=b'Z') = bytes.first() else { return false };
    let ascii = bytes.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len());
    let first = match bytes.get(ascii) {
        // A letter or digit that is not ASCII may go on with the word: decode.
        Some(b) if !b.is_ascii() => {
            text[next].split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default().as_bytes()
        }
        _ => &bytes[..ascii],
    };
    let from = OPENER_STARTS[usize::from(letter - b'A')];
    let to = OPENER_STARTS[usize::from(letter - b'A') + 1];
    OPENERS[from..to].iter().any(|w| w.as_bytes() == first)
}

/// Where the [`OPENERS`] of each capital letter begin in that list, which is in alphabetical
/// order: those of letter `l` are `OPENERS[OPENER_STARTS[l]..OPENER_STARTS[l + 1]]`.
const OPENER_STARTS: [usize; 27] = {
    let mut starts = [0; 27];
    let mut i = 0;
    while i < OPENERS.len() {
        let first = OPENERS[i].as_bytes()[0];
        assert!(first.is_ascii_uppercase());
        assert!(i == 0 || OPENERS[i - 1].as_bytes()[0] <= first);
        starts[(first - b'A') as usize + 1] = i + 1;
        i += 1;
    }
    // Letters without an opener begin where the letter before ends.
    let mut l = 1;
    while l < 27 {
        if starts[l] < starts[l - 1] {
            starts[l] = starts[l - 1];
        }
        l += 1;
    }
    starts
};

/// Whether the bytes of `text` from `from` to `to` hold a line break of any kind; none if
/// that is no slice of `text`. Each begins with one of four bytes, which most gaps (a space
/// or two) do not hold, so most are neither sliced as a `str` nor decoded.
fn breaks_line_between(text: &str, from: usize, to: usize) -> bool {
    let may = |gap: &[u8]| gap.iter().any(|b| matches!(b, b'\n' | b'\r' | 0xC2 | 0xE2));
    text.as_bytes().get(from..to).is_some_and(may)
        && text.get(from..to).is_some_and(|gap| gap.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']))
}

/// What may be an abbreviation in `prev`, which ends in a full stop: its last word without
/// the stop, the opening quotes and brackets before it, and all up to its last hyphen ("(D-Del."
/// → "Del"); `None` if that is longer than any abbreviation and no initialism. The eight
/// bytes before the stop are read at once: the last white space, hyphen or non-ASCII byte
/// among them ends the word (read back byte by byte, a word cost a dozen instructions a
/// byte: -0.38% of extraction's instructions over the seeds). Without one, eight plain
/// letters end the word, which no opening quote or bracket can shorten to a title and which
/// ends in no initialism's full stop.
fn abbreviation(prev: &str) -> Option<&str> {
    let word = prev.strip_suffix('.').unwrap_or(prev);
    let bytes = word.as_bytes();
    let Some(tail) = bytes.len().checked_sub(8).and_then(|at| bytes.get(at..)) else {
        return Some(bytewise_abbreviation(prev));
    };
    let x = u64::from_le_bytes(tail.try_into().unwrap_or_default());
    let ends = word_ends(x);
    if ends == 0 {
        return if opens_or_stops(x) { Some(bytewise_abbreviation(prev)) } else { None };
    }
    // The last marked byte is the highest.
    let at = bytes.len() - 1 - ends.leading_zeros() as usize / 8;
    Some(match bytes[at] {
        b'-' => word.get(at + 1..).unwrap_or_default(),
        b if !b.is_ascii() => decoded_abbreviation(prev),
        _ => opened(word, at + 1),
    })
}

/// Each byte of `x` that may end a word read back from a full stop: a hyphen, ASCII white
/// space or a non-ASCII byte, its high bit set; the others clear. Each byte is tested on its
/// low seven bits, to which adding at most 0x7F carries into no other byte.
fn word_ends(x: u64) -> u64 {
    let seven = x & !HIGH;
    let space = (seven + each(0x80 - 0x09)) & !(seven + each(0x80 - 0x0E));
    (x | space | zero(seven ^ each(b'-')) | zero(seven ^ each(b' '))) & HIGH
}

/// Whether one of the eight ASCII bytes of `x` is an opening quote or bracket that
/// [`abbreviation`] strips, or a full stop.
fn opens_or_stops(x: u64) -> bool {
    let marks = [b'(', b'[', b'"', b'\'', b'.'].iter().fold(0, |m, &b| m | zero(x ^ each(b)));
    marks & HIGH != 0
}

/// The high bit of each zero byte of `y`, whose bytes are below 0x80, set; the others clear.
fn zero(y: u64) -> u64 {
    !(y + each(0x7F)) & HIGH
}

/// `b` in every byte.
const fn each(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// `word` from `start`, without the ASCII opening quotes and brackets there.
fn opened(word: &str, start: usize) -> &str {
    let bytes = word.as_bytes();
    let mut start = start;
    while bytes.get(start).is_some_and(|b| matches!(b, b'(' | b'[' | b'"' | b'\'')) {
        start += 1;
    }
    word.get(start..).unwrap_or_default()
}

/// [`abbreviation`] read back from the stop byte by byte while the bytes are ASCII;
/// otherwise the characters are decoded, as some white space is not ASCII.
fn bytewise_abbreviation(prev: &str) -> &str {
    let word = prev.strip_suffix('.').unwrap_or(prev);
    let bytes = word.as_bytes();
    let mut start = bytes.len();
    while start > 0 {
        match bytes[start - 1] {
            b'-' => return word.get(start..).unwrap_or_default(),
            b if !b.is_ascii() => return decoded_abbreviation(prev),
            b if is_ascii_space(b) => break,
            _ => start -= 1,
        }
    }
    // The opening quotes and brackets that are ASCII: the word has no other byte.
    opened(word, start)
}

/// [`abbreviation`] by characters.
fn decoded_abbreviation(prev: &str) -> &str {
    let token = last_word(prev).trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
    let Some(base) = token.strip_suffix('.') else { return "" };
    base.as_bytes().iter().rposition(|&b| b == b'-').map_or(base, |i| base.get(i + 1..).unwrap_or_default())
}

/// Whether `word` is one of [`TITLES`]: its bytes and length as one number, looked up in a
/// table of the titles' numbers. A hash set cost more than the rest of [`continues`].
fn is_title(word: &[u8]) -> bool {
    // Most words that end a sentence are lower case, which no title but "vs" and "approx"
    // begins with: their first byte settles them.
    let first = word.first().map_or(0, |&b| b);
    if word.len() > TITLE_MAX || first >= 0x80 || TITLE_FIRSTS >> first & 1 == 0 {
        return false;
    }
    let key = title_key(word);
    let mut slot = title_slot(key);
    // The table is never full, so an empty slot ends every search.
    loop {
        match TITLE_TABLE[slot] {
            k if k == key => return true,
            0 => return false,
            _ => slot = (slot + 1) % TITLE_SLOTS,
        }
    }
}

/// The bytes of a word of at most seven bytes, the first lowest, and its length in the top
/// byte with the high bit set: distinct words give distinct keys, and no key is zero.
const fn title_key(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64 | 0x80) << 56;
    let mut i = 0;
    while i < word.len() && i < 7 {
        key |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// Where the search for `key` in [`TITLE_TABLE`] begins.
const fn title_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57) as usize % TITLE_SLOTS
}

/// Slots of [`TITLE_TABLE`]: twice the titles, so that searches are short.
const TITLE_SLOTS: usize = 128;

/// The [`title_key`]s of [`TITLES`], each at or after its [`title_slot`] (open addressing);
/// zero where none is.
const TITLE_TABLE: [u64; TITLE_SLOTS] = {
    assert!(TITLE_MAX <= 7 && TITLES.len() < TITLE_SLOTS);
    let mut table = [0u64; TITLE_SLOTS];
    let mut i = 0;
    while i < TITLES.len() {
        let key = title_key(TITLES[i].as_bytes());
        let mut slot = title_slot(key);
        while table[slot] != 0 && table[slot] != key {
            slot = (slot + 1) % TITLE_SLOTS;
        }
        table[slot] = key;
        i += 1;
    }
    table
};

/// Whether `word` is one of `words`. Comparing the first byte before the rest saves a
/// `memcmp` call for most words of the length of some listed word. How [`opens`] looked up
/// the next word before it compared only the openers of its letter.
#[cfg(test)]
fn listed(words: &[&str], word: &str) -> bool {
    let first = word.as_bytes().first();
    words.iter().any(|w| w.len() == word.len() && w.as_bytes().first() == first && *w == word)
}

/// Bit `b` set for the first byte `b` of each of [`TITLES`], all ASCII.
const TITLE_FIRSTS: u128 = {
    let (mut firsts, mut i) = (0u128, 0);
    while i < TITLES.len() {
        let first = TITLES[i].as_bytes()[0];
        assert!(first < 0x80);
        firsts |= 1 << first;
        i += 1;
    }
    firsts
};

/// The longest of [`TITLES`]: a longer word is none of them.
const TITLE_MAX: usize = {
    let (mut max, mut i) = (0, 0);
    while i < TITLES.len() {
        if TITLES[i].len() > max {
            max = TITLES[i].len();
        }
        i += 1;
    }
    max
};

/// What follows the last white space of `s`, all of `s` if it has none. An ASCII word is
/// read byte by byte; a non-ASCII byte before the white space means the characters must be
/// decoded, as some white space is not ASCII.
fn last_word(s: &str) -> &str {
    for (i, &b) in s.as_bytes().iter().enumerate().rev() {
        if !b.is_ascii() {
            return s.rsplit(char::is_whitespace).next().unwrap_or(s);
        }
        if is_ascii_space(b) {
            return s.get(i + 1..).unwrap_or_default();
        }
    }
    s
}

/// "U.S", "U.N", "D.C", "E.U" (the final full stop already removed).
fn is_initialism(s: &str) -> bool {
    // Each part is one character, so the first is followed by a full stop: that one byte
    // settles most words, where a scan for a full stop read them whole.
    let first = s.chars().next().map_or(0, char::len_utf8);
    s.as_bytes().get(first) == Some(&b'.')
        && s.split('.').all(|p| {
            let mut c = p.chars();
            matches!((c.next(), c.next()), (Some(a), None) if a.is_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn each_byte_value_is_a_stop_exactly_when_listed() {
        for b in 0..=u8::MAX {
            let listed = STOPS.contains(&b) || NEAR_STOPS.contains(&b);
            assert_eq!(stop(b), if listed { 0xFF } else { 0 }, "{b:#x}");
        }
        // The segments' own test of a marked byte keeps exactly the stops.
        for b in STOPS.iter().chain(&NEAR_STOPS) {
            let text = String::from_utf8(vec![b'x', *b, b' ', b'Y']).unwrap_or_default();
            let is_stop = b.is_ascii() && STOPS.contains(b);
            assert_eq!(Segments::new(&text, 0, false).count() == 2, is_stop, "{b:#x}");
        }
    }

    /// The first stop at or after `from`, byte by byte.
    fn naive(bytes: &[u8], from: usize) -> Option<usize> {
        (from..bytes.len()).find(|&i| STOPS.contains(&bytes[i]) || NEAR_STOPS.contains(&bytes[i]))
    }

    #[test]
    fn stops_are_found_block_by_block() {
        let mut texts = vec![
            "no stop here, none; “quoted” … then.x?y!\r\n\u{2028}end".to_string(),
            String::new(),
            "abc".to_string(),
        ];
        // Stops on either side of each block boundary, and none for more than a block.
        for at in [0, 1, 7, 8, 62, 63, 64, 65, 127, 128, 129, 190] {
            let mut bytes = vec![b'x'; 200];
            bytes[at] = b'.';
            bytes[(at * 7 + 3) % 200] = b'\n';
            texts.push(String::from_utf8(bytes.clone()).unwrap());
            texts.push(String::from_utf8(bytes[..at + 1].to_vec()).unwrap());
        }
        texts.push("x".repeat(150));
        for text in &texts {
            let bytes = text.as_bytes();
            // A scan asked from every offset afresh, and one asked in order as segments ask.
            let mut scan = Stops::new(bytes, 0);
            for from in 0..=bytes.len() + 2 {
                // Each block's mask, a block without a stop too (which is not packed), as
                // the bytes give it one by one.
                let each = (0..BLOCK).filter(|&i| naive(bytes, from + i) == Some(from + i));
                let mask = each.fold(0u64, |mask, i| mask | 1 << i);
                assert_eq!(Stops::new(bytes, from).mask, mask, "{text:?} from {from}");
                assert_eq!(Stops::new(bytes, from).find(from), naive(bytes, from), "{text:?} from {from}");
                assert_eq!(scan.find(from), naive(bytes, from), "{text:?} from {from} in order");
            }
            // Asked only at each stop found, as a scan that skips nothing.
            let mut scan = Stops::new(bytes, 0);
            let mut from = 0;
            while let Some(at) = scan.find(from) {
                assert_eq!(Some(at), naive(bytes, from), "{text:?} from {from}");
                from = at + 1;
            }
            assert_eq!(naive(bytes, from), None);
        }
    }

    #[test]
    fn marks_pack_to_bits() {
        for bits in 0..=u8::MAX {
            let marks: [u8; 8] = std::array::from_fn(|i| if bits >> i & 1 == 1 { 0xFF } else { 0 });
            assert_eq!(pack(u64::from_le_bytes(marks)), bits, "{marks:x?}");
        }
    }

    /// The word before `end`, read back byte by byte as `sentence_after` read it.
    fn old_word_before(bytes: &[u8], end: usize) -> usize {
        let mut word = end;
        while word > 0 && bytes[word - 1].is_ascii_alphanumeric() {
            word -= 1;
        }
        word
    }

    #[test]
    fn words_before_eight_bytes_at_a_time() {
        let mut texts: Vec<String> = crate::seed_texts().into_iter().collect();
        texts.push("abcdefghijklmnopq rstuvwxyz0123456789 é.x-y’z\u{0}\u{7f}\u{80}".into());
        for b in 0..=u8::MAX {
            for k in 0..12 {
                let mut bytes = vec![b'a'; 12];
                bytes[k] = b;
                texts.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
        for text in &texts {
            let bytes = text.as_bytes();
            for end in 0..=bytes.len() {
                assert_eq!(word_before(bytes, end), old_word_before(bytes, end), "{text:?} {end}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn words_before_any_end(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40), end in 0..40usize) {
            let end = end.min(bytes.len());
            proptest::prop_assert_eq!(word_before(&bytes, end), old_word_before(&bytes, end));
        }
    }

    /// A block's mask as it was made before [`mask_of`] transposed it: each word's marks
    /// packed by a multiplication, a block without a stop not packed.
    fn old_mask_of(block: &[u8; BLOCK]) -> u64 {
        let mut marks = [0u8; BLOCK];
        for (mark, &b) in marks.iter_mut().zip(block) {
            *mark = stop(b);
        }
        let words = marks.chunks_exact(8).map(|eight| u64::from_le_bytes(eight.try_into().unwrap()));
        if words.clone().fold(0, |any, word| any | word) == 0 {
            return 0;
        }
        words.enumerate().map(|(k, word)| u64::from(pack(word)) << (8 * k)).fold(0, |mask, bits| mask | bits)
    }

    #[test]
    fn transposed_marks_are_the_packed_marks() {
        // One stop at each place, a pair of stops at each pair of places, every byte value at
        // each place among other bytes.
        for i in 0..BLOCK {
            let mut block = [b'x'; BLOCK];
            block[i] = b'.';
            assert_eq!(mask_of(&block), old_mask_of(&block), "{i}");
            assert_eq!(mask_of(&block), 1 << i, "{i}");
            for j in 0..BLOCK {
                let mut two = block;
                two[j] = b'\n';
                assert_eq!(mask_of(&two), old_mask_of(&two), "{i} {j}");
            }
            for b in 0..=u8::MAX {
                let mut block = [b'.'; BLOCK];
                block[i] = b;
                assert_eq!(mask_of(&block), old_mask_of(&block), "{b:#x} at {i}");
                let mut block = [b'a'; BLOCK];
                block[i] = b;
                assert_eq!(mask_of(&block), old_mask_of(&block), "{b:#x} at {i}");
            }
        }
        assert_eq!(mask_of(&[b'a'; BLOCK]), 0);
        assert_eq!(mask_of(&[b'?'; BLOCK]), u64::MAX);
    }

    proptest::proptest! {
        #[test]
        fn transposed_marks_of_any_block(bytes in proptest::collection::vec(proptest::sample::select(&[b'.', b'?', b'!', b'\n', b'\r', 0xE2, 0xC2, b'/', b'>', 0x09, b'a', b' ', 0x80, 0xFF][..]), BLOCK)) {
            let block: [u8; BLOCK] = bytes.try_into().unwrap();
            proptest::prop_assert_eq!(mask_of(&block), old_mask_of(&block));
        }

        #[test]
        fn transposed_marks_of_random_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, BLOCK)) {
            let block: [u8; BLOCK] = bytes.try_into().unwrap();
            proptest::prop_assert_eq!(mask_of(&block), old_mask_of(&block));
        }
    }

    #[test]
    fn every_kind_of_line_break_ends_a_sentence() {
        let text = "Kim left\u{85}Putin stayed\r\nXi spoke\u{2028}Modi waited\u{2029}Lula\rErdogan";
        assert_eq!(split(text), ["Kim left", "Putin stayed", "Xi spoke", "Modi waited", "Lula", "Erdogan"]);
        // A title's full stop does not join sentences across a line break either.
        assert_eq!(split("He met Gen.\u{85}Troops left."), ["He met Gen.", "Troops left."]);
        // U+0085 ends a sentence after a full stop and a lower-case word too; a non-breaking
        // space, whose first byte it shares, ends nothing.
        assert_eq!(
            split("It rained.\u{85}then Kim\u{a0}left. U.S.\u{85}The"),
            ["It rained.", "then Kim\u{a0}left.", "U.S.", "The"]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("Sen. Chris Coons spoke. He left.", &["Sen. Chris Coons spoke.", "He left."]),
            ("Gen. Valery Gerasimov met Lt. Col. Ivanova.", &["Gen. Valery Gerasimov met Lt. Col. Ivanova."]),
            ("Maj. Gen. Pat Ryder said so.", &["Maj. Gen. Pat Ryder said so."]),
            (
                "U.S. officials said it. The U.N. Security Council met.",
                &["U.S. officials said it.", "The U.N. Security Council met."],
            ),
            (
                "He flew to Washington, D.C. The talks began.",
                &["He flew to Washington, D.C.", "The talks began."],
            ),
            ("A think tank in Washington, D.C. said so.", &["A think tank in Washington, D.C. said so."]),
            ("N. Korea fired. Seoul replied.", &["N. Korea fired.", "Seoul replied."]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn furniture_and_line_breaks() {
        let text = "Kyiv was hit overnight\nAdvertisement\n\n“It was loud,” she said.\u{a0}\nContinue Reading\nMore follows.";
        assert_eq!(split(text), ["Kyiv was hit overnight", "“It was loud,” she said.", "More follows."]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", ".", " . . ", "\r\n\r\n", "U.S.", "Gen.", "a\u{2029}b", "“”—–"] {
            for s in sentences(text) {
                assert!(!text[s].trim().is_empty());
            }
        }
    }
}

#[cfg(test)]
mod same_as_before {
    //! `trim` and `continues` against the code they replaced, which decoded every character.
    use proptest::prelude::*;

    use super::*;

    /// `segments` as it was, decoding each character after a stop.
    fn old_segments(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let (mut start, mut pos) = (0, 0);
        while start < text.len() {
            let mut found = None;
            while pos < text.len() {
                let Some(at) = (pos..text.len()).find(|&i| STOPS.contains(&text.as_bytes()[i])) else {
                    pos = text.len();
                    break;
                };
                let lead = text.as_bytes()[at];
                if lead == 0xE2 && !text[at..].starts_with(['…', '\u{2028}', '\u{2029}'])
                    || lead == 0xC2 && !text[at..].starts_with('\u{85}')
                {
                    pos = at + 1;
                    while !text.is_char_boundary(pos) {
                        pos += 1;
                    }
                    continue;
                }
                let c = text[at..].chars().next().unwrap_or(' ');
                let mut end = at + c.len_utf8();
                if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
                    pos = end;
                    found = Some(end);
                    break;
                }
                let mut full_stop = c == '.';
                let mut closed = false;
                for t in text[end..].chars() {
                    if matches!(t, '.' | '?' | '!' | '…' | '"' | '\'' | '”' | '’' | '»' | ')' | ']') {
                        full_stop &= t != '?' && t != '!';
                        closed |= !matches!(t, '.' | '?' | '!' | '…');
                        end += t.len_utf8();
                    } else {
                        break;
                    }
                }
                let spaces = text[end..].len() - text[end..].trim_start_matches([' ', '\t', '\u{a0}']).len();
                pos = end + spaces;
                let next = text[pos..].chars().next();
                if spaces == 0
                    && next.is_some_and(|n| !(matches!(n, '\n' | '\r') || closed && n.is_uppercase()))
                {
                    continue;
                }
                if full_stop
                    && next
                        .is_some_and(|n| n.is_lowercase() || matches!(n, '.' | '?' | '!' | ',' | ';' | ':'))
                {
                    continue;
                }
                found = Some(pos);
                break;
            }
            let end = found.unwrap_or(text.len());
            out.push((start, &text[start..end]));
            start = end;
        }
        out
    }

    fn old_trim(text: &str, span: Span) -> Option<Span> {
        let s = &text[span];
        let lead = s.len() - s.trim_start().len();
        let body = s.trim();
        (!body.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + body.len()))
    }

    fn old_continues(text: &str, cur: Span, next: Span) -> bool {
        if text[cur.end..next.start].contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
            return false;
        }
        let prev = &text[cur];
        let Some(token) = prev.rsplit(char::is_whitespace).next() else { return false };
        let token = token.trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
        let Some(base) = token.strip_suffix('.') else { return false };
        let base = base.rsplit('-').next().unwrap_or(base);
        if TITLES.contains(&base) {
            return true;
        }
        let mut chars = base.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() {
                return true;
            }
        }
        if is_initialism(base) {
            let first = text[next].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            return !OPENERS.contains(&first);
        }
        false
    }

    /// Furniture as the list was scanned for every sentence.
    fn old_is_furniture(s: &str) -> bool {
        s.len() <= FURNITURE_MAX && FURNITURE.iter().any(|f| s.eq_ignore_ascii_case(f))
    }

    /// `sentences` as it was: the segments trimmed, joined and kept by the old computations.
    fn old_sentences(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut keep = |cur: Span| {
            if !old_is_furniture(&text[cur]) {
                out.push(cur);
            }
        };
        let mut current: Option<Span> = None;
        for (start, segment) in old_segments(text) {
            let Some(piece) = old_trim(text, Span::new(start, start + segment.len())) else { continue };
            current = match current {
                Some(cur) if old_continues(text, cur, piece) => Some(Span::new(cur.start, piece.end)),
                Some(cur) => {
                    keep(cur);
                    Some(piece)
                }
                None => Some(piece),
            };
        }
        if let Some(cur) = current {
            keep(cur);
        }
        out
    }

    /// The sentences of the line `start..end` of `text` asked for at its bytes (all of a short
    /// line, some of a long one, every one around a full stop), from its start and from the
    /// text's: the line's end, and of its `sentences` those that end after where the split
    /// began, which is at or before the byte asked for.
    fn line_from_any_byte(text: &str, start: usize, end: usize, sentences: &[Span]) {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let near_stop = |at: usize| (at.saturating_sub(4)..(at + 2).min(end)).any(|i| bytes[i] == b'.');
        for at in start..end {
            if end - start > 300 && at % 37 != 0 && !near_stop(at) {
                continue;
            }
            for from in [start, 0] {
                assert_eq!(sentences_into(text, from, at, &mut out), Some(end), "{text:?} {from} {at}");
                let kept = sentences.len() - out.len();
                assert_eq!(out, sentences[kept..], "{text:?} {from} {at}");
                let first = out.first().map_or(end, |s| s.start);
                assert!(sentences[..kept].iter().all(|s| s.end <= first && s.end <= at), "{text:?} {at}");
                // The split begins after the last line feed before `at`.
                assert!(split_start(text, from, at).is_some_and(|s| start <= s && s <= at));
            }
        }
    }

    /// The sentences of `text`, whole and line by line, its segments, and every trim and
    /// every join that `split` could ask of it (each segment trimmed, and each run of up to
    /// five pieces against the piece after it), against the old computations.
    fn check(text: &str) {
        assert_eq!(sentences(text), old_sentences(text), "{text:?}");
        let mut segments = Segments::new(text, 0, false);
        let mut new = Vec::new();
        while let Some(piece) = segments.next() {
            new.push((piece, segments.end));
        }
        let old: Vec<(Option<Span>, usize)> = old_segments(text)
            .into_iter()
            .map(|(start, segment)| {
                (old_trim(text, Span::new(start, start + segment.len())), start + segment.len())
            })
            .collect();
        assert_eq!(new, old, "{text:?}");
        // Each line split where it begins in the whole text, as if it were split alone.
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let alone: Vec<Span> =
                old_sentences(line).into_iter().map(|s| Span::new(s.start + start, s.end + start)).collect();
            assert_eq!(split(text, start, true, &mut out), start + line.len(), "{text:?} from {start}");
            assert_eq!(out, alone, "{text:?} from {start}");
            line_from_any_byte(text, start, start + line.len(), &alone);
            start += line.len();
        }
        assert_eq!(sentences_into(text, text.len(), text.len(), &mut out), None);
        assert_eq!(sentences_into(text, 0, text.len(), &mut out), None);
        let mut pieces = Vec::new();
        for (start, segment) in old_segments(text) {
            let span = Span::new(start, start + segment.len());
            assert_eq!(trim(text, span), old_trim(text, span), "{text:?} {span:?}");
            pieces.extend(old_trim(text, span));
        }
        for j in 1..pieces.len() {
            for i in j.saturating_sub(5)..j {
                let (cur, next) = (Span::new(pieces[i].start, pieces[j - 1].end), pieces[j]);
                assert_eq!(
                    continues(text, cur, next),
                    old_continues(text, cur, next),
                    "{text:?} {cur:?} {next:?}"
                );
            }
        }
    }

    #[test]
    fn on_the_seed_articles() {
        for text in crate::seed_texts() {
            check(&text);
        }
    }

    #[test]
    fn on_white_space_of_every_kind_before_an_abbreviation() {
        for space in [
            " ", "\t", "\u{0B}", "\u{0C}", "\u{a0}", "\u{85}", "\u{2009}", "\u{3000}", "\u{2028}", "\n",
            "\r\n",
        ] {
            for word in ["Sen.", "(D-Del.", "“Gen.", "N.", "é.", "U.S.", "D.C.", "said.", "vs."] {
                for before in ["x", "é", "Kyiv’s", ""] {
                    for after in [" Kim", " The", " the", "\u{a0}Kim", ". Kim"] {
                        check(&format!("{before}{space}{word}{after}"));
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_white_space_is_that_of_char_is_whitespace() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#x}");
        }
    }

    /// Words: abbreviations, initialisms, words that open sentences, punctuation, closing
    /// quotes and brackets, and non-ASCII letters of both cases.
    const WORDS: &[&str] = &[
        "Sen.",
        "U.S.",
        "D.C.",
        "(D-Del.",
        "N.",
        "é.",
        "É.",
        "vs.",
        "approx.",
        "Messrs.",
        "Lieut.",
        "said.",
        "Ré.",
        "3.5",
        "He",
        "The",
        "the",
        "a",
        "Kyiv’s",
        "“",
        "”",
        "'",
        "\"",
        "(",
        ")",
        "]",
        "»",
        "—",
        "-",
        ".",
        "?",
        "!",
        "…",
        "p.m.",
        "é",
        "Éva",
        ",",
        ";",
        ":",
        "…\u{85}",
        "\u{e2}",
        "é-Gen.",
        "x-y.",
        "[\"Lt.",
        "‘Col.",
        "“U.S.",
        "-.",
        "(.",
        "Mr\u{0}.",
        "Dr.-Gen.",
        "http://x.y/z?a",
        "a/b.",
        ">",
        ".>",
        "\u{8}",
        "\u{e}",
        "\u{f}",
        ".\t",
    ];

    /// What stands between words: white space and line breaks, ASCII and not, or nothing.
    const SPACES: &[&str] = &[
        "",
        "",
        "",
        " ",
        "  ",
        "\u{a0}",
        " \u{a0}\t",
        "\t",
        "\u{0B}",
        "\u{0C}",
        "\u{2009}",
        "\u{3000}",
        "\n",
        "\r\n",
        "\r",
        "\u{2028}",
        "\u{2029}",
        "\u{85}",
    ];

    /// The title test scanned the list; `is_initialism` looked for a full stop with
    /// `contains`.
    fn old_title_and_initialism(word: &str) -> (bool, bool) {
        let initialism = word.contains('.')
            && word.split('.').all(|p| {
                let mut c = p.chars();
                matches!((c.next(), c.next()), (Some(a), None) if a.is_alphabetic())
            });
        (listed(TITLES, word), initialism)
    }

    fn same_title_and_initialism(word: &str) {
        let new = (is_title(word.as_bytes()), is_initialism(word));
        assert_eq!(new, old_title_and_initialism(word), "{word:?}");
    }

    #[test]
    fn titles_and_initialisms_on_every_word_of_the_seeds() {
        for text in crate::seed_texts() {
            for word in text.split(char::is_whitespace) {
                same_title_and_initialism(word);
                same_title_and_initialism(word.trim_end_matches('.'));
            }
        }
        for title in TITLES.iter().chain(OPENERS) {
            same_title_and_initialism(title);
            same_title_and_initialism(&format!("{title}\0"));
            same_title_and_initialism(&format!("\0{title}"));
            same_title_and_initialism(&title[..title.len() - 1]);
            same_title_and_initialism(&title.to_uppercase());
            same_title_and_initialism(&title[1..]);
        }
    }

    /// `opens` as it was: the first word decoded, then looked up in the whole list.
    fn same_opens(next: &str) {
        let text = format!("x {next}");
        let span = Span::new(2, text.len());
        let first = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        assert_eq!(opens(&text, span), listed(OPENERS, first), "{next:?}");
    }

    #[test]
    fn openers_by_their_letter() {
        for opener in OPENERS.iter().chain(TITLES) {
            for next in [
                opener.to_string(),
                format!("{opener} talks"),
                format!("{opener}, x"),
                format!("{opener}s"),
                format!("{opener}é"),
                format!("{opener}’s"),
                format!("{opener}9"),
                opener.to_lowercase(),
                opener.to_uppercase(),
                opener[..opener.len() - 1].to_string(),
                format!("“{opener}"),
            ] {
                same_opens(&next);
            }
        }
        for text in crate::seed_texts() {
            for (i, _) in text.char_indices() {
                same_opens(&text[i..].chars().take(12).collect::<String>());
            }
        }
        same_opens("");
        // Every letter's openers are in their range, and none is in another's.
        for l in 0..26 {
            for w in &OPENERS[OPENER_STARTS[l]..OPENER_STARTS[l + 1]] {
                assert_eq!(w.as_bytes()[0], b'A' + l as u8, "{w}");
            }
        }
        assert_eq!(OPENER_STARTS[26], OPENERS.len());
    }

    fn same_furniture(text: &str) {
        let span = Span::new(0, text.len());
        assert_eq!(is_furniture(text, span), old_is_furniture(text), "{text:?}");
    }

    #[test]
    fn furniture_on_its_lines_and_the_seeds() {
        for f in FURNITURE {
            for s in [
                f.to_string(),
                f.to_uppercase(),
                format!("{f}s"),
                format!("x{f}"),
                f[1..].to_string(),
                f[..f.len() - 1].to_string(),
                f.replace(' ', "\u{a0}"),
                f.replace('e', "é"),
            ] {
                same_furniture(&s);
            }
        }
        for text in crate::seed_texts() {
            for line in text.lines() {
                same_furniture(line.trim());
            }
        }
        // A span inside a longer text.
        let text = "xx Advertisement yy";
        assert!(is_furniture(text, Span::new(3, 16)));
        assert!(!is_furniture(text, Span::new(2, 16)));
    }

    /// The abbreviation read eight bytes at a time is the one read byte by byte, or none
    /// where that is no title, single capital or initialism; and joining by it is joining
    /// as before.
    fn same_abbreviation(prev: &str, next: &str) {
        let old = bytewise_abbreviation(prev);
        match abbreviation(prev) {
            Some(new) => assert_eq!(new, old, "{prev:?}"),
            None => {
                let single = old.chars().count() == 1;
                assert!(!is_title(old.as_bytes()) && !single && !is_initialism(old), "{prev:?} {old:?}");
            }
        }
        let text = format!("{prev} {next}");
        let (cur, next) = (Span::new(0, prev.len()), Span::new(prev.len() + 1, text.len()));
        assert_eq!(continues(&text, cur, next), old_continues(&text, cur, next), "{text:?}");
    }

    #[test]
    fn abbreviations_eight_bytes_at_a_time() {
        for prev in [
            "Sen.",
            "x Sen.",
            "met (((((Gen.",
            "met ((((((((Gen.",
            "the U.S.",
            "in U.S.S.R.",
            "a D-Del.",
            "briefly.",
            "somewhat.",
            "x “Gen.",
            "x\u{a0}Gen.",
            "long-range.",
            "approx.",
            "x\tvs.",
            "a A.B.C.D.E.",
            "deal.",
            "an écrasé.",
            "x éGeneral.",
            "(((((((((.",
            "x.y.z.w.v.",
            "J.",
        ] {
            for next in ["The talks", "talks", ""] {
                same_abbreviation(prev, next);
            }
        }
    }

    proptest! {
        #[test]
        fn abbreviations_of_any_last_word(
            prev in "[a-zA-Z .()\\[\"'é“‘\u{a0}\t-]{0,14}\\.",
            next in "(The|He|the|x|\\.)?[ a-z]{0,3}",
        ) {
            same_abbreviation(&prev, &next);
        }

        #[test]
        fn titles_and_initialisms(word in "[A-Za-z.é]{0,7}") {
            same_title_and_initialism(&word);
        }

        #[test]
        fn openers(next in "(Th|He|Wh|A|I|x|É|“)?[a-zA-Zé’ ,.0-9]{0,8}") {
            same_opens(&next);
        }

        #[test]
        fn furniture(line in "[a-zA-Z ]{0,45}") {
            same_furniture(&line);
        }

        #[test]
        fn titles_and_initialisms_of_any_bytes(word in "[A-Za-z.é\0-]{0,9}") {
            same_title_and_initialism(&word);
        }

        #[test]
        fn on_generated_text(parts in prop::collection::vec((0..WORDS.len(), 0..SPACES.len()), 0..24)) {
            check(&parts.iter().map(|&(w, s)| format!("{}{}", WORDS[w], SPACES[s])).collect::<String>());
        }

        /// Texts over several of the scan's blocks.
        #[test]
        fn on_long_generated_text(parts in prop::collection::vec((0..WORDS.len(), 0..SPACES.len()), 24..120)) {
            check(&parts.iter().map(|&(w, s)| format!("{}{}", WORDS[w], SPACES[s])).collect::<String>());
        }

        #[test]
        fn on_any_text_of_the_characters_that_matter(
            text in "[a-zA-Z0-9 .?!,;:\"'()\\[\\]\n\r\t\u{b}\u{c}\u{8}\u{e}\u{f}/>\u{a0}\u{85}\u{2028}\u{2029}…’‘“”»éÉ\u{e2}-]{0,300}"
        ) {
            check(&text);
        }
    }
}

#[cfg(test)]
mod agreement_with_uax29 {
    use unicode_segmentation::UnicodeSegmentation;

    /// `sentences` as it would be with full UAX #29 candidate segments, which end after
    /// every line break, U+0085 included (rule SB4).
    fn uax29(text: &str) -> Vec<crate::span::Span> {
        let mut out = Vec::new();
        super::join(text, text.split_sentence_bound_indices(), &mut out);
        out
    }

    #[test]
    fn same_sentences_as_uax29_on_the_seed_articles() {
        let mut diffs = Vec::new();
        for text in crate::seed_texts() {
            let (a, b) = (super::sentences(&text), uax29(&text));
            for s in a.iter().filter(|s| !b.contains(s)) {
                diffs.push(format!("ours: {:?}", &text[s.start..s.end]));
            }
            for s in b.iter().filter(|s| !a.contains(s)) {
                diffs.push(format!("uax29: {:?}", &text[s.start..s.end]));
            }
        }
        assert!(diffs.is_empty(), "{}", diffs.join("\n"));
    }
}
