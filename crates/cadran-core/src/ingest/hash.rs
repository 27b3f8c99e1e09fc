//! A fast, non-cryptographic hasher and interners for customer ids and labels.
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
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Customer ids (raw bytes) → dense `u32`, allocating once per distinct id.
#[derive(Default)]
pub(crate) struct Ids {
    map: FxMap<Box<[u8]>, u32>,
}

impl Ids {
    #[inline]
    pub(crate) fn id(&mut self, key: &[u8]) -> u32 {
        if let Some(&i) = self.map.get(key) {
            return i;
        }
        let i = u32::try_from(self.map.len()).unwrap_or(u32::MAX);
        self.map.insert(key.into(), i);
        i
    }
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }
}

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
