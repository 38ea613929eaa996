//! Measures the full pipeline's throughput: loads the files (one document each), builds the
//! default extractor, then extracts the documents over and over until at least `--min-mib`
//! MiB have been processed, and prints one JSON line.
//!
//! ```text
//! cargo run --release --example throughput -- [--threads N] [--min-mib M] [--fold] FILE...
//! {"bytes":…,"seconds":…,"mb_per_s":…,"docs_per_s":…,"entities":…,"relations":…,"threads":…,"build_seconds":…}
//! ```
//!
//! `mb_per_s` is in 10^6 bytes per second. The extractor is built with
//! `Extractor::builder().build()`, not the per-process default, so `build_seconds` is the
//! real cost. The entity and relation counts are checked against one sequential pass times
//! the number of passes, so the figure cannot come from work that was skipped.
//!
//! By default each round of documents goes through `Extractor::extract_batch`, which returns
//! the results in input order, and the caller counts and frees them. With `--fold` it goes
//! through `Extractor::fold_batch`: each thread counts and frees its own results, the way a
//! pipeline that writes or filters results as they come would run.

use std::num::NonZeroUsize;
use std::process::ExitCode;
use std::time::Instant;

use gazer::{Extraction, Extractor};
use serde::Serialize;

/// Bytes extracted per call to `extract_batch`. A round's results are held until it ends
/// and then freed together; those of 8 MiB of news (about 20 MB of entities, relations
/// and their arguments) were more than glibc keeps at the top of its heap, so it gave them
/// back to the system at every round and faulted them in again at the next (three times
/// the page faults of 1 MiB rounds, about 7% of the time in the kernel).
const ROUND_BYTES: u64 = 1 << 20;

const USAGE: &str = "usage: throughput [--threads N] [--min-mib M] [--fold] FILE...";

/// The printed line; fields in this order.
#[derive(Serialize)]
struct Record {
    bytes: u64,
    seconds: f64,
    mb_per_s: f64,
    docs_per_s: f64,
    entities: u64,
    relations: u64,
    threads: usize,
    build_seconds: f64,
}

struct Args {
    threads: NonZeroUsize,
    min_bytes: u64,
    fold: bool,
    files: Vec<String>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut threads = NonZeroUsize::MIN;
    let mut min_mib: u64 = 32;
    let mut fold = false;
    let mut files = Vec::new();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--threads" => {
                let v = value("--threads")?;
                threads = v
                    .parse()
                    .map_err(|_| format!("--threads: \"{v}\" is not a whole number of at least 1"))?;
            }
            "--min-mib" => {
                let v = value("--min-mib")?;
                min_mib = v.parse().map_err(|_| format!("--min-mib: \"{v}\" is not a whole number"))?;
            }
            "--fold" => fold = true,
            "--" => files.extend(args.by_ref()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option \"{s}\"\n{USAGE}")),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return Err(format!("no input files\n{USAGE}"));
    }
    let min_bytes =
        min_mib.checked_mul(1 << 20).ok_or_else(|| format!("--min-mib: {min_mib} MiB is too large"))?;
    Ok(Args { threads, min_bytes, fold, files })
}

fn load(file: &str) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!("{file}: not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to())
    })
}

fn run(args: Args) -> Result<String, String> {
    let docs = args.files.iter().map(|f| load(f)).collect::<Result<Vec<String>, String>>()?;
    let pass_bytes: u64 = docs.iter().map(|d| d.len() as u64).sum();
    if pass_bytes == 0 {
        // Repeating nothing would never reach --min-mib.
        return Err(format!("every input file is empty: {}", args.files.join(", ")));
    }

    let started = Instant::now();
    let extractor = Extractor::builder().build().map_err(|e| format!("cannot build the extractor: {e}"))?;
    let build_seconds = started.elapsed().as_secs_f64();

    // One sequential pass gives the expected counts; it also warms caches and the allocator.
    let once: Vec<_> = docs.iter().map(|d| extractor.extract(d)).collect();
    let pass_entities: u64 = once.iter().map(|x| x.entities.len() as u64).sum();
    let pass_relations: u64 = once.iter().map(|x| x.relations.len() as u64).sum();
    drop(once);

    let passes = args.min_bytes.div_ceil(pass_bytes).max(1);
    // Passes are grouped into rounds of about ROUND_BYTES, each one batch: threads share a
    // round's whole workload rather than meeting at the end of every pass, and memory stays
    // bounded whatever --min-mib asks for.
    let round_passes = ROUND_BYTES.div_ceil(pass_bytes).clamp(1, passes);
    let mut batch: Vec<&str> = Vec::new();
    let (mut entities, mut relations, mut done) = (0u64, 0u64, 0u64);
    let started = Instant::now();
    while done < passes {
        let round = round_passes.min(passes - done);
        batch.clear();
        for _ in 0..round {
            batch.extend(docs.iter().map(String::as_str));
        }
        let (e, r) = if args.fold {
            let count = |n: &mut (u64, u64), _, x: Extraction| {
                n.0 += x.entities.len() as u64;
                n.1 += x.relations.len() as u64;
            };
            let states = extractor.fold_batch(&batch, args.threads, || (0, 0), count);
            states.iter().fold((0, 0), |(e, r), n| (e + n.0, r + n.1))
        } else {
            let found = extractor.extract_batch(&batch, args.threads);
            let e = found.iter().map(|x| x.entities.len() as u64).sum::<u64>();
            (e, found.iter().map(|x| x.relations.len() as u64).sum::<u64>())
        };
        entities += e;
        relations += r;
        done += round;
    }
    let seconds = started.elapsed().as_secs_f64();

    if entities != pass_entities * passes || relations != pass_relations * passes {
        return Err(format!(
            "counts differ from {passes} × one pass: {entities} entities (expected {}), \
             {relations} relations (expected {})",
            pass_entities * passes,
            pass_relations * passes
        ));
    }
    let bytes = pass_bytes * passes;
    let docs_done = docs.len() as u64 * passes;
    let record = Record {
        bytes,
        seconds: round(seconds, 6),
        mb_per_s: round(bytes as f64 / 1e6 / seconds, 3),
        docs_per_s: round(docs_done as f64 / seconds, 3),
        entities,
        relations,
        threads: args.threads.get(),
        build_seconds: round(build_seconds, 6),
    };
    serde_json::to_string(&record).map_err(|e| format!("cannot write the result: {e}"))
}

/// Rounds to `decimals` places: the figures are noisy, and shorter lines are easier to read.
fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match parse_args(args.into_iter()).and_then(run) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("throughput: {e}");
            ExitCode::FAILURE
        }
    }
}
