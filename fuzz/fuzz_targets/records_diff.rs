//! Differential: Cadran's record splitting (fast path + csv-core, fed in
//! chunks) against csv-core alone on the same bytes: the same records on the
//! same physical lines, whatever the chunking, or an unterminated-quote
//! error exactly where csv-core's last record holds an open quote.
//! The first byte picks the delimiter, the next two the chunk sizes.
#![no_main]

use cadran_core::ingest::fuzzing::check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (config, input) = data.split_at(data.len().min(3));
    let delimiter = [b',', b';', b'\t', b'|'][usize::from(config.first().copied().unwrap_or(0) % 4)];
    let sizes: Vec<usize> = config.iter().skip(1).map(|&b| usize::from(b % 64) + 1).collect();
    if let Err(e) = check(input, delimiter, &sizes) {
        panic!("{e}");
    }
});
