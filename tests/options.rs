//! Host options: read from data-* attributes, checked against the content, problems reported.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::content::default_content;
use role_compare::filter::Facet;
use role_compare::model::{Focus, Line};
use role_compare::options::{parse, resolve, Controls, Options, Theme};

fn parsed(pairs: &[(&str, &str)]) -> (Options, Vec<String>) {
    parse(pairs.iter().copied())
}

#[test]
fn no_attributes_give_the_defaults() {
    let (options, problems) = parsed(&[]);
    assert_eq!(options, Options::default());
    assert!(problems.is_empty());
    let setup = resolve(&options, &default_content());
    assert_eq!(setup.base.roles, ["cio", "cto", "cmo"]);
    assert_eq!(setup.roles, [0, 1, 2, 3, 4]);
}

#[test]
fn every_documented_option_is_read() {
    let (options, problems) = parsed(&[
        ("roles", "cmo, cio"),
        ("focus", "external"),
        ("line", "top"),
        ("topic", "marketing,data"),
        ("q", "brand & more"),
        ("facets", "focus,search"),
        ("theme", "dark"),
        ("compact", ""),
        ("heading-level", "3"),
        ("url-state", ""),
        ("content", "/my-duties.json"),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        options.roles.as_deref(),
        Some(&["cmo".to_string(), "cio".to_string()][..])
    );
    assert_eq!(options.theme, Theme::Dark);
    assert!(options.compact && options.url_state);
    assert_eq!(options.heading_level, 3);
    assert_eq!(options.content_url.as_deref(), Some("/my-duties.json"));
    assert_eq!(
        options.controls,
        Controls {
            roles: false,
            focus: true,
            line: false,
            topic: false,
            overlap: false,
            search: true,
            layout: false,
        }
    );
    assert!(!options.controls.shows(Facet::Line));

    let content = default_content();
    let setup = resolve(&options, &content);
    assert!(setup.problems.is_empty(), "{:?}", setup.problems);
    // The chosen roles, in the chosen order, all shown.
    let ids: Vec<&str> = setup
        .roles
        .iter()
        .map(|&r| content.roles[r].id.as_str())
        .collect();
    assert_eq!(ids, ["cmo", "cio"]);
    assert_eq!(setup.base.roles, ["cmo", "cio"]);
    assert_eq!(setup.base.focus, [Focus::External]);
    assert_eq!(setup.base.line, [Line::Top]);
    assert_eq!(setup.base.topics, ["marketing", "data"]);
    assert_eq!(setup.base.text, "brand & more");
}

#[test]
fn unknown_and_malformed_options_are_reported_and_ignored() {
    let (options, problems) = parsed(&[
        ("colour", "red"),
        ("theme", "neon"),
        ("compact", "yes"),
        ("heading-level", "1"),
        ("heading-level", "h3"),
        ("facets", "focus,colours"),
        ("url-state", "maybe"),
    ]);
    assert_eq!(options, Options::default());
    assert_eq!(
        problems,
        [
            "data-colour: unknown option; known: roles, focus, line, topic, overlap, q, layout, facets, theme, compact, heading-level, url-state, content",
            "data-theme: expected auto, light, dark or inherit, got \"neon\"",
            "data-compact: expected true or false (or no value), got \"yes\"",
            "data-heading-level: expected a heading level from 2 to 6, got \"1\"",
            "data-heading-level: expected a heading level from 2 to 6, got \"h3\"",
            "data-facets: expected a comma list of roles, focus, line, topic, overlap, search, layout, got \"focus,colours\"",
            "data-url-state: expected true or false (or no value), got \"maybe\"",
        ]
    );
}

#[test]
fn values_the_content_does_not_know_are_reported() {
    let (options, problems) =
        parsed(&[("roles", "cio,cfo"), ("focus", "inside"), ("topic", "golf")]);
    assert!(problems.is_empty());
    let setup = resolve(&options, &default_content());
    assert_eq!(setup.base.roles, ["cio"]);
    assert!(setup.base.focus.is_empty());
    assert_eq!(
        setup.problems,
        [
            "data-roles: \"cfo\" is not one of cio, cto, cmo, ciso, coo",
            "data-focus: \"inside\" is not one of internal, external",
            "data-topic: \"golf\" is not one of security, data, vendors, product, marketing, operations, compliance, strategy, people, infrastructure, software",
        ]
    );
}

#[test]
fn naming_no_known_role_falls_back_to_all() {
    let (options, _) = parsed(&[("roles", "cfo,ceo")]);
    let setup = resolve(&options, &default_content());
    assert_eq!(setup.roles.len(), 5);
    assert_eq!(setup.base.roles, ["cio", "cto", "cmo"]);
    assert_eq!(setup.problems.len(), 3);
    assert_eq!(
        setup.problems[2],
        "data-roles names no known role, so every role is offered"
    );
}

#[test]
fn long_garbage_is_clipped_in_messages() {
    let long = "x".repeat(500);
    let (_, problems) = parsed(&[("theme", long.as_str())]);
    assert!(problems[0].len() < 120, "{}", problems[0]);
    assert!(problems[0].ends_with("…\""));
}

#[test]
fn a_role_compare_element_hears_of_its_attributes_by_their_own_names() {
    let (_, problems) = parsed(&[("colour", "red"), ("theme", "neon")]);
    assert_eq!(
        role_compare::options::as_element_attributes(&problems),
        [
            "colour: unknown option; known: roles, focus, line, topic, overlap, q, layout, facets, theme, compact, heading-level, url-state, content",
            "theme: expected auto, light, dark or inherit, got \"neon\"",
        ]
    );
}

#[test]
fn the_custom_element_observes_every_option_and_no_other_name() {
    // web/embed.js lists the option names for <role-compare>'s observedAttributes: a change to
    // any of them after mount re-mounts the widget. The list must be this crate's.
    let embed = std::fs::read_to_string("web/embed.js").expect("web/embed.js");
    let list = embed
        .split("const OPTIONS = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("web/embed.js defines const OPTIONS = [...]");
    let names: Vec<&str> = list
        .split(',')
        .map(|n| n.trim().trim_matches('"'))
        .collect();
    assert_eq!(names, role_compare::options::KNOWN);
}
