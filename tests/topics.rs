//! The topic layout's arrangement (`topics::arrange`), natively, on the built-in content and on
//! small hand-made cases.

use role_compare::content::default_content;
use role_compare::filter::{run, Layout, Overlap, Query, SearchIndex};
use role_compare::model::Content;
use role_compare::topics::{arrange, TopicRow};

fn layout(content: &Content, query: &Query) -> (Vec<TopicRow>, Vec<usize>) {
    let index = SearchIndex::new(content);
    let outcome = run(content, &index, query);
    let roles: Vec<usize> = content
        .roles
        .iter()
        .enumerate()
        .filter(|(_, r)| query.roles.contains(&r.id))
        .map(|(i, _)| i)
        .collect();
    (
        arrange(content, &index, &outcome, query, &roles),
        outcome.shown,
    )
}

fn placed(rows: &[TopicRow]) -> Vec<usize> {
    let mut all: Vec<usize> = rows
        .iter()
        .flat_map(|r| r.bands.iter())
        .flat_map(|b| b.cells.iter().flatten().copied())
        .collect();
    all.sort_unstable();
    all
}

#[test]
fn every_shown_duty_sits_once_in_its_roles_column_and_rows_follow_the_topic_order() {
    let content = default_content();
    for roles in [vec!["cio", "cto", "cmo"], vec!["cio", "ciso"], vec!["coo"]] {
        let query = Query {
            roles: roles.iter().map(|r| r.to_string()).collect(),
            layout: Layout::Topics,
            ..Query::default()
        };
        let (rows, mut shown) = layout(&content, &query);
        shown.sort_unstable();
        assert_eq!(placed(&rows), shown, "{roles:?}");
        assert!(rows.windows(2).all(|w| w[0].topic < w[1].topic));
        for row in &rows {
            assert!(!row.bands.is_empty());
            for band in &row.bands {
                assert_eq!(band.cells.len(), roles.len());
                for (cell, role) in band.cells.iter().zip(&roles) {
                    assert!(cell.iter().all(|&d| content.duties[d].role == *role));
                }
                if !band.is_linked() {
                    let topic = &content.topics[row.topic].id;
                    for &d in band.cells.iter().flatten() {
                        assert!(content.duties[d].topics.contains(topic));
                    }
                }
            }
            // Linked bands first, then at most one band of the topic's other duties.
            let unlinked = row.bands.iter().filter(|b| !b.is_linked()).count();
            assert!(unlinked <= 1);
            assert!(row.bands.last().is_some_and(|b| b.is_linked()) || unlinked == 1);
        }
    }
}

#[test]
fn linked_duties_share_a_band_and_a_band_sits_in_the_topic_most_of_it_has() {
    let content = default_content();
    let query = Query {
        roles: vec!["cio".into(), "cto".into(), "cmo".into()],
        ..Query::default()
    };
    let (rows, _) = layout(&content, &query);
    let bands: Vec<(usize, &role_compare::topics::Band)> = rows
        .iter()
        .flat_map(|r| r.bands.iter().map(move |b| (r.topic, b)))
        .filter(|(_, b)| b.is_linked())
        .collect();
    assert!(!bands.is_empty());
    for (topic, band) in bands {
        let members: Vec<usize> = band.cells.iter().flatten().copied().collect();
        assert!(members.len() >= 2);
        for &(d, l) in &band.links {
            let other = &content.duties[d].links[l].duty;
            assert!(members.iter().any(|&m| content.duties[m].id == *other));
        }
        let has = |t: usize| {
            members
                .iter()
                .filter(|&&m| content.duties[m].topics.contains(&content.topics[t].id))
                .count()
        };
        let most = (0..content.topics.len()).map(has).max().unwrap_or(0);
        assert_eq!(has(topic), most, "the band sits where most of it belongs");
    }
}

#[test]
fn a_topic_filter_puts_each_duty_in_a_row_it_asks_for_and_shared_only_leaves_bands() {
    let content = default_content();
    let query = Query {
        roles: vec!["cio".into(), "cto".into(), "cmo".into()],
        topics: vec!["vendors".into(), "marketing".into()],
        ..Query::default()
    };
    let (rows, _) = layout(&content, &query);
    for row in &rows {
        assert!(query.topics.contains(&content.topics[row.topic].id));
    }
    let shared = Query {
        overlap: vec![Overlap::Shared],
        ..query
    };
    let (rows, shown) = layout(&content, &shared);
    assert!(!shown.is_empty());
    // Shared means linked to a duty of a shown role; when the topic filter hides that partner,
    // the duty sits with its topic's other duties rather than in a band of one.
    for band in rows.iter().flat_map(|r| &r.bands) {
        let members: Vec<usize> = band.cells.iter().flatten().copied().collect();
        if band.is_linked() {
            assert!(members.len() >= 2);
        }
    }
    let no_topic = Query {
        topics: Vec::new(),
        ..shared
    };
    let (rows, _) = layout(&content, &no_topic);
    assert!(
        rows.iter().flat_map(|r| &r.bands).all(|b| b.is_linked()),
        "with only the overlap filter, every shared duty is in a band"
    );
}

#[test]
fn nothing_shown_is_no_rows() {
    let content = default_content();
    let query = Query {
        roles: vec!["cio".into()],
        text: "zzzz-no-such-word".into(),
        ..Query::default()
    };
    assert!(layout(&content, &query).0.is_empty());
}
