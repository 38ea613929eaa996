//! gazer reads news articles and finds who and what they name — people, states,
//! organizations, places and weapon systems — linking every mention to one canonical entity,
//! with exact byte offsets into the original text, and who does what to whom: typed
//! relations (supply, deploy, meet, holds_office, attack, agreement) with their roles,
//! modality and the exact source spans they rest on.
//!
//! # Example: who supplies what to whom
//!
//! ```
//! use gazer::{relation::Role, Extractor, Modality, RelationKind};
//! let text = "Iran is reportedly gearing up to supply Russia with Fath-360 missiles.";
//! let extractor = Extractor::default();
//! let found = extractor.extract(text);
//! let supply = &found.relations[0];
//! assert_eq!(supply.kind, RelationKind::Supply);
//! assert_eq!(supply.arg(Role::Supplier).unwrap().name, "Iran");
//! assert_eq!(supply.arg(Role::Recipient).unwrap().name, "Russia");
//! assert_eq!(supply.arg(Role::Item).unwrap().name, "Fath-360");
//! assert_eq!(supply.modality, Modality::Hypothetical);
//! assert_eq!(&text[supply.cue.unwrap()], "gearing up");
//! assert_eq!(&text[supply.trigger], "supply");
//! assert_eq!(supply.rule.as_str(), "supply.give");
//! ```
//!
//! # Example: entities in a news paragraph
//!
//! ```
//! let extractor = gazer::Extractor::default();
//! let text = "PYONGYANG — North Korean leader Kim Jong Un met Russian President \
//!             Vladimir Putin. Kim’s visit follows Iran’s deliveries of Shahed-136 drones.";
//! let found = extractor.extract(text);
//! // Offsets are UTF-8 bytes of `text`: a mention as written is `&text[e.span]`.
//! let kim = found.entities.iter().find(|e| &text[e.span] == "Kim").unwrap();
//! assert_eq!(kim.name, "Kim Jong Un"); // partial name linked to the full name
//! let korean = found.entities.iter().find(|e| &text[e.span] == "North Korean").unwrap();
//! assert_eq!((korean.kind, korean.name.as_str()), (gazer::EntityKind::State, "North Korea"));
//! println!("{}", found.to_json("article.txt"));
//! ```
//!
//! # The pipeline
//!
//! Each stage is a module, in the order data flows through them:
//!
//! 1. [`tokenize`] — word boundaries, words and sentences as byte [`Span`]s;
//! 2. [`gazetteer`] — the curated entries (data form) and the TSV format they are written in;
//!    the matcher compiles their surfaces into one trie, walked over the original bytes from
//!    each word start, keeping matches on word boundaries that respect the case policy;
//! 3. resolution — the ambiguity policy, the [`OverlapPolicy`] and linking produce [`Entity`]
//!    mentions;
//! 4. [`relation`] — trigger lexicons (data files, like the gazetteers) and shallow role-filling
//!    rules over each sentence's tokens give typed relations, checked against the role table
//!    [`RelationKind::roles`], with modality from cues scoped to the trigger's clause;
//! 5. output — [`Extraction`] serializes to the contract's JSON.
//!
//! [`Extractor::extract_batch`] runs many documents on several threads and returns their
//! results in input order; [`Extractor::fold_batch`] hands each result to a closure on the
//! thread that made it, for corpora whose results need not, or cannot, be held at once.
//!
//! # Offsets
//!
//! Every offset is a UTF-8 byte offset into the text given to [`Extractor::extract`], start
//! inclusive, end exclusive; `&text[span]` is the mention. [`CharOffsets`] converts to
//! character offsets for callers that need them.
//!
//! # Matching and resolution rules
//!
//! - Surfaces match as written, or in all capitals when they have three letters or more
//!   ("PUTIN"). Acronyms match only as written: "US" never matches "us".
//! - A match starts and ends on a word boundary: "Iran" matches in "Iran’s" and
//!   "Iran-backed", never in "Irani"; "Kim" never in "Kimberly".
//! - Of overlapping matches the leftmost-longest wins ("North Korea" over "Korea").
//! - Demonyms ("North Korean"), capitals ("Pyongyang") and seats of power ("the Kremlin")
//!   link to their state. A capital after a preposition of place is a `place` mention.
//! - A person's partial name links to the full name mentioned in the same document; a
//!   surname after someone else's first name ("Hunter Biden") is not linked at all.
//! - Surfaces flagged `ambiguous` in a gazetteer need context ("Patriot missiles",
//!   "Jordan" but not "Michael Jordan").
//!
//! # Gazetteer format
//!
//! One entry per line, tab-separated: `KIND`, canonical name, then `key=value|value` fields
//! (tabs shown as `⇥`):
//!
//! ```text
//! state⇥Russia⇥alias=Russian Federation⇥demonym=Russian⇥plural=Russians⇥capital=Moscow⇥seat=Kremlin
//! weapon⇥Fath-360⇥alias=Fateh-360|BM-120⇥category=ballistic missile⇥origin=Iran
//! ```
//!
//! `gazetteers/README.md` in the repository specifies every key.

// Nothing in text matching needs unsafe code; forbidding it makes that a guarantee.
#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

#[macro_use]
mod macros;

mod batch;
mod entity;
mod error;
mod extract;
pub mod gazetteer;
mod hash;
mod matcher;
pub mod relation;
mod resolve;
mod span;
mod swar;
pub mod tokenize;

pub use entity::{Entity, EntityId, EntityKind, Name};
pub use error::{Error, ErrorKind, Origin, Result, UnknownName};
pub use extract::{Extraction, Extractor, ExtractorBuilder};
pub use gazetteer::Gazetteer;
pub use relation::{Modality, Relation, RelationKind, Role};
pub use resolve::OverlapPolicy;
pub use span::{CharOffsets, Span};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The seed articles the unit tests read (`tests/fixtures/seeds/corpus`), in file-name order.
#[cfg(test)]
pub(crate) fn seed_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

#[cfg(test)]
mod tests {
    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn public_types_are_send_sync_clone() {
        assert_send_sync::<crate::Extractor>();
        assert_send_sync::<crate::Gazetteer>();
        assert_send_sync::<crate::Extraction>();
        assert_send_sync::<crate::Entity>();
        assert_send_sync::<crate::Relation>();
    }
}
