//! The view: one component a file. Components receive data and callbacks; every rule about what
//! to show lives in `filter`, `url_state` and `state`. Each renders natively too (tests, and the
//! build-time pre-render to come), so browser APIs are touched only inside effects.

mod comparison;
mod content_error_box;
mod duty_item;
mod filter_bar;
mod role_column;
mod search_box;
mod status_line;
mod toggle_group;
mod widget;

pub use comparison::{Comparison, ComparisonProps};
pub use content_error_box::{ContentErrorBox, ContentErrorBoxProps};
pub use duty_item::{DutyItem, DutyItemProps};
pub use filter_bar::{FilterBar, FilterBarProps};
pub use role_column::{RoleColumn, RoleColumnProps};
pub use search_box::{SearchBox, SearchBoxProps};
pub use status_line::{StatusLine, StatusLineProps};
pub use toggle_group::{ToggleGroup, ToggleGroupProps, ToggleItem};
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
