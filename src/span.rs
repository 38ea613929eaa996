//! The one offset type of the crate: a half-open range of UTF-8 byte offsets.
//!
//! Everything inside gazer — tokens, gazetteer matches, entities, relation evidence — is
//! measured in bytes of the original document. Character offsets exist only at the edge,
//! through [`CharOffsets`], so there is exactly one place where the two are converted.

use core::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of byte offsets into a document.
///
/// Spans order by `start`, then by `end`, so sorting a list of spans gives document order.
/// `&text[span]` yields the covered text.
///
/// ```
/// use gazer::Span;
/// let text = "Iran’s drones";
/// let span = Span::new(0, 4);
/// assert_eq!(&text[span], "Iran");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the first byte (inclusive).
    pub start: usize,
    /// Offset one past the last byte (exclusive).
    pub end: usize,
}

impl Span {
    /// Creates a span. `start` must not exceed `end`; a reversed pair is swapped rather than
    /// rejected, so a span is always well formed.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end {
            Span { start, end }
        } else {
            Span { start: end, end: start }
        }
    }

    /// Number of bytes covered.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The span moved right by `offset` bytes.
    #[inline]
    pub fn shift(&self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.start..span.end
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// So that `&text[e.span]` gives the mention as written whether the document is a `&str`
/// or a `String`.
impl Index<Span> for String {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// Converts byte offsets of one document to character (Unicode scalar value) offsets.
///
/// Build it once per document; each conversion is a binary search. This is the only
/// byte-to-character conversion in the crate.
///
/// ```
/// use gazer::CharOffsets;
/// let text = "Pål Jonson met Umerov";
/// let chars = CharOffsets::new(text);
/// assert_eq!(chars.char_offset(4), 3); // "Jonson" starts at byte 4, character 3
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// Byte offset of every non-ASCII character, in order; everything between is ASCII, so
    /// the character offset follows from the count of multi-byte characters before a byte.
    wide: Vec<(usize, usize)>,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i + n, extra));
            }
        }
        CharOffsets { wide }
    }

    /// The character offset of byte offset `byte` (which should lie on a character boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let k = self.wide.partition_point(|&(end, _)| end <= byte);
        let extra = if k == 0 { 0 } else { self.wide[k - 1].1 };
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_start_then_end() {
        let mut v = vec![Span::new(3, 9), Span::new(1, 5), Span::new(3, 4)];
        v.sort();
        assert_eq!(v, vec![Span::new(1, 5), Span::new(3, 4), Span::new(3, 9)]);
    }

    #[test]
    fn char_offsets_count_multibyte_characters() {
        let text = "a’b€c😀d";
        let chars = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(chars.char_offset(bi), ci, "byte {bi}");
        }
        assert_eq!(chars.char_offset(text.len()), text.chars().count());
    }
}
