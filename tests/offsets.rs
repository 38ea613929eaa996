//! Offset invariants: spans slice back to their text, and shift exactly with padding.

use gazer::{CharOffsets, Extractor};

use crate::common::check_spans;

const TEXTS: &[&str] = &[
    "Iran’s Fath-360 missiles reached Russia, the Kremlin said.",
    "😀 Pål Jonson met Umerov in Kyiv — “Sweden’s support is firm,” he said.",
    "N. Korean troops — 10,000 of them — moved from Pyongyang to Kursk.",
];

#[test]
fn padding_shifts_every_span() {
    let x = Extractor::default();
    for text in TEXTS {
        let base = x.entities(text);
        assert!(!base.is_empty(), "{text}");
        for pad in ["", " ", "€", "Ünïcödé padding 🇺🇦\n", "\u{a0}\u{2029}"] {
            let padded = format!("{pad}{text}");
            let shifted = x.entities(&padded);
            check_spans(&padded, &shifted);
            let want: Vec<_> = base.iter().map(|e| (e.span.shift(pad.len()), e.name)).collect();
            let got: Vec<_> = shifted.iter().map(|e| (e.span, e.name)).collect();
            assert_eq!(got, want, "pad {pad:?}");
        }
    }
}

#[test]
fn char_offsets_agree_with_chars() {
    let x = Extractor::default();
    for text in TEXTS {
        let chars = CharOffsets::new(text);
        for e in x.entities(text) {
            let c = chars.char_offset(e.span.start);
            assert_eq!(text[..e.span.start].chars().count(), c);
            let written = &text[e.span];
            let n = text.chars().skip(c).take(written.chars().count()).collect::<String>();
            assert_eq!(n, written);
        }
    }
}
