//! The column layout: one strip of role columns side by side, and above it the role bar, which
//! names the columns and stays at the top of the screen while the reader scrolls down them.
//!
//! Why a bar of its own rather than sticky column headings: when more roles are shown than fit
//! the widget's width, the strip scrolls sideways, and an element that scrolls (`overflow-x:
//! auto`) is where a sticky heading inside it would stick, not the page: the headings would scroll
//! away with the duties. The bar sits outside the strip, laid out on the same grid, and follows
//! the strip's sideways scroll (`follow_strip`, called by `Comparison`'s listener), so its names
//! stay over their columns.
//! It is a picture of the headings: the columns keep their real headings for screen readers and
//! the page's outline, and the bar is hidden from them.

use std::rc::Rc;

use yew::prelude::*;

use super::RoleColumn;
use crate::filter::Outcome;
use crate::model::SharedContent;

/// What `role_columns` is drawn from.
pub struct RoleColumnsProps {
    pub content: SharedContent,
    pub outcome: Rc<Outcome>,
    /// Indices into `content.roles` of the shown roles, in column order.
    pub roles: Vec<usize>,
    /// The heading level of the column titles.
    pub heading_level: u8,
    /// The id of the duty a deep link points at, if any.
    pub current: Option<AttrValue>,
}

/// The role bar and the strip of columns. A function, not a component: see `status_line`. Both
/// are keyed by role, so that showing or hiding a role adds or removes its column and its name,
/// and touches nothing else.
pub fn role_columns(props: RoleColumnsProps) -> Html {
    let props = &props;
    let content = &props.content;
    let roles: Vec<(usize, &crate::model::Role)> = props
        .roles
        .iter()
        .filter_map(|&r| Some((r, content.roles.get(r)?)))
        .collect();
    html! {
        <>
            <div class="rc-rolebar" aria-hidden="true">
                { for roles.iter().map(|&(r, role)| html! {
                    <p key={role.id.as_str()} class="rc-rolebar-cell" data-role-name={role.id.clone()}>
                        <span class="rc-rolebar-title">{ &role.title }</span>
                        if !role.name.is_empty() {
                            { " " }<span class="rc-rolebar-name">{ &role.name }</span>
                        }
                        { " " }<span class="rc-rolebar-count">{ props.outcome.per_role.get(r).copied().unwrap_or(0) }</span>
                    </p>
                }) }
            </div>
            // One strip of columns; when more roles are shown than fit the widget's width it
            // scrolls sideways (styles/role-compare.css), so it takes the keyboard focus too.
            // In a phone-sized widget the roles' sections stack instead, at full width.
            <div class="rc-columns" role="group" aria-label="Duties by role" tabindex="0">
                { for roles.iter().map(|&(r, role)| html! {
                    <RoleColumn
                        key={role.id.as_str()}
                        content={content.clone()}
                        role={r}
                        outcome={props.outcome.clone()}
                        heading_level={props.heading_level}
                        current={props.current.clone()}
                    />
                }) }
            </div>
        </>
    }
}

/// Keeps the role bar over its columns: called for every scroll inside the widget's view (a
/// scroll event does not bubble, so `Comparison` listens in the capture phase), it scrolls the
/// bar sideways as far as the strip that scrolled, when that is the strip.
pub(crate) fn follow_strip(event: &Event) {
    use wasm_bindgen::JsCast;
    if let Some(strip) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.class_name() == "rc-columns")
    {
        follow(&strip);
    }
}

/// Scrolls the role bar (the strip's previous sibling) as far sideways as the strip.
pub(crate) fn follow(strip: &web_sys::Element) {
    if let Some(bar) = strip.previous_element_sibling() {
        bar.set_scroll_left(strip.scroll_left());
    }
}
