//! Authors' content as JSON: the strict parser, the mapping to the model with path-aware errors,
//! the fixtures in `tests/fixtures/`, and the schema agreeing with what the parser accepts.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::content::{
    default_content, parse_content, ContentError, MAX_CONTENT_BYTES, MAX_REPORTED_ERRORS,
};
use role_compare::json::{self, Json, JsonError, MAX_DEPTH};
use role_compare::model::{Content, Focus, Line, LinkKind};

const CUSTOM_VALID: &str = include_str!("fixtures/custom-valid.json");
const BROKEN_FOCUS: &str = include_str!("fixtures/broken-focus.json");
const BROKEN_REFERENCES: &str = include_str!("fixtures/broken-references.json");
const BROKEN_TYPES: &str = include_str!("fixtures/broken-types.json");
const SCHEMA: &str = include_str!("../schema/role-compare.content.schema.json");

/// The errors for `text`, as the author sees them.
fn errors_of(text: &str) -> Vec<String> {
    parse_content(text)
        .expect_err("the content is rejected")
        .iter()
        .map(ContentError::describe)
        .collect()
}

fn parse_json(text: &str) -> Json {
    json::parse(text).unwrap_or_else(|e| panic!("{}", e.describe()))
}

fn json_error(text: &str) -> JsonError {
    json::parse(text).expect_err("not JSON")
}

// Content from the fixture

#[test]
fn a_custom_file_parses_validates_and_keeps_its_values() {
    let content = parse_content(CUSTOM_VALID).expect("the fixture is valid");
    assert_eq!(content.roles.len(), 2);
    assert_eq!(content.duties.len(), 6);
    assert_eq!(content.default_roles(), ["cio", "cmo"]);

    let source = &content.sources[0];
    assert_eq!(source.id, "who-owns-the-customer");
    assert_eq!(source.by, "Jane Doe, Example Tech Blog");
    assert_eq!(source.date, "2026-01-31");
    let topics: Vec<&str> = content.topics.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        topics,
        [
            "Customer data",
            "Marketing technology",
            "Security",
            "Budget"
        ]
    );

    let cio = content.role("cio").expect("cio");
    assert_eq!(cio.name, "Chief Information Officer");
    assert_eq!(
        cio.focus_claims[0].focus,
        [Focus::Internal, Focus::External]
    );
    // The CMO leaves out name and shownByDefault: the title and `true` stand in.
    let cmo = content.role("cmo").expect("cmo");
    assert_eq!(cmo.name, "CMO");
    assert!(cmo.shown_by_default);

    let duty = &content.duties[1];
    assert_eq!(duty.id, "cio-martech-review");
    assert_eq!((duty.focus, duty.line), (Focus::Internal, Line::Bottom));
    assert_eq!(duty.topics, ["martech", "security"]);
    assert_eq!(duty.links[0].duty, "cmo-martech-choice");
    assert_eq!(duty.links[0].kind, LinkKind::Contested);
    assert!(content.duties[2].links.is_empty(), "links default to none");
}

#[test]
fn text_is_kept_as_written_escapes_decoded_and_markup_untouched() {
    let content = parse_content(CUSTOM_VALID).expect("valid");
    assert_eq!(
        content.duties[0].text,
        "Runs the customer data platform as the \"single source of truth\" \u{2014} one copy, governed."
    );
    assert_eq!(
        content.duties[1].text,
        "Reviews every martech tool before it goes live: no <script> tag ships unreviewed."
    );
}

#[test]
fn without_topics_the_default_topics_apply() {
    let mut doc = parse_json(CUSTOM_VALID);
    remove(&mut doc, "", "topics");
    for (i, topics) in [
        ["security"],
        ["data"],
        ["vendors"],
        ["marketing"],
        ["product"],
        ["data"],
    ]
    .into_iter()
    .enumerate()
    {
        set(
            &mut doc,
            &format!("duties[{i}]"),
            "topics",
            strings(&topics),
        );
    }
    let content = parse_content(&to_text(&doc, false)).expect("default topic ids are known");
    assert_eq!(content.topics, default_content().topics);
}

// Errors an author gets

#[test]
fn a_wrong_focus_is_the_only_error_and_names_its_field() {
    assert_eq!(
        errors_of(BROKEN_FOCUS),
        ["duties[3].focus: expected \"internal\" or \"external\", got \"inside\""]
    );
}

#[test]
fn wrong_types_missing_and_unknown_fields_are_all_reported_in_document_order() {
    assert_eq!(
        errors_of(BROKEN_TYPES),
        [
            "version: expected 1, got 2",
            "sources[0].date: expected a string, got a number",
            "roles[0].shownByDefault: expected true or false, got a string",
            "roles[1].title: missing",
            "duties[0].topics: expected an array of topic ids, got a string",
            "duties[1].line: expected \"top\" or \"bottom\", got \"middle\"",
            "duties[2].colour: unknown field; known: id, role, text, focus, line, topics, source, links",
            "duties[2].links[0].kind: expected \"shared\" or \"contested\", got \"friendly\"",
        ]
    );
}

#[test]
fn unknown_references_and_duplicate_ids_are_reported_by_the_validator() {
    assert_eq!(
        errors_of(BROKEN_REFERENCES),
        [
            "roles[2].focusClaims[0].source: no source has the id \"their-post\"; known: my-post",
            "roles[2]: role \"cto\" has no duties",
            "duties[0].links[0].duty: no duty has the id \"cmo-ghost\"",
            "duties[1].id: duplicate id \"cio-security\"",
            "duties[1].topics[1]: no topic has the id \"gardening\"; known: security, data",
            "duties[2].role: no role has the id \"cfo\"; known: cio, cmo, cto",
            "duties[2].source: no source has the id \"their-post\"; known: my-post",
        ]
    );
}

#[test]
fn every_error_in_the_broken_fixtures_names_a_path_that_exists_in_the_file() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures directory") {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with("broken-") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("fixture");
        let doc = parse_json(&text);
        let errors = parse_content(&text).expect_err(name);
        assert!(!errors.is_empty(), "{name}");
        for error in errors {
            let described = error.describe();
            assert!(
                described.starts_with(&[error.path.as_str(), ": "].concat()),
                "{name}: {described}"
            );
            // A missing field has no place of its own; its object must exist.
            let place = if error.message == "missing" {
                error.path.rsplit_once('.').map_or("", |(object, _)| object)
            } else {
                error.path.as_str()
            };
            assert!(
                !error.path.is_empty() && resolve(&doc, place).is_some(),
                "{name}: {described} names no place in the file"
            );
        }
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} broken fixtures found");
}

#[test]
fn version_must_be_one() {
    let mut doc = parse_json(CUSTOM_VALID);
    set(&mut doc, "", "version", Json::String("1".into()));
    assert_eq!(
        errors_of(&to_text(&doc, false)),
        ["version: expected 1, got \"1\""]
    );
    set(&mut doc, "", "version", Json::Number(1.5));
    assert_eq!(
        errors_of(&to_text(&doc, false)),
        ["version: expected 1, got a number"]
    );
    set(&mut doc, "", "version", Json::Number(1.0));
    parse_content(&to_text(&doc, false)).expect("1 is the version");
}

#[test]
fn content_that_is_no_object_is_refused() {
    assert_eq!(
        errors_of("[]"),
        ["the content must be a JSON object, got an array"]
    );
    assert_eq!(
        errors_of("\"text\""),
        ["the content must be a JSON object, got a string"]
    );
}

#[test]
fn malformed_json_is_reported_with_line_and_column() {
    let cases = [
        (
            "{\n  \"version\": 1\n  \"sources\": []\n}",
            "line 3, column 3: expected ',' or '}' after an object member",
        ),
        ("{\"roles\": [1, 2,]}", "line 1, column 16: trailing comma before ']'"),
        ("{\"version\": 1,\n}", "line 1, column 14: trailing comma before '}'"),
        (
            "{\"version\": 1, \"sources\": \"abc",
            "line 1, column 27: unterminated string",
        ),
        (
            "{\"title\": \"abc\n\"}",
            "line 1, column 11: unterminated string: a string cannot span lines (write \\n for a line break)",
        ),
        (
            "{'version': 1}",
            "line 1, column 2: keys must be in double quotes, not single",
        ),
        (
            "{\"id\": 'cio'}",
            "line 1, column 8: strings must be in double quotes, not single",
        ),
        ("{\"version\": NaN}", "line 1, column 13: NaN is not allowed in JSON"),
        (
            "{\n  // the format version\n  \"version\": 1\n}",
            "line 2, column 3: comments are not allowed in JSON",
        ),
        (
            "{\"roles\": [/* none */]}",
            "line 1, column 12: comments are not allowed in JSON",
        ),
        ("", "line 1, column 1: empty input: expected a JSON value"),
        (" \n ", "line 2, column 2: empty input: expected a JSON value"),
        ("{} {}", "line 1, column 4: trailing characters after the JSON value"),
        (
            "{\"version\": 1",
            "line 1, column 14: unexpected end of input: expected ',' or '}' after an object member",
        ),
        (
            "{\"version\": yes}",
            "line 1, column 13: unexpected word yes: expected a value (text goes in double quotes)",
        ),
        ("{\"id\": \"a\\qb\"}", "line 1, column 10: invalid escape \\q"),
        (
            "{\"version\": 1, \"version\": 1}",
            "line 1, column 16: duplicate key \"version\"",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            errors_of(text),
            [["invalid JSON at ", expected].concat()],
            "for {text:?}"
        );
    }
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let padded = |len: usize| {
        let mut text = CUSTOM_VALID.to_owned();
        text.push_str(&" ".repeat(len - text.len()));
        text
    };
    parse_content(&padded(MAX_CONTENT_BYTES)).expect("exactly the limit is accepted");
    let errors = parse_content(&padded(MAX_CONTENT_BYTES + 1)).expect_err("too big");
    let kib = MAX_CONTENT_BYTES / 1024;
    assert_eq!(
        errors,
        [ContentError::new(
            "",
            format!(
                "the content is {} KiB; at most {kib} KiB is accepted",
                kib + 1
            )
        )]
    );
}

#[test]
fn too_deep_nesting_is_refused() {
    let nested = |depth: usize| ["[".repeat(depth), "]".repeat(depth)].concat();
    assert!(json::parse(&nested(MAX_DEPTH)).is_ok());
    let error = json_error(&nested(MAX_DEPTH + 1));
    assert_eq!(
        (error.line, error.column),
        (1, MAX_DEPTH + 1),
        "points at the bracket one too deep"
    );
    assert!(error.message.starts_with("nested too deeply"), "{error:?}");

    // Deep enough to overflow a naive recursive parser's stack.
    let text = ["{\"version\": 1, \"sources\": ", &nested(100_000), "}"].concat();
    let errors = errors_of(&text);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("invalid JSON at line 1, column 58: nested too deeply"),
        "{errors:?}"
    );
}

#[test]
fn list_and_string_limits_follow_the_schema() {
    let schema = parse_json(SCHEMA);
    let properties = schema.get("properties").expect("properties");
    for list in ["sources", "topics", "roles", "duties"] {
        let max = properties
            .get(list)
            .and_then(|p| p.get("maxItems"))
            .and_then(Json::as_f64)
            .expect("maxItems") as usize;
        let mut doc = parse_json(CUSTOM_VALID);
        // The count is checked before the items, so the items need not be valid.
        set(&mut doc, "", list, Json::Array(vec![Json::Null; max + 1]));
        assert_eq!(
            errors_of(&to_text(&doc, false)),
            [format!(
                "{list}: has {} {list}; at most {max} are allowed",
                max + 1
            )]
        );
    }

    let max = schema
        .get("$defs")
        .and_then(|d| d.get("text"))
        .and_then(|t| t.get("maxLength"))
        .and_then(Json::as_f64)
        .expect("maxLength") as usize;
    let mut doc = parse_json(CUSTOM_VALID);
    // Characters count, not bytes: two-byte characters up to the limit are fine.
    set(&mut doc, "duties[0]", "text", Json::String("é".repeat(max)));
    parse_content(&to_text(&doc, false)).expect("at the limit");
    set(
        &mut doc,
        "duties[0]",
        "text",
        Json::String("x".repeat(max + 1)),
    );
    assert_eq!(
        errors_of(&to_text(&doc, false)),
        [format!(
            "duties[0].text: is {} characters long; at most {max} are allowed",
            max + 1
        )]
    );
}

#[test]
fn reports_are_capped_so_the_first_problems_stay_visible() {
    let mut doc = parse_json(CUSTOM_VALID);
    let mut broken = resolve(&doc, "duties[0]").expect("a duty").clone();
    if let Json::Object(members) = &mut broken {
        members.retain(|(k, _)| k != "focus");
    }
    set(
        &mut doc,
        "",
        "duties",
        Json::Array(vec![broken; MAX_REPORTED_ERRORS + 5]),
    );
    let errors = errors_of(&to_text(&doc, false));
    assert_eq!(errors.len(), MAX_REPORTED_ERRORS);
    assert_eq!(errors[0], "duties[0].focus: missing");
}

// The JSON parser on its own

#[test]
fn the_parser_reads_every_kind_of_value() {
    let doc = parse_json(
        "\u{feff} {\"n\": [0, -1.5, 2e3, -0.25E-2], \"t\": true, \"f\": false, \"z\": null, \"s\": \"a\\/b\\\\\\t\", \"o\": {}}\r\n",
    );
    let numbers: Vec<f64> = doc
        .get("n")
        .and_then(Json::as_array)
        .expect("array")
        .iter()
        .filter_map(Json::as_f64)
        .collect();
    assert_eq!(numbers, [0.0, -1.5, 2000.0, -0.0025]);
    assert_eq!(doc.get("t").and_then(Json::as_bool), Some(true));
    assert_eq!(doc.get("f").and_then(Json::as_bool), Some(false));
    assert_eq!(doc.get("z"), Some(&Json::Null));
    assert_eq!(doc.get("s").and_then(Json::as_str), Some("a/b\\\t"));
    assert_eq!(doc.get("o").and_then(Json::as_object), Some(&[][..]));
    assert_eq!(doc.get("absent"), None);
}

#[test]
fn the_parser_decodes_unicode_escapes_and_surrogate_pairs() {
    let doc = parse_json(r#"["\u00e9\u20AC", "\uD83D\uDE00", "caf\u00E9 😀", "\u0000"]"#);
    let strings: Vec<&str> = doc
        .as_array()
        .expect("array")
        .iter()
        .filter_map(Json::as_str)
        .collect();
    assert_eq!(strings, ["é€", "😀", "café 😀", "\0"]);
}

#[test]
fn the_parser_rejects_lone_surrogates_and_bad_escapes() {
    for (text, column, message) in [
        (r#""\uD83D""#, 2, "lone surrogate \\uD83D"),
        (r#""\uD83Dx""#, 2, "lone surrogate \\uD83D"),
        (r#""\uD83D\u0041""#, 2, "lone surrogate \\uD83D"),
        (r#""ab\uDE00""#, 4, "lone surrogate \\uDE00"),
        (
            r#""\u12G4""#,
            2,
            "invalid escape \\u: expected four hex digits",
        ),
        (
            r#""\u12""#,
            2,
            "invalid escape \\u: expected four hex digits",
        ),
        (r#""\x41""#, 2, "invalid escape \\x"),
        (r#""\é""#, 2, "invalid escape \\é"),
        ("\"a\tb\"", 3, "control character U+0009 in a string"),
        ("\"abc\\", 1, "unterminated string"),
    ] {
        let error = json_error(text);
        assert_eq!(
            (error.line, error.column),
            (1, column),
            "{text:?}: {error:?}"
        );
        assert!(
            error.message.starts_with(message),
            "{text:?}: {}",
            error.message
        );
    }
}

#[test]
fn the_parser_checks_the_number_grammar() {
    for (text, message) in [
        ("01", "invalid number: leading zeros are not allowed"),
        ("-", "invalid number: expected a digit"),
        ("-x", "invalid number: expected a digit"),
        ("1.", "invalid number: expected a digit after '.'"),
        ("1e", "invalid number: expected a digit in the exponent"),
        ("1e+", "invalid number: expected a digit in the exponent"),
        (".5", "expected a value, found '.'"),
        ("+1", "expected a value, found '+'"),
        ("1e999", "number out of range"),
        ("Infinity", "Infinity is not allowed in JSON"),
    ] {
        assert_eq!(json_error(text).message, message, "{text:?}");
    }
}

/// The parser converts numbers itself to keep `f64::from_str` out of the wasm; compare it with
/// the standard library here, natively.
#[test]
fn numbers_are_exact_in_the_usual_range_and_close_beyond_it() {
    let value = |text: &str| match json::parse(text) {
        Ok(Json::Number(n)) => n,
        other => panic!("{text}: {other:?}"),
    };
    let std = |text: &str| text.parse::<f64>().expect("std parses it");
    for text in [
        "0",
        "-0",
        "1",
        "-17",
        "0.1",
        "0.3",
        "3.141592653589793",
        "2.5e-10",
        "6.02214076e23",
        "9007199254740992",
        "12345.6789e-3",
        "1E22",
        "0.000001",
        "0e999",
    ] {
        assert_eq!(value(text).to_bits(), std(text).to_bits(), "{text}");
    }
    for text in [
        "123456789012345678901234567890",
        "2.2250738585072014e-308",
        "1.2345678901234567e-300",
        "9.87654321e300",
        "-4.4e-320",
        "1e-400",
    ] {
        let (got, expected) = (value(text), std(text));
        assert!(
            (got - expected).abs() <= expected.abs() * 1e-14,
            "{text}: {got:e} is not {expected:e}"
        );
    }
}

#[test]
fn columns_count_characters_and_a_bom_is_not_one() {
    let error = json_error("[\"é€😀\" x]");
    assert_eq!((error.line, error.column), (1, 8));
    let error = json_error("\u{feff}{\n\t\"é\": 1 2}");
    assert_eq!((error.line, error.column), (2, 9));
    assert_eq!(
        error.describe(),
        "line 2, column 9: expected ',' or '}' after an object member"
    );
}

#[test]
fn duplicate_keys_are_refused_at_the_second_occurrence() {
    let error = json_error("{\"a\": 1, \"b\": {\"id\": 1,\n \"x\": 2, \"id\": 3}}");
    assert_eq!(
        (error.line, error.column, error.message.as_str()),
        (2, 10, "duplicate key \"id\"")
    );
    // The same key in different objects is fine.
    parse_json("[{\"id\": 1}, {\"id\": 2}]");
}

// The format carries the whole model

#[test]
fn the_default_content_round_trips_through_the_format() {
    let content = default_content();
    for ascii_only in [false, true] {
        let text = to_text(&content_to_json(&content), ascii_only);
        assert!(text.len() < MAX_CONTENT_BYTES);
        assert_eq!(
            parse_content(&text),
            Ok(content.clone()),
            "ascii_only: {ascii_only}"
        );
    }
}

#[test]
fn text_beyond_ascii_round_trips_raw_and_escaped() {
    let mut content = default_content();
    content.roles[0].summary = "Café \"owner\" \\ of <IT> \u{2014} 😀\tand more.\n".into();
    let text = to_text(&content_to_json(&content), true);
    assert!(
        text.contains("\\ud83d\\ude00"),
        "escaped as a surrogate pair"
    );
    assert!(text.is_ascii());
    assert_eq!(parse_content(&text), Ok(content.clone()));
    let text = to_text(&content_to_json(&content), false);
    assert_eq!(parse_content(&text), Ok(content));
}

#[test]
fn the_schema_lists_the_fields_the_parser_knows_and_requires() {
    let schema = parse_json(SCHEMA);
    assert_eq!(
        schema.get("$schema").and_then(Json::as_str),
        Some("https://json-schema.org/draft/2020-12/schema")
    );
    assert_eq!(
        schema.get("$id").and_then(Json::as_str),
        Some("https://role-compare.example/schema/content-v1.json")
    );
    let defs = schema.get("$defs").expect("$defs");
    let def = |name: &str| defs.get(name).expect(name);
    let enum_of = |node: &Json| -> Vec<String> {
        let values = node.get("enum").and_then(Json::as_array).expect("enum");
        values
            .iter()
            .filter_map(Json::as_str)
            .map(String::from)
            .collect()
    };
    assert_eq!(enum_of(def("focus")), Focus::ALL.map(Focus::id));
    let duty_properties = def("duty").get("properties").expect("properties");
    assert_eq!(
        enum_of(duty_properties.get("line").expect("line")),
        Line::ALL.map(Line::id)
    );
    let link_properties = def("link").get("properties").expect("properties");
    assert_eq!(
        enum_of(link_properties.get("kind").expect("kind")),
        [LinkKind::Shared, LinkKind::Contested].map(LinkKind::id)
    );

    let fixture = parse_json(CUSTOM_VALID);
    let objects = [
        ("", &schema),
        ("sources[0]", def("source")),
        ("topics[0]", def("topic")),
        ("roles[0]", def("role")),
        ("roles[0].focusClaims[0]", def("focusClaim")),
        ("duties[0]", def("duty")),
        ("duties[0].links[0]", def("link")),
    ];
    for (path, node) in objects {
        assert_eq!(
            node.get("additionalProperties"),
            Some(&Json::Bool(false)),
            "{path}"
        );
        let properties = node
            .get("properties")
            .and_then(Json::as_object)
            .expect("properties");
        let names: Vec<&str> = properties.iter().map(|(name, _)| name.as_str()).collect();
        let required: Vec<&str> = node
            .get("required")
            .and_then(Json::as_array)
            .expect("required")
            .iter()
            .filter_map(Json::as_str)
            .collect();

        // The parser names exactly the schema's properties as the known fields.
        let mut doc = fixture.clone();
        set(&mut doc, path, "zzz", Json::Null);
        assert_eq!(
            errors_of(&to_text(&doc, false)),
            [format!(
                "{}: unknown field; known: {}",
                join(path, "zzz"),
                names.join(", ")
            )]
        );

        for (name, property) in properties {
            let field = join(path, name);
            assert!(
                property
                    .get("description")
                    .and_then(Json::as_str)
                    .is_some_and(|d| !d.is_empty()),
                "{field} has no description"
            );
            // The fixture has every field, optional ones too, so that removing one tests something.
            assert!(
                resolve(&fixture, &field).is_some(),
                "the fixture lacks {field}"
            );
            let mut doc = fixture.clone();
            remove(&mut doc, path, name);
            let missing = format!("{field}: missing");
            let reported = parse_content(&to_text(&doc, false))
                .err()
                .is_some_and(|errors| errors.iter().any(|e| e.describe() == missing));
            assert_eq!(
                reported,
                required.contains(&name.as_str()),
                "{field}: the parser and the schema disagree on whether it is required"
            );
        }
    }
}

// Test helpers: paths into a JSON document, and a serializer for the round trip.

enum Step {
    Key(String),
    Index(usize),
}

/// `duties[0].links[1]` -> duties, 0, links, 1.
fn steps(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        steps.push(Step::Key(pieces.next().unwrap_or_default().to_owned()));
        for index in pieces {
            let index = index.trim_end_matches(']').parse().expect("an index");
            steps.push(Step::Index(index));
        }
    }
    steps
}

fn resolve<'a>(doc: &'a Json, path: &str) -> Option<&'a Json> {
    steps(path)
        .into_iter()
        .try_fold(doc, |at, step| match step {
            Step::Key(key) => at.get(&key),
            Step::Index(i) => at.as_array()?.get(i),
        })
}

fn resolve_mut<'a>(doc: &'a mut Json, path: &str) -> &'a mut Json {
    steps(path)
        .into_iter()
        .fold(doc, |at, step| match (step, at) {
            (Step::Key(key), Json::Object(members)) => members
                .iter_mut()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v)
                .unwrap_or_else(|| panic!("no {key} in {path}")),
            (Step::Index(i), Json::Array(items)) => &mut items[i],
            _ => panic!("{path} does not resolve"),
        })
}

fn members_at<'a>(doc: &'a mut Json, path: &str) -> &'a mut Vec<(String, Json)> {
    match resolve_mut(doc, path) {
        Json::Object(members) => members,
        _ => panic!("{path} is no object"),
    }
}

/// Sets (or adds) the field `key` of the object at `path`.
fn set(doc: &mut Json, path: &str, key: &str, value: Json) {
    let members = members_at(doc, path);
    match members.iter_mut().find(|(k, _)| k == key) {
        Some((_, old)) => *old = value,
        None => members.push((key.to_owned(), value)),
    }
}

fn remove(doc: &mut Json, path: &str, key: &str) {
    members_at(doc, path).retain(|(k, _)| k != key);
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn strings(items: &[&str]) -> Json {
    Json::Array(items.iter().map(|s| Json::String((*s).into())).collect())
}

fn object(members: Vec<(&str, Json)>) -> Json {
    Json::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn text_value(value: &str) -> Json {
    Json::String(value.to_owned())
}

/// The model in the content format, every optional field written out.
fn content_to_json(content: &Content) -> Json {
    object(vec![
        ("version", Json::Number(1.0)),
        (
            "sources",
            Json::Array(
                content
                    .sources
                    .iter()
                    .map(|s| {
                        object(vec![
                            ("id", text_value(&s.id)),
                            ("title", text_value(&s.title)),
                            ("by", text_value(&s.by)),
                            ("date", text_value(&s.date)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "topics",
            Json::Array(
                content
                    .topics
                    .iter()
                    .map(|t| {
                        object(vec![
                            ("id", text_value(&t.id)),
                            ("label", text_value(&t.label)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "roles",
            Json::Array(
                content
                    .roles
                    .iter()
                    .map(|r| {
                        let claims = r.focus_claims.iter().map(|c| {
                            let foci: Vec<&str> = c.focus.iter().map(|f| f.id()).collect();
                            object(vec![
                                ("focus", strings(&foci)),
                                ("source", text_value(&c.source)),
                            ])
                        });
                        object(vec![
                            ("id", text_value(&r.id)),
                            ("title", text_value(&r.title)),
                            ("name", text_value(&r.name)),
                            ("summary", text_value(&r.summary)),
                            ("shownByDefault", Json::Bool(r.shown_by_default)),
                            ("focusClaims", Json::Array(claims.collect())),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "duties",
            Json::Array(
                content
                    .duties
                    .iter()
                    .map(|d| {
                        let topics: Vec<&str> = d.topics.iter().map(String::as_str).collect();
                        let links = d.links.iter().map(|l| {
                            object(vec![
                                ("duty", text_value(&l.duty)),
                                ("kind", text_value(l.kind.id())),
                            ])
                        });
                        object(vec![
                            ("id", text_value(&d.id)),
                            ("role", text_value(&d.role)),
                            ("text", text_value(&d.text)),
                            ("focus", text_value(d.focus.id())),
                            ("line", text_value(d.line.id())),
                            ("topics", strings(&topics)),
                            ("source", text_value(&d.source)),
                            ("links", Json::Array(links.collect())),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}

/// JSON text for `value`; with `ascii_only`, every non-ASCII character becomes a `\u` escape
/// (surrogate pairs beyond the BMP), which exercises the parser's escapes.
fn to_text(value: &Json, ascii_only: bool) -> String {
    let mut out = String::new();
    write(value, ascii_only, &mut out);
    out
}

fn write(value: &Json, ascii_only: bool, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::String(s) => write_string(s, ascii_only, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, ascii_only, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push_str("{\n");
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                write_string(key, ascii_only, out);
                out.push_str(": ");
                write(item, ascii_only, out);
            }
            out.push_str("\n}");
        }
    }
}

fn write_string(s: &str, ascii_only: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c < ' ' || (ascii_only && !c.is_ascii()) => {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
