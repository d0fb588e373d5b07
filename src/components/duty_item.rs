//! One duty card, as compact as its sentence: the text, then one line of small labels (its focus
//! and its line, in words, never in colour alone) and a short citation that unfolds to the
//! article, the duty's topics and its link. Nothing else takes a line of its own: a duty that
//! is one article's view has a dashed frame, and says so when its source unfolds (and to
//! screen readers, in its text).

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
            if duty.view {
                <p class="rc-vh">{ "One article's view." }</p>
            }
            <div class="rc-duty-meta">
                <span class={classes!("rc-label", ["rc-label--", duty.focus.id()].concat())}>
                    <span class="rc-vh">{ "Focus: " }</span>{ duty.focus.label() }
                </span>
                <span class={classes!("rc-label", ["rc-label--", duty.line.id()].concat())}>
                    <span class="rc-vh">{ "Line: " }</span>{ super::line_label(duty.line) }
                </span>
                if let Some(source) = source {
                    <details class="rc-source">
                        <summary><span class="rc-vh">{ "Source: " }</span>{ source.citation() }</summary>
                        <div class="rc-source-body">
                            if duty.view {
                                <p class="rc-view-note">{ "One article's view, not a duty the others list." }</p>
                            }
                            <p><cite>{ &source.title }</cite>{ source_byline(&source.by, &source.date) }</p>
                            <p class="rc-tag--topics"><span class="rc-topics-label">{ "Topics: " }</span>{ topics.join(", ") }</p>
                            <p><a class="rc-duty-link" href={["#duty=", duty.id.as_str()].concat()} data-duty-link={duty.id.clone()}>{ "Link to this duty" }</a></p>
                        </div>
                    </details>
                }
            </div>
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
