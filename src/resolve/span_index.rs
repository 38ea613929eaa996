//! Overlap questions about candidate spans, answered by binary search.

use std::cell::Cell;

use crate::span::Span;

/// Candidate spans ordered by start, with the longest length, so that overlap questions are
/// answered by a search instead of a scan of every candidate: the policy stays linear when a
/// document repeats an ambiguous name a million times.
pub(crate) struct SpanIndex {
    sorted: Vec<Span>,
    longest: usize,
    /// Where the last search ended. Questions come in document order, so the next answer is
    /// usually a few places on: searching outward from here costs a few comparisons where a
    /// binary search over a million spans costs twenty cache misses.
    hint: Cell<usize>,
}

impl SpanIndex {
    pub(crate) fn new(mut sorted: Vec<Span>) -> SpanIndex {
        sorted.sort_unstable();
        let longest = sorted.iter().map(Span::len).max().unwrap_or(0);
        SpanIndex { sorted, longest, hint: Cell::new(0) }
    }

    /// Whether any span other than `except` overlaps `w`.
    pub(crate) fn overlaps(&self, w: Span, except: Option<Span>) -> bool {
        let end = self.starting_before(w.end);
        self.sorted[..end]
            .iter()
            .rev()
            .take_while(|s| s.start + self.longest > w.start)
            .any(|s| s.overlaps(w) && Some(*s) != except)
    }

    /// How many spans start before `at` (`partition_point(|s| s.start < at)`), found by
    /// galloping from the previous answer.
    fn starting_before(&self, at: usize) -> usize {
        let sorted = &self.sorted;
        let before = |i: usize| sorted[i].start < at;
        let hint = self.hint.get().min(sorted.len());
        // The answer lies in lo..=hi: every span below lo starts before `at`, the span at hi
        // (if any) does not.
        let (mut lo, mut hi) = (0, sorted.len());
        let mut step = 1;
        if hint < sorted.len() && before(hint) {
            lo = hint + 1;
            while hint + step < sorted.len() {
                if !before(hint + step) {
                    hi = hint + step;
                    break;
                }
                lo = hint + step + 1;
                step *= 2;
            }
        } else {
            hi = hint;
            while step <= hint {
                if before(hint - step) {
                    lo = hint - step + 1;
                    break;
                }
                hi = hint - step;
                step *= 2;
            }
        }
        let answer = lo + sorted[lo..hi].partition_point(|s| s.start < at);
        self.hint.set(answer);
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn galloping_agrees_with_a_binary_search_in_any_order() {
        let spans: Vec<Span> = (0..200).map(|i| Span::new(i * 7 % 1000, i * 7 % 1000 + 3)).collect();
        let index = SpanIndex::new(spans);
        let queries = (0..1100).chain((0..1100).rev()).chain((0..1100).map(|i| i * 37 % 1100));
        for at in queries {
            let want = index.sorted.partition_point(|s| s.start < at);
            assert_eq!(index.starting_before(at), want, "at {at}");
        }
        let empty = SpanIndex::new(Vec::new());
        assert_eq!(empty.starting_before(5), 0);
        assert!(!empty.overlaps(Span::new(0, 5), None));
    }
}
