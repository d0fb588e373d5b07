//! The content model: roles, duties, sources and the facets a reader filters by.
//! Plain data with no yew import, so the filter engine, the validator and the tests use it natively.
//! The types derive serde's traits in the shape of the JSON content format (`docs/content-format.md`):
//! field names in camelCase, ids for the enums, optional fields defaulted, unknown fields refused
//! (a misspelt optional field must not silently do nothing).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// Where a duty points: inside the organisation or towards customers, partners and the market.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    Internal,
    External,
}

impl Focus {
    pub const ALL: [Focus; 2] = [Focus::Internal, Focus::External];

    /// The stable id used in the URL fragment, in `data-focus` and in content files.
    pub fn id(self) -> &'static str {
        match self {
            Focus::Internal => "internal",
            Focus::External => "external",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Focus::Internal => "Internal",
            Focus::External => "External",
        }
    }

    pub fn from_id(id: &str) -> Option<Focus> {
        Focus::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// Which financial line a duty serves: the top line (revenue) or the bottom line (cost, profit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Line {
    Top,
    Bottom,
}

impl Line {
    pub const ALL: [Line; 2] = [Line::Top, Line::Bottom];

    pub fn id(self) -> &'static str {
        match self {
            Line::Top => "top",
            Line::Bottom => "bottom",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Line::Top => "Top line",
            Line::Bottom => "Bottom line",
        }
    }

    /// What the line means, for readers who do not speak finance.
    pub fn hint(self) -> &'static str {
        match self {
            Line::Top => "revenue",
            Line::Bottom => "cost and profit",
        }
    }

    /// The label with its meaning, for a tooltip: "Top line: revenue".
    pub fn explained(self) -> &'static str {
        match self {
            Line::Top => "Top line: revenue",
            Line::Bottom => "Bottom line: cost and profit",
        }
    }

    pub fn from_id(id: &str) -> Option<Line> {
        Line::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// An article that content is drawn from. Every duty and claim names one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Author and publication, as far as the article says.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// Publication date as written (ISO date, or empty when the article has none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// A short name for the citation on each duty card ("Marchand"); empty: the title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    /// Where the article is on the web (`https://…`), or empty. Kept with the content (a CSV
    /// table's `source_url` column, a content file's `url`) for authors and readers of the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

impl Source {
    /// What a duty card cites the article as: its short name, else its title.
    pub fn citation(&self) -> &str {
        if self.short.is_empty() {
            &self.title
        } else {
            &self.short
        }
    }
}

/// A topic a duty can be tagged with (security, data, vendors ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

/// What one article says about where a role's focus lies. Several claims on one role that name
/// different foci are a disagreement between articles, and the view shows it as one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusClaim {
    /// One focus, or both when the article says the role looks both ways.
    pub focus: Vec<Focus>,
    pub source: String,
}

/// A C-level role shown as one column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Role {
    /// Lowercase id: `cio`, `cto` ... used in `data-role`, the URL and content files.
    pub id: String,
    /// The short title shown as the column heading: "CIO".
    pub title: String,
    /// The full name: "Chief Information Officer". A file may leave it out; the loader then
    /// puts the title here.
    #[serde(default)]
    pub name: String,
    /// One line, in the project's words, on what the role is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Whether the column shows before the reader or the host page chooses roles.
    #[serde(default = "shown")]
    pub shown_by_default: bool,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub focus_claims: Vec<FocusClaim>,
}

/// How two duties of different roles relate; the base for the later compare mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// Both roles do this, or do it together.
    Shared,
    /// Both roles claim this, and the articles describe friction over it.
    Contested,
}

impl LinkKind {
    pub fn id(self) -> &'static str {
        match self {
            LinkKind::Shared => "shared",
            LinkKind::Contested => "contested",
        }
    }

    pub fn from_id(id: &str) -> Option<LinkKind> {
        [LinkKind::Shared, LinkKind::Contested]
            .into_iter()
            .find(|k| k.id() == id)
    }
}

/// A link from one duty to a duty of another role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyLink {
    pub duty: String,
    pub kind: LinkKind,
    /// One line on why the two duties meet, shown with them in the topic layout.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The id of the article the note draws on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// One duty of one role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Stable id, e.g. `cio-security`; used in `data-duty` and later in deep links.
    pub id: String,
    /// The id of the role it belongs to.
    pub role: String,
    /// The duty in the project's own words.
    pub text: String,
    pub focus: Focus,
    pub line: Line,
    /// Topic ids, at least one.
    pub topics: Vec<String>,
    /// The id of the article it is drawn from.
    pub source: String,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub links: Vec<DutyLink>,
    /// True when only its source says so, as that article's view rather than a duty the
    /// articles agree on; the view marks it as one article's view.
    #[serde(default, skip_serializing_if = "is_false")]
    pub view: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One attributed statement of a perspective.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub text: String,
    /// The id of the article it comes from.
    pub source: String,
}

/// Something the articles say about the roles rather than about one duty: how the roles see
/// each other, where they clash, reporting lines, advice on working together. Shown as an
/// expandable section while any of its roles is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Perspective {
    pub id: String,
    pub title: String,
    /// The ids of the roles it concerns.
    pub roles: Vec<String>,
    #[serde(deserialize_with = "objects")]
    pub points: Vec<Point>,
}

/// A figure an article reports (`69%`), with what it measures and who measured it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// The figure as written: `69%`.
    pub value: String,
    /// What it measures, in the project's words.
    pub text: String,
    /// Who measured it, as the article names them (a survey, an analyst firm), if it does.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// The ids of the roles it concerns.
    pub roles: Vec<String>,
    /// The id of the article that reports it.
    pub source: String,
}

/// Everything the widget shows. Built from the default content or an author's file, and only
/// handed to the view once [`crate::content::validate`] accepted it.
///
/// In a file it sits inside an object with `"version": 1` (see `crate::content`), and `topics`
/// may be left out, for the built-in topics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Content {
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    pub roles: Vec<Role>,
    pub duties: Vec<Duty>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub perspectives: Vec<Perspective>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

/// Content as the view holds it: one loaded [`Content`], shared, and compared by identity. A
/// widget's content is never changed in place (new content mounts a new widget: `embed.js`, the
/// builder's preview), so the same `Rc` is the same content, and a component's props or a memo's
/// inputs compare it in one step. Compared by value, it would also bring `Content`'s derived deep
/// comparison into the wasm, which nothing there needs: 313 B brotli of the size build
/// (docs/performance.md, "The perspectives drawn once").
#[derive(Clone, Debug, Default)]
pub struct SharedContent(std::rc::Rc<Content>);

impl SharedContent {
    pub fn new(content: Content) -> SharedContent {
        SharedContent(std::rc::Rc::new(content))
    }
}

impl From<std::rc::Rc<Content>> for SharedContent {
    fn from(content: std::rc::Rc<Content>) -> SharedContent {
        SharedContent(content)
    }
}

impl std::ops::Deref for SharedContent {
    type Target = Content;
    fn deref(&self) -> &Content {
        &self.0
    }
}

impl PartialEq for SharedContent {
    fn eq(&self, other: &SharedContent) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedContent {}

impl Content {
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The ids of the roles shown before anyone chooses, in content order.
    pub fn default_roles(&self) -> Vec<String> {
        self.roles
            .iter()
            .filter(|r| r.shown_by_default)
            .map(|r| r.id.clone())
            .collect()
    }
}

/// `shownByDefault` when a file leaves it out.
fn shown() -> bool {
    true
}

/// The enums are read from their ids by hand rather than by serde's derive: serde_json reads a
/// derived enum from a number (`"line": 42`) as a syntax error without a path ("invalid JSON:
/// expected value"), where an author needs `duties[0].line: invalid type: integer `42``.
struct IdVisitor<T: 'static> {
    from_id: fn(&str) -> Option<T>,
    ids: &'static [&'static str],
}

impl<T> Visitor<'_> for IdVisitor<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("one of ")?;
        f.write_str(&self.ids.join(", "))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.from_id)(v).ok_or_else(|| E::unknown_variant(v, self.ids))
    }
}

macro_rules! deserialize_by_id {
    ($type:ty, $ids:expr) => {
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(IdVisitor {
                    from_id: <$type>::from_id,
                    ids: &$ids,
                })
            }
        }
    };
}

deserialize_by_id!(Focus, ["internal", "external"]);
deserialize_by_id!(Line, ["top", "bottom"]);
deserialize_by_id!(LinkKind, ["shared", "contested"]);

/// What an item of a content file is, for the error when it is no object.
pub(crate) trait Described {
    const WHAT: &'static str;
}

impl Described for Source {
    const WHAT: &'static str = "a source object: {\"id\": ..., \"title\": ...}";
}

impl Described for Topic {
    const WHAT: &'static str = "a topic object: {\"id\": ..., \"label\": ...}";
}

impl Described for FocusClaim {
    const WHAT: &'static str = "a focus claim: {\"focus\": [...], \"source\": ...}";
}

impl Described for Role {
    const WHAT: &'static str = "a role object: {\"id\": ..., \"title\": ...}";
}

impl Described for DutyLink {
    const WHAT: &'static str = "a link: {\"duty\": ..., \"kind\": ...}";
}

impl Described for Point {
    const WHAT: &'static str = "a point: {\"text\": ..., \"source\": ...}";
}

impl Described for Perspective {
    const WHAT: &'static str = "a perspective: {\"id\": ..., \"title\": ..., \"points\": [...]}";
}

impl Described for Figure {
    const WHAT: &'static str = "a figure: {\"id\": ..., \"value\": ..., \"text\": ...}";
}

impl Described for Duty {
    const WHAT: &'static str = "a duty object: {\"id\": ..., \"role\": ..., \"text\": ...}";
}

/// Reads a list of objects, refusing anything but objects for its items. Serde's derived structs
/// also accept an array of their fields in order (`["cio", "CIO"]` for a role), which no author
/// means and the schema forbids: the item's error must read "expected a role object".
pub(crate) fn objects<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Described,
{
    Vec::<ObjectOnly<T>>::deserialize(deserializer)
        .map(|items| items.into_iter().map(|o| o.0).collect())
}

/// One value read as an object only (see [`objects`]).
pub(crate) struct ObjectOnly<T>(pub T);

impl<'de, T: Deserialize<'de> + Described> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Object<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Described> Visitor<'de> for Object<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(T::WHAT)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer
            .deserialize_map(Object(PhantomData))
            .map(ObjectOnly)
    }
}
