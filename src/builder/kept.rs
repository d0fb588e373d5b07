//! What a table cannot hold, kept beside it: an author who starts from a content file (or from
//! the built-in content) gets its duties as a table to edit, and its links, perspectives,
//! figures, focus claims, short names, role summaries and the like kept here, with their ids
//! turned into the ids the table gives, and put back into the content each time the table is
//! read. Pure, no browser API: tested natively (`tests/builder.rs`).

use serde::{Deserialize, Serialize};

use crate::content::{read_table, write_table};
use crate::model::{Content, DutyLink, Figure, FocusClaim, Perspective, Source, Topic};

/// The parts of a content file that a table cannot hold, by the ids the table gives.
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
    /// The file's topics, in its order and with its labels, used by a duty or not.
    pub topics: Vec<Topic>,
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
/// rest of it kept, its ids turned into those the table gives (`from`: where it came from, for
/// the notice).
pub fn import(content: &Content, from: &str) -> (String, Kept) {
    let text = write_table(content, false);
    let mut kept = Kept {
        from: from.to_string(),
        ..Kept::default()
    };
    let Ok(table) = read_table(&text) else {
        return (text, kept);
    };
    let made = &table.content;
    // The table has a row a duty, in the same order: a duty's role, source and topics there are
    // what the file's ids became.
    let mut roles: Vec<(&str, &str)> = Vec::new();
    let mut sources: Vec<(&str, &str)> = Vec::new();
    for (old, new) in content.duties.iter().zip(&made.duties) {
        if !roles.iter().any(|(o, _)| *o == old.role) {
            roles.push((&old.role, &new.role));
        }
        if !sources.iter().any(|(o, _)| *o == old.source) {
            sources.push((&old.source, &new.source));
        }
    }
    let topic = |old: &str| -> String {
        let label = content.topic(old).map_or(old, |t| t.label.as_str());
        made.topics
            .iter()
            .find(|t| t.label == label)
            .map_or_else(|| old.to_string(), |t| t.id.clone())
    };
    let role = |old: &str| -> String {
        roles
            .iter()
            .find(|(o, _)| *o == old)
            .map_or_else(|| old.to_string(), |(_, n)| n.to_string())
    };
    let source = |old: &str| -> String {
        sources
            .iter()
            .find(|(o, _)| *o == old)
            .map_or_else(|| old.to_string(), |(_, n)| n.to_string())
    };
    let role_list = |list: &[String]| list.iter().map(|r| role(r)).collect::<Vec<_>>();

    for duty in &content.duties {
        for link in &duty.links {
            let mut link = link.clone();
            if !link.source.is_empty() {
                link.source = source(&link.source);
            }
            kept.links.push((duty.id.clone(), link));
        }
        if duty.view {
            kept.views.push(duty.id.clone());
        }
    }
    for r in &content.roles {
        let id = role(&r.id);
        for claim in &r.focus_claims {
            let mut claim = claim.clone();
            claim.source = source(&claim.source);
            kept.focus_claims.push((id.clone(), claim));
        }
        if !r.summary.is_empty() {
            kept.summaries.push((id.clone(), r.summary.clone()));
        }
        if !r.shown_by_default {
            kept.hidden_roles.push(id.clone());
        }
        kept.role_order.push(id);
    }
    for s in &content.sources {
        if !s.short.is_empty() {
            kept.short_names.push((source(&s.id), s.short.clone()));
        }
        if !sources.iter().any(|(o, _)| *o == s.id) {
            kept.sources.push(s.clone());
        }
    }
    kept.topics = content
        .topics
        .iter()
        .map(|t| Topic {
            id: topic(&t.id),
            label: t.label.clone(),
        })
        .collect();
    for p in &content.perspectives {
        let mut p = p.clone();
        p.roles = role_list(&p.roles);
        for point in &mut p.points {
            point.source = source(&point.source);
        }
        kept.perspectives.push(p);
    }
    for f in &content.figures {
        let mut f = f.clone();
        f.roles = role_list(&f.roles);
        f.source = source(&f.source);
        kept.figures.push(f);
    }
    (text, kept)
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
        let order = |id: &str| self.role_order.iter().position(|r| r == id);
        content
            .roles
            .sort_by_key(|r| order(&r.id).unwrap_or(usize::MAX));
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
