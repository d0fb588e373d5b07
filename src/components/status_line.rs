//! The status line: how many duties show, per role, in a polite live region so that screen
//! readers hear the result of each filter change. In a narrow widget the per-role part is for
//! screen readers only: each column says its own count.

use std::rc::Rc;

use yew::prelude::*;

use crate::filter::Outcome;
use crate::model::Content;

#[derive(Properties, PartialEq)]
pub struct StatusLineProps {
    pub content: Rc<Content>,
    pub outcome: Rc<Outcome>,
    /// Indices into `content.roles` of the shown roles, in column order.
    pub roles: Vec<usize>,
}

#[component]
pub fn StatusLine(props: &StatusLineProps) -> Html {
    let text = status_text(&props.content, &props.outcome, &props.roles);
    let (total, per_role) = text.split_once(" · ").unwrap_or((text.as_str(), ""));
    html! {
        <p class="rc-status" role="status" aria-live="polite">
            { total }
            if !per_role.is_empty() {
                <span class="rc-status-roles">{ " · " }{ per_role }</span>
            }
        </p>
    }
}

/// "9 of 27 duties · CIO 4 · CTO 3 · CMO 2".
pub fn status_text(content: &Content, outcome: &Outcome, roles: &[usize]) -> String {
    if roles.is_empty() {
        return "No role is shown: choose at least one role.".to_string();
    }
    let mut parts = vec![[
        outcome.shown.len().to_string().as_str(),
        " of ",
        &outcome.total.to_string(),
        if outcome.total == 1 {
            " duty"
        } else {
            " duties"
        },
    ]
    .concat()];
    for &r in roles {
        if let (Some(role), Some(n)) = (content.roles.get(r), outcome.per_role.get(r)) {
            parts.push([role.title.as_str(), " ", &n.to_string()].concat());
        }
    }
    parts.join(" · ")
}
