//! The wasm entry points: mounting the widget into the standalone page.

use std::rc::Rc;

use crate::components::{Comparison, ComparisonProps, ContentErrorBox, ContentErrorBoxProps};
use crate::content::{default_content, validate};
use crate::filter::Query;
use crate::web::current_fragment;

/// Mounts the widget with the default content into `#role-compare` (the standalone page). The
/// widget owns the URL fragment there.
pub fn mount_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("role-compare") else {
        return;
    };
    let content = default_content();
    if let Err(errors) = validate(&content) {
        yew::Renderer::<ContentErrorBox>::with_root_and_props(
            root,
            ContentErrorBoxProps {
                errors: Rc::new(errors),
            },
        )
        .render();
        return;
    }
    let base = Query::initial(&content);
    let props = ComparisonProps {
        content: Rc::new(content),
        base,
        fragment: Some(current_fragment().into()),
        heading_level: 2,
    };
    yew::Renderer::<Comparison>::with_root_and_props(root, props).render();
}
