//! Stage 4 — relations: who does what to whom, as typed records.
//!
//! The engine is driven by data: the [`Lexicon`] (`gazetteers/lexicon/*.tsv`) lists trigger
//! words, each with the role frame it implies, the materiel and troop nouns, modality cues
//! and title words. For each sentence that holds a name:
//!
//! 1. `view`: the sentence becomes a row of tokens, each entity mention one token;
//! 2. `items`: generic materiel phrases and named systems are found, with their maker
//!    ("Iranian-made drones");
//! 3. `rules`: each trigger's frame fills its roles from the clause around it (`clause`,
//!    `args`: subjects, objects of prepositions, possessors, coordination, pronouns);
//!    title appositions give `holds_office`;
//! 4. `modality`: the nearest cue in the trigger's clause decides;
//! 5. `engine`: every relation is checked against the role table
//!    ([`RelationKind::roles`]) and emitted with its evidence, trigger, cue and rule id.

mod args;
mod clause;
pub(crate) mod engine;
pub(crate) mod gate;
mod items;
mod lexicon;
mod modality;
mod roles;
mod rules;
mod skip;
mod view;

pub use lexicon::{Frame, Lexicon, Materiel, TitleWord, Trigger};
pub use roles::{Filler, RoleSpec};

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

string_enum! {
    /// The rule that produced a relation (the `rule` field of the output), so that every
    /// relation can be traced to the code that found it.
    pub enum Rule, what = "rule" {
        /// A verb of giving: "X supplies Y to Z", "Y was delivered to Z by X".
        SupplyGive => "supply.give",
        /// A verb of receiving: "Z obtains Y from X".
        SupplyReceive => "supply.receive",
        /// Use of an item made abroad: "Z fired Iranian-made drones".
        SupplyUse => "supply.use",
        /// A noun of giving: "X's shipment of Y to Z".
        SupplyNoun => "supply.noun",
        /// A noun of receiving: "Z's procurement of Y from X".
        SupplyNounReceive => "supply.noun-receive",
        /// A deal whose direction the text does not state.
        SupplyDeal => "supply.deal",
        /// "this arms transfer", taking its parties from the supply stated just before.
        SupplyAnaphora => "supply.anaphora",
        /// Troops sent, deployed or stationed.
        Deploy => "deploy.send",
        /// "X met (with) Y".
        Meet => "meet.verb",
        /// A visit to a state or its capital.
        MeetVisit => "meet.visit",
        /// "a meeting between X and Y", "X's talks with Y".
        MeetNoun => "meet.noun",
        /// "a treaty between X and Y", "X's partnership with Y".
        Agreement => "agreement.noun",
        /// "X struck Y", "X launched a missile targeting Y".
        Attack => "attack.verb",
        /// "X's strike on Y", "Russian strikes in Y".
        AttackNoun => "attack.noun",
        /// A title before the name: "Russian President Vladimir Putin".
        OfficeBefore => "holds_office.title-before",
        /// A title after the name: "Barnier, France's prime minister".
        OfficeAfter => "holds_office.title-after",
        /// An office the gazetteer says the person held on the document's date.
        OfficeOnDate => "holds_office.on-date",
        /// A clause denying the relation before it: "…, a claim Pyongyang denied".
        Denial => "denial",
    }
}

/// A role filler: an entity's canonical name or a generic phrase, with its span.
///
/// Like [`Entity`](crate::Entity), a `Copy` value borrowing the document and the extractor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argument<'a> {
    /// Canonical entity name, or the phrase as written for generic items.
    pub name: &'a str,
    /// Where the filler is written in the document.
    pub span: Span,
}

impl Serialize for Argument<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Argument", 3)?;
        st.serialize_field("name", self.name)?;
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
pub struct Relation<'a> {
    /// What kind of relation.
    pub kind: RelationKind,
    /// How it is stated.
    pub modality: Modality,
    /// The evidence: the sentence or clause that states it.
    pub span: Span,
    /// The role fillers, in role order; `Participants` appears twice for symmetric kinds.
    pub args: Vec<(Role, Argument<'a>)>,
    /// The trigger: the word or phrase that states the relation ("supplied", "President").
    pub trigger: Span,
    /// The modality cue ("could", "denied"), when one decided the modality.
    pub cue: Option<Span>,
    /// The rule that found the relation.
    pub rule: Rule,
    /// Whether the text leaves the direction open ("an arms deal between X and Y"): supplier
    /// and recipient are then the two sides in the order written.
    pub undirected: bool,
}

impl<'a> Relation<'a> {
    /// The arguments filling `role`, in order.
    pub fn args(&self, role: Role) -> impl Iterator<Item = &Argument<'a>> {
        self.args.iter().filter(move |(r, _)| *r == role).map(|(_, a)| a)
    }

    /// The first argument filling `role`.
    pub fn arg(&self, role: Role) -> Option<&Argument<'a>> {
        self.args(role).next()
    }
}

impl Serialize for Relation<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Args<'r, 'a>(&'r [(Role, Argument<'a>)]);
        impl Serialize for Args<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                let participants: Vec<&Argument> =
                    self.0.iter().filter(|(r, _)| *r == Role::Participants).map(|(_, a)| a).collect();
                if !participants.is_empty() {
                    map.serialize_entry("participants", &participants)?;
                }
                // A role filled more than once (several items) serializes as an array.
                let mut i = 0;
                let rest: Vec<&(Role, Argument)> =
                    self.0.iter().filter(|(r, _)| *r != Role::Participants).collect();
                while i < rest.len() {
                    let role = rest[i].0;
                    let same: Vec<&Argument> =
                        rest[i..].iter().take_while(|(r, _)| *r == role).map(|(_, a)| a).collect();
                    if same.len() == 1 {
                        map.serialize_entry(role.as_str(), same[0])?;
                    } else {
                        map.serialize_entry(role.as_str(), &same)?;
                    }
                    i += same.len();
                }
                map.end()
            }
        }
        let mut st = s.serialize_struct("Relation", 9)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("modality", &self.modality)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("args", &Args(&self.args))?;
        st.serialize_field("trigger", &self.trigger)?;
        if let Some(cue) = &self.cue {
            st.serialize_field("cue", cue)?;
        } else {
            st.skip_field("cue")?;
        }
        st.serialize_field("rule", &self.rule)?;
        if self.undirected {
            st.serialize_field("direction", "unknown")?;
        } else {
            st.skip_field("direction")?;
        }
        st.end()
    }
}
