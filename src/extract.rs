//! The facade: [`Extractor`] runs the pipeline (text → matches → entities → relations) and
//! returns an [`Extraction`].

use std::cell::RefCell;
use std::sync::Arc;

use once_cell::sync::Lazy;
use serde::Serialize;

use crate::entity::{Entity, Name};
use crate::error::Result;
use crate::gazetteer::{Date, Gazetteer};
use crate::matcher::{Matcher, Matches};
use crate::relation::engine::{self, Setup};
use crate::relation::gate::Gate;
use crate::relation::{Lexicon, Relation};
use crate::resolve::{self, Catalog, OverlapPolicy};

/// What gazer found in one document.
///
/// It borrows the document and the [`Extractor`] that read it (for mentions as written and
/// canonical names), so it lives no longer than either; [`Extraction::to_json`] and `serde`
/// turn it into owned text.
///
/// Serializes to the contract's JSON (`{"entities":[…],"relations":[…]}`, each entity with
/// its `"text"`); see [`Extraction::to_json`] for the JSON Lines record with its `doc` field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction<'a> {
    /// The document.
    pub text: &'a str,
    /// Every entity mention, ordered by span, non-overlapping.
    pub entities: Vec<Entity<'a>>,
    /// Every relation, ordered by evidence span.
    pub relations: Vec<Relation<'a>>,
}

impl Extraction<'_> {
    /// One line of the contract's JSON Lines output, with `doc` set to `doc`.
    ///
    /// Empty if an entity's span is not a span of [`Extraction::text`], which only an
    /// extraction put together by hand can hold.
    pub fn to_json(&self, doc: &str) -> String {
        #[derive(Serialize)]
        struct Record<'r, 'a> {
            doc: &'r str,
            entities: Mentions<'r, 'a>,
            relations: &'r [Relation<'a>],
        }
        let record = Record { doc, entities: Mentions(self), relations: &self.relations };
        serde_json::to_string(&record).unwrap_or_default()
    }
}

impl Serialize for Extraction<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Extraction", 2)?;
        st.serialize_field("entities", &Mentions(self))?;
        st.serialize_field("relations", &self.relations)?;
        st.end()
    }
}

/// The entities of an extraction in the contract's shape: each with the text it spans.
struct Mentions<'r, 'a>(&'r Extraction<'a>);

impl Serialize for Mentions<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq, SerializeStruct};
        struct Mention<'m>(&'m Entity<'m>, &'m str);
        impl Serialize for Mention<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
                let Mention(e, text) = *self;
                let mut st = s.serialize_struct("Entity", 5)?;
                st.serialize_field("kind", &e.kind)?;
                st.serialize_field("name", e.name)?;
                st.serialize_field("start", &e.span.start)?;
                st.serialize_field("end", &e.span.end)?;
                st.serialize_field("text", text)?;
                st.end()
            }
        }
        let Extraction { text, entities, .. } = self.0;
        let mut seq = s.serialize_seq(Some(entities.len()))?;
        for e in entities {
            let Some(written) = text.get(e.span.start..e.span.end) else {
                return Err(S::Error::custom(format!(
                    "entity {:?} at {}..{} is not a span of the {}-byte text",
                    e.name.as_str(),
                    e.span.start,
                    e.span.end,
                    text.len()
                )));
            };
            seq.serialize_element(&Mention(e, written))?;
        }
        seq.end()
    }
}

/// Finds and links entities (and relations) in news text.
///
/// Build it once and share it: it is `Send + Sync`, and cloning it is a reference-count
/// increment. [`Extractor::default`] uses the embedded gazetteers and is built once per
/// process.
///
/// ```
/// let extractor = gazer::Extractor::default();
/// let text = "Iran’s Fath-360 missiles reached Russia, the Kremlin said.";
/// let found = extractor.extract(text);
/// let names: Vec<&str> = found.entities.iter().map(|e| e.name.as_str()).collect();
/// assert_eq!(names, ["Iran", "Fath-360", "Russia", "Russia"]);
/// assert_eq!(&text[found.entities[3].span], "Kremlin");
/// ```
#[derive(Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
    date: Option<Date>,
}

struct Inner {
    gazetteer: Gazetteer,
    matcher: Matcher,
    /// Canonical names by entry index, which every mention of an entry borrows.
    names: Vec<Name>,
    policy: OverlapPolicy,
    lexicon: Lexicon,
    gate: Gate,
}

thread_local! {
    /// The matcher's output, kept between the documents a thread extracts. Candidates are
    /// the largest transient buffer of a document (one per name, a million for a document
    /// that repeats a name a million times); growing a fresh one for every document cost
    /// page faults in proportion to it, and an allocation per document for short ones.
    static MATCHES: RefCell<Matches> = RefCell::new(Matches::default());
}

/// Runs `f` with this thread's matcher buffers, or with fresh ones if they are in use.
fn with_matches<T>(f: impl FnOnce(&mut Matches) -> T) -> T {
    MATCHES.with(|cell| match cell.try_borrow_mut() {
        Ok(mut found) => {
            let out = f(&mut found);
            trim(&mut found.candidates);
            trim(&mut found.keywords);
            out
        }
        Err(_) => f(&mut Matches::default()),
    })
}

/// Shrinks a buffer that is far larger than the document just extracted needed: a thread
/// keeps what its documents need, and one huge document does not pin its memory to the
/// thread once smaller ones follow.
fn trim<T>(buffer: &mut Vec<T>) {
    const SMALL: usize = 4096;
    let used = buffer.len();
    if buffer.capacity() > SMALL.max(4 * used) {
        buffer.shrink_to(SMALL.max(2 * used));
    }
}

static DEFAULT: Lazy<Extractor> = Lazy::new(|| {
    // The embedded gazetteers are validated by tests/gazetteers.rs, so this cannot fail in a
    // released build.
    Extractor::builder().build().unwrap_or_else(|e| panic!("default extractor: {e}"))
});

impl Default for Extractor {
    fn default() -> Extractor {
        DEFAULT.clone()
    }
}

impl core::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Extractor")
            .field("entries", &self.inner.gazetteer.len())
            .field("patterns", &self.inner.matcher.pattern_count())
            .field("policy", &self.inner.policy)
            .field("lexicon", &self.inner.lexicon.len())
            .field("date", &self.date)
            .finish()
    }
}

impl Extractor {
    /// A builder, starting from the embedded gazetteers.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts entities and relations from one document. Never fails and never panics,
    /// whatever the text.
    ///
    /// Each thread that extracts keeps its name-matching buffers between documents (about
    /// 24 bytes per name mention of the documents it has recently read), so that a stream
    /// of documents allocates little beyond the results.
    pub fn extract<'a>(&'a self, text: &'a str) -> Extraction<'a> {
        with_matches(|found| {
            let inner = &*self.inner;
            // One pass finds the names and the words the relation rules start from.
            inner.matcher.find_into(text, found);
            let entities = resolve::resolve(text, &self.catalog(), &mut found.candidates);
            let setup = Setup {
                gate: &inner.gate,
                gazetteer: &inner.gazetteer,
                lexicon: &inner.lexicon,
                names: &inner.names,
                date: self.date,
            };
            let relations = engine::relations(text, &entities, &found.keywords, &setup);
            Extraction { text, entities, relations }
        })
    }

    /// This extractor with the documents' publication date set: `holds_office` then also
    /// reports, for every person mentioned, the offices the gazetteer says they held that day
    /// (rule `holds_office.on-date`). Cheap: the compiled gazetteer is shared.
    ///
    /// ```
    /// use gazer::{gazetteer::Date, relation::Role, Extractor, RelationKind};
    /// let dated = Extractor::default().on_date("2023-09-12".parse::<Date>().unwrap());
    /// let found = dated.extract("Kim Jong Un arrived by train.");
    /// let office = found.relations.iter().find(|r| r.kind == RelationKind::HoldsOffice).unwrap();
    /// assert_eq!(office.arg(Role::Polity).unwrap().name, "North Korea");
    /// ```
    pub fn on_date(&self, date: Date) -> Extractor {
        Extractor { inner: self.inner.clone(), date: Some(date) }
    }

    /// The document date set by [`Extractor::on_date`] or [`ExtractorBuilder::date`].
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// Only the entity mentions of `text`, linked, ordered by span.
    pub fn entities<'a>(&'a self, text: &'a str) -> Vec<Entity<'a>> {
        with_matches(|found| {
            self.inner.matcher.find_into(text, found);
            resolve::resolve(text, &self.catalog(), &mut found.candidates)
        })
    }

    fn catalog(&self) -> Catalog<'_> {
        let inner = &*self.inner;
        Catalog {
            gazetteer: &inner.gazetteer,
            matcher: &inner.matcher,
            names: &inner.names,
            policy: inner.policy,
        }
    }

    /// The gazetteer this extractor was built from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// Number of surface forms compiled into the matcher (after variant expansion).
    pub fn pattern_count(&self) -> usize {
        self.inner.matcher.pattern_count()
    }

    /// Approximate heap bytes used by the compiled matcher.
    pub fn memory_usage(&self) -> usize {
        self.inner.matcher.memory_usage()
    }
}

/// Configures and builds an [`Extractor`].
///
/// ```
/// use gazer::{Extractor, Gazetteer};
/// let only_mine = Extractor::builder()
///     .builtin(false)
///     .gazetteer(Gazetteer::parse("mine", "organization\tAcme Rockets\talias=Acme")?)
///     .build()?;
/// assert_eq!(only_mine.extract("Acme sold rockets to Russia.").entities.len(), 1);
/// # Ok::<(), gazer::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    builtin: bool,
    gazetteers: Vec<Gazetteer>,
    policy: OverlapPolicy,
    lexicon: Option<Lexicon>,
    date: Option<Date>,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder that includes the embedded gazetteers and no others.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            builtin: true,
            gazetteers: Vec::new(),
            policy: OverlapPolicy::default(),
            lexicon: None,
            date: None,
        }
    }

    /// Whether to include the embedded gazetteers (default `true`). Turn off to replace them
    /// with your own.
    pub fn builtin(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.builtin = yes;
        self
    }

    /// Adds a gazetteer. Its entries must not repeat names or surfaces of the others.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Sets the overlap policy (default [`OverlapPolicy::LongestWins`]).
    pub fn overlap_policy(&mut self, policy: OverlapPolicy) -> &mut ExtractorBuilder {
        self.policy = policy;
        self
    }

    /// Replaces the relation lexicons (default [`Lexicon::builtin`]); start from a clone of the
    /// built-in one to add words.
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut ExtractorBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Sets the documents' publication date (default none); see [`Extractor::on_date`].
    pub fn date(&mut self, date: Date) -> &mut ExtractorBuilder {
        self.date = Some(date);
        self
    }

    /// Merges the gazetteers, checks them and compiles the matcher.
    ///
    /// # Errors
    /// Two gazetteers define the same entry or surface, a reference (office polity, weapon
    /// origin, state) names no entry, or the surfaces are too many for the matcher.
    pub fn build(&self) -> Result<Extractor> {
        let mut gazetteer = if self.builtin { Gazetteer::builtin().clone() } else { Gazetteer::new() };
        for g in &self.gazetteers {
            gazetteer.extend_from(g)?;
        }
        gazetteer.check_references()?;
        let lexicon = self.lexicon.clone().unwrap_or_else(|| Lexicon::builtin().clone());
        let gate = Gate::new(&lexicon);
        let matcher = Matcher::build(&gazetteer, gate.words())?;
        let names = gazetteer.entries().iter().map(|e| Name::new(&e.name)).collect();
        let inner = Inner { gazetteer, matcher, names, policy: self.policy, lexicon, gate };
        Ok(Extractor { inner: Arc::new(inner), date: self.date })
    }
}

#[cfg(test)]
mod tests {
    /// The default gazetteers and gate words fit the smallest start set, which the matcher
    /// reads without a bounds check per word start: past 32,768 surfaces the set doubles
    /// and that saving (0.7% of all instructions) would go without an error.
    #[test]
    fn the_default_start_set_is_the_fixed_one() {
        assert!(crate::Extractor::default().inner.matcher.starts_are_fixed());
    }
}
