//! Helpers shared by the suites.

use gazer::{Entity, EntityKind, Extractor, Relation};

/// `(kind, canonical name, text)` of each entity, in document order; also checks that every
/// span slices back to its text.
pub fn triples(extractor: &Extractor, text: &str) -> Vec<(EntityKind, String, String)> {
    let entities = extractor.entities(text);
    check_spans(text, &entities);
    entities.into_iter().map(|e| (e.kind, e.name.to_string(), text[e.span].to_string())).collect()
}

/// Every entity's span is a non-empty span of the text on character boundaries, and the list
/// is ordered and non-overlapping.
pub fn check_spans(text: &str, entities: &[Entity]) {
    for e in entities {
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "{e:?}");
        assert!(e.span.start < e.span.end, "empty span: {e:?}");
    }
    for w in entities.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "overlap: {:?} {:?}", w[0], w[1]);
    }
}

/// A shorthand for expected rows.
pub fn row(kind: EntityKind, name: &str, text: &str) -> (EntityKind, String, String) {
    (kind, name.to_string(), text.to_string())
}

/// Every span of every relation (evidence, trigger, cue, arguments) slices the text, and each
/// relation has the roles its kind requires.
pub fn check_relations(text: &str, relations: &[Relation]) {
    for r in relations {
        let spans = [Some(r.span), Some(r.trigger), r.cue].into_iter().flatten();
        for s in spans.chain(r.args.iter().map(|(_, a)| a.span)) {
            assert!(text.get(s.start..s.end).is_some(), "span {s:?} of {r:?}");
        }
        for spec in r.kind.roles().iter().filter(|s| s.required) {
            assert!(r.args.iter().any(|(role, _)| *role == spec.role), "{r:?} lacks {}", spec.role);
        }
        for (role, _) in &r.args {
            assert!(r.kind.role(*role).is_some(), "{r:?} has a role its kind does not take");
        }
    }
}
