//! NIST SP 1500-100 v2 JSON → builder events, streamed: serde walks the document once and
//! hands each value to the builder as it passes, so no tree of the file is ever built and a
//! large file costs what hustings keeps of it.
//!
//! Every value is checked against the schema's type table as it is read: a string where a
//! number belongs, a word outside an enumeration, an `@type` the schema does not allow at
//! that place, a fraction where a whole number belongs — each is one error naming the file,
//! the line:column where the value starts and its JSON path
//! (`Election[0].Contest[2].ContestSelection[1].VoteCounts[0].Count`). Keys the schema does
//! not have are skipped and named once in the notes.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::import::ImportError;
use crate::import::nist::build::{Builder, Place, Scalar};
use crate::import::nist::report::Report;
use crate::import::nist::schema::{self, Class, Prop, Shape, TYPE_PREFIX, or_list};
use crate::model::json_path::{self, JsonPath, Segment};
use crate::model::text::one_line;

/// Reads a NIST JSON election report into the intermediate.
pub fn read(file: &str, bytes: &[u8]) -> Result<Report, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut state = State {
        builder: Builder::new(),
        path: Vec::new(),
        failure: None,
        typed_root: false,
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let seed = ObjectSeed {
        state: &mut state,
        key: "",
        choices: &["ElectionReport"],
        root: true,
    };
    let parsed = seed.deserialize(&mut de).and_then(|()| de.end());
    let at = |path: &JsonPath, (line, column): (usize, usize), message: String| ImportError::At {
        file: one_line(file),
        line,
        column,
        path: one_line(&path.to_string()),
        message: one_line(&message),
    };
    if let Err(err) = parsed {
        let (path, mine) = match state.failure.take() {
            Some(f) => (f.path, f.message),
            None => (json_path(&state.path), None),
        };
        if let Some(message) = mine {
            return Err(at(&path, json_path::locate(bytes, &path), message));
        }
        let text = err.to_string();
        let message = match text.rfind(" at line ") {
            Some(end) if err.line() > 0 => &text[..end],
            _ => text.as_str(),
        };
        return Err(match err.classify() {
            serde_json::error::Category::Eof => at(
                &path,
                (err.line().max(1), err.column().max(1)),
                format!("{message} (the file ends too soon: truncated?)"),
            ),
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => at(
                &path,
                (err.line().max(1), err.column().max(1)),
                format!("not valid JSON: {message}"),
            ),
            serde_json::error::Category::Data => {
                at(&path, json_path::locate(bytes, &path), message.to_string())
            }
        });
    }
    if !state.typed_root {
        return Err(ImportError::File {
            file: one_line(file),
            message: format!(
                "not a NIST SP 1500-100 election report: the top-level object has no \"@type\": \"{TYPE_PREFIX}ElectionReport\""
            ),
        });
    }
    state
        .builder
        .finish()
        .map_err(|(place, message)| match place {
            Place::Json(path) => at(&path, json_path::locate(bytes, &path), message),
            Place::Xml { .. } => unreachable!("the JSON reader names JSON places"),
        })
}

/// One step into the document.
#[derive(Clone, Copy)]
enum Seg {
    Key(&'static str),
    Index(usize),
}

/// The first failure, at the deepest place it was seen; `message` when it is ours (not serde's).
struct Failure {
    path: JsonPath,
    message: Option<String>,
}

struct State {
    builder: Builder,
    path: Vec<Seg>,
    failure: Option<Failure>,
    /// Whether the top-level object said it is an `ElectionResults.ElectionReport`.
    typed_root: bool,
}

impl State {
    /// Keeps the first failure (the deepest: inner values fail first).
    fn fail(&mut self, message: Option<String>) {
        if self.failure.is_none() {
            self.failure = Some(Failure {
                path: json_path(&self.path),
                message,
            });
        }
    }

    /// Our own error, at the current path.
    fn error<E: de::Error>(&mut self, message: String) -> E {
        let e = E::custom(&message);
        self.fail(Some(message));
        e
    }
}

fn json_path(path: &[Seg]) -> JsonPath {
    JsonPath(
        path.iter()
            .map(|s| match s {
                Seg::Key(k) => Segment::Key(k.to_string()),
                Seg::Index(i) => Segment::Index(*i),
            })
            .collect(),
    )
}

/// An object of one of `choices`, reached through the parent's property `key`.
struct ObjectSeed<'s> {
    state: &'s mut State,
    key: &'static str,
    choices: &'static [&'static str],
    root: bool,
}

impl<'de> DeserializeSeed<'de> for ObjectSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let state = self.state;
        let result = d.deserialize_map(ObjectVisitor {
            state: &mut *state,
            key: self.key,
            choices: self.choices,
            root: self.root,
        });
        if result.is_err() {
            state.fail(None);
        }
        result
    }
}

struct ObjectVisitor<'s> {
    state: &'s mut State,
    key: &'static str,
    choices: &'static [&'static str],
    root: bool,
}

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let names: Vec<String> = self
            .choices
            .iter()
            .map(|c| format!("{TYPE_PREFIX}{c}"))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        write!(f, "an object ({})", or_list(&names))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let state = self.state;
        let mut class: Option<&'static Class> = match self.choices {
            [one] => schema::class(one),
            _ => None,
        };
        if !self.root {
            state.builder.open(self.key, self.choices);
        }
        while let Some(key) = map.next_key_seed(KeySeed {
            class,
            choices: self.choices,
        })? {
            match key {
                Key::Type => {
                    state.path.push(Seg::Key("@type"));
                    let found = map.next_value_seed(TypeSeed {
                        state: &mut *state,
                        choices: self.choices,
                    })?;
                    state.path.pop();
                    class = Some(found);
                    state.typed_root |= self.root;
                    state.builder.class(found.name);
                }
                Key::Id => {
                    state.path.push(Seg::Key("@id"));
                    map.next_value_seed(IdSeed { state: &mut *state })?;
                    state.path.pop();
                }
                Key::Prop(prop) => {
                    state.path.push(Seg::Key(prop.key));
                    if prop.many {
                        map.next_value_seed(ListSeed {
                            state: &mut *state,
                            prop,
                        })?;
                    } else {
                        map.next_value_seed(ValueSeed {
                            state: &mut *state,
                            prop,
                        })?;
                    }
                    state.path.pop();
                }
                Key::Unknown(name) => {
                    let owner = class.map_or_else(|| self.choices.join("/"), |c| c.name.into());
                    state.builder.unknown(&owner, &name);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !self.root {
            state
                .builder
                .close()
                .map_err(|m| state.error::<A::Error>(m))?;
        }
        Ok(())
    }
}

/// A key of an object: `@type`, `@id`, a property of the class (or of any of the classes
/// allowed, before `@type` has said which), or a key the schema does not have.
enum Key {
    Type,
    Id,
    Prop(&'static Prop),
    Unknown(String),
}

struct KeySeed {
    class: Option<&'static Class>,
    choices: &'static [&'static str],
}

impl KeySeed {
    fn find(&self, name: &str) -> Option<Key> {
        match name {
            "@type" => return Some(Key::Type),
            "@id" => return Some(Key::Id),
            _ => {}
        }
        let prop = match self.class {
            Some(c) => c.prop(name),
            None => self
                .choices
                .iter()
                .filter_map(|c| schema::class(c))
                .find_map(|c| c.prop(name)),
        };
        prop.map(Key::Prop)
    }
}

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(self.find(v).unwrap_or_else(|| Key::Unknown(v.to_string())))
    }
}

/// The `@type` of an object: `ElectionResults.` and one of the classes allowed there.
struct TypeSeed<'s> {
    state: &'s mut State,
    choices: &'static [&'static str],
}

impl<'de> DeserializeSeed<'de> for TypeSeed<'_> {
    type Value = &'static Class;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<&'static Class, D::Error> {
        let state = self.state;
        let result = d.deserialize_str(TypeVisitor {
            state: &mut *state,
            choices: self.choices,
        });
        if result.is_err() {
            state.fail(None);
        }
        result
    }
}

struct TypeVisitor<'s> {
    state: &'s mut State,
    choices: &'static [&'static str],
}

impl Visitor<'_> for TypeVisitor<'_> {
    type Value = &'static Class;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a class name (a string such as \"ElectionResults.Candidate\")")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<&'static Class, E> {
        let found = v
            .strip_prefix(TYPE_PREFIX)
            .and_then(|name| self.choices.iter().find(|c| **c == name))
            .and_then(|name| schema::class(name));
        if let Some(class) = found {
            Ok(class)
        } else {
            let allowed: Vec<String> = self
                .choices
                .iter()
                .map(|c| format!("\"{TYPE_PREFIX}{c}\""))
                .collect();
            let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
            Err(self.state.error(format!(
                "@type {v:?} is not allowed here (expected {})",
                or_list(&allowed)
            )))
        }
    }
}

/// The `@id` of an object.
struct IdSeed<'s> {
    state: &'s mut State,
}

impl<'de> DeserializeSeed<'de> for IdSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let state = self.state;
        let result = d.deserialize_str(IdVisitor { state: &mut *state });
        if result.is_err() {
            state.fail(None);
        }
        result
    }
}

struct IdVisitor<'s> {
    state: &'s mut State,
}

impl Visitor<'_> for IdVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id (a string)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if v.trim().is_empty() {
            return Err(self.state.error("an @id cannot be empty".into()));
        }
        self.state.builder.id(v).map_err(|m| self.state.error(m))
    }
}

/// A list-valued property: each item as the property's shape says.
struct ListSeed<'s> {
    state: &'s mut State,
    prop: &'static Prop,
}

impl<'de> DeserializeSeed<'de> for ListSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let state = self.state;
        let result = d.deserialize_seq(ListVisitor {
            state: &mut *state,
            prop: self.prop,
        });
        if result.is_err() {
            state.fail(None);
        }
        result
    }
}

struct ListVisitor<'s> {
    state: &'s mut State,
    prop: &'static Prop,
}

impl<'de> Visitor<'de> for ListVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list (array) of {}", describe(self.prop.shape))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.state;
        let mut i = 0;
        loop {
            state.path.push(Seg::Index(i));
            let more = seq.next_element_seed(ValueSeed {
                state: &mut *state,
                prop: self.prop,
            })?;
            state.path.pop();
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
}

/// What a shape is, in a message.
fn describe(shape: Shape) -> String {
    match shape {
        Shape::Str => "strings".into(),
        Shape::Int => "whole numbers".into(),
        Shape::Num => "numbers".into(),
        Shape::Bool => "booleans".into(),
        Shape::Date => "dates".into(),
        Shape::Enum(_) => "words".into(),
        Shape::Ref(_) => "ids".into(),
        Shape::Class(c) => format!("{} objects", or_list(c)),
    }
}

/// One value of a property.
struct ValueSeed<'s> {
    state: &'s mut State,
    prop: &'static Prop,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let state = self.state;
        let prop = self.prop;
        let result = match prop.shape {
            Shape::Class(choices) => ObjectSeed {
                state: &mut *state,
                key: prop.key,
                choices,
                root: false,
            }
            .deserialize(d),
            Shape::Str | Shape::Date | Shape::Enum(_) | Shape::Ref(_) => {
                d.deserialize_str(ScalarVisitor {
                    state: &mut *state,
                    prop,
                })
            }
            Shape::Bool => d.deserialize_bool(ScalarVisitor {
                state: &mut *state,
                prop,
            }),
            Shape::Int | Shape::Num => d.deserialize_any(ScalarVisitor {
                state: &mut *state,
                prop,
            }),
        };
        if result.is_err() {
            state.fail(None);
        }
        result
    }
}

struct ScalarVisitor<'s> {
    state: &'s mut State,
    prop: &'static Prop,
}

impl ScalarVisitor<'_> {
    fn give<E: de::Error>(self, value: Scalar) -> Result<(), E> {
        let State { builder, path, .. } = &mut *self.state;
        let path = &*path;
        match builder.scalar(self.prop.key, value, &|| Place::Json(json_path(path))) {
            Ok(()) => Ok(()),
            Err(m) => Err(self.state.error(m)),
        }
    }

    fn number<E: de::Error>(self, value: f64, shown: &dyn fmt::Display) -> Result<(), E> {
        match self.prop.shape {
            Shape::Int if value.fract() == 0.0 && value.abs() < 9.0e15 => {
                self.give(Scalar::Int(value as i64))
            }
            Shape::Int => Err(self
                .state
                .error(format!("expected a whole number, found {shown}"))),
            _ => self.give(Scalar::Num { value, text: None }),
        }
    }
}

impl Visitor<'_> for ScalarVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.prop.shape {
            Shape::Str => f.write_str("a string"),
            Shape::Int => f.write_str("a whole number"),
            Shape::Num => f.write_str("a number"),
            Shape::Bool => f.write_str("true or false"),
            Shape::Date => f.write_str("a date (a string, YYYY-MM-DD)"),
            Shape::Enum(words) => write!(f, "one of the words {}", words.join(", ")),
            Shape::Ref(kinds) => write!(f, "the @id (a string) of a {}", or_list(kinds)),
            Shape::Class(_) => f.write_str("an object"),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if matches!(self.prop.shape, Shape::Int | Shape::Num | Shape::Bool) {
            return Err(de::Error::invalid_type(de::Unexpected::Str(v), &self));
        }
        let value = match self.prop.shape {
            Shape::Enum(words) => match schema::enum_value(words, v) {
                Some(w) => Scalar::Enum(w),
                None => {
                    return Err(self
                        .state
                        .error(format!("expected one of {}; found {v:?}", words.join(", "))));
                }
            },
            Shape::Ref(kinds) => Scalar::Ref { id: v, kinds },
            Shape::Date => Scalar::Date(v),
            _ => Scalar::Str(v),
        };
        self.give(value)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        if self.prop.shape != Shape::Bool {
            return Err(de::Error::invalid_type(de::Unexpected::Bool(v), &self));
        }
        self.give(Scalar::Bool(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        match (self.prop.shape, i64::try_from(v)) {
            (Shape::Int, Ok(n)) => self.give(Scalar::Int(n)),
            _ => self.number(v as f64, &v),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        match self.prop.shape {
            Shape::Int => self.give(Scalar::Int(v)),
            _ => self.number(v as f64, &v),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.number(v, &v)
    }
}
