//! A widget's options: what a host page says in `data-*` attributes (or the iframe page in its
//! query string, or a script through `mount(element, options)`), read into `Options` and then
//! resolved against the content. Pure; every unknown or malformed option becomes a problem to
//! show inside the widget, and is otherwise ignored.

use crate::filter::{Facet, Query};
use crate::model::Content;
use crate::url_state::{self, clip, describe_unknown};

/// Colour theme of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light or dark, following the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
    /// No colours of its own: text colour and font come from the host page, and surfaces and
    /// borders are mixed from the text colour, so it fits any host theme.
    Inherit,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Inherit => "inherit",
        }
    }
}

/// Which parts of the filter bar show. Hidden facets still apply their initial values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Controls {
    pub roles: bool,
    pub focus: bool,
    pub line: bool,
    pub topic: bool,
    pub overlap: bool,
    pub search: bool,
    /// The switch between the column and the topic layout.
    pub layout: bool,
}

impl Default for Controls {
    fn default() -> Self {
        Controls {
            roles: true,
            focus: true,
            line: true,
            topic: true,
            overlap: true,
            search: true,
            layout: true,
        }
    }
}

impl Controls {
    pub fn shows(&self, facet: Facet) -> bool {
        match facet {
            Facet::Role => self.roles,
            Facet::Focus => self.focus,
            Facet::Line => self.line,
            Facet::Topic => self.topic,
            Facet::Overlap => self.overlap,
        }
    }
}

/// Everything a host can set. Values that need the content to be checked (role and topic ids)
/// are kept as given and checked by [`resolve`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The roles the widget offers, in column order; `None` means every role of the content.
    pub roles: Option<Vec<String>>,
    /// Initial filters in URL-fragment syntax (`focus=internal&q=vendor`).
    pub initial: String,
    pub controls: Controls,
    pub theme: Theme,
    pub compact: bool,
    /// The level of the role headings: 2 gives `<h2>`.
    pub heading_level: u8,
    /// Whether this widget asks to keep its state in the URL fragment.
    pub url_state: bool,
    /// Where the host asked the content to come from (the loader fetches it).
    pub content_url: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            roles: None,
            initial: String::new(),
            controls: Controls::default(),
            theme: Theme::default(),
            compact: false,
            heading_level: 2,
            url_state: false,
            content_url: None,
        }
    }
}

/// Option names, as `data-<name>` attributes or query parameters of the iframe page.
pub const KNOWN: [&str; 13] = [
    "roles",
    "focus",
    "line",
    "topic",
    "overlap",
    "q",
    "layout",
    "facets",
    "theme",
    "compact",
    "heading-level",
    "url-state",
    "content",
];

const CONTROL_NAMES: [&str; 7] = [
    "roles", "focus", "line", "topic", "overlap", "search", "layout",
];

/// Reads option pairs (names without the `data-` prefix). Returns the options and a problem for
/// each option that is unknown or malformed; those fall back to their defaults.
pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Options, Vec<String>) {
    let mut options = Options::default();
    let mut problems = Vec::new();
    let mut initial: Vec<String> = Vec::new();
    for (name, value) in pairs {
        let value = value.trim();
        let mut bad = |expected: &str| {
            problems.push(
                [
                    "data-",
                    name,
                    ": expected ",
                    expected,
                    ", got \"",
                    &clip(value),
                    "\"",
                ]
                .concat(),
            )
        };
        match name {
            "roles" => options.roles = Some(split_list(value)),
            "focus" | "line" | "topic" | "overlap" | "q" | "layout" => {
                initial.push([name, "=", &url_state::encode(value)].concat());
            }
            "facets" => {
                let wanted = split_list(value);
                match wanted.iter().find(|w| !CONTROL_NAMES.contains(&w.as_str())) {
                    Some(_) => {
                        bad("a comma list of roles, focus, line, topic, overlap, search, layout")
                    }
                    None => {
                        let has = |n: &str| wanted.iter().any(|w| w == n);
                        options.controls = Controls {
                            roles: has("roles"),
                            focus: has("focus"),
                            line: has("line"),
                            topic: has("topic"),
                            overlap: has("overlap"),
                            search: has("search"),
                            layout: has("layout"),
                        };
                    }
                }
            }
            "theme" => match value {
                "auto" => options.theme = Theme::Auto,
                "light" => options.theme = Theme::Light,
                "dark" => options.theme = Theme::Dark,
                "inherit" => options.theme = Theme::Inherit,
                _ => bad("auto, light, dark or inherit"),
            },
            "compact" => match flag(value) {
                Some(on) => options.compact = on,
                None => bad("true or false (or no value)"),
            },
            "url-state" => match flag(value) {
                Some(on) => options.url_state = on,
                None => bad("true or false (or no value)"),
            },
            "heading-level" => match value.parse::<u8>() {
                Ok(level @ 2..=6) => options.heading_level = level,
                _ => bad("a heading level from 2 to 6"),
            },
            "content" if !value.is_empty() => options.content_url = Some(value.to_string()),
            "content" => bad("the URL of a content file"),
            _ => problems.push(
                [
                    "data-",
                    &clip(name),
                    ": unknown option; known: ",
                    &KNOWN.join(", "),
                ]
                .concat(),
            ),
        }
    }
    options.initial = initial.join("&");
    (options, problems)
}

/// The problems `parse` found, worded for a `<role-compare>` element, whose attributes are the
/// option names themselves (`roles="cio"`, not `data-roles`): each without its `data-`.
pub fn as_element_attributes(problems: &[String]) -> Vec<String> {
    problems
        .iter()
        .map(|p| p.strip_prefix("data-").unwrap_or(p).to_string())
        .collect()
}

/// A boolean attribute: present with no value, or `true`/`false`.
fn flag(value: &str) -> Option<bool> {
    match value {
        "" | "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The options resolved against the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setup {
    /// The query the widget starts from, before any URL fragment.
    pub base: Query,
    /// Indices into `content.roles` of the roles offered, in column order.
    pub roles: Vec<usize>,
    /// Role or filter values the content does not know.
    pub problems: Vec<String>,
}

/// Checks role and filter values against the content and builds the starting query.
pub fn resolve(options: &Options, content: &Content) -> Setup {
    let mut problems = Vec::new();
    let mut base = Query::initial(content);
    if base.roles.is_empty() {
        // Content whose roles are all off by default still shows something.
        base.roles = content.roles.iter().map(|r| r.id.clone()).collect();
    }
    let mut roles: Vec<usize> = (0..content.roles.len()).collect();
    if let Some(wanted) = &options.roles {
        let mut chosen: Vec<usize> = Vec::new();
        for id in wanted {
            match content.roles.iter().position(|r| r.id == *id) {
                Some(i) if !chosen.contains(&i) => chosen.push(i),
                Some(_) => {}
                None => problems
                    .push(["data-", &describe_unknown(content, Facet::Role, &clip(id))].concat()),
            }
        }
        if chosen.is_empty() {
            problems.push("data-roles names no known role, so every role is offered".into());
        } else {
            base.roles = chosen
                .iter()
                .map(|&i| content.roles[i].id.clone())
                .collect();
            roles = chosen;
        }
    }
    let read = url_state::read(&options.initial, content, &base);
    problems.extend(
        read.problems
            .into_iter()
            .map(|p| ["data-", p.as_str()].concat()),
    );
    Setup {
        base: read.query,
        roles,
        problems,
    }
}
