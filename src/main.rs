//! ExpiredToken Doctor web app entry point.
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! { <main><h1>{ "ExpiredToken Doctor" }</h1><p>{ tokendoctor_engine::version() }</p></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
