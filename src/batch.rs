//! Many documents on several threads: [`Extractor::extract_batch`].
//!
//! Documents are independent and an [`Extractor`] is `Sync`, so the only questions are how
//! to share the work and how to give the results back in order. Workers take the next
//! document from one atomic counter, so a thread that drew a long article simply takes fewer
//! of them. A thread can only be left working alone at the end for as long as its last
//! document takes, so documents large enough to matter (over 1/16 of a thread's share of the
//! bytes) are handed out first, largest first; the others keep their order, since any order
//! of them balances. Each worker keeps its results with their input index, and the results
//! are put back in input order at the end: there is no lock on the hot path.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::extract::{Extraction, Extractor};

impl Extractor {
    /// Extracts every document of `docs` using up to `threads` threads, and returns the
    /// results in the order of `docs`: `extract_batch(docs, n)[i] == extract(&docs[i])`.
    ///
    /// The calling thread does its share of the work, so `threads` counts it; one thread
    /// means no thread is spawned. No more threads run than there are documents.
    /// [`std::thread::available_parallelism`] gives a sensible count.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    ///
    /// let extractor = gazer::Extractor::default();
    /// let docs = ["Putin met Kim Jong Un.", "", "Iran sent Shahed-136 drones to Russia."];
    /// let threads = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    /// let found = extractor.extract_batch(&docs, threads);
    /// let counts: Vec<usize> = found.iter().map(|x| x.entities.len()).collect();
    /// assert_eq!(counts, [2, 0, 3]);
    /// ```
    pub fn extract_batch<S: AsRef<str> + Sync>(&self, docs: &[S], threads: NonZeroUsize) -> Vec<Extraction> {
        let threads = threads.get().min(docs.len());
        if threads <= 1 {
            return docs.iter().map(|d| self.extract(d.as_ref())).collect();
        }
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let share = docs.iter().map(|d| d.as_ref().len()).sum::<usize>() / threads;
        let large = |i: usize| docs[i].as_ref().len() > share / 16;
        if order.iter().any(|&i| large(i)) {
            // A stable sort: large documents first, largest first, the rest in input order.
            order.sort_by_key(|&i| core::cmp::Reverse(if large(i) { docs[i].as_ref().len() } else { 0 }));
        }
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                // Relaxed is enough: the counter only hands out distinct indices; the
                // results travel back through the join, which synchronizes.
                let taken = next.fetch_add(1, Ordering::Relaxed);
                let Some(&i) = order.get(taken) else { return done };
                done.push((i, self.extract(docs[i].as_ref())));
            }
        };
        let mut slots: Vec<Option<Extraction>> = vec![None; docs.len()];
        std::thread::scope(|scope| {
            let workers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mine = work();
            let theirs = workers.into_iter().map(|w| {
                // Extraction does not panic; if it ever did, re-raise the worker's panic
                // here rather than return a partial result.
                w.join().unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            });
            for (i, found) in theirs.flatten().chain(mine) {
                slots[i] = Some(found);
            }
        });
        // Every index in 0..len was taken exactly once, so every slot is filled.
        slots.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(threads: usize) -> NonZeroUsize {
        NonZeroUsize::new(threads).unwrap()
    }

    #[test]
    fn same_results_in_input_order() {
        let x = Extractor::default();
        // Different lengths, so that some documents are large enough to be handed out first.
        let docs: Vec<String> = (0..40)
            .map(|i| match i % 4 {
                0 => "Putin met Kim Jong Un in Vladivostok. ".repeat(i + 1),
                1 => format!("Iran sent {} Shahed-136 drones to Russia.", i),
                2 => String::new(),
                _ => "The Kremlin said NATO would not ".repeat(40 - i),
            })
            .collect();
        let sequential: Vec<Extraction> = docs.iter().map(|d| x.extract(d)).collect();
        for threads in [1, 2, 3, 8] {
            assert_eq!(x.extract_batch(&docs, n(threads)), sequential, "{threads} threads");
        }
    }

    #[test]
    fn empty_input_and_more_threads_than_documents() {
        let x = Extractor::default();
        let none: [&str; 0] = [];
        assert!(x.extract_batch(&none, n(4)).is_empty());
        let one = ["Russia and Iran."];
        assert_eq!(x.extract_batch(&one, n(16)), vec![x.extract(one[0])]);
        let two = vec![String::from("Kyiv"), String::from("Moscow and Kyiv")];
        let found = x.extract_batch(&two, n(64));
        assert_eq!(found.iter().map(|f| f.entities.len()).collect::<Vec<_>>(), [1, 2]);
    }
}
