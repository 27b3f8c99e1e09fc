// The peer: what a JavaScript calculator does with PapaParse (header mode)
// and plain JavaScript — the same monthly table as Cadran (active customers,
// MRR and churned customers by month, cohort retention by customers and by
// revenue), in floating point. Same definitions as
// crates/cadran-core/src/ingest/cohorts.rs: a subscription counts at the end
// of each month from its start month until its end month (excluded); a
// customer's subscriptions are combined first; a customer's cohort is the
// month of their first subscription.
'use strict';

const SKIP = new Set(['trialing', 'in_trial', 'incomplete', 'incomplete_expired', 'future']);
const COLS = {
  en: { cust: 'customer_id', status: 'status', start: 'start', end: 'canceled_at', mrr: 'mrr' },
  fr: { cust: 'id client', status: 'statut', start: 'date de début', end: 'date de résiliation', mrr: 'mrr' },
};

/** yyyy-mm-dd or dd/mm/yyyy → year × 12 + month − 1 (Cadran's YearMonth). */
function month(t) {
  if (t.charCodeAt(4) === 45) return +t.slice(0, 4) * 12 + +t.slice(5, 7) - 1;
  return +t.slice(6, 10) * 12 + +t.slice(3, 5) - 1;
}

/** Parses `file` with PapaParse; resolves to the table. */
function peerImport(file, flavour) {
  return new Promise((resolve, reject) => {
    Papa.parse(file, {
      header: true,
      skipEmptyLines: true,
      encoding: flavour === 'fr' ? 'windows-1252' : 'utf-8',
      complete: (res) => {
        try { resolve(peerTable(res.data, flavour)); } catch (e) { reject(e); }
      },
      error: reject,
    });
  });
}

function peerTable(rows, flavour) {
  const C = COLS[flavour];
  const ids = new Map();
  const cust = [], start = [], end = [], mrr = [];
  for (const r of rows) {
    if (SKIP.has((r[C.status] || '').trim().toLowerCase())) continue;
    const id = r[C.cust].trim();
    let c = ids.get(id);
    if (c === undefined) { c = ids.size; ids.set(id, c); }
    cust.push(c);
    start.push(month(r[C.start]));
    const e = r[C.end];
    end.push(e ? month(e) : Infinity);
    mrr.push(parseFloat(flavour === 'fr' ? r[C.mrr].replace(',', '.') : r[C.mrr]));
  }
  let last = -Infinity, min = Infinity;
  for (let i = 0; i < start.length; i++) {
    last = Math.max(last, end[i] === Infinity ? start[i] : Math.max(start[i], end[i]));
    min = Math.min(min, start[i]);
  }
  const first = Math.max(min, last - 599);
  const len = last - first + 1;
  const perCust = Array.from({ length: ids.size }, () => []);
  for (let i = 0; i < cust.length; i++) perCust[cust[i]].push(i);
  const activeD = new Array(len).fill(0), mrrD = new Array(len).fill(0), churned = new Array(len).fill(0);
  const cohN = new Array(len).fill(0);
  const cohA = Array.from({ length: len }, (_, c) => new Array(len - c).fill(0));
  const cohM = Array.from({ length: len }, (_, c) => new Array(len - c).fill(0));
  for (const subs of perCust) {
    if (subs.length === 0) continue;
    const ev = [];
    for (const i of subs) {
      ev.push([Math.max(start[i], first), 1, mrr[i]]);
      if (end[i] !== Infinity && end[i] <= last) ev.push([Math.max(end[i], first), -1, -mrr[i]]);
    }
    ev.sort((a, b) => a[0] - b[0]);
    const cohort = ev[0][0], c = cohort - first;
    cohN[c]++;
    let count = 0, m = 0;
    for (let k = 0; k < ev.length;) {
      const mo = ev[k][0];
      const was = count > 0, prev = m;
      while (k < ev.length && ev[k][0] === mo) { count += ev[k][1]; m += ev[k][2]; k++; }
      const is = count > 0, idx = mo - first, da = (is ? 1 : 0) - (was ? 1 : 0);
      if (was && !is) churned[idx]++;
      activeD[idx] += da;
      mrrD[idx] += m - prev;
      cohA[c][mo - cohort] += da;
      cohM[c][mo - cohort] += m - prev;
    }
  }
  const run = (d) => { let a = 0; return d.map((x) => (a += x)); };
  return {
    first_month: first,
    customers: ids.size,
    mrr: run(mrrD),
    active: run(activeD),
    churned,
    cohorts: cohN.map((n, c) => ({ customers: n, active: run(cohA[c]), mrr: run(cohM[c]) })),
  };
}
