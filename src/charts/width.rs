//! The width a chart has on screen, so that it is laid out in real pixels:
//! text keeps its size at 360 px instead of shrinking with a fixed viewBox.

use leptos::html::Div;
use leptos::prelude::*;

/// The client width of `node`, followed on window resizes; `fallback` until
/// the element is mounted.
pub fn use_width(node: NodeRef<Div>, fallback: f64) -> ReadSignal<f64> {
    let (width, set_width) = signal(fallback);
    let measure = move || {
        if let Some(el) = node.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                set_width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if node.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    width
}
