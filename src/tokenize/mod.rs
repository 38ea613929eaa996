//! Stage 1 — text to tokens: word boundaries, words and sentences, all as byte [`Span`]s of
//! the original text.
//!
//! The matcher runs over raw bytes first; these functions are asked only about the places
//! where a candidate match was found (is this offset a word boundary? which word comes
//! before?), and sentence segmentation runs for stages that need sentences.
//!
//! [`Span`]: crate::Span

mod boundary;
mod sentence;
mod word;

pub use boundary::{is_boundary, is_word_char};
pub use sentence::sentences;
pub(crate) use sentence::sentences_into;
pub use word::{next_word, previous_word, words};
