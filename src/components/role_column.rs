//! One role's column: its heading, one line with its count and where the articles place its
//! focus (the role's summary and the articles' claims unfold from it), and its duties.

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
/// listed is work for the browser on each filter click (measured with 5,000 duties:
/// docs/performance.md, "Speed at 5,000 duties"). The status line and the column's count still
/// count every duty that fits.
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
    let count = if props.duties.len() == props.total {
        duties_word(props.total)
    } else {
        [
            &props.duties.len().to_string(),
            " of ",
            &duties_word(props.total),
        ]
        .concat()
    };
    // One line under the role's name: the count, and where the articles place its focus, the
    // role's summary and the articles' claims unfolding from it.
    let about = if role.focus_claims.is_empty() {
        (!role.summary.is_empty()).then(|| ["About the ", role.title.as_str()].concat())
    } else if disagree {
        Some("Focus: disputed".to_string())
    } else {
        Some(["Focus: ", focus_words(&role.focus_claims[0].focus)].concat())
    };
    html! {
        <section class="rc-column" data-role={role.id.clone()}>
            // The heading for screen readers and the page's outline; sighted readers see the
            // role bar above the strip, which stays in view (`RoleColumns`).
            <@{heading} class="rc-role-title">
                { &role.title }
                <span class="rc-role-name">{ &role.name }</span>
            </@>
            <div class="rc-column-meta">
                <p class="rc-column-count">{ count }</p>
                if let Some(about) = about {
                    <details class={classes!("rc-about", disagree.then_some("rc-about--disputed"))}>
                        <summary>{ about }</summary>
                        <div class="rc-about-body">
                            if !role.summary.is_empty() {
                                <p class="rc-role-summary">{ &role.summary }</p>
                            }
                            if !role.focus_claims.is_empty() {
                                <p class="rc-claims-title">
                                    { if disagree { "The articles disagree on its focus:" } else { "Its focus, as the articles put it:" } }
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
                            }
                        </div>
                    </details>
                }
            </div>
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

/// "1 duty", "27 duties".
fn duties_word(n: usize) -> String {
    [
        n.to_string().as_str(),
        if n == 1 { " duty" } else { " duties" },
    ]
    .concat()
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
fn focus_words(focus: &[Focus]) -> &'static str {
    let has = |f: Focus| focus.contains(&f);
    match (has(Focus::Internal), has(Focus::External)) {
        (true, true) => "Internal and external",
        (true, false) => "Internal",
        (false, true) => "External",
        (false, false) => "",
    }
}

/// True when the articles name different foci for the same role.
pub(crate) fn claims_disagree(claims: &[FocusClaim]) -> bool {
    let same = |a: &[Focus], b: &[Focus]| a.len() == b.len() && a.iter().all(|f| b.contains(f));
    claims
        .windows(2)
        .any(|pair| !same(&pair[0].focus, &pair[1].focus))
}
