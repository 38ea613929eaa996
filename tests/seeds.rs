//! The default extractor on the seed articles (copied into tests/fixtures/seeds), scored the
//! way the reference scorer (`shared/eval/score.py`) scores entity mentions:
//! - a prediction is a true positive when a `core` gold mention has the same span and lists
//!   its kind; each gold mention matches once;
//! - a prediction overlapping an `extra` mention or an `ignore` span is neither;
//! - linking is the share of true positives whose name is one of the gold entity's names
//!   (canonical, aliases or mention texts), compared after the scorer's folding.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use gazer::Extractor;
use serde_json::Value;

use crate::common::check_spans;

/// The acceptance floors for the seed articles.
const MIN_PRECISION: f64 = 0.92;
const MIN_RECALL: f64 = 0.92;
const MIN_LINKING: f64 = 0.97;

/// The scorer's `norm`: fold case, periods, hyphens, quotes, possessive and a leading "the".
fn norm(name: &str) -> String {
    let s =
        name.to_lowercase().replace('\u{2019}', "'").replace(['\u{2010}', '\u{2011}'], "-").replace('.', "");
    let s: String = s.chars().map(|c| if matches!(c, '-' | '_' | '/') { ' ' } else { c }).collect();
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| w.strip_suffix("'s").map_or(w.to_string(), str::to_string))
        .filter(|w| !w.is_empty())
        .collect();
    let s = words.join(" ");
    s.strip_prefix("the ").map_or(s.clone(), str::to_string)
}

struct GoldMention {
    start: usize,
    end: usize,
    kinds: Vec<String>,
    names: HashSet<String>,
}

#[derive(Default, Debug)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    linked: usize,
    misses: Vec<String>,
    false_alarms: Vec<String>,
}

fn score_document(text: &str, gold: &Value, x: &Extractor, score: &mut Score) {
    let mut core = Vec::new();
    let mut extra: Vec<(usize, usize)> = Vec::new();
    for e in gold["entities"].as_array().unwrap() {
        let mut names: HashSet<String> = HashSet::new();
        names.insert(norm(e["name"].as_str().unwrap()));
        for a in e["aliases"].as_array().into_iter().flatten() {
            names.insert(norm(a.as_str().unwrap()));
        }
        for m in e["mentions"].as_array().unwrap() {
            names.insert(norm(m["text"].as_str().unwrap()));
        }
        let core_tier = e.get("tier").and_then(Value::as_str).unwrap_or("core") == "core";
        for m in e["mentions"].as_array().unwrap() {
            let (start, end) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            if core_tier {
                let kinds = match m.get("kinds").and_then(Value::as_array) {
                    Some(k) => k.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
                    None => vec![e["kind"].as_str().unwrap().to_string()],
                };
                core.push(GoldMention { start, end, kinds, names: names.clone() });
            } else {
                extra.push((start, end));
            }
        }
    }
    for s in gold["ignore"].as_array().into_iter().flatten() {
        extra.push((s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize));
    }
    let found = x.extract(text);
    check_spans(text, &found.entities);
    let mut matched = vec![false; core.len()];
    for e in &found.entities {
        let kind = e.kind.as_str();
        let hit = core.iter().enumerate().position(|(j, g)| {
            !matched[j] && g.start == e.span.start && g.end == e.span.end && g.kinds.iter().any(|k| k == kind)
        });
        if let Some(j) = hit {
            matched[j] = true;
            score.tp += 1;
            if core[j].names.contains(&norm(&e.name)) {
                score.linked += 1;
            }
        } else if !extra.iter().any(|&(s, t)| e.span.start < t && s < e.span.end) {
            score.fp += 1;
            score.false_alarms.push(format!("{} {:?}", e.kind, e.text));
        }
    }
    for (j, g) in core.iter().enumerate() {
        if !matched[j] {
            score.fn_ += 1;
            score.misses.push(format!("{:?}", &text[g.start..g.end]));
        }
    }
}

#[test]
fn seed_mentions_meet_the_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let x = Extractor::default();
    let mut score = Score::default();
    let mut docs = 0;
    for entry in std::fs::read_dir(dir.join("gold")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = gold["doc"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join("corpus").join(doc)).unwrap();
        score_document(&text, &gold, &x, &mut score);
        docs += 1;
    }
    assert_eq!(docs, 5, "all five seed documents are scored");
    let precision = score.tp as f64 / (score.tp + score.fp) as f64;
    let recall = score.tp as f64 / (score.tp + score.fn_) as f64;
    let linking = score.linked as f64 / score.tp as f64;
    let mut misses: HashMap<&str, usize> = HashMap::new();
    for m in &score.misses {
        *misses.entry(m).or_default() += 1;
    }
    let report = format!(
        "P {precision:.3} R {recall:.3} linking {linking:.3} (tp {} fp {} fn {})\nfalse alarms: {:?}\nmisses: {:?}",
        score.tp, score.fp, score.fn_, score.false_alarms, misses
    );
    assert!(precision >= MIN_PRECISION, "{report}");
    assert!(recall >= MIN_RECALL, "{report}");
    assert!(linking >= MIN_LINKING, "{report}");
}

#[test]
fn scorer_folding_matches_the_reference() {
    assert_eq!(norm("the U.S."), "us");
    assert_eq!(norm("Kim Jong-un"), "kim jong un");
    assert_eq!(norm("Iran’s"), "iran");
    assert_eq!(norm("Shahed-series"), "shahed series");
}
