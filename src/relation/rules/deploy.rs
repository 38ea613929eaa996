//! deploy: troops sent, dispatched, deployed or stationed by a sender to a destination.

use super::super::args::{after_prep, after_prep_within, subject, Party};
use super::super::clause::clause;
use super::super::lexicon::Frame;
use super::{Arg, Ctx, Drafts};
use crate::entity::EntityKind;
use crate::relation::{RelationKind, Role, Rule};

const DESTINATION: &[&str] = &["to", "into", "in", "within", "inside"];

pub(super) fn apply(cx: &Ctx, frame: Frame, first: usize, last: usize, out: &mut Drafts) {
    let v = cx.v;
    let (cs, ce) = clause(v, first);
    // The troop noun: after the verb ("dispatched up to 10,000 soldiers") or, when the verb is
    // passive or a participle, before it ("soldiers are deployed in", "a force stationed in").
    let after = (last + 1..=(last + 6).min(ce)).find(|&i| v.class(i).personnel);
    let before = (cs..first).rev().take(8).find(|&i| v.class(i).personnel);
    let Some(troops) = after.or(before) else { return };
    // "soldiers from the Syrian Arab Army", "North Korean troops": the sender named on the troops.
    let named = troop_origin(cx, troops, ce);
    let mut senders: Vec<Party> = named.into_iter().map(Party::Token).collect();
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
    let destination: Vec<usize> = after_prep_within(v, from, from + 2, ce, DESTINATION)
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
            return (v.is_demonym(i) || v.kind(i) == Some(EntityKind::State)).then_some(i);
        }
        if v.word(i).is_none() || v.is(i, &["the", "of", "and", "from", "to"]) {
            break;
        }
    }
    if v.is(troops + 1, &["from"]) {
        return after_prep(v, troops + 1, limit, &["from"]).first().copied();
    }
    None
}
