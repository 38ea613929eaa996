//! Overlap questions about candidate spans, answered by binary search.

use std::cell::Cell;

use crate::matcher::Candidate;
use crate::span::Span;

/// The candidates of a document that pass a test, for overlap questions answered by a
/// search instead of a scan of every candidate: the policy stays linear when a document
/// repeats an ambiguous name a million times.
///
/// The index borrows the matcher's list, which is ordered by start, and tests a candidate
/// only when it overlaps the question: a copy of the passing spans cost a million-mention
/// document a fresh 16 MB list, most of whose cost was the page faults of filling it.
pub(crate) struct SpanIndex<'c> {
    sorted: &'c [Candidate],
    counts: &'c dyn Fn(Candidate) -> bool,
    /// The longest candidate: none that starts further back can reach a question.
    longest: &'c Longest<'c>,
    /// Where the last search ended. Questions come in document order, so the next answer is
    /// usually a few places on: searching outward from here costs a few comparisons where a
    /// binary search over a million spans costs twenty cache misses.
    hint: Cell<usize>,
}

/// The length of the longest candidate of a list's first candidates, measured as far as
/// asked for: most documents ask no overlap question at all (a document that repeats
/// "Putin" asks none), and the questions of the others come in document order and ask about
/// the candidates before a place, which need not be measured beyond it. Measuring every
/// candidate at the first question cost each document a pass.
pub(crate) struct Longest<'c> {
    sorted: &'c [Candidate],
    /// How many candidates are measured, and the longest of them.
    measured: Cell<(usize, usize)>,
}

impl<'c> Longest<'c> {
    pub(crate) fn new(sorted: &'c [Candidate]) -> Longest<'c> {
        Longest { sorted, measured: Cell::new((0, 0)) }
    }

    /// The length of the longest of the first `n` candidates (or more: of as many as were
    /// measured, which bounds them as well).
    fn of_first(&self, n: usize) -> usize {
        let (measured, longest) = self.measured.get();
        if n <= measured {
            return longest;
        }
        let more = self.sorted.get(measured..n).unwrap_or_default();
        let longest = more.iter().map(|c| c.span.len()).fold(longest, usize::max);
        self.measured.set((measured + more.len(), longest));
        longest
    }
}

impl<'c> SpanIndex<'c> {
    /// The candidates of `sorted` (ordered by start) for which `counts` holds; `longest`
    /// measures `sorted`.
    pub(crate) fn new(
        sorted: &'c [Candidate],
        longest: &'c Longest<'c>,
        counts: &'c dyn Fn(Candidate) -> bool,
    ) -> SpanIndex<'c> {
        debug_assert!(sorted.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        SpanIndex { sorted, counts, longest, hint: Cell::new(0) }
    }

    /// Whether any span other than `except` overlaps `w`.
    pub(crate) fn overlaps(&self, w: Span, except: Option<Span>) -> bool {
        self.overlaps_among(self.starting_before(w.end), w, except)
    }

    /// Whether any span among the first `before` overlaps `w`, where no later one starts
    /// before `w` ends: the question of the word before a candidate, whose place in the list
    /// is such a bound, needs no search.
    pub(crate) fn overlaps_before(&self, before: usize, w: Span) -> bool {
        debug_assert!(self.sorted.get(before).is_none_or(|c| c.span.start >= w.end));
        self.overlaps_among(before, w, None)
    }

    /// Whether any span other than `except` among the first `end` overlaps `w`. Spans that
    /// start before one that ends before `w` by more than the longest of them cannot reach it.
    fn overlaps_among(&self, end: usize, w: Span, except: Option<Span>) -> bool {
        let Some(sorted) = self.sorted.get(..end) else { return false };
        let longest = self.longest.of_first(end);
        sorted
            .iter()
            .rev()
            .take_while(|c| c.span.start + longest > w.start)
            .any(|&c| c.span.overlaps(w) && Some(c.span) != except && (self.counts)(c))
    }

    /// How many spans start before `at` (`partition_point(|s| s.start < at)`), found by
    /// galloping from the previous answer.
    fn starting_before(&self, at: usize) -> usize {
        let sorted = &self.sorted;
        let before = |i: usize| sorted[i].span.start < at;
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
        let answer = lo + sorted[lo..hi].partition_point(|c| c.span.start < at);
        self.hint.set(answer);
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn galloping_agrees_with_a_binary_search_in_any_order() {
        let mut spans: Vec<Candidate> = (0..200)
            .map(|i| Candidate { span: Span::new(i * 7 % 1000, i * 7 % 1000 + 3), pattern: i as u32 })
            .collect();
        spans.sort_by_key(|c| c.span);
        let all = |_| true;
        let longest = Longest::new(&spans);
        let index = SpanIndex::new(&spans, &longest, &all);
        let queries = (0..1100).chain((0..1100).rev()).chain((0..1100).map(|i| i * 37 % 1100));
        for at in queries {
            let want = index.sorted.partition_point(|c| c.span.start < at);
            assert_eq!(index.starting_before(at), want, "at {at}");
        }
        let nothing = Longest::new(&[]);
        let empty = SpanIndex::new(&[], &nothing, &all);
        assert_eq!(empty.starting_before(5), 0);
        assert!(!empty.overlaps(Span::new(0, 5), None));
    }

    /// Spans from a few starts and lengths, by start, and a question's span.
    fn spans_and_a_word() -> impl proptest::strategy::Strategy<Value = (Vec<Candidate>, Span)> {
        use proptest::prelude::*;
        let spans = prop::collection::vec((0usize..60, 1usize..25, 0u32..2), 0..30);
        (spans, 0usize..70, 0usize..8).prop_map(|(spans, start, len)| {
            let mut spans: Vec<Candidate> = spans
                .into_iter()
                .map(|(s, l, p)| Candidate { span: Span::new(s, s + l), pattern: p })
                .collect();
            spans.sort_by_key(|c| (c.span.start, c.span.end));
            (spans, Span::new(start, start + len))
        })
    }

    proptest::proptest! {
        /// Asked about the spans before a place past which none starts before the word ends,
        /// the index answers as the search does; measuring only the first spans bounds those.
        #[test]
        fn the_spans_before_a_place_answer_as_the_search((spans, w) in spans_and_a_word()) {
            let odd = |c: Candidate| c.pattern % 2 == 1;
            let longest = Longest::new(&spans);
            let index = SpanIndex::new(&spans, &longest, &odd);
            let all = Longest::new(&spans);
            let searched = SpanIndex::new(&spans, &all, &odd);
            let first = spans.partition_point(|c| c.span.start < w.end);
            for before in first..=spans.len() {
                proptest::prop_assert_eq!(index.overlaps_before(before, w), searched.overlaps(w, None));
            }
            let max = |n: usize| spans[..n].iter().map(|c| c.span.len()).max().unwrap_or(0);
            for n in (0..=spans.len()).rev() {
                proptest::prop_assert!(longest.of_first(n) >= max(n));
            }
            proptest::prop_assert_eq!(Longest::new(&spans).of_first(first), max(first));
        }
    }

    #[test]
    fn only_candidates_that_count_overlap() {
        let at = |start: usize, end: usize, pattern: u32| Candidate { span: Span::new(start, end), pattern };
        // A long candidate that counts, then short ones that do not, inside and after it.
        let spans = [at(0, 20, 1), at(2, 5, 0), at(10, 12, 0), at(30, 33, 0)];
        let odd = |c: Candidate| c.pattern % 2 == 1;
        let longest = Longest::new(&spans);
        let index = SpanIndex::new(&spans, &longest, &odd);
        assert!(index.overlaps(Span::new(18, 25), None), "reached from 18 bytes back");
        assert!(!index.overlaps(Span::new(18, 25), Some(Span::new(0, 20))), "the exception");
        assert!(!index.overlaps(Span::new(30, 33), None), "overlaps one that does not count");
        assert!(!index.overlaps(Span::new(20, 30), None), "touching is no overlap");
    }
}
