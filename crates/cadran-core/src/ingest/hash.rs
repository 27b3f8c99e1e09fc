//! A fast, non-cryptographic hasher and the interner for labels (customer
//! ids have their own table, [`super::ids`]).
//!
//! Customer ids come from the user's own file, so hash flooding is not a
//! threat; the default SipHash would cost a large share of the hot path. This
//! is the Fx hash used by rustc (multiply–rotate over 8-byte words).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Fx-style hasher.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u128(&mut self, i: u128) {
        // fmix64 finaliser (MurmurHash3): ASCII ids differ in few bits, and
        // hashbrown needs both the low bits (bucket) and the top 7 (tag) mixed.
        let mut h = (i as u64) ^ ((i >> 64) as u64).rotate_left(29).wrapping_mul(SEED);
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        self.0 ^= h;
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        // fmix64 as for u128: a bare multiply leaves the low (bucket) bits
        // depending only on the key's low bits, which for (customer, month)
        // keys take a few dozen values — measured: a 1M-row transactions
        // import went from seconds to half a minute.
        let mut h = i;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        self.0 ^= h;
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FxSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

/// Labels (segments, plans, channels) → small index; past `MAX_LABELS`
/// distinct values everything goes to one "(other)" label so memory and the
/// UI stay bounded.
#[derive(Default)]
pub(crate) struct Labels {
    map: FxMap<Box<str>, u16>,
    pub(crate) names: Vec<String>,
}

/// Most distinct labels kept per column.
pub(crate) const MAX_LABELS: usize = 200;

impl Labels {
    pub(crate) fn id(&mut self, key: &str) -> u16 {
        let key = key.trim();
        if let Some(&i) = self.map.get(key) {
            return i;
        }
        let name = if self.names.len() >= MAX_LABELS { "(other)" } else { key };
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let i = u16::try_from(self.names.len()).unwrap_or(u16::MAX);
        self.map.insert(name.into(), i);
        self.names.push(name.to_string());
        i
    }
    pub(crate) fn name(&self, i: u16) -> String {
        self.names.get(usize::from(i)).cloned().unwrap_or_default()
    }
}
