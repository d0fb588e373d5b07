//! A small, strict JSON parser (RFC 8259) for the content files blog authors write.
//! Hand-written rather than serde_json because the wasm has a size budget; it does exactly what the
//! content loader needs: a value tree, and errors with a line and column an author can find.

use std::collections::HashSet;
use std::fmt;

/// A parsed JSON value. Objects keep their members in document order; duplicate keys are
/// rejected while parsing, so a key names at most one member.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The member `key` of an object; `None` for a missing key or a value that is no object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The kind of value with its article, for messages such as `expected an array, got a string`.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Why a text is not JSON, and where: `line` and `column` are 1-based, the column counted in
/// characters (not bytes), as editors show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl JsonError {
    /// `line 3, column 14: expected ',' or '}' after an object member`
    pub fn describe(&self) -> String {
        [
            "line ",
            &self.line.to_string(),
            ", column ",
            &self.column.to_string(),
            ": ",
            &self.message,
        ]
        .concat()
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl std::error::Error for JsonError {}

/// Arrays and objects nest at most this deep. Content needs six levels (a role's focus claim's
/// foci); the limit keeps the recursive parser's stack small whatever the input.
pub const MAX_DEPTH: usize = 32;

/// Parses one JSON value that fills the whole text (surrounding whitespace and a leading
/// byte order mark allowed).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    // Editors on Windows like to write a BOM; it is invisible, so it does not count as a column.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser { text, pos: 0 };
    parser
        .document()
        .map_err(|(pos, message)| locate(text, pos, message))
}

/// A failure at a byte offset; turned into line and column only once, when it leaves `parse`.
type Fail = (usize, String);

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next unread byte. `text` is only sliced at ASCII bytes (quotes,
    /// backslashes, digits, letters) or its end, which are char boundaries, so slicing cannot
    /// panic even though string scanning steps through multi-byte characters byte by byte.
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// The character at the current position, quoted, for `found '}'` in messages.
    fn found(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => ['\'', c, '\''].iter().collect(),
            None => "the end of input".into(),
        }
    }

    fn end_of_input<T>(&self, expected: &str) -> Result<T, Fail> {
        Err((
            self.pos,
            ["unexpected end of input: expected ", expected].concat(),
        ))
    }

    fn document(&mut self) -> Result<Json, Fail> {
        self.skip_whitespace();
        if self.peek().is_none() {
            return Err((self.pos, "empty input: expected a JSON value".into()));
        }
        let value = self.value(0)?;
        self.skip_whitespace();
        if self.peek().is_some() {
            return Err((self.pos, "trailing characters after the JSON value".into()));
        }
        Ok(value)
    }

    /// One value, after optional whitespace. `depth` counts the arrays and objects around it.
    fn value(&mut self, depth: usize) -> Result<Json, Fail> {
        self.skip_whitespace();
        let at = self.pos;
        match self.peek() {
            None => self.end_of_input("a value"),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(c) if c.is_ascii_alphabetic() => self.word(),
            // The usual slips of people who write JavaScript, named so they are quick to fix.
            Some(b'\'') => Err((at, "strings must be in double quotes, not single".into())),
            Some(b'/') => Err((at, "comments are not allowed in JSON".into())),
            Some(_) => Err((at, ["expected a value, found ", &self.found()].concat())),
        }
    }

    /// `true`, `false`, `null`, or a bare word that is none of them.
    fn word(&mut self) -> Result<Json, Fail> {
        let at = self.pos;
        let bytes = self.text.as_bytes();
        let mut end = at;
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        let word = &self.text[at..end];
        let value = match word {
            "true" => Json::Bool(true),
            "false" => Json::Bool(false),
            "null" => Json::Null,
            "NaN" | "Infinity" => {
                return Err((at, [word, " is not allowed in JSON"].concat()));
            }
            _ => {
                return Err((
                    at,
                    [
                        "unexpected word ",
                        word,
                        ": expected a value (text goes in double quotes)",
                    ]
                    .concat(),
                ));
            }
        };
        self.pos = end;
        Ok(value)
    }

    /// Checks the depth limit at an opening bracket and steps over it.
    fn open(&mut self, depth: usize) -> Result<(), Fail> {
        if depth > MAX_DEPTH {
            return Err((
                self.pos,
                [
                    "nested too deeply: at most ",
                    &MAX_DEPTH.to_string(),
                    " levels of arrays and objects",
                ]
                .concat(),
            ));
        }
        self.pos += 1;
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Json, Fail> {
        self.open(depth)?;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    let comma = self.pos;
                    self.pos += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        return Err((comma, "trailing comma before ']'".into()));
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                None => return self.end_of_input("',' or ']' after an array element"),
                Some(_) => {
                    return Err((
                        self.pos,
                        "expected ',' or ']' after an array element".into(),
                    ))
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, Fail> {
        self.open(depth)?;
        let mut members: Vec<(String, Json)> = Vec::new();
        // Where each key starts, to point at the second of two duplicate keys.
        let mut key_at = Vec::new();
        let mut comma = None;
        self.skip_whitespace();
        if !self.eat(b'}') {
            loop {
                self.skip_whitespace();
                let at = self.pos;
                match (self.peek(), comma) {
                    (Some(b'"'), _) => {}
                    (Some(b'}'), Some(comma)) => {
                        return Err((comma, "trailing comma before '}'".into()));
                    }
                    (Some(b'\''), _) => {
                        return Err((at, "keys must be in double quotes, not single".into()));
                    }
                    (Some(b'/'), _) => {
                        return Err((at, "comments are not allowed in JSON".into()));
                    }
                    (None, _) => return self.end_of_input("a key in double quotes"),
                    (Some(_), _) => {
                        return Err((
                            at,
                            ["expected a key in double quotes, found ", &self.found()].concat(),
                        ));
                    }
                }
                let key = self.string()?;
                self.skip_whitespace();
                match self.peek() {
                    Some(b':') => self.pos += 1,
                    None => return self.end_of_input("':' after the object key"),
                    Some(_) => return Err((self.pos, "expected ':' after the object key".into())),
                }
                let value = self.value(depth)?;
                members.push((key, value));
                key_at.push(at);
                self.skip_whitespace();
                match self.peek() {
                    Some(b',') => {
                        comma = Some(self.pos);
                        self.pos += 1;
                    }
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    None => return self.end_of_input("',' or '}' after an object member"),
                    Some(_) => {
                        return Err((
                            self.pos,
                            "expected ',' or '}' after an object member".into(),
                        ));
                    }
                }
            }
        }
        if let Some(i) = first_duplicate(&members) {
            return Err((
                key_at[i],
                ["duplicate key \"", &members[i].0, "\""].concat(),
            ));
        }
        Ok(Json::Object(members))
    }

    /// A string, from its opening quote. Runs without escapes are copied as whole slices.
    fn string(&mut self) -> Result<String, Fail> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let Some(byte) = self.peek() else {
                return Err((open, "unterminated string".into()));
            };
            match byte {
                b'"' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.escape(open, &mut out)?;
                    run = self.pos;
                }
                // A raw line break almost always means a forgotten closing quote.
                b'\n' | b'\r' => {
                    return Err((
                        open,
                        "unterminated string: a string cannot span lines (write \\n for a line break)"
                            .into(),
                    ));
                }
                0..=0x1f => {
                    return Err((
                        self.pos,
                        [
                            "control character U+00",
                            &hex_byte(byte),
                            " in a string; write it as an escape",
                        ]
                        .concat(),
                    ));
                }
                _ => self.pos += 1,
            }
        }
    }

    /// One escape sequence, from its backslash; appends what it stands for.
    fn escape(&mut self, open: usize, out: &mut String) -> Result<(), Fail> {
        let at = self.pos;
        let Some(letter) = self.text.get(at + 1..).and_then(|rest| rest.chars().next()) else {
            return Err((open, "unterminated string".into()));
        };
        self.pos += 1 + letter.len_utf8();
        let decoded = match letter {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => self.unicode_escape(at)?,
            _ => {
                let mut message = String::from("invalid escape \\");
                message.push(letter);
                return Err((at, message));
            }
        };
        out.push(decoded);
        Ok(())
    }

    /// `\uXXXX`, after the `u`; characters outside the BMP come as a surrogate pair
    /// `\uD83D\uDE00`. A surrogate that is not part of a pair encodes no character.
    fn unicode_escape(&mut self, at: usize) -> Result<char, Fail> {
        let high = self.hex4(at)?;
        let code = match high {
            0xD800..=0xDBFF => {
                let low_at = self.pos;
                if !self
                    .text
                    .get(low_at..)
                    .is_some_and(|rest| rest.starts_with("\\u"))
                {
                    return Err(self.lone_surrogate(at));
                }
                self.pos += 2;
                let low = self.hex4(low_at)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.lone_surrogate(at));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.lone_surrogate(at)),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.lone_surrogate(at))
    }

    /// Four hex digits of a `\u` escape that starts at `at`.
    fn hex4(&mut self, at: usize) -> Result<u32, Fail> {
        let digits = self.text.as_bytes().get(self.pos..self.pos + 4);
        let code = digits.and_then(|digits| {
            digits.iter().try_fold(0, |code, &d| {
                char::from(d).to_digit(16).map(|value| code * 16 + value)
            })
        });
        match code {
            Some(code) => {
                self.pos += 4;
                Ok(code)
            }
            None => Err((at, "invalid escape \\u: expected four hex digits".into())),
        }
    }

    fn lone_surrogate(&self, at: usize) -> Fail {
        // The escape as written, e.g. `\uD83D`: six ASCII bytes, checked by `hex4`.
        let written = self.text.get(at..at + 6).unwrap_or("\\u");
        (
            at,
            [
                "lone surrogate ",
                written,
                ": a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF escape",
            ]
            .concat(),
        )
    }

    /// A number in the JSON grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, checked
    /// here because `f64::from_str` accepts more (`+1`, `.5`, `inf`).
    fn number(&mut self) -> Result<Json, Fail> {
        let start = self.pos;
        self.eat(b'-');
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err((
                        start,
                        "invalid number: leading zeros are not allowed".into(),
                    ));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err((self.pos, "invalid number: expected a digit".into())),
        }
        if self.eat(b'.') && !self.digits_after() {
            return Err((
                self.pos,
                "invalid number: expected a digit after '.'".into(),
            ));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.digits_after() {
                return Err((
                    self.pos,
                    "invalid number: expected a digit in the exponent".into(),
                ));
            }
        }
        let n = number_value(&self.text[start..self.pos]);
        if n.is_finite() {
            Ok(Json::Number(n))
        } else {
            Err((start, "number out of range".into()))
        }
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    /// Reads digits; whether there was at least one.
    fn digits_after(&mut self) -> bool {
        let start = self.pos;
        self.digits();
        self.pos > start
    }
}

/// The index of the first member whose key an earlier member already has. A set keeps this
/// linear where comparing every pair would let one huge object stall the page.
fn first_duplicate(members: &[(String, Json)]) -> Option<usize> {
    let mut seen = HashSet::with_capacity(members.len());
    members
        .iter()
        .position(|(key, _)| !seen.insert(key.as_str()))
}

/// Powers of ten that an `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a number that matched the JSON grammar.
///
/// Not `f64::from_str`: its correctly rounded algorithm adds about 18 KB of code and tables to
/// the wasm (14 KB compressed), for content whose only number is `"version": 1`. RFC 8259 lets a
/// parser limit precision, so: exact (correctly rounded) when the digits without the point form
/// an integer below 2^53 and the decimal exponent is within ±22, which covers every integer up
/// to 2^53 and every decimal with up to 15 significant digits of ordinary size. Otherwise the
/// value is within a few units in the last place, so numbers within a few units of `f64::MAX`
/// may be refused as out of range.
fn number_value(text: &str) -> f64 {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent_part) = match text.find(['e', 'E']) {
        Some(e) => (&text[..e], &text[e + 1..]),
        None => (text, ""),
    };
    // All digits as one integer, and the power of ten that scales it back.
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut in_fraction = false;
    for byte in digits.bytes() {
        if byte == b'.' {
            in_fraction = true;
        } else if mantissa < u64::MAX / 10 - 9 {
            mantissa = mantissa * 10 + u64::from(byte - b'0');
            exponent -= i32::from(in_fraction);
        } else {
            // Past 18 digits: drop the digit, keeping its weight when it is before the point.
            exponent += i32::from(!in_fraction);
        }
    }
    let (exponent_negative, exponent_digits) = match exponent_part.as_bytes().first() {
        Some(b'-') => (true, &exponent_part[1..]),
        Some(b'+') => (false, &exponent_part[1..]),
        _ => (false, exponent_part),
    };
    // Saturates far beyond the range of f64, so a long exponent cannot overflow the i32.
    let written = exponent_digits
        .bytes()
        .fold(0i32, |e, d| (e * 10 + i32::from(d - b'0')).min(100_000));
    exponent += if exponent_negative { -written } else { written };

    let value = if mantissa == 0 {
        0.0
    } else if mantissa < 1 << 53 && (-22..=22).contains(&exponent) {
        // One exact operand and one rounding: the correctly rounded result.
        let power = EXACT_POWERS_OF_TEN[exponent.unsigned_abs() as usize];
        if exponent < 0 {
            mantissa as f64 / power
        } else {
            mantissa as f64 * power
        }
    } else if exponent < -300 {
        // In two steps, so that 10^exponent alone does not underflow to zero.
        mantissa as f64 * 10f64.powi(exponent + 300) * 1e-300
    } else {
        mantissa as f64 * 10f64.powi(exponent)
    };
    if negative {
        -value
    } else {
        value
    }
}

/// Two uppercase hex digits, for `U+001F`.
fn hex_byte(byte: u8) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]]
        .iter()
        .map(|&d| char::from(d))
        .collect()
}

/// Turns a byte offset into a 1-based line and a column counted in characters.
fn locate(text: &str, pos: usize, message: String) -> JsonError {
    let before = &text.as_bytes()[..pos.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    JsonError {
        line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
        // UTF-8 continuation bytes (10xxxxxx) are not characters of their own.
        column: 1 + before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count(),
        message,
    }
}
