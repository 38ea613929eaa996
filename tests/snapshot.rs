//! The default extractor's complete output on the seed articles, compared byte for byte with
//! `tests/fixtures/seeds/snapshot.jsonl`. Performance work must not change a single byte of
//! it; a deliberate change to the rules or the gazetteers regenerates it with
//! `GAZER_BLESS=1 cargo test snapshot` and the diff is reviewed in the commit.

use std::path::Path;

use gazer::Extractor;

const CORPUS: &str = "tests/fixtures/seeds/corpus";
const SNAPSHOT: &str = "tests/fixtures/seeds/snapshot.jsonl";

/// One JSON Lines record per seed article, in file-name order, `doc` set to the file name.
fn current() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(root.join(CORPUS))
        .unwrap_or_else(|e| panic!("cannot list {CORPUS}: {e}"))
        .map(|entry| entry.unwrap_or_else(|e| panic!("cannot list {CORPUS}: {e}")).path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let x = Extractor::default();
    let mut out = String::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        out.push_str(&x.extract(&text).to_json(&doc));
        out.push('\n');
    }
    out
}

#[test]
fn seed_output_is_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    let now = current();
    if std::env::var_os("GAZER_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &now).unwrap_or_else(|e| panic!("cannot write {SNAPSHOT}: {e}"));
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {SNAPSHOT} ({e}); create it with GAZER_BLESS=1"));
    if now == want {
        return;
    }
    let (mut now_lines, mut want_lines) = (now.lines(), want.lines());
    for line in 1.. {
        let (got, expected) = (now_lines.next(), want_lines.next());
        if got == expected {
            continue;
        }
        let (got, expected) = (got.unwrap_or("<end of output>"), expected.unwrap_or("<end of snapshot>"));
        let at = got.bytes().zip(expected.bytes()).take_while(|(a, b)| a == b).count();
        // A record holds a whole article's entities; show where they part, not 40 kB.
        panic!(
            "{SNAPSHOT}:{line} differs at byte {at} (doc {}); if the change is intended, rerun with \
             GAZER_BLESS=1 and review the diff\n  expected: …{}…\n  got:      …{}…",
            doc_of(expected).or(doc_of(got)).unwrap_or("?"),
            excerpt(expected, at),
            excerpt(got, at),
        );
    }
}

/// The `doc` field at the start of a record.
fn doc_of(record: &str) -> Option<&str> {
    record.strip_prefix("{\"doc\":\"").and_then(|r| r.split('"').next())
}

/// About 150 bytes of `line` either side of byte `at`, cut on character boundaries.
fn excerpt(line: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(150).min(line.len());
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 150).min(line.len());
    while !line.is_char_boundary(end) {
        end += 1;
    }
    &line[start..end]
}
