//! Customer ids looked up a batch at a time, for memory-level parallelism.
//!
//! With 333 000 customers the id table is far larger than the L2 cache, and
//! every row's lookup lands on a random slot: a cache (and often TLB) miss.
//! Made inside the row function, each miss stalls the row: the processor's
//! out-of-order window (a few hundred instructions) does not reach the next
//! row's lookup, so the misses are paid one after the other — the browser
//! profile put 29 % of a 1M-row import there, four times the lookups' share
//! of instructions. Here a row only hashes its id and queues it; every
//! [`BATCH`] rows, one tight loop reads the first slot of each queued key
//! (independent loads, many in flight at once), then a second loop does the
//! lookups in order, on slots that are now in cache. Indices are given in
//! the same first-seen order as one lookup a row.

use super::ids::{Ids, Key};

/// Keys queued before a lookup pass: their slots' lines (≤ 64 bytes each)
/// stay in the 32 KB L1 cache between the two loops.
pub(crate) const BATCH: usize = 256;

/// Interns customer ids in batches of [`BATCH`].
#[derive(Default)]
pub(crate) struct IdBatch {
    ids: Ids,
    queue: Vec<Key>,
    /// The bytes of the queued long ids, one after the other in queue order.
    long: Vec<u8>,
    /// The length of each queued long id, in queue order.
    long_len: Vec<usize>,
}

impl IdBatch {
    /// Queues `key`; returns whether the queue is full, when the caller must
    /// call [`Self::flush`] before the next push.
    #[inline(always)]
    pub(crate) fn push(&mut self, key: &[u8]) -> bool {
        let k = Ids::key(key);
        if k.is_long() {
            self.long.extend_from_slice(key);
            self.long_len.push(key.len());
        }
        self.queue.push(k);
        self.queue.len() >= BATCH
    }

    /// Queued ids not yet flushed.
    pub(crate) fn queued(&self) -> usize {
        self.queue.len()
    }

    /// Looks the queued ids up in order and gives each one's index to `put`
    /// with its place in the queue; empties the queue.
    pub(crate) fn flush(&mut self, mut put: impl FnMut(usize, u32)) {
        // Checksum of the touched slots, kept from being optimised away.
        let touched = self.queue.iter().fold(0u32, |acc, &k| acc ^ self.ids.touch(k));
        std::hint::black_box(touched);
        let (mut at, mut longs) = (0usize, self.long_len.iter());
        for (i, &k) in self.queue.iter().enumerate() {
            let bytes = if k.is_long() {
                let n = longs.next().copied().unwrap_or(0);
                let b = self.long.get(at..at + n).unwrap_or(&[]);
                at += n;
                b
            } else {
                &[]
            };
            put(i, self.ids.lookup(k, bytes));
        }
        self.queue.clear();
        self.long.clear();
        self.long_len.clear();
    }

    /// Distinct ids looked up so far (queued ones not counted).
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// Pushes every key, flushing when full and at the end, and returns the indices in order.
    fn intern(b: &mut IdBatch, keys: &[Vec<u8>]) -> Vec<u32> {
        let mut out = vec![u32::MAX; keys.len()];
        let mut base = 0;
        for (i, k) in keys.iter().enumerate() {
            if b.push(k) {
                b.flush(|j, id| out[base + j] = id);
                base = i + 1;
            }
        }
        b.flush(|j, id| out[base + j] = id);
        out
    }

    #[test]
    fn several_batches_with_long_ids() {
        let keys: Vec<Vec<u8>> = (0..3 * BATCH as u32 + 7)
            .map(|i| if i % 4 == 0 { format!("cus_NffrFeUfNV2H{:06}", i % 300) } else { format!("{}", i % 500) }.into_bytes())
            .collect();
        let mut map: HashMap<&[u8], u32> = HashMap::new();
        let want: Vec<u32> = keys.iter().map(|k| { let n = map.len() as u32; *map.entry(k).or_insert(n) }).collect();
        let mut b = IdBatch::default();
        assert_eq!(intern(&mut b, &keys), want);
        assert_eq!(b.len(), map.len());
        assert_eq!(b.queued(), 0);
    }

    proptest! {
        /// The same indices as a plain map from bytes to first-seen order,
        /// with few distinct bytes (collisions of prefixes) and long ids.
        #[test]
        fn same_as_a_map(keys in proptest::collection::vec(proptest::collection::vec(prop_oneof![Just(0u8), Just(b'a'), any::<u8>()], 0..40), 0..700)) {
            let mut map: HashMap<Vec<u8>, u32> = HashMap::new();
            let want: Vec<u32> = keys.iter().map(|k| { let n = map.len() as u32; *map.entry(k.clone()).or_insert(n) }).collect();
            let mut b = IdBatch::default();
            prop_assert_eq!(intern(&mut b, &keys), want);
            prop_assert_eq!(b.len(), map.len());
        }
    }
}
