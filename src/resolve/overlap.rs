//! Choosing among overlapping candidates.

use super::Catalog;
use crate::matcher::Candidate;

/// How overlapping candidates are resolved.
///
/// With [`OverlapPolicy::LongestWins`] (the default) the leftmost candidate wins, and among
/// those starting at the same byte the longest: "North Korean" over "North Korea", "Kim Jong
/// Un" over "Kim", "Shahed-136" over "Shahed", "Washington, D.C." over "Washington". A
/// longer candidate that was rejected earlier (wrong boundary or case) never blocks a shorter
/// one, because rejected candidates never reach this stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum OverlapPolicy {
    /// Leftmost, then longest, candidate wins.
    #[default]
    LongestWins,
}

pub(crate) fn select(catalog: &Catalog<'_>, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let OverlapPolicy::LongestWins = catalog.policy;
    leftmost_longest(candidates)
}

/// The leftmost candidates, the longest of those starting together (the first listed among
/// equal spans), each kept only if it starts after the last one kept ends.
///
/// The matcher lists candidates by start already, so each start's group is read once for its
/// longest: sorting by start and decreasing end did the same work at a logarithmic cost that
/// made one 100 MiB document dearer per byte than a hundred 1 MiB ones.
///
/// The order by start holds by construction: the matcher walks from each start in turn and
/// adds the matches found there, so its list is ordered by start, then end (its tests compare
/// it with a sorted search, and `order_by_construction` below runs it on many texts), and the
/// ambiguity filter keeps what it keeps in place. Checking the order again on every document
/// cost a fifth of a percent of the pipeline, so only debug builds check it.
fn leftmost_longest(candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Each candidate that starts where the one before it ended or later, and before the next
    // one starts, is alone at its start and kept: the list up to the first overlap is kept as
    // it is, and a document that repeats a name is that list whole. Reading the rest from the
    // first overlap on cost it a tenth of its time.
    let disjoint = candidates
        .windows(2)
        .take_while(|w| w[0].span.end <= w[1].span.start && w[0].span.start < w[1].span.start)
        .count();
    if disjoint + 1 >= candidates.len() {
        return candidates;
    }
    debug_assert!(candidates.is_sorted_by_key(|c| c.span.start), "candidates out of order by start");
    from(candidates, disjoint)
}

/// [`leftmost_longest`] of `candidates`, ordered by start, whose first `disjoint` are kept.
fn from(mut candidates: Vec<Candidate>, disjoint: usize) -> Vec<Candidate> {
    // Kept in place, for the reason `ambiguity::filter` gives. Writing at `kept` never
    // overwrites a candidate not yet read: `kept` is at most the index of the one read.
    // Each candidate is read once and asked two questions of the last kept one, whose start
    // and end are held, not read back: does it start there (then the longer of the two
    // stays), else does it start after that one ends (then it is kept). Reading each start's
    // group for its longest first cost a test more per candidate, and a copy of the longest.
    let n = candidates.len();
    let mut kept = disjoint;
    let (mut start, mut end) = match disjoint.checked_sub(1).and_then(|last| candidates.get(last)) {
        Some(c) => (c.span.start, c.span.end),
        None => (usize::MAX, 0),
    };
    for i in disjoint..n {
        let c = candidates[i];
        if c.span.start == start {
            if c.span.end > end {
                end = c.span.end;
                // Kept already: no text is long enough for a start at `usize::MAX`.
                candidates[kept.saturating_sub(1)] = c;
            }
        } else if c.span.start >= end {
            (start, end) = (c.span.start, c.span.end);
            candidates[kept] = c;
            kept += 1;
        }
    }
    candidates.truncate(kept);
    candidates
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::span::Span;

    /// The definition: sorted by start and decreasing end (stable), then each candidate kept
    /// if it starts after the last kept one ends.
    fn by_sorting(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
        candidates.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
        let mut kept: Vec<Candidate> = Vec::new();
        for c in candidates {
            if kept.last().is_none_or(|k| k.span.end <= c.span.start) {
                kept.push(c);
            }
        }
        kept
    }

    fn candidate((start, len, pattern): (usize, usize, u32)) -> Candidate {
        Candidate { span: Span::new(start, start + len), pattern }
    }

    #[test]
    fn longest_at_each_start_then_leftmost() {
        // "North Korean" over "North Korea", then "Korea" inside it is dropped; equal spans
        // keep the first listed.
        let found = [(0, 11, 1), (0, 12, 2), (6, 5, 3), (13, 3, 4), (13, 3, 5), (20, 2, 6)];
        let kept = leftmost_longest(found.into_iter().map(candidate).collect());
        let patterns: Vec<u32> = kept.iter().map(|c| c.pattern).collect();
        assert_eq!(patterns, [2, 4, 6]);
    }

    proptest! {
        #[test]
        fn agrees_with_sorting(found in proptest::collection::vec((0usize..40, 1usize..8, 0u32..4), 0..40),
                               by_end in any::<bool>()) {
            let mut found: Vec<Candidate> = found.into_iter().map(candidate).collect();
            if by_end {
                // The matcher's order: by start, then by end.
                found.sort_by_key(|c| (c.span.start, c.span.end));
            } else {
                // By start only: the ends of a start's group in any order.
                found.sort_by_key(|c| c.span.start);
            }
            prop_assert_eq!(leftmost_longest(found.clone()), by_sorting(found));
        }

        /// Lists by start that run disjoint for a while, as news does between overlaps, and
        /// shared starts: the kept prefix ends where the definition says.
        #[test]
        fn agrees_with_sorting_on_runs(steps in proptest::collection::vec((0usize..5, 1usize..5), 0..40)) {
            let mut start = 0;
            let found: Vec<Candidate> = steps
                .into_iter()
                .enumerate()
                .map(|(i, (step, len))| {
                    start += step;
                    candidate((start, len, i as u32))
                })
                .collect();
            prop_assert_eq!(leftmost_longest(found.clone()), by_sorting(found));
        }

        /// What [`leftmost_longest`] relies on: the builtin gazetteer's matcher lists its
        /// candidates by start, then end, on text made of its own names, parts of them and
        /// separators, overlapping and repeated.
        #[test]
        fn order_by_construction(
            parts in proptest::collection::vec((0usize..2000, 0usize..4, 0usize..6), 0..30),
        ) {
            let m = matcher();
            let separators = [" ", "  ", "-", ", ", "\n", " \u{e9} "];
            let mut text = String::new();
            for (pattern, cut, separator) in parts {
                let name = m.pattern_text((pattern % m.pattern_count()) as u32);
                let keep = name.char_indices().map(|(i, _)| i).nth(cut).filter(|&i| i > 0).unwrap_or(name.len());
                text.push_str(&name[..keep]);
                text.push_str(separators[separator]);
            }
            let found = m.find(&text).candidates;
            prop_assert!(found.is_sorted_by_key(|c| (c.span.start, c.span.end)), "{:?}", text);
        }
    }

    fn matcher() -> &'static crate::matcher::Matcher {
        static BUILT: once_cell::sync::Lazy<crate::matcher::Matcher> = once_cell::sync::Lazy::new(|| {
            crate::matcher::Matcher::build(crate::gazetteer::Gazetteer::builtin(), std::iter::empty())
                .unwrap()
        });
        &BUILT
    }
}
