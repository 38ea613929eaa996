//! `extract` never panics and keeps its invariants on any string.

use gazer::Extractor;
use proptest::prelude::*;

use crate::common::{check_relations, check_spans};

#[test]
fn strange_inputs() {
    let x = Extractor::default();
    let long_name = "Putin ".repeat(100_000);
    let no_space = "Iran".repeat(50_000);
    let inputs: Vec<String> = vec![
        String::new(),
        "\0\0\0".into(),
        "\u{feff}Iran\u{200b}Russia\u{200d}".into(),
        "a\u{301}Iran\u{301}".into(),
        "U.S.U.S.U.S.".into(),
        "’’’'s 's".into(),
        "\r\n\r\n\t".into(),
        "🇺🇸🇷🇺🇰🇵".into(),
        "ИРАН Иран ایران".into(),
        long_name,
        no_space,
    ];
    for text in &inputs {
        let found = x.extract(text);
        check_spans(text, &found.entities);
        check_relations(text, &found.relations);
    }
    assert_eq!(x.entities(&inputs[9]).len(), 100_000);
    assert!(x.entities(&inputs[10]).is_empty(), "no word boundary inside IranIran…");
}

/// Linking and the ambiguity policy must stay linear in the number of mentions: with a
/// quadratic scan these inputs would not finish.
#[test]
fn many_repetitions_of_one_name() {
    let x = Extractor::default();
    let kims = format!("Kim Jong Un arrived. {}", "Kim said. ".repeat(200_000));
    let found = x.entities(&kims);
    assert_eq!(found.len(), 200_001);
    assert!(found.iter().all(|e| e.name == "Kim Jong Un"));
    assert!(x.entities(&"Kim said. ".repeat(200_000)).is_empty(), "no full name, no guess");
    let jordans = "Jordan ".repeat(200_000);
    assert!(x.entities(&jordans).is_empty(), "ambiguous neighbours do not vouch for each other");
    let listed = "Jordan, ".repeat(200_000);
    assert_eq!(x.entities(&listed).len(), 200_000, "separated by commas, each Jordan is the state");
    // One endless sentence full of triggers is read in bounded pieces, not quadratically.
    let supplies = "Iran supplied drones to Russia and ".repeat(50_000);
    let found = x.extract(&supplies);
    check_relations(&supplies, &found.relations);
    assert!(!found.relations.is_empty());
    for r in &found.relations {
        let names: Vec<&str> = r.args.iter().map(|(_, a)| a.name).collect();
        assert_eq!(names, ["Iran", "Russia", "drones"], "{r:?}");
    }
    let patriots = "Patriot ".repeat(200_000);
    assert!(x.entities(&patriots).is_empty(), "no materiel word, no weapon");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string(s in "\\PC{0,200}") {
        let x = Extractor::default();
        let found = x.extract(&s);
        check_spans(&s, &found.entities);
        check_relations(&s, &found.relations);
    }

    #[test]
    fn news_like_strings(parts in proptest::collection::vec(
        prop_oneof![
            Just("Iran"), Just("’s"), Just(" "), Just("-"), Just("North"), Just("Korea"), Just("n"),
            Just("Kim"), Just(" Jong Un"), Just("."), Just("U.S."), Just("\u{a0}"), Just("é"), Just("PUTIN"),
            Just(" supplied "), Just(" to "), Just(" drones"), Just(" met "), Just(", "), Just(" the "),
            Just(" its "), Just(" he "), Just(" from "), Just(" denied"), Just(" President "), Just(" and "),
            Just("wouldn’t"), Just(" strike on "), Just("Kyiv"), Just(" troops"), Just(" between "),
        ], 0..40)) {
        let s: String = parts.concat();
        let x = Extractor::default();
        let found = x.extract(&s);
        check_spans(&s, &found.entities);
        check_relations(&s, &found.relations);
    }
}
