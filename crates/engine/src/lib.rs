//! ExpiredToken Doctor engine: reads pasted AWS errors and evidence, diagnoses them.
//!
//! Pure by design: no web dependencies and no clock reads. The reference time is
//! always an argument, so the same input gives the same report everywhere.

pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
