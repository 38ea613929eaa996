//! attack: who strikes what, with which weapon. An explicit trigger is required; a definite
//! "the strike" or "the attacks" takes the roles it lacks from the attack stated just before.

use super::super::args::{after_prep, after_prep_within, phrase_at, subject, List, Party, AND_OR};
use super::super::clause::clause;
use super::super::engine::ANAPHORA_WINDOW;
use super::super::lexicon::Frame;
use super::super::view::{View, WordSet};
use super::{is_attack_noun, verb_triggers, Arg, Ctx, Drafts, Recalled, DEFINITE};
use crate::entity::EntityKind;
use crate::relation::{RelationKind, Role, Rule};

/// The prepositions before a target: a launch takes the first five ("fired missiles into
/// Israel"), a strike the first nine ("strikes inside Russia"), a noun all.
pub(crate) const AT: &[&str] =
    &["on", "at", "against", "targeting", "into", "across", "in", "inside", "throughout", "of"];

/// The prepositions before a launch's target.
const LAUNCH_AT: WordSet = WordSet::new(AT.split_at(5).0);

/// The prepositions before an attack noun's target.
const NOUN_AT: WordSet = WordSet::new(AT);

pub(super) fn apply(cx: &Ctx, frame: Frame, first: usize, last: usize, out: &mut Drafts) {
    // Most launches and attack nouns, and many strikes, name no target; those need no clause.
    if !target_may_follow(cx, frame, first, last) {
        return;
    }
    fill(cx, frame, first, last, out);
}

/// Whether an attack may find its target: a state, place or organization named after it
/// (or, for the noun, the place right before it: "the Dnipro attack"), or the target of the
/// attack stated before, which a definite one takes. A strike may also find its target
/// before it: the target of a passive one ("Kyiv was struck"), or a place ("in Kharkiv, a
/// strike hit").
fn target_may_follow(cx: &Ctx, frame: Frame, first: usize, last: usize) -> bool {
    let v = cx.v;
    let target = |i: usize| {
        matches!(v.kind(i), Some(EntityKind::State | EntityKind::Place | EntityKind::Organization))
    };
    // Every name is among those tokens, which come in order.
    let mut after = v.names_and_materiel().iter().rev().take_while(|&&i| i > last);
    // A launch finds its target only after one of its prepositions ("fired missiles at
    // Kyiv"), and a noun only after one of the three words after it ("the attack on Kyiv"):
    // one must stand before the last target named.
    let prep_before = |preps: &WordSet, reach: usize| {
        after
            .clone()
            .find(|&&i| target(i))
            .is_some_and(|&t| (last + 1..t.min(reach)).any(|k| v.is_in(k, preps)))
    };
    let named = match frame {
        Frame::Launch => prep_before(&LAUNCH_AT, usize::MAX),
        Frame::NounAttack => prep_before(&NOUN_AT, last + 4),
        _ => after.any(|&i| target(i)),
    };
    named
        || frame == Frame::NounAttack
            && first.checked_sub(1).is_some_and(|i| v.kind(i) == Some(EntityKind::Place))
        || frame == Frame::Strike && target_before(v, first)
        || cx.recall(Recalled::Attack, ANAPHORA_WINDOW).is_some()
}

/// Whether a strike at `first` may find its target before it: a place, or the target of a
/// passive verb.
fn target_before(v: &View, first: usize) -> bool {
    let mut passive = None;
    v.names_and_materiel().iter().take_while(|&&i| i < first).any(|&i| match v.kind(i) {
        Some(EntityKind::Place) => true,
        Some(EntityKind::State | EntityKind::Organization) => {
            *passive.get_or_insert_with(|| super::passive(v, first))
        }
        _ => false,
    })
}

/// The roles of an attack, from the trigger's clause.
fn fill(cx: &Ctx, frame: Frame, first: usize, last: usize, out: &mut Drafts) {
    let v = cx.v;
    // "capable of striking", "the threat of strikes": an ability or a fear, no attack; but "a
    // series of strikes" counts them. (Asked before the clause is searched, which it needs not.)
    let counted =
        first >= 2 && v.is(first - 2, &["series", "wave", "waves", "barrage", "round", "spate", "string"]);
    if first > 0 && v.is(first - 1, &["of", "capable"]) && !(counted && frame == Frame::NounAttack) {
        return;
    }
    let (cs, ce) = clause(v, first);
    // "targeted Iranian oil exports with new sanctions": an economic or political measure is
    // no weapon, whoever it hits.
    if (last + 1..ce).any(|k| v.is(k, &["with"]) && (k + 1..(k + 4).min(ce + 1)).any(|m| v.is(m, MEASURES))) {
        return;
    }
    let target_ok = |t: &usize| {
        matches!(v.kind(*t), Some(EntityKind::State | EntityKind::Place | EntityKind::Organization))
    };
    let mut attackers: List<Party>;
    let mut targets: List<usize>;
    let mut end = last;
    // Whether the verb's subject is "the strikes" or "the missiles", which refer back.
    let mut definite = false;
    // Whether the attackers are the verb's coordinated subjects ("The U.S. and Britain
    // struck"), each of which attacks; elsewhere a list is read for its first name only.
    let mut coordinated = false;
    // The targets are read first: without one (and without an attack stated before, whose
    // target a definite one takes) there is no attack, and the attackers' search is spared.
    let no_target = |targets: &List<usize>| {
        !targets.iter().any(target_ok) && cx.recall(Recalled::Attack, ANAPHORA_WINDOW).is_none()
    };
    match frame {
        Frame::Strike | Frame::Launch => {
            let strike = frame == Frame::Strike;
            let passive = super::passive(v, first);
            targets = if !strike {
                List::new()
            } else if passive {
                // What was struck is the nearest name before the verb, also after "of" ("the
                // city of Sumy was hit").
                (cs..first).rev().find(target_ok).into_iter().collect()
            } else {
                phrase_at(v, last + 1, ce)
            };
            if !passive {
                targets.retain(target_ok);
            }
            if targets.is_empty() {
                let preps = if strike { &const { WordSet::new(AT.split_at(9).0) } } else { &LAUNCH_AT };
                targets = after_prep(v, last + 1, ce, preps);
            }
            if targets.is_empty() && strike {
                // "in the Zaporizhzhia region, a Russian strike hit an infrastructure facility"
                targets = place_in(cx, first);
            }
            if no_target(&targets) {
                return;
            }
            if passive {
                // "Kyiv was struck by Russia", "drones were launched by Russia at Kyiv": the
                // agent follows "by".
                attackers = after_prep(v, last + 1, ce, &const { WordSet::new(&["by"]) })
                    .into_iter()
                    .filter(|&a| v.kind(a) != Some(EntityKind::Weapon))
                    .map(Party::Token)
                    .collect();
            } else {
                attackers = subject(v, first, cs);
                coordinated = attackers.len() > 1;
                if attackers.is_empty() {
                    attackers = fielded_by(cx, first, cs).into_iter().collect();
                }
                definite = attackers.is_empty() && definite_subject(v, first, cs).is_some();
            }
        }
        _ => {
            // "The strikes also hit Kharkiv": the verb states this attack, with its own target.
            let verb = (last + 1..=(last + 3).min(ce)).find(|&k| verb_triggers(v, k).next().is_some());
            if verb.is_some_and(|k| definite_subject(v, k, cs) == Some(last)) {
                return;
            }
            // The preposition must follow the noun's own phrase: in "launch and threats
            // against NATO" the target belongs to "threats".
            let stop = (last + 1..=ce).find(|&k| v.is(k, AND_OR)).map_or(ce, |k| k - 1);
            targets = after_prep_within(v, last + 1, (last + 3).min(stop), ce, &NOUN_AT);
            if targets.is_empty() {
                // "the Dnipro attack"
                targets = (first.checked_sub(1))
                    .filter(|&i| v.kind(i) == Some(EntityKind::Place))
                    .into_iter()
                    .collect();
            }
            end = targets.first().copied().unwrap_or(last);
            if no_target(&targets) {
                return;
            }
            let modifier = cx.modifier_before(first).filter(|&m| v.kind(m) != Some(EntityKind::Place));
            attackers = cx.possessor(first);
            if attackers.is_empty() {
                attackers = modifier.map(Party::Token).into_iter().collect();
            }
            if attackers.is_empty() {
                attackers = after_prep(v, last + 1, ce, &const { WordSet::new(&["by"]) })
                    .into_iter()
                    .map(Party::Token)
                    .collect();
            }
            if attackers.is_empty() {
                // "Israel carried out airstrikes on Beirut": the subject of the verb that
                // stages the attack.
                if let Some(verb) = staged_by(v, first, cs) {
                    attackers = subject(v, verb, cs);
                }
            }
        }
    }
    targets.retain(|t| target_ok(t));
    let anaphoric = definite
        || cx.anaphoric(first)
        || attackers.is_empty() && v.is(first.saturating_sub(1), &["the", "these"]);
    // The attack stated just before supplies what a definite reference leaves out.
    let recalled = if anaphoric { cx.recall(Recalled::Attack, ANAPHORA_WINDOW) } else { None };
    let mut recalled_target = None;
    if let Some(m) = recalled {
        let agrees = |role: Role, f: Option<u32>| {
            f.is_none_or(|id| cx.args(m).iter().any(|&(r, e)| r == role && v.doc.entities[e].id.0 == id))
        };
        let a_id = attackers.first().and_then(|&a| cx.id(a));
        let t_id = targets.first().and_then(|&t| cx.id(Party::Token(t)));
        if agrees(Role::Attacker, a_id) || agrees(Role::Target, t_id) {
            if attackers.is_empty() {
                attackers = cx
                    .args(m)
                    .iter()
                    .filter(|(r, _)| *r == Role::Attacker)
                    .map(|&(_, e)| Party::Entity(e))
                    .collect();
            }
            if targets.is_empty() {
                recalled_target = cx.args(m).iter().find(|(r, _)| *r == Role::Target).map(|&(_, e)| e);
            }
        }
    }
    if attackers.is_empty() && anaphoric && !targets.is_empty() {
        // "The attacks targeted … Ukraine": the state named just before that is not the target.
        attackers =
            state_before(cx, targets.first().and_then(|&t| cx.id(Party::Token(t)))).into_iter().collect();
    }
    let weapons = cx.items_in(cs, ce);
    // One target at most: the first named, else the one recalled.
    let target = targets.first().map(|&t| Party::Token(t)).or(recalled_target.map(Party::Entity));
    let rule = match frame {
        Frame::NounAttack => Rule::AttackNoun,
        _ => Rule::Attack,
    };
    let Some(t) = target else { return };
    let count = if coordinated { attackers.len() } else { 1 };
    for &a in attackers.iter().take(count) {
        if cx.id(a) == cx.id(t) {
            continue;
        }
        let mut d = out
            .start(RelationKind::Attack, rule, first, last)
            .with(Role::Attacker, Arg::Name(a))
            .with(Role::Target, Arg::Name(t))
            .items(Role::Weapon, weapons);
        if frame == Frame::NounAttack {
            d.phrase_end = Some(end);
        }
        out.push(d);
    }
}

/// The verb before the attack noun at `noun` that stages it ("carried out airstrikes",
/// "conducted a series of strikes", "mounted an offensive"), across its article and a few
/// modifiers.
fn staged_by(v: &View, noun: usize, cs: usize) -> Option<usize> {
    const STAGE: &[&str] = &[
        "carried",
        "carries",
        "carry",
        "carrying",
        "conducted",
        "conducts",
        "conduct",
        "conducting",
        "staged",
        "stages",
        "stage",
        "staging",
        "mounted",
        "mounts",
        "mount",
        "mounting",
    ];
    (noun.saturating_sub(5).max(cs)..noun)
        .rev()
        .take_while(|&k| v.word(k).is_some() && v.entity(k).is_none())
        .find(|&k| v.is(k, STAGE))
}

/// The subject of the verb at `verb` when it is a definite attack noun or weapon ("the strikes
/// also hit", "these missiles struck"), which refers to the attack stated before.
fn definite_subject(v: &View, verb: usize, cs: usize) -> Option<usize> {
    let mut k = verb;
    while k > cs
        && v.word(k - 1)
            .is_some_and(|w| w.ends_with("ly") || matches!(w, "also" | "then" | "have" | "has" | "had"))
    {
        k -= 1;
    }
    let noun = k.checked_sub(1).filter(|&n| n >= cs)?;
    if !(is_attack_noun(v, noun) || v.class(noun).head) {
        return None;
    }
    (1..=2)
        .filter_map(|d| noun.checked_sub(d))
        .take_while(|&i| i >= cs && v.word(i).is_some() && v.entity(i).is_none())
        .any(|i| v.is_in(i, &DEFINITE))
        .then_some(noun)
}

/// Nouns for the measures that states "target" or "hit" one another with in a trade war or a
/// war of words.
const MEASURES: &[&str] = &[
    "sanctions",
    "tariffs",
    "tariff",
    "duties",
    "restrictions",
    "measures",
    "penalties",
    "fines",
    "criticism",
    "lawsuit",
    "lawsuits",
    "controls",
    "bans",
    "ban",
    "levies",
    "probe",
    "investigation",
    "accusations",
];

/// The state whose demonym marks the item that is the subject of the verb at `verb`
/// ("Russian missiles hit Kyiv", "Israeli jets have struck Gaza"): the state that fields it.
/// Not where the demonym marks a maker ("Iranian-made drones"), nor a state the document has
/// supplying arms: "Iranian drones hit Odesa" after Iran's deliveries to Russia names the
/// maker, not the attacker.
fn fielded_by(cx: &Ctx, verb: usize, cs: usize) -> Option<Party> {
    let v = cx.v;
    let item = cx.items.iter().rev().find(|it| it.last < verb && it.first >= cs)?;
    // Only auxiliaries and adverbs between the phrase and its verb ("have", "reportedly").
    let between = item.last + 1..verb;
    if between.len() > 2 || between.clone().any(|k| v.word(k).is_none() || v.class(k).len > 0) {
        return None;
    }
    let origin = item.origin?;
    let made = v.punct(origin + 1) == Some('-') && v.class(origin + 2).made;
    if !v.is_demonym(origin) || made || origin + 1 != item.first {
        return None;
    }
    let state = cx.id(Party::Token(origin))?;
    (!cx.suppliers.contains(&state)).then_some(Party::Token(origin))
}

/// A place named after "in" earlier in the sentence.
fn place_in(cx: &Ctx, before: usize) -> List<usize> {
    let v = cx.v;
    (1..before)
        .filter(|&i| v.kind(i) == Some(EntityKind::Place) && (1..=3).any(|k| i >= k && v.is(i - k, &["in"])))
        .take(1)
        .collect()
}

/// The nearest state mentioned before the sentence (or earlier in it) that is not `exclude`.
fn state_before(cx: &Ctx, exclude: Option<u32>) -> Option<Party> {
    let v = cx.v;
    let doc = v.doc;
    doc.before(v.span.start, 400)
        .find(|&k| doc.entry_kind(k) == EntityKind::State && Some(doc.entities[k].id.0) != exclude)
        .map(Party::Entity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::rules::{same_drafts, Memory};
    use crate::relation::view::with_view;

    /// `fill` as it was, reading the attackers before the targets.
    fn old_fill(cx: &Ctx, frame: Frame, first: usize, last: usize, out: &mut Drafts) {
        let v = cx.v;
        // "capable of striking", "the threat of strikes": an ability or a fear, no attack; but "a
        // series of strikes" counts them. (Asked before the clause is searched, which it needs not.)
        let counted = first >= 2
            && v.is(first - 2, &["series", "wave", "waves", "barrage", "round", "spate", "string"]);
        if first > 0 && v.is(first - 1, &["of", "capable"]) && !(counted && frame == Frame::NounAttack) {
            return;
        }
        let (cs, ce) = clause(v, first);
        // "targeted Iranian oil exports with new sanctions": an economic or political measure is
        // no weapon, whoever it hits.
        if (last + 1..ce)
            .any(|k| v.is(k, &["with"]) && (k + 1..(k + 4).min(ce + 1)).any(|m| v.is(m, MEASURES)))
        {
            return;
        }
        let target_ok = |t: &usize| {
            matches!(v.kind(*t), Some(EntityKind::State | EntityKind::Place | EntityKind::Organization))
        };
        let mut attackers: List<Party>;
        let mut targets: List<usize>;
        let mut end = last;
        // Whether the verb's subject is "the strikes" or "the missiles", which refer back.
        let mut definite = false;
        // Whether the attackers are the verb's coordinated subjects ("The U.S. and Britain
        // struck"), each of which attacks; elsewhere a list is read for its first name only.
        let mut coordinated = false;
        match frame {
            Frame::Strike | Frame::Launch => {
                let strike = frame == Frame::Strike;
                if super::super::passive(v, first) {
                    // "Kyiv was struck by Russia", "drones were launched by Russia at Kyiv": the
                    // agent follows "by", and what was struck is the nearest name before the verb,
                    // also after "of" ("the city of Sumy was hit").
                    attackers = after_prep(v, last + 1, ce, &const { WordSet::new(&["by"]) })
                        .into_iter()
                        .filter(|&a| v.kind(a) != Some(EntityKind::Weapon))
                        .map(Party::Token)
                        .collect();
                    targets = if strike {
                        (cs..first).rev().find(target_ok).into_iter().collect()
                    } else {
                        List::new()
                    };
                } else {
                    attackers = subject(v, first, cs);
                    coordinated = attackers.len() > 1;
                    if attackers.is_empty() {
                        attackers = fielded_by(cx, first, cs).into_iter().collect();
                    }
                    definite = attackers.is_empty() && definite_subject(v, first, cs).is_some();
                    targets = if strike { phrase_at(v, last + 1, ce) } else { List::new() };
                    targets.retain(target_ok);
                }
                if targets.is_empty() {
                    let preps = if strike {
                        &const { WordSet::new(AT.split_at(9).0) }
                    } else {
                        &const { WordSet::new(AT.split_at(5).0) }
                    };
                    targets = after_prep(v, last + 1, ce, preps);
                }
                if targets.is_empty() && strike {
                    // "in the Zaporizhzhia region, a Russian strike hit an infrastructure facility"
                    targets = place_in(cx, first);
                }
            }
            _ => {
                // "The strikes also hit Kharkiv": the verb states this attack, with its own target.
                let verb = (last + 1..=(last + 3).min(ce)).find(|&k| verb_triggers(v, k).next().is_some());
                if verb.is_some_and(|k| definite_subject(v, k, cs) == Some(last)) {
                    return;
                }
                let modifier = cx.modifier_before(first).filter(|&m| v.kind(m) != Some(EntityKind::Place));
                attackers = cx.possessor(first);
                if attackers.is_empty() {
                    attackers = modifier.map(Party::Token).into_iter().collect();
                }
                if attackers.is_empty() {
                    attackers = after_prep(v, last + 1, ce, &const { WordSet::new(&["by"]) })
                        .into_iter()
                        .map(Party::Token)
                        .collect();
                }
                if attackers.is_empty() {
                    // "Israel carried out airstrikes on Beirut": the subject of the verb that
                    // stages the attack.
                    if let Some(verb) = staged_by(v, first, cs) {
                        attackers = subject(v, verb, cs);
                    }
                }
                // The preposition must follow the noun's own phrase: in "launch and threats
                // against NATO" the target belongs to "threats".
                let stop = (last + 1..=ce).find(|&k| v.is(k, &["and", "or"])).map_or(ce, |k| k - 1);
                targets =
                    after_prep_within(v, last + 1, (last + 3).min(stop), ce, &const { WordSet::new(AT) });
                if targets.is_empty() {
                    // "the Dnipro attack"
                    targets = (first.checked_sub(1))
                        .filter(|&i| v.kind(i) == Some(EntityKind::Place))
                        .into_iter()
                        .collect();
                }
                end = targets.first().copied().unwrap_or(last);
            }
        }
        targets.retain(|t| target_ok(t));
        let anaphoric = definite
            || cx.anaphoric(first)
            || attackers.is_empty() && v.is(first.saturating_sub(1), &["the", "these"]);
        // The attack stated just before supplies what a definite reference leaves out.
        let recalled = if anaphoric { cx.recall(Recalled::Attack, ANAPHORA_WINDOW) } else { None };
        let mut recalled_target = None;
        if let Some(m) = recalled {
            let agrees = |role: Role, f: Option<u32>| {
                f.is_none_or(|id| cx.args(m).iter().any(|&(r, e)| r == role && v.doc.entities[e].id.0 == id))
            };
            let a_id = attackers.first().and_then(|&a| cx.id(a));
            let t_id = targets.first().and_then(|&t| cx.id(Party::Token(t)));
            if agrees(Role::Attacker, a_id) || agrees(Role::Target, t_id) {
                if attackers.is_empty() {
                    attackers = cx
                        .args(m)
                        .iter()
                        .filter(|(r, _)| *r == Role::Attacker)
                        .map(|&(_, e)| Party::Entity(e))
                        .collect();
                }
                if targets.is_empty() {
                    recalled_target = cx.args(m).iter().find(|(r, _)| *r == Role::Target).map(|&(_, e)| e);
                }
            }
        }
        if attackers.is_empty() && anaphoric && !targets.is_empty() {
            // "The attacks targeted … Ukraine": the state named just before that is not the target.
            attackers =
                state_before(cx, targets.first().and_then(|&t| cx.id(Party::Token(t)))).into_iter().collect();
        }
        let weapons = cx.items_in(cs, ce);
        // One target at most: the first named, else the one recalled.
        let target = targets.first().map(|&t| Party::Token(t)).or(recalled_target.map(Party::Entity));
        let rule = match frame {
            Frame::NounAttack => Rule::AttackNoun,
            _ => Rule::Attack,
        };
        let Some(t) = target else { return };
        let count = if coordinated { attackers.len() } else { 1 };
        for &a in attackers.iter().take(count) {
            if cx.id(a) == cx.id(t) {
                continue;
            }
            let mut d = out
                .start(RelationKind::Attack, rule, first, last)
                .with(Role::Attacker, Arg::Name(a))
                .with(Role::Target, Arg::Name(t))
                .items(Role::Weapon, weapons);
            if frame == Frame::NounAttack {
                d.phrase_end = Some(end);
            }
            out.push(d);
        }
    }

    /// A trigger that `apply` turns away made no drafts: the drafts of every attack trigger
    /// of the seeds (and of sentences made for the test) are those `fill` made as it was, with
    /// and without an attack stated before.
    #[test]
    fn triggers_turned_away_made_no_drafts() {
        let mut texts = vec![
            "The strikes also hit. Russia launched missiles at Kyiv; the Dnipro attack, the attack on \
             Odesa, drones were launched by Russia, Kyiv was struck, and the strike killed five."
                .to_string(),
            "The attacks hit. These missiles struck overnight, a launch, Russian strikes, Israel \
             carried out airstrikes on Beirut; in Kharkiv, a strike hit a facility."
                .into(),
            "The attack in the region of Kharkiv, the strikes on Iran, attacks by Russia on Kyiv, the \
             attack that Iran made on Israel, an offensive across Ukraine, the Odesa attack."
                .into(),
            "Kyiv was struck. Russia was hit by Iran. Drones, which struck overnight, hit. In Odesa, \
             drones struck; NATO struck a tone; Israel was struck by a storm in Gaza."
                .into(),
            "Russia used drones in Ukraine against Kyiv, fired missiles from Belarus into Ukraine, \
             launched drones at night over Odesa, and uses Iskander missiles on Kharkiv and Iran."
                .into(),
        ];
        texts.extend(crate::seed_texts());
        let (mut triggers, mut found, mut recalled) = (0, 0, 0);
        for line in texts.iter().flat_map(|t| t.lines()) {
            with_view(line, |v| {
                let items = crate::relation::items::items(v);
                // An attack stated before, by the sentence's first two names.
                let fillers = [(Role::Attacker, 0), (Role::Target, 1)];
                let memory = [Memory { kind: RelationKind::Attack, args: 0..2, at: 0 }];
                for with_memory in [false, v.doc.entities.len() > 1] {
                    let cx = Ctx {
                        v,
                        items: &items,
                        memory: if with_memory { &memory } else { &[] },
                        fillers: if with_memory { &fillers } else { &[] },
                        suppliers: &[],
                    };
                    for i in 0..v.len() {
                        for (n, t) in v.phrases(&v.doc.lexicon.triggers, i) {
                            if t.kind != RelationKind::Attack {
                                continue;
                            }
                            let (f, l) = (i, i + n - 1);
                            let made = same_drafts(
                                i,
                                line,
                                |d| apply(&cx, t.frame, f, l, d),
                                |d| old_fill(&cx, t.frame, f, l, d),
                            );
                            triggers += 1;
                            found += made;
                            recalled += usize::from(with_memory && made > 0);
                        }
                    }
                }
            });
        }
        assert!(
            triggers > 100 && found > 30 && recalled > 10,
            "{triggers} triggers, {found} drafts, {recalled}"
        );
    }
}
