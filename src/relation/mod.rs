//! Stage 4 — relations: who does what to whom, as typed records.
//!
//! This module holds the relation vocabulary of the output contract (kinds, roles,
//! modality) and the [`Relation`] record. The extractor does not produce relations yet
//! (`Extraction::relations` is empty); the trigger-driven relation engine builds on these
//! types.

use std::sync::Arc;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::span::Span;

string_enum! {
    /// The kind of a relation.
    pub enum RelationKind, what = "relation kind" {
        /// A transfer of arms: supplier, recipient, item.
        Supply => "supply",
        /// Troops sent: sender, destination.
        Deploy => "deploy",
        /// A meeting, summit, talks or visit: two participants.
        Meet => "meet",
        /// A person holding an office: person, polity, title.
        HoldsOffice => "holds_office",
        /// A strike or attack: attacker, target, weapon.
        Attack => "attack",
        /// A treaty, pact or partnership: two participants.
        Agreement => "agreement",
    }
}

string_enum! {
    /// A role an argument fills in a relation.
    pub enum Role, what = "role" {
        /// Who supplies (supply).
        Supplier => "supplier",
        /// Who receives (supply).
        Recipient => "recipient",
        /// What is supplied (supply).
        Item => "item",
        /// Who sends troops (deploy).
        Sender => "sender",
        /// Where troops go (deploy).
        Destination => "destination",
        /// Who attacks (attack).
        Attacker => "attacker",
        /// What is attacked (attack).
        Target => "target",
        /// With what (attack).
        Weapon => "weapon",
        /// The person (holds_office).
        Person => "person",
        /// The state or organization (holds_office).
        Polity => "polity",
        /// The title (holds_office).
        Title => "title",
        /// Either side of a symmetric relation (meet, agreement).
        Participants => "participants",
    }
}

string_enum! {
    /// Whether a relation is stated as fact, as possible or planned, or as denied.
    pub enum Modality, what = "modality" {
        /// Stated as happened or happening, also when attributed ("reportedly").
        Asserted => "asserted",
        /// Planned, sought, expected, possible or conditional.
        Hypothetical => "hypothetical",
        /// Denied or said not to happen.
        Negated => "negated",
    }
}

/// A role filler: an entity's canonical name or a generic phrase, with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// Canonical entity name, or the phrase as written for generic items.
    pub name: Arc<str>,
    /// Where the filler is written in the document.
    pub span: Span,
}

impl Serialize for Argument {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Argument", 3)?;
        st.serialize_field("name", &*self.name)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.end()
    }
}

/// One relation found in a document.
///
/// Serializes to the contract's shape: `{"kind","modality","start","end","args":{role: arg}}`,
/// with `participants` as a two-element array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    /// What kind of relation.
    pub kind: RelationKind,
    /// How it is stated.
    pub modality: Modality,
    /// The evidence: the sentence or clause that states it.
    pub span: Span,
    /// The role fillers, in role order; `Participants` appears twice for symmetric kinds.
    pub args: Vec<(Role, Argument)>,
}

impl Serialize for Relation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Args<'a>(&'a [(Role, Argument)]);
        impl Serialize for Args<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                let participants: Vec<&Argument> =
                    self.0.iter().filter(|(r, _)| *r == Role::Participants).map(|(_, a)| a).collect();
                if !participants.is_empty() {
                    map.serialize_entry("participants", &participants)?;
                }
                for (role, arg) in self.0.iter().filter(|(r, _)| *r != Role::Participants) {
                    map.serialize_entry(role.as_str(), arg)?;
                }
                map.end()
            }
        }
        let mut st = s.serialize_struct("Relation", 5)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("modality", &self.modality)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("args", &Args(&self.args))?;
        st.end()
    }
}
