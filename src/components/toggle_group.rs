//! A labelled group of toggle buttons with counts: one facet of the filter bar.

use yew::prelude::*;

use crate::filter::Facet;

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

#[derive(Properties, PartialEq)]
pub struct ToggleGroupProps {
    /// The facet these buttons toggle.
    pub facet: Facet,
    /// The group's visible name ("Focus", "Topics").
    pub label: AttrValue,
    pub items: Vec<ToggleItem>,
    /// Called with the value id of the button pressed.
    pub on_toggle: Callback<(Facet, AttrValue)>,
}

#[component]
pub fn ToggleGroup(props: &ToggleGroupProps) -> Html {
    let facet = props.facet;
    html! {
        <div class="rc-group" role="group" aria-label={props.label.clone()}>
            <span class="rc-group-label" aria-hidden="true">{ props.label.clone() }</span>
            <div class="rc-toggles">
                { for props.items.iter().map(|item| {
                    let on_click = {
                        let on_toggle = props.on_toggle.clone();
                        let value = item.value.clone();
                        Callback::from(move |_: MouseEvent| on_toggle.emit((facet, value.clone())))
                    };
                    let filter = [facet.id(), ":", item.value.as_str()].concat();
                    html! {
                        <button
                            type="button"
                            class={classes!("rc-toggle", (item.count == 0 && !item.pressed).then_some("rc-toggle--empty"))}
                            data-filter={filter}
                            aria-pressed={if item.pressed { "true" } else { "false" }}
                            onclick={on_click}
                        >
                            <span class="rc-toggle-label">{ item.label.clone() }</span>
                            <span class="rc-toggle-count">{ item.count }</span>
                        </button>
                    }
                }) }
            </div>
        </div>
    }
}
