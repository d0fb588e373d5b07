//! Sharing the current view: a link to it, its duties as CSV or JSON, and the snippet that
//! embeds it in another page; and, for the printed page, the active filters in words.
//!
//! What to write is decided in `export` (pure, tested natively); this component renders the
//! buttons (natively too: the build pre-renders them) and touches the browser (clipboard,
//! downloads, the DOM the embed snippet copies) only inside callbacks and effects.

use std::rc::Rc;

use yew::prelude::*;

use crate::export;
use crate::filter::{Outcome, Query};
use crate::model::SharedContent;
use crate::options::Theme;
use crate::release::Pinned;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// Validated content the view shows.
    pub content: SharedContent,
    /// The reader's current query (filters, layout, a deep link's duty).
    pub query: Query,
    /// What the query leaves: `shown` are the visible duties.
    pub outcome: Rc<Outcome>,
    /// Indices into `content.roles` of the roles shown, in column order.
    pub roles: Vec<usize>,
    /// The query the widget started from (what "no fragment" means).
    pub base: Query,
    /// The widget's theme option, written into the embed snippet.
    pub theme: Theme,
    /// Whether this widget keeps its state in the page's URL fragment, so that the page's URL
    /// with the fragment reproduces the view (`mount` decides: at most one widget a page does).
    #[prop_or_default]
    pub owns_url: bool,
}

/// A message in the share bar's live region, and what the reader may do about it.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    None,
    Said(AttrValue),
    /// Copying was refused: the text is shown selected in a read-only field.
    CopyByHand(AttrValue),
}

/// The two embed snippets, made from the live view when the panel opens.
#[derive(Clone, Debug, PartialEq)]
struct Snippets {
    script: AttrValue,
    /// `None` when the content is an author's: the iframe page can only show the built-in one.
    iframe: Option<AttrValue>,
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let bar = use_node_ref();
    let notice = use_state_eq(|| Notice::None);
    let embed_open = use_state(|| false);
    let snippets = use_state_eq(|| None::<Snippets>);
    // The release the snippets point at, read when the panel first opens.
    let release = use_state(|| None::<Result<Rc<Pinned>, AttrValue>>);
    let fallback_field = use_node_ref();

    // The snippets follow the view while the panel is open: made after each render from the
    // DOM that render left (the pre-rendered view inside the script embed is a copy of it).
    {
        let bar = bar.clone();
        let snippets = snippets.clone();
        let content = props.content.clone();
        let roles = props.roles.clone();
        let theme = props.theme;
        use_effect_with(
            (
                *embed_open,
                props.query.clone(),
                props.roles.clone(),
                (*release).clone(),
            ),
            move |(open, query, _, release)| {
                let release = release
                    .as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .filter(|_| *open);
                snippets
                    .set(release.map(|r| make_snippets(&bar, &content, query, &roles, theme, r)));
            },
        );
    }
    // A message (or a link shown for copying by hand) is about the view it was made for.
    {
        let notice = notice.clone();
        use_effect_with(props.query.clone(), move |_| notice.set(Notice::None));
    }
    // A refused copy: the field with the text is selected for the reader to copy by hand.
    {
        let field = fallback_field.clone();
        use_effect_with((*notice).clone(), move |notice| {
            if matches!(notice, Notice::CopyByHand(_)) {
                web::select_field(&field);
            }
        });
    }

    let copy = {
        let notice = notice.clone();
        move |text: String, what: &'static str| {
            let notice = notice.clone();
            web::copy_text(
                text.clone(),
                Callback::from(move |copied: bool| {
                    notice.set(if copied {
                        Notice::Said([what, " copied"].concat().into())
                    } else {
                        Notice::CopyByHand(text.clone().into())
                    })
                }),
            );
        }
    };
    let on_copy_link = {
        let copy = copy.clone();
        let bar = bar.clone();
        let query = props.query.clone();
        let base = props.base.clone();
        let content = props.content.clone();
        let owns_url = props.owns_url;
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            match web::view_link(&bar, &content, &query, &base, owns_url) {
                Some(link) => copy(link, "Link"),
                None => notice.set(Notice::Said(
                    "This widget's view has no link of its own: use \u{201c}Embed\u{201d} to show it elsewhere."
                        .into(),
                )),
            }
        })
    };
    let on_export = |csv: bool| {
        let notice = notice.clone();
        let content = props.content.clone();
        let roles = props.roles.clone();
        let outcome = props.outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let (extension, kind, text) = if csv {
                let text =
                    (!outcome.shown.is_empty()).then(|| export::csv(&content, &outcome.shown));
                ("csv", "text/csv;charset=utf-8", text)
            } else {
                let text = export::json(&content, &roles, &outcome.shown);
                ("json", "application/json;charset=utf-8", text)
            };
            let Some(text) = text else {
                notice.set(Notice::Said(
                    "No duty is shown, so there is nothing to export: loosen the filters first."
                        .into(),
                ));
                return;
            };
            let name = export::file_name(&content, &roles, extension);
            notice.set(Notice::Said(match web::download(&name, kind, &text) {
                Ok(()) => ["Downloading ", &name].concat().into(),
                Err(why) => ["The file could not be made: ", &why].concat().into(),
            }));
        })
    };
    let on_embed = {
        let embed_open = embed_open.clone();
        let release = release.clone();
        let bar = bar.clone();
        Callback::from(move |_: MouseEvent| {
            // Read once it is needed; again on the next opening if it could not be read.
            if !release.as_ref().is_some_and(|r| r.is_ok()) {
                let release = release.clone();
                web::load_release(&bar, Callback::from(move |r| release.set(Some(r))));
            }
            embed_open.set(!*embed_open)
        })
    };
    let on_copy_snippet = |iframe: bool| {
        let snippets = snippets.clone();
        let copy = copy.clone();
        Callback::from(move |_: MouseEvent| {
            let text = snippets.as_ref().and_then(|s| {
                if iframe {
                    s.iframe.clone()
                } else {
                    Some(s.script.clone())
                }
            });
            if let Some(text) = text {
                copy(
                    text.to_string(),
                    if iframe {
                        "Iframe embed"
                    } else {
                        "Script embed"
                    },
                );
            }
        })
    };

    let message = match &*notice {
        Notice::None => AttrValue::default(),
        Notice::Said(m) => m.clone(),
        Notice::CopyByHand(_) => {
            "Your browser did not let the widget copy. The text is selected below: press Ctrl+C (\u{2318}C on a Mac) to copy it.".into()
        }
    };
    let open = *embed_open;
    html! {
        <div class="rc-share" ref={bar}>
            <p class="rc-print-filters">{ export::filters_in_words(&props.content, &props.query) }</p>
            <div class="rc-share-actions" role="group" aria-label="Share this view">
                <button type="button" class="rc-share-button" data-action="copy-link" onclick={on_copy_link}>
                    { "Copy link" }
                </button>
                <button type="button" class="rc-share-button" data-export="csv" onclick={on_export(true)}>
                    { "Download CSV" }
                </button>
                <button type="button" class="rc-share-button" data-export="json" onclick={on_export(false)}>
                    { "Download JSON" }
                </button>
                <button
                    type="button"
                    class="rc-share-button"
                    data-action="embed"
                    aria-expanded={if open { "true" } else { "false" }}
                    onclick={on_embed}
                >
                    { "Embed this view" }
                </button>
            </div>
            <p class="rc-share-message" aria-live="polite">{ message }</p>
            if let Notice::CopyByHand(text) = &*notice {
                if !open || !is_snippet(&snippets, text) {
                    <label class="rc-share-fallback">
                        <span class="rc-group-label">{ "Link to this view" }</span>
                        <textarea
                            class="rc-share-field"
                            data-snippet="link"
                            readonly=true
                            rows="2"
                            ref={fallback_field.clone()}
                            value={text.clone()}
                        />
                    </label>
                }
            }
            if open {
                <div class="rc-embed">
                    <p class="rc-embed-intro">
                        { "Paste one of these into a page to show this view there: the same roles, filters, layout and theme." }
                    </p>
                    if let Some(Err(why)) = &*release {
                        <p class="rc-embed-item">{ why }</p>
                    } else {
                        { snippet_field(&snippets, false, on_copy_snippet(false), &notice, &fallback_field) }
                        { snippet_field(&snippets, true, on_copy_snippet(true), &notice, &fallback_field) }
                    }
                </div>
            }
        </div>
    }
}

/// Whether `text` is one of the snippets (a refused copy of a snippet selects its own field).
fn is_snippet(snippets: &UseStateHandle<Option<Snippets>>, text: &AttrValue) -> bool {
    snippets
        .as_ref()
        .is_some_and(|s| s.script == *text || s.iframe.as_ref() == Some(text))
}

/// One snippet: its label and explanation, the code in a read-only field, its copy button.
fn snippet_field(
    snippets: &UseStateHandle<Option<Snippets>>,
    iframe: bool,
    on_copy: Callback<MouseEvent>,
    notice: &UseStateHandle<Notice>,
    fallback_field: &NodeRef,
) -> Html {
    let (id, label, copy, hint) = if iframe {
        (
            "iframe",
            "Iframe embed",
            "Copy iframe embed",
            "For sites that allow no scripts in posts: the view in a frame of its own.",
        )
    } else {
        (
            "script",
            "Script embed",
            "Copy script embed",
            "The view shows at once, with the page; its filters load when the reader comes near.",
        )
    };
    let text = snippets.as_ref().map(|s| {
        if iframe {
            s.iframe.clone()
        } else {
            Some(s.script.clone())
        }
    });
    let Some(text) = text else {
        return html! { <p class="rc-embed-item">{ "Making the snippet…" }</p> };
    };
    let Some(text) = text else {
        return html! {
            <p class="rc-embed-item" data-snippet={id}>
                { "No iframe embed for this view: the iframe page shows the built-in content only, and this widget shows its author's. Use the script embed, which carries the content with it." }
            </p>
        };
    };
    // The field the reader copies from by hand when the browser refused the copy button.
    let refused = matches!(&**notice, Notice::CopyByHand(t) if *t == text);
    html! {
        <div class="rc-embed-item">
            <label class="rc-embed-label">
                <span class="rc-group-label">{ label }</span>
                <span class="rc-embed-hint">{ hint }</span>
                <textarea
                    class="rc-share-field"
                    data-snippet={id}
                    readonly=true
                    rows="4"
                    spellcheck="false"
                    ref={if refused { fallback_field.clone() } else { NodeRef::default() }}
                    value={text}
                />
            </label>
            <button type="button" class="rc-share-button" data-copy={id} onclick={on_copy}>
                { copy }
            </button>
        </div>
    }
}

/// The snippets for the view as rendered now.
fn make_snippets(
    bar: &NodeRef,
    content: &SharedContent,
    query: &Query,
    roles: &[usize],
    theme: Theme,
    release: &Pinned,
) -> Snippets {
    let options = export::embed_options(content, query, roles, theme);
    let built_in = crate::content::is_built_in(content);
    let inline = (!built_in).then(|| crate::content::to_json(content));
    let view = web::view_html(bar)
        .map(|html| crate::prerender::wrap(&html))
        .unwrap_or_default();
    Snippets {
        script: export::script_snippet(release, &options, inline.as_deref(), &view).into(),
        iframe: built_in.then(|| export::iframe_snippet(release, &options, content, roles).into()),
    }
}

/// The browser side: clipboard, downloads, the page's URL and the widget's DOM. Called only
/// from callbacks and effects, which never run in the server renderer.
mod web {
    use std::rc::Rc;

    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use yew::{AttrValue, Callback, NodeRef};

    use crate::filter::Query;
    use crate::model::SharedContent;
    use crate::release::{Pinned, Release};
    pub use crate::web::files::{copy_text, download, select_field};

    /// The link that shows this view: the page's URL with the view as its fragment when this
    /// widget owns the fragment; else, for the built-in content, the widget's own page with the
    /// view; else `None` (an author's content lives only where it is embedded).
    pub fn view_link(
        bar: &NodeRef,
        content: &SharedContent,
        query: &Query,
        base: &Query,
        owns_url: bool,
    ) -> Option<String> {
        let (page, fragment) = if owns_url {
            let href = web_sys::window()?.location().href().ok()?;
            let page = href.split('#').next().unwrap_or_default().to_string();
            (page, crate::url_state::write(query, base))
        } else if crate::content::is_built_in(content) {
            let start = crate::options::resolve(&Default::default(), content).base;
            (site(bar), crate::url_state::write(query, &start))
        } else {
            return None;
        };
        Some(if fragment.is_empty() {
            page
        } else {
            [page.as_str(), "#", &fragment].concat()
        })
    }

    fn closest(element: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
        element.closest(selector).ok().flatten()
    }

    /// The address of the widget's files, ending in `/`: what `embed.js` wrote on the host
    /// element (`data-rc-base`, its own directory), else the page's directory (the standalone
    /// and iframe pages sit beside the files). Only http(s) addresses are taken.
    pub fn site(bar: &NodeRef) -> String {
        let given = bar
            .cast::<web_sys::Element>()
            .and_then(|e| closest(&e, "[data-rc-base]"))
            .and_then(|host| host.get_attribute("data-rc-base"));
        let page = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten());
        let parse = |text: &str, base: Option<&str>| {
            let url = match base {
                Some(base) => web_sys::Url::new_with_base(text, base),
                None => web_sys::Url::new(text),
            }
            .ok()?;
            matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
        };
        let found = given
            .as_deref()
            .and_then(|g| parse(g, page.as_deref()))
            .or_else(|| page.as_deref().and_then(|p| parse("./", Some(p))));
        // A page opened from disk (the offline edition) has no address to give: the snippet
        // then names a placeholder for the author to replace.
        let mut site = found.unwrap_or_else(|| "https://example.org/role-compare/".into());
        // The part after the last `/` is a file (or a query), not the directory.
        if let Some(at) = site.find(['?', '#']) {
            site.truncate(at);
        }
        if !site.ends_with('/') {
            if let Some(at) = site.rfind('/') {
                site.truncate(at + 1);
            }
        }
        site
    }

    /// The release the widget's files belong to, for the snippets: `release.json` from beside
    /// them (`site`), or the page's own copy where it has one (`data-rc-release`: the offline
    /// edition, which has no address to fetch from).
    pub fn load_release(bar: &NodeRef, done: Callback<Result<Rc<Pinned>, AttrValue>>) {
        let site = site(bar);
        let url = [site.as_str(), "release.json"].concat();
        let given = bar
            .cast::<web_sys::Element>()
            .and_then(|e| closest(&e, "[data-rc-release]"))
            .and_then(|host| host.get_attribute("data-rc-release"));
        let request = given
            .is_none()
            .then(|| web_sys::window().map(|w| w.fetch_with_str(&url)))
            .flatten();
        let finish = move |read: Result<String, String>| {
            done.emit(
                read.and_then(|json| {
                    // The browser reads the JSON (no serde derive in the wasm for it).
                    let value = js_sys::JSON::parse(&json).map_err(|_| "not JSON".to_string())?;
                    Release::from_fields(|path| {
                        path.iter()
                            .try_fold(value.clone(), |v, key| {
                                js_sys::Reflect::get(&v, &JsValue::from_str(key)).ok()
                            })?
                            .as_string()
                    })
                })
                .map(|release| Rc::new(Pinned::new(&site, release)))
                .map_err(|why| {
                    [
                        "The snippets could not be made: ",
                        &url,
                        " could not be read (",
                        &why,
                        ").",
                    ]
                    .concat()
                    .into()
                }),
            )
        };
        if let Some(json) = given {
            return finish(Ok(json));
        }
        let Some(request) = request else {
            return finish(Err("no window".into()));
        };
        wasm_bindgen_futures::spawn_local(async move {
            let read = async {
                let response: web_sys::Response = JsFuture::from(request)
                    .await
                    .ok()
                    .and_then(|r| r.dyn_into().ok())
                    .ok_or_else(|| "the request failed".to_string())?;
                if !response.ok() {
                    return Err(["HTTP ", &response.status().to_string()].concat());
                }
                let text = response.text().map_err(|_| "no body".to_string())?;
                JsFuture::from(text)
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .ok_or_else(|| "no body".to_string())
            };
            finish(read.await);
        });
    }

    /// The widget's view as a fresh widget with the same options renders it: the `.rc` root's
    /// HTML, copied, without what only this widget's session shows (notices, the open share
    /// panel and its messages, the open "More filters" panel, open details and what they
    /// built, a deep link's mark) and without the cards the filters hide, and with the search
    /// text as an attribute, as the server renderer writes it.
    pub fn view_html(bar: &NodeRef) -> Option<String> {
        let root = closest(&bar.cast::<web_sys::Element>()?, ".rc")?;
        let copy: web_sys::Element = root.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
        for selector in [
            ".rc-notice",
            ".rc-embed",
            ".rc-share-fallback",
            ".rc-more-panel",
            ".rc-source-body",
            ".rc-duty[hidden]",
        ] {
            while let Some(el) = copy.query_selector(selector).ok().flatten() {
                el.remove();
            }
        }
        if let Some(message) = copy.query_selector(".rc-share-message").ok().flatten() {
            message.set_text_content(None);
        }
        for (selector, attribute) in [
            ("[aria-current]", "aria-current"),
            ("details[open]", "open"),
        ] {
            while let Some(el) = copy.query_selector(selector).ok().flatten() {
                let _ = el.remove_attribute(attribute);
            }
        }
        for selector in ["[data-action=\"embed\"]", "[data-action=\"filters\"]"] {
            if let Some(button) = copy.query_selector(selector).ok().flatten() {
                let _ = button.set_attribute("aria-expanded", "false");
            }
        }
        if let Some(input) = copy
            .query_selector("input[type=\"search\"]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = input.set_attribute("value", &input.value());
        }
        Some(copy.outer_html())
    }
}
