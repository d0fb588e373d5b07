//! The exports of the current view (`export`): CSV quoting and formula defusing, the content
//! file of the visible duties (valid, and exactly those duties), file names, the filters in
//! words, and the embed snippets. Native, pure.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::components::{Comparison, ComparisonProps};
use role_compare::content::{default_content, parse_content};
use role_compare::export::{self, CSV_HEADER};
use role_compare::filter::{self, Layout, Overlap, Query, SearchIndex};
use role_compare::model::{Content, Focus, Line, SharedContent};
use role_compare::options::{self, Theme};
use role_compare::release::{self, Pinned, Release};

fn field(text: &str) -> String {
    let mut out = String::new();
    export::push_field(&mut out, text);
    out
}

fn fixture() -> Content {
    parse_content(include_str!("fixtures/custom-valid.json")).expect("the fixture is valid")
}

/// The shown roles (column order) and the visible duties of `query`, as `Comparison` finds them.
fn view(content: &Content, query: &Query) -> (Vec<usize>, Vec<usize>) {
    let roles: Vec<usize> = (0..content.roles.len())
        .filter(|&r| query.roles.contains(&content.roles[r].id))
        .collect();
    let shown = filter::run(content, &SearchIndex::new(content), query).shown;
    (roles, shown)
}

/// Splits RFC 4180 text into records of fields (quotes undone), for checking what a reader of
/// the file gets back.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = vec![];
    let mut record = vec![];
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR ends no line");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a line ended in LF without CR"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the text ends in CRLF"
    );
    records
}

#[test]
fn csv_fields_are_quoted_only_when_they_must_be() {
    assert_eq!(field("plain text"), "plain text");
    assert_eq!(field("a, b"), "\"a, b\"");
    assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(field("two\nlines"), "\"two\nlines\"");
    assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
    assert_eq!(field("Sécurité — 69%"), "Sécurité — 69%");
    assert_eq!(field(""), "");
}

#[test]
fn csv_fields_that_a_spreadsheet_would_run_as_formulas_are_defused() {
    assert_eq!(field("=1+1"), "\"'=1+1\"");
    assert_eq!(field("+44 20"), "\"'+44 20\"");
    assert_eq!(field("-2"), "\"'-2\"");
    assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
    assert_eq!(field("\tx"), "\"'\tx\"");
    assert_eq!(field("\rx"), "\"'\rx\"");
    assert_eq!(
        field("=HYPERLINK(\"http://x\",\"y\")"),
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
    );
    // Only at the start.
    assert_eq!(field("a=b"), "a=b");
    assert_eq!(field("cost-cutting"), "cost-cutting");
}

#[test]
fn csv_has_a_bom_crlf_lines_the_header_and_one_row_per_visible_duty() {
    let content = default_content();
    let query = Query {
        focus: vec![Focus::Internal],
        ..Query::initial(&content)
    };
    let (_, shown) = view(&content, &query);
    assert!(!shown.is_empty());
    let text = export::csv(&content, &shown);
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte order mark first");
    let records = read_csv(body);
    assert_eq!(records[0], CSV_HEADER);
    let ids: Vec<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<&str> = shown
        .iter()
        .map(|&d| content.duties[d].id.as_str())
        .collect();
    assert_eq!(ids, expected, "exactly the visible duties, in order");
    for (record, &d) in records[1..].iter().zip(&shown) {
        let duty = &content.duties[d];
        assert_eq!(record.len(), CSV_HEADER.len());
        assert_eq!(record[1], content.role(&duty.role).unwrap().title);
        assert_eq!(record[2], duty.text);
        assert_eq!(record[3], "internal");
        assert_eq!(record[4], duty.line.id());
        let topics: Vec<&str> = duty
            .topics
            .iter()
            .map(|t| content.topic(t).unwrap().label.as_str())
            .collect();
        assert_eq!(record[5], topics.join("; "));
        assert_eq!(record[6], content.source(&duty.source).unwrap().title);
    }
}

#[test]
fn csv_of_hostile_author_text_reads_back_as_written_but_defused() {
    let mut content = fixture();
    content.duties[0].text = "=cmd|' /C calc'!A0, \"quoted\"\r\nand more".into();
    let text = export::csv(&content, &[0]);
    let records = read_csv(text.trim_start_matches('\u{feff}'));
    assert_eq!(records.len(), 2);
    assert_eq!(records[1][2], "'=cmd|' /C calc'!A0, \"quoted\"\r\nand more");
}

#[test]
fn json_export_is_valid_content_holding_exactly_the_visible_duties() {
    let content = default_content();
    let mut query = Query::initial(&content);
    query.roles.push("ciso".into());
    query.line = vec![Line::Bottom];
    let (roles, shown) = view(&content, &query);
    let json = export::json(&content, &roles, &shown).expect("some duties show");
    let back = parse_content(&json).unwrap_or_else(|e| panic!("{e:?}\n{json}"));
    let ids: Vec<&str> = back.duties.iter().map(|d| d.id.as_str()).collect();
    let expected: Vec<&str> = shown
        .iter()
        .map(|&d| content.duties[d].id.as_str())
        .collect();
    assert_eq!(ids, expected);
    // Every exported role has a duty, shows by default (the CISO does not, in the built-in
    // content), and the exported view shows the same duties when mounted as content.
    assert!(back.roles.iter().all(|r| r.shown_by_default));
    let again = Query::initial(&back);
    let index = SearchIndex::new(&back);
    let shown_again: Vec<&str> = filter::run(&back, &index, &again)
        .shown
        .iter()
        .map(|&d| back.duties[d].id.as_str())
        .collect();
    assert_eq!(shown_again, expected);
    // Only what the duties use.
    for topic in &back.topics {
        assert!(back.duties.iter().any(|d| d.topics.contains(&topic.id)));
    }
    for link in back.duties.iter().flat_map(|d| &d.links) {
        assert!(ids.contains(&link.duty.as_str()), "link to {}", link.duty);
    }
}

#[test]
fn json_export_leaves_out_roles_without_visible_duties_and_trims_links_and_perspectives() {
    let content = fixture();
    // Only the CIO's duties fit: the CMO column is shown but empty.
    let cio_only: Vec<usize> = content
        .duties
        .iter()
        .enumerate()
        .filter(|(_, d)| d.role == "cio")
        .map(|(i, _)| i)
        .collect();
    let roles = vec![0, 1];
    let back = parse_content(&export::json(&content, &roles, &cio_only).unwrap()).unwrap();
    assert_eq!(
        back.roles.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["cio"]
    );
    assert!(
        back.duties.iter().all(|d| d.links.is_empty()),
        "links to CMO duties are cut"
    );
    assert!(
        back.perspectives.is_empty(),
        "a CIO+CMO perspective needs the CMO"
    );
    assert_eq!(back.figures.len(), 1, "the CIO figure stays");

    // Both roles: everything of the fixture comes back.
    let all: Vec<usize> = (0..content.duties.len()).collect();
    let back = parse_content(&export::json(&content, &roles, &all).unwrap()).unwrap();
    assert_eq!(back, content);
}

#[test]
fn nothing_visible_gives_no_json() {
    let content = fixture();
    assert_eq!(export::json(&content, &[0, 1], &[]), None);
    // A duty of a role not shown is not part of the view.
    assert_eq!(export::json(&content, &[1], &[0]), None);
}

#[test]
fn file_names_follow_the_shown_roles() {
    let content = default_content();
    assert_eq!(
        export::file_name(&content, &[0, 1, 2], "csv"),
        "role-compare-cio-cto-cmo.csv"
    );
    assert_eq!(
        export::file_name(&content, &[], "json"),
        "role-compare.json"
    );
    let many = vec![0; 40];
    assert_eq!(
        export::file_name(&content, &many, "csv"),
        "role-compare.csv"
    );
}

#[test]
fn filters_are_named_in_words_for_print() {
    let content = default_content();
    let topics: Vec<String> = content
        .topics
        .iter()
        .take(2)
        .map(|t| t.id.clone())
        .collect();
    let query = Query {
        focus: vec![Focus::Internal],
        line: vec![Line::Top],
        topics: topics.clone(),
        overlap: vec![Overlap::Shared],
        text: " vendor ".into(),
        ..Query::initial(&content)
    };
    let labels: Vec<&str> = topics
        .iter()
        .map(|t| content.topic(t).unwrap().label.as_str())
        .collect();
    assert_eq!(
        export::filters_in_words(&content, &query),
        format!(
            "Filters: Focus internal; Line top (revenue); Topics {}; Overlap shared or contested; Search \"vendor\"",
            labels.join(", ")
        )
    );
    assert_eq!(
        export::filters_in_words(&content, &Query::initial(&content)),
        "Filters: none"
    );
}

#[test]
fn embed_options_name_only_what_differs_from_a_plain_widget() {
    let content = default_content();
    let plain = Query::initial(&content);
    assert_eq!(
        export::embed_options(&content, &plain, &[0, 1, 2], Theme::Auto),
        vec![]
    );
    let query = Query {
        focus: vec![Focus::External],
        topics: vec!["security".into()],
        overlap: vec![Overlap::Unique],
        text: "a \"b\" & c".into(),
        layout: Layout::Topics,
        ..plain.clone()
    };
    let options = export::embed_options(&content, &query, &[2, 0], Theme::Dark);
    assert_eq!(
        options,
        vec![
            ("roles", "cmo,cio".to_string()),
            ("focus", "external".to_string()),
            ("topic", "security".to_string()),
            ("overlap", "unique".to_string()),
            ("q", "a \"b\" & c".to_string()),
            ("layout", "topics".to_string()),
            ("theme", "dark".to_string()),
        ]
    );
    // Every name is one the options reader knows, and reading them back gives the same query.
    let pairs: Vec<(&str, &str)> = options.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let (read, problems) = options::parse(pairs);
    assert_eq!(problems, Vec::<String>::new());
    let setup = options::resolve(&read, &content);
    assert_eq!(setup.problems, Vec::<String>::new());
    assert_eq!(setup.base.roles, ["cmo", "cio"]);
    assert_eq!(setup.base.focus, query.focus);
    assert_eq!(setup.base.topics, query.topics);
    assert_eq!(setup.base.overlap, query.overlap);
    assert_eq!(setup.base.text, query.text);
    assert_eq!(setup.base.layout, query.layout);
    assert_eq!(read.theme, Theme::Dark);
}

/// A release as the build writes its release.json, read from the root of a site.
fn release_at(site: &str) -> Pinned {
    let json = r#"{ "name": "role-compare", "version": "0.2.0",
      "files": { "embed": {"path": "embed.js", "integrity": "sha384-EMBED"},
                 "css": {"path": "role-compare.0123456789ab.css", "integrity": "sha384-CSS"},
                 "glue": {"path": "role-compare.0123456789ab.js", "integrity": "sha384-GLUE"},
                 "wasm": {"path": "role-compare_bg.0123456789ab.wasm", "integrity": "sha384-WASM"},
                 "frameParent": {"path": "frame-parent.js", "integrity": "sha384-FRAME+/="} } }"#;
    Pinned::new(
        site,
        Release::from_json(json).expect("a valid release.json"),
    )
}

#[test]
fn snippets_escape_attribute_values_and_keep_inline_content_inside_its_script() {
    let options = vec![("q", "\"><script>alert(1)</script>".to_string())];
    let release = release_at("https://example.org/rc/");
    let script = export::script_snippet(
        &release,
        &options,
        Some("{\"text\": \"</script><!-- x\"}"),
        "<!--rc-prerendered--><div class=\"rc-mount\" data-prerendered></div><!--/rc-prerendered-->",
    );
    assert!(script.starts_with(
        "<link rel=\"stylesheet\" href=\"https://example.org/rc/v0.2.0/role-compare.0123456789ab.css\" integrity=\"sha384-CSS\" crossorigin=\"anonymous\">\n<div data-role-compare data-q=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
    ), "{script}");
    assert!(script.contains(
        "<script type=\"application/json\">{\"text\": \"\\u003c/script>\\u003c!-- x\"}</script>"
    ));
    assert!(script.ends_with(
        "<!--/rc-prerendered--></div>\n<script type=\"module\" src=\"https://example.org/rc/v0.2.0/embed.js\" integrity=\"sha384-EMBED\" crossorigin=\"anonymous\"></script>\n"
    ), "{script}");
    assert_eq!(script.matches("</script>").count(), 2);

    let content = default_content();
    let options = vec![
        ("roles", "cio,cmo".to_string()),
        ("q", "R&D 100%".to_string()),
    ];
    let iframe = export::iframe_snippet(&release, &options, &content, &[0, 2]);
    assert!(
        iframe.starts_with(
            "<iframe data-role-compare-frame src=\"https://example.org/rc/v0.2.0/embed.html?roles=cio,cmo&amp;q=R%26D%20100%25\" title=\"CIO and CMO duties compared\""
        ),
        "{iframe}"
    );
    assert!(iframe.contains("loading=\"lazy\" allow=\"clipboard-write\"></iframe>"));
    assert!(
        iframe.ends_with(
            "<script src=\"https://example.org/rc/v0.2.0/frame-parent.js\" integrity=\"sha384-FRAME+/=\" crossorigin=\"anonymous\" defer></script>\n"
        ),
        "{iframe}"
    );
}

#[test]
fn snippets_point_at_the_release_folder_whether_the_files_came_from_the_root_or_from_it() {
    // embed.js at the root ("latest") and the versioned copy give the same, pinned, snippet.
    for site in ["https://example.org/rc/", "https://example.org/rc/v0.2.0/"] {
        let release = release_at(site);
        assert_eq!(
            release.site, "https://example.org/rc/v0.2.0/",
            "from {site}"
        );
        let script = export::script_snippet(&release, &[], None, "");
        assert!(
            script.contains("src=\"https://example.org/rc/v0.2.0/embed.js\""),
            "{script}"
        );
    }
    // Another release's folder is not this one's.
    assert_eq!(
        release::pinned_site("https://example.org/rc/v0.1.0/", "0.2.0"),
        "https://example.org/rc/v0.1.0/v0.2.0/"
    );
    assert_eq!(
        release::pinned_site("https://example.org/av0.2.0/", "0.2.0"),
        "https://example.org/av0.2.0/v0.2.0/"
    );
}

#[test]
fn a_release_json_that_is_not_ours_or_lacks_a_file_is_refused_with_a_reason() {
    let complete = r#"{"name": "other", "version": "1.0.0", "files": {
        "embed": {"path": "a", "integrity": "b"}, "css": {"path": "a", "integrity": "b"},
        "glue": {"path": "a", "integrity": "b"}, "wasm": {"path": "a", "integrity": "b"},
        "frameParent": {"path": "a", "integrity": "b"}}}"#;
    assert_eq!(
        Release::from_json(complete).unwrap_err(),
        "not role-compare's release.json (name \"other\")"
    );
    let ours = complete.replace("\"other\"", "\"role-compare\"");
    assert_eq!(
        Release::from_json(&ours).map(|r| r.version),
        Ok("1.0.0".into())
    );
    let lacking = ours.replace("\"css\": {\"path\": \"a\", ", "\"css\": {");
    assert_eq!(
        Release::from_json(&lacking).unwrap_err(),
        "no files.css.path"
    );
    assert!(Release::from_json("{").unwrap_err().contains("EOF"));
}

#[tokio::test]
async fn the_share_bar_renders_natively_with_its_hooks_and_the_print_line() {
    let content = SharedContent::new(default_content());
    let props = ComparisonProps {
        fragment: Some("focus=internal&q=vendor".into()),
        ..ComparisonProps::new(content)
    };
    let html = yew::LocalServerRenderer::<Comparison>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    for hook in [
        "data-action=\"copy-link\"",
        "data-export=\"csv\"",
        "data-export=\"json\"",
        "data-action=\"embed\"",
        "aria-expanded=\"false\"",
        "class=\"rc-print-filters\"",
    ] {
        assert!(html.contains(hook), "{hook}");
    }
    let line = html
        .split("class=\"rc-print-filters\">")
        .nth(1)
        .and_then(|s| s.split("</p>").next());
    assert_eq!(
        line,
        Some("Filters: Focus internal; Search \"vendor\""),
        "{html}"
    );
    assert!(!html.contains("style="), "no style attributes (CSP)");
}
