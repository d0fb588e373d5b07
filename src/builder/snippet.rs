//! The builder's results: the snippets that put the comparison into a page, each for one way of
//! publishing, all made from the same content and options. Pure string work, tested natively.
//!
//! - the script embed, with the content inline (`<script type="application/json">`), as the
//!   widget's own "Embed this view" writes it (`export::script_snippet`);
//! - the `<role-compare>` element, the same content inline;
//! - the Hugo shortcode and the WordPress block, which take the content file's address: the
//!   author uploads the file the builder downloads.

use crate::content::to_json;
use crate::export::{escape_html, file_name, script_safe_json, script_snippet};
use crate::model::Content;
use crate::release::Pinned;

/// Every form of the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippets {
    /// Stylesheet, `<div data-role-compare>` with the content inline, `embed.js`.
    pub script: String,
    /// Stylesheet, `<role-compare>` with the content inline, `embed.js`.
    pub element: String,
    /// `{{< role-compare content="/role-compare/<file>.json" … >}}`
    pub hugo: String,
    /// `<!-- wp:role-compare/comparison {"content": …} /-->`
    pub wordpress: String,
    /// The content file the Hugo shortcode names (`role-compare-cdo-cfo.json`).
    pub hugo_file: String,
    /// The content file the WordPress block names: the CSV download when the table holds all
    /// of the content (WordPress's media library takes CSV files, not JSON ones), else JSON.
    pub wordpress_file: String,
}

/// Where the WordPress block's content file is, until the author puts in its real address.
pub const WORDPRESS_UPLOADS: &str = "https://example.org/wp-content/uploads/";

/// The snippets for `content` with `options` (names as the `data-*` attributes without
/// `data-`, values unescaped), pointing at `release`'s files. `table_holds_all`: whether the
/// content is all in the table (no links, perspectives … kept beside it), so that the CSV file
/// carries it whole.
pub fn snippets(
    release: &Pinned,
    options: &[(&str, String)],
    content: &Content,
    table_holds_all: bool,
) -> Snippets {
    let json = to_json(content);
    let every_role: Vec<usize> = (0..content.roles.len()).collect();
    let hugo_file = file_name(content, &every_role, "json");
    let wordpress_file = file_name(
        content,
        &every_role,
        if table_holds_all { "csv" } else { "json" },
    );
    let files = &release.release;

    let mut element = [
        "<link rel=\"stylesheet\" href=\"",
        &escape_html(&release.url(&files.css)),
        "\" integrity=\"",
        &escape_html(&files.css.integrity),
        "\" crossorigin=\"anonymous\">\n<role-compare",
    ]
    .concat();
    for (name, value) in options {
        element.push(' ');
        element.push_str(name);
        if !value.is_empty() {
            element.push_str("=\"");
            element.push_str(&escape_html(value));
            element.push('"');
        }
    }
    element.push_str("><script type=\"application/json\">");
    element.push_str(&script_safe_json(&json));
    element.push_str("</script></role-compare>\n<script type=\"module\" src=\"");
    element.push_str(&escape_html(&release.url(&files.embed)));
    element.push_str("\" integrity=\"");
    element.push_str(&escape_html(&files.embed.integrity));
    element.push_str("\" crossorigin=\"anonymous\"></script>\n");

    let mut hugo = [
        "{{< role-compare content=\"/role-compare/",
        &hugo_file,
        "\"",
    ]
    .concat();
    for (name, value) in options {
        hugo.push(' ');
        hugo.push_str(name);
        if value.is_empty() {
            hugo.push_str("=true");
        } else {
            hugo.push_str("=\"");
            hugo.push_str(&value.replace('\\', "\\\\").replace('"', "\\\""));
            hugo.push('"');
        }
    }
    hugo.push_str(" >}}\n");

    // The block's attributes (block.json): the options by their camelCase names, `compact` a
    // boolean.
    let mut attributes = serde_json::Map::new();
    attributes.insert(
        "content".into(),
        [WORDPRESS_UPLOADS, &wordpress_file].concat().into(),
    );
    for (name, value) in options {
        let value = if value.is_empty() {
            serde_json::Value::Bool(true)
        } else {
            value.clone().into()
        };
        attributes.insert((*name).into(), value);
    }
    let attributes = serde_json::to_string(&attributes)
        .unwrap_or_default()
        // As WordPress itself writes block attributes: nothing that could end the comment.
        .replace("--", "\\u002d\\u002d")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e");
    let wordpress = ["<!-- wp:role-compare/comparison ", &attributes, " /-->\n"].concat();

    Snippets {
        script: script_snippet(release, options, Some(&json), ""),
        element,
        hugo,
        wordpress,
        hugo_file,
        wordpress_file,
    }
}
