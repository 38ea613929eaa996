//! Build cost and extraction cost, measured separately: building the default extractor;
//! extracting the shortest and the longest seed article, the seeds repeated to a 32 MiB
//! corpus (one batch of documents, returned in order or folded on the worker threads), and
//! the longest seed with a synthetic 100,000-entry gazetteer added.
//!
//! Every benchmark asserts the counts it produces against the constants below, so a bench
//! that stopped doing the work fails instead of looking fast.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use gazer::{Extraction, Extractor, Gazetteer};

#[path = "common/synthetic.rs"]
mod synthetic;

// Expected counts, measured with the default gazetteers and lexicons; update them (and the
// snapshot, `GAZER_BLESS=1 cargo test snapshot`) when the gazetteers or rules change.
/// Shortest seed article (004_0d288e05aca5b171.txt, 4,866 bytes).
const SHORT_ENTITIES: usize = 113;
const SHORT_RELATIONS: usize = 12;
/// Longest seed article (002_d34c1c6bf8382799.txt, 41,004 bytes).
const LONG_ENTITIES: usize = 652;
const LONG_RELATIONS: usize = 84;
/// One pass over all five seed articles; the corpus repeats it.
const SEEDS_ENTITIES: usize = 1_126;
const SEEDS_RELATIONS: usize = 144;
/// The longest seed plus a paragraph naming 100 of the synthetic entries.
const SYNTHETIC_ENTITIES: usize = LONG_ENTITIES + 100;
const SYNTHETIC_RELATIONS: usize = LONG_RELATIONS;

/// Size of the synthetic gazetteer and of the repeated corpus.
const SYNTHETIC_ENTRIES: usize = 100_000;
const CORPUS_BYTES: usize = 32 << 20;

/// The seed articles, in file-name order.
fn seeds() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("listing the seed corpus").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, text)
        })
        .collect()
}

/// Entity and relation totals of a batch.
fn counts(found: &[Extraction]) -> (usize, usize) {
    found.iter().fold((0, 0), |(e, r), x| (e + x.entities.len(), r + x.relations.len()))
}

fn build(c: &mut Criterion) {
    c.bench_function("build/default extractor", |b| {
        b.iter(|| {
            let x = Extractor::builder().build().expect("the default gazetteers build");
            assert!(x.pattern_count() > 10_000);
            x
        })
    });
}

fn extract(c: &mut Criterion) {
    let seeds = seeds();
    let shortest = &seeds.iter().min_by_key(|(_, t)| t.len()).expect("seed articles exist").1;
    let longest = &seeds.iter().max_by_key(|(_, t)| t.len()).expect("seed articles exist").1;
    // Warm the per-process default (and check it) before anything is timed.
    let x = Extractor::default();
    let one_pass: Vec<&str> = seeds.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(counts(&x.extract_batch(&one_pass, NonZeroUsize::MIN)), (SEEDS_ENTITIES, SEEDS_RELATIONS));

    let mut group = c.benchmark_group("extract");
    for (label, doc, want) in [
        ("short article", shortest, (SHORT_ENTITIES, SHORT_RELATIONS)),
        ("long article", longest, (LONG_ENTITIES, LONG_RELATIONS)),
    ] {
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.bench_function(format!("{label} ({} bytes)", doc.len()), |b| {
            b.iter(|| {
                let found = x.extract(black_box(doc));
                assert_eq!((found.entities.len(), found.relations.len()), want);
                found
            })
        });
    }
    group.finish();

    let pass_bytes: usize = one_pass.iter().map(|t| t.len()).sum();
    let passes = CORPUS_BYTES.div_ceil(pass_bytes);
    let corpus: Vec<&str> = (0..passes).flat_map(|_| one_pass.iter().copied()).collect();
    let want = (SEEDS_ENTITIES * passes, SEEDS_RELATIONS * passes);
    let mut group = c.benchmark_group("corpus");
    group.sample_size(10).throughput(Throughput::Bytes((pass_bytes * passes) as u64));
    let available = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    let mut thread_counts = vec![NonZeroUsize::MIN];
    if available > NonZeroUsize::MIN {
        thread_counts.push(available);
    }
    for threads in thread_counts {
        group.bench_function(format!("32 MiB seeds, {threads} thread(s)"), |b| {
            b.iter(|| {
                let found = x.extract_batch(black_box(&corpus), threads);
                assert_eq!(counts(&found), want);
                found
            })
        });
        // Each thread counts and frees its own results, as a streaming pipeline would.
        group.bench_function(format!("32 MiB seeds, {threads} thread(s), folded"), |b| {
            b.iter(|| {
                let add = |n: &mut (usize, usize), _, x: Extraction| {
                    n.0 += x.entities.len();
                    n.1 += x.relations.len();
                };
                let states = x.fold_batch(black_box(&corpus), threads, || (0, 0), add);
                assert_eq!(states.iter().fold((0, 0), |(e, r), n| (e + n.0, r + n.1)), want);
            })
        });
    }
    group.finish();

    let extra =
        Gazetteer::parse("synthetic", &synthetic::tsv(SYNTHETIC_ENTRIES)).expect("synthetic entries parse");
    let big = Extractor::builder().gazetteer(extra).build().expect("synthetic gazetteer builds");
    let text = format!("{longest}\n{}", synthetic::paragraph(SYNTHETIC_ENTRIES, 1000));
    let mut group = c.benchmark_group("synthetic");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(format!("long article + 100 names, {SYNTHETIC_ENTRIES} extra entries"), |b| {
        b.iter(|| {
            let found = big.extract(black_box(&text));
            assert_eq!(
                (found.entities.len(), found.relations.len()),
                (SYNTHETIC_ENTITIES, SYNTHETIC_RELATIONS)
            );
            found
        })
    });
    group.finish();
}

criterion_group!(benches, build, extract);
criterion_main!(benches);
