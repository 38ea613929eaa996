//! Stage 2b — matches: every surface form of every gazetteer entry found in the original
//! bytes; only matches that sit on word boundaries and respect the case policy survive.
//!
//! Case policy: a surface matches as written, or written all in capitals when it has at least
//! three letters and some lower-case ones ("PUTIN", "NORTH KOREA" in a headline). Acronyms
//! therefore match only as acronyms: "US" never matches the pronoun "us", nor "Us".
//!
//! A match must start on a word boundary, so the matcher walks a [`trie`] of the surfaces
//! from each word start whose first word can begin one ([`start`]), instead of running
//! an automaton over every byte. Every surface that the text spells from there is reported,
//! so a longer candidate that fails the boundary check ("New York Timesheet") never hides a
//! shorter valid one at the same start ("New York"), and candidates overlap as they did with
//! an overlapping Aho-Corasick search; choosing among the survivors is the resolver's job.

#[cfg(test)]
mod compare;
mod patterns;
mod start;
mod trie;

pub(crate) use self::patterns::Facts;
use self::patterns::Patterns;
use self::start::Starts;
use self::trie::{Found, Trie};

use crate::entity::EntityKind;
use crate::error::Result;
use crate::gazetteer::{Gazetteer, SurfaceRole};
use crate::span::Span;
use crate::swar::{below_first, equal, word_at, HIGH};
use crate::tokenize::is_boundary;

/// One way a pattern names an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    /// Index of the entry in the gazetteer.
    pub entry: u32,
    /// How the surface names it.
    pub role: SurfaceRole,
    /// Whether the surface needs supporting context.
    pub ambiguous: bool,
    /// The entry's kind, copied here at build time: every mention's entity reads it, and
    /// one load of the target (which fits in its padding) spares a bounds-checked load from
    /// the entry table.
    pub kind: EntityKind,
}

/// A surface form found in the text: the match, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub span: Span,
    pub pattern: u32,
}

/// A keyword found in the text: a whole word, in any case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Keyword {
    pub span: Span,
    /// Index into the keyword list the matcher was built with.
    pub id: u32,
}

/// A word that the matcher reports as a [`Keyword`], in any ASCII case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeywordWord<'k> {
    /// Found as a whole word.
    Whole(&'k str),
    /// Found at the start of any word that begins with it ("return" in "returning"): the
    /// relation gate looks for the second word of a phrase whose first word is too common
    /// to walk from ("in" of "in return for").
    Prefix(Prefix<'k>),
}

impl<'k> KeywordWord<'k> {
    fn text(self) -> &'k str {
        match self {
            KeywordWord::Whole(word) => word,
            KeywordWord::Prefix(Prefix(word)) => word,
        }
    }
}

/// A word that can be a [`KeywordWord::Prefix`]: ASCII letters and digits, at least
/// [`Prefix::MIN`] of them. The set of first words ([`start`]) keys a word start by its
/// first seven bytes, so it must hold every key a word that begins with the prefix can have:
/// one per case for a prefix of seven bytes or more, 37 for one of six (with each letter or
/// digit after it), 1,333 for one of five, which would crowd the set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Prefix<'k>(&'k str);

impl<'k> Prefix<'k> {
    pub(crate) const MIN: usize = 6;

    /// `word` as a prefix keyword, if it can be one.
    pub(crate) fn new(word: &'k str) -> Option<Prefix<'k>> {
        (word.len() >= Prefix::MIN && word.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(Prefix(word))
    }
}

/// A walk from `start`: records what the trie finds ([`Matcher::found`]).
struct Walk<'m> {
    matcher: &'m Matcher,
    text: &'m str,
    start: usize,
    out: &'m mut Matches,
    /// Where the walk's reading ended, if [`Found::reached`] says.
    reach: &'m mut usize,
}

impl Found for Walk<'_> {
    #[inline(always)]
    fn found(&mut self, pattern: u32, end: usize) {
        // A pattern ends past the walk's start: the span needs no swap test.
        debug_assert!(self.start < end);
        self.matcher.found(self.text, Span { start: self.start, end }, pattern, self.out)
    }

    #[inline(always)]
    fn reached(&mut self, reach: usize) {
        *self.reach = reach;
    }
}

/// The last walk, whose matches can be replayed: what a walk finds depends only on the bytes
/// it read (the start's own boundary aside, which is tested at each start), when those are
/// ASCII, so that the boundary tests at the matches' ends read no byte outside them either.
/// A document that repeats a name finds the same bytes at the next start, and copies the
/// matches found there instead of walking the trie again, which cost about 400 instructions.
///
/// A walk only leaves where it started and how far it read, three stores: news replays
/// one walk in two hundred. The bytes are taken and checked at a start whose first byte is
/// the remembered walk's, and kept for the starts after it. The matches need no record
/// either: walks go in order of start and each adds matches that start where it does, so
/// the remembered walk's are the last ones that start there.
#[derive(Clone, Copy, Debug, Default)]
struct Memo {
    start: usize,
    /// How many bytes the walk read, if it ended for want of a child; zero, or more than
    /// eight, if it cannot be replayed.
    len: usize,
    /// Once taken: the bytes the walk read, the first in the lowest position, zero after
    /// them; and which bytes of a word they are (none before they are taken).
    window: u64,
    keep: u64,
    /// How many candidates, from the first, have had their case tested
    /// ([`Matcher::keep_cased`]): those before a replayed walk's copies.
    cased: usize,
}

impl Memo {
    /// Whether the walk from `start` would read the bytes the remembered walk read.
    #[inline]
    fn repeats(&mut self, bytes: &[u8], start: usize) -> bool {
        if self.keep != 0 {
            word_at(bytes, start) & self.keep == self.window
        } else {
            self.len.wrapping_sub(1) < 8
                && bytes.get(self.start) == bytes.get(start)
                && self.take(bytes, start)
        }
    }

    /// [`Memo::repeats`] for the first start that could repeat the walk: takes the bytes the
    /// walk read, if they are all ASCII and none of them zero, and compares them with those
    /// from `start`. The bytes past the end of `bytes` read as zeros, which the taken ones
    /// are not.
    #[inline(never)]
    fn take(&mut self, bytes: &[u8], start: usize) -> bool {
        let keep = if self.len >= 8 { u64::MAX } else { (1 << (8 * self.len)) - 1 };
        let window = word_at(bytes, self.start) & keep;
        // A zero byte would match the zeros past the end; a byte above 0x7F a boundary test
        // that decodes.
        if window & HIGH != 0 || below_first(equal(window | !keep, 0)) != u64::MAX {
            return false;
        }
        (self.window, self.keep) = (window, keep);
        word_at(bytes, start) & keep == window
    }

    /// Adds what the remembered walk found, moved to `start`, and remembers that as the walk
    /// from `start`.
    #[inline(never)]
    fn replay(&mut self, start: usize, out: &mut Matches) {
        let shift = start.saturating_sub(self.start);
        replay_last(&mut out.candidates, self.start, shift);
        replay_last(&mut out.keywords, self.start, shift);
        self.start = start;
    }

    /// Remembers the walk from `start` that read up to `reach` (`usize::MAX` if it did not
    /// end for want of a child).
    #[inline(always)]
    fn remember(&mut self, start: usize, reach: usize) {
        (self.start, self.len, self.keep) = (start, reach.wrapping_sub(start), 0);
    }
}

/// A candidate or a keyword: what a walk finds, at its start.
trait Located: Copy {
    fn start(&self) -> usize;
    fn shift(&mut self, by: usize);
}

impl Located for Candidate {
    fn start(&self) -> usize {
        self.span.start
    }

    fn shift(&mut self, by: usize) {
        self.span = self.span.shift(by);
    }
}

impl Located for Keyword {
    fn start(&self) -> usize {
        self.span.start
    }

    fn shift(&mut self, by: usize) {
        self.span = self.span.shift(by);
    }
}

/// Copies the matches at the end of `found` that start at `start`, moved by `by`. One by one:
/// a walk finds one or two, which `extend_from_within` copied through a call to `memcpy`.
fn replay_last<T: Located>(found: &mut Vec<T>, start: usize, by: usize) {
    let to = found.len();
    let from = to - found.iter().rev().take_while(|t| t.start() == start).count();
    for at in from..to {
        if let Some(&(mut t)) = found.get(at) {
            t.shift(by);
            found.push(t);
        }
    }
}

/// What one pass over a text finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Matches {
    /// Surface forms, in order of start, then end.
    pub candidates: Vec<Candidate>,
    /// Keywords, in order of start, then end.
    pub keywords: Vec<Keyword>,
}

/// The compiled form of a gazetteer's surfaces, and of the relation stage's keywords.
///
/// The keywords (trigger and title words) share the trie with the surfaces, so that one
/// walk from each word start finds both: the relation stage needs no pass of its own over
/// the text to learn where it must look.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    trie: Trie,
    starts: Starts,
    patterns: Patterns,
    /// Whether each keyword, by id, is a [`KeywordWord::Prefix`].
    prefix: Box<[bool]>,
}

impl Matcher {
    /// Compiles every surface, generated variant and partial name of `gazetteer`, and
    /// `keywords`, which match in any ASCII case.
    pub(crate) fn build<'k>(
        gazetteer: &Gazetteer,
        keywords: impl IntoIterator<Item = KeywordWord<'k>>,
    ) -> Result<Matcher> {
        let patterns = Patterns::collect(gazetteer)?;
        let keywords: Vec<KeywordWord> = keywords.into_iter().collect();
        let texts = keywords.iter().map(|k| k.text().as_bytes());
        let prefix: Box<[bool]> = keywords.iter().map(|k| matches!(k, KeywordWord::Prefix(_))).collect();
        // Only a prefix keyword is found where it ends inside a word.
        let inside_words = |id: u32| {
            id.checked_sub(patterns.len() as u32).is_some_and(|k| prefix.get(k as usize) == Some(&true))
        };
        let trie = Trie::build(patterns.texts().map(str::as_bytes).chain(texts), inside_words)?;
        let mut starts = Starts::new(patterns.len() + keywords.len());
        for id in 0..patterns.len() as u32 {
            starts.add(patterns.text(id).as_bytes(), patterns.caps(id));
        }
        for word in &keywords {
            match word {
                KeywordWord::Whole(word) => starts.add_any_case(word.as_bytes()),
                KeywordWord::Prefix(Prefix(word)) => starts.add_any_case_prefix(word.as_bytes()),
            }
        }
        Ok(Matcher { trie, starts, patterns, prefix })
    }

    /// Every accepted match in `text`.
    #[cfg(test)]
    pub(crate) fn find(&self, text: &str) -> Matches {
        let mut out = Matches::default();
        self.find_into(text, &mut out);
        out
    }

    /// [`Matcher::find`] into buffers that `out` already holds (cleared first).
    /// Whether the start set is the size the fast gather reads (see `start::FIXED_BITS`).
    #[cfg(test)]
    pub(crate) fn starts_are_fixed(&self) -> bool {
        self.starts.is_fixed()
    }

    pub(crate) fn find_into(&self, text: &str, out: &mut Matches) {
        out.candidates.clear();
        out.keywords.clear();
        let mut memo = Memo::default();
        self.starts.for_each_candidate(text.as_bytes(), |start, first_word| {
            self.walk(text, start, first_word, out, &mut memo)
        });
        self.keep_cased(text.as_bytes(), &mut out.candidates, memo.cased);
    }

    /// Keeps the candidates from `from` on whose case the policy allows
    /// ([`Matcher::case_matches`]).
    ///
    /// A pass of its own after the walks rather than a test at each match the walk finds:
    /// in the walk, the compiler set the test up at every node that ends a pattern, and the
    /// walk's state left it no registers. A replayed walk copies candidates already tested
    /// ([`Memo::cased`]).
    #[inline(never)]
    fn keep_cased(&self, text: &[u8], candidates: &mut Vec<Candidate>, from: usize) {
        let mut kept = from;
        for at in from..candidates.len() {
            let Some(&c) = candidates.get(at) else { break };
            let (start, end) = (c.span.start, c.span.end);
            let cased = match self.patterns.written_at(c.pattern, text, start, end.wrapping_sub(start)) {
                Some(written) => written,
                None => text.get(start..end).is_some_and(|found| found == self.patterns.bytes(c.pattern)),
            } || text.get(start..end).is_some_and(|found| self.case_matches(c.pattern, found));
            if cased {
                if let Some(to) = candidates.get_mut(kept) {
                    *to = c;
                }
                kept += 1;
            }
        }
        candidates.truncate(kept);
    }

    /// The matches that start at `start`, which the set of first words let through, with
    /// the key of its first word.
    #[inline]
    fn walk(&self, text: &str, start: usize, first_word: u64, out: &mut Matches, memo: &mut Memo) {
        let bytes = text.as_bytes();
        if !self.starts.word_start(bytes, start) && !is_boundary(text, start) {
            return;
        }
        if memo.repeats(bytes, start) {
            // The remembered walk's candidates are tested first, so that their copies need
            // no test: a document that repeats a name replays nearly every walk.
            if memo.cased < out.candidates.len() {
                self.keep_cased(bytes, &mut out.candidates, memo.cased);
            }
            memo.replay(start, out);
            memo.cased = out.candidates.len();
            return;
        }
        let mut reach = usize::MAX;
        self.trie.prefixes(
            bytes,
            start,
            first_word,
            Walk { matcher: self, text, start, out, reach: &mut reach },
        );
        memo.remember(start, reach);
    }

    /// Records `pattern` at `span` if the span ends on a boundary (or the pattern is a
    /// prefix keyword); a surface's case is tested after the walks ([`Matcher::keep_cased`]).
    /// Inlined into the trie's walk
    /// through [`Walk`]: as the body of a closure it was a function of its own, called at
    /// every pattern found, which stored and reloaded what the closure captured (the text,
    /// the start, the matcher and the output) each time.
    #[inline(always)]
    fn found(&self, text: &str, span: Span, pattern: u32, out: &mut Matches) {
        let ends = is_boundary(text, span.end);
        match pattern.checked_sub(self.patterns.len() as u32) {
            None if ends => out.candidates.push(Candidate { span, pattern }),
            None => {}
            // Most keywords end on a boundary: only the others ask whether they are prefixes.
            Some(id) if ends || self.prefix.get(id as usize) == Some(&true) => {
                out.keywords.push(Keyword { span, id })
            }
            Some(_) => {}
        }
    }

    /// The case policy: `found` spells the pattern as written, or in capitals if allowed.
    fn case_matches(&self, pattern: u32, found: &[u8]) -> bool {
        found == self.patterns.bytes(pattern)
            || (self.patterns.caps(pattern) && !found.iter().any(u8::is_ascii_lowercase))
    }

    /// What the resolver asks of a candidate's targets.
    pub(crate) fn facts(&self, candidate: Candidate) -> Facts {
        self.patterns.facts(candidate.pattern)
    }

    /// The entries a candidate may name.
    pub(crate) fn targets(&self, candidate: Candidate) -> &[Target] {
        self.patterns.targets(candidate.pattern)
    }

    /// The first entry a candidate may name, which it names unless it is a partial name.
    pub(crate) fn first_target(&self, candidate: Candidate) -> Option<Target> {
        self.patterns.first_target(candidate.pattern)
    }

    /// The text of pattern `id`.
    #[cfg(test)]
    pub(crate) fn pattern_text(&self, id: u32) -> &str {
        self.patterns.text(id)
    }

    /// Number of compiled patterns (surface forms after expansion).
    pub(crate) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Heap bytes used by the trie and the pattern table.
    pub(crate) fn memory_usage(&self) -> usize {
        self.trie.memory_usage() + self.patterns.memory_usage() + self.starts.memory_usage()
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    use super::*;

    /// The search the trie replaced, kept as the oracle: an overlapping Aho-Corasick search
    /// over every byte, then the same boundary and case checks. Candidates with the same span
    /// keep the automaton's order (pattern id), which the stable sort preserves.
    struct Oracle {
        automaton: AhoCorasick,
    }

    impl Oracle {
        fn new(m: &Matcher) -> Oracle {
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(true)
                .build(m.patterns.texts())
                .unwrap();
            Oracle { automaton }
        }

        fn find(&self, m: &Matcher, text: &str) -> Vec<Candidate> {
            let mut out: Vec<Candidate> = self
                .automaton
                .find_overlapping_iter(text)
                .filter(|h| is_boundary(text, h.start()) && is_boundary(text, h.end()))
                .filter(|h| m.case_matches(h.pattern().as_u32(), &text.as_bytes()[h.start()..h.end()]))
                .map(|h| Candidate { span: Span::new(h.start(), h.end()), pattern: h.pattern().as_u32() })
                .collect();
            out.sort_by_key(|c| (c.span.start, c.span.end));
            out
        }
    }

    fn keyword_matcher() -> &'static Matcher {
        static BUILT: once_cell::sync::Lazy<Matcher> = once_cell::sync::Lazy::new(|| {
            let gate = crate::relation::gate::Gate::new(crate::relation::Lexicon::builtin());
            Matcher::build(Gazetteer::builtin(), gate.words()).unwrap()
        });
        &BUILT
    }

    impl Matcher {
        /// [`Matcher::find`] without replaying any walk, each from the root.
        fn find_walking_every_start(&self, text: &str) -> Matches {
            let mut out = Matches::default();
            self.starts.for_each_candidate(text.as_bytes(), |start, _| {
                if is_boundary(text, start) {
                    let (mut reach, out) = (0, &mut out);
                    self.trie.prefixes(
                        text.as_bytes(),
                        start,
                        0,
                        Walk { matcher: self, text, start, out, reach: &mut reach },
                    );
                }
            });
            self.keep_cased(text.as_bytes(), &mut out.candidates, 0);
            out
        }
    }

    fn default_matcher() -> &'static (Matcher, Oracle) {
        static BUILT: once_cell::sync::Lazy<(Matcher, Oracle)> = once_cell::sync::Lazy::new(|| {
            let m = Matcher::build(Gazetteer::builtin(), []).unwrap();
            let o = Oracle::new(&m);
            (m, o)
        });
        &BUILT
    }

    #[test]
    fn same_candidates_as_an_overlapping_automaton_on_the_seeds() {
        let (m, oracle) = default_matcher();
        for text in crate::seed_texts() {
            assert_eq!(m.find(&text).candidates, oracle.find(m, &text));
        }
    }

    #[test]
    fn odd_surfaces() {
        let tsv =
            "organization\tX\talias=al-Qaeda|Ö|Öl Co|US|ÉTAT 9\norganization\tNew York Times\talias=New York";
        let g = Gazetteer::parse("odd", tsv).unwrap();
        let m = Matcher::build(&g, []).unwrap();
        let oracle = Oracle::new(&m);
        for text in [
            "X",
            "X.",
            "aX X",
            "AL-QAEDA al-Qaeda Al-Qaeda",
            "Öl Co Ö Öl",
            "us US Us",
            "ÉTAT 9 état 9",
            "New York Timesheet",
            "NEW YORK TIMES",
            "X\u{301}",
            "\u{301}X",
            "",
        ] {
            let found = m.find(text).candidates;
            assert_eq!(found, oracle.find(&m, text), "{text:?}");
        }
        let spans = |t: &'static str| {
            m.find(t).candidates.iter().map(|c| &t[c.span.start..c.span.end]).collect::<Vec<_>>()
        };
        assert_eq!(spans("New York Timesheet"), ["New York"]);
        assert_eq!(spans("AL-QAEDA al-Qaeda Al-Qaeda"), ["AL-QAEDA", "al-Qaeda"]);
        assert_eq!(spans("us US Us X."), ["US", "X"]);
    }

    /// A replayed walk must not stand for one whose boundary tests read other bytes: past a
    /// lead byte, "×" ends a word and "é" does not; a zero byte is not the end of the text.
    #[test]
    fn walks_are_replayed_only_over_the_same_ascii_bytes() {
        let (m, oracle) = default_matcher();
        for text in [
            "Kim\u{d7} Kim\u{e9} Kim\u{d7}",
            "Kim\u{e9} Kim\u{d7}",
            "Kim\0Kim",
            "Kim\0 Kim",
            "Putin Putin",
            // A walk that cannot be replayed between two that read the same bytes, and walks
            // that can, but read other bytes with the same first byte.
            "Putin Ukraine Putin Putin",
            "Putin Pyongyang Putin Putin Pyongyang Pyongyang",
            "Iran Iraq Iran Iran Iraq",
            "Kim Kim Kimberly Kim",
            // Replayed walks whose candidates the case test drops, and keeps.
            "XI XI Xi XI Xi Xi XI",
            "US Us US us US US Us",
            "PUTIN Putin PUTIN PUTIN PuTin PuTin",
        ] {
            assert_eq!(m.find(text).candidates, oracle.find(m, text), "{text:?}");
            let with_keywords = keyword_matcher();
            assert_eq!(with_keywords.find(text), with_keywords.find_walking_every_start(text), "{text:?}");
        }
    }

    #[test]
    fn prefix_keywords_end_anywhere_but_start_on_a_boundary() {
        let return_ = Prefix::new("return").unwrap();
        assert_eq!(Prefix::new("retur"), None, "too short for the set of first words");
        assert_eq!(Prefix::new("return’"), None);
        let m = Matcher::build(&Gazetteer::new(), [KeywordWord::Whole("in"), KeywordWord::Prefix(return_)])
            .unwrap();
        let text = "in returns, RETURN; unreturned return9 Returné in-return";
        let found: Vec<(&str, u32)> =
            m.find(text).keywords.iter().map(|k| (&text[k.span.start..k.span.end], k.id)).collect();
        assert_eq!(
            found,
            [("in", 0), ("return", 1), ("RETURN", 1), ("return", 1), ("Return", 1), ("in", 0), ("return", 1)]
        );
    }

    /// A walk jumps past a start's first word only where no pattern found inside words ends
    /// inside it: "returned" passes the prefix keyword "return", "Kimberly" the surface
    /// "Kim", which the boundary test rejects there.
    #[test]
    fn jumps_keep_what_ends_inside_a_word_where_it_is_found() {
        let g = Gazetteer::parse("kim", "person\tKim\norganization\tKimberly Works\n").unwrap();
        let m = Matcher::build(
            &g,
            [
                KeywordWord::Prefix(Prefix::new("return").unwrap()),
                KeywordWord::Whole("returned"),
                KeywordWord::Whole("kimberly"),
            ],
        )
        .unwrap();
        for text in ["returned returning RETURN Returned", "Kimberly Works, KIMBERLY, Kim’s kimberly"] {
            assert_eq!(m.find(text), m.find_walking_every_start(text), "{text:?}");
        }
        let text = "returned Kimberly";
        let found: Vec<&str> =
            m.find(text).keywords.iter().map(|k| &text[k.span.start..k.span.end]).collect();
        assert_eq!(found, ["return", "returned", "Kimberly"]);
    }

    /// The case test of a pass of its own, which compares a match's first and last eight
    /// bytes, must keep what comparing all its bytes with `case_matches` kept: every
    /// pattern, as written, in capitals, in lower case and with one letter's case changed,
    /// at the start and end of the text and inside it.
    #[test]
    fn the_case_pass_keeps_what_the_byte_comparison_kept() {
        let (m, _) = default_matcher();
        let mut kept = Vec::new();
        for id in 0..m.patterns.len() as u32 {
            let pattern = m.pattern_text(id);
            let flip = |k: usize| {
                let mut bytes = pattern.as_bytes().to_vec();
                if let Some(b) = bytes.iter_mut().filter(|b| b.is_ascii_alphabetic()).nth(k) {
                    *b ^= 0x20;
                }
                String::from_utf8(bytes).unwrap()
            };
            let cases = [
                pattern.to_string(),
                pattern.to_ascii_uppercase(),
                pattern.to_ascii_lowercase(),
                flip(0),
                flip(1),
                flip(9),
                flip(14),
            ];
            for written in &cases {
                for (before, after) in [("", ""), ("", " and so on."), ("The ", ""), ("x ", "’s policy")] {
                    let text = format!("{before}{written}{after}");
                    let span = Span { start: before.len(), end: before.len() + written.len() };
                    kept.clear();
                    kept.push(Candidate { span, pattern: id });
                    m.keep_cased(text.as_bytes(), &mut kept, 0);
                    let old = m.case_matches(id, &text.as_bytes()[span.start..span.end]);
                    assert_eq!(kept.len() == 1, old, "{text:?} for {pattern:?}");
                }
            }
        }
    }

    /// Text made of surfaces (as written, in capitals, in lower case, or cut short) and
    /// separators, so that matches are dense, overlap and sit on every kind of boundary.
    fn surfaces_and_separators() -> impl Strategy<Value = String> {
        let (m, _) = default_matcher();
        let count = m.patterns.len();
        let piece = (
            0..count,
            0..4u8,
            prop::sample::select(vec!["", " ", "-", "’s ", ", ", "\u{a0}", "é", "a", "."]),
        );
        prop::collection::vec(piece, 0..24).prop_map(move |pieces| {
            let mut text = String::new();
            for (i, case, sep) in pieces {
                let surface = default_matcher().0.patterns.text(i as u32);
                match case {
                    0 => text.push_str(surface),
                    1 => text.push_str(&surface.to_uppercase()),
                    2 => text.push_str(&surface.to_lowercase()),
                    _ => text.extend(surface.chars().take(3)),
                }
                text.push_str(sep);
            }
            text
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn same_candidates_as_an_overlapping_automaton(text in surfaces_and_separators()) {
            let (m, oracle) = default_matcher();
            prop_assert_eq!(m.find(&text).candidates, oracle.find(m, &text));
        }

        /// The case policy: the text of a match is its pattern's, or, where the pattern
        /// allows it, its pattern's ASCII capitals.
        #[test]
        fn a_match_writes_its_pattern_or_its_capitals(text in surfaces_and_separators()) {
            let (m, _) = default_matcher();
            for c in m.find(&text).candidates {
                let (pattern, written) = (m.patterns.text(c.pattern), &text[c.span.start..c.span.end]);
                let capitals = m.patterns.caps(c.pattern) && written == pattern.to_ascii_uppercase();
                prop_assert!(written == pattern || capitals, "{:?} for {:?}", written, pattern);
            }
        }

        /// Text that repeats itself, so that walks are replayed, also across non-ASCII bytes,
        /// zero bytes and the end of the text.
        #[test]
        fn same_candidates_in_repeated_text(
            piece in surfaces_and_separators(),
            glue in prop::sample::select(vec!["", " ", "\0", "é ", ","]),
            times in 1..6usize,
            cut in 0..4usize,
        ) {
            let (m, oracle) = default_matcher();
            let mut text = format!("{piece}{glue}").repeat(times);
            text.truncate(text.floor_char_boundary(text.len().saturating_sub(cut)));
            prop_assert_eq!(m.find(&text).candidates, oracle.find(m, &text));
            // With keywords too, against walks that are never replayed.
            let with_keywords = keyword_matcher();
            prop_assert_eq!(with_keywords.find(&text), with_keywords.find_walking_every_start(&text));
        }

        #[test]
        fn same_candidates_on_any_string(text in "\\PC{0,64}") {
            let (m, oracle) = default_matcher();
            prop_assert_eq!(m.find(&text).candidates, oracle.find(m, &text));
        }
    }
}
