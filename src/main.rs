//! The standalone page: mounts the widget, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    role_compare::mount::mount_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("role-compare runs in the browser: `make serve` builds and serves it.");
}
