//! Where the build-time pre-render (`src/bin/prerender.rs`) puts the rendered view into a page:
//! pure string work, tested natively.

/// The class of the element `mount` renders each widget into, inside the host element.
pub const MOUNT_CLASS: &str = "rc-mount";

/// The rendered widget as `mount` leaves it: inside a `div.rc-mount`, marked as pre-rendered so
/// that scripts and styles can tell it from a live widget.
pub fn wrap(widget_html: &str) -> String {
    [
        "<div class=\"",
        MOUNT_CLASS,
        "\" data-prerendered>",
        widget_html,
        "</div>",
    ]
    .concat()
}

/// `html` with `view` as the new content of the element whose start tag ends in `marker`
/// (e.g. `id="rc-frame">`): what stood inside it up to its end tag is replaced, except a
/// `<noscript>` note, which is dropped too since the view itself works without scripts.
pub fn insert(html: &str, marker: &str, view: &str) -> Result<String, String> {
    let Some(at) = html.find(marker) else {
        return Err(["no element ending in ", marker, " to pre-render into"].concat());
    };
    if html[at + marker.len()..].contains(marker) {
        return Err(["more than one element ending in ", marker].concat());
    }
    let start = at + marker.len();
    // The host elements hold no element of their own kind, so the first `</div>` closes them.
    let Some(length) = html[start..].find("</div>") else {
        return Err(["the element ending in ", marker, " is not closed"].concat());
    };
    let inner = &html[start..start + length];
    if inner.contains(MOUNT_CLASS) {
        return Err("the page is pre-rendered already".into());
    }
    Ok([&html[..start], view, &html[start + length..]].concat())
}
