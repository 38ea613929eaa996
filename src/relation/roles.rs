//! The role table: which roles each relation kind takes and what may fill them. The engine
//! checks every relation against it before emitting, so a rule cannot put a weapon in a
//! recipient slot or a city in a polity slot.

use super::{RelationKind, Role};
use crate::entity::EntityKind;

/// What may fill a role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filler {
    /// An entity of this kind (the kind of the linked gazetteer entry, so a capital counts as
    /// its state).
    Entity(EntityKind),
    /// A phrase as written: a generic item ("artillery shells") or a title ("President").
    Phrase,
}

/// One role of a relation kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleSpec {
    /// The role.
    pub role: Role,
    /// What may fill it.
    pub fillers: &'static [Filler],
    /// Whether every relation of the kind has it.
    pub required: bool,
    /// Whether it may be filled more than once (items, the two participants).
    pub many: bool,
}

use EntityKind::{Organization as O, Person as P, Place as L, State as S, Weapon as W};
use Filler::{Entity as E, Phrase};

const ACTOR: &[Filler] = &[E(S), E(O), E(P)];

const SUPPLY: &[RoleSpec] = &[
    RoleSpec { role: Role::Supplier, fillers: ACTOR, required: true, many: false },
    RoleSpec { role: Role::Recipient, fillers: ACTOR, required: true, many: false },
    RoleSpec { role: Role::Item, fillers: &[E(W), Phrase], required: false, many: true },
];
const DEPLOY: &[RoleSpec] = &[
    RoleSpec { role: Role::Sender, fillers: ACTOR, required: true, many: false },
    RoleSpec { role: Role::Destination, fillers: &[E(S), E(L)], required: true, many: false },
];
const MEET: &[RoleSpec] =
    &[RoleSpec { role: Role::Participants, fillers: ACTOR, required: true, many: true }];
const HOLDS_OFFICE: &[RoleSpec] = &[
    RoleSpec { role: Role::Person, fillers: &[E(P)], required: true, many: false },
    RoleSpec { role: Role::Polity, fillers: &[E(S), E(O)], required: true, many: false },
    RoleSpec { role: Role::Title, fillers: &[Phrase], required: false, many: false },
];
const ATTACK: &[RoleSpec] = &[
    RoleSpec { role: Role::Attacker, fillers: ACTOR, required: true, many: false },
    RoleSpec { role: Role::Target, fillers: &[E(S), E(L), E(O)], required: true, many: false },
    RoleSpec { role: Role::Weapon, fillers: &[E(W), Phrase], required: false, many: true },
];
const AGREEMENT: &[RoleSpec] =
    &[RoleSpec { role: Role::Participants, fillers: ACTOR, required: true, many: true }];

impl RelationKind {
    /// The roles this kind takes, in output order, and what may fill each.
    ///
    /// ```
    /// use gazer::{EntityKind, relation::{Filler, RelationKind, Role}};
    /// let roles = RelationKind::Supply.roles();
    /// assert_eq!(roles.iter().map(|r| r.role).collect::<Vec<_>>(), [Role::Supplier, Role::Recipient, Role::Item]);
    /// assert!(roles[2].fillers.contains(&Filler::Entity(EntityKind::Weapon)));
    /// assert!(!roles[1].fillers.contains(&Filler::Entity(EntityKind::Weapon)));
    /// ```
    pub fn roles(self) -> &'static [RoleSpec] {
        match self {
            RelationKind::Supply => SUPPLY,
            RelationKind::Deploy => DEPLOY,
            RelationKind::Meet => MEET,
            RelationKind::HoldsOffice => HOLDS_OFFICE,
            RelationKind::Attack => ATTACK,
            RelationKind::Agreement => AGREEMENT,
        }
    }

    /// Whether the kind is symmetric (its two sides are both `participants`).
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::Meet | RelationKind::Agreement)
    }

    /// The spec of `role` in this kind, if the kind takes it.
    pub fn role(self, role: Role) -> Option<&'static RoleSpec> {
        self.roles().iter().find(|r| r.role == role)
    }
}
