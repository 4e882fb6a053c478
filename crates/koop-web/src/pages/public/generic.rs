//! The two page shapes the agency's records share: a list of tables, and a record
//! with its facts and related tables.

use crate::pages::Ctx;
use crate::pages::public::rows::{ActivityRow, AgreementRow, OutcomeRow};
use askama::Template;

/// A list page: any of its tables may be empty.
#[derive(Template)]
#[template(path = "public/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub heading: String,
    pub agreements: Vec<AgreementRow>,
    pub activities: Vec<ActivityRow>,
    pub outcomes: Vec<OutcomeRow>,
    /// href, label, note
    pub links: Vec<(String, String, String)>,
}

/// A cell: text and an optional link.
pub type Cell = (String, Option<String>);

/// A detail page: facts, one extra table, agreements, activities and outcomes.
#[derive(Template)]
#[template(path = "public/detail.html")]
pub struct DetailPage {
    pub ctx: Ctx,
    pub heading: String,
    /// label, value, link
    pub facts: Vec<(String, String, Option<String>)>,
    pub table_heading: String,
    pub table: Vec<Vec<Cell>>,
    pub agreements: Vec<AgreementRow>,
    pub activities: Vec<ActivityRow>,
    pub outcomes: Vec<OutcomeRow>,
    /// For an activity kept by the visitor: where to post the leads an organisation
    /// collected, and the organisations.
    pub leads_form: Option<(String, Vec<(i64, String)>)>,
}

pub fn list_page(ctx: Ctx, heading: &str) -> ListPage {
    ListPage {
        heading: ctx.t(heading),
        ctx,
        agreements: vec![],
        activities: vec![],
        outcomes: vec![],
        links: vec![],
    }
}
