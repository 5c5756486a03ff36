//! ExpiredToken Doctor web app entry point (built for wasm32 by Trunk).

fn main() {
    expiredtoken_doctor::start();
}
