//! The builder, `builder.html`: an author's spreadsheet (or content file) in, the live widget
//! beside it, the snippets and content files out. Its own wasm binary (`src/bin/builder.rs`):
//! nothing here reaches the widget's wasm, which links only what `mount` and the standalone
//! page use.
//!
//! - `draft`: the author's work, read by the widget's own readers and validator; templates;
//! - `kept`: what a table cannot hold, kept beside it when the author starts from a content file;
//! - `options`: the embed's options as the controls set them;
//! - `snippet`: the results, one form for each way of publishing;
//! - `state`: the state and the author's actions;
//! - `app`: the view; `web`: the browser side.

pub mod app;
pub mod draft;
pub mod kept;
pub mod options;
pub mod snippet;
pub mod state;
pub mod web;

pub use app::{Builder, BuilderProps};
