//! The view: one component a file. Components receive data and callbacks; every rule about what
//! to show lives in `filter`, `url_state` and `state`. Each renders natively too (tests, and the
//! build-time pre-render to come), so browser APIs are touched only inside effects.

mod active_filters;
mod comparison;
mod content_error_box;
mod duty_item;
mod filter_bar;
mod focus_map;
mod perspectives;
mod role_column;
mod role_columns;
mod search_box;
mod share_bar;
mod status_line;
mod toggle_group;
mod topic_table;
mod widget;

use yew::{html, Html, MouseEvent};

pub use active_filters::{ActiveFilters, ActiveFiltersProps};
pub use comparison::{Comparison, ComparisonProps};
pub use content_error_box::{ContentErrorBox, ContentErrorBoxProps};
pub use duty_item::{DutyItem, DutyItemProps};
pub use filter_bar::{FilterBar, FilterBarProps};
pub use focus_map::{FocusMap, FocusMapProps};
pub use perspectives::{Perspectives, PerspectivesProps};
pub use role_column::{RoleColumn, RoleColumnProps, DUTIES_PER_PAGE};
pub use role_columns::{RoleColumns, RoleColumnsProps};
pub use search_box::{SearchBox, SearchBoxProps};
pub use share_bar::{ShareBar, ShareBarProps};
pub use status_line::{StatusLine, StatusLineProps};
pub use toggle_group::{ToggleGroup, ToggleGroupProps, ToggleItem};
pub use topic_table::{TopicRowProps, TopicRowView, TopicTable, TopicTableProps};
pub use widget::{Loaded, Widget, WidgetProps};

/// The element name for a heading `level` levels deep (clamped to h2..h6; h1 belongs to the page).
pub(crate) fn heading_tag(level: u8) -> &'static str {
    match level {
        0..=2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}

/// A line's label with the words after the first in a span of their own (`rc-label-rest`), which
/// a phone-sized widget leaves out: "Top line" shows "▲ Top" in its toolbar and on its cards.
/// Screen readers hear them all.
pub(crate) fn short_label(label: &str) -> Html {
    match label.split_once(' ') {
        Some((first, rest)) => {
            html! { <>{ first }<span class="rc-label-rest">{ " " }{ rest }</span></> }
        }
        None => html! { { label } },
    }
}

/// After "Clear filters" the button that was clicked becomes disabled (or, in the empty view,
/// goes away), and the browser would drop the keyboard focus to the page's `<body>`. It goes to
/// the widget's search field instead; failing that (hidden, or folded away in a phone-sized
/// widget), to the first filter toggle, then to the "Filters" button.
pub(crate) fn focus_after_clear(event: &MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some(root) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest(".rc").ok().flatten())
    else {
        return;
    };
    let document = root.owner_document();
    for selector in [
        "input[type=\"search\"]",
        "button[data-filter]:not([disabled])",
        "[data-action=\"filters\"]",
    ] {
        let Some(el) = root
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        // Focus is a courtesy: an element the browser will not focus is simply passed over.
        let _ = el.focus();
        let landed = document
            .as_ref()
            .and_then(web_sys::Document::active_element)
            .is_some_and(|active| active == *el);
        if landed {
            return;
        }
    }
}
