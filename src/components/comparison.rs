//! The widget: state, URL sync, and the reader's screen from the top: the toolbar, one line with
//! the result count, the filters in use and the layout switch, then the duties (role columns or
//! topic rows), the perspectives and the share bar.

use yew::prelude::*;

use super::{
    active_filters, role_columns, status_line, topic_table, ActiveFiltersProps, FilterBar,
    Perspectives, RoleColumnsProps, ShareBar, StatusLineProps, TopicTableProps,
};
use crate::filter::{self, Facet, Layout, Query, SearchIndex};
use crate::model::SharedContent;
use crate::model::{Focus, Line};
use crate::options::{Controls, Theme};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    /// Validated content (see `content::validate`).
    pub content: SharedContent,
    /// The query the widget starts from and that "no fragment" means.
    pub base: Query,
    /// Indices into `content.roles` of the roles offered, in column order.
    pub roles: Vec<usize>,
    /// Which filter controls show.
    #[prop_or_default]
    pub controls: Controls,
    /// The URL fragment at mount time when this widget owns the URL, `None` when its state stays
    /// in memory (every embedded widget but one).
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    /// The heading level of the role titles, so they fit the host page's outline.
    #[prop_or(2)]
    pub heading_level: u8,
    /// The widget's theme option, for the snippet that embeds this view elsewhere.
    #[prop_or_default]
    pub theme: Theme,
}

impl ComparisonProps {
    /// Every role of `content` offered, its default roles shown, no filters, every control, no
    /// URL: the plain widget.
    pub fn new(content: SharedContent) -> Self {
        ComparisonProps {
            base: Query::initial(&content),
            roles: (0..content.roles.len()).collect(),
            controls: Controls::default(),
            content,
            fragment: None,
            heading_level: 2,
            theme: Theme::Auto,
        }
    }
}

#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let state = {
        let content = props.content.clone();
        let base = props.base.clone();
        let fragment = props.fragment.clone();
        use_reducer(move || {
            let read = fragment
                .as_deref()
                .map(|f| crate::url_state::read(f, &content, &base));
            let state = match read {
                Some(read) => State::new(content, read.query, read.problems),
                None => State::new(content, base, Vec::new()),
            };
            State {
                at_once: !crate::web::answers_in_two_frames(),
                ..state
            }
        })
    };
    let index = use_memo(props.content.clone(), |content| SearchIndex::new(content));
    // The view draws from `shown`, the toolbar from `query` (see `State::shown`).
    let outcome = use_memo(
        (props.content.clone(), state.shown.clone()),
        |(content, query)| filter::run(content, &index, query),
    );

    crate::web::use_url_sync(
        props.fragment.is_some(),
        props.content.clone(),
        props.base.clone(),
        &state,
    );

    let content = &props.content;
    let query = &state.shown;
    let shown_roles: Vec<usize> = props
        .roles
        .iter()
        .copied()
        .filter(|&r| {
            content
                .roles
                .get(r)
                .is_some_and(|role| query.roles.contains(&role.id))
        })
        .collect();

    let on_toggle = {
        let state = state.clone();
        Callback::from(move |(facet, value): (Facet, AttrValue)| {
            state.dispatch(Action::Toggle(facet, value.to_string()))
        })
    };
    let on_cell = {
        let state = state.clone();
        Callback::from(move |(focus, line): (Focus, Line)| {
            state.dispatch(Action::PressCell(focus, line))
        })
    };
    // A duty's "Link to this duty": marked here (and recorded in the URL when this widget owns
    // it) rather than followed, which would replace the filters in the URL with the duty alone.
    let on_view_click = {
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = duty_link_of(&e) {
                e.prevent_default();
                state.dispatch(Action::MarkDuty(id));
            }
        })
    };
    let view = use_node_ref();
    {
        let view = view.clone();
        use_effect_with(state.shown.duty.clone(), move |duty| {
            scroll_to_duty(&view, duty.as_deref());
        });
    }
    // The role bar follows the strip sideways (role_columns.rs). One listener for the view's
    // life; a strip that scrolled before the wasm took over is followed at once.
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let listener = view.cast::<web_sys::Element>().map(|view| {
                if let Ok(Some(strip)) = view.query_selector(".rc-columns") {
                    super::role_columns::follow(&strip);
                }
                let options = gloo_events::EventListenerOptions::run_in_capture_phase();
                gloo_events::EventListener::new_with_options(&view, "scroll", options, |e| {
                    super::role_columns::follow_strip(e)
                })
            });
            move || drop(listener)
        });
    }
    let rows = {
        let layout = query.layout;
        use_memo(
            (outcome.clone(), shown_roles.clone(), layout),
            |(outcome, roles, layout)| match layout {
                Layout::Topics => {
                    crate::topics::arrange(&props.content, &index, outcome, &state.shown, roles)
                }
                Layout::Columns => Vec::new(),
            },
        )
    };
    let current = query.duty.clone().map(AttrValue::from);
    let on_text = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::SetText(text)))
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ClearFilters))
    };
    let on_clear_click = {
        let on_clear = on_clear.clone();
        Callback::from(move |e: MouseEvent| {
            on_clear.emit(());
            super::focus_first(&e, &super::AFTER_CLEAR);
        })
    };

    html! {
        <>
            if !state.url_problems.is_empty() {
                <div class="rc-notice" role="note">
                    <p>{ "Part of this link could not be used and was skipped:" }</p>
                    <ul>{ for state.url_problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            }
            <FilterBar
                content={content.clone()}
                query={state.query.clone()}
                outcome={outcome.clone()}
                roles={props.roles.clone()}
                shown={shown_roles.clone()}
                controls={props.controls}
                on_toggle={on_toggle.clone()}
                on_cell={on_cell}
                on_text={on_text.clone()}
            />
            // Marked while the reader has filters in use beyond those the widget started with: a
            // phone-sized widget shows the line only then (or while "More filters" is open), the
            // pressed toggles and the sections' counts saying the rest.
            <div class="rc-viewbar" data-filtered={(query.has_filters() && !query.same_filters(&props.base)).then_some("true")}>
                { status_line(StatusLineProps { content: content.clone(), outcome: outcome.clone(), roles: shown_roles.clone() }) }
                { active_filters(ActiveFiltersProps {
                    content: content.clone(),
                    query: query.clone(),
                    on_remove: {
                        let state = state.clone();
                        Callback::from(move |what: Option<(Facet, AttrValue)>| state.dispatch(match what {
                            Some((facet, value)) => Action::Toggle(facet, value.to_string()),
                            None => Action::SetText(String::new()),
                        }))
                    },
                    on_clear,
                }) }
                if props.controls.layout {
                    <div class="rc-layouts" role="group" aria-label="Layout">
                        { for Layout::ALL.iter().map(|&layout| {
                            let state = state.clone();
                            html! {
                                <button
                                    type="button"
                                    class="rc-layout"
                                    data-layout={layout.id()}
                                    aria-pressed={if state.query.layout == layout { "true" } else { "false" }}
                                    onclick={Callback::from(move |_: MouseEvent| state.dispatch(Action::SetLayout(layout)))}
                                >
                                    { layout.label() }
                                </button>
                            }
                        }) }
                    </div>
                }
            </div>
            if outcome.shown.is_empty() && !shown_roles.is_empty() {
                <div class="rc-empty">
                    <p>{ empty_advice(query) }</p>
                    if query.has_filters() {
                        <button type="button" class="rc-clear" onclick={on_clear_click}>{ "Clear filters" }</button>
                    }
                </div>
            }
            // How many columns the view has, for the stylesheet to lay them out from the first
            // byte of a pre-rendered page (see role-compare.css, "All the roles fit").
            // Busy from a tap until the duties follow it, a frame later (`State::shown`): screen
            // readers wait for the update, and tests know when the view has caught up.
            <div class="rc-view" ref={view} onclick={on_view_click} data-columns={shown_roles.len().to_string()} aria-busy={(state.query != state.shown).then_some("true")}>
            if query.layout == Layout::Topics {
                { topic_table(TopicTableProps {
                    content: content.clone(),
                    rows: rows.clone(),
                    roles: shown_roles.clone(),
                    heading_level: props.heading_level,
                    current: current.clone(),
                }) }
            } else {
                { role_columns(RoleColumnsProps {
                    content: content.clone(),
                    outcome: outcome.clone(),
                    roles: shown_roles.clone(),
                    heading_level: props.heading_level,
                    current: current.clone(),
                }) }
            }
            </div>
            <Perspectives
                content={content.clone()}
                roles={query.roles.clone()}
                heading_level={props.heading_level}
            />
            <ShareBar
                content={content.clone()}
                query={query.clone()}
                outcome={outcome.clone()}
                roles={shown_roles.clone()}
                base={props.base.clone()}
                theme={props.theme}
                owns_url={props.fragment.is_some()}
            />
        </>
    }
}

/// The duty id of a "Link to this duty" the click landed in, if it did.
fn duty_link_of(event: &MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let link = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[data-duty-link]")
        .ok()??;
    link.get_attribute("data-duty-link")
}

/// Scrolls the duty a deep link points at into view, inside this widget's view.
fn scroll_to_duty(view: &NodeRef, duty: Option<&str>) {
    let (Some(view), Some(duty)) = (view.cast::<web_sys::Element>(), duty) else {
        return;
    };
    // Ids are checked against the content (lowercase letters, digits, hyphens) before they get
    // here, so they need no escaping in the selector.
    if !crate::content::is_valid_id(duty) {
        return;
    }
    if let Ok(Some(item)) = view.query_selector(&["[data-duty=\"", duty, "\"]"].concat()) {
        item.scroll_into_view();
    }
}

/// What to loosen when nothing fits, naming the filters in use.
pub fn empty_advice(query: &Query) -> String {
    let mut loosen: Vec<String> = Vec::new();
    if !query.text.trim().is_empty() {
        loosen.push(["the search \"", query.text.trim(), "\""].concat());
    }
    if !query.topics.is_empty() {
        loosen.push("a topic".into());
    }
    if !query.focus.is_empty() {
        loosen.push("the focus".into());
    }
    if !query.line.is_empty() {
        loosen.push("the line".into());
    }
    if !query.overlap.is_empty() {
        loosen.push("the overlap".into());
    }
    if loosen.is_empty() {
        return "These roles have no duties.".into();
    }
    [
        "No duty fits all these filters. Try removing ",
        &loosen.join(", or "),
        ", or show more roles.",
    ]
    .concat()
}
