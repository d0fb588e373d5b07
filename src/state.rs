//! The widget's state and the reader's actions on it. The transitions are plain methods, tested
//! natively; `Reducible` only wraps them for `use_reducer`.

use std::rc::Rc;

use yew::Reducible;

use crate::filter::{Facet, Layout, Query};
use crate::model::{Focus, Line, SharedContent};

/// How the URL should record a change, when the widget owns the fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    /// A new history entry, so that Back undoes the change (filter clicks).
    Push,
    /// Rewrite the current entry (typing on: one entry per keystroke would bury Back).
    Replace,
    /// Nothing to write: the state came from the URL.
    Nothing,
}

/// Something the reader did, or the browser's Back/Forward.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Toggle(Facet, String),
    SetText(String),
    ClearFilters,
    /// A focus-map cell: this focus and line alone, or neither if they were already.
    PressCell(Focus, Line),
    SetLayout(Layout),
    /// A reader followed a duty's link: mark it (and record it in the URL).
    MarkDuty(String),
    /// The URL changed under the widget (Back, Forward, an edited address): take its query.
    Restore(Query, Vec<String>),
    /// The view may follow the reader's last action: its frame was painted. (With a mouse the
    /// view followed it at once, `State::at_once`, and this changes nothing.)
    Painted,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub content: SharedContent,
    /// What the reader asked for: the toolbar shows it (a toggle pressed) at once.
    pub query: Query,
    /// What the view shows. A reader's tap changes `query`; `Painted` then makes this `query`
    /// and the duties, counts and status follow: on a touch screen once the frame that shows the
    /// toolbar pressed is painted, so that the tap's own frame has little for the browser to
    /// redo and a phone paints it within a frame; with a mouse at once, in the same render
    /// (`at_once`; docs/performance.md, "A frame for the tap, a frame for the duties").
    pub shown: Query,
    pub record: Record,
    /// What could not be read from the URL, shown as a short notice.
    pub url_problems: Vec<String>,
    /// Whether the view follows a reader's action in the same render (with a mouse) rather
    /// than on `Painted` (on a touch screen). With a mouse the toolbar and the view then render
    /// once for a click, not twice: at 1x, 1280 px, a filter click settled in 6.15 ms, now
    /// 3.95-4.45, a keystroke in 4.10, now 2.70-2.90 (`make bench`'s times part, three runs in
    /// an hour; docs/performance.md, "One render for a click").
    pub at_once: bool,
}

impl State {
    pub fn new(content: SharedContent, query: Query, url_problems: Vec<String>) -> State {
        State {
            content,
            shown: query.clone(),
            query,
            record: Record::Nothing,
            url_problems,
            at_once: false,
        }
    }

    /// The state after `action`, or `None` when nothing changes.
    pub fn apply(&self, action: Action) -> Option<State> {
        if action == Action::Painted {
            // Nothing else changes: the link was written for `query` already.
            return (self.shown != self.query).then(|| State {
                shown: self.query.clone(),
                ..self.clone()
            });
        }
        let mut next = self.clone();
        next.record = Record::Push;
        // Once the reader acts, a notice about the link they came with is stale.
        next.url_problems.clear();
        // A deep link's mark is about the view it came with: once the reader changes the
        // filters it goes, so that a link copied later does not carry a duty the filters hide.
        if matches!(
            action,
            Action::Toggle(..) | Action::SetText(_) | Action::PressCell(..)
        ) {
            next.query.duty = None;
        }
        match action {
            Action::Toggle(facet, value) => {
                if !next.query.toggle(&self.content, facet, &value) {
                    return None;
                }
            }
            Action::SetText(text) => {
                // The first keystroke of a search is an entry of its own; the rest refine it.
                if !self.query.text.is_empty() {
                    next.record = Record::Replace;
                }
                next.query.text = text;
            }
            Action::ClearFilters => next.query = self.query.cleared(),
            Action::PressCell(focus, line) => next.query.press_cell(focus, line),
            Action::SetLayout(layout) => next.query.layout = layout,
            Action::MarkDuty(id) => {
                if !self.content.duties.iter().any(|d| d.id == id) {
                    return None;
                }
                next.query.duty = Some(id);
            }
            Action::Restore(query, problems) => {
                next.query = query;
                next.url_problems = problems;
                next.record = Record::Nothing;
            }
            // Handled above: it changes the view, not the query.
            Action::Painted => {}
        }
        // Restoring the same query still replaces the notice; nothing else is a change.
        let changed = next.query != self.query
            || (next.record == Record::Nothing && next.url_problems != self.url_problems);
        if self.at_once {
            next.shown = next.query.clone();
        }
        changed.then_some(next)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            // The same Rc tells yew nothing changed, so nothing re-renders.
            None => self,
        }
    }
}
