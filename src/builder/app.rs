//! The builder's page, `builder.html`: the author's data (a text area, files, an address,
//! templates) and its problems; the live widget beside it, with the embed's options as
//! controls; and the results: the snippets and the content files. The preview is the crate's
//! own `Widget`, the very view a reader gets.
//!
//! The data flows one way: the draft's text -> `draft::read` (the widget's readers and
//! validator) -> the last content without problems -> the preview and the results.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::draft::{open, Draft, Reading, EMPTY_TABLE, STORAGE_KEY, TEMPLATE_CSV};
use super::options::PreviewOptions;
use super::snippet::{snippets, Snippets};
use super::state::{Action, BuilderState};
use super::web;
use crate::components::{Loaded, Widget, WidgetProps};
use crate::content::{column_letter, row_starts, write_table, ContentError};
use crate::export::file_name;
use crate::filter::Layout;
use crate::model::{Content, Focus, Line};
use crate::release::Pinned;

/// How long the builder waits after the last key before it reads the text: long enough not to
/// read a half-typed word, short enough to feel live.
pub const PAUSE_MS: u32 = 350;

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    /// The draft to start from: the stored one, or a new author's empty table.
    pub draft: Rc<Draft>,
}

#[component]
pub fn Builder(props: &BuilderProps) -> Html {
    let state = {
        let draft = (*props.draft).clone();
        use_reducer(move || BuilderState::new(draft))
    };
    let input = use_node_ref();
    let pause = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let release = use_state(|| None::<Result<Rc<Pinned>, AttrValue>>);
    let copied = use_state(|| None::<(AttrValue, AttrValue)>);
    let fallback = use_node_ref();

    // The release the snippets point at, read once.
    {
        let release = release.clone();
        use_effect_with((), move |()| {
            web::load_release(Callback::from(move |r| release.set(Some(r))));
        });
    }
    // The draft kept in the browser, each time it was read or its options changed.
    {
        let draft = state.draft.clone();
        let dispatcher = state.dispatcher();
        use_effect_with(state.saves, move |_| {
            if let Err(why) = web::save(STORAGE_KEY, &draft.to_storage()) {
                dispatcher.dispatch(Action::Say(
                    ["Your work is not kept in this browser: ", &why, "."]
                        .concat()
                        .into(),
                ));
            }
        });
    }
    // A refused copy: the field is selected for copying by hand.
    {
        let fallback = fallback.clone();
        use_effect_with((*copied).clone(), move |copied| {
            if copied.as_ref().is_some_and(|(_, said)| said.is_empty()) {
                web::select_field(&fallback);
            }
        });
    }

    let on_input = {
        let dispatcher = state.dispatcher();
        let pause = pause.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            dispatcher.dispatch(Action::Type(area.value()));
            let dispatcher = dispatcher.clone();
            // A new key cancels the reading the last one asked for (dropping a Timeout clears it).
            *pause.borrow_mut() = Some(gloo_timers::callback::Timeout::new(PAUSE_MS, move || {
                dispatcher.dispatch(Action::Read)
            }));
        })
    };
    let replace = {
        let dispatcher = state.dispatcher();
        move |opened: super::draft::Opened| {
            dispatcher.dispatch(Action::Replace {
                text: opened.text,
                kept: Box::new(opened.kept),
                notice: opened.said.into(),
            })
        }
    };
    let on_file = {
        let replace = replace.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |e: Event| {
            let Some(field) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let replace = replace.clone();
            let dispatcher = dispatcher.clone();
            web::read_file(
                &field,
                Callback::from(
                    move |read: Result<(String, String, String), String>| match read {
                        Ok((name, kind, text)) => replace(open(&name, &kind, &text)),
                        Err(why) => dispatcher.dispatch(Action::Say(
                            ["The file could not be opened: ", &why, "."]
                                .concat()
                                .into(),
                        )),
                    },
                ),
            );
            // The same file can be opened again after edits.
            field.set_value("");
        })
    };
    let address = use_node_ref();
    let on_address = {
        let replace = replace.clone();
        let dispatcher = state.dispatcher();
        let address = address.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(field) = address.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let url = field.value().trim().to_string();
            if url.is_empty() {
                return;
            }
            if !crate::content::is_web_address(&url) {
                dispatcher.dispatch(Action::Say(
                    "Give an address that starts with https:// (a published sheet's CSV link, or a content file)."
                        .into(),
                ));
                return;
            }
            dispatcher.dispatch(Action::Say(["Loading ", &url, "…"].concat().into()));
            let replace = replace.clone();
            let dispatcher = dispatcher.clone();
            let name = url.clone();
            web::fetch_text(
                url,
                Callback::from(move |read: Result<(String, String), String>| match read {
                    Ok((text, kind)) => replace(open(&name, &kind, &text)),
                    Err(why) => dispatcher.dispatch(Action::Say(
                        [&name, " could not be loaded: ", &why, "."].concat().into(),
                    )),
                }),
            );
        })
    };
    let on_built_in = {
        let replace = replace.clone();
        Callback::from(move |_: MouseEvent| {
            let content = crate::content::default_content();
            let (text, kept) = super::kept::import(&content, "the built-in content");
            replace(super::draft::Opened {
                text,
                kept,
                said: "The built-in comparison, as a table: change it, or keep its shape for your own roles.".into(),
            })
        })
    };
    let on_empty = {
        let replace = replace.clone();
        Callback::from(move |_: MouseEvent| {
            replace(super::draft::Opened {
                text: EMPTY_TABLE.into(),
                kept: Default::default(),
                said: "An empty table: a row for each duty under the header.".into(),
            })
        })
    };
    let on_template = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            say_download(
                &dispatcher,
                "role-compare-template.csv",
                "text/csv;charset=utf-8",
                TEMPLATE_CSV,
            )
        })
    };
    let on_start_over = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::StartOver))
    };
    let on_undo = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Undo))
    };
    let on_problem = {
        let input = input.clone();
        let text = state.draft.text.clone();
        Callback::from(move |row: usize| {
            let at = row_starts(&text)
                .into_iter()
                .find(|(r, _)| *r >= row)
                .map_or(text.len(), |(_, at)| at);
            web::place_caret(&input, &text, at);
        })
    };
    let on_options = {
        let dispatcher = state.dispatcher();
        Callback::from(move |options: PreviewOptions| {
            dispatcher.dispatch(Action::SetOptions(options))
        })
    };

    let results = use_memo(
        (
            state.shown.clone(),
            state.draft.options.clone(),
            (*release).clone(),
            state.draft.kept.is_empty(),
        ),
        |(shown, options, release, nothing_kept)| {
            let (Some(content), Some(Ok(release))) = (shown, release) else {
                return None;
            };
            let pairs = options.pairs(content);
            Some(snippets(release, &pairs, content, *nothing_kept))
        },
    );
    let on_copy = {
        let copied = copied.clone();
        Callback::from(move |(id, text): (AttrValue, AttrValue)| {
            let copied = copied.clone();
            let said = id.clone();
            web::copy_text(
                text.to_string(),
                Callback::from(move |ok: bool| {
                    copied.set(Some((
                        said.clone(),
                        if ok {
                            "Copied".into()
                        } else {
                            AttrValue::default()
                        },
                    )))
                }),
            );
        })
    };
    let on_download = |json: bool| {
        let dispatcher = state.dispatcher();
        let shown = state.shown.clone();
        let current = matches!(state.reading, Reading::Content(_));
        Callback::from(move |_: MouseEvent| {
            let Some(content) = shown.as_ref().filter(|_| current) else {
                dispatcher.dispatch(Action::Say(
                    "The table has problems: fix them first (the list under the table).".into(),
                ));
                return;
            };
            let roles: Vec<usize> = (0..content.roles.len()).collect();
            if json {
                let name = file_name(content, &roles, "json");
                say_download(
                    &dispatcher,
                    &name,
                    "application/json;charset=utf-8",
                    &crate::content::to_json(content),
                );
            } else {
                let name = file_name(content, &roles, "csv");
                say_download(
                    &dispatcher,
                    &name,
                    "text/csv;charset=utf-8",
                    &write_table(content, true),
                );
            }
        })
    };

    let problems: &[ContentError] = match &state.reading {
        Reading::Problems(errors) => errors,
        _ => &[],
    };
    let current = matches!(state.reading, Reading::Content(_));
    html! {
        <div class="rcb">
            <section class="rcb-data" aria-labelledby="rcb-data-title">
                <h2 id="rcb-data-title" class="rcb-title">{ "1. Your table" }</h2>
                <p class="rcb-hint">
                    { "One duty a row, under a header row naming the columns: role, text, focus (internal or external), line (top or bottom), topics (separated by ;) and source. Paste the cells from a spreadsheet, type, or start from a file, an address or a template (below)." }
                </p>
                <label class="rcb-label" for="rcb-input">{ "Your table (CSV or tab-separated; the first row is the header)" }</label>
                <textarea
                    id="rcb-input"
                    class="rcb-input"
                    data-builder="input"
                    spellcheck="false"
                    autocomplete="off"
                    rows="14"
                    wrap="off"
                    ref={input}
                    value={state.draft.text.clone()}
                    oninput={on_input}
                    aria-describedby="rcb-status"
                />
                <p id="rcb-status" class="rcb-status" role="status" aria-live="polite" data-builder="status">
                    { status_line(&state) }
                </p>
                if !state.kept_said.is_empty() {
                    <p class="rcb-kept" data-builder="kept">{ capitalised(&state.kept_said) }{ "." }</p>
                }
                if !state.notice.is_empty() {
                    <p class="rcb-notice" data-builder="notice">
                        { state.notice.clone() }
                        if state.before.is_some() {
                            { " " }
                            <button type="button" class="rcb-button rcb-button--small" data-builder="undo" onclick={on_undo}>{ "Undo" }</button>
                        }
                    </p>
                }
                { problem_list(problems, &on_problem) }
                <div class="rcb-sources" role="group" aria-labelledby="rcb-start-title">
                    <h3 id="rcb-start-title" class="rcb-subtitle">{ "Or start from" }</h3>
                    <label class="rcb-file">
                        <span>{ "Open a CSV, TSV or JSON file" }</span>
                        <input type="file" accept=".csv,.tsv,.json,.txt,text/csv,text/tab-separated-values,application/json" data-builder="file" onchange={on_file} />
                    </label>
                    <form class="rcb-address" onsubmit={on_address}>
                        <label for="rcb-address">{ "Or its address (a published sheet's CSV link)" }</label>
                        <div class="rcb-row">
                            <input id="rcb-address" type="url" inputmode="url" placeholder="https://docs.google.com/spreadsheets/d/e/…/pub?output=csv" data-builder="address" ref={address} />
                            <button type="submit" class="rcb-button" data-builder="load">{ "Load" }</button>
                        </div>
                    </form>
                    <div class="rcb-row" role="group" aria-label="Templates">
                        <button type="button" class="rcb-button" data-builder="template-built-in" onclick={on_built_in}>{ "Start from the built-in comparison" }</button>
                        <button type="button" class="rcb-button" data-builder="template-empty" onclick={on_empty}>{ "Start from an empty table" }</button>
                        <button type="button" class="rcb-button" data-builder="download-template" onclick={on_template}>{ "Download a template CSV" }</button>
                    </div>
                </div>
                <p class="rcb-row">
                    <button type="button" class="rcb-button rcb-button--quiet" data-builder="start-over" onclick={on_start_over}>{ "Start over" }</button>
                    <span class="rcb-hint">{ "Your table is kept in this browser until you start over." }</span>
                </p>
            </section>
            <section class="rcb-preview" aria-labelledby="rcb-preview-title">
                <h2 id="rcb-preview-title" class="rcb-title">{ "2. Preview" }</h2>
                if let Some(content) = &state.shown {
                    <OptionControls content={content.clone()} options={state.draft.options.clone()} on_change={on_options} />
                }
                if state.stale() {
                    <p class="rcb-stale" data-builder="stale" role="status">
                        { "The preview shows your table as it was before its problems: fix them to see your changes." }
                    </p>
                }
                <div class="rcb-widget" data-builder="preview">
                    { preview(&state) }
                </div>
            </section>
            <section class="rcb-result" aria-labelledby="rcb-result-title">
                <h2 id="rcb-result-title" class="rcb-title">{ "3. Publish" }</h2>
                <div class="rcb-row" role="group" aria-label="Download the content">
                    <button type="button" class="rcb-button" data-builder="download-json" disabled={!current} onclick={on_download(true)}>{ "Download content (JSON)" }</button>
                    <button type="button" class="rcb-button" data-builder="download-csv" disabled={!current} onclick={on_download(false)}>{ "Download content (CSV)" }</button>
                </div>
                if state.stale() {
                    <p class="rcb-hint">{ "The snippets below are made from the last table without problems." }</p>
                }
                { publish(results.as_ref().as_ref(), &release, &copied, &on_copy, &fallback) }
            </section>
        </div>
    }
}

/// Downloads a file and says so (or why not).
fn say_download(
    dispatcher: &UseReducerDispatcher<BuilderState>,
    name: &str,
    kind: &str,
    text: &str,
) {
    dispatcher.dispatch(Action::Say(match web::download(name, kind, text) {
        Ok(()) => ["Downloading ", name, "."].concat().into(),
        Err(why) => ["The file could not be made: ", &why, "."].concat().into(),
    }));
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        [
            first.to_ascii_uppercase().to_string().as_str(),
            chars.as_str(),
        ]
        .concat()
    })
}

/// One line on where the author is: the counts, the problems, or what to do first.
fn status_line(state: &BuilderState) -> String {
    match &state.reading {
        Reading::Content(content) => [
            content.duties.len().to_string().as_str(),
            if content.duties.len() == 1 {
                " duty, "
            } else {
                " duties, "
            },
            &content.roles.len().to_string(),
            if content.roles.len() == 1 {
                " role, "
            } else {
                " roles, "
            },
            &content.topics.len().to_string(),
            if content.topics.len() == 1 {
                " topic, "
            } else {
                " topics, "
            },
            &content.sources.len().to_string(),
            if content.sources.len() == 1 {
                " source: no problems."
            } else {
                " sources: no problems."
            },
        ]
        .concat(),
        Reading::Problems(errors) => [
            errors.len().to_string().as_str(),
            if errors.len() == 1 {
                " problem"
            } else {
                " problems"
            },
            if errors.len() >= crate::content::MAX_REPORTED_ERRORS {
                " (the first ones)"
            } else {
                ""
            },
            ": see the list below.",
        ]
        .concat(),
        Reading::Empty => "No duty yet: add a row under the header for each duty.".into(),
    }
}

/// The problems, each a button that puts the caret on its row.
fn problem_list(problems: &[ContentError], on_problem: &Callback<usize>) -> Html {
    if problems.is_empty() {
        return html! { <div data-builder="problems" hidden=true></div> };
    }
    html! {
        <div class="rcb-problems" data-builder="problems">
            <h3 class="rcb-subtitle">{ "Problems" }</h3>
            <ul>
                { for problems.iter().map(|p| {
                    let row = p.place.map(|place| place.row.to_string());
                    let column = p.place.and_then(|place| place.column).map(column_letter);
                    match p.place {
                        Some(place) => {
                            let on_problem = on_problem.clone();
                            let onclick = Callback::from(move |_: MouseEvent| on_problem.emit(place.row));
                            html! {
                                <li data-row={row} data-column={column}>
                                    <button type="button" class="rcb-problem" {onclick}>{ p.describe() }</button>
                                </li>
                            }
                        }
                        None => html! { <li>{ p.describe() }</li> },
                    }
                }) }
            </ul>
        </div>
    }
}

/// The live widget, or what takes its place before the first table without problems.
fn preview(state: &BuilderState) -> Html {
    let Some(content) = &state.shown else {
        return html! {
            <p class="rcb-placeholder">{ "The comparison appears here once your table has a row without problems." }</p>
        };
    };
    let pairs = state.draft.options.pairs(content);
    let props = WidgetProps::new(
        pairs.iter().map(|(name, value)| (*name, value.as_str())),
        Loaded::Ready(content.clone().into()),
        None,
    );
    // A new key starts the widget afresh: it reads its options and content when it mounts.
    let key = state.generation.to_string();
    html! { <div class="rcb-mount" {key}><Widget ..props /></div> }
}

/// The snippets, each with a copy button.
fn publish(
    results: Option<&Snippets>,
    release: &UseStateHandle<Option<Result<Rc<Pinned>, AttrValue>>>,
    copied: &UseStateHandle<Option<(AttrValue, AttrValue)>>,
    on_copy: &Callback<(AttrValue, AttrValue)>,
    fallback: &NodeRef,
) -> Html {
    if let Some(Err(why)) = &**release {
        return html! { <p class="rcb-notice">{ why.clone() }</p> };
    }
    let Some(results) = results else {
        return html! { <p class="rcb-hint">{ "The snippets appear once your table has a row without problems." }</p> };
    };
    let hugo_hint = [
        "Save the downloaded JSON as static/role-compare/",
        &results.hugo_file,
        " in your Hugo site, with the shortcode installed (see the Hugo guide).",
    ]
    .concat();
    let wordpress_hint = [
        "Upload ",
        &results.wordpress_file,
        if results.wordpress_file.ends_with(".csv") {
            " (Download content (CSV)) to the media library"
        } else {
            " (Download content (JSON); WordPress takes JSON uploads only with a plugin that allows them)"
        },
        ", put its address in place of the example one, and paste this into the code editor, with the role-compare plugin active.",
    ]
    .concat();
    let items = [
        (
            "script",
            "Script embed",
            "For any page or blog that takes HTML: the content travels inside the snippet.",
            &results.script,
            String::new(),
        ),
        (
            "element",
            "The <role-compare> element",
            "The same, as one element of its own.",
            &results.element,
            String::new(),
        ),
        (
            "hugo",
            "Hugo shortcode",
            "For Hugo sites.",
            &results.hugo,
            hugo_hint,
        ),
        (
            "wordpress",
            "WordPress block",
            "For WordPress with the role-compare plugin.",
            &results.wordpress,
            wordpress_hint,
        ),
    ];
    html! {
        <div class="rcb-snippets">
            { for items.into_iter().map(|(id, label, hint, text, more)| {
                let text: AttrValue = text.clone().into();
                let said = copied.as_ref().filter(|(which, _)| which == id).map(|(_, said)| said.clone());
                let refused = said.as_ref().is_some_and(|s| s.is_empty());
                let onclick = {
                    let on_copy = on_copy.clone();
                    let text = text.clone();
                    Callback::from(move |_: MouseEvent| on_copy.emit((id.into(), text.clone())))
                };
                let field = ["rcb-snippet-", id].concat();
                html! {
                    <div class="rcb-snippet">
                        <label class="rcb-label" for={field.clone()}>{ label }</label>
                        <p class="rcb-hint">{ hint }{ if more.is_empty() { String::new() } else { [" ", more.as_str()].concat() } }</p>
                        <textarea
                            id={field}
                            class="rcb-code"
                            data-snippet={id}
                            readonly=true
                            rows="5"
                            spellcheck="false"
                            ref={if refused { fallback.clone() } else { NodeRef::default() }}
                            value={text}
                        />
                        <p class="rcb-row">
                            <button type="button" class="rcb-button" data-copy={id} {onclick}>{ ["Copy ", &label.replace("The ", "the ")].concat() }</button>
                            <span class="rcb-said" aria-live="polite">
                                { match said {
                                    Some(s) if s.is_empty() => AttrValue::from("Your browser did not let the page copy: the text is selected, press Ctrl+C (⌘C on a Mac)."),
                                    Some(s) => s,
                                    None => AttrValue::default(),
                                } }
                            </span>
                        </p>
                    </div>
                }
            }) }
        </div>
    }
}

/// A change to the options, given the control's value (`"true"` or `""` for a checkbox).
type Edit = dyn Fn(&mut PreviewOptions, String);

#[derive(Properties, PartialEq)]
pub struct OptionControlsProps {
    /// The content the controls offer roles and topics of.
    pub content: Rc<Content>,
    pub options: PreviewOptions,
    /// The options as the author changed them.
    pub on_change: Callback<PreviewOptions>,
}

/// The embed's options as controls: roles shown and their order, the focus, line and topic to
/// start with, the layout, the theme, compact cards.
#[component]
pub fn OptionControls(props: &OptionControlsProps) -> Html {
    let content = &props.content;
    let options = &props.options;
    let change = |edit: Rc<Edit>| {
        let options = options.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| {
                    t.clone()
                        .dyn_into::<web_sys::HtmlSelectElement>()
                        .map(|s| s.value())
                        .or_else(|_| {
                            t.dyn_into::<web_sys::HtmlInputElement>().map(|i| {
                                if i.checked() {
                                    "true".into()
                                } else {
                                    String::new()
                                }
                            })
                        })
                        .ok()
                })
                .unwrap_or_default();
            let mut next = options.clone();
            edit(&mut next, value);
            on_change.emit(next);
        })
    };
    let pick = |value: String| (!value.is_empty()).then_some(value);
    let select = |id: &'static str,
                  label: &'static str,
                  current: Option<&str>,
                  choices: Vec<(String, String)>,
                  onchange: Callback<Event>| {
        html! {
            <label class="rcb-option" for={id}>
                <span>{ label }</span>
                <select {id} data-option={id.trim_start_matches("rcb-")} {onchange}>
                    { for choices.into_iter().map(|(value, text)| {
                        let selected = current.unwrap_or("") == value;
                        html! { <option {value} {selected}>{ text }</option> }
                    }) }
                </select>
            </label>
        }
    };
    let order = options.role_order(content);
    let last = order.len().saturating_sub(1);
    html! {
        <fieldset class="rcb-options">
            <legend>{ "The embed's options" }</legend>
            <div class="rcb-roles" role="group" aria-label="Roles shown, in order">
                <span class="rcb-option-label">{ "Roles shown, in order" }</span>
                <ol>
                    { for order.iter().enumerate().map(|(i, (id, shown))| {
                        let title = content.role(id).map_or(id.as_str(), |r| r.title.as_str()).to_string();
                        let on_show = {
                            let id = id.clone();
                            change(Rc::new(move |o: &mut PreviewOptions, v: String| o.show_role(&id, !v.is_empty())))
                        };
                        let moved = |up: bool| {
                            let options = options.clone();
                            let content = content.clone();
                            let on_change = props.on_change.clone();
                            let id = id.clone();
                            Callback::from(move |_: MouseEvent| {
                                let mut next = options.clone();
                                next.move_role(&content, &id, up);
                                on_change.emit(next);
                            })
                        };
                        html! {
                            <li data-option-role={id.clone()}>
                                <label><input type="checkbox" checked={*shown} onchange={on_show} />{ " " }{ title.clone() }</label>
                                <button type="button" class="rcb-button rcb-button--small" disabled={i == 0} onclick={moved(true)} aria-label={["Move ", &title, " earlier"].concat()}>{ "←" }</button>
                                <button type="button" class="rcb-button rcb-button--small" disabled={i == last} onclick={moved(false)} aria-label={["Move ", &title, " later"].concat()}>{ "→" }</button>
                            </li>
                        }
                    }) }
                </ol>
            </div>
            { select("rcb-focus", "Focus to start with", options.focus.as_deref(),
                std::iter::once((String::new(), "Both".to_string())).chain(Focus::ALL.iter().map(|f| (f.id().to_string(), f.label().to_string()))).collect(),
                change(Rc::new(move |o: &mut PreviewOptions, v: String| o.focus = pick(v)))) }
            { select("rcb-line", "Line to start with", options.line.as_deref(),
                std::iter::once((String::new(), "Both".to_string())).chain(Line::ALL.iter().map(|l| (l.id().to_string(), l.label().to_string()))).collect(),
                change(Rc::new(move |o: &mut PreviewOptions, v: String| o.line = pick(v)))) }
            { select("rcb-topic", "Topic to start with", options.topic.as_deref(),
                std::iter::once((String::new(), "Every topic".to_string())).chain(content.topics.iter().map(|t| (t.id.clone(), t.label.clone()))).collect(),
                change(Rc::new(move |o: &mut PreviewOptions, v: String| o.topic = pick(v)))) }
            { select("rcb-layout", "Layout", options.layout.as_deref(),
                Layout::ALL.iter().map(|l| (if *l == Layout::default() { String::new() } else { l.id().to_string() }, l.label().to_string())).collect(),
                change(Rc::new(move |o: &mut PreviewOptions, v: String| o.layout = pick(v)))) }
            { select("rcb-theme", "Theme", options.theme.as_deref(),
                [("", "Follow the page or the reader"), ("light", "Light"), ("dark", "Dark"), ("inherit", "The host page's colours")].iter().map(|(v, t)| (v.to_string(), t.to_string())).collect(),
                change(Rc::new(move |o: &mut PreviewOptions, v: String| o.theme = pick(v)))) }
            <label class="rcb-option rcb-option--check">
                <input type="checkbox" data-option="compact" checked={options.compact}
                    onchange={change(Rc::new(|o: &mut PreviewOptions, v: String| o.compact = !v.is_empty()))} />
                { " Compact cards" }
            </label>
        </fieldset>
    }
}
