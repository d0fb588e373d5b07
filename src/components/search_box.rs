//! The free-text search field.

use yew::prelude::*;

/// What `search_box` is drawn from.
pub struct SearchBoxProps {
    /// The current search text.
    pub value: AttrValue,
    /// Called with the new text on every input.
    pub on_input: Callback<String>,
}

/// The search field. A function, not a component: see `status_line`.
pub fn search_box(props: SearchBoxProps) -> Html {
    let props = &props;
    let on_input = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    html! {
        <label class="rc-search">
            <span class="rc-vh">{ "Search the duties" }</span>
            <input
                class="rc-search-input"
                type="search"
                placeholder="Search duties"
                autocomplete="off"
                spellcheck="false"
                value={props.value.clone()}
                oninput={on_input}
            />
        </label>
    }
}
