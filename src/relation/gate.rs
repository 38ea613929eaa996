//! The gate: which parts of a document can hold a relation at all.
//!
//! Every relation rule starts from a trigger word or, for `holds_office`, from a title word
//! next to a person's name. The gate's words are keywords of the matcher, so the pass that
//! finds the names finds them too; sentences are segmented and tokenized only in lines that
//! hold a trigger and a name, or a title word and a person, and text without a candidate
//! costs nothing beyond that one pass.
//!
//! A first word that is no trigger by itself ("in" of "in exchange for", "air" of "air
//! strike") would open nearly every sentence of news, so such a hit counts only when the next
//! word of the raw text can begin the phrase's second word. Where that second word is rarer
//! and long enough to be a prefix keyword (`matcher::Prefix`), the matcher looks for it
//! instead, at the start of any word, and the gate checks the word before it: "in" alone was
//! 252 trie walks per pass over the seeds, of which almost none counted.
//!
//! The first words of the materiel lexicon's heads ("drones", "aerial" of "aerial
//! vehicles") are keywords too: a supply needs an item, and the engine asks whether a
//! sentence holds one before it builds the sentence's view (`skip::may_relate`).

use std::collections::BTreeMap;

use super::lexicon::{fingerprint, Frame, Lexicon, Materiel, TitleWord};
use super::view::is_quote;
use crate::matcher::{Keyword, KeywordWord, Prefix};
use crate::tokenize::{is_boundary, is_word_char};

/// What a gate word may open.
#[derive(Clone, Debug, Default)]
struct Opens {
    /// A trigger phrase: `Some(None)` when the word is a trigger by itself (or begins a
    /// phrase whose second word the raw text cannot rule out, see [`checkable`]),
    /// `Some(Some(w))` when it only begins phrases whose second word is one of `w`.
    trigger: Option<Option<Box<[Box<str>]>>>,
    /// The head of an office title ("president", "prime minister").
    title: bool,
    /// The first word of a materiel phrase of class head or weak head ("drones", "aerial
    /// vehicles"): without one, a sentence has no item but a named weapon.
    item: bool,
    /// For a prefix keyword, the first words of the phrases whose second word it begins:
    /// the first word before it is the trigger. With what their phrases may reach.
    after: Box<[(Box<str>, Reach)]>,
    /// What the trigger phrases the word may begin may fill roles from besides the names of
    /// their sentence.
    reach: Reach,
}

/// Where the rules of a trigger word's phrases may find a party besides the names of its
/// sentence and the antecedents of its pronouns: what the engine asks of a sentence with
/// fewer than two names before it builds the sentence's view (`engine::may_relate`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Reach {
    /// An attack: the attack stated before gives a definite one its parties ("The strikes
    /// continued"), and a state named before the sentence its attacker ("The strikes hit
    /// Kyiv").
    pub attack: bool,
    /// A noun of giving or receiving: the supply stated before gives a definite one its
    /// parties ("This arms transfer …").
    pub recalls_supply: bool,
    /// An arms deal: its two sides are the two names after "between", which may name one
    /// entity twice.
    pub deal: bool,
    /// The frames of the phrases, one bit per [`Frame`]: what each needs of its sentence is
    /// asked before the view is built (`engine::may_relate`).
    pub frames: u32,
    /// The most words of any of the phrases; 255 for 255 or more.
    pub longest: u8,
}

// A bit of [`Reach::frames`] for each frame.
const _: () = assert!(Frame::ALL.len() <= 32);

impl Reach {
    /// What a phrase of `frame` may reach.
    fn of(frame: Frame) -> Reach {
        Reach {
            attack: matches!(frame, Frame::Strike | Frame::Launch | Frame::NounAttack),
            recalls_supply: matches!(frame, Frame::NounGive | Frame::NounReceive),
            deal: frame == Frame::NounDeal,
            frames: 1 << frame as u32,
            longest: 1,
        }
    }

    /// Whether a phrase of `frame` may begin at the hit.
    pub(crate) fn may_be(self, frame: Frame) -> bool {
        self.frames >> frame as u32 & 1 != 0
    }

    pub(crate) fn union(self, other: Reach) -> Reach {
        Reach {
            attack: self.attack || other.attack,
            recalls_supply: self.recalls_supply || other.recalls_supply,
            deal: self.deal || other.deal,
            frames: self.frames | other.frames,
            longest: self.longest.max(other.longest),
        }
    }

    /// What the phrases of each first word of `lexicon`'s triggers reach.
    fn of_first_words(lexicon: &Lexicon) -> BTreeMap<&str, Reach> {
        let mut firsts: BTreeMap<&str, Reach> = BTreeMap::new();
        for &frame in Frame::ALL {
            for first in lexicon.triggers.first_words(|t| t.frame == frame) {
                let phrases = lexicon.triggers.starting(first, fingerprint(first.as_bytes()));
                let words = phrases.iter().map(|(rest, _)| rest.len() + 1).max().unwrap_or(1);
                let longest = Reach { longest: u8::try_from(words).unwrap_or(u8::MAX), ..Reach::default() };
                let reach = firsts.entry(first).or_default();
                *reach = reach.union(Reach::of(frame)).union(longest);
            }
        }
        firsts
    }

    /// What the phrases that the sentence view may find at a hit of the gate word `word`
    /// reach, given [`Reach::of_first_words`]. The view's word there is the gate word, or
    /// one of its prefixes where the view cuts the raw word short, or a longer word where it
    /// joins the raw one to the next ("medium-range"): the phrases of every first word that
    /// is either are counted.
    fn at(firsts: &BTreeMap<&str, Reach>, word: &str) -> Reach {
        let word = word.replace('’', "'");
        // The first words that begin with `word` follow it in the map's order; those it
        // begins with are its prefixes. (A search of every first word for each gate word
        // made building a gate quadratic in the lexicon.)
        let longer =
            firsts.range::<&str, _>(word.as_str()..).take_while(|(first, _)| first.starts_with(&*word));
        let shorter = word.char_indices().skip(1).filter_map(|(i, _)| firsts.get_key_value(&word[..i]));
        longer.chain(shorter).fold(Reach::default(), |a, (_, &b)| a.union(b))
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Gate {
    /// The keywords for the matcher: whole words, then prefixes.
    words: Vec<String>,
    /// How many of `words` are whole words.
    whole: usize,
    /// What each keyword opens, by id.
    opens: Vec<Opens>,
    /// Whether every materiel word the gate reports is ASCII ([`Hits::items_known`]).
    items_ascii: bool,
}

/// Where the gate's words are in a document: start offsets, in order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Hits {
    pub triggers: Vec<usize>,
    /// What the phrases at each of `triggers` may reach.
    pub reach: Vec<Reach>,
    pub titles: Vec<usize>,
    /// Where the first words of materiel phrases of class head or weak head are.
    pub items: Vec<usize>,
    /// Whether `items` holds every such word of the view: the matcher finds keywords in any
    /// ASCII case, so only where the lexicon's words are all ASCII without apostrophes (see
    /// `skip::Gear::unsaid` for the one other character that lowers to an ASCII letter).
    pub items_known: bool,
}

impl Hits {
    /// Whether `items` (as [`Hits::items`]) holds a word that starts in `span`.
    pub(crate) fn holds(items: &[usize], span: crate::span::Span) -> bool {
        items.get(items.partition_point(|&at| at < span.start)).is_some_and(|&at| at < span.end)
    }
}

impl Gate {
    /// The first words of every trigger phrase, title head and materiel head, but the first
    /// words found by their second words.
    pub(crate) fn new(lexicon: &Lexicon) -> Gate {
        let mut words: BTreeMap<String, Opens> = BTreeMap::new();
        let firsts = Reach::of_first_words(lexicon);
        for w in lexicon.triggers.first_words(|_| true) {
            let seconds = lexicon
                .triggers
                .second_words(w)
                .filter(|s| s.iter().all(|w| checkable(w)))
                .map(|s| s.into_iter().map(Box::from).collect());
            let opens = words.entry(w.to_string()).or_default();
            opens.trigger = Some(seconds);
            opens.reach = Reach::at(&firsts, w);
        }
        for w in lexicon.titles.first_words(|c| c == TitleWord::Head) {
            words.entry(w.to_string()).or_default().title = true;
        }
        // The view lowers every character and reads both curly apostrophes as ASCII ones: a
        // word the matcher, which folds ASCII case only, may miss is not reported at all.
        // (The words of troops were keywords too, for deployments: they cost the matcher more
        // than the views they spared.)
        let items = lexicon.materiel.first_words(|c| matches!(c, Materiel::Head | Materiel::WeakHead));
        let mut items_ascii = true;
        for w in items {
            items_ascii &= w.is_ascii() && !w.contains('\'');
            words.entry(w.to_string()).or_default().item = true;
            // The view takes the "n" of "n't" off the word before it ("tanksn't" gives
            // "tanks"), where the matcher finds no whole word: the word with an "n" stands
            // for it.
            words.entry(format!("{w}n")).or_default().item = true;
        }
        // Lexicon words are normalized to ASCII apostrophes; the text may have curly ones.
        let curly: Vec<(String, Opens)> = words
            .iter()
            .filter(|(w, _)| w.contains('\''))
            .map(|(w, o)| (w.replace('\'', "’"), o.clone()))
            .collect();
        words.extend(curly);
        let mut prefixes: BTreeMap<String, Vec<(Box<str>, Reach)>> = BTreeMap::new();
        words.retain(|first, opens| match found_by_second(first, opens) {
            Some(seconds) => {
                let reach = opens.reach;
                seconds.iter().for_each(|s| {
                    prefixes.entry(s.to_string()).or_default().push((first.as_str().into(), reach))
                });
                false
            }
            None => true,
        });
        let whole = words.len();
        let after =
            prefixes.into_iter().map(|(w, after)| (w, Opens { after: after.into(), ..Opens::default() }));
        let (words, opens) = words.into_iter().chain(after).unzip();
        Gate { words, whole, opens, items_ascii }
    }

    /// The words the matcher must report as [`Keyword`]s, by id.
    pub(crate) fn words(&self) -> impl Iterator<Item = KeywordWord<'_>> {
        self.words.iter().enumerate().map(|(id, w)| match Prefix::new(w) {
            Some(prefix) if id >= self.whole => KeywordWord::Prefix(prefix),
            _ => KeywordWord::Whole(w),
        })
    }

    /// The trigger and title words of `text`, from the matcher's `keywords` in it.
    #[cfg(test)]
    pub(crate) fn hits(&self, text: &str, keywords: &[Keyword]) -> Hits {
        let mut hits = Hits::default();
        self.hits_into(text, keywords, &mut hits);
        hits
    }

    /// [`Gate::hits`] into `hits`, emptied first: the engine keeps one per thread, so that
    /// a document costs no allocation of its three lists (each reserved for a hit per
    /// keyword) once the thread's first documents have grown them.
    pub(crate) fn hits_into(&self, text: &str, keywords: &[Keyword], hits: &mut Hits) {
        hits.triggers.clear();
        hits.reach.clear();
        hits.titles.clear();
        hits.items.clear();
        hits.items_known = self.items_ascii;
        // A trigger (or item word) per keyword at most: the lists grow once, not by doubling.
        hits.triggers.reserve(keywords.len());
        hits.reach.reserve(keywords.len());
        hits.items.reserve(keywords.len());
        for k in keywords {
            let Some(opens) = self.opens.get(k.id as usize) else { continue };
            let trigger = match &opens.trigger {
                None => false,
                Some(None) => true,
                Some(Some(seconds)) => next_begins(&text[k.span.end..], seconds),
            };
            if trigger {
                // Two keywords may start together ("secretary", "secretary-general").
                match (hits.triggers.last(), hits.reach.last_mut()) {
                    (Some(&last), Some(reach)) if last == k.span.start => *reach = reach.union(opens.reach),
                    _ => {
                        hits.triggers.push(k.span.start);
                        hits.reach.push(opens.reach);
                    }
                }
            }
            if opens.title && hits.titles.last() != Some(&k.span.start) {
                hits.titles.push(k.span.start);
            }
            if opens.item && hits.items.last() != Some(&k.span.start) {
                hits.items.push(k.span.start);
            }
            for &(ref first, reach) in &opens.after {
                // Before this keyword's start, so in order but for keywords in between, which
                // only spaces and quotation marks are.
                if let Some(at) = word_before(text, k.span.start, first) {
                    match hits.triggers.binary_search(&at) {
                        Ok(i) => hits.reach[i] = hits.reach[i].union(reach),
                        Err(i) => {
                            hits.triggers.insert(i, at);
                            hits.reach.insert(i, reach);
                        }
                    }
                }
            }
        }
    }
}

/// The second words by which the matcher finds `first`, which opens `opens`: those of a
/// word that only opens trigger phrases, each of whose second words can be a prefix keyword.
/// Any case of `first` is then compared with the text ([`word_before`]); such a first word
/// is plain ASCII.
fn found_by_second<'o>(first: &str, opens: &'o Opens) -> Option<&'o [Box<str>]> {
    let Opens { trigger: Some(Some(seconds)), title: false, item: false, .. } = opens else {
        return None;
    };
    let plain = !first.is_empty() && first.bytes().all(|b| b.is_ascii_alphanumeric());
    (plain && seconds.iter().all(|s| Prefix::new(s).is_some())).then_some(&**seconds)
}

/// The start of `first` as a whole word before the word at `second`, with only spaces and
/// quotation marks between: where the gate found `first` when it was a keyword and the
/// word after it began with a second word of its phrase ([`next_begins`]). Spaces and
/// quotation marks are no word characters, so `first` ends on a boundary.
fn word_before(text: &str, second: usize, first: &str) -> Option<usize> {
    let gap = text.get(..second)?.trim_end_matches(|c: char| c.is_whitespace() || is_quote(c)).len();
    let at = gap.checked_sub(first.len())?;
    let found = gap < second
        && text.as_bytes().get(at..gap)?.eq_ignore_ascii_case(first.as_bytes())
        && is_boundary(text, at);
    found.then_some(at)
}

/// Whether the raw text can rule `word` out as the word after a gate word: only an ASCII
/// word without an apostrophe (the view normalizes apostrophes) is compared.
fn checkable(word: &str) -> bool {
    word.is_ascii() && !word.contains('\'')
}

/// Whether the next word of `rest` can be one of `words` (each [`checkable`]) as the
/// sentence view reads it. The view skips spaces and quotation marks between words, and its
/// word may stop short of the raw one (where a name begins), so the raw word need only begin
/// with the listed one. Erring towards yes costs a look at the sentence, never a relation.
fn next_begins(rest: &str, words: &[Box<str>]) -> bool {
    let next = rest.trim_start_matches(|c: char| c.is_whitespace() || is_quote(c));
    match next.chars().next() {
        Some(c) if is_word_char(c) => words.iter().any(|word| {
            next.len() >= word.len() && next.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::matcher::Matcher;

    fn hits(text: &str) -> (Vec<&str>, Vec<&str>) {
        let gate = Gate::new(Lexicon::builtin());
        let matcher = Matcher::build(&Gazetteer::new(), gate.words()).unwrap();
        let h = gate.hits(text, &matcher.find(text).keywords);
        let word = |&at: &usize| text[at..].split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        (h.triggers.iter().map(word).collect(), h.titles.iter().map(word).collect())
    }

    /// The gate's words before second words stood for first ones: every first word of a
    /// trigger phrase and every title head, with curly copies, in order.
    fn old_words(lexicon: &Lexicon) -> Vec<String> {
        let mut words: std::collections::BTreeSet<String> =
            lexicon.triggers.first_words(|_| true).map(String::from).collect();
        words.extend(lexicon.titles.first_words(|c| c == TitleWord::Head).map(String::from));
        let curly: Vec<String> =
            words.iter().filter(|w| w.contains('\'')).map(|w| w.replace('\'', "’")).collect();
        words.extend(curly);
        words.into_iter().collect()
    }

    /// The hits as the gate found them before it knew which second words can be checked
    /// (`may_begin` per second word, from the lexicon), and before second words stood for
    /// first ones: from the keywords of a matcher built with [`old_words`].
    fn old_hits(lexicon: &Lexicon, text: &str) -> (Vec<usize>, Vec<usize>) {
        fn may_begin(rest: &str, word: &str) -> bool {
            if !word.is_ascii() || word.contains('\'') {
                return true;
            }
            let next = rest.trim_start_matches(|c: char| c.is_whitespace() || is_quote(c));
            match next.chars().next() {
                Some(c) if is_word_char(c) => {
                    next.len() >= word.len()
                        && next.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
                }
                _ => false,
            }
        }
        let words = old_words(lexicon);
        let matcher = Matcher::build(&Gazetteer::new(), words.iter().map(|w| KeywordWord::Whole(w))).unwrap();
        let (mut triggers, mut titles): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for k in matcher.find(text).keywords {
            // The curly copies of a word open what the word with an ASCII apostrophe opens.
            let word = words[k.id as usize].replace('’', "'");
            if lexicon.triggers.first_words(|_| true).any(|w| w == word) {
                let trigger = match lexicon.triggers.second_words(&word) {
                    None => true,
                    Some(seconds) => seconds.iter().any(|w| may_begin(&text[k.span.end..], w)),
                };
                if trigger && triggers.last() != Some(&k.span.start) {
                    triggers.push(k.span.start);
                }
            }
            let title = lexicon.titles.first_words(|c| c == TitleWord::Head).any(|w| w == word);
            if title && titles.last() != Some(&k.span.start) {
                titles.push(k.span.start);
            }
        }
        (triggers, titles)
    }

    fn same_hits_as_before(lexicon: &Lexicon, text: &str) {
        let gate = Gate::new(lexicon);
        let matcher = Matcher::build(&Gazetteer::new(), gate.words()).unwrap();
        let hits = gate.hits(text, &matcher.find(text).keywords);
        assert_eq!((hits.triggers, hits.titles), old_hits(lexicon, text), "{text:?}");
    }

    #[test]
    fn same_hits_as_before_on_the_seeds_and_every_phrase() {
        for text in crate::seed_texts() {
            same_hits_as_before(Lexicon::builtin(), &text);
        }
        same_hits_as_before(Lexicon::builtin(), &every_phrase(Lexicon::builtin()));
        // Second words the raw text cannot rule out: with an apostrophe, not ASCII; and
        // second words too short to be prefix keywords.
        let mut lexicon = Lexicon::new();
        let phrases =
            "supply\tsend off\tframe=give\nsupply\tsend o'er\tframe=give\nsupply\tconvey über\tframe=give\n\
                       supply\tin return for\tframe=receive\nsupply\tin lieu of\tframe=receive";
        lexicon.add_triggers("t", phrases).unwrap();
        same_hits_as_before(&lexicon, &every_phrase(&lexicon));
        same_hits_as_before(
            &lexicon,
            "send x, convey y, send “off”, convey über, send, in lieu of, in return",
        );
    }

    /// Pieces of text around the phrases whose first word is found by its second.
    fn around_phrases() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "in",
            "IN",
            "In",
            "iN",
            "air",
            "AIR",
            "bid",
            "exchange",
            "EXCHANGE",
            "Exchanges",
            "return",
            "RETURN",
            "returns",
            "returné",
            "return\u{301}",
            "strike",
            "strikes",
            "striker",
            "for",
            "x",
            "é",
            "9",
            " ",
            "  ",
            "\u{a0}",
            "\u{2003}",
            "“",
            "”",
            "\"",
            "\'",
            "’",
            "`",
            "«",
            "-",
            ".",
            ",",
            "\n",
            "_",
            "#",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn same_hits_as_before_around_phrases(text in around_phrases()) {
            same_hits_as_before(Lexicon::builtin(), &text);
        }
    }

    /// Pieces of text around materiel words, written in every way the view reads.
    fn around_materiel() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "drones",
            "DRONES",
            "Drones",
            "drone",
            "missiles",
            "tanks",
            "TAN\u{212A}S",
            "tan\u{212A}",
            "aerial",
            "vehicles",
            "unmanned",
            "artillery",
            "shells",
            "troops",
            "Troops",
            "TROOPS",
            "soldiers",
            "soldier’s",
            "troops’",
            "troops'",
            "troop's",
            "troopsn’t",
            "tanksn't",
            "DRONESN’T",
            "n’t",
            "n't",
            "’t",
            "forces",
            "force",
            "personnel",
            "arms",
            "weapons",
            "Iran",
            "Russia",
            "Shahed-136",
            "KN-23",
            "Iranian",
            "Kim Jong Un",
            "sent",
            "supplied",
            "drone-carrying",
            "anti-tank",
            "medium-range",
            "ballistic",
            "x",
            "é",
            "İt",
            "\u{301}",
            "“",
            "”",
            "\"",
            "'",
            "’",
            "‘",
            "-",
            "—",
            ".",
            ",",
            " ",
            "  ",
            "\n",
            "_",
            "#",
            "2",
        ]);
        let space = prop::sample::select(vec!["", " ", " ", " "]);
        prop::collection::vec((piece, space), 0..30)
            .prop_map(|pieces| pieces.into_iter().flat_map(|(p, s)| [p, s]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Every word the view classes as a head or weak head starts where the gate reports
        /// a materiel word, but in a text with a Kelvin sign.
        #[test]
        fn materiel_words_of_the_view_are_reported(text in around_materiel()) {
            let gate = Gate::new(Lexicon::builtin());
            let matcher = Matcher::build(&Gazetteer::new(), gate.words()).unwrap();
            let hits = gate.hits(&text, &matcher.find(&text).keywords);
            prop_assert!(hits.items_known);
            let kelvin = text.contains('\u{212A}');
            crate::relation::view::with_view(&text, |v| {
                for i in 0..v.len() {
                    let (c, at) = (v.class(i), v.tokens[i].span.start);
                    if (c.head || c.weak) && !kelvin {
                        prop_assert!(hits.items.contains(&at), "{:?} item at {}", text, at);
                    }
                }
                Ok(())
            })?;
        }
    }

    /// The one character but the ASCII capitals whose lower case is an ASCII letter is the
    /// Kelvin sign: the view reads no other as a letter of an ASCII word.
    #[test]
    fn only_the_kelvin_sign_lowers_into_ascii_letters() {
        let into: Vec<char> = (0x80..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(into, ['\u{212A}']);
    }

    /// A lexicon with a materiel word that is not ASCII, or has an apostrophe, leaves the
    /// skip no list it can trust.
    #[test]
    fn materiel_words_the_matcher_may_miss_are_not_trusted() {
        assert!(Gate::new(Lexicon::builtin()).items_ascii);
        for word in ["drönes", "o'drones"] {
            let mut lexicon = Lexicon::builtin().clone();
            lexicon.add_materiel("m", &format!("head\t{word}")).unwrap();
            assert!(!Gate::new(&lexicon).items_ascii, "{word}");
        }
    }

    #[test]
    fn in_is_found_by_its_second_word() {
        let gate = Gate::new(Lexicon::builtin());
        let words: Vec<KeywordWord> = gate.words().collect();
        assert!(!words.contains(&KeywordWord::Whole("in")));
        assert!(words.contains(&KeywordWord::Prefix(Prefix::new("exchange").unwrap())));
        assert!(words.contains(&KeywordWord::Prefix(Prefix::new("return").unwrap())));
        assert_eq!(
            hits("In “returns” in exchange, in\u{a0}EXCHANGE in-exchange gin exchange").0,
            ["In", "in", "in"]
        );
    }

    /// Every phrase of `lexicon`, its first word followed by its second in every way the raw
    /// text may write it, and by other words.
    fn every_phrase(lexicon: &Lexicon) -> String {
        let mut text = String::new();
        for first in lexicon.triggers.first_words(|_| true) {
            for second in lexicon.triggers.second_words(first).unwrap_or_default() {
                for gap in [" ", "  “", "\u{a0}\"", "\n", ", ", "-", ""] {
                    let upper = second.to_uppercase();
                    for then in
                        [second, upper.as_str(), second.get(..second.len() / 2).unwrap_or(second), "x", "’s"]
                    {
                        text.push_str(&format!("{first}{gap}{then} {} ", first.replace('\'', "’")));
                    }
                }
            }
        }
        text
    }

    /// The reach of a hit holds the frames of the phrases its word may begin and their most
    /// words, 255 for more.
    #[test]
    fn reach_holds_frames_and_the_most_words() {
        let mut lexicon = Lexicon::new();
        let long = vec!["word"; 300].join(" ");
        let phrases = format!(
            "agreement\tpact\tframe=noun-pact\nsupply\tsend over now\tframe=give\nsupply\tlong {long}\tframe=give"
        );
        lexicon.add_triggers("t", &phrases).unwrap();
        let gate = Gate::new(&lexicon);
        let matcher = Matcher::build(&Gazetteer::new(), gate.words()).unwrap();
        let text = "pact send over now long word word";
        let hits = gate.hits(text, &matcher.find(text).keywords);
        let got: Vec<(bool, bool, u8)> = hits
            .reach
            .iter()
            .map(|r| (r.may_be(Frame::NounPact), r.may_be(Frame::Give), r.longest))
            .collect();
        assert_eq!(got, [(true, false, 1), (false, true, 3), (false, true, 255)]);
    }

    #[test]
    fn phrase_openers_need_their_second_word() {
        assert_eq!(hits("Troops in Kursk, in “exchange for oil, in return").0, ["in", "in"]);
        assert_eq!(hits("In Kyiv an air raid, then air strikes.").0, ["air", "strikes"]);
        assert_eq!(hits("Iran supplied drones; Russia's shipment").0, ["supplied", "shipment"]);
    }

    #[test]
    fn title_heads_and_whole_words_only() {
        let (triggers, titles) = hits("Prime Minister Modi met President Xi; the presidential palace");
        assert_eq!(triggers, ["met"]);
        assert_eq!(titles, ["Prime", "Minister", "President"]);
        // A rejected match inside a word does not hide a trigger that starts inside it.
        assert_eq!(hits("grin-in exchange for").0, ["in"]);
        assert_eq!(hits("Putin Putin sent").0, ["sent"]);
    }
}
