//! The filter bar: roles, the focus map (focus and line), overlap and topics as toggle groups
//! with counts, the search field and the one "Clear filters" action. In a phone-sized widget it folds behind a "Filters"
//! button, so the duties come first; CSS decides by the widget's width.

use std::rc::Rc;

use yew::prelude::*;

use super::{FocusMap, SearchBox, ToggleGroup, ToggleItem};
use crate::filter::{Facet, Outcome, Overlap, Query};
use crate::model::{Content, Focus, Line};
use crate::options::Controls;

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub content: Rc<Content>,
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
    pub on_clear: Callback<()>,
}

#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let content = &props.content;
    let item = |facet: Facet, value: &str, label: &str| ToggleItem {
        value: AttrValue::from(value.to_string()),
        label: AttrValue::from(label.to_string()),
        count: props.outcome.count(content, facet, value),
        pressed: props.query.is_pressed(facet, value),
    };
    let roles: Vec<ToggleItem> = props
        .roles
        .iter()
        .filter_map(|&r| content.roles.get(r))
        .map(|r| item(Facet::Role, &r.id, &r.title))
        .collect();
    let focus: Vec<ToggleItem> = Focus::ALL
        .iter()
        .map(|f| item(Facet::Focus, f.id(), f.label()))
        .collect();
    let line: Vec<ToggleItem> = Line::ALL
        .iter()
        .map(|l| {
            item(
                Facet::Line,
                l.id(),
                &[l.label(), " (", l.hint(), ")"].concat(),
            )
        })
        .collect();
    let overlap: Vec<ToggleItem> = Overlap::ALL
        .iter()
        .map(|o| item(Facet::Overlap, o.id(), o.label()))
        .collect();
    let topics: Vec<ToggleItem> = content
        .topics
        .iter()
        .map(|t| item(Facet::Topic, &t.id, &t.label))
        .collect();
    let on_clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |e: MouseEvent| {
            on_clear.emit(());
            super::focus_after_clear(&e);
        })
    };
    // Only a narrow widget shows the button and folds the bar (see role-compare.css).
    let open = use_state(|| false);
    let on_disclose = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let active = props.query.active_filters();
    let has_links = content.duties.iter().any(|d| !d.links.is_empty());

    let controls = props.controls;
    let group = |facet: Facet, label: &'static str, items: Vec<ToggleItem>| {
        // One role alone needs no toggle: hiding it would leave nothing to show. Content without
        // links has no overlap to filter by.
        let worth_showing = controls.shows(facet)
            && (facet != Facet::Role || items.len() > 1)
            && (facet != Facet::Overlap || has_links);
        worth_showing.then(|| {
            html! {
                <ToggleGroup {facet} {label} {items} on_toggle={props.on_toggle.clone()} />
            }
        })
    };
    html! {
        <>
        <button
            type="button"
            class="rc-filters-toggle"
            data-action="filters"
            aria-expanded={if *open { "true" } else { "false" }}
            onclick={on_disclose}
        >
            { "Filters" }
            if active > 0 {
                <span class="rc-toggle-count">{ active }<span class="rc-vh">{ " active" }</span></span>
            }
        </button>
        // The keyboard can reach a folded bar's controls (a widget that narrowed while the focus
        // was in it stays open by CSS): the bar then counts as open, and the button says so.
        <div class={classes!("rc-filters", (!*open).then_some("rc-filters--folded"))} onfocusin={
            let open = open.clone();
            Callback::from(move |_: FocusEvent| if !*open { open.set(true) })
        }>
            { group(Facet::Role, "Roles", roles) }
            // Both facets shown: the map, which holds both; else the one shown as toggles.
            if controls.focus && controls.line {
                <FocusMap
                    content={content.clone()}
                    query={props.query.clone()}
                    outcome={props.outcome.clone()}
                    roles={props.shown.clone()}
                    on_cell={props.on_cell.clone()}
                    on_toggle={props.on_toggle.clone()}
                />
            } else {
                { group(Facet::Focus, "Focus", focus) }
                { group(Facet::Line, "Line", line) }
            }
            { group(Facet::Overlap, "Overlap", overlap) }
            { group(Facet::Topic, "Topics", topics) }
            <div class="rc-filter-actions">
                if controls.search {
                    <SearchBox value={AttrValue::from(props.query.text.clone())} on_input={props.on_text.clone()} />
                }
                <button
                    type="button"
                    class="rc-clear"
                    data-action="clear"
                    disabled={!props.query.has_filters()}
                    onclick={on_clear}
                >
                    { "Clear filters" }
                </button>
            </div>
        </div>
        </>
    }
}
