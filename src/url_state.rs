//! The query in the URL fragment, both ways: `#focus=internal&line=bottom&topic=data&q=vendor`.
//! Pure string work, no browser API, so every case is tested natively.
//!
//! Only what differs from the widget's starting query is written, so the plain page has no
//! fragment. Reading never fails: a fragment that is not ours (a host page's `#section-2`
//! anchor) is left alone, and a value the widget cannot use is skipped and reported.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::filter::{self, Facet, Layout, Overlap, Query, SearchIndex};
use crate::model::{Content, Focus, Line};

/// Fragments longer than this are not read; no query the widget writes comes close.
pub const MAX_FRAGMENT_LEN: usize = 2048;
/// Search text longer than this is cut.
pub const MAX_TEXT_LEN: usize = 200;

const KEY_TEXT: &str = "q";
const KEY_LAYOUT: &str = "layout";
const KEY_DUTY: &str = "duty";

/// The result of reading a fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub query: Query,
    /// What was skipped, in words a reader understands: `focus: "sideways" is not one of
    /// internal, external`. Empty when everything was read or the fragment was not ours.
    pub problems: Vec<String>,
}

/// Whether the fragment carries widget state at all: some `key=value` pair with a key of ours.
/// Anything else (an anchor, another script's state) is not for the widget to judge.
pub fn is_ours(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.len() <= MAX_FRAGMENT_LEN
        && pairs(fragment).any(|(key, _)| {
            [KEY_TEXT, KEY_LAYOUT, KEY_DUTY].contains(&key) || facet_of(key).is_some()
        })
}

/// Reads the fragment (with or without its `#`) on top of `base`, the widget's starting query:
/// keys that are present replace the base's value, absent keys keep it.
pub fn read(fragment: &str, content: &Content, base: &Query) -> Read {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut query = base.clone();
    let mut problems = Vec::new();
    if !is_ours(fragment) {
        if fragment.len() > MAX_FRAGMENT_LEN && fragment.contains('=') {
            problems.push("the link's filter part is too long and was ignored".to_string());
        }
        return Read { query, problems };
    }
    for (key, raw) in pairs(fragment) {
        let value = decode(raw);
        if key == KEY_TEXT {
            query.text = value.chars().take(MAX_TEXT_LEN).collect();
            continue;
        }
        if key == KEY_LAYOUT {
            match Layout::from_id(value.trim()) {
                Some(layout) => query.layout = layout,
                None => problems.push(
                    [
                        KEY_LAYOUT,
                        ": \"",
                        &clip(&value),
                        "\" is not one of columns, topics",
                    ]
                    .concat(),
                ),
            }
            continue;
        }
        if key == KEY_DUTY {
            let id = value.trim();
            match content.duties.iter().position(|d| d.id == id) {
                Some(_) => query.duty = Some(id.to_string()),
                None => problems.push(["duty: no duty has the id \"", &clip(id), "\""].concat()),
            }
            continue;
        }
        let Some(facet) = facet_of(key) else {
            continue;
        };
        let mut unknown = Vec::new();
        match facet {
            Facet::Focus => {
                query.focus = parse_list(&value, Focus::from_id, &mut unknown);
            }
            Facet::Line => {
                query.line = parse_list(&value, Line::from_id, &mut unknown);
            }
            Facet::Topic => {
                query.topics = parse_list(
                    &value,
                    |v| content.topic(v).map(|t| t.id.clone()),
                    &mut unknown,
                );
            }
            Facet::Role => {
                query.roles = parse_list(
                    &value,
                    |v| content.role(v).map(|r| r.id.clone()),
                    &mut unknown,
                );
            }
            Facet::Overlap => {
                query.overlap = parse_list(&value, Overlap::from_id, &mut unknown);
            }
        }
        let skipped = !unknown.is_empty();
        for bad in unknown {
            problems.push(describe_unknown(content, facet, &bad));
        }
        let default = facet_ids(base, facet);
        if skipped && facet_ids(&query, facet).is_empty() && !default.is_empty() {
            // Nothing usable is left of the facet (`#roles=nope`): rather than an empty widget,
            // the facet starts from its default, and the notice says which.
            restore_facet(&mut query, base, facet);
            problems.push(
                [
                    facet.id(),
                    ": nothing usable in the link, so the default shows: ",
                    &default.join(", "),
                ]
                .concat(),
            );
        }
    }
    if let Some(id) = query.duty.clone() {
        reveal(&mut query, content, &id, &mut problems);
    }
    Read { query, problems }
}

/// Makes the duty a deep link points at visible: its role shown, and the filters cleared if
/// they hide it (with a notice saying so).
fn reveal(query: &mut Query, content: &Content, id: &str, problems: &mut Vec<String>) {
    let Some((at, duty)) = content.duties.iter().enumerate().find(|(_, d)| d.id == id) else {
        return;
    };
    if !query.roles.contains(&duty.role) {
        query.roles.push(duty.role.clone());
    }
    if query.has_filters() {
        let shown = filter::run(content, &SearchIndex::new(content), query).shown;
        if !shown.contains(&at) {
            *query = Query {
                duty: query.duty.take(),
                ..query.cleared()
            };
            problems.push(
                "the filters in the link hide the duty it points at, so they were cleared".into(),
            );
        }
    }
}

/// Writes the query as a fragment without `#`: only keys whose value differs from `base`, in a
/// fixed order. Empty when the query equals the base.
pub fn write(query: &Query, base: &Query) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut put = |key: &str, value: String| parts.push([key, "=", &value].concat());
    if !same_set(&query.roles, &base.roles) {
        put(Facet::Role.id(), query.roles.join(","));
    }
    if !same_set(&query.focus, &base.focus) {
        put(Facet::Focus.id(), ids(query.focus.iter().map(|f| f.id())));
    }
    if !same_set(&query.line, &base.line) {
        put(Facet::Line.id(), ids(query.line.iter().map(|l| l.id())));
    }
    if !same_set(&query.topics, &base.topics) {
        put(Facet::Topic.id(), query.topics.join(","));
    }
    if !same_set(&query.overlap, &base.overlap) {
        put(
            Facet::Overlap.id(),
            ids(query.overlap.iter().map(|o| o.id())),
        );
    }
    if query.text.trim() != base.text.trim() {
        put(KEY_TEXT, encode(query.text.trim()));
    }
    if query.layout != base.layout {
        put(KEY_LAYOUT, query.layout.id().to_string());
    }
    if let Some(duty) = &query.duty {
        put(KEY_DUTY, duty.clone());
    }
    parts.join("&")
}

/// The ids a query holds for one facet.
fn facet_ids(query: &Query, facet: Facet) -> Vec<&str> {
    match facet {
        Facet::Focus => query.focus.iter().map(|f| f.id()).collect(),
        Facet::Line => query.line.iter().map(|l| l.id()).collect(),
        Facet::Topic => query.topics.iter().map(String::as_str).collect(),
        Facet::Role => query.roles.iter().map(String::as_str).collect(),
        Facet::Overlap => query.overlap.iter().map(|o| o.id()).collect(),
    }
}

fn restore_facet(query: &mut Query, from: &Query, facet: Facet) {
    match facet {
        Facet::Focus => query.focus.clone_from(&from.focus),
        Facet::Line => query.line.clone_from(&from.line),
        Facet::Topic => query.topics.clone_from(&from.topics),
        Facet::Role => query.roles.clone_from(&from.roles),
        Facet::Overlap => query.overlap.clone_from(&from.overlap),
    }
}

fn ids<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(",")
}

fn same_set<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

fn facet_of(key: &str) -> Option<Facet> {
    [
        Facet::Focus,
        Facet::Line,
        Facet::Topic,
        Facet::Role,
        Facet::Overlap,
    ]
    .into_iter()
    .find(|f| f.id() == key)
}

fn pairs(fragment: &str) -> impl Iterator<Item = (&str, &str)> {
    fragment.split('&').filter_map(|pair| pair.split_once('='))
}

/// Splits a comma list, keeps known values once each, and collects the unknown ones.
fn parse_list<T: PartialEq>(
    value: &str,
    known: impl Fn(&str) -> Option<T>,
    unknown: &mut Vec<String>,
) -> Vec<T> {
    let mut out = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match known(item) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => unknown.push(clip(item)),
        }
    }
    out
}

/// `focus: "sideways" is not one of internal, external` (`bad` as given; clip it first).
pub(crate) fn describe_unknown(content: &Content, facet: Facet, bad: &str) -> String {
    let known: Vec<&str> = match facet {
        Facet::Focus => Focus::ALL.iter().map(|f| f.id()).collect(),
        Facet::Line => Line::ALL.iter().map(|l| l.id()).collect(),
        Facet::Topic => content.topics.iter().map(|t| t.id.as_str()).collect(),
        Facet::Role => content.roles.iter().map(|r| r.id.as_str()).collect(),
        Facet::Overlap => Overlap::ALL.iter().map(|o| o.id()).collect(),
    };
    [
        facet.id(),
        ": \"",
        bad,
        "\" is not one of ",
        &known.join(", "),
    ]
    .concat()
}

/// Long garbage is cut in messages, so a notice stays a notice.
pub(crate) fn clip(text: &str) -> String {
    clip_to(text, 40)
}

/// `text` cut to at most `chars` characters, with `…` where it was cut.
pub(crate) fn clip_to(text: &str, chars: usize) -> String {
    let mut out: String = text.chars().take(chars).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Everything but the unreserved characters of RFC 3986 is percent-encoded, so the text
/// survives any host page, mail client or chat app that passes the link on.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes text for the fragment (`vendor risk` -> `vendor%20risk`).
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, ESCAPED).to_string()
}

/// Decodes `%XX` escapes and `+` as a space, as forms and most link shorteners write them.
/// Broken escapes are kept as written and invalid UTF-8 becomes U+FFFD: whatever arrives, the
/// result is some readable string.
pub fn decode(text: &str) -> String {
    // `+` first: a `%2B` must still decode to a plus sign.
    percent_decode_str(&text.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}
