//! Overlap questions about candidate spans, answered by binary search.

use crate::span::Span;

/// Candidate spans ordered by start, with the longest length, so that overlap questions are
/// answered by binary search instead of a scan of every candidate: the policy stays linear
/// when a document repeats an ambiguous name a million times.
pub(crate) struct SpanIndex {
    sorted: Vec<Span>,
    longest: usize,
}

impl SpanIndex {
    pub(crate) fn new(mut sorted: Vec<Span>) -> SpanIndex {
        sorted.sort_unstable();
        let longest = sorted.iter().map(Span::len).max().unwrap_or(0);
        SpanIndex { sorted, longest }
    }

    /// Whether any span other than `except` overlaps `w`.
    pub(crate) fn overlaps(&self, w: Span, except: Option<Span>) -> bool {
        let end = self.sorted.partition_point(|s| s.start < w.end);
        self.sorted[..end]
            .iter()
            .rev()
            .take_while(|s| s.start + self.longest > w.start)
            .any(|s| s.overlaps(w) && Some(*s) != except)
    }
}
