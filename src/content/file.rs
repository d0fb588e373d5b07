//! Content files: JSON text in the format of `docs/content-format.md` (version 1), both ways.
//!
//! Reading is serde's: the model derives `Deserialize` and `serde_json` reads the text (a syntax
//! error comes with its line and column). A type error stops the reading, as serde does, and is
//! named by the path of its field (`duties[3].focus`), found from where serde_json stopped
//! ([`path_at`]); once the shape is right, [`validate`] lists every problem of ids and references
//! at once.
//!
//! Why not `serde_path_to_error`, which tracks the path while reading: it wraps every visitor
//! of every type of the format, and that generic code was the largest function in the widget's
//! wasm (31.7 KB raw). The path is recovered instead by reading the JSON text once more up to
//! the error, only when there is one: the wasm's reading of content went from 16.6 to 12.7 KB
//! brotli on the size build (`scripts/wasm-breakdown.mjs`), with the same messages
//! (tests/content_json.rs, tests/fuzz.rs).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::{validate, ContentError};
use crate::model::{
    objects, Content, Described, Duty, Figure, ObjectOnly, Perspective, Role, Source, Topic,
};

/// Content files larger than this are refused before parsing. It fits the largest content the
/// validator accepts (5,000 duties of a few sentences each, with their roles, sources and
/// topics, is about 2.5 MB at most), and bounds the work one embed can ask of a page.
pub const MAX_CONTENT_BYTES: usize = 4 * 1024 * 1024;

/// How long a message about one field may get before it is cut.
const MAX_MESSAGE_CHARS: usize = 300;

/// The whole file: the content and the format's version.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContentFile {
    /// Checked while reading; nothing else to keep.
    #[serde(rename = "version")]
    _version: Version,
    #[serde(deserialize_with = "objects")]
    sources: Vec<Source>,
    /// Left out: the built-in topics, so authors who tag with those need not repeat them.
    #[serde(default, deserialize_with = "some_objects")]
    topics: Option<Vec<Topic>>,
    #[serde(deserialize_with = "objects")]
    roles: Vec<Role>,
    #[serde(deserialize_with = "objects")]
    duties: Vec<Duty>,
    #[serde(default, deserialize_with = "objects")]
    perspectives: Vec<Perspective>,
    #[serde(default, deserialize_with = "objects")]
    figures: Vec<Figure>,
}

/// `topics`, when a file has them.
fn some_objects<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<Topic>>, D::Error> {
    objects(deserializer).map(Some)
}

impl Described for ContentFile {
    const WHAT: &'static str = "a content object: {\"version\": 1, \"sources\": [...], ...}";
}

/// The content as a file, for writing: `{"version": 1, "sources": [...], ...}`.
#[derive(Serialize)]
struct ContentFileRef<'a> {
    version: u8,
    #[serde(flatten)]
    content: &'a Content,
}

/// The format version. Only 1 exists; a later format is refused rather than half-read.
struct Version;

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct One;
        impl Visitor<'_> for One {
            type Value = Version;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("1, the only version of the format")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Version, E> {
                match v {
                    1 => Ok(Version),
                    _ => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Version, E> {
                match v {
                    1 => Ok(Version),
                    _ => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
                }
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Version, E> {
                // `1.0` is the number 1 too, as JSON Schema's `const: 1` agrees.
                if v == 1.0 {
                    Ok(Version)
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
        }
        // A number, not "any" value: a list or an object here is only looked at, not read, so
        // that the error's place is the field's (see `path_at`).
        deserializer.deserialize_u64(One)
    }
}

/// Reads content from the JSON text of a content file and validates it.
///
/// Problems come back as values an author can act on, each with the path of its field:
/// `invalid JSON at line 3, column 14: expected `,` or `}``, `duties[3].focus: unknown variant
/// `inside`, expected `internal` or `external``, `duties[2].role: no role has the id "cfo"`.
pub fn parse_content(text: &str) -> Result<Content, Vec<ContentError>> {
    parse(text, super::default_topics)
}

/// [`parse_content`], with the topics to use when the file lists none.
pub(super) fn parse(
    text: &str,
    default_topics: impl FnOnce() -> Vec<Topic>,
) -> Result<Content, Vec<ContentError>> {
    if text.len() > MAX_CONTENT_BYTES {
        return Err(vec![too_large(text)]);
    }
    // Editors on Windows start files with a byte order mark; JSON has no place for it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let ObjectOnly(file) = ObjectOnly::<ContentFile>::deserialize(&mut deserializer)
        .map_err(|e| vec![describe(text, &path_at(text, e.line(), e.column()), &e)])?;
    deserializer
        .end()
        .map_err(|e| vec![describe(text, "", &e)])?;
    let mut content = Content {
        sources: file.sources,
        topics: match file.topics {
            Some(topics) => topics,
            None => default_topics(),
        },
        roles: file.roles,
        duties: file.duties,
        perspectives: file.perspectives,
        figures: file.figures,
    };
    for role in &mut content.roles {
        if role.name.is_empty() {
            role.name.clone_from(&role.title);
        }
    }
    validate(&content).map(|()| content)
}

/// Content over [`MAX_CONTENT_BYTES`], refused before it is read (a JSON file or a table).
pub(super) fn too_large(text: &str) -> ContentError {
    ContentError::new(
        "",
        [
            "the content is ",
            // Rounded up, so that a file just over the limit does not read as the limit.
            &text.len().div_ceil(1024).to_string(),
            " KiB; at most ",
            &(MAX_CONTENT_BYTES / 1024).to_string(),
            " KiB is accepted",
        ]
        .concat(),
    )
}

/// The content as the JSON text of a content file, indented, every field it has written out.
pub fn to_json(content: &Content) -> String {
    let file = ContentFileRef {
        version: 1,
        content,
    };
    // Serialising plain strings, vectors and enums to a string cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// One serde_json error as an author reads it: syntax errors with their line and column
/// (counted in characters, as editors do), field errors with their path and line.
fn describe(text: &str, path: &str, error: &serde_json::Error) -> ContentError {
    let (line, byte_column) = (error.line(), error.column());
    let column = char_column(text, line, byte_column);
    // serde_json appends " at line L column C" to its messages; we say where in our own words.
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(message, _)| message);
    let at = ["line ", &line.to_string(), ", column ", &column.to_string()].concat();
    match error.classify() {
        serde_json::error::Category::Data => {
            let message = with_string_value(text, line, byte_column, message);
            // serde's messages quote what they found, which may be a whole pasted article.
            let message = crate::url_state::clip_to(&message, MAX_MESSAGE_CHARS);
            ContentError::new(path, [&message, " (", &at, ")"].concat())
        }
        _ => ContentError::new(
            "",
            [
                "invalid JSON at ",
                &at,
                ": ",
                message,
                // Only where a value or a key should start is the character there the culprit.
                if message == "expected value" || message == "key must be a string" {
                    hint(text, line, column)
                } else if message.starts_with("control character") {
                    " (a string cannot span lines: write \\n for a line break, \\t for a tab)"
                } else {
                    ""
                },
            ]
            .concat(),
        ),
    }
}

/// serde names a wrong string by its value (`invalid type: string "yes", expected a boolean`),
/// written with `Debug`. The size build leaves `Debug` formatting out (`-Zfmt-debug=none`,
/// scripts/dist.sh: 2.7 KB brotli of wasm), and there the message reads `string , expected …`:
/// the value is put back from the text, where serde_json stopped just after it (JSON strings do
/// not span lines, so the line alone says where it starts).
fn with_string_value<'a>(
    text: &str,
    line: usize,
    byte_column: usize,
    message: &'a str,
) -> std::borrow::Cow<'a, str> {
    const EMPTY: &str = "string , ";
    let Some(at) = message.find(EMPTY) else {
        return message.into();
    };
    let row = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let end = byte_column.min(row.len());
    // The last string of the line before the error's column: its opening quote.
    let (mut start, mut inside, mut escaped) = (None, false, false);
    for (i, b) in row.as_bytes()[..end].iter().enumerate() {
        match (inside, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => inside = false,
            (false, _, b'"') => {
                inside = true;
                start = Some(i);
            }
            _ => {}
        }
    }
    match start.and_then(|start| row.get(start..end)) {
        Some(literal) if !inside => [
            &message[..at],
            "string ",
            literal,
            ", ",
            &message[at + EMPTY.len()..],
        ]
        .concat()
        .into(),
        _ => message.into(),
    }
}

/// One step of a path: a key of an object, an index of an array.
enum Step {
    /// The key being read or last read (`None` before the first).
    Key(Option<String>),
    Index(usize),
}

/// The path of the value serde_json stopped at, as the docs write paths: `duties[3].focus`.
/// `line` and `column` are where serde_json says it stopped (1-based line; the column counts
/// the bytes of that line it had read). It reads those bytes again, keeping the keys and indices
/// it is inside. serde_json reads a wrong scalar before it says so (the path ends at its key, or
/// its index), and only looks at the `[` or `{` of a wrong list or object without reading it
/// (the same path); a `}` or `]` read last closes a container found wanting (a missing field),
/// and the path is the container's. That holds for every reader of the format, none of which
/// reads "any" value (`Version` asks for a number). A key that is no plain name (an author's
/// typo may be `"."`, `""` or `"a.b[0]"`) is quoted, `["a.b[0]"]`, so the path still reads as
/// one place.
pub(crate) fn path_at(text: &str, line: usize, column: usize) -> String {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    // The bytes serde_json read: everything before `next`.
    let next = (line_start + column).min(text.len());
    let bytes = text.as_bytes();
    let mut steps: Vec<Step> = Vec::new();
    // Inside an object, whether the next string is a key (after `{` or `,`) or a value.
    let mut want_key = false;
    let mut i = 0;
    while i < next {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if want_key {
                    if let Some(Step::Key(key)) = steps.last_mut() {
                        let raw = text.get(start..i.min(text.len())).unwrap_or("");
                        *key = Some(unescape(raw));
                    }
                    want_key = false;
                }
            }
            b'{' => {
                steps.push(Step::Key(None));
                want_key = true;
            }
            b'[' => steps.push(Step::Index(0)),
            b'}' | b']' if i + 1 < next => {
                steps.pop();
                want_key = false;
            }
            b',' => match steps.last_mut() {
                Some(Step::Index(n)) => *n += 1,
                Some(Step::Key(_)) => want_key = true,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    // An error at the end of an object or an array (a missing field, too few items) is the
    // container's: no key or index of it.
    match (
        next.checked_sub(1).and_then(|last| bytes.get(last)),
        steps.last_mut(),
    ) {
        (Some(b'}'), Some(Step::Key(key))) => *key = None,
        (Some(b']'), Some(Step::Index(_))) => {
            steps.pop();
        }
        _ => {}
    }
    let mut out = String::new();
    for step in &steps {
        match step {
            Step::Index(n) => {
                out.push('[');
                out.push_str(&n.to_string());
                out.push(']');
            }
            Step::Key(Some(key)) if is_plain(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Key(Some(key)) => {
                out.push('[');
                // A JSON string literal, cut short: a key can be as long as the file.
                let key = crate::url_state::clip(key);
                out.push_str(&serde_json::to_string(&key).unwrap_or_default());
                out.push(']');
            }
            Step::Key(None) => {}
        }
    }
    out
}

/// A key as JSON wrote it, its escapes read (`\"` is `"`), for the path. serde_json read the
/// text already, so the string is well formed; anything else is kept as it stands.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    serde_json::from_str::<String>(&["\"", raw, "\""].concat()).unwrap_or_else(|_| raw.to_owned())
}

fn is_plain(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// serde_json counts columns in bytes; editors count characters.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(row) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let end = byte_column.min(row.len());
    match row.get(..end) {
        Some(before) => before.chars().count().max(1),
        None => byte_column,
    }
}

/// Habits from JavaScript that JSON refuses, named when the error points at one.
fn hint(text: &str, line: usize, column: usize) -> &'static str {
    let at = text
        .split('\n')
        .nth(line.saturating_sub(1))
        .and_then(|row| row.chars().nth(column.saturating_sub(1)));
    match at {
        Some('/') => " (comments are not allowed in JSON)",
        Some('\'') => " (JSON takes double quotes, not single)",
        // (ASCII letters only: a table of every alphabet would cost the wasm more than the hint
        // is worth; a bare word in JSON is mostly `yes`, `True`, `undefined`.)
        Some(c) if c.is_ascii_alphabetic() => {
            " (text goes in double quotes; true, false and null are the only bare words)"
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::with_string_value;

    #[test]
    fn a_string_value_left_out_of_a_message_is_put_back_from_the_text() {
        let text = "{\n  \"shownByDefault\": \"y\\\"es\",\n}";
        // serde_json stopped after the closing quote: 27 bytes of line 2 read.
        let message = "invalid type: string , expected a boolean";
        assert_eq!(
            with_string_value(text, 2, 27, message),
            "invalid type: string \"y\\\"es\", expected a boolean"
        );
        // A message with its value, or of another kind, is left as it is.
        let full = "invalid type: string \"yes\", expected a boolean";
        assert_eq!(with_string_value(text, 2, 27, full), full);
        assert_eq!(
            with_string_value(text, 2, 27, "missing field `id`"),
            "missing field `id`"
        );
    }
}
