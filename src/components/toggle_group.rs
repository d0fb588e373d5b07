//! A labelled group of toggle buttons with counts: one facet of the filters. In the toolbar the
//! group is a row of small segmented toggles named for screen readers only (the values say what
//! they filter: "Internal", "Top line"); in the "More filters" panel its name shows above it.

use yew::prelude::*;

use crate::filter::Facet;
use crate::model::Line;

/// One toggle button's data.
#[derive(Clone, Debug, PartialEq)]
pub struct ToggleItem {
    /// The value id, as in `data-filter="<facet>:<value>"`.
    pub value: AttrValue,
    pub label: AttrValue,
    /// How many duties this value covers given the other filters.
    pub count: usize,
    pub pressed: bool,
}

/// What `toggle_group` is drawn from.
pub struct ToggleGroupProps {
    /// The facet these buttons toggle.
    pub facet: Facet,
    /// The group's name ("Focus", "Topics").
    pub label: AttrValue,
    pub items: Vec<ToggleItem>,
    /// Called with the value id of the button pressed.
    pub on_toggle: Callback<(Facet, AttrValue)>,
    /// A segmented row in the toolbar (its name for screen readers only), rather than a
    /// labelled group of pills.
    pub segmented: bool,
}

/// A group of toggles. A function, not a component: see `status_line`.
pub fn toggle_group(props: ToggleGroupProps) -> Html {
    let props = &props;
    let facet = props.facet;
    let class = classes!(
        "rc-group",
        props.segmented.then_some("rc-seg"),
        ["rc-group--", facet.id()].concat()
    );
    html! {
        <div {class} role="group" aria-label={props.label.clone()}>
            if !props.segmented {
                <span class="rc-group-label" aria-hidden="true">{ props.label.clone() }</span>
            }
            <div class="rc-toggles">
                { for props.items.iter().map(|item| {
                    let on_click = {
                        let on_toggle = props.on_toggle.clone();
                        let value = item.value.clone();
                        Callback::from(move |_: MouseEvent| on_toggle.emit((facet, value.clone())))
                    };
                    let filter = [facet.id(), ":", item.value.as_str()].concat();
                    // A line's toggle explains itself in its tooltip ("Top line: revenue").
                    let line = (facet == Facet::Line).then(|| Line::from_id(&item.value)).flatten();
                    html! {
                        <button
                            type="button"
                            class={classes!(
                                "rc-toggle",
                                (item.count == 0 && !item.pressed).then_some("rc-toggle--empty")
                            )}
                            data-filter={filter}
                            aria-pressed={if item.pressed { "true" } else { "false" }}
                            title={line.map(Line::explained)}
                            onclick={on_click}
                        >
                            <span class="rc-toggle-label">
                                if let Some(line) = line {
                                    { super::line_label(line, None) }
                                } else {
                                    { item.label.clone() }
                                }
                            </span>
                            <span class="rc-toggle-count">{ item.count }</span>
                        </button>
                    }
                }) }
            </div>
        </div>
    }
}
