//! The council report of an agency ("Economic effects of the international work") for
//! a period, as a page, a PDF and a workbook. All three render one
//! [`koop_core::report::CouncilReport`], in the reader's language, through the texts
//! in this module, so a figure reads the same in each.

mod files;
mod page;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::pages::{date, number};
use crate::session::Visitor;
use crate::state::AppState;
use axum::Router;
use axum::routing::get;
use chrono::NaiveDate;
use koop_core::domain::ids::AgencyId;
use koop_core::domain::outcome::OutcomeKind;
use koop_core::report::{CouncilReport, Effect, Period, ResultRecord};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agencies/{slug}/report", get(page::show_report))
        .route("/agencies/{slug}/report.pdf", get(files::report_pdf))
        .route("/agencies/{slug}/report.xlsx", get(files::report_xlsx))
}

/// The period asked for: `from` and `to` as a year (`2009`) or a day (`2009-05-01`).
#[derive(Deserialize, Default)]
pub(crate) struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

impl PeriodQuery {
    /// A query for the period from `from` to `to` (years or days, either may be empty).
    pub(crate) fn new(from: &str, to: &str) -> PeriodQuery {
        PeriodQuery {
            from: from.to_owned(),
            to: to.to_owned(),
        }
    }

    /// The query string that asks for `period` again (for the download links).
    pub(crate) fn of(period: Period) -> String {
        format!("?from={}&to={}", period.from, period.to)
    }
}

/// The longest period one report covers, so a typo ("20111") cannot ask for millennia.
const MAX_YEARS: i64 = 50;

fn parse_bound(field: &str, text: &str, first_day: bool) -> Result<NaiveDate, AppError> {
    let t = text.trim();
    let bad = || {
        AppError::bad_request(
            field,
            "invalid_date",
            format!("{field} '{t}' is neither a year (2009) nor a day (2009-05-01)"),
        )
    };
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let year: i32 = t.parse().map_err(|_| bad())?;
        let day = if first_day {
            NaiveDate::from_ymd_opt(year, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, 12, 31)
        };
        return day.ok_or_else(bad);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| bad())
}

/// The period of the query; without one, the last three years that have records (or
/// this year when there are none).
pub(crate) fn period(q: &PeriodQuery, years: &[i32]) -> Result<Period, AppError> {
    use chrono::Datelike;
    let latest = years
        .last()
        .copied()
        .unwrap_or_else(|| chrono::Utc::now().year());
    let from = if q.from.trim().is_empty() {
        NaiveDate::from_ymd_opt(latest - 2, 1, 1)
    } else {
        Some(parse_bound("from", &q.from, true)?)
    };
    let to = if q.to.trim().is_empty() {
        NaiveDate::from_ymd_opt(latest, 12, 31)
    } else {
        Some(parse_bound("to", &q.to, false)?)
    };
    let (Some(from), Some(to)) = (from, to) else {
        return Err(AppError::bad_request(
            "from",
            "invalid_date",
            "no such year".into(),
        ));
    };
    if to < from {
        return Err(AppError::bad_request(
            "to",
            "ends_before_start",
            format!("the period ends ({to}) before it starts ({from})"),
        ));
    }
    if (to - from).num_days() > MAX_YEARS * 366 {
        return Err(AppError::bad_request(
            "to",
            "period_too_long",
            format!("a report covers at most {MAX_YEARS} years"),
        ));
    }
    Ok(Period { from, to })
}

/// The agency of `slug` and its report for the query's period, read as `v` may see it;
/// also the years that have records, for the period picker.
pub(crate) async fn load(
    s: &AppState,
    v: &Visitor,
    slug: &str,
    q: &PeriodQuery,
) -> Result<(String, CouncilReport, Vec<i32>), AppError> {
    let mut r = s.core.reader(&v.actor).await?;
    let agency = r
        .agencies()
        .await?
        .into_iter()
        .find(|a| a.slug == slug)
        .ok_or_else(AppError::not_found)?;
    let id = AgencyId(agency.id);
    let years = koop_core::report::record_years(&mut r, id).await?;
    let period = period(q, &years)?;
    let report = koop_core::report::council_report(&mut r, id, period)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((agency.slug, report, years))
}

/// A value in its kind's unit: "380.000 €", "6 Arbeitsplätze".
pub(crate) fn value_text(lang: Lang, kind: OutcomeKind, value: Option<f64>) -> String {
    match (value, kind.unit()) {
        // A settlement is one company: its count says it, a "1 company" beside it not.
        (_, Some("companies")) => String::new(),
        (Some(v), Some(unit)) => lang.texts().with(
            &format!("report-value-{unit}"),
            vec![("value", crate::i18n::Arg::Text(number(lang, v)))],
        ),
        _ => String::new(),
    }
}

/// A goal's years: "2010: 6 von 10 · 2011: 8 von 20" (achieved of target).
pub(crate) fn goal_years_text(lang: Lang, g: &koop_core::report::GoalLine) -> String {
    goal_year_texts(lang, g)
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Per year of a goal: the year and "2010: 6 of 10" (or "2010: 6" without a target).
pub(crate) fn goal_year_texts(lang: Lang, g: &koop_core::report::GoalLine) -> Vec<(i32, String)> {
    let t = lang.texts();
    let figure = |v: f64| match g.achieved.map(|a| a.0) {
        Some(kind) if kind.unit() == Some("EUR") => value_text(lang, kind, Some(v)),
        _ => number(lang, v),
    };
    g.years
        .iter()
        .map(|y| {
            let text = match y.target {
                Some(target) => t.with(
                    "report-goal_year",
                    vec![
                        ("year", crate::i18n::Arg::Text(y.year.to_string())),
                        ("achieved", crate::i18n::Arg::Text(figure(y.achieved))),
                        ("target", crate::i18n::Arg::Text(figure(target))),
                    ],
                ),
                None => format!("{}: {}", y.year, figure(y.achieved)),
            };
            (y.year, text)
        })
        .collect()
}

/// "Kooperationsprojekt", "Delegationsbesuch": what kind of record a line is.
pub(crate) fn record_kind(lang: Lang, r: &ResultRecord) -> String {
    let t = lang.texts();
    match r {
        ResultRecord::Activity(_, kind) => t.get(&format!("kind-activity-{}", kind.as_str())),
        ResultRecord::Outcome(e) => t.get(&format!("kind-outcome-{}", e.kind.as_str())),
    }
}

/// An outcome in one line: "MoU · 12.10.2011", with its value where it has one.
pub(crate) fn effect_text(lang: Lang, e: &Effect, title: &str) -> String {
    let t = lang.texts();
    let value = value_text(lang, e.kind, e.value);
    let mut out = format!(
        "{}: {title} ({})",
        t.get(&format!("kind-outcome-{}", e.kind.as_str())),
        date(lang, e.on)
    );
    if !value.is_empty() {
        out.push_str(&format!(" · {value}"));
    }
    out
}

/// "1 Jan 2009 – 31 Dec 2011".
pub(crate) fn period_text(lang: Lang, p: Period) -> String {
    format!("{} – {}", date(lang, p.from), date(lang, p.to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(from: &str, to: &str) -> PeriodQuery {
        PeriodQuery {
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn years_and_days_make_a_period_and_bad_ones_name_their_field() {
        let p = period(&q("2009", "2011"), &[]).unwrap();
        assert_eq!(p.from, NaiveDate::from_ymd_opt(2009, 1, 1).unwrap());
        assert_eq!(p.to, NaiveDate::from_ymd_opt(2011, 12, 31).unwrap());
        let p = period(&q("2010-03-01", "2010-03-31"), &[]).unwrap();
        assert_eq!(p.to, NaiveDate::from_ymd_opt(2010, 3, 31).unwrap());
        let p = period(&q("", ""), &[2008, 2011]).unwrap();
        assert_eq!(p.from, NaiveDate::from_ymd_opt(2009, 1, 1).unwrap());
        for (from, to, field) in [
            ("20x9", "2011", "from"),
            ("2011", "2009", "to"),
            ("2009", "2011-13-01", "to"),
            ("1000", "2011", "to"),
        ] {
            let e = period(&q(from, to), &[]).unwrap_err();
            assert_eq!(e.problems()[0].field, field, "{from}..{to}");
        }
    }
}
