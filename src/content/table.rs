//! Content as a table: CSV or TSV text (a spreadsheet's export, a published Google Sheet, or
//! cells copied from a spreadsheet), one duty a row under a header row, read into the same model
//! as a content file and checked by the same validator (`docs/content-format.md`, "CSV").
//!
//! Roles, topics and sources are made from the names the rows give, in the order they first
//! appear: a role called "CDO" gets the id `cdo`. What a table cannot hold (links, perspectives,
//! figures, focus claims, short names) stays in the JSON format.
//!
//! Every problem names its cell as a spreadsheet shows it, the header being row 1:
//! `row 7, column D (focus): 'intern' is neither internal nor external`.
//!
//! The records are split by `csv-core`, the allocation-free state machine beneath the `csv`
//! crate, and the columns mapped by hand rather than by serde: measured on the widget's wasm
//! (nightly size build, wasm-opt -Oz, brotli -q 11, 2026-12-06; 146,376 B before tables), the
//! same reading with the `csv` crate and a serde-derived row cost 3.6 KB more than with
//! `csv-core` (159,033 B against 155,403 B, both before the mapping was trimmed), and this
//! reader as it is adds 7.6 KB (154,024 B). A hand-written splitter in csv-core's place would
//! save another 1.6 KB (152,437 B); csv-core was kept as the well-kept crate the issue asks
//! for, which handles every quoting quirk the same as the `csv` crate does.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

use super::{limits, validate, ContentError, Place, MAX_CONTENT_BYTES, MAX_REPORTED_ERRORS};
use crate::model::{Content, Duty, Focus, Line, Role, Source, Topic};
use crate::url_state::clip;

/// A column a table may have. The header names it (case, spaces and hyphens aside:
/// `Role name` is `role_name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableColumn {
    Id,
    Role,
    RoleName,
    Text,
    Focus,
    Line,
    Topics,
    Source,
    SourceTitle,
    SourceBy,
    SourceDate,
    SourceUrl,
}

/// The names of the columns, in the order [`TableColumn::ALL`] lists them (the order the
/// builder writes them in).
pub const TABLE_COLUMNS: [&str; 12] = [
    "id",
    "role",
    "role_name",
    "text",
    "focus",
    "line",
    "topics",
    "source",
    "source_title",
    "source_by",
    "source_date",
    "source_url",
];

impl TableColumn {
    /// Every column, in the order a table written by the builder has them.
    pub const ALL: [TableColumn; 12] = [
        TableColumn::Id,
        TableColumn::Role,
        TableColumn::RoleName,
        TableColumn::Text,
        TableColumn::Focus,
        TableColumn::Line,
        TableColumn::Topics,
        TableColumn::Source,
        TableColumn::SourceTitle,
        TableColumn::SourceBy,
        TableColumn::SourceDate,
        TableColumn::SourceUrl,
    ];

    /// The column's name in a header: `role_name`.
    pub fn name(self) -> &'static str {
        TABLE_COLUMNS[self as usize]
    }

    /// Whether every table must have it.
    pub fn required(self) -> bool {
        matches!(
            self,
            TableColumn::Role
                | TableColumn::Text
                | TableColumn::Focus
                | TableColumn::Line
                | TableColumn::Topics
                | TableColumn::Source
        )
    }

    /// The column a header cell names: trimmed, in any case, with spaces or hyphens for the
    /// underscores (`Source title`, `source-title`).
    fn from_header(cell: &str) -> Option<TableColumn> {
        let name: String = cell
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        TABLE_COLUMNS
            .iter()
            .position(|&n| n == name)
            .map(|i| TableColumn::ALL[i])
    }
}

/// The column's letters as a spreadsheet shows them: 0 is `A`, 25 `Z`, 26 `AA`.
pub fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Whether a file is a table, by its name (`.csv`, `.tsv`) or its media type (`text/csv`,
/// `text/tab-separated-values`; parameters such as `; charset=utf-8` aside).
pub fn is_table(name: &str, media_type: &str) -> bool {
    let name = name.split(['?', '#']).next().unwrap_or_default();
    let ends = |ext: &str| {
        name.len() >= ext.len()
            && name.as_bytes()[name.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
    };
    let media = media_type.split(';').next().unwrap_or_default().trim();
    ends(".csv")
        || ends(".tsv")
        || media.eq_ignore_ascii_case("text/csv")
        || media.eq_ignore_ascii_case("text/tab-separated-values")
}

/// One record of the text: its row as a spreadsheet counts it, where it starts (a byte offset
/// into the text the reader was given), and its cells.
struct Record {
    row: usize,
    start: usize,
    cells: Vec<String>,
    /// The record ran to the end of the text inside a quoted cell.
    unclosed: bool,
}

/// The records of a table's text, split by `csv-core`. Blank lines are rows too (a spreadsheet
/// shows them), so that every row number is the one the author sees.
struct Records<'a> {
    text: &'a [u8],
    at: usize,
    row: usize,
    reader: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl<'a> Records<'a> {
    fn new(text: &'a str) -> Self {
        Records {
            text: text.as_bytes(),
            at: 0,
            row: 0,
            reader: ReaderBuilder::new().delimiter(delimiter(text)).build(),
            out: vec![0; 1024],
            ends: vec![0; 16],
        }
    }
}

/// The separator of a table, from its first line: a tab (what spreadsheets put on the
/// clipboard, and TSV files), else a comma, else a semicolon (what spreadsheets set to a
/// language with a decimal comma export).
fn delimiter(text: &str) -> u8 {
    let first = text.split('\n').next().unwrap_or_default();
    if first.contains('\t') {
        b'\t'
    } else if !first.contains(',') && first.contains(';') {
        b';'
    } else {
        b','
    }
}

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        // csv-core ends a record at its `\r` and leaves the `\n` of a CRLF for the next one.
        if self.at > 0 && self.text.get(self.at - 1..=self.at) == Some(b"\r\n") {
            self.at += 1;
        }
        // Blank lines between records: rows of their own in a spreadsheet.
        loop {
            match self.text.get(self.at..) {
                Some([b'\r', b'\n', ..]) => self.at += 2,
                Some([b'\n' | b'\r', ..]) => self.at += 1,
                _ => break,
            }
            self.row += 1;
        }
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        self.row += 1;
        let (mut written, mut fields) = (0, 0);
        loop {
            let input = self.text.get(self.at..).unwrap_or_default();
            let (result, read, wrote, ended) =
                self.reader
                    .read_record(input, &mut self.out[written..], &mut self.ends[fields..]);
            self.at += read;
            written += wrote;
            fields += ended;
            match result {
                ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                // The input ran out: once more with none, which ends the record.
                ReadRecordResult::InputEmpty if !input.is_empty() => {}
                _ => break,
            }
        }
        let mut cells = Vec::with_capacity(fields);
        let mut from = 0;
        for &end in &self.ends[..fields] {
            let cell = self.out.get(from..end).unwrap_or_default();
            cells.push(String::from_utf8_lossy(cell).into_owned());
            from = end;
        }
        // A quote left open swallows the rest of the text: an odd count of quotes says so.
        let raw = self.text.get(start..self.at).unwrap_or_default();
        let unclosed =
            self.at >= self.text.len() && raw.iter().filter(|&&b| b == b'"').count() % 2 == 1;
        Some(Record {
            row: self.row,
            start,
            cells,
            unclosed,
        })
    }
}

/// Where each row of `text` starts, as (row, byte offset in `text`): for putting a caret on a
/// row a problem names. Rows with nothing in them are left out.
pub fn row_starts(text: &str) -> Vec<(usize, usize)> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let skipped = text.len() - body.len();
    Records::new(body)
        .map(|r| (r.row, r.start + skipped))
        .collect()
}

/// The row a role or source was first named in, and the rows its optional cells were first
/// given in (0: never), for placing the validator's problems.
#[derive(Clone, Default)]
struct Origin {
    row: usize,
    given: [usize; 4],
}

/// A table read into content, with where each part came from; not yet validated
/// ([`Table::check`]).
pub struct Table {
    /// What the table says. An author's tool may add what a table cannot hold (links,
    /// perspectives ...) before the check.
    pub content: Content,
    /// The header's cells as written, for naming columns in problems.
    headers: Vec<String>,
    columns: [Option<usize>; 12],
    duties: Vec<usize>,
    roles: Vec<Origin>,
    topics: Vec<usize>,
    sources: Vec<Origin>,
}

/// Reads a table and validates it: [`read_table`], then [`Table::check`].
pub fn parse_table(text: &str) -> Result<Content, Vec<ContentError>> {
    read_table(text)?.check()
}

/// A problem at `row` (and `column`), named as a spreadsheet names the cell.
fn at(headers: &[String], row: usize, column: Option<usize>, message: String) -> ContentError {
    let mut path = ["row ", &row.to_string()].concat();
    if let Some(c) = column {
        path.push_str(", column ");
        path.push_str(&column_letter(c));
        if let Some(name) = headers.get(c).filter(|h| !h.is_empty()) {
            path.push_str(" (");
            path.push_str(&clip(name));
            path.push(')');
        }
    }
    ContentError {
        path,
        message,
        place: Some(Place { row, column }),
    }
}

/// `'intern'`, as messages quote a cell.
fn quoted(value: &str) -> String {
    ["'", &clip(value), "'"].concat()
}

/// An id made from a name: `CDO` -> `cdo`, `Chief Data Officer` -> `chief-data-officer`,
/// `Données & IA` -> `donnees-ia`: ASCII letters and digits in lower case, accented Latin
/// letters without their accents, anything else a hyphen between words. Empty when the name has
/// no such letter or digit (the reader then numbers it: `role-3`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        let plain = if c.is_ascii_alphanumeric() {
            None
        } else {
            Some(unaccented(c))
        };
        match plain {
            Some("") => gap = true,
            _ => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                match plain {
                    Some(letters) => out.push_str(letters),
                    None => out.push(c.to_ascii_lowercase()),
                }
            }
        }
        if out.len() >= 56 {
            break;
        }
    }
    out
}

/// A Latin letter with an accent, as plain lower-case letters; `""` for anything else. A table
/// of its own rather than Unicode's decomposition tables, which would cost the wasm kilobytes.
fn unaccented(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        _ => "",
    }
}

/// The id for a name: its [`slug`], or `<kind>-<n>` for a name with no letter or digit of the
/// Latin alphabet (`n` counting the list's entries).
fn id_for(name: &str, kind: &str, count: usize) -> String {
    let id = slug(name);
    if id.is_empty() {
        [kind, "-", &(count + 1).to_string()].concat()
    } else {
        id
    }
}

/// Reads a table (CSV or TSV text, the separator found from its first line) into content
/// without validating it: every problem of reading (the header, each cell's value) at once, up
/// to [`MAX_REPORTED_ERRORS`].
pub fn read_table(text: &str) -> Result<Table, Vec<ContentError>> {
    if text.len() > MAX_CONTENT_BYTES {
        return Err(vec![super::file::too_large(text)]);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Records::new(text).filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
    let Some(header) = records.next() else {
        return Err(vec![ContentError::new(
            "",
            [
                "the table is empty: row 1 names the columns (",
                &TABLE_COLUMNS[1..8].join(", "),
                " ...), and each row below is a duty",
            ]
            .concat(),
        )]);
    };
    let headers: Vec<String> = header.cells.iter().map(|c| c.trim().to_string()).collect();
    let mut errors = Vec::new();
    let mut columns = [None; 12];
    for (i, cell) in headers.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        match TableColumn::from_header(cell) {
            Some(c) if columns[c as usize].is_some() => errors.push(at(
                &headers,
                header.row,
                Some(i),
                ["a second ", c.name(), " column: name each column once"].concat(),
            )),
            Some(c) => columns[c as usize] = Some(i),
            None => errors.push(at(
                &headers,
                header.row,
                Some(i),
                [
                    "unknown column; the columns are ",
                    &TABLE_COLUMNS.join(", "),
                ]
                .concat(),
            )),
        }
    }
    let missing: Vec<&str> = TableColumn::ALL
        .iter()
        .filter(|c| c.required() && columns[**c as usize].is_none())
        .map(|c| c.name())
        .collect();
    if missing.len() == 6 {
        return Err(vec![at(
            &headers,
            header.row,
            None,
            "no header: this row must name the columns: role, text, focus, line, topics and source, in any order, and if you like id, role_name, source_title, source_by, source_date, source_url".into(),
        )]);
    }
    for name in missing {
        errors.push(at(
            &headers,
            header.row,
            None,
            [
                "no ",
                name,
                " column: a table needs role, text, focus, line, topics and source",
            ]
            .concat(),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut table = Table {
        content: Content::default(),
        headers,
        columns,
        duties: Vec::new(),
        roles: Vec::new(),
        topics: Vec::new(),
        sources: Vec::new(),
    };
    for record in records {
        if errors.len() >= MAX_REPORTED_ERRORS {
            break;
        }
        let row = record.row;
        if table.content.duties.len() == limits::DUTIES {
            errors.push(at(
                &table.headers,
                row,
                None,
                more_than(limits::DUTIES, "duties"),
            ));
            break;
        }
        if record.unclosed {
            errors.push(at(
                &table.headers,
                row,
                None,
                "a quote (\") opens a cell here and is never closed, so the rest of the table reads as one cell: close it, or double a quote meant as text (\"\")".into(),
            ));
            break;
        }
        if let Some(duty) = table.read_row(&record, &mut errors) {
            table.content.duties.push(duty);
            table.duties.push(row);
        }
    }
    if !errors.is_empty() {
        errors.truncate(MAX_REPORTED_ERRORS);
        return Err(errors);
    }
    table.name_duties();
    for role in &mut table.content.roles {
        if role.name.is_empty() {
            role.name.clone_from(&role.title);
        }
    }
    Ok(table)
}

fn more_than(max: usize, what: &str) -> String {
    [
        "more than ",
        &max.to_string(),
        " ",
        what,
        ": at most ",
        &max.to_string(),
        " are allowed",
    ]
    .concat()
}

/// A cell as its author meant it: trimmed, and a leading `'` that guards a formula-like value
/// (as the builder's and the widget's CSV downloads write it) taken off again.
fn cell_value(record: &Record, column: Option<usize>) -> &str {
    let value = column
        .and_then(|i| record.cells.get(i))
        .map_or("", |v| v.trim());
    match value.strip_prefix('\'') {
        // (A cell that started with the guard already was written with a second one.)
        Some(rest)
            if rest
                .trim_start_matches('\'')
                .starts_with(['=', '+', '-', '@']) =>
        {
            rest
        }
        _ => value,
    }
}

/// The kinds of things rows name, each a list of the content.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Role,
    Topic,
    Source,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Role => "role",
            Kind::Topic => "topic",
            Kind::Source => "source",
        }
    }
}

impl Table {
    /// A problem at `row`, in `column`'s cell.
    fn at(&self, row: usize, column: TableColumn, message: String) -> ContentError {
        at(&self.headers, row, self.columns[column as usize], message)
    }

    /// One row as a duty, its role, topics and source found by name or made; `None` (with the
    /// problems in `errors`) when a cell is wrong.
    fn read_row(&mut self, record: &Record, errors: &mut Vec<ContentError>) -> Option<Duty> {
        use TableColumn as C;
        let row = record.row;
        let cell = TableColumn::ALL.map(|c| cell_value(record, self.columns[c as usize]));
        let before = errors.len();
        for (i, value) in record.cells.iter().enumerate() {
            if !value.trim().is_empty() && self.headers.get(i).is_none_or(|h| h.is_empty()) {
                errors.push(at(
                    &self.headers,
                    row,
                    Some(i),
                    "a value in a column with no name in row 1: name the column, or clear the cell"
                        .into(),
                ));
            }
        }
        let is = |c: C, word: &str| cell[c as usize].eq_ignore_ascii_case(word);
        let focus = if is(C::Focus, "internal") {
            Some(Focus::Internal)
        } else if is(C::Focus, "external") {
            Some(Focus::External)
        } else {
            None
        };
        if focus.is_none() {
            errors.push(self.at(
                row,
                C::Focus,
                neither(cell[C::Focus as usize], "internal", "external"),
            ));
        }
        let line = if is(C::Line, "top") {
            Some(Line::Top)
        } else if is(C::Line, "bottom") {
            Some(Line::Bottom)
        } else {
            None
        };
        if line.is_none() {
            errors.push(self.at(
                row,
                C::Line,
                neither(cell[C::Line as usize], "top", "bottom"),
            ));
        }
        if cell[C::Role as usize].is_empty() {
            errors.push(self.at(
                row,
                C::Role,
                "empty: every duty belongs to a role, e.g. CIO".into(),
            ));
        }
        if cell[C::Source as usize].is_empty() {
            errors.push(self.at(
                row,
                C::Source,
                "empty: every duty names the article it comes from".into(),
            ));
        }
        if errors.len() > before {
            return None;
        }

        let role = self.entry(Kind::Role, cell[C::Role as usize], row, errors)?;
        self.give(
            errors,
            Kind::Role,
            role,
            0,
            cell[C::RoleName as usize],
            row,
            C::RoleName,
        );
        let source = self.entry(Kind::Source, cell[C::Source as usize], row, errors)?;
        for (slot, c) in [C::SourceTitle, C::SourceBy, C::SourceDate, C::SourceUrl]
            .into_iter()
            .enumerate()
        {
            self.give(errors, Kind::Source, source, slot, cell[c as usize], row, c);
        }
        let mut topics: Vec<String> = Vec::new();
        let names = cell[C::Topics as usize].split(';').map(str::trim);
        for name in names.filter(|t| !t.is_empty()) {
            let topic = self.entry(Kind::Topic, name, row, errors)?;
            let id = &self.content.topics[topic].id;
            if !topics.contains(id) {
                topics.push(id.clone());
            }
        }
        if errors.len() > before {
            return None;
        }
        Some(Duty {
            id: cell[C::Id as usize].to_string(),
            role: self.content.roles[role].id.clone(),
            text: cell[C::Text as usize].to_string(),
            focus: focus?,
            line: line?,
            topics,
            source: self.content.sources[source].id.clone(),
            links: Vec::new(),
            view: false,
        })
    }

    /// The role, topic or source that `name` names: found by its id, or made from the name as
    /// the next of its list. `None` when the list is full (the problem is in `errors`).
    fn entry(
        &mut self,
        kind: Kind,
        name: &str,
        row: usize,
        errors: &mut Vec<ContentError>,
    ) -> Option<usize> {
        let (count, max, column, plural) = match kind {
            Kind::Role => (
                self.content.roles.len(),
                limits::ROLES,
                TableColumn::Role,
                "roles",
            ),
            Kind::Topic => (
                self.content.topics.len(),
                limits::TOPICS,
                TableColumn::Topics,
                "topics",
            ),
            Kind::Source => (
                self.content.sources.len(),
                limits::SOURCES,
                TableColumn::Source,
                "sources",
            ),
        };
        let id = id_for(name, kind.word(), count);
        // A linear search: at most 100 entries (a map would cost the wasm more than it saves).
        let found = match kind {
            Kind::Role => self.content.roles.iter().position(|r| r.id == id),
            Kind::Topic => self.content.topics.iter().position(|t| t.id == id),
            Kind::Source => self.content.sources.iter().position(|s| s.id == id),
        };
        if found.is_some() {
            return found;
        }
        if count == max {
            errors.push(self.at(row, column, more_than(max, plural)));
            return None;
        }
        let origin = Origin { row, given: [0; 4] };
        match kind {
            Kind::Role => {
                self.content.roles.push(Role {
                    id,
                    title: name.to_string(),
                    name: String::new(),
                    summary: String::new(),
                    shown_by_default: true,
                    focus_claims: Vec::new(),
                });
                self.roles.push(origin);
            }
            Kind::Topic => {
                self.content.topics.push(Topic {
                    id,
                    label: name.to_string(),
                });
                self.topics.push(row);
            }
            Kind::Source => {
                self.content.sources.push(Source {
                    id,
                    title: name.to_string(),
                    by: String::new(),
                    date: String::new(),
                    short: String::new(),
                    url: String::new(),
                });
                self.sources.push(origin);
            }
        }
        Some(count)
    }

    /// A detail of a role or source that a row gives (`slot`: the role's full name; the
    /// source's title, by, date, url): kept from the first row that gives it; a later row that
    /// gives another is a problem, since a role or an article has one of each.
    #[allow(clippy::too_many_arguments)]
    fn give(
        &mut self,
        errors: &mut Vec<ContentError>,
        kind: Kind,
        entry: usize,
        slot: usize,
        value: &str,
        row: usize,
        column: TableColumn,
    ) {
        if value.is_empty() {
            return;
        }
        let (origin, field) = match kind {
            Kind::Role => (&mut self.roles[entry], &mut self.content.roles[entry].name),
            Kind::Source => {
                let source = &mut self.content.sources[entry];
                let field = match slot {
                    0 => &mut source.title,
                    1 => &mut source.by,
                    2 => &mut source.date,
                    _ => &mut source.url,
                };
                (&mut self.sources[entry], field)
            }
            Kind::Topic => return,
        };
        let first = origin.given[slot];
        if first == 0 {
            origin.given[slot] = row;
            *field = value.to_string();
        } else if field != value {
            let message = [
                &quoted(value),
                " differs from ",
                &quoted(field),
                " in row ",
                &first.to_string(),
                ": a ",
                kind.word(),
                " has one ",
                column.name(),
            ]
            .concat();
            errors.push(self.at(row, column, message));
        }
    }

    /// Ids for the duties whose row gave none: the role's id and a number (`cdo-1`, `cdo-2`),
    /// passing over ids that rows gave.
    fn name_duties(&mut self) {
        let given: Vec<String> = self
            .content
            .duties
            .iter()
            .filter(|d| !d.id.is_empty())
            .map(|d| d.id.clone())
            .collect();
        let taken = super::ids(given.iter().map(String::as_str));
        let mut counts = vec![0; self.content.roles.len()];
        let roles = &self.content.roles;
        for duty in self.content.duties.iter_mut().filter(|d| d.id.is_empty()) {
            let role = roles.iter().position(|r| r.id == duty.role).unwrap_or(0);
            let Some(n) = counts.get_mut(role) else {
                continue;
            };
            loop {
                *n += 1;
                let id = [duty.role.as_str(), "-", &n.to_string()].concat();
                if !taken.contains_key(id.as_str()) {
                    duty.id = id;
                    break;
                }
            }
        }
    }

    /// Validates the content (`content::validate`, as for a content file), each problem named
    /// by the cell it comes from: `duties[5].text` becomes row 7's text cell.
    pub fn check(self) -> Result<Content, Vec<ContentError>> {
        match validate(&self.content) {
            Ok(()) => Ok(self.content),
            Err(errors) => {
                let mut placed: Vec<ContentError> = Vec::new();
                for error in errors.into_iter().map(|e| self.locate(e)) {
                    // A role's full name left out is its title: one problem, not two.
                    if !placed.contains(&error) {
                        placed.push(error);
                    }
                }
                Err(placed)
            }
        }
    }

    /// The cell a validator's problem concerns, by its path (`duties[5].text`); problems of
    /// what the table does not hold (a content file's perspectives kept by the builder) keep
    /// their path.
    fn locate(&self, error: ContentError) -> ContentError {
        use TableColumn as C;
        let place = (|| {
            let (list, rest) = error.path.split_once('[')?;
            let (number, rest) = rest.split_once(']')?;
            let i: usize = number.parse().ok()?;
            let field = rest.trim_start_matches('.');
            let field = field.split(['.', '[']).next().unwrap_or_default();
            let source_slot = |slot: usize, c: C| {
                let origin = self.sources.get(i)?;
                Some(match origin.given[slot] {
                    0 => (origin.row, C::Source),
                    given => (given, c),
                })
            };
            Some(match (list, field) {
                ("duties", field) => {
                    let column = match field {
                        "id" => C::Id,
                        "role" => C::Role,
                        "text" => C::Text,
                        "topics" => C::Topics,
                        "source" => C::Source,
                        _ => return Some((*self.duties.get(i)?, None)),
                    };
                    (*self.duties.get(i)?, self.columns[column as usize])
                }
                ("roles", "name") => {
                    let origin = self.roles.get(i)?;
                    match origin.given[0] {
                        0 => (origin.row, self.columns[C::Role as usize]),
                        given => (given, self.columns[C::RoleName as usize]),
                    }
                }
                ("roles", _) => (self.roles.get(i)?.row, self.columns[C::Role as usize]),
                ("topics", _) => (*self.topics.get(i)?, self.columns[C::Topics as usize]),
                ("sources", field) => {
                    let (row, c) = match field {
                        "title" => source_slot(0, C::SourceTitle)?,
                        "by" => source_slot(1, C::SourceBy)?,
                        "date" => source_slot(2, C::SourceDate)?,
                        "url" => source_slot(3, C::SourceUrl)?,
                        _ => (self.sources.get(i)?.row, C::Source),
                    };
                    (row, self.columns[c as usize])
                }
                _ => return None,
            })
        })();
        match place {
            Some((row, column)) => at(&self.headers, row, column, error.message),
            None => error,
        }
    }
}

/// `empty: write internal or external`, or `'intern' is neither internal nor external`.
fn neither(value: &str, one: &str, other: &str) -> String {
    if value.is_empty() {
        ["empty: write ", one, " or ", other].concat()
    } else {
        [&quoted(value), " is neither ", one, " nor ", other].concat()
    }
}

/// Content as a table (the builder's text, its templates and its CSV download): a row a duty,
/// under a header with the columns the content needs: `id` (so that what a table cannot hold,
/// kept beside it, still finds its duties), `role` (the role's title), `role_name` when a
/// name differs from its title, `text`, `focus`, `line`, `topics` (labels joined by `; `),
/// `source` (the source's id, so its id survives the round trip), `source_title`, and
/// `source_by`, `source_date`, `source_url` when any source has one.
///
/// `download`: for a file a spreadsheet opens: a byte order mark and CRLF line ends (as the
/// widget's own CSV export writes), and every cell that starts like a formula (`=`, `+`, `-`,
/// `@`, a tab or CR) guarded by a leading `'`, which [`read_table`] takes off again. Otherwise
/// plain text to edit: LF line ends, nothing guarded.
pub fn write_table(content: &Content, download: bool) -> String {
    use TableColumn as C;
    let any = |f: &dyn Fn(&Source) -> bool| content.sources.iter().any(f);
    let columns: Vec<TableColumn> = TableColumn::ALL
        .into_iter()
        .filter(|c| match c {
            C::RoleName => content.roles.iter().any(|r| r.name != r.title),
            C::SourceBy => any(&|s| !s.by.is_empty()),
            C::SourceDate => any(&|s| !s.date.is_empty()),
            C::SourceUrl => any(&|s| !s.url.is_empty()),
            _ => true,
        })
        .collect();
    let end = if download { "\r\n" } else { "\n" };
    let mut out = String::new();
    if download {
        out.push('\u{feff}');
    }
    let names: Vec<&str> = columns.iter().map(|c| c.name()).collect();
    push_row(&mut out, &names, download, end);
    for duty in &content.duties {
        let role = content.role(&duty.role);
        let source = content.source(&duty.source);
        let topics: Vec<&str> = duty
            .topics
            .iter()
            .map(|t| content.topic(t).map_or(t.as_str(), |t| t.label.as_str()))
            .collect();
        let topics = topics.join("; ");
        let cells: Vec<&str> = columns
            .iter()
            .map(|c| match c {
                C::Id => duty.id.as_str(),
                C::Role => role.map_or(duty.role.as_str(), |r| r.title.as_str()),
                C::RoleName => role
                    .filter(|r| r.name != r.title)
                    .map_or("", |r| r.name.as_str()),
                C::Text => duty.text.as_str(),
                C::Focus => duty.focus.id(),
                C::Line => duty.line.id(),
                C::Topics => topics.as_str(),
                C::Source => duty.source.as_str(),
                C::SourceTitle => source.map_or("", |s| s.title.as_str()),
                C::SourceBy => source.map_or("", |s| s.by.as_str()),
                C::SourceDate => source.map_or("", |s| s.date.as_str()),
                C::SourceUrl => source.map_or("", |s| s.url.as_str()),
            })
            .collect();
        push_row(&mut out, &cells, download, end);
    }
    out
}

fn push_row(out: &mut String, cells: &[&str], guard: bool, end: &str) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A cell that already starts with the guard before a formula-like value gets a second
        // one in any case: the reader takes one off, so the text comes back as it was.
        let guarded = cell.starts_with('\'')
            && cell
                .trim_start_matches('\'')
                .starts_with(['=', '+', '-', '@']);
        let formula = guarded || (guard && cell.starts_with(['=', '+', '-', '@', '\t', '\r']));
        let quoted = formula || cell.contains(['"', ',', '\r', '\n']);
        if quoted {
            out.push('"');
        }
        if formula {
            out.push('\'');
        }
        out.push_str(&cell.replace('"', "\"\""));
        if quoted {
            out.push('"');
        }
    }
    out.push_str(end);
}
