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
/// A plain `Copy` value of 32 bytes that borrows the [`Extractor`] for its name: making a
/// mention costs no allocation and no reference count. The mention as written is
/// `&text[entity.span]` (the [`Extraction`] keeps the text, and its JSON has it as `"text"`).
/// Small matters here: a document that names someone a million times makes a million of
/// these, and their list is most of what such a document costs.
///
/// Serializes to `{"kind","name","start","end"}`; within an [`Extraction`], to the
/// contract's shape, which adds `"text"`.
///
/// [`Extractor`]: crate::Extractor
/// [`Extraction`]: crate::Extraction
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Entity<'a> {
    /// The kind of this mention (a capital may be a `state` or a `place` mention of a state).
    pub kind: EntityKind,
    /// The canonical name of the linked entity ("Vladimir Putin" for "Putin").
    pub name: &'a Name,
    /// Byte span of the mention in the document: the name only, without title, article or
    /// possessive.
    #[serde(flatten)]
    pub span: Span,
    /// The linked gazetteer entry.
    #[serde(skip)]
    pub id: EntityId,
    /// How the mention names the entry: its name, an alias, a demonym ("Iranian"), a capital
    /// or seat of power. Relation rules read it ("Iranian-made drones" names an origin).
    #[serde(skip)]
    pub role: SurfaceRole,
}

/// The canonical name of a gazetteer entry, held by the [`Extractor`]: a `str` behind a
/// thin pointer, so that a mention stays small. It derefs to `str` and compares with one.
///
/// ```
/// let extractor = gazer::Extractor::default();
/// let found = extractor.extract("Putin spoke.");
/// let name = found.entities[0].name;
/// assert_eq!(name, "Vladimir Putin");
/// assert!(name.starts_with("Vladimir"));
/// assert_eq!(format!("{name}"), name.as_str());
/// ```
///
/// [`Extractor`]: crate::Extractor
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(Box<str>);

impl Name {
    pub(crate) fn new(name: &str) -> Name {
        Name(Box::from(name))
    }

    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl core::ops::Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        *self == *other.0
    }
}

impl core::fmt::Display for Name {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::fmt::Debug for Name {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A million mentions of one name must cost no more per byte than news; their list is most
    /// of such a document's memory, and every byte of it a fresh page to fault in. At 32 bytes
    /// a million-mention list also stays under glibc's largest reuse threshold (32 MiB), so
    /// the allocator recycles it instead of mapping it anew for each document.
    #[test]
    fn a_mention_is_32_bytes() {
        assert_eq!(core::mem::size_of::<Entity<'_>>(), 32);
        assert_eq!(core::mem::size_of::<&Name>(), core::mem::size_of::<usize>());
    }
}
