//! One duty card, as compact as its sentence: the text, then one line that is the summary of a
//! disclosure: its focus and its line in words (never in colour alone) and a short citation.
//! Opening it shows the article, the duty's topics and its link, built only then: a card in the
//! default view is eight elements (nine for one article's view), so the pre-rendered page, the
//! takeover and every layout of the view stay light. A duty that is one article's view has a
//! dashed frame, and says so to screen readers in its text and to everyone when its source
//! unfolds.
//!
//! A card is never rebuilt by a filter: the column renders it once and sets `hidden` when it
//! stops fitting (see `RoleColumn`); Yew's diff then changes that one attribute.

use yew::prelude::*;

use crate::model::Content;

/// What `duty_item` draws one card from.
pub struct DutyItemProps<'a> {
    pub content: &'a Content,
    /// Index into `content.duties`.
    pub duty: usize,
    /// Whether a deep link points at it (`#duty=<id>`): marked `aria-current`.
    pub current: bool,
    /// Whether the filters leave it out: the card stays in the page, hidden.
    pub hidden: bool,
    /// Whether it fits but comes after the first `PHONE_FIRST` cards of its column that fit:
    /// marked `data-rest`, which a phone-sized widget folds until "All N" (role-compare.css).
    pub rest: bool,
    /// Whether the reader opened its source: the details exist only while they read them.
    pub open: bool,
    /// Told `(duty, open)` when the reader opens or closes the source.
    pub on_toggle: Callback<(usize, bool)>,
}

/// One card, keyed by its duty. A function, not a component: a page holds dozens of cards, and
/// a component costs each of them its own state and, at takeover, two renders while Yew
/// hydrates the view; the column that lists the cards keeps which sources are open.
pub fn duty_item(props: DutyItemProps<'_>) -> Html {
    let content = props.content;
    let Some(duty) = content.duties.get(props.duty) else {
        return Html::default();
    };
    let source = content.source(&duty.source);
    let ontoggle = {
        let (on_toggle, d) = (props.on_toggle.clone(), props.duty);
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            if let Some(details) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                on_toggle.emit((d, details.has_attribute("open")));
            }
        })
    };
    html! {
        <li
            key={props.duty}
            class={classes!("rc-duty", duty.view.then_some("rc-duty--view"))}
            data-duty={duty.id.clone()}
            data-focus={duty.focus.id()}
            data-line={duty.line.id()}
            aria-current={props.current.then_some("true")}
            hidden={props.hidden}
            data-rest={props.rest.then_some("")}
        >
            <p class="rc-duty-text">{ &duty.text }</p>
            if duty.view {
                <p class="rc-vh">{ "One article's view." }</p>
            }
            <details class="rc-source" {ontoggle}>
                <summary class="rc-duty-meta">
                    <span class={classes!("rc-label", ["rc-label--", duty.focus.id()].concat())}>{ duty.focus.label() }</span>
                    { " " }
                    { super::line_label(duty.line, Some("rc-label")) }
                    if let Some(source) = source {
                        { " " }<span class="rc-cite">{ source.citation() }</span>
                    }
                </summary>
                if props.open {
                    <div class="rc-source-body">
                        if duty.view {
                            <p class="rc-view-note">{ "One article's view, not a duty the others list." }</p>
                        }
                        if let Some(source) = source {
                            <p><cite>{ &source.title }</cite>{ source_byline(&source.by, &source.date) }</p>
                        }
                        <p class="rc-tag--topics"><span class="rc-topics-label">{ "Topics: " }</span>{ topics(content, duty) }</p>
                        <p><a class="rc-duty-link" href={["#duty=", duty.id.as_str()].concat()} data-duty-link={duty.id.clone()}>{ "Link to this duty" }</a></p>
                    </div>
                }
            </details>
        </li>
    }
}

/// The duties whose source a reader opened, in a column or a topic row: a state hook's value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Opened(Vec<usize>);

impl Opened {
    pub fn contains(&self, duty: usize) -> bool {
        self.0.contains(&duty)
    }

    /// The set with `duty` open or closed.
    pub fn with(&self, duty: usize, open: bool) -> Opened {
        let mut list: Vec<usize> = self.0.iter().copied().filter(|&d| d != duty).collect();
        if open {
            list.push(duty);
        }
        Opened(list)
    }
}

/// The callback a list of cards passes to each: it keeps `opened` up to date.
pub fn on_opened(opened: &UseStateHandle<Opened>) -> Callback<(usize, bool)> {
    let opened = opened.clone();
    Callback::from(move |(duty, open): (usize, bool)| opened.set(opened.with(duty, open)))
}

/// The labels of the duty's topics, "Strategy, Security".
fn topics(content: &Content, duty: &crate::model::Duty) -> String {
    duty.topics
        .iter()
        .filter_map(|t| content.topic(t))
        .map(|t| t.label.as_str())
        .collect::<Vec<_>>()
        .join(", ")
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
