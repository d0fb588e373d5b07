//! The builder page's wasm (`builder.html`): mounts the builder with the draft this browser
//! kept, nothing else. A binary of its own, so that the widget's wasm carries none of it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use role_compare::builder::draft::{Draft, STORAGE_KEY};
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("builder"));
    let draft = role_compare::builder::web::load(STORAGE_KEY)
        .and_then(|stored| Draft::from_storage(&stored))
        .unwrap_or_else(Draft::empty_table);
    if let Some(host) = host {
        let props = role_compare::builder::BuilderProps {
            draft: std::rc::Rc::new(draft),
        };
        yew::Renderer::<role_compare::builder::Builder>::with_root_and_props(host, props).render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The builder runs in the browser: `make serve` builds it, at builder.html.");
}
