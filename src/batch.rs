//! Many documents on several threads: [`Extractor::extract_batch`] and
//! [`Extractor::fold_batch`].
//!
//! Documents are independent and an [`Extractor`] is `Sync`, so the only questions are how
//! to share the work and what to do with the results. Workers take the next document from
//! one atomic counter, so a thread that drew a long article simply takes fewer of them. A
//! thread can only be left working alone at the end for as long as its last document takes,
//! so documents large enough to matter (over 1/16 of a thread's share of the bytes) are
//! handed out first, largest first; the others keep their order, since any order of them
//! balances. Each worker folds its results into a state of its own, so there is no lock on
//! the hot path: `extract_batch` keeps them with their input index and puts them back in
//! input order at the end, `fold_batch` leaves the state to the caller.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::extract::{Extraction, Extractor};

impl Extractor {
    /// Extracts every document of `docs` using up to `threads` threads, and returns the
    /// results in the order of `docs`: `extract_batch(docs, n)[i] == extract(&docs[i])`.
    ///
    /// The calling thread does its share of the work, so `threads` counts it; one thread
    /// means no thread is spawned. No more threads run than there are documents.
    /// [`std::thread::available_parallelism`] gives a sensible count. The whole batch's
    /// results are held until they are returned and then freed on the caller's thread;
    /// [`Extractor::fold_batch`] consumes each result where it was made instead.
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
    pub fn extract_batch<'a, S: AsRef<str> + Sync>(
        &'a self,
        docs: &'a [S],
        threads: NonZeroUsize,
    ) -> Vec<Extraction<'a>> {
        let kept = self.fold_batch(docs, threads, Vec::new, |done, i, found| done.push((i, found)));
        let mut slots: Vec<Option<Extraction>> = vec![None; docs.len()];
        for (i, found) in kept.into_iter().flatten() {
            slots[i] = Some(found);
        }
        // Every index in 0..len was extracted exactly once, so every slot is filled.
        slots.into_iter().flatten().collect()
    }

    /// Extracts every document of `docs` using up to `threads` threads and hands each result
    /// to `fold`, on the thread that extracted it, with that thread's own state and the
    /// document's index in `docs`. Each thread that runs starts its state with `init`; the
    /// states are returned, one per thread, in no particular order.
    ///
    /// Documents are taken as [`Extractor::extract_batch`] takes them, and `fold` sees them in
    /// no particular order. Nothing is kept between calls of `fold` but what it keeps in the
    /// state, so a batch of any size holds one [`Extraction`] per thread at a time, and the
    /// results are freed on the threads that made them: the way to write JSON lines, count,
    /// or filter a corpus that does not fit in memory.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    ///
    /// let extractor = gazer::Extractor::default();
    /// let docs = ["Putin met Kim Jong Un.", "", "Iran sent Shahed-136 drones to Russia."];
    /// let threads = NonZeroUsize::new(2).unwrap();
    /// // Each thread counts its relations and keeps the JSON lines of the documents that
    /// // have any, with their index to put them in order afterwards.
    /// let states = extractor.fold_batch(&docs, threads, || (0, Vec::new()), |(count, lines), i, found| {
    ///     *count += found.relations.len();
    ///     if !found.relations.is_empty() {
    ///         lines.push((i, serde_json::to_string(&found).unwrap()));
    ///     }
    /// });
    /// let relations: usize = states.iter().map(|(count, _)| count).sum();
    /// let mut lines: Vec<(usize, String)> = states.into_iter().flat_map(|(_, l)| l).collect();
    /// lines.sort();
    /// assert_eq!(relations, 2);
    /// assert_eq!(lines.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 2]);
    /// ```
    pub fn fold_batch<'a, S, T, I, F>(
        &'a self,
        docs: &'a [S],
        threads: NonZeroUsize,
        init: I,
        fold: F,
    ) -> Vec<T>
    where
        S: AsRef<str> + Sync,
        T: Send,
        I: Fn() -> T + Sync,
        F: Fn(&mut T, usize, Extraction<'a>) + Sync,
    {
        let threads = threads.get().min(docs.len());
        if threads <= 1 {
            let mut state = init();
            for (i, doc) in docs.iter().enumerate() {
                fold(&mut state, i, self.extract(doc.as_ref()));
            }
            return vec![state];
        }
        let order = schedule(docs, threads);
        let next = AtomicUsize::new(0);
        let work = || {
            let mut state = init();
            loop {
                // Relaxed is enough: the counter only hands out distinct indices; the
                // states travel back through the join, which synchronizes.
                let taken = next.fetch_add(1, Ordering::Relaxed);
                let Some(&i) = order.get(taken) else { return state };
                fold(&mut state, i, self.extract(docs[i].as_ref()));
            }
        };
        std::thread::scope(|scope| {
            let workers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut states = vec![work()];
            states.extend(workers.into_iter().map(|w| {
                // Extraction does not panic, but `fold` may; re-raise a worker's panic here
                // rather than return a partial result.
                w.join().unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            }));
            states
        })
    }
}

/// The order in which `threads` workers take `docs`: large documents first, largest first,
/// the rest in input order.
fn schedule<S: AsRef<str>>(docs: &[S], threads: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let share = docs.iter().map(|d| d.as_ref().len()).sum::<usize>() / threads;
    let large = |i: usize| docs[i].as_ref().len() > share / 16;
    if order.iter().any(|&i| large(i)) {
        // A stable sort keeps the input order among the rest.
        order.sort_by_key(|&i| core::cmp::Reverse(if large(i) { docs[i].as_ref().len() } else { 0 }));
    }
    order
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
    fn fold_sees_every_document_once_on_its_own_thread_state() {
        let x = Extractor::default();
        let docs: Vec<String> =
            (0..30).map(|i| "Iran sent Shahed-136 drones to Russia. Putin met Kim. ".repeat(i % 7)).collect();
        for threads in [1, 2, 5] {
            let states = x.fold_batch(&docs, n(threads), Vec::new, |seen, i, found| {
                assert_eq!(found, x.extract(&docs[i]), "document {i}");
                seen.push((i, std::thread::current().id()));
            });
            assert!((1..=threads).contains(&states.len()), "{} states for {threads} threads", states.len());
            // A state belongs to one thread, and no two states to the same one.
            // (A thread that took no document leaves an empty state.)
            let owners: Vec<_> = states.iter().filter_map(|s| s.first().map(|&(_, t)| t)).collect();
            for s in &states {
                assert!(s.iter().all(|(_, t)| Some(t) == s.first().map(|(_, t)| t)));
            }
            assert!(owners.iter().enumerate().all(|(k, o)| !owners[..k].contains(o)));
            let mut indices: Vec<usize> = states.into_iter().flatten().map(|(i, _)| i).collect();
            indices.sort_unstable();
            assert_eq!(indices, (0..docs.len()).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn fold_of_nothing_is_one_initial_state() {
        let x = Extractor::default();
        let none: [&str; 0] = [];
        let states = x.fold_batch(&none, n(4), || 7, |_, _, _| unreachable!("no document"));
        assert_eq!(states, [7]);
    }

    #[test]
    #[should_panic(expected = "refused document 3")]
    fn a_panic_in_fold_reaches_the_caller() {
        let x = Extractor::default();
        let docs = vec!["Kyiv"; 8];
        x.fold_batch(&docs, n(2), || (), |_, i, _| assert!(i != 3, "refused document {i}"));
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
