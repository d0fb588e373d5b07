//! The default content and the validator every piece of content passes before the view sees it.

mod default_data;
mod from_json;

use crate::model::{Content, Duty, DutyLink, FocusClaim, Role, Source, Topic};
use default_data::{DUTIES, ROLES, SOURCES, TOPICS};
pub use from_json::{parse_content, MAX_CONTENT_BYTES};

/// The content that ships inside the build: the five articles' CIO, CTO, CMO, CISO and COO duties.
pub fn default_content() -> Content {
    Content {
        sources: SOURCES
            .iter()
            .map(|s| Source {
                id: s.id.into(),
                title: s.title.into(),
                by: s.by.into(),
                date: s.date.into(),
            })
            .collect(),
        topics: default_topics(),
        roles: ROLES
            .iter()
            .map(|r| Role {
                id: r.id.into(),
                title: r.title.into(),
                name: r.name.into(),
                summary: r.summary.into(),
                shown_by_default: r.shown_by_default,
                focus_claims: r
                    .focus_claims
                    .iter()
                    .map(|(focus, source)| FocusClaim {
                        focus: focus.to_vec(),
                        source: (*source).into(),
                    })
                    .collect(),
            })
            .collect(),
        duties: DUTIES
            .iter()
            .map(|d| Duty {
                id: d.id.into(),
                role: d.role.into(),
                text: d.text.into(),
                focus: d.focus,
                line: d.line,
                topics: d.topics.iter().map(|t| (*t).into()).collect(),
                source: d.source.into(),
                links: d
                    .links
                    .iter()
                    .map(|(duty, kind)| DutyLink {
                        duty: (*duty).into(),
                        kind: *kind,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The built-in topics, which an author's content uses when it lists none of its own.
pub fn default_topics() -> Vec<Topic> {
    TOPICS
        .iter()
        .map(|t| Topic {
            id: t.id.into(),
            label: t.label.into(),
        })
        .collect()
}

/// One problem found in content, with the path of the field it concerns, so that an author can
/// find it: `duties[3].role: no role has the id "cfo"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// Where the problem is, in the notation of the JSON content format: `duties[3].focus`.
    pub path: String,
    pub message: String,
}

impl ContentError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ContentError {
            path: path.into(),
            message: message.into(),
        }
    }

    /// `path: message`, the form shown to the author.
    pub fn describe(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            [self.path.as_str(), ": ", self.message.as_str()].concat()
        }
    }
}

/// At most this many problems are reported; past that the list would only bury the first ones.
pub const MAX_REPORTED_ERRORS: usize = 20;

/// Checks what the type system cannot: ids unique and well formed, every reference resolves,
/// every role has duties, no empty text. Returns every problem found, in document order.
pub fn validate(content: &Content) -> Result<(), Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut err = |path: String, message: String| errors.push(ContentError::new(path, message));

    if content.roles.is_empty() {
        err("roles".into(), "there must be at least one role".into());
    }
    if content.duties.is_empty() {
        err("duties".into(), "there must be at least one duty".into());
    }

    for (i, s) in content.sources.iter().enumerate() {
        let at = indexed("sources", i);
        check_id(&mut err, &at, &s.id);
        check_unique(
            &mut err,
            &at,
            &s.id,
            content.sources[..i].iter().map(|o| &o.id),
        );
        check_text(&mut err, &at, "title", &s.title);
    }
    for (i, t) in content.topics.iter().enumerate() {
        let at = indexed("topics", i);
        check_id(&mut err, &at, &t.id);
        check_unique(
            &mut err,
            &at,
            &t.id,
            content.topics[..i].iter().map(|o| &o.id),
        );
        check_text(&mut err, &at, "label", &t.label);
    }
    for (i, r) in content.roles.iter().enumerate() {
        let at = indexed("roles", i);
        check_id(&mut err, &at, &r.id);
        check_unique(
            &mut err,
            &at,
            &r.id,
            content.roles[..i].iter().map(|o| &o.id),
        );
        check_text(&mut err, &at, "title", &r.title);
        for (j, claim) in r.focus_claims.iter().enumerate() {
            let at = [at.as_str(), ".", &indexed("focusClaims", j)].concat();
            if claim.focus.is_empty() {
                err(field(&at, "focus"), "name at least one focus".into());
            }
            check_source(&mut err, content, &at, &claim.source);
        }
        if !content.duties.iter().any(|d| d.role == r.id) {
            err(at, ["role \"", &r.id, "\" has no duties"].concat());
        }
    }
    for (i, d) in content.duties.iter().enumerate() {
        let at = indexed("duties", i);
        check_id(&mut err, &at, &d.id);
        check_unique(
            &mut err,
            &at,
            &d.id,
            content.duties[..i].iter().map(|o| &o.id),
        );
        check_text(&mut err, &at, "text", &d.text);
        if content.role(&d.role).is_none() {
            err(
                field(&at, "role"),
                unknown("role", &d.role, content.roles.iter().map(|r| &r.id)),
            );
        }
        if d.topics.is_empty() {
            err(field(&at, "topics"), "name at least one topic".into());
        }
        for (j, t) in d.topics.iter().enumerate() {
            if content.topic(t).is_none() {
                let path = [field(&at, "topics"), "[".into(), j.to_string(), "]".into()].concat();
                err(
                    path,
                    unknown("topic", t, content.topics.iter().map(|t| &t.id)),
                );
            }
        }
        check_source(&mut err, content, &at, &d.source);
        for (j, link) in d.links.iter().enumerate() {
            let path = [at.as_str(), ".", &indexed("links", j), ".duty"].concat();
            match content.duties.iter().find(|o| o.id == link.duty) {
                None => err(path, ["no duty has the id \"", &link.duty, "\""].concat()),
                Some(other) if other.role == d.role => err(
                    path,
                    "links join duties of different roles; this one has the same role".into(),
                ),
                Some(_) => {}
            }
        }
    }
    errors.truncate(MAX_REPORTED_ERRORS);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn indexed(list: &str, i: usize) -> String {
    [list, "[", &i.to_string(), "]"].concat()
}

fn field(at: &str, name: &str) -> String {
    [at, ".", name].concat()
}

/// Ids go into URLs and `data-*` attributes: lowercase letters, digits and hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_id(err: &mut impl FnMut(String, String), at: &str, id: &str) {
    if !is_valid_id(id) {
        err(
            field(at, "id"),
            [
                "\"",
                id,
                "\" is not a valid id: use 1 to 64 lowercase letters, digits or hyphens",
            ]
            .concat(),
        );
    }
}

fn check_unique<'a>(
    err: &mut impl FnMut(String, String),
    at: &str,
    id: &str,
    earlier: impl Iterator<Item = &'a String>,
) {
    if earlier.into_iter().any(|e| e == id) {
        err(field(at, "id"), ["duplicate id \"", id, "\""].concat());
    }
}

fn check_text(err: &mut impl FnMut(String, String), at: &str, name: &str, text: &str) {
    if text.trim().is_empty() {
        err(field(at, name), "must not be empty".into());
    }
}

fn check_source(err: &mut impl FnMut(String, String), content: &Content, at: &str, id: &str) {
    if content.source(id).is_none() {
        err(
            field(at, "source"),
            unknown("source", id, content.sources.iter().map(|s| &s.id)),
        );
    }
}

/// `no topic has the id "x"; known: a, b, c`
fn unknown<'a>(what: &str, got: &str, known: impl Iterator<Item = &'a String>) -> String {
    let known: Vec<&str> = known.map(String::as_str).collect();
    [
        "no ",
        what,
        " has the id \"",
        got,
        "\"; known: ",
        &known.join(", "),
    ]
    .concat()
}
