//! What a table cannot hold, kept beside it: an author who starts from a content file (or from
//! the built-in content) gets its duties as a table to edit, and its links, perspectives,
//! figures, focus claims, short names, role summaries and the like kept here, and put back into
//! the content each time the table is read. The file's ids are kept too: a table makes ids from
//! names (a role titled "CIO" is `cio`), and where the file's differ, the table's are renamed
//! back, so that links to filtered views stay as they were. Pure, no browser API: tested
//! natively (`tests/builder.rs`).

use serde::{Deserialize, Serialize};

use crate::content::{read_table, write_table};
use crate::model::{Content, DutyLink, Figure, FocusClaim, Perspective, Source, Topic};

/// The parts of a content file that a table cannot hold, by the file's ids.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kept {
    /// Where they came from, for the notice: "your file", "the built-in content".
    pub from: String,
    pub perspectives: Vec<Perspective>,
    pub figures: Vec<Figure>,
    /// Links, each with the id of the duty it is declared on.
    pub links: Vec<(String, DutyLink)>,
    /// Focus claims, each with the id of its role.
    pub focus_claims: Vec<(String, FocusClaim)>,
    /// Short names, by source id.
    pub short_names: Vec<(String, String)>,
    /// Role summaries, by role id.
    pub summaries: Vec<(String, String)>,
    /// The roles not shown until a reader picks them (`shownByDefault: false`).
    pub hidden_roles: Vec<String>,
    /// The duties marked as one article's view.
    pub views: Vec<String>,
    /// Sources no duty cites (a perspective's or a figure's), which the table has no row for.
    pub sources: Vec<Source>,
    /// The file's roles, in its order (a table orders them by their first row).
    pub role_order: Vec<String>,
    /// The file's sources, in its order, likewise.
    pub source_order: Vec<String>,
    /// The file's topics, in its order and with its labels, used by a duty or not.
    pub topics: Vec<Topic>,
    /// The file's ids where the table makes others from the names: (the table's, the file's),
    /// for roles, topics and sources.
    pub role_ids: Vec<(String, String)>,
    pub topic_ids: Vec<(String, String)>,
    pub source_ids: Vec<(String, String)>,
}

/// How many of each kept part went back into the content, and how many were left out because
/// the table no longer has what they refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// (what, how many kept, how many left out), in the order of [`Kept`]'s fields.
    pub parts: Vec<(&'static str, usize, usize)>,
}

impl Applied {
    /// `kept from your file: 4 perspectives, 17 links`, and what was left out; empty when
    /// nothing was kept.
    pub fn describe(&self, from: &str) -> String {
        let kept: Vec<String> = self
            .parts
            .iter()
            .filter(|(_, kept, _)| *kept > 0)
            .map(|(what, n, _)| count(*n, what))
            .collect();
        let left: Vec<String> = self
            .parts
            .iter()
            .filter(|(_, _, left)| *left > 0)
            .map(|(what, _, n)| count(*n, what))
            .collect();
        let mut out = String::new();
        if !kept.is_empty() {
            out = ["kept from ", from, ": ", &kept.join(", ")].concat();
        }
        if !left.is_empty() {
            if !out.is_empty() {
                out.push_str("; ");
            }
            out.push_str(&left.join(", "));
            out.push_str(" left out: the table no longer has what they refer to");
        }
        out
    }
}

/// `1 link`, `17 links`, `1 short name`; `what` is the plural.
fn count(n: usize, what: &str) -> String {
    let word = if n == 1 {
        match what {
            "roles shown on request" => "role shown on request",
            "duties marked as one article's view" => "duty marked as one article's view",
            "role summaries" => "role summary",
            _ => what.strip_suffix('s').unwrap_or(what),
        }
    } else {
        what
    };
    [n.to_string().as_str(), " ", word].concat()
}

/// A content file's duties as a table to edit (the text, as [`write_table`] writes it), and the
/// rest of it kept (`from`: where it came from, for the notice).
pub fn import(content: &Content, from: &str) -> (String, Kept) {
    let text = write_table(content, false);
    let mut kept = Kept {
        from: from.to_string(),
        ..Kept::default()
    };
    // The table has a row a duty, in the same order: a duty's role, source and topics there are
    // the ids the table makes of the file's.
    if let Ok(table) = read_table(&text) {
        let made = &table.content;
        let note = |list: &mut Vec<(String, String)>, new: &str, old: &str| {
            if new != old && !list.iter().any(|(n, _)| n == new) {
                list.push((new.to_string(), old.to_string()));
            }
        };
        for (old, new) in content.duties.iter().zip(&made.duties) {
            note(&mut kept.role_ids, &new.role, &old.role);
            note(&mut kept.source_ids, &new.source, &old.source);
        }
        for t in &content.topics {
            if let Some(new) = made.topics.iter().find(|m| m.label == t.label) {
                note(&mut kept.topic_ids, &new.id, &t.id);
            }
        }
    }
    for duty in &content.duties {
        for link in &duty.links {
            kept.links.push((duty.id.clone(), link.clone()));
        }
        if duty.view {
            kept.views.push(duty.id.clone());
        }
    }
    let cited: Vec<&str> = content.duties.iter().map(|d| d.source.as_str()).collect();
    for r in &content.roles {
        for claim in &r.focus_claims {
            kept.focus_claims.push((r.id.clone(), claim.clone()));
        }
        if !r.summary.is_empty() {
            kept.summaries.push((r.id.clone(), r.summary.clone()));
        }
        if !r.shown_by_default {
            kept.hidden_roles.push(r.id.clone());
        }
        kept.role_order.push(r.id.clone());
    }
    for s in &content.sources {
        kept.source_order.push(s.id.clone());
        if !s.short.is_empty() {
            kept.short_names.push((s.id.clone(), s.short.clone()));
        }
        if !cited.contains(&s.id.as_str()) {
            kept.sources.push(s.clone());
        }
    }
    kept.topics.clone_from(&content.topics);
    kept.perspectives.clone_from(&content.perspectives);
    kept.figures.clone_from(&content.figures);
    (text, kept)
}

/// Renames `new` to `old` in a list of ids, unless `old` is taken by another entry.
fn rename<T>(list: &mut [T], id: impl Fn(&mut T) -> &mut String, new: &str, old: &str) -> bool {
    if list.iter_mut().any(|t| id(t).as_str() == old) {
        return false;
    }
    for t in list.iter_mut() {
        let field = id(t);
        if field.as_str() == new {
            *field = old.to_string();
            return true;
        }
    }
    false
}

impl Kept {
    /// Whether there is anything to put back.
    pub fn is_empty(&self) -> bool {
        *self
            == Kept {
                from: self.from.clone(),
                ..Kept::default()
            }
    }

    /// Puts what was kept back into `content` (a table just read), each part only where the
    /// table still has what it refers to; says how many of each.
    pub fn apply(&self, content: &mut Content) -> Applied {
        let mut parts = Vec::new();
        // The file's ids back where the table made others of the same names.
        for (new, old) in &self.role_ids {
            if rename(&mut content.roles, |r| &mut r.id, new, old) {
                for d in content.duties.iter_mut().filter(|d| d.role == *new) {
                    d.role.clone_from(old);
                }
            }
        }
        for (new, old) in &self.source_ids {
            if rename(&mut content.sources, |s| &mut s.id, new, old) {
                for d in content.duties.iter_mut().filter(|d| d.source == *new) {
                    d.source.clone_from(old);
                }
            }
        }
        for (new, old) in &self.topic_ids {
            if rename(&mut content.topics, |t| &mut t.id, new, old) {
                for t in content.duties.iter_mut().flat_map(|d| d.topics.iter_mut()) {
                    if *t == *new {
                        t.clone_from(old);
                    }
                }
            }
        }
        let has_role = |c: &Content, id: &str| c.roles.iter().any(|r| r.id == id);

        // Sources first: claims, points and figures may cite them.
        let mut added = 0;
        for s in &self.sources {
            if content.source(&s.id).is_none() {
                content.sources.push(s.clone());
                added += 1;
            }
        }
        let has_source = |c: &Content, id: &str| c.sources.iter().any(|s| s.id == id);

        // The file's order of roles and topics, and its topics' labels; what the table adds
        // comes after.
        let order = |list: &[String], id: &str| list.iter().position(|r| r == id);
        content
            .roles
            .sort_by_key(|r| order(&self.role_order, &r.id).unwrap_or(usize::MAX));
        content
            .sources
            .sort_by_key(|s| order(&self.source_order, &s.id).unwrap_or(usize::MAX));
        let mut topics: Vec<Topic> = Vec::new();
        for t in &self.topics {
            if !topics.iter().any(|k| k.id == t.id) {
                topics.push(content.topic(&t.id).cloned().unwrap_or_else(|| t.clone()));
            }
        }
        for t in &content.topics {
            if !topics.iter().any(|k| k.id == t.id) {
                topics.push(t.clone());
            }
        }
        content.topics = topics;

        let mut tally = |what: &'static str, results: Vec<bool>| {
            let kept = results.iter().filter(|&&k| k).count();
            parts.push((what, kept, results.len() - kept));
        };

        let mut results = Vec::new();
        for p in &self.perspectives {
            let fits = p.roles.iter().all(|r| has_role(content, r))
                && p.points.iter().all(|pt| has_source(content, &pt.source));
            if fits {
                content.perspectives.push(p.clone());
            }
            results.push(fits);
        }
        tally("perspectives", results);

        let mut results = Vec::new();
        for f in &self.figures {
            let fits =
                f.roles.iter().all(|r| has_role(content, r)) && has_source(content, &f.source);
            if fits {
                content.figures.push(f.clone());
            }
            results.push(fits);
        }
        tally("figures", results);

        let mut results = Vec::new();
        for (duty, link) in &self.links {
            let role_of = |id: &str| {
                content
                    .duties
                    .iter()
                    .find(|d| d.id == id)
                    .map(|d| d.role.clone())
            };
            let fits = match (role_of(duty), role_of(&link.duty)) {
                (Some(a), Some(b)) => {
                    a != b && (link.source.is_empty() || has_source(content, &link.source))
                }
                _ => false,
            };
            if fits {
                if let Some(d) = content.duties.iter_mut().find(|d| d.id == *duty) {
                    d.links.push(link.clone());
                }
            }
            results.push(fits);
        }
        tally("links", results);

        let mut results = Vec::new();
        for (role, claim) in &self.focus_claims {
            let fits = has_source(content, &claim.source);
            let target = content.roles.iter_mut().find(|r| r.id == *role);
            match target {
                Some(r) if fits => {
                    r.focus_claims.push(claim.clone());
                    results.push(true);
                }
                _ => results.push(false),
            }
        }
        tally("focus claims", results);

        let mut results = Vec::new();
        for (id, short) in &self.short_names {
            match content.sources.iter_mut().find(|s| s.id == *id) {
                Some(s) => {
                    s.short.clone_from(short);
                    results.push(true);
                }
                None => results.push(false),
            }
        }
        tally("short names", results);

        let mut results = Vec::new();
        for (id, summary) in &self.summaries {
            match content.roles.iter_mut().find(|r| r.id == *id) {
                Some(r) => {
                    r.summary.clone_from(summary);
                    results.push(true);
                }
                None => results.push(false),
            }
        }
        tally("role summaries", results);

        let mut results = Vec::new();
        for id in &self.hidden_roles {
            match content.roles.iter_mut().find(|r| r.id == *id) {
                Some(r) => {
                    r.shown_by_default = false;
                    results.push(true);
                }
                None => results.push(false),
            }
        }
        // Content whose roles are all hidden at first still shows them all (options::resolve),
        // so this cannot leave a widget empty.
        tally("roles shown on request", results);

        let mut results = Vec::new();
        for id in &self.views {
            match content.duties.iter_mut().find(|d| d.id == *id) {
                Some(d) => {
                    d.view = true;
                    results.push(true);
                }
                None => results.push(false),
            }
        }
        tally("duties marked as one article's view", results);
        // The sources kept count once something cites them; one that nothing cites any more
        // stays (a source may stand alone) and counts as kept.
        tally("sources", vec![true; added]);
        Applied { parts }
    }
}
