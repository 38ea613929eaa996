//! The default extractor on the seed articles (copied into tests/fixtures/seeds), scored the
//! way the reference scorer (`shared/eval/score.py`) scores them. Relations are scored by a
//! port of the scorer's tuple matching (`score_relations`). Entity mentions:
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
            if core[j].names.contains(&norm(e.name)) {
                score.linked += 1;
            }
        } else if !extra.iter().any(|&(s, t)| e.span.start < t && s < e.span.end) {
            score.fp += 1;
            score.false_alarms.push(format!("{} {:?}", e.kind, &text[e.span]));
        }
    }
    for (j, g) in core.iter().enumerate() {
        if !matched[j] {
            score.fn_ += 1;
            score.misses.push(format!("{:?}", &text[g.start..g.end]));
        }
    }
}

/// The five seed documents: (gold, document name, text).
fn seed_documents() -> Vec<(Value, String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(dir.join("gold")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = gold["doc"].as_str().unwrap().to_string();
        let text = std::fs::read_to_string(dir.join("corpus").join(&doc)).unwrap();
        docs.push((gold, doc, text));
    }
    assert_eq!(docs.len(), 5, "all five seed documents are scored");
    docs
}

#[test]
fn seed_mentions_meet_the_floors() {
    let x = Extractor::default();
    let mut score = Score::default();
    for (gold, _, text) in seed_documents() {
        score_document(&text, &gold, &x, &mut score);
    }
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

/// The acceptance floors for relations on the seed articles.
const MIN_RELATION_PRECISION: f64 = 0.85;
const MIN_RELATION_RECALL: f64 = 0.80;
const MIN_SUPPLY_PRECISION: f64 = 0.90;
const MIN_SUPPLY_RECALL: f64 = 0.85;
const MIN_ITEMS_F1: f64 = 0.75;
const MIN_EVIDENCE_RECALL: f64 = 0.80;
const MIN_MODALITY_ACCURACY: f64 = 0.85;

/// The scorer's `item_norm`: `norm`, then a crude plural fold ("drones" = "drone").
fn item_norm(name: &str) -> String {
    norm(name)
        .split(' ')
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.ends_with(|c: char| c.is_ascii_lowercase()) => stem.to_string(),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(strings).collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// Argument names of a predicted role: one object, or an array of them.
fn arg_names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().flat_map(arg_names).collect(),
        Value::Object(o) => vec![o.get("name").and_then(Value::as_str).unwrap_or("").to_string()],
        _ => Vec::new(),
    }
}

fn tuple_roles(kind: &str) -> &'static [&'static str] {
    match kind {
        "supply" => &["supplier", "recipient"],
        "deploy" => &["sender", "destination"],
        "attack" => &["attacker", "target"],
        "holds_office" => &["person", "polity"],
        _ => &["participants"],
    }
}

fn item_role(kind: &str) -> Option<&'static str> {
    match kind {
        "supply" => Some("item"),
        "attack" => Some("weapon"),
        _ => None,
    }
}

struct Tuple {
    kind: String,
    key: Vec<String>,
    alts: Vec<Vec<String>>,
    items: Vec<Vec<String>>,
    evidence: Vec<(usize, usize, String, bool)>,
    optional: bool,
}

#[derive(Default)]
struct RelationScore {
    by_kind: HashMap<String, [usize; 3]>,
    items: [usize; 3],
    evidence_total: usize,
    evidence_found: usize,
    modality_right: usize,
}

/// Scores one document's relations exactly as `score.py` does: gold entries merge into
/// document-level tuples; a prediction matches the first tuple whose alternatives accept its
/// names; unmatched predictions count once per distinct tuple.
fn score_relations(gold: &Value, predicted: &Value, s: &mut RelationScore) {
    let symmetric = |k: &str| k == "meet" || k == "agreement";
    let mut aliases: HashMap<String, HashSet<String>> = HashMap::new();
    for e in gold["entities"].as_array().unwrap() {
        let names = aliases.entry(e["id"].as_str().unwrap().to_string()).or_default();
        names.insert(norm(e["name"].as_str().unwrap()));
        names.extend(strings(&e["aliases"]).iter().map(|a| norm(a)));
        for m in e["mentions"].as_array().unwrap() {
            names.insert(norm(m["text"].as_str().unwrap()));
        }
    }
    let matches = |name: &str, ids: &[String]| {
        let n = norm(name);
        ids.iter().any(|id| aliases.get(id).map_or(norm(id) == n, |a| a.contains(&n)))
    };
    let mut tuples: Vec<Tuple> = Vec::new();
    for r in gold["relations"].as_array().unwrap() {
        let kind = r["kind"].as_str().unwrap().to_string();
        let alts: Vec<Vec<String>> = if symmetric(&kind) {
            r["participants"].as_array().unwrap().iter().map(strings).collect()
        } else {
            tuple_roles(&kind).iter().map(|role| strings(&r[*role])).collect()
        };
        let mut key: Vec<String> = alts.iter().map(|a| a[0].clone()).collect();
        if symmetric(&kind) {
            key.sort();
        }
        let optional = r.get("optional").and_then(Value::as_bool).unwrap_or(false);
        let i = match tuples.iter().position(|t| t.kind == kind && t.key == key) {
            Some(i) => i,
            None => {
                let t = Tuple {
                    kind: kind.clone(),
                    key,
                    alts: alts.clone(),
                    items: vec![],
                    evidence: vec![],
                    optional: true,
                };
                tuples.push(t);
                tuples.len() - 1
            }
        };
        let t = &mut tuples[i];
        for (j, a) in alts.iter().enumerate() {
            for x in a {
                if !t.alts[j].contains(x) {
                    t.alts[j].push(x.clone());
                }
            }
        }
        t.optional &= optional;
        for group in r["items"].as_array().into_iter().flatten() {
            let group: Vec<String> = strings(group).iter().map(|x| item_norm(x)).collect();
            if !t.items.contains(&group) {
                t.items.push(group);
            }
        }
        let modality = r.get("modality").and_then(Value::as_str).unwrap_or("asserted").to_string();
        let span = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
        t.evidence.push((span.0, span.1, modality, optional));
    }
    let mut found: HashMap<usize, Vec<&Value>> = HashMap::new();
    let mut false_keys: HashSet<(String, Vec<String>)> = HashSet::new();
    for rel in predicted["relations"].as_array().unwrap() {
        let kind = rel["kind"].as_str().unwrap();
        let names: Vec<String> = if symmetric(kind) {
            arg_names(&rel["args"]["participants"])
        } else {
            let firsts: Vec<Option<String>> = tuple_roles(kind)
                .iter()
                .map(|role| arg_names(&rel["args"][*role]).into_iter().next())
                .collect();
            if firsts.iter().any(Option::is_none) {
                continue;
            }
            firsts.into_iter().flatten().collect()
        };
        let hit = tuples.iter().position(|t| {
            t.kind == kind
                && if symmetric(kind) {
                    names.len() == 2
                        && (matches(&names[0], &t.alts[0]) && matches(&names[1], &t.alts[1])
                            || matches(&names[0], &t.alts[1]) && matches(&names[1], &t.alts[0]))
                } else {
                    names.iter().zip(&t.alts).all(|(n, a)| matches(n, a))
                }
        });
        match hit {
            Some(i) => found.entry(i).or_default().push(rel),
            None => {
                let mut key: Vec<String> = names.iter().map(|n| norm(n)).collect();
                if symmetric(kind) {
                    key.sort();
                }
                if false_keys.insert((kind.to_string(), key)) {
                    s.by_kind.entry(kind.to_string()).or_default()[1] += 1;
                }
            }
        }
    }
    for (i, t) in tuples.iter().enumerate() {
        let counts = s.by_kind.entry(t.kind.clone()).or_default();
        let Some(rels) = found.get(&i) else {
            if !t.optional {
                counts[2] += 1;
                s.evidence_total += t.evidence.iter().filter(|e| !e.3).count();
            }
            continue;
        };
        counts[0] += 1;
        if let Some(role) = item_role(&t.kind) {
            let predicted: HashSet<String> =
                rels.iter().flat_map(|r| arg_names(&r["args"][role])).map(|n| item_norm(&n)).collect();
            let hit = t.items.iter().filter(|g| predicted.iter().any(|p| g.contains(p))).count();
            s.items[0] += hit;
            s.items[2] += t.items.len() - hit;
            s.items[1] += predicted.iter().filter(|p| !t.items.iter().any(|g| g.contains(p))).count();
        }
        for (start, end, modality, optional) in &t.evidence {
            if *optional {
                continue;
            }
            s.evidence_total += 1;
            let near: Vec<&&Value> = rels
                .iter()
                .filter(|r| {
                    let (a, b) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
                    a < *end && *start < b
                })
                .collect();
            if !near.is_empty() {
                s.evidence_found += 1;
                if near.iter().any(|r| r["modality"] == **modality) {
                    s.modality_right += 1;
                }
            }
        }
    }
}

fn prf(c: [usize; 3]) -> (f64, f64, f64) {
    let p = if c[0] + c[1] > 0 { c[0] as f64 / (c[0] + c[1]) as f64 } else { 0.0 };
    let r = if c[0] + c[2] > 0 { c[0] as f64 / (c[0] + c[2]) as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

#[test]
fn seed_relations_meet_the_floors() {
    let x = Extractor::default();
    let mut s = RelationScore::default();
    for (gold, doc, text) in seed_documents() {
        let predicted: Value = serde_json::from_str(&x.extract(&text).to_json(&doc)).unwrap();
        score_relations(&gold, &predicted, &mut s);
    }
    let total = s.by_kind.values().fold([0; 3], |a, c| [a[0] + c[0], a[1] + c[1], a[2] + c[2]]);
    let (p, r, _) = prf(total);
    let (sp, sr, _) = prf(s.by_kind.get("supply").copied().unwrap_or_default());
    let (_, _, items_f1) = prf(s.items);
    let evidence = s.evidence_found as f64 / s.evidence_total as f64;
    let modality = s.modality_right as f64 / s.evidence_found as f64;
    let mut kinds: Vec<_> = s.by_kind.iter().collect();
    kinds.sort();
    let report = format!(
        "relations P {p:.3} R {r:.3} {total:?}; supply P {sp:.3} R {sr:.3}; items F1 {items_f1:.3}; \
         evidence {evidence:.3}; modality {modality:.3}; by kind (tp, fp, fn) {kinds:?}"
    );
    assert!(p >= MIN_RELATION_PRECISION && r >= MIN_RELATION_RECALL, "{report}");
    assert!(sp >= MIN_SUPPLY_PRECISION && sr >= MIN_SUPPLY_RECALL, "{report}");
    assert!(items_f1 >= MIN_ITEMS_F1, "{report}");
    assert!(evidence >= MIN_EVIDENCE_RECALL && modality >= MIN_MODALITY_ACCURACY, "{report}");
}

#[test]
fn item_folding_matches_the_reference() {
    assert_eq!(item_norm("Iranian-made drones"), "iranian made drone");
    assert_eq!(item_norm("ATACMS"), "atacm");
    assert_eq!(item_norm("artillery shells"), "artillery shell");
}
