//! Modality: whether a relation is stated as fact, as planned or possible, or as denied.
//!
//! The cues come from `gazetteers/lexicon/modality.tsv`. Within the trigger's clause, the cue
//! nearest before the trigger decides (the trigger word itself counts: "bid for",
//! "negotiations"); for a noun trigger, a cue right after its phrase counts too ("a meeting
//! between Kim and Putin soon expected"). Three weak cues apply only when no lexicon cue does: an
//! infinitive "to" right before a verb trigger ("a strategy … to obtain drones"), "against"
//! before a gerund ("warned Beijing against supplying arms"), and "any"
//! ("any move by Iran to arm Russia"). A cue right before "that" governs the clause it opens
//! ("Pyongyang denied that it sold shells"). A negation right before a hypothetical cue
//! denies it ("no plans to", "not expected to").

use super::args::fronted_subject;
use super::clause::clause;
use super::view::View;
use super::Modality;
use crate::span::Span;

/// A modality with the span of the cue that decided it (`None` for plain assertions).
pub(crate) type Judged = (Modality, Option<Span>);

/// Judges the trigger at tokens `first..=last`; `phrase_end` is the last token of a noun
/// trigger's phrase (its arguments), or `None` for verb triggers.
pub(crate) fn judge(v: &View, first: usize, last: usize, phrase_end: Option<usize>) -> Judged {
    // The engine judges a draft right after the rule that made it asked for the trigger's
    // clause, which the view still remembers.
    let start = clause(v, first).0;
    let mut weak: Option<Judged> = None;
    for i in (start..=last).rev() {
        if let Some((n, m)) = cue_at(v, i) {
            // A cue must end before the trigger ends, and a multi-word cue may not straddle it.
            if i + n - 1 <= last {
                // "had no plans to meet", "is not expected to deliver": a plan or expectation
                // denied is a denial.
                let negated = |k: usize| matches!(cue_at(v, k), Some((1, Modality::Negated)));
                if m == Modality::Hypothetical && i > start && negated(i - 1) {
                    return (Modality::Negated, Some(v.span_of(i - 1, i + n - 1)));
                }
                return (m, Some(v.span_of(i, i + n - 1)));
            }
        }
        if weak.is_none() && v.is(i, &["any"]) {
            weak = Some((Modality::Hypothetical, Some(v.span_of(i, i))));
        }
    }
    // "Pyongyang denied that it sold …", "Moscow rejects claims that it received …": a cue
    // governing the complement clause.
    if start >= 2 && v.is(start - 1, &["that"]) {
        for k in (start.saturating_sub(3)..start - 1).rev() {
            if let Some((n, m)) = cue_at(v, k).filter(|&(n, _)| k + n < start) {
                return (m, Some(v.span_of(k, k + n - 1)));
            }
            if v.word(k).is_none() {
                break;
            }
        }
    }
    if let Some(end) = phrase_end {
        for i in end + 1..(end + 4).min(v.len()) {
            if let Some((n, m)) = cue_at(v, i) {
                return (m, Some(v.span_of(i, i + n - 1)));
            }
            if v.word(i).is_none() {
                break;
            }
        }
    } else if first > 0 && v.is(first - 1, &["to"]) && !purpose_of_use(v, first - 1, start) {
        return (Modality::Hypothetical, Some(v.span_of(first - 1, first - 1)));
    } else if first > 0 && v.is(first - 1, &["against"]) && v.word(first).is_some_and(|w| w.ends_with("ing"))
    {
        // "warned Beijing against supplying arms": what one is warned against has not happened.
        return (Modality::Hypothetical, Some(v.span_of(first - 1, first - 1)));
    } else if let Some(subject) = fronted_subject(v, first, last, v.len().saturating_sub(1)) {
        // "By gaining munitions from Iran, Russia could stay in the fight": a gerund that
        // opens the sentence is as sure as the main clause, whose modal follows its subject.
        for i in subject + 1..(subject + 3).min(v.len()) {
            if let Some((n, m)) = cue_at(v, i) {
                return (m, Some(v.span_of(i, i + n - 1)));
            }
        }
    }
    weak.unwrap_or((Modality::Asserted, None))
}

/// Whether the "to" at `to` opens the purpose of a use ("used ATACMS missiles to strike",
/// "using drones to attack"): the use is stated, and with it what it did. Only the object
/// phrase, hyphens included ("U.S.-supplied ATACMS"), may stand between the verb and "to".
fn purpose_of_use(v: &View, to: usize, start: usize) -> bool {
    (to.saturating_sub(6).max(start)..to)
        .rev()
        .take_while(|&k| v.punct(k).is_none_or(|c| c == '-'))
        .any(|k| v.is(k, &["used", "uses", "using", "employed", "employs", "employing"]))
}

fn cue_at(v: &View, i: usize) -> Option<(usize, Modality)> {
    let cues = &v.doc.lexicon.modality;
    // Asked of every token back to the clause's start: most are turned away by the filter.
    if !v.may_begin(cues, i) {
        return None;
    }
    v.phrases(cues, i).next()
}

/// A denial after the relation's clause: "…, a claim Pyongyang denied", "…, which Moscow has
/// rejected". Returns the span of the denying clause and of its cue.
pub(crate) fn denial_after(v: &View, from: usize) -> Option<(Span, Span)> {
    let comma = (from..v.len()).find(|&i| v.punct(i) == Some(','))?;
    let mut i = comma + 1;
    if v.is(i, &["a", "an", "the"]) {
        i += 1;
    }
    if !v.is(
        i,
        &["claim", "claims", "allegation", "allegations", "charge", "charges", "report", "reports", "which"],
    ) {
        return None;
    }
    let end = (i + 1..(i + 6).min(v.len()))
        .find(|&k| v.is(k, &["denied", "denies", "rejected", "rejects", "disputed"]))?;
    Some((v.span_of(comma + 1, end), v.span_of(end, end)))
}
