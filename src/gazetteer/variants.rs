//! Build-time expansion of surface forms. The document is never normalized (its offsets must
//! stay those of the original bytes), so every spelling the matcher should accept is written
//! out here instead.

use crate::entity::EntityKind;

/// The extra forms of `surface` that should match like it, not including `surface` itself.
///
/// - apostrophes: straight and curly (`Sana'a` / `Sana’a`);
/// - spaces: non-breaking spaces in multi-word names;
/// - hyphens: the Unicode hyphen and non-breaking hyphen (`Kim Jong‑un`);
/// - weapons: hyphen, space or nothing between letters and digits (`Fath-360`, `Fath 360`,
///   `Fath360`), and a plural `s` on each (`F-16s`).
pub(crate) fn variants(surface: &str, kind: EntityKind) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let add = |s: String, out: &mut Vec<String>| {
        if s != surface && !out.contains(&s) {
            out.push(s);
        }
    };
    let mut bases = vec![surface.to_string()];
    if kind == EntityKind::Weapon {
        // A one-letter prefix with a space reads as prose ("A 50-year-old", "F 16"), so those
        // designations get only the closed-up form ("A50", "F16").
        let seps: &[&str] = if one_letter_prefix(surface) { &[""] } else { &[" ", ""] };
        for &sep in seps {
            let v = replace_designation_hyphens(surface, sep);
            if v != surface {
                bases.push(v);
            }
        }
    }
    for base in &bases {
        add(base.clone(), &mut out);
        if base.contains('\'') {
            add(base.replace('\'', "\u{2019}"), &mut out);
        }
        if base.contains('\u{2019}') {
            add(base.replace('\u{2019}', "'"), &mut out);
        }
        if base.contains(' ') {
            add(base.replace(' ', "\u{a0}"), &mut out);
        }
        if base.contains('-') {
            add(base.replace('-', "\u{2011}"), &mut out);
            add(base.replace('-', "\u{2010}"), &mut out);
        }
        if kind == EntityKind::Weapon {
            let last = base.chars().next_back();
            if last.is_some_and(|c| c.is_alphanumeric() && c != 's' && c != 'S') {
                add(format!("{base}s"), &mut out);
            }
        }
    }
    out
}

/// "A-50", "F-16", "B-2": a single letter before the first hyphen.
fn one_letter_prefix(s: &str) -> bool {
    s.split_once('-').is_some_and(|(head, _)| head.chars().count() == 1)
}

/// Replaces each hyphen that sits between a letter and a digit (either order) with `sep`.
fn replace_designation_hyphens(s: &str, sep: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let designation = c == '-'
            && i > 0
            && i + 1 < chars.len()
            && ((chars[i - 1].is_alphabetic() && chars[i + 1].is_ascii_digit())
                || (chars[i - 1].is_ascii_digit() && chars[i + 1].is_alphabetic()));
        if designation {
            out.push_str(sep);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weapon_designations() {
        let v = variants("Fath-360", EntityKind::Weapon);
        for want in ["Fath 360", "Fath360", "Fath-360s", "Fath360s", "Fath\u{2011}360"] {
            assert!(v.iter().any(|x| x == want), "{want} missing from {v:?}");
        }
        assert!(!variants("HIMARS", EntityKind::Weapon).iter().any(|x| x == "HIMARSs"));
        let v = variants("A-50", EntityKind::Weapon);
        assert!(v.contains(&"A50".to_string()) && !v.contains(&"A 50".to_string()), "{v:?}");
    }

    #[test]
    fn apostrophes_and_spaces() {
        let v = variants("Sana'a", EntityKind::State);
        assert_eq!(v, ["Sana\u{2019}a"]);
        let v = variants("Kim Jong Un", EntityKind::Person);
        assert_eq!(v, ["Kim\u{a0}Jong\u{a0}Un"]);
        assert!(variants("Kim Jong-un", EntityKind::Person).contains(&"Kim Jong\u{2011}un".to_string()));
    }
}
