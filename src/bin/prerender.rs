//! The build-time pre-render: writes the widget's default view into the built pages, so the
//! duties are on screen before any wasm has loaded, and readers without JavaScript, feed readers
//! and search engines get the whole comparison. The wasm then renders the same view over it
//! (the props come from the same [`WidgetProps::new`] as in the browser, so nothing moves).
//!
//! Run by Trunk after each build (`Trunk.toml`, post_build hook), on `$TRUNK_STAGING_DIR`:
//! - `index.html`: the standalone page's widget (it owns the URL), into `[data-role-compare-page]`;
//! - `embed.html`: the iframe page's widget with no options, into `#rc-frame`;
//! - `blog.html`: the example article's two widgets of the built-in content, with their options;
//! - `snippet.html`: the script embed for blog authors with the default view inside it, pointing
//!   at the release's versioned folder with integrity hashes (from `release.json`).
//!
//! Usage: `cargo run --bin prerender -- [dir]` (default: `$TRUNK_STAGING_DIR`, else `dist`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".into());
    /// A widget in a page: the end of its host element's start tag, and its options as
    /// `embed.js` (or `src/main.rs`) passes them, so that the wasm hydrates the view.
    type Host<'a> = (&'a str, &'a [(&'a str, &'a str)]);
    let pages: [(&str, &[Host]); 3] = [
        (
            "index.html",
            &[("data-role-compare-page>", &[("url-state", "")])],
        ),
        ("embed.html", &[("id=\"rc-frame\">", &[])]),
        // The example article: its two widgets of the built-in content (the third has the
        // author's own, and stays a script embed).
        (
            "blog.html",
            &[
                (
                    "data-roles=\"cio,cmo\" data-focus=\"external\" data-heading-level=\"3\">",
                    &[
                        ("roles", "cio,cmo"),
                        ("focus", "external"),
                        ("heading-level", "3"),
                    ],
                ),
                (
                    "data-roles=\"cio,cto\" data-facets=\"focus,line\" data-compact data-heading-level=\"3\">",
                    &[
                        ("roles", "cio,cto"),
                        ("facets", "focus,line"),
                        ("compact", ""),
                        ("heading-level", "3"),
                    ],
                ),
            ],
        ),
    ];
    for (file, hosts) in pages {
        let path = std::path::Path::new(&dir).join(file);
        let result = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|html| {
                hosts.iter().try_fold(html, |html, (marker, options)| {
                    role_compare::prerender::insert(&html, marker, &render(options))
                })
            })
            .and_then(|html| std::fs::write(&path, html).map_err(|e| e.to_string()));
        if let Err(problem) = result {
            eprintln!("prerender: {}: {problem}", path.display());
            return ExitCode::FAILURE;
        }
        println!("prerender: {} holds its pre-rendered views", path.display());
    }
    // The snippet form for blog authors: the script embed with the default view inside the
    // element, so it shows before (and without) the wasm (docs/embedding.md, "Pre-rendered
    // snippets"), made as the share bar's "Embed this view" makes it: the stylesheet first, so
    // the view is styled as it arrives, and both files from the release's folder, with their
    // integrity (from release.json, which scripts/postbuild.mjs writes before it runs this).
    let release = std::fs::read_to_string(std::path::Path::new(&dir).join("release.json"))
        .map_err(|e| e.to_string())
        .and_then(|json| role_compare::release::Release::from_json(&json))
        .map(|release| {
            role_compare::release::Pinned::new("https://example.org/role-compare/", release)
        });
    let release = match release {
        Ok(release) => release,
        Err(problem) => {
            eprintln!("prerender: {dir}/release.json: {problem}");
            return ExitCode::FAILURE;
        }
    };
    let snippet = role_compare::export::script_snippet(&release, &[], None, &render(&[]));
    let path = std::path::Path::new(&dir).join("snippet.html");
    if let Err(e) = std::fs::write(&path, snippet) {
        eprintln!("prerender: {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    println!("prerender: {} written", path.display());
    ExitCode::SUCCESS
}

/// The widget's HTML for these options and the built-in content, wrapped as `mount` wraps it and
/// marked for hydration by a widget mounted with the same options.
#[cfg(not(target_arch = "wasm32"))]
fn render(options: &[(&str, &str)]) -> String {
    use role_compare::components::{Loaded, Widget, WidgetProps};

    let props = WidgetProps::new(
        options.iter().copied(),
        Loaded::from_sources(None, None),
        // The page's URL is not known at build time: the view of a link without filters.
        options
            .iter()
            .any(|(name, _)| *name == "url-state")
            .then(|| "".into()),
    );
    // Hydratable: the wasm keeps this DOM rather than rebuilding it (issue 16, `mount`).
    let renderer = yew::LocalServerRenderer::<Widget>::with_props(props).hydratable(true);
    let html = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime.block_on(renderer.render()),
        Err(e) => {
            eprintln!("prerender: no async runtime: {e}");
            std::process::exit(1);
        }
    };
    role_compare::prerender::wrap_hydratable(
        &html,
        &role_compare::prerender::hydration_key(options.iter().copied()),
    )
}

#[cfg(target_arch = "wasm32")]
fn main() {}
