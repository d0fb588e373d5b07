//! The wasm entry points: `mount` and `unmount`, called by `embed.js` for every widget on a page
//! (`data-role-compare` elements and `<role-compare>` elements alike) and by the standalone page. Each widget is its own yew app with its own state; at most one
//! owns the URL fragment.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::components::{Loaded, Widget, WidgetProps};
use crate::model::SharedContent;
use crate::options::as_element_attributes;
use crate::prerender::{hydration_key, HYDRATE_ATTRIBUTE, SHAPE_ATTRIBUTE};
use crate::web::current_fragment;

struct Mounted {
    host: Element,
    /// The element the app renders into, a child of `host`. A fresh one per mount, so a
    /// replaced app can never render into the host again, even if yew had not yet rendered it.
    root: Element,
    app: AppHandle<Widget>,
    owns_url: bool,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// A crash's message: after a crash `embed.js` logs one line for the whole page, with the
/// panic's message in it when there is one. A build that aborts without running panic hooks
/// (`-Cpanic=immediate-abort`, the size build) has none to give, and carries neither the hook
/// nor `lastPanic` (`embed.js` then says what the trap says): there they were only bytes.
#[cfg(not(panic = "immediate-abort"))]
mod last_panic {
    use std::cell::RefCell;

    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The message of the last panic, for `embed.js` to put in its one console line.
        static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// Replaces yew's default panic hook (which logs the panic to the console itself) with one
    /// that only keeps the message.
    pub(super) fn keep() {
        yew::set_custom_panic_hook(Box::new(|info| {
            let message = info.to_string().replace('\n', " ");
            let _ = LAST_PANIC
                .try_with(|last| last.try_borrow_mut().map(|mut last| *last = Some(message)));
        }));
    }

    /// The message of the last panic, if the panic hook could record one.
    #[wasm_bindgen(js_name = lastPanic)]
    pub fn last_panic() -> Option<String> {
        LAST_PANIC.with(|last| last.try_borrow().ok().and_then(|last| last.clone()))
    }
}

/// Reads the built-in content now, if no widget has yet (it is read once a page). `embed.js`
/// calls it in a task of its own before `mount`, and `start_page` likewise: the takeover comes in
/// slices, each short enough for the page to answer a tap between them (docs/performance.md,
/// "Taking over in slices").
#[wasm_bindgen]
pub fn prepare() {
    let _ = crate::content::built_in();
}

thread_local! {
    /// The standalone page's widget: a promise that `start_page` fulfils once it is mounted,
    /// and the function that fulfils it.
    static PAGE: RefCell<Option<(js_sys::Promise, Option<js_sys::Function>)>> = const { RefCell::new(None) };
}

/// Mounts the standalone page's widget into `host` (`src/main.rs`), in slices: the module's start
/// returns at once; the built-in content is read in the next task, the view taken over in the
/// one after. `pageReady()` says when it is done.
pub fn start_page(host: Element) {
    // Made now, so that `embed.js` finds it when the module's start has returned.
    let _ = page_ready();
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        prepare();
        gloo_timers::future::TimeoutFuture::new(0).await;
        mount(
            host,
            vec!["url-state".into(), String::new()],
            None,
            None,
            None,
        );
        let done = PAGE.with(|p| p.borrow_mut().as_mut().and_then(|(_, f)| f.take()));
        if let Some(done) = done {
            let _ = done.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
}

/// A promise fulfilled once the standalone page's widget is mounted (`start_page`); `embed.js`
/// waits for it before handing over what the reader did meanwhile.
#[wasm_bindgen(js_name = pageReady)]
pub fn page_ready() -> js_sys::Promise {
    PAGE.with(|p| {
        let mut p = p.borrow_mut();
        if let Some((promise, _)) = p.as_ref() {
            return promise.clone();
        }
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |f, _| resolve = Some(f));
        *p = Some((promise.clone(), resolve));
        promise
    })
}

/// Mounts a widget into `host`, replacing what it held (and any widget mounted there before).
///
/// - `options`: option names and values, flattened (`["roles", "cio,cmo", "theme", "dark"]`),
///   names as in the `data-*` attributes without `data-`.
/// - `content_json`: the author's content as text (JSON, or a table: see `content_format`);
///   `None` for the default content.
/// - `load_error`: why the author's content could not be loaded, shown instead of the widget.
/// - `content_format`: `"table"` when the content is CSV or TSV (`embed.js` tells by the file's
///   name or media type); anything else, or none, is JSON.
///
/// Returns whether this widget owns the URL fragment.
#[wasm_bindgen]
pub fn mount(
    host: Element,
    options: Vec<String>,
    content_json: Option<String>,
    load_error: Option<String>,
    content_format: Option<String>,
) -> bool {
    #[cfg(not(panic = "immediate-abort"))]
    last_panic::keep();
    unmount(&host);
    let pairs: Vec<(&str, &str)> = options
        .chunks(2)
        .map(|pair| (pair[0].as_str(), pair.get(1).map_or("", String::as_str)))
        .collect();
    let content = match (&load_error, content_json.as_deref()) {
        (None, Some(table)) if content_format.as_deref() == Some("table") => {
            match crate::content::parse_table(table) {
                Ok(content) => Loaded::Ready(SharedContent::new(content)),
                Err(errors) => Loaded::Failed(Rc::new(errors)),
            }
        }
        _ => Loaded::from_sources(content_json.as_deref(), load_error),
    };
    let mut props = WidgetProps::new(pairs.iter().copied(), content, None);
    // A `<role-compare>` element takes its options as attributes of their own names.
    if host.local_name() == "role-compare" {
        props.option_problems = as_element_attributes(&props.option_problems).into();
    }
    let owns_url =
        props.options.url_state && MOUNTED.with(|m| !m.borrow().iter().any(|w| w.owns_url));
    if owns_url {
        props.fragment = Some(current_fragment().into());
    }
    // A pre-rendered view of these very props is kept: Yew hydrates it, attaching the widget to
    // the DOM already there instead of building it again (issue 16: the rebuild was the
    // takeover's longest task, with the layout of the new DOM after it, and it lost the reader's
    // focus). Anything else (other options, the author's content, a link to a filtered view) is
    // replaced, since the hydration must meet exactly the DOM the live widget renders.
    let (root, app) =
        if let Some(root) = hydratable_view(&host, &pairs, &props, content_json.is_none()) {
            let _ = root.remove_attribute("data-prerendered");
            let _ = root.remove_attribute(HYDRATE_ATTRIBUTE);
            let _ = root.remove_attribute(SHAPE_ATTRIBUTE);
            let app = yew::Renderer::<Widget>::with_root_and_props(root.clone(), props).hydrate();
            (root, app)
        } else {
            let Some(root) = host
                .owner_document()
                .and_then(|d| d.create_element("div").ok())
            else {
                return false;
            };
            root.set_class_name("rc-mount");
            host.replace_children_with_node_1(&root);
            let app = yew::Renderer::<Widget>::with_root_and_props(root.clone(), props).render();
            (root, app)
        };
    // One record for both ways in (written once: 49 B brotli less in the nightly size build's
    // wasm than a push in each branch, 127 B in the stable build's, measured).
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            host,
            root,
            app,
            owns_url,
        })
    });
    owns_url
}

/// The pre-rendered view in `host` that a widget with these options and props may hydrate: one
/// marked as rendered with the same options (`prerender::hydration_key`), the built-in content
/// (and no problem loading the author's), and no URL fragment to apply.
fn hydratable_view(
    host: &Element,
    pairs: &[(&str, &str)],
    props: &WidgetProps,
    built_in_content: bool,
) -> Option<Element> {
    let view = host
        .query_selector(":scope > .rc-mount[data-prerendered]")
        .ok()
        .flatten()?;
    let key = view.get_attribute(HYDRATE_ATTRIBUTE)?;
    let same = built_in_content
        && matches!(props.content, Loaded::Ready(_))
        && props.fragment.as_deref().is_none_or(str::is_empty)
        && key == hydration_key(pairs.iter().copied());
    // As the build wrote it: its elements all there, none added, its first mark in place.
    let intact = || {
        let elements = view.get_elements_by_tag_name("*").length().to_string();
        let marked = view.first_child().is_some_and(|first| {
            first.node_type() == web_sys::Node::COMMENT_NODE
                && first
                    .node_value()
                    .is_some_and(|mark| mark.starts_with("<["))
        });
        marked && view.get_attribute(SHAPE_ATTRIBUTE).as_deref() == Some(elements.as_str())
    };
    (same && intact()).then_some(view)
}

/// Removes the widget mounted in `host`, if any. Returns whether there was one.
#[wasm_bindgen]
pub fn unmount(host: &Element) -> bool {
    let found = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let at = mounted.iter().position(|w| w.host == *host)?;
        Some(mounted.swap_remove(at))
    });
    match found {
        Some(widget) => {
            widget.app.destroy();
            widget.root.remove();
            true
        }
        None => false,
    }
}

/// Test-only: panics, as a bug in the widget would, so that the end-to-end tests can check that
/// a crash is shown (`embed.js`). It does nothing unless the page opted in with a
/// `data-rc-test-crash` attribute on its `<html>` element; no page of the site does. In a release
/// build the panic aborts: the wasm traps, whatever the panic settings.
#[wasm_bindgen(js_name = testCrash)]
pub fn test_crash() {
    let opted_in = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|html| html.has_attribute("data-rc-test-crash"));
    if opted_in {
        panic!("deliberate crash (test only)");
    }
}
