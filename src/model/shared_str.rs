//! A string many contests repeat — a party, a faction or region id, a voting method, an
//! endorser, an outlet — held once and pointed to: 8 bytes in the contest, where a string is
//! 24, and one copy of `Labour` for a million candidates. Reading one looks it up among the
//! strings this thread has read lately, so a file's repeats become one string as it is parsed.
//! It reads, writes and compares as the text it holds, and its schema is a string's.

use std::borrow::{Borrow, Cow};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;

use arcstr::ArcStr;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A shared string (see the module's notes).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(ArcStr);

/// How many different strings a thread remembers: enough for every party, faction, region,
/// method and outlet of a large file, while a file whose "repeated" strings are all different
/// costs a bounded table, not a copy of them all kept after the data is gone.
const REMEMBERED: usize = 4096;

thread_local! {
    static SEEN: RefCell<HashSet<ArcStr, foldhash::fast::RandomState>> =
        RefCell::new(HashSet::default());
}

impl SharedStr {
    /// `text`, shared with an equal string read before on this thread when there is one.
    pub fn new(text: &str) -> SharedStr {
        SEEN.with_borrow_mut(|seen| {
            if let Some(known) = seen.get(text) {
                return SharedStr(known.clone());
            }
            let new = ArcStr::from(text);
            if seen.len() < REMEMBERED {
                seen.insert(new.clone());
            }
            SharedStr(new)
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> SharedStr {
        SharedStr::new(text)
    }
}

impl From<&String> for SharedStr {
    fn from(text: &String) -> SharedStr {
        SharedStr::new(text)
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> SharedStr {
        SharedStr::new(&text)
    }
}

impl From<Cow<'_, str>> for SharedStr {
    fn from(text: Cow<'_, str>) -> SharedStr {
        SharedStr::new(&text)
    }
}

impl From<compact_str::CompactString> for SharedStr {
    fn from(text: compact_str::CompactString) -> SharedStr {
        SharedStr::new(&text)
    }
}

impl From<&SharedStr> for String {
    fn from(text: &SharedStr) -> String {
        text.as_str().to_owned()
    }
}

impl From<SharedStr> for String {
    fn from(text: SharedStr) -> String {
        text.as_str().to_owned()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SharedStr, D::Error> {
        struct Text;
        impl Visitor<'_> for Text {
            type Value = SharedStr;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<SharedStr, E> {
                Ok(SharedStr::new(text))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

// Written as a string, so described as one: the schema is unchanged.
impl JsonSchema for SharedStr {
    fn inline_schema() -> bool {
        <String as JsonSchema>::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        <String as JsonSchema>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <String as JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <String as JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_read_on_a_thread_are_one_string() {
        let parties: Vec<SharedStr> =
            serde_json::from_str(r#"["Labour", "Green", "Labour", "", "Labour"]"#).unwrap();
        assert!(ArcStr::ptr_eq(&parties[0].0, &parties[2].0));
        assert!(ArcStr::ptr_eq(&parties[0].0, &parties[4].0));
        assert_eq!(parties[1], "Green");
        assert_eq!(parties[3].as_str(), "");
        // Written back as it was read.
        assert_eq!(
            serde_json::to_string(&parties).unwrap(),
            r#"["Labour","Green","Labour","","Labour"]"#
        );
        // Escapes are read as text, and the same text is the same string.
        let escaped: SharedStr = serde_json::from_str(r#""Lab\u006fur""#).unwrap();
        assert!(ArcStr::ptr_eq(&escaped.0, &parties[0].0));
    }

    #[test]
    fn a_thread_remembers_a_bounded_number_of_strings() {
        std::thread::spawn(|| {
            for n in 0..REMEMBERED + 100 {
                let _ = SharedStr::new(&format!("party {n}"));
            }
            SEEN.with_borrow(|seen| assert_eq!(seen.len(), REMEMBERED));
            // One it remembers is shared; one past the bound is a string of its own each time.
            let (a, b) = (SharedStr::new("party 1"), SharedStr::new("party 1"));
            assert!(ArcStr::ptr_eq(&a.0, &b.0));
            let late = format!("party {}", REMEMBERED + 50);
            let (c, d) = (SharedStr::new(&late), SharedStr::new(&late));
            assert!(!ArcStr::ptr_eq(&c.0, &d.0));
            assert_eq!(c, d);
            assert_eq!(c, late);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn its_schema_is_a_strings() {
        let mut a = SchemaGenerator::default();
        let mut b = SchemaGenerator::default();
        assert_eq!(SharedStr::json_schema(&mut a), String::json_schema(&mut b));
        assert_eq!(SharedStr::schema_name(), String::schema_name());
    }
}
