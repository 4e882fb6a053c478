//! Value types that parse their input once, so the rest of koop can trust them.

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 3166-1 alpha-2 country code in upper case, e.g. `DE`, `KZ`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// Parses a two-letter code; accepts lower case and surrounding spaces.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let code = input.trim().to_ascii_uppercase();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Self(code))
        } else {
            Err(DomainError::new(
                "country",
                "invalid_country",
                format!("'{input}' is not a two-letter ISO country code"),
            )
            .with("value", input))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An ISO 639-1 language code in lower case, e.g. `de`, `ru`, `uk`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode(String);

impl LanguageCode {
    /// Parses a two-letter code; accepts upper case and surrounding spaces.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let code = input.trim().to_ascii_lowercase();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
            Ok(Self(code))
        } else {
            Err(DomainError::new(
                "languages",
                "invalid_language",
                format!("'{input}' is not a two-letter ISO 639-1 language code"),
            )
            .with("value", input))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A NACE Rev. 2 code: a section letter (`C`), division (`20`), group (`20.1`) or class (`20.14`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NaceCode(String);

impl NaceCode {
    /// Parses a NACE code in its official notation.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let code = input.trim().to_ascii_uppercase();
        let b = code.as_bytes();
        let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
        let ok = match b.len() {
            1 => b[0].is_ascii_uppercase() && b[0] <= b'U',
            2 => digits(b),
            4 => digits(&b[..2]) && b[2] == b'.' && digits(&b[3..]),
            5 => digits(&b[..2]) && b[2] == b'.' && digits(&b[3..]),
            _ => false,
        };
        if ok {
            Ok(Self(code))
        } else {
            Err(DomainError::new(
                "nace",
                "invalid_nace",
                format!("'{input}' is not a NACE Rev. 2 code such as C, 20, 20.1 or 20.14"),
            )
            .with("value", input))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The NACE group (`20.1`) this code belongs to, if it is a group or a class.
    pub fn group(&self) -> Option<&str> {
        (self.0.len() >= 4).then(|| &self.0[..4])
    }

    /// The NACE division (`20`), if the code is below section level.
    pub fn division(&self) -> Option<&str> {
        (self.0.len() >= 2).then(|| &self.0[..2])
    }
}

macro_rules! string_value {
    ($($name:ident),*) => {$(
        impl TryFrom<String> for $name {
            type Error = DomainError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }
        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}
string_value!(CountryCode, LanguageCode, NaceCode);

/// Parses a required, trimmed, non-empty text of at most `max` characters.
pub fn required_text(field: &'static str, input: &str, max: usize) -> Result<String, DomainError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(DomainError::new(
            field,
            "required",
            format!("{field} must not be empty"),
        ));
    }
    if text.chars().count() > max {
        return Err(DomainError::new(
            field,
            "too_long",
            format!("{field} is longer than {max} characters"),
        )
        .with("max", max));
    }
    Ok(text.to_owned())
}

/// Trims an optional text and checks its length; empty is allowed.
pub fn optional_text(field: &'static str, input: &str, max: usize) -> Result<String, DomainError> {
    let text = input.trim();
    if text.chars().count() > max {
        return Err(DomainError::new(
            field,
            "too_long",
            format!("{field} is longer than {max} characters"),
        )
        .with("max", max));
    }
    Ok(text.to_owned())
}

/// Parses a website address: `http` or `https` only, at most 500 characters, no
/// spaces. A bare host (`example.com`) gets `https://`.
pub fn website(input: &str) -> Result<String, DomainError> {
    let w = input.trim();
    let with_scheme = if w.contains("://") || w.contains(':') {
        w.to_owned()
    } else {
        format!("https://{w}")
    };
    let lower = with_scheme.to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && with_scheme.len() <= 500
        && with_scheme
            .split("://")
            .nth(1)
            .is_some_and(|rest| !rest.is_empty())
        && !with_scheme
            .chars()
            .any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(with_scheme)
    } else {
        Err(DomainError::new(
            "website",
            "unsupported_url",
            format!("'{input}' is not a web address with http:// or https://"),
        )
        .with("value", input))
    }
}

/// Whether a stored address may be shown as a link: `http` or `https` only. Records
/// stored before the check exist, so pages ask this too.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Parses a plausible e-mail address (one `@`, a dot in the domain, no spaces).
pub fn email(input: &str) -> Result<String, DomainError> {
    let e = input.trim();
    let valid = match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    };
    if valid {
        Ok(e.to_lowercase())
    } else {
        Err(DomainError::new(
            "email",
            "invalid_email",
            format!("'{input}' is not an e-mail address"),
        )
        .with("value", input))
    }
}

/// Defines an enum that maps to and from a stable snake_case text, as stored in the
/// database and used in CSV files and the API.
#[macro_export]
macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident, $field:literal { $($(#[$vdoc:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        pub enum $name {
            $($(#[$vdoc])* $variant),*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable text form.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            /// Parses the stable text form, naming the field and value on failure.
            pub fn parse(input: &str) -> Result<Self, $crate::DomainError> {
                match input.trim() {
                    $($text => Ok($name::$variant),)*
                    other => Err($crate::DomainError::new(
                        $field,
                        "invalid_choice",
                        format!(
                            "'{}' is not one of: {}",
                            other,
                            [$($text),*].join(", ")
                        ),
                    )
                    .with("value", other)
                    .with("choices", [$($text),*].join(", "))),
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::DomainError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl From<$name> for &'static str {
            fn from(v: $name) -> &'static str {
                v.as_str()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_normalised_and_checked() {
        assert_eq!(CountryCode::parse(" kz ").unwrap().as_str(), "KZ");
        assert_eq!(CountryCode::parse("DEU").unwrap_err().field, "country");
        assert!(CountryCode::parse("D1").is_err());
    }

    #[test]
    fn nace_codes_know_their_group_and_division() {
        let c = NaceCode::parse("20.14").unwrap();
        assert_eq!(c.group(), Some("20.1"));
        assert_eq!(c.division(), Some("20"));
        assert_eq!(NaceCode::parse("c").unwrap().division(), None);
        for bad in ["20.", "2014", "Z", "20.1a", ""] {
            assert!(NaceCode::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn emails_need_an_at_and_a_domain() {
        assert_eq!(email(" A@B.de ").unwrap(), "a@b.de");
        for bad in ["a.de", "@b.de", "a@b", "a b@c.de", "a@.de"] {
            assert!(email(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn required_text_rejects_blank_and_overlong() {
        assert_eq!(required_text("name", "  x ", 5).unwrap(), "x");
        assert_eq!(
            required_text("name", "   ", 5).unwrap_err().code,
            "required"
        );
        assert_eq!(
            required_text("name", "äöüäöü", 5).unwrap_err().code,
            "too_long"
        );
    }
}
