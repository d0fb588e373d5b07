//! The toolbar: one thin strip above the duties. Search, the roles, focus and line as small
//! segmented toggles with counts, and "More filters", which unfolds the topics, the overlap
//! and the focus map. The reader meets the comparison, not a form: the panel is drawn only
//! while it is open (fewer controls drawn, a smaller pre-rendered page), and the filters in use
//! show as removable chips under the toolbar (`ActiveFilters`) whether the panel is open or not.
//! In a phone-sized widget the toolbar is three short rows: the search and "More filters", the
//! roles, then focus and line, so that a reader's usual tasks take a tap or two (docs/design.md,
//! "Read on a phone"); the stylesheet decides by the widget's width.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    focus_map, search_box, toggle_group, FocusMapProps, SearchBoxProps, ToggleGroupProps,
    ToggleItem,
};
use crate::filter::{Facet, Outcome, Overlap, Query};
use crate::model::{Focus, Line, SharedContent};
use crate::options::Controls;

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub content: SharedContent,
    pub query: Query,
    pub outcome: Rc<Outcome>,
    /// Indices into `content.roles` offered as role toggles, in order.
    pub roles: Vec<usize>,
    /// Of those, the ones shown (the focus map counts their duties).
    pub shown: Vec<usize>,
    /// Which groups and fields show.
    pub controls: Controls,
    pub on_toggle: Callback<(Facet, AttrValue)>,
    pub on_cell: Callback<(Focus, Line)>,
    pub on_text: Callback<String>,
}

#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let content = &props.content;
    let query = &props.query;
    let item = |facet: Facet, value: &str, label: &str| ToggleItem {
        value: AttrValue::from(value.to_string()),
        label: AttrValue::from(label.to_string()),
        count: props.outcome.count(content, facet, value),
        pressed: query.is_pressed(facet, value),
    };
    let controls = props.controls;
    let has_links = content.duties.iter().any(|d| !d.links.is_empty());
    // One role alone needs no toggle: hiding it would leave nothing to show. Content without
    // links has no overlap to filter by.
    let shows_roles = controls.roles && props.roles.len() > 1;
    let shows_overlap = controls.overlap && has_links;
    let shows_map = controls.focus && controls.line;
    let has_more = shows_map || shows_overlap || controls.topic;
    let open = use_state(|| false);
    // On a touch screen the panel itself opens and closes in the frame after the one that
    // shows its button pressed, as the duties follow a toggle (`State::shown`): its controls are
    // many boxes for the browser to lay out, and the tap's own frame is then painted without
    // them. With a mouse, at once (`answers_in_two_frames`).
    let panel = use_state(|| false);
    let on_more = {
        let (open, panel) = (open.clone(), panel.clone());
        Callback::from(move |_: MouseEvent| {
            let next = !*open;
            open.set(next);
            if crate::web::answers_in_two_frames() {
                let panel = panel.clone();
                crate::web::after_next_paint(Box::new(move || panel.set(next)));
            } else {
                panel.set(next);
            }
        })
    };
    // Filters set inside the panel, counted on its button (on a phone the chips over the count
    // name every filter in use, the folded toggles' too).
    let in_panel = query.topics.len() + query.overlap.len();

    let group = |facet: Facet, label: &'static str, items: Vec<ToggleItem>, segmented: bool| {
        toggle_group(ToggleGroupProps {
            facet,
            label: label.into(),
            items,
            segmented,
            on_toggle: props.on_toggle.clone(),
        })
    };
    let roles = || {
        props
            .roles
            .iter()
            .filter_map(|&r| content.roles.get(r))
            .map(|r| item(Facet::Role, &r.id, &r.title))
            .collect::<Vec<_>>()
    };
    let focus = || {
        Focus::ALL
            .iter()
            .map(|f| item(Facet::Focus, f.id(), f.label()))
            .collect::<Vec<_>>()
    };
    let line = || {
        Line::ALL
            .iter()
            .map(|l| item(Facet::Line, l.id(), l.label()))
            .collect::<Vec<_>>()
    };
    let overlap = || {
        Overlap::ALL
            .iter()
            .map(|o| item(Facet::Overlap, o.id(), o.label()))
            .collect::<Vec<_>>()
    };
    let topics = || {
        content
            .topics
            .iter()
            .map(|t| item(Facet::Topic, &t.id, &t.label))
            .collect::<Vec<_>>()
    };
    html! {
        <>
        // In reading order at every width: the search and "More filters" (one row in a narrow
        // widget), then the roles, the focus and the line, which stay in view on a phone too, so
        // that any of them is one tap away.
        <div class="rc-toolbar">
            if controls.search {
                { search_box(SearchBoxProps { value: AttrValue::from(query.text.clone()), on_input: props.on_text.clone() }) }
            }
            if has_more {
                <button
                    type="button"
                    class="rc-more-toggle"
                    data-action="filters"
                    aria-expanded={if *open { "true" } else { "false" }}
                    onclick={on_more}
                >
                    { "More filters" }
                    if in_panel > 0 {
                        <span class="rc-toggle-count">{ in_panel }<span class="rc-vh">{ " active" }</span></span>
                    }
                </button>
            }
            if shows_roles { { group(Facet::Role, "Roles", roles(), true) } }
            if controls.focus { { group(Facet::Focus, "Focus", focus(), true) } }
            if controls.line { { group(Facet::Line, "Line", line(), true) } }
        </div>
        if *panel && has_more {
            <div class="rc-more-panel">
                if shows_map {
                    { focus_map(FocusMapProps {
                        content: content.clone(),
                        query: query.clone(),
                        outcome: props.outcome.clone(),
                        roles: props.shown.clone(),
                        on_cell: props.on_cell.clone(),
                    }) }
                }
                if shows_overlap { { group(Facet::Overlap, "Overlap", overlap(), false) } }
                if controls.topic { { group(Facet::Topic, "Topics", topics(), false) } }
            </div>
        }
        </>
    }
}
