//! NIST SP 1500-100 v2 XML → builder events, read as a stream of XML events (never a tree
//! of the whole file), as the Clarity reader does.
//!
//! An element is a property of the element around it: a class (`<Contest xsi:type=
//! "CandidateContest" ObjectId="c1">`, opened in the builder) or a value (`<Count>12</Count>`,
//! checked against the property's type). `ObjectId`, `Language`, `Label` and `Annotation` are
//! attributes. Files written to version 1 and Google's civic-information feeds are read too:
//! they wrap lists in `…Collection` elements and `ExternalIdentifiers`, spell `ObjectId` and
//! `Language` with a small letter, and say `BallotSelection`, `ElectoralDistrictId`,
//! `InternationalizedName` and `InternationalizedAbbreviation` (and a unit's `Name` as plain
//! text). Elements the schema does not have are skipped and named once in the notes.
//!
//! Bad input — not well-formed, truncated, a value of the wrong type — is one error with the
//! file, line:column and the element's path (`/ElectionReport[1]/Election[1]/Contest[2]`).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::import::ImportError;
use crate::import::common;
use crate::import::nist::build::{Builder, Place, Scalar};
use crate::import::nist::report::Report;
use crate::import::nist::schema::{self, Class, Prop, Shape, or_list};
use crate::model::text::one_line;

/// The local name of the document's first element, if it has one (within the first 64 KB).
pub fn root_name(bytes: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(&bytes[..bytes.len().min(1 << 16)]);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                return Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// What an open element is.
#[derive(Clone, Copy)]
enum Mode {
    /// An object of a class: its child elements and attributes are its properties.
    Object(&'static Class),
    /// A list wrapper of older files (`ContestCollection`): children are the class's properties.
    Wrapper(&'static Class),
    /// A property's value: its text.
    Value(&'static Prop),
    /// Not in the schema: skipped whole.
    Skip,
}

struct Open {
    name: String,
    index: usize,
    mode: Mode,
    /// Children seen so far, by name (for positions in paths: `Contest[2]`).
    children: Vec<(String, usize)>,
    /// Where the start tag is.
    start: usize,
    text: String,
    /// An `InternationalizedText` given as plain text (older files) has no `Text` children.
    has_text_children: bool,
}

struct Doc<'a> {
    file: &'a str,
    bytes: &'a [u8],
    stack: Vec<Open>,
    builder: Builder,
}

impl Doc<'_> {
    fn path(&self, attribute: Option<&str>) -> String {
        let mut p = String::new();
        for o in &self.stack {
            p.push_str(&format!("/{}[{}]", o.name, o.index));
        }
        if let Some(a) = attribute {
            p.push_str(&format!("/@{a}"));
        }
        if p.is_empty() {
            p.push('/');
        }
        p
    }

    fn at(&self, offset: usize, path: String, message: String) -> ImportError {
        let (line, column) = common::line_column(self.bytes, offset);
        ImportError::At {
            file: one_line(self.file),
            line,
            column,
            path: one_line(&path),
            message: one_line(&message),
        }
    }

    fn error(&self, offset: usize, attribute: Option<&str>, message: String) -> ImportError {
        self.at(offset, self.path(attribute), message)
    }
}

/// Reads a NIST XML election report into the intermediate.
pub fn read(file: &str, bytes: &[u8]) -> Result<Report, ImportError> {
    let mut reader = Reader::from_reader(bytes);
    let mut doc = Doc {
        file,
        bytes,
        stack: Vec::new(),
        builder: Builder::new(),
    };
    let mut seen_root = false;
    loop {
        let start = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at_end = reader.buffer_position() as usize >= bytes.len();
                return Err(doc.error(
                    reader.error_position() as usize,
                    None,
                    format!(
                        "not well-formed XML: {e}{}",
                        if at_end {
                            " (the file ends too soon: truncated?)"
                        } else {
                            ""
                        }
                    ),
                ));
            }
        };
        match event {
            Event::Start(e) => {
                open(&mut doc, &e, start, &mut seen_root)?;
            }
            Event::Empty(e) => {
                open(&mut doc, &e, start, &mut seen_root)?;
                close(&mut doc)?;
            }
            Event::End(_) => close(&mut doc)?,
            Event::Text(t) => {
                let text = t
                    .xml10_content()
                    .map_err(|e| doc.error(start, None, format!("not UTF-8 text: {e}")))?;
                add_text(&mut doc, &text, start)?;
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t).into_owned();
                add_text(&mut doc, &text, start)?;
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let text = common::xml_entity(&name)
                    .ok_or_else(|| doc.error(start, None, format!("unknown entity &{name};")))?;
                add_text(&mut doc, &text, start)?;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = doc.stack.last() {
        return Err(doc.error(
            bytes.len(),
            None,
            format!("the file ends inside <{}> (truncated?)", open.name),
        ));
    }
    if !seen_root {
        return Err(ImportError::File {
            file: one_line(file),
            message: "no <ElectionReport> element: not a NIST SP 1500-100 election report".into(),
        });
    }
    let builder = std::mem::take(&mut doc.builder);
    builder.finish().map_err(|(place, message)| match place {
        Place::Xml { offset, path } => doc.at(offset, path, message),
        Place::Json(_) => unreachable!("the XML reader names XML places"),
    })
}

/// Older spellings of a property, and the schema's.
fn alias(name: &str) -> &str {
    match name {
        "BallotSelection" => "ContestSelection",
        "ElectoralDistrictId" => "ElectionDistrictId",
        "InternationalizedName" => "Name",
        "InternationalizedAbbreviation" => "Abbreviation",
        other => other,
    }
}

/// A start tag.
fn open(
    doc: &mut Doc,
    e: &BytesStart,
    start: usize,
    seen_root: &mut bool,
) -> Result<(), ImportError> {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let index = match doc.stack.last_mut() {
        Some(parent) => {
            if let Some((_, k)) = parent.children.iter_mut().find(|(n, _)| *n == name) {
                *k += 1;
                *k
            } else {
                parent.children.push((name.clone(), 1));
                1
            }
        }
        None => 1,
    };
    let parent_class = match doc.stack.last().map(|o| o.mode) {
        None => None,
        Some(Mode::Object(c) | Mode::Wrapper(c)) => Some(c),
        Some(Mode::Skip) => {
            doc.stack.push(element(name, index, Mode::Skip, start));
            return Ok(());
        }
        Some(Mode::Value(prop)) => {
            let message = format!(
                "<{}> holds a value ({}), not elements; found <{name}>",
                doc.stack.last().map_or("", |o| o.name.as_str()),
                shape_words(prop.shape)
            );
            return Err(doc.error(start, None, message));
        }
    };
    let mode = match parent_class {
        None => {
            if *seen_root || name != "ElectionReport" {
                doc.stack
                    .push(element(name.clone(), index, Mode::Skip, start));
                return Err(doc.error(
                    start,
                    None,
                    format!(
                        "not a NIST SP 1500-100 election report: the root element is <{name}>, not <ElectionReport>"
                    ),
                ));
            }
            *seen_root = true;
            let class = schema::class("ElectionReport").expect("the schema has its root");
            doc.stack
                .push(element(name, index, Mode::Object(class), start));
            attributes(doc, e, class, start)?;
            return Ok(());
        }
        Some(class) => {
            let key = alias(&name);
            if let Some(prop) = class.prop(key) {
                match prop.shape {
                    Shape::Class(choices) => {
                        let chosen = chosen_class(doc, e, choices, start, &name)?;
                        if class.name == "InternationalizedText"
                            && let Some(parent) = doc.stack.last_mut()
                        {
                            parent.has_text_children = true;
                        }
                        doc.builder.open(prop.key, choices);
                        doc.builder.class(chosen.name);
                        doc.stack
                            .push(element(name, index, Mode::Object(chosen), start));
                        attributes(doc, e, chosen, start)?;
                        return Ok(());
                    }
                    _ => Mode::Value(prop),
                }
            } else {
                let wrapped = name
                    .strip_suffix("Collection")
                    .or_else(|| name.strip_suffix('s'))
                    .map(alias)
                    .and_then(|inner| class.prop(inner));
                if wrapped.is_some() {
                    Mode::Wrapper(class)
                } else {
                    doc.builder.unknown(class.name, &name);
                    Mode::Skip
                }
            }
        }
    };
    doc.stack.push(element(name, index, mode, start));
    Ok(())
}

fn element(name: String, index: usize, mode: Mode, start: usize) -> Open {
    Open {
        name,
        index,
        mode,
        children: Vec::new(),
        start,
        text: String::new(),
        has_text_children: false,
    }
}

/// The class of an element where the schema allows `choices`: its `xsi:type`, else the one
/// choice, else the usual one (a `ReportingUnit`, a `Party`).
fn chosen_class(
    doc: &Doc,
    e: &BytesStart,
    choices: &'static [&'static str],
    start: usize,
    name: &str,
) -> Result<&'static Class, ImportError> {
    let mut given: Option<String> = None;
    for a in e.attributes() {
        let a = a.map_err(|err| doc.error(start, None, format!("malformed attribute: {err}")))?;
        let key = a.key;
        if key.local_name().as_ref() == b"type" && key.prefix().is_some() {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| doc.error(start, None, format!("malformed value: {err}")))?;
            let value = value.trim();
            given = Some(value.rsplit(':').next().unwrap_or(value).to_string());
        }
    }
    let pick = match &given {
        Some(t) => choices.iter().find(|c| **c == t.as_str()).copied(),
        None => match choices {
            [one] => Some(*one),
            _ if choices.contains(&"ReportingUnit") => Some("ReportingUnit"),
            _ if choices.contains(&"Party") => Some("Party"),
            _ => None,
        },
    };
    if let Some(class) = pick.and_then(schema::class) {
        Ok(class)
    } else {
        let path = format!("{}/{name}", doc.path(None));
        let message = match given {
            Some(t) => format!(
                "xsi:type \"{t}\" is not allowed here (expected {})",
                or_list(choices)
            ),
            None => format!(
                "<{name}> needs an xsi:type saying which of {} it is",
                or_list(choices)
            ),
        };
        Err(doc.at(start, path, message))
    }
}

/// The attributes of an object's element: its id, and properties held as attributes.
fn attributes(
    doc: &mut Doc,
    e: &BytesStart,
    class: &'static Class,
    start: usize,
) -> Result<(), ImportError> {
    for a in e.attributes() {
        let a = a.map_err(|err| doc.error(start, None, format!("malformed attribute: {err}")))?;
        let key = a.key;
        let local = String::from_utf8_lossy(key.local_name().as_ref()).into_owned();
        let prefix = key
            .prefix()
            .map(|p| String::from_utf8_lossy(p.as_ref()).into_owned());
        if prefix.as_deref() == Some("xmlns") || (prefix.is_none() && local == "xmlns") {
            continue;
        }
        if prefix.is_some() {
            // xsi:type (read already), xsi:schemaLocation and the like.
            continue;
        }
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| doc.error(start, Some(&local), format!("malformed value: {err}")))?
            .into_owned();
        if local.eq_ignore_ascii_case("ObjectId") {
            if value.trim().is_empty() {
                return Err(doc.error(start, Some(&local), "an ObjectId cannot be empty".into()));
            }
            doc.builder
                .id(value.trim())
                .map_err(|m| doc.error(start, Some(&local), m))?;
            continue;
        }
        let capital = capitalised(&local);
        match class.prop(&capital) {
            Some(prop) if !matches!(prop.shape, Shape::Class(_)) => {
                value_of(doc, prop, &value, start, Some(&local))?;
            }
            _ => doc.builder.unknown(class.name, &format!("@{local}")),
        }
    }
    Ok(())
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Text inside the open element: kept where it is a value.
fn add_text(doc: &mut Doc, text: &str, start: usize) -> Result<(), ImportError> {
    let Some(open) = doc.stack.last_mut() else {
        if text.trim().is_empty() {
            return Ok(());
        }
        return Err(doc.error(start, None, "text outside the root element".into()));
    };
    match open.mode {
        Mode::Value(_) => open.text.push_str(text),
        // An object's own text matters only where it has some (a plain-text name, the
        // content of a `Text`): the layout between its children is not kept.
        Mode::Object(_) if !open.text.is_empty() || !text.trim().is_empty() => {
            open.text.push_str(text);
        }
        Mode::Object(_) | Mode::Wrapper(_) | Mode::Skip => {}
    }
    Ok(())
}

/// An end tag (or the end of an empty element).
fn close(doc: &mut Doc) -> Result<(), ImportError> {
    let Some((start, mode, has_text_children)) = doc
        .stack
        .last()
        .map(|t| (t.start, t.mode, t.has_text_children))
    else {
        return Ok(());
    };
    match mode {
        Mode::Value(prop) => {
            let text = std::mem::take(&mut doc.stack.last_mut().expect("open").text);
            value_of(doc, prop, &text, start, None)?;
        }
        Mode::Object(class) => {
            let text = std::mem::take(&mut doc.stack.last_mut().expect("open").text);
            if !text.trim().is_empty() {
                if let Some(content) = class.prop("Content") {
                    value_of(doc, content, &text, start, None)?;
                } else if class.name == "InternationalizedText" && !has_text_children {
                    // A plain-text name in an older file: as one string in no stated language.
                    doc.builder.open("Text", &["LanguageString"]);
                    doc.builder
                        .scalar("Content", Scalar::Str(&text), &|| Place::Xml {
                            offset: start,
                            path: String::new(),
                        })
                        .map_err(|m| doc.error(start, None, m))?;
                    doc.builder.close().map_err(|m| doc.error(start, None, m))?;
                }
            }
            if doc.stack.len() > 1 {
                doc.builder.close().map_err(|m| doc.error(start, None, m))?;
            }
        }
        Mode::Wrapper(_) | Mode::Skip => {}
    }
    doc.stack.pop();
    Ok(())
}

/// The value of `prop` in `text`, checked against its type and given to the builder.
fn value_of(
    doc: &mut Doc,
    prop: &'static Prop,
    text: &str,
    start: usize,
    attribute: Option<&str>,
) -> Result<(), ImportError> {
    let t = text.trim();
    let wrong = |doc: &Doc, what: &str| {
        doc.error(start, attribute, format!("expected {what}, found {t:?}"))
    };
    let path = doc.path(attribute);
    let here = move || Place::Xml {
        offset: start,
        path: path.clone(),
    };
    let give = |doc: &mut Doc, value: Scalar| {
        doc.builder
            .scalar(prop.key, value, &here)
            .map_err(|m| doc.error(start, attribute, m))
    };
    match prop.shape {
        Shape::Str | Shape::Class(_) => give(doc, Scalar::Str(text)),
        Shape::Date => give(doc, Scalar::Date(t)),
        Shape::Int => match t.strip_prefix('+').unwrap_or(t).parse::<i64>() {
            Ok(n) => give(doc, Scalar::Int(n)),
            Err(_) => Err(wrong(doc, "a whole number")),
        },
        Shape::Num => match t.parse::<f64>() {
            Ok(value) if value.is_finite() => give(
                doc,
                Scalar::Num {
                    value,
                    text: Some(t),
                },
            ),
            _ => Err(wrong(doc, "a number")),
        },
        Shape::Bool => match t {
            "true" | "1" => give(doc, Scalar::Bool(true)),
            "false" | "0" => give(doc, Scalar::Bool(false)),
            _ => Err(wrong(doc, "true or false")),
        },
        Shape::Enum(words) => match schema::enum_value(words, t) {
            Some(w) => give(doc, Scalar::Enum(w)),
            None => Err(doc.error(
                start,
                attribute,
                format!("expected one of {}; found {t:?}", words.join(", ")),
            )),
        },
        Shape::Ref(kinds) => {
            let ids: Vec<&str> = if prop.many {
                t.split_ascii_whitespace().collect()
            } else {
                vec![t]
            };
            if ids.iter().any(|id| id.is_empty()) {
                return Err(doc.error(
                    start,
                    attribute,
                    format!(
                        "expected the ObjectId of a {}, found nothing",
                        or_list(kinds)
                    ),
                ));
            }
            for id in ids {
                give(doc, Scalar::Ref { id, kinds })?;
            }
            Ok(())
        }
    }
}

fn shape_words(shape: Shape) -> String {
    match shape {
        Shape::Str => "text".into(),
        Shape::Int => "a whole number".into(),
        Shape::Num => "a number".into(),
        Shape::Bool => "true or false".into(),
        Shape::Date => "a date".into(),
        Shape::Enum(_) => "a word".into(),
        Shape::Ref(_) => "ids".into(),
        Shape::Class(c) => or_list(c),
    }
}
