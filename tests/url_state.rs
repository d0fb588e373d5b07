//! The query survives a trip through the URL fragment; garbage is skipped, never fatal.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::content::default_content;
use role_compare::filter::Query;
use role_compare::model::{Focus, Line};
use role_compare::url_state::{decode, encode, is_ours, read, write, MAX_TEXT_LEN};

fn base() -> Query {
    Query::initial(&default_content())
}

#[test]
fn the_starting_query_writes_no_fragment() {
    assert_eq!(write(&base(), &base()), "");
}

#[test]
fn a_query_round_trips() {
    let content = default_content();
    let mut q = base();
    q.focus = vec![Focus::Internal];
    q.line = vec![Line::Bottom, Line::Top];
    q.topics = vec!["vendors".into(), "data".into()];
    q.text = "Vendor & sécurité, 100%".into();
    q.roles = vec!["cio".into(), "ciso".into()];
    let fragment = write(&q, &base());
    assert_eq!(
        fragment,
        "roles=cio,ciso&focus=internal&line=bottom,top&topic=vendors,data\
         &q=Vendor%20%26%20s%C3%A9curit%C3%A9%2C%20100%25"
    );
    let back = read(&fragment, &content, &base());
    assert_eq!(back.query, q);
    assert!(back.problems.is_empty());
    // With the leading '#', as location.hash gives it.
    assert_eq!(read(&["#", &fragment].concat(), &content, &base()).query, q);
}

#[test]
fn the_issue_example_reads() {
    let read = read(
        "#focus=internal&line=bottom&q=vendor",
        &default_content(),
        &base(),
    );
    assert_eq!(read.query.focus, [Focus::Internal]);
    assert_eq!(read.query.line, [Line::Bottom]);
    assert_eq!(read.query.text, "vendor");
    assert_eq!(read.query.roles, base().roles);
}

#[test]
fn hiding_every_role_round_trips() {
    let mut q = base();
    q.roles.clear();
    let fragment = write(&q, &base());
    assert_eq!(fragment, "roles=");
    assert_eq!(read(&fragment, &default_content(), &base()).query, q);
}

#[test]
fn role_order_alone_is_no_change() {
    let mut q = base();
    q.roles.reverse();
    assert_eq!(write(&q, &base()), "");
}

#[test]
fn unknown_values_are_skipped_and_reported() {
    let read = read(
        "focus=sideways,internal&topic=gardening&roles=cio,cfo",
        &default_content(),
        &base(),
    );
    assert_eq!(read.query.focus, [Focus::Internal]);
    assert!(read.query.topics.is_empty());
    assert_eq!(read.query.roles, ["cio"]);
    assert_eq!(read.problems.len(), 3);
    assert!(read.problems[0].starts_with("focus: \"sideways\" is not one of internal, external"));
    assert!(read.problems[1].starts_with("topic: \"gardening\" is not one of security,"));
    assert!(read.problems[2].starts_with("roles: \"cfo\" is not one of cio, cto, cmo"));
}

#[test]
fn fragments_that_are_not_ours_are_left_alone_silently() {
    let content = default_content();
    for fragment in [
        "",
        "#",
        "#section-2",
        "#%%%garbage",
        "#!/path",
        "#a=b&c=d",
        "#=&=&&",
    ] {
        assert!(!is_ours(fragment), "{fragment}");
        let read = read(fragment, &content, &base());
        assert_eq!(read.query, base(), "{fragment}");
        assert!(read.problems.is_empty(), "{fragment}");
    }
}

#[test]
fn garbage_inside_our_keys_never_panics() {
    let content = default_content();
    let nasty = [
        "q=%",
        "q=%E0%A4%A",
        "q=%FF%FE",
        "focus=internal&topic=%E0%A4%A",
        "focus=,,,&line=&topic=",
        "q=%00%01\u{0}",
        "focus=internal&focus=external",
        "q==&focus==internal",
        "roles=%2C%2C",
    ];
    for fragment in nasty {
        let read = read(fragment, &content, &base());
        assert!(!read.query.text.contains('\u{0}') || fragment.contains("%00"));
        let _ = write(&read.query, &base());
    }
    // The later of two repeated keys wins.
    let twice = read("focus=internal&focus=external", &content, &base());
    assert_eq!(twice.query.focus, [Focus::External]);
}

#[test]
fn long_input_is_bounded() {
    let content = default_content();
    let long_text = ["q=", &"x".repeat(1500)].concat();
    let read_text = read(&long_text, &content, &base());
    assert_eq!(read_text.query.text.chars().count(), MAX_TEXT_LEN);

    let too_long = ["focus=internal&q=", &"x".repeat(5000)].concat();
    let read_long = read(&too_long, &content, &base());
    assert_eq!(read_long.query, base());
    assert_eq!(
        read_long.problems,
        ["the link's filter part is too long and was ignored"]
    );
}

#[test]
fn absent_keys_keep_the_base() {
    let content = default_content();
    let mut base = base();
    base.focus = vec![Focus::External];
    base.roles = vec!["cio".into(), "cmo".into()];
    let read = read("line=top", &content, &base);
    assert_eq!(read.query.focus, [Focus::External]);
    assert_eq!(read.query.roles, ["cio", "cmo"]);
    assert_eq!(read.query.line, [Line::Top]);
    // And clearing a base filter is written explicitly.
    let mut cleared = base.clone();
    cleared.focus.clear();
    assert_eq!(write(&cleared, &base), "focus=");
}

#[test]
fn percent_coding_round_trips_any_text() {
    for text in [
        "plain",
        "a b",
        "100% & more",
        "ümlaut ✓ 漢字",
        "+plus+",
        "#hash?q=1",
    ] {
        assert_eq!(decode(&encode(text)), text);
    }
    assert_eq!(decode("a+b"), "a b");
    assert_eq!(decode("%zz%4"), "%zz%4");
    assert_eq!(decode("%C3"), "\u{fffd}");
}

#[test]
fn a_facet_with_nothing_usable_left_falls_back_to_its_default() {
    let content = default_content();
    // The issue's case: no known role at all would leave an empty widget.
    let all_bad = read("#roles=nope", &content, &base());
    assert_eq!(all_bad.query.roles, base().roles);
    assert_eq!(all_bad.problems.len(), 2, "{:?}", all_bad.problems);
    assert!(all_bad.problems[0].starts_with("roles: \"nope\" is not one of cio,"));
    assert_eq!(
        all_bad.problems[1],
        "roles: nothing usable in the link, so the default shows: cio, cto, cmo"
    );
    // One known role among unknown ones is usable: it is kept, alone.
    let partly = read("roles=nope,cmo", &content, &base());
    assert_eq!(partly.query.roles, ["cmo"]);
    assert_eq!(partly.problems.len(), 1);
    // An explicit empty value is a choice the widget itself writes, not garbage: kept.
    assert!(read("roles=", &content, &base()).query.roles.is_empty());
}

#[test]
fn the_fallback_is_the_widgets_own_default_not_the_global_one() {
    let content = default_content();
    let mut own = base();
    own.focus = vec![Focus::External];
    own.roles = vec!["cio".into(), "cmo".into()];
    let got = read("focus=sideways&roles=cfo,ceo&line=top", &content, &own);
    assert_eq!(got.query.focus, [Focus::External]);
    assert_eq!(got.query.roles, ["cio", "cmo"]);
    assert_eq!(got.query.line, [Line::Top]);
    assert!(got
        .problems
        .contains(&"focus: nothing usable in the link, so the default shows: external".into()));
    assert!(got
        .problems
        .contains(&"roles: nothing usable in the link, so the default shows: cio, cmo".into()));
    // A facet whose default is "no filter" needs no second line: no filter is what shows.
    let plain = read("focus=sideways", &content, &base());
    assert!(plain.query.focus.is_empty());
    assert_eq!(plain.problems.len(), 1);
}

#[test]
fn layout_overlap_and_a_duty_round_trip_and_bad_values_are_named() {
    use role_compare::filter::{Layout, Overlap};
    let content = default_content();
    let duty = content.duties[0].id.clone();
    let mut q = base();
    q.overlap = vec![Overlap::Shared];
    q.layout = Layout::Topics;
    q.duty = Some(duty.clone());
    let fragment = write(&q, &base());
    assert_eq!(
        fragment,
        format!("overlap=shared&layout=topics&duty={duty}")
    );
    let back = read(&fragment, &content, &base());
    assert_eq!(back.query, q);
    assert!(back.problems.is_empty());
    assert!(is_ours("layout=topics") && is_ours("duty=x"));

    let bad = read("layout=grid&overlap=some&duty=nope", &content, &base());
    assert_eq!(bad.query, base());
    assert_eq!(
        bad.problems,
        [
            "layout: \"grid\" is not one of columns, topics",
            "overlap: \"some\" is not one of shared, unique",
            "duty: no duty has the id \"nope\"",
        ]
    );
}

#[test]
fn a_duty_link_shows_its_role_and_clears_filters_that_hide_it() {
    let content = default_content();
    let hidden = content
        .duties
        .iter()
        .find(|d| d.role == "ciso" && d.focus == Focus::Internal)
        .expect("an internal CISO duty");
    let read_back = read(
        &format!("focus=external&duty={}", hidden.id),
        &content,
        &base(),
    );
    assert!(read_back.query.roles.contains(&"ciso".to_string()));
    assert!(
        read_back.query.focus.is_empty(),
        "the filter that hid it is gone"
    );
    assert_eq!(read_back.query.duty.as_deref(), Some(hidden.id.as_str()));
    assert_eq!(read_back.problems.len(), 1, "{:?}", read_back.problems);

    // A filter that keeps it stays.
    let kept = read(
        &format!("focus=internal&duty={}", hidden.id),
        &content,
        &base(),
    );
    assert_eq!(kept.query.focus, [Focus::Internal]);
    assert!(kept.problems.is_empty());
}
