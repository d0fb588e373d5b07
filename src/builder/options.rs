//! The embed's options as the builder's controls set them: which roles show and in what order,
//! the focus, line and topic to start with, the layout, the theme, compact cards. Written the
//! way a host page writes them (`data-roles="cdo,cfo"`), for the preview and for every snippet.
//! Pure.

use serde::{Deserialize, Serialize};

use crate::filter::Layout;
use crate::model::{Content, Focus, Line};
use crate::options::Theme;

/// The options an author picked. Ids are the content's; [`PreviewOptions::fit`] drops those the
/// content no longer has.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreviewOptions {
    /// The roles shown, in column order; empty: every role, in the content's order.
    pub roles: Vec<String>,
    /// Roles the author hid (kept apart from `roles` so that a role added to the table later
    /// shows by default).
    pub hidden: Vec<String>,
    pub focus: Option<String>,
    pub line: Option<String>,
    pub topic: Option<String>,
    /// `topics` for the topic layout; `None` for the default, a column a role.
    pub layout: Option<String>,
    /// `light`, `dark` or `inherit`; `None` for the default (`auto`).
    pub theme: Option<String>,
    pub compact: bool,
}

impl PreviewOptions {
    /// The roles in the order they show, with whether each is shown: the author's order first,
    /// then the content's roles it does not name yet.
    pub fn role_order(&self, content: &Content) -> Vec<(String, bool)> {
        let mut out: Vec<(String, bool)> = Vec::new();
        for id in &self.roles {
            if content.role(id).is_some() && !out.iter().any(|(r, _)| r == id) {
                out.push((id.clone(), !self.hidden.contains(id)));
            }
        }
        for role in &content.roles {
            if !out.iter().any(|(r, _)| *r == role.id) {
                out.push((role.id.clone(), !self.hidden.contains(&role.id)));
            }
        }
        out
    }

    /// The options without what `content` does not know (a role or topic the table no longer
    /// has, a value no option takes).
    pub fn fit(&self, content: &Content) -> PreviewOptions {
        let known =
            |value: &Option<String>, ok: &dyn Fn(&str) -> bool| value.clone().filter(|v| ok(v));
        PreviewOptions {
            roles: self
                .roles
                .iter()
                .filter(|r| content.role(r).is_some())
                .cloned()
                .collect(),
            hidden: self
                .hidden
                .iter()
                .filter(|r| content.role(r).is_some())
                .cloned()
                .collect(),
            focus: known(&self.focus, &|v| Focus::from_id(v).is_some()),
            line: known(&self.line, &|v| Line::from_id(v).is_some()),
            topic: known(&self.topic, &|v| content.topic(v).is_some()),
            layout: known(&self.layout, &|v| {
                Layout::from_id(v).is_some_and(|l| l != Layout::default())
            }),
            theme: known(&self.theme, &|v| {
                matches!(v, "light" | "dark" | "inherit") && v != Theme::default().id()
            }),
            compact: self.compact,
        }
    }

    /// Moves role `id` one place earlier (`up`) or later in the order.
    pub fn move_role(&mut self, content: &Content, id: &str, up: bool) {
        let mut order: Vec<String> = self
            .role_order(content)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        if let Some(at) = order.iter().position(|r| r == id) {
            let to = if up { at.checked_sub(1) } else { Some(at + 1) };
            if let Some(to) = to.filter(|&to| to < order.len()) {
                order.swap(at, to);
            }
        }
        self.roles = order;
    }

    /// Shows or hides role `id`.
    pub fn show_role(&mut self, id: &str, shown: bool) {
        self.hidden.retain(|r| r != id);
        if !shown {
            self.hidden.push(id.to_string());
        }
    }

    /// The options as a host page writes them, names without `data-` (`("roles", "cdo,cfo")`),
    /// each only when it differs from a widget without it; the same for the preview and every
    /// snippet. `roles` is left out when it names every role in the content's order (the
    /// widget's default), and when it would name none (a widget then offers them all).
    pub fn pairs(&self, content: &Content) -> Vec<(&'static str, String)> {
        let fitted = self.fit(content);
        let mut out = Vec::new();
        let order = fitted.role_order(content);
        let shown: Vec<&str> = order
            .iter()
            .filter(|(_, shown)| *shown)
            .map(|(r, _)| r.as_str())
            .collect();
        let all: Vec<&str> = content.roles.iter().map(|r| r.id.as_str()).collect();
        if !shown.is_empty() && shown != all {
            out.push(("roles", shown.join(",")));
        }
        for (name, value) in [
            ("focus", &fitted.focus),
            ("line", &fitted.line),
            ("topic", &fitted.topic),
            ("layout", &fitted.layout),
            ("theme", &fitted.theme),
        ] {
            if let Some(value) = value {
                out.push((name, value.clone()));
            }
        }
        if fitted.compact {
            out.push(("compact", String::new()));
        }
        out
    }
}
