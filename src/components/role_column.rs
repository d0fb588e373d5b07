//! One role's column: title, summary, where the articles place its focus, and its duties.

use std::rc::Rc;

use yew::prelude::*;

use super::duty_item::source_byline;
use super::{heading_tag, DutyItem};
use crate::model::{Content, Focus, FocusClaim};

#[derive(Properties, PartialEq)]
pub struct RoleColumnProps {
    pub content: Rc<Content>,
    /// Index into `content.roles`.
    pub role: usize,
    /// Indices into `content.duties` of this role's duties that fit the filters.
    pub duties: Vec<usize>,
    /// How many duties the role has before filtering.
    pub total: usize,
    /// The heading level of the column title (2 = `h2`).
    pub heading_level: u8,
    /// The id of the duty a deep link points at, if any.
    #[prop_or_default]
    pub current: Option<AttrValue>,
}

/// How many duties a column lists before a "Show more" button, and how many more each press
/// shows. A column is read from the top; past a hundred cards nobody scrolls, and every card
/// listed is work for the browser on each filter click (measured with 5,000 duties: README,
/// "Limits"). The status line and the column's count still count every duty that fits.
pub const DUTIES_PER_PAGE: usize = 100;

#[component]
pub fn RoleColumn(props: &RoleColumnProps) -> Html {
    // A deep link to a duty past the first page lists as far as that duty.
    let listed = use_state(|| {
        let at = props
            .duties
            .iter()
            .position(|&d| is_current(&props.content, d, props.current.as_deref()));
        listed_through(at)
    });
    let content = &props.content;
    let Some(role) = content.roles.get(props.role) else {
        return Html::default();
    };
    let heading = heading_tag(props.heading_level);
    let disagree = claims_disagree(&role.focus_claims);
    html! {
        <section class="rc-column" data-role={role.id.clone()}>
            <header class="rc-column-head">
                <@{heading} class="rc-role-title">
                    { &role.title }
                    <span class="rc-role-name">{ &role.name }</span>
                </@>
                <p class="rc-role-summary">{ &role.summary }</p>
                if !role.focus_claims.is_empty() {
                    <div class={classes!("rc-claims", disagree.then_some("rc-claims--disputed"))}>
                        <p class="rc-claims-title">
                            { if disagree { "Focus — the articles disagree:" } else { "Focus, as the articles put it:" } }
                        </p>
                        <ul class="rc-claims-list">
                            { for role.focus_claims.iter().map(|claim| {
                                let source = content.source(&claim.source);
                                html! {
                                    <li>
                                        <strong>{ focus_words(&claim.focus) }</strong>
                                        if let Some(source) = source {
                                            { " — " }<cite>{ &source.title }</cite>
                                            { source_byline(&source.by, "") }
                                        }
                                    </li>
                                }
                            }) }
                        </ul>
                    </div>
                }
                <p class="rc-column-count">
                    { props.duties.len() }{ " of " }{ props.total }{ if props.total == 1 { " duty" } else { " duties" } }
                </p>
            </header>
            if props.duties.is_empty() {
                <p class="rc-column-empty">{ ["No ", role.title.as_str(), " duty fits these filters."].concat() }</p>
            } else {
                <ul class="rc-duties">
                    { for props.duties.iter().take(*listed).map(|&d| html! {
                        <DutyItem key={d} content={content.clone()} duty={d} current={is_current(content, d, props.current.as_deref())} />
                    }) }
                </ul>
                if props.duties.len() > *listed {
                    <button type="button" class="rc-more" data-action="more" onclick={
                        let listed = listed.clone();
                        Callback::from(move |_: MouseEvent| listed.set(*listed + DUTIES_PER_PAGE))
                    }>
                        { more_label(props.duties.len() - *listed, &role.title) }
                    </button>
                }
            }
        </section>
    }
}

/// How many duties a list starts with: a page, or as many pages as reach the duty at `at` (a deep
/// link's), so that it is listed.
pub(crate) fn listed_through(at: Option<usize>) -> usize {
    at.map_or(DUTIES_PER_PAGE, |at| {
        (at / DUTIES_PER_PAGE + 1) * DUTIES_PER_PAGE
    })
}

/// Whether duty `d` is the one a deep link points at.
pub(crate) fn is_current(content: &Content, d: usize, current: Option<&str>) -> bool {
    current.is_some_and(|id| content.duties.get(d).is_some_and(|duty| duty.id == id))
}

/// "Show 100 more CIO duties (2,400 not listed yet)".
pub(crate) fn more_label(unlisted: usize, role: &str) -> String {
    let next = unlisted.min(DUTIES_PER_PAGE);
    let mut label = [
        "Show ",
        &next.to_string(),
        " more ",
        role,
        if next == 1 { " duty" } else { " duties" },
    ]
    .concat();
    if unlisted > next {
        label.push_str(&[" (", &unlisted.to_string(), " not listed yet)"].concat());
    }
    label
}

/// "Internal", "External" or "Internal and external".
fn focus_words(focus: &[Focus]) -> String {
    let mut words: Vec<&str> = Focus::ALL
        .iter()
        .filter(|f| focus.contains(f))
        .map(|f| f.label())
        .collect();
    if words.len() == 2 {
        words[1] = "external";
    }
    words.join(" and ")
}

/// True when the articles name different foci for the same role.
pub(crate) fn claims_disagree(claims: &[FocusClaim]) -> bool {
    let same = |a: &[Focus], b: &[Focus]| a.len() == b.len() && a.iter().all(|f| b.contains(f));
    claims
        .windows(2)
        .any(|pair| !same(&pair[0].focus, &pair[1].focus))
}
