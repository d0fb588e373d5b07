//! The current view as files and snippets: its duties as CSV and as a content file, the words
//! that name its filters, and the embed snippets that reproduce it elsewhere. Pure string work
//! over the model, no browser API, so every rule is tested natively (`tests/export.rs`); the
//! share bar (`components/share_bar.rs`) only hands the results to the browser.

use crate::filter::{Layout, Overlap, Query};
use crate::model::{Content, Duty, Role};
use crate::options::{self, Options, Theme};
use crate::release::{Asset, Pinned};

/// The columns of the CSV export, in order.
pub const CSV_HEADER: [&str; 7] = ["id", "role", "text", "focus", "line", "topics", "source"];

/// The visible duties (`shown`: indices into `content.duties`, as `filter::Outcome::shown`) as
/// CSV: one row a duty, columns [`CSV_HEADER`]. The role, topics and source are written as a
/// reader knows them (title, labels, article title), the focus and line as their ids.
///
/// RFC 4180: fields holding `"`, `,`, CR or LF are quoted and their quotes doubled; lines end in
/// CRLF. A UTF-8 byte order mark starts the text, so that Excel reads accents as UTF-8 rather
/// than as the machine's code page. A field an author wrote that starts with `=`, `+`, `-`, `@`,
/// a tab or CR gets a leading `'`: spreadsheets would otherwise run it as a formula (CSV
/// injection, e.g. `=HYPERLINK(...)` in a duty's text).
///
/// Written by hand rather than with the `csv` crate: these few lines are all the format needs
/// here (the crate would not defuse formulas either), and `csv::Writer` in their place, writing
/// the same rows, made the wasm 14,662 B larger after brotli (nightly size build, wasm-opt -Oz,
/// brotli -q 11, 2026-11-26: 121,457 B with this writer, 136,119 B with the crate; it brings
/// `csv-core`'s state machine and `std::io`'s writer and error machinery).
pub fn csv(content: &Content, shown: &[usize]) -> String {
    let mut out = String::from('\u{feff}');
    push_row(&mut out, CSV_HEADER.iter().copied());
    for duty in shown.iter().filter_map(|&d| content.duties.get(d)) {
        let role = content
            .role(&duty.role)
            .map_or(duty.role.as_str(), |r| &r.title);
        let topics: Vec<&str> = duty
            .topics
            .iter()
            .map(|t| content.topic(t).map_or(t.as_str(), |t| &t.label))
            .collect();
        let topics = topics.join("; ");
        let source = content
            .source(&duty.source)
            .map_or(duty.source.as_str(), |s| &s.title);
        push_row(
            &mut out,
            [
                duty.id.as_str(),
                role,
                &duty.text,
                duty.focus.id(),
                duty.line.id(),
                &topics,
                source,
            ],
        );
    }
    out
}

fn push_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// One field, defused and quoted as [`csv`] says.
pub fn push_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = formula || field.contains(['"', ',', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// The part of `content` the view shows, as content of its own that passes the validator: the
/// visible duties (their links cut to duties that are exported too), the shown roles that have
/// a visible duty (in column order, `roles`; each shown by default, since the view shows them,
/// and a role without duties would make the file invalid), the topics and sources these use,
/// and the perspectives and figures all of whose roles are exported. `None` when no duty is
/// visible: a content file needs at least one.
pub fn subset(content: &Content, roles: &[usize], shown: &[usize]) -> Option<Content> {
    let duties: Vec<&Duty> = shown
        .iter()
        .filter_map(|&d| content.duties.get(d))
        .collect();
    let exported_role = |role: &Role| duties.iter().any(|d| d.role == role.id);
    let mut out_roles: Vec<Role> = Vec::new();
    for role in roles.iter().filter_map(|&r| content.roles.get(r)) {
        if exported_role(role) && !out_roles.iter().any(|r| r.id == role.id) {
            out_roles.push(Role {
                shown_by_default: true,
                ..role.clone()
            });
        }
    }
    // A duty whose role is not among `roles` (not shown) is not part of the view.
    let duties: Vec<Duty> = duties
        .into_iter()
        .filter(|d| out_roles.iter().any(|r| r.id == d.role))
        .cloned()
        .collect();
    if duties.is_empty() {
        return None;
    }
    let duty_ids: Vec<&str> = duties.iter().map(|d| d.id.as_str()).collect();
    let duties: Vec<Duty> = duties
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.links.retain(|l| duty_ids.contains(&l.duty.as_str()));
            d
        })
        .collect();
    let role_ids: Vec<&str> = out_roles.iter().map(|r| r.id.as_str()).collect();
    let all_exported = |list: &[String]| list.iter().all(|r| role_ids.contains(&r.as_str()));
    let perspectives: Vec<_> = content
        .perspectives
        .iter()
        .filter(|p| all_exported(&p.roles))
        .cloned()
        .collect();
    let figures: Vec<_> = content
        .figures
        .iter()
        .filter(|f| all_exported(&f.roles))
        .cloned()
        .collect();

    let mut sources_used: Vec<&str> = Vec::new();
    for d in &duties {
        sources_used.push(&d.source);
        sources_used.extend(d.links.iter().map(|l| l.source.as_str()));
    }
    for r in &out_roles {
        sources_used.extend(r.focus_claims.iter().map(|c| c.source.as_str()));
    }
    for p in &perspectives {
        sources_used.extend(p.points.iter().map(|p| p.source.as_str()));
    }
    sources_used.extend(figures.iter().map(|f| f.source.as_str()));
    let sources = content
        .sources
        .iter()
        .filter(|s| sources_used.contains(&s.id.as_str()))
        .cloned()
        .collect();
    let topics = content
        .topics
        .iter()
        .filter(|t| duties.iter().any(|d| d.topics.contains(&t.id)))
        .cloned()
        .collect();
    Some(Content {
        sources,
        topics,
        roles: out_roles,
        duties,
        perspectives,
        figures,
    })
}

/// The view as a content file (`docs/content-format.md`), for an author to edit and feed back:
/// [`subset`] written by `content::to_json`. `None` when no duty is visible.
pub fn json(content: &Content, roles: &[usize], shown: &[usize]) -> Option<String> {
    subset(content, roles, shown).map(|c| crate::content::to_json(&c))
}

/// A file name for the export: `role-compare-cio-cto-cmo.csv`, after the roles shown (ids are
/// `a-z0-9-` by the validator, so the name is safe on every file system); `role-compare.csv`
/// when the name would get longer than file systems and mail clients like.
pub fn file_name(content: &Content, roles: &[usize], extension: &str) -> String {
    let ids: Vec<&str> = roles
        .iter()
        .filter_map(|&r| content.roles.get(r))
        .map(|r| r.id.as_str())
        .collect();
    let mut name = String::from("role-compare");
    if !ids.is_empty() && ids.iter().map(|i| i.len() + 1).sum::<usize>() <= 80 {
        name.push('-');
        name.push_str(&ids.join("-"));
    }
    [&name, ".", extension].concat()
}

/// The active filters in words, for the printed page: `Filters: Focus internal; Line top;
/// Topics Security, Data; Search "vendor"`, or `Filters: none`.
pub fn filters_in_words(content: &Content, query: &Query) -> String {
    let mut parts: Vec<String> = Vec::new();
    // Ids, not labels: they are the words in lower case (`str::to_lowercase` would add 4 KB of
    // Unicode tables to the wasm for these few fixed words).
    if !query.focus.is_empty() {
        let v: Vec<&str> = query.focus.iter().map(|f| f.id()).collect();
        parts.push(["Focus ", &v.join(", ")].concat());
    }
    if !query.line.is_empty() {
        let v: Vec<String> = query
            .line
            .iter()
            .map(|l| [l.id(), " (", l.hint(), ")"].concat())
            .collect();
        parts.push(["Line ", &v.join(", ")].concat());
    }
    if !query.topics.is_empty() {
        let v: Vec<&str> = query
            .topics
            .iter()
            .map(|t| content.topic(t).map_or(t.as_str(), |t| &t.label))
            .collect();
        parts.push(["Topics ", &v.join(", ")].concat());
    }
    if !query.overlap.is_empty() {
        let v: Vec<&str> = query
            .overlap
            .iter()
            .map(|o| match o {
                Overlap::Shared => "shared or contested",
                Overlap::Unique => "one role only",
            })
            .collect();
        parts.push(["Overlap ", &v.join(", ")].concat());
    }
    if !query.text.trim().is_empty() {
        parts.push(["Search \"", query.text.trim(), "\""].concat());
    }
    if parts.is_empty() {
        return "Filters: none".into();
    }
    ["Filters: ", &parts.join("; ")].concat()
}

/// The embed options (names as `options::KNOWN`, values unescaped) that make a fresh widget
/// show this view: only those that differ from a widget without options. `roles` are the shown
/// roles in column order; `data-roles` is left out when they are the ones a widget without
/// options shows, in the same order.
pub fn embed_options(
    content: &Content,
    query: &Query,
    roles: &[usize],
    theme: Theme,
) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let shown: Vec<String> = roles
        .iter()
        .filter_map(|&r| content.roles.get(r))
        .map(|r| r.id.clone())
        .collect();
    let default = options::resolve(&Options::default(), content).base.roles;
    if !shown.is_empty() && shown != default {
        out.push(("roles", shown.join(",")));
    }
    let list = |ids: Vec<&str>| ids.join(",");
    if !query.focus.is_empty() {
        out.push(("focus", list(query.focus.iter().map(|f| f.id()).collect())));
    }
    if !query.line.is_empty() {
        out.push(("line", list(query.line.iter().map(|l| l.id()).collect())));
    }
    if !query.topics.is_empty() {
        out.push(("topic", query.topics.join(",")));
    }
    if !query.overlap.is_empty() {
        out.push((
            "overlap",
            list(query.overlap.iter().map(|o| o.id()).collect()),
        ));
    }
    if !query.text.trim().is_empty() {
        out.push(("q", query.text.trim().to_string()));
    }
    if query.layout != Layout::default() {
        out.push(("layout", query.layout.id().to_string()));
    }
    if theme != Theme::default() {
        out.push(("theme", theme.id().to_string()));
    }
    out
}

/// Text for an HTML attribute value in double quotes (or for element content).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The script embed: the stylesheet, the element with the options as `data-*` attributes
/// holding `prerendered` (the view made by `prerender::wrap`, or empty) and, when the content
/// is an author's, the content inline, then the loader. The stylesheet and the loader are the
/// release's own files in its versioned folder (`release.site`), with their `integrity` and
/// `crossorigin="anonymous"` (which integrity needs across origins), so the snippet loads
/// exactly the files it was made with, whatever is deployed later.
pub fn script_snippet(
    release: &Pinned,
    options: &[(&str, String)],
    inline_content: Option<&str>,
    prerendered: &str,
) -> String {
    let files = &release.release;
    let mut out = [
        "<link rel=\"stylesheet\" href=\"",
        &escape_html(&release.url(&files.css)),
        "\" integrity=\"",
        &escape_html(&files.css.integrity),
        "\" crossorigin=\"anonymous\">\n<div data-role-compare",
    ]
    .concat();
    for (name, value) in options {
        out.push_str(" data-");
        out.push_str(name);
        out.push_str("=\"");
        out.push_str(&escape_html(value));
        out.push('"');
    }
    out.push('>');
    if let Some(json) = inline_content {
        out.push_str("<script type=\"application/json\">");
        out.push_str(&script_safe_json(json));
        out.push_str("</script>");
    }
    out.push_str(prerendered);
    out.push_str("</div>\n");
    out.push_str(&script_tag(release, &files.embed, " type=\"module\"", ""));
    out
}

/// A `<script>` element loading `asset` of the release, with its integrity.
fn script_tag(release: &Pinned, asset: &Asset, before: &str, after: &str) -> String {
    [
        "<script",
        before,
        " src=\"",
        &escape_html(&release.url(asset)),
        "\" integrity=\"",
        &escape_html(&asset.integrity),
        "\" crossorigin=\"anonymous\"",
        after,
        "></script>\n",
    ]
    .concat()
}

/// JSON text that cannot end or confuse the `<script>` element it sits in: every `<` (which
/// JSON only has inside strings) becomes the escape `\u003c`, so no `</script>` or `<!--`
/// survives, and the JSON reads the same.
pub fn script_safe_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The iframe embed: `embed.html` with the options as its query string, a title naming the
/// roles, lazy loading, leave to write the clipboard (for the frame's own copy buttons);
/// `frame-parent.js` (docs/embedding.md, "Iframe embed") sizes it to its content. Both from the
/// release's versioned folder, `frame-parent.js` with its integrity.
pub fn iframe_snippet(
    release: &Pinned,
    options: &[(&str, String)],
    content: &Content,
    roles: &[usize],
) -> String {
    let query: Vec<String> = options
        .iter()
        .map(|(name, value)| {
            // Commas stay readable: a query string allows them, and the frame reads them back.
            [
                *name,
                "=",
                &crate::url_state::encode(value).replace("%2C", ","),
            ]
            .concat()
        })
        .collect();
    let mut src = [release.site.as_str(), "embed.html"].concat();
    if !query.is_empty() {
        src.push('?');
        src.push_str(&query.join("&"));
    }
    let titles: Vec<&str> = roles
        .iter()
        .filter_map(|&r| content.roles.get(r))
        .map(|r| r.title.as_str())
        .collect();
    let title = match titles.split_last() {
        Some((last, [])) => [last, " duties"].concat(),
        Some((last, rest)) => [&rest.join(", "), " and ", last, " duties compared"].concat(),
        None => "Role duties compared".to_string(),
    };
    [
        "<iframe data-role-compare-frame src=\"",
        &escape_html(&src),
        "\" title=\"",
        &escape_html(&title),
        // Lets the widget's copy buttons write the clipboard from inside the frame.
        "\" width=\"100%\" height=\"640\" loading=\"lazy\" allow=\"clipboard-write\"></iframe>\n",
        &script_tag(release, &release.release.frame_parent, "", " defer"),
    ]
    .concat()
}
