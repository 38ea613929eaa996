//! The relation lexicons: trigger words with their role frames, materiel and troop nouns,
//! modality cues and title words. They are data (`gazetteers/lexicon/*.tsv`), compiled into the
//! default extractor and replaceable through [`ExtractorBuilder::lexicon`].
//!
//! [`ExtractorBuilder::lexicon`]: crate::ExtractorBuilder::lexicon

use std::sync::Arc;

use once_cell::sync::Lazy;

use super::{Modality, RelationKind};
use crate::error::{Error, Origin, Result};
use crate::swar::word_at;

string_enum! {
    /// Which roles a trigger's neighbours fill; see `gazetteers/lexicon/triggers.tsv`.
    pub enum Frame, what = "trigger frame" {
        /// The subject supplies: "Iran supplies Russia with drones".
        Give => "give",
        /// The subject arms its object; the items may go unsaid: "Iran prepares to arm Russia".
        Arm => "arm",
        /// The subject receives: "Russia obtains shells from North Korea".
        Receive => "receive",
        /// The subject uses an item of foreign origin: "Russia fired Iranian-made drones".
        Use => "use",
        /// A noun of giving: "Iran's shipment of drones to Russia".
        NounGive => "noun-give",
        /// A noun of receiving: "Russia's procurement of shells from North Korea".
        NounReceive => "noun-receive",
        /// A deal whose direction is not stated: "an arms deal between X and Y".
        NounDeal => "noun-deal",
        /// Troops sent, deployed or stationed.
        Send => "send",
        /// A noun of deployment: "the deployment of troops to Russia".
        NounDeploy => "noun-deploy",
        /// "X meets (with) Y", "X and Y met".
        Meet => "meet",
        /// "X visits Y", a state or its capital.
        Visit => "visit",
        /// "X hosts Y", a person: "Belarus hosts Russian nuclear weapons" is no meeting.
        Host => "host",
        /// "a meeting between X and Y", "X's talks with Y".
        NounMeet => "noun-meet",
        /// "X's visit to Y".
        NounVisit => "noun-visit",
        /// "a treaty between X and Y", "X's partnership with Y".
        NounPact => "noun-pact",
        /// "X strikes Y".
        Strike => "strike",
        /// "X launched a missile at / targeting Y".
        Launch => "launch",
        /// "X's strike on Y", "Russian strikes in Y".
        NounAttack => "noun-attack",
    }
}

string_enum! {
    /// What a materiel lexicon word is; see `gazetteers/lexicon/materiel.tsv`.
    pub enum Materiel, what = "materiel class" {
        /// Names materiel alone ("missiles").
        Head => "head",
        /// Names materiel after a modifier ("aerial vehicles").
        WeakHead => "weak-head",
        /// Precedes a head ("ballistic").
        Modifier => "modifier",
        /// Troops ("soldiers").
        Personnel => "personnel",
        /// Marks origin after a demonym ("-made").
        Made => "made",
    }
}

string_enum! {
    /// What a title lexicon word is; see `gazetteers/lexicon/titles.tsv`.
    pub enum TitleWord, what = "title class" {
        /// Makes a phrase a title ("president").
        Head => "head",
        /// May stand inside a title ("deputy").
        Modifier => "modifier",
    }
}

/// A trigger: which relation it states and how its roles are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The relation kind.
    pub kind: RelationKind,
    /// The role frame.
    pub frame: Frame,
}

/// The words of a phrase after its first.
type Words = Box<[Box<str>]>;

/// A first word and the phrases it begins, as (the words after the first, value).
type Entry<T> = (Box<str>, Vec<(Words, T)>);

/// Phrases keyed by their first word; each word lower-case with ASCII apostrophes.
#[derive(Clone, Debug)]
pub(crate) struct PhraseMap<T> {
    /// The first words with their phrases, in the order first inserted.
    entries: Vec<Entry<T>>,
    /// The entries by their first word's [`fingerprint`], which the sentence view has in hand
    /// for every word: open addressing, each slot a fingerprint and one more than the entry's
    /// index (0 for an empty slot); a power of two long, at most half full. Hashing each word
    /// again for a hash map cost more than the probe.
    slots: Box<[(u32, u32)]>,
    /// A Bloom filter of the first words' [`fingerprint`]s. The sentence view asks every
    /// word of a sentence, and nearly every answer is no: one bit says so without probing
    /// the table.
    firsts: Box<[u64; BLOOM_WORDS]>,
}

/// 4096 bits: a few hundred first words per map set under a tenth of them.
const BLOOM_WORDS: usize = 64;

impl<T> Default for PhraseMap<T> {
    fn default() -> Self {
        PhraseMap { entries: Vec::new(), slots: Box::default(), firsts: Box::new([0; BLOOM_WORDS]) }
    }
}

/// A cheap fingerprint of a normalized word, for the lexicons' Bloom filters: its length and
/// its first and last eight bytes, mixed by one multiplication. Collisions only cost a map
/// probe.
pub(crate) fn fingerprint(word: &[u8]) -> u32 {
    let n = word.len();
    let tail = match word.get(n.saturating_sub(8)..).and_then(|t| <[u8; 8]>::try_from(t).ok()) {
        Some(t) if n > 8 => u64::from_le_bytes(t),
        _ => 0,
    };
    fingerprint_of(word_at(word, 0), tail, n)
}

/// The [`fingerprint`] of a normalized word of `len` bytes from its first eight bytes (zeros
/// after a shorter word) and, if it is longer than eight, its last eight: the sentence view
/// has them in hand, lowered from the text, without writing the word out.
#[inline]
pub(crate) fn fingerprint_of(head: u64, tail: u64, len: usize) -> u32 {
    mix(head ^ tail.rotate_left(29), len)
}

/// Length and bytes mixed by one multiplication.
#[inline]
fn mix(bytes: u64, len: usize) -> u32 {
    ((bytes ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
}

fn bloom_slot(fingerprint: u32) -> (usize, u64) {
    ((fingerprint >> 6) as usize % BLOOM_WORDS, 1 << (fingerprint & 63))
}

/// Where the search for a fingerprint begins in a table of `len` slots (a power of two): bits
/// the Bloom filter does not use.
fn first_slot(fingerprint: u32, len: usize) -> usize {
    (fingerprint >> 12) as usize & (len - 1)
}

impl<T: Copy + PartialEq> PhraseMap<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let mut words = phrase.split_whitespace().map(normalize);
        let Some(first) = words.next() else { return };
        let rest: Box<[Box<str>]> = words.map(String::into_boxed_str).collect();
        let fingerprint = fingerprint(first.as_bytes());
        let (slot, bit) = bloom_slot(fingerprint);
        self.firsts[slot] |= bit;
        let index = match self.entry(&first, fingerprint) {
            Some(index) => index,
            None => self.add(first.into_boxed_str(), fingerprint),
        };
        let list = &mut self.entries[index].1;
        if !list.iter().any(|(r, v)| *r == rest && *v == value) {
            list.push((rest, value));
            // Longest phrase first, so that a lookup takes the longest match.
            list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
        }
    }

    /// Adds `first`, which has no entry, and returns its index.
    fn add(&mut self, first: Box<str>, fingerprint: u32) -> usize {
        self.entries.push((first, Vec::new()));
        if 2 * self.entries.len() > self.slots.len() {
            // Twice the entries, at least 16 slots: every entry placed again.
            let len = (4 * self.entries.len()).next_power_of_two().max(16);
            self.slots = vec![(0, 0); len].into_boxed_slice();
            for (index, (word, _)) in self.entries.iter().enumerate() {
                place(&mut self.slots, self::fingerprint(word.as_bytes()), index);
            }
        } else {
            place(&mut self.slots, fingerprint, self.entries.len() - 1);
        }
        self.entries.len() - 1
    }

    /// The index of the entry of `first`, whose [`fingerprint`] is given.
    #[inline]
    fn entry(&self, first: &str, fingerprint: u32) -> Option<usize> {
        let len = self.slots.len();
        if len == 0 {
            return None;
        }
        let mut slot = first_slot(fingerprint, len);
        // At most half the slots are taken, so an empty one ends every search.
        loop {
            let (f, index) = *self.slots.get(slot)?;
            let index = (index as usize).checked_sub(1)?;
            if f == fingerprint && self.entries.get(index).is_some_and(|(w, _)| **w == *first) {
                return Some(index);
            }
            slot = (slot + 1) & (len - 1);
        }
    }

    /// The phrases whose first word is `first` (with its [`fingerprint`]), as (the words
    /// after the first, value), longest first; the Bloom filter answers most words.
    #[inline]
    pub(crate) fn starting(&self, first: &str, fingerprint: u32) -> &[(Words, T)] {
        if !self.may_start(fingerprint) {
            return &[];
        }
        self.entry(first, fingerprint).and_then(|i| self.entries.get(i)).map_or(&[], |(_, list)| list)
    }

    /// Whether a phrase may start with the word of this [`fingerprint`]: the Bloom filter's
    /// answer, `false` only if none does.
    #[inline]
    pub(crate) fn may_start(&self, fingerprint: u32) -> bool {
        let (slot, bit) = bloom_slot(fingerprint);
        self.firsts[slot] & bit != 0
    }

    fn len(&self) -> usize {
        self.entries.iter().map(|(_, list)| list.len()).sum()
    }

    /// The first words of the phrases whose value passes `keep`.
    pub(crate) fn first_words(&self, keep: impl Fn(T) -> bool) -> impl Iterator<Item = &str> {
        self.entries.iter().filter(move |(_, list)| list.iter().any(|(_, v)| keep(*v))).map(|(k, _)| &**k)
    }

    /// The words that may follow `first` in a phrase, or `None` when `first` is a phrase by
    /// itself (or starts none).
    pub(crate) fn second_words(&self, first: &str) -> Option<Vec<&str>> {
        let (_, phrases) = self.entries.get(self.entry(first, fingerprint(first.as_bytes()))?)?;
        phrases.iter().map(|(rest, _)| rest.first().map(|w| &**w)).collect()
    }
}

/// Puts entry `index` with `fingerprint` in the first empty slot from its [`first_slot`].
fn place(slots: &mut [(u32, u32)], fingerprint: u32, index: usize) {
    let len = slots.len();
    let mut slot = first_slot(fingerprint, len);
    while slots[slot].1 != 0 {
        slot = (slot + 1) & (len - 1);
    }
    // A lexicon holds far fewer than 2^32 first words.
    slots[slot] = (fingerprint, u32::try_from(index + 1).unwrap_or(u32::MAX));
}

/// Lower case with ASCII apostrophes: the form every lexicon word and token is compared in.
pub(crate) fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(&mut out, word);
    out
}

/// Appends the normalized form of `word` to `out` (the sentence view keeps every word of a
/// sentence in one buffer).
pub(crate) fn normalize_into(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if matches!(c, '’' | '‘') {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The four relation lexicons.
///
/// ```
/// use gazer::relation::Lexicon;
/// let mut lexicon = Lexicon::builtin().clone();
/// lexicon.add_triggers("mine.tsv", "supply\tairlift\tframe=give\tforms=airlifted")?;
/// assert!(lexicon.len() > 500);
/// let err = lexicon.add_triggers("mine.tsv", "supply\tairdrop\tframe=throw").unwrap_err();
/// assert!(err.to_string().starts_with("mine.tsv:1: unknown trigger frame \"throw\""));
/// # Ok::<(), gazer::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub(crate) triggers: PhraseMap<Trigger>,
    pub(crate) materiel: PhraseMap<Materiel>,
    pub(crate) modality: PhraseMap<Modality>,
    pub(crate) titles: PhraseMap<TitleWord>,
}

static BUILTIN: Lazy<Lexicon> = Lazy::new(|| {
    let mut l = Lexicon::default();
    let load = |r: Result<()>| r.unwrap_or_else(|e| panic!("embedded lexicon: {e}"));
    // The embedded files are checked by the crate's tests, so these cannot fail in a release.
    load(l.add_triggers("triggers.tsv", include_str!("../../gazetteers/lexicon/triggers.tsv")));
    load(l.add_materiel("materiel.tsv", include_str!("../../gazetteers/lexicon/materiel.tsv")));
    load(l.add_modality("modality.tsv", include_str!("../../gazetteers/lexicon/modality.tsv")));
    load(l.add_titles("titles.tsv", include_str!("../../gazetteers/lexicon/titles.tsv")));
    l
});

impl Lexicon {
    /// A lexicon with no words: no relation is found with it.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// The embedded lexicons of `gazetteers/lexicon/`.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// Adds triggers: lines `KIND<TAB>LEMMA<TAB>frame=FRAME[<TAB>forms=F|F…]`. On an error
    /// nothing of `text` is added.
    pub fn add_triggers(&mut self, source: &str, text: &str) -> Result<()> {
        self.atomically(|l| l.triggers_from(source, text))
    }

    /// Runs `f` on a copy and keeps the copy only if `f` succeeds, so that a file with an
    /// error leaves the lexicon as it was.
    fn atomically(&mut self, f: impl FnOnce(&mut Lexicon) -> Result<()>) -> Result<()> {
        let mut staged = self.clone();
        f(&mut staged)?;
        *self = staged;
        Ok(())
    }

    fn triggers_from(&mut self, source: &str, text: &str) -> Result<()> {
        for line in lines(source, text) {
            let (origin, cols) = line?;
            let kind: RelationKind = parse_col(&origin, cols.first())?;
            let lemma = cols.get(1).filter(|s| !s.is_empty()).ok_or_else(|| missing(&origin, "lemma"))?;
            let mut frame = None;
            let mut forms = vec![*lemma];
            for col in &cols[2..] {
                match col.split_once('=') {
                    Some(("frame", v)) => {
                        frame =
                            Some(v.parse().map_err(|e: crate::error::UnknownName| {
                                Error::lexicon(&origin, e.to_string())
                            })?)
                    }
                    Some(("forms", v)) => forms.extend(v.split('|').map(str::trim).filter(|f| !f.is_empty())),
                    _ => return Err(Error::lexicon(&origin, format!("unknown field \"{col}\""))),
                }
            }
            let frame = frame.ok_or_else(|| missing(&origin, "frame="))?;
            for form in forms {
                self.triggers.insert(form, Trigger { kind, frame });
            }
        }
        Ok(())
    }

    /// Adds materiel words (atomically, like [`Lexicon::add_triggers`]): lines `CLASS<TAB>WORD[<TAB>forms=F|F…]`.
    pub fn add_materiel(&mut self, source: &str, text: &str) -> Result<()> {
        self.add_words(source, text, |l, form, class| l.materiel.insert(form, class))
    }

    /// Adds title words: lines `CLASS<TAB>WORD[<TAB>forms=F|F…]`.
    pub fn add_titles(&mut self, source: &str, text: &str) -> Result<()> {
        self.add_words(source, text, |l, form, class| l.titles.insert(form, class))
    }

    /// Adds modality cues: lines `MODALITY<TAB>CUE`.
    pub fn add_modality(&mut self, source: &str, text: &str) -> Result<()> {
        self.add_words(source, text, |l, form, class| l.modality.insert(form, class))
    }

    fn add_words<C: Copy + core::str::FromStr<Err = crate::error::UnknownName>>(
        &mut self,
        source: &str,
        text: &str,
        insert: impl FnMut(&mut Lexicon, &str, C),
    ) -> Result<()> {
        self.atomically(|l| l.words_from(source, text, insert))
    }

    fn words_from<C: Copy + core::str::FromStr<Err = crate::error::UnknownName>>(
        &mut self,
        source: &str,
        text: &str,
        mut insert: impl FnMut(&mut Lexicon, &str, C),
    ) -> Result<()> {
        for line in lines(source, text) {
            let (origin, cols) = line?;
            let class: C = parse_col(&origin, cols.first())?;
            let word = cols.get(1).filter(|s| !s.is_empty()).ok_or_else(|| missing(&origin, "word"))?;
            insert(self, word, class);
            for col in &cols[2..] {
                match col.split_once('=') {
                    Some(("forms", v)) => v
                        .split('|')
                        .map(str::trim)
                        .filter(|f| !f.is_empty())
                        .for_each(|f| insert(self, f, class)),
                    _ => return Err(Error::lexicon(&origin, format!("unknown field \"{col}\""))),
                }
            }
        }
        Ok(())
    }

    /// Number of phrases in all four lexicons.
    pub fn len(&self) -> usize {
        self.triggers.len() + self.materiel.len() + self.modality.len() + self.titles.len()
    }

    /// Whether the lexicon holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

type Line<'t> = Result<(Origin, Vec<&'t str>)>;

/// The data lines of a lexicon file, split into trimmed columns, with their origin.
fn lines<'t>(source: &str, text: &'t str) -> impl Iterator<Item = Line<'t>> {
    let source: Arc<str> = source.into();
    text.lines().enumerate().filter_map(move |(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            return None;
        }
        let origin = Origin { source: source.clone(), line: i + 1 };
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < 2 {
            return Some(Err(Error::lexicon(
                &origin,
                format!("expected tab-separated columns, got \"{line}\""),
            )));
        }
        Some(Ok((origin, cols)))
    })
}

fn parse_col<C: core::str::FromStr<Err = crate::error::UnknownName>>(
    origin: &Origin,
    col: Option<&&str>,
) -> Result<C> {
    col.unwrap_or(&"").parse().map_err(|e: crate::error::UnknownName| Error::lexicon(origin, e.to_string()))
}

fn missing(origin: &Origin, what: &str) -> Error {
    Error::lexicon(origin, format!("missing {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_file_line_and_value() {
        let mut l = Lexicon::new();
        let cases = [
            ("treaty\tpact\tframe=noun-pact", "x.tsv:1: unknown relation kind \"treaty\""),
            ("supply\tsend\tframe=give\n# comment\n\nsupply\tship", "x.tsv:4: missing frame="),
            ("supply\tship\tframe=give\tvoice=passive", "x.tsv:1: unknown field \"voice=passive\""),
            ("supply", "x.tsv:1: expected tab-separated columns, got \"supply\""),
        ];
        for (text, want) in cases {
            let err = l.add_triggers("x.tsv", text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}");
        }
        let err = l.add_modality("m.tsv", "maybe\tperhaps").unwrap_err().to_string();
        assert!(err.starts_with("m.tsv:1: unknown modality \"maybe\""), "{err}");
        assert!(l.is_empty(), "nothing from a failing line is kept");
    }

    #[test]
    fn phrases_match_longest_first_in_normalized_form() {
        let mut l = Lexicon::new();
        l.add_triggers("t", "supply\thand\tframe=give\nsupply\thand over\tframe=give\tforms=Handed Over")
            .unwrap();
        let rests = |first: &str| -> Vec<Vec<String>> {
            let phrases = l.triggers.starting(first, fingerprint(first.as_bytes()));
            phrases.iter().map(|(rest, _)| rest.iter().map(|w| w.to_string()).collect()).collect()
        };
        // Longest first, and the inflected form is stored in normal form.
        assert_eq!(rests("hand"), [vec!["over"], vec![]]);
        assert_eq!(rests("handed"), [vec!["over"]]);
        assert!(rests("drones").is_empty());
        assert_eq!(normalize("Wouldn’t"), "wouldn't");
    }

    /// `starting` as the map answered it: the Bloom filter, then the entry whose first word
    /// is `first`, found by comparing every one.
    fn scanned<'m, T: Copy + PartialEq>(map: &'m PhraseMap<T>, first: &str) -> &'m [(Words, T)] {
        if !map.may_start(fingerprint(first.as_bytes())) {
            return &[];
        }
        map.entries.iter().find(|(w, _)| **w == *first).map_or(&[], |(_, list)| list)
    }

    fn same_as_scanned<T: Copy + PartialEq + std::fmt::Debug>(map: &PhraseMap<T>, word: &str) {
        assert_eq!(map.starting(word, fingerprint(word.as_bytes())), scanned(map, word), "{word:?}");
        let second = map.second_words(word);
        let listed = map.entries.iter().find(|(w, _)| **w == *word);
        assert_eq!(second.is_some(), listed.is_some_and(|(_, l)| l.iter().all(|(r, _)| !r.is_empty())));
    }

    fn words_to_ask(lexicon: &Lexicon) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        for text in crate::seed_texts() {
            words.extend(
                text.split(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '’' | '-')).map(normalize),
            );
        }
        let firsts: Vec<&str> = [
            lexicon.triggers.first_words(|_| true).collect::<Vec<_>>(),
            lexicon.materiel.first_words(|_| true).collect(),
            lexicon.modality.first_words(|_| true).collect(),
            lexicon.titles.first_words(|_| true).collect(),
        ]
        .concat();
        for w in firsts {
            words.extend([
                w.to_string(),
                format!("{w}s"),
                format!("x{w}"),
                w[..w.len() - 1].to_string(),
                w.to_uppercase(),
            ]);
        }
        words.push(String::new());
        words
    }

    #[test]
    fn lookups_by_fingerprint_are_those_of_a_scan() {
        let lexicon = Lexicon::builtin();
        for (i, (w, _)) in lexicon.triggers.entries.iter().enumerate() {
            assert_eq!(lexicon.triggers.entry(w, fingerprint(w.as_bytes())), Some(i), "{w:?}");
        }
        for (i, (w, _)) in lexicon.materiel.entries.iter().enumerate() {
            assert_eq!(lexicon.materiel.entry(w, fingerprint(w.as_bytes())), Some(i), "{w:?}");
        }
        for word in words_to_ask(lexicon) {
            same_as_scanned(&lexicon.triggers, &word);
            same_as_scanned(&lexicon.materiel, &word);
            same_as_scanned(&lexicon.modality, &word);
            same_as_scanned(&lexicon.titles, &word);
        }
        // No entries: no slots either.
        same_as_scanned(&Lexicon::new().triggers, "drones");
        // Each first word once.
        let mut firsts: Vec<&str> = lexicon.triggers.first_words(|_| true).collect();
        let n = firsts.len();
        firsts.sort_unstable();
        firsts.dedup();
        assert_eq!(firsts.len(), n);
    }

    proptest::proptest! {
        #[test]
        fn lookups_of_any_word(word in "[a-z' -]{0,12}") {
            let lexicon = Lexicon::builtin();
            same_as_scanned(&lexicon.triggers, &word);
            same_as_scanned(&lexicon.materiel, &word);
            same_as_scanned(&lexicon.titles, &word);
        }

        /// Maps grown one word at a time, so that the table is rebuilt along the way.
        #[test]
        fn lookups_while_growing(words in proptest::collection::vec("[a-c]{1,3}", 0..60)) {
            let mut map: PhraseMap<u8> = PhraseMap::default();
            for (k, w) in words.iter().enumerate() {
                map.insert(w, (k % 3) as u8);
                for asked in &words {
                    same_as_scanned(&map, asked);
                }
            }
        }
    }

    #[test]
    fn builtin_lexicons_load() {
        let l = Lexicon::builtin();
        assert!(
            l.triggers.len() > 150 && l.materiel.len() > 100 && l.modality.len() > 100 && l.titles.len() > 80
        );
    }
}
