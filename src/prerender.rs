//! Where the build-time pre-render (`src/bin/prerender.rs`) puts the rendered view into a page,
//! and how `mount` tells a view it may hydrate (keep, issue 16) from one it must replace: pure
//! string work, tested natively.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// The class of the element `mount` renders each widget into, inside the host element.
pub const MOUNT_CLASS: &str = "rc-mount";

/// The attribute of a pre-rendered view that `mount` may hydrate: the options it was rendered
/// with (see [`hydration_key`]). A view without it (the share bar's "Embed this view" copies the
/// live DOM, which has no hydration marks) is replaced.
pub const HYDRATE_ATTRIBUTE: &str = "data-rc-hydrate";

/// The attribute holding how many elements a hydratable view has. Yew's hydration stops the
/// wasm (a panic) on a DOM that is not the one it renders; a host page's script, a browser's
/// translation, or a cache plugin that strips HTML comments (the hydration's marks) can change
/// the pre-rendered DOM before the wasm arrives. `mount` hydrates only a view with as many
/// elements as the build wrote and its first mark in place, and replaces any other.
pub const SHAPE_ATTRIBUTE: &str = "data-rc-shape";

/// Comments around a pre-rendered view, so a later run finds and replaces it.
const START: &str = "<!--rc-prerendered-->";
const END: &str = "<!--/rc-prerendered-->";

/// The rendered widget as `mount` leaves it: inside a `div.rc-mount`, marked as pre-rendered so
/// that scripts and styles can tell it from a live widget.
pub fn wrap(widget_html: &str) -> String {
    [
        START,
        "<div class=\"",
        MOUNT_CLASS,
        "\" data-prerendered>",
        widget_html,
        "</div>",
        END,
    ]
    .concat()
}

/// A view rendered by Yew's server renderer with `hydratable(true)`, wrapped as [`wrap`] wraps
/// it and marked with the options it was rendered with (the content being the built-in one, and
/// the URL fragment empty): `mount` hydrates it when a widget mounts with the same, instead of
/// replacing it.
///
/// The renderer marks each component with comments; a debug build names the component in them
/// (`<!--<[role_compare::components::duty_item::DutyItem]>-->`), a release build does not, and
/// the hydration only reads the brackets. The names go, so that the page carries the same bytes
/// whichever profile ran the pre-render (the build runs it as a debug binary).
pub fn wrap_hydratable(widget_html: &str, key: &str) -> String {
    let html = strip_component_names(widget_html);
    [
        START,
        "<div class=\"",
        MOUNT_CLASS,
        "\" data-prerendered ",
        HYDRATE_ATTRIBUTE,
        "=\"",
        key,
        "\" ",
        SHAPE_ATTRIBUTE,
        "=\"",
        &count_elements(&html).to_string(),
        "\">",
        &html,
        "</div>",
        END,
    ]
    .concat()
}

/// The elements in `html` as Yew's server renderer writes it: its start tags, a `<` and a
/// letter (a `<` in text or in an attribute's value is written `&lt;`).
fn count_elements(html: &str) -> usize {
    html.as_bytes()
        .windows(2)
        .filter(|pair| pair[0] == b'<' && pair[1].is_ascii_alphabetic())
        .count()
}

/// The hydration key of a widget's options: this build's version, a space, then `name=value`
/// pairs sorted by name (the order of a
/// host element's attributes means nothing; pairs of one name keep theirs, the last one wins),
/// joined by `&`, with the characters that would make it ambiguous, or unfit for an HTML
/// attribute, percent-encoded. Empty for a widget with no options.
pub fn hydration_key<'a>(options: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    const KEY: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'%')
        .add(b'&')
        .add(b'\'')
        .add(b'<')
        .add(b'=')
        .add(b'>');
    let mut options: Vec<(&str, &str)> = options.into_iter().collect();
    // By name, pairs of one name in their order: an insertion sort, stable as `sort_by_key` is,
    // and quick for the handful of options a widget has. The standard library's stable sort
    // made for these pairs was 4.5 KB raw of the stable build's wasm: this saved 1,464 B brotli
    // there, 40 B in the nightly size build (whose standard library sorts small; measured,
    // wasm-opt -Oz, brotli -q 11).
    for i in 1..options.len() {
        let mut j = i;
        while j > 0 && options[j - 1].0 > options[j].0 {
            options.swap(j - 1, j);
            j -= 1;
        }
    }
    let pairs: Vec<String> = options
        .into_iter()
        .map(|(name, value)| {
            [
                utf8_percent_encode(name, KEY).to_string(),
                utf8_percent_encode(value, KEY).to_string(),
            ]
            .join("=")
        })
        .collect();
    [env!("CARGO_PKG_VERSION"), " ", &pairs.join("&")].concat()
}

/// `<!--<[any::Name]>-->` and `<!--</[any::Name]>-->` become `<!--<[]>-->` and `<!--</[]>-->`.
fn strip_component_names(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--<") {
        let (before, mark) = rest.split_at(at);
        out.push_str(before);
        let open = if mark.starts_with("<!--</[") {
            "<!--</["
        } else if mark.starts_with("<!--<[") {
            "<!--<["
        } else {
            out.push_str("<!--<");
            rest = &mark["<!--<".len()..];
            continue;
        };
        match mark.find("]>-->") {
            Some(end) if !mark[open.len()..end].contains("-->") => {
                out.push_str(open);
                out.push_str("]>-->");
                rest = &mark[end + "]>-->".len()..];
            }
            _ => {
                out.push_str(open);
                rest = &mark[open.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `html` with `view` (made by [`wrap`]) as the new content of the element whose start tag ends
/// in `marker` (e.g. `id="rc-frame">`): what stood inside it (a "Loading" line) is replaced, or
/// the view of an earlier run, so running twice gives the same page. A page may hold several
/// such elements, each with its own marker.
pub fn insert(html: &str, marker: &str, view: &str) -> Result<String, String> {
    let Some(at) = html.find(marker) else {
        return Err(["no element ending in ", marker, " to pre-render into"].concat());
    };
    if html[at + marker.len()..].contains(marker) {
        return Err(["more than one element ending in ", marker].concat());
    }
    let start = at + marker.len();
    let inside = &html[start..];
    // The view of an earlier run, from its start comment to its end comment.
    if inside.starts_with(START) {
        if let Some(end) = inside.find(END) {
            return Ok([&html[..start], view, &inside[end + END.len()..]].concat());
        }
    }
    // The host elements hold no element of their own kind, so the first `</div>` closes them.
    let Some(length) = inside.find("</div>") else {
        return Err(["the element ending in ", marker, " is not closed"].concat());
    };
    Ok([&html[..start], view, &inside[length..]].concat())
}
