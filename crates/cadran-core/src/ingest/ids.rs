//! Customer ids (raw bytes) → dense `u32` indices, the one lookup every row
//! of a subscriptions or transactions import makes.
//!
//! An open-addressing table with linear probing, in one flat vector of
//! 24-byte slots. An id of up to 15 bytes (nearly all of them: `cus_00208925`,
//! `42`, an e-mail's local part…) is the slot's key itself, packed with its
//! length into 16 bytes: a lookup is a multiply-mix and, usually, one slot
//! compared with two integer comparisons — no allocation, no pointer to
//! follow, no `memcmp`. A longer id (Stripe's `cus_` ids are 18 bytes) is kept
//! once in a byte arena; its slot holds its 64-bit hash and its offset there,
//! so a lookup compares bytes only when the full hash matches.
//!
//! Callgrind, 100 000-row subscriptions import: 160 instructions a row in the
//! hashbrown map of `u128` keys this replaces (hashing, the group probe, the
//! entry API), ≈ 60 here; the slots also take 24 bytes instead of 32.

/// Key word 1's top byte for a long id (a short id has its length, 0–15, there).
const LONG: u64 = 0xff << 56;
/// Largest share of occupied slots before growing: 3/4.
const LOAD_NUM: u64 = 3;
const LOAD_DEN: u64 = 4;

/// An id's hash and key words (see [`Ids::key`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Key {
    h: u64,
    k0: u64,
    k1: u64,
}

impl Key {
    /// Whether the id is 16 bytes or longer (kept in the arena).
    pub(super) fn is_long(&self) -> bool {
        self.k1 == LONG
    }
}

#[derive(Clone, Copy, Default)]
struct Slot {
    k0: u64,
    k1: u64,
    /// Index + 1; 0 marks an empty slot.
    id: u32,
}

/// Interns customer ids.
pub(crate) struct Ids {
    slots: Vec<Slot>,
    /// `64 − log2(slots.len())`: the slot of hash `h` is `h >> shift`.
    shift: u32,
    len: u32,
    /// Long ids: an 8-byte length then the bytes, for each.
    arena: Vec<u8>,
}

impl Default for Ids {
    fn default() -> Self {
        Ids { slots: vec![Slot::default(); 1 << 10], shift: 64 - 10, len: 0, arena: Vec::new() }
    }
}

/// Mixes a short id's two key words (the top bits of the product depend on
/// every bit of both: those are the ones used).
#[inline]
fn mix(k0: u64, k1: u64) -> u64 {
    let h = (k0.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ k1).wrapping_mul(0xd6e8_feb8_6659_fd93);
    h ^ (h >> 29)
}

/// 64-bit hash of a long id (eight bytes at a time, then [`mix`]).
fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = b.len() as u64;
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        let mut x = [0u8; 8];
        x.copy_from_slice(w);
        h = mix(h, u64::from_le_bytes(x));
    }
    let mut x = [0u8; 8];
    let rest = words.remainder();
    if let Some(dst) = x.get_mut(..rest.len()) {
        dst.copy_from_slice(rest);
    }
    mix(h, u64::from_le_bytes(x)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The two key words of an id shorter than 16 bytes: its bytes in order,
/// zero-padded, with its length in the last byte (`k1 >> 56`).
///
/// Built with two overlapping loads instead of a copy into a zeroed 16-byte
/// buffer (a `memcpy` call of variable length, ≈ 30 instructions a row): for
/// 8 to 15 bytes, the first eight bytes and the last eight, whose top
/// `len − 8` bytes are the bytes after the first eight; for 4 to 7, the same
/// with 4-byte loads. Same words as the copy (checked against it below).
#[inline]
fn short_key(key: &[u8]) -> (u64, u64) {
    let n = key.len();
    let len = (n as u64) << 56;
    if n >= 8 {
        let (first, last) = (load8(key, 0), load8(key, n.saturating_sub(8)));
        // n ≤ 15: shifts by 8 + 8 × (15 − n) = 8 × (16 − n) ∈ 8..=64, in two steps (a u64 shift by 64 would overflow).
        (first, (last >> 8) >> (8 * (15 - n.min(15))) | len)
    } else if n >= 4 {
        let (first, last) = (u64::from(load4(key, 0)), u64::from(load4(key, n - 4)));
        // Bytes 4..n of the key are the top n − 4 bytes of `last`.
        (first | (last >> (8 * (8 - n))) << 32, len)
    } else {
        let k0 = key.iter().rev().fold(0u64, |k, &b| k << 8 | u64::from(b));
        (k0, len)
    }
}

/// Eight bytes of `b` from `at`, little-endian (0 when out of range, which
/// the callers' length tests rule out).
#[inline(always)]
fn load8(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).and_then(|s| <[u8; 8]>::try_from(s).ok()).map_or(0, u64::from_le_bytes)
}

/// Four bytes of `b` from `at`, little-endian (0 when out of range).
#[inline(always)]
fn load4(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).and_then(|s| <[u8; 4]>::try_from(s).ok()).map_or(0, u32::from_le_bytes)
}

impl Ids {
    /// The index of `key`, a new one (the count so far) the first time.
    /// Inlined into the row loops (the short-id path is a few instructions);
    /// long ids take a call.
    #[inline(always)]
    pub(crate) fn id(&mut self, key: &[u8]) -> u32 {
        if key.len() < 16 {
            let (k0, k1) = short_key(key);
            self.find_or_insert(mix(k0, k1), k0, k1, &[])
        } else {
            self.long_id(key)
        }
    }

    #[inline(never)]
    fn long_id(&mut self, key: &[u8]) -> u32 {
        let h = hash_bytes(key);
        self.find_or_insert(h, h, LONG, key)
    }

    /// The hash and key words [`Self::lookup`] takes for `key`; a long id's
    /// bytes are passed to it again.
    #[inline(always)]
    pub(super) fn key(key: &[u8]) -> Key {
        if key.len() < 16 {
            let (k0, k1) = short_key(key);
            Key { h: mix(k0, k1), k0, k1 }
        } else {
            let h = hash_bytes(key);
            Key { h, k0: h, k1: LONG }
        }
    }

    /// [`Self::id`] of a key from [`Self::key`] (`long`: the id's bytes when
    /// it is a long one, ignored otherwise).
    #[inline]
    pub(super) fn lookup(&mut self, k: Key, long: &[u8]) -> u32 {
        self.find_or_insert(k.h, k.k0, k.k1, long)
    }

    /// Reads the slot where a lookup of `k` starts, so that its cache line
    /// is on its way before [`Self::lookup`] needs it (wasm has no prefetch
    /// instruction; a load whose value is only folded into a checksum does
    /// the same job and, having nothing waiting on it, overlaps with the
    /// others).
    #[inline(always)]
    pub(super) fn touch(&self, k: Key) -> u32 {
        self.slots.get((k.h >> self.shift) as usize).map_or(0, |s| s.id)
    }

    /// Distinct ids so far.
    pub(crate) fn len(&self) -> usize {
        self.len as usize
    }

    #[inline]
    fn find_or_insert(&mut self, h: u64, k0: u64, k1: u64, long: &[u8]) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let Some(s) = self.slots.get(i) else { return u32::MAX };
            if s.id == 0 {
                break;
            }
            // A short key's top byte is its length (0–15), never `LONG`'s.
            let hit = if k1 == LONG { s.k0 == k0 && s.k1 >> 56 == 0xff && self.long_eq(s.k1, long) } else { s.k0 == k0 && s.k1 == k1 };
            if hit {
                return s.id - 1;
            }
            i = (i + 1) & mask;
        }
        // A new id.
        let id = self.len;
        let k1 = if k1 == LONG {
            let at = self.arena.len() as u64;
            self.arena.extend_from_slice(&(long.len() as u64).to_le_bytes());
            self.arena.extend_from_slice(long);
            LONG | at
        } else {
            k1
        };
        if let Some(s) = self.slots.get_mut(i) {
            *s = Slot { k0, k1, id: id.saturating_add(1) };
        }
        self.len = self.len.saturating_add(1);
        if u64::from(self.len) * LOAD_DEN > self.slots.len() as u64 * LOAD_NUM {
            self.grow();
        }
        id
    }

    /// Whether the long id stored at the offset in `k1` is `key`.
    fn long_eq(&self, k1: u64, key: &[u8]) -> bool {
        let at = usize::try_from(k1 & !LONG).unwrap_or(usize::MAX);
        let stored = self.arena.get(at..at.saturating_add(8)).and_then(|l| <[u8; 8]>::try_from(l).ok()).map(u64::from_le_bytes);
        stored == Some(key.len() as u64) && self.arena.get(at + 8..at + 8 + key.len()) == Some(key)
    }

    /// Doubles the table.
    fn grow(&mut self) {
        let n = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); n]);
        self.shift -= 1;
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|s| s.id != 0) {
            let h = if s.k1 >> 56 == 0xff { s.k0 } else { mix(s.k0, s.k1) };
            let mut i = (h >> self.shift) as usize;
            while self.slots.get(i).is_some_and(|t| t.id != 0) {
                i = (i + 1) & mask;
            }
            if let Some(t) = self.slots.get_mut(i) {
                *t = s;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn table() {
        let mut ids = Ids::default();
        let keys: [&[u8]; 9] = [b"cus_00208925", b"", b"42", b"042", b"cus_NffrFeUfNV2Hib", b"cus_NffrFeUfNV2Hic",
            b"fifteen bytes!!", b"sixteen bytes!!!", b"42\0"];
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(ids.id(k), i as u32, "{k:?} is new");
        }
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(ids.id(k), i as u32, "{k:?} again");
        }
        assert_eq!(ids.len(), keys.len());
    }

    #[test]
    fn grows_and_keeps_every_id() {
        let mut ids = Ids::default();
        for round in 0..2 {
            for i in 0..100_000u32 {
                let k = if i % 3 == 0 { format!("cus_{i:014}") } else { format!("{i}") };
                assert_eq!(ids.id(k.as_bytes()), i, "round {round}: {k}");
            }
        }
        assert_eq!(ids.len(), 100_000);
    }

    proptest! {
        /// The overlapping loads give the words of the zero-padded copy.
        #[test]
        fn short_key_is_the_padded_copy(key in proptest::collection::vec(any::<u8>(), 0..16)) {
            let mut b = [0u8; 16];
            b[..key.len()].copy_from_slice(&key);
            b[15] = key.len() as u8;
            let k = u128::from_le_bytes(b);
            prop_assert_eq!(short_key(&key), (k as u64, (k >> 64) as u64));
        }

        /// The same indices as a plain map from bytes to first-seen order.
        #[test]
        fn same_as_a_map(keys in proptest::collection::vec(proptest::collection::vec(prop_oneof![Just(0u8), Just(b'a'), Just(b'b'), any::<u8>()], 0..24), 0..300)) {
            let mut ids = Ids::default();
            let mut map: HashMap<Vec<u8>, u32> = HashMap::new();
            for k in keys {
                let n = map.len() as u32;
                let want = *map.entry(k.clone()).or_insert(n);
                prop_assert_eq!(ids.id(&k), want);
            }
            prop_assert_eq!(ids.len(), map.len());
        }
    }
}
