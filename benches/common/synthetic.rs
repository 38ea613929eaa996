//! A deterministic synthetic gazetteer for scale measurements, shared by `benches/extract.rs`
//! and `examples/scale.rs` (each includes this file with `#[path]`).
//!
//! Names are made-up words built from syllables, a company word and a serial number
//! ("Zorvex Holdings 12345"): the serial makes every name unique, and the syllables give the
//! automaton a trie that branches the way real names do rather than one long shared prefix.

#![allow(dead_code)] // each includer uses part of it

const ONSETS: &[&str] = &["B", "D", "K", "L", "M", "N", "P", "R", "S", "T", "V", "Z", "Br", "Kr", "St", "Tr"];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ay", "io"];
const CODAS: &[&str] = &["", "n", "r", "x", "l", "k", "th", "nd"];
const COMPANY: &[&str] = &["Holdings", "Group", "Industries", "Dynamics", "Systems", "Logistics", "Partners"];

/// A small deterministic generator (xorshift64), so that every run builds the same names.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        from[(self.0 % from.len() as u64) as usize]
    }
}

/// The `i`-th synthetic name, as the gazetteer lists it.
pub fn name(i: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let mut word = String::new();
    for _ in 0..2 {
        word.push_str(rng.pick(ONSETS));
        word.push_str(rng.pick(VOWELS));
    }
    word.push_str(rng.pick(CODAS));
    let word = word[..1].to_string() + &word[1..].to_lowercase();
    format!("{word} {} {i}", rng.pick(COMPANY))
}

/// `n` organization entries in the gazetteer TSV format; every third one also has an alias
/// without the company word ("Zorvex 12345").
pub fn tsv(n: usize) -> String {
    let mut out = String::with_capacity(n * 40);
    for i in 0..n {
        let name = name(i);
        out.push_str("organization\t");
        out.push_str(&name);
        if i % 3 == 0 {
            let mut words = name.split(' ');
            let (first, serial) = (words.next().unwrap_or(""), words.next_back().unwrap_or(""));
            out.push_str(&format!("\talias={first} {serial}"));
        }
        out.push('\n');
    }
    out
}

/// A news-like paragraph that names every `step`-th of the first `n` synthetic entries once.
pub fn paragraph(n: usize, step: usize) -> String {
    (0..n)
        .step_by(step)
        .map(|i| format!("Officials said {} signed a supply contract on Tuesday. ", name(i)))
        .collect()
}
