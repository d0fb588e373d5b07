//! Content as a table (CSV, TSV): what the reader makes of a spreadsheet's rows, and every
//! problem named by its row and column as the spreadsheet shows them.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use role_compare::content::{
    column_letter, is_table, parse_content, parse_table, read_table, row_starts, ContentError,
    Place, MAX_REPORTED_ERRORS,
};
use role_compare::model::{Content, Focus, Line};

const HEADER: &str =
    "role,role_name,text,focus,line,topics,source,source_title,source_by,source_date,source_url";

/// Three roles none of which is built in, with their full names, two sources and three topics.
const THREE_ROLES: &str = "role,role_name,text,focus,line,topics,source,source_title,source_by,source_date,source_url
CDO,Chief Data Officer,Owns the data strategy.,internal,bottom,Data; Strategy,Data survey,The data leader survey,Ann Analyst,2026-02-01,https://example.org/survey
CDO,,Sells data products to partners.,external,top,Data,Data survey,,,,
CFO,Chief Financial Officer,Keeps the books.,internal,bottom,Finance,Finance post,Money matters,,,
CHRO,Chief Human Resources Officer,Hires the leadership team.,internal,bottom,People; Strategy,Finance post,,,,
";

fn parse(text: &str) -> Content {
    parse_table(text).unwrap_or_else(|e| panic!("{}", describe(&e)))
}

fn errors(text: &str) -> Vec<ContentError> {
    match parse_table(text) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(errors) => errors,
    }
}

fn describe(errors: &[ContentError]) -> String {
    errors
        .iter()
        .map(ContentError::describe)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The only problem of `text`, as the author reads it.
fn problem(text: &str) -> String {
    let errors = errors(text);
    assert_eq!(errors.len(), 1, "{}", describe(&errors));
    errors[0].describe()
}

/// One duty row under the full header, its cells given by name (others valid).
fn row(changes: &[(&str, &str)]) -> String {
    let mut cells = [
        ("role", "CDO"),
        ("role_name", ""),
        ("text", "Owns the data strategy."),
        ("focus", "internal"),
        ("line", "bottom"),
        ("topics", "Data"),
        ("source", "Survey"),
        ("source_title", ""),
        ("source_by", ""),
        ("source_date", ""),
        ("source_url", ""),
    ];
    for (name, value) in changes {
        let cell = cells.iter_mut().find(|(n, _)| n == name).expect("a column");
        cell.1 = value;
    }
    let line: Vec<String> = cells.iter().map(|(_, v)| quote(v)).collect();
    line.join(",")
}

fn quote(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn table(rows: &[String]) -> String {
    let mut text = String::from(HEADER);
    for r in rows {
        text.push('\n');
        text.push_str(r);
    }
    text.push('\n');
    text
}

#[test]
fn three_roles_none_built_in_are_made_from_their_names_in_order() {
    let content = parse(THREE_ROLES);
    let roles: Vec<(&str, &str, &str)> = content
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.title.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("cdo", "CDO", "Chief Data Officer"),
            ("cfo", "CFO", "Chief Financial Officer"),
            ("chro", "CHRO", "Chief Human Resources Officer"),
        ]
    );
    assert!(content.roles.iter().all(|r| r.shown_by_default));
    let topics: Vec<(&str, &str)> = content
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .collect();
    assert_eq!(
        topics,
        [
            ("data", "Data"),
            ("strategy", "Strategy"),
            ("finance", "Finance"),
            ("people", "People")
        ]
    );
    let survey = &content.sources[0];
    assert_eq!(
        (
            survey.id.as_str(),
            survey.title.as_str(),
            survey.by.as_str(),
            survey.date.as_str(),
            survey.url.as_str()
        ),
        (
            "data-survey",
            "The data leader survey",
            "Ann Analyst",
            "2026-02-01",
            "https://example.org/survey"
        )
    );
    assert_eq!(content.sources[1].id, "finance-post");
    assert_eq!(content.sources[1].title, "Money matters");
    let ids: Vec<&str> = content.duties.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["cdo-1", "cdo-2", "cfo-1", "chro-1"]);
    let second = &content.duties[1];
    assert_eq!(second.role, "cdo");
    assert_eq!(second.text, "Sells data products to partners.");
    assert_eq!((second.focus, second.line), (Focus::External, Line::Top));
    assert_eq!(second.topics, ["data"]);
    assert_eq!(content.duties[3].topics, ["people", "strategy"]);
    assert!(content.perspectives.is_empty() && content.figures.is_empty());
}

#[test]
fn a_table_and_the_content_file_it_stands_for_are_the_same_content() {
    let from_table = parse(THREE_ROLES);
    let json = role_compare::content::to_json(&from_table);
    assert_eq!(parse_content(&json), Ok(from_table));
}

#[test]
fn quoted_cells_keep_commas_quotes_and_line_breaks() {
    let text = table(&[
        row(&[("text", "Buys, builds and runs the \"data mesh\".")]),
        row(&[("text", "Writes the policy.\nThen enforces it.")]),
        row(&[("text", "Reports to the board.")]),
    ]);
    let content = parse(&text);
    let texts: Vec<&str> = content.duties.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Buys, builds and runs the \"data mesh\".",
            "Writes the policy.\nThen enforces it.",
            "Reports to the board."
        ]
    );
    // A line break inside a cell does not start a row: the third duty is on row 4.
    let errors = errors(&text.replace(
        "Reports to the board.,internal",
        "Reports to the board.,inside",
    ));
    assert_eq!(
        errors[0].place,
        Some(Place {
            row: 4,
            column: Some(3)
        })
    );
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_read_the_same() {
    let plain = parse(THREE_ROLES);
    let windows = ["\u{feff}", &THREE_ROLES.replace('\n', "\r\n")].concat();
    assert_eq!(parse(&windows), plain);
    // Old Macs' CR alone, and no line end after the last row.
    assert_eq!(parse(THREE_ROLES.replace('\n', "\r").trim_end()), plain);
}

#[test]
fn tab_and_semicolon_separated_tables_read_the_same() {
    let plain = parse(THREE_ROLES);
    // What a spreadsheet puts on the clipboard: tabs between cells.
    let tabs = THREE_ROLES.replace(',', "\t");
    assert_eq!(parse(&tabs), plain);
    // A spreadsheet set to a language with a decimal comma exports semicolons.
    let semicolons: String = THREE_ROLES
        .lines()
        .map(|line| {
            line.split(',')
                .map(|cell| {
                    if cell.contains(';') {
                        format!("\"{cell}\"")
                    } else {
                        cell.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(";")
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(parse(&semicolons), plain);
}

#[test]
fn a_formula_looking_cell_is_kept_as_text() {
    let text = table(&[
        row(&[("text", "=SUM(A1:A9) is what the CDO reports.")]),
        row(&[("text", "+1 on every data request.")]),
        row(&[("text", "@everyone: data owner.")]),
        row(&[("text", "=HYPERLINK(\"http://evil.example\",\"click\")")]),
    ]);
    let content = parse(&text);
    let texts: Vec<&str> = content.duties.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "=SUM(A1:A9) is what the CDO reports.",
            "+1 on every data request.",
            "@everyone: data owner.",
            "=HYPERLINK(\"http://evil.example\",\"click\")"
        ]
    );
    // The guard a CSV download puts before such a cell is taken off again; any other
    // apostrophe stays.
    let guarded = table(&[
        row(&[("text", "'=SUM(A1:A9) is what the CDO reports.")]),
        row(&[("text", "'Tis the season for budgets.")]),
    ]);
    let content = parse(&guarded);
    assert_eq!(
        content.duties[0].text,
        "=SUM(A1:A9) is what the CDO reports."
    );
    assert_eq!(content.duties[1].text, "'Tis the season for budgets.");
}

#[test]
fn headers_are_read_in_any_case_order_and_spelling_of_the_underscore() {
    let text = "Text,ROLE,Role Name,Focus,Line,Topics,Source,Source-Title\n\
                Owns the data.,CDO,Chief Data Officer, Internal ,BOTTOM,Data,Survey,The survey\n";
    let content = parse(text);
    assert_eq!(content.roles[0].name, "Chief Data Officer");
    assert_eq!(content.duties[0].focus, Focus::Internal);
    assert_eq!(content.duties[0].line, Line::Bottom);
    assert_eq!(content.sources[0].title, "The survey");
}

#[test]
fn names_that_differ_in_case_or_accents_are_one_role_and_ids_fold_accents() {
    let text = table(&[
        row(&[("role", "Directeur général")]),
        row(&[("role", "directeur general")]),
        row(&[("role", "数据官")]),
    ]);
    let content = parse(&text);
    let ids: Vec<&str> = content.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["directeur-general", "role-2"]);
    assert_eq!(content.roles[0].title, "Directeur général");
    assert_eq!(content.roles[1].title, "数据官");
}

#[test]
fn given_ids_are_kept_and_made_ones_pass_them_by() {
    let text = table(&[
        ["cdo-1,", &row(&[])].concat(),
        [",", &row(&[])].concat(),
        ["strategy,", &row(&[])].concat(),
    ])
    .replace("role,role_name", "id,role,role_name");
    let ids: Vec<String> = parse(&text).duties.into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["cdo-1", "cdo-2", "strategy"]);
}

#[test]
fn blank_lines_and_empty_rows_count_as_rows_but_not_as_duties() {
    let text = [
        HEADER,
        "\n\n",
        &row(&[]),
        "\n,,,,,,,,,,\n",
        &row(&[("focus", "intern")]),
        "\n",
    ]
    .concat();
    let errors = errors(&text);
    assert_eq!(
        errors[0].describe(),
        "row 5, column D (focus): 'intern' is neither internal nor external"
    );
    let fine = text.replace("intern,", "internal,");
    assert_eq!(parse(&fine).duties.len(), 2);
    assert_eq!(
        row_starts(&fine)
            .iter()
            .map(|(r, _)| *r)
            .collect::<Vec<_>>(),
        [1, 3, 4, 5]
    );
}

#[test]
fn row_starts_give_each_row_s_offset_in_the_text() {
    let text = [
        "\u{feff}",
        HEADER,
        "\r\n",
        &row(&[("text", "Two\nlines.")]),
        "\r\n",
        &row(&[]),
    ]
    .concat();
    let starts = row_starts(&text);
    assert_eq!(starts.len(), 3);
    assert_eq!(starts[0], (1, 3));
    assert!(text[starts[1].1..].starts_with("CDO,,\"Two"));
    assert_eq!(starts[2].0, 3);
    assert!(text[starts[2].1..].starts_with("CDO,,Owns"));
}

#[test]
fn five_thousand_rows_read_quickly_and_one_more_is_refused_at_its_row() {
    let mut rows = Vec::new();
    for i in 0..5_000 {
        rows.push(row(&[
            ("role", ["CDO", "CFO", "CHRO", "CMO", "COO"][i % 5]),
            (
                "text",
                &format!("Duty number {i}, with a comma and a \"quote\"."),
            ),
            ("topics", ["Data; Risk", "Money", "People; Data"][i % 3]),
        ]));
    }
    let text = table(&rows);
    let started = Instant::now();
    let content = parse(&text);
    let took = started.elapsed();
    assert_eq!(content.duties.len(), 5_000);
    assert_eq!(content.duties[4_999].id, "coo-1000");
    assert_eq!(
        content.duties[1].text,
        "Duty number 1, with a comma and a \"quote\"."
    );
    // A generous ceiling for a debug build on a shared machine; release reads it in milliseconds.
    assert!(took < Duration::from_secs(10), "{took:?}");

    rows.push(row(&[]));
    let text = table(&rows);
    assert_eq!(
        problem(&text),
        "row 5002: more than 5000 duties: at most 5000 are allowed"
    );
}

#[test]
fn the_example_problem_reads_as_the_spreadsheet_shows_it() {
    let text = table(&[
        row(&[]),
        row(&[]),
        row(&[]),
        row(&[]),
        row(&[]),
        row(&[("focus", "intern")]),
    ]);
    assert_eq!(
        problem(&text),
        "row 7, column D (focus): 'intern' is neither internal nor external"
    );
    let e = &errors(&text)[0];
    assert_eq!(
        e.place,
        Some(Place {
            row: 7,
            column: Some(3)
        })
    );
    assert_eq!(e.path, "row 7, column D (focus)");
    assert_eq!(e.message, "'intern' is neither internal nor external");
}

#[test]
fn every_problem_of_a_cell_names_its_row_and_column() {
    // (changes to row 2, the problem as the author reads it)
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("focus", "")], "row 2, column D (focus): empty: write internal or external"),
        (&[("line", "middle")], "row 2, column E (line): 'middle' is neither top nor bottom"),
        (&[("line", "")], "row 2, column E (line): empty: write top or bottom"),
        (&[("role", "")], "row 2, column A (role): empty: every duty belongs to a role, e.g. CIO"),
        (&[("source", " ")], "row 2, column G (source): empty: every duty names the article it comes from"),
        // The validator's problems, named by the cell they come from.
        (&[("text", "  ")], "row 2, column C (text): must not be empty"),
        (&[("topics", " ; ")], "row 2, column F (topics): name at least one topic"),
        (
            &[("source_url", "javascript:alert(1)")],
            "row 2, column K (source_url): \"javascript:alert(1)\" is not a web address: write it starting with https:// or http://",
        ),
    ];
    for (changes, expected) in cases {
        let text = table(&[row(changes)]);
        assert_eq!(problem(&text), *expected, "{changes:?}");
    }
    let long = "x".repeat(2_001);
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[("text", &long)],
            "row 2, column C (text): is 2001 characters long; at most 2000 are allowed",
        ),
        (
            &[("role", &long)],
            "row 2, column A (role): is 2001 characters long; at most 2000 are allowed",
        ),
        (
            &[("role_name", &long)],
            "row 2, column B (role_name): is 2001 characters long; at most 2000 are allowed",
        ),
        (
            &[("topics", &long)],
            "row 2, column F (topics): is 2001 characters long; at most 2000 are allowed",
        ),
        (
            &[("source", &long)],
            "row 2, column G (source): is 2001 characters long; at most 2000 are allowed",
        ),
        (
            &[("source_title", &long)],
            "row 2, column H (source_title): is 2001 characters long; at most 2000 are allowed",
        ),
        (
            &[("source_by", &long)],
            "row 2, column I (source_by): is 2001 characters long; at most 2000 are allowed",
        ),
        (
            &[("source_date", &long)],
            "row 2, column J (source_date): is 2001 characters long; at most 2000 are allowed",
        ),
    ];
    for (changes, expected) in cases {
        let text = table(&[row(changes)]);
        assert_eq!(problem(&text), *expected, "{:?}", changes[0].0);
    }
}

#[test]
fn a_detail_given_twice_differently_is_named_at_the_second_row() {
    let text = table(&[
        row(&[("role_name", "Chief Data Officer")]),
        row(&[]),
        row(&[("role_name", "Chief Digital Officer")]),
    ]);
    assert_eq!(
        problem(&text),
        "row 4, column B (role_name): 'Chief Digital Officer' differs from 'Chief Data Officer' in row 2: a role has one role_name"
    );
    let text = table(&[
        row(&[("source_date", "2026-01-01")]),
        row(&[("source_date", "2026-01-02")]),
    ]);
    assert_eq!(
        problem(&text),
        "row 3, column J (source_date): '2026-01-02' differs from '2026-01-01' in row 2: a source has one source_date"
    );
    // The same detail again is no problem, nor is leaving it out.
    let text = table(&[
        row(&[("source_date", "2026-01-01")]),
        row(&[("source_date", "2026-01-01")]),
        row(&[]),
    ]);
    assert_eq!(parse(&text).sources[0].date, "2026-01-01");
}

#[test]
fn a_source_title_given_on_a_later_row_is_taken_and_its_problem_placed_there() {
    let long = "t".repeat(2_001);
    let text = table(&[row(&[]), row(&[("source_title", &long)])]);
    assert_eq!(
        problem(&text),
        "row 3, column H (source_title): is 2001 characters long; at most 2000 are allowed"
    );
}

#[test]
fn duplicate_and_malformed_ids_name_the_id_cell() {
    let text = table(&[
        ["same,", &row(&[])].concat(),
        ["same,", &row(&[])].concat(),
        ["Not An Id,", &row(&[])].concat(),
    ])
    .replace("role,role_name", "id,role,role_name");
    let errors: Vec<String> = errors(&text).iter().map(ContentError::describe).collect();
    assert_eq!(
        errors,
        [
            "row 3, column A (id): duplicate id \"same\"",
            "row 4, column A (id): \"Not An Id\" is not a valid id: use 1 to 64 lowercase letters, digits or hyphens",
        ]
    );
}

#[test]
fn every_problem_of_the_header_names_its_place() {
    assert_eq!(
        problem("role,text,focus,line,topics,source,colour\nCDO,Owns data.,internal,top,Data,S,red\n"),
        "row 1, column G (colour): unknown column; the columns are id, role, role_name, text, focus, line, topics, source, source_title, source_by, source_date, source_url"
    );
    assert_eq!(
        problem(
            "role,text,focus,line,topics,source,Text\nCDO,Owns data.,internal,top,Data,S,again\n"
        ),
        "row 1, column G (Text): a second text column: name each column once"
    );
    let missing: Vec<String> = errors("role,text,line,source\nCDO,Owns data.,top,S\n")
        .iter()
        .map(ContentError::describe)
        .collect();
    assert_eq!(
        missing,
        [
            "row 1: no focus column: a table needs role, text, focus, line, topics and source",
            "row 1: no topics column: a table needs role, text, focus, line, topics and source",
        ]
    );
    assert!(problem("CDO,Owns data.,internal,top,Data,S\n").starts_with("row 1: no header: this row must name the columns: role, text, focus, line, topics and source"));
    assert!(problem("").starts_with("the table is empty"));
    assert!(problem("\u{feff}\r\n\r\n").starts_with("the table is empty"));
}

#[test]
fn a_value_under_no_header_and_an_unclosed_quote_name_their_place() {
    let text = [HEADER, ",\n", &row(&[]), ",stray\n"].concat();
    assert_eq!(
        problem(&text),
        "row 2, column L: a value in a column with no name in row 1: name the column, or clear the cell"
    );
    // Trailing separators with nothing under them are what spreadsheets export: fine.
    let text = [HEADER, ",,\n", &row(&[]), ",,\n"].concat();
    assert_eq!(parse(&text).duties.len(), 1);

    let text = table(&[row(&[]), row(&[]).replacen("Owns", "\"Owns", 1), row(&[])]);
    assert_eq!(
        problem(&text),
        "row 3: a quote (\") opens a cell here and is never closed, so the rest of the table reads as one cell: close it, or double a quote meant as text (\"\")"
    );
}

#[test]
fn lists_past_their_limits_are_refused_at_the_first_row_over() {
    let rows: Vec<String> = (0..21)
        .map(|i| row(&[("role", &format!("Role {i}"))]))
        .collect();
    assert_eq!(
        problem(&table(&rows)),
        "row 22, column A (role): more than 20 roles: at most 20 are allowed"
    );
    let rows: Vec<String> = (0..101)
        .map(|i| row(&[("source", &format!("Article {i}"))]))
        .collect();
    assert_eq!(
        problem(&table(&rows)),
        "row 102, column G (source): more than 100 sources: at most 100 are allowed"
    );
    let topics: Vec<String> = (0..101).map(|i| format!("Topic {i}")).collect();
    let rows = vec![row(&[("topics", &topics.join("; "))])];
    assert_eq!(
        problem(&table(&rows)),
        "row 2, column F (topics): more than 100 topics: at most 100 are allowed"
    );
}

#[test]
fn problems_are_all_reported_at_once_up_to_the_cap() {
    let rows: Vec<String> = (0..30).map(|_| row(&[("focus", "sideways")])).collect();
    let errors = errors(&table(&rows));
    assert_eq!(errors.len(), MAX_REPORTED_ERRORS);
    assert_eq!(errors[0].place.map(|p| p.row), Some(2));
    assert_eq!(errors[19].place.map(|p| p.row), Some(21));
}

#[test]
fn an_oversized_table_is_refused_before_reading() {
    let text = "x".repeat(role_compare::content::MAX_CONTENT_BYTES + 1);
    assert_eq!(
        problem(&text),
        "the content is 4097 KiB; at most 4096 KiB is accepted"
    );
}

#[test]
fn read_table_leaves_room_for_what_a_table_cannot_hold() {
    let mut table = read_table(THREE_ROLES).expect("reads");
    table.content.roles[0].summary = "Keeps the data in order.".into();
    let content = table.check().expect("valid");
    assert_eq!(content.roles[0].summary, "Keeps the data in order.");
}

#[test]
fn columns_are_lettered_as_spreadsheets_letter_them() {
    let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
        .map(column_letter)
        .into();
    assert_eq!(
        letters,
        ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
    );
}

#[test]
fn tables_are_told_from_content_files_by_name_or_media_type() {
    assert!(is_table("roles.csv", ""));
    assert!(is_table(
        "https://example.org/ROLES.TSV?x=1",
        "application/octet-stream"
    ));
    assert!(is_table(
        "https://docs.google.com/spreadsheets/d/e/x/pub?output=csv",
        "text/csv; charset=utf-8"
    ));
    assert!(is_table("data", "text/tab-separated-values"));
    assert!(!is_table("roles.json", "application/json"));
    assert!(!is_table("roles.csv.json", "text/plain"));
}
