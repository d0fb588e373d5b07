//! Where the build-time pre-render (`src/bin/prerender.rs`) puts the rendered view into a page:
//! pure string work, tested natively.

/// The class of the element `mount` renders each widget into, inside the host element.
pub const MOUNT_CLASS: &str = "rc-mount";

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

/// `html` with `view` (made by [`wrap`]) as the new content of the element whose start tag ends
/// in `marker` (e.g. `id="rc-frame">`): what stood inside it (a "Loading" line) is replaced, or
/// the view of an earlier run, so running twice gives the same page.
pub fn insert(html: &str, marker: &str, view: &str) -> Result<String, String> {
    if let (Some(start), Some(end)) = (html.find(START), html.find(END)) {
        if start < end {
            return Ok([&html[..start], view, &html[end + END.len()..]].concat());
        }
    }
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
    Ok([&html[..start], view, &html[start + length..]].concat())
}
