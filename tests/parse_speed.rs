//! A benchmark, not a test: how long the wasm takes to read content files, the built-in one and
//! a generated one of 1,000 duties, in headless Chromium. It prints figures and asserts nothing
//! about time (these machines are shared). Run it optimised, as the site is built:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown --test parse_speed -- --nocapture`
//! The figures of the two readers measured for the choice of serde_json are in
//! docs/performance.md, "Reading content".
#![cfg(target_arch = "wasm32")]

use role_compare::content::{parse_content, to_json, BUILT_IN_JSON};
use role_compare::model::Content;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The median of `runs` readings of `text`, in milliseconds.
fn median_ms(text: &str, runs: usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now();
            let read = parse_content(text);
            let took = now() - start;
            assert!(read.is_ok(), "{:?}", read.err());
            took
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// The built-in content with its duties copied until there are `count`, ids made unique.
fn generated(count: usize) -> String {
    let base = parse_content(BUILT_IN_JSON).expect("built-in content");
    let mut content: Content = base.clone();
    content.duties = (0..count)
        .map(|i| {
            let mut duty = base.duties[i % base.duties.len()].clone();
            duty.id = format!("{}-{i}", duty.id);
            duty.links.clear();
            duty
        })
        .collect();
    to_json(&content)
}

#[wasm_bindgen_test]
fn reading_speed() {
    let thousand = generated(1000);
    web_sys::console::log_1(
        &format!(
            "parse_speed: built-in ({} bytes) {:.2} ms; 1,000 duties ({} bytes) {:.2} ms (median of 21)",
            BUILT_IN_JSON.len(),
            median_ms(BUILT_IN_JSON, 21),
            thousand.len(),
            median_ms(&thousand, 21)
        )
        .into(),
    );
}
