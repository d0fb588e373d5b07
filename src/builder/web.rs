//! The builder's browser side: the draft in localStorage, files the author opens, the address
//! the author gives, the clipboard, downloads, the caret in the text area, and the release the
//! snippets point at. Called only from callbacks and effects, which never run in the server
//! renderer, so the view still renders natively for its tests.
//!
//! The clipboard and download helpers do what the share bar's do (`components/share_bar.rs`,
//! private to it); they are the builder's own so that the widget's view stays as it is.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::{AttrValue, Callback, NodeRef};

use crate::release::{Pinned, Release};

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored draft's text, if any.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; says why not when the browser refuses (private windows, a full
/// quota).
pub fn save(key: &str, value: &str) -> Result<(), String> {
    let storage =
        storage().ok_or_else(|| "this browser keeps nothing for this page".to_string())?;
    storage
        .set_item(key, value)
        .map_err(|_| "the browser's storage for this page is full or closed".to_string())
}

/// Forgets what is stored under `key`.
pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// A promise's result as a string, or why there is none.
async fn text_of(promise: js_sys::Promise) -> Result<String, String> {
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "it could not be read as text".to_string())
}

/// The first file the author chose in `input`: its name, its media type and its text.
pub fn read_file(
    input: &web_sys::HtmlInputElement,
    done: Callback<Result<(String, String, String), String>>,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    let name = file.name();
    let kind = file.type_();
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(text_of(promise).await.map(|text| (name, kind, text)));
    });
}

/// Fetches `url` (no cookies sent): its text and media type, or why not, in words for the
/// author. The page's policy lets it reach `https:` addresses (and the author's own machine)
/// for this alone.
pub fn fetch_text(url: String, done: Callback<Result<(String, String), String>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let request = window.fetch_with_str_and_init(&url, &init);
    wasm_bindgen_futures::spawn_local(async move {
        let read = async {
            let response: web_sys::Response = JsFuture::from(request)
                .await
                .ok()
                .and_then(|r| r.dyn_into().ok())
                .ok_or_else(|| {
                    "it could not be reached (offline, a wrong address, or its server does not allow other sites to read it: CORS)".to_string()
                })?;
            if !response.ok() {
                return Err(["its server answered HTTP ", &response.status().to_string()].concat());
            }
            let kind = response
                .headers()
                .get("content-type")
                .ok()
                .flatten()
                .unwrap_or_default();
            let promise = response.text().map_err(|_| "it has no text".to_string())?;
            Ok((text_of(promise).await?, kind))
        };
        done.emit(read.await);
    });
}

pub use crate::web::files::{copy_text, download, select_field};

/// Puts the caret at byte `offset` of the text in the text area `area` (the text area counts
/// in UTF-16 units), focused, so that the browser scrolls it into view.
pub fn place_caret(area: &NodeRef, text: &str, offset: usize) {
    let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() else {
        return;
    };
    let at = text
        .get(..offset)
        .map_or(0, |before| before.encode_utf16().count()) as u32;
    let _ = area.focus();
    let _ = area.set_selection_range(at, at);
    // Focusing scrolls to the caret only when the field was not focused already; a blur and a
    // focus make sure the row comes into view.
    let _ = area.blur();
    let _ = area.focus();
}

/// The folder this page is in (ending in `/`): where the site's files, `release.json` among
/// them, are.
pub fn site() -> String {
    let page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let mut site = page;
    if let Some(at) = site.find(['?', '#']) {
        site.truncate(at);
    }
    if let Some(at) = site.rfind('/') {
        site.truncate(at + 1);
    }
    site
}

/// The release this site serves (`release.json` beside the page), pinned: what the snippets
/// point at. Read as the share bar reads it (`share_bar.rs`, `load_release`); one function for
/// both was measured twice and cost the widget's wasm 105 and 168 B brotli (as a call, and
/// inlined), over its size figure, so each keeps its few lines.
pub fn load_release(done: Callback<Result<Rc<Pinned>, AttrValue>>) {
    let site = site();
    let url = [site.as_str(), "release.json"].concat();
    fetch_text(
        url.clone(),
        Callback::from(move |read: Result<(String, String), String>| {
            let release = read.and_then(|(json, _)| {
                let value = js_sys::JSON::parse(&json).map_err(|_| "not JSON".to_string())?;
                Release::from_fields(|path| {
                    path.iter()
                        .try_fold(value.clone(), |v, key| {
                            js_sys::Reflect::get(&v, &JsValue::from_str(key)).ok()
                        })?
                        .as_string()
                })
            });
            done.emit(
                release
                    .map(|release| Rc::new(Pinned::new(&site, release)))
                    .map_err(|why| {
                        [
                            "The snippets could not be made: ",
                            &url,
                            " could not be read (",
                            &why,
                            ").",
                        ]
                        .concat()
                        .into()
                    }),
            );
        }),
    );
}
