//! One sentence as the relation rules see it: a row of tokens in which every entity mention
//! is a single token, possessives and "n't" are tokens of their own, and quotation marks are
//! gone. Rules address tokens by index; every token keeps its byte span.

use super::items::{classify, WordClass};
use super::lexicon::{fingerprint, fingerprint_of, normalize_into, Lexicon, Materiel, PhraseMap};
use crate::entity::{Entity, EntityKind};
use crate::gazetteer::{Entry, Gazetteer, SurfaceRole};
use crate::span::Span;
use crate::swar::{ascii_alphanumeric, below_first, first, lower_alphanumeric, word_at, HIGH};
use crate::tokenize::is_word_char;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A word; its normalized form is in `Token::lower`.
    Word,
    /// An entity mention, by index into the document's entities.
    Entity(usize),
    /// "’s" or "'s" after a name or noun.
    Possessive,
    /// Punctuation that shapes clauses: `, ; : ( ) — – - . ? ! /`.
    Punct(char),
}

#[derive(Clone, Debug)]
pub(crate) struct Token<'s> {
    pub span: Span,
    pub tok: Tok,
    /// Kept in the token rather than in a row of its own: the view makes one row per token,
    /// not two.
    word: Word<'s>,
}

/// What the lexicon lookups read of a token: its normalized form if it is a word, sliced
/// once (the rules ask for words far more often than the view makes them), and that form's
/// [`fingerprint`], taken once (the lexicons' Bloom filters answer most lookups from it);
/// and its materiel class, looked up once when the view is made (the rules ask about the
/// same tokens many times), in the room the fingerprint leaves: a table of classes beside
/// the tokens had to be cleared for every view.
#[derive(Clone, Copy, Debug)]
struct Word<'s> {
    text: Option<&'s str>,
    fingerprint: u32,
    class: Packed,
}

/// The [`Word`] of a token that is no word.
const NOT_A_WORD: Word<'static> = Word { text: None, fingerprint: 0, class: Packed::NONE };

/// A [`WordClass`] in three bytes: its length, and one bit per class. A phrase of a view is
/// no longer than the view, and the engine reads a sentence in pieces of at most 2,000 bytes,
/// so its length in tokens fits (it saturates in a view of more than 65,534 tokens).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Packed {
    len: u16,
    flags: u8,
    /// The entry kind of an entity token as [`Packed::kind_byte`] writes it, set when the
    /// view is made: the rules ask it of the same tokens many times, and asked of the
    /// document it is two dependent loads. In the byte the other fields leave, so that a
    /// token grows no larger, and 0 for none, so that the tokens of other kinds are written
    /// as before.
    kind: u8,
}

impl Packed {
    const NONE: Packed = Packed { len: 0, flags: 0, kind: 0 };
    const HEAD: u8 = 1;
    const WEAK: u8 = 2;
    const MODIFIER: u8 = 4;
    const PERSONNEL: u8 = 8;
    const MADE: u8 = 16;

    fn bit(class: Materiel) -> u8 {
        match class {
            Materiel::Head => Packed::HEAD,
            Materiel::WeakHead => Packed::WEAK,
            Materiel::Modifier => Packed::MODIFIER,
            Materiel::Personnel => Packed::PERSONNEL,
            Materiel::Made => Packed::MADE,
        }
    }

    fn pack(c: WordClass) -> Packed {
        let flag = |set: bool, bit: u8| if set { bit } else { 0 };
        let flags = flag(c.head, Packed::HEAD)
            | flag(c.weak, Packed::WEAK)
            | flag(c.modifier, Packed::MODIFIER)
            | flag(c.personnel, Packed::PERSONNEL)
            | flag(c.made, Packed::MADE);
        Packed { len: u16::try_from(c.len).unwrap_or(u16::MAX), flags, kind: 0 }
    }

    /// The byte of an entity token's kind: never 0.
    fn kind_byte(kind: EntityKind) -> u8 {
        match kind {
            EntityKind::Person => 1,
            EntityKind::State => 2,
            EntityKind::Weapon => 3,
            EntityKind::Organization => 4,
            EntityKind::Place => 5,
        }
    }

    /// The kind [`Packed::kind_byte`] wrote, if any.
    #[inline]
    fn kind(self) -> Option<EntityKind> {
        match self.kind {
            1 => Some(EntityKind::Person),
            2 => Some(EntityKind::State),
            3 => Some(EntityKind::Weapon),
            4 => Some(EntityKind::Organization),
            5 => Some(EntityKind::Place),
            _ => None,
        }
    }

    #[inline]
    fn unpack(self) -> WordClass {
        let set = |bit: u8| self.flags & bit != 0;
        WordClass {
            len: usize::from(self.len),
            head: set(Packed::HEAD),
            weak: set(Packed::WEAK),
            modifier: set(Packed::MODIFIER),
            personnel: set(Packed::PERSONNEL),
            made: set(Packed::MADE),
        }
    }
}

/// A word whose normalized form lies in the view's buffer (one buffer per sentence instead
/// of one string per word), at `start..end`: it is sliced once the buffer is complete. Words
/// already in normal form (most words are lower-case ASCII) are read from the text.
#[derive(Clone, Copy, Debug)]
struct Lowered {
    token: usize,
    start: usize,
    end: usize,
}

/// What the rules know of the document beyond one sentence.
pub(crate) struct Doc<'e, 'a> {
    pub text: &'a str,
    pub entities: &'e [Entity<'a>],
    pub gazetteer: &'a Gazetteer,
    pub lexicon: &'a Lexicon,
}

impl Doc<'_, '_> {
    /// The entities (by index) that end before `at` and less than `window` bytes before it,
    /// nearest first: where a pronoun's antecedent or a weapon's maker is looked for.
    pub fn before(&self, at: usize, window: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.entities.partition_point(|e| e.span.end <= at);
        (0..end).rev().take_while(move |&k| at - self.entities[k].span.end < window)
    }

    /// The kind of the entry an entity links to: a capital written as a place is still a state.
    pub fn entry_kind(&self, entity: usize) -> EntityKind {
        self.gazetteer.entries()[self.entities[entity].id.0 as usize].kind
    }
}

pub(crate) struct View<'d, 'a> {
    pub doc: &'d Doc<'d, 'a>,
    pub span: Span,
    pub tokens: Vec<Token<'d>>,
    /// The tokens that may begin an item, in order: the words with a materiel class, and the
    /// names. The item search and the office rule pass over the others without a look.
    classed: Vec<usize>,
    /// The token whose clause was asked for last, and the clause's first and last token:
    /// each rule that a trigger fires asks for the trigger's clause again.
    clause: core::cell::Cell<Option<(usize, (usize, usize))>>,
}

/// The buffers of a view, kept between sentences: a document's sentences then cost no
/// allocation for their tokens once the first few have grown them. A dropped
/// scratch leaves its buffers to the next one the thread makes (see [`SPARE`]).
pub(crate) struct Scratch {
    /// Kept empty between sentences, so that it borrows nothing: see [`reuse`].
    tokens: Vec<Token<'static>>,
    /// The words of the sentence being read whose normal form is in its buffer.
    lowered: Vec<Lowered>,
    /// The tokens of the sentence being read that may have a materiel class, and its names.
    classed: Vec<usize>,
    /// The tokenizer's window on the text: kept, so that a view neither clears nor moves
    /// its half kilobyte.
    window: Box<Window>,
}

/// The buffers of a dropped [`Scratch`].
#[derive(Default)]
struct Spare {
    tokens: Vec<Token<'static>>,
    lowered: Vec<Lowered>,
    classed: Vec<usize>,
    window: Box<Window>,
}

thread_local! {
    /// The buffers of the last scratch the thread dropped. The engine makes a scratch per
    /// document, which grew its vectors a step at a time over the document's first
    /// sentences; views stay under a few thousand tokens, so what is kept stays small.
    static SPARE: core::cell::Cell<Option<Spare>> = const { core::cell::Cell::new(None) };
}

impl Default for Scratch {
    fn default() -> Scratch {
        let Spare { tokens, lowered, classed, mut window } =
            SPARE.try_with(|s| s.take()).ok().flatten().unwrap_or_default();
        // The window held an earlier document's text, which the next may be written where.
        window.held = None;
        Scratch { tokens, lowered, classed, window }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let spare = Spare {
            tokens: reuse(core::mem::take(&mut self.tokens)),
            lowered: core::mem::take(&mut self.lowered),
            classed: core::mem::take(&mut self.classed),
            window: core::mem::take(&mut self.window),
        };
        // While the thread ends the slot may be gone, and the buffers are freed.
        let _ = SPARE.try_with(|s| s.set(Some(spare)));
    }
}

impl<'d, 'a> View<'d, 'a> {
    /// Tokenizes `span`, in buffers taken from `scratch`, keeping the words that need
    /// normalizing in `lower`; `first` is the index of the first entity starting inside it.
    /// [`View::recycle`] gives the buffers back.
    pub fn new(
        doc: &'d Doc<'d, 'a>,
        span: Span,
        first: usize,
        scratch: &mut Scratch,
        lower: &'d mut String,
    ) -> View<'d, 'a> {
        let mut tokens = reuse(core::mem::take(&mut scratch.tokens));
        lower.clear();
        scratch.lowered.clear();
        scratch.classed.clear();
        let mut rows = Rows {
            text: doc.text,
            tokens: &mut tokens,
            lowered: &mut scratch.lowered,
            buf: lower,
            materiel: &doc.lexicon.materiel,
            entries: doc.gazetteer.entries(),
            classed: &mut scratch.classed,
        };
        tokenize(&mut rows, &mut scratch.window, span, doc.entities, first);
        let lower: &'d str = lower;
        for l in &scratch.lowered {
            if let Some(t) = tokens.get_mut(l.token) {
                t.word.text = lower.get(l.start..l.end);
            }
        }
        let classed = core::mem::take(&mut scratch.classed);
        let clause = core::cell::Cell::new(None);
        let mut view = View { doc, span, tokens, classed, clause };
        // Most words have no class, and the tokenizer listed the words the materiel filter let
        // through; the list keeps the names and the words with a class only, so that the loops
        // over it pass over no word that the filter let through in vain.
        let mut kept = 0;
        for k in 0..view.classed.len() {
            let i = view.classed[k];
            let Some(t) = view.tokens.get(i) else { continue };
            let class = match t.word.text {
                Some(w) => materiel_class(&view, i, w, t.word.fingerprint),
                None => Packed::NONE,
            };
            if class.len == 0 && !matches!(t.tok, Tok::Entity(_)) {
                continue;
            }
            if let Some(c) = view.classed.get_mut(kept) {
                *c = i;
            }
            kept += 1;
            if let Some(t) = view.tokens.get_mut(i) {
                // An entity token keeps the kind the tokenizer gave it.
                t.word.class = Packed { kind: t.word.class.kind, ..class };
            }
        }
        view.classed.truncate(kept);
        view
    }

    /// Returns the view's buffers to `scratch` for the next sentence.
    pub fn recycle(self, scratch: &mut Scratch) {
        scratch.tokens = reuse(self.tokens);
        scratch.classed = self.classed;
    }

    /// The tokens, in order, that may begin an item: every name and every word with a
    /// materiel class. The rules that look for names or items pass over the other tokens by
    /// it.
    pub fn names_and_materiel(&self) -> &[usize] {
        &self.classed
    }

    /// The materiel class of the token at `i` (empty for non-words and out of range).
    #[inline]
    pub fn class(&self, i: usize) -> WordClass {
        self.tokens.get(i).map_or(WordClass::default(), |t| t.word.class.unpack())
    }

    /// The first and last token of the clause of token `at`, from `find` unless `at` was
    /// the last token asked for.
    pub fn clause_of(&self, at: usize, find: impl FnOnce() -> (usize, usize)) -> (usize, usize) {
        match self.clause.get() {
            Some((i, found)) if i == at => found,
            _ => {
                let found = find();
                self.clause.set(Some((at, found)));
                found
            }
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The normalized word at `i`, or `None` for other tokens and out of range.
    pub fn word(&self, i: usize) -> Option<&'d str> {
        self.tokens.get(i).and_then(|t| t.word.text)
    }

    /// The phrases of `map` that begin at the word at `i`, longest first, as (number of
    /// tokens, value); none for other tokens and out of range.
    pub fn phrases<'v, T: Copy + PartialEq>(&'v self, map: &'v PhraseMap<T>, i: usize) -> Phrases<'v, T> {
        let list = match self.tokens.get(i).map(|t| t.word) {
            Some(Word { text: Some(w), fingerprint, .. }) => map.starting(w, fingerprint),
            _ => &[],
        };
        Phrases { tokens: &self.tokens, list: list.iter(), at: i }
    }

    /// Whether a phrase of `map` may begin at `i`: `false` only if [`View::phrases`] finds
    /// none. The map's filter answers from the word's fingerprint, inline, where a search
    /// asks every token of a stretch and nearly every answer is no.
    #[inline]
    pub fn may_begin<T: Copy + PartialEq>(&self, map: &PhraseMap<T>, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.word.text.is_some() && map.may_start(t.word.fingerprint))
    }

    /// Whether the word at `i` is one of `words`.
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| among(w, words))
    }

    /// Whether the word at `i` is in `set`: [`View::is`] for the lists the rules ask about
    /// at every token, which the set's filter answers for most words without a comparison.
    #[inline]
    pub fn is_in(&self, i: usize, set: &WordSet) -> bool {
        match self.tokens.get(i).map(|t| t.word) {
            Some(Word { text: Some(w), fingerprint, .. }) => set.may_hold(fingerprint) && among(w, set.words),
            _ => false,
        }
    }

    pub fn entity(&self, i: usize) -> Option<usize> {
        match self.tokens.get(i)?.tok {
            Tok::Entity(e) => Some(e),
            _ => None,
        }
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i)?.tok {
            Tok::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub fn is_possessive(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.tok == Tok::Possessive)
    }

    /// The entry kind of the entity at token `i`.
    pub fn kind(&self, i: usize) -> Option<EntityKind> {
        self.tokens.get(i).and_then(|t| t.word.class.kind())
    }

    pub fn role(&self, i: usize) -> Option<SurfaceRole> {
        self.entity(i).map(|e| self.doc.entities[e].role)
    }

    /// Whether the token at `i` is a demonym ("Russian"), which modifies the noun after it.
    pub fn is_demonym(&self, i: usize) -> bool {
        self.role(i) == Some(SurfaceRole::Demonym)
    }

    /// Whether the word at `i` starts with a capital letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.tok == Tok::Word
                && match self.doc.text.as_bytes().get(t.span.start) {
                    // An ASCII first byte is the first character, read without decoding.
                    Some(b) if b.is_ascii() && t.span.start < t.span.end => b.is_ascii_uppercase(),
                    _ => self.doc.text[t.span].chars().next().is_some_and(char::is_uppercase),
                }
        })
    }

    /// The fingerprint the lexicon lookups of the word at `i` use (0 for other tokens).
    #[cfg(test)]
    fn fingerprint_at(&self, i: usize) -> u32 {
        self.tokens[i].word.fingerprint
    }

    /// Span from token `a` to token `b` inclusive.
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }
}

/// The materiel class of the word `w` at `i`, whose fingerprint is given: [`classify`]'s
/// answer. Nearly every materiel word begins no phrase of two words, and its class is then
/// the classes of its one-word phrases together, read from their list without walking the
/// phrases; a word that may begin a longer phrase is classified the long way.
#[inline]
fn materiel_class(v: &View, i: usize, w: &str, fingerprint: u32) -> Packed {
    let list = v.doc.lexicon.materiel.starting(w, fingerprint);
    if list.iter().any(|(rest, _)| !rest.is_empty()) {
        return Packed::pack(classify_phrases(v, i));
    }
    if list.is_empty() {
        // As [`classify`] reads them: the hyphen's place first.
        let suffix =
            |end: &str| w.as_bytes().get(w.len().wrapping_sub(end.len())) == Some(&b'-') && w.ends_with(end);
        let modifier = suffix("-range") || suffix("-guided") || suffix("-capable");
        return if modifier { Packed { len: 1, flags: Packed::MODIFIER, kind: 0 } } else { Packed::NONE };
    }
    Packed { len: 1, flags: list.iter().fold(0, |flags, &(_, class)| flags | Packed::bit(class)), kind: 0 }
}

/// [`classify`], out of line: the few words that may begin a phrase of two words keep its
/// phrase walk out of the loop that classes the others.
#[inline(never)]
fn classify_phrases(v: &View, i: usize) -> WordClass {
    classify(v, i)
}

/// Whether `w` is one of `words`. The lists are short function words, many of one length:
/// comparing the first byte before the rest saves a `memcmp` call for most of those ("the"
/// against "and").
#[inline]
fn among(w: &str, words: &[&str]) -> bool {
    let first = w.as_bytes().first();
    words.iter().any(|c| c.len() == w.len() && c.as_bytes().first() == first && *c == w)
}

/// A fixed list of words that the rules ask about at many tokens ("is this word a
/// preposition?"), with a Bloom filter of their [`fingerprint`]s made at compile time: the
/// view keeps each word's fingerprint, so most words are turned away by one bit, without
/// comparing them with each word of the list.
pub(crate) struct WordSet {
    pub words: &'static [&'static str],
    /// 256 bits, one set by each word at its fingerprint's top byte.
    filter: [u64; 4],
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        let mut filter = [0; 4];
        let mut k = 0;
        while k < words.len() {
            let bit = filter_bit(const_fingerprint(words[k].as_bytes()));
            filter[bit / 64] |= 1 << (bit % 64);
            k += 1;
        }
        WordSet { words, filter }
    }

    /// Whether a word with this fingerprint may be in the set: `false` only if it is not.
    #[inline]
    fn may_hold(&self, fingerprint: u32) -> bool {
        let bit = filter_bit(fingerprint);
        self.filter[bit / 64] >> (bit % 64) & 1 != 0
    }
}

const fn filter_bit(fingerprint: u32) -> usize {
    (fingerprint >> 24) as usize
}

/// The [`fingerprint`] of a normalized word, at compile time: [`fingerprint_of`] written
/// out, which is no `const fn` (a test holds the two to one answer).
const fn const_fingerprint(word: &[u8]) -> u32 {
    let n = word.len();
    let tail = if n > 8 { eight_from(word, n - 8) } else { 0 };
    let bytes = eight_from(word, 0) ^ tail.rotate_left(29);
    ((bytes ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

/// The eight bytes of `word` from `at`, zeros past its end, the first lowest.
const fn eight_from(word: &[u8], at: usize) -> u64 {
    let mut x = 0;
    let mut k = 0;
    while k < 8 && at + k < word.len() {
        x |= (word[at + k] as u64) << (8 * k);
        k += 1;
    }
    x
}

/// The phrases that begin at a token: see [`View::phrases`].
pub(crate) struct Phrases<'v, T> {
    tokens: &'v [Token<'v>],
    list: core::slice::Iter<'v, (Box<[Box<str>]>, T)>,
    at: usize,
}

impl<T: Copy> Iterator for Phrases<'_, T> {
    type Item = (usize, T);

    /// Most words begin no phrase, and most of the others a phrase of one word, which
    /// follows: those answers are inlined, the search for a longer phrase that follows is
    /// not, so that the loops asking every word keep their registers.
    #[inline]
    fn next(&mut self) -> Option<(usize, T)> {
        match self.list.as_slice().first() {
            None => None,
            Some((rest, value)) if rest.is_empty() => {
                self.list.next();
                Some((1, *value))
            }
            Some(_) => self.next_phrase(),
        }
    }
}

impl<T: Copy> Phrases<'_, T> {
    #[inline(never)]
    fn next_phrase(&mut self) -> Option<(usize, T)> {
        let (tokens, at) = (self.tokens, self.at);
        self.list.find_map(|(rest, value)| {
            let follows = rest
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(at + 1 + k).and_then(|t| t.word.text) == Some(&**w));
            follows.then_some((rest.len() + 1, *value))
        })
    }
}

/// `tokens` emptied, its allocation kept for words of another lifetime: the standard library
/// collects a vector's own iterator into elements of the same size in place.
fn reuse<'b>(mut tokens: Vec<Token<'_>>) -> Vec<Token<'b>> {
    tokens.clear();
    tokens.into_iter().map(|t| Token { span: t.span, tok: t.tok, word: NOT_A_WORD }).collect()
}

/// Quotation marks carry no structure for the rules and would split phrases.
pub(crate) fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '`')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The rows a sentence is tokenized into: its tokens and the words that need normalizing,
/// whose normal forms go to `buf`.
struct Rows<'s, 'r> {
    text: &'s str,
    tokens: &'r mut Vec<Token<'s>>,
    lowered: &'r mut Vec<Lowered>,
    buf: &'r mut String,
    /// The materiel lexicon, whose Bloom filter tells which words may have a class.
    materiel: &'r PhraseMap<Materiel>,
    /// The gazetteer's entries, whose kinds the entity tokens keep.
    entries: &'r [Entry],
    /// The tokens that may have a materiel class: every word the filter lets through, and
    /// every word that is not plain ASCII letters and digits, which a suffix may class; and
    /// the names, which may begin an item too.
    classed: &'r mut Vec<usize>,
}

impl<'s> Rows<'s, '_> {
    /// The token of `entity`, the document's entity `index`, with its entry kind, which
    /// [`View::kind`] reads: asked of the document it is two dependent loads per ask.
    fn entity(&mut self, entity: &Entity, index: usize) {
        let kind = self.entries.get(entity.id.0 as usize).map_or(0, |entry| Packed::kind_byte(entry.kind));
        let word = Word { class: Packed { kind, ..Packed::NONE }, ..NOT_A_WORD };
        self.tokens.push(Token { span: entity.span, tok: Tok::Entity(index), word });
    }

    fn other(&mut self, span: Span, tok: Tok) {
        self.tokens.push(Token { span, tok, word: NOT_A_WORD });
    }

    /// A word already in normal form, read from the text.
    fn as_written(&mut self, span: Span, fingerprint: u32) {
        self.written(span, self.text.get(span.start..span.end), fingerprint);
    }

    /// A word already in normal form, `text`, sliced by the caller.
    fn written(&mut self, span: Span, text: Option<&'s str>, fingerprint: u32) {
        self.tokens.push(Token {
            span,
            tok: Tok::Word,
            word: Word { text, fingerprint, class: Packed::NONE },
        });
    }

    /// A word whose normal form was appended to `buf` from `start`.
    fn lowered(&mut self, span: Span, start: usize, fingerprint: u32) {
        self.lowered.push(Lowered { token: self.tokens.len(), start, end: self.buf.len() });
        self.tokens.push(Token {
            span,
            tok: Tok::Word,
            word: Word { text: None, fingerprint, class: Packed::NONE },
        });
    }

    /// A word of any characters, normalized.
    fn word(&mut self, span: Span) {
        self.classed.push(self.tokens.len());
        let s = self.text.get(span.start..span.end).unwrap_or_default();
        if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return self.as_written(span, fingerprint(s.as_bytes()));
        }
        let start = self.buf.len();
        normalize_into(self.buf, s);
        let fingerprint = fingerprint(self.buf.as_bytes().get(start..).unwrap_or_default());
        self.lowered(span, start, fingerprint);
    }

    /// The normal form of the last token if it is a word.
    fn last_word(&self) -> Option<&str> {
        let last = self.tokens.len().checked_sub(1)?;
        match self.lowered.last() {
            Some(l) if l.token == last => self.buf.get(l.start..l.end),
            _ => self.tokens.last()?.word.text,
        }
    }

    /// Takes the last byte, an "n", off the last token, a word ("wouldn’t" → "would" +
    /// "n't"), and returns where the token now ends.
    fn drop_n(&mut self) -> Option<usize> {
        let last = self.tokens.len().checked_sub(1)?;
        // Its class is of the shorter word now.
        if self.classed.last() != Some(&last) {
            self.classed.push(last);
        }
        let t = self.tokens.last_mut()?;
        t.span.end = t.span.end.saturating_sub(1);
        let span = t.span;
        let w = &mut t.word;
        let normal = match self.lowered.last_mut() {
            Some(l) if l.token == last => {
                l.end = l.end.saturating_sub(1);
                self.buf.get(l.start..l.end)
            }
            _ if w.text.is_some() => {
                w.text = self.text.get(span.start..span.end);
                w.text
            }
            _ => None,
        };
        w.fingerprint = normal.map_or(0, |n| fingerprint(n.as_bytes()));
        Some(span.end)
    }
}

/// Appends the tokens of `span` to `rows`. Kept out of [`View::new`]: inlined there, the
/// token loop and the class loop after it shared one function's registers, and each spilled
/// more (and moved with every change to the other).
#[inline(never)]
fn tokenize(rows: &mut Rows, window: &mut Window, span: Span, entities: &[Entity], first: usize) {
    let text = rows.text;
    let bytes = text.as_bytes();
    let mut pos = span.start;
    let end = span.end.min(text.len());
    let mut next_entity = first;
    // Skips the entities that start before `pos`, and returns where the next one starts, or
    // the end: the words before it stop there. Kept from one entity to the next instead of
    // asked of the entity list at every token.
    let skip_entities_before = |pos: usize, next_entity: &mut usize| {
        while *next_entity < entities.len() && entities[*next_entity].span.start < pos {
            *next_entity += 1;
        }
        entities.get(*next_entity).map_or(end, |e| e.span.start.min(end))
    };
    let mut limit = skip_entities_before(pos, &mut next_entity);
    let mut marks = Marks::new(bytes, pos, window);
    while pos < end {
        let b = bytes[pos];
        // Spaces are most of what is not a word: skip them before anything else.
        if b == b' ' {
            pos += 1;
            continue;
        }
        // `pos < end`, so an entity starts here exactly when the limit is here.
        if pos == limit {
            let Some(e) = entities.get(next_entity) else { break };
            rows.classed.push(rows.tokens.len());
            rows.entity(e, next_entity);
            pos = e.span.end;
            limit = skip_entities_before(pos, &mut next_entity);
            pos += space_at(bytes, pos, end);
            continue;
        }
        // ASCII that is no letter, digit or apostrophe starts no word: punctuation is read
        // from the byte, without decoding it and without trying it as a word first.
        if b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'\'' {
            if let Some(c) = ascii_punct(b) {
                rows.other(Span { start: pos, end: pos + 1 }, Tok::Punct(c));
            }
            pos += 1;
            pos += space_at(bytes, pos, end);
            continue;
        }
        // Most words take this path: no decoding, and eight bytes at a time. So do the
        // words after it that follow one space each, without a turn of this loop for the
        // space and for the word; the space before `limit` leaves the entity to the loop.
        let mut at = pos;
        while let Some((w, word)) = ascii_word(&mut marks, text, at, limit) {
            ascii_token(rows, Span { start: at, end: at + w.len }, word, w);
            at += w.len;
            if w.space_after && at + 1 < limit {
                at += 1;
            } else {
                // The space the word has after it, as the token paths below skip theirs.
                at += usize::from(w.space_after && at < end);
                break;
            }
        }
        if at > pos {
            pos = at;
            continue;
        }
        let Some(next) = decoded_token(rows, pos, limit, end) else { break };
        pos = next;
    }
}

/// Appends the token at `pos`, which the ASCII paths of [`tokenize`] do not read, and returns
/// where the next token may start: what needs decoding, and the possessives ("’s") found
/// without it. Out of line: rare, and inlined its registers cost the token loop more.
#[inline(never)]
fn decoded_token(rows: &mut Rows, pos: usize, limit: usize, end: usize) -> Option<usize> {
    let text = rows.text;
    let bytes = text.as_bytes();
    if let Some(len) = possessive_at(bytes, pos, limit) {
        rows.other(Span { start: pos, end: pos + len }, Tok::Possessive);
        return Some(pos + len + space_at(bytes, pos + len, end));
    }
    if let Some(c) = general_punctuation_at(bytes, pos).filter(|&c| !is_apostrophe(c)) {
        // Most other characters here: quotation marks, which are dropped, and dashes. None of
        // them is a word character or an apostrophe, so the decoding path below would read
        // them so, without a space after them skipped.
        if matches!(c, '—' | '–') {
            rows.other(Span::new(pos, pos + 3), Tok::Punct(c));
        }
        return Some(pos + 3 + space_at(bytes, pos + 3, end));
    }
    let c = text.get(pos..)?.chars().next()?;
    if is_word_char(c) {
        let len = word_len(text.get(pos..limit)?);
        rows.word(Span::new(pos, pos + len));
        Some(pos + len)
    } else if is_apostrophe(c) {
        let rest = text.get(pos + c.len_utf8()..limit)?;
        let suffix = word_len(rest);
        let tail = &rest[..suffix];
        let span = Span::new(pos, pos + c.len_utf8() + suffix);
        let after_n = rows.last_word().is_some_and(|w| w.ends_with('n'));
        if tail.eq_ignore_ascii_case("s") {
            rows.other(span, Tok::Possessive);
        } else if tail.eq_ignore_ascii_case("t") && after_n {
            // "wouldn’t" → "would" + "n't": the negation is a cue of its own, normalized
            // from the text as written, so "DIDN’T" gives "n't" too.
            let start = rows.drop_n().unwrap_or(pos);
            rows.word(Span::new(start, span.end));
        } else if suffix > 0 {
            rows.word(span);
        }
        Some(span.end.max(pos + c.len_utf8()))
    } else {
        if !c.is_whitespace()
            && !is_quote(c)
            && matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '-' | '.' | '?' | '!' | '/')
        {
            rows.other(Span::new(pos, pos + c.len_utf8()), Tok::Punct(c));
        }
        Some(pos + c.len_utf8())
    }
}

/// 1 if a space stands at `pos` before `end`, else 0: most tokens are followed by one space,
/// which the token loop would skip in a turn of its own; the paths that end a token skip it.
#[inline]
fn space_at(bytes: &[u8], pos: usize, end: usize) -> usize {
    usize::from(pos < end && bytes[pos] == b' ')
}

/// The character at `pos` if it is one of U+2000 to U+203F (dashes, quotation marks, the
/// ellipsis), decoded from its three bytes.
#[inline]
fn general_punctuation_at(bytes: &[u8], pos: usize) -> Option<char> {
    match *bytes.get(pos..)? {
        [0xE2, 0x80, b2, ..] if b2 & 0xC0 == 0x80 => char::from_u32(0x2000 | u32::from(b2 & 0x3F)),
        _ => None,
    }
}

/// The length of the possessive "’s" or "'s" at `pos` (most apostrophes of news), found from
/// the bytes as the decoding path below finds it, without decoding; `None` leaves every other
/// apostrophe to that path.
#[inline]
fn possessive_at(bytes: &[u8], pos: usize, limit: usize) -> Option<usize> {
    let apostrophe = match bytes.get(pos..)? {
        [b'\'', ..] => 1,
        [0xE2, 0x80, 0x99, ..] => 3,
        _ => return None,
    };
    let s = pos + apostrophe;
    let after = bytes.get(s + 1).filter(|_| s + 1 < limit);
    let alone = after.is_none_or(|b| !b.is_ascii_alphanumeric()) && run_ends(bytes, s + 1, limit);
    (s < limit && matches!(bytes.get(s), Some(b's' | b'S')) && alone).then_some(apostrophe + 1)
}

/// The punctuation token of an ASCII byte that is no letter, digit or apostrophe: the ASCII
/// ones of the clause marks the decoding path keeps (quotation marks and the rest are
/// dropped).
#[inline]
fn ascii_punct(b: u8) -> Option<char> {
    matches!(b, b',' | b';' | b':' | b'(' | b')' | b'-' | b'.' | b'?' | b'!' | b'/').then_some(char::from(b))
}

/// Appends the token of the ASCII word `w` at `span`.
#[inline]
fn ascii_token<'s>(rows: &mut Rows<'s, '_>, span: Span, text: &'s str, w: AsciiWord) {
    if rows.materiel.may_start(w.fingerprint) {
        rows.classed.push(rows.tokens.len());
    }
    if w.capitals {
        let start = rows.buf.len();
        rows.buf.push_str(text);
        rows.buf[start..].make_ascii_lowercase();
        rows.lowered(span, start, w.fingerprint);
    } else {
        rows.written(span, Some(text), w.fingerprint);
    }
}

/// A word of ASCII letters and digits only, measured from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct AsciiWord {
    len: usize,
    /// Whether it has capitals, which its normal form lowers.
    capitals: bool,
    /// The [`fingerprint`] of its normal form.
    fingerprint: u32,
    /// Whether a space follows it in the text (a caller that goes on to the next word checks
    /// that the space lies before its limit).
    space_after: bool,
}

/// The word at `pos` when it is ASCII letters and digits that [`run_ends`] says are the whole
/// word (most words of news), measured, checked for capitals and fingerprinted from the
/// [`Marks`] of its bytes and the bytes themselves, eight at a time, with its slice of `text`.
/// `None` sends every other word through [`word_len`], which also joins hyphens, digit groups
/// and non-ASCII letters.
#[inline]
fn ascii_word<'s>(
    marks: &mut Marks,
    text: &'s str,
    pos: usize,
    limit: usize,
) -> Option<(AsciiWord, &'s str)> {
    // Eight bytes from `at`: their marks, how many letters and digits lead, those bytes, and
    // whether one of them is a capital. Of a letter or digit, bit 5 is clear for a capital
    // only, and setting it lowers the capital.
    let run_at = |marks: &mut Marks, at: usize| {
        let (m, x) = marks.eight(at);
        let word = below_first(m & HIGH);
        (m, first(m & HIGH), x & word, !x & word & CASE)
    };
    let (last, mut run, written, mut capitals) = run_at(marks, pos);
    let head = lower_alphanumeric(written, ALL_LETTERS) & below_first(last & HIGH);
    let mut len = run;
    while run == 8 {
        let (_, r, _, capital) = run_at(marks, pos + len);
        run = r;
        capitals |= capital;
        len += r;
    }
    if len == 0 || pos + len > limit {
        return None;
    }
    // The word is sliced where the byte after it has been read from the text: after a space
    // (most words) the slice then tests no boundary of its own.
    let bytes = text.as_bytes();
    let end = pos + len;
    let (space_after, word) = match bytes.get(end) {
        Some(b' ') => (true, text.get(pos..end)),
        _ if run_ends(bytes, end, limit) => (false, text.get(pos..end)),
        _ => return None,
    };
    let word = word?;
    // Past eight bytes, the last eight are all letters and digits of the word.
    let tail = if len > 8 { lower_alphanumeric(marks.eight(pos + len - 8).1, ALL_LETTERS) } else { 0 };
    let w =
        AsciiWord { len, capitals: capitals != 0, fingerprint: fingerprint_of(head, tail, len), space_after };
    Some((w, word))
}

/// The letter-or-digit mask of eight letters or digits.
const ALL_LETTERS: u64 = HIGH;
/// Bit 5 of every byte: the bit in which an ASCII capital differs from its small letter.
const CASE: u64 = HIGH >> 2;

/// A byte's mark when it is no ASCII letter or digit: the high bit, as the eight-byte tests of
/// `swar` mark bytes, so that eight marks read as one word are such a mask.
const STOP: u8 = 0x80;
/// The mark of `byte`: [`STOP`] or none. Byte by byte and without branches, so that the
/// compiler turns the loop that marks a window into vector instructions.
///
/// Each range (letters, digits) is moved to the bottom of the signed bytes (`i8::MIN` up),
/// and a saturating subtraction of its top leaves the sign bit, which is [`STOP`], set
/// exactly on it: one vector instruction where an unsigned comparison took three (a copy, a
/// minimum, an equality), as in the start scan's `stop`.
#[inline]
fn mark(byte: u8) -> u8 {
    let top = |len: u8| i8::MIN.wrapping_add_unsigned(len);
    let letter = ((byte | 0x20).wrapping_add(0x80 - b'a') as i8).saturating_sub(top(26)) as u8;
    let digit = (byte.wrapping_add(0x80 - b'0') as i8).saturating_sub(top(10)) as u8;
    !(letter | digit) & STOP
}

/// The offsets from a window's start whose eight marks a read may ask.
const ROUND: usize = 240;
/// A window's bytes: its round and the eight bytes after its last offset.
const MARKED: usize = ROUND + 16;

/// How far before the byte that is asked a window starts when it moves: a word that runs
/// past the window's round reads its last eight bytes from the next.
const BACK: usize = 16;

/// A window of the text from `base`, with the [`mark`] of each byte. Words are measured from
/// eight marks read as one mask; the marks are made with vector instructions, a window at a
/// time, instead of testing the bytes of each word eight at a time. A window depends on the
/// text and `base` only (a word that runs past a sentence's end is longer than its limit, which
/// [`ascii_word`] leaves to the decoding path), so the next sentence of a line, which most
/// often starts inside it, reads the window the sentence before it left.
struct Marks<'b, 'w> {
    /// The text.
    bytes: &'b [u8],
    base: usize,
    window: &'w mut Window,
}

/// The bytes and marks of a [`Marks`] window.
pub(crate) struct Window {
    /// The window's bytes, zero past the end of the text.
    bytes: [u8; MARKED],
    marks: [u8; MARKED],
    /// The text the window holds, as its address and length, and the window's `base`; `None`
    /// in a new scratch, whose texts may lie where an earlier document's did.
    held: Option<(usize, usize, usize)>,
}

impl Default for Window {
    fn default() -> Window {
        Window { bytes: [0; MARKED], marks: [STOP; MARKED], held: None }
    }
}

impl<'b, 'w> Marks<'b, 'w> {
    /// The marks of `bytes` in `window` from `at`, or from where the window already holds
    /// them if `at` is inside its round.
    fn new(bytes: &'b [u8], at: usize, window: &'w mut Window) -> Marks<'b, 'w> {
        match window.held {
            Some((address, len, base))
                if (address, len) == (bytes.as_ptr() as usize, bytes.len())
                    && at.wrapping_sub(base) <= ROUND =>
            {
                Marks { bytes, base, window }
            }
            _ => {
                let mut marks = Marks { bytes, base: at, window };
                marks.fill(at);
                marks
            }
        }
    }

    /// The marks of the eight bytes from `at` and the bytes, the first in the lowest position.
    #[inline]
    fn eight(&mut self, at: usize) -> (u64, u64) {
        if at.wrapping_sub(self.base) > ROUND {
            self.fill(at.saturating_sub(BACK));
        }
        let k = at.wrapping_sub(self.base);
        // `k` is at most ROUND here, so the eight bytes are there; if they were not, stops
        // would end any word.
        let eight = |of: &[u8; MARKED], none: u64| {
            of.get(k..k + 8).map_or(none, |m| u64::from_le_bytes(m.try_into().unwrap_or_default()))
        };
        (eight(&self.window.marks, HIGH), eight(&self.window.bytes, 0))
    }

    /// Moves the window to `base` and marks all its blocks. Each block in one loop of fixed
    /// length, which becomes straight vector code.
    #[inline(never)]
    fn fill(&mut self, base: usize) {
        self.base = base;
        self.window.held = Some((self.bytes.as_ptr() as usize, self.bytes.len(), base));
        let Window { bytes: window, marks, .. } = &mut *self.window;
        let (window, marks) = (window.chunks_exact_mut(BLOCK), marks.chunks_exact_mut(BLOCK));
        for (k, (window, marks)) in window.zip(marks).enumerate() {
            let at = base + k * BLOCK;
            match self.bytes.get(at..at + BLOCK) {
                Some(block) => window.copy_from_slice(block),
                None => {
                    window.fill(0);
                    window
                        .iter_mut()
                        .zip(self.bytes.get(at..).unwrap_or_default())
                        .for_each(|(to, &b)| *to = b);
                }
            }
            for (to, &byte) in marks.iter_mut().zip(&*window) {
                *to = mark(byte);
            }
        }
    }
}

/// Bytes marked in one loop of fixed length.
const BLOCK: usize = 64;
const _: () = assert!(MARKED.is_multiple_of(BLOCK));

/// Whether the ASCII letters and digits that end at `at` (before `limit`) are a whole word,
/// as far as the bytes from `at` tell without decoding: they are if `limit` or plain ASCII
/// follows, a comma or full stop not between digits ("2.2", "10,000" join), or a hyphen
/// before ASCII that is no letter or digit. `false` leaves the word to the decoding walk.
#[inline]
fn run_ends(bytes: &[u8], at: usize, limit: usize) -> bool {
    let byte = |k: usize| bytes.get(k).filter(|_| k < limit);
    match byte(at) {
        None => true,
        Some(b',' | b'.') => {
            !(at > 0 && bytes[at - 1].is_ascii_digit() && byte(at + 1).is_some_and(u8::is_ascii_digit))
        }
        Some(b'-') => byte(at + 1).is_none_or(|n| n.is_ascii() && !n.is_ascii_alphanumeric()),
        Some(&b) if b.is_ascii() => true,
        Some(&b) => ends_before_punctuation(bytes, at, limit, b),
    }
}

/// Whether a run of ASCII letters and digits ends at `at` because a character of three bytes
/// led by `lead` stands there that is no word character and no hyphen ("he’s", "said”", "war—a"):
/// in news most non-ASCII characters after a word are such quotation marks, apostrophes and
/// dashes, which the decoding walk would stop at too. `false` for any other character. Out
/// of line: rare, and the eight-byte word test that asks it is not.
#[inline(never)]
fn ends_before_punctuation(bytes: &[u8], at: usize, limit: usize, lead: u8) -> bool {
    if lead != 0xE2 || at + 3 > limit {
        return false;
    }
    let (Some(&b1), Some(&b2)) = (bytes.get(at + 1), bytes.get(at + 2)) else { return false };
    let code = u32::from(lead & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
    char::from_u32(code).is_some_and(|c| !is_word_char(c) && !matches!(c, '‐' | '‑'))
}

/// Length of the word at the start of `s`: word characters, joined by single hyphens, and by
/// commas or full stops between digits ("10,000-strong", "2.2").
#[inline]
fn word_len(s: &str) -> usize {
    // Most words are ASCII letters and digits: count them eight bytes at a time, without
    // decoding. The zero bytes past the end of `s` end the run. So are most joined words
    // ("medium-range", "10,000"): a join of ASCII bytes goes on to the next run.
    let bytes = s.as_bytes();
    let mut ascii = 0;
    loop {
        loop {
            let run = first(!ascii_alphanumeric(word_at(bytes, ascii)) & HIGH);
            ascii += run;
            if run < 8 {
                break;
            }
        }
        if run_ends(bytes, ascii, bytes.len()) {
            return ascii;
        }
        let after_digit = ascii > 0 && bytes[ascii - 1].is_ascii_digit();
        let next = bytes.get(ascii + 1).copied().unwrap_or_default();
        let joins = match bytes.get(ascii) {
            Some(b'-') => next.is_ascii_alphanumeric(),
            Some(b',' | b'.') => after_digit && next.is_ascii_digit(),
            _ => false,
        };
        if !joins {
            // The word so far is all word characters: the decoding walk resumes after it.
            return walk(s, ascii, after_digit);
        }
        ascii += 1;
    }
}

/// The decoding walk of [`word_len`] from `from`, where the word so far ends (`after_digit`:
/// with a digit).
fn walk(s: &str, from: usize, after_digit: bool) -> usize {
    let mut len = from;
    let mut chars = s[from..].char_indices().map(|(i, c)| (i + from, c)).peekable();
    let mut prev_digit = after_digit;
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            len = i + c.len_utf8();
            prev_digit = c.is_ascii_digit();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let joins = match c {
            '-' | '‐' | '‑' => next.is_some_and(is_word_char),
            ',' | '.' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
            _ => false,
        };
        if !joins {
            break;
        }
    }
    len
}

/// Runs `f` on `text` read as one sentence, with the entities the default extractor finds:
/// the setup of the rules' unit tests.
#[cfg(test)]
pub(crate) fn with_view<R>(text: &str, f: impl FnOnce(&View) -> R) -> R {
    let extractor = crate::Extractor::default();
    let entities = extractor.entities(text);
    let lexicon = super::Lexicon::builtin();
    let doc = Doc { text, entities: &entities, gazetteer: extractor.gazetteer(), lexicon };
    let (mut scratch, mut lower) = (Scratch::default(), String::new());
    f(&View::new(&doc, Span::new(0, text.len()), 0, &mut scratch, &mut lower))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::lexicon::normalize;

    /// Texts where words end in every way the view knows.
    const ENDINGS: &str = "Iran's IRGC sent 2.2 tons, 10,000-strong units; Kim Jong-un (NK) said \
                    Türkiye’s drones–x Shahed-136 unmanned aerial vehicles at 5 a.m. \
                    abcdefg abcdefgh, said. U.S. 3, 4.x 5.6.7 a- b-- c-, d-é e-’ A-50 x9,1 \
                    unmanned-aerial. 12345678,9 abcdefghij.k q‑r Administration’s PRESIDENTIAL \
                    intercontinental, Counteroffensives. abcdefgh9 x1234567890123456y Lancet-3M \
                    cease-and-desist 1,200.5-x COVID-19, far-reaching- 4-5,6.-7";

    #[test]
    fn the_ends_of_the_ascii_run_measure_as_the_walk_does() {
        let text = ENDINGS;
        for pos in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
            for end in (pos..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                let s = &text[pos..end];
                assert_eq!(word_len(s), walk(s, 0, false), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        /// Words that end before non-ASCII punctuation ("he’s", "said”") are measured without
        /// the walk; every other character after a run still leaves the word to it.
        #[test]
        fn words_before_any_character_measure_as_the_walk_does(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Zb", "1", "19", "abcdefghij", "’", "‘", "”", "“", "—", "–", "‐", "‑", "…",
                "\u{2060}", "\u{200d}", "\u{2028}", "\u{85}", "\u{a0}", "é", "İ", "ß", "\u{301}",
                "日", "😀", "-", ",", ".", "'", " ",
            ]), 0..12),
        ) {
            let text = parts.concat();
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                let s = &text[pos..];
                proptest::prop_assert_eq!(word_len(s), walk(s, 0, false), "{:?}", s);
            }
        }
    }

    /// The ASCII fast path as it was before the marks: each word's bytes tested eight at a
    /// time.
    fn old_ascii_word(bytes: &[u8], pos: usize, limit: usize) -> Option<AsciiWord> {
        use crate::swar::ascii_lowercase;
        let run_at = |at: usize| {
            let x = word_at(bytes, at);
            let alnum = ascii_alphanumeric(x);
            let stop = !alnum & HIGH;
            let word = below_first(stop);
            (first(stop), x & word, lower_alphanumeric(x, alnum) & word)
        };
        let (mut len, written, head) = run_at(pos);
        let mut capitals = written != head;
        if len == 8 {
            loop {
                let (run, written, lower) = run_at(pos + len);
                capitals |= written != lower;
                len += run;
                if run < 8 {
                    break;
                }
            }
        }
        if len == 0 || pos + len > limit || !run_ends(bytes, pos + len, limit) {
            return None;
        }
        let tail = if len > 8 { ascii_lowercase(word_at(bytes, pos + len - 8)) } else { 0 };
        let space_after = bytes.get(pos + len) == Some(&b' ');
        Some(AsciiWord { len, capitals, fingerprint: fingerprint_of(head, tail, len), space_after })
    }

    #[test]
    fn ascii_words_measure_as_the_full_walk_does() {
        let (mut short, mut long) = (0, 0);
        // Shifted, so that the words meet the ends of the marks' windows in every way.
        for shift in 0..=BACK {
            let text = format!("{}{ENDINGS} {ENDINGS}", " ".repeat(shift));
            let text = text.as_str();
            let bytes = text.as_bytes();
            // One window moved along the text, as a view moves it: the old test's answer.
            let mut window = Window::default();
            let mut moving = Marks::new(bytes, 0, &mut window);
            // A window that the sentence before left, `back` bytes before `pos`: read again
            // where its round holds `pos`, filled anew where it does not.
            let mut left = Window::default();
            for pos in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
                for limit in [pos + 3, pos + 7, pos + 8, pos + 9, pos + 17, pos + 63, pos + 64, text.len()] {
                    let limit =
                        (limit..=text.len()).find(|&l| text.is_char_boundary(l)).unwrap_or(text.len());
                    let found = ascii_word(&mut moving, text, pos, limit).map(|(w, word)| {
                        assert_eq!(word, &text[pos..pos + w.len]);
                        w
                    });
                    assert_eq!(found, old_ascii_word(bytes, pos, limit), "at {pos} to {limit} in {text:?}");
                    let back = [0, 1, 9, 100, ROUND, ROUND + 1][(pos + limit) % 6];
                    Marks::new(bytes, pos.saturating_sub(back), &mut left);
                    let cut =
                        ascii_word(&mut Marks::new(bytes, pos, &mut left), text, pos, limit).map(|(w, _)| w);
                    assert_eq!(cut, found, "at {pos} to {limit}, {back} after the window before");
                    for w in [found, cut].into_iter().flatten() {
                        let word = &text[pos..pos + w.len];
                        if w.len > 8 {
                            long += 1;
                        } else {
                            short += 1;
                        }
                        assert_eq!(w.len, word_len(&text[pos..limit]), "{word:?} at {pos}");
                        assert_eq!(w.capitals, normalize(word) != word, "{word:?}");
                        assert_eq!(w.fingerprint, fingerprint(normalize(word).as_bytes()), "{word:?}");
                    }
                }
            }
        }
        assert!(short > 100 && long > 20, "the fast path was taken for {short} short and {long} long words");
    }

    /// The possessive the decoding path finds at `pos`: an apostrophe and a word "s".
    fn decoded_possessive(text: &str, pos: usize, limit: usize) -> Option<usize> {
        let c = text[pos..limit].chars().next().filter(|&c| is_apostrophe(c))?;
        let rest = &text[pos + c.len_utf8()..limit];
        let suffix = word_len(rest);
        rest[..suffix].eq_ignore_ascii_case("s").then_some(c.len_utf8() + suffix)
    }

    fn possessives_as_decoded(text: &str) -> usize {
        let mut found = 0;
        let cuts: Vec<usize> = (0..=text.len()).filter(|&k| text.is_char_boundary(k)).collect();
        for (k, &pos) in cuts.iter().enumerate() {
            for &limit in &cuts[k + 1..] {
                let fast = possessive_at(text.as_bytes(), pos, limit);
                if let Some(len) = fast {
                    assert_eq!(Some(len), decoded_possessive(text, pos, limit), "{:?}", &text[pos..limit]);
                    found += 1;
                }
            }
        }
        found
    }

    #[test]
    fn possessives_are_found_as_the_decoding_path_finds_them() {
        let text = "Iran’s IRAN'S it’s’ s’sa ’s- ’s, ’s.5 ’S\u{a0} ’s-é ’st ’s’ 's9 x’s ‘s ’s-x 's";
        assert!(possessives_as_decoded(text) > 100);
    }

    proptest::proptest! {
        #[test]
        fn possessives_of_generated_text_are_found_as_decoded(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "’", "'", "‘", "s", "S", "t", "9", "-", ",", ".", " ", "é", "\u{a0}", "”", "x",
            ]), 0..10),
        ) {
            possessives_as_decoded(&parts.concat());
        }
    }

    #[test]
    fn a_window_is_read_again_only_for_its_own_text() {
        let (a, b) = (String::from("Iran sent drones"), String::from("Iran sent drones"));
        let held = |w: &Window| w.held.map(|(address, ..)| address);
        let mut window = Window::default();
        Marks::new(a.as_bytes(), 0, &mut window);
        assert_eq!(held(&window), Some(a.as_ptr() as usize));
        Marks::new(a.as_bytes(), 5, &mut window);
        assert_eq!(window.held, Some((a.as_ptr() as usize, a.len(), 0)));
        Marks::new(b.as_bytes(), 5, &mut window);
        assert_eq!(window.held, Some((b.as_ptr() as usize, b.len(), 5)));
        // A new scratch's window holds no text, whatever the dropped one held.
        let mut scratch = Scratch::default();
        Marks::new(a.as_bytes(), 0, &mut scratch.window);
        drop(scratch);
        assert_eq!(Scratch::default().window.held, None);
    }

    #[test]
    fn general_punctuation_is_read_as_the_decoding_path_reads_it() {
        let mut found = 0;
        for c in ('\u{1F00}'..='\u{2100}').chain(['é', 'a', ' ']) {
            let mut bytes = [0; 4];
            let len = c.encode_utf8(&mut bytes).len();
            for cut in 0..=len {
                let Some(got) = general_punctuation_at(&bytes[..cut], 0) else { continue };
                assert_eq!((got, cut), (c, 3), "{c:?}");
                found += 1;
                // What the decoding path makes of it: no word, no apostrophe but '’', and a
                // clause mark for the dashes only.
                assert!(!is_word_char(c), "{c:?}");
                assert_eq!(is_apostrophe(c), c == '’');
                let decoded = !c.is_whitespace()
                    && !is_quote(c)
                    && matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '-' | '.' | '?' | '!' | '/');
                assert_eq!(decoded, matches!(c, '—' | '–'), "{c:?}");
            }
        }
        assert_eq!(found, 0x40);
    }

    #[test]
    fn ascii_punctuation_is_read_as_the_decoding_path_reads_it() {
        for b in (0..0x80u8).filter(|&b| !b.is_ascii_alphanumeric() && b != b'\'') {
            let c = char::from(b);
            let decoded = !c.is_whitespace()
                && !is_quote(c)
                && matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '-' | '.' | '?' | '!' | '/');
            assert_eq!(ascii_punct(b), decoded.then_some(c), "{b:#x}");
            assert!(!is_word_char(c) && !is_apostrophe(c), "{b:#x}");
        }
    }

    #[test]
    fn each_byte_is_marked_as_by_unsigned_range_comparisons() {
        for b in 0..=u8::MAX {
            let letter = (b | 0x20).wrapping_sub(b'a') < 26;
            let digit = b.wrapping_sub(b'0') < 10;
            let stop = u8::from(!(letter || digit)).wrapping_neg() & STOP;
            assert_eq!(mark(b), stop, "{b:#x}");
        }
    }

    #[test]
    fn each_byte_is_marked_as_the_eight_byte_test_marks_it() {
        for b in 0..=u8::MAX {
            let stop = ascii_alphanumeric(u64::from(b)) == 0;
            assert_eq!(mark(b) & STOP != 0, stop, "{b:#x}");
        }
    }

    /// [`check_view`] on the view of all of `text`.
    fn check_words(text: &str) {
        with_view(text, |v| check_view(v, text));
    }

    /// Every word token reads the normal form of its span, with that form's fingerprint, no
    /// other token reads a word, the tokens lie in order inside the view (an entity may end
    /// after it), and the entities that are tokens are those that start inside the view but
    /// not inside the entity before; and the tokens are those of [`reference`].
    fn check_view(v: &View, text: &str) {
        for (i, t) in v.tokens.iter().enumerate() {
            let what = format!("token {i} {:?} {:?} of {text:?}", t.tok, text.get(t.span.start..t.span.end));
            if t.tok == Tok::Word {
                let want = normalize(&text[t.span]);
                assert_eq!(v.word(i), Some(&*want), "{what}");
                assert_eq!(v.fingerprint_at(i), fingerprint(want.as_bytes()), "{what}");
            } else {
                assert_eq!(v.word(i), None, "{what}");
            }
            // Read from the first byte as it was read from the first character.
            let capitalized =
                t.tok == Tok::Word && text[t.span].chars().next().is_some_and(char::is_uppercase);
            assert_eq!(v.capitalized(i), capitalized, "{what}");
            assert_eq!(v.kind(i), v.entity(i).map(|e| v.doc.entry_kind(e)), "{what}");
            if let Tok::Entity(e) = t.tok {
                assert_eq!(t.span, v.doc.entities[e].span, "{what}");
            } else {
                assert!(v.span.start <= t.span.start && t.span.end <= v.span.end, "{what} in {:?}", v.span);
            }
            // In order; only "n" before "’t" leaves an empty word ("n’t" → "" + "n't").
            let before = i.checked_sub(1).map_or(v.span.start, |k| v.tokens[k].span.end);
            assert!(before <= t.span.start && t.span.start <= t.span.end, "{what}");
        }
        // An entity is a token when it starts inside the view and not inside the entity
        // token before it: words stop where an entity starts.
        let entities = v.doc.entities;
        let (mut want, mut after) = (Vec::new(), v.span.start);
        for (k, e) in entities.iter().enumerate() {
            if e.span.start >= after && e.span.start < v.span.end.min(text.len()) {
                want.push(k);
                after = e.span.end;
            }
        }
        let got: Vec<usize> = (0..v.len()).filter_map(|i| v.entity(i)).collect();
        assert_eq!(got, want, "{text:?} in {:?}", v.span);
        // The classes kept are those of every token asked one by one.
        for i in 0..=v.len() {
            assert_eq!(v.class(i), classify(v, i), "token {i} of {text:?}");
        }
        // Every token that may begin an item is listed, once, in order.
        let starts = v.names_and_materiel();
        assert!(starts.windows(2).all(|w| w[0] < w[1]) && starts.iter().all(|&i| i < v.len()), "{starts:?}");
        for i in 0..v.len() {
            if v.class(i).len > 0 || v.entity(i).is_some() {
                assert!(starts.contains(&i), "token {i} of {text:?} is no item start: {starts:?}");
            }
        }
        let got: Vec<Row> =
            (0..v.len()).map(|i| (v.tokens[i].span, v.tokens[i].tok, v.word(i).map(String::from))).collect();
        assert_eq!(got, reference(text, v.span, entities), "{text:?} in {:?}", v.span);
    }

    /// A token as the reference tokenizer gives it: span, kind and normalized word.
    type Row = (Span, Tok, Option<String>);

    /// The tokens of `span` the slow way: one character at a time, every word measured by
    /// the decoding walk and normalized on its own, the entity list asked at every position.
    fn reference(text: &str, span: Span, entities: &[Entity]) -> Vec<Row> {
        let mut out: Vec<Row> = Vec::new();
        let word = |span: Span| (span, Tok::Word, Some(normalize(&text[span])));
        let end = span.end.min(text.len());
        let mut pos = span.start;
        let mut next = entities.partition_point(|e| e.span.start < pos);
        while pos < end {
            let entity_start = entities.get(next).map(|e| e.span.start).filter(|&s| s < end);
            if entity_start == Some(pos) {
                out.push((entities[next].span, Tok::Entity(next), None));
                pos = entities[next].span.end;
                while next < entities.len() && entities[next].span.start < pos {
                    next += 1;
                }
                continue;
            }
            let limit = entity_start.unwrap_or(end);
            let c = text[pos..].chars().next().unwrap();
            if is_word_char(c) {
                let len = walk(&text[pos..limit], 0, false);
                out.push(word(Span::new(pos, pos + len)));
                pos += len;
            } else if is_apostrophe(c) {
                let rest = &text[pos + c.len_utf8()..limit];
                let tail = &rest[..walk(rest, 0, false)];
                let span = Span::new(pos, pos + c.len_utf8() + tail.len());
                let after_n = matches!(out.last(), Some((_, Tok::Word, Some(w))) if w.ends_with('n'));
                if tail.eq_ignore_ascii_case("s") {
                    out.push((span, Tok::Possessive, None));
                } else if tail.eq_ignore_ascii_case("t") && after_n {
                    let last = out.last_mut().unwrap();
                    last.0.end -= 1;
                    *last = word(last.0);
                    let start = last.0.end;
                    out.push(word(Span::new(start, span.end)));
                } else if !tail.is_empty() {
                    out.push(word(span));
                }
                pos = span.end;
            } else {
                if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '-' | '.' | '?' | '!' | '/') {
                    out.push((Span::new(pos, pos + c.len_utf8()), Tok::Punct(c), None));
                }
                pos += c.len_utf8();
            }
        }
        out
    }

    /// [`check_view`] on the view of `text` from `start` to `end`.
    fn check_part(text: &str, start: usize, end: usize) {
        let extractor = crate::Extractor::default();
        let entities = extractor.entities(text);
        let lexicon = super::super::Lexicon::builtin();
        let doc = Doc { text, entities: &entities, gazetteer: extractor.gazetteer(), lexicon };
        let first = entities.partition_point(|e| e.span.start < start);
        let (mut scratch, mut lower) = (Scratch::default(), String::new());
        check_view(&View::new(&doc, Span::new(start, end), first, &mut scratch, &mut lower), text);
    }

    /// [`check_view`] on the views of `text` between `cuts`, in turn with one scratch, as the
    /// engine makes the views of a line's sentences: each may read the window the one before
    /// it left.
    fn check_parts_in_turn(text: &str, cuts: &[usize]) {
        let extractor = crate::Extractor::default();
        let entities = extractor.entities(text);
        let lexicon = super::super::Lexicon::builtin();
        let doc = Doc { text, entities: &entities, gazetteer: extractor.gazetteer(), lexicon };
        let (mut scratch, mut lower) = (Scratch::default(), String::new());
        for part in cuts.windows(2) {
            let first = entities.partition_point(|e| e.span.start < part[0]);
            let view = View::new(&doc, Span::new(part[0], part[1]), first, &mut scratch, &mut lower);
            check_view(&view, text);
            view.recycle(&mut scratch);
        }
    }

    #[test]
    fn views_in_turn_read_their_words_as_views_alone() {
        for text in crate::seed_texts() {
            for step in [37, 150, 251, 600] {
                let mut cuts: Vec<usize> = (0..text.len()).step_by(step).collect();
                cuts.push(text.len());
                for cut in &mut cuts {
                    *cut = (*cut..=text.len()).find(|&k| text.is_char_boundary(k)).unwrap_or(text.len());
                }
                check_parts_in_turn(&text, &cuts);
            }
        }
    }

    /// [`View::phrases`] as a filter over the map's list, the way it was written before its
    /// search went out of line.
    fn phrases_filtered<T: Copy + PartialEq>(v: &View, map: &PhraseMap<T>, i: usize) -> Vec<(usize, T)> {
        let list = match v.tokens.get(i).map(|t| t.word) {
            Some(Word { text: Some(w), fingerprint, .. }) => map.starting(w, fingerprint),
            _ => &[],
        };
        let follows =
            |rest: &[Box<str>]| rest.iter().enumerate().all(|(k, w)| v.word(i + 1 + k) == Some(&**w));
        list.iter().filter(|(rest, _)| follows(rest)).map(|(rest, value)| (rest.len() + 1, *value)).collect()
    }

    #[test]
    fn phrases_are_those_of_the_filtered_list() {
        let mut texts =
            vec![ENDINGS.to_string(), "the arms deal was handed over, unmanned aerial vehicles".into()];
        texts.extend(crate::seed_texts());
        let mut found = 0;
        for text in &texts {
            with_view(text, |v| {
                let l = v.doc.lexicon;
                for i in 0..=v.len() {
                    // Where the filter says no phrase begins, none does.
                    assert!(v.may_begin(&l.triggers, i) || v.phrases(&l.triggers, i).next().is_none());
                    assert!(v.may_begin(&l.materiel, i) || v.phrases(&l.materiel, i).next().is_none());
                    assert!(v.may_begin(&l.modality, i) || v.phrases(&l.modality, i).next().is_none());
                    assert!(v.may_begin(&l.titles, i) || v.phrases(&l.titles, i).next().is_none());
                    let triggers: Vec<_> = v.phrases(&l.triggers, i).collect();
                    assert_eq!(triggers, phrases_filtered(v, &l.triggers, i), "{:?}", v.word(i));
                    assert_eq!(
                        v.phrases(&l.materiel, i).collect::<Vec<_>>(),
                        phrases_filtered(v, &l.materiel, i)
                    );
                    assert_eq!(
                        v.phrases(&l.modality, i).collect::<Vec<_>>(),
                        phrases_filtered(v, &l.modality, i)
                    );
                    assert_eq!(
                        v.phrases(&l.titles, i).collect::<Vec<_>>(),
                        phrases_filtered(v, &l.titles, i)
                    );
                    found += triggers.len();
                }
            });
        }
        assert!(found > 100, "{found} triggers");
    }

    /// [`View::phrases`] against the filtered list where a word begins phrases of one, two and
    /// three words with several values each, which follow or not.
    #[test]
    fn phrases_of_every_length_are_those_of_the_filtered_list() {
        let mut lexicon = super::super::Lexicon::builtin().clone();
        lexicon
            .add_titles(
                "t.tsv",
                "head\thand\nmodifier\thand\nhead\thand over\nmodifier\thand over to\n\
                 head\tover to\nmodifier\tover\nhead\tto",
            )
            .unwrap();
        let text = "hand over to hand over hand to Hand Over TO over to over, hand. to hand over";
        let extractor = crate::Extractor::default();
        let entities = extractor.entities(text);
        let doc = Doc { text, entities: &entities, gazetteer: extractor.gazetteer(), lexicon: &lexicon };
        let (mut scratch, mut lower) = (Scratch::default(), String::new());
        let v = View::new(&doc, Span::new(0, text.len()), 0, &mut scratch, &mut lower);
        let mut found = 0;
        for i in 0..=v.len() {
            let got: Vec<_> = v.phrases(&lexicon.titles, i).collect();
            assert_eq!(got, phrases_filtered(&v, &lexicon.titles, i), "{:?}", v.word(i));
            found += got.len();
        }
        assert!(found > 20, "{found} phrases");
    }

    /// Words of every length the fingerprint reads in its own way, with and without ASCII.
    const SET: WordSet = WordSet::new(&[
        "the",
        "and",
        "which",
        "a",
        "s",
        "n't",
        "according",
        "specifically",
        "counteroffensives",
        "état",
        "türkiye's",
        "unmanned-aerial",
        "10,000-strong",
        "abcdefgh",
        "abcdefghi",
        "",
    ]);

    #[test]
    fn the_compiled_fingerprint_is_the_lexicons() {
        for w in SET.words.iter().chain(crate::relation::clause::tests::LISTED.iter().copied().flatten()) {
            assert_eq!(const_fingerprint(w.as_bytes()), fingerprint(w.as_bytes()), "{w:?}");
        }
    }

    #[test]
    fn a_word_is_in_a_set_as_its_list_says() {
        let mut texts = vec![ENDINGS.to_string(), SET.words.join(" "), SET.words.join(" ").to_uppercase()];
        texts.extend(crate::seed_texts());
        let mut found = 0;
        for text in &texts {
            with_view(text, |v| {
                for i in 0..=v.len() {
                    assert_eq!(v.is_in(i, &SET), v.is(i, SET.words), "{:?}", v.word(i));
                    found += usize::from(v.is(i, SET.words));
                }
            });
        }
        assert!(found > 1000, "{found} words of the set");
    }

    proptest::proptest! {
        #[test]
        fn compiled_fingerprints_of_any_words_are_the_lexicons(word in "\\PC{0,20}") {
            let w = normalize(&word);
            proptest::prop_assert_eq!(const_fingerprint(w.as_bytes()), fingerprint(w.as_bytes()));
        }
    }

    /// [`View::class`] against [`classify`] at every token, and the list of item starts
    /// against the names and the words with a class, with the builtin materiel lexicon and
    /// with one whose words also begin phrases of two words, have several classes, or end in
    /// a suffix that classes them.
    #[test]
    fn classes_are_those_classify_finds() {
        let mut mixed = super::super::Lexicon::builtin().clone();
        mixed
            .add_materiel(
                "mixed.tsv",
                "head\tfighter\nmodifier\tfighter jet\npersonnel\tguard\nhead\tguard post\n\
                 weak-head\tguard\nmade\tdrones\nmodifier\tlong-range\nhead\tlong-range rockets\n\
                 weak-head\tpatriot missiles batteries",
            )
            .unwrap();
        let mut texts = vec![
            ENDINGS.to_string(),
            "Fighter jets, fighter pilots, a FIGHTER JET and a guard post; guards, guard duty. \
             Long-range rockets, long-range drones, laser-guided bombs, nuclear-capable -range \
             x-Range-guided Patriot missiles batteries and Patriot missiles, service members \
             and servicemen, Iranian-made drones."
                .to_string(),
        ];
        texts.extend(crate::seed_texts());
        let extractor = crate::Extractor::default();
        let mut classed = 0;
        for lexicon in [super::super::Lexicon::builtin(), &mixed] {
            for text in &texts {
                let entities = extractor.entities(text);
                let doc = Doc { text, entities: &entities, gazetteer: extractor.gazetteer(), lexicon };
                let (mut scratch, mut lower) = (Scratch::default(), String::new());
                let v = View::new(&doc, Span::new(0, text.len()), 0, &mut scratch, &mut lower);
                for i in 0..=v.len() {
                    assert_eq!(v.class(i), classify(&v, i), "token {i} {:?}", v.word(i));
                    classed += usize::from(v.class(i).len > 0);
                }
                let want: Vec<usize> =
                    (0..v.len()).filter(|&i| v.class(i).len > 0 || v.entity(i).is_some()).collect();
                assert_eq!(v.names_and_materiel(), want);
            }
        }
        assert!(classed > 500, "{classed} words with a class");
    }

    #[test]
    fn a_packed_class_unpacks_as_it_was() {
        for flags in 0..32u8 {
            for len in [0, 1, 2, 3, 255, 256, 65_534] {
                let bit = |k: u8| flags >> k & 1 != 0;
                let c = WordClass {
                    len,
                    head: bit(0),
                    weak: bit(1),
                    modifier: bit(2),
                    personnel: bit(3),
                    made: bit(4),
                };
                assert_eq!(Packed::pack(c).unpack(), c);
            }
        }
        for class in
            [Materiel::Head, Materiel::WeakHead, Materiel::Modifier, Materiel::Personnel, Materiel::Made]
        {
            let c = Packed { len: 1, flags: Packed::bit(class), kind: 0 }.unpack();
            let set = [c.head, c.weak, c.modifier, c.personnel, c.made];
            assert_eq!(set.iter().filter(|&&b| b).count(), 1, "{class:?}");
        }
    }

    #[test]
    fn a_dropped_scratch_leaves_its_buffers_to_the_next() {
        let text = "Iran sent Shahed drones to Russia.";
        let extractor = crate::Extractor::default();
        let entities = extractor.entities(text);
        let lexicon = super::super::Lexicon::builtin();
        let doc = Doc { text, entities: &entities, gazetteer: extractor.gazetteer(), lexicon };
        let (mut scratch, mut lower) = (Scratch::default(), String::new());
        View::new(&doc, Span::new(0, text.len()), 0, &mut scratch, &mut lower).recycle(&mut scratch);
        let kept = (scratch.tokens.capacity(), scratch.classed.capacity());
        // Iran, Shahed, drones and Russia may begin an item.
        assert!(kept.0 >= 6 && kept.1 >= 4, "{kept:?}");
        drop(scratch);
        let next = Scratch::default();
        assert_eq!((next.tokens.capacity(), next.classed.capacity()), kept);
        assert!(next.tokens.is_empty() && next.lowered.is_empty());
        // A second scratch while the first lives starts empty.
        assert_eq!(Scratch::default().tokens.capacity(), 0);
    }

    #[test]
    fn words_are_the_normal_form_of_their_spans() {
        check_words(ENDINGS);
        let text = "Russia WOULDN’T, didn't Don’t DON'T x’t n’t ’t Iran’s IRAN’S ÍN’T ÉTÉ’t İstanbul’s";
        check_words(text);
        let cuts: Vec<usize> = (0..=text.len()).filter(|&k| text.is_char_boundary(k)).collect();
        for (k, &start) in cuts.iter().enumerate() {
            for &end in cuts[k..].iter().step_by(3) {
                check_part(text, start, end);
            }
        }
        for text in crate::seed_texts() {
            check_words(&text);
        }
    }

    proptest::proptest! {
        #[test]
        fn words_of_generated_text_are_normal_forms(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Iran", "Russia", "n", "N", "’", "'", "t", "T", "s", "S", " ", "  ", ",", ".", "-", "—",
                "1", "10", "É", "é", "İ", "ß", "x", "ABCDEFGHIJ", "abcdefghij", "\"", "“", "(", ":",
                "Kim Jong-un", "drones", "\n", "\u{85}", "a-", "Shahed-136", "!", "?", "/", ";", ")",
                "$", "\t", "`", "%", "[", "\u{7f}", "\0", "”", "‐", "he", "\u{2060}",
            ]), 0..40),
            cut in 0usize..40,
            len in 0usize..60,
        ) {
            let text = parts.concat();
            check_words(&text);
            let start = (cut..=text.len()).find(|&k| text.is_char_boundary(k)).unwrap_or(text.len());
            let end = (start + len..=text.len()).find(|&k| text.is_char_boundary(k)).unwrap_or(text.len());
            check_part(&text, start, end);
            check_parts_in_turn(&text, &[0, start, end, text.len()]);
        }
    }
}
