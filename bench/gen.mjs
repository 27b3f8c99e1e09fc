// Deterministic, seeded generator of the benchmark files (issue 7).
//
//   node bench/gen.mjs [--small]        → bench/data/*.csv (git-ignored)
//
// Subscriptions, English flavour (UTF-8, ',', ISO dates, decimal point, LF) and
// French Excel flavour (Windows-1252, ';', dd/mm/yyyy, decimal comma, CRLF),
// 10k / 100k / 1M rows (≈ 48 MB for 1M) and 2M rows (≈ 100 MB, for memory);
// survey answers and transactions, 1M rows each. The same seed always gives
// the same bytes, so every run and every machine measures the same files.
// `--small` writes only the 10k-row files (the CI smoke run).
import { openSync, writeSync, closeSync, mkdirSync, existsSync, statSync } from 'node:fs';

const DATA = new URL('./data/', import.meta.url).pathname;
mkdirSync(DATA, { recursive: true });

/** mulberry32: a small seeded PRNG (32-bit state), deterministic everywhere. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => Math.floor(next() * n); // integer in [0, n)
}

const p2 = (n) => (n < 10 ? '0' + n : '' + n);
const p8 = (n) => String(n).padStart(8, '0');

/** Windows-1252 bytes of a string whose characters are all in Latin-1 (true here: é, É, è…). */
function latin1(s) {
  const b = Buffer.allocUnsafe(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Writes `rows` lines produced by `line(i)` after `header`, in blocks. */
function write(name, header, rows, line, { fr = false } = {}) {
  const path = DATA + name;
  const nl = fr ? '\r\n' : '\n';
  const fd = openSync(path, 'w');
  let buf = header + nl;
  for (let i = 0; i < rows; i++) {
    buf += line(i) + nl;
    if (buf.length > 1 << 20) {
      writeSync(fd, fr ? latin1(buf) : Buffer.from(buf, 'utf8'));
      buf = '';
    }
  }
  writeSync(fd, fr ? latin1(buf) : Buffer.from(buf, 'utf8'));
  closeSync(fd);
  console.log(`${name}: ${rows} rows, ${(statSync(path).size / 1e6).toFixed(1)} MB`);
}

const PLANS_EN = ['starter', 'team', 'business', 'enterprise', 'pro'];
const PLANS_FR = ['Découverte', 'Équipe', 'Entreprise', 'Pro', 'Essentiel'];

/**
 * Subscriptions: rows/3 customers (so most have several subscriptions), starts
 * in 2020–2023, a third cancelled 1–36 months later, 1 % trials (English
 * flavour only; Cadran and the peer both leave them out), MRR 5.00–504.99.
 */
function subscriptions(rows, fr) {
  const r = rng(fr ? 1789 : 1492);
  const customers = Math.max(1, Math.floor(rows / 3));
  const d = fr ? ';' : ',';
  const header = fr ? ['id client', 'statut', 'date de début', 'date de résiliation', 'mrr', 'offre'].join(d)
    : ['customer_id', 'status', 'start', 'canceled_at', 'mrr', 'plan'].join(d);
  const date = (y, m, day) => (fr ? `${p2(day)}/${p2(m)}/${y}` : `${y}-${p2(m)}-${p2(day)}`);
  const name = `subs-${fr ? 'fr' : 'en'}-${label(rows)}.csv`;
  write(name, header, rows, () => {
    const c = r(customers);
    const y = 2020 + r(4), m = 1 + r(12), day = 1 + r(28);
    const cents = 500 + r(50000);
    let end = '';
    const cancelled = r(3) === 0;
    if (cancelled) {
      const k = y * 12 + (m - 1) + 1 + r(36);
      end = date(Math.floor(k / 12), (k % 12) + 1, 1 + r(28));
    }
    const trial = !fr && r(100) === 0;
    const status = trial ? 'trialing' : cancelled ? (fr ? 'résilié' : 'canceled') : (fr ? 'actif' : 'active');
    const amount = `${Math.floor(cents / 100)}${fr ? ',' : '.'}${p2(cents % 100)}`;
    return `cus_${p8(c)}${d}${status}${d}${date(y, m, day)}${d}${end}${d}${amount}${d}${(fr ? PLANS_FR : PLANS_EN)[r(5)]}`;
  }, { fr });
}

/** Survey answers: 0–10 scores skewed towards promoters, a segment, few comments. */
function survey(rows) {
  const r = rng(1968);
  const segs = ['SMB', 'Mid-market', 'Enterprise'];
  const comments = ['Great support', 'Too expensive', '"Fast, reliable"', 'Onboarding was slow'];
  write(`survey-en-${label(rows)}.csv`, 'submitted_at,score,segment,comment', rows, () => {
    const s = Math.min(10, r(11) + r(3));
    const cm = r(10) === 0 ? comments[r(4)] : '';
    return `${2022 + r(3)}-${p2(1 + r(12))}-${p2(1 + r(28))},${s},${segs[r(3)]},${cm}`;
  });
}

/** Transactions: orders of rows/5 customers over 2021–2024. */
function transactions(rows) {
  const r = rng(1815);
  const customers = Math.max(1, Math.floor(rows / 5));
  write(`transactions-en-${label(rows)}.csv`, 'order_id,customer_id,order_date,amount', rows, (i) => {
    const cents = 199 + r(30000);
    return `ord_${p8(i)},cus_${p8(r(customers))},${2021 + r(4)}-${p2(1 + r(12))}-${p2(1 + r(28))},${Math.floor(cents / 100)}.${p2(cents % 100)}`;
  });
}

function label(n) {
  return n >= 1e6 ? `${n / 1e6}m` : `${n / 1e3}k`;
}

const small = process.argv.includes('--small');
const sizes = small ? [10_000] : [10_000, 100_000, 1_000_000, 2_000_000];
for (const n of sizes) {
  for (const fr of [false, true]) {
    if (n === 2_000_000 && fr) continue; // one 100 MB file is enough for memory
    subscriptions(n, fr);
  }
}
if (!small) {
  survey(1_000_000);
  transactions(1_000_000);
}
