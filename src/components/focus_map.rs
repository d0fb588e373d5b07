//! The focus map: internal/external by top/bottom line as a 2x2 grid, in the "More filters"
//! panel. Each cell counts the shown roles' duties with that focus and line, and is a button that
//! sets both facets (and clears them when pressed again). The axis headings name the values and
//! count them; the toolbar's focus and line toggles are the buttons for one facet at a time.

use std::rc::Rc;

use yew::prelude::*;

use crate::filter::{Facet, Outcome, Query};
use crate::model::{Focus, Line, SharedContent};

/// What `focus_map` is drawn from.
pub struct FocusMapProps {
    pub content: SharedContent,
    pub query: Query,
    pub outcome: Rc<Outcome>,
    /// Indices into `content.roles` of the shown roles, in column order.
    pub roles: Vec<usize>,
    pub on_cell: Callback<(Focus, Line)>,
}

/// The focus map. A function, not a component: see `status_line`.
pub fn focus_map(props: FocusMapProps) -> Html {
    let props = &props;
    let content = &props.content;
    let query = &props.query;
    let axis = |facet: Facet, value: &'static str, label: &'static str, extra: &'static str| {
        html! {
            <span class={classes!("rc-map-axis", extra)}>
                <span class="rc-map-axis-label">{ label }</span>
                <span class="rc-map-axis-n">{ props.outcome.count(content, facet, value) }</span>
            </span>
        }
    };
    let cell = |focus: Focus, line: Line| {
        let pressed = query.is_cell(focus, line);
        let at = focus as usize * 2 + line as usize;
        let counts: Vec<(&str, usize)> = props
            .roles
            .iter()
            .filter_map(|&r| {
                let role = content.roles.get(r)?;
                let n = props.outcome.cells.get(r)?[at];
                Some((role.title.as_str(), n))
            })
            .collect();
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        let on_cell = props.on_cell.clone();
        html! {
            <button
                type="button"
                class={classes!("rc-map-cell", (total == 0 && !pressed).then_some("rc-map-cell--empty"))}
                data-cell={[focus.id(), ":", line.id()].concat()}
                aria-pressed={if pressed { "true" } else { "false" }}
                onclick={Callback::from(move |_: MouseEvent| on_cell.emit((focus, line)))}
            >
                <span class="rc-vh">{ [focus.label(), ", ", line.label(), ": "].concat() }</span>
                { for counts.iter().map(|(title, n)| html! {
                    <span class="rc-map-count">
                        <span class="rc-map-role">{ *title }</span>{ " " }
                        <span class="rc-map-n">{ *n }</span>
                    </span>
                }) }
            </button>
        }
    };
    html! {
        <div class="rc-group rc-map" role="group" aria-label="Focus and line: duties of each shown role">
            <span class="rc-group-label" aria-hidden="true">{ "Focus × line" }</span>
            <div class="rc-map-grid">
                <span class="rc-map-corner" aria-hidden="true"></span>
                { for Focus::ALL.iter().map(|f| axis(Facet::Focus, f.id(), f.label(), "rc-map-axis--focus")) }
                { for Line::ALL.iter().map(|&l| html! {
                    <>
                        { axis(Facet::Line, l.id(), l.label(), "rc-map-axis--line") }
                        { for Focus::ALL.iter().map(|&f| cell(f, l)) }
                    </>
                }) }
            </div>
        </div>
    }
}
