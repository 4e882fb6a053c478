//! Transliteration to plain Latin letters and character n-grams, so that cognates such as
//! "Metall", "metal" and "металл" overlap without any dictionary or embedding.

/// Lower-cases, folds Latin diacritics (ä → a, ß → ss) and transliterates Cyrillic
/// (simplified scientific scheme, biased towards the spellings of international words).
pub fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let s: &str = match c {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' => "a",
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => "o",
            'ü' | 'ù' | 'ú' | 'û' | 'ů' => "u",
            'ß' => "ss",
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => "e",
            'í' | 'ì' | 'î' | 'ï' | 'ı' => "i",
            'ç' | 'ć' | 'č' => "c",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ś' | 'š' | 'ş' => "s",
            'ź' | 'ż' | 'ž' => "z",
            'ř' => "r",
            'ğ' => "g",
            'ý' => "y",
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ґ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' | 'є' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' | 'ї' | 'й' | 'ы' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "c",
            'ч' => "ch",
            'ш' | 'щ' => "sh",
            'ъ' | 'ь' => "",
            'ю' => "yu",
            'я' => "ya",
            c if c.is_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        out.push_str(s);
    }
    out
}

/// The character `n`-grams of each word of `text` (already transliterated), with `^` and `$`
/// marking word boundaries so that word beginnings, where cognates agree most, count.
pub fn char_ngrams(text: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let chars: Vec<char> = std::iter::once('^')
            .chain(word.chars())
            .chain(std::iter::once('$'))
            .collect();
        if chars.len() < n {
            continue;
        }
        for w in chars.windows(n) {
            out.push(w.iter().collect());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates_meet_after_transliteration() {
        assert_eq!(transliterate("Металл"), "metall");
        assert_eq!(transliterate("Größe, Kunststoffe"), "grosse  kunststoffe");
        let a = char_ngrams(&transliterate("Металлургия"), 3);
        let b = char_ngrams(&transliterate("Metallurgie"), 3);
        let shared = a.iter().filter(|g| b.contains(g)).count();
        assert!(shared >= 6, "{a:?} {b:?}");
    }
}
