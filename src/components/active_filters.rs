//! The filters in use, as removable chips beside the result count (the GOV.UK filter pattern):
//! what narrows the view is always in sight, whether or not the panel that set it is open, and
//! each goes with one press. "Clear filters" removes them all. Roles are not chips: the toolbar
//! shows them, and the columns are the roles.

use std::rc::Rc;

use yew::prelude::*;

use crate::filter::{Facet, Overlap, Query};
use crate::model::{Content, Focus, Line};

/// What `active_filters` is drawn from.
pub struct ActiveFiltersProps {
    pub content: Rc<Content>,
    pub query: Query,
    /// Called with the facet and value a chip removes.
    pub on_toggle: Callback<(Facet, AttrValue)>,
    /// Called to empty the search.
    pub on_text: Callback<String>,
    pub on_clear: Callback<()>,
}

/// One chip: the facet it belongs to, the value it removes, and its words.
struct Chip {
    facet: Option<Facet>,
    value: String,
    label: String,
}

/// The chips of the filters in use. A function, not a component: see `status_line`.
pub fn active_filters(props: ActiveFiltersProps) -> Html {
    let props = &props;
    let query = &props.query;
    if !query.has_filters() {
        return Html::default();
    }
    let mut chips: Vec<Chip> = Vec::new();
    let mut push = |facet: Option<Facet>, value: &str, label: String| {
        chips.push(Chip {
            facet,
            value: value.to_string(),
            label,
        })
    };
    for f in Focus::ALL.iter().filter(|f| query.focus.contains(f)) {
        push(Some(Facet::Focus), f.id(), f.label().to_string());
    }
    for l in Line::ALL.iter().filter(|l| query.line.contains(l)) {
        push(Some(Facet::Line), l.id(), l.label().to_string());
    }
    for o in Overlap::ALL.iter().filter(|o| query.overlap.contains(o)) {
        push(Some(Facet::Overlap), o.id(), o.label().to_string());
    }
    for t in props
        .content
        .topics
        .iter()
        .filter(|t| query.topics.contains(&t.id))
    {
        push(Some(Facet::Topic), &t.id, t.label.clone());
    }
    let text = query.text.trim();
    if !text.is_empty() {
        push(None, "", ["\u{201c}", text, "\u{201d}"].concat());
    }
    // A removed chip takes the keyboard focus with it: it goes to "Clear filters", which stays
    // (keyed) while a filter is left; after the last filter, where "Clear filters" sends it.
    let last = query.active_filters() == 1;
    let on_clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |e: MouseEvent| {
            on_clear.emit(());
            super::focus_first(&e, &super::AFTER_CLEAR);
        })
    };
    html! {
        <ul class="rc-chips" aria-label="Filters in use">
            { for chips.into_iter().map(|chip| {
                let remove = match chip.facet {
                    Some(facet) => [facet.id(), ":", chip.value.as_str()].concat(),
                    None => "q".to_string(),
                };
                let remove_it: Callback<()> = match chip.facet {
                    Some(facet) => {
                        let on_toggle = props.on_toggle.clone();
                        let value = AttrValue::from(chip.value);
                        Callback::from(move |()| on_toggle.emit((facet, value.clone())))
                    }
                    None => {
                        let on_text = props.on_text.clone();
                        Callback::from(move |()| on_text.emit(String::new()))
                    }
                };
                let onclick = Callback::from(move |e: MouseEvent| {
                    remove_it.emit(());
                    if last {
                        super::focus_first(&e, &super::AFTER_CLEAR);
                    } else {
                        super::focus_first(&e, &["[data-action=\"clear\"]"]);
                    }
                });
                html! {
                    <li key={remove.clone()}>
                        <button type="button" class="rc-chip" data-remove={remove} {onclick}>
                            <span class="rc-vh">{ "Remove the filter " }</span>
                            { chip.label }
                        </button>
                    </li>
                }
            }) }
            <li key="clear">
                <button type="button" class="rc-clear" data-action="clear" onclick={on_clear}>
                    { "Clear filters" }
                </button>
            </li>
        </ul>
    }
}
