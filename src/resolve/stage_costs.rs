//! Where the time of an extraction goes, stage by stage, in ns per byte of the seed articles
//! (DESIGN.md, "Throughput and scale"). A measurement, not a test, so it is ignored by
//! default:
//!
//! ```text
//! cargo test --release --lib stage_costs -- --ignored --nocapture
//! ```
//!
//! Stages cannot be timed one by one inside a document: a timer between them changes what
//! the caches and branch predictors hold. The matcher is built with the relation gate's
//! keywords, as the extractor's is, so "match" is the whole shared pass. So the pipeline is
//! run cut after each stage, over all the seeds, and a stage costs the difference between
//! the cut after it and the cut before; "entities" is the rest of `Extractor::entities`
//! (linking, which makes the `Entity` values as it goes) and "relations" the rest of
//! `Extractor::extract`. For reference it also times a whole-document pass of the sentence
//! and word tokenizers.

use std::time::Instant;

use super::{ambiguity, overlap, Catalog, OverlapPolicy};
use crate::entity::Name;
use crate::gazetteer::Gazetteer;
use crate::matcher::Matcher;
use crate::relation::gate::Gate;
use crate::relation::Lexicon;
use crate::Extractor;

/// Passes over the seed articles per measurement (about 16 MB).
const PASSES: usize = 200;

#[test]
#[ignore = "a measurement, not a test: run it with --release --ignored --nocapture"]
fn stage_costs() {
    let docs = crate::seed_texts();
    let bytes = (docs.iter().map(String::len).sum::<usize>() * PASSES) as f64;

    let gazetteer = Gazetteer::builtin();
    let matcher = Matcher::build(gazetteer, Gate::new(Lexicon::builtin()).words()).unwrap();
    let names: Vec<Name> = gazetteer.entries().iter().map(|e| Name::new(&e.name)).collect();
    let catalog = Catalog { gazetteer, matcher: &matcher, names: &names, policy: OverlapPolicy::LongestWins };
    let extractor = Extractor::builder().build().unwrap();

    let filtered = |text: &str| {
        let mut candidates = matcher.find(text).candidates;
        ambiguity::filter(text, &catalog, &mut candidates);
        candidates
    };
    // Seconds for the pipeline cut after each stage; the best of three runs.
    let run = |cut: usize| {
        let mut best = f64::INFINITY;
        for _ in 0..3 {
            let started = Instant::now();
            let mut count = 0;
            for _ in 0..PASSES {
                for text in &docs {
                    count += match cut {
                        0 => matcher.find(text).candidates.len(),
                        1 => filtered(text).len(),
                        2 => overlap::select(&catalog, filtered(text)).len(),
                        // Linking makes the entities as it goes (or, without partial names,
                        // the entities are made without it): one stage.
                        3 => extractor.entities(text).len(),
                        _ => {
                            let found = extractor.extract(text);
                            found.entities.len() + found.relations.len()
                        }
                    };
                }
            }
            assert!(count > 0);
            best = best.min(started.elapsed().as_secs_f64());
        }
        best
    };
    let cuts: Vec<f64> = (0..5).map(run).collect();
    let ns = |s: f64| s * 1e9 / bytes;
    let mut before = 0.0;
    for (name, cut) in ["match", "ambiguity", "overlap", "entities", "relations"].iter().zip(&cuts) {
        println!("{name:<10} {:>5.2} ns/byte", ns(cut - before));
        before = *cut;
    }
    println!("{:<10} {:>5.2} ns/byte = {:.0} MB/s", "extract", ns(cuts[4]), bytes / 1e6 / cuts[4]);

    // For reference, what a whole-document pass of the tokenizers would add.
    let pass = |f: &dyn Fn(&str) -> usize| {
        let started = Instant::now();
        let count: usize = (0..PASSES).map(|_| docs.iter().map(|t| f(t)).sum::<usize>()).sum();
        assert!(count > 0);
        ns(started.elapsed().as_secs_f64())
    };
    println!("reference: tokenize::sentences {:.2} ns/byte", pass(&|t| crate::tokenize::sentences(t).len()));
    println!("reference: tokenize::words     {:.2} ns/byte", pass(&|t| crate::tokenize::words(t).count()));
}
