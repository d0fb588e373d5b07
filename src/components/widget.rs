//! The widget's root: theme and density, notices about options, and either the comparison or
//! the content's problems. Every mount path (the standalone page, embeds, the iframe page)
//! renders this component.

use std::rc::Rc;

use yew::prelude::*;

use super::{Comparison, ContentErrorBox};
use crate::content::ContentError;
use crate::model::Content;
use crate::options::{resolve, Options};

/// Content as the loader left it.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Ready(Rc<Content>),
    Failed(Rc<Vec<ContentError>>),
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
                    />
                },
                (Loaded::Failed(errors), _) => html! { <ContentErrorBox errors={errors.clone()} /> },
                _ => Html::default(),
            } }
        </div>
    }
}
