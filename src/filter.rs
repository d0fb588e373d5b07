//! The filter engine: what a reader asked for (`Query`), which duties fit, and the counts shown
//! beside every filter value. Pure functions over the model; no yew import.

use crate::model::{Content, Duty, Focus, Line};

/// A filter dimension with toggle buttons. Values of one facet combine with OR, facets with AND.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Focus,
    Line,
    Topic,
    /// Which role columns are shown. Not a filter of duties, but toggled and counted the same way.
    Role,
    /// Whether a duty is linked to a duty of another shown role (shared or contested) or not.
    Overlap,
}

impl Facet {
    /// The id used in `data-filter="<facet>:<value>"` and as the URL fragment key.
    pub fn id(self) -> &'static str {
        match self {
            Facet::Focus => "focus",
            Facet::Line => "line",
            Facet::Topic => "topic",
            Facet::Role => "roles",
            Facet::Overlap => "overlap",
        }
    }
}

/// The overlap facet's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Overlap {
    /// Linked to a duty of another shown role: shared or contested.
    Shared,
    /// Linked to no duty of another shown role.
    Unique,
}

impl Overlap {
    pub const ALL: [Overlap; 2] = [Overlap::Shared, Overlap::Unique];

    pub fn id(self) -> &'static str {
        match self {
            Overlap::Shared => "shared",
            Overlap::Unique => "unique",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Overlap::Shared => "Shared or contested",
            Overlap::Unique => "One role only",
        }
    }

    pub fn from_id(id: &str) -> Option<Overlap> {
        Overlap::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// How the duties are laid out: a column a role, or a row a topic with a column a role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Layout {
    #[default]
    Columns,
    Topics,
}

impl Layout {
    pub const ALL: [Layout; 2] = [Layout::Columns, Layout::Topics];

    pub fn id(self) -> &'static str {
        match self {
            Layout::Columns => "columns",
            Layout::Topics => "topics",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Layout::Columns => "By role",
            Layout::Topics => "By topic",
        }
    }

    pub fn from_id(id: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// What the reader asked for. Empty facet lists mean "no restriction".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub focus: Vec<Focus>,
    pub line: Vec<Line>,
    pub topics: Vec<String>,
    /// Free text, matched case- and accent-insensitively; every word must occur.
    pub text: String,
    /// Ids of the roles whose columns are shown.
    pub roles: Vec<String>,
    pub overlap: Vec<Overlap>,
    /// The layout; not a filter.
    pub layout: Layout,
    /// The duty a deep link points at (`#duty=<id>`): scrolled to and marked. Not a filter.
    pub duty: Option<String>,
}

impl Query {
    /// No filters, the content's default roles.
    pub fn initial(content: &Content) -> Query {
        Query {
            roles: content.default_roles(),
            ..Query::default()
        }
    }

    /// How many duty filters are set: each facet value, and the search if any. Role choice
    /// does not count.
    pub fn active_filters(&self) -> usize {
        self.focus.len()
            + self.line.len()
            + self.topics.len()
            + self.overlap.len()
            + usize::from(!self.text.trim().is_empty())
    }

    /// Whether any duty filter (facet or text) is set; role choice does not count.
    pub fn has_filters(&self) -> bool {
        self.active_filters() > 0
    }

    /// Whether the duty filters (facets and text) are those of `other`; roles, layout and the
    /// deep link's duty aside.
    pub fn same_filters(&self, other: &Query) -> bool {
        self.focus == other.focus
            && self.line == other.line
            && self.topics == other.topics
            && self.overlap == other.overlap
            && self.text.trim() == other.text.trim()
    }

    /// The same query with every duty filter cleared; the roles and the layout kept.
    pub fn cleared(&self) -> Query {
        Query {
            roles: self.roles.clone(),
            layout: self.layout,
            ..Query::default()
        }
    }

    /// Presses a focus-map cell: sets the focus and the line to this cell alone, or clears both
    /// when the cell alone was already set.
    pub fn press_cell(&mut self, focus: Focus, line: Line) {
        if self.is_cell(focus, line) {
            self.focus.clear();
            self.line.clear();
        } else {
            self.focus = vec![focus];
            self.line = vec![line];
        }
    }

    /// Whether the focus and the line are set to this cell alone.
    pub fn is_cell(&self, focus: Focus, line: Line) -> bool {
        self.focus == [focus] && self.line == [line]
    }

    /// Adds the value if absent, removes it if present. Returns `false` (and changes nothing)
    /// for a value the content does not know.
    pub fn toggle(&mut self, content: &Content, facet: Facet, value: &str) -> bool {
        match facet {
            Facet::Focus => Focus::from_id(value).is_some_and(|v| toggle_in(&mut self.focus, v)),
            Facet::Line => Line::from_id(value).is_some_and(|v| toggle_in(&mut self.line, v)),
            Facet::Topic => {
                content.topic(value).is_some() && toggle_in(&mut self.topics, value.to_string())
            }
            Facet::Role => {
                content.role(value).is_some() && toggle_in(&mut self.roles, value.to_string())
            }
            Facet::Overlap => {
                Overlap::from_id(value).is_some_and(|v| toggle_in(&mut self.overlap, v))
            }
        }
    }

    pub fn is_pressed(&self, facet: Facet, value: &str) -> bool {
        match facet {
            Facet::Focus => self.focus.iter().any(|f| f.id() == value),
            Facet::Line => self.line.iter().any(|l| l.id() == value),
            Facet::Topic => self.topics.iter().any(|t| t == value),
            Facet::Role => self.roles.iter().any(|r| r == value),
            Facet::Overlap => self.overlap.iter().any(|o| o.id() == value),
        }
    }
}

fn toggle_in<T: PartialEq>(list: &mut Vec<T>, value: T) -> bool {
    match list.iter().position(|v| *v == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
    true
}

/// Folds text for matching: lowercase, accents removed (`Sécurité` -> `securite`), so that a
/// reader finds a duty however they type.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            // Combining marks, as left by decomposed (NFD) input.
            '\u{300}'..='\u{36f}' => {}
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            '\u{e0}'..='\u{17f}' => match LATIN_BASE[c as usize - 0xe0] {
                b @ b'a'..=b'z' => out.push(b as char),
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    out
}

/// Base letters of U+00E0..U+017F (Latin-1 lowercase and Latin Extended-A), one byte a code
/// point; `/` marks ÷, which is not a letter and stays as it is.
const LATIN_BASE: &[u8; 160] = b"aaaaaaaceeeeiiiidnooooo/ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// What the filter needs of every duty, computed once per content: its folded search text and
/// the duties it is linked to, both ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchIndex {
    folded: Vec<String>,
    /// Per duty, the indices of the duties linked to it (a link counts for both ends).
    pub partners: Vec<Vec<usize>>,
}

impl SearchIndex {
    /// Each duty is found by its text, its topics' labels and its role's title.
    pub fn new(content: &Content) -> SearchIndex {
        let folded = content
            .duties
            .iter()
            .map(|d| {
                let mut hay = d.text.clone();
                for t in d.topics.iter().filter_map(|t| content.topic(t)) {
                    hay.push(' ');
                    hay.push_str(&t.label);
                }
                if let Some(role) = content.role(&d.role) {
                    hay.push(' ');
                    hay.push_str(&role.title);
                }
                fold(&hay)
            })
            .collect();
        let at: std::collections::HashMap<&str, usize> = content
            .duties
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut partners = vec![Vec::new(); content.duties.len()];
        for (i, duty) in content.duties.iter().enumerate() {
            for link in &duty.links {
                if let Some(&j) = at.get(link.duty.as_str()) {
                    if i != j && !partners[i].contains(&j) {
                        partners[i].push(j);
                        partners[j].push(i);
                    }
                }
            }
        }
        SearchIndex { folded, partners }
    }
}

/// What a query leaves, and the counts the filter bar and status line show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Indices into `content.duties` of the duties shown, in content order.
    pub shown: Vec<usize>,
    /// Duties of the shown roles, before filtering (the "of N" in the status line).
    pub total: usize,
    /// Per role, in content order: duties that fit the filters (whether the role is shown or not).
    pub per_role: Vec<usize>,
    /// Per focus value (in `Focus::ALL` order): duties that fit every other filter and have it.
    pub focus: [usize; 2],
    /// Per line value (in `Line::ALL` order), likewise.
    pub line: [usize; 2],
    /// Per topic, in content order, likewise.
    pub topics: Vec<usize>,
    /// Per overlap value (in `Overlap::ALL` order), likewise.
    pub overlap: [usize; 2],
    /// Per role, in content order: the focus map's counts, duties that fit every filter but
    /// focus and line, by cell (`focus * 2 + line`, in `Focus::ALL` and `Line::ALL` order).
    pub cells: Vec<[usize; 4]>,
}

impl Outcome {
    /// Whether the duty at `duty` (an index into `content.duties`) fits the filters and its role
    /// is shown. `shown` is in content order, so a binary search answers.
    pub fn fits(&self, duty: usize) -> bool {
        self.shown.binary_search(&duty).is_ok()
    }

    /// The count shown beside a filter value: how many duties it covers given the other filters.
    pub fn count(&self, content: &Content, facet: Facet, value: &str) -> usize {
        let found = match facet {
            Facet::Focus => {
                position(Focus::ALL.iter().map(|f| f.id()), value).map(|i| self.focus[i])
            }
            Facet::Line => position(Line::ALL.iter().map(|l| l.id()), value).map(|i| self.line[i]),
            Facet::Topic => position(content.topics.iter().map(|t| t.id.as_str()), value)
                .and_then(|i| self.topics.get(i).copied()),
            Facet::Role => position(content.roles.iter().map(|r| r.id.as_str()), value)
                .and_then(|i| self.per_role.get(i).copied()),
            Facet::Overlap => {
                position(Overlap::ALL.iter().map(|o| o.id()), value).map(|i| self.overlap[i])
            }
        };
        found.unwrap_or(0)
    }
}

/// Runs the query over the content. The count of a facet value answers "how many duties would
/// show if this were the only value of its facet": every other facet, the text and the roles
/// apply, its own facet does not. A role's count ignores which roles are shown.
pub fn run(content: &Content, index: &SearchIndex, query: &Query) -> Outcome {
    let words: Vec<String> = fold(&query.text)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut out = Outcome {
        per_role: vec![0; content.roles.len()],
        topics: vec![0; content.topics.len()],
        cells: vec![[0; 4]; content.roles.len()],
        ..Outcome::default()
    };
    // Role of each duty by index, and which duties belong to a shown role.
    let role_of: Vec<Option<usize>> = content
        .duties
        .iter()
        .map(|d| content.roles.iter().position(|r| r.id == d.role))
        .collect();
    let role_shown: Vec<bool> = content
        .roles
        .iter()
        .map(|r| query.roles.contains(&r.id))
        .collect();
    let shown_role = |d: usize| {
        role_of
            .get(d)
            .copied()
            .flatten()
            .is_some_and(|r| role_shown[r])
    };
    for (i, duty) in content.duties.iter().enumerate() {
        let role_ok = shown_role(i);
        let linked = index
            .partners
            .get(i)
            .is_some_and(|p| p.iter().any(|&j| shown_role(j)));
        let overlap_kind = if linked {
            Overlap::Shared
        } else {
            Overlap::Unique
        };
        let overlap_ok = query.overlap.is_empty() || query.overlap.contains(&overlap_kind);
        let text_ok = index
            .folded
            .get(i)
            .is_some_and(|hay| words.iter().all(|w| hay.contains(w.as_str())));
        let focus_ok = query.focus.is_empty() || query.focus.contains(&duty.focus);
        let line_ok = query.line.is_empty() || query.line.contains(&duty.line);
        let topic_ok = query.topics.is_empty() || has_topic(duty, &query.topics);

        if role_ok {
            out.total += 1;
        }
        let fits = text_ok && focus_ok && line_ok && topic_ok && overlap_ok;
        let role = role_of.get(i).copied().flatten();
        if fits {
            if let Some(n) = role.and_then(|r| out.per_role.get_mut(r)) {
                *n += 1;
            }
        }
        if text_ok && topic_ok && overlap_ok {
            if let Some(cells) = role.and_then(|r| out.cells.get_mut(r)) {
                cells[duty.focus as usize * 2 + duty.line as usize] += 1;
            }
        }
        if !(role_ok && text_ok) {
            continue;
        }
        if fits {
            out.shown.push(i);
        }
        if line_ok && topic_ok && overlap_ok {
            out.focus[duty.focus as usize] += 1;
        }
        if focus_ok && topic_ok && overlap_ok {
            out.line[duty.line as usize] += 1;
        }
        if focus_ok && line_ok && topic_ok {
            out.overlap[overlap_kind as usize] += 1;
        }
        if focus_ok && line_ok && overlap_ok {
            for (t, topic) in content.topics.iter().enumerate() {
                if duty.topics.contains(&topic.id) {
                    out.topics[t] += 1;
                }
            }
        }
    }
    out
}

fn position<'a>(mut ids: impl Iterator<Item = &'a str>, value: &str) -> Option<usize> {
    ids.position(|id| id == value)
}

fn has_topic(duty: &Duty, wanted: &[String]) -> bool {
    duty.topics.iter().any(|t| wanted.contains(t))
}
