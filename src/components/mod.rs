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

use yew::{classes, html, Html, MouseEvent};

use crate::model::Line;

pub use active_filters::{active_filters, ActiveFiltersProps};
pub use comparison::{Comparison, ComparisonProps};
pub use content_error_box::content_error_box;
pub use duty_item::{duty_item, DutyItemProps};
pub use filter_bar::{FilterBar, FilterBarProps};
pub use focus_map::{focus_map, FocusMapProps};
pub use perspectives::{Perspectives, PerspectivesProps};
pub use role_column::{RoleColumn, RoleColumnProps, DUTIES_PER_PAGE};
pub use role_columns::{role_columns, RoleColumnsProps};
pub use search_box::{search_box, SearchBoxProps};
pub use share_bar::{ShareBar, ShareBarProps};
pub use status_line::{status_line, StatusLineProps};
pub use toggle_group::{toggle_group, ToggleGroupProps, ToggleItem};
pub use topic_table::{topic_table, TopicRowProps, TopicRowView, TopicTableProps};
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

/// A line's label: "Top line" with its symbol (from the stylesheet, by the class) and its word
/// "line" in a span of its own (`rc-label-rest`), which a narrow widget hides from sight: "▲ Top"
/// on a phone's cards. Screen readers hear the words, not the symbol. `class` adds the caller's.
pub(crate) fn line_label(line: Line, class: Option<&'static str>) -> Html {
    let (first, modifier) = match line {
        Line::Top => ("Top", "rc-line--top"),
        Line::Bottom => ("Bottom", "rc-line--bottom"),
    };
    html! {
        <span class={classes!(class, "rc-line", modifier)}>{ first }<span class="rc-label-rest">{ " line" }</span></span>
    }
}

/// Where the keyboard focus goes after "Clear filters": the button that was clicked goes away,
/// and the browser would drop the focus to the page's `<body>`. It goes to the widget's search
/// field instead; failing that (hidden, or folded away in a phone-sized widget), to the first
/// filter toggle, then to the "Filters" button.
pub(crate) const AFTER_CLEAR: [&str; 3] = [
    "input[type=\"search\"]",
    "button[data-filter]:not([disabled])",
    "[data-action=\"filters\"]",
];

/// Moves the keyboard focus, after a click that removes the clicked button, to the first of
/// `selectors` in the widget that takes it.
pub(crate) fn focus_first(event: &MouseEvent, selectors: &[&str]) {
    use wasm_bindgen::JsCast;
    let Some(root) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.closest(".rc").ok().flatten())
    else {
        return;
    };
    let document = root.owner_document();
    for &selector in selectors {
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
