//! Sentence segmentation on news prose.

use gazer::tokenize::sentences;

fn split(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|s| &text[s]).collect()
}

#[test]
fn titles_and_initialisms_stay_inside_sentences() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Sen. Chris Coons (D-Del.) spoke on Monday. Gen. Valery Gerasimov did not.",
            &["Sen. Chris Coons (D-Del.) spoke on Monday.", "Gen. Valery Gerasimov did not."],
        ),
        (
            "Lt. Col. Anna Ivanova and Maj. Gen. Pat Ryder briefed U.S. officials.",
            &["Lt. Col. Anna Ivanova and Maj. Gen. Pat Ryder briefed U.S. officials."],
        ),
        (
            "The U.N. Security Council met in New York. It adjourned.",
            &["The U.N. Security Council met in New York.", "It adjourned."],
        ),
        (
            "She works in Washington, D.C. The office is small.",
            &["She works in Washington, D.C.", "The office is small."],
        ),
        (
            "“We will respond,” the Kremlin said. “Soon.”",
            &["“We will respond,” the Kremlin said.", "“Soon.”"],
        ),
        (
            "Troops advanced—slowly—toward Kupiansk. Shelling continued – again.",
            &["Troops advanced—slowly—toward Kupiansk.", "Shelling continued – again."],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(split(text), *want, "{text}");
    }
}

#[test]
fn page_furniture_is_not_a_sentence() {
    let text = "Drones struck Odesa overnight.\n\nAdvertisement\n\nOfficials said two people died.\nContinue Reading\n";
    assert_eq!(split(text), ["Drones struck Odesa overnight.", "Officials said two people died."]);
}
