//! The content model: roles, duties, sources and the facets a reader filters by.
//! Plain data with no yew import, so the filter engine, the validator and the tests use it natively.

/// Where a duty points: inside the organisation or towards customers, partners and the market.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

    pub fn from_id(id: &str) -> Option<Line> {
        Line::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// An article that content is drawn from. Every duty and claim names one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Author and publication, as far as the article says.
    pub by: String,
    /// Publication date as written (ISO date, or empty when the article has none).
    pub date: String,
}

/// A topic a duty can be tagged with (security, data, vendors ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

/// What one article says about where a role's focus lies. Several claims on one role that name
/// different foci are a disagreement between articles, and the view shows it as one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusClaim {
    /// One focus, or both when the article says the role looks both ways.
    pub focus: Vec<Focus>,
    pub source: String,
}

/// A C-level role shown as one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// Lowercase id: `cio`, `cto` ... used in `data-role`, the URL and content files.
    pub id: String,
    /// The short title shown as the column heading: "CIO".
    pub title: String,
    /// The full name: "Chief Information Officer".
    pub name: String,
    /// One line, in the project's words, on what the role is for.
    pub summary: String,
    /// Whether the column shows before the reader or the host page chooses roles.
    pub shown_by_default: bool,
    pub focus_claims: Vec<FocusClaim>,
}

/// How two duties of different roles relate; the base for the later compare mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyLink {
    pub duty: String,
    pub kind: LinkKind,
}

/// One duty of one role.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    pub links: Vec<DutyLink>,
}

/// Everything the widget shows. Built from the default content or an author's file, and only
/// handed to the view once [`crate::content::validate`] accepted it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Content {
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    pub roles: Vec<Role>,
    pub duties: Vec<Duty>,
}

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
