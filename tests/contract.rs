//! The serialized output has the contract's shape (shared GUIDELINES.md, "Output contract").

use gazer::relation::{Argument, Rule};
use gazer::{Extraction, Extractor, Modality, Relation, RelationKind, Role, Span};
use serde_json::{json, Value};

#[test]
fn entity_json_shape() {
    let text = "North Korea’s Kim Jong Un";
    let line = Extractor::default().extract(text).to_json("a.txt");
    assert!(!line.contains('\n'), "one line per document");
    let v: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        v,
        json!({
            "doc": "a.txt",
            "entities": [
                {"kind": "state", "name": "North Korea", "start": 0, "end": 11, "text": "North Korea"},
                {"kind": "person", "name": "Kim Jong Un", "start": 16, "end": 27, "text": "Kim Jong Un"}
            ],
            "relations": []
        })
    );
}

#[test]
fn relation_json_shape() {
    let text = "Iran could supply Russia with Shahed-136 drones and artillery shells. Kim Jong Un met Vladimir Putin.";
    let at = |s: &str| text.find(s).unwrap();
    let span = |s: &str| json!({"start": at(s), "end": at(s) + s.len()});
    let arg = |name: &str, s: &str| json!({"name": name, "start": at(s), "end": at(s) + s.len()});
    let v: Value = serde_json::from_str(&Extractor::default().extract(text).to_json("b.txt")).unwrap();
    let first_end = at(" Kim");
    assert_eq!(
        v["relations"],
        json!([
            {"kind": "supply", "modality": "hypothetical", "start": 0, "end": first_end, "args": {
                "supplier": arg("Iran", "Iran"),
                "recipient": arg("Russia", "Russia"),
                "item": [arg("Shahed-136", "Shahed-136"), arg("artillery shells", "artillery shells")]},
             "trigger": span("supply"), "cue": span("could"), "rule": "supply.give"},
            {"kind": "meet", "modality": "asserted", "start": at("Kim"), "end": text.len(), "args": {
                "participants": [arg("Kim Jong Un", "Kim Jong Un"), arg("Vladimir Putin", "Vladimir Putin")]},
             "trigger": span("met"), "rule": "meet.verb"}
        ])
    );
}

#[test]
fn undirected_deals_say_so() {
    let text = "The arms deal between Russia and Iran is advancing.";
    let v: Value = serde_json::from_str(&Extractor::default().extract(text).to_json("c.txt")).unwrap();
    assert_eq!(v["relations"][0]["rule"], "supply.deal");
    assert_eq!(v["relations"][0]["direction"], "unknown");
}

#[test]
fn serde_and_to_json_give_each_mention_its_text() {
    let text = "Kim Jong Un met Vladimir Putin; KIM left.";
    let x = Extractor::default();
    let found = x.extract(text);
    let v = serde_json::to_value(&found).unwrap();
    let line: Value = serde_json::from_str(&found.to_json("e.txt")).unwrap();
    assert_eq!(v["entities"], line["entities"]);
    let texts: Vec<&str> =
        v["entities"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Kim Jong Un", "Vladimir Putin", "KIM"]);
    // Alone, a mention has no text to show: it serializes without one.
    let alone = serde_json::to_value(found.entities[2]).unwrap();
    assert_eq!(alone, json!({"kind": "person", "name": "Kim Jong Un", "start": 32, "end": 35}));
}

#[test]
fn a_mention_outside_its_extractions_text_is_an_error_not_a_panic() {
    let x = Extractor::default();
    let long = "A long sentence before it names Vladimir Putin.";
    let found = x.extract(long);
    let moved = Extraction { text: "Putin", ..found.clone() };
    let error = serde_json::to_string(&moved).unwrap_err().to_string();
    assert!(error.contains("\"Vladimir Putin\" at 32..46 is not a span of the 5-byte text"), "{error}");
    assert_eq!(moved.to_json("f.txt"), "");
    // Inside a character is outside the text too.
    let cut = Extraction { text: "A long sentence before it names Vladimir Puti\u{e9}.", ..found };
    assert!(serde_json::to_string(&cut).is_err());
}

#[test]
fn relations_built_by_hand_serialize_too() {
    let arg = |name: &'static str, s, e| Argument { name, span: Span::new(s, e) };
    let extraction = Extraction {
        text: "",
        entities: vec![],
        relations: vec![Relation {
            kind: RelationKind::Supply,
            modality: Modality::Negated,
            span: Span::new(0, 40),
            args: vec![(Role::Supplier, arg("Iran", 0, 4)), (Role::Recipient, arg("Russia", 14, 20))],
            trigger: Span::new(5, 13),
            cue: Some(Span::new(21, 27)),
            rule: Rule::Denial,
            undirected: false,
        }],
    };
    let v: Value = serde_json::from_str(&extraction.to_json("d.txt")).unwrap();
    assert_eq!(
        v["relations"][0],
        json!({"kind": "supply", "modality": "negated", "start": 0, "end": 40, "args": {
            "supplier": {"name": "Iran", "start": 0, "end": 4},
            "recipient": {"name": "Russia", "start": 14, "end": 20}},
            "trigger": {"start": 5, "end": 13}, "cue": {"start": 21, "end": 27}, "rule": "denial"})
    );
}

#[test]
fn vocabularies_round_trip_through_their_strings() {
    for k in gazer::EntityKind::ALL {
        assert_eq!(k.as_str().parse::<gazer::EntityKind>().unwrap(), *k);
        assert_eq!(serde_json::to_value(k).unwrap(), Value::String(k.to_string()));
    }
    for k in RelationKind::ALL {
        assert_eq!(k.as_str().parse::<RelationKind>().unwrap(), *k);
    }
    assert_eq!(RelationKind::HoldsOffice.as_str(), "holds_office");
    let e = "orgnization".parse::<gazer::EntityKind>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown entity kind \"orgnization\" (expected one of: person, state, weapon, organization, place)"
    );
}
