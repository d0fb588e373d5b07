//! The filters in use, as removable chips beside the result count (the GOV.UK filter pattern):
//! what narrows the view is always in sight, whether or not the panel that set it is open, and
//! each goes with one press. "Clear filters" removes them all. Roles are not chips: the toolbar
//! shows them, and the columns are the roles.

use yew::prelude::*;

use crate::filter::{Facet, Overlap, Query};
use crate::model::{Focus, Line, SharedContent};

/// What `active_filters` is drawn from.
pub struct ActiveFiltersProps {
    pub content: SharedContent,
    pub query: Query,
    /// Called with the facet and value a chip removes, or `None` for the search.
    pub on_remove: Callback<Option<(Facet, AttrValue)>>,
    pub on_clear: Callback<()>,
}

/// The chips of the filters in use. A function, not a component: see `status_line`.
pub fn active_filters(props: ActiveFiltersProps) -> Html {
    let props = &props;
    let query = &props.query;
    if !query.has_filters() {
        return Html::default();
    }
    // Each chip: what it removes (facet and value; none: the search) and its words.
    let mut chips: Vec<(Option<(Facet, AttrValue)>, String)> = Vec::new();
    for f in Focus::ALL.iter().filter(|f| query.focus.contains(f)) {
        chips.push((Some((Facet::Focus, f.id().into())), f.label().into()));
    }
    for l in Line::ALL.iter().filter(|l| query.line.contains(l)) {
        chips.push((Some((Facet::Line, l.id().into())), l.label().into()));
    }
    for o in Overlap::ALL.iter().filter(|o| query.overlap.contains(o)) {
        chips.push((Some((Facet::Overlap, o.id().into())), o.label().into()));
    }
    for t in props
        .content
        .topics
        .iter()
        .filter(|t| query.topics.contains(&t.id))
    {
        chips.push((Some((Facet::Topic, t.id.clone().into())), t.label.clone()));
    }
    let text = query.text.trim();
    if !text.is_empty() {
        chips.push((None, ["\u{201c}", text, "\u{201d}"].concat()));
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
            { for chips.into_iter().map(|(what, label)| {
                let remove = match &what {
                    Some((facet, value)) => [facet.id(), ":", value.as_str()].concat(),
                    None => "q".to_string(),
                };
                let on_remove = props.on_remove.clone();
                let onclick = Callback::from(move |e: MouseEvent| {
                    on_remove.emit(what.clone());
                    let next: &[&str] = if last { &super::AFTER_CLEAR } else { &["[data-action=\"clear\"]"] };
                    super::focus_first(&e, next);
                });
                html! {
                    <li key={remove.clone()}>
                        <button type="button" class="rc-chip" data-remove={remove} {onclick}>
                            <span class="rc-vh">{ "Remove the filter " }</span>
                            { label }
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
