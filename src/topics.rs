//! The topic layout's arrangement: which duties share a row, and in which topic's row they sit.
//! Pure, over the filter's outcome; the view (`components::TopicTable`) only draws it.
//!
//! Each duty sits in one row, so that a duty (and its `data-duty` hook) appears once: the row of
//! its first topic, or with a topic filter, its first topic the filter asks for. Duties linked to
//! each other (shared or contested, among the duties shown) form a band: they sit in one row of
//! cells across the role columns, ahead of the topic's other duties, in the row of the topic most
//! of them have (the first such topic in the content's order).

use std::collections::{BTreeMap, HashMap};

use crate::filter::{Outcome, Query, SearchIndex};
use crate::model::{Content, LinkKind};

/// One row of the topic layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicRow {
    /// Index into `content.topics`.
    pub topic: usize,
    pub bands: Vec<Band>,
}

/// Duties laid out across the role columns: a band of linked duties, or a topic's other duties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    /// Per shown role (in the order given), indices into `content.duties`, in content order.
    pub cells: Vec<Vec<usize>>,
    /// The links that join the band's duties, as (the duty declaring it, the link's index in its
    /// `links`), in content order. Empty for a topic's unlinked duties.
    pub links: Vec<(usize, usize)>,
}

impl Band {
    pub fn is_linked(&self) -> bool {
        !self.links.is_empty()
    }

    /// Contested if any of its links is.
    pub fn kind(&self, content: &Content) -> Option<LinkKind> {
        let kinds = self.links.iter().filter_map(|&(d, l)| {
            content
                .duties
                .get(d)
                .and_then(|d| d.links.get(l))
                .map(|l| l.kind)
        });
        kinds.fold(None, |acc, k| match (acc, k) {
            (Some(LinkKind::Contested), _) | (_, LinkKind::Contested) => Some(LinkKind::Contested),
            _ => Some(k),
        })
    }
}

/// Arranges the shown duties (`outcome.shown`) by topic for the shown roles (`roles`, indices
/// into `content.roles`, in column order). Topics without a shown duty have no row.
pub fn arrange(
    content: &Content,
    index: &SearchIndex,
    outcome: &Outcome,
    query: &Query,
    roles: &[usize],
) -> Vec<TopicRow> {
    let topic_at: HashMap<&str, usize> = content
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let duty_at: HashMap<&str, usize> = content
        .duties
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let column_of = |d: usize| -> Option<usize> {
        let duty = content.duties.get(d)?;
        roles
            .iter()
            .position(|&r| content.roles.get(r).is_some_and(|r| r.id == duty.role))
    };
    let row_of = |d: usize| -> Option<usize> {
        let duty = content.duties.get(d)?;
        let wanted = duty
            .topics
            .iter()
            .find(|t| query.topics.is_empty() || query.topics.contains(t));
        wanted
            .or(duty.topics.first())
            .and_then(|t| topic_at.get(t.as_str()).copied())
    };

    // Which shown duties are linked: components of the link graph among the shown duties.
    let shown: HashMap<usize, usize> = outcome
        .shown
        .iter()
        .enumerate()
        .map(|(at, &d)| (d, at))
        .collect();
    let mut group: Vec<Option<usize>> = vec![None; outcome.shown.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (at, &d) in outcome.shown.iter().enumerate() {
        if group[at].is_some() {
            continue;
        }
        let partners = |d: usize| {
            index
                .partners
                .get(d)
                .into_iter()
                .flatten()
                .filter_map(|p| shown.get(p).map(|&at| (*p, at)))
        };
        if partners(d).next().is_none() {
            continue;
        }
        let id = groups.len();
        let mut members = vec![d];
        group[at] = Some(id);
        let mut next = 0;
        while let Some(&m) = members.get(next) {
            next += 1;
            for (p, p_at) in partners(m) {
                if group[p_at].is_none() {
                    group[p_at] = Some(id);
                    members.push(p);
                }
            }
        }
        heapsort(&mut members);
        groups.push(members);
    }

    // Keyed by topic index, so the rows come out in the content's topic order.
    let mut rows: BTreeMap<usize, Vec<Band>> = BTreeMap::new();
    let empty = || Band {
        cells: vec![Vec::new(); roles.len()],
        links: Vec::new(),
    };
    // Bands of linked duties first, in the order of their first duty.
    for members in &groups {
        let Some(topic) = band_topic(content, &topic_at, query, members) else {
            continue;
        };
        let mut band = empty();
        for &d in members {
            if let Some(c) = column_of(d) {
                band.cells[c].push(d);
            }
            if let Some(duty) = content.duties.get(d) {
                for (l, link) in duty.links.iter().enumerate() {
                    let joins = duty_at
                        .get(link.duty.as_str())
                        .is_some_and(|o| members.binary_search(o).is_ok());
                    if joins {
                        band.links.push((d, l));
                    }
                }
            }
        }
        rows.entry(topic).or_default().push(band);
    }
    // Then each topic's unlinked duties.
    let mut rest: BTreeMap<usize, Band> = BTreeMap::new();
    for (at, &d) in outcome.shown.iter().enumerate() {
        if group[at].is_some() {
            continue;
        }
        if let (Some(topic), Some(c)) = (row_of(d), column_of(d)) {
            rest.entry(topic).or_insert_with(empty).cells[c].push(d);
        }
    }
    for (topic, band) in rest {
        rows.entry(topic).or_default().push(band);
    }
    rows.into_iter()
        .map(|(topic, bands)| TopicRow { topic, bands })
        .collect()
}

/// The row of a band: the topic most of its duties have (with a topic filter, among the topics
/// it asks for), the first in the content's order on a tie.
fn band_topic(
    content: &Content,
    topic_at: &HashMap<&str, usize>,
    query: &Query,
    members: &[usize],
) -> Option<usize> {
    let mut count: BTreeMap<usize, usize> = BTreeMap::new();
    for duty in members.iter().filter_map(|&d| content.duties.get(d)) {
        for t in &duty.topics {
            if query.topics.is_empty() || query.topics.contains(t) {
                if let Some(&at) = topic_at.get(t.as_str()) {
                    *count.entry(at).or_default() += 1;
                }
            }
        }
    }
    // `max_by_key` keeps the last of equals; the reversed order makes that the first topic.
    count
        .into_iter()
        .rev()
        .max_by_key(|&(_, n)| n)
        .map(|(topic, _)| topic)
}

/// Sorts `v` ascending, as `v.sort_unstable()` would (for integers no order of equals shows):
/// a heapsort, O(n log n) like it. The standard library's unstable sort made for `usize` was
/// 3.6 KB raw of the stable build's wasm; this one is about 150 B. Measured (wasm-opt -Oz,
/// brotli -q 11): 1,935 B brotli less in the stable build, 281 B in the nightly size build.
fn heapsort(v: &mut [usize]) {
    // Moves `v[root]` down the heap `v[..end]` to where it is no smaller than its children.
    fn sift_down(v: &mut [usize], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for root in (0..v.len() / 2).rev() {
        sift_down(v, root, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::heapsort;

    #[test]
    fn the_heapsort_sorts_as_sort_unstable_does() {
        // A fixed pseudo-random sequence (xorshift), with repeats, beside the edge cases.
        let mut x: u32 = 2_463_534_242;
        let mut random = Vec::new();
        for _ in 0..300 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            random.push((x % 97) as usize);
        }
        let cases: Vec<Vec<usize>> = vec![
            vec![],
            vec![7],
            vec![2, 1],
            vec![1, 2, 3, 4, 5, 6, 7, 8],
            vec![8, 7, 6, 5, 4, 3, 2, 1, 0],
            vec![3, 3, 1, 3, 1, 0, 0],
            vec![usize::MAX, 0, usize::MAX - 1, 1],
            random,
        ];
        for case in cases {
            let mut ours = case.clone();
            heapsort(&mut ours);
            let mut std = case.clone();
            std.sort_unstable();
            assert_eq!(ours, std, "{case:?}");
        }
    }
}
