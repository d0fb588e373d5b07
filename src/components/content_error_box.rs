//! What the widget shows instead of itself when its content cannot be used: every problem, with
//! where it is, so the author can fix the file.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::ContentError;

/// The content's problems, every one with where it is. A function, not a component: see
/// `status_line`.
pub fn content_error_box(errors: &Rc<Vec<ContentError>>) -> Html {
    html! {
        <div class="rc-error" role="alert">
            <p class="rc-error-title">{ "This comparison cannot be shown: its content has problems." }</p>
            <ul class="rc-error-list">
                { for errors.iter().map(|e| html! { <li><code>{ e.describe() }</code></li> }) }
            </ul>
        </div>
    }
}
