//! meet and agreement: two participants, in either order.
//!
//! Both find their pair the same ways: "between X and Y", "X’s meeting with Y", "the X-Y
//! summit", "X and Y’s talks", "X met (with) Y", "X and Y signed a pact", "talks with Y" taking
//! the clause's subject as X. A visit to a state or its capital is a meeting with that state.

use super::super::args::{after_prep_within, joins_names, phrase_at, subject, List, Party, AND_OR};
use super::super::clause::clause;
use super::super::lexicon::Frame;
use super::super::view::{View, WordSet};
use super::supply::{between, subject_or_main, BETWEEN as BETWEEN_WORDS};
use super::{Arg, Ctx, Drafts};
use crate::entity::EntityKind;
use crate::relation::{RelationKind, Role, Rule};

pub(super) fn apply(cx: &Ctx, kind: RelationKind, frame: Frame, first: usize, last: usize, out: &mut Drafts) {
    let v = cx.v;
    let mut pair: Option<(Party, Party)> = None;
    let mut end = last;
    let rule;
    match frame {
        Frame::Meet | Frame::Visit | Frame::Host => {
            let (cs, ce) = clause(v, first);
            rule = if frame == Frame::Visit { Rule::MeetVisit } else { Rule::Meet };
            let mut other = phrase_at(v, last + 1, ce);
            if other.is_empty() && frame == Frame::Meet {
                other = after_prep_within(v, last + 1, last + 2, ce, &const { WordSet::new(&["with"]) });
            }
            // One visits a state and hosts a person.
            match frame {
                Frame::Visit => other.retain(|&t| v.kind(t) == Some(EntityKind::State)),
                Frame::Host => other.retain(|&t| v.kind(t) == Some(EntityKind::Person)),
                _ => {}
            }
            // "he will meet Putin": the pronoun is not Putin.
            let except = other.first().and_then(|&o| cx.id(Party::Token(o)));
            let subj = subject_or_main(cx, first, cs, except);
            if let (Some(&a), Some(&b)) = (subj.first(), other.first()) {
                pair = Some((a, Party::Token(b)));
                end = b;
            } else if let [a, b] = subj[..] {
                if frame == Frame::Meet {
                    pair = Some((b, a));
                }
            }
        }
        Frame::NounVisit => {
            rule = Rule::MeetVisit;
            // The state visited first: most visits name none right after the noun, and need
            // neither their clause nor their visitor.
            if !(1..=3).any(|i| v.is_in(last + i, &TO)) {
                return;
            }
            let (cs, ce) = clause(v, first);
            let to: List<usize> = after_prep_within(v, last + 1, last + 3, ce, &TO)
                .into_iter()
                .filter(|&t| v.kind(t) == Some(EntityKind::State))
                .collect();
            if to.is_empty() {
                return;
            }
            let visitor = {
                let owner = cx.possessor(first);
                if owner.is_empty() {
                    subject(v, first, cs)
                } else {
                    owner
                }
            };
            if let (Some(&a), Some(&b)) = (visitor.first(), to.first()) {
                pair = Some((a, Party::Token(b)));
                end = b;
            }
        }
        _ => {
            rule = if kind == RelationKind::Meet { Rule::MeetNoun } else { Rule::Agreement };
            // Most noun triggers find no pair: the clause is searched only where a pair
            // could be read from it, each test below first asking the tokens that any
            // clause would have to hold (the view remembers the clause once searched).
            let sides = if BETWEEN.iter().any(|&i| v.is_in(last + i, &BETWEEN_WORDS)) {
                between(cx, last + 1, clause(v, first).1)
            } else {
                List::new()
            };
            if let [a, b] = sides[..] {
                pair = Some((a, b));
                if let Party::Token(t) = b {
                    end = t;
                }
            } else if let Some((a, b)) = hyphen_pair(cx, first) {
                pair = Some((a, b));
            } else {
                let owner = cx.possessor(first);
                let with = if (1..=3).any(|i| v.is_in(last + i, &WITH)) {
                    after_prep_within(v, last + 1, last + 3, clause(v, first).1, &WITH)
                } else {
                    List::new()
                };
                match (&owner[..], with.first()) {
                    ([a, b], _) => pair = Some((*b, *a)),
                    ([a], Some(&b)) => {
                        pair = Some((*a, Party::Token(b)));
                        end = b;
                    }
                    ([], Some(&b)) => {
                        let exclude = cx.id(Party::Token(b));
                        let subj = subject(v, first, clause(v, first).0);
                        if let Some(&a) = subj.iter().find(|&&a| cx.id(a) != exclude) {
                            pair = Some((a, Party::Token(b)));
                            end = b;
                        }
                    }
                    _ if pair_may_follow(v) => {
                        let (cs, ce) = clause(v, first);
                        pair = coordinated_pair(cx, cs, ce).or_else(|| next_clause_pair(cx, ce));
                    }
                    _ => {}
                }
            }
        }
    }
    let Some((a, b)) = pair else { return };
    if cx.id(a).is_none() || cx.id(a) == cx.id(b) {
        return;
    }
    let mut d = out
        .start(kind, rule, first, last)
        .with(Role::Participants, Arg::Name(a))
        .with(Role::Participants, Arg::Name(b));
    if matches!(frame, Frame::NounMeet | Frame::NounPact | Frame::NounVisit) {
        d.phrase_end = Some(end);
    }
    out.push(d);
}

/// Where "between" or "among" may stand after a noun trigger's last token.
const BETWEEN: [usize; 2] = [1, 2];

/// The words of [`between`].
pub(crate) const WITH: WordSet = WordSet::new(&["with"]);

pub(crate) const TO: WordSet = WordSet::new(&["to"]);

/// Whether the sentence holds a name joined to a second one, which a pair of coordinated
/// names ([`coordinated_pair`], [`next_clause_pair`]) needs: its first name heads its own
/// phrase, which goes on to the second across joining tokens. Most noun triggers that get
/// this far have none, and are spared the clause search.
fn pair_may_follow(v: &View) -> bool {
    v.names_and_materiel().iter().any(|&i| v.entity(i).is_some() && joined_to_name(v, i))
}

/// Whether the tokens after the name at `i` join it to another name as [`phrase_at`]
/// coordinates them, whatever its limit: a run of joining tokens with a comma, "and" or "or"
/// among them, then a name that is no weapon.
fn joined_to_name(v: &View, i: usize) -> bool {
    let (mut j, mut joined) = (i + 1, false);
    while joins_names(v, j) {
        joined |= v.punct(j) == Some(',') || v.is(j, AND_OR);
        j += 1;
    }
    joined && v.entity(j).is_some() && v.kind(j) != Some(EntityKind::Weapon)
}

/// "the Putin-Kim meeting", "the Russia-Houthi alliance".
fn hyphen_pair(cx: &Ctx, first: usize) -> Option<(Party, Party)> {
    let v = cx.v;
    (1..=3).filter_map(|k| first.checked_sub(k)).take_while(|&i| i >= 2).find_map(|i| {
        let ok = v.entity(i).is_some() && v.punct(i - 1) == Some('-') && v.entity(i - 2).is_some();
        ok.then_some((Party::Token(i - 2), Party::Token(i)))
    })
}

/// Exactly two names joined by "and" in the clause ("Tehran and Moscow enjoy a strategic
/// partnership"); a list of three or more is not a pair.
fn coordinated_pair(cx: &Ctx, cs: usize, ce: usize) -> Option<(Party, Party)> {
    let v = cx.v;
    let actor = |i: usize| {
        matches!(v.kind(i), Some(EntityKind::State | EntityKind::Organization | EntityKind::Person))
    };
    // Only names begin a pair: the view's list of names and materiel words, in order, is
    // read from the clause's start instead of every token of the clause.
    let listed = v.names_and_materiel();
    let from = listed.partition_point(|&i| i < cs);
    for &i in listed.get(from..).unwrap_or_default().iter().take_while(|&&i| i <= ce) {
        // A phrase of two names that starts with the name at `i` goes on with a joining
        // token right after it: most names need no phrase read.
        if v.entity(i).is_none() || !actor(i) || !joins_names(v, i + 1) {
            continue;
        }
        let names = phrase_at(v, i, ce);
        if names.len() != 2 || names[0] != i || !names.iter().all(|&n| actor(n)) {
            continue;
        }
        let listed = i > 1 && v.punct(i - 1) == Some(',') && v.entity(i - 2).is_some();
        if !listed {
            return Some((Party::Token(names[0]), Party::Token(names[1])));
        }
    }
    None
}

/// "With this agreement, Russia and North Korea have …": the pair that opens the next clause.
fn next_clause_pair(cx: &Ctx, ce: usize) -> Option<(Party, Party)> {
    let v = cx.v;
    if v.punct(ce + 1) != Some(',') {
        return None;
    }
    let names = phrase_at(v, ce + 2, (ce + 8).min(v.len().saturating_sub(1)));
    match names[..] {
        [a, b] if v.entity(ce + 2).is_some() || v.is(ce + 2, &["the", "both"]) => {
            Some((Party::Token(a), Party::Token(b)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::rules::same_drafts;
    use crate::relation::view::with_view;

    /// `coordinated_pair` as a search by `find_map`, before it became a loop.
    fn by_find_map(cx: &Ctx, cs: usize, ce: usize) -> Option<(Party, Party)> {
        let v = cx.v;
        let actor = |i: usize| {
            matches!(v.kind(i), Some(EntityKind::State | EntityKind::Organization | EntityKind::Person))
        };
        (cs..=ce).find_map(|i| {
            if !actor(i) || !joins_names(v, i + 1) {
                return None;
            }
            let names = phrase_at(v, i, ce);
            if names.len() != 2 || names[0] != i || !names.iter().all(|&n| actor(n)) {
                return None;
            }
            let listed = i > 1 && v.punct(i - 1) == Some(',') && v.entity(i - 2).is_some();
            (!listed).then_some((Party::Token(names[0]), Party::Token(names[1])))
        })
    }

    /// `apply` as it was, searching the trigger's clause before anything else.
    fn old_apply(cx: &Ctx, kind: RelationKind, frame: Frame, first: usize, last: usize, out: &mut Drafts) {
        let v = cx.v;
        let (cs, ce) = clause(v, first);
        let mut pair: Option<(Party, Party)> = None;
        let mut end = last;
        let rule;
        match frame {
            Frame::Meet | Frame::Visit | Frame::Host => {
                rule = if frame == Frame::Visit { Rule::MeetVisit } else { Rule::Meet };
                let mut other = phrase_at(v, last + 1, ce);
                if other.is_empty() && frame == Frame::Meet {
                    other = after_prep_within(v, last + 1, last + 2, ce, &WITH);
                }
                // One visits a state and hosts a person.
                match frame {
                    Frame::Visit => other.retain(|&t| v.kind(t) == Some(EntityKind::State)),
                    Frame::Host => other.retain(|&t| v.kind(t) == Some(EntityKind::Person)),
                    _ => {}
                }
                // "he will meet Putin": the pronoun is not Putin.
                let except = other.first().and_then(|&o| cx.id(Party::Token(o)));
                let subj = subject_or_main(cx, first, cs, except);
                if let (Some(&a), Some(&b)) = (subj.first(), other.first()) {
                    pair = Some((a, Party::Token(b)));
                    end = b;
                } else if let [a, b] = subj[..] {
                    if frame == Frame::Meet {
                        pair = Some((b, a));
                    }
                }
            }
            Frame::NounVisit => {
                rule = Rule::MeetVisit;
                let visitor = {
                    let owner = cx.possessor(first);
                    if owner.is_empty() {
                        subject(v, first, cs)
                    } else {
                        owner
                    }
                };
                let to: List<usize> =
                    after_prep_within(v, last + 1, last + 3, ce, &const { WordSet::new(&["to"]) })
                        .into_iter()
                        .filter(|&t| v.kind(t) == Some(EntityKind::State))
                        .collect();
                if let (Some(&a), Some(&b)) = (visitor.first(), to.first()) {
                    pair = Some((a, Party::Token(b)));
                    end = b;
                }
            }
            _ => {
                rule = if kind == RelationKind::Meet { Rule::MeetNoun } else { Rule::Agreement };
                let sides = between(cx, last + 1, ce);
                if let [a, b] = sides[..] {
                    pair = Some((a, b));
                    if let Party::Token(t) = b {
                        end = t;
                    }
                } else if let Some((a, b)) = hyphen_pair(cx, first) {
                    pair = Some((a, b));
                } else {
                    let owner = cx.possessor(first);
                    let with = after_prep_within(v, last + 1, last + 3, ce, &WITH);
                    match (&owner[..], with.first()) {
                        ([a, b], _) => pair = Some((*b, *a)),
                        ([a], Some(&b)) => {
                            pair = Some((*a, Party::Token(b)));
                            end = b;
                        }
                        ([], Some(&b)) => {
                            let exclude = cx.id(Party::Token(b));
                            let subj = subject(v, first, cs);
                            if let Some(&a) = subj.iter().find(|&&a| cx.id(a) != exclude) {
                                pair = Some((a, Party::Token(b)));
                                end = b;
                            }
                        }
                        _ => pair = coordinated_pair(cx, cs, ce).or_else(|| next_clause_pair(cx, ce)),
                    }
                }
            }
        }
        let Some((a, b)) = pair else { return };
        if cx.id(a).is_none() || cx.id(a) == cx.id(b) {
            return;
        }
        let mut d = out
            .start(kind, rule, first, last)
            .with(Role::Participants, Arg::Name(a))
            .with(Role::Participants, Arg::Name(b));
        if matches!(frame, Frame::NounMeet | Frame::NounPact | Frame::NounVisit) {
            d.phrase_end = Some(end);
        }
        out.push(d);
    }

    /// The drafts of every meeting and agreement trigger of the seeds (and of sentences made
    /// for the searches it skips) are those of the rule that searched the clause first.
    #[test]
    fn drafts_are_those_found_with_the_clause_searched_first() {
        let mut texts = vec![
            "The talks between Iran and Russia, Kim’s meeting with Putin and the Putin-Kim summit; \
             the agreement with Russia, which Iran signed, and Tehran and Moscow’s alliance."
                .to_string(),
            "With this agreement, Russia and North Korea have a pact. Their meeting, among Iran, \
             Syria and Belarus, was a summit; talks with Hamas, Putin and Xi met after talks."
                .into(),
        ];
        texts.extend(crate::seed_texts());
        let (mut triggers, mut found) = (0, 0);
        for line in texts.iter().flat_map(|t| t.lines()) {
            with_view(line, |v| {
                let items = crate::relation::items::items(v);
                let cx = Ctx { v, items: &items, memory: &[], fillers: &[], suppliers: &[] };
                for i in 0..v.len() {
                    for (n, t) in v.phrases(&v.doc.lexicon.triggers, i) {
                        if !matches!(t.kind, RelationKind::Meet | RelationKind::Agreement) {
                            continue;
                        }
                        let (f, l) = (i, i + n - 1);
                        found += same_drafts(
                            i,
                            line,
                            |d| apply(&cx, t.kind, t.frame, f, l, d),
                            |d| old_apply(&cx, t.kind, t.frame, f, l, d),
                        );
                        triggers += 1;
                    }
                }
            });
        }
        assert!(triggers > 100 && found > 30, "{triggers} triggers, {found} drafts");
    }

    /// Where `pair_may_follow` says no, neither pair search finds a pair in any clause: at
    /// every stretch of every line of the seeds and of sentences made for it.
    fn check_no_pair_without_a_joined_name(text: &str) -> (usize, usize) {
        with_view(text, |v| {
            let cx = Ctx { v, items: &[], memory: &[], fillers: &[], suppliers: &[] };
            let may = pair_may_follow(v);
            // The test it narrowed: a name with a joining token after it.
            let joining =
                v.names_and_materiel().iter().any(|&i| v.entity(i).is_some() && joins_names(v, i + 1));
            assert!(joining || !may, "{text:?}");
            let mut pairs = 0;
            for cs in 0..=v.len() {
                for ce in cs..v.len() + 2 {
                    let found =
                        coordinated_pair(&cx, cs, ce).is_some() || next_clause_pair(&cx, ce).is_some();
                    assert!(may || !found, "{cs}..={ce} of {text:?}");
                    pairs += usize::from(found);
                }
            }
            (usize::from(joining && !may), pairs)
        })
    }

    #[test]
    fn no_pair_is_found_without_a_joined_name() {
        let mut texts = vec![
            "Tehran and Moscow enjoy a strategic partnership, while Iran, Syria and Belarus, \
             both Kyiv and Warsaw, and the Russian Defense Ministry and Iran signed it."
                .to_string(),
            "With this agreement, Russia and North Korea have a pact; the DPRK, which Iran, \
             Shahed drones and Russia or the Fath-360 and, even, Hamas"
                .into(),
            "Kim, Putin; Russia the Iran; Xi and the Shahed-136, NATO, and, both".into(),
        ];
        texts.extend(crate::seed_texts());
        let (mut without, mut pairs) = (0, 0);
        for line in texts.iter().flat_map(|t| t.lines()) {
            let (w, p) = check_no_pair_without_a_joined_name(line);
            without += w;
            pairs += p;
        }
        assert!(without > 50 && pairs > 1000, "{without} lines narrowed, {pairs} pairs");
    }

    proptest::proptest! {
        #[test]
        fn no_pair_is_found_in_generated_text_without_a_joined_name(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Iran", "Russia", "Kim Jong Un", "Shahed-136", "Russian", "Defense Ministry", "Hamas",
                "NATO", "and", "or", "even", "both", "the", "a", ",", ";", "’s", "-", "met", "talks",
                "with", "drones", "leaders", "President",
            ]), 0..24),
        ) {
            check_no_pair_without_a_joined_name(&parts.join(" "));
        }
    }

    #[test]
    fn the_coordinated_pair_is_the_one_the_search_found() {
        let texts = [
            "Tehran and Moscow enjoy a strategic partnership, while Iran, Syria and Belarus, \
             both Kyiv and Warsaw, and the Russian Defense Ministry and Iran signed it.",
            "Kim and Putin’s talks, Russia and Shahed drones, NATO or the EU, Putin, Xi and Modi \
             met; Iran and, even, North Korea agreed with Hamas and Hezbollah.",
        ];
        let mut pairs = 0;
        for text in texts {
            with_view(text, |v| {
                let cx = Ctx { v, items: &[], memory: &[], fillers: &[], suppliers: &[] };
                for cs in 0..v.len() {
                    for ce in cs..v.len() + 2 {
                        let found = coordinated_pair(&cx, cs, ce);
                        assert_eq!(found, by_find_map(&cx, cs, ce), "{text} {cs}..={ce}");
                        pairs += usize::from(found.is_some());
                    }
                }
            });
        }
        assert!(pairs > 100, "{pairs} pairs");
    }
}
