//! The facade: [`Extractor`] runs the pipeline (text → matches → entities → relations) and
//! returns an [`Extraction`].

use std::sync::Arc;

use once_cell::sync::Lazy;
use serde::Serialize;

use crate::entity::Entity;
use crate::error::Result;
use crate::gazetteer::Gazetteer;
use crate::matcher::Matcher;
use crate::relation::Relation;
use crate::resolve::{self, Catalog, OverlapPolicy};

/// What gazer found in one document.
///
/// Serializes to the contract's JSON (`{"entities":[…],"relations":[…]}`); see
/// [`Extraction::to_json`] for the JSON Lines record with its `doc` field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// Every entity mention, ordered by span, non-overlapping.
    pub entities: Vec<Entity>,
    /// Every relation, ordered by evidence span.
    pub relations: Vec<Relation>,
}

impl Extraction {
    /// One line of the contract's JSON Lines output, with `doc` set to `doc`.
    pub fn to_json(&self, doc: &str) -> String {
        #[derive(Serialize)]
        struct Record<'a> {
            doc: &'a str,
            entities: &'a [Entity],
            relations: &'a [Relation],
        }
        let record = Record { doc, entities: &self.entities, relations: &self.relations };
        // Serializing plain strings, numbers and maps with string keys cannot fail.
        serde_json::to_string(&record).unwrap_or_default()
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
/// let names: Vec<&str> = found.entities.iter().map(|e| &*e.name).collect();
/// assert_eq!(names, ["Iran", "Fath-360", "Russia", "Russia"]);
/// assert_eq!(&text[found.entities[3].span], "Kremlin");
/// ```
#[derive(Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

struct Inner {
    gazetteer: Gazetteer,
    matcher: Matcher,
    names: Vec<Arc<str>>,
    policy: OverlapPolicy,
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
    pub fn extract(&self, text: &str) -> Extraction {
        let entities = self.entities(text);
        Extraction { entities, relations: Vec::new() }
    }

    /// Only the entity mentions of `text`, linked, ordered by span.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        let inner = &*self.inner;
        let catalog = Catalog {
            gazetteer: &inner.gazetteer,
            matcher: &inner.matcher,
            names: &inner.names,
            policy: inner.policy,
        };
        resolve::resolve(text, &catalog, inner.matcher.find(text))
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
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder that includes the embedded gazetteers and no others.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder { builtin: true, gazetteers: Vec::new(), policy: OverlapPolicy::default() }
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
        let matcher = Matcher::build(&gazetteer)?;
        let names = gazetteer.entries().iter().map(|e| Arc::from(e.name.as_str())).collect();
        Ok(Extractor { inner: Arc::new(Inner { gazetteer, matcher, names, policy: self.policy }) })
    }
}
