//! `hustings schema`: the JSON Schema of the data format.

use std::io::Write;

use anyhow::Result;

use crate::model::Dataset;

/// The schema as pretty-printed JSON with a trailing newline (the form kept in data/).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Dataset);
    let mut text = crate::report::pretty::to_string(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

pub fn run(out: &mut impl Write) -> Result<u8> {
    out.write_all(schema_json().as_bytes())?;
    Ok(0)
}
