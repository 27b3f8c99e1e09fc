//! Prints the whole report of each file (`Debug`), so that an optimisation of
//! the ingest path can be checked digit for digit against the report before it:
//!
//! `cargo run --release -p cadran-core --example ingest_dump -- FILE… > after.txt && diff before.txt after.txt`
//!
//! Imports in 64 KiB chunks, as the worker and `ingest_file` do; a failed
//! import prints its error instead.

use cadran_core::ingest::{Ingestor, Options};

fn main() {
    for path in std::env::args().skip(1) {
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut i = Ingestor::new(Options::default());
        let r = data.chunks(64 << 10).try_for_each(|c| i.push(c)).and_then(|()| i.finish());
        println!("== {path}\n{r:#?}");
    }
}
