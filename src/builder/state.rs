//! The builder's state and the author's actions on it (a `Reducible`, as the widget's own
//! `state.rs`): the draft, what its text said when last read, and the last content without
//! problems, which the preview keeps showing while the text has problems. No view code.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use super::draft::{read, Draft, Reading};
use super::kept::Kept;
use super::options::PreviewOptions;
use crate::model::Content;

/// Everything the builder's page shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct BuilderState {
    pub draft: Draft,
    /// What the text said when last read.
    pub reading: Reading,
    /// What was kept from a content file, in words; empty when nothing was.
    pub kept_said: AttrValue,
    /// The last content without problems: what the preview and the results show.
    pub shown: Option<Rc<Content>>,
    /// Bumped each time the preview must start afresh (new content, new options).
    pub generation: u32,
    /// Bumped each time the draft should be stored.
    pub saves: u32,
    /// Whether the text changed since it was last read (a reading is on its way).
    pub unread: bool,
    /// The last thing that happened, for the author (a file opened, an address that failed).
    pub notice: AttrValue,
    /// The draft before "Start over", for its undo.
    pub before: Option<Rc<Draft>>,
}

/// What the author does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed or pasted into the text area: the text changes at once, the reading waits for a
    /// pause ([`Action::Read`]).
    Type(String),
    /// Reads the text now.
    Read,
    /// A file, an address or a template replaced the text.
    Replace {
        text: String,
        kept: Box<Kept>,
        notice: AttrValue,
    },
    /// The embed's options changed.
    SetOptions(PreviewOptions),
    /// Back to an empty table, the draft kept for [`Action::Undo`].
    StartOver,
    /// Back to the draft before "Start over".
    Undo,
    Say(AttrValue),
}

impl BuilderState {
    /// The state for `draft`, its text read.
    pub fn new(draft: Draft) -> BuilderState {
        let mut state = BuilderState {
            draft,
            reading: Reading::Empty,
            kept_said: AttrValue::default(),
            shown: None,
            generation: 0,
            saves: 0,
            unread: true,
            notice: AttrValue::default(),
            before: None,
        };
        state.read();
        state
    }

    /// Reads the text; content without problems becomes what the preview shows.
    fn read(&mut self) {
        let (reading, said) = read(&self.draft.text, &self.draft.kept);
        if let Reading::Content(content) = &reading {
            if self.shown.as_ref() != Some(content) {
                self.shown = Some(content.clone());
                self.draft.options = self.draft.options.fit(content);
                self.generation += 1;
            }
        }
        self.reading = reading;
        self.kept_said = said.into();
        self.unread = false;
        self.saves += 1;
    }

    /// Whether the preview shows an earlier table than the text: the text has problems (or is
    /// empty) and an earlier one had none.
    pub fn stale(&self) -> bool {
        self.shown.is_some() && !matches!(self.reading, Reading::Content(_))
    }
}

impl Reducible for BuilderState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Type(text) => {
                if text == next.draft.text {
                    return self;
                }
                next.draft.text = text;
                next.unread = true;
            }
            Action::Read => {
                if !next.unread {
                    return self;
                }
                next.read();
            }
            Action::Replace { text, kept, notice } => {
                next.draft.text = text;
                next.draft.kept = *kept;
                next.notice = notice;
                next.read();
            }
            Action::SetOptions(options) => {
                if options == next.draft.options {
                    return self;
                }
                next.draft.options = options;
                next.generation += 1;
                next.saves += 1;
            }
            Action::StartOver => {
                next.before = Some(Rc::new(next.draft.clone()));
                next.draft = Draft::empty_table();
                next.shown = None;
                next.generation += 1;
                next.notice = "Started over with an empty table.".into();
                next.read();
            }
            Action::Undo => {
                let Some(before) = next.before.take() else {
                    return self;
                };
                next.draft = (*before).clone();
                next.notice = "Your table is back.".into();
                next.read();
            }
            Action::Say(notice) => next.notice = notice,
        }
        Rc::new(next)
    }
}
