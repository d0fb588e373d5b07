//! Reads an author's content file (the JSON format of `docs/content-format.md`, version 1) into
//! the model, reporting every problem with the path of the field it concerns.

use super::{default_topics, validate, ContentError, MAX_REPORTED_ERRORS};
use crate::json::{self, Json};
use crate::model::{
    Content, Duty, DutyLink, Focus, FocusClaim, Line, LinkKind, Role, Source, Topic,
};

/// Content files larger than this are refused before parsing: the largest sensible file (20 roles
/// of duties) is far smaller, and the limit bounds the work a page does for one embed.
pub const MAX_CONTENT_BYTES: usize = 2 * 1024 * 1024;

const MAX_SOURCES: usize = 100;
const MAX_TOPICS: usize = 100;
const MAX_ROLES: usize = 20;
const MAX_DUTIES: usize = 5000;
/// Longer than any title or duty; a longer string is a pasted article, not content.
const MAX_STRING_CHARS: usize = 2000;

// The fields each object may have, in the order of the documentation and the schema. A field
// outside these is an error, so that a misspelt optional field does not silently do nothing.
const CONTENT_FIELDS: &[&str] = &["version", "sources", "topics", "roles", "duties"];
const SOURCE_FIELDS: &[&str] = &["id", "title", "by", "date"];
const TOPIC_FIELDS: &[&str] = &["id", "label"];
const ROLE_FIELDS: &[&str] = &[
    "id",
    "title",
    "name",
    "summary",
    "shownByDefault",
    "focusClaims",
];
const CLAIM_FIELDS: &[&str] = &["focus", "source"];
const DUTY_FIELDS: &[&str] = &[
    "id", "role", "text", "focus", "line", "topics", "source", "links",
];
const LINK_FIELDS: &[&str] = &["duty", "kind"];

/// Reads content from the JSON text of an author's file and validates it.
///
/// Every problem comes back with the path of its field (`duties[3].focus: expected "internal" or
/// "external", got "inside"`), at most [`MAX_REPORTED_ERRORS`] of them. Errors of type and shape
/// come first; references and ids are checked by [`validate`] only once the shape is right, as
/// its findings would otherwise be noise.
pub fn parse_content(text: &str) -> Result<Content, Vec<ContentError>> {
    if text.len() > MAX_CONTENT_BYTES {
        return Err(vec![ContentError::new(
            "",
            [
                "the content is ",
                // Rounded up, so that a file just over the limit does not read as "256 KiB".
                &text.len().div_ceil(1024).to_string(),
                " KiB; at most ",
                &(MAX_CONTENT_BYTES / 1024).to_string(),
                " KiB is accepted",
            ]
            .concat(),
        )]);
    }
    let document = json::parse(text).map_err(|e| {
        vec![ContentError::new(
            "",
            ["invalid JSON at ", &e.describe()].concat(),
        )]
    })?;
    let mut reader = Reader::default();
    match reader.content(&document) {
        Some(content) if reader.errors.is_empty() => validate(&content).map(|()| content),
        _ => {
            let mut errors = reader.errors;
            if errors.is_empty() {
                // Unreachable by construction (every `None` records why), but never report
                // failure without a reason.
                errors.push(ContentError::new("", "the content could not be read"));
            }
            errors.truncate(MAX_REPORTED_ERRORS);
            Err(errors)
        }
    }
}

/// One JSON object being read, and its path for error messages.
struct Object<'j> {
    members: &'j [(String, Json)],
    path: String,
}

impl<'j> Object<'j> {
    fn get(&self, key: &str) -> Option<&'j Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

/// Reads values into model types and collects every problem on the way instead of stopping at
/// the first, so an author can fix a file in one pass. Each reading method returns `None` only
/// after recording why.
#[derive(Default)]
struct Reader {
    errors: Vec<ContentError>,
}

/// How a reader turns one JSON value at a path into a model value.
type Read<T> = fn(&mut Reader, &Json, String) -> Option<T>;

impl Reader {
    fn fail<T>(&mut self, path: String, message: String) -> Option<T> {
        self.errors.push(ContentError { path, message });
        None
    }

    fn content(&mut self, document: &Json) -> Option<Content> {
        if document.as_object().is_none() {
            let message = ["the content must be a JSON object, got ", document.kind()].concat();
            return self.fail(String::new(), message);
        }
        let o = self.object(document, String::new(), CONTENT_FIELDS)?;
        let version = self.required(&o, "version", Reader::version);
        let sources = self.required(&o, "sources", |r, v, path| {
            r.list(v, path, "sources", MAX_SOURCES, Reader::source)
        });
        // Authors who tag with the default topics need not repeat them.
        let topics = match o.get("topics") {
            None => Some(default_topics()),
            Some(v) => self.list(v, o.path_of("topics"), "topics", MAX_TOPICS, Reader::topic),
        };
        let roles = self.required(&o, "roles", |r, v, path| {
            r.list(v, path, "roles", MAX_ROLES, Reader::role)
        });
        let duties = self.required(&o, "duties", |r, v, path| {
            r.list(v, path, "duties", MAX_DUTIES, Reader::duty)
        });
        version?;
        Some(Content {
            sources: sources?,
            topics: topics?,
            roles: roles?,
            duties: duties?,
        })
    }

    fn source(&mut self, value: &Json, path: String) -> Option<Source> {
        let o = self.object(value, path, SOURCE_FIELDS)?;
        let id = self.required(&o, "id", Reader::string);
        let title = self.required(&o, "title", Reader::string);
        let by = self.optional(&o, "by", String::new(), Reader::string);
        let date = self.optional(&o, "date", String::new(), Reader::string);
        Some(Source {
            id: id?,
            title: title?,
            by: by?,
            date: date?,
        })
    }

    fn topic(&mut self, value: &Json, path: String) -> Option<Topic> {
        let o = self.object(value, path, TOPIC_FIELDS)?;
        let id = self.required(&o, "id", Reader::string);
        let label = self.required(&o, "label", Reader::string);
        Some(Topic {
            id: id?,
            label: label?,
        })
    }

    fn role(&mut self, value: &Json, path: String) -> Option<Role> {
        let o = self.object(value, path, ROLE_FIELDS)?;
        let id = self.required(&o, "id", Reader::string);
        let title = self.required(&o, "title", Reader::string);
        let name = match o.get("name") {
            None => title.clone(),
            Some(v) => self.string(v, o.path_of("name")),
        };
        let summary = self.optional(&o, "summary", String::new(), Reader::string);
        let shown_by_default = self.optional(&o, "shownByDefault", true, Reader::boolean);
        let focus_claims = self.optional(&o, "focusClaims", Vec::new(), |r, v, path| {
            r.list(v, path, "focus claims", usize::MAX, Reader::claim)
        });
        Some(Role {
            id: id?,
            title: title?,
            name: name?,
            summary: summary?,
            shown_by_default: shown_by_default?,
            focus_claims: focus_claims?,
        })
    }

    fn claim(&mut self, value: &Json, path: String) -> Option<FocusClaim> {
        let o = self.object(value, path, CLAIM_FIELDS)?;
        let focus = self.required(&o, "focus", |r, v, path| {
            r.list(v, path, "foci", usize::MAX, Reader::focus)
        });
        let source = self.required(&o, "source", Reader::string);
        Some(FocusClaim {
            focus: focus?,
            source: source?,
        })
    }

    fn duty(&mut self, value: &Json, path: String) -> Option<Duty> {
        let o = self.object(value, path, DUTY_FIELDS)?;
        let id = self.required(&o, "id", Reader::string);
        let role = self.required(&o, "role", Reader::string);
        let text = self.required(&o, "text", Reader::string);
        let focus = self.required(&o, "focus", Reader::focus);
        let line = self.required(&o, "line", Reader::line);
        let topics = self.required(&o, "topics", |r, v, path| {
            r.list(v, path, "topic ids", usize::MAX, Reader::string)
        });
        let source = self.required(&o, "source", Reader::string);
        let links = self.optional(&o, "links", Vec::new(), |r, v, path| {
            r.list(v, path, "links", usize::MAX, Reader::link)
        });
        Some(Duty {
            id: id?,
            role: role?,
            text: text?,
            focus: focus?,
            line: line?,
            topics: topics?,
            source: source?,
            links: links?,
        })
    }

    fn link(&mut self, value: &Json, path: String) -> Option<DutyLink> {
        let o = self.object(value, path, LINK_FIELDS)?;
        let duty = self.required(&o, "duty", Reader::string);
        let kind = self.required(&o, "kind", Reader::link_kind);
        Some(DutyLink {
            duty: duty?,
            kind: kind?,
        })
    }

    // Readers of single values.

    /// Checks that `value` is an object and reports each field outside `known`. Unknown fields
    /// do not stop the object from being read, so its other problems are found too.
    fn object<'j>(&mut self, value: &'j Json, path: String, known: &[&str]) -> Option<Object<'j>> {
        let Some(members) = value.as_object() else {
            return self.fail(path, expected("an object", value));
        };
        for (key, _) in members {
            if !known.contains(&key.as_str()) {
                let message = ["unknown field; known: ", &known.join(", ")].concat();
                self.errors
                    .push(ContentError::new(join(&path, key), message));
            }
        }
        Some(Object { members, path })
    }

    fn required<T>(
        &mut self,
        o: &Object,
        key: &str,
        read: impl FnOnce(&mut Self, &Json, String) -> Option<T>,
    ) -> Option<T> {
        match o.get(key) {
            Some(value) => read(self, value, o.path_of(key)),
            None => self.fail(o.path_of(key), "missing".into()),
        }
    }

    fn optional<T>(
        &mut self,
        o: &Object,
        key: &str,
        default: T,
        read: impl FnOnce(&mut Self, &Json, String) -> Option<T>,
    ) -> Option<T> {
        match o.get(key) {
            Some(value) => read(self, value, o.path_of(key)),
            None => Some(default),
        }
    }

    /// An array of at most `max` items, each read by `item`; `what` names the items in messages.
    fn list<T>(
        &mut self,
        value: &Json,
        path: String,
        what: &str,
        max: usize,
        item: Read<T>,
    ) -> Option<Vec<T>> {
        let Some(values) = value.as_array() else {
            let message = ["expected an array of ", what, ", got ", value.kind()].concat();
            return self.fail(path, message);
        };
        if values.len() > max {
            let message = [
                "has ",
                &values.len().to_string(),
                " ",
                what,
                "; at most ",
                &max.to_string(),
                " are allowed",
            ]
            .concat();
            return self.fail(path, message);
        }
        let mut items = Vec::with_capacity(values.len());
        let mut complete = true;
        for (i, value) in values.iter().enumerate() {
            let at = [path.as_str(), "[", &i.to_string(), "]"].concat();
            match item(self, value, at) {
                Some(read) => items.push(read),
                None => complete = false,
            }
        }
        complete.then_some(items)
    }

    /// A string, kept exactly as written: content is text, never markup (the view escapes it).
    fn string(&mut self, value: &Json, path: String) -> Option<String> {
        let Some(text) = value.as_str() else {
            return self.fail(path, expected("a string", value));
        };
        let chars = text.chars().count();
        if chars > MAX_STRING_CHARS {
            let message = [
                "is ",
                &chars.to_string(),
                " characters long; at most ",
                &MAX_STRING_CHARS.to_string(),
                " are allowed",
            ]
            .concat();
            return self.fail(path, message);
        }
        Some(text.to_owned())
    }

    fn boolean(&mut self, value: &Json, path: String) -> Option<bool> {
        match value.as_bool() {
            Some(b) => Some(b),
            None => self.fail(path, expected("true or false", value)),
        }
    }

    /// The format version. Only 1 exists; a later format is refused rather than half-read.
    fn version(&mut self, value: &Json, path: String) -> Option<()> {
        match value.as_f64() {
            Some(1.0) => Some(()),
            _ => self.fail(path, ["expected 1, got ", &shown(value)].concat()),
        }
    }

    fn focus(&mut self, value: &Json, path: String) -> Option<Focus> {
        self.choice(value, path, "\"internal\" or \"external\"", Focus::from_id)
    }

    fn line(&mut self, value: &Json, path: String) -> Option<Line> {
        self.choice(value, path, "\"top\" or \"bottom\"", Line::from_id)
    }

    fn link_kind(&mut self, value: &Json, path: String) -> Option<LinkKind> {
        self.choice(
            value,
            path,
            "\"shared\" or \"contested\"",
            LinkKind::from_id,
        )
    }

    /// One of a few fixed ids: `expected "top" or "bottom", got "middle"`.
    fn choice<T>(
        &mut self,
        value: &Json,
        path: String,
        ids: &str,
        from_id: fn(&str) -> Option<T>,
    ) -> Option<T> {
        match value.as_str().and_then(from_id) {
            Some(choice) => Some(choice),
            None => self.fail(path, ["expected ", ids, ", got ", &shown(value)].concat()),
        }
    }
}

/// `duties[3]` + `focus` = `duties[3].focus`; a field of the whole content has no prefix.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        [path, ".", key].concat()
    }
}

/// `expected a string, got a number`
fn expected(what: &str, got: &Json) -> String {
    ["expected ", what, ", got ", got.kind()].concat()
}

/// A value as an author wrote it, for messages about a wrong value rather than a wrong type:
/// strings quoted (shortened when long), whole numbers as numbers, anything else by its kind.
fn shown(value: &Json) -> String {
    const LONGEST: usize = 40;
    match value {
        Json::String(text) => {
            let mut quoted = String::from("\"");
            quoted.extend(text.chars().take(LONGEST));
            if text.chars().nth(LONGEST).is_some() {
                quoted.push('…');
            }
            quoted.push('"');
            quoted
        }
        // Whole numbers only: printing any f64 would link float formatting into the wasm for
        // the sake of one error message.
        Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).to_string(),
        _ => value.kind().to_owned(),
    }
}
