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
    match previous_ascii_word(head, same_line, false) {
        Some(found) => found,
        None => previous_word_beyond_ascii(head, same_line),
    }
}

/// [`previous_word`] where the byte scan met a byte outside ASCII: the scan again, this time
/// decoding that one character, else the scan by characters. Kept out of line, as the
/// character's decoding would cost the common call its registers' saving and restoring.
#[cold]
#[inline(never)]
fn previous_word_beyond_ascii(head: &str, same_line: bool) -> Option<Span> {
    match previous_ascii_word(head, same_line, true) {
        Some(found) => found,
        None => previous_decoded_word(head, same_line),
    }
}

/// [`previous_word`] by characters. Kept out of line: inlined, its registers were saved and
/// restored on every call, also the many the byte scan answers.
#[cold]
#[inline(never)]
fn previous_decoded_word(head: &str, same_line: bool) -> Option<Span> {
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
    let start = start + head[start..end].len() - head[start..end].trim_start_matches('-').len();
    Some(Span::new(start, end))
}

/// The word that starts nearest after `at`; see [`previous_word`].
pub fn next_word(text: &str, at: usize, same_line: bool) -> Option<Span> {
    let tail = text.get(at..)?;
    match next_ascii_word(tail.as_bytes(), same_line) {
        Some(found) => found.map(|w| Span::new(at + w.start, at + w.end)),
        None => next_decoded_word(tail, same_line).map(|w| Span::new(at + w.start, at + w.end)),
    }
}

/// [`next_word`] by characters, in `tail`'s offsets.
fn next_decoded_word(tail: &str, same_line: bool) -> Option<Span> {
    let rest =
        tail.trim_start_matches(|c: char| if same_line { is_inline_space(c) } else { !is_word_char(c) });
    let start = tail.len() - rest.len();
    if !rest.chars().next().is_some_and(is_word_char) {
        return None;
    }
    let len = rest.char_indices().find(|&(_, c)| !is_word_char(c) && c != '-').map_or(rest.len(), |(i, _)| i);
    let word = rest[..len].trim_end_matches('-');
    Some(Span::new(start, start + word.len()))
}

/// [`next_word`] on bytes, in `tail`'s offsets, for the common case where every byte it
/// reads is ASCII; `None` when it meets another byte and the characters must be decoded.
fn next_ascii_word(tail: &[u8], same_line: bool) -> Option<Option<Span>> {
    let skip = |b: u8| if same_line { matches!(b, b' ' | b'\t') } else { !b.is_ascii_alphanumeric() };
    let mut start = 0;
    while start < tail.len() && tail[start].is_ascii() && skip(tail[start]) {
        start += 1;
    }
    match tail.get(start) {
        None => return Some(None),
        Some(b) if !b.is_ascii() => return None,
        Some(b) if !b.is_ascii_alphanumeric() => return Some(None),
        _ => {}
    }
    let mut end = start;
    while end < tail.len() && WORD_OR_HYPHEN[usize::from(tail[end])] {
        end += 1;
    }
    if end < tail.len() && !tail[end].is_ascii() {
        return None;
    }
    while tail[end - 1] == b'-' {
        end -= 1;
    }
    Some(Some(Span::new(start, end)))
}

/// [`previous_word`] on bytes, for the common case where every byte it reads is ASCII, or
/// with `decode_one` all but one character that ends the scan; `None` when the characters
/// must be decoded.
///
/// A curly quote or dash before the word ("“Putin", "— Putin") is one character decoded:
/// no word character, it ends the word (or the line's words) as an ASCII stop does, where
/// decoding the whole head for it cost such a call about a hundred and eighty instructions.
#[inline(always)]
fn previous_ascii_word(head: &str, same_line: bool, decode_one: bool) -> Option<Option<Span>> {
    let bytes = head.as_bytes();
    let mut end = bytes.len();
    if same_line {
        while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
            end -= 1;
        }
    } else {
        while end > 0 && bytes[end - 1].is_ascii() && !bytes[end - 1].is_ascii_alphanumeric() {
            end -= 1;
        }
    }
    let last = *bytes.get(end.checked_sub(1)?)?;
    if !last.is_ascii() {
        if !decode_one {
            return None;
        }
        // Only on the line can such a character end the search: elsewhere the scan would
        // go on past it.
        let stop = char_before(head, end).is_some_and(|c| !is_word_char(c) && !is_inline_space(c));
        return (same_line && stop).then_some(None);
    }
    if !last.is_ascii_alphanumeric() {
        return Some(None);
    }
    let mut start = end;
    while start > 0 && WORD_OR_HYPHEN[usize::from(bytes[start - 1])] {
        start -= 1;
    }
    if start > 0
        && !bytes[start - 1].is_ascii()
        && (!decode_one || char_before(head, start).is_none_or(is_word_char))
    {
        return None;
    }
    while bytes[start] == b'-' {
        start += 1;
    }
    Some(Some(Span { start, end }))
}

/// The character that ends at `at` in `head`.
fn char_before(head: &str, at: usize) -> Option<char> {
    head.get(..at).and_then(|h| h.chars().next_back())
}

/// Whether a byte is an ASCII letter, digit or hyphen: what the byte scans of a word read
/// over. One load per byte, where the range tests cost three times the instructions.
static WORD_OR_HYPHEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'-' as usize;
        b += 1;
    }
    table
};

/// Spaces that keep two words in one phrase: not line or paragraph breaks.
fn is_inline_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_and_characters_agree() {
        let texts = [
            "Hunter Biden",
            "a  -Post-Trump\tera",
            "U.S. Putin",
            "Öl Putin",
            "x Ölaf Putin",
            "\n Kim",
            "Putin Ölaf x-",
            "Putin- -x Öl",
            "Kim\u{a0}Jong Un",
            "-",
            "",
        ];
        for t in texts {
            for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for same_line in [true, false] {
                    let fast = previous_ascii_word(&t[..at], same_line, true);
                    if let Some(fast) = fast {
                        assert_eq!(fast, previous_decoded_word(&t[..at], same_line), "{t:?} at {at}");
                    }
                    let fast = next_ascii_word(&t.as_bytes()[at..], same_line);
                    if let Some(fast) = fast {
                        assert_eq!(fast, next_decoded_word(&t[at..], same_line), "{t:?} from {at}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

        /// The byte scan, with its one decoded character, agrees with the scan by characters
        /// wherever it answers, at every character boundary of text made of letters, digits,
        /// hyphens, spaces, tabs, line breaks, punctuation, curly quotes, dashes, spaces and
        /// letters outside ASCII and combining marks.
        #[test]
        fn previous_word_by_bytes_as_by_characters(
            text in "[ \t\na-zA-Z09,.\\-\u{a0}\u{2009}\u{201c}\u{201d}\u{2014}\u{e9}\u{d6}\u{301}\u{663}_]{0,16}",
        ) {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for same_line in [true, false] {
                    let expected = previous_decoded_word(&text[..at], same_line);
                    for decode_one in [false, true] {
                        if let Some(fast) = previous_ascii_word(&text[..at], same_line, decode_one) {
                            proptest::prop_assert_eq!(fast, expected, "{:?} at {}", text, at);
                        }
                    }
                    proptest::prop_assert_eq!(previous_word(&text, at, same_line), expected);
                }
            }
        }
    }

    #[test]
    fn the_byte_scan_answers_curly_quotes_and_dashes() {
        for (t, same_line) in [
            ("“Putin", true),
            ("“Putin", false),
            ("x — Putin", true),
            ("” Putin", true),
            ("Kim\u{a0}Jong", false),
        ] {
            assert!(previous_ascii_word(t, same_line, true).is_some(), "{t:?}");
        }
    }

    #[test]
    fn word_or_hyphen_is_the_range_tests() {
        for b in 0..=u8::MAX {
            assert_eq!(WORD_OR_HYPHEN[usize::from(b)], b.is_ascii_alphanumeric() || b == b'-', "{b:#x}");
        }
    }

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
