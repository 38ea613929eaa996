//! Build cost and per-document extraction cost, measured separately on the seed articles.
//! Each benchmark asserts the counts it produces, so a bench that stopped doing the work
//! would fail rather than look fast.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use gazer::Extractor;

fn seeds() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

fn bench(c: &mut Criterion) {
    c.bench_function("build default extractor", |b| {
        b.iter(|| {
            let x = Extractor::builder().build().unwrap();
            assert!(x.pattern_count() > 1000);
            x
        })
    });

    let docs = seeds();
    let x = Extractor::default();
    let expected: Vec<usize> = docs.iter().map(|d| x.extract(d).entities.len()).collect();
    assert!(expected.iter().all(|&n| n > 50), "every seed article names many entities: {expected:?}");
    let mut group = c.benchmark_group("extract");
    for (i, doc) in docs.iter().enumerate() {
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.bench_function(format!("seed {i} ({} bytes)", doc.len()), |b| {
            b.iter(|| {
                let found = x.extract(black_box(doc));
                assert_eq!(found.entities.len(), expected[i]);
                found
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
