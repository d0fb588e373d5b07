//! Keeping the URL fragment in step with the widget's query. Everything it decides is in
//! `url_state`; this only reads and writes the browser's location and history.

use std::cell::RefCell;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::filter::Query;
use crate::model::SharedContent;
use crate::state::{Action, Record, State};
use crate::url_state;

/// The fragment without its `#`, or empty.
pub(crate) fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Writes the query into the URL after reader actions, and restores it on Back and Forward
/// (unless `owns_url` is false); on a touch screen lets the view follow the query
/// (`State::shown`) once the frame that shows the reader's tap is painted, whether or not it
/// owns the URL.
///
/// The URL is written after the frame that shows the reader's tap is painted, not in the tap's
/// own task: `history.pushState` was a third of a filter tap's script (a CPU profile of 80
/// clicks; docs/performance.md, "Filtering shows and hides"), and the link can wait a frame.
/// A write still waiting when the next one comes is made first, so that each reader action
/// stays one entry in the history; Back and Forward drop a write still waiting.
#[hook]
pub(crate) fn use_url_sync(
    owns_url: bool,
    content: SharedContent,
    base: Query,
    state: &UseReducerHandle<State>,
) {
    let waiting = use_mut_ref(|| None::<(String, Record)>);
    let dispatcher = state.dispatcher();
    {
        let (base, waiting, dispatcher) = (base.clone(), waiting.clone(), dispatcher.clone());
        use_effect_with(
            (state.query.clone(), state.record),
            move |(query, record)| {
                if owns_url && *record != Record::Nothing {
                    flush(&waiting);
                    *waiting.borrow_mut() = Some((url_state::write(query, &base), *record));
                }
                // On a touch screen the view follows the query once this frame is painted;
                // elsewhere it followed in the same render (`State::at_once`), and `Painted`
                // changes nothing.
                let waiting = waiting.clone();
                after_next_paint(Box::new(move || {
                    flush(&waiting);
                    dispatcher.dispatch(Action::Painted);
                }));
            },
        );
    }
    use_effect_with(owns_url, move |&owns_url| {
        let listener = web_sys::window().filter(|_| owns_url).map(|window| {
            EventListener::new(&window, "popstate", move |_| {
                waiting.borrow_mut().take();
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

/// Whether a reader's tap is answered in two frames: the toolbar in the tap's own frame, the
/// duties, counts and status in the next (`State::shown`; the "More filters" panel likewise).
/// Where the primary pointer is coarse, a finger on a touch screen: a phone, whose layout of the
/// whole view takes more than a frame (at 4x CPU slowdown on a 412 px page the slowest tap of a
/// load went from 104-128 ms to 48-72 ms to its next paint, the reference page 56-64). With a
/// mouse the whole answer fits in a frame (a click settles in 8.9 ms at 1x), and a second frame
/// only delays the duties: 8.9 -> 19.9 ms, at 1,000 duties 15.5 -> 23.4 ms (docs/performance.md,
/// "A frame for the tap, a frame for the duties").
pub(crate) fn answers_in_two_frames() -> bool {
    // No browser to ask in the native pre-render (web-sys panics there), whose view follows
    // nothing.
    cfg!(target_arch = "wasm32")
        && web_sys::window()
            .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
            .is_some_and(|m| m.matches())
}

/// Runs `f` once the browser has painted the next frame: in a task after an animation frame
/// (the frame's paint comes between them). Two one-off closures rather than a future awaiting
/// a promise of the frame and then a timer, and a waiting write made by one `flush`: 77 B brotli
/// less in the nightly size build's wasm (the stable build's 34 B more; measured). `f` is boxed
/// so that those closures are compiled once for all callers: 274 B less than a generic `f`
/// with two callers (the view following a tap, "More filters"; measured).
pub(crate) fn after_next_paint(f: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(f);
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Writes the URL still waiting to be written, if one is.
fn flush(waiting: &RefCell<Option<(String, Record)>>) {
    let now = waiting.borrow_mut().take();
    if let Some((fragment, record)) = now {
        write_fragment(&fragment, record);
    }
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

/// The browser's clipboard, a field selected for copying by hand, and files saved from text:
/// the share bar's and the builder's (src/builder/web.rs).
pub(crate) mod files {
    use wasm_bindgen::{JsCast, JsValue};
    use yew::{Callback, NodeRef};

    /// Copies `text` with the async clipboard API; `done` hears whether it worked. Refused in
    /// insecure contexts (no `navigator.clipboard` at all), by permissions, or in frames not
    /// allowed to write the clipboard.
    pub fn copy_text(text: String, done: Callback<bool>) {
        let clipboard = web_sys::window()
            .map(|w| w.navigator().clipboard())
            .filter(|c| !JsValue::is_undefined(c) && !JsValue::is_null(c));
        let Some(clipboard) = clipboard else {
            done.emit(false);
            return;
        };
        let promise = clipboard.write_text(&text);
        wasm_bindgen_futures::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            done.emit(copied);
        });
    }

    /// Selects the text of the field in `field` and focuses it, for copying by hand.
    pub fn select_field(field: &NodeRef) {
        if let Some(area) = field.cast::<web_sys::HtmlTextAreaElement>() {
            let _ = area.focus();
            area.select();
        }
    }

    /// Saves `text` as a file named `name`: a Blob, an object URL, a temporary `<a download>`
    /// clicked, the URL revoked once the browser has taken the file.
    pub fn download(name: &str, kind: &str, text: &str) -> Result<(), String> {
        let fail = |what: &str| what.to_string();
        let window = web_sys::window().ok_or_else(|| fail("no window"))?;
        let document = window.document().ok_or_else(|| fail("no document"))?;
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(kind);
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            .map_err(|_| fail("the browser refused to make it"))?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)
            .map_err(|_| fail("the browser refused to make it"))?;
        let link: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into().ok())
            .ok_or_else(|| fail("no link element"))?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        // Revoked later, not at once: some browsers read the Blob after the click returns.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000);
        Ok(())
    }
}
