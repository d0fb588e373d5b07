//! The column layout: one strip of role columns side by side, and above it the role bar, which
//! names the columns and stays at the top of the screen while the reader scrolls down them.
//!
//! Why a bar of its own rather than sticky column headings: when more roles are shown than fit
//! the widget's width, the strip scrolls sideways, and an element that scrolls (`overflow-x:
//! auto`) is where a sticky heading inside it would stick, not the page: the headings would scroll
//! away with the duties. The bar sits outside the strip, laid out on the same grid, and follows
//! the strip's sideways scroll (an effect here), so its names stay over their columns.
//! It is a picture of the headings: the columns keep their real headings for screen readers and
//! the page's outline, and the bar is hidden from them.

use std::rc::Rc;

use yew::prelude::*;

use super::RoleColumn;
use crate::filter::Outcome;
use crate::model::Content;

#[derive(Properties, PartialEq)]
pub struct RoleColumnsProps {
    pub content: Rc<Content>,
    pub outcome: Rc<Outcome>,
    /// Indices into `content.roles` of the shown roles, in column order.
    pub roles: Vec<usize>,
    /// The heading level of the column titles.
    pub heading_level: u8,
    /// The id of the duty a deep link points at, if any.
    #[prop_or_default]
    pub current: Option<AttrValue>,
}

#[component]
pub fn RoleColumns(props: &RoleColumnsProps) -> Html {
    let bar = use_node_ref();
    let strip = use_node_ref();
    {
        let (bar, strip) = (bar.clone(), strip.clone());
        use_effect_with((), move |_| {
            let follow = strip.cast::<web_sys::Element>().map(|s| {
                let follow = move || {
                    if let (Some(bar), Some(strip)) = (
                        bar.cast::<web_sys::Element>(),
                        strip.cast::<web_sys::Element>(),
                    ) {
                        bar.set_scroll_left(strip.scroll_left());
                    }
                };
                // A strip the reader swiped before the wasm took over.
                follow();
                gloo_events::EventListener::new(&s, "scroll", move |_| follow())
            });
            move || drop(follow)
        });
    }
    let content = &props.content;
    // Each shown role with the duties of its column (those that fit the filters, in order).
    let columns: Vec<(usize, &crate::model::Role, Vec<usize>)> = props
        .roles
        .iter()
        .filter_map(|&r| {
            let role = content.roles.get(r)?;
            let duties = props
                .outcome
                .shown
                .iter()
                .copied()
                .filter(|&d| {
                    content
                        .duties
                        .get(d)
                        .is_some_and(|duty| duty.role == role.id)
                })
                .collect();
            Some((r, role, duties))
        })
        .collect();
    html! {
        <>
            <div class="rc-rolebar" ref={bar} aria-hidden="true">
                { for columns.iter().map(|(_, role, duties)| html! {
                    <p class="rc-rolebar-cell" data-role-name={role.id.clone()}>
                        <span class="rc-rolebar-title">{ &role.title }</span>
                        if !role.name.is_empty() {
                            { " " }<span class="rc-rolebar-name">{ &role.name }</span>
                        }
                        { " " }<span class="rc-rolebar-count">{ duties.len() }</span>
                    </p>
                }) }
            </div>
            // One strip of columns; when more roles are shown than fit the widget's width it
            // scrolls sideways (styles/role-compare.css), so it takes the keyboard focus too.
            <div class="rc-columns" ref={strip} role="group" aria-label="Duties by role" tabindex="0">
                { for columns.into_iter().map(|(r, role, duties)| {
                    let total = content.duties.iter().filter(|d| d.role == role.id).count();
                    html! {
                        <RoleColumn
                            key={role.id.clone()}
                            content={content.clone()}
                            role={r}
                            {duties}
                            {total}
                            heading_level={props.heading_level}
                            current={props.current.clone()}
                        />
                    }
                }) }
            </div>
        </>
    }
}
