//! deploy: troops sent, dispatched, deployed or stationed by a sender to a destination.

use super::super::args::{after_prep, after_prep_within, subject, List, Party};
use super::super::clause::clause;
use super::super::lexicon::Frame;
use super::super::view::{View, WordSet};
use super::{Arg, Ctx, Drafts};
use crate::entity::EntityKind;
use crate::gazetteer::OrganizationType;
use crate::relation::{RelationKind, Role, Rule};

pub(crate) const DESTINATION: WordSet = WordSet::new(&["to", "into", "in", "within", "inside"]);

/// Whether [`fill`] may find troops in some clause: a troop noun within its reach (six
/// tokens after the trigger, eight before it).
#[inline]
fn troops_may_be_near(v: &View, first: usize, last: usize) -> bool {
    (last + 1..=last + 6).chain(first.saturating_sub(8)..first).any(|i| v.class(i).personnel)
}

pub(super) fn apply(cx: &Ctx, frame: Frame, first: usize, last: usize, out: &mut Drafts) {
    // Most triggers of deployment have no troops near them, or no name after them for the
    // destination; those need no clause.
    if !troops_may_be_near(cx.v, first, last) || !super::name_after(cx.v, last) {
        return;
    }
    fill(cx, frame, first, last, out);
}

/// The roles of a deployment, from the trigger's clause.
fn fill(cx: &Ctx, frame: Frame, first: usize, last: usize, out: &mut Drafts) {
    let v = cx.v;
    let (cs, ce) = clause(v, first);
    // The troop noun: after the verb ("dispatched up to 10,000 soldiers") or, when the verb is
    // passive or a participle, before it ("soldiers are deployed in", "a force stationed in").
    let after = (last + 1..=(last + 6).min(ce)).find(|&i| v.class(i).personnel);
    let before = (cs..first).rev().take(8).find(|&i| v.class(i).personnel);
    let Some(troops) = after.or(before) else { return };
    // "soldiers from the Syrian Arab Army", "North Korean troops": the sender named on the troops.
    let named = troop_origin(cx, troops, ce);
    let mut senders: List<Party> = named.into_iter().map(Party::Token).collect();
    if senders.is_empty() {
        senders = if frame == Frame::NounDeploy { cx.possessor(first) } else { subject(v, first, cs) };
        if after.is_none() {
            // A passive without a named sender says nothing of who sent them.
            senders.clear();
        }
    }
    let from = after.unwrap_or(last) + 1;
    // The destination's preposition follows the troops or the verb closely ("sent troops to",
    // "troops stationed in"); one far on belongs to another phrase ("to send troops to
    // support his operation in Ukraine").
    let mut destination = after_prep_within(v, from, from + 2, ce, &DESTINATION);
    if destination.is_empty() {
        destination.extend(where_the_front_is(cx, from, ce));
    }
    let destination: List<usize> = destination
        .into_iter()
        .filter(|&t| matches!(v.kind(t), Some(EntityKind::State | EntityKind::Place)))
        .take(1)
        .collect();
    for &s in &senders {
        for &d in &destination {
            if cx.id(s) == cx.id(Party::Token(d)) {
                continue;
            }
            let mut draft = out
                .start(RelationKind::Deploy, Rule::Deploy, first, last)
                .with(Role::Sender, Arg::Name(s))
                .with(Role::Destination, Arg::Name(Party::Token(d)));
            if frame == Frame::NounDeploy {
                draft.phrase_end = Some(d);
            }
            out.push(draft);
        }
    }
}

/// The state or force a troop noun names as theirs: a demonym before it ("North Korean
/// soldiers", "a 10,000-strong North Korean force") or "from X" after it.
fn troop_origin(cx: &Ctx, troops: usize, limit: usize) -> Option<usize> {
    let v = cx.v;
    let mut i = troops;
    for _ in 0..3 {
        i = i.checked_sub(1)?;
        if v.entity(i).is_some() {
            return (v.is_demonym(i) || v.kind(i) == Some(EntityKind::State) || armed_group(v, i))
                .then_some(i);
        }
        if v.word(i).is_none() || v.is(i, &["the", "of", "and", "from", "to"]) {
            break;
        }
    }
    if v.is(troops + 1, &["from"]) {
        return after_prep(v, troops + 1, limit, &const { WordSet::new(&["from"]) }).first().copied();
    }
    None
}

/// "sent troops to the front line in Kursk", "deployed to the border with Ukraine": a
/// destination written as a short unnamed place (an article and at most two more words) that
/// a name then locates.
fn where_the_front_is(cx: &Ctx, from: usize, ce: usize) -> Option<usize> {
    let v = cx.v;
    let to = (from..=(from + 2).min(ce)).find(|&k| v.is(k, &["to", "into"]))?;
    let of = (to + 2..=(to + 4).min(ce)).find(|&k| v.is(k, &["in", "near", "of", "along", "with"]))?;
    // An article, so that the words are a noun phrase, not an infinitive ("to support his
    // campaign in Syria").
    if !v.is(to + 1, &["the", "a", "an"]) || (to + 1..of).any(|k| v.word(k).is_none() || v.class(k).len > 0) {
        return None;
    }
    v.entity(of + 1).map(|_| of + 1)
}

/// Whether the name at `i` is an armed group's, whose fighters it sends ("Wagner fighters").
fn armed_group(v: &View, i: usize) -> bool {
    v.entity(i).is_some_and(|e| {
        let entry = &v.doc.gazetteer.entries()[v.doc.entities[e].id.0 as usize];
        entry.organization_type == Some(OrganizationType::ArmedGroup)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::rules::same_drafts;
    use crate::relation::view::with_view;

    /// A trigger that `apply` turns away made no drafts: the drafts of every deployment
    /// trigger of the seeds (and of sentences made for the tests) are those `fill` makes.
    #[test]
    fn triggers_turned_away_made_no_drafts() {
        let mut texts = vec!["Russia sent up to 10,000 soldiers to Kursk; North Korean troops were \
                              deployed in Russia, and a force stationed in Belarus; troops were sent \
                              to the front line in Kursk. Wagner fighters deployed. Its deployment of troops."
            .to_string()];
        texts.extend(crate::seed_texts());
        let (mut triggers, mut found, mut away) = (0, 0, 0);
        for line in texts.iter().flat_map(|t| t.lines()) {
            with_view(line, |v| {
                let cx = Ctx { v, items: &[], memory: &[], fillers: &[], suppliers: &[] };
                for i in 0..v.len() {
                    for (n, t) in v.phrases(&v.doc.lexicon.triggers, i) {
                        if t.kind != RelationKind::Deploy {
                            continue;
                        }
                        let (f, l) = (i, i + n - 1);
                        found += same_drafts(
                            i,
                            line,
                            |d| apply(&cx, t.frame, f, l, d),
                            |d| fill(&cx, t.frame, f, l, d),
                        );
                        triggers += 1;
                        away += usize::from(
                            !troops_may_be_near(v, i, i + n - 1) || !super::super::name_after(v, i + n - 1),
                        );
                    }
                }
            });
        }
        assert!(triggers > 40 && found > 5 && away > 10, "{triggers} triggers, {found} drafts, {away} away");
    }
}
