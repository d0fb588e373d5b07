//! Perspectives: what the articles say about the roles rather than about one duty (how the
//! roles see each other, where they clash, reporting lines, working together) and the figures
//! they report. Expandable sections, every statement with its article; each follows the role
//! filter, showing while any of its roles is shown.

use yew::prelude::*;

use super::duty_item::source_byline;
use super::heading_tag;
use crate::model::SharedContent;

/// What `Perspectives` is drawn from.
#[derive(Properties, PartialEq)]
pub struct PerspectivesProps {
    pub content: SharedContent,
    /// Ids of the shown roles.
    pub roles: Vec<String>,
    pub heading_level: u8,
}

/// The perspectives. A component, unlike the other parts drawn from the content alone (see
/// `status_line`): they change only with the roles shown, and Yew compares a component's props
/// and passes it by, where a function's elements are built and compared again on every filter
/// click. They are 84 of the about 200 elements a click compared in the default view (the cards
/// aside, which `DutyList` already passes by); a click's script went 1.20 → 1.09 ms at 1x in the
/// same page (docs/performance.md, "The perspectives drawn once"), for 0.75 KB of wasm.
#[component]
pub fn Perspectives(props: &PerspectivesProps) -> Html {
    let content = &props.content;
    let concerns = |ids: &[String]| ids.iter().any(|id| props.roles.contains(id));
    let perspectives: Vec<_> = content
        .perspectives
        .iter()
        .filter(|p| concerns(&p.roles))
        .collect();
    let figures: Vec<_> = content
        .figures
        .iter()
        .filter(|f| concerns(&f.roles))
        .collect();
    if perspectives.is_empty() && figures.is_empty() {
        return Html::default();
    }
    let cite = |source: &str| match content.source(source) {
        Some(source) => html! {
            <>{ " — " }<cite>{ &source.title }</cite>{ source_byline(&source.by, "") }</>
        },
        None => Html::default(),
    };
    let heading = heading_tag(props.heading_level);
    html! {
        <section class="rc-perspectives">
            <@{heading} class="rc-perspectives-title">{ "What the articles say about these roles" }</@>
            { for perspectives.iter().map(|p| html! {
                <details class="rc-perspective" data-perspective={p.id.clone()}>
                    <summary>{ &p.title }</summary>
                    <ul class="rc-points">
                        { for p.points.iter().map(|point| html! {
                            <li>{ &point.text }{ cite(&point.source) }</li>
                        }) }
                    </ul>
                </details>
            }) }
            if !figures.is_empty() {
                <details class="rc-perspective" data-perspective="figures">
                    <summary>{ "Key figures" }</summary>
                    <ul class="rc-points rc-figures">
                        { for figures.iter().map(|f| html! {
                            <li data-figure={f.id.clone()}>
                                <strong class="rc-figure-value">{ &f.value }</strong>{ " " }{ &f.text }
                                if !f.by.is_empty() {
                                    { " (" }{ &f.by }{ ")" }
                                }
                                { cite(&f.source) }
                            </li>
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}
