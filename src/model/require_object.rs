//! Records must be written as JSON objects.
//!
//! serde's derived structs also accept an array of field values in declaration order, so
//! `"ballots": [30, 2]` would load as valid 30, rejected 2 — a wrong type silently given a
//! meaning. These helpers ask the parser for a map wherever a struct is expected, which
//! accepts only `{...}`. They cost nothing on good input: the same visitor runs either way.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, DeserializeSeed, Deserializer, SeqAccess, Visitor};

/// A deserializer that hands the derived struct visitor a map and never a sequence.
struct MapOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The plain reading of `json`: exactly one `T`, written as a JSON object, and nothing after
/// it but whitespace. Faster readings (the streaming loader) must agree with it.
pub fn whole<'de, T: Deserialize<'de>>(json: &'de [u8]) -> serde_json::Result<T> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = object(&mut de)?;
    de.end()?;
    Ok(value)
}

/// A struct that must be a JSON object (also used for the whole document).
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    T::deserialize(MapOnly(d))
}

/// An optional struct: a JSON object or null.
pub fn option<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    struct OptionVisitor<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for OptionVisitor<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object or null")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Option<T>, D2::Error> {
            object(d).map(Some)
        }
    }
    d.deserialize_option(OptionVisitor(PhantomData))
}

/// A list of structs: a JSON array of objects, into a `Vec` or a `ThinVec`.
pub fn list<'de, D, T, L>(d: D) -> Result<L, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
    L: Default + Extend<T>,
{
    struct Element<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Element<T> {
        type Value = T;
        fn deserialize<D2: Deserializer<'de>>(self, d: D2) -> Result<T, D2::Error> {
            object(d)
        }
    }
    struct ListVisitor<T, L>(PhantomData<(T, L)>);
    impl<'de, T: Deserialize<'de>, L: Default + Extend<T>> Visitor<'de> for ListVisitor<T, L> {
        type Value = L;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list (JSON array) of objects")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<L, A::Error> {
            let mut out = L::default();
            while let Some(item) = seq.next_element_seed(Element(PhantomData))? {
                out.extend(std::iter::once(item));
            }
            Ok(out)
        }
    }
    d.deserialize_seq(ListVisitor(PhantomData))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Pair {
        a: u8,
        b: u8,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Holder {
        #[serde(default, deserialize_with = "super::option")]
        one: Option<Pair>,
        #[serde(default, deserialize_with = "super::list")]
        many: Vec<Pair>,
    }

    fn parse(json: &str) -> Result<Holder, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        super::object(&mut de).map_err(|e| e.to_string())
    }

    #[test]
    fn objects_load_and_arrays_do_not() {
        let ok = parse(r#"{"one": {"a": 1, "b": 2}, "many": [{"a": 3, "b": 4}]}"#).unwrap();
        assert_eq!(ok.one, Some(Pair { a: 1, b: 2 }));
        assert_eq!(ok.many, vec![Pair { a: 3, b: 4 }]);
        assert_eq!(parse(r#"{"one": null}"#).unwrap().one, None);
        assert!(
            parse(r#"{"one": [1, 2]}"#)
                .unwrap_err()
                .contains("sequence")
        );
        assert!(
            parse(r#"{"many": [[3, 4]]}"#)
                .unwrap_err()
                .contains("sequence")
        );
        assert!(parse(r#"{"many": {}}"#).unwrap_err().contains("list"));
        assert!(parse("[null, []]").unwrap_err().contains("sequence"));
        // Without the helpers serde would have taken the array as the fields in order.
        assert_eq!(
            serde_json::from_str::<Pair>("[1, 2]").ok(),
            Some(Pair { a: 1, b: 2 })
        );
    }
}
