//! A table of results in a scrolling region: the keyboard can reach it
//! (`tabindex`), assistive technology names it by its heading, and its
//! column headers are `th scope="col"`. Pages give the headers and the body
//! rows, so every data table of the app reads the same way.

use leptos::prelude::*;

/// A data table named by the element `labelledby`, with one header per
/// column and `children` as its body rows.
#[component]
pub fn DataTable(
    /// Id of the heading that names the table.
    labelledby: &'static str,
    /// The table's class (its styles and the tests' hook).
    #[prop(optional)]
    class: &'static str,
    /// Column headers, in order.
    heads: Vec<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelledby>
            <table class=class>
                <thead>
                    <tr>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
