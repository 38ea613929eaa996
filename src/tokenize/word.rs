//! Word tokens.

use unicode_segmentation::UnicodeSegmentation;

use super::boundary::is_word_char;
use crate::span::Span;

/// The words of `text` (UAX #29 word segments that hold a letter or digit), as byte spans.
///
/// ```
/// let text = "Iran’s Fath-360 missiles";
/// let words: Vec<&str> = gazer::tokenize::words(text).map(|s| &text[s]).collect();
/// assert_eq!(words, ["Iran’s", "Fath", "360", "missiles"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = Span> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(is_word_char))
        .map(|(i, w)| Span::new(i, i + w.len()))
}

/// The word that ends nearest before `at`. With `same_line`, only spaces and tabs may lie
/// between (punctuation or a line break gives `None`); otherwise any non-word text.
///
/// Used by context checks that look one word left of a match; it scans only the bytes it
/// needs, so it costs nothing on text without candidates.
pub fn previous_word(text: &str, at: usize, same_line: bool) -> Option<Span> {
    let head = text.get(..at)?;
    let trimmed =
        head.trim_end_matches(|c: char| if same_line { is_inline_space(c) } else { !is_word_char(c) });
    let end = trimmed.len();
    // Punctuation glued to the word ("Post-" in "Post-Trump") is not a separate word.
    if !trimmed.chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c) && c != '-')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let start = start + text[start..end].len() - text[start..end].trim_start_matches('-').len();
    Some(Span::new(start, end))
}

/// The word that starts nearest after `at`; see [`previous_word`].
pub fn next_word(text: &str, at: usize, same_line: bool) -> Option<Span> {
    let tail = text.get(at..)?;
    let rest =
        tail.trim_start_matches(|c: char| if same_line { is_inline_space(c) } else { !is_word_char(c) });
    let start = at + tail.len() - rest.len();
    if !rest.chars().next().is_some_and(is_word_char) {
        return None;
    }
    let len = rest.char_indices().find(|&(_, c)| !is_word_char(c) && c != '-').map_or(rest.len(), |(i, _)| i);
    let word = rest[..len].trim_end_matches('-');
    Some(Span::new(start, start + word.len()))
}

/// Spaces that keep two words in one phrase: not line or paragraph breaks.
fn is_inline_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours() {
        let t = "Michael Jordan, Georgia-Tech  tanks";
        let jordan = t.find("Jordan").unwrap();
        assert_eq!(&t[previous_word(t, jordan, true).unwrap()], "Michael");
        let after = jordan + "Jordan".len();
        assert_eq!(next_word(t, after, true), None); // a comma intervenes
        assert_eq!(&t[next_word(t, after, false).unwrap()], "Georgia-Tech");
        assert_eq!(&t[previous_word(t, t.len(), true).unwrap()], "tanks");
        assert_eq!(previous_word(t, 0, false), None);
        let t = "Post-Trump era";
        assert_eq!(previous_word(t, 5, true), None);
        assert_eq!(&t[next_word(t, 0, true).unwrap()], "Post-Trump");
        let t = "Named Tonight\n\nAmerica will";
        assert_eq!(previous_word(t, t.find("America").unwrap(), true), None);
    }
}
