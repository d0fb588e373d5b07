//! One role's column: its heading, one line with its count and where the articles place its
//! focus (the role's summary and the articles' claims unfold from it), and its duties.

use std::rc::Rc;

use yew::prelude::*;

use super::duty_item::{on_opened, source_byline, Opened};
use super::{duty_item, heading_tag, DutyItemProps};
use crate::filter::Outcome;
use crate::model::{Content, Focus, FocusClaim, SharedContent};

#[derive(Properties, PartialEq)]
pub struct RoleColumnProps {
    pub content: SharedContent,
    /// Index into `content.roles`.
    pub role: usize,
    /// What the filters leave: which of the role's duties fit.
    pub outcome: Rc<Outcome>,
    /// The heading level of the column title (2 = `h2`).
    pub heading_level: u8,
    /// The id of the duty a deep link points at, if any.
    #[prop_or_default]
    pub current: Option<AttrValue>,
}

/// How many of a role's duties a column lists before a "Show more" button, and how many more
/// each press lists. A column is read from the top; past a hundred cards nobody scrolls, and
/// every card listed is work for the browser (measured with 5,000 duties: docs/performance.md,
/// "Speed at 5,000 duties"). The window is the role's first duties in content order, whether
/// they fit the filters or not, so that a filter only shows and hides the cards listed and never
/// lists new ones: paging adds cards only when the reader asks. The status line and the
/// column's count still count every duty that fits.
pub const DUTIES_PER_PAGE: usize = 100;

/// How many cards a role's section shows in a phone-sized widget before "All N" (the cards past
/// them are marked `data-rest`, which the stylesheet's "Read on a phone" folds): the first few
/// duties of each role that fit, so that two roles fit in the first screen.
pub const PHONE_FIRST: usize = 3;

#[component]
pub fn RoleColumn(props: &RoleColumnProps) -> Html {
    let content = &props.content;
    let role_id = content.roles.get(props.role).map(|r| r.id.clone());
    // The role's duties in content order, found once per content.
    let duties = use_memo((content.clone(), role_id), |(content, id)| {
        content
            .duties
            .iter()
            .enumerate()
            .filter(|(_, d)| Some(&d.role) == id.as_ref())
            .map(|(i, _)| i)
            .collect::<Vec<usize>>()
    });
    // A deep link to a duty past the first page lists as far as that duty.
    let listed = use_state(|| {
        let at = duties
            .iter()
            .position(|&d| is_current(content, d, props.current.as_deref()));
        listed_through(at)
    });
    // In a phone-sized widget: whether the reader asked for all of the role's duties.
    let all = use_state_eq(|| false);
    let opened = use_state_eq(Opened::default);
    let Some(role) = content.roles.get(props.role) else {
        return Html::default();
    };
    // `shown` is in content order: a binary search says whether a duty fits.
    let fits = |d: usize| props.outcome.fits(d);
    let fitting = props.outcome.per_role.get(props.role).copied().unwrap_or(0);
    let total = duties.len();
    let listed_n = (*listed).min(total);
    let unlisted_fitting = duties[listed_n..].iter().filter(|&&d| fits(d)).count();
    let heading = heading_tag(props.heading_level);
    let disagree = claims_disagree(&role.focus_claims);
    let count = if fitting == total {
        duties_word(total)
    } else {
        [&fitting.to_string(), " of ", &duties_word(total)].concat()
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
    let on_toggle = on_opened(&opened);
    // A filter changes which cards show, not which cards are listed: the list is not rendered
    // again (`DutyList`'s props leave the outcome out of their comparison); the cards' `hidden`
    // is set here instead, in the DOM of the list already in the page, as this render is made.
    // In the render rather than in an effect after it: the same DOM calls, in the same task,
    // before the same frame, and the effect's hook was 338 B brotli of the nightly size build's
    // wasm (102 B of the stable build's; measured). A list that renders in this same pass draws
    // `hidden` from the same outcome; one not in the page yet (a first render, the pre-render)
    // has no node here and draws its own.
    let list = use_node_ref();
    show_fitting(&list, &duties, &props.outcome);
    html! {
        <section class={classes!("rc-column", all.then_some("rc-column--all"))} data-role={role.id.clone()}>
            // The heading: on a phone the section's title; in the columns layout for screen
            // readers and the page's outline, sighted readers seeing the role bar above the strip,
            // which stays in view (`role_columns`).
            <@{heading} class="rc-role-title">
                { &role.title }
                <span class="rc-role-name">{ &role.name }</span>
            </@>
            <div class="rc-column-meta">
                <p class="rc-column-count">{ count }</p>
                if let Some(about) = about {
                    // In the page from the start (a few elements a role), so that a reader
                    // without scripts unfolds it too.
                    <details class={classes!("rc-about", disagree.then_some("rc-about--disputed"))}>
                        <summary>{ about }</summary>
                        { about_body(content, role, disagree) }
                    </details>
                }
            </div>
            // Always there, hidden while some duty fits: a filter changes attributes and text in
            // the view, never its elements.
            <p class="rc-column-empty" hidden={fitting > 0}>{ ["No ", role.title.as_str(), " duty fits these filters."].concat() }</p>
            <DutyList
                content={content.clone()}
                duties={duties.clone()}
                listed={listed_n}
                current={props.current.clone()}
                opened={(*opened).clone()}
                outcome={props.outcome.clone()}
                {on_toggle}
                list={list.clone()}
            />
            if total > PHONE_FIRST {
                <button
                    type="button"
                    class="rc-all"
                    data-all={role.id.clone()}
                    aria-expanded={if *all { "true" } else { "false" }}
                    hidden={fitting <= PHONE_FIRST}
                    onclick={
                        let all = all.clone();
                        Callback::from(move |_: MouseEvent| all.set(!*all))
                    }
                >
                    { all_label(*all, fitting, &role.title) }
                </button>
            }
            if total > listed_n {
                <button type="button" class="rc-more" data-action="more" onclick={
                    let listed = listed.clone();
                    Callback::from(move |_: MouseEvent| listed.set(*listed + DUTIES_PER_PAGE))
                }>
                    { more_label(total - listed_n, &role.title) }
                    <span class="rc-more-fit">{ if fitting == total { String::new() } else { fit_further(unlisted_fitting) } }</span>
                </button>
            }
        </section>
    }
}

#[derive(Properties)]
pub struct DutyListProps {
    pub content: SharedContent,
    /// The role's duties in content order (indices into `content.duties`).
    pub duties: Rc<Vec<usize>>,
    /// How many of them are listed.
    pub listed: usize,
    /// The id of the duty a deep link points at, if any.
    pub current: Option<AttrValue>,
    /// The cards whose source the reader opened.
    pub opened: Opened,
    /// What the filters leave, for the cards' `hidden` when the list renders. Not compared: a
    /// change of filters alone does not render the list again (`show_fitting` sets `hidden`).
    pub outcome: Rc<Outcome>,
    /// Told when a source is opened or closed. Not compared: it changes with `opened`, which is.
    pub on_toggle: Callback<(usize, bool)>,
    /// The `<ul>`, for `show_fitting`.
    pub list: NodeRef,
}

impl PartialEq for DutyListProps {
    fn eq(&self, other: &Self) -> bool {
        self.content == other.content
            && self.duties == other.duties
            && self.listed == other.listed
            && self.current == other.current
            && self.opened == other.opened
            && self.list == other.list
    }
}

/// A column's cards: rendered when the cards listed change (paging, a deep link, a source
/// opened), not when the filters do. Each card is drawn with `hidden` as the filters stand at
/// that render, so the pre-rendered page and a list rendered later are right; between renders
/// `show_fitting` (in the column's render) keeps `hidden` in step. Measured (docs/performance.md,
/// "Filtering shows and hides"): drawing and comparing every card was about half of a filter
/// tap's script; at 4x CPU slowdown a focus or line click's handler went from 15.5 to 10.8 ms
/// (median of 39 taps).
#[component]
pub fn DutyList(props: &DutyListProps) -> Html {
    let content = &props.content;
    // The cards that fit so far, for `data-rest`; `show_fitting` counts the same way. Written
    // out in both rather than shared as an iterator of the cards' places, which cost the stable
    // build's wasm 388 B brotli more (measured; docs/performance.md, "Cards marked, not counted").
    let mut fitting = 0;
    html! {
        <ul class="rc-duties" ref={props.list.clone()}>
            { for props.duties.iter().take(props.listed).map(|&d| {
                let fits = props.outcome.fits(d);
                fitting += usize::from(fits);
                duty_item(DutyItemProps {
                    content,
                    duty: d,
                    current: is_current(content, d, props.current.as_deref()),
                    hidden: !fits,
                    rest: fits && fitting > PHONE_FIRST,
                    open: props.opened.contains(d),
                    on_toggle: props.on_toggle.clone(),
                })
            }) }
        </ul>
    }
}

/// Sets `hidden` on each card in `list` (the role's `duties`, listed in order) to whether it
/// fits `outcome`, and `data-rest` on each card that fits to whether it comes past the first
/// `PHONE_FIRST` that do: what Yew's diff of the whole list would change, without drawing and
/// comparing every card again. A card that does not fit keeps the `data-rest` it had: hidden,
/// it shows at no width whatever that says, and it gets the right one when it fits again.
/// Clearing it as well was a second change on each card a tap hides or shows (the "Internal"
/// tap: 84 changes to the DOM, 62 without), each one restyled; measured at 1x, 1280 px, the
/// bench's six clicks over 6–10 loads a build, the builds alternated: a click 3 to 14 % less.
/// A card whose attributes are already right is left alone (`toggleAttribute` with force
/// changes nothing then), so a render of the column that changed no filter changes nothing
/// here. The list in the page was drawn from these same `duties`, in order: a widget's
/// content is never swapped in place (new content mounts a new widget: `embed.js`, the
/// builder's preview), so a column keeps the duties it was first drawn with.
fn show_fitting(list: &NodeRef, duties: &[usize], outcome: &Outcome) {
    let Some(list) = list.cast::<web_sys::Element>() else {
        return;
    };
    let cards = list.children();
    let mut fitting = 0;
    // The cards listed are the first of `duties`: the list ends before them if it is shorter.
    for (i, &d) in (0..).zip(duties) {
        let Some(card) = cards.item(i) else { break };
        let fits = outcome.fits(d);
        let _ = card.toggle_attribute_with_force("hidden", !fits);
        if fits {
            fitting += 1;
            let _ = card.toggle_attribute_with_force("data-rest", fitting > PHONE_FIRST);
        }
    }
}

/// The role's summary and the articles' claims on its focus.
fn about_body(content: &Content, role: &crate::model::Role, disagree: bool) -> Html {
    html! {
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
    }
}

/// "All 19 CIO duties", or "Fewer CIO duties" once they are all shown.
fn all_label(all: bool, fitting: usize, role: &str) -> String {
    if all {
        ["Fewer ", role, " duties"].concat()
    } else {
        ["All ", &fitting.to_string(), " ", role, " duties"].concat()
    }
}

/// " (12 of them fit the filters)", or nothing when none does.
fn fit_further(n: usize) -> String {
    match n {
        0 => " (none of them fits the filters)".into(),
        1 => " (1 of them fits the filters)".into(),
        n => [" (", &n.to_string(), " of them fit the filters)"].concat(),
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
