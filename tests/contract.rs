//! The serialized output has the contract's shape (shared GUIDELINES.md, "Output contract").

use std::sync::Arc;

use gazer::relation::Argument;
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
    let arg = |name: &str, s, e| Argument { name: Arc::from(name), span: Span::new(s, e) };
    let extraction = Extraction {
        entities: vec![],
        relations: vec![
            Relation {
                kind: RelationKind::Supply,
                modality: Modality::Hypothetical,
                span: Span::new(0, 40),
                args: vec![
                    (Role::Supplier, arg("Iran", 0, 4)),
                    (Role::Recipient, arg("Russia", 14, 20)),
                    (Role::Item, arg("drones", 5, 11)),
                ],
            },
            Relation {
                kind: RelationKind::Meet,
                modality: Modality::Asserted,
                span: Span::new(41, 60),
                args: vec![
                    (Role::Participants, arg("Kim Jong Un", 41, 44)),
                    (Role::Participants, arg("Vladimir Putin", 49, 54)),
                ],
            },
        ],
    };
    let v: Value = serde_json::from_str(&extraction.to_json("b.txt")).unwrap();
    assert_eq!(
        v["relations"],
        json!([
            {"kind": "supply", "modality": "hypothetical", "start": 0, "end": 40, "args": {
                "supplier": {"name": "Iran", "start": 0, "end": 4},
                "recipient": {"name": "Russia", "start": 14, "end": 20},
                "item": {"name": "drones", "start": 5, "end": 11}}},
            {"kind": "meet", "modality": "asserted", "start": 41, "end": 60, "args": {
                "participants": [{"name": "Kim Jong Un", "start": 41, "end": 44}, {"name": "Vladimir Putin", "start": 49, "end": 54}]}}
        ])
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
