//! Rows moved into customer order, once, before an aggregation.
//!
//! The aggregations fold each customer's rows together. Reaching them through
//! a list of row indices sorted by customer (what the subscriptions
//! aggregation did) reads every row at a random place: at 1M rows that is a
//! cache miss a row in a 24 MB array, the largest share of the aggregation's
//! time in the browser. A stable counting sort that *copies* the rows instead
//! reads them in file order and writes each one once to its customer's range;
//! the writes are random but independent of each other (nothing waits for
//! them, so the processor keeps many in flight), and everything after reads
//! the rows in order.

/// `items` in increasing order of `customer(item)` (every value below
/// `customers`), each customer's items in their original order (a stable
/// counting sort). An item whose customer is out of range is dropped, which
/// the callers' dense indices rule out.
pub(crate) fn by_customer<T: Copy>(items: &[T], customers: usize, customer: impl Fn(&T) -> u32) -> Vec<T> {
    // `next[c]`: where customer c's next item goes (counts first, shifted by one).
    let mut next = vec![0u32; customers + 1];
    for t in items {
        if let Some(n) = next.get_mut(customer(t) as usize + 1) {
            *n += 1;
        }
    }
    for i in 1..next.len() {
        let prev = next.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = next.get_mut(i) {
            *n += prev;
        }
    }
    let Some(&first) = items.first() else { return Vec::new() };
    let mut out = vec![first; next.last().copied().unwrap_or(0) as usize];
    for t in items {
        let Some(at) = next.get_mut(customer(t) as usize) else { continue };
        if let Some(slot) = out.get_mut(*at as usize) {
            *slot = *t;
        }
        *at += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn empty_and_single() {
        assert!(by_customer(&[] as &[(u32, u32)], 3, |t| t.0).is_empty());
        assert_eq!(by_customer(&[(0u32, 7u32)], 1, |t| t.0), [(0, 7)]);
    }

    proptest! {
        /// The same as a stable sort by customer.
        #[test]
        fn is_a_stable_sort(customers in 1usize..50, raw in proptest::collection::vec((any::<u32>(), any::<u32>()), 0..400)) {
            let items: Vec<(u32, u32)> = raw.into_iter().map(|(c, v)| (c % customers as u32, v)).collect();
            let mut want = items.clone();
            want.sort_by_key(|t| t.0);
            prop_assert_eq!(by_customer(&items, customers, |t| t.0), want);
        }
    }
}
