//! The small subset of MiniZinc data syntax that the benchmark files use:
//! `name = value;` with integers, sets, arrays and 2-D arrays, `%` comments.

use std::collections::HashMap;

use super::{DznError, bad};

/// A parsed right-hand side.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Int(i64),
    Set(Vec<i64>),
    List(Vec<Value>),
    Rows(Vec<Vec<i64>>),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Int(i64),
    Sym(char),
}

fn tokenize(text: &str) -> Result<Vec<(usize, Tok)>, DznError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let code = raw.split('%').next().unwrap_or("");
        let mut chars = code.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if c.is_ascii_alphabetic() || c == '_' {
                let mut end = start + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_ascii_alphanumeric() || d == '_' {
                        end = j + 1;
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push((line, Tok::Ident(code[start..end].to_string())));
            } else if c.is_ascii_digit() || c == '-' {
                let mut end = start + 1;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_ascii_digit() {
                        end = j + 1;
                        chars.next();
                    } else {
                        break;
                    }
                }
                let n = code[start..end]
                    .parse()
                    .map_err(|_| bad(line, &format!("bad number `{}`", &code[start..end])))?;
                out.push((line, Tok::Int(n)));
            } else if "=;[]{}|,".contains(c) {
                out.push((line, Tok::Sym(c)));
            } else {
                return Err(bad(line, &format!("unexpected character `{c}`")));
            }
        }
    }
    Ok(out)
}

pub(super) fn parse_assignments(text: &str) -> Result<HashMap<String, (usize, Value)>, DznError> {
    let toks = tokenize(text)?;
    let mut p = Parser { toks, pos: 0 };
    let mut out = HashMap::new();
    while p.pos < p.toks.len() {
        let line = p.line();
        let name = match p.next() {
            Some(Tok::Ident(n)) => n,
            other => {
                return Err(bad(
                    line,
                    &format!("expected a field name, found {other:?}"),
                ));
            }
        };
        p.expect('=')?;
        let value = p.value()?;
        p.expect(';')?;
        if out.insert(name.clone(), (line, value)).is_some() {
            return Err(bad(line, &format!("field `{name}` is given twice")));
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
}

impl Parser {
    fn line(&self) -> usize {
        self.toks
            .get(self.pos)
            .or(self.toks.last())
            .map_or(0, |t| t.0)
    }
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.1)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).map(|t| t.1.clone());
        self.pos += 1;
        t
    }
    fn expect(&mut self, c: char) -> Result<(), DznError> {
        let line = self.line();
        match self.next() {
            Some(Tok::Sym(d)) if d == c => Ok(()),
            other => Err(bad(line, &format!("expected `{c}`, found {other:?}"))),
        }
    }
    fn int(&mut self) -> Result<i64, DznError> {
        let line = self.line();
        match self.next() {
            Some(Tok::Int(i)) => Ok(i),
            other => Err(bad(line, &format!("expected an integer, found {other:?}"))),
        }
    }
    /// Integers separated by commas (a trailing comma is allowed) until `close`.
    fn ints_until(&mut self, close: char) -> Result<Vec<i64>, DznError> {
        let mut out = Vec::new();
        loop {
            match self.peek() {
                Some(Tok::Sym(c)) if *c == close => return Ok(out),
                Some(Tok::Sym(',')) => {
                    self.pos += 1;
                }
                _ => out.push(self.int()?),
            }
        }
    }
    fn value(&mut self) -> Result<Value, DznError> {
        let line = self.line();
        match self.next() {
            Some(Tok::Int(i)) => Ok(Value::Int(i)),
            Some(Tok::Sym('{')) => {
                let s = self.ints_until('}')?;
                self.expect('}')?;
                Ok(Value::Set(s))
            }
            Some(Tok::Sym('[')) if self.peek() == Some(&Tok::Sym('|')) => {
                self.pos += 1;
                let mut rows = Vec::new();
                loop {
                    if self.peek() == Some(&Tok::Sym(']')) {
                        self.pos += 1;
                        return Ok(Value::Rows(rows));
                    }
                    rows.push(self.ints_until('|')?);
                    self.expect('|')?;
                }
            }
            Some(Tok::Sym('[')) => {
                let mut items = Vec::new();
                loop {
                    match self.peek() {
                        Some(Tok::Sym(']')) => {
                            self.pos += 1;
                            return Ok(Value::List(items));
                        }
                        Some(Tok::Sym(',')) => self.pos += 1,
                        _ => items.push(self.value()?),
                    }
                }
            }
            other => Err(bad(line, &format!("expected a value, found {other:?}"))),
        }
    }
}
