//! The widget's root: theme and density, notices about options, and either the comparison or
//! the content's problems. Every mount path (the standalone page, embeds, the iframe page)
//! renders this component.

use std::rc::Rc;

use yew::prelude::*;

use super::{content_error_box, Comparison};
use crate::content::{built_in, parse_content, ContentError};
use crate::model::SharedContent;
use crate::options::{self, resolve, Options};

/// Content as the loader left it.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Ready(SharedContent),
    Failed(Rc<Vec<ContentError>>),
}

impl Loaded {
    /// The content a widget shows: the author's JSON text if there is one, else the built-in
    /// content; `load_error` (the author's file could not be fetched) wins over both.
    pub fn from_sources(json: Option<&str>, load_error: Option<String>) -> Loaded {
        match (load_error, json) {
            (Some(error), _) => Loaded::Failed(Rc::new(vec![ContentError::new("", error)])),
            (None, Some(json)) => match parse_content(json) {
                Ok(content) => Loaded::Ready(SharedContent::new(content)),
                Err(errors) => Loaded::Failed(Rc::new(errors)),
            },
            (None, None) => match built_in() {
                Ok(content) => Loaded::Ready(content),
                Err(errors) => Loaded::Failed(errors),
            },
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub content: Loaded,
    pub options: Rc<Options>,
    /// Options that could not be read (unknown names, malformed values).
    #[prop_or_default]
    pub option_problems: Rc<Vec<String>>,
    /// The URL fragment at mount time, when this widget owns the URL.
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
}

impl WidgetProps {
    /// The props for a widget with these options (names as the `data-*` attributes without
    /// `data-`) and content. `fragment` is the URL fragment when this widget owns the URL. The
    /// browser's mount and the build-time pre-render both build their props here, so that the
    /// pre-rendered view is exactly the one the wasm renders over it.
    pub fn new<'a>(
        options: impl IntoIterator<Item = (&'a str, &'a str)>,
        content: Loaded,
        fragment: Option<AttrValue>,
    ) -> Self {
        let (options, option_problems) = options::parse(options);
        WidgetProps {
            content,
            options: Rc::new(options),
            option_problems: Rc::new(option_problems),
            fragment,
        }
    }
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let options = &props.options;
    let setup = use_memo(
        (props.content.clone(), options.clone()),
        |(content, options)| match content {
            Loaded::Ready(content) => Some(resolve(options, content)),
            Loaded::Failed(_) => None,
        },
    );
    let problems: Vec<&String> = props
        .option_problems
        .iter()
        .chain(setup.iter().flat_map(|s| s.problems.iter()))
        .collect();
    html! {
        <div
            class={classes!("rc", options.compact.then_some("rc--compact"))}
            data-theme={options.theme.id()}
        >
            if !problems.is_empty() {
                <div class="rc-notice" role="note">
                    <p>{ "Some options of this widget were ignored:" }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ *p }</li> }) }</ul>
                </div>
            }
            { match (&props.content, setup.as_ref()) {
                (Loaded::Ready(content), Some(setup)) => html! {
                    <Comparison
                        content={content.clone()}
                        base={setup.base.clone()}
                        roles={setup.roles.clone()}
                        controls={options.controls}
                        fragment={props.fragment.clone()}
                        heading_level={options.heading_level}
                        theme={options.theme}
                    />
                },
                (Loaded::Failed(errors), _) => content_error_box(errors),
                _ => Html::default(),
            } }
        </div>
    }
}
