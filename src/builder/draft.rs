//! The author's work and what the builder makes of it: the text (a table, or a content file
//! pasted whole), what a content file's import kept beside it, and the options; read into
//! content (or problems) by the same readers and validator as the widget's. Also the templates.
//! Pure, no browser API.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::kept::Kept;
use super::options::PreviewOptions;
use crate::content::{parse_content, read_table, ContentError};
use crate::model::Content;

/// What the builder keeps in the browser (localStorage) across reloads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// The data as the author has it: a table (CSV or TSV), or a content file's JSON.
    pub text: String,
    /// What the content file it came from held that a table cannot.
    pub kept: Kept,
    pub options: PreviewOptions,
}

/// The key the draft is stored under.
pub const STORAGE_KEY: &str = "role-compare-builder";

impl Draft {
    /// The draft as stored: JSON, with the format's version.
    pub fn to_storage(&self) -> String {
        serde_json::to_string(&Stored {
            version: 1,
            draft: self.clone(),
        })
        .unwrap_or_default()
    }

    /// A stored draft, or `None` when there is none this version can read.
    pub fn from_storage(text: &str) -> Option<Draft> {
        serde_json::from_str::<Stored>(text)
            .ok()
            .filter(|s| s.version == 1)
            .map(|s| s.draft)
    }

    /// A new author's start: the empty table.
    pub fn empty_table() -> Draft {
        Draft {
            text: EMPTY_TABLE.to_string(),
            ..Draft::default()
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u8,
    draft: Draft,
}

/// The header of an empty table: the columns every table needs, and the optional ones most
/// tables want (a role's full name, an article's title and address).
pub const EMPTY_TABLE: &str =
    "role,role_name,text,focus,line,topics,source,source_title,source_url\n";

/// The template to download: every column, two example rows, as a spreadsheet opens it (a
/// byte order mark, CRLF line ends).
pub const TEMPLATE_CSV: &str = "\u{feff}role,role_name,text,focus,line,topics,source,source_title,source_by,source_date,source_url\r\n\
CDO,Chief Data Officer,Sets the rules for how the company keeps and shares its data.,internal,bottom,Data; Governance,Data survey,The data leader survey 2026,Jane Doe,2026-01-31,https://example.org/data-survey\r\n\
CFO,Chief Financial Officer,Explains to investors what the data programme earns.,external,top,Finance; Data,Data survey,,,,\r\n";

/// What the text says, read.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// Content the widget can show.
    Content(Rc<Content>),
    /// The problems that keep it from being shown, each with its place.
    Problems(Rc<Vec<ContentError>>),
    /// Nothing yet: no text, or a header and no row.
    Empty,
}

/// The text read: a content file when it starts with `{`, else a table, with `kept` put back
/// into a table's content; and what was kept, in words (`kept from your file: 4 perspectives,
/// 17 links`), empty when nothing was.
pub fn read(text: &str, kept: &Kept) -> (Reading, String) {
    let body = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if body.is_empty() {
        return (Reading::Empty, String::new());
    }
    if body.starts_with('{') {
        return match parse_content(text) {
            Ok(content) => (Reading::Content(Rc::new(content)), String::new()),
            Err(errors) => (Reading::Problems(Rc::new(errors)), String::new()),
        };
    }
    let mut table = match read_table(text) {
        Ok(table) => table,
        Err(errors) => return (Reading::Problems(Rc::new(errors)), String::new()),
    };
    if table.content.duties.is_empty() {
        return (Reading::Empty, String::new());
    }
    let applied = kept.apply(&mut table.content);
    let said = applied.describe(if kept.from.is_empty() {
        "your file"
    } else {
        &kept.from
    });
    match table.check() {
        Ok(content) => (Reading::Content(Rc::new(content)), said),
        Err(errors) => (Reading::Problems(Rc::new(errors)), said),
    }
}

/// A file or an address the author opened, as the builder takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The text for the text area: a table as it came, a content file's duties as a table, or
    /// a content file with problems as it came (so that its problems can be fixed there).
    pub text: String,
    pub kept: Kept,
    /// What happened, for the author: "its duties are in the table".
    pub said: String,
}

/// What the builder makes of a file (or an address's answer) named `name`, of media type
/// `media_type`: a table (by its name or type, as the widget tells them) is taken as it is; a
/// content file becomes a table and what a table cannot hold is kept beside it.
pub fn open(name: &str, media_type: &str, text: &str) -> Opened {
    let looks_json = text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .starts_with('{');
    if crate::content::is_table(name, media_type) || !looks_json {
        return Opened {
            text: text.to_string(),
            kept: Kept::default(),
            said: [name, ": the table is below"].concat(),
        };
    }
    match parse_content(text) {
        Ok(content) => {
            let (table, kept) = super::kept::import(&content, "your file");
            Opened {
                text: table,
                kept,
                said: [name, ": its duties are the table below"].concat(),
            }
        }
        Err(_) => Opened {
            text: text.to_string(),
            kept: Kept::default(),
            said: [
                name,
                ": a content file with problems, shown as it is: fix them below, or open another file",
            ]
            .concat(),
        },
    }
}
