//! The data form of a gazetteer: plain entries, as parsed, before anything is compiled.

use crate::entity::EntityKind;
use crate::error::Origin;

string_enum! {
    /// How a surface form names its entry. It decides the mention's kind (a capital may be a
    /// place) and how it is linked (a partial name needs the full name in the document).
    pub enum SurfaceRole, what = "surface role" {
        /// The canonical name itself.
        Name => "name",
        /// Another name: short form, acronym, transliteration.
        Alias => "alias",
        /// An adjectival demonym of a state ("Russian", "North Korean").
        Demonym => "demonym",
        /// A plural demonym of a state ("Russians").
        Plural => "plural",
        /// A capital of a state: a `state` or `place` mention by context.
        Capital => "capital",
        /// A seat of power ("Kremlin"): always a `state` mention.
        Seat => "seat",
        /// A person's short name, linked only after the full name occurs in the document.
        Partial => "partial",
    }
}

string_enum! {
    /// The category of a weapon system.
    pub enum WeaponCategory, what = "weapon category" {
        /// Ballistic missiles, tactical and strategic.
        BallisticMissile => "ballistic missile",
        /// Cruise missiles.
        CruiseMissile => "cruise missile",
        /// Hypersonic missiles and glide vehicles.
        HypersonicMissile => "hypersonic missile",
        /// Anti-ship missiles.
        AntiShipMissile => "anti-ship missile",
        /// Air-to-air missiles.
        AirToAirMissile => "air-to-air missile",
        /// Air-to-surface missiles.
        AirToSurfaceMissile => "air-to-surface missile",
        /// Anti-tank guided missiles.
        AntiTankMissile => "anti-tank missile",
        /// Uncrewed aerial, surface or underwater vehicles.
        Drone => "drone",
        /// Loitering munitions.
        LoiteringMunition => "loitering munition",
        /// Guns and howitzers.
        Artillery => "artillery",
        /// Multiple rocket launchers.
        RocketArtillery => "rocket artillery",
        /// Mortars.
        Mortar => "mortar",
        /// Surface-to-air systems.
        AirDefence => "air defence",
        /// Fixed-wing aircraft.
        Aircraft => "aircraft",
        /// Helicopters.
        Helicopter => "helicopter",
        /// Tanks and armoured vehicles.
        Armour => "armour",
        /// Ships and submarines.
        Naval => "naval",
        /// Rifles, machine guns, grenade launchers.
        SmallArms => "small arms",
        /// Bombs and glide bombs.
        Bomb => "bomb",
        /// Shells, rounds and other munitions.
        Munition => "munition",
        /// Anything else.
        Other => "other",
    }
}

string_enum! {
    /// What an organization is.
    pub enum OrganizationType, what = "organization type" {
        /// Militias, insurgents, private military companies.
        ArmedGroup => "armed group",
        /// Military or political alliances.
        Alliance => "alliance",
        /// International and supranational bodies.
        InternationalBody => "international body",
        /// Governments' offices and councils.
        GovernmentBody => "government body",
        /// Ministries and departments.
        Ministry => "ministry",
        /// Agencies, intelligence services.
        Agency => "agency",
        /// Armies, units, formations.
        MilitaryUnit => "military unit",
        /// Companies.
        Company => "company",
        /// News outlets and agencies.
        Media => "media",
        /// Think tanks and research institutes.
        ThinkTank => "think tank",
        /// Political parties.
        Party => "party",
        /// Parliaments and their chambers.
        Legislature => "legislature",
        /// Universities.
        University => "university",
        /// Anything else.
        Other => "other",
    }
}

string_enum! {
    /// What a place is.
    pub enum PlaceType, what = "place type" {
        /// A city, town or village.
        City => "city",
        /// A region, province, oblast, sea or continent.
        Region => "region",
        /// A site: a base, a plant, a crossing.
        Site => "site",
        /// Anything else.
        Other => "other",
    }
}

/// A calendar date as written in a gazetteer (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); missing
/// parts are zero, so dates compare in calendar order at the precision given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12, or 0 when not given.
    pub month: u8,
    /// Day, 1–31, or 0 when not given.
    pub day: u8,
}

impl core::fmt::Display for Date {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match (self.month, self.day) {
            (0, _) => write!(f, "{:04}", self.year),
            (m, 0) => write!(f, "{:04}-{:02}", self.year, m),
            (m, d) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
        }
    }
}

impl core::str::FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("date \"{s}\" is not YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.split('-');
        let year = parts.next().filter(|p| p.len() == 4).and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let mut field = |max: u8| -> Result<u8, String> {
            match parts.next() {
                None => Ok(0),
                Some(p) if p.len() == 2 => p.parse().ok().filter(|v| (1..=max).contains(v)).ok_or_else(bad),
                Some(_) => Err(bad()),
            }
        };
        let month = field(12)?;
        let day = field(31)?;
        if parts.next().is_some() || (month == 0 && day != 0) {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }
}

/// An office a person holds or held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    /// The title as written ("President", "Defense Minister").
    pub title: String,
    /// Canonical name of the state or organization.
    pub polity: String,
    /// First day in office, when known.
    pub from: Option<Date>,
    /// Last day in office; `None` while in office.
    pub to: Option<Date>,
}

impl Office {
    /// Whether the office was held on `date` (unknown start dates count as "always before").
    pub fn held_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// A surface form of an entry and how it names the entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Surface {
    /// The form as written in the gazetteer.
    pub text: String,
    /// How it names the entry.
    pub role: SurfaceRole,
    /// Whether it needs supporting context to match (see the crate docs on ambiguity).
    pub ambiguous: bool,
}

/// One gazetteer entry: an entity with its canonical name, kind, surface forms and
/// attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The entity kind.
    pub kind: EntityKind,
    /// The canonical name every mention links to.
    pub name: String,
    /// Explicit surface forms, the canonical name first.
    pub surfaces: Vec<Surface>,
    /// The short name that links only after a full mention (persons); `None` for none.
    pub partial: Option<String>,
    /// Offices held (persons).
    pub offices: Vec<Office>,
    /// Weapon category (weapons).
    pub category: Option<WeaponCategory>,
    /// Weapon family (weapons).
    pub family: Option<String>,
    /// Canonical names of the states that make the weapon (weapons); several for joint
    /// programmes.
    pub origin: Vec<String>,
    /// Organization type (organizations).
    pub organization_type: Option<OrganizationType>,
    /// Place type (places).
    pub place_type: Option<PlaceType>,
    /// Canonical name of the state an organization or place belongs to.
    pub state: Option<String>,
    /// Whether the state no longer exists (states).
    pub historical: bool,
    /// Where the entry was defined.
    pub origin_line: Origin,
}

impl Entry {
    /// The default partial name of a person: the last word of the canonical name, skipping
    /// generational suffixes ("Jr.").
    pub(crate) fn default_partial(name: &str) -> Option<String> {
        name.split_whitespace()
            .rev()
            .find(|w| !matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"))
            .filter(|w| w.chars().count() >= 2 && *w != name)
            .map(str::to_string)
    }

    /// The offices held on `date`.
    pub fn offices_on(&self, date: Date) -> impl Iterator<Item = &Office> {
        self.offices.iter().filter(move |o| o.held_on(date))
    }
}
