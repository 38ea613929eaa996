//! The measurement behind the matcher's design (DESIGN.md, "Throughput and scale"): build
//! time, memory and search speed of the trie walk against Aho-Corasick searches over every
//! byte, at several gazetteer sizes. It prints a table and asserts nothing about speed, so it
//! is ignored by default:
//!
//! ```text
//! cargo test --release --lib matcher::compare -- --ignored --nocapture
//! ```

use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use super::Matcher;
use crate::gazetteer::Gazetteer;
use crate::tokenize::is_boundary;

#[path = "../../benches/common/synthetic.rs"]
mod synthetic;

/// Bytes searched per measurement: the seed articles, repeated.
const SEARCH_BYTES: usize = 16 << 20;

/// Search speed in 10^6 bytes per second, the best of three runs (the machine is shared, and
/// the fastest run is the least disturbed), and accepted candidates per pass.
fn search(docs: &[String], mut find: impl FnMut(&str) -> usize) -> (f64, usize) {
    let pass: usize = docs.iter().map(String::len).sum();
    let passes = SEARCH_BYTES.div_ceil(pass);
    let mut best = 0f64;
    let mut found = 0;
    for _ in 0..3 {
        let started = Instant::now();
        found = (0..passes).map(|_| docs.iter().map(|d| find(d)).sum::<usize>()).sum::<usize>();
        best = best.max(((pass * passes) as f64) / 1e6 / started.elapsed().as_secs_f64());
    }
    (best, found / passes)
}

fn row(patterns: usize, how: &str, build: f64, bytes: usize, (speed, found): (f64, usize)) {
    let mib = bytes as f64 / f64::from(1 << 20);
    println!("| {patterns:>7} | {how:<44} | {build:>7.3} | {mib:>8.1} | {speed:>6.0} | {found:>6} |");
}

/// Every Aho-Corasick variant over the same patterns as `m`, then the trie walk.
fn measure(m: &Matcher, docs: &[String]) {
    let n = m.pattern_count();
    let texts = || m.patterns.texts().map(str::as_bytes);
    let accept = |text: &str, h: &aho_corasick::Match| {
        is_boundary(text, h.start())
            && is_boundary(text, h.end())
            && m.case_matches(h.pattern().as_u32(), &text.as_bytes()[h.start()..h.end()])
    };
    for kind in [AhoCorasickKind::DFA, AhoCorasickKind::ContiguousNFA] {
        // The DFA needs 367 MiB at 100,000 entries and gigabytes beyond: not worth measuring.
        if kind == AhoCorasickKind::DFA && n > 50_000 {
            continue;
        }
        for match_kind in [MatchKind::Standard, MatchKind::LeftmostLongest] {
            let started = Instant::now();
            let ac = AhoCorasick::builder()
                .match_kind(match_kind)
                .ascii_case_insensitive(true)
                .kind(Some(kind))
                .build(texts())
                .unwrap();
            let build = started.elapsed().as_secs_f64();
            let speed = if match_kind == MatchKind::Standard {
                search(docs, |d| ac.find_overlapping_iter(d).filter(|h| accept(d, h)).count())
            } else {
                // After a rejected match, resume one byte after its start, so that "Korean"
                // is still found when "N. Korea" was rejected in "N. Korean".
                search(docs, |d| {
                    let (mut at, mut found) = (0, 0);
                    while let Some(h) = ac.find(Input::new(d).range(at..)) {
                        if accept(d, &h) {
                            found += 1;
                            at = h.end();
                        } else {
                            at = h.start() + 1;
                        }
                    }
                    found
                })
            };
            let how = format!("Aho-Corasick {kind:?}, {match_kind:?}");
            row(n, &how, build, ac.memory_usage(), speed);
        }
    }
    let started = Instant::now();
    let trie = super::Trie::build(texts(), |_| false).unwrap();
    let build = started.elapsed().as_secs_f64();
    row(
        n,
        "trie walked from word starts (chosen)",
        build,
        trie.memory_usage(),
        search(docs, |d| m.find(d).candidates.len()),
    );
}

#[test]
#[ignore = "a measurement, not a test: run it with --release --ignored --nocapture"]
fn matcher_kinds_by_gazetteer_size() {
    let docs = crate::seed_texts();
    println!(
        "| patterns | matcher                                      | build s |      MiB |   MB/s | found |"
    );
    println!(
        "|---------:|----------------------------------------------|--------:|---------:|-------:|------:|"
    );
    let builtin = Gazetteer::builtin();
    // Smaller gazetteers: the first entries of the embedded one.
    for entries in [300, 1_000] {
        let mut g = Gazetteer::new();
        for e in builtin.entries().iter().take(entries) {
            g.push(e.clone()).unwrap();
        }
        measure(&Matcher::build(&g, []).unwrap(), &docs);
    }
    measure(&Matcher::build(builtin, []).unwrap(), &docs);
    let mut big = builtin.clone();
    big.extend(Gazetteer::parse("synthetic", &synthetic::tsv(100_000)).unwrap()).unwrap();
    measure(&Matcher::build(&big, []).unwrap(), &docs);
}
