//! Printable documents as PDF: a title, headings, paragraphs and tables on A4 pages,
//! set in Libertinus Serif (Latin, Greek and Cyrillic, so a Russian agenda prints as
//! well as a German one), embedded and subset by krilla. A table row that does not fit
//! on the page moves to the next one, which repeats the table's header; cells wrap at
//! word boundaries, and a word wider than its column is broken.
//!
//! A character the serif lacks (Georgian, box drawing, Chinese) is set in the first
//! fallback face that has it: the bundled DejaVu Sans Mono, then the fonts that
//! `KOOP_PDF_FONTS` names (paths separated by `:`; `.ttf`, `.otf` or `.ttc`), else a
//! Noto CJK font where the system has one (Debian's `fonts-noto-cjk`). Without any of
//! these, such characters print as the font's empty box, as before.
//!
//! The layout is deliberately simple (one column, left-aligned, no hyphenation): it is
//! what agendas, table plans and lists need, and each line's width is measured with
//! the font's own advances, so nothing runs over a margin.

use krilla::Document;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::sync::LazyLock;

/// One piece of a document, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A paragraph.
    Text(String),
    /// A small grey line (a note, a "printed at").
    Note(String),
    /// A table: each column's share of the width, the header, the rows.
    Table {
        /// Relative widths; the table spans the text width.
        widths: Vec<f32>,
        /// The header row, repeated on each page the table continues on.
        header: Vec<String>,
        /// The rows; a row with fewer cells leaves the rest empty.
        rows: Vec<Vec<String>>,
    },
    /// The next block starts on a new page.
    PageBreak,
}

/// A document: its title (also the PDF's title), a line under it, the blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Title on the first page and in the PDF's metadata.
    pub title: String,
    /// A line under the title.
    pub subtitle: String,
    /// The content.
    pub blocks: Vec<Block>,
    /// Text at the foot of every page, before the page number.
    pub footer: String,
    /// The document's language (`de`, `en`, `ru`), for the PDF's metadata.
    pub language: String,
}

/// A document that could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfError(pub String);

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PDF: {}", self.0)
    }
}

impl std::error::Error for PdfError {}

struct Face {
    font: Font,
    data: &'static [u8],
    index: u32,
}

impl Face {
    fn named(postscript: &str) -> Option<Face> {
        typst_assets::fonts().find_map(|data| {
            let f = skrifa::FontRef::new(data).ok()?;
            (postscript_name(&f)? == postscript).then(|| Face::load(data, 0))?
        })
    }

    /// The face at `index` of a font file (a collection holds several).
    fn load(data: &'static [u8], index: u32) -> Option<Face> {
        Some(Face {
            font: Font::new(data.into(), index)?,
            data,
            index,
        })
    }

    fn font_ref(&self) -> Option<skrifa::FontRef<'static>> {
        skrifa::FontRef::from_index(self.data, self.index).ok()
    }

    /// Whether the face has a glyph for `c`.
    fn has(&self, c: char) -> bool {
        self.font_ref()
            .and_then(|f| f.charmap().map(c))
            .is_some_and(|g| g.to_u32() != 0)
    }

    /// The width of `text` at `size`, from the font's advances.
    fn width(&self, text: &str, size: f32) -> f32 {
        let Some(f) = self.font_ref() else {
            return 0.0;
        };
        let map = f.charmap();
        let metrics = f.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                let g = map.map(c).unwrap_or_default();
                metrics.advance_width(g).unwrap_or(size * 0.5)
            })
            .sum()
    }
}

fn postscript_name(f: &skrifa::FontRef<'_>) -> Option<String> {
    Some(
        f.localized_strings(skrifa::string::StringId::POSTSCRIPT_NAME)
            .english_or_first()?
            .to_string(),
    )
}

/// Where Debian and most distributions put the Noto CJK fonts.
const SYSTEM_CJK: [&str; 4] = [
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
];

/// The faces of a font file; of a collection, the Simplified Chinese one first (the
/// demo's Chinese partners write Simplified Chinese), then the others.
fn faces_of_file(path: &std::path::Path) -> Vec<Face> {
    let Ok(bytes) = std::fs::read(path) else {
        return vec![];
    };
    // Loaded once for the process's life, so the bytes may live as long.
    let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let count = match skrifa::raw::FileRef::new(data) {
        Ok(skrifa::raw::FileRef::Collection(c)) => c.len(),
        Ok(skrifa::raw::FileRef::Font(_)) => 1,
        Err(_) => 0,
    };
    let mut faces: Vec<(bool, Face)> = (0..count)
        .filter_map(|i| {
            let face = Face::load(data, i)?;
            let sc = face
                .font_ref()
                .and_then(|f| postscript_name(&f))
                .is_some_and(|n| n.ends_with("SC"));
            Some((!sc, face))
        })
        .collect();
    faces.sort_by_key(|(later, _)| *later);
    faces.into_iter().map(|(_, f)| f).collect()
}

/// The fallback faces beyond the bundled ones, from `KOOP_PDF_FONTS` or the system.
fn extra_faces() -> Vec<Face> {
    match std::env::var("KOOP_PDF_FONTS") {
        Ok(list) if !list.trim().is_empty() => list
            .split(':')
            .flat_map(|p| faces_of_file(std::path::Path::new(p.trim())))
            .collect(),
        _ => SYSTEM_CJK
            .iter()
            .map(std::path::Path::new)
            .find(|p| p.exists())
            .map(faces_of_file)
            .unwrap_or_default(),
    }
}

struct Faces {
    regular: Face,
    bold: Face,
    /// Faces for characters the serif lacks, in the order they are tried.
    fallbacks: Vec<Face>,
}

impl Faces {
    /// The face that sets `c` in the style of `primary`.
    fn pick<'a>(&'a self, primary: &'a Face, c: char) -> &'a Face {
        if c.is_whitespace() || primary.has(c) {
            return primary;
        }
        self.fallbacks.iter().find(|f| f.has(c)).unwrap_or(primary)
    }

    /// `text` cut into runs, each set in one face.
    fn runs<'a>(&'a self, primary: &'a Face, text: &str) -> Vec<(&'a Face, String)> {
        let mut runs: Vec<(&Face, String)> = Vec::new();
        for c in text.chars() {
            let face = self.pick(primary, c);
            match runs.last_mut() {
                Some((f, run)) if std::ptr::eq(*f, face) => run.push(c),
                _ => runs.push((face, c.to_string())),
            }
        }
        runs
    }

    /// The width of `text` in the style of `primary`, each character in its face.
    fn width(&self, primary: &Face, text: &str, size: f32) -> f32 {
        self.runs(primary, text)
            .iter()
            .map(|(f, run)| f.width(run, size))
            .sum()
    }
}

static FACES: LazyLock<Option<Faces>> = LazyLock::new(|| {
    let mut fallbacks: Vec<Face> = Face::named("DejaVuSansMono").into_iter().collect();
    fallbacks.extend(extra_faces());
    Some(Faces {
        regular: Face::named("LibertinusSerif-Regular")?,
        bold: Face::named("LibertinusSerif-Bold")?,
        fallbacks,
    })
});

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 50.0;
const BODY: f32 = 10.5;
const LEADING: f32 = 1.3;
const CELL_PAD: f32 = 4.0;

/// Splits `text` into lines no wider than `max` (words kept whole where they fit).
fn wrap(faces: &Faces, face: &Face, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if faces.width(face, &candidate, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the column is broken where it must be.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if faces.width(face, &piece, size) > max && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

/// Pages being written: the cursor, the page number, the footer.
struct Writer<'a> {
    doc: Document,
    faces: &'a Faces,
    pages: Vec<Vec<Op>>,
    y: f32,
}

/// What a page holds, drawn when the document is finished.
enum Op {
    Text {
        x: f32,
        y: f32,
        bold: bool,
        size: f32,
        grey: bool,
        text: String,
    },
    Rule {
        y: f32,
        width: f32,
    },
    Shade {
        y: f32,
        height: f32,
    },
}

impl<'a> Writer<'a> {
    fn new(faces: &'a Faces) -> Writer<'a> {
        Writer {
            doc: Document::new(),
            faces,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    fn bottom() -> f32 {
        PAGE_H - MARGIN - 20.0
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Makes room for `height`, starting a new page when the rest is too short.
    fn room(&mut self, height: f32) -> bool {
        if self.y + height > Self::bottom() && self.y > MARGIN {
            self.new_page();
            return true;
        }
        false
    }

    fn op(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn text_line(&mut self, x: f32, bold: bool, size: f32, grey: bool, text: String) {
        let y = self.y + size;
        self.op(Op::Text {
            x,
            y,
            bold,
            size,
            grey,
            text,
        });
    }

    fn paragraph(&mut self, text: &str, bold: bool, size: f32, grey: bool) {
        let face = if bold {
            &self.faces.bold
        } else {
            &self.faces.regular
        };
        for line in wrap(self.faces, face, size, text, PAGE_W - 2.0 * MARGIN) {
            self.room(size * LEADING);
            self.text_line(MARGIN, bold, size, grey, line);
            self.y += size * LEADING;
        }
    }

    fn table(&mut self, widths: &[f32], header: &[String], rows: &[Vec<String>]) {
        let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
        let columns: Vec<f32> = widths
            .iter()
            .map(|w| w / total * (PAGE_W - 2.0 * MARGIN))
            .collect();
        let header_lines = self.cells(&columns, header, true);
        let line_h = BODY * LEADING;
        let head_h = header_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_h;
        self.room(head_h + line_h * 2.0 + CELL_PAD * 4.0);
        self.header_row(&columns, &header_lines, head_h);
        for (i, row) in rows.iter().enumerate() {
            let cells = self.cells(&columns, row, false);
            let h = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_h + CELL_PAD;
            if self.room(h) {
                self.header_row(&columns, &header_lines, head_h);
            }
            if i % 2 == 1 {
                let y = self.y;
                self.op(Op::Shade { y, height: h });
            }
            self.row(&columns, &cells, false);
            self.y += h;
        }
        let y = self.y;
        self.op(Op::Rule {
            y,
            width: PAGE_W - 2.0 * MARGIN,
        });
        self.y += line_h;
    }

    fn cells(&self, columns: &[f32], row: &[String], bold: bool) -> Vec<Vec<String>> {
        let face = if bold {
            &self.faces.bold
        } else {
            &self.faces.regular
        };
        columns
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = row.get(i).map_or("", String::as_str);
                wrap(self.faces, face, BODY, text, (w - 2.0 * CELL_PAD).max(BODY))
            })
            .collect()
    }

    fn header_row(&mut self, columns: &[f32], lines: &[Vec<String>], height: f32) {
        self.row(columns, lines, true);
        self.y += height + CELL_PAD;
        let y = self.y - CELL_PAD / 2.0;
        self.op(Op::Rule {
            y,
            width: PAGE_W - 2.0 * MARGIN,
        });
    }

    fn row(&mut self, columns: &[f32], cells: &[Vec<String>], bold: bool) {
        let top = self.y;
        let mut x = MARGIN;
        for (w, lines) in columns.iter().zip(cells) {
            for (n, line) in lines.iter().enumerate() {
                self.y = top + CELL_PAD / 2.0 + n as f32 * BODY * LEADING;
                self.text_line(x + CELL_PAD, bold, BODY, false, line.clone());
            }
            x += w;
        }
        self.y = top;
    }

    fn finish(mut self, report: &Report) -> Result<Vec<u8>, PdfError> {
        let count = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        for (n, ops) in pages.into_iter().enumerate() {
            let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
                .ok_or_else(|| PdfError("page size".into()))?;
            let mut page = self.doc.start_page_with(settings);
            let mut s = page.surface();
            for op in &ops {
                draw(&mut s, self.faces, op);
            }
            let foot = format!("{} · {}/{count}", report.footer, n + 1);
            draw(
                &mut s,
                self.faces,
                &Op::Text {
                    x: MARGIN,
                    y: PAGE_H - MARGIN + 8.0,
                    bold: false,
                    size: 8.0,
                    grey: true,
                    text: foot,
                },
            );
            s.finish();
            page.finish();
        }
        self.doc.set_metadata(
            krilla::metadata::Metadata::new()
                .title(report.title.clone())
                .language(report.language.clone())
                .creator("koop".into()),
        );
        self.doc.finish().map_err(|e| PdfError(format!("{e:?}")))
    }
}

fn draw(s: &mut Surface<'_>, faces: &Faces, op: &Op) {
    use krilla::color::rgb;
    match op {
        Op::Text {
            x,
            y,
            bold,
            size,
            grey,
            text,
        } => {
            let face = if *bold { &faces.bold } else { &faces.regular };
            let shade = if *grey { 110 } else { 20 };
            s.set_fill(Some(Fill {
                paint: rgb::Color::new(shade, shade, shade).into(),
                ..Fill::default()
            }));
            let mut at = *x;
            for (run_face, run) in faces.runs(face, text) {
                s.draw_text(
                    Point::from_xy(at, *y),
                    run_face.font.clone(),
                    *size,
                    &run,
                    false,
                    TextDirection::Auto,
                );
                at += run_face.width(&run, *size);
            }
        }
        Op::Rule { y, width } => {
            let mut p = PathBuilder::new();
            p.move_to(MARGIN, *y);
            p.line_to(MARGIN + width, *y);
            if let Some(path) = p.finish() {
                s.set_fill(None);
                s.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(150, 150, 150).into(),
                    width: 0.6,
                    ..Stroke::default()
                }));
                s.draw_path(&path);
                s.set_stroke(None);
            }
        }
        Op::Shade { y, height } => {
            let mut p = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(MARGIN, *y, PAGE_W - 2.0 * MARGIN, *height) {
                p.push_rect(r);
            }
            if let Some(path) = p.finish() {
                s.set_fill(Some(Fill {
                    paint: rgb::Color::new(240, 243, 247).into(),
                    ..Fill::default()
                }));
                s.draw_path(&path);
            }
        }
    }
}

/// Writes `report` as a PDF.
pub fn write(report: &Report) -> Result<Vec<u8>, PdfError> {
    let faces = FACES
        .as_ref()
        .ok_or_else(|| PdfError("the bundled fonts are missing".into()))?;
    let mut w = Writer::new(faces);
    w.paragraph(&report.title, true, 18.0, false);
    if !report.subtitle.is_empty() {
        w.paragraph(&report.subtitle, false, 11.0, true);
    }
    w.y += BODY;
    for block in &report.blocks {
        match block {
            Block::Heading(h) => {
                w.y += BODY * 0.6;
                // A heading never ends a page alone.
                w.room(13.0 * LEADING + BODY * LEADING * 3.0);
                w.paragraph(h, true, 13.0, false);
                w.y += BODY * 0.3;
            }
            Block::Text(t) => {
                w.paragraph(t, false, BODY, false);
                w.y += BODY * 0.5;
            }
            Block::Note(t) => {
                w.paragraph(t, false, 8.5, true);
                w.y += BODY * 0.5;
            }
            Block::Table {
                widths,
                header,
                rows,
            } => w.table(widths, header, rows),
            Block::PageBreak => w.new_page(),
        }
    }
    w.finish(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn report(rows: usize) -> Report {
        Report {
            title: "Terminplan · Baltic Marine Sensors SIA".into(),
            subtitle: "Kooperationsbörse Ostsee 2027".into(),
            blocks: vec![
                Block::Heading("Dienstag, 11. Mai 2027".into()),
                Block::Table {
                    widths: vec![1.0, 0.6, 3.0, 2.0],
                    header: vec![
                        "Zeit".into(),
                        "Tisch".into(),
                        "Partner".into(),
                        "Ort".into(),
                    ],
                    rows: (0..rows)
                        .map(|i| {
                            vec![
                                format!("{:02}:00", 9 + i % 8),
                                (i + 1).to_string(),
                                "ООО «Металлообработка Ташкент» – Станки с ЧПУ".into(),
                                "Technologiezentrum Warnemünde".into(),
                            ]
                        })
                        .collect(),
                },
            ],
            footer: "koop".into(),
            language: "de".into(),
        }
    }

    #[test]
    fn a_document_is_a_pdf_with_its_fonts_subset() {
        let bytes = write(&report(3)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{:?}", &bytes[..8]);
        assert!(
            bytes.len() < 120_000,
            "{} bytes: the fonts are subset",
            bytes.len()
        );
    }

    #[test]
    fn a_long_table_continues_on_further_pages() {
        let faces = FACES.as_ref().unwrap();
        let mut w = Writer::new(faces);
        let Block::Table {
            widths,
            header,
            rows,
        } = &report(120).blocks[1]
        else {
            unreachable!()
        };
        w.table(widths, header, rows);
        assert!(w.pages.len() >= 3, "{} pages", w.pages.len());
        // Each continued page starts with the header again.
        for page in &w.pages {
            let Some(Op::Text { text, bold, .. }) = page.first() else {
                panic!("an empty page")
            };
            assert!(*bold && text == "Zeit", "{text}");
        }
    }

    #[test]
    fn a_character_the_serif_lacks_is_set_in_a_fallback_face() {
        let faces = FACES.as_ref().unwrap();
        // Georgian: not in Libertinus Serif, in the bundled DejaVu Sans Mono.
        let georgian = "თბილისი";
        assert!(georgian.chars().all(|c| !faces.regular.has(c)));
        let runs = faces.runs(&faces.regular, &format!("Partnerstadt {georgian} (GE)"));
        assert_eq!(runs.len(), 3, "serif, fallback, serif");
        assert!(std::ptr::eq(runs[0].0, &faces.regular) && runs[0].1 == "Partnerstadt ");
        assert!(georgian.chars().all(|c| runs[1].0.has(c)), "{}", runs[1].1);
        assert!(faces.width(&faces.regular, georgian, BODY) > 0.0);
        let report = Report {
            title: format!("Tiflis – {georgian}"),
            subtitle: String::new(),
            blocks: vec![Block::Text(format!("Partnerstadt {georgian}"))],
            footer: String::new(),
            language: "de".into(),
        };
        let bytes = write(&report).unwrap();
        // Both faces are embedded: the serif and the fallback.
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("LibertinusSerif") && text.contains("DejaVuSansMono"));
    }

    #[test]
    fn lines_wrap_within_their_width_and_long_words_break() {
        let faces = FACES.as_ref().unwrap();
        let lines = wrap(
            faces,
            &faces.regular,
            BODY,
            "Werft Rostock GmbH Schiffbau und Reparatur",
            80.0,
        );
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines {
            assert!(faces.regular.width(l, BODY) <= 80.0, "{l}");
        }
        let broken = wrap(
            faces,
            &faces.regular,
            BODY,
            "Donaudampfschifffahrtsgesellschaft",
            40.0,
        );
        assert!(broken.len() > 1, "{broken:?}");
        assert_eq!(broken.concat(), "Donaudampfschifffahrtsgesellschaft");
    }
}
