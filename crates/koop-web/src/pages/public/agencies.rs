//! The agencies (tenants) and what each runs.

use crate::error::AppError;
use crate::pages::public::generic::list_page;
use crate::pages::public::rows::{self};
use crate::pages::{Ctx, date, number, render};
use crate::session::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use koop_core::dashboard::LedgerScope;
use koop_core::dashboard::{FunnelScope, STAGES};
use koop_core::domain::ids::AgencyId;
use koop_core::views::{ActivityFilter, OutcomeFilter};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/agencies", get(list_agencies))
        .route("/agencies/{slug}", get(show_agency))
}

async fn list_agencies(State(s): State<AppState>, v: Visitor) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let all = r.agencies().await?;
    let mut page = list_page(ctx, "nav-agencies");
    page.links = all
        .into_iter()
        .map(|a| (crate::paths::agency(&a.slug), a.name, String::new()))
        .collect();
    render(page)
}

/// A ledger line as the page shows it.
struct LedgerView {
    href: String,
    title: String,
    network: String,
    public: String,
    private: String,
    leverage: String,
    parties: Vec<(String, String, String, String)>,
    activities: Vec<(String, String, String)>,
}

/// A funnel row: its label and the count per stage.
struct FunnelView {
    label: String,
    /// Per stage: the count and the list of the outcomes behind it (meetings have none).
    cells: Vec<(usize, Option<String>)>,
}

#[derive(Template)]
#[template(path = "public/agency.html")]
struct AgencyPage {
    ctx: Ctx,
    name: String,
    report_href: String,
    staff: bool,
    instruments: Vec<(String, String)>,
    /// Kind, description, and per year what was achieved against its target, with
    /// the list of the outcomes behind it.
    goals: Vec<(String, String, Vec<(String, Option<String>)>)>,
    goal_choices: Vec<(i64, String)>,
    /// Label, figure, the list of the outcomes behind it.
    tiles: Vec<(String, String, String)>,
    stages: Vec<String>,
    /// The total funnel as bars: label, count, width (px of 300).
    bars: Vec<(String, usize, usize)>,
    funnel: Vec<FunnelView>,
    ledger: Vec<LedgerView>,
    ledger_total: (String, String, String),
    /// Per network, then per year: label, the network's page, agreements, public,
    /// private, ratio.
    ledger_sums: Vec<(String, String, usize, String, String, String)>,
    events: Vec<rows::EventRow>,
    activities: Vec<rows::ActivityRow>,
    outcomes: Vec<rows::OutcomeRow>,
}

fn eur(ctx: &Ctx, v: f64) -> String {
    format!("{} €", number(ctx.lang, v))
}

fn ratio(ctx: &Ctx, private: f64, public: f64) -> String {
    if public > 0.0 {
        let r = private / public;
        let text = format!("{r:.2}");
        ctx.texts().with(
            "dashboard-leverage_value",
            vec![(
                "value",
                crate::i18n::Arg::Text(match ctx.lang.code() {
                    "de" => text.replace('.', ","),
                    _ => text,
                }),
            )],
        )
    } else {
        "–".into()
    }
}

fn funnel_label(ctx: &Ctx, scope: &FunnelScope) -> String {
    match scope {
        FunnelScope::Total => ctx.t("dashboard-total"),
        FunnelScope::Year(y) => y.to_string(),
        FunnelScope::Event(_, t) => format!("{}: {t}", ctx.t("nav-events")),
        FunnelScope::Station(_, t) => format!("– {}: {t}", ctx.t("trip-station")),
        FunnelScope::PartnerCity(_, t) => format!("{}: {t}", ctx.t("nav-partner_cities")),
        FunnelScope::Network(_, t) => format!("{}: {t}", ctx.t("nav-networks")),
    }
}

/// An agency: its dashboard (effects, the funnel, the co-funding ledger), its
/// instruments and goals, and its events, activities and outcomes.
async fn show_agency(
    State(s): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
) -> Result<Html<String>, AppError> {
    let ctx = Ctx::new(&v);
    let mut r = s.core.reader(&v.actor).await?;
    let agency = r
        .agencies()
        .await?
        .into_iter()
        .find(|a| a.slug == slug)
        .ok_or_else(AppError::not_found)?;
    let id = AgencyId(agency.id);
    let instruments: Vec<_> = r.instruments(id).await?;
    let goal_records = r.goals(id).await?;
    // Each goal's years of the report's default period, achieved against its target.
    let years = koop_core::report::record_years(&mut r, id).await?;
    let period = crate::pages::public::report::period(
        &crate::pages::public::report::PeriodQuery::new("", ""),
        &years,
    )?;
    // Each year's figure links to the outcomes it adds up.
    let progress: Vec<Vec<(String, Option<String>)>> =
        koop_core::report::council_report(&mut r, id, period)
            .await?
            .map(|rep| {
                rep.goals
                    .iter()
                    .map(|g| {
                        crate::pages::public::report::goal_year_texts(ctx.lang, g)
                            .into_iter()
                            .map(|(year, text)| {
                                let href = g.achieved.map(|(kind, _, _)| {
                                    format!(
                                        "{}?agency={}&kind={}&year={year}",
                                        crate::paths::OUTCOMES,
                                        agency.slug,
                                        kind.as_str()
                                    )
                                });
                                (text, href)
                            })
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default();
    let goal_choices = goal_records
        .iter()
        .map(|g| {
            (
                g.id.0,
                format!("{}: {}", ctx.kind("goal", g.kind.as_str()), g.description),
            )
        })
        .collect();
    let goals = goal_records
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            (
                ctx.kind("goal", g.kind.as_str()),
                g.description,
                progress.get(i).cloned().unwrap_or_default(),
            )
        })
        .collect();
    let board = koop_core::dashboard::dashboard(&mut r, id).await?;
    let tiles = board
        .effects
        .sums
        .iter()
        .map(|(kind, sum, n)| {
            let figure = match kind.unit() {
                Some("EUR") => eur(&ctx, *sum),
                Some("jobs") => number(ctx.lang, *sum),
                _ => n.to_string(),
            };
            (
                ctx.kind("outcome", kind.as_str()),
                figure,
                format!(
                    "{}?agency={}&kind={}",
                    crate::paths::OUTCOMES,
                    agency.slug,
                    kind.as_str()
                ),
            )
        })
        .collect();
    let stages: Vec<String> = STAGES
        .iter()
        .map(|st| ctx.t(&format!("dashboard-stage-{st}")))
        .collect();
    let total = board
        .funnel
        .iter()
        .find(|f| f.scope == FunnelScope::Total)
        .map(|f| f.counts)
        .unwrap_or_default();
    let most = total.iter().copied().max().unwrap_or(0).max(1);
    let bars = stages
        .iter()
        .zip(total)
        .map(|(label, n)| (label.clone(), n, n * 300 / most))
        .collect();
    let funnel =
        board
            .funnel
            .iter()
            .map(|f| {
                // A station's outcomes have no list of their own (yet): its row shows the
                // counts without links; its trip's row above links to them all.
                let scope = match &f.scope {
                    FunnelScope::Total => Some(String::new()),
                    FunnelScope::Year(y) => Some(format!("&year={y}")),
                    FunnelScope::Event(e, _) => Some(format!("&event={}", e.0)),
                    FunnelScope::Station(..) => None,
                    FunnelScope::PartnerCity(c, _) => Some(format!("&partner_city={c}")),
                    FunnelScope::Network(n, _) => Some(format!("&network={}", n.0)),
                };
                FunnelView {
                    label: funnel_label(&ctx, &f.scope),
                    cells: f
                        .counts
                        .iter()
                        .zip(STAGES)
                        .map(|(n, stage)| {
                            let link = scope.as_ref().filter(|_| *n > 0 && stage != "meeting").map(
                                |scope| {
                                    format!(
                                        "{}?agency={}&stage={stage}{scope}",
                                        crate::paths::OUTCOMES,
                                        agency.slug
                                    )
                                },
                            );
                            (*n, link)
                        })
                        .collect(),
                }
            })
            .collect();
    let (mut public, mut private) = (0.0, 0.0);
    // Contributions are left out for those who may not see them; a ledger of zeros
    // would say something false, so they get none.
    let known = board
        .ledger
        .iter()
        .any(|l| l.contributions.iter().any(|c| c.eur.is_some()));
    let ledger = board
        .ledger
        .iter()
        .filter(|_| known)
        .map(|l| {
            public += l.public_eur;
            private += l.private_eur;
            LedgerView {
                href: crate::paths::agreement(l.agreement),
                title: l.title.clone(),
                network: l.network.as_ref().map(|n| n.1.clone()).unwrap_or_default(),
                public: eur(&ctx, l.public_eur),
                private: eur(&ctx, l.private_eur),
                leverage: ratio(&ctx, l.private_eur, l.public_eur),
                parties: l
                    .contributions
                    .iter()
                    .map(|c| {
                        (
                            c.name.clone(),
                            ctx.t(if c.public {
                                "dashboard-public"
                            } else {
                                "dashboard-private"
                            }),
                            c.eur.map(|e| eur(&ctx, e)).unwrap_or_default(),
                            c.note.clone(),
                        )
                    })
                    .collect(),
                activities: l
                    .activities
                    .iter()
                    .map(|(a, on, title)| {
                        (
                            crate::paths::activity(*a),
                            date(ctx.lang, *on),
                            title.clone(),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let events = r
        .events(None)
        .await?
        .into_iter()
        .filter(|x| x.agency_id == id)
        .map(|x| rows::event(&ctx, &x))
        .collect();
    let activities = r
        .activities(ActivityFilter::default())
        .await?
        .into_iter()
        .filter(|a| a.agency_id == id)
        .map(|a| rows::activity(&ctx, &a))
        .collect();
    let outcomes = r
        .outcomes(OutcomeFilter::default())
        .await?
        .into_iter()
        .filter(|o| o.agency_id == id)
        .map(|o| rows::outcome(&ctx, &o))
        .collect();
    render(AgencyPage {
        name: agency.name,
        report_href: crate::paths::report(&agency.slug),
        staff: koop_core::policy::may_change_agency_records(v.actor.viewer(), id),
        instruments: instruments
            .into_iter()
            .map(|i| (i.name, i.description))
            .collect(),
        goals,
        goal_choices,
        tiles,
        stages,
        bars,
        funnel,
        ledger_total: (
            eur(&ctx, public),
            eur(&ctx, private),
            ratio(&ctx, private, public),
        ),
        ledger_sums: board
            .ledger_sums
            .iter()
            .map(|x| {
                let (label, href) = match &x.scope {
                    LedgerScope::Network(id, name) => {
                        (name.clone(), crate::paths::organisation(id.0))
                    }
                    LedgerScope::Year(y) => (
                        ctx.texts().with(
                            "dashboard-signed_in",
                            vec![("year", crate::i18n::Arg::Text(y.to_string()))],
                        ),
                        format!("/agreements?agency={}&year={y}", agency.slug),
                    ),
                };
                (
                    label,
                    href,
                    x.agreements,
                    eur(&ctx, x.public_eur),
                    eur(&ctx, x.private_eur),
                    ratio(&ctx, x.private_eur, x.public_eur),
                )
            })
            .collect(),
        ledger,
        events,
        activities,
        outcomes,
        ctx,
    })
}
