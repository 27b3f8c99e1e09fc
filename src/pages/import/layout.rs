//! How the file is read, shown and changeable: encoding, delimiter, header
//! row, kind of data, decimal separator, date order (asked when the dates
//! could be read both ways), each column's role, and a preview of the first
//! rows with each value as it will be read.

use super::state::ImportState;
use super::texts::T;
use super::words;
use crate::i18n::use_prefs;
use cadran_core::ingest::date::{DateOrder, OrderEvidence};
use cadran_core::ingest::decode::Encoding;
use cadran_core::ingest::mapping::{DatasetKind, Mapping, Role};
use cadran_core::ingest::number::DecimalSep;
use cadran_core::ingest::{Preview, PreviewCell};
use cadran_core::locale::{format_number, Locale};
use cadran_core::Decimal;
use leptos::prelude::*;
use std::str::FromStr;

/// A labelled select: `choices` are (value, text); `current` is a value.
fn select(
    id: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    choices: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    current: impl Fn() -> String + Send + Sync + 'static,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |e| on_change(event_target_value(&e))>
                {move || {
                    let cur = current();
                    choices()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == cur;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

fn encoding_key(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "utf8",
        Encoding::Windows1252 => "cp1252",
    }
}

fn kind_key(k: DatasetKind) -> &'static str {
    match k {
        DatasetKind::Survey => "survey",
        DatasetKind::Subscriptions => "subscriptions",
        DatasetKind::Transactions => "transactions",
        DatasetKind::Support => "support",
        DatasetKind::Experiment => "experiment",
    }
}

/// `nn/nn/yyyy`-like: a value whose day and month could be swapped.
fn could_swap(raw: &str) -> bool {
    let mut parts = raw.trim().split(['/', '.', '-']);
    let small = |p: Option<&str>| p.is_some_and(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    small(parts.next()) && small(parts.next()) && parts.next().is_some_and(|y| y.len() >= 2)
}

/// The dates of the preview could be read both ways and nothing in the
/// sampled values (a day above 12) settles it.
#[must_use]
pub fn dates_ambiguous(p: &Preview) -> bool {
    p.layout.date_order.iter().enumerate().any(|(c, d)| {
        matches!(d, Some((_, OrderEvidence::Ambiguous)))
            && p.rows.iter().any(|r| r.cells.get(c).is_some_and(|cell| could_swap(&cell.raw)))
    })
}

/// Whether some mapped date column of the preview has `nn/nn/yyyy` values,
/// whose day/month order matters.
fn has_slash_dates(p: &Preview) -> bool {
    p.layout.mapping.columns.iter().enumerate().any(|(c, r)| {
        r.is_some_and(words::is_date) && p.rows.iter().any(|row| row.cells.get(c).is_some_and(|cell| could_swap(&cell.raw)))
    })
}

/// How a preview cell is read, in the user's locale (nothing when it reads
/// exactly as written, as text does).
fn read_as(cell: &PreviewCell, role: Option<Role>, l: Locale) -> Option<Result<String, String>> {
    let role = role?;
    Some(match cell.read_as.as_ref()? {
        Ok(v) if v.is_empty() || *v == cell.raw.trim() => Ok(String::new()),
        Ok(v) if words::is_date(role) => Ok(v.clone()),
        Ok(v) => Ok(Decimal::from_str(v).map_or_else(|_| v.clone(), |d| format_number(d, d.scale(), l))),
        Err(_) if words::is_date(role) => Err(words::problem(&cadran_core::ingest::Problem::NotADate, l)),
        Err(_) => Err(words::problem(&cadran_core::ingest::Problem::NotANumber, l)),
    })
}

/// The controls for how the file is split and read.
#[component]
pub fn HowRead(st: ImportState) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let layout = move || st.preview.with(|p| p.as_ref().and_then(|p| p.as_ref().ok()).map(|p| p.layout.clone()));
    let opt = move || st.options.get();

    let encoding = select(
        "import-encoding",
        move || T.encoding.get(l()),
        move || [Encoding::Utf8, Encoding::Windows1252].iter().map(|e| (encoding_key(*e).to_string(), words::encoding(*e, prefs.locale.get()).to_string())).collect(),
        move || encoding_key(opt().encoding.or_else(|| layout().map(|l| l.encoding)).unwrap_or_default()).to_string(),
        move |v| st.change_layout(|o| o.encoding = Some(if v == "cp1252" { Encoding::Windows1252 } else { Encoding::Utf8 })),
    );
    let delimiter = select(
        "import-delimiter",
        move || T.delimiter.get(l()),
        move || words::DELIMITERS.iter().map(|d| (d.to_string(), words::delimiter(*d, prefs.locale.get()).to_string())).collect(),
        move || opt().delimiter.or_else(|| layout().map(|l| l.delimiter)).unwrap_or(b',').to_string(),
        move |v| st.change_layout(|o| o.delimiter = v.parse().ok()),
    );
    let kind = select(
        "import-kind",
        move || T.kind.get(l()),
        move || words::KINDS.iter().map(|k| (kind_key(*k).to_string(), words::kind(*k, prefs.locale.get()).to_string())).collect(),
        move || layout().map_or("", |l| kind_key(l.mapping.kind)).to_string(),
        move |v| {
            let k = words::KINDS.into_iter().find(|k| kind_key(*k) == v);
            st.change(|o| {
                o.kind = k;
                if let (Some(m), Some(k)) = (o.mapping.as_mut(), k) {
                    m.kind = k;
                }
            });
        },
    );
    let decimal = select(
        "import-decimal",
        move || T.decimal.get(l()),
        move || vec![("point".into(), T.decimal_point.get(l()).into()), ("comma".into(), T.decimal_comma.get(l()).into())],
        move || {
            let detected = layout().and_then(|l| {
                l.mapping.columns.iter().zip(&l.decimal).find(|(r, _)| r.is_some_and(|r| !words::is_date(r))).map(|(_, d)| *d)
            });
            if opt().decimal.or(detected) == Some(DecimalSep::Comma) { "comma" } else { "point" }.to_string()
        },
        move |v| st.change(|o| o.decimal = Some(if v == "comma" { DecimalSep::Comma } else { DecimalSep::Point })),
    );
    let has_dates = move || st.preview.with(|p| matches!(p, Some(Ok(p)) if has_slash_dates(p)));
    let has_numbers = move || {
        layout().is_some_and(|l| l.mapping.columns.iter().any(|r| matches!(r, Some(Role::Mrr | Role::Amount | Role::Quantity | Role::Score))))
    };
    let ambiguous = move || st.options.with(|o| o.date_order.is_none()) && st.preview.with(|p| matches!(p, Some(Ok(p)) if dates_ambiguous(p)));
    let order = move || {
        opt().date_order.or_else(|| layout().and_then(|l| l.date_order.iter().flatten().next().map(|d| d.0))).unwrap_or_default()
    };
    let radio = move |value: DateOrder, text: crate::i18n::Tr| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="import-date-order"
                    prop:checked=move || !ambiguous() && order() == value
                    on:change=move |_| st.change(|o| o.date_order = Some(value))
                />
                {move || text.get(l())}
            </label>
        }
    };
    view! {
        <fieldset class="import-how">
            <legend>{move || T.how_read.get(l())}</legend>
            <div class="import-how-grid">
                {encoding}
                {delimiter}
                {kind}
                <div class="import-decimal" hidden=move || !has_numbers()>{decimal}</div>
                <label class="choice import-header">
                    <input
                        type="checkbox"
                        prop:checked=move || opt().has_header.or_else(|| layout().map(|l| l.has_header)).unwrap_or(true)
                        on:change=move |e| st.change_layout(|o| o.has_header = Some(event_target_checked(&e)))
                    />
                    {move || T.header.get(l())}
                </label>
            </div>
            <Show when=has_dates>
                <fieldset class="import-date-order" class:ask=ambiguous>
                    <legend>{move || T.date_order.get(l())}</legend>
                    <Show when=ambiguous>
                        <p class="question" role="alert">{move || T.date_ambiguous.get(l())}</p>
                    </Show>
                    {radio(DateOrder::DayFirst, T.day_first)}
                    {radio(DateOrder::MonthFirst, T.month_first)}
                </fieldset>
            </Show>
        </fieldset>
    }
}

/// The mapping with `column` given `role` (a role belongs to one column).
fn remap(m: &Mapping, column: usize, role: Option<Role>) -> Mapping {
    let mut m = m.clone();
    for (i, r) in m.columns.iter_mut().enumerate() {
        if i == column {
            *r = role;
        } else if role.is_some() && *r == role {
            *r = None;
        }
    }
    m
}

/// The file's column indices, those with a role first (in file order), then
/// the ignored ones: an export with 40 columns and 6 used shows those 6
/// without scrolling sideways. `data-column` keeps the file's numbering.
fn columns_in_view_order(m: &Mapping, n: usize) -> Vec<usize> {
    let used = |c: usize| m.columns.get(c).copied().flatten().is_some();
    (0..n).filter(|&c| used(c)).chain((0..n).filter(|&c| !used(c))).collect()
}

/// Each column's role and the first rows as read.
#[component]
pub fn ColumnsPreview(st: ImportState) -> impl IntoView {
    let prefs = use_prefs();
    let l = move || prefs.locale.get();
    let preview = move || st.preview.get().and_then(Result::ok);
    let table = move || {
        let p = preview()?;
        let l = prefs.locale.get();
        let mapping = p.layout.mapping.clone();
        let order = columns_in_view_order(&mapping, p.layout.headers.len());
        let heads = order
            .iter()
            .filter_map(|&c| p.layout.headers.get(c).map(|h| (c, h)))
            .map(|(c, h)| {
                let current = mapping.columns.get(c).copied().flatten();
                let mut roles: Vec<Role> = words::roles_for(mapping.kind).to_vec();
                roles.extend(current.filter(|r| !roles.contains(r)));
                let m = mapping.clone();
                let aria = crate::i18n::tr("Rôle de la colonne « {} »", "Role of column “{}”").fill(l, &[&h]);
                let on_change = move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    let role = words::ROLES.into_iter().find(|r| r.name() == v);
                    let m = remap(&m, c, role);
                    st.change(|o| o.mapping = Some(m));
                };
                view! {
                    <th scope="col">
                        <span class="col-name">{h.clone()}</span>
                        <select aria-label=aria on:change=on_change data-column=c + 1>
                            <option value="" selected=current.is_none()>{T.ignored.get(l)}</option>
                            {roles
                                .into_iter()
                                .map(|r| view! { <option value=r.name() selected=current == Some(r)>{words::role(r, l)}</option> })
                                .collect_view()}
                        </select>
                    </th>
                }
            })
            .collect_view();
        let rows = p
            .rows
            .iter()
            .map(|row| {
                let cells = order
                    .iter()
                    .filter_map(|&c| row.cells.get(c).map(|cell| (c, cell)))
                    .map(|(c, cell)| {
                        let role = mapping.columns.get(c).copied().flatten();
                        let read = match read_as(cell, role, l) {
                            Some(Ok(v)) if !v.is_empty() => view! { <span class="read">{format!("→ {v}")}</span> }.into_any(),
                            Some(Err(e)) => view! { <span class="read bad">{format!("✗ {e}")}</span> }.into_any(),
                            _ => ().into_any(),
                        };
                        view! {
                            <td class:unmapped=role.is_none()>
                                <span class="raw">{cell.raw.clone()}</span>
                                {read}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{row.line}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="import-columns-title">
                <table class="import-preview">
                    <thead>
                        <tr>
                            <th scope="col">{T.line.get(l)}</th>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    view! {
        <Show when=move || preview().is_some()>
            <section class="import-columns" aria-labelledby="import-columns-title">
                <h2 id="import-columns-title">{move || T.columns.get(l())}</h2>
                <Show when=move || st.unrecognised.get()>
                    <p class="import-notice">{move || T.unknown_hint.get(l())}</p>
                </Show>
                <p class="help">{move || T.columns_help.get(l())}</p>
                {table}
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadran_core::ingest::mapping::DatasetKind;

    #[test]
    fn columns_with_a_role_come_first_in_file_order() {
        let m = Mapping { kind: DatasetKind::Subscriptions, columns: vec![None, Some(Role::Customer), None, Some(Role::Start), Some(Role::Mrr)], amount_in_cents: false };
        assert_eq!(columns_in_view_order(&m, 5), vec![1, 3, 4, 0, 2]);
        // Headers beyond the mapping's length are ignored columns.
        assert_eq!(columns_in_view_order(&m, 7), vec![1, 3, 4, 0, 2, 5, 6]);
        let none = Mapping { kind: DatasetKind::Survey, columns: vec![], amount_in_cents: false };
        assert_eq!(columns_in_view_order(&none, 3), vec![0, 1, 2], "nothing mapped: file order");
    }
}
