//! Scale measurements (DESIGN.md, "Throughput and scale"), one JSON line each:
//!
//! ```text
//! cargo run --release --example scale -- build [ENTRIES]   # default + ENTRIES synthetic (100000)
//! cargo run --release --example scale -- default           # the default extractor, one pass
//! cargo run --release --example scale -- linear            # cost per byte by document shape
//! ```
//!
//! Peak memory is the operating system's to measure: run `build` and `default` under
//! `/usr/bin/time -v` and read "Maximum resident set size".
//!
//! `linear` extracts, at about 100 MiB each: one 100 MiB document and a hundred 1 MiB
//! documents made of the seed articles; the seeds with every whitespace character removed;
//! and "Putin " repeated a million and two million times. The document shape must not
//! change the cost per byte by more than the issue allows (one document vs a hundred: 1.1×;
//! no whitespace, one repeated name: no more than news).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use gazer::{Extractor, Gazetteer};

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

const USAGE: &str = "usage: scale build [ENTRIES] | scale default | scale linear";
const MIB: usize = 1 << 20;

fn seeds() -> Result<Vec<String>, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/corpus");
    let listing = std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = listing.filter_map(|entry| entry.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display())))
        .collect()
}

/// The process's peak resident set so far, in MiB (Linux: `VmHWM` in /proc/self/status);
/// `null` elsewhere. It lets one run say which stage set the peak.
fn peak_rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:")?.trim().strip_suffix("kB")?.trim().parse::<f64>().ok());
    kib.map_or("null".to_string(), |k| format!("{:.1}", k / 1024.0))
}

/// `unit` repeated until the result holds at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len().max(1)))
}

fn build(entries: usize) -> Result<String, String> {
    let started = Instant::now();
    let tsv = synthetic::tsv(entries);
    let generated = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let extra = Gazetteer::parse("synthetic", &tsv).map_err(|e| e.to_string())?;
    drop(tsv);
    let parsed = started.elapsed().as_secs_f64();
    let rss_parsed = peak_rss();
    let started = Instant::now();
    let x = Extractor::builder().gazetteer(extra).build().map_err(|e| e.to_string())?;
    let built = started.elapsed().as_secs_f64();
    let found = x.extract(&synthetic::paragraph(entries, 1000)).entities.len();
    Ok(format!(
        "{{\"measure\":\"build\",\"entries\":{},\"patterns\":{},\"matcher_bytes\":{},\
         \"generate_seconds\":{generated:.3},\"parse_seconds\":{parsed:.3},\"build_seconds\":{built:.3},\
         \"found\":{found},\"peak_rss_mib_after_parse\":{rss_parsed},\"peak_rss_mib\":{}}}",
        x.gazetteer().len(),
        x.pattern_count(),
        x.memory_usage(),
        peak_rss(),
    ))
}

fn default() -> Result<String, String> {
    let docs = seeds()?;
    let started = Instant::now();
    let x = Extractor::builder().build().map_err(|e| e.to_string())?;
    let built = started.elapsed().as_secs_f64();
    let found: usize = docs.iter().map(|d| x.extract(d).entities.len()).sum();
    Ok(format!(
        "{{\"measure\":\"default\",\"entries\":{},\"patterns\":{},\"matcher_bytes\":{},\
         \"build_seconds\":{built:.3},\"seed_entities\":{found},\"peak_rss_mib\":{}}}",
        x.gazetteer().len(),
        x.pattern_count(),
        x.memory_usage(),
        peak_rss(),
    ))
}

/// Extracts `docs` sequentially; the best of three runs, in ns per byte, and the entities.
fn cost(x: &Extractor, docs: &[&str]) -> (f64, usize) {
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut best = f64::INFINITY;
    let mut entities = 0;
    for _ in 0..3 {
        let started = Instant::now();
        entities = docs.iter().map(|d| x.extract(d).entities.len()).sum();
        best = best.min(started.elapsed().as_secs_f64() * 1e9 / bytes as f64);
    }
    (best, entities)
}

fn linear() -> Result<String, String> {
    let x = Extractor::default();
    let news = seeds()?.join("\n\n") + "\n\n";
    let one_mib = repeat_to(&news, MIB);
    let squeezed: String = news.split_whitespace().collect();
    let putin = "Putin ".repeat(1_000_000);
    // Each shape is built when it is measured, so that at most one is in memory. Twice the
    // repetitions shows the cost where the mention list (32 MB per million) is past glibc's
    // 32 MiB ceiling for reusing freed memory, and is mapped anew for each document.
    let shapes: [(&str, &dyn Fn() -> Vec<String>); 5] = [
        ("100 x 1 MiB news", &|| vec![one_mib.clone()]),
        ("1 x 100 MiB news", &|| vec![one_mib.repeat(100)]),
        ("no whitespace", &|| vec![repeat_to(&squeezed, 100 * MIB)]),
        ("Putin x 1e6", &|| vec![putin.clone()]),
        ("Putin x 2e6", &|| vec![putin.repeat(2)]),
    ];
    // How many times each shape's documents are extracted per run: about 100 MiB each.
    let copies = [100, 1, 1, 17, 8];
    let mut lines = Vec::new();
    let mut news_cost = 0.0;
    for ((name, make), copies) in shapes.iter().zip(copies) {
        let owned = make();
        let docs: Vec<&str> = (0..copies).flat_map(|_| owned.iter().map(String::as_str)).collect();
        let (ns, entities) = cost(&x, &docs);
        if news_cost == 0.0 {
            news_cost = ns;
        }
        let bytes: usize = docs.iter().map(|d| d.len()).sum();
        lines.push(format!(
            "{{\"measure\":\"linear\",\"shape\":\"{name}\",\"docs\":{},\"bytes\":{bytes},\
             \"ns_per_byte\":{ns:.2},\"vs_first\":{:.2},\"entities\":{entities}}}",
            docs.len(),
            ns / news_cost,
        ));
    }
    Ok(lines.join("\n"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["build"] => build(100_000),
        ["build", n] => {
            n.parse().map_err(|_| format!("ENTRIES: \"{n}\" is not a whole number")).and_then(build)
        }
        ["default"] => default(),
        ["linear"] => linear(),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("scale: {e}");
            ExitCode::FAILURE
        }
    }
}
