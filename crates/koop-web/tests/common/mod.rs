//! A test app: the router without a socket, logins by e-mail, and forms posted the way
//! koop's own pages post them (with the session's token).

#![allow(dead_code)]

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use koop_core::Core;
use tower::ServiceExt;

/// The application under test.
pub struct TestApp {
    pub router: Router,
    pub core: Core,
}

/// A logged-in browser: its session cookie.
#[derive(Clone, Debug)]
pub struct Session {
    pub cookie: String,
    token: String,
}

impl Session {
    /// The form token koop's own pages put into this session's forms.
    #[allow(dead_code)]
    pub fn form_token(&self) -> String {
        koop_web::csrf_token(&self.token)
    }
}

/// An answer: status and body.
pub struct Answer {
    pub status: StatusCode,
    pub body: String,
    /// The body as sent (a PDF is not text).
    #[allow(dead_code)]
    pub bytes: Vec<u8>,
    /// Where a redirect leads.
    #[allow(dead_code)]
    pub location: Option<String>,
}

impl TestApp {
    pub fn new(core: Core) -> TestApp {
        TestApp {
            router: koop_web::router(core.clone()),
            core,
        }
    }

    async fn send(&self, req: Request<Body>) -> Answer {
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let location = resp
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = to_bytes(resp.into_body(), 10 << 20).await.unwrap();
        Answer {
            status,
            body: String::from_utf8_lossy(&body).into_owned(),
            bytes: body.to_vec(),
            location,
        }
    }

    /// GET in German.
    pub async fn get(&self, path: &str, session: Option<&Session>) -> Answer {
        let mut req = Request::get(path).header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9");
        if let Some(s) = session {
            req = req.header(header::COOKIE, &s.cookie);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    /// POSTs a form as koop's own page does.
    pub async fn post_form(&self, path: &str, body: &str, session: Option<&Session>) -> Answer {
        let mut req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9");
        let mut body = body.to_owned();
        if let Some(s) = session {
            req = req.header(header::COOKIE, &s.cookie);
            body = format!("{body}&_csrf={}", koop_web::csrf_token(&s.token));
        }
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    /// POSTs a file upload (`multipart/form-data`) as a browser sends koop's import
    /// form: the session's token first, then the text fields, then the file.
    pub async fn post_file(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &[u8]),
        session: Option<&Session>,
    ) -> Answer {
        let token = session.map(|s| koop_web::csrf_token(&s.token));
        self.upload(path, fields, file, session, token.as_deref(), None)
            .await
    }

    /// An upload with the form token `token` (none, or a forged one) and, if `origin`
    /// is given, as a page of that other site sends it.
    #[allow(dead_code)]
    pub async fn upload(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &[u8]),
        session: Option<&Session>,
        token: Option<&str>,
        origin: Option<&str>,
    ) -> Answer {
        const B: &str = "----koopTestBoundary7MA4YWxk";
        let mut body: Vec<u8> = Vec::new();
        let mut text = |name: &str, value: &str| {
            body.extend_from_slice(
                format!(
                    "--{B}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        };
        if let Some(t) = token {
            text("_csrf", t);
        }
        for (k, v) in fields {
            text(k, v);
        }
        body.extend_from_slice(
            format!(
                "--{B}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                file.0
            )
            .as_bytes(),
        );
        body.extend_from_slice(file.1);
        body.extend_from_slice(format!("\r\n--{B}--\r\n").as_bytes());
        let mut req = Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={B}"),
            )
            .header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9");
        if let Some(s) = session {
            req = req.header(header::COOKIE, &s.cookie);
        }
        if let Some(o) = origin {
            req = req
                .header(header::ORIGIN, o)
                .header("sec-fetch-site", "cross-site");
        }
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    /// POSTs JSON to the API as a script with a session does: the form token in the
    /// `X-CSRF-Token` header (or without it, with `token: false`).
    #[allow(dead_code)]
    pub async fn post_json(
        &self,
        path: &str,
        body: &str,
        session: Option<&Session>,
        token: bool,
    ) -> Answer {
        let mut req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT_LANGUAGE, "en");
        if let Some(s) = session {
            req = req.header(header::COOKIE, &s.cookie);
            if token {
                req = req.header("x-csrf-token", koop_web::csrf_token(&s.token));
            }
        }
        self.send(req.body(Body::from(body.to_owned())).unwrap())
            .await
    }

    /// POSTs a file as the body, with its content type and the session's form token.
    #[allow(dead_code)]
    pub async fn post_bytes(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        session: &Session,
    ) -> Answer {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, content_type)
            .header(header::ACCEPT_LANGUAGE, "en")
            .header(header::COOKIE, &session.cookie)
            .header("x-csrf-token", koop_web::csrf_token(&session.token));
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    /// POSTs a form with the session's token, as another site's page would send it.
    #[allow(dead_code)]
    pub async fn post_form_from_elsewhere(
        &self,
        path: &str,
        body: &str,
        session: &Session,
    ) -> Answer {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &session.cookie)
            .header(header::ORIGIN, "https://evil.example")
            .header("sec-fetch-site", "cross-site");
        let body = format!("{body}&_csrf={}", koop_web::csrf_token(&session.token));
        self.send(req.body(Body::from(body)).unwrap()).await
    }

    /// POSTs a form from koop's own origin but without the session's form token.
    #[allow(dead_code)]
    pub async fn post_form_without_token(
        &self,
        path: &str,
        body: &str,
        session: &Session,
    ) -> Answer {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, &session.cookie);
        self.send(req.body(Body::from(body.to_owned())).unwrap())
            .await
    }

    /// Logs in as one of the demo world's logins (with the demo's password).
    pub async fn login_demo(&self, email: &str) -> Session {
        self.login(email, koop_demo::DEMO_PASSWORD)
            .await
            .unwrap_or_else(|| panic!("{email} cannot log in"))
    }

    /// Logs in with the builders' password.
    pub async fn login_as(&self, email: &str) -> Session {
        self.login(email, koop_core::testing::TEST_PASSWORD)
            .await
            .unwrap_or_else(|| panic!("{email} cannot log in"))
    }

    /// Logs in; `None` when refused.
    pub async fn login(&self, email: &str, password: &str) -> Option<Session> {
        let body = format!("email={}&password={password}", email.replace('@', "%40"));
        let req = Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let cookie = resp
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("koop_session="))?
            .split(';')
            .next()?
            .to_owned();
        let token = cookie.trim_start_matches("koop_session=").to_owned();
        Some(Session { cookie, token })
    }
}

/// The visible text of a page: tags removed, entities of the common kinds decoded.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#38;", "&")
}

/// Internal links of a page (href="/…"), without logout, language switches and assets.
pub fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| {
            h.starts_with('/')
                && !h.starts_with("//")
                && !h.starts_with("/lang/")
                && !h.starts_with("/static/")
        })
        .map(|h| h.replace("&amp;", "&").replace("&#38;", "&"))
        .collect()
}

/// The text of every element that `css` selects, in document order.
pub fn select(html: &str, css: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    doc.select(&selector)
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The attribute `attr` of every element `css` selects.
pub fn attributes(html: &str, css: &str, attr: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    doc.select(&selector)
        .map(|e| e.value().attr(attr).unwrap_or_default().to_owned())
        .collect()
}

/// The value of the `<option>` of `select_name` whose text contains `text`.
pub fn option(html: &str, select_name: &str, text: &str) -> String {
    let css = format!("select[name={select_name}] option");
    let labels = select(html, &css);
    let values = attributes(html, &css, "value");
    let i = labels
        .iter()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no option {text} in {select_name}: {labels:?}"));
    values[i].clone()
}

/// The first form action on the page that contains `part`.
#[allow(dead_code)]
pub fn form_action(html: &str, part: &str) -> String {
    html.split("action=\"")
        .find(|s| s.contains(part))
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("no form posting to …{part}… on the page"))
        .to_owned()
}

/// The PDF's text as poppler reads it, page by page; `None` without pdftotext.
pub fn text_of_pdf(bytes: &[u8]) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = match std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
    {
        Ok(out) => out,
        Err(_) => {
            assert_ne!(
                std::env::var("KOOP_REQUIRE_PDFTOTEXT").as_deref(),
                Ok("1"),
                "KOOP_REQUIRE_PDFTOTEXT=1 but pdftotext (poppler-utils) is missing"
            );
            eprintln!("pdftotext is missing; the text read-back is skipped");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .split('\u{c}')
            .map(str::to_owned)
            .collect(),
    )
}
