//! FNV-1a, for the sets and maps of short words that the pipeline looks up once per word
//! (lexicon phrases, the words that are no first name). The keys are our own data, so
//! SipHash's flood resistance buys nothing, and it cost a third of each lookup.

/// The FNV-1a hasher.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Builds [`Fnv`] hashers for `HashMap` and `HashSet`.
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;
