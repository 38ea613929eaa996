//! holds_office: a person with a title and the polity it is of.
//!
//! From the text: a title before the name ("Russian President Vladimir Putin", "North Korea’s
//! leader Kim Jong Un", "NATO Secretary General Mark Rutte") or after it ("Michel Barnier, the
//! newly appointed French prime minister"). The polity is the state named in the title phrase
//! — not one after "for" or "to" ("Special Envoy for Yemen") — or an alliance or armed group
//! named there, or the state a ministry belongs to ("Pentagon press secretary"). When the
//! phrase names no polity, the person's gazetteer office with the same title gives it.
//!
//! From the gazetteer: with a document date, every office a mentioned person held that day.

use super::super::args::Party;
use super::super::lexicon::TitleWord;
use super::super::view::View;
use super::{Arg, Ctx, Drafts};
use crate::entity::EntityKind;
use crate::gazetteer::OrganizationType;
use crate::relation::{RelationKind, Role, Rule};
use crate::span::Span;

/// Title-phrase words at token `i`: (number of tokens, whether it is a head).
fn title_word(v: &View, i: usize) -> Option<(usize, bool)> {
    v.phrases(&v.doc.lexicon.titles, i).map(|(n, c)| (n, c == TitleWord::Head)).max_by_key(|&(n, h)| (n, h))
}

/// A title phrase: its token range, its head, and the polity it names.
struct Phrase {
    title: Option<Span>,
    polity: Option<Arg>,
}

/// The most tokens before a name that are read as its title phrase (one less after it).
const RUN: usize = 9;

/// The title words of tokens `from..from + words.len()`, as the search for a run looked them
/// up, and of any other token on demand: a title word costs a lexicon lookup, and the scan of
/// a run and the search for its last head asked again for every word the search had asked.
#[derive(Clone, Copy)]
struct Known<'k> {
    from: usize,
    words: &'k [Option<(usize, bool)>],
}

impl Known<'_> {
    fn at(self, v: &View, i: usize) -> Option<(usize, bool)> {
        match i.checked_sub(self.from).and_then(|k| self.words.get(k)) {
            Some(&word) => word,
            None => title_word(v, i),
        }
    }
}

/// The title phrase in tokens `from..=to`.
fn scan(v: &View, from: usize, to: usize, known: Known) -> Phrase {
    let title_word = |i: usize| known.at(v, i);
    let mut title: Option<(usize, usize)> = None;
    // Modifiers right before the first head belong to the title ("Defence Secretary",
    // "Deputy Prime Minister"), from the first that is no function word ("and Secretary of
    // Defense").
    let mut modifiers: Option<usize> = None;
    let mut polity = None;
    let mut i = from;
    while i <= to {
        if let Some((n, head)) = title_word(i) {
            if head || title.is_some() {
                let start = title.map_or(modifiers.unwrap_or(i), |(s, _)| s);
                title = Some((start, i + n - 1));
            } else if modifiers.is_some() || !v.is(i, &["of", "for", "to", "the", "and"]) {
                modifiers = modifiers.or(Some(i));
            }
            i += n;
            continue;
        }
        modifiers = None;
        if polity.is_none()
            && v.entity(i).is_some()
            && !(i > 0 && v.is(i - 1, &["for", "to", "the", "of"]) && title.is_some())
        {
            polity = polity_of(v, i);
        }
        i += 1;
    }
    // A title must end on a head word ("Secretary General", "prime minister").
    let title = title.and_then(|(s, e)| {
        let (last_head, n) =
            (s..=e).rev().find_map(|k| title_word(k).filter(|&(_, h)| h).map(|(n, _)| (k, n)))?;
        Some(v.span_of(s, (last_head + n - 1).min(e)))
    });
    Phrase { title, polity }
}

fn polity_of(v: &View, i: usize) -> Option<Arg> {
    let e = v.entity(i)?;
    let entry = &v.doc.gazetteer.entries()[v.doc.entities[e].id.0 as usize];
    match entry.kind {
        EntityKind::State => Some(Arg::Name(Party::Token(i))),
        EntityKind::Organization => match entry.organization_type {
            Some(
                OrganizationType::Ministry | OrganizationType::Agency | OrganizationType::GovernmentBody,
            ) => {
                let state = v.doc.gazetteer.index(EntityKind::State, entry.state.as_deref()?)?;
                Some(Arg::Entry { entry: state as u32, span: v.tokens[i].span })
            }
            Some(
                OrganizationType::Alliance
                | OrganizationType::InternationalBody
                | OrganizationType::ArmedGroup,
            ) => Some(Arg::Name(Party::Token(i))),
            _ => None,
        },
        _ => None,
    }
}

/// The content words of a title, as written.
fn words(title: &str) -> impl Iterator<Item = &str> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "of" | "for" | "the" | "to" | "and"))
}

/// Whether two title words are the same once lower-cased, "defence" read as "defense".
/// ASCII words are compared in place: a lower-cased copy of each word of every office of
/// the person cost an allocation or two per word.
fn same_word(a: &str, b: &str) -> bool {
    if !(a.is_ascii() && b.is_ascii()) {
        // Lower-casing may change the length, and "K" (the Kelvin sign) lower-cases to ASCII.
        return normal(a) == normal(b);
    }
    a.len() == b.len()
        && (a.eq_ignore_ascii_case(b)
            || (0..a.len()).all(|k| ascii_normal(a.as_bytes(), k) == ascii_normal(b.as_bytes(), k)))
}

/// A title word lower-cased, with the British spelling of "defense" made American.
fn normal(w: &str) -> String {
    w.to_lowercase().replace("defence", "defense")
}

/// The byte at `k` of an ASCII word's [`normal`] form, which has the word's length: the "c"
/// of a "defence" becomes "s" (no two of them overlap).
fn ascii_normal(w: &[u8], k: usize) -> u8 {
    let c = w[k].to_ascii_lowercase();
    let defence =
        c == b'c' && k >= 5 && w.get(k - 5..k + 2).is_some_and(|s| s.eq_ignore_ascii_case(b"defence"));
    if defence {
        b's'
    } else {
        c
    }
}

/// Whether every word of `a` is one of `b`.
fn all_among(a: &[&str], b: &[&str]) -> bool {
    a.iter().all(|w| b.iter().any(|x| same_word(x, w)))
}

/// The polity of the person's gazetteer office whose title matches the written one.
fn office_polity(v: &View, person: usize, title: Span) -> Option<Arg> {
    let written: Vec<&str> = words(&v.doc.text[title]).collect();
    let entry = &v.doc.gazetteer.entries()[v.doc.entities[person].id.0 as usize];
    // One buffer for the words of each office in turn.
    let mut listed = Vec::new();
    let office = entry.offices.iter().find(|o| {
        listed.clear();
        listed.extend(words(&o.title));
        !listed.is_empty() && (all_among(&listed, &written) || all_among(&written, &listed))
    })?;
    let g = v.doc.gazetteer;
    let polity = g
        .index(EntityKind::State, &office.polity)
        .or_else(|| g.index(EntityKind::Organization, &office.polity))?;
    Some(Arg::Entry { entry: polity as u32, span: title })
}

/// Every title apposition of the sentence.
pub(crate) fn offices(cx: &Ctx, out: &mut Drafts) {
    let v = cx.v;
    // Only a name can be a person: the view lists them.
    for &p in v.names_and_materiel() {
        if v.kind(p) != Some(EntityKind::Person) {
            continue;
        }
        let person = v.entity(p).unwrap_or_default();
        // Before the name: the longest run of title words, names, possessives and
        // capitalized words ("U.S. National Security Council spokesperson"), also set off by
        // commas when a title head ends it ("Ukraine's defence minister, Rustem Umerov,").
        let set_off = p >= 2
            && v.punct(p - 1) == Some(',')
            && (p + 1 >= v.len() || matches!(v.punct(p + 1), Some(',' | '.')))
            && title_word(v, p - 2).is_some_and(|(_, head)| head);
        let end = if set_off { p - 1 } else { p };
        let mut s = end;
        // The title words of the run, last token at the end, for the scan to read again.
        let mut before = [None; RUN];
        while s > 0 && end - s < RUN {
            let k = s - 1;
            let word = title_word(v, k);
            let fits = word.is_some()
                || v.is_possessive(k)
                || v.capitalized(k) && !v.is(k, &["the", "a", "an", "in", "on", "as", "with", "and", "by"])
                || v.punct(k) == Some('.') && k > 0 && v.capitalized(k - 1)
                || v.entity(k).is_some_and(|_| v.kind(k) != Some(EntityKind::Person));
            if !fits {
                break;
            }
            before[RUN - (end - k)] = word;
            s = k;
        }
        let mut found = if s < end {
            Some(scan(v, s, end - 1, Known { from: s, words: &before[RUN - (end - s)..] }))
        } else {
            None
        };
        let mut rule = Rule::OfficeBefore;
        if found.as_ref().is_none_or(|f| f.title.is_none()) {
            // After the name: "Barnier, the newly appointed French prime minister,".
            if v.punct(p + 1) == Some(',') {
                let mut a = p + 2;
                while a < v.len()
                    && a < p + 6
                    && v.is(
                        a,
                        &[
                            "the",
                            "a",
                            "now",
                            "currently",
                            "who",
                            "is",
                            "was",
                            "serving",
                            "as",
                            "newly",
                            "appointed",
                            "elected",
                            "then",
                        ],
                    )
                {
                    a += 1;
                }
                let mut b = a;
                let mut after = [None; RUN];
                while b < v.len() && b < a + RUN - 1 {
                    let word = title_word(v, b);
                    let fits = word.is_some()
                        || v.entity(b).is_some()
                        || v.is_possessive(b)
                        || v.punct(b) == Some('.');
                    if !fits {
                        break;
                    }
                    after[b - a] = word;
                    b += 1;
                }
                if b > a {
                    found = Some(scan(v, a, b - 1, Known { from: a, words: &after[..b - a] }));
                    rule = Rule::OfficeAfter;
                }
            }
        }
        let Some(phrase) = found else { continue };
        let Some(title) = phrase.title else { continue };
        let polity = phrase.polity.or_else(|| office_polity(v, person, title));
        let Some(polity) = polity else { continue };
        let d = out
            .start(RelationKind::HoldsOffice, rule, p, p)
            .with(Role::Person, Arg::Name(Party::Token(p)))
            .with(Role::Polity, polity)
            .with(Role::Title, Arg::Title(title));
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::view::with_view;

    const TEXTS: &[&str] = &[
        "Russian President Vladimir Putin met North Korea’s leader Kim Jong Un and U.S. Secretary \
         of State Antony Blinken.",
        "Michel Barnier, the newly appointed French prime minister, met NATO Secretary General \
         Mark Rutte and Special Envoy for Yemen Hans Grundberg.",
        "Pentagon press secretary Pat Ryder said Deputy Prime Minister and Minister of Defence \
         Rustem Umerov, the Secretary of State, agreed.",
    ];

    /// The lower-cased copies of a title's words that `same_word` replaced.
    fn copies(title: &str) -> Vec<String> {
        words(title).map(normal).collect()
    }

    /// Whether two titles match as `office_polity` matched them with copies.
    fn match_by_copies(written: &str, listed: &str) -> bool {
        let (written, listed) = (copies(written), copies(listed));
        !listed.is_empty()
            && (listed.iter().all(|w| written.contains(w)) || written.iter().all(|w| listed.contains(w)))
    }

    /// Whether two titles match as `office_polity` matches them.
    fn match_in_place(written: &str, listed: &str) -> bool {
        let (written, listed): (Vec<&str>, Vec<&str>) = (words(written).collect(), words(listed).collect());
        !listed.is_empty() && (all_among(&listed, &written) || all_among(&written, &listed))
    }

    proptest::proptest! {
        #[test]
        fn title_words_compare_as_their_lower_cased_copies(
            a in "(defence|DEFENCE|Defense|defense|of|Of|Minister|minister|ÉTAT|état|\u{212A}|k|ΣΑΣ|σας|İ|i| |-|,){0,6}",
            b in "(defence|DEFENCE|Defense|defense|of|Of|Minister|minister|ÉTAT|état|\u{212A}|k|ΣΑΣ|σας|İ|i| |-|,){0,6}",
        ) {
            for (x, y) in words(&a).flat_map(|x| words(&b).map(move |y| (x, y))) {
                proptest::prop_assert_eq!(same_word(x, y), normal(x) == normal(y), "{:?} {:?}", x, y);
            }
            proptest::prop_assert_eq!(match_in_place(&a, &b), match_by_copies(&a, &b));
        }
    }

    #[test]
    fn british_and_american_titles_match() {
        for (written, listed, same) in [
            ("Minister of Defence", "Minister of Defense", true),
            ("defence minister", "Minister of Defense", true),
            ("Defences Secretary", "Secretary of Defenses", true),
            ("Defence", "Defense Minister", true),
            ("Prime Minister", "Minister of Defense", false),
            ("defenc", "defens", false),
        ] {
            assert_eq!(match_in_place(written, listed), same, "{written} / {listed}");
            assert_eq!(match_by_copies(written, listed), same, "{written} / {listed}");
        }
    }

    /// The office rule visits the persons of the view's list of names: those of every token,
    /// in order, as it visited them before.
    #[test]
    fn the_listed_persons_are_every_person() {
        let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
        texts.extend(crate::seed_texts());
        let mut persons = 0;
        for text in &texts {
            for line in text.lines().chain([text.as_str()]) {
                with_view(line, |v| {
                    let person = |p: &usize| v.kind(*p) == Some(EntityKind::Person);
                    let every: Vec<usize> = (0..v.len()).filter(person).collect();
                    let listed: Vec<usize> = v.names_and_materiel().iter().copied().filter(person).collect();
                    assert_eq!(listed, every, "{line:?}");
                    persons += every.len();
                });
            }
        }
        assert!(persons > 100, "{persons} persons");
    }

    /// A scan that reads the title words the run's search looked up finds what a scan that
    /// looks each up finds: for every stretch of the texts, with all of its words known, some
    /// or none.
    #[test]
    fn known_title_words_scan_as_looked_up() {
        let mut titles = 0;
        for text in TEXTS {
            with_view(text, |v| {
                for from in 0..v.len() {
                    for to in from..v.len().min(from + RUN + 2) {
                        let words: Vec<_> = (from..=to).map(|i| title_word(v, i)).collect();
                        let looked = scan(v, from, to, Known { from, words: &[] });
                        titles += usize::from(looked.title.is_some());
                        for cut in 0..=words.len() {
                            let known = scan(v, from, to, Known { from, words: &words[..cut] });
                            assert_eq!((known.title, known.polity), (looked.title, looked.polity), "{text}");
                        }
                    }
                }
            });
        }
        assert!(titles > 20, "{titles} titles");
    }
}
