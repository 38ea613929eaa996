//! The line-oriented TSV format of `gazetteers/*.tsv` (specified in `gazetteers/README.md`)
//! parsed into plain [`Entry`] records, with `file:line` errors.

use std::sync::Arc;

use super::entry::{Date, Entry, Office, Surface, SurfaceRole};
use crate::entity::EntityKind;
use crate::error::{Error, Origin, Result};

/// Field keys and the entity kinds they apply to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Alias,
    Ambiguous,
    Demonym,
    Plural,
    Capital,
    Seat,
    Flags,
    Partial,
    Office,
    Category,
    Family,
    Origin,
    Type,
    State,
}

impl Key {
    fn parse(s: &str) -> Option<Key> {
        Some(match s {
            "alias" => Key::Alias,
            "ambiguous" => Key::Ambiguous,
            "demonym" => Key::Demonym,
            "plural" => Key::Plural,
            "capital" => Key::Capital,
            "seat" => Key::Seat,
            "flags" => Key::Flags,
            "partial" => Key::Partial,
            "office" => Key::Office,
            "category" => Key::Category,
            "family" => Key::Family,
            "origin" => Key::Origin,
            "type" => Key::Type,
            "state" => Key::State,
            _ => return None,
        })
    }

    fn applies_to(self, kind: EntityKind) -> bool {
        use EntityKind as K;
        match self {
            Key::Alias | Key::Ambiguous => true,
            Key::Demonym | Key::Plural | Key::Capital | Key::Seat | Key::Flags => kind == K::State,
            Key::Partial | Key::Office => kind == K::Person,
            Key::Category | Key::Family | Key::Origin => kind == K::Weapon,
            Key::Type | Key::State => matches!(kind, K::Organization | K::Place),
        }
    }

    /// Keys that accept a single value only.
    fn single(self) -> bool {
        matches!(self, Key::Partial | Key::Category | Key::Family | Key::Type | Key::State)
    }
}

/// Parses gazetteer text. `source` names it in error messages (a file path, or any label).
pub(crate) fn parse(source: &str, text: &str) -> Result<Vec<Entry>> {
    let source: Arc<str> = Arc::from(source);
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let origin = Origin { source: source.clone(), line: i + 1 };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        entries.push(parse_line(line, origin)?);
    }
    Ok(entries)
}

fn parse_line(line: &str, origin: Origin) -> Result<Entry> {
    let err = |msg: String| Error::gazetteer(&origin, msg);
    let mut cols = line.split('\t');
    let kind_text = cols.next().unwrap_or("").trim();
    let kind: EntityKind = kind_text.parse().map_err(|e: crate::error::UnknownName| err(e.to_string()))?;
    let name = cols.next().map(str::trim).unwrap_or("");
    if name.is_empty() {
        return Err(err("missing canonical name: a line is KIND<TAB>NAME<TAB>key=value…".into()));
    }
    let mut entry = Entry {
        kind,
        name: name.to_string(),
        surfaces: vec![Surface { text: name.to_string(), role: SurfaceRole::Name, ambiguous: false }],
        partial: if kind == EntityKind::Person { Entry::default_partial(name) } else { None },
        offices: Vec::new(),
        category: None,
        family: None,
        origin: Vec::new(),
        organization_type: None,
        place_type: None,
        state: None,
        historical: false,
        origin_line: origin.clone(),
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut ambiguous: Vec<&str> = Vec::new();
    for field in cols {
        if field.trim().is_empty() {
            continue;
        }
        let (key_text, value) =
            field.split_once('=').ok_or_else(|| err(format!("field \"{field}\" is not key=value")))?;
        let key_text = key_text.trim();
        let key = Key::parse(key_text).ok_or_else(|| err(format!("unknown key \"{key_text}\"")))?;
        if !key.applies_to(kind) {
            return Err(err(format!("key \"{key_text}\" does not apply to a {kind}")));
        }
        if seen.contains(&key_text) {
            return Err(err(format!("key \"{key_text}\" given twice; separate values with |")));
        }
        seen.push(key_text);
        let values: Vec<&str> = value.split('|').map(str::trim).collect();
        if let Some(pos) = values.iter().position(|v| v.is_empty()) {
            return Err(err(format!("empty value {} in \"{key_text}={value}\"", pos + 1)));
        }
        if key.single() && values.len() > 1 {
            return Err(err(format!("key \"{key_text}\" takes one value, got \"{value}\"")));
        }
        let one = values[0];
        let surface =
            |role| values.iter().map(move |v| Surface { text: v.to_string(), role, ambiguous: false });
        match key {
            Key::Alias => entry.surfaces.extend(surface(SurfaceRole::Alias)),
            Key::Demonym => entry.surfaces.extend(surface(SurfaceRole::Demonym)),
            Key::Plural => entry.surfaces.extend(surface(SurfaceRole::Plural)),
            Key::Capital => entry.surfaces.extend(surface(SurfaceRole::Capital)),
            Key::Seat => entry.surfaces.extend(surface(SurfaceRole::Seat)),
            Key::Ambiguous => ambiguous.extend(values.iter().copied()),
            Key::Flags => {
                for v in &values {
                    match *v {
                        "historical" => entry.historical = true,
                        other => return Err(err(format!("unknown flag \"{other}\" (known: historical)"))),
                    }
                }
            }
            Key::Partial => entry.partial = (one != "-").then(|| one.to_string()),
            Key::Office => {
                for v in &values {
                    entry.offices.push(parse_office(v).map_err(err)?);
                }
            }
            Key::Category => {
                entry.category = Some(one.parse().map_err(|e: crate::error::UnknownName| err(e.to_string()))?)
            }
            Key::Family => entry.family = Some(one.to_string()),
            Key::Origin => entry.origin = values.iter().map(|v| v.to_string()).collect(),
            Key::State => entry.state = Some(one.to_string()),
            Key::Type => match kind {
                EntityKind::Organization => {
                    entry.organization_type =
                        Some(one.parse().map_err(|e: crate::error::UnknownName| err(e.to_string()))?)
                }
                _ => {
                    entry.place_type =
                        Some(one.parse().map_err(|e: crate::error::UnknownName| err(e.to_string()))?)
                }
            },
        }
    }
    for (i, s) in entry.surfaces.iter().enumerate() {
        if entry.surfaces[..i].iter().any(|p| p.text == s.text) {
            return Err(err(format!("surface \"{}\" listed twice on one entry", s.text)));
        }
    }
    for a in ambiguous {
        let s = entry
            .surfaces
            .iter_mut()
            .find(|s| s.text == a)
            .ok_or_else(|| err(format!("ambiguous \"{a}\" is not one of the entry's surfaces")))?;
        s.ambiguous = true;
    }
    Ok(entry)
}

fn parse_office(v: &str) -> core::result::Result<Office, String> {
    let parts: Vec<&str> = v.split(':').map(str::trim).collect();
    let [title, polity, from, to] = parts[..] else {
        return Err(format!("office \"{v}\" is not TITLE:POLITY:FROM:TO"));
    };
    if title.is_empty() || polity.is_empty() {
        return Err(format!("office \"{v}\" needs a title and a polity"));
    }
    let date = |d: &str| -> core::result::Result<Option<Date>, String> {
        if d.is_empty() {
            Ok(None)
        } else {
            d.parse().map(Some)
        }
    };
    Ok(Office { title: title.to_string(), polity: polity.to_string(), from: date(from)?, to: date(to)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_key() {
        let text = "# states\nstate\tRussia\talias=Russian Federation\tdemonym=Russian\tplural=Russians\tcapital=Moscow\tseat=Kremlin\n\
                    person\tKim Jong Un\talias=Kim Jong-un\tpartial=Kim\toffice=Supreme Leader:North Korea:2011-12-17:\n\
                    weapon\tPatriot\tambiguous=Patriot\tcategory=air defence\tfamily=Patriot\torigin=United States\n";
        let entries = parse("t.tsv", text).unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].surfaces.len(), 6);
        assert_eq!(entries[1].partial.as_deref(), Some("Kim"));
        assert_eq!(entries[1].offices[0].from.unwrap().to_string(), "2011-12-17");
        assert!(entries[2].surfaces[0].ambiguous);
        assert_eq!(entries[2].origin_line.line, 4);
    }

    #[test]
    fn errors_name_file_line_and_value() {
        let cases = [
            ("orgnization\tNATO", "t.tsv:1: unknown entity kind \"orgnization\""),
            ("state\t", "t.tsv:1: missing canonical name"),
            ("state\tIran\talias=", "t.tsv:1: empty value 1 in \"alias=\""),
            ("state\tIran\talias=Persia||X", "t.tsv:1: empty value 2"),
            ("state\tIran\tcolour=green", "t.tsv:1: unknown key \"colour\""),
            ("place\tDnipro\tdemonym=Dniprian", "t.tsv:1: key \"demonym\" does not apply to a place"),
            ("weapon\tX-1\tcategory=laser", "t.tsv:1: unknown weapon category \"laser\""),
            ("person\tA B\toffice=President:Russia:2012-13-01:", "t.tsv:1: date \"2012-13-01\""),
            ("person\tA B\toffice=President", "t.tsv:1: office \"President\" is not TITLE:POLITY:FROM:TO"),
            ("state\tIran\tambiguous=Persia", "t.tsv:1: ambiguous \"Persia\" is not one of"),
            ("state\tIran\talias=Persia\talias=Iran2", "t.tsv:1: key \"alias\" given twice"),
            ("state\tIran\talias=Iran", "t.tsv:1: surface \"Iran\" listed twice"),
            ("state\tIran\tnoequals", "t.tsv:1: field \"noequals\" is not key=value"),
        ];
        for (line, want) in cases {
            let e = parse("t.tsv", line).unwrap_err().to_string();
            assert!(e.starts_with(want), "{line:?}: got {e:?}, want prefix {want:?}");
        }
    }
}
