//! The `tokendoctor` command line.
fn main() {
    println!("tokendoctor {}", tokendoctor_engine::version());
}
