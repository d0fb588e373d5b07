//! Reader actions on the widget state, and how each is recorded in the URL.
#![cfg(not(target_arch = "wasm32"))]

use role_compare::content::default_content;
use role_compare::filter::{Facet, Query};
use role_compare::model::{Focus, SharedContent};
use role_compare::state::{Action, Record, State};

fn start() -> State {
    let content = SharedContent::new(default_content());
    let query = Query::initial(&content);
    State::new(content, query, vec!["old problem".into()])
}

#[test]
fn a_toggle_is_a_new_history_entry() {
    let next = start()
        .apply(Action::Toggle(Facet::Focus, "internal".into()))
        .expect("changes");
    assert_eq!(next.query.focus, [Focus::Internal]);
    assert_eq!(next.record, Record::Push);
}

#[test]
fn a_search_is_one_history_entry_however_long_the_typing() {
    let first = start().apply(Action::SetText("v".into())).expect("changes");
    assert_eq!(first.record, Record::Push);
    let more = first
        .apply(Action::SetText("vendor".into()))
        .expect("changes");
    assert_eq!(more.query.text, "vendor");
    assert_eq!(more.record, Record::Replace);
}

#[test]
fn unknown_values_and_no_ops_change_nothing() {
    let state = start();
    assert_eq!(
        state.apply(Action::Toggle(Facet::Focus, "sideways".into())),
        None
    );
    assert_eq!(state.apply(Action::SetText(String::new())), None);
    assert_eq!(state.apply(Action::ClearFilters), None);
}

#[test]
fn clear_filters_keeps_roles() {
    let state = start()
        .apply(Action::Toggle(Facet::Role, "ciso".into()))
        .and_then(|s| s.apply(Action::Toggle(Facet::Line, "top".into())))
        .and_then(|s| s.apply(Action::SetText("data".into())))
        .expect("changes");
    let cleared = state.apply(Action::ClearFilters).expect("changes");
    assert!(!cleared.query.has_filters());
    assert!(cleared.query.roles.contains(&"ciso".to_string()));
    assert_eq!(cleared.record, Record::Push);
}

#[test]
fn restoring_from_the_url_is_not_written_back() {
    let state = start();
    let mut query = state.query.clone();
    query.focus = vec![Focus::External];
    let next = state
        .apply(Action::Restore(query.clone(), vec![]))
        .expect("changes");
    assert_eq!(next.query, query);
    assert_eq!(next.record, Record::Nothing);
    assert!(next.url_problems.is_empty());
}

#[test]
fn acting_dismisses_the_notice_about_the_link() {
    let state = start();
    assert_eq!(state.url_problems, ["old problem"]);
    let next = state
        .apply(Action::Toggle(Facet::Line, "top".into()))
        .expect("changes");
    assert!(next.url_problems.is_empty());
}

#[test]
fn a_map_cell_a_layout_and_a_duty_link_are_history_entries() {
    use role_compare::filter::Layout;
    use role_compare::model::Line;
    let s = start();
    let cell = s
        .apply(Action::PressCell(Focus::Internal, Line::Bottom))
        .expect("changes");
    assert_eq!(cell.record, Record::Push);
    assert!(cell.query.is_cell(Focus::Internal, Line::Bottom));
    let again = cell
        .apply(Action::PressCell(Focus::Internal, Line::Bottom))
        .expect("clears");
    assert!(again.query.focus.is_empty() && again.query.line.is_empty());

    let topics = s.apply(Action::SetLayout(Layout::Topics)).expect("changes");
    assert_eq!(topics.query.layout, Layout::Topics);
    assert!(topics.apply(Action::SetLayout(Layout::Topics)).is_none());
    let cleared = topics
        .apply(Action::Toggle(Facet::Focus, "internal".into()))
        .and_then(|s| s.apply(Action::ClearFilters))
        .expect("changes");
    assert_eq!(
        cleared.query.layout,
        Layout::Topics,
        "clearing keeps the layout"
    );

    let id = s.content.duties[3].id.clone();
    let marked = s.apply(Action::MarkDuty(id.clone())).expect("changes");
    assert_eq!(marked.query.duty, Some(id));
    assert!(s.apply(Action::MarkDuty("no-such-duty".into())).is_none());

    // The mark stays with a layout switch and goes with the next filter change.
    let switched = marked
        .apply(Action::SetLayout(Layout::Topics))
        .expect("changes");
    assert!(switched.query.duty.is_some());
    let filtered = switched
        .apply(Action::Toggle(Facet::Focus, "internal".into()))
        .expect("changes");
    assert_eq!(filtered.query.duty, None);
}

#[test]
fn the_view_follows_a_tap_once_its_frame_is_painted() {
    let state = start();
    assert_eq!(
        state.shown, state.query,
        "a new widget shows what it starts from"
    );
    assert_eq!(state.apply(Action::Painted), None, "nothing to follow");
    let first = state
        .apply(Action::Toggle(Facet::Focus, "internal".into()))
        .expect("changes");
    // The toolbar shows the tap at once; the view still shows the query before it.
    assert_eq!(first.query.focus, [Focus::Internal]);
    assert_eq!(first.shown, state.query);
    // A second tap before the paint: the view still waits, and then follows the last one.
    let second = first
        .apply(Action::Toggle(Facet::Line, "top".into()))
        .expect("changes");
    assert_eq!(second.shown, state.query);
    let painted = second.apply(Action::Painted).expect("the view follows");
    assert_eq!(painted.shown, second.query);
    // Only the view moves: the link and the notice stay as the tap left them.
    assert_eq!(painted.query, second.query);
    assert_eq!(painted.record, second.record);
    assert_eq!(painted.url_problems, second.url_problems);
    assert_eq!(painted.apply(Action::Painted), None);
}

#[test]
fn back_and_forward_are_followed_after_the_paint_too() {
    let state = start();
    let mut query = state.query.clone();
    query.focus = vec![Focus::External];
    let restored = state
        .apply(Action::Restore(query.clone(), vec!["a problem".into()]))
        .expect("changes");
    assert_eq!(restored.shown, state.query);
    let painted = restored.apply(Action::Painted).expect("follows");
    assert_eq!(painted.shown, query);
    assert_eq!(painted.url_problems, ["a problem"]);
    assert_eq!(painted.record, Record::Nothing);
}

#[test]
fn with_a_mouse_the_view_follows_in_the_same_render() {
    let state = State {
        at_once: true,
        ..start()
    };
    let tapped = state
        .apply(Action::Toggle(Facet::Focus, "internal".into()))
        .expect("changes");
    assert_eq!(tapped.query.focus, [Focus::Internal]);
    assert_eq!(tapped.shown, tapped.query, "no second render to wait for");
    assert_eq!(
        tapped.apply(Action::Painted),
        None,
        "the paint changes nothing"
    );
    let mut query = state.query.clone();
    query.focus = vec![Focus::External];
    let restored = tapped
        .apply(Action::Restore(query.clone(), Vec::new()))
        .expect("changes");
    assert_eq!(restored.shown, query, "Back and Forward too");
    // A toggle that changes nothing is still no change: nothing to render.
    assert_eq!(
        restored.apply(Action::Toggle(Facet::Focus, "nonsense".into())),
        None
    );
}
