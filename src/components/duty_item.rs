//! One duty: its text, its focus and line as words, its topics, and its source on request.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Content;

#[derive(Properties, PartialEq)]
pub struct DutyItemProps {
    pub content: Rc<Content>,
    /// Index into `content.duties`.
    pub duty: usize,
    /// Whether a deep link points at it (`#duty=<id>`): marked `aria-current`.
    #[prop_or_default]
    pub current: bool,
}

#[component]
pub fn DutyItem(props: &DutyItemProps) -> Html {
    let content = &props.content;
    let Some(duty) = content.duties.get(props.duty) else {
        return Html::default();
    };
    let topics: Vec<&str> = duty
        .topics
        .iter()
        .filter_map(|t| content.topic(t))
        .map(|t| t.label.as_str())
        .collect();
    let source = content.source(&duty.source);
    html! {
        <li
            class={classes!("rc-duty", duty.view.then_some("rc-duty--view"))}
            data-duty={duty.id.clone()}
            data-focus={duty.focus.id()}
            data-line={duty.line.id()}
            aria-current={props.current.then_some("true")}
        >
            <p class="rc-duty-text">{ &duty.text }</p>
            <p class="rc-tags">
                <span class={classes!("rc-tag", "rc-tag--focus", ["rc-tag--", duty.focus.id()].concat())}>
                    <span class="rc-vh">{ "Focus: " }</span>{ duty.focus.label() }
                </span>
                <span class={classes!("rc-tag", "rc-tag--line", ["rc-tag--", duty.line.id()].concat())}>
                    <span class="rc-vh">{ "Line: " }</span>{ duty.line.label() }
                </span>
                <span class="rc-tag rc-tag--topics">
                    <span class="rc-vh">{ "Topics: " }</span>{ topics.join(", ") }
                </span>
                if duty.view {
                    <span class="rc-tag rc-tag--view">{ "One article's view" }</span>
                }
            </p>
            if let Some(source) = source {
                <details class="rc-source">
                    <summary>{ "Source" }</summary>
                    <p><cite>{ &source.title }</cite>{ source_byline(&source.by, &source.date) }</p>
                    <p><a class="rc-duty-link" href={["#duty=", duty.id.as_str()].concat()} data-duty-link={duty.id.clone()}>{ "Link to this duty" }</a></p>
                </details>
            }
        </li>
    }
}

/// ` — by, date`, leaving out what the article does not say.
pub(crate) fn source_byline(by: &str, date: &str) -> String {
    let parts: Vec<&str> = [by, date].into_iter().filter(|s| !s.is_empty()).collect();
    if parts.is_empty() {
        String::new()
    } else {
        [" — ", &parts.join(", ")].concat()
    }
}
