//! One integration binary for every suite (see Cargo.toml: `autotests = false`).

mod common;
mod contract;
mod entities;
mod gazetteers;
mod offsets;
mod relations;
mod robustness;
mod seeds;
mod sentences;
mod snapshot;
