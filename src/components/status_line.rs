//! The status line: how many duties show, per role, in a polite live region so that screen
//! readers hear the result of each filter change. In a narrow widget the per-role part is for
//! screen readers only: each column says its own count.

use std::rc::Rc;

use yew::prelude::*;

use crate::filter::Outcome;
use crate::model::SharedContent;

/// What `status_line` is drawn from.
pub struct StatusLineProps {
    pub content: SharedContent,
    pub outcome: Rc<Outcome>,
    /// Indices into `content.roles` of the shown roles, in column order.
    pub roles: Vec<usize>,
}

/// The status line. A function, not a component: it is drawn with its parent every time, and a
/// component of its own would cost its machinery in the wasm for nothing (docs/performance.md,
/// "What a reader pays").
pub fn status_line(props: StatusLineProps) -> Html {
    let props = &props;
    let (content, outcome) = (&props.content, &props.outcome);
    // "9 of 27 duties · CIO 4 · CTO 3 · CMO 2"; the part after the total in a span of its own.
    let total = [
        outcome.shown.len().to_string().as_str(),
        " of ",
        &outcome.total.to_string(),
        if outcome.total == 1 {
            " duty"
        } else {
            " duties"
        },
    ]
    .concat();
    let mut per_role = String::new();
    for &r in &props.roles {
        if let (Some(role), Some(n)) = (content.roles.get(r), outcome.per_role.get(r)) {
            per_role.push_str(&[" · ", role.title.as_str(), " ", &n.to_string()].concat());
        }
    }
    // One live region whatever it says: screen readers hear changes in a region that stays.
    html! {
        <p class="rc-status" role="status" aria-live="polite">
            if props.roles.is_empty() {
                { "No role is shown: choose at least one role." }
            } else {
                { total }<span class="rc-status-roles">{ per_role }</span>
            }
        </p>
    }
}
