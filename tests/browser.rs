//! The widget in a real browser (headless Chromium via wasm-bindgen-test-runner): clicks change
//! what is shown, the counts and the status line, and the URL fragment follows.
#![cfg(target_arch = "wasm32")]

use role_compare::components::{Comparison, ComparisonProps};
use role_compare::content::default_content;
use role_compare::model::SharedContent;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a widget into a fresh element; `owns_url` makes it read and write the fragment.
fn mount(owns_url: bool) -> Element {
    let host = host();
    let props = ComparisonProps {
        fragment: owns_url.then(|| "".into()),
        ..ComparisonProps::new(SharedContent::new(default_content()))
    };
    yew::Renderer::<Comparison>::with_root_and_props(host.clone(), props).render();
    host
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("selector")
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn click(root: &Element, selector: &str) {
    one(root, selector)
        .dyn_into::<HtmlElement>()
        .expect("html element")
        .click();
}

/// The page's URL fragment, with its `#`.
fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Resolves on the next animation frame, after the browser has dispatched scroll events.
async fn wait_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("a window")
            .request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the widget has followed a click: its link is written once the click's frame is
/// painted (`use_url_sync` in src/web.rs), in a task after it, as is the view on a touch screen
/// (`State::shown` in src/state.rs). So: yew's render of the click, whose effect asks for that
/// frame (yew may finish a render in a later task: it yields to the browser every 16 ms), then
/// two frames, a task, and yew's render of what followed.
async fn painted() {
    yew::scheduler::flush().await;
    wait_frame().await;
    wait_frame().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

fn text(root: &Element, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn clicking_a_focus_filter_changes_duties_counts_status_and_url() {
    let root = mount(true);
    yew::scheduler::flush().await;

    let before = all(&root, "[data-duty]:not([hidden])").len();
    assert!(
        before >= 24,
        "three columns of at least 8 duties, got {before}"
    );
    let status_before = text(&root, "[role=status]");
    assert!(status_before.starts_with(&format!("{before} of {before} duties")));

    click(&root, "[data-filter='focus:internal']");
    yew::scheduler::flush().await;
    // With a mouse the duties, counts and status follow in the click's own render (on a touch
    // screen a frame later: tests/e2e/phone.test.mjs); the link once its frame is painted.
    let button = one(&root, "[data-filter='focus:internal']");
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert!(
        one(&root, ".rc-view").get_attribute("aria-busy").is_none(),
        "not waiting for a frame"
    );
    let shown = all(&root, "[data-duty]:not([hidden])");
    assert!(!shown.is_empty() && shown.len() < before);
    // Shown and hidden, not rebuilt: the cards that no longer match stay, hidden.
    assert_eq!(all(&root, "[data-duty]").len(), before);
    assert!(shown
        .iter()
        .all(|d| d.get_attribute("data-focus").as_deref() == Some("internal")));
    let status = text(&root, "[role=status]");
    assert!(
        status.starts_with(&format!("{} of {before} duties", shown.len())),
        "{status}"
    );

    // The line:top count now answers "internal and top line".
    let top = shown
        .iter()
        .filter(|d| d.get_attribute("data-line").as_deref() == Some("top"))
        .count();
    assert_eq!(
        text(&root, "[data-filter='line:top'] .rc-toggle-count"),
        top.to_string()
    );

    assert_ne!(hash(), "#focus=internal", "the link waits for the frame");
    painted().await;
    assert_eq!(hash(), "#focus=internal");

    // Clicking again restores everything and clears the fragment.
    click(&root, "[data-filter='focus:internal']");
    painted().await;
    assert_eq!(all(&root, "[data-duty]:not([hidden])").len(), before);
    assert_eq!(hash(), "");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_widget_without_the_url_keeps_its_state_in_memory() {
    let root = mount(false);
    yew::scheduler::flush().await;
    click(&root, "[data-filter='line:bottom']");
    painted().await;
    assert!(all(&root, "[data-duty]:not([hidden])")
        .iter()
        .all(|d| d.get_attribute("data-line").as_deref() == Some("bottom")));
    assert_eq!(hash(), "");
    root.remove();
}

#[wasm_bindgen_test]
async fn more_filters_draws_topics_and_the_map_and_a_chip_removes_its_filter() {
    let root = mount(false);
    yew::scheduler::flush().await;
    assert!(all(&root, "[data-filter^='topic:']").is_empty(), "folded");
    click(&root, "[data-action='filters']");
    painted().await;
    assert_eq!(
        one(&root, "[data-action='filters']")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(all(&root, "[data-cell]").len(), 4, "the focus map");
    click(&root, "[data-filter='topic:vendors']");
    painted().await;
    let vendors = all(&root, "[data-duty]:not([hidden])").len();
    assert!(vendors > 0);
    assert!(text(&root, "[role=status]").starts_with(&format!("{vendors} of ")));
    // The chip says what narrows the view, and takes it away again.
    assert_eq!(
        text(&root, "[data-remove='topic:vendors']"),
        "Remove the filter Vendors"
    );
    click(&root, "[data-remove='topic:vendors']");
    painted().await;
    assert!(all(&root, "[data-duty]:not([hidden])").len() > vendors);
    assert!(
        all(&root, ".rc-chips").is_empty(),
        "no filter left, no chips"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_role_bar_follows_the_strip_sideways() {
    // The widget's stylesheet, for the strip's sideways scrolling.
    let style = document().create_element("style").expect("style");
    // (Scrolled at once, not smoothly, so that the test reads where it went.)
    let css = [
        include_str!("../styles/role-compare.css"),
        ".rc .rc-columns { scroll-behavior: auto !important; }",
    ]
    .concat();
    style.set_text_content(Some(&css));
    document()
        .head()
        .expect("head")
        .append_child(&style)
        .expect("append");
    let root = host();
    root.set_class_name("rc");
    // A tablet-sized widget (on a phone the roles stack): four roles, three in view and the
    // fourth a swipe away.
    root.set_attribute("style", "width: 700px; font-size: 16px")
        .expect("style");
    let mut props = ComparisonProps::new(SharedContent::new(default_content()));
    props.base.roles = ["cio", "cto", "cmo", "ciso"].map(String::from).to_vec();
    yew::Renderer::<Comparison>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let strip = one(&root, ".rc-columns");
    let bar = one(&root, ".rc-rolebar");
    strip.set_scroll_left(80);
    let strip_left = strip.scroll_left();
    assert!(strip_left > 0, "the strip scrolls sideways at this width");
    // The scroll event is dispatched before the next frame.
    wait_frame().await;
    assert_eq!(bar.scroll_left(), strip_left);
    root.remove();
    style.remove();
}

#[wasm_bindgen_test]
async fn showing_an_optional_role_adds_its_column() {
    let root = mount(false);
    yew::scheduler::flush().await;
    assert!(all(&root, "[data-role='ciso']").is_empty());
    click(&root, "[data-filter='roles:ciso']");
    painted().await;
    assert_eq!(all(&root, "[data-role='ciso']").len(), 1);
    assert!(text(&root, "[role=status]").contains("CISO"));
    root.remove();
}

/// A new element attached to the page.
fn host() -> Element {
    let host = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

fn options(pairs: &[&str]) -> Vec<String> {
    pairs.iter().map(|s| s.to_string()).collect()
}

#[wasm_bindgen_test]
async fn widgets_mounted_side_by_side_keep_their_own_state() {
    use role_compare::mount::{mount, unmount};
    let a = host();
    let b = host();
    mount(a.clone(), options(&["roles", "cio,cmo"]), None, None, None);
    mount(b.clone(), options(&["roles", "cto"]), None, None, None);
    yew::scheduler::flush().await;
    assert_eq!(all(&a, "[data-role]").len(), 2);
    assert_eq!(all(&b, "[data-role]").len(), 1);
    let b_before = all(&b, "[data-duty]:not([hidden])").len();

    click(&a, "[data-filter='focus:external']");
    painted().await;
    assert!(all(&a, "[data-duty]:not([hidden])")
        .iter()
        .all(|d| d.get_attribute("data-focus").as_deref() == Some("external")));
    assert_eq!(
        all(&b, "[data-duty]:not([hidden])").len(),
        b_before,
        "b is untouched"
    );

    assert!(unmount(&a));
    assert!(!unmount(&a), "already gone");
    assert!(unmount(&b));
    yew::scheduler::flush().await;
    assert!(all(&a, "[data-duty]:not([hidden])").is_empty());
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
async fn only_the_first_widget_asking_for_the_url_gets_it() {
    use role_compare::mount::{mount, unmount};
    let a = host();
    let b = host();
    assert!(mount(
        a.clone(),
        options(&["url-state", ""]),
        None,
        None,
        None
    ));
    assert!(!mount(
        b.clone(),
        options(&["url-state", ""]),
        None,
        None,
        None
    ));
    // Once the owner is gone, the next one may own it.
    assert!(unmount(&a));
    assert!(mount(
        b.clone(),
        options(&["url-state", ""]),
        None,
        None,
        None
    ));
    assert!(unmount(&b));
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
async fn a_table_as_content_shows_and_its_problems_name_their_cells() {
    use role_compare::mount::{mount, unmount};
    let good = host();
    let broken = host();
    let table = "role,text,focus,line,topics,source\n\
                 CDO,Owns the data strategy.,internal,bottom,Data,Survey\n\
                 CFO,Keeps the books.,internal,bottom,Finance,Survey\n";
    mount(
        good.clone(),
        vec![],
        Some(table.into()),
        None,
        Some("table".into()),
    );
    mount(
        broken.clone(),
        vec![],
        Some(table.replace("internal,bottom,Finance", "intern,bottom,Finance")),
        None,
        Some("table".into()),
    );
    yew::scheduler::flush().await;
    assert_eq!(
        all(&good, "[data-role='cdo'] [data-duty]:not([hidden])").len(),
        1
    );
    assert_eq!(
        all(&good, "[data-role='cfo'] [data-duty]:not([hidden])").len(),
        1
    );
    let error = text(&broken, ".rc-error");
    assert!(
        error.contains("row 3, column C (focus): 'intern' is neither internal nor external"),
        "{error}"
    );
    assert!(unmount(&good) && unmount(&broken));
    good.remove();
    broken.remove();
}

#[wasm_bindgen_test]
async fn author_content_shows_and_broken_content_explains_itself_in_its_box() {
    use role_compare::mount::{mount, unmount};
    let good = host();
    let broken = host();
    let failed = host();
    let garbled = host();
    mount(
        good.clone(),
        vec![],
        Some(include_str!("fixtures/custom-valid.json").to_string()),
        None,
        None,
    );
    mount(
        broken.clone(),
        vec![],
        Some(include_str!("fixtures/broken-focus.json").to_string()),
        None,
        None,
    );
    mount(
        garbled.clone(),
        vec![],
        Some("{\n  \"version\": 1\n  \"sources\": []\n}".into()),
        None,
        None,
    );
    mount(
        failed.clone(),
        vec![],
        None,
        Some("could not load the content from x.json: HTTP 404".into()),
        None,
    );
    yew::scheduler::flush().await;
    assert!(!all(&good, "[data-duty]:not([hidden])").is_empty());
    assert!(all(&good, "[data-role='cio']").len() <= 1);
    let error = text(&broken, ".rc-error");
    assert!(
        error.contains(
            "duties[3].focus: unknown variant `inside`, expected `internal` or `external` (line 69, column 23)"
        ),
        "{error}"
    );
    let error = text(&garbled, ".rc-error");
    assert!(
        error.contains("invalid JSON at line 3, column 3: expected `,` or `}`"),
        "{error}"
    );
    assert!(all(&garbled, "[data-duty]:not([hidden])").is_empty());
    assert!(all(&broken, "[data-duty]:not([hidden])").is_empty());
    assert!(text(&failed, ".rc-error").contains("HTTP 404"));
    for h in [&good, &broken, &garbled, &failed] {
        unmount(h);
        h.remove();
    }
}

#[wasm_bindgen_test]
async fn mounting_twice_in_a_row_leaves_one_widget_the_last() {
    use role_compare::mount::{mount, unmount};
    let h = host();
    mount(h.clone(), options(&["roles", "cmo"]), None, None, None);
    // Before yew rendered the first app at all.
    mount(h.clone(), options(&["roles", "cio"]), None, None, None);
    yew::scheduler::flush().await;
    assert_eq!(all(&h, ".rc").len(), 1);
    let roles: Vec<String> = all(&h, "[data-role]")
        .iter()
        .filter_map(|c| c.get_attribute("data-role"))
        .collect();
    assert_eq!(roles, ["cio"]);
    assert!(unmount(&h));
    assert_eq!(
        h.child_element_count(),
        0,
        "unmount empties the host at once"
    );
    h.remove();
}
