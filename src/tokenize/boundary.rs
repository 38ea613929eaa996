//! Word boundaries by character class.
//!
//! UAX #29 keeps "Putin’s" and "Iran's" as one word (rule WB6/WB7: letters either side of an
//! apostrophe do not break), so a boundary test that trusted only UAX #29 word tokens would
//! lose every possessive. Here a boundary is any offset whose neighbours are not both word
//! characters, which accepts "Iran" in "Iran’s" and "Iranian-made" while rejecting "Iran" in
//! "Irani" and "Kim" in "Kimberly".

/// Whether `c` continues a word: letters, digits and combining marks.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if GENERAL_PUNCTUATION.contains(&c) {
        // Curly quotes and dashes are most of the non-ASCII characters in news, and the
        // Unicode tables answer them slowly; nothing in this block is a letter or digit.
        false
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// The General Punctuation block: spaces, dashes, quotation marks, bullets.
const GENERAL_PUNCTUATION: core::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Combining diacritics that follow a base letter in decomposed text ("Pa\u{30a}l").
#[inline]
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whether byte offset `at` of `text` separates two words (or a word from non-word text).
///
/// Offsets at the ends of the text are boundaries; an offset inside a multi-byte character
/// is not.
#[inline]
pub fn is_boundary(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    // ASCII on both sides, as around most words of English news: no decoding needed. Only
    // this test is inlined into the matcher's loop; the decoding stays out of line. Each
    // side's class is one load from a table, where two range tests per side cost twice the
    // instructions.
    if let (Some(&before), Some(&after)) = (bytes.get(at.wrapping_sub(1)), bytes.get(at)) {
        let (before, after) = (CLASSES[usize::from(before)], CLASSES[usize::from(after)]);
        if before | after < NOT_ASCII {
            return before & after == 0;
        }
    }
    is_boundary_decoding(text, at)
}

/// The class of a byte for [`is_boundary`]: 1 for an ASCII letter or digit, 0 for other
/// ASCII, [`NOT_ASCII`] for a byte of a multi-byte character.
static CLASSES: [u8; 256] = {
    let mut classes = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 0x80 {
        classes[b] = (b as u8).is_ascii_alphanumeric() as u8;
        b += 1;
    }
    classes
};

/// [`CLASSES`] of a byte that is not ASCII; a bit no ASCII class has.
const NOT_ASCII: u8 = 2;

/// [`is_boundary`] where a side is not ASCII or is an end of the text.
#[inline(never)]
fn is_boundary_decoding(text: &str, at: usize) -> bool {
    if at == 0 || at >= text.len() {
        return at <= text.len();
    }
    if !text.is_char_boundary(at) {
        return false;
    }
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) => !(is_word_char(b) && is_word_char(a)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        let t = "Iran’s Irani Kimberly-Kim";
        assert!(is_boundary(t, 0));
        assert!(is_boundary(t, 4)); // before the apostrophe
        assert!(!is_boundary(t, 3));
        assert!(!is_boundary(t, 12 + 4)); // "Iran|i"
        assert!(is_boundary(t, t.len()));
        assert!(!is_boundary(t, t.len() + 1));
        assert!(!is_boundary(t, 5)); // inside ’
    }

    /// `is_boundary` as it tested two ASCII bytes, with two range tests per byte.
    fn old_is_boundary(text: &str, at: usize) -> bool {
        let bytes = text.as_bytes();
        if at > 0 && at < bytes.len() && bytes[at - 1].is_ascii() && bytes[at].is_ascii() {
            return !(bytes[at - 1].is_ascii_alphanumeric() && bytes[at].is_ascii_alphanumeric());
        }
        is_boundary_decoding(text, at)
    }

    fn same_as_before(text: &str) {
        for at in 0..=text.len() + 2 {
            assert_eq!(is_boundary(text, at), old_is_boundary(text, at), "{text:?} at {at}");
        }
    }

    #[test]
    fn classes_are_those_of_the_range_tests() {
        for b in 0..=u8::MAX {
            let want = if !b.is_ascii() { NOT_ASCII } else { u8::from(b.is_ascii_alphanumeric()) };
            assert_eq!(CLASSES[usize::from(b)], want, "{b:#x}");
        }
        // Every pair of ASCII characters, and each with a character of two, three and four bytes.
        for a in 0..0x80u8 {
            for b in 0..0x80u8 {
                same_as_before(&String::from_utf8(vec![a, b]).unwrap());
            }
            for other in ['é', '’', 'Ж', '\u{301}', '😀', '\u{a0}'] {
                same_as_before(&format!("{}{other}", a as char));
                same_as_before(&format!("{other}{}", a as char));
            }
        }
        same_as_before("");
        same_as_before("Iran’s Irani Kimberly-Kim, Pa\u{30a}l 9/11");
    }

    proptest::proptest! {
        #[test]
        fn same_boundaries_as_before(text in "[a-zA-Z0-9 .,’é\u{301}\u{2014}Ж-]{0,12}") {
            same_as_before(&text);
        }
    }

    #[test]
    fn general_punctuation_holds_no_word_character() {
        for c in GENERAL_PUNCTUATION {
            assert!(!(c.is_alphanumeric() || is_combining_mark(c)), "{c:?}");
        }
    }
}
