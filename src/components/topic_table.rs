//! The topic layout: a row a topic, a column a role, each cell that role's duties on the topic,
//! so that like is compared with like. Linked duties (shared or contested) sit in one band across
//! the columns with the note that says why. Where the widget is too narrow for the columns side by
//! side, each row lists its roles one under the other (styles/role-compare.css), so no role is
//! ever far from the others. The arrangement itself is `topics::arrange`.

use std::rc::Rc;

use yew::prelude::*;

use super::duty_item::source_byline;
use super::duty_item::{on_opened, Opened};
use super::role_column::{is_current, listed_through, more_label};
use super::{duty_item, heading_tag, DutyItemProps, DUTIES_PER_PAGE};
use crate::model::{LinkKind, SharedContent};
use crate::topics::{Band, TopicRow};

/// What `topic_table` is drawn from.
pub struct TopicTableProps {
    pub content: SharedContent,
    pub rows: Rc<Vec<TopicRow>>,
    /// Indices into `content.roles` of the shown roles, in column order.
    pub roles: Vec<usize>,
    /// The heading level of the topic titles.
    pub heading_level: u8,
    /// The id of the duty a deep link points at, if any.
    pub current: Option<AttrValue>,
}

/// The topic rows. A function, not a component: see `status_line`.
pub fn topic_table(props: TopicTableProps) -> Html {
    let props = &props;
    let content = &props.content;
    let titles: Vec<&str> = props
        .roles
        .iter()
        .filter_map(|&r| content.roles.get(r).map(|r| r.title.as_str()))
        .collect();
    html! {
        <div class="rc-topics" role="group" aria-label="Duties by topic">
            // The column heads of the side-by-side layout; each cell names its role for screen
            // readers and for the narrow layout.
            <div class="rc-topics-head" aria-hidden="true">
                { for titles.iter().map(|t| html! { <span class="rc-topics-role">{ *t }</span> }) }
            </div>
            { for props.rows.iter().map(|row| html! {
                <TopicRowView
                    key={row.topic}
                    content={content.clone()}
                    row={row.clone()}
                    roles={props.roles.clone()}
                    heading_level={props.heading_level}
                    current={props.current.clone()}
                />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TopicRowProps {
    pub content: SharedContent,
    pub row: TopicRow,
    pub roles: Vec<usize>,
    pub heading_level: u8,
    pub current: Option<AttrValue>,
}

/// One topic's row. Like a role column, a cell lists a hundred duties before "Show more".
#[component]
pub fn TopicRowView(props: &TopicRowProps) -> Html {
    // As in a role column, a deep link to a duty past the first page lists as far as that duty.
    let listed = use_state(|| {
        let at = props
            .row
            .bands
            .iter()
            .flat_map(|b| &b.cells)
            .find_map(|cell| {
                cell.iter()
                    .position(|&d| is_current(&props.content, d, props.current.as_deref()))
            });
        listed_through(at)
    });
    // Which sources the reader opened in this row (the cards' details are built only then).
    let opened = use_state_eq(Opened::default);
    let on_toggle = on_opened(&opened);
    let content = &props.content;
    let Some(topic) = content.topics.get(props.row.topic) else {
        return Html::default();
    };
    let heading = heading_tag(props.heading_level);
    let count: usize = props
        .row
        .bands
        .iter()
        .flat_map(|b| b.cells.iter())
        .map(Vec::len)
        .sum();
    // The role whose cell is cut the most, for the "Show more" label.
    let cut = props
        .row
        .bands
        .iter()
        .flat_map(|b| b.cells.iter().enumerate())
        .filter(|(_, cell)| cell.len() > *listed)
        .max_by_key(|(_, cell)| cell.len());
    html! {
        <section class="rc-topic" data-topic-row={topic.id.clone()}>
            <@{heading} class="rc-topic-title">
                { &topic.label }
                <span class="rc-topic-count">{ count }<span class="rc-vh">{ if count == 1 { " duty" } else { " duties" } }</span></span>
            </@>
            { for props.row.bands.iter().map(|band| view_band(props, band, *listed, &opened, &on_toggle)) }
            if let Some((c, cell)) = cut {
                <button type="button" class="rc-more" data-action="more" onclick={
                    let listed = listed.clone();
                    Callback::from(move |_: MouseEvent| listed.set(*listed + DUTIES_PER_PAGE))
                }>
                    { more_label(cell.len() - *listed, props.roles.get(c).and_then(|&r| content.roles.get(r)).map_or("", |r| r.title.as_str())) }
                </button>
            }
        </section>
    }
}

fn view_band(
    props: &TopicRowProps,
    band: &Band,
    listed: usize,
    opened: &Opened,
    on_toggle: &Callback<(usize, bool)>,
) -> Html {
    let content = &props.content;
    let kind = band.kind(content);
    let notes: Vec<Html> = band
        .links
        .iter()
        .filter_map(|&(d, l)| content.duties.get(d)?.links.get(l))
        .filter(|link| !link.note.is_empty())
        .map(|link| {
            let source = content.source(&link.source);
            html! {
                <li>
                    { &link.note }
                    if let Some(source) = source {
                        { " — " }<cite>{ &source.title }</cite>{ source_byline(&source.by, "") }
                    }
                </li>
            }
        })
        .collect();
    html! {
        <div
            class={classes!("rc-band", kind.map(|k| ["rc-band--", k.id()].concat()))}
            data-band={kind.map(LinkKind::id)}
        >
            if let Some(kind) = kind {
                <p class="rc-band-kind">
                    { match kind { LinkKind::Shared => "Shared", LinkKind::Contested => "Contested" } }
                </p>
            }
            <div class="rc-band-cells">
            { for props.roles.iter().zip(&band.cells).filter_map(|(&r, cell)| {
                let role = content.roles.get(r)?;
                Some(html! {
                    <div class={classes!("rc-cell", cell.is_empty().then_some("rc-cell--empty"))} data-role={role.id.clone()}>
                        <p class="rc-cell-role">{ &role.title }</p>
                        if cell.is_empty() {
                            <p class="rc-cell-none">{ "—" }<span class="rc-vh">{ ["no ", role.title.as_str(), " duty"].concat() }</span></p>
                        } else {
                            <ul class="rc-duties">
                                { for cell.iter().take(listed).map(|&d| duty_item(DutyItemProps {
                                    content,
                                    duty: d,
                                    current: is_current(content, d, props.current.as_deref()),
                                    hidden: false,
                                    rest: false,
                                    open: opened.contains(d),
                                    on_toggle: on_toggle.clone(),
                                })) }
                            </ul>
                        }
                    </div>
                })
            }) }
            </div>
            if !notes.is_empty() {
                <ul class="rc-band-notes">{ for notes }</ul>
            }
        </div>
    }
}
