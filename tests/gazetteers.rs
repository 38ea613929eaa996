//! Every shipped gazetteer file parses, keeps the invariants, and meets the coverage floors.

use std::collections::HashSet;

use gazer::gazetteer::SurfaceRole;
use gazer::{EntityKind, Gazetteer};

const FILES: &[(&str, EntityKind)] = &[
    ("state.tsv", EntityKind::State),
    ("person.tsv", EntityKind::Person),
    ("weapon.tsv", EntityKind::Weapon),
    ("organization.tsv", EntityKind::Organization),
    ("place.tsv", EntityKind::Place),
];

fn load_all() -> Gazetteer {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    let mut all = Gazetteer::new();
    for (file, kind) in FILES {
        let g = Gazetteer::load(dir.join(file)).unwrap_or_else(|e| panic!("{e}"));
        assert!(g.entries().iter().all(|e| e.kind == *kind), "{file} holds only {kind} entries");
        all.extend(g).unwrap_or_else(|e| panic!("{e}"));
    }
    all
}

#[test]
fn shipped_files_parse_and_reference_each_other() {
    let all = load_all();
    all.check_references().unwrap_or_else(|e| panic!("{e}"));
    // The embedded copy is the same data.
    assert_eq!(Gazetteer::builtin().len(), all.len());
}

#[test]
fn no_empty_or_padded_surfaces() {
    for e in load_all().entries() {
        for s in &e.surfaces {
            assert!(!s.text.is_empty() && s.text.trim() == s.text, "{}: surface {:?}", e.origin_line, s.text);
            // "The Hague" and "The Hill" keep their article: it is part of the name.
            assert!(!s.text.starts_with("the "), "{}: surface {:?} keeps the article", e.origin_line, s.text);
            let short_lower = s.text.chars().count() <= 2 && s.text.chars().any(char::is_lowercase);
            assert!(!short_lower, "{}: surface {:?} is too short to match safely", e.origin_line, s.text);
        }
    }
}

#[test]
fn coverage_minimums() {
    let all = load_all();
    let count = |k| all.count(k);
    assert!(count(EntityKind::Person) >= 250, "people: {}", count(EntityKind::Person));
    assert!(count(EntityKind::Weapon) >= 400, "weapons: {}", count(EntityKind::Weapon));
    assert!(count(EntityKind::Organization) >= 150, "organizations: {}", count(EntityKind::Organization));
    assert!(count(EntityKind::Place) >= 300, "places: {}", count(EntityKind::Place));
    let states: Vec<_> = all.entries().iter().filter(|e| e.kind == EntityKind::State).collect();
    let current = states.iter().filter(|e| !e.historical).count();
    // 193 UN members, 2 observers (Vatican City, Palestine), Taiwan and Kosovo.
    assert!(current >= 197, "current states: {current}");
    assert!(states.iter().any(|e| e.historical && e.name == "Soviet Union"));
    for name in ["Taiwan", "Kosovo", "Vatican City", "Palestine", "Tuvalu", "Eswatini", "South Sudan"] {
        assert!(all.get(EntityKind::State, name).is_some(), "missing state {name}");
    }
    // Every current state has a demonym, except where the only adjectival form is shared with
    // another state or a region ("Congolese", "Dominican", "Central African", "Micronesian")
    // or is the name itself ("New Zealand", "Vatican").
    let shared = [
        "Republic of the Congo",
        "Democratic Republic of the Congo",
        "Dominica",
        "Dominican Republic",
        "Central African Republic",
        "Micronesia",
        "New Zealand",
        "Vatican City",
        "Solomon Islands",
    ];
    for e in states.iter().filter(|e| !e.historical && !shared.contains(&e.name.as_str())) {
        assert!(e.surfaces.iter().any(|s| s.role == SurfaceRole::Demonym), "{} has no demonym", e.name);
    }
    let capitals =
        states.iter().filter(|e| e.surfaces.iter().any(|s| s.role == SurfaceRole::Capital)).count();
    assert!(capitals >= 185, "states with a capital: {capitals}");
}

#[test]
fn people_hold_offices_and_weapons_are_typed() {
    let all = load_all();
    let people: Vec<_> = all.entries().iter().filter(|e| e.kind == EntityKind::Person).collect();
    let with_office = people.iter().filter(|e| !e.offices.is_empty()).count();
    assert!(with_office * 10 >= people.len() * 9, "{with_office} of {} people have an office", people.len());
    let putin = all.get(EntityKind::Person, "Vladimir Putin").expect("Putin");
    let d = "2024-06-19".parse().unwrap();
    assert!(putin.offices_on(d).any(|o| o.title == "President" && o.polity == "Russia"));
    for e in all.entries().iter().filter(|e| e.kind == EntityKind::Weapon) {
        assert!(e.category.is_some(), "{}: weapon {} has no category", e.origin_line, e.name);
        assert!(!e.origin.is_empty(), "{}: weapon {} has no origin", e.origin_line, e.name);
    }
    let names: HashSet<&str> = all.entries().iter().map(|e| e.name.as_str()).collect();
    for w in [
        "Fath-360",
        "Shahed-136",
        "Oreshnik",
        "KN-23",
        "Kh-101",
        "Storm Shadow",
        "Iskander",
        "ATACMS",
        "HIMARS",
        "F-16",
    ] {
        assert!(names.contains(w), "missing weapon {w}");
    }
}

#[test]
fn user_gazetteers_are_checked_against_the_builtin_ones() {
    let clash = Gazetteer::parse("mine.tsv", "organization\tPersian Arms\talias=Iran").unwrap();
    let e = gazer::Extractor::builder().gazetteer(clash).build().unwrap_err().to_string();
    assert!(
        e.starts_with(
            "mine.tsv:1: surface \"Iran\" of organization \"Persian Arms\" already names state \"Iran\""
        ),
        "{e}"
    );
    let dangling =
        Gazetteer::parse("mine.tsv", "\n# comment\nweapon\tX-9\tcategory=drone\torigin=Atlantis").unwrap();
    let e = gazer::Extractor::builder().gazetteer(dangling).build().unwrap_err().to_string();
    assert_eq!(e, "mine.tsv:3: origin \"Atlantis\" of \"X-9\" names no state or organization entry");
    // Replacing the builtin gazetteers removes the clash.
    let mine = Gazetteer::parse("mine.tsv", "organization\tPersian Arms\talias=Iran").unwrap();
    let x = gazer::Extractor::builder().builtin(false).gazetteer(mine).build().unwrap();
    assert_eq!(x.extract("Iran said").entities[0].name, "Persian Arms");
}
