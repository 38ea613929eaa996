//! The engine: runs the rules over the sentences that hold names, judges modality, checks the
//! role table and turns drafts into [`Relation`]s.

use super::gate::{Gate, Hits, Reach};
use super::items::{items_into, Item};
use super::lexicon::Lexicon;
use super::modality::{denial_after, judge};
use super::roles::{Filler, RoleSpec};
use super::rules::{self, Arg, Ctx, Draft, Drafts, Memory, Recalled};
use super::skip::{may_relate, office_may, Gear};
use super::view::{Doc, Scratch, View};
use super::{Argument, Modality, Relation, RelationKind, Role, Rule};
use crate::entity::{Entity, EntityKind, Name};
use crate::gazetteer::{Date, Gazetteer};
use crate::matcher::Keyword;
use crate::span::Span;
use crate::tokenize::{sentences, sentences_into};

/// How far back (in bytes) "the strike" or "this arms transfer" may refer.
pub(crate) const ANAPHORA_WINDOW: usize = 1500;

/// What the engine needs besides the text and its entities.
pub(crate) struct Setup<'a> {
    pub gate: &'a Gate,
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a Lexicon,
    /// Canonical names by entry index.
    pub names: &'a [Name],
    pub date: Option<Date>,
}

/// Every relation of `text`, ordered by evidence; `keywords` are the matcher's finds of the
/// gate's words.
pub(crate) fn relations<'a>(
    text: &'a str,
    entities: &[Entity<'a>],
    keywords: &[Keyword],
    setup: &Setup<'a>,
) -> Vec<Relation<'a>> {
    let doc = Doc { text, entities, gazetteer: setup.gazetteer, lexicon: setup.lexicon };
    let mut kept = Kept::take();
    let mut found: Vec<Relation<'a>> = recycle(core::mem::take(&mut kept.found));
    let Kept { memory, lower, spans, buffers, hits, .. } = &mut kept;
    setup.gate.hits_into(text, keywords, hits);
    let Hits { triggers, reach, titles, items, items_known } = &*hits;
    let gear = Gear { items, known: *items_known };
    let mut candidates = Candidates {
        names: Cursor::new(entities, |e: &Entity| e.span.start),
        trigger_at: Cursor::new(triggers, |&h| h),
        title_at: Cursor::new(titles, |&h| h),
        entities,
        triggers,
        reach,
        gazetteer: setup.gazetteer,
    };
    let mut scratch = Scratch::default();
    // Only a line with a gate word can hold a candidate, so lines are found outward from the
    // hits instead of splitting the whole document: back to the line feed before a hit (or
    // to a full stop that ends a sentence for sure: the sentences before it hold no gate
    // word, so none is a candidate), and on to the one after it by the scan that splits the
    // line into sentences. The line itself is not asked whether it can hold a relation (none
    // of its sentences can if it cannot).
    let (mut next_trigger, mut next_title) = (0, 0);
    let mut from = 0;
    while let Some(at) = first_hit(triggers, &mut next_trigger, titles, &mut next_title, from) {
        let Some(end) = sentences_into(text, from, at, spans) else { break };
        from = end;
        for &s in spans.iter() {
            // A long stretch is cut into pieces only if it can hold a relation at all: cutting
            // searches each piece back for a space, which a text without spaces reads whole.
            // (No piece can hold a trigger or title word that the whole does not.)
            if s.len() > MAX_SENTENCE && matches!(candidates.test(s, memory), (false, false, ..)) {
                continue;
            }
            for s in bounded(text, s) {
                let (triggered, titled, first, hits, reach) = candidates.test(s, memory);
                // A title's rule needs a person next to a title word.
                let titles_from = &titles[candidates.title_at.at.min(titles.len())..];
                let titled = titled && (!skipping() || office_may(text, s, &entities[first..], titles_from));
                if !triggered && !titled {
                    continue;
                }
                if !titled
                    && skipping()
                    && !may_relate(text, s, &entities[first..], hits, reach, &memory.list, &gear)
                {
                    #[cfg(test)]
                    SKIPPED.with(|n| n.set(n.get() + 1));
                    continue;
                }
                let view = View::new(&doc, s, first, &mut scratch, lower);
                let got = Found { hits, titled, first };
                sentence(&view, &got, setup, memory, buffers, &mut found);
                view.recycle(&mut scratch);
            }
        }
    }
    // One allocation of the right size for the document's list, which grew a step at a
    // time when the sentences pushed to it; the kept list stays for the next document
    // (which `mem::take` would not leave it; `append` into a sized list counted 0.17% more).
    #[allow(clippy::drain_collect)]
    let mut out: Vec<Relation> = found.drain(..).collect();
    kept.found = recycle(found);
    kept.give_back();
    if let Some(date) = setup.date {
        on_date(&doc, setup, date, &mut out);
    }
    out.sort_by_key(order);
    out
}

/// The order of a document's relations: by evidence, then trigger, then kind.
fn order(r: &Relation) -> (usize, usize, RelationKind) {
    (r.span.start, r.trigger.start, r.kind)
}

/// What the engine reads a document with besides the view's scratch: a document then
/// costs no allocation for them once the thread's first documents have grown them (made
/// anew per document, their lists grew a step at a time, about a dozen allocations each).
#[derive(Default)]
struct Kept {
    memory: Memories,
    /// The normalized words of a view.
    lower: String,
    /// The sentences of a line.
    spans: Vec<Span>,
    buffers: Buffers,
    /// Where the gate's words are in the document.
    hits: Hits,
    /// The relations of the document as they are found; kept empty, as a list of relations
    /// that borrow nothing, since the next document's borrow another text (see [`recycle`]).
    found: Vec<Relation<'static>>,
}

/// The most elements of each of the kept lists (and bytes of `lower`) a thread keeps for
/// its next document: a document with more relations or a line with more sentences is
/// rare, and what it grew is freed, not held.
const KEEP: usize = 4096;

thread_local! {
    /// The lists of the thread's last document.
    static KEPT: core::cell::Cell<Option<Kept>> = const { core::cell::Cell::new(None) };
}

impl Kept {
    /// The thread's kept lists, empty, or new ones.
    fn take() -> Kept {
        KEPT.try_with(|k| k.take()).ok().flatten().unwrap_or_default()
    }

    /// Empties the lists and keeps those that stayed small for the thread's next document.
    fn give_back(self) {
        let Kept { mut memory, mut lower, mut spans, mut buffers, mut hits, mut found } = self;
        memory.list.clear();
        memory.fillers.clear();
        memory.suppliers.clear();
        lower.clear();
        spans.clear();
        found.clear();
        buffers.drafts.clear();
        buffers.items.clear();
        if memory.list.capacity() > KEEP || memory.fillers.capacity() > KEEP {
            memory = Memories::default();
        }
        if lower.capacity() > KEEP {
            lower = String::new();
        }
        if spans.capacity() > KEEP {
            spans = Vec::new();
        }
        // Emptied by the caller; a relation is larger than the other lists' elements.
        if found.capacity() > KEEP / 8 {
            found = Vec::new();
        }
        if buffers.items.capacity() > KEEP || buffers.drafts.capacity() > KEEP {
            buffers = Buffers::default();
        }
        // Filled anew by the next document; each list holds at most a hit per keyword.
        if hits.triggers.capacity() > KEEP || hits.items.capacity() > KEEP || hits.titles.capacity() > KEEP {
            hits = Hits::default();
        }
        let kept = Kept { memory, lower, spans, buffers, hits, found };
        // While the thread ends the slot may be gone, and the lists are freed.
        let _ = KEPT.try_with(|k| k.set(Some(kept)));
    }
}

/// `list`, emptied, as a list of another element type. For elements of one size and
/// alignment (relations borrowing different documents) the standard library collects the
/// mapped list into its own allocation, so the capacity goes with it: a kept list of
/// relations outlives the document its relations borrowed, without unsafe code.
fn recycle<T, U>(mut list: Vec<T>) -> Vec<U> {
    list.clear();
    list.into_iter().filter_map(|_| None).collect()
}

/// The buffers the engine keeps for the sentences of a document: a sentence then costs no
/// allocation for its drafts or items once the first few have grown them.
#[derive(Default)]
struct Buffers {
    /// The rules' drafts, empty between sentences.
    drafts: Drafts,
    /// The items of the sentence being read.
    items: Vec<Item>,
}

/// What the candidate test found in a sentence.
struct Found<'h> {
    /// The gate's trigger-word offsets inside it.
    hits: &'h [usize],
    /// Whether it holds a title word and a person.
    titled: bool,
    /// The index of its first entity (of those starting at or after its start).
    first: usize,
}

/// Reads one sentence, with what the candidate test found in it.
fn sentence<'a>(
    v: &View<'_, 'a>,
    got: &Found,
    setup: &Setup<'a>,
    memory: &mut Memories,
    buffers: &mut Buffers,
    out: &mut Vec<Relation<'a>>,
) {
    let Buffers { drafts, items } = buffers;
    items_into(v, items);
    let found: &[Item] = items;
    let cx =
        Ctx { v, items: found, memory: &memory.list, fillers: &memory.fillers, suppliers: &memory.suppliers };
    let start = out.len();
    // A trigger's drafts are finished as soon as its rule returns, while the view still
    // remembers the trigger's clause for modality; denials are finished last, as before.
    let mut denials = Vec::new();
    let keep = |d: &Draft, out: &mut Vec<Relation<'a>>| {
        let Some(r) = finish(v, setup, d) else { return };
        if !out[start..].iter().any(|o| same(o, &r)) {
            out.push(r);
        }
    };
    // A title must end on a head word, and the gate reports every head word.
    if got.titled {
        rules::offices(&cx, drafts);
        for d in drafts.list() {
            keep(d, out);
        }
        drafts.clear();
    }
    for &hit in got.hits {
        let Ok(i) = v.tokens.binary_search_by_key(&hit, |t| t.span.start) else { continue };
        if v.word(i).is_none() {
            continue;
        }
        // Only the longest trigger phrase at a position counts ("hand over", not "hand").
        let mut longest = 0;
        // A trigger word inside an item phrase names the item ("artillery shells").
        if found.iter().any(|it| it.first <= i && i <= it.last) {
            continue;
        }
        for (n, trigger) in v.phrases(&v.doc.lexicon.triggers, i) {
            if n < longest {
                break;
            }
            longest = n;
            let verbal = rules::is_verbal(trigger.frame);
            // "the launch" is no verb, "to deal with" no noun.
            if verbal && n == 1 && rules::used_as_noun(v, i) || !verbal && rules::used_as_verb(v, i) {
                continue;
            }
            rules::apply(&cx, trigger, i, i + n - 1, drafts);
            for d in drafts.list() {
                denials.extend(denial(v, d));
                keep(d, out);
            }
            drafts.clear();
        }
    }
    for d in &denials {
        keep(d, out);
    }
    for r in &out[start..] {
        let from = memory.fillers.len();
        if Recalled::is(r.kind) {
            entities_into(v, got.first, r, &mut memory.fillers);
        }
        if r.kind == RelationKind::Supply {
            for &(role, e) in &memory.fillers[from..] {
                let id = v.doc.entities[e].id.0;
                if role == Role::Supplier && !memory.suppliers.contains(&id) {
                    memory.suppliers.push(id);
                }
            }
        }
        memory.list.push(Memory { kind: r.kind, args: from..memory.fillers.len(), at: r.span.start });
    }
    // Sorted here, where the list is short (and after the memory, which keeps the order the
    // rules found them in), the document's list is sorted runs, which the final sort merges
    // in one pass instead of sorting a 100 MiB document's relations whole.
    out[start..].sort_by_key(order);
}

/// The relations found earlier in the document, and the entities that fill their roles.
#[derive(Default)]
struct Memories {
    list: Vec<Memory>,
    /// The runs [`Memory::args`] names.
    fillers: Vec<(Role, usize)>,
    /// The entry ids of the document's suppliers so far, each once: asked whenever a state
    /// might be a weapon's maker, which a search of `list` would make quadratic in a long
    /// document (there are no more than the gazetteer has states and groups).
    suppliers: Vec<u32>,
}

/// Appends the entities (by index) that fill the roles of `r` to `out`; `first` is the index
/// of the first entity of `v`'s sentence.
fn entities_into(v: &View, first: usize, r: &Relation, out: &mut Vec<(Role, usize)>) {
    let entity = |span: Span| entity_of(v.doc.entities, first, v.span, span);
    out.extend(r.args.iter().filter_map(|(role, a)| Some((*role, entity(a.span)?))));
}

/// The index of the entity of `entities` whose span is `span`; `first` is the index of the
/// first entity that starts in `sentence`. Most fillers are names of the sentence, whose
/// entities are few and begin at `first`: they are read in order there (a binary search of
/// the document's entities cost ten steps a filler), and only a filler from elsewhere (of a
/// relation recalled by "the strike") is searched for in the whole list.
#[inline(always)]
fn entity_of(entities: &[Entity], first: usize, sentence: Span, span: Span) -> Option<usize> {
    let e = if sentence.start <= span.start && span.start < sentence.end {
        let own = entities.get(first..).unwrap_or_default().iter();
        first + own.take_while(|e| e.span.start < sentence.end).position(|e| e.span.start == span.start)?
    } else {
        entities.binary_search_by_key(&span.start, |e| e.span.start).ok()?
    };
    (entities[e].span == span).then_some(e)
}

/// "…, a claim X denied" after a draft's trigger: a negated copy whose evidence is the
/// denying clause.
fn denial(v: &View, d: &Draft) -> Option<Draft> {
    if d.kind == RelationKind::HoldsOffice {
        return None;
    }
    let (clause, cue) = denial_after(v, d.last)?;
    let mut copy = d.clone();
    copy.rule = Rule::Denial;
    copy.modality = Some((Modality::Negated, Some(cue)));
    copy.evidence = Some(clause);
    Some(copy)
}

/// The longest stretch read as one sentence. News sentences are far shorter; a longer one
/// (a table, a list run together, a text without full stops) is read in pieces so that the
/// rules, which look around each trigger within its sentence, stay linear in the input.
const MAX_SENTENCE: usize = 2_000;

/// `s` cut at spaces into pieces of at most [`MAX_SENTENCE`] bytes.
fn bounded(text: &str, s: Span) -> impl Iterator<Item = Span> + '_ {
    let mut start = s.start;
    std::iter::from_fn(move || {
        if start >= s.end {
            return None;
        }
        if s.end - start <= MAX_SENTENCE {
            let piece = Span::new(start, s.end);
            start = s.end;
            return Some(piece);
        }
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[start..cut].rfind(char::is_whitespace).map_or(cut, |i| start + i + 1).max(start + 1);
        let cut = (cut..=s.end).find(|&c| text.is_char_boundary(c)).unwrap_or(s.end);
        let piece = Span::new(start, cut);
        start = cut;
        Some(piece)
    })
}

/// A position in a sorted list, for spans that come in order: each call walks on from the
/// last, so a document costs one pass over the list. A binary search per sentence would
/// cost a cache miss per step once the lists of a 100 MiB document no longer fit in cache.
struct Cursor<'l, T, K> {
    list: &'l [T],
    /// The sort key, a closure rather than a function pointer so that it is inlined.
    key: K,
    at: usize,
}

impl<'l, T, K: Fn(&T) -> usize> Cursor<'l, T, K> {
    fn new(list: &'l [T], key: K) -> Cursor<'l, T, K> {
        Cursor { list, key, at: 0 }
    }

    /// The index of the first element whose key is at least `start`, which is no less than
    /// the last call's.
    fn seek(&mut self, start: usize) -> usize {
        while self.list.get(self.at).is_some_and(|x| (self.key)(x) < start) {
            self.at += 1;
        }
        self.at
    }

    /// Whether an element from the last [`Cursor::seek`] on has a key below `end`.
    fn any_before(&self, end: usize) -> bool {
        self.list.get(self.at).is_some_and(|x| (self.key)(x) < end)
    }

    /// The end of the elements from the last [`Cursor::seek`] on whose keys are below `end`.
    fn end_before(&self, end: usize) -> usize {
        self.at + self.list[self.at..].iter().take_while(|x| (self.key)(x) < end).count()
    }
}

/// The lists a sentence is asked about to tell whether it can hold a relation.
struct Candidates<'l, 'a, N, T, U> {
    names: Cursor<'l, Entity<'a>, N>,
    trigger_at: Cursor<'l, usize, T>,
    title_at: Cursor<'l, usize, U>,
    entities: &'l [Entity<'a>],
    triggers: &'l [usize],
    reach: &'l [Reach],
    gazetteer: &'l Gazetteer,
}

impl<'l, 'a, N, T, U> Candidates<'l, 'a, N, T, U>
where
    N: Fn(&Entity<'a>) -> usize,
    T: Fn(&usize) -> usize,
    U: Fn(&usize) -> usize,
{
    /// Whether `span` can hold a relation: a trigger word and a name (or a relation just
    /// stated, for "This arms transfer …"), or a title word and a person; and the index of
    /// its first name and its trigger words. Spans come in order, so the lists are walked,
    /// not searched; only the trigger words are counted: for names and titles, whether
    /// there is one in the span is enough, and a person is looked for only where there is a
    /// title. Inlined into the engine's loop: as a closure called from two places it was
    /// a call per sentence that reloaded its captures.
    #[inline(always)]
    fn test(&mut self, span: Span, memory: &Memories) -> (bool, bool, usize, &'l [usize], &'l [Reach]) {
        let first = self.names.seek(span.start);
        let (t, t_end) = (self.trigger_at.seek(span.start), self.trigger_at.end_before(span.end));
        let triggered = t < t_end && (self.names.any_before(span.end) || recent(memory, span.start));
        self.title_at.seek(span.start);
        let person = |e: &Entity| self.gazetteer.entries()[e.id.0 as usize].kind == EntityKind::Person;
        let titled = self.title_at.any_before(span.end)
            && self.entities[first..].iter().take_while(|e| e.span.start < span.end).any(person);
        (triggered, titled, first, &self.triggers[t..t_end], &self.reach[t..t_end])
    }
}

/// The first hit of either list at or after `from`; each index walks on from where the last
/// call left it.
fn first_hit(a: &[usize], i: &mut usize, b: &[usize], j: &mut usize, from: usize) -> Option<usize> {
    while a.get(*i).is_some_and(|&h| h < from) {
        *i += 1;
    }
    while b.get(*j).is_some_and(|&h| h < from) {
        *j += 1;
    }
    match (a.get(*i), b.get(*j)) {
        (Some(&x), Some(&y)) => Some(x.min(y)),
        (x, y) => x.or(y).copied(),
    }
}

/// Whether the engine skips the sentences [`may_relate`] rules out: the tests read
/// documents both ways to compare.
#[inline(always)]
fn skipping() -> bool {
    #[cfg(test)]
    return SKIP.with(core::cell::Cell::get);
    #[cfg(not(test))]
    true
}

#[cfg(test)]
thread_local! {
    static SKIP: core::cell::Cell<bool> = const { core::cell::Cell::new(true) };
    /// How many sentences the engine skipped on this thread.
    static SKIPPED: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// Whether a relation was stated within the anaphora window before `at`.
fn recent(memory: &Memories, at: usize) -> bool {
    memory.list.last().is_some_and(|m| at.saturating_sub(m.at) < ANAPHORA_WINDOW)
}

/// Two relations state the same thing (same kind, modality, evidence and fillers).
fn same(a: &Relation, b: &Relation) -> bool {
    a.kind == b.kind && a.modality == b.modality && a.span == b.span && same_fillers(a, b)
}

/// Whether two relations of one kind name the same fillers by role, in order or, for a
/// symmetric kind, in any order. Read in place: lists of names copied (and sorted) to compare
/// cost two allocations a comparison.
fn same_fillers(a: &Relation, b: &Relation) -> bool {
    if a.args.len() != b.args.len() {
        return false;
    }
    let alike = |(r, x): &(Role, Argument), (s, y): &(Role, Argument)| r == s && x.name == y.name;
    if !a.kind.is_symmetric() {
        return a.args.iter().zip(&b.args).all(|(x, y)| alike(x, y));
    }
    // The same multiset: of lists of one length, each filler of one occurs in both as often
    // (which leaves no room in the other for a filler the one lacks).
    let count = |args: &[(Role, Argument)], x: &(Role, Argument)| args.iter().filter(|y| alike(x, y)).count();
    a.args.iter().all(|x| count(&a.args, x) == count(&b.args, x))
}

/// Names the fillers, checks them against the role table and judges modality.
fn finish<'a>(v: &View<'_, 'a>, setup: &Setup<'a>, d: &Draft) -> Option<Relation<'a>> {
    let doc = v.doc;
    let specs = d.kind.roles();
    // Most drafts keep every argument: a list of that size costs one allocation, where one
    // grown from empty cost a growth too.
    let mut args: Vec<(Role, Argument)> = Vec::with_capacity(d.args.len());
    // How many fillers each role of `specs` has kept so far, read instead of the list: a
    // role filled once is taken, and the required roles are checked by their counts.
    let mut filled = [0usize; MAX_ROLES];
    for (role, arg) in &d.args {
        let (name, span, filler) = match *arg {
            Arg::Name(f) => {
                let e = f.entity(v)?;
                let m = &doc.entities[e];
                (m.name.as_str(), m.span, Filler::Entity(doc.entry_kind(e)))
            }
            Arg::Item(item) => match item.weapon {
                Some(w) => {
                    (doc.entities[w].name.as_str(), doc.entities[w].span, Filler::Entity(EntityKind::Weapon))
                }
                None => (&doc.text[item.span], item.span, Filler::Phrase),
            },
            Arg::Title(span) => (&doc.text[span], span, Filler::Phrase),
            Arg::Entry { entry, span } => {
                let kind = setup.gazetteer.entries().get(entry as usize)?.kind;
                (setup.names.get(entry as usize)?.as_str(), span, Filler::Entity(kind))
            }
        };
        admit(specs, &mut filled, &mut args, *role, Argument { name, span }, filler)?;
    }
    if !has_required(d.kind, specs, &filled) {
        return None;
    }
    // A title apposition states a present fact whatever the sentence's verb says: "Russian
    // President Vladimir Putin will visit" does not make him a hypothetical president.
    let (modality, cue) = match d.modality {
        Some(m) => m,
        None if d.kind == RelationKind::HoldsOffice => (Modality::Asserted, None),
        None => judge(v, d.first, d.last, d.phrase_end),
    };
    let trigger = v.span_of(d.first, d.last);
    Some(Relation {
        kind: d.kind,
        modality,
        span: d.evidence.unwrap_or(v.span),
        args,
        trigger,
        cue,
        rule: d.rule,
        undirected: d.undirected,
    })
}

/// The most roles a kind takes (the role table's longest row).
const MAX_ROLES: usize = 3;

/// Checks a filler of `role` against the role table `specs` and keeps it in `args` unless
/// the role is taken: filled already if it takes one filler, or by the same name if it takes
/// many. `filled` counts the kept fillers of each role of `specs`. `None` if the kind does
/// not take the role or the filler may not fill it.
fn admit<'a>(
    specs: &[RoleSpec],
    filled: &mut [usize; MAX_ROLES],
    args: &mut Vec<(Role, Argument<'a>)>,
    role: Role,
    arg: Argument<'a>,
    filler: Filler,
) -> Option<()> {
    let k = specs.iter().position(|s| s.role == role)?;
    let (spec, count) = (specs.get(k)?, filled.get_mut(k)?);
    if !spec.fillers.contains(&filler) {
        return None;
    }
    let taken =
        if spec.many { args.iter().any(|(r, a)| *r == role && a.name == arg.name) } else { *count > 0 };
    if !taken {
        args.push((role, arg));
        *count += 1;
    }
    Some(())
}

/// Whether each required role of `specs` (the roles of `kind`) has its fillers by the counts
/// of [`admit`]: two for the participants of a symmetric kind, else one.
fn has_required(kind: RelationKind, specs: &[RoleSpec], filled: &[usize; MAX_ROLES]) -> bool {
    let needed = if kind.is_symmetric() { 2 } else { 1 };
    specs.iter().enumerate().all(|(k, s)| !s.required || filled.get(k).is_some_and(|&n| n >= needed))
}

/// With a document date, the offices each mentioned person held that day, stated at the
/// person's first mention.
fn on_date<'a>(doc: &Doc<'_, 'a>, setup: &Setup<'a>, date: Date, out: &mut Vec<Relation<'a>>) {
    let entries = setup.gazetteer.entries();
    let mut seen = std::collections::HashSet::new();
    for m in doc.entities {
        let entry = &entries[m.id.0 as usize];
        if entry.kind != EntityKind::Person || !seen.insert(m.id) {
            continue;
        }
        for office in entry.offices_on(date) {
            let (title, polity) = (office.title.as_str(), office.polity.as_str());
            let Some(p) = setup
                .gazetteer
                .get(EntityKind::State, polity)
                .or_else(|| setup.gazetteer.get(EntityKind::Organization, polity))
            else {
                continue;
            };
            let polity_name = p.name.as_str();
            let known = out.iter().any(|r| {
                r.kind == RelationKind::HoldsOffice
                    && r.arg(Role::Person).is_some_and(|a| a.name == m.name)
                    && r.arg(Role::Polity).is_some_and(|a| a.name == polity_name)
            });
            if known {
                continue;
            }
            let evidence = sentence_of(doc.text, m.span);
            out.push(Relation {
                kind: RelationKind::HoldsOffice,
                modality: Modality::Asserted,
                span: evidence,
                args: vec![
                    (Role::Person, Argument { name: m.name.as_str(), span: m.span }),
                    (Role::Polity, Argument { name: polity_name, span: m.span }),
                    (Role::Title, Argument { name: title, span: m.span }),
                ],
                trigger: m.span,
                cue: None,
                rule: Rule::OfficeOnDate,
                undirected: false,
            });
        }
    }
}

/// The sentence around `span`.
fn sentence_of(text: &str, span: Span) -> Span {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    sentences(&text[line_start..line_end])
        .into_iter()
        .map(|s| Span::new(s.start + line_start, s.end + line_start))
        .find(|s| s.start <= span.start && span.end <= s.end)
        .unwrap_or(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines `split_inclusive` gives, with their offsets.
    fn split_lines(text: &str) -> Vec<Span> {
        let mut offset = 0;
        text.split_inclusive('\n')
            .map(|line| {
                offset += line.len();
                Span::new(offset - line.len(), offset)
            })
            .collect()
    }

    /// The ends of the lines that hold one of `hits` as the engine's loop finds them: where
    /// splitting the line of each first hit after the line before into sentences stopped.
    fn hit_lines(text: &str, triggers: &[usize], titles: &[usize]) -> Vec<usize> {
        let (mut i, mut j, mut from) = (0, 0, 0);
        let mut lines = Vec::new();
        let mut spans = Vec::new();
        while let Some(at) = first_hit(triggers, &mut i, titles, &mut j, from) {
            let Some(end) = sentences_into(text, from, at, &mut spans) else { break };
            from = end;
            lines.push(from);
        }
        lines
    }

    const TEXTS: &[&str] = &[
        "",
        "\n",
        "\n\n\n",
        "a",
        "a\n",
        "\na",
        "one line without a feed",
        "Kim met Putin.\nXi spoke\n\nModi left.\n",
        "Kim met Putin.\r\nXi spoke\r\n\r\nModi left.",
        "Iran’s drones\nreached Russia — “again”\n\u{2028}Kyiv\u{85}\nend",
        "\n\nstarts with empty lines\nand ends without a feed",
        "x\ny\nz\n\n",
        "a very long line that runs on for more than sixteen bytes, and then some more, with no feed",
        "short\na line of more than sixteen bytes in the middle of the text\nshort\n",
        "thirty-two bytes and more before\nthe first line feed and thirty-two bytes and more after it\n\nx",
        "\n................................\n................................................\n",
    ];

    /// The ends of the lines `split_inclusive` gives that hold one of the hits of either list.
    fn split_lines_holding(text: &str, a: &[usize], b: &[usize]) -> Vec<usize> {
        split_lines(text)
            .into_iter()
            .filter(|l| a.iter().chain(b).any(|&h| l.start <= h && h < l.end))
            .map(|l| l.end)
            .collect()
    }

    /// `entity_of` as the binary search of the whole list it replaced, on the entities of the
    /// seeds, for every sentence and every entity's span, spans beside them, and spans of
    /// other sentences.
    #[test]
    fn entities_of_sentences_are_those_of_the_whole_list() {
        let x = crate::Extractor::default();
        let mut asked = 0;
        for text in crate::seed_texts() {
            let entities = x.extract(&text).entities;
            let old = |span: Span| {
                let e = entities.binary_search_by_key(&span.start, |e| e.span.start).ok()?;
                (entities[e].span == span).then_some(e)
            };
            let mut spans: Vec<Span> = Vec::new();
            for e in &entities {
                let Span { start, end } = e.span;
                spans.extend([
                    e.span,
                    Span::new(start, end + 1),
                    Span::new(start + 1, end),
                    Span::new(start, start),
                ]);
                spans.push(Span::new(start.saturating_sub(1), end));
            }
            for sentence in sentences(&text) {
                let first = entities.partition_point(|e| e.span.start < sentence.start);
                for &span in &spans {
                    assert_eq!(
                        entity_of(&entities, first, sentence, span),
                        old(span),
                        "{sentence:?} {span:?}"
                    );
                    asked += 1;
                }
            }
        }
        assert!(asked > 100_000, "{asked}");
    }

    /// The kept list of relations is handed from document to document as it is, without
    /// an allocation: if the standard library stopped collecting in place, this says so.
    #[test]
    fn a_recycled_list_keeps_its_allocation() {
        let mut list: Vec<Relation<'static>> = Vec::with_capacity(40);
        list.push(relation(RelationKind::Meet, 0, &[(0, 0), (0, 1)]));
        let (capacity, at) = (list.capacity(), list.as_ptr() as usize);
        let text = String::from("a document of its own lifetime");
        let mut other: Vec<Relation<'_>> = recycle(list);
        assert_eq!((other.len(), other.capacity(), other.as_ptr() as usize), (0, capacity, at));
        other.push(Relation {
            args: vec![(Role::Item, Argument { name: &text, span: Span::new(0, 1) })],
            ..relation(RelationKind::Supply, 0, &[])
        });
        let back: Vec<Relation<'static>> = recycle(other);
        assert_eq!((back.len(), back.capacity(), back.as_ptr() as usize), (0, capacity, at));
    }

    /// `same` as it was: the fillers' names copied into lists, sorted for a symmetric kind.
    fn old_same(a: &Relation, b: &Relation) -> bool {
        fn names<'a>(r: &Relation<'a>) -> Vec<(Role, &'a str)> {
            let mut n: Vec<(Role, &str)> = r.args.iter().map(|(role, a)| (*role, a.name)).collect();
            if r.kind.is_symmetric() {
                n.sort();
            }
            n
        }
        a.kind == b.kind && a.modality == b.modality && a.span == b.span && names(a) == names(b)
    }

    /// A relation with `args` as (role, name) indices into small lists, so that random
    /// relations often agree.
    fn relation(kind: RelationKind, span: usize, args: &[(usize, usize)]) -> Relation<'static> {
        const NAMES: [&str; 3] = ["Iran", "Russia", "Iran "];
        let roles = [Role::Participants, Role::Supplier, Role::Recipient];
        Relation {
            kind,
            modality: Modality::Asserted,
            span: Span::new(span, span + 1),
            args: args
                .iter()
                .map(|&(r, n)| (roles[r % 3], Argument { name: NAMES[n % 3], span: Span::new(n, n) }))
                .collect(),
            trigger: Span::new(0, 0),
            cue: None,
            rule: Rule::Meet,
            undirected: false,
        }
    }

    /// Every pair of lists of up to three fillers of two roles and two names, with
    /// repeats, of a symmetric kind and another.
    #[test]
    fn all_short_lists_are_the_same_as_the_copies_said() {
        let mut lists: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
        for len in 1..=3 {
            for code in 0..4usize.pow(len) {
                lists.push((0..len).map(|k| (code >> (2 * k) & 1, code >> (2 * k + 1) & 1)).collect());
            }
        }
        let mut alike = 0;
        for kind in [RelationKind::Meet, RelationKind::Supply] {
            for a in &lists {
                for b in &lists {
                    let (x, y) = (relation(kind, 0, a), relation(kind, 0, b));
                    assert_eq!(same(&x, &y), old_same(&x, &y), "{kind:?} {a:?} {b:?}");
                    alike += usize::from(same(&x, &y));
                }
            }
        }
        assert!(alike > 200, "{alike} alike");
    }

    /// The role checks of `finish` before [`admit`] counted the kept fillers: each filler
    /// looked its role up by name and searched the kept list.
    fn old_admit_all<'a>(
        kind: RelationKind,
        items: &[(Role, Argument<'a>, Filler)],
    ) -> Option<Vec<(Role, Argument<'a>)>> {
        let mut args: Vec<(Role, Argument)> = Vec::new();
        for &(role, Argument { name, span }, filler) in items {
            let spec = kind.role(role)?;
            if !spec.fillers.contains(&filler) {
                return None;
            }
            let taken = args.iter().any(|(r, a)| *r == role && (a.name == name || !spec.many));
            if !taken {
                args.push((role, Argument { name, span }));
            }
        }
        for spec in kind.roles().iter().filter(|s| s.required) {
            let n = args.iter().filter(|(r, _)| *r == spec.role).count();
            let needed = if kind.is_symmetric() { 2 } else { 1 };
            if n < needed {
                return None;
            }
        }
        Some(args)
    }

    fn admit_all<'a>(
        kind: RelationKind,
        items: &[(Role, Argument<'a>, Filler)],
    ) -> Option<Vec<(Role, Argument<'a>)>> {
        let specs = kind.roles();
        let (mut filled, mut args) = ([0; MAX_ROLES], Vec::new());
        for &(role, arg, filler) in items {
            admit(specs, &mut filled, &mut args, role, arg, filler)?;
        }
        has_required(kind, specs, &filled).then_some(args)
    }

    #[test]
    fn no_kind_takes_more_roles_than_counted() {
        for kind in RelationKind::ALL {
            assert!(kind.roles().len() <= MAX_ROLES, "{kind}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn counted_role_checks_are_the_searched_ones(
            kind in 0..RelationKind::ALL.len(),
            // Mostly roles the kind takes and fillers it accepts, so that many lists pass.
            items in proptest::collection::vec((0..16usize, 0..3usize, 0..8usize), 0..7),
        ) {
            let kind = RelationKind::ALL[kind];
            let specs = kind.roles();
            let fillers: Vec<Filler> =
                EntityKind::ALL.iter().map(|&k| Filler::Entity(k)).chain([Filler::Phrase]).collect();
            let items: Vec<(Role, Argument, Filler)> = items
                .iter()
                .map(|&(r, n, f)| {
                    let role = if r < 12 { specs[r % specs.len()].role } else { Role::ALL[r % Role::ALL.len()] };
                    let spec = specs.iter().find(|s| s.role == role);
                    let filler = match spec {
                        Some(s) if f < 6 => s.fillers[f % s.fillers.len()],
                        _ => fillers[f % fillers.len()],
                    };
                    (role, Argument { name: ["Iran", "Russia", "Iran "][n], span: Span::new(n, n + 1) }, filler)
                })
                .collect();
            proptest::prop_assert_eq!(admit_all(kind, &items), old_admit_all(kind, &items));
        }
    }

    proptest::proptest! {
        /// `same` reads the fillers in place as the old one compared copied lists.
        #[test]
        fn relations_are_the_same_as_the_copies_said(
            kinds in (0..3usize, 0..3usize),
            spans in (0..2usize, 0..2usize),
            a in proptest::collection::vec((0..3usize, 0..3usize), 0..5),
            b in proptest::collection::vec((0..3usize, 0..3usize), 0..5),
            shuffle in proptest::bool::ANY,
        ) {
            let kind = |k: usize| [RelationKind::Meet, RelationKind::Supply, RelationKind::Agreement][k];
            // Often the same fillers, reordered.
            let b = if shuffle { a.iter().rev().copied().collect() } else { b };
            let (x, y) = (relation(kind(kinds.0), spans.0, &a), relation(kind(kinds.1), spans.1, &b));
            proptest::prop_assert_eq!(same(&x, &y), old_same(&x, &y));
            proptest::prop_assert_eq!(same(&x, &x), old_same(&x, &x));
        }
    }

    proptest::proptest! {
        /// `seek`, `any_before` and `end_before` give the range the cursor's old `within`
        /// gave, over spans that start in order, as the engine asks them.
        #[test]
        fn cursor_ranges_are_those_of_within(
            keys in proptest::collection::vec(0..40usize, 0..20),
            spans in proptest::collection::vec((0..40usize, 0..12usize), 0..12),
        ) {
            let mut keys = keys;
            keys.sort();
            let mut spans: Vec<Span> = spans.into_iter().map(|(start, len)| Span::new(start, start + len)).collect();
            spans.sort_by_key(|s| s.start);
            let mut cursor = Cursor::new(&keys, |&k| k);
            let mut old_at = 0;
            for span in spans {
                // The old `within`.
                while keys.get(old_at).is_some_and(|&k| k < span.start) {
                    old_at += 1;
                }
                let old_end = old_at + keys[old_at..].iter().take_while(|&&k| k < span.end).count();
                let first = cursor.seek(span.start);
                proptest::prop_assert_eq!((first, cursor.end_before(span.end)), (old_at, old_end));
                proptest::prop_assert_eq!(cursor.any_before(span.end), old_at < old_end);
            }
        }

        #[test]
        fn lines_around_many_hits_are_the_split_lines(
            text in "[a Kvs\n\r\u{2028}é’.]{0,60}",
            a in proptest::collection::btree_set(0..64usize, 0..6),
            b in proptest::collection::btree_set(0..64usize, 0..6),
        ) {
            let (a, b): (Vec<usize>, Vec<usize>) = (a.into_iter().collect(), b.into_iter().collect());
            proptest::prop_assert_eq!(hit_lines(&text, &a, &b), split_lines_holding(&text, &a, &b));
        }
    }

    #[test]
    fn lines_found_around_hits_are_the_split_lines_that_hold_them() {
        for text in TEXTS {
            for at in 0..=text.len() + 1 {
                for other in [None, Some(0), Some(at / 2), Some(at + 1), Some(text.len())] {
                    let triggers = [at];
                    let titles: Vec<usize> = other.into_iter().collect();
                    // Both lists in every combination of which holds which hit.
                    for (a, b) in [(&triggers[..], &titles[..]), (&titles[..], &triggers[..])] {
                        assert_eq!(
                            hit_lines(text, a, b),
                            split_lines_holding(text, a, b),
                            "{text:?} hits {a:?} {b:?}"
                        );
                    }
                }
            }
        }
    }

    /// A document read with the lists its thread kept from the ones before gives what it
    /// gives read alone on a fresh thread, also after a document whose lists grew past
    /// what a thread keeps.
    #[test]
    fn kept_lists_read_a_document_as_new_ones() {
        let x = crate::Extractor::default();
        let mut texts = crate::seed_texts();
        let first = texts[0].clone();
        texts.push("Iran supplied drones to Russia. The strikes hit Kyiv. ".repeat(2 * KEEP / 3));
        texts.push(first);
        let alone: Vec<Vec<Relation>> = texts
            .iter()
            .map(|t| std::thread::scope(|s| s.spawn(|| x.extract(t).relations).join().unwrap()))
            .collect();
        assert!(alone.iter().filter(|r| !r.is_empty()).count() >= 4);
        assert!(alone[alone.len() - 2].len() > KEEP, "{}", alone[alone.len() - 2].len());
        for _ in 0..2 {
            for (text, found) in texts.iter().zip(&alone) {
                assert_eq!(&x.extract(text).relations, found);
            }
        }
    }

    /// The relations of `text` read with the skip of sentences [`may_relate`] rules out and
    /// without it, and how many sentences were skipped.
    fn both_ways<'a>(
        x: &'a crate::Extractor,
        text: &'a str,
    ) -> (Vec<Relation<'a>>, Vec<Relation<'a>>, usize) {
        let before = SKIPPED.with(core::cell::Cell::get);
        let skipping = x.extract(text).relations;
        let skipped = SKIPPED.with(core::cell::Cell::get) - before;
        SKIP.with(|s| s.set(false));
        let reading_all = x.extract(text).relations;
        SKIP.with(|s| s.set(true));
        (skipping, reading_all, skipped)
    }

    /// Sentences with fewer than two names around pronouns, recalled relations, attacks on a
    /// place named alone, named weapons and deals.
    const PROBES: &[&str] = &[
        "Kim Jong Un arrived. During the visit, he will meet Putin and hold a summit.",
        "Kim Jong Un arrived. The visit went well. He met Putin.",
        "Russia struck Kharkiv with drones. The attacks continued. The strike hit again.",
        "Russia struck Kharkiv with drones. Officials said the strikes hit Kyiv overnight.",
        "Russia is at war. The strikes hit Kyiv overnight.",
        "Iran fired missiles. These missiles struck Israel.",
        "Belarus sold rifles to Syria. This arms transfer included sniper rifles. The shipment arrived.",
        "Iran supplied drones to Russia. Russia used them. The deliveries continued and its shipments grew.",
        "Iran builds the Shahed-136. Russia received Shahed-136 drones.",
        "North Korea makes the KN-23. The KN-23 missiles were delivered to Russia.",
        "Iran makes drones. Russia is at war. It received Shahed-136 drones. It used Shahed drones.",
        "North Korea is isolated. Russia is at war. It obtained KN-23 missiles. Its KN-23 purchases grew.",
        "Russia signed an arms deal between Russia and Russia.",
        "An arms deal between Iran and Iran. An arms deal between Iran and Russia.",
        "Putin hen't met Xi. Putin itn't met. Xi said theyn't would meet them.",
        "Xi spoke. HE MET Modi. She met him. It met Iran. They met it. Its pact with Russia. Their talks.",
        "Russia sent troops. It deployed soldiers to Syria. Their troops were sent to Kursk.",
        "Moscow met. The meeting was held. A strike. An alliance. Sending troops.",
        "“It’s over,” he said. Ukraine’s intelligence arm on Sunday stated that Ukrainian forces will continue.",
        "Iran’s drones hit Odesa. The Iranian drones struck Kyiv. Russian missiles hit Kyiv.",
        "President Putin spoke. He visited. Prime Minister Modi met.",
        "Iran supplied drones to Russia.\nThe attack on Kyiv. The strike. Its missiles.\nHe met Xi.",
        // Each frame's words near its trigger and far from it.
        "The alliance between Iran and Russia grew. The alliance grew, and talks between Iran and Russia went on.",
        "Iran’s partnership with Russia. The partnership of the two states, long and close, with Russia and Iran.",
        "Putin and Xi’s talks. The Putin-Xi summit. The Iran–Russia pact. Putin, Xi, and Modi held talks.",
        "Russia, Iran and Syria signed a pact. With this agreement, Russia and North Korea grew closer.",
        "Russia deployed troops to Kursk. Russia deployed, after a long delay and many more reports, troops to Kursk.",
        "North Korean troops were deployed in Kursk. The deployment of North Korean troops to Russia. Its deployment.",
        "Russia sent soldiers to the front line in Kursk. Russia sent troops near the border with Ukraine.",
        "Kim visited Moscow. Kim visited the ancient, very beautiful city of Moscow. Belarus hosted Xi and Iran.",
        "Kim’s visit to Russia. Kim’s visit, long planned, to Russia. The visit was to Russia and Iran.",
        "Russia used Iranian drones. Russia fired missiles from Belarus at Kyiv. Drones from Iran that Russia used hit.",
        "Russia launched missiles at Kyiv. Russia launched missiles overnight, officials in Kyiv said of the attack.",
        "Russia obtained drones from Iran. Russia turned to North Korea for artillery shells. Russia received KN-23 missiles.",
        "Russia’s offensive in Kharkiv. Russia’s offensive, long expected, in Kharkiv. The Kharkiv offensive. Strikes on NATO.",
        "An arms deal between Iran and Russia. Arms deals, long secret, between Iran and Russia. Iran signed arms deals.",
        "Belarus hosted Xi. Belarus hosted Russian nuclear weapons. Iran and Russia’s deal with Syria.",
        // Supplies with and without materiel words, near and far, in capitals, quoted, with
        // possessives and "n't"; a deployment with and without troops.
        "Iran supplied Russia. Iran supplied weapons to Russia. Iran supplied, after long talks and many visits, weapons to Russia.",
        "IRAN SUPPLIED DRONES TO RUSSIA. Iran supplied “drones” to Russia. Iran supplied ‘Drones’ to Russia.",
        "Iran’s drones were delivered to Russia. Russia’s delivery of Iran’s missiles. The delivery to Russia.",
        "Russia received help from Iran. Russia received artillery shells from North Korea. Russia received aerial vehicles from Iran.",
        "Russia received unmanned aerial vehicles from Iran. Russia received TAN\u{212A}S from Belarus.",
        "Iran didn't supply Russia. Iran supplied dronesn't to Russia. Iran supplied DRONESN’T to Russia.",
        "Russia used Iranian help. Russia used Iranian drones. Russia used what Iran gave, its Shahed-136.",
        "The shipment to Russia. The shipment of drones to Russia. Russia’s purchase from Iran. Russia’s arms purchase from Iran.",
        "An arms deal between Iran and Russia. A deal between Iran and Russia. A drone deal between Iran and Russia.",
        "Iran sent envoys to Russia. Iran sent drones to Russia. Iran sent troops to Russia. Iran sent Troops’ gear to Syria.",
        "North Korea deployed to Russia. North Korea deployed soldiers to Russia. North Korea’s deployment of soldiers to Russia.",
        // Titles near persons and far from them.
        "Russian President Vladimir Putin met Xi. Vladimir Putin, the Russian president, met Xi.",
        "Putin, who is now and was for many long years before the Russian president, spoke to Iran.",
        "The president said Putin would come. Putin said that the president of Iran had met him.",
        "Ukraine’s defence minister, Rustem Umerov, met NATO Secretary General Mark Rutte in Kyiv.",
        // An apostrophe before a character the skip does not decode, then the comma.
        "Vladimir Putin’\u{a0}, the Russian president, met Xi. Putin’\u{a0}, and Xi met.",
    ];

    /// Reading only the sentences [`may_relate`] lets through finds every relation that
    /// reading them all finds, on the seeds, on sentences that stress each way a rule finds a
    /// party beyond the sentence's names, and on the seeds' sentences in other orders and
    /// pairs (so that each follows other relations and names).
    #[test]
    fn sentences_ruled_out_yield_no_relation() {
        let x = crate::Extractor::default();
        let texts = crate::seed_texts();
        let mut all: Vec<&str> = Vec::new();
        for t in &texts {
            all.extend(sentences(t).into_iter().map(|s| &t[s]));
        }
        let mut docs: Vec<String> = texts.clone();
        docs.extend(PROBES.iter().map(|p| p.to_string()));
        docs.push(PROBES.concat());
        // Each sentence after each of a few others, and runs of them in a shuffled order.
        let n = all.len();
        for (i, s) in all.iter().enumerate() {
            for k in [1, 7, 31] {
                docs.push(format!("{} {s}", all[(i * k + 13) % n]));
            }
        }
        for k in [3, 11] {
            docs.push((0..n).map(|i| all[(i * k) % n]).collect::<Vec<_>>().join(" "));
        }
        let (mut skipped, mut found) = (0, 0);
        for d in &docs {
            let (skipping, reading_all, s) = both_ways(&x, d);
            assert_eq!(skipping, reading_all, "{d}");
            skipped += s;
            found += reading_all.len();
        }
        assert!(skipped > 100 && found > 1000, "{skipped} skipped, {found} found");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// As above, on texts of names, trigger words, pronouns and words around them.
        #[test]
        fn made_up_sentences_ruled_out_yield_no_relation(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Iran", "Russia", "Kyiv", "Putin", "Kim Jong Un", "Hamas", "Shahed-136", "KN-23",
                "Iranian", "Russian", "the", "The", "this", "these", "a", "he", "He", "she", "it",
                "It", "its", "they", "their", "them", "him", "hen't", "itn’t", "it’s", "IT",
                "supplied", "shipment", "arms", "transfer", "deal", "between", "and", "met",
                "meeting", "visit", "visited", "summit", "pact", "signed", "strike", "strikes",
                "struck", "hit", "attack", "attacks", "launched", "missiles", "drones", "troops",
                "sent", "deployed", "to", "with", "from", "by", "on", "in", "of", "President",
                "said", "will", "could", ",", ".", ". ", "—", "’s", "\n", "“", "”", "-", "é",
                "alliance", "partnership", "talks", "among", "or", "both", "even", "Xi", "NATO",
                "Kursk", "Kharkiv", "North Korean", "visit", "hosted", "used", "fired", "obtained",
                "turned", "launch", "offensive", "deployment", "soldiers", "into", "at", "targeting",
                "artillery", "shells", "withn’t", "–", "Iran-Russia", "AND", "With", "Russian President",
                "president", "leader", "minister", "Prime Minister", "Secretary General",
                "weapons", "Weapons", "WEAPONS", "weapons’", "drone’s", "“drones”", "dronesn't",
                "TAN\u{212A}S", "aerial", "vehicles", "unmanned", "supplies", "delivered",
                "delivery", "purchase", "received", "bought", "provided", "gave", "help", "aid",
                "equipment", "arm", "armed", "soldier’s", "forces", "gear",
            ]), 0..40),
        ) {
            let x = crate::Extractor::default();
            let text = pieces.join(" ");
            let (skipping, reading_all, _) = both_ways(&x, &text);
            proptest::prop_assert_eq!(skipping, reading_all, "{}", text);
        }
    }

    /// A definite noun recalls the fillers of the supply or attack stated before it, past
    /// relations of other kinds, whose memories keep none.
    #[test]
    fn recalled_relations_keep_their_fillers() {
        let x = crate::Extractor::default();
        let cases = [
            (
                "Belarus sold rifles to Syria. Vladimir Putin met Kim Jong Un in Moscow. This arms \
                 transfer included sniper rifles.",
                Rule::SupplyAnaphora,
                [(Role::Supplier, "Belarus"), (Role::Recipient, "Syria")],
            ),
            (
                "Russia struck Kharkiv with drones. Vladimir Putin met Kim Jong Un. Ukraine and \
                 Poland signed a pact. The attacks continued.",
                Rule::AttackNoun,
                [(Role::Attacker, "Russia"), (Role::Target, "Kharkiv")],
            ),
        ];
        for (text, rule, recalled) in cases {
            let found = x.extract(text).relations;
            let kinds: Vec<RelationKind> = found.iter().map(|r| r.kind).collect();
            assert!(kinds.iter().any(|&k| !Recalled::is(k)), "{text}: {kinds:?}");
            let r = found.iter().find(|r| r.rule == rule).unwrap_or_else(|| panic!("{text}: {found:?}"));
            for (role, name) in recalled {
                assert_eq!(r.arg(role).map(|a| a.name), Some(name), "{text}: {r:?}");
            }
        }
    }
}
