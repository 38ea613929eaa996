//! What the engine can tell of a sentence before it builds the sentence's view: whether
//! any rule can find a relation in it. Most sentences with a trigger word yield none, and a
//! view costs far more than these tests, which read only the raw text, the sentence's
//! entities and the gate's hits.
//!
//! Every test here is a necessary condition read from the rules' code: a sentence it rules
//! out yields no relation however it is worded. A rule that takes a party from further away,
//! or a new frame, must widen them (DESIGN.md, "For the relation engine"); the engine's tests
//! read documents with and without the skip and compare.

use super::args::{JOINING_WORDS, SUBJECT_PRONOUN_WORDS};
use super::engine::ANAPHORA_WINDOW;
use super::gate::{Hits, Reach};
use super::lexicon::Frame;
use super::rules::{
    Memory, BETWEEN as BETWEEN_WORDS, DESTINATION as DESTINATION_WORDS, FROM as FROM_WORDS,
    POSSESSIVE_PRONOUNS, TARGET_PREPOSITIONS, TO as TO_WORDS, WITH,
};
use super::RelationKind;
use crate::entity::{Entity, EntityKind};
use crate::gazetteer::SurfaceRole;
use crate::span::Span;
use crate::tokenize::is_word_char;

/// Whether the sentence `span`, which holds trigger words at `hits` whose phrases reach
/// `reach` but no title word, can yield a relation: asked before its view is built, from
/// what is known without it. `entities` are the document's from the sentence's first on.
/// Both [`sentence_may_relate`] and, for one of its trigger words, [`trigger_may_yield`]
/// must say so.
pub(super) fn may_relate(
    text: &str,
    span: Span,
    entities: &[Entity],
    hits: &[usize],
    reach: &[Reach],
    memory: &[Memory],
    gear: &Gear,
) -> bool {
    let names = Names::of(span, entities);
    let recalled_attack = || {
        memory
            .iter()
            .rev()
            .take_while(|m| span.start.saturating_sub(m.at) < ANAPHORA_WINDOW)
            .any(|m| m.kind == RelationKind::Attack)
    };
    if !sentence_may_relate(text, span, entities, &names, reach, memory) {
        return false;
    }
    let unsaid = gear.unsaid(span, &names, reach.iter().fold(0, |a, r| a | r.frames));
    // A sentence with a Kelvin sign loses no frame (see `Gear::unsaid`); asked last.
    let unsaid = if unsaid != 0 && kelvin_in(text, span) { 0 } else { unsaid };
    hits.iter().zip(reach).any(|(&at, &r)| {
        let r = Reach { frames: r.frames & !unsaid, ..r };
        r.frames != 0 && trigger_may_yield(text, span, entities, at, r, &names, &recalled_attack)
    })
}

/// Where the gate found the first words of materiel phrases of class head or weak head in
/// the document (`gate::Hits::items`).
pub(super) struct Gear<'h> {
    pub items: &'h [usize],
    /// Whether they are all the view's such words (`gate::Hits::items_known`).
    pub known: bool,
}

/// The frames whose rules find nothing without an item (`supply::apply`: every supply frame
/// but "arm", whose items may go unsaid), as bits of `Reach::frames`.
const NEED_ITEMS: u32 = frame_bits(&[
    Frame::Give,
    Frame::Receive,
    Frame::Use,
    Frame::NounGive,
    Frame::NounReceive,
    Frame::NounDeal,
]);

/// The bits of `list` in `Reach::frames`.
const fn frame_bits(list: &[Frame]) -> u32 {
    let (mut bits, mut i) = (0, 0);
    while i < list.len() {
        bits |= 1 << list[i] as u32;
        i += 1;
    }
    bits
}

impl Gear<'_> {
    /// Of the frames `frames`, those that cannot yield in the sentence `span`, whose names
    /// are `names`, for want of an item. An item is a named weapon or begins on a word that
    /// begins a materiel phrase of class head or weak head (`items::items_into`: a phrase
    /// without a head is none, and a weak head counts only as one). The gate reports each
    /// such first word where the view reads it but where the view lowers a Kelvin sign
    /// (U+212A), the one character but ASCII capitals that lowers to an ASCII letter:
    /// [`may_relate`] reads a sentence with one as if it lost no frame.
    ///
    /// (A deployment needs a troop word (`deploy::troops_may_be_near`), but the gate's
    /// keywords for them cost the matcher more than the views they spared.)
    fn unsaid(&self, span: Span, names: &Names, frames: u32) -> u32 {
        if frames & NEED_ITEMS == 0 || !self.known || names.weapon || Hits::holds(self.items, span) {
            return 0;
        }
        NEED_ITEMS
    }
}

/// Whether the sentence `span` holds a Kelvin sign, which the view lowers to "k".
fn kelvin_in(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes().get(span.start..span.end.min(text.len())).unwrap_or_default();
    // The sign's last byte is rare in news; its other two are those of curly quotes.
    bytes.contains(&0xAA) && bytes.windows(3).any(|w| w == "\u{212A}".as_bytes())
}

/// What [`may_relate`] reads of a sentence's names, in one pass over them.
struct Names<'e, 'a> {
    /// A name that is no weapon's, if there is one.
    one: Option<&'e Entity<'a>>,
    /// Whether two names that are no weapon's name different entities.
    two: bool,
    /// How many names are no weapon's.
    count: usize,
    /// Whether one of them is a weapon's, or a demonym (an item's maker).
    weapon: bool,
    demonym: bool,
    /// The start of the last name of each group of kinds, by mention kind (a capital read as
    /// a place is still a state's: its mention kind is `place`): any name, states and
    /// places, targets (states, places, organizations), persons.
    last_any: Option<usize>,
    last_state_or_place: Option<usize>,
    last_target: Option<usize>,
    last_person: Option<usize>,
    /// The start of the first place.
    first_place: Option<usize>,
}

impl<'e, 'a> Names<'e, 'a> {
    fn of(span: Span, entities: &'e [Entity<'a>]) -> Names<'e, 'a> {
        let mut n = Names {
            one: None,
            two: false,
            count: 0,
            weapon: false,
            demonym: false,
            last_any: None,
            last_state_or_place: None,
            last_target: None,
            last_person: None,
            first_place: None,
        };
        for e in entities.iter().take_while(|e| e.span.start < span.end) {
            let at = Some(e.span.start);
            n.last_any = at;
            n.demonym |= e.role == SurfaceRole::Demonym;
            match e.kind {
                // A mention's kind is its entry's but for a capital read as a place, never a
                // weapon.
                EntityKind::Weapon => {
                    n.weapon = true;
                    continue;
                }
                EntityKind::State => {
                    n.last_state_or_place = at;
                    n.last_target = at;
                }
                EntityKind::Place => {
                    n.last_state_or_place = at;
                    n.last_target = at;
                    n.first_place = n.first_place.or(at);
                }
                EntityKind::Organization => n.last_target = at,
                EntityKind::Person => n.last_person = at,
            }
            n.count += 1;
            match n.one {
                Some(o) if o.id != e.id => n.two = true,
                _ => n.one = Some(e),
            }
        }
        n
    }
}

/// Whether a sentence can yield a relation by its names, pronouns and the relations stated
/// before it (see [`may_relate`]).
///
/// Every relation has two required roles, which no weapon fills (the role table), filled by
/// different entities: supply, deployment and attack pairs skip a party that is the other,
/// and meetings and agreements need two names. The rules find their parties among the
/// sentence's names, the antecedents of its pronouns (within the sentence or before it), the
/// parties of the supply or attack recalled by a definite noun ("The strikes continued"), a
/// state named before the sentence as an attacker whose target the sentence names ("The
/// strikes hit Kyiv") and the maker named before the sentence of a weapon it names (its
/// supplier). An arms deal pairs the two names after "between" even where both name one
/// entity. So a sentence without a pronoun and without a relation to recall yields none
/// with fewer than two names of different entities, but for an attack, a named weapon or a
/// deal. Without a name that is no weapon's, it yields none without a relation to recall,
/// but for a named weapon and a pronoun: its maker is the only party no rule needs a name of
/// the sentence for (a meeting's pair, a deployment's destination, an attack's target, the
/// recipient of a gift and the supplier of what is received or used are read from names).
fn sentence_may_relate(
    text: &str,
    span: Span,
    entities: &[Entity],
    names: &Names,
    reach: &[Reach],
    memory: &[Memory],
) -> bool {
    if names.two {
        return true;
    }
    let (one, weapon) = (names.one, names.weapon);
    let reach = reach.iter().fold(Reach::default(), |a, &b| a.union(b));
    if names.count >= 2 && reach.deal || one.is_some() && (weapon || reach.attack) {
        return true;
    }
    let recalled = |m: &Memory| {
        reach.attack && m.kind == RelationKind::Attack
            || reach.recalls_supply && m.kind == RelationKind::Supply
    };
    let mut window = memory.iter().rev().take_while(|m| span.start.saturating_sub(m.at) < ANAPHORA_WINDOW);
    // Without a name, a pronoun finds only a weapon's recipient: every rule reads its other
    // parties (or the pair of a meeting) from names, but the supplier of a weapon.
    let own = entities.iter().take_while(|e| e.span.start < span.end);
    window.any(recalled) || (one.is_some() || weapon) && pronoun_in(text, span, own)
}

/// Whether a phrase of one of the frames `reach` holds, at the trigger word at `at`, can
/// yield a relation in the sentence `span`, whose names are `names` (`entities` are the
/// document's from the sentence's first on); `recalled_attack` says whether an attack was
/// stated within the anaphora window before it. What each frame's rule needs, read from its
/// code. A name "after" the trigger starts after its first byte, a superset of the tokens
/// after its last; a word "within n" of the trigger is one of the view's tokens at most n
/// after the phrase's last, so within `longest - 1 + n` tokens after its first
/// ([`word_within`]); a word "after" it is one anywhere after its first byte.
///
/// - give, arm (`supply::apply`): a name after the trigger (the recipient of "sent drones
///   to Russia", the giver of "were sent by Iran").
/// - receive, use (`supply::frames`): a supplier: an item's maker, a demonym before the
///   phrase (`items::origin_before`) or the maker of a named weapon; or for a receipt a
///   name after "from" after the trigger or after a phrase that ends in "to" ("turned to"),
///   for a use a state after "from" right after the item, which may stand before the verb
///   (`supply::source_of_use`): "from" and a state in the sentence.
/// - noun-deal: a name after "between" or "among" within two.
/// - send, noun-deploy (`deploy::fill`): a destination, a state or place after the trigger
///   after one of its prepositions within nine (within two of the troops, which stand at
///   most six after the trigger, or of the trigger).
/// - visit, host (`symmetric::apply`): a name within five (`args::phrase_at` skips up to
///   four words before it), and a state (visited) or person (hosted) after the verb (the
///   head of the name's phrase may stand further on).
/// - noun-visit: "to" within three, and a state after it.
/// - launch (`attack::fill`): one of its target's first five prepositions after the trigger
///   and a state, place or organization after it, or the attack stated before.
/// - noun-attack: one of its target's prepositions within three and a state, place or
///   organization after the trigger, a place right before the noun, or the attack stated
///   before.
/// - noun-meet, noun-pact (`symmetric::apply`): "between" or "among" within two (the pair
///   after it) or "with" within three (the other party), or a name with a joining word or a
///   hyphen after it (a hyphen pair, "X and Y's", a coordinated pair: see
///   [`pair_may_follow`]).
/// - meet, strike, noun-give, noun-receive: no condition beyond the sentence's.
///
/// Every supply frame but arm also needs an item in the sentence (`supply::apply`), which
/// [`may_relate`] asks of the sentence once, before this, taking the frames out of `reach`
/// ([`Gear::unsaid`]).
fn trigger_may_yield(
    text: &str,
    span: Span,
    entities: &[Entity],
    at: usize,
    reach: Reach,
    names: &Names,
    recalled_attack: &dyn Fn() -> bool,
) -> bool {
    let may = |frame: Frame| reach.may_be(frame);
    if may(Frame::Meet) || may(Frame::Strike) || may(Frame::NounGive) || may(Frame::NounReceive) {
        return true;
    }
    let after = |last: Option<usize>| last.is_some_and(|s| s > at);
    let (any_after, state_after) = (after(names.last_any), after(names.last_state_or_place));
    let maker = names.weapon || names.demonym;
    if (may(Frame::Give) || may(Frame::Arm)) && any_after || (may(Frame::Receive) || may(Frame::Use)) && maker
    {
        return true;
    }
    let end = span.end.min(text.len());
    let bytes = text.as_bytes();
    // (A longest of 255 stands for any more: every token after the trigger is within.)
    let units = |n: usize| match reach.longest {
        u8::MAX => usize::MAX,
        longest => usize::from(longest).saturating_sub(1) + n,
    };
    let within = |n: usize, words: &[u64]| word_within(bytes, entities, at, end, units(n), words, |_| false);
    // The name after a verb (`args::phrase_at`, which skips up to four words before it).
    let name_within = |n: usize| word_within(bytes, entities, at, end, units(n), &[], |_| true);
    let target_after = after(names.last_target);
    if (may(Frame::Send) || may(Frame::NounDeploy)) && state_after && within(9, &DESTINATION)
        || (may(Frame::Visit) && state_after || may(Frame::Host) && after(names.last_person))
            && name_within(5)
    {
        return true;
    }
    let launch = || target_after && word_between(bytes, at, end, &AT[..2 * 5]);
    if may(Frame::Launch) && (launch() || recalled_attack())
        || may(Frame::NounAttack)
            && (target_after && within(3, &AT)
                || names.first_place.is_some_and(|s| s < at)
                || recalled_attack())
        || may(Frame::NounVisit) && state_after && within(3, &TO)
        || may(Frame::NounDeal) && any_after && within(2, &BETWEEN)
    {
        return true;
    }
    if (may(Frame::NounMeet) || may(Frame::NounPact))
        && (pair_may_follow(text, end, entities) || within(3, &BETWEEN_OR_WITH))
    {
        return true;
    }
    // The suppliers after the verb.
    let from = || word_between(bytes, at, end, &FROM);
    // What is used may stand before its verb, with the state it came from ("drones from
    // Iran that Russia used").
    let used_from = || names.last_state_or_place.is_some() && word_between(bytes, span.start, end, &FROM);
    may(Frame::Receive) && any_after && (from() || within(0, &TO)) || may(Frame::Use) && used_from()
}

/// The prepositions before a target (`attack::AT`), packed: those of more than eight bytes
/// by their last eight, as [`word_within`] packs runs.
const AT: [u64; 2 * TARGET_PREPOSITIONS.len()] = pack(&[TARGET_PREPOSITIONS]);

/// "to" of a visit (`symmetric::TO`), packed.
const TO: [u64; 2 * TO_WORDS.words.len()] = pack(&[TO_WORDS.words]);

/// The prepositions of a deployment's destination (`deploy::DESTINATION`), packed.
const DESTINATION: [u64; 2 * DESTINATION_WORDS.words.len()] = pack(&[DESTINATION_WORDS.words]);

/// "from" before a supplier or where a used item came from (`supply::FROM`), packed.
const FROM: [u64; 2 * FROM_WORDS.words.len()] = pack(&[FROM_WORDS.words]);

/// "between" and "among" (`supply::between`), packed.
const BETWEEN: [u64; 2 * BETWEEN_WORDS.words.len()] = pack(&[BETWEEN_WORDS.words]);

/// The words of [`BETWEEN`] and "with" (`symmetric::WITH`), packed.
const BETWEEN_OR_WITH: [u64; 2 * (BETWEEN_WORDS.words.len() + WITH.words.len())] =
    pack(&[BETWEEN_WORDS.words, WITH.words]);

/// The words that join names (`args::joins_names`), packed.
const JOINING: [u64; 2 * JOINING_WORDS.len()] = pack(&[JOINING_WORDS]);

/// The lists `lists`, one after the other, each word [`packed`] and then packed with an "n"
/// after it (the view takes the "n" off before "n't": "withn't" gives "with"), as
/// [`is_one_of`] compares them; `N` is twice their total length.
const fn pack<const N: usize>(lists: &[&[&str]]) -> [u64; N] {
    let mut all = [0; N];
    let (mut k, mut n) = (0, 0);
    while k < lists.len() {
        let mut i = 0;
        while i < lists[k].len() {
            all[n] = packed(lists[k][i].as_bytes());
            all[n + 1] = all[n] << 8 | b'n' as u64;
            (i, n) = (i + 1, n + 2);
        }
        k += 1;
    }
    all
}

/// Whether the office rule (`office::offices`) may find a title next to a person in the
/// sentence `span`: a title must end on a head word, which the gate reports (`titles`, from
/// the sentence's start on), and stand in the run of at most nine tokens before the person
/// (and a comma), so that the head is at most ten tokens before the person; or after the
/// person and a comma right after it, past at most four words, in a run of at most eight
/// tokens, so that the head is at most thirteen tokens after the person. Tokens are counted
/// as [`word_within`] counts them. `entities` are the document's from the sentence's first
/// on.
pub(super) fn office_may(text: &str, span: Span, entities: &[Entity], titles: &[usize]) -> bool {
    let bytes = text.as_bytes();
    let end = span.end.min(bytes.len());
    let titles = &titles[..titles.iter().take_while(|&&h| h < end).count()];
    let own = entities.iter().take_while(|e| e.span.start < end);
    own.filter(|e| e.kind == EntityKind::Person).any(|p| {
        let comma = || joint_at(text, p.span.end, end) == Joint::Comma;
        titles.iter().any(|&h| {
            h < p.span.start && reaches_within(bytes, entities, h, true, p.span.start, 10)
                || h >= p.span.end && comma() && reaches_within(bytes, entities, p.span.end, false, h, 13)
        })
    })
}

/// Whether the token at `target` (a word or a name that starts there) is at most `units`
/// tokens after the token that ends at `from` (`counted`) or starts there (not `counted`),
/// counted as [`word_within`] counts them.
fn reaches_within(
    bytes: &[u8],
    entities: &[Entity],
    from: usize,
    counted: bool,
    target: usize,
    units: usize,
) -> bool {
    let end = target.min(bytes.len());
    let own = entities.iter().take_while(|e| e.span.start <= end);
    // A name that starts at `from` is the next unit when the one before ends there.
    let mut next = own
        .clone()
        .position(|e| e.span.start > from || !counted && e.span.start == from)
        .unwrap_or_else(|| own.count());
    let start_of = |next: usize| entities.get(next).map_or(usize::MAX, |e| e.span.start);
    let mut name_at = start_of(next);
    let (mut unit, mut counted) = (0, counted);
    let mut pos = from;
    while pos <= end {
        if pos == name_at {
            // A name is a unit of its own.
            if pos >= target {
                return unit < units;
            }
            unit += 1;
            if unit > units {
                return false;
            }
            pos = entities[next].span.end.max(pos + 1);
            while entities.get(next).is_some_and(|e| e.span.start < pos) {
                next += 1;
            }
            name_at = start_of(next);
            counted = false;
            continue;
        }
        if pos >= target {
            return unit + usize::from(!counted) <= units;
        }
        // (Past the text only for a target past it.)
        let Some(&b) = bytes.get(pos) else { return false };
        if b.is_ascii_alphanumeric() {
            if !counted {
                unit += 1;
                if unit > units {
                    return false;
                }
                counted = true;
            }
        } else {
            counted &= !matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        }
        pos += 1;
    }
    false
}

/// Whether the view of a sentence that ends at `end` may hold a name followed by a token
/// that joins names (a comma, or a word of [`JOINING`]) or by a hyphen: what
/// `symmetric::pair_may_follow` asks before it reads a coordinated pair, and what a hyphen
/// pair ("the Putin-Kim summit") and a pair of possessors ("Putin and Kim's talks",
/// `Ctx::possessor`) have. `entities` are the document's from the sentence's first on: each
/// of them that the view makes a token is followed by the token [`joint_at`] reads.
fn pair_may_follow(text: &str, end: usize, entities: &[Entity]) -> bool {
    entities.iter().take_while(|e| e.span.start < end).any(|e| joint_at(text, e.span.end, end) != Joint::None)
}

/// What the first token the view makes after a name may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joint {
    /// None that joins names, nor a hyphen.
    None,
    /// A word of [`JOINING`] or a hyphen: no comma.
    Joins,
    /// A comma, or a token these bytes cannot tell, which may be any.
    Comma,
}

/// What the first token the sentence view makes at or after `pos` (and before `end`) may be,
/// as the view's tokenizer reads the text: spaces, quotation marks, apostrophes before no
/// word, and the characters that are no word character and no punctuation it keeps are
/// skipped; its punctuation is a token of its own; a word there begins with the run of ASCII
/// letters and digits at its start (the view joins more to it, never less, but where it
/// takes an "n" off before "'t"), and a word that begins with another character is none of
/// [`JOINING`] (no character but the Kelvin sign lowers to an ASCII letter, and they have no
/// "k"). Errs towards a joint: a name that starts there is a token too, read here as a word.
fn joint_at(text: &str, mut pos: usize, end: usize) -> Joint {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    while pos < end {
        let b = bytes[pos];
        if b.is_ascii_alphanumeric() {
            let run = run_at(bytes, pos, end);
            return if is_one_of(run, &JOINING) { Joint::Joins } else { Joint::None };
        }
        // An apostrophe before a word character begins a token (a possessive, a word), and
        // before anything else is dropped.
        let apostrophe = match b {
            b'\'' => Some(1),
            0xE2 if bytes.get(pos + 1..pos + 3) == Some(&[0x80, 0x99][..]) => Some(3),
            _ => None,
        };
        if let Some(len) = apostrophe {
            match bytes.get(pos + len) {
                Some(c) if c.is_ascii_alphanumeric() => return Joint::None,
                Some(&c) if !c.is_ascii() => return Joint::Comma,
                _ => {}
            }
            pos += len;
            continue;
        }
        if b.is_ascii() {
            match b {
                b',' => return Joint::Comma,
                b'-' => return Joint::Joins,
                b';' | b':' | b'(' | b')' | b'.' | b'?' | b'!' | b'/' => return Joint::None,
                _ => {}
            }
            pos += 1;
            continue;
        }
        let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) else { return Joint::Comma };
        if is_word_char(c) || matches!(c, '—' | '–') {
            return Joint::None;
        }
        pos += c.len_utf8();
    }
    Joint::None
}

/// Whether one of the view's tokens at most `units` after the one at `at` may be a word of
/// `words` (packed) or a name that `name` accepts. The text from `at` is read as units: stretches between white space,
/// cut where a name begins and ends; a name is one unit, and so is a stretch with an ASCII
/// letter or digit, and the stretch at `at` (the trigger's). No token of the view spans two
/// units (its words and punctuation hold no white space, its names are the names), and a
/// unit of either sort holds one at least, so the tokens of the n-th unit after the
/// trigger's are n or more after its token. A word of `words` in the view is a run of ASCII
/// letters and digits of the text between bytes that are none (see [`joint_at`] for why),
/// outside the names. `entities` are the document's from the sentence's first on.
fn word_within(
    bytes: &[u8],
    entities: &[Entity],
    at: usize,
    end: usize,
    units: usize,
    words: &[u64],
    name: impl Fn(&Entity) -> bool,
) -> bool {
    let end = end.min(bytes.len());
    let own = entities.iter().take_while(|e| e.span.start < end);
    let mut next = own.clone().position(|e| e.span.start > at).unwrap_or_else(|| own.count());
    // Where the next name starts (`end` if none does before it), kept in hand: asked at
    // every byte.
    let start_of = |next: usize| entities.get(next).map_or(end, |e| e.span.start.min(end));
    let mut name_at = start_of(next);
    let (mut unit, mut counted, mut run) = (0, true, 0u64);
    let mut pos = at;
    while pos < end {
        if pos == name_at {
            if run != 0 && is_one_of(run, words) {
                return true;
            }
            run = 0;
            unit += 1;
            if unit > units || name(&entities[next]) {
                return unit <= units;
            }
            // A name the one before overlaps is no token.
            pos = entities[next].span.end.max(pos + 1);
            while entities.get(next).is_some_and(|e| e.span.start < pos) {
                next += 1;
            }
            name_at = start_of(next).max(pos);
            counted = false;
            continue;
        }
        let b = bytes[pos];
        let c = LOWER_ALPHANUMERIC[usize::from(b)];
        if c != 0 {
            if !counted {
                unit += 1;
                if unit > units {
                    return false;
                }
                counted = true;
            }
            run = run << 8 | u64::from(c);
        } else {
            if run != 0 && is_one_of(run, words) {
                return true;
            }
            run = 0;
            counted &= !matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        }
        pos += 1;
    }
    run != 0 && is_one_of(run, words)
}

/// The run of ASCII letters and digits at `pos` (before `end`), lowered and packed as
/// [`packed`] packs a word (a run of more than eight bytes keeps its last eight).
fn run_at(bytes: &[u8], pos: usize, end: usize) -> u64 {
    let mut run = 0u64;
    for &b in bytes.get(pos..end).unwrap_or_default() {
        let c = LOWER_ALPHANUMERIC[usize::from(b)];
        if c == 0 {
            break;
        }
        run = run << 8 | u64::from(c);
    }
    run
}

/// Whether the packed run `run` is one of `words` ([`pack`]ed: each word, and it with an "n"
/// after it). Runs and words of more than eight bytes are compared by their last eight,
/// which errs towards yes.
fn is_one_of(run: u64, words: &[u64]) -> bool {
    words.contains(&run)
}

/// Whether the sentence view of `bytes[from..to]` may hold a word of `words` (packed, each of
/// up to seven bytes): a run of ASCII letters and digits between bytes that are none is one
/// of them, or one of them and an "n" (see [`joint_at`] for why the view's words are found
/// so). Each byte is read once, through a table: the run so far is kept lowered in a `u64`
/// and compared where it ends (a test of the run at every byte cost five times as much).
fn word_between(bytes: &[u8], from: usize, to: usize, words: &[u64]) -> bool {
    let Some(stretch) = bytes.get(from..to) else { return false };
    let mut run = 0u64;
    for &b in stretch {
        let c = LOWER_ALPHANUMERIC[usize::from(b)];
        if c != 0 {
            run = run << 8 | u64::from(c);
        } else if run != 0 {
            if is_one_of(run, words) {
                return true;
            }
            run = 0;
        }
    }
    run != 0 && is_one_of(run, words)
}

/// The pronouns the rules resolve to a name: subjects (`args::subject_except`) and
/// possessives (`Ctx::possessor`), from the lists those read.
const PRONOUNS: [&str; SUBJECT_PRONOUN_WORDS.len() + POSSESSIVE_PRONOUNS.len()] = {
    let mut all = [""; SUBJECT_PRONOUN_WORDS.len() + POSSESSIVE_PRONOUNS.len()];
    let mut i = 0;
    while i < SUBJECT_PRONOUN_WORDS.len() {
        all[i] = SUBJECT_PRONOUN_WORDS[i];
        i += 1;
    }
    while i < all.len() {
        all[i] = POSSESSIVE_PRONOUNS[i - SUBJECT_PRONOUN_WORDS.len()];
        i += 1;
    }
    all
};

/// Whether the sentence view of `span` may hold a word of [`PRONOUNS`]; `entities` are the
/// names that start in it. Such a word is written in ASCII letters (no other character
/// lowers to them) and stands between bytes that are no ASCII letters or digits, but where
/// the view cuts a run of them: at the span's ends, where a name begins or ends, and before
/// "n't" ("hen't" gives "he"). So a run between such bytes and names that is no pronoun,
/// nor one and an "n", holds none.
fn pronoun_in<'e, 'a: 'e>(text: &str, span: Span, entities: impl Iterator<Item = &'e Entity<'a>>) -> bool {
    let bytes = text.as_bytes();
    let end = span.end.min(bytes.len());
    let mut from = span.start;
    for e in entities {
        // An entity the one before overlaps is read as the view reads it: not at all.
        if e.span.start < from {
            continue;
        }
        if pronoun_between(bytes, from, e.span.start.min(end)) {
            return true;
        }
        from = e.span.end;
    }
    pronoun_between(bytes, from, end)
}

/// Whether a run of ASCII letters and digits in `bytes[from..to]` is one of [`PRONOUNS`],
/// or one of them and an "n" ([`word_between`]).
fn pronoun_between(bytes: &[u8], from: usize, to: usize) -> bool {
    /// [`PRONOUNS`], packed.
    const PACKED: [u64; 2 * PRONOUNS.len()] = pack(&[&PRONOUNS]);
    word_between(bytes, from, to, &PACKED)
}

/// Each byte lowered if it is an ASCII letter, itself if it is a digit, else 0.
const LOWER_ALPHANUMERIC: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// A word of up to eight bytes, the first in the highest used byte of a `u64`.
const fn packed(word: &[u8]) -> u64 {
    let mut x = 0;
    let mut i = 0;
    while i < word.len() {
        x = x << 8 | word[i] as u64;
        i += 1;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces, each followed by a space where `spaces` says so.
    fn joined(pieces: &[&str], spaces: &[bool]) -> String {
        let mut text = String::new();
        for (piece, space) in pieces.iter().zip(spaces) {
            text.push_str(piece);
            if *space {
                text.push(' ');
            }
        }
        text
    }

    proptest::proptest! {
        /// Every word of the sentence view that is one of [`PRONOUNS`] is found by
        /// [`pronoun_in`] in the raw text.
        #[test]
        fn pronouns_of_the_view_are_found_in_the_text(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "he", "He", "HE", "she", "it", "its", "they", "their", "her", "his", "hen", "hen't",
                "hen’t", "itn't", "the", "then", "them", "hi", "Putin", "Iran", "Iranian", "Kim",
                "it's", "it’s", "’s", "'", "’", "-", "2", "he2", "x", "é", "İt", "\u{212A}", "\u{301}",
                "—", "“", ".", ",", " ", "\n", "_", "#", "10,000", "medium-range",
            ]), 0..30),
            spaces in proptest::collection::vec(proptest::bool::ANY, 30),
        ) {
            let text = joined(&pieces, &spaces);
            crate::relation::view::with_view(&text, |v| {
                let has = (0..v.len()).any(|i| v.word(i).is_some_and(|w| PRONOUNS.contains(&w)));
                let found = pronoun_in(&text, v.span, v.doc.entities.iter());
                proptest::prop_assert!(found || !has, "{:?}", text);
                Ok(())
            })?;
        }
    }

    /// The packed forms of `words`, as [`is_one_of`] compares them.
    fn packed_all(words: &[&str]) -> Vec<u64> {
        words.iter().map(|w| packed(w.as_bytes())).flat_map(|w| [w, w << 8 | u64::from(b'n')]).collect()
    }

    /// The word lists the conditions of [`trigger_may_yield`] look for: the rules' own.
    fn lists() -> [Vec<&'static str>; 7] {
        [
            BETWEEN_WORDS.words.to_vec(),
            [BETWEEN_WORDS.words, WITH.words].concat(),
            TARGET_PREPOSITIONS.to_vec(),
            TO_WORDS.words.to_vec(),
            FROM_WORDS.words.to_vec(),
            DESTINATION_WORDS.words.to_vec(),
            JOINING_WORDS.to_vec(),
        ]
    }

    /// The text readers answer for offsets past the text or inside a character too.
    #[test]
    fn text_readers_do_not_panic_anywhere() {
        let text = "Iran’s pact é, with Russia";
        let x = crate::Extractor::default();
        let entities = x.extract(text).entities;
        let bytes = text.as_bytes();
        for a in 0..text.len() + 3 {
            for b in 0..text.len() + 3 {
                let _ = reaches_within(bytes, &entities, a, a % 2 == 0, b, 3);
                let _ = word_within(bytes, &entities, a, b, 3, &BETWEEN_OR_WITH, |_| true);
                let _ = word_between(bytes, a, b, &JOINING);
                let _ = joint_at(text, a, b);
            }
        }
    }

    /// The packed lists are the rules' lists, one word after the other.
    #[test]
    fn packed_lists_are_the_lists() {
        let mine: [&[u64]; 7] = [&BETWEEN, &BETWEEN_OR_WITH, &AT, &TO, &FROM, &DESTINATION, &JOINING];
        for (list, packed) in lists().iter().zip(mine) {
            assert_eq!(packed_all(list), packed, "{list:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// What [`joint_at`], [`word_within`] and [`word_between`] read from the text is a
        /// superset of what the sentence view has: every name followed by a joining token or a
        /// hyphen has a joint, every word of a list within so many tokens of a word (and after
        /// it) is found within so many units, and every name within so many tokens too.
        #[test]
        fn words_of_the_view_are_found_in_the_text(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Iran", "Russia", "Kyiv", "Kim Jong Un", "Shahed-136", "Iranian", "North Korean",
                "between", "among", "with", "WITH", "With", "withn't", "withn’t", "to", "from",
                "into", "in", "and", "And", "or", "both", "even", "the", "of", "targeting",
                "throughout", "talks", "pact", ",", "-", "’s", "'s", "’", "'", "“", "”", "—", "–",
                "\u{2010}", "é", "İt", "\u{212A}", "\u{301}", "10,000", "medium-range", "x", "\n",
                "\t", "\u{a0}", ";", "(", "#", ".", "Iran-Russia", "U.S.", "n't", "2",
            ]), 0..30),
            spaces in proptest::collection::vec(proptest::bool::ANY, 30),
        ) {
            let text = joined(&pieces, &spaces);
            let words = lists();
            let packed_lists: Vec<Vec<u64>> = words.iter().map(|l| packed_all(l)).collect();
            crate::relation::view::with_view(&text, |v| {
                let (bytes, entities, end) = (text.as_bytes(), v.doc.entities, v.span.end);
                for i in 0..v.len() {
                    if let Some(e) = v.entity(i) {
                        let joins = crate::relation::args::joins_names(v, i + 1) || v.punct(i + 1) == Some('-');
                        let joint = joint_at(&text, entities[e].span.end, end);
                        proptest::prop_assert!(!joins || joint != Joint::None, "{:?} after {}", text, i);
                        let comma = v.punct(i + 1) == Some(',');
                        proptest::prop_assert!(!comma || joint == Joint::Comma, "{:?} after {}", text, i);
                        // Every token after the name is within as many units of its end.
                        for k in i + 1..v.len() {
                            let target = v.tokens[k].span.start;
                            for units in k - i..=k - i + 1 {
                                let reached = reaches_within(bytes, entities, entities[e].span.end, false, target, units);
                                proptest::prop_assert!(reached, "{:?} {} to {} in {}", text, i, k, units);
                            }
                        }
                    }
                    if v.word(i).is_none() {
                        continue;
                    }
                    let at = v.tokens[i].span.start;
                    for (list, packed) in words.iter().zip(&packed_lists) {
                        let has = |t: usize| v.word(t).is_some_and(|w| list.contains(&w));
                        let after = (i + 1..v.len()).any(has);
                        proptest::prop_assert!(!after || word_between(bytes, at, end, packed), "{:?} {}", text, i);
                        for units in 0..7 {
                            let near = (i + 1..=i + units).any(has);
                            let found = word_within(bytes, entities, at, end, units, packed, |_| false);
                            proptest::prop_assert!(!near || found, "{:?} {} {:?} {}", text, i, list, units);
                        }
                    }
                    // Every token after the word is within as many units of it.
                    for k in i + 1..v.len() {
                        let target = v.tokens[k].span.start;
                        let reached = reaches_within(bytes, entities, at, true, target, k - i);
                        proptest::prop_assert!(reached, "{:?} {} to {}", text, i, k);
                    }
                    for units in 0..7 {
                        let near = (i + 1..=i + units).any(|t| v.entity(t).is_some());
                        let found = word_within(bytes, entities, at, end, units, &[], |_| true);
                        proptest::prop_assert!(!near || found, "{:?} {} name {}", text, i, units);
                    }
                }
                Ok(())
            })?;
        }
    }
}
