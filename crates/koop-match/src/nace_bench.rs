//! The cross-lingual text benchmark on the official NACE Rev. 2 class titles: given the title
//! of a class in one language, rank the 615 class titles of another language and see where
//! the same class lands (top-1 and MRR), as in the data folder's README.
//!
//! Without embeddings, the engine's own text signals carry across languages only through
//! shared word stems and cognates ("Metall", "metal", "металл"), so the score is the mean of a
//! stemmed-word TF-IDF cosine and a TF-IDF cosine of character trigrams of transliterated text.
//! With embeddings, the caller supplies vectors and the score is their cosine.

use std::io::Read;

use serde::Serialize;

use crate::codes::LangCode;
use crate::error::MatchError;
use crate::signals::semantic::cosine;
use crate::text::{Analyzer, TermVector, Vocabulary, char_ngrams, transliterate};

/// One NACE class (level 4) with its titles.
#[derive(Debug, Clone)]
pub struct NaceClass {
    /// The code (`20.14`).
    pub code: String,
    /// Titles by language code, in the file's column order.
    pub titles: Vec<(String, String)>,
}

impl NaceClass {
    /// The title in `lang` (`"en"`, `"de"`, `"ru"`, …), if the file has it.
    pub fn title(&self, lang: &str) -> Option<&str> {
        self.titles
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.as_str())
    }
}

/// Top-1 accuracy and mean reciprocal rank of one direction.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Retrieval {
    /// Query language.
    pub from: String,
    /// Target language.
    pub to: String,
    /// Number of classes.
    pub classes: usize,
    /// Share of classes whose own title ranks first.
    pub top1: f64,
    /// Mean reciprocal rank of the own title.
    pub mrr: f64,
}

/// Reads the classes (level 4) of `nace_rev2.csv`.
pub fn read_classes(r: impl Read) -> Result<Vec<NaceClass>, MatchError> {
    let mut rd = csv::Reader::from_reader(r);
    let bad = |line: u64, why: String| MatchError::BadLine {
        source_name: "nace_rev2.csv".into(),
        line,
        why,
    };
    let headers = rd.headers().map_err(|e| bad(1, e.to_string()))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| bad(1, format!("missing column {name}")))
    };
    let (code, level) = (col("code")?, col("level")?);
    let title_cols: Vec<(String, usize)> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.strip_prefix("title_").map(|l| (l.to_string(), i)))
        .collect();
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec =
            rec.map_err(|e| bad(e.position().map(|p| p.line()).unwrap_or(0), e.to_string()))?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.get(level) != Some("4") {
            continue;
        }
        let code = rec
            .get(code)
            .ok_or_else(|| bad(line, "missing code".into()))?
            .to_string();
        let titles = title_cols
            .iter()
            .map(|(l, i)| (l.clone(), rec.get(*i).unwrap_or("").to_string()))
            .collect();
        out.push(NaceClass { code, titles });
    }
    Ok(out)
}

/// Ranks with the engine's text signals only (no embeddings).
pub fn text_only(classes: &[NaceClass], from: &str, to: &str) -> Result<Retrieval, MatchError> {
    let analyzer = Analyzer::new();
    let (a, b) = (titles(classes, from)?, titles(classes, to)?);
    let (la, lb) = (
        LangCode::parse("language", from).ok(),
        LangCode::parse("language", to).ok(),
    );
    let words_a: Vec<Vec<String>> = a.iter().map(|t| analyzer.terms(t, la)).collect();
    let words_b: Vec<Vec<String>> = b.iter().map(|t| analyzer.terms(t, lb)).collect();
    let grams_a: Vec<Vec<String>> = a
        .iter()
        .map(|t| char_ngrams(&transliterate(t), 3))
        .collect();
    let grams_b: Vec<Vec<String>> = b
        .iter()
        .map(|t| char_ngrams(&transliterate(t), 3))
        .collect();
    let (wa, wb) = vectors(&words_a, &words_b);
    let (ga, gb) = vectors(&grams_a, &grams_b);
    Ok(retrieve(from, to, a.len(), |i, j| {
        0.5 * wa[i].dot(&wb[j]) + 0.5 * ga[i].dot(&gb[j])
    }))
}

/// Ranks by the cosine of caller-supplied embeddings of the titles, in class order.
pub fn with_embeddings(from: &str, to: &str, a: &[Vec<f32>], b: &[Vec<f32>]) -> Retrieval {
    retrieve(from, to, a.len().min(b.len()), |i, j| cosine(&a[i], &b[j]))
}

/// The titles of all classes in one language.
pub fn titles<'a>(classes: &'a [NaceClass], lang: &str) -> Result<Vec<&'a str>, MatchError> {
    classes
        .iter()
        .map(|c| {
            c.title(lang).ok_or_else(|| {
                MatchError::invalid("language", lang, "no title_ column for it in nace_rev2.csv")
            })
        })
        .collect()
}

// One vocabulary over both sides, so shared stems and trigrams get the same id and weight.
fn vectors(a: &[Vec<String>], b: &[Vec<String>]) -> (Vec<TermVector>, Vec<TermVector>) {
    let mut vocab = Vocabulary::default();
    for d in a.iter().chain(b) {
        vocab.add_document(d.iter().map(String::as_str));
    }
    let vec = |d: &Vec<String>| vocab.vector(d.iter().map(|t| (t.as_str(), 1.0)));
    (a.iter().map(vec).collect(), b.iter().map(vec).collect())
}

// The own class's rank among all targets; ties count against it (a tie is not a hit).
fn retrieve(from: &str, to: &str, n: usize, sim: impl Fn(usize, usize) -> f32) -> Retrieval {
    let (mut top1, mut mrr) = (0.0, 0.0);
    for i in 0..n {
        let own = sim(i, i);
        let rank = 1 + (0..n).filter(|&j| j != i && sim(i, j) >= own).count();
        if rank == 1 {
            top1 += 1.0;
        }
        mrr += 1.0 / rank as f64;
    }
    let k = n.max(1) as f64;
    Retrieval {
        from: from.into(),
        to: to.into(),
        classes: n,
        top1: top1 / k,
        mrr: mrr / k,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "code,level,parent,section,isic_rev4,title_en,title_de,title_ru\n\
        C,1,,C,C,Manufacturing,Verarbeitendes Gewerbe,Обрабатывающие производства\n\
        24.10,4,24.1,C,2410,Manufacture of basic iron and steel,Erzeugung von Roheisen und Stahl,Производство чугуна и стали\n\
        24.42,4,24.4,C,2420,Aluminium production,Erzeugung und erste Bearbeitung von Aluminium,Производство алюминия\n\
        62.01,4,62.0,J,6201,Computer programming activities,Programmierungstätigkeiten,Разработка компьютерного программного обеспечения\n";

    #[test]
    fn reads_classes_and_finds_cognates_across_languages() {
        let classes = read_classes(CSV.as_bytes()).unwrap();
        assert_eq!(classes.len(), 3);
        assert_eq!(
            classes[1].title("de"),
            Some("Erzeugung und erste Bearbeitung von Aluminium")
        );
        let r = text_only(&classes, "ru", "en").unwrap();
        assert_eq!(r.classes, 3);
        assert!(r.mrr > 0.5, "{r:?}");
        assert!(text_only(&classes, "xx", "en").is_err());
    }

    #[test]
    fn embeddings_rank_by_cosine() {
        let a = vec![vec![1.0, 0.0], vec![0.0, 1.0]];
        let r = with_embeddings("de", "en", &a, &a);
        assert_eq!((r.top1, r.mrr), (1.0, 1.0));
    }
}
