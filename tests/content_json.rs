//! Content files: the JSON format read with serde into the model, the errors an author gets
//! (line and column for syntax, a path for a field), the fixtures in `tests/fixtures/`, the
//! built-in file, and the schema agreeing with what the reader accepts.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::content::{
    default_content, limits, parse_content, to_json, validate, ContentError, BUILT_IN_JSON,
    MAX_CONTENT_BYTES, MAX_REPORTED_ERRORS,
};
use role_compare::model::{Focus, Line, LinkKind};
use serde_json::{json, Value};

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

/// The only error for `text`.
fn error_of(text: &str) -> String {
    let errors = errors_of(text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].clone()
}

fn doc(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

fn text(doc: &Value) -> String {
    serde_json::to_string_pretty(doc).expect("JSON text")
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
    let mut d = doc(CUSTOM_VALID);
    d.as_object_mut().expect("object").remove("topics");
    let topics = [
        "security",
        "data",
        "vendors",
        "marketing",
        "product",
        "data",
    ];
    for (i, topic) in topics.into_iter().enumerate() {
        d["duties"][i]["topics"] = json!([topic]);
    }
    let content = parse_content(&text(&d)).expect("default topic ids are known");
    assert_eq!(content.topics, default_content().topics);
    assert!(content.topics.len() >= 10);
}

// The built-in content is a content file like any author's

#[test]
fn the_built_in_file_reads_as_the_default_content() {
    let content = parse_content(BUILT_IN_JSON).expect("the built-in file is valid");
    assert_eq!(content, default_content());
    assert_eq!(content.roles.len(), 5);
    assert!(content.duties.len() >= 40);
}

#[test]
fn the_built_in_file_is_embedded_as_the_same_json_without_its_white_space() {
    let file = include_str!("../content/roles.json");
    let as_value = |text: &str| serde_json::from_str::<Value>(text).expect("JSON");
    assert_eq!(as_value(BUILT_IN_JSON), as_value(file));
    // Only the white space between tokens goes; the strings keep theirs.
    let spaces_in_strings = |text: &str| {
        let mut count = 0;
        let (mut in_string, mut escaped) = (false, false);
        for c in text.chars() {
            match (in_string, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (_, false, '"') => in_string = !in_string,
                (true, false, ' ') => count += 1,
                _ => {}
            }
        }
        count
    };
    assert_eq!(spaces_in_strings(BUILT_IN_JSON), spaces_in_strings(file));
    assert!(!BUILT_IN_JSON.contains('\n'));
    assert!(BUILT_IN_JSON.len() < file.len());
}

#[test]
fn content_round_trips_through_the_format() {
    let mut content = default_content();
    content.roles[0].summary = "Café \"owner\" \\ of <IT> \u{2014} 😀\tand more.\n".into();
    let written = to_json(&content);
    assert!(written.len() < MAX_CONTENT_BYTES);
    assert_eq!(parse_content(&written), Ok(content.clone()));
    // The same with every character beyond ASCII escaped, surrogate pairs included.
    let escaped = ascii_escaped(&written);
    assert!(escaped.is_ascii() && escaped.contains("\\ud83d\\ude00"));
    assert_eq!(parse_content(&escaped), Ok(content));
}

/// JSON text with every non-ASCII character as `\u` escapes (they only occur inside strings).
fn ascii_escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

// Errors an author gets

#[test]
fn a_wrong_focus_names_its_field_the_choices_and_the_line() {
    assert_eq!(
        error_of(BROKEN_FOCUS),
        "duties[3].focus: unknown variant `inside`, expected `internal` or `external` (line 69, column 23)"
    );
}

/// Serde stops at the first type error, so an author sees one at a time, in document order,
/// each naming its field and what was expected. Fixing them one by one walks the whole file.
#[test]
fn type_errors_come_one_at_a_time_in_document_order_each_with_its_path() {
    type Fix = fn(&mut Value);
    let steps: [(&str, Fix); 8] = [
        (
            "version: invalid value: integer `2`, expected 1, the only version of the format (line 2, column 14)",
            |d| d["version"] = json!(1),
        ),
        (
            "sources[0].date: invalid type: integer `20260131`, expected a string",
            |d| d["sources"][0]["date"] = json!("2026-01-31"),
        ),
        (
            "roles[0].shownByDefault: invalid type: string \"yes\", expected a boolean",
            |d| d["roles"][0]["shownByDefault"] = json!(true),
        ),
        ("roles[1]: missing field `title`", |d| {
            d["roles"][1]["title"] = json!("CMO")
        }),
        (
            "duties[0].topics: invalid type: string \"security\", expected a sequence",
            |d| d["duties"][0]["topics"] = json!(["security"]),
        ),
        (
            "duties[1].line: unknown variant `middle`, expected `top` or `bottom`",
            |d| d["duties"][1]["line"] = json!("bottom"),
        ),
        (
            "duties[2].colour: unknown field `colour`, expected one of `id`, `role`, `text`, `focus`, `line`, `topics`, `source`, `links`, `view`",
            |d| {
                d["duties"][2].as_object_mut().map(|o| o.remove("colour"));
            },
        ),
        (
            "duties[2].links[0].kind: unknown variant `friendly`, expected `shared` or `contested`",
            |d| d["duties"][2]["links"][0]["kind"] = json!("shared"),
        ),
    ];
    // serde_json's own order of object keys is alphabetical; write the fixture's in its order.
    let mut current = BROKEN_TYPES.to_owned();
    let mut d = doc(BROKEN_TYPES);
    for (expected, fix) in steps {
        let error = error_of(&current);
        assert!(error.starts_with(expected), "{error}\nexpected: {expected}");
        assert!(error.contains("(line "), "{error} names no line");
        fix(&mut d);
        current = text(&d);
    }
    // The shape is right now: the file reads.
    parse_content(&current).expect("every problem fixed");
}

#[test]
fn unknown_references_and_duplicate_ids_are_all_reported_by_the_validator() {
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
        let d = doc(&text);
        let errors = parse_content(&text).expect_err(name);
        assert!(!errors.is_empty(), "{name}");
        for error in errors {
            let described = error.describe();
            assert!(
                !error.path.is_empty() && described.starts_with(&[&error.path, ": "].concat()),
                "{name}: {described}"
            );
            assert!(
                d.pointer(&pointer(&error.path)).is_some(),
                "{name}: {described} names no place in the file"
            );
        }
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} broken fixtures found");
}

/// `duties[0].links[1]` as a JSON pointer: `/duties/0/links/1`.
fn pointer(path: &str) -> String {
    path.replace('[', ".")
        .replace(']', "")
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| ["/", p].concat())
        .collect()
}

#[test]
fn version_must_be_one() {
    let mut d = doc(CUSTOM_VALID);
    for (version, got) in [
        (json!("1"), "invalid type: string \"1\""),
        (json!(1.5), "invalid value: floating point `1.5`"),
        (json!(2), "invalid value: integer `2`"),
        (json!(-1), "invalid value: integer `-1`"),
    ] {
        d["version"] = version;
        let error = error_of(&text(&d));
        assert!(
            error.starts_with(&["version: ", got, ", expected 1"].concat()),
            "{error}"
        );
    }
    d["version"] = json!(1);
    parse_content(&text(&d)).expect("1 is the version");
}

#[test]
fn content_that_is_no_object_is_refused() {
    for (text, got) in [
        ("[]", "sequence"),
        ("\"text\"", "string \"text\""),
        ("42", "integer `42`"),
    ] {
        let error = error_of(text);
        assert!(
            error.starts_with(&["invalid type: ", got, ", expected a content object"].concat()),
            "{error}"
        );
    }
}

#[test]
fn malformed_json_is_reported_with_line_and_column() {
    let cases = [
        (
            "{\n  \"version\": 1\n  \"sources\": []\n}",
            "line 3, column 3: expected `,` or `}`",
        ),
        ("{\"version\": 1,\n}", "line 2, column 1: trailing comma"),
        (
            "{\"version\": 1, \"sources\": \"abc",
            "line 1, column 30: EOF while parsing a string",
        ),
        (
            "{\"version\": 1, \"sources\": [{\"id\": \"abc\n\"}]}",
            "line 2, column 1: control character (\\u0000-\\u001F) found while parsing a string (a string cannot span lines: write \\n for a line break, \\t for a tab)",
        ),
        (
            "{'version': 1}",
            "line 1, column 2: key must be a string (JSON takes double quotes, not single)",
        ),
        (
            "{\"version\": 'x'}",
            "line 1, column 13: expected value (JSON takes double quotes, not single)",
        ),
        (
            "{\"version\": NaN}",
            "line 1, column 13: expected value (text goes in double quotes; true, false and null are the only bare words)",
        ),
        (
            "{\n  // the format version\n  \"version\": 1\n}",
            "line 2, column 3: key must be a string (comments are not allowed in JSON)",
        ),
        ("", "line 1, column 1: EOF while parsing a value"),
        (
            "{\"version\": 1, \"sources\": [], \"roles\": [], \"duties\": []} {}",
            "line 1, column 58: trailing characters",
        ),
        (
            "{\"version\": 1",
            "line 1, column 13: EOF while parsing an object",
        ),
        (
            "{\"version\": 1, \"sources\": [{\"id\": \"a\\qb\"}]}",
            "line 1, column 38: invalid escape",
        ),
        // Columns count characters, as editors do, not bytes.
        (
            "{\"version\": 1, \"sources\": [{\"id\": \"é\", \"title\": x}]}",
            "line 1, column 49: expected value",
        ),
        // A byte order mark is not a character of the content.
        ("\u{feff}{\"version\": 1,}", "line 1, column 15: trailing comma"),
    ];
    for (text, expected) in cases {
        let error = error_of(text);
        assert!(
            error.starts_with(&["invalid JSON at ", expected].concat()),
            "for {text:?}:\n   got {error}\nwanted invalid JSON at {expected}"
        );
    }
}

#[test]
fn a_duplicate_field_is_refused() {
    let error = error_of("{\"version\": 1, \"version\": 1}");
    assert!(
        error.starts_with("version: duplicate field `version` (line 1, column 24)"),
        "{error}"
    );
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
fn deep_nesting_neither_overflows_nor_hangs() {
    let nested = |depth: usize| ["[".repeat(depth), "]".repeat(depth)].concat();
    // Where a list of objects is expected, the first array inside is the error.
    let text = ["{\"version\": 1, \"sources\": ", &nested(100_000), "}"].concat();
    let error = error_of(&text);
    assert!(
        error.starts_with("sources[0]: invalid type: sequence, expected a source object"),
        "{error}"
    );
    // No field takes an arbitrary value, so nothing is read deeper than the format goes: an
    // unknown field is refused before its value is read.
    let text = ["{\"version\": 1, \"notes\": ", &nested(100_000), "}"].concat();
    let error = error_of(&text);
    assert!(error.starts_with("notes: unknown field `notes`"), "{error}");
    let text = ["{\"version\": ", &nested(100_000), "}"].concat();
    let error = error_of(&text);
    assert!(
        error.starts_with("version: invalid type: sequence"),
        "{error}"
    );
}

#[test]
fn limits_follow_the_schema() {
    let schema = doc(SCHEMA);
    for (list, max) in [
        ("sources", limits::SOURCES),
        ("topics", limits::TOPICS),
        ("roles", limits::ROLES),
        ("duties", limits::DUTIES),
    ] {
        assert_eq!(
            schema["properties"][list]["maxItems"],
            json!(max),
            "{list}: the schema and the validator disagree"
        );
    }
    assert_eq!(
        schema["$defs"]["text"]["maxLength"],
        json!(limits::TEXT_CHARS)
    );

    let mut content = default_content();
    let template = content.duties[0].clone();
    content.duties = (0..=limits::DUTIES)
        .map(|i| {
            let mut duty = template.clone();
            duty.id = format!("duty-{i}");
            duty
        })
        .collect();
    let errors = validate(&content).expect_err("one duty too many");
    assert_eq!(
        errors[0].describe(),
        format!(
            "duties: has {} items; at most {} are allowed",
            limits::DUTIES + 1,
            limits::DUTIES
        )
    );
    content.duties.pop();
    content.duties.push(template);
    validate(&content).expect_err("the copied duty's id is taken now");
    content.duties.pop();
    let every_role_has_duties = content.roles.iter().all(|r| r.id == "cio");
    assert!(!every_role_has_duties || validate(&content).is_ok());

    let mut d = doc(CUSTOM_VALID);
    // Characters count, not bytes: two-byte characters up to the limit are fine.
    d["duties"][0]["text"] = json!("é".repeat(limits::TEXT_CHARS));
    parse_content(&text(&d)).expect("at the limit");
    d["duties"][0]["text"] = json!("x".repeat(limits::TEXT_CHARS + 1));
    assert_eq!(
        errors_of(&text(&d)),
        [format!(
            "duties[0].text: is {} characters long; at most {} are allowed",
            limits::TEXT_CHARS + 1,
            limits::TEXT_CHARS
        )]
    );
}

#[test]
fn reports_are_capped_so_the_first_problems_stay_visible() {
    let mut d = doc(CUSTOM_VALID);
    let duties = d["duties"].as_array_mut().expect("duties");
    for duty in duties.iter_mut() {
        duty["source"] = json!("nowhere");
    }
    let copies: Vec<Value> = (0..MAX_REPORTED_ERRORS)
        .map(|i| {
            let mut duty = duties[0].clone();
            duty["id"] = json!(format!("extra-{i}"));
            duty
        })
        .collect();
    duties.extend(copies);
    let errors = errors_of(&text(&d));
    assert_eq!(errors.len(), MAX_REPORTED_ERRORS);
    assert!(
        errors[0].starts_with("duties[0].source: no source has the id \"nowhere\""),
        "{}",
        errors[0]
    );
}

#[test]
fn the_schema_lists_the_fields_the_reader_knows_and_requires() {
    let schema = doc(SCHEMA);
    assert_eq!(
        schema["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
    let defs = &schema["$defs"];
    let enum_of = |node: &Value| -> Vec<String> {
        node["enum"]
            .as_array()
            .expect("enum")
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect()
    };
    assert_eq!(enum_of(&defs["focus"]), Focus::ALL.map(Focus::id));
    assert_eq!(
        enum_of(&defs["duty"]["properties"]["line"]),
        Line::ALL.map(Line::id)
    );
    assert_eq!(
        enum_of(&defs["link"]["properties"]["kind"]),
        [LinkKind::Shared, LinkKind::Contested].map(LinkKind::id)
    );

    let fixture = doc(CUSTOM_VALID);
    let objects = [
        ("", &schema),
        ("sources[0]", &defs["source"]),
        ("topics[0]", &defs["topic"]),
        ("roles[0]", &defs["role"]),
        ("roles[0].focusClaims[0]", &defs["focusClaim"]),
        ("duties[0]", &defs["duty"]),
        ("duties[0].links[0]", &defs["link"]),
        ("perspectives[0]", &defs["perspective"]),
        ("perspectives[0].points[0]", &defs["point"]),
        ("figures[0]", &defs["figure"]),
    ];
    for (path, node) in objects {
        assert_eq!(node["additionalProperties"], json!(false), "{path}");
        let properties = node["properties"].as_object().expect("properties");
        let required: Vec<&str> = node["required"]
            .as_array()
            .expect("required")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let at = |name: &str| {
            if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            }
        };

        // The reader names exactly the schema's properties as the known fields.
        let mut d = fixture.clone();
        d.pointer_mut(&pointer(path)).expect("object")["zzz"] = Value::Null;
        let error = error_of(&text(&d));
        let prefix = format!("{}: unknown field `zzz`, expected ", at("zzz"));
        assert!(error.starts_with(&prefix), "{error}");
        let named: Vec<&str> = error[prefix.len()..]
            .split('`')
            .skip(1)
            .step_by(2)
            .collect();
        let mut names: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut sorted = named.clone();
        sorted.sort_unstable();
        names.sort_unstable();
        assert_eq!(sorted, names, "{path}");

        for (name, property) in properties {
            let field = at(name);
            assert!(
                property["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty()),
                "{field} has no description"
            );
            // The fixture has every field, optional ones too, so that removing one tests something.
            assert!(
                fixture.pointer(&pointer(&field)).is_some(),
                "the fixture lacks {field}"
            );
            let mut d = fixture.clone();
            d.pointer_mut(&pointer(path))
                .and_then(Value::as_object_mut)
                .expect("object")
                .remove(name);
            let missing = format!("missing field `{name}`");
            let reported = parse_content(&text(&d))
                .err()
                .is_some_and(|errors| errors.iter().any(|e| e.message.starts_with(&missing)));
            assert_eq!(
                reported,
                required.contains(&name.as_str()),
                "{field}: the reader and the schema disagree on whether it is required"
            );
        }
    }
}

#[test]
fn a_wrong_type_for_a_choice_names_its_field_not_a_syntax_error() {
    let mut d = doc(CUSTOM_VALID);
    d["duties"][0]["line"] = json!(42);
    let error = error_of(&text(&d));
    assert!(
        error
            .starts_with("duties[0].line: invalid type: integer `42`, expected one of top, bottom"),
        "{error}"
    );
    d["duties"][0]["line"] = json!("top");
    d["roles"][0]["focusClaims"][0]["focus"] = json!([true]);
    let error = error_of(&text(&d));
    assert!(
        error.starts_with("roles[0].focusClaims[0].focus[0]: invalid type: boolean `true`"),
        "{error}"
    );
}

#[test]
fn a_long_unknown_key_is_quoted_and_cut_in_its_path_and_message() {
    let key = "x.y ".repeat(5_000);
    let error = error_of(&format!("{{\"{key}\": 1}}"));
    assert!(error.starts_with("[\"x.y x.y "), "{error}");
    assert!(
        error.chars().count() < 500,
        "{} characters",
        error.chars().count()
    );
}
