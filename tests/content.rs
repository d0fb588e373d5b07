//! The default content is valid and complete; broken content yields errors an author can act on.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::content::{default_content, validate, ContentError};
use role_compare::model::{Content, DutyLink, Focus, Line, LinkKind};

#[test]
fn default_content_is_valid() {
    let content = default_content();
    assert_eq!(validate(&content), Ok(()));
}

#[test]
fn default_roles_are_cio_cto_cmo_with_ciso_and_coo_optional() {
    let content = default_content();
    assert_eq!(content.default_roles(), ["cio", "cto", "cmo"]);
    for optional in ["ciso", "coo"] {
        let role = content.role(optional).expect("optional role exists");
        assert!(!role.shown_by_default, "{optional} is off by default");
    }
}

#[test]
fn each_default_role_has_at_least_eight_duties_looking_both_ways() {
    let content = default_content();
    for role in content.default_roles() {
        let duties: Vec<_> = content.duties.iter().filter(|d| d.role == role).collect();
        assert!(duties.len() >= 8, "{role} has {} duties", duties.len());
        for focus in Focus::ALL {
            assert!(
                duties.iter().any(|d| d.focus == focus),
                "{role} lacks {focus:?}"
            );
        }
    }
    for line in Line::ALL {
        assert!(
            content.duties.iter().any(|d| d.line == line),
            "no duty serves the {line:?} line"
        );
    }
}

/// Article 004 says CTOs focus on the top line, and no article ties a CTO duty to cost: the
/// CTO column has no bottom-line duty (a mix for its own sake would contradict the sources).
#[test]
fn no_cto_duty_is_labelled_bottom_line() {
    let content = default_content();
    let bottom: Vec<_> = content
        .duties
        .iter()
        .filter(|d| d.role == "cto" && d.line == Line::Bottom)
        .map(|d| d.id.as_str())
        .collect();
    assert!(bottom.is_empty(), "bottom-line CTO duties: {bottom:?}");
}

#[test]
fn every_article_is_cited_and_every_topic_used() {
    let content = default_content();
    assert_eq!(content.sources.len(), 5);
    for source in &content.sources {
        assert!(
            content.duties.iter().any(|d| d.source == source.id),
            "no duty cites {}",
            source.id
        );
    }
    for topic in &content.topics {
        assert!(
            content.duties.iter().any(|d| d.topics.contains(&topic.id)),
            "no duty has topic {}",
            topic.id
        );
    }
}

/// Article 000 says the CIO looks inward and outward; 003 and 004 say inward. Both must show.
#[test]
fn the_cio_focus_disagreement_is_kept_with_its_sources() {
    let content = default_content();
    let cio = content.role("cio").expect("cio");
    let both = cio
        .focus_claims
        .iter()
        .find(|c| c.source == "cio-vs-cmo")
        .expect("claim of article 000");
    assert_eq!(both.focus, [Focus::Internal, Focus::External]);
    for source in ["cio-vs-cto-marchand", "cio-vs-cto-itops"] {
        let claim = cio
            .focus_claims
            .iter()
            .find(|c| c.source == source)
            .expect("claim");
        assert_eq!(claim.focus, [Focus::Internal], "{source}");
    }
}

#[test]
fn duty_texts_are_short_single_sentences() {
    for duty in default_content().duties {
        assert!(duty.text.len() <= 140, "{} is long: {}", duty.id, duty.text);
        assert!(
            duty.text.ends_with('.'),
            "{} does not end with a full stop",
            duty.id
        );
    }
}

/// A fixture with one of each problem an author could make.
fn broken() -> Content {
    let mut content = default_content();
    content.duties[0].role = "cfo".into();
    content.duties[1].id = content.duties[2].id.clone();
    content.duties[3].topics = vec!["security".into(), "gardening".into()];
    content.duties[4].source = "nowhere".into();
    content.duties[5].text = "   ".into();
    content.duties[6].id = "Bad Id".into();
    // A later duty of the role of duties[7], wherever the built-in content puts one.
    let role = content.duties[7].role.clone();
    let same_role = content.duties[8..]
        .iter()
        .find(|d| d.role == role)
        .expect("a second duty of that role")
        .id
        .clone();
    content.duties[7].links = vec![
        DutyLink {
            duty: "ghost".into(),
            kind: LinkKind::Shared,
            note: String::new(),
            source: String::new(),
        },
        DutyLink {
            duty: same_role,
            kind: LinkKind::Contested,
            note: String::new(),
            source: "nowhere-either".into(),
        },
    ];
    content
}

#[test]
fn broken_content_is_reported_field_by_field() {
    let errors = validate(&broken()).expect_err("broken content is rejected");
    let described: Vec<String> = errors.iter().map(ContentError::describe).collect();
    let expect = [
        "duties[0].role: no role has the id \"cfo\"; known: cio, cto, cmo, ciso, coo",
        "duties[2].id: duplicate id \"",
        "duties[3].topics[1]: no topic has the id \"gardening\"; known: security,",
        "duties[4].source: no source has the id \"nowhere\"; known: cio-vs-cmo,",
        "duties[5].text: must not be empty",
        "duties[6].id: \"Bad Id\" is not a valid id: use 1 to 64 lowercase letters, digits or hyphens",
        "duties[7].links[0].duty: no duty has the id \"ghost\"",
        "duties[7].links[1].duty: links join duties of different roles; this one has the same role",
    ];
    for prefix in expect {
        assert!(
            described.iter().any(|d| d.starts_with(prefix)),
            "missing {prefix:?} in {described:#?}"
        );
    }
}

#[test]
fn a_role_without_duties_and_empty_content_are_errors() {
    let mut content = default_content();
    content.duties.retain(|d| d.role != "coo");
    let errors = validate(&content).expect_err("coo has no duties");
    assert_eq!(errors[0].describe(), "roles[4]: role \"coo\" has no duties");

    let errors = validate(&Content::default()).expect_err("empty");
    let described: Vec<String> = errors.iter().map(ContentError::describe).collect();
    assert_eq!(
        described,
        [
            "roles: there must be at least one role",
            "duties: there must be at least one duty"
        ]
    );
}

#[test]
fn reports_are_capped_so_the_first_problems_stay_visible() {
    let mut content = default_content();
    for duty in &mut content.duties {
        duty.source = "nowhere".into();
    }
    let errors = validate(&content).expect_err("every duty is broken");
    assert_eq!(errors.len(), role_compare::content::MAX_REPORTED_ERRORS);
    assert!(errors[0].path.starts_with("duties[0]"));
}
