//! Builds an extractor from your own gazetteer files, added to the embedded ones or replacing
//! them, and prints the entities of an article.
//!
//! ```text
//! cargo run --example custom_gazetteer -- [--replace] GAZETTEER.tsv... -- ARTICLE.txt
//! ```

use std::process::ExitCode;

use gazer::{Extractor, Gazetteer};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let replace = args.iter().any(|a| a == "--replace");
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let gazetteers = args[..split].iter().filter(|a| *a != "--replace");
    let articles = args.get(split + 1..).unwrap_or(&[]);
    if articles.is_empty() {
        eprintln!("usage: custom_gazetteer [--replace] GAZETTEER.tsv... -- ARTICLE.txt...");
        return ExitCode::FAILURE;
    }
    let mut builder = Extractor::builder();
    builder.builtin(!replace);
    for path in gazetteers {
        match Gazetteer::load(path) {
            Ok(g) => {
                builder.gazetteer(g);
            }
            Err(e) => {
                eprintln!("custom_gazetteer: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let extractor = match builder.build() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("custom_gazetteer: {e}");
            return ExitCode::FAILURE;
        }
    };
    for article in articles {
        let text = match std::fs::read_to_string(article) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("custom_gazetteer: cannot read {article}: {e}");
                return ExitCode::FAILURE;
            }
        };
        for e in extractor.entities(&text) {
            println!(
                "{article}\t{}\t{}\t{}\t{}\t{}",
                e.span.start, e.span.end, e.kind, e.name, &text[e.span]
            );
        }
    }
    ExitCode::SUCCESS
}
