//! Sharing the current view: a link to it, its duties as CSV or JSON, and the snippet that
//! embeds it in another page.

use std::rc::Rc;

use yew::prelude::*;

use crate::filter::{Outcome, Query};
use crate::model::Content;
use crate::options::Theme;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub content: Rc<Content>,
    pub query: Query,
    pub outcome: Rc<Outcome>,
    /// Indices into `content.roles` of the roles shown, in column order.
    pub roles: Vec<usize>,
    /// The query the widget started from (what "no fragment" means).
    pub base: Query,
    pub theme: Theme,
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let _ = props;
    Html::default()
}
