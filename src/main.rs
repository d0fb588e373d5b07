//! The wasm binary's start: mounts the standalone page's widget (`data-role-compare-page`),
//! nothing else. Embeds mount
//! theirs through `embed.js`, which calls the library's `mount` for each.

#[cfg(target_arch = "wasm32")]
fn main() {
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-role-compare-page]").ok().flatten());
    if let Some(host) = host {
        role_compare::mount::mount(
            host,
            vec!["url-state".into(), String::new()],
            None,
            None,
            None,
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("role-compare runs in the browser: `make serve` builds and serves it.");
}
