//! Keeping the URL fragment in step with the widget's query. Everything it decides is in
//! `url_state`; this only reads and writes the browser's location and history.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::filter::Query;
use crate::model::Content;
use crate::state::{Action, Record, State};
use crate::url_state;

/// The fragment without its `#`, or empty.
pub(crate) fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Writes the query into the URL after reader actions, and restores it on Back and Forward.
/// Does nothing unless `owns_url`.
#[hook]
pub(crate) fn use_url_sync(
    owns_url: bool,
    content: Rc<Content>,
    base: Query,
    state: &UseReducerHandle<State>,
) {
    {
        let base = base.clone();
        use_effect_with(
            (state.query.clone(), state.record),
            move |(query, record)| {
                if owns_url && *record != Record::Nothing {
                    write_fragment(&url_state::write(query, &base), *record);
                }
            },
        );
    }
    let dispatcher = state.dispatcher();
    use_effect_with(owns_url, move |&owns_url| {
        let listener = web_sys::window().filter(|_| owns_url).map(|window| {
            EventListener::new(&window, "popstate", move |_| {
                let fragment = current_fragment();
                // A host page's own anchor is not ours to read; an empty one means "start".
                if fragment.is_empty() || url_state::is_ours(&fragment) {
                    let read = url_state::read(&fragment, &content, &base);
                    dispatcher.dispatch(Action::Restore(read.query, read.problems));
                }
            })
        });
        move || drop(listener)
    });
}

fn write_fragment(fragment: &str, record: Record) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if current_fragment() == fragment {
        return;
    }
    let url = if fragment.is_empty() {
        let location = window.location();
        [
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default(),
        ]
        .concat()
    } else {
        ["#", fragment].concat()
    };
    let Ok(history) = window.history() else {
        return;
    };
    // A refused history call (sandboxed iframes may refuse) leaves the widget working.
    let _ = match record {
        Record::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        _ => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}
