//! Prints the contract's JSON Lines for each article: one object per file, `doc` set to the
//! file's name. Reads standard input (as `doc` "-") when no file is given.
//!
//! ```text
//! cargo run --release --example extract -- [--date YYYY-MM-DD] ARTICLE.txt [MORE.txt ...]
//! ```
//!
//! `--date` gives the articles' publication date: `holds_office` then also reports the
//! offices the gazetteer says each mentioned person held that day.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!(
            "usage: extract [--date YYYY-MM-DD] [FILE...]   (reads standard input when no file is given)"
        );
        return ExitCode::SUCCESS;
    }
    let mut extractor = gazer::Extractor::default();
    if let Some(at) = files.iter().position(|f| f == "--date") {
        let Some(value) = files.get(at + 1).cloned() else {
            eprintln!("extract: --date needs a value, YYYY-MM-DD");
            return ExitCode::FAILURE;
        };
        match value.parse::<gazer::gazetteer::Date>() {
            Ok(date) => extractor = extractor.on_date(date),
            Err(e) => {
                eprintln!("extract: --date: {e}");
                return ExitCode::FAILURE;
            }
        }
        files.drain(at..at + 2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let emit = |doc: &str, bytes: Vec<u8>, out: &mut dyn Write| match String::from_utf8(bytes) {
        Ok(text) => {
            let line = extractor.extract(&text).to_json(doc);
            writeln!(out, "{line}").is_ok()
        }
        Err(e) => {
            eprintln!(
                "extract: {doc}: not valid UTF-8 (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            );
            false
        }
    };
    if files.is_empty() {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("extract: cannot read standard input: {e}");
            return ExitCode::FAILURE;
        }
        failed |= !emit("-", bytes, &mut out);
    }
    for file in &files {
        let doc = Path::new(file).file_name().map_or(file.clone(), |n| n.to_string_lossy().into_owned());
        match std::fs::read(file) {
            Ok(bytes) => failed |= !emit(&doc, bytes, &mut out),
            Err(e) => {
                eprintln!("extract: cannot read {file}: {e}");
                failed = true;
            }
        }
    }
    if out.flush().is_err() {
        failed = true;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
