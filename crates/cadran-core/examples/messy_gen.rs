//! Writes seeded "messy" CSV files for checking an ingest optimisation
//! against the reports before it (with `ingest_dump`): every dataset, both
//! flavours, and the shapes the fast paths must hand over to the general ones
//! unchanged — bad dates, timestamps, 5-decimal and 30-digit amounts, quoted
//! fields (with separators and line ends inside), ragged rows, trailing empty
//! fields, blank lines, spaces around cells, long ids, extra columns before
//! and after the mapped ones, non-ASCII bytes, and every record length.
//!
//! `cargo run --release -p cadran-core --example messy_gen -- DIR [COUNT]`
//!
//! Deterministic (a fixed xorshift per file), no dependency.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v.get(self.below(v.len() as u64) as usize).copied().unwrap_or("")
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// One file's flavour.
struct Style {
    sep: char,
    fr: bool,
    crlf: bool,
    /// Percent of rows given some mess.
    mess: u64,
    /// Extra unmapped columns before / after the mapped ones.
    pre: usize,
    post: usize,
}

fn date(r: &mut Rng, s: &Style) -> String {
    let (y, m, d) = (2018 + r.below(7), 1 + r.below(12), 1 + r.below(28));
    if r.chance(s.mess / 4) {
        return match r.below(9) {
            0 => "not a date".into(),
            1 => format!("{y}-{m:02}-{d:02}T10:{:02}:00Z", r.below(60)),
            2 => format!("{y}-{m:02}-{d:02} 08:30:00"),
            3 => format!(" {y}-{m:02}-{d:02} "),
            4 => format!("{d}/{m}/{y}"),
            5 => format!("{y}/{m:02}/{d:02}"),
            6 => format!("{y}-{m:02}-{:02}", 29 + r.below(5)),
            7 => format!("{m:02}/{d:02}/{y}"),
            _ => format!("{y}-{}-{}", m, d),
        };
    }
    if s.fr { format!("{d:02}/{m:02}/{y}") } else { format!("{y}-{m:02}-{d:02}") }
}

fn amount(r: &mut Rng, s: &Style) -> String {
    let (units, cents) = (r.below(2000), r.below(100));
    let mut a = match r.chance(s.mess / 4).then(|| r.below(9)) {
        Some(0) => format!("{units}.{:05}", r.below(100_000)),
        Some(1) => format!("{}{:015}", r.below(1_000_000_000_000_000) + 1, r.below(1_000_000_000_000_000)),
        Some(2) => "abc".into(),
        Some(3) => format!("-{units}.{cents:02}"),
        Some(4) => format!("{units}"),
        Some(5) => format!("1 {units:03}.{cents:02}"),
        Some(6) => format!("€{units}.{cents:02}"),
        Some(7) => format!("{units}.{cents:02} "),
        Some(_) => format!("0.{:04}", r.below(10_000)),
        None => format!("{units}.{cents:02}"),
    };
    if s.fr {
        a = a.replace('.', ",");
    }
    a
}

fn id(r: &mut Rng, s: &Style, customers: u64) -> String {
    let n = r.below(customers);
    match r.chance(s.mess / 3).then(|| r.below(5)) {
        Some(0) => format!("cus_NffrFeUfNV2H{n:06}"), // 22 bytes
        Some(1) => format!("{n}"),
        Some(2) => format!("c{n:014}"), // 15 bytes
        Some(3) => format!("client_é{n}"),
        Some(_) => String::new(),
        None => format!("cus_{n:08}"),
    }
}

fn quote(cell: &str, sep: char) -> String {
    format!("\"{}\"", cell.replace('"', "\"\"")).replace('|', &sep.to_string())
}

fn filler(r: &mut Rng) -> String {
    let len = r.below(24) as usize;
    (0..len).map(|_| char::from(b'a' + r.below(26) as u8)).collect()
}

fn file(seed: u64) -> Vec<u8> {
    let mut r = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let fr = r.chance(40);
    let s = Style {
        sep: if fr { ';' } else { *[',', ',', '\t', '|'].get(r.below(4) as usize).unwrap_or(&',') },
        fr,
        crlf: fr || r.chance(20),
        mess: r.below(30),
        pre: r.below(3) as usize,
        post: r.below(4) as usize,
    };
    let kind = r.below(4);
    let big = r.chance(10);
    let rows = 1 + r.below(if big { 20_000 } else { 400 });
    let customers = 1 + rows / (1 + r.below(4));
    let header: &[&str] = match (kind, fr) {
        (0, false) => &["customer_id", "status", "start", "canceled_at", "mrr", "plan"],
        (0, true) => &["id client", "statut", "date de début", "date de résiliation", "mrr", "offre"],
        (1, false) => &["order_id", "customer_id", "order_date", "amount"],
        (1, true) => &["commande", "id client", "date", "montant"],
        (2, _) => &["submitted_at", "score", "segment", "comment"],
        _ => &["ticket_id", "created_at", "channel", "fcr"],
    };
    let eol = if s.crlf { "\r\n" } else { "\n" };
    let mut out = String::new();
    let extra_head = |i: usize, tag: &str| format!("extra {tag} {i}");
    let mut head: Vec<String> = (0..s.pre).map(|i| extra_head(i, "a")).collect();
    head.extend(header.iter().map(|h| (*h).to_string()));
    head.extend((0..s.post).map(|i| extra_head(i, "b")));
    out.push_str(&head.join(&s.sep.to_string()));
    out.push_str(eol);
    for i in 0..rows {
        let mut cells: Vec<String> = (0..s.pre).map(|_| filler(&mut r)).collect();
        match kind {
            0 => {
                cells.push(id(&mut r, &s, customers));
                cells.push(r.pick(if fr { &["actif", "résilié", "actif", "essai"] } else { &["active", "canceled", "active", "trialing", "Future"] }).into());
                cells.push(date(&mut r, &s));
                cells.push(if r.chance(35) { date(&mut r, &s) } else { String::new() });
                cells.push(amount(&mut r, &s));
                cells.push(r.pick(&["pro", "Entreprise", "starter", ""]).into());
            }
            1 => {
                cells.push(format!("ord_{i:08}"));
                cells.push(id(&mut r, &s, customers));
                cells.push(date(&mut r, &s));
                cells.push(amount(&mut r, &s));
            }
            2 => {
                cells.push(date(&mut r, &s));
                cells.push(if r.chance(s.mess / 3) { r.pick(&["11", "-1", "x", "", "7.5"]).into() } else { r.below(11).to_string() });
                cells.push(r.pick(&["SMB", "Enterprise", "Mid-market", ""]).into());
                cells.push(if r.chance(30) { r.pick(&["great", "slow, but ok", "très bien", "say \"hi\""]).into() } else { String::new() });
            }
            _ => {
                cells.push(format!("T{i}"));
                cells.push(date(&mut r, &s));
                cells.push(r.pick(&["email", "chat", "téléphone"]).into());
                cells.push(r.pick(&["yes", "no", "oui", "non", "maybe", ""]).into());
            }
        }
        cells.extend((0..s.post).map(|_| filler(&mut r)));
        if r.chance(s.mess) {
            match r.below(8) {
                0 => { cells.pop(); }
                1 => cells.push(filler(&mut r)),
                2 => cells.push(String::new()),
                3 => {
                    let k = r.below(cells.len() as u64) as usize;
                    if let Some(c) = cells.get_mut(k) {
                        *c = quote(&format!("{c}|x\ny"), s.sep);
                    }
                }
                4 => {
                    let k = r.below(cells.len() as u64) as usize;
                    if let Some(c) = cells.get_mut(k) {
                        *c = quote(c, s.sep);
                    }
                }
                5 => out.push_str(eol),
                6 => {
                    let k = r.below(cells.len() as u64) as usize;
                    if let Some(c) = cells.get_mut(k) {
                        *c = format!("  {c} ");
                    }
                }
                _ => cells = vec!["   ".into()],
            }
        }
        out.push_str(&cells.join(&s.sep.to_string()));
        if i + 1 < rows || r.chance(80) {
            out.push_str(eol);
        }
    }
    if fr && r.chance(70) {
        // Windows-1252: é and è as single bytes.
        return out.chars().map(|c| match c {
            'é' => 0xe9,
            'è' => 0xe8,
            'û' => 0xfb,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        }).collect();
    }
    out.into_bytes()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "messy".into());
    let count: u64 = args.next().and_then(|c| c.parse().ok()).unwrap_or(400);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    for i in 0..count {
        let path = format!("{dir}/messy-{i:04}.csv");
        std::fs::write(&path, file(i + 1)).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}
