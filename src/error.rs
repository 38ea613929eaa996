//! The crate's one error type. Only construction fails (reading and compiling gazetteers);
//! extraction itself is infallible.

use std::path::PathBuf;

/// Where a gazetteer entry came from: the source name given when it was parsed (a file path
/// for files) and its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The file path or source name given to the parser.
    pub source: std::sync::Arc<str>,
    /// The 1-based line number.
    pub line: usize,
}

impl core::fmt::Display for Origin {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}:{}", self.source, self.line)
    }
}

/// An error from loading, parsing or compiling gazetteers.
///
/// The message names the file (or source name), the line and the offending value, e.g.
/// `gazetteers/organization.tsv:42: unknown entity kind "orgnization"`. Use [`Error::kind`]
/// to inspect it programmatically.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct Error {
    kind: Box<ErrorKind>,
}

/// What went wrong. New variants may be added, so match with a wildcard arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A gazetteer line is malformed or contradicts another entry.
    #[error("{origin}: {message}")]
    Gazetteer {
        /// The file and line of the offending entry.
        origin: Origin,
        /// What is wrong, with the values involved.
        message: String,
    },
    /// A relation lexicon line is malformed; names the file and line.
    #[error("{origin}: {message}")]
    Lexicon {
        /// Where the problem is.
        origin: Origin,
        /// What is wrong, naming the offending value.
        message: String,
    },
    /// A gazetteer file could not be read.
    #[error("cannot read gazetteer file {}: {source}", path.display())]
    Io {
        /// The path that was given.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The compiled matcher could not be built (for instance, it would exceed the automaton's
    /// size limits).
    #[error("cannot compile the gazetteer matcher: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
    /// The gazetteers' surface forms, after variant expansion, are too many for the matcher:
    /// it indexes at most 16,777,215 forms and 4 GiB of their text.
    #[error(
        "cannot compile the gazetteer matcher: {patterns} surface forms of {bytes} bytes exceed \
         its limits (16777215 forms, 4294967293 bytes)"
    )]
    MatcherTooLarge {
        /// Surface forms counted so far, after variant expansion.
        patterns: usize,
        /// Their total length in bytes.
        bytes: usize,
    },
}

impl Error {
    /// The kind of error, for programmatic handling.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn gazetteer(origin: &Origin, message: impl Into<String>) -> Error {
        Error::from(ErrorKind::Gazetteer { origin: origin.clone(), message: message.into() })
    }

    pub(crate) fn lexicon(origin: &Origin, message: impl Into<String>) -> Error {
        Error::from(ErrorKind::Lexicon { origin: origin.clone(), message: message.into() })
    }

    pub(crate) fn io(path: PathBuf, source: std::io::Error) -> Error {
        Error::from(ErrorKind::Io { path, source })
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error { kind: Box::new(kind) }
    }
}

impl From<aho_corasick::BuildError> for Error {
    fn from(e: aho_corasick::BuildError) -> Error {
        Error::from(ErrorKind::Automaton(e))
    }
}

/// A string that names no value of one of the contract's vocabularies (entity kind, relation
/// kind, role, modality, weapon category …), returned by their `FromStr` implementations.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} \"{value}\" (expected one of: {})", expected.join(", "))]
pub struct UnknownName {
    /// Which vocabulary was asked, e.g. `"entity kind"`.
    pub what: &'static str,
    /// The string that was given.
    pub value: String,
    /// The accepted strings.
    pub expected: &'static [&'static str],
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T> = core::result::Result<T, Error>;
