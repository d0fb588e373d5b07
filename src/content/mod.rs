//! The built-in content, content files, and the validator every piece of content passes
//! before the view sees it.
//!
//! The built-in content is a content file like any author's, `content/roles.json`, embedded in
//! the build and read by the same parser: one format, one source, checked against the JSON
//! Schema by the test command. Editing a sentence needs no Rust.

mod file;
mod table;

use std::collections::HashMap;
use std::rc::Rc;

use crate::model::{Content, SharedContent, Topic};
use crate::url_state::clip;
pub use file::{parse_content, to_json, MAX_CONTENT_BYTES};
pub use table::{
    column_letter, is_table, parse_table, read_table, row_starts, slug, write_table, Table,
    TableColumn, TABLE_COLUMNS,
};

/// The built-in content file: the five articles' CIO, CTO, CMO, CISO and COO duties. It is
/// `content/roles.json` without the white space between its tokens (`minify`, at compile time):
/// the same JSON, 10 KB less of the wasm's data raw; 153 B brotli less in the nightly size
/// build's wasm, 553 B in the stable build's (measured).
pub const BUILT_IN_JSON: &str = match std::str::from_utf8(&BUILT_IN_MINIFIED) {
    Ok(text) => text,
    Err(_) => panic!("content/roles.json is not UTF-8"),
};

const BUILT_IN_FILE: &[u8] = include_bytes!("../../content/roles.json");
// A const, which clippy warns could be copied wherever it is named: it is named once, in
// `BUILT_IN_JSON`'s initializer, at compile time. As a static it cost 159 B brotli more in the
// nightly size build's wasm (measured).
#[allow(clippy::large_const_arrays)]
const BUILT_IN_MINIFIED: [u8; minify(BUILT_IN_FILE, &mut [])] = {
    let mut out = [0; minify(BUILT_IN_FILE, &mut [])];
    minify(BUILT_IN_FILE, &mut out);
    out
};

/// Copies the JSON text `json` into `out` without the white space outside its strings, as far
/// as `out` holds it, and returns how many bytes that is (with an empty `out`, only counts).
const fn minify(json: &[u8], out: &mut [u8]) -> usize {
    let (mut at, mut kept, mut in_string, mut escaped) = (0, 0, false, false);
    while at < json.len() {
        let byte = json[at];
        at += 1;
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
        } else if matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
            continue;
        } else if byte == b'"' {
            in_string = true;
        }
        if kept < out.len() {
            out[kept] = byte;
        }
        kept += 1;
    }
    kept
}

thread_local! {
    /// Read once per page (or thread): every widget with the built-in content shares it.
    static BUILT_IN: Result<SharedContent, Rc<Vec<ContentError>>> =
        // Without topics of its own, the built-in file has none: it is where they come from.
        file::parse(BUILT_IN_JSON, Vec::new).map(SharedContent::new).map_err(Rc::new);
}

/// The built-in content, read and validated; its problems if the file were broken (the tests
/// make sure it is not, and the widget would show them rather than fail silently).
pub fn built_in() -> Result<SharedContent, Rc<Vec<ContentError>>> {
    BUILT_IN.with(Clone::clone)
}

/// Whether `content` is the built-in content: the one read by [`built_in`], which every widget
/// without content of its own shares. An author's file is the author's, even with the same text.
pub fn is_built_in(content: &SharedContent) -> bool {
    built_in().is_ok_and(|b| b == *content)
}

/// The built-in content, for tests and the native renderer. Empty if the file were broken;
/// `tests/content.rs` fails first in that case.
pub fn default_content() -> Content {
    built_in().map(|c| (*c).clone()).unwrap_or_default()
}

/// The built-in topics, which an author's content uses when it lists none of its own.
pub fn default_topics() -> Vec<Topic> {
    built_in().map(|c| c.topics.clone()).unwrap_or_default()
}

/// One problem found in content, with the path of the field it concerns, so that an author can
/// find it: `duties[3].role: no role has the id "cfo"`, or in a table, its cell:
/// `row 7, column D (focus): 'intern' is neither internal nor external`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// Where the problem is, in the notation of the JSON content format (`duties[3].focus`), or
    /// as a spreadsheet names a cell (`row 7, column D (focus)`).
    pub path: String,
    pub message: String,
    /// In a table (CSV, TSV), the row and column: what the builder puts the caret on.
    pub place: Option<Place>,
}

/// A place in a table as a spreadsheet shows it: rows counted from 1, the header being row 1;
/// columns from 0 (A).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub row: usize,
    /// The column, when the problem is in one cell rather than the whole row.
    pub column: Option<usize>,
}

impl ContentError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ContentError {
            path: path.into(),
            message: message.into(),
            place: None,
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

/// How much content one widget takes, each with its reason. The byte limit of a file
/// ([`MAX_CONTENT_BYTES`]) bounds the reading; these bound what a reader is asked to look at.
pub mod limits {
    /// Articles cited: far more than any comparison draws on.
    pub const SOURCES: usize = 100;
    /// Topics: each is a toggle in the filter bar; past 100 the bar stops being a filter.
    pub const TOPICS: usize = 100;
    /// Roles: each is a column; a whole leadership team fits.
    pub const ROLES: usize = 20;
    /// Duties: a whole leadership team's, in detail. Filtering 5,000 stays well under a frame's
    /// worth of work per click (docs/embedding.md, "Limits"; docs/performance.md, "Speed at
    /// 5,000 duties").
    pub const DUTIES: usize = 5_000;
    /// Perspectives: each is a section under the columns; a reader opens a handful.
    pub const PERSPECTIVES: usize = 100;
    /// Figures, likewise.
    pub const FIGURES: usize = 100;
    /// Characters in one text: longer than any title or duty; a longer string is a pasted
    /// article, not content.
    pub const TEXT_CHARS: usize = 2_000;
}

/// Checks what the type system cannot: the limits, ids unique and well formed, every reference
/// resolves, every role has duties, no empty text. Returns every problem found (up to
/// [`MAX_REPORTED_ERRORS`]), in document order.
pub fn validate(content: &Content) -> Result<(), Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut err = |path: String, message: String| errors.push(ContentError::new(path, message));

    let counts = [
        ("sources", content.sources.len(), limits::SOURCES),
        ("topics", content.topics.len(), limits::TOPICS),
        ("roles", content.roles.len(), limits::ROLES),
        ("duties", content.duties.len(), limits::DUTIES),
        (
            "perspectives",
            content.perspectives.len(),
            limits::PERSPECTIVES,
        ),
        ("figures", content.figures.len(), limits::FIGURES),
    ];
    let mut too_many = false;
    for (list, count, max) in counts {
        if count > max {
            too_many = true;
            err(
                list.into(),
                [
                    "has ",
                    &count.to_string(),
                    " items; at most ",
                    &max.to_string(),
                    " are allowed",
                ]
                .concat(),
            );
        }
    }
    if too_many {
        return Err(errors);
    }
    if content.roles.is_empty() {
        err("roles".into(), "there must be at least one role".into());
    }
    if content.duties.is_empty() {
        err("duties".into(), "there must be at least one duty".into());
    }

    let sources = ids(content.sources.iter().map(|s| s.id.as_str()));
    let topics = ids(content.topics.iter().map(|t| t.id.as_str()));
    let roles = ids(content.roles.iter().map(|r| r.id.as_str()));
    let duties = ids(content.duties.iter().map(|d| d.id.as_str()));
    let check_source = |err: &mut dyn FnMut(String, String), at: &str, id: &str| {
        if !sources.contains_key(id) {
            err(
                field(at, "source"),
                unknown("source", id, content.sources.iter().map(|s| &s.id)),
            );
        }
    };

    for (i, s) in content.sources.iter().enumerate() {
        let at = indexed("sources", i);
        check_id(&mut err, &at, &s.id, &sources, i);
        check_text(&mut err, &at, "title", &s.title);
        check_length(&mut err, &at, "by", &s.by);
        check_length(&mut err, &at, "date", &s.date);
        check_length(&mut err, &at, "short", &s.short);
        if !s.url.is_empty() && !is_web_address(&s.url) {
            err(
                field(&at, "url"),
                [
                    "\"",
                    &clip(&s.url),
                    "\" is not a web address: write it starting with https:// or http://",
                ]
                .concat(),
            );
        } else {
            check_length(&mut err, &at, "url", &s.url);
        }
    }
    for (i, t) in content.topics.iter().enumerate() {
        let at = indexed("topics", i);
        check_id(&mut err, &at, &t.id, &topics, i);
        check_text(&mut err, &at, "label", &t.label);
    }
    let mut has_duties = vec![false; content.roles.len()];
    for d in &content.duties {
        if let Some(&r) = roles.get(d.role.as_str()) {
            has_duties[r] = true;
        }
    }
    for (i, r) in content.roles.iter().enumerate() {
        let at = indexed("roles", i);
        check_id(&mut err, &at, &r.id, &roles, i);
        check_text(&mut err, &at, "title", &r.title);
        check_length(&mut err, &at, "name", &r.name);
        check_length(&mut err, &at, "summary", &r.summary);
        for (j, claim) in r.focus_claims.iter().enumerate() {
            let at = [at.as_str(), ".", &indexed("focusClaims", j)].concat();
            if claim.focus.is_empty() {
                err(field(&at, "focus"), "name at least one focus".into());
            }
            check_source(&mut err, &at, &claim.source);
        }
        if !has_duties[i] {
            err(at, ["role \"", &clip(&r.id), "\" has no duties"].concat());
        }
    }
    for (i, d) in content.duties.iter().enumerate() {
        let at = indexed("duties", i);
        check_id(&mut err, &at, &d.id, &duties, i);
        check_text(&mut err, &at, "text", &d.text);
        if !roles.contains_key(d.role.as_str()) {
            err(
                field(&at, "role"),
                unknown("role", &d.role, content.roles.iter().map(|r| &r.id)),
            );
        }
        if d.topics.is_empty() {
            err(field(&at, "topics"), "name at least one topic".into());
        }
        for (j, t) in d.topics.iter().enumerate() {
            if !topics.contains_key(t.as_str()) {
                let path = [field(&at, "topics"), "[".into(), j.to_string(), "]".into()].concat();
                err(
                    path,
                    unknown("topic", t, content.topics.iter().map(|t| &t.id)),
                );
            }
        }
        check_source(&mut err, &at, &d.source);
        for (j, link) in d.links.iter().enumerate() {
            let path = [at.as_str(), ".", &indexed("links", j), ".duty"].concat();
            match duties
                .get(link.duty.as_str())
                .and_then(|&o| content.duties.get(o))
            {
                None => err(
                    path,
                    ["no duty has the id \"", &clip(&link.duty), "\""].concat(),
                ),
                Some(other) if other.role == d.role => err(
                    path,
                    "links join duties of different roles; this one has the same role".into(),
                ),
                Some(_) => {}
            }
            let at = [at.as_str(), ".", &indexed("links", j)].concat();
            check_length(&mut err, &at, "note", &link.note);
            if !link.source.is_empty() {
                check_source(&mut err, &at, &link.source);
            }
        }
    }
    let check_roles = |err: &mut dyn FnMut(String, String), at: &str, list: &[String]| {
        if list.is_empty() {
            err(field(at, "roles"), "name at least one role".into());
        }
        for (j, r) in list.iter().enumerate() {
            if !roles.contains_key(r.as_str()) {
                err(
                    [field(at, "roles"), "[".into(), j.to_string(), "]".into()].concat(),
                    unknown("role", r, content.roles.iter().map(|r| &r.id)),
                );
            }
        }
    };
    let perspectives = ids(content.perspectives.iter().map(|p| p.id.as_str()));
    for (i, p) in content.perspectives.iter().enumerate() {
        let at = indexed("perspectives", i);
        check_id(&mut err, &at, &p.id, &perspectives, i);
        check_text(&mut err, &at, "title", &p.title);
        check_roles(&mut err, &at, &p.roles);
        if p.points.is_empty() {
            err(field(&at, "points"), "name at least one point".into());
        }
        for (j, point) in p.points.iter().enumerate() {
            let at = [at.as_str(), ".", &indexed("points", j)].concat();
            check_text(&mut err, &at, "text", &point.text);
            check_source(&mut err, &at, &point.source);
        }
    }
    let figures = ids(content.figures.iter().map(|f| f.id.as_str()));
    for (i, f) in content.figures.iter().enumerate() {
        let at = indexed("figures", i);
        check_id(&mut err, &at, &f.id, &figures, i);
        check_text(&mut err, &at, "value", &f.value);
        check_text(&mut err, &at, "text", &f.text);
        check_length(&mut err, &at, "by", &f.by);
        check_roles(&mut err, &at, &f.roles);
        check_source(&mut err, &at, &f.source);
    }
    errors.truncate(MAX_REPORTED_ERRORS);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Each id of a list and the index of its first occurrence. Built once, so that checking
/// thousands of duties stays linear.
pub(super) fn ids<'a>(list: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
    for (i, id) in list.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

fn indexed(list: &str, i: usize) -> String {
    [list, "[", &i.to_string(), "]"].concat()
}

fn field(at: &str, name: &str) -> String {
    [at, ".", name].concat()
}

/// An `http://` or `https://` address with no spaces: the only kind a source's `url` may hold,
/// so that no `javascript:` or `data:` address could ever become a link.
pub fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

/// Ids go into URLs and `data-*` attributes: lowercase letters, digits and hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_id(
    err: &mut impl FnMut(String, String),
    at: &str,
    id: &str,
    first: &HashMap<&str, usize>,
    index: usize,
) {
    if !is_valid_id(id) {
        err(
            field(at, "id"),
            [
                "\"",
                &clip(id),
                "\" is not a valid id: use 1 to 64 lowercase letters, digits or hyphens",
            ]
            .concat(),
        );
    } else if first.get(id).is_some_and(|&i| i < index) {
        err(field(at, "id"), ["duplicate id \"", id, "\""].concat());
    }
}

/// Text that must be there: not empty, not too long.
fn check_text(err: &mut impl FnMut(String, String), at: &str, name: &str, text: &str) {
    if text.trim().is_empty() {
        err(field(at, name), "must not be empty".into());
    } else {
        check_length(err, at, name, text);
    }
}

fn check_length(err: &mut impl FnMut(String, String), at: &str, name: &str, text: &str) {
    // Bytes first: the character count only matters for long text.
    if text.len() > limits::TEXT_CHARS {
        let chars = text.chars().count();
        if chars > limits::TEXT_CHARS {
            err(
                field(at, name),
                [
                    "is ",
                    &chars.to_string(),
                    " characters long; at most ",
                    &limits::TEXT_CHARS.to_string(),
                    " are allowed",
                ]
                .concat(),
            );
        }
    }
}

/// `no topic has the id "x"; known: a, b, c`
fn unknown<'a>(what: &str, got: &str, known: impl Iterator<Item = &'a String>) -> String {
    let known: Vec<&str> = known.map(String::as_str).take(MAX_KNOWN_LISTED).collect();
    [
        "no ",
        what,
        " has the id \"",
        &clip(got),
        "\"; known: ",
        &known.join(", "),
        if known.len() == MAX_KNOWN_LISTED {
            ", …"
        } else {
            ""
        },
    ]
    .concat()
}

/// How many known ids a message lists: enough to spot a typo, not a wall of 5,000 ids.
const MAX_KNOWN_LISTED: usize = 20;
