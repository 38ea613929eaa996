//! Stage 2a — gazetteers: the curated lists of people, states, organizations, places and
//! weapon systems, in their data form.
//!
//! A [`Gazetteer`] is a validated list of [`Entry`] records parsed from the TSV format in
//! `gazetteers/README.md`. Nothing is compiled here: the [`Extractor`](crate::Extractor)
//! builder compiles the surfaces of all its gazetteers into one matcher.
//!
//! ```
//! use gazer::{Extractor, Gazetteer};
//!
//! let mine = Gazetteer::parse("mine.tsv", "weapon\tThunderbolt-9\tcategory=drone\torigin=Iran\n")?;
//! let extractor = Extractor::builder().gazetteer(mine).build()?;
//! let found = extractor.extract("Iran flew a Thunderbolt-9 over the gulf.");
//! assert!(found.entities.iter().any(|e| e.name == "Thunderbolt-9"));
//! # Ok::<(), gazer::Error>(())
//! ```

mod builtin;
mod entry;
mod parse;
pub(crate) mod variants;

use std::collections::HashMap;
use std::path::Path;

pub use entry::{Date, Entry, Office, OrganizationType, PlaceType, Surface, SurfaceRole, WeaponCategory};

use crate::entity::EntityKind;
use crate::error::{Error, Result};

/// A validated set of gazetteer entries.
///
/// Invariants, checked whenever entries are added: no two entries of one kind share a
/// canonical name, and no explicit surface form (name, alias, demonym, plural, capital,
/// seat) names two entries. Only generated partial names of people may be shared ("Kim").
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Explicit surface → index of the entry that owns it.
    surfaces: HashMap<String, usize>,
    /// (kind, canonical name) → index.
    names: HashMap<(EntityKind, String), usize>,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Gazetteer {
        Gazetteer::default()
    }

    /// The gazetteers shipped in `gazetteers/*.tsv`, parsed once per process.
    pub fn builtin() -> &'static Gazetteer {
        &builtin::BUILTIN
    }

    /// Parses gazetteer text in the documented TSV format. `source` names the text in error
    /// messages (`"mine.tsv:12: unknown key \"colour\""`).
    ///
    /// # Errors
    /// A malformed line, an unknown kind, key or category, an empty value, or a duplicate
    /// entry or surface.
    pub fn parse(source: &str, text: &str) -> Result<Gazetteer> {
        let entries = parse::parse(source, text)?;
        let mut g = Gazetteer::new();
        // Sized once: grown by doubling, a large list would hold a quarter of slack.
        g.entries.reserve_exact(entries.len());
        g.names.reserve(entries.len());
        for entry in entries {
            g.push(entry)?;
        }
        Ok(g)
    }

    /// Reads and parses a gazetteer file; errors name the path.
    ///
    /// # Errors
    /// The file cannot be read or is not valid UTF-8, or any error of [`Gazetteer::parse`].
    pub fn load(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path.to_path_buf(), e))?;
        Gazetteer::parse(&path.display().to_string(), &text)
    }

    /// Adds one entry.
    ///
    /// # Errors
    /// The entry's canonical name is already used by an entry of its kind, or one of its
    /// surfaces already names another entry. The error names both places.
    pub fn push(&mut self, entry: Entry) -> Result<()> {
        let key = (entry.kind, entry.name.clone());
        if let Some(&i) = self.names.get(&key) {
            let first = &self.entries[i].origin_line;
            return Err(Error::gazetteer(
                &entry.origin_line,
                format!("duplicate {} entry \"{}\" (first defined at {first})", entry.kind, entry.name),
            ));
        }
        for s in &entry.surfaces {
            if s.text.trim().is_empty() {
                return Err(Error::gazetteer(
                    &entry.origin_line,
                    format!("empty surface on \"{}\"", entry.name),
                ));
            }
            if let Some(&i) = self.surfaces.get(&s.text) {
                let other = &self.entries[i];
                return Err(Error::gazetteer(
                    &entry.origin_line,
                    format!(
                        "surface \"{}\" of {} \"{}\" already names {} \"{}\" (defined at {})",
                        s.text, entry.kind, entry.name, other.kind, other.name, other.origin_line
                    ),
                ));
            }
        }
        let index = self.entries.len();
        for s in &entry.surfaces {
            self.surfaces.insert(s.text.clone(), index);
        }
        self.names.insert(key, index);
        self.entries.push(entry);
        Ok(())
    }

    /// Adds every entry of `other`, with the same checks as [`Gazetteer::push`].
    ///
    /// # Errors
    /// As for [`Gazetteer::push`]; entries before the offending one stay added.
    pub fn extend(&mut self, other: Gazetteer) -> Result<()> {
        for entry in other.entries {
            self.push(entry)?;
        }
        Ok(())
    }

    /// Adds a copy of every entry of `other`, with the same checks as [`Gazetteer::push`].
    /// Unlike `extend(other.clone())`, it copies no lookup maps only to drop them, and it
    /// grows the entry list once: with 100,000 entries that is tens of megabytes less.
    pub(crate) fn extend_from(&mut self, other: &Gazetteer) -> Result<()> {
        self.entries.reserve_exact(other.len());
        self.names.reserve(other.len());
        for entry in &other.entries {
            self.push(entry.clone())?;
        }
        Ok(())
    }

    /// Checks that every office polity, weapon origin and organization or place state names
    /// a state or organization entry of this gazetteer.
    ///
    /// # Errors
    /// The first reference that names nothing, with the file and line of the entry.
    pub fn check_references(&self) -> Result<()> {
        let known = |name: &str| {
            self.names.contains_key(&(EntityKind::State, name.to_string()))
                || self.names.contains_key(&(EntityKind::Organization, name.to_string()))
        };
        for e in &self.entries {
            let refs = e
                .offices
                .iter()
                .map(|o| ("office polity", o.polity.as_str()))
                .chain(e.origin.iter().map(|o| ("origin", o.as_str())))
                .chain(e.state.as_deref().map(|s| ("state", s)));
            for (what, name) in refs {
                if !known(name) {
                    return Err(Error::gazetteer(
                        &e.origin_line,
                        format!("{what} \"{name}\" of \"{}\" names no state or organization entry", e.name),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The entries, in the order they were added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of `kind` with canonical name `name`.
    pub fn get(&self, kind: EntityKind, name: &str) -> Option<&Entry> {
        self.names.get(&(kind, name.to_string())).map(|&i| &self.entries[i])
    }

    /// The index (in [`Gazetteer::entries`]) of the entry of `kind` named `name`.
    pub(crate) fn index(&self, kind: EntityKind, name: &str) -> Option<usize> {
        self.names.get(&(kind, name.to_string())).copied()
    }

    /// The entry that owns the explicit surface form `surface`, if any.
    pub fn lookup(&self, surface: &str) -> Option<&Entry> {
        self.surfaces.get(surface).map(|&i| &self.entries[i])
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of entries of one kind.
    pub fn count(&self, kind: EntityKind) -> usize {
        self.entries.iter().filter(|e| e.kind == kind).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_errors_naming_both_places() {
        let e = Gazetteer::parse("a.tsv", "state\tIran\nstate\tIran\n").unwrap_err().to_string();
        assert_eq!(e, "a.tsv:2: duplicate state entry \"Iran\" (first defined at a.tsv:1)");
        let e =
            Gazetteer::parse("a.tsv", "state\tIran\talias=Persia\nplace\tPersia\n").unwrap_err().to_string();
        assert!(
            e.starts_with("a.tsv:2: surface \"Persia\" of place \"Persia\" already names state \"Iran\""),
            "{e}"
        );
    }

    #[test]
    fn references_must_resolve() {
        let g = Gazetteer::parse("a.tsv", "weapon\tX-1\torigin=Atlantis\n").unwrap();
        let e = g.check_references().unwrap_err().to_string();
        assert_eq!(e, "a.tsv:1: origin \"Atlantis\" of \"X-1\" names no state or organization entry");
    }

    #[test]
    fn load_reports_missing_files() {
        let e = Gazetteer::load("/nonexistent/gazetteer.tsv").unwrap_err().to_string();
        assert!(e.starts_with("cannot read gazetteer file /nonexistent/gazetteer.tsv"), "{e}");
    }
}
