//! The gazetteers shipped in `gazetteers/`, compiled into the binary and parsed once.

use once_cell::sync::Lazy;

use super::Gazetteer;

/// (source name, contents) of every shipped file, in load order.
pub(crate) const FILES: &[(&str, &str)] = &[
    ("gazetteers/state.tsv", include_str!("../../gazetteers/state.tsv")),
    ("gazetteers/organization.tsv", include_str!("../../gazetteers/organization.tsv")),
    ("gazetteers/person.tsv", include_str!("../../gazetteers/person.tsv")),
    ("gazetteers/place.tsv", include_str!("../../gazetteers/place.tsv")),
    ("gazetteers/weapon.tsv", include_str!("../../gazetteers/weapon.tsv")),
];

pub(crate) static BUILTIN: Lazy<Gazetteer> = Lazy::new(|| {
    let mut g = Gazetteer::new();
    for (source, text) in FILES {
        // The shipped files are checked by tests/gazetteers.rs; a failure here is a
        // packaging bug, not a user error, so it is reported loudly.
        let parsed = Gazetteer::parse(source, text).unwrap_or_else(|e| panic!("embedded gazetteer: {e}"));
        g.extend(parsed).unwrap_or_else(|e| panic!("embedded gazetteer: {e}"));
    }
    g
});
