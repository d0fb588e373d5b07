//! The view rendered to a string natively, with Yew's server renderer: what a reader sees first,
//! and what the build-time pre-render will ship.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use role_compare::components::{Comparison, ComparisonProps, Loaded, Widget, WidgetProps};
use role_compare::content::{default_content, validate, ContentError};
use role_compare::model::SharedContent;
use yew::LocalServerRenderer;

async fn render(fragment: Option<&str>, heading_level: u8) -> String {
    let props = ComparisonProps {
        fragment: fragment.map(|f| f.to_string().into()),
        heading_level,
        ..ComparisonProps::new(SharedContent::new(default_content()))
    };
    LocalServerRenderer::<Comparison>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The duty cards the filters leave with `needle` in their start tag: a card they leave out
/// stays in the page, `hidden`.
fn shown(html: &str, needle: &str) -> usize {
    html.split("<li ")
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
        .filter(|tag| {
            tag.contains("data-duty=") && tag.contains(needle) && !tag.contains(" hidden")
        })
        .count()
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn default_view_shows_three_columns_with_every_duty() {
    let html = render(None, 2).await;
    let content = default_content();
    for role in ["cio", "cto", "cmo"] {
        assert_eq!(count(&html, &format!("data-role=\"{role}\"")), 1, "{role}");
    }
    assert_eq!(count(&html, "data-role=\"ciso\""), 0);
    let shown = content
        .duties
        .iter()
        .filter(|d| ["cio", "cto", "cmo"].contains(&d.role.as_str()))
        .count();
    assert_eq!(count(&html, "data-duty=\""), shown);
    assert!(html.contains(&format!(
        "class=\"rc-status\">{shown} of {shown} duties<span class=\"rc-status-roles\"> · CIO"
    )));
}

#[tokio::test]
async fn the_role_bar_names_the_shown_columns_in_order_for_sighted_readers_only() {
    let html = render(None, 2).await;
    let bar = &html[html
        .find("<div aria-hidden=\"true\" class=\"rc-rolebar\">")
        .expect("a role bar")..];
    let bar = &bar[..bar.find("</div>").expect("closed")];
    let names: Vec<&str> = bar
        .split("data-role-name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(names, ["cio", "cto", "cmo"]);
    assert!(bar.contains("Chief Information Officer"));
    // The columns keep their headings for screen readers and the outline.
    assert_eq!(count(&html, "<h2 class=\"rc-role-title\">"), 3);
}

#[tokio::test]
async fn every_filter_value_is_a_toggle_button_with_a_count() {
    let html = render(None, 2).await;
    for filter in [
        "focus:internal",
        "focus:external",
        "line:top",
        "line:bottom",
        "roles:cio",
        "roles:ciso",
    ] {
        let at = html
            .find(&format!("data-filter=\"{filter}\""))
            .unwrap_or_else(|| panic!("no button for {filter}"));
        let button = &html[html[..at].rfind("<button").expect("inside a button")..];
        let button = &button[..button.find("</button>").expect("closed")];
        assert!(button.contains("aria-pressed=\""), "{filter}");
        assert!(button.contains("rc-toggle-count"), "{filter}");
    }
    assert_eq!(
        count(&html, "aria-pressed=\"true\""),
        4,
        "the three default roles and the column layout"
    );
    assert!(html.contains("data-layout=\"columns\" aria-pressed=\"true\""));
    // Topics, overlap and the focus map wait behind "More filters", drawn when it opens (the
    // browser tests open it).
    assert!(html.contains("data-action=\"filters\" aria-expanded=\"false\""));
    for folded in [
        "data-filter=\"topic:",
        "data-filter=\"overlap:",
        "data-cell=\"",
    ] {
        assert_eq!(count(&html, folded), 0, "{folded}");
    }
}

#[tokio::test]
async fn the_filters_in_use_are_chips_that_remove_them() {
    let html = render(Some("focus=internal&topic=vendors&q=licen"), 2).await;
    let chips = &html[html.find("class=\"rc-chips\"").expect("chips")..];
    let chips = &chips[..chips.find("</ul>").expect("closed")];
    let removes: Vec<&str> = chips
        .split("data-remove=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(removes, ["focus:internal", "topic:vendors", "q"]);
    assert!(chips.contains("Remove the filter </span>Vendors"));
    assert!(chips.contains("\u{201c}licen\u{201d}"));
    assert!(chips.contains("data-action=\"clear\""));
    // Topics and overlap set in the folded panel count on its button.
    assert!(html.contains("data-action=\"filters\" aria-expanded=\"false\" class=\"rc-more-toggle\">More filters<span class=\"rc-toggle-count\">1<"));
    assert!(
        !render(None, 2).await.contains("rc-chips"),
        "no chips without filters"
    );
}

#[tokio::test]
async fn a_fragment_restores_the_view() {
    let html = render(Some("focus=internal&line=bottom"), 2).await;
    assert!(html.contains("data-filter=\"focus:internal\" aria-pressed=\"true\""));
    assert!(html.contains("data-filter=\"line:bottom\" aria-pressed=\"true\""));
    assert_eq!(shown(&html, "data-focus=\"external\""), 0);
    assert_eq!(shown(&html, "data-line=\"top\""), 0);
    assert!(shown(&html, "data-focus=\"internal\"") > 0);
}

#[tokio::test]
async fn a_garbage_fragment_still_shows_everything_and_says_what_was_skipped() {
    let html = render(Some("focus=sideways&topic=%E0%A4%A"), 2).await;
    assert_eq!(count(&html, "class=\"rc-column\""), 3);
    assert!(html.contains("rc-notice"));
    assert!(html.contains("sideways"));

    let anchor = render(Some("%%%garbage"), 2).await;
    assert!(!anchor.contains("rc-notice"));
    assert_eq!(anchor, render(None, 2).await);
}

#[tokio::test]
async fn the_articles_disagreement_on_the_cio_is_shown_with_sources() {
    let html = render(None, 2).await;
    let cio = &html[html.find("data-role=\"cio\"").expect("cio column")..];
    let cio = &cio[..cio.find("</details>").expect("the focus details")];
    // One line under the name, the claims on demand.
    assert!(cio.contains("<summary>Focus: disputed</summary>"));
    assert!(cio.contains("The articles disagree on its focus:"));
    assert!(cio.contains("Internal and external"));
    assert!(cio.contains("CIO vs. CMO: Who Owns What?"));
    assert!(cio.contains("CIO vs CTO"));
    let cto = &html[html.find("data-role=\"cto\"").expect("cto column")..];
    assert!(cto.contains("<summary>Focus: External</summary>"));
}

#[tokio::test]
async fn duties_carry_readable_labels_and_their_source() {
    let html = render(None, 2).await;
    let item = &html[html.find("data-duty=\"cio-").expect("a cio duty")..];
    let item = &item[..item.find("</li>").expect("closed")];
    // One line: the focus and the line in words, the citation (the source's short name); the
    // article, topics and link unfold from it, built when unfolded.
    assert!(item.contains(
        "<details class=\"rc-source\"><summary class=\"rc-duty-meta\"><span class=\"rc-label rc-label--internal\">Internal</span> <span class=\"rc-label rc-line rc-line--bottom\">Bottom<span class=\"rc-label-rest\"> line</span></span> <span class=\"rc-cite\">Marchand</span></summary></details>"
    ), "{item}");
    // Eight elements a card: the item (its start tag is before `item`), its sentence, the
    // disclosure, its summary, the focus, the line (two) and the citation.
    assert_eq!(
        item.matches('<').count() - item.matches("</").count(),
        7,
        "{item}"
    );
}

#[tokio::test]
async fn nothing_fits_says_what_to_loosen() {
    let html = render(Some("q=zzzz&focus=internal"), 2).await;
    assert!(html.contains("rc-empty"));
    assert!(html.contains("Try removing the search \"zzzz\", or the focus"));
    assert!(html.contains("0 of "));
}

#[tokio::test]
async fn heading_level_follows_the_host_outline() {
    assert_eq!(
        count(&render(None, 2).await, "<h2 class=\"rc-role-title\""),
        3
    );
    assert_eq!(
        count(&render(None, 4).await, "<h4 class=\"rc-role-title\""),
        3
    );
}

#[tokio::test]
async fn content_text_is_escaped_never_markup() {
    let mut content = default_content();
    content.duties[0].text = "<img src=x onerror=alert(1)> & more".into();
    assert_eq!(validate(&content), Ok(()));
    let props = ComparisonProps::new(SharedContent::new(content));
    let html = LocalServerRenderer::<Comparison>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; more"));
}

#[tokio::test]
async fn content_errors_render_as_a_list_inside_the_widget() {
    let props = WidgetProps::new(
        [],
        Loaded::Failed(Rc::new(vec![ContentError::new(
            "duties[3].focus",
            "unknown variant `inside`, expected `internal` or `external` (line 69, column 23)",
        )])),
        None,
    );
    let html = LocalServerRenderer::<Widget>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(
        html.contains(
            "<code>duties[3].focus: unknown variant `inside`, expected `internal` or `external` (line 69, column 23)</code>"
        ),
        "{html}"
    );
}

mod widget {
    use super::*;
    use role_compare::components::{Loaded, Widget, WidgetProps};
    use role_compare::options::parse;

    async fn render_widget(pairs: &[(&str, &str)], content: Loaded) -> String {
        let (options, option_problems) = parse(pairs.iter().copied());
        let props = WidgetProps {
            content,
            options: Rc::new(options),
            option_problems: Rc::new(option_problems),
            fragment: None,
        };
        LocalServerRenderer::<Widget>::with_props(props)
            .hydratable(false)
            .render()
            .await
    }

    fn ready() -> Loaded {
        Loaded::Ready(SharedContent::new(default_content()))
    }

    #[tokio::test]
    async fn chosen_roles_show_in_the_chosen_order_and_nothing_else() {
        let html = render_widget(&[("roles", "cmo,cio")], ready()).await;
        let cmo = html.find("data-role=\"cmo\"").expect("cmo");
        let cio = html.find("data-role=\"cio\"").expect("cio");
        assert!(cmo < cio, "cmo column first");
        assert_eq!(count(&html, "data-role=\""), 2);
        assert_eq!(count(&html, "data-filter=\"roles:"), 2);
        assert!(!html.contains("data-filter=\"roles:cto\""));
    }

    #[tokio::test]
    async fn theme_compact_and_initial_filters_apply() {
        let html = render_widget(
            &[("theme", "dark"), ("compact", ""), ("focus", "external")],
            ready(),
        )
        .await;
        assert!(html.starts_with("<div data-theme=\"dark\" class=\"rc rc--compact\">"));
        assert!(html.contains("data-filter=\"focus:external\" aria-pressed=\"true\""));
        assert_eq!(shown(&html, "data-focus=\"internal\""), 0);
    }

    #[tokio::test]
    async fn facets_option_hides_controls_but_keeps_their_filters() {
        let html = render_widget(&[("facets", "focus"), ("line", "top")], ready()).await;
        assert!(html.contains("data-filter=\"focus:internal\""));
        assert!(!html.contains("data-filter=\"line:"));
        assert!(!html.contains("data-filter=\"topic:"));
        assert!(!html.contains("type=\"search\""));
        assert_eq!(shown(&html, "data-line=\"bottom\""), 0);
    }

    #[tokio::test]
    async fn a_single_role_has_no_role_toggle() {
        let html = render_widget(&[("roles", "cto")], ready()).await;
        assert!(!html.contains("data-filter=\"roles:"));
        assert_eq!(count(&html, "data-role=\""), 1);
    }

    #[tokio::test]
    async fn bad_options_show_a_notice_and_the_widget_still_works() {
        let html = render_widget(&[("colour", "red"), ("roles", "cio,cfo")], ready()).await;
        let notice = &html[html.find("rc-notice").expect("a notice")..];
        assert!(notice.contains("data-colour: unknown option"));
        assert!(notice.contains("data-roles: \"cfo\" is not one of"));
        assert_eq!(count(&html, "data-role=\"cio\""), 1);
    }

    #[tokio::test]
    async fn failed_content_shows_its_errors_inside_the_widget_root() {
        let errors =
            role_compare::content::parse_content("{\"version\": 1,").expect_err("truncated JSON");
        let html = render_widget(&[], Loaded::Failed(Rc::new(errors))).await;
        assert!(html.starts_with("<div data-theme=\"auto\" class=\"rc\">"));
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains("invalid JSON at line 1"));
        assert!(!html.contains("data-role=\""));
    }

    #[tokio::test]
    async fn custom_content_renders_its_own_roles_and_duties() {
        let json = std::fs::read_to_string("tests/fixtures/custom-valid.json").expect("fixture");
        let content = role_compare::content::parse_content(&json).expect("valid");
        let first_duty = content.duties[0].id.clone();
        let roles: Vec<String> = content.roles.iter().map(|r| r.id.clone()).collect();
        let html = render_widget(&[], Loaded::Ready(SharedContent::new(content))).await;
        for role in roles {
            assert!(html.contains(&format!("data-role=\"{role}\"")), "{role}");
        }
        assert!(html.contains(&format!("data-duty=\"{first_duty}\"")));
    }
}

mod prerender {
    use role_compare::prerender::{hydration_key, insert, wrap, wrap_hydratable};

    const PAGE: &str = "<main><div id=\"x\" data-host><p>Loading…</p></div><p>after</p></main>";

    #[test]
    fn the_view_replaces_the_placeholder_and_a_second_run_replaces_the_first() {
        let once = insert(PAGE, "data-host>", &wrap("<div class=\"rc\">one</div>")).expect("once");
        assert_eq!(
            once,
            "<main><div id=\"x\" data-host><!--rc-prerendered--><div class=\"rc-mount\" data-prerendered><div class=\"rc\">one</div></div><!--/rc-prerendered--></div><p>after</p></main>"
        );
        let twice =
            insert(&once, "data-host>", &wrap("<div class=\"rc\">two</div>")).expect("twice");
        assert_eq!(twice, once.replace("one", "two"));
    }

    #[test]
    fn a_hydratable_view_carries_its_options_and_no_component_names() {
        let html = "<!--<[role_compare::components::widget::Widget]>--><div class=\"rc\"><!--<[a::B]>-->x<!--</[a::B]>--></div><!--</[role_compare::components::widget::Widget]>--><!-- a comment -->";
        assert_eq!(
            wrap_hydratable(html, "url-state="),
            "<!--rc-prerendered--><div class=\"rc-mount\" data-prerendered data-rc-hydrate=\"url-state=\" data-rc-shape=\"1\"><!--<[]>--><div class=\"rc\"><!--<[]>-->x<!--</[]>--></div><!--</[]>--><!-- a comment --></div><!--/rc-prerendered-->"
        );
    }

    #[test]
    fn the_hydration_key_names_the_options_in_any_order_and_escapes_what_could_mislead() {
        let version = env!("CARGO_PKG_VERSION");
        assert_eq!(hydration_key([]), format!("{version} "));
        assert_eq!(
            hydration_key([("url-state", "")]),
            format!("{version} url-state=")
        );
        assert_eq!(
            hydration_key([("roles", "cio,cmo"), ("focus", "external")]),
            hydration_key([("focus", "external"), ("roles", "cio,cmo")]),
        );
        assert_eq!(
            hydration_key([("q", "a&b=c \"<x>\"")]),
            format!("{version} q=a%26b%3Dc%20%22%3Cx%3E%22")
        );
        assert_ne!(
            hydration_key([("roles", "a&b")]),
            hydration_key([("roles", "a"), ("b", "")])
        );
        // Sorted by name, pairs of one name in the order given.
        assert_eq!(
            hydration_key([("z", ""), ("q", "2"), ("b", ""), ("q", "1"), ("a", "")]),
            format!("{version} a=&b=&q=2&q=1&z=")
        );
    }

    #[test]
    fn a_page_with_two_hosts_gets_a_view_in_each_and_a_second_run_replaces_both() {
        const TWO: &str = "<div data-a></div><p>between</p><div data-b><p>Loading</p></div>";
        let run = |page: &str, a: &str, b: &str| {
            let page = insert(page, "data-a>", &wrap(a)).expect("a");
            insert(&page, "data-b>", &wrap(b)).expect("b")
        };
        let once = run(TWO, "one", "two");
        assert_eq!(
            once,
            [
                "<div data-a>",
                &wrap("one"),
                "</div><p>between</p><div data-b>",
                &wrap("two"),
                "</div>"
            ]
            .concat()
        );
        assert_eq!(run(&once, "three", "four"), run(TWO, "three", "four"));
    }

    #[test]
    fn a_page_without_its_host_element_is_an_error() {
        assert!(insert(PAGE, "data-other>", "view").is_err());
        assert!(insert("<div data-host><div data-host></div>", "data-host>", "v").is_err());
    }
}

#[tokio::test]
async fn a_long_column_lists_its_first_hundred_duties_and_offers_the_rest() {
    use role_compare::components::{RoleColumn, RoleColumnProps, DUTIES_PER_PAGE};
    let mut content = default_content();
    let template = content.duties[0].clone();
    content.duties = (0..250)
        .map(|i| {
            let mut duty = template.clone();
            duty.id = format!("cio-{i}");
            duty
        })
        .collect();
    let content = SharedContent::new(content);
    let index = role_compare::filter::SearchIndex::new(&content);
    let column = |query: &str| {
        let query = role_compare::url_state::read(
            query,
            &content,
            &role_compare::filter::Query::initial(&content),
        )
        .query;
        let props = RoleColumnProps {
            role: 0,
            outcome: Rc::new(role_compare::filter::run(&content, &index, &query)),
            heading_level: 2,
            content: content.clone(),
            current: None,
        };
        LocalServerRenderer::<RoleColumn>::with_props(props)
            .hydratable(false)
            .render()
    };
    let html = column("").await;
    assert_eq!(html.matches("data-duty=").count(), DUTIES_PER_PAGE);
    assert!(html.contains(">250 duties<"), "the count is of all");
    assert!(
        html.contains(">Show 100 more CIO duties (150 not listed yet)<span class=\"rc-more-fit\"></span></button>"),
        "{}",
        &html[html.len().saturating_sub(400)..]
    );
    // A filter shows and hides the cards listed, and lists no others: a reader asks for more.
    let html = column("q=zzzz").await;
    assert_eq!(html.matches("data-duty=").count(), DUTIES_PER_PAGE);
    assert_eq!(
        html.matches(" hidden").count() - 1,
        DUTIES_PER_PAGE,
        "every card hidden, the \"All\" button too"
    );
    assert!(html.contains(">0 of 250 duties<"));
    assert!(html.contains("(none of them fits the filters)</span>"));
}

#[tokio::test]
async fn the_topic_layout_the_focus_map_and_the_perspectives_render_natively() {
    let content = default_content();
    let shown = content
        .duties
        .iter()
        .filter(|d| ["cio", "cto", "cmo"].contains(&d.role.as_str()))
        .count();
    let html = render(Some("layout=topics&focus=internal&line=bottom"), 3).await;
    assert!(html.contains("data-layout=\"topics\" aria-pressed=\"true\""));
    assert!(html.contains("data-filter=\"focus:internal\" aria-pressed=\"true\""));
    assert!(html.contains("data-filter=\"line:bottom\" aria-pressed=\"true\""));
    assert!(count(&html, "data-topic-row=\"") > 1);
    assert!(html.contains("<h3 class=\"rc-topic-title\">"));
    assert!(
        count(&html, "data-duty=\"") < shown,
        "the map's cell filters"
    );
    assert!(html.contains("data-perspective=\"figures\""));
    assert_eq!(count(&html, "class=\"rc-columns\""), 0);

    let duty = &content.duties[5].id;
    let html = render(Some(&format!("duty={duty}")), 2).await;
    assert_eq!(count(&html, "aria-current=\"true\""), 1);
    assert!(html.contains(&format!("data-duty=\"{duty}\"")));
}
