//! role-compare: the duties of the CIO, CTO and CMO side by side, filtered in the browser.
//!
//! The data flows one way: content (`content`, `model`) -> query (`url_state`, `state`) ->
//! filter (`filter`) -> view (`components`). Only `web` touches browser APIs.

/// The builder page (`builder.html`), a second binary: not in the widget's wasm.
pub mod builder;
pub mod components;
pub mod content;
pub mod export;
pub mod filter;
pub mod model;
pub mod options;
pub mod prerender;
pub mod release;
pub mod state;
pub mod topics;
pub mod url_state;
/// URL sync. It compiles everywhere (effects never run in the server renderer).
pub mod web;

#[cfg(target_arch = "wasm32")]
pub mod mount;

/// The wasm's allocator: talc rather than the standard library's dlmalloc, for its size (see
/// Cargo.toml). The page runs the widget on one thread.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
