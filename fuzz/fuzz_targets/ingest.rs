//! Any bytes, whole or in chunks, give a report or a typed error: never a panic.
#![no_main]

use cadran_core::ingest::{ingest, preview, Ingestor, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ingest(data, &Options::default());
    let _ = preview(data, &Options::default(), 20);
    let split = data.first().map_or(1, |b| usize::from(*b).max(1));
    let mut i = Ingestor::new(Options::default());
    for c in data.chunks(split) {
        if i.push(c).is_err() {
            return;
        }
    }
    let _ = i.finish();
});
