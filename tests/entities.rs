//! Table-driven entity cases on sentences written for these tests, grouped by the rule they
//! exercise. Each case lists every entity the sentence must give, in order.

use gazer::EntityKind::{Organization as O, Person as P, Place as L, State as S, Weapon as W};
use gazer::{EntityKind, Extractor, Gazetteer};

use crate::common::{row, triples};

/// (case name, text, every expected entity as (kind, canonical name, text)).
type Case = (&'static str, &'static str, &'static [(EntityKind, &'static str, &'static str)]);

fn run(extractor: &Extractor, cases: &[Case]) {
    let mut failures = Vec::new();
    for (name, text, want) in cases {
        let got = triples(extractor, text);
        let want: Vec<_> = want.iter().map(|(k, n, t)| row(*k, n, t)).collect();
        if got != want {
            failures.push(format!("{name}: {text:?}\n   got {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

#[rustfmt::skip]
const BASICS: &[Case] = &[
    ("names and titles", "Russian President Vladimir Putin received Kim Jong Un.", &[
        (S, "Russia", "Russian"), (P, "Vladimir Putin", "Vladimir Putin"), (P, "Kim Jong Un", "Kim Jong Un")]),
    ("organizations", "NATO and the European Union condemned the Wagner Group.", &[
        (O, "NATO", "NATO"), (O, "European Union", "European Union"), (O, "Wagner Group", "Wagner Group")]),
    ("weapons", "Kyiv asked for ATACMS and F-16 jets after an Oreshnik strike.", &[
        (S, "Ukraine", "Kyiv"), (W, "ATACMS", "ATACMS"), (W, "F-16", "F-16"), (W, "Oreshnik", "Oreshnik")]),
    ("places", "Drones hit Kharkiv and Odesa; Kursk region stayed quiet.", &[
        (L, "Kharkiv", "Kharkiv"), (L, "Odesa", "Odesa"), (L, "Kursk", "Kursk")]),
    ("short forms", "The DPRK, the ROK and the U.K. met at the U.N. in the USA.", &[
        (S, "North Korea", "DPRK"), (S, "South Korea", "ROK"), (S, "United Kingdom", "U.K."),
        (O, "United Nations", "U.N."), (S, "United States", "USA")]),
    ("historical states", "The Soviet Union, the USSR, supplied Soviet tanks.", &[
        (S, "Soviet Union", "Soviet Union"), (S, "Soviet Union", "USSR"), (S, "Soviet Union", "Soviet")]),
];

#[rustfmt::skip]
const CASE_POLICY: &[Case] = &[
    ("all-caps headline", "PUTIN AND KIM JONG UN SIGN PACT IN PYONGYANG", &[
        (P, "Vladimir Putin", "PUTIN"), (P, "Kim Jong Un", "KIM JONG UN"), (L, "North Korea", "PYONGYANG")]),
    ("pronoun us is not the US", "Let us see what the US says; tell us.", &[(S, "United States", "US")]),
    ("acronyms only as written", "The un-named uk source said Us.", &[]),
    ("lower-case common nouns", "A turkey, a patriot and a tiger walked into a bar.", &[]),
];

#[rustfmt::skip]
const BOUNDARIES: &[Case] = &[
    ("no match inside words", "Irani Kimberly Russianness Iranians", &[(S, "Iran", "Iranians")]),
    ("possessives, either apostrophe", "Iran’s drones and Iran's missiles, Putin’s aims.", &[
        (S, "Iran", "Iran"), (S, "Iran", "Iran"), (P, "Vladimir Putin", "Putin")]),
    ("hyphenated compounds", "Iranian-made drones, Russia-backed forces, the Putin-Kim meeting.", &[
        (S, "Iran", "Iranian"), (S, "Russia", "Russia"), (P, "Vladimir Putin", "Putin")]),
    ("longest match", "North Korean troops and the Russian Federation", &[
        (S, "North Korea", "North Korean"), (S, "Russia", "Russian Federation")]),
    ("N. Korean is not hidden by N. Korea", "N. Korean and N. Korea", &[
        (S, "North Korea", "N. Korean"), (S, "North Korea", "N. Korea")]),
];

#[rustfmt::skip]
const DEMONYMS_AND_SEATS: &[Case] = &[
    ("plural demonyms", "The Russians and the North Koreans talked.", &[
        (S, "Russia", "Russians"), (S, "North Korea", "North Koreans")]),
    ("seats of power without the article", "The Kremlin, the White House and Downing Street agreed.", &[
        (S, "Russia", "Kremlin"), (S, "United States", "White House"), (S, "United Kingdom", "Downing Street")]),
    ("capital acting as government", "Pyongyang denied it; Tehran insists.", &[
        (S, "North Korea", "Pyongyang"), (S, "Iran", "Tehran")]),
    ("capital as location", "Shoigu arrived in Pyongyang before a strike on Kyiv.", &[
        (P, "Sergei Shoigu", "Shoigu"), (L, "North Korea", "Pyongyang"), (L, "Ukraine", "Kyiv")]),
    ("old spelling", "Kiev and Kyiv", &[(S, "Ukraine", "Kiev"), (S, "Ukraine", "Kyiv")]),
    ("Washington, D.C. whole", "a think tank in Washington, D.C., said", &[
        (L, "United States", "Washington, D.C.")]),
];

#[rustfmt::skip]
const LINKING: &[Case] = &[
    ("surname after full name", "Kim Jong Un left. Kim waved.", &[
        (P, "Kim Jong Un", "Kim Jong Un"), (P, "Kim Jong Un", "Kim")]),
    ("same surname, other person", "Kim Jong Un spoke. Defense Minister Kim Yong-hyun replied. Kim added more.", &[
        (P, "Kim Jong Un", "Kim Jong Un"), (P, "Kim Yong-hyun", "Kim Yong-hyun"), (P, "Kim Yong-hyun", "Kim")]),
    ("surname alone guesses nothing", "Kim said nothing.", &[]),
    ("a partial name before a number is a date", "Theresa May spoke on May 5. May said no.", &[
        (P, "Theresa May", "Theresa May"), (P, "Theresa May", "May")]),
    ("headline surname before the body", "Rutte visits Kyiv\nNATO chief Mark Rutte arrived.", &[
        (P, "Mark Rutte", "Rutte"), (S, "Ukraine", "Kyiv"), (O, "NATO", "NATO"), (P, "Mark Rutte", "Mark Rutte")]),
    ("relatives share a surname, not an identity", "On Friday his son Hunter Biden met Melania Trump.", &[]),
    ("titles and weekdays are not first names", "It was President Biden, not Mr Putin, who on Monday Trump praised.", &[
        (P, "Joe Biden", "Biden"), (P, "Vladimir Putin", "Putin"), (P, "Donald Trump", "Trump")]),
    ("a known name before a surname is no first name", "Summit photo: Xi Jinping Putin\tErdogan. Putin Putin.", &[
        (P, "Xi Jinping", "Xi Jinping"), (P, "Vladimir Putin", "Putin"), (P, "Recep Tayyip Erdoğan", "Erdogan"),
        (P, "Vladimir Putin", "Putin"), (P, "Vladimir Putin", "Putin")]),
    ("sentence starts are not first names", "It rained. Yesterday Putin spoke. Post-Trump politics.", &[
        (P, "Vladimir Putin", "Putin"), (P, "Donald Trump", "Trump")]),
    ("transliterations", "Zelensky, Zelenskiy and Zelenskyy", &[
        (P, "Volodymyr Zelenskyy", "Zelensky"), (P, "Volodymyr Zelenskyy", "Zelenskiy"),
        (P, "Volodymyr Zelenskyy", "Zelenskyy")]),
    ("hyphenated spelling", "Kim Jong-un and Kim Jong-Un", &[
        (P, "Kim Jong Un", "Kim Jong-un"), (P, "Kim Jong Un", "Kim Jong-Un")]),
];

#[rustfmt::skip]
const AMBIGUITY: &[Case] = &[
    ("state next to a first name", "Michael Jordan met Chad Smith at Georgia Tech.", &[]),
    ("state on its own", "Jordan, Chad and Georgia voted; in Georgia, Turkey objected.", &[
        (S, "Jordan", "Jordan"), (S, "Chad", "Chad"), (S, "Georgia", "Georgia"), (S, "Georgia", "Georgia"),
        (S, "Turkey", "Turkey")]),
    ("weapon with materiel cue", "Germany sent Patriot missiles and Leopard tanks.", &[
        (S, "Germany", "Germany"), (W, "Patriot", "Patriot"), (W, "Leopard", "Leopard")]),
    ("weapon word without cue", "The Patriot Act and the Leopard Lounge.", &[]),
    ("animal names as weapons only with cues", "A Tiger Moth flew; Tiger helicopters and a Tiger escort.", &[
        (W, "Eurocopter Tiger", "Tiger")]),
    ("designations are not ages", "A 50-year-old man saw an A-50 and A50s.", &[
        (W, "A-50", "A-50"), (W, "A-50", "A50s")]),
    ("weapon in a list with a head noun", "Kyiv wants Patriot, IRIS-T and NASAMS batteries.", &[
        (S, "Ukraine", "Kyiv"), (W, "Patriot", "Patriot"), (W, "IRIS-T", "IRIS-T"), (W, "NASAMS", "NASAMS")]),
    ("weapon listed after a certain weapon", "It got HIMARS and Patriot.", &[
        (W, "HIMARS", "HIMARS"), (W, "Patriot", "Patriot")]),
    ("no cue across a sentence end", "They lost two tanks. Patriot Day came.", &[]),
    ("no cue after a sentence end", "It had a Tiger escort. Missiles flew.", &[]),
];

#[rustfmt::skip]
const UNICODE: &[Case] = &[
    ("non-breaking spaces", "Kim\u{a0}Jong\u{a0}Un met Putin.", &[
        (P, "Kim Jong Un", "Kim\u{a0}Jong\u{a0}Un"), (P, "Vladimir Putin", "Putin")]),
    ("accented names and emoji", "😀 Pål Jonson — Sweden’s minister — met Umerov 🇺🇦", &[
        (P, "Pål Jonson", "Pål Jonson"), (S, "Sweden", "Sweden"), (P, "Rustem Umerov", "Umerov")]),
    ("curly apostrophe in a name", "In Sana’a and Sana'a", &[(L, "Yemen", "Sana’a"), (S, "Yemen", "Sana'a")]),
    ("weapon separator variants", "Fath 360, Fath360, Fateh-360 and Shahed 136s", &[
        (W, "Fath-360", "Fath 360"), (W, "Fath-360", "Fath360"), (W, "Fath-360", "Fateh-360"),
        (W, "Shahed-136", "Shahed 136s")]),
];

#[test]
fn basics() {
    run(&Extractor::default(), BASICS);
}

#[test]
fn case_policy() {
    run(&Extractor::default(), CASE_POLICY);
}

#[test]
fn boundaries() {
    run(&Extractor::default(), BOUNDARIES);
}

#[test]
fn demonyms_and_seats() {
    run(&Extractor::default(), DEMONYMS_AND_SEATS);
}

#[test]
fn linking_partial_names() {
    run(&Extractor::default(), LINKING);
}

#[test]
fn ambiguity_policy() {
    run(&Extractor::default(), AMBIGUITY);
}

#[test]
fn unicode_text() {
    run(&Extractor::default(), UNICODE);
}

/// Overlap and boundary mechanics on a small gazetteer of our own.
#[test]
fn overlaps_with_custom_gazetteer() {
    let g = Gazetteer::parse(
        "test.tsv",
        "place\tNew York\nplace\tNew York Timesheet Plaza\norganization\tYork Group\nplace\tKorea Bay\n",
    )
    .unwrap();
    let x = Extractor::builder().builtin(false).gazetteer(g).build().unwrap();
    #[rustfmt::skip]
    let cases: &[Case] = &[
        ("longer candidate failing the boundary does not hide a shorter one", "New York Timesheets", &[
            (L, "New York", "New York")]),
        ("longest at the same start", "New York Timesheet Plaza", &[
            (L, "New York Timesheet Plaza", "New York Timesheet Plaza")]),
        ("leftmost wins over a later overlap", "New York Group", &[(L, "New York", "New York")]),
    ];
    run(&x, cases);
}
