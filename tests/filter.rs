//! The filter engine: OR within a facet, AND across facets, text search, and the counts.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::content::default_content;
use role_compare::filter::{fold, run, Facet, Outcome, Query, SearchIndex};
use role_compare::model::{Content, Duty, DutyLink, Focus, Line, Role, Source, Topic};

fn duty(id: &str, role: &str, text: &str, focus: Focus, line: Line, topics: &[&str]) -> Duty {
    Duty {
        id: id.into(),
        role: role.into(),
        text: text.into(),
        focus,
        line,
        topics: topics.iter().map(|t| t.to_string()).collect(),
        source: "s".into(),
        links: Vec::<DutyLink>::new(),
        view: false,
    }
}

fn role(id: &str, shown: bool) -> Role {
    Role {
        id: id.into(),
        title: id.to_uppercase(),
        name: id.into(),
        summary: "summary".into(),
        shown_by_default: shown,
        focus_claims: vec![],
    }
}

/// Six duties whose facets are easy to count by hand.
fn fixture() -> Content {
    use Focus::*;
    use Line::*;
    Content {
        sources: vec![Source {
            id: "s".into(),
            title: "S".into(),
            by: String::new(),
            date: String::new(),
            short: String::new(),
            url: String::new(),
        }],
        topics: ["security", "data", "vendors"]
            .iter()
            .map(|t| Topic {
                id: t.to_string(),
                label: t.to_string(),
            })
            .collect(),
        roles: vec![role("a", true), role("b", true), role("c", false)],
        duties: vec![
            duty(
                "a1",
                "a",
                "Guards the network",
                Internal,
                Bottom,
                &["security"],
            ),
            duty(
                "a2",
                "a",
                "Negotiates with vendors",
                Internal,
                Bottom,
                &["vendors"],
            ),
            duty("a3", "a", "Sells data products", External, Top, &["data"]),
            duty(
                "b1",
                "b",
                "Builds the product",
                External,
                Top,
                &["data", "vendors"],
            ),
            duty("b2", "b", "Keeps costs down", Internal, Bottom, &["data"]),
            duty(
                "c1",
                "c",
                "Sécurité du réseau",
                Internal,
                Top,
                &["security"],
            ),
        ],
        perspectives: vec![],
        figures: vec![],
    }
}

fn outcome(content: &Content, query: &Query) -> Outcome {
    run(content, &SearchIndex::new(content), query)
}

fn ids(content: &Content, out: &Outcome) -> Vec<String> {
    out.shown
        .iter()
        .map(|&i| content.duties[i].id.clone())
        .collect()
}

#[test]
fn no_filters_show_every_duty_of_the_shown_roles() {
    let c = fixture();
    let out = outcome(&c, &Query::initial(&c));
    assert_eq!(ids(&c, &out), ["a1", "a2", "a3", "b1", "b2"]);
    assert_eq!(out.total, 5);
    assert_eq!(out.per_role, [3, 2, 1]);
}

#[test]
fn fits_answers_for_every_duty_whether_shown_or_not() {
    // What a column's show-and-hide reads for each card it lists (`show_fitting`).
    let c = fixture();
    let mut q = Query::initial(&c);
    q.topics = vec!["security".into(), "vendors".into()];
    let out = outcome(&c, &q);
    for (i, duty) in c.duties.iter().enumerate() {
        let listed = ids(&c, &out).contains(&duty.id);
        assert_eq!(out.fits(i), listed, "{}", duty.id);
    }
    assert!(
        !out.fits(c.duties.len()),
        "an index past the duties fits nothing"
    );
}

#[test]
fn values_of_one_facet_combine_with_or() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.topics = vec!["security".into(), "vendors".into()];
    assert_eq!(ids(&c, &outcome(&c, &q)), ["a1", "a2", "b1"]);
    q.focus = vec![Focus::Internal, Focus::External];
    assert_eq!(ids(&c, &outcome(&c, &q)), ["a1", "a2", "b1"]);
}

#[test]
fn facets_combine_with_and() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.focus = vec![Focus::Internal];
    q.topics = vec!["data".into()];
    assert_eq!(ids(&c, &outcome(&c, &q)), ["b2"]);
    q.line = vec![Line::Top];
    assert!(outcome(&c, &q).shown.is_empty());
}

#[test]
fn a_value_count_applies_every_other_facet_but_not_its_own() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.focus = vec![Focus::Internal];
    let out = outcome(&c, &q);
    // Focus counts ignore the focus selection: 3 internal, 2 external among a and b.
    assert_eq!(out.focus, [3, 2]);
    // Line counts apply focus=internal: all three internal duties are bottom line.
    assert_eq!(out.line, [0, 3]);
    // Topics under focus=internal: security a1, data b2, vendors a2.
    assert_eq!(out.topics, [1, 1, 1]);
    assert_eq!(out.count(&c, Facet::Focus, "external"), 2);
    assert_eq!(out.count(&c, Facet::Topic, "vendors"), 1);
    assert_eq!(out.count(&c, Facet::Topic, "unknown"), 0);
}

#[test]
fn role_counts_ignore_which_roles_are_shown() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.focus = vec![Focus::Internal];
    let out = outcome(&c, &q);
    // c is hidden, yet its toggle tells how many internal duties showing it would add.
    assert_eq!(out.count(&c, Facet::Role, "c"), 1);
    assert_eq!(out.count(&c, Facet::Role, "a"), 2);
    assert!(!ids(&c, &out).contains(&"c1".to_string()));
}

#[test]
fn hidden_roles_neither_show_nor_count_towards_facets() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.roles = vec!["b".into()];
    let out = outcome(&c, &q);
    assert_eq!(ids(&c, &out), ["b1", "b2"]);
    assert_eq!(out.total, 2);
    assert_eq!(out.topics, [0, 2, 1]);
}

#[test]
fn text_search_ignores_case_and_accents_and_needs_every_word() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.roles.push("c".into());
    q.text = "SECURITE".into();
    assert_eq!(ids(&c, &outcome(&c, &q)), ["c1"]);
    q.text = "réseau sécu".into();
    assert_eq!(ids(&c, &outcome(&c, &q)), ["c1"]);
    q.text = "vendors negotiates".into();
    assert_eq!(ids(&c, &outcome(&c, &q)), ["a2"]);
    q.text = "vendors missing".into();
    assert!(outcome(&c, &q).shown.is_empty());
    q.text = "   ".into();
    assert_eq!(outcome(&c, &q).shown.len(), 6);
}

#[test]
fn text_search_finds_topic_labels_and_role_titles() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.text = "vendors".into();
    // a2 by its text, b1 by its topic label.
    assert_eq!(ids(&c, &outcome(&c, &q)), ["a2", "b1"]);
    q.text = "B".into();
    let out = outcome(&c, &q);
    assert!(ids(&c, &out).contains(&"b2".to_string()));
}

#[test]
fn text_filters_the_counts_too() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.text = "data".into();
    let out = outcome(&c, &q);
    assert_eq!(out.focus, [1, 2]);
    assert_eq!(out.per_role, [1, 2, 0]);
}

#[test]
fn fold_lowercases_and_strips_accents() {
    assert_eq!(fold("Sécurité ÉTÉ"), "securite ete");
    assert_eq!(fold("Straße Œuvre Ærø"), "strasse oeuvre aero");
    assert_eq!(fold("Łódź Ångström"), "lodz angstrom");
    assert_eq!(fold("e\u{301}te\u{301}"), "ete");
    assert_eq!(fold("6 ÷ 3"), "6 ÷ 3");
    assert_eq!(fold("CIO"), "cio");
}

#[test]
fn toggling_adds_removes_and_rejects_unknown_values() {
    let c = fixture();
    let mut q = Query::initial(&c);
    assert!(q.toggle(&c, Facet::Focus, "internal"));
    assert_eq!(q.focus, [Focus::Internal]);
    assert!(q.is_pressed(Facet::Focus, "internal"));
    assert!(q.toggle(&c, Facet::Focus, "internal"));
    assert!(q.focus.is_empty());
    assert!(!q.toggle(&c, Facet::Focus, "sideways"));
    assert!(!q.toggle(&c, Facet::Topic, "gardening"));
    assert!(!q.toggle(&c, Facet::Role, "cfo"));
    assert!(q.toggle(&c, Facet::Role, "c"));
    assert_eq!(q.roles, ["a", "b", "c"]);
}

#[test]
fn clearing_keeps_the_roles() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.focus = vec![Focus::External];
    q.text = "x".into();
    q.roles = vec!["b".into()];
    assert!(q.has_filters());
    let cleared = q.cleared();
    assert!(!cleared.has_filters());
    assert_eq!(cleared.roles, ["b"]);
}

#[test]
fn default_content_counts_add_up() {
    let c = default_content();
    let q = Query::initial(&c);
    let out = outcome(&c, &q);
    assert_eq!(out.shown.len(), out.total);
    assert_eq!(out.focus.iter().sum::<usize>(), out.total);
    assert_eq!(out.line.iter().sum::<usize>(), out.total);
}

/// The fixture with a2 linked to b1 (declared once, on a2) and a1 linked to c1 (a hidden role).
fn linked() -> Content {
    let mut c = fixture();
    c.duties[1].links = vec![DutyLink {
        duty: "b1".into(),
        kind: role_compare::model::LinkKind::Shared,
        note: String::new(),
        source: String::new(),
    }];
    c.duties[0].links = vec![DutyLink {
        duty: "c1".into(),
        kind: role_compare::model::LinkKind::Contested,
        note: String::new(),
        source: String::new(),
    }];
    c
}

#[test]
fn overlap_is_a_link_to_a_shown_role_either_way_and_is_counted() {
    use role_compare::filter::Overlap;
    let c = linked();
    let mut q = Query::initial(&c);
    let out = outcome(&c, &q);
    // a1's partner c1 belongs to a hidden role: a1 is unique until c shows.
    assert_eq!(out.count(&c, Facet::Overlap, "shared"), 2);
    assert_eq!(out.count(&c, Facet::Overlap, "unique"), 3);
    q.overlap = vec![Overlap::Shared];
    assert_eq!(ids(&c, &outcome(&c, &q)), ["a2", "b1"]);
    q.roles.push("c".into());
    assert_eq!(ids(&c, &outcome(&c, &q)), ["a1", "a2", "b1", "c1"]);
    q.overlap = vec![Overlap::Unique];
    assert_eq!(ids(&c, &outcome(&c, &q)), ["a3", "b2"]);
    q.overlap = vec![Overlap::Unique, Overlap::Shared];
    assert_eq!(outcome(&c, &q).shown.len(), 6, "both values: every duty");
    assert_eq!(q.active_filters(), 2);
    assert!(q.cleared().overlap.is_empty());
}

#[test]
fn the_focus_map_counts_each_role_by_focus_and_line_under_the_other_filters() {
    let c = fixture();
    let mut q = Query::initial(&c);
    q.focus = vec![Focus::External]; // the map ignores focus and line themselves
    let out = outcome(&c, &q);
    // Cells: internal-top, internal-bottom, external-top, external-bottom.
    assert_eq!(out.cells[0], [0, 2, 1, 0], "a");
    assert_eq!(out.cells[1], [0, 1, 1, 0], "b");
    assert_eq!(out.cells[2], [1, 0, 0, 0], "c, hidden, still counted");
    q.topics = vec!["data".into()];
    assert_eq!(outcome(&c, &q).cells[1], [0, 1, 1, 0]);
    assert_eq!(outcome(&c, &q).cells[0], [0, 0, 1, 0]);
}

#[test]
fn pressing_a_cell_sets_both_facets_and_pressing_it_again_clears_them() {
    let mut q = Query::default();
    q.press_cell(Focus::Internal, Line::Bottom);
    assert_eq!(
        (q.focus.clone(), q.line.clone()),
        (vec![Focus::Internal], vec![Line::Bottom])
    );
    assert!(q.is_cell(Focus::Internal, Line::Bottom));
    q.press_cell(Focus::External, Line::Top);
    assert!(q.is_cell(Focus::External, Line::Top));
    q.press_cell(Focus::External, Line::Top);
    assert!(q.focus.is_empty() && q.line.is_empty());
    // Two lines set: no cell is "the" cell, and pressing one narrows to it.
    q.focus = vec![Focus::Internal];
    q.line = vec![Line::Top, Line::Bottom];
    assert!(!q.is_cell(Focus::Internal, Line::Top));
    q.press_cell(Focus::Internal, Line::Top);
    assert!(q.is_cell(Focus::Internal, Line::Top));
}
