//! The builder's logic, natively: a content file as a table and back with nothing lost, what is
//! kept beside the table and what is left out, the embed's options, the snippets, the stored
//! draft, the files an author opens, and the page rendered by Yew's server renderer.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use role_compare::builder::draft::{open, read, Draft, Reading, EMPTY_TABLE, TEMPLATE_CSV};
use role_compare::builder::kept::{import, Kept};
use role_compare::builder::options::PreviewOptions;
use role_compare::builder::snippet::snippets;
use role_compare::builder::{Builder, BuilderProps};
use role_compare::content::{default_content, parse_content, parse_table, read_table, write_table};
use role_compare::model::Content;
use role_compare::release::{Asset, Pinned, Release};
use yew::LocalServerRenderer;

const CUSTOM: &str = include_str!("fixtures/custom-valid.json");

fn content_of(reading: &Reading) -> &Content {
    match reading {
        Reading::Content(content) => content,
        other => panic!("expected content, got {other:?}"),
    }
}

#[test]
fn the_built_in_content_as_a_table_and_back_is_the_same_content() {
    let built_in = default_content();
    let (text, kept) = import(&built_in, "the built-in content");
    assert!(text.starts_with("id,role,role_name,text,focus,line,topics,source,source_title,"));
    let (reading, said) = read(&text, &kept);
    assert_eq!(*content_of(&reading), built_in);
    assert_eq!(
        said,
        "kept from the built-in content: 5 perspectives, 5 figures, 17 links, 6 focus claims, 5 short names, 5 role summaries, 2 roles shown on request, 5 duties marked as one article's view"
    );
}

#[test]
fn a_content_file_as_a_table_and_back_is_the_same_content() {
    let file = parse_content(CUSTOM).expect("the fixture is valid");
    let (text, kept) = import(&file, "your file");
    let (reading, _) = read(&text, &kept);
    assert_eq!(*content_of(&reading), file);
}

#[test]
fn the_file_s_ids_are_kept_where_the_table_would_make_others() {
    // The CIO's id made other than its title's: a table names the role "CIO", which it calls `cio`.
    let renamed = CUSTOM.replace("\"cio\"", "\"information-chief\"");
    let file = parse_content(&renamed).expect("still valid");
    assert!(file.role("information-chief").is_some());
    assert!(!file.perspectives.is_empty() && !file.figures.is_empty());
    let (text, kept) = import(&file, "your file");
    let (reading, _) = read(&text, &kept);
    // The table names the role "CIO" (`cio`); the file's id is put back, everywhere.
    assert_eq!(*content_of(&reading), file);
    // A new row for the CIO joins the same role.
    let more = [text.as_str(), "cio-new,CIO,Chief Information Officer,Buys the laptops.,internal,bottom,Budget,who-owns-the-customer,,,,\n"].concat();
    let (reading, _) = read(&more, &kept);
    let content = content_of(&reading);
    assert_eq!(content.roles.len(), 2);
    assert_eq!(
        content.duties.last().map(|d| d.role.as_str()),
        Some("information-chief")
    );
}

#[test]
fn what_a_table_no_longer_refers_to_is_left_out_and_said() {
    let built_in = default_content();
    let (text, kept) = import(&built_in, "your file");
    // Every CISO and COO row gone: their perspectives, figures, links and claims cannot stay.
    let rows: Vec<&str> = text
        .lines()
        .filter(|line| !line.contains(",CISO,") && !line.contains(",COO,"))
        .collect();
    let (reading, said) = read(&(rows.join("\n") + "\n"), &kept);
    let content = content_of(&reading);
    assert!(content
        .roles
        .iter()
        .all(|r| r.id != "ciso" && r.id != "coo"));
    assert!(said.starts_with("kept from your file: "), "{said}");
    assert!(
        said.contains(" left out: the table no longer has what they refer to"),
        "{said}"
    );
    assert!(
        said.contains("2 roles shown on request left out")
            || said.contains(", 2 roles shown on request"),
        "{said}"
    );
}

#[test]
fn nothing_kept_says_nothing() {
    let (reading, said) = read(
        "role,text,focus,line,topics,source\nCDO,Owns data.,internal,top,Data,S\n",
        &Kept::default(),
    );
    assert_eq!(content_of(&reading).duties.len(), 1);
    assert_eq!(said, "");
}

#[test]
fn the_text_reads_as_a_table_a_content_file_or_nothing_yet() {
    assert_eq!(read("", &Kept::default()).0, Reading::Empty);
    assert_eq!(read(EMPTY_TABLE, &Kept::default()).0, Reading::Empty);
    let (json, _) = read(CUSTOM, &Kept::default());
    assert_eq!(*content_of(&json), parse_content(CUSTOM).expect("valid"));
    match read(
        "role,text,focus,line,topics,source\nCDO,Owns data.,intern,top,Data,S\n",
        &Kept::default(),
    )
    .0
    {
        Reading::Problems(errors) => assert_eq!(
            errors[0].describe(),
            "row 2, column C (focus): 'intern' is neither internal nor external"
        ),
        other => panic!("{other:?}"),
    }
    // The template reads as a table of two duties.
    assert_eq!(parse_table(TEMPLATE_CSV).expect("valid").duties.len(), 2);
}

#[test]
fn a_download_guards_formulas_and_reads_back_the_same() {
    let mut content = parse_table(
        "role,text,focus,line,topics,source\nCDO,\"=HYPERLINK(\"\"http://x\"\")\",internal,top,Data,S\nCDO,'=already guarded,internal,top,Data,S\nCFO,-1 cost,external,bottom,Money,S\n",
    )
    .expect("valid");
    content.duties[1].text = "'=kept as written".into();
    let csv = write_table(&content, true);
    assert!(csv.starts_with("\u{feff}id,role,"));
    assert!(csv.contains("\r\n") && !csv.replace("\r\n", "").contains('\n'));
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{csv}");
    assert!(csv.contains(",\"''=kept as written\","), "{csv}");
    assert!(csv.contains(",\"'-1 cost\","), "{csv}");
    assert_eq!(parse_table(&csv).expect("valid"), content);
    // The text to edit guards nothing but a leading guard of its own.
    let plain = write_table(&content, false);
    assert!(
        plain.contains(",\"=HYPERLINK(\"\"http://x\"\")\","),
        "{plain}"
    );
    assert!(plain.contains(",\"''=kept as written\","), "{plain}");
    assert_eq!(parse_table(&plain).expect("valid"), content);
}

#[test]
fn options_write_only_what_differs_from_a_plain_widget() {
    let content = read_table("role,text,focus,line,topics,source\nCDO,A.,internal,top,Data,S\nCFO,B.,internal,top,Money,S\nCHRO,C.,internal,top,People,S\n")
        .expect("reads")
        .check()
        .expect("valid");
    let mut options = PreviewOptions::default();
    assert_eq!(options.pairs(&content), Vec::<(&str, String)>::new());
    options.move_role(&content, "chro", true);
    options.move_role(&content, "chro", true);
    options.move_role(&content, "chro", true);
    options.show_role("cfo", false);
    options.focus = Some("external".into());
    options.topic = Some("money".into());
    options.layout = Some("topics".into());
    options.theme = Some("inherit".into());
    options.compact = true;
    assert_eq!(
        options.pairs(&content),
        vec![
            ("roles", "chro,cdo".to_string()),
            ("focus", "external".to_string()),
            ("topic", "money".to_string()),
            ("layout", "topics".to_string()),
            ("theme", "inherit".to_string()),
            ("compact", String::new()),
        ]
    );
    // What the content no longer has is dropped.
    let smaller = read_table("role,text,focus,line,topics,source\nCDO,A.,internal,top,Data,S\n")
        .expect("reads")
        .check()
        .expect("valid");
    options.show_role("cfo", true);
    assert_eq!(
        options.pairs(&smaller),
        vec![
            ("focus", "external".to_string()),
            ("layout", "topics".to_string()),
            ("theme", "inherit".to_string()),
            ("compact", String::new()),
        ]
    );
    // Values no option takes are not written.
    options.focus = Some("sideways".into());
    options.layout = Some("columns".into());
    options.theme = Some("auto".into());
    assert_eq!(options.pairs(&smaller), vec![("compact", String::new())]);
}

fn release() -> Pinned {
    let asset = |path: &str| Asset {
        path: path.into(),
        integrity: "sha384-abc".into(),
    };
    Pinned::new(
        "https://widgets.example.org/role-compare/",
        Release {
            version: "0.2.0".into(),
            embed: asset("embed.js"),
            css: asset("role-compare.0123456789ab.css"),
            frame_parent: asset("frame-parent.js"),
        },
    )
}

#[test]
fn the_snippets_carry_the_content_and_the_options_in_each_form() {
    let content = parse_table("role,text,focus,line,topics,source\nCDO,\"Says </script><b>\"\"hi\"\"</b> & more.\",internal,top,Data,S\n").expect("valid");
    let options = vec![
        ("roles", "cdo".to_string()),
        ("theme", "dark".to_string()),
        ("compact", String::new()),
    ];
    let s = snippets(&release(), &options, &content, true);

    assert!(s.script.starts_with("<link rel=\"stylesheet\" href=\"https://widgets.example.org/role-compare/v0.2.0/role-compare.0123456789ab.css\" integrity=\"sha384-abc\" crossorigin=\"anonymous\">\n<div data-role-compare data-roles=\"cdo\" data-theme=\"dark\" data-compact=\"\"><script type=\"application/json\">"), "{}", s.script);
    assert!(s.script.ends_with("<script type=\"module\" src=\"https://widgets.example.org/role-compare/v0.2.0/embed.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>\n"));
    for form in [&s.script, &s.element] {
        // The inline JSON cannot end its script element, and reads as the content.
        let json = form
            .split("<script type=\"application/json\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("inline JSON");
        assert!(!json.contains('<'));
        assert_eq!(parse_content(json).expect("valid"), content);
    }
    assert!(s.element.contains("\n<role-compare roles=\"cdo\" theme=\"dark\" compact><script type=\"application/json\">"), "{}", s.element);
    assert!(s.element.contains("</script></role-compare>\n<script type=\"module\" src=\"https://widgets.example.org/role-compare/v0.2.0/embed.js\""));

    assert_eq!(s.hugo, "{{< role-compare content=\"/role-compare/role-compare-cdo.json\" roles=\"cdo\" theme=\"dark\" compact=true >}}\n");
    assert_eq!(s.hugo_file, "role-compare-cdo.json");

    let block = s
        .wordpress
        .strip_prefix("<!-- wp:role-compare/comparison ")
        .and_then(|rest| rest.strip_suffix(" /-->\n"))
        .expect("a block comment");
    let attributes: serde_json::Value = serde_json::from_str(block).expect("JSON");
    assert_eq!(
        attributes,
        serde_json::json!({
            "content": "https://example.org/wp-content/uploads/role-compare-cdo.csv",
            "roles": "cdo",
            "theme": "dark",
            "compact": true,
        })
    );
    // With parts a CSV cannot hold, the block names the JSON file.
    let s = snippets(&release(), &options, &content, false);
    assert_eq!(s.wordpress_file, "role-compare-cdo.json");
    assert!(s.wordpress.contains("role-compare-cdo.json"));
}

#[test]
fn the_draft_is_stored_and_read_back_and_anything_else_is_ignored() {
    let (text, kept) = import(&default_content(), "your file");
    let draft = Draft {
        text,
        kept,
        options: PreviewOptions {
            focus: Some("internal".into()),
            ..PreviewOptions::default()
        },
    };
    assert_eq!(Draft::from_storage(&draft.to_storage()), Some(draft));
    assert_eq!(Draft::from_storage("not JSON"), None);
    assert_eq!(Draft::from_storage("{\"version\":2,\"draft\":{}}"), None);
    assert_eq!(Draft::empty_table().text, EMPTY_TABLE);
}

#[test]
fn an_opened_file_is_a_table_or_a_content_file_made_a_table() {
    let table = "role,text,focus,line,topics,source\nCDO,Owns data.,internal,top,Data,S\n";
    let opened = open("roles.csv", "text/csv", table);
    assert_eq!(opened.text, table);
    assert!(opened.kept.is_empty());
    let opened = open("roles.txt", "", table);
    assert_eq!(opened.text, table, "not JSON: taken as a table");

    let opened = open("roles.json", "application/json", CUSTOM);
    assert!(opened.text.starts_with("id,role,"));
    assert!(!opened.kept.is_empty());
    assert_eq!(opened.said, "roles.json: its duties are the table below");

    let broken = "{\"version\": 1, \"sources\": []";
    let opened = open("broken.json", "application/json", broken);
    assert_eq!(
        opened.text, broken,
        "a broken file is shown as it is, to be fixed"
    );
}

async fn render(draft: Draft) -> String {
    LocalServerRenderer::<Builder>::with_props(BuilderProps {
        draft: Rc::new(draft),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_page_shows_the_table_its_problems_by_row_and_column_and_the_live_widget() {
    let table = "role,text,focus,line,topics,source\nCDO,Owns data.,internal,top,Data,S\nCFO,Counts.,intern,top,Money,S\n";
    let html = render(Draft {
        text: table.into(),
        ..Draft::default()
    })
    .await;
    assert!(html.contains("data-builder=\"input\""));
    assert!(html.contains("<li data-row=\"3\" data-column=\"C\"><button type=\"button\" class=\"rcb-problem\">row 3, column C (focus): &#x27;intern&#x27; is neither internal nor external</button></li>")
        || html.contains("<li data-row=\"3\" data-column=\"C\"><button type=\"button\" class=\"rcb-problem\">row 3, column C (focus): 'intern' is neither internal nor external</button></li>"), "{html}");
    // No good table yet: no preview, no stale notice.
    assert!(!html.contains("data-builder=\"stale\""));
    assert!(html.contains("appears here once your table has a row without problems"));

    let html = render(Draft {
        text: table.replace("intern,", "internal,"),
        ..Draft::default()
    })
    .await;
    assert!(!html.contains("data-row="));
    let preview = &html[html.find("data-builder=\"preview\"").expect("the preview")..];
    assert!(preview.contains("data-role=\"cdo\"") && preview.contains("data-role=\"cfo\""));
    assert!(html.contains("2 duties, 2 roles, 2 topics, 1 source: no problems."));
    assert!(html.contains("data-builder=\"download-json\""));
    assert!(html.contains("data-builder=\"download-csv\""));
    assert!(
        !html.contains(" style="),
        "no style attribute (strict policy)"
    );
}
