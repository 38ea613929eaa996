//! Entities: the kinds the contract knows and the resolved, linked mentions gazer returns.

use serde::Serialize;

use crate::gazetteer::SurfaceRole;
use crate::span::Span;

string_enum! {
    /// The kind of a named entity, as defined in the output contract.
    pub enum EntityKind, what = "entity kind" {
        /// A named individual.
        Person => "person",
        /// A sovereign state, also when named by demonym, capital or seat of power.
        State => "state",
        /// A named weapon system, family or designation.
        Weapon => "weapon",
        /// An armed group, alliance, international body, company, ministry or outlet.
        Organization => "organization",
        /// A city, region or site that is not standing for a state.
        Place => "place",
    }
}

/// Index of an entry in the extractor's gazetteer; every mention of one entity carries the
/// same id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct EntityId(pub u32);

/// One mention in a document, linked to its canonical entity.
///
/// A plain `Copy` value that borrows the document (for `text`) and the [`Extractor`] (for
/// `name`): making a mention costs no allocation and no reference count, and a document that
/// names someone a million times costs a million of these and nothing more.
///
/// Serializes to the contract's shape: `{"kind","name","start","end","text"}`.
///
/// [`Extractor`]: crate::Extractor
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Entity<'a> {
    /// The kind of this mention (a capital may be a `state` or a `place` mention of a state).
    pub kind: EntityKind,
    /// The canonical name of the linked entity ("Vladimir Putin" for "Putin").
    pub name: &'a str,
    /// Byte span of the mention in the document: the name only, without title, article or
    /// possessive.
    #[serde(flatten)]
    pub span: Span,
    /// The mention as written: always `&document[span]`.
    pub text: &'a str,
    /// The linked gazetteer entry.
    #[serde(skip)]
    pub id: EntityId,
    /// How the mention names the entry: its name, an alias, a demonym ("Iranian"), a capital
    /// or seat of power. Relation rules read it ("Iranian-made drones" names an origin).
    #[serde(skip)]
    pub role: SurfaceRole,
}
