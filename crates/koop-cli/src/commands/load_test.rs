//! `koop load-test`: the demo exchange at `--scale` times its size, served by a real
//! `koop serve` process on loopback, read by concurrent clients for a while. Each client
//! is one participant (an account is made for each, spread over the exchange), keeps one
//! HTTP/1.1 connection, logs in, and takes turns between its own agenda, a marketplace
//! search for a word drawn from the event's profile keywords, and its recommendations.
//! Prints one JSON line with requests, errors and latency percentiles per page.

use super::config::{self, DbFlags, Settings};
use anyhow::{Context, bail};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper::{Request, StatusCode, header};
use hyper_util::rt::TokioIo;
use koop_core::Actor;
use koop_domain::account::Role;
use koop_domain::ids::EventId;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Arguments of `koop load-test`.
#[derive(Debug, clap::Args)]
pub struct LoadTestArgs {
    /// An empty database to load the demo into (--db sqlite://PATH or postgres://…).
    #[command(flatten)]
    pub db: DbFlags,
    /// The exchange's size in multiples of the demo's (80 participants).
    #[arg(long, default_value_t = 10)]
    pub scale: usize,
    /// Concurrent clients.
    #[arg(long, default_value_t = 200)]
    pub clients: usize,
    /// How long the clients read, in seconds.
    #[arg(long, default_value_t = 60)]
    pub seconds: u64,
    /// How long each client reads a page before the next, in milliseconds on average
    /// (drawn between half and one and a half times this). 0 sends the next request at
    /// once, which measures how many requests the server can answer.
    #[arg(long, default_value_t = 1000)]
    pub think_ms: u64,
    /// Fail when a page's 95th percentile is over its target (agenda 50 ms, search and
    /// recommendations 100 ms). Failed requests always fail the run.
    #[arg(long)]
    pub check: bool,
}

/// The pages the clients read, in the order each client takes turns between them.
const PAGES: [&str; 3] = ["agenda", "search", "recommendations"];

/// The 95th-percentile targets of the pages, in milliseconds (issue "Run a cooperation
/// exchange end to end", Done when).
const TARGET_P95_MS: [f64; 3] = [50.0, 100.0, 100.0];

/// Latencies of one page, in microseconds.
#[derive(Default)]
struct Samples {
    micros: Vec<u64>,
    errors: u64,
}

/// What the clients read: the event, the participants' logins and words from its
/// profiles.
struct Workload {
    event: EventId,
    participants: usize,
    logins: Vec<String>,
    words: Vec<String>,
}

impl Workload {
    fn path(&self, page: usize, rng: &mut SplitMix) -> String {
        let e = self.event.0;
        match page {
            0 => format!("/events/{e}/meetings"),
            1 => {
                let word = &self.words[(rng.next() % self.words.len() as u64) as usize];
                let q: String = form_urlencoded::byte_serialize(word.as_bytes()).collect();
                format!("/events/{e}/profiles?q={q}")
            }
            _ => format!("/events/{e}/recommendations"),
        }
    }
}

/// Runs the load test.
pub fn run(args: LoadTestArgs) -> anyhow::Result<()> {
    // It fills the database it is given, so it takes none by default.
    if args.db.db.is_none() {
        bail!(
            "--db is required: an empty database to load the demo into, e.g. --db sqlite:///tmp/load.db"
        );
    }
    let settings = config::load(&args.db, None, Settings::default())?;
    if args.clients == 0 || args.seconds == 0 || args.scale == 0 {
        bail!("--clients, --seconds and --scale must be at least 1");
    }
    let runtime = config::runtime()?;
    let (workload, load_ms) =
        runtime.block_on(load_demo(&settings.db, args.scale, args.clients))?;
    eprintln!(
        "load-test: {} participants loaded in {:.1} s",
        workload.participants,
        load_ms as f64 / 1000.0
    );
    let addr = free_loopback_port()?;
    let mut server = Server::start(&settings.db, addr)?;
    let result = runtime.block_on(async {
        server.wait_ready(addr).await?;
        let mut cookies = Vec::new();
        for email in &workload.logins {
            cookies.push(login(addr, email).await?);
        }
        drive(&workload, addr, cookies, args.seconds, args.think_ms).await
    });
    server.stop();
    let samples = result?;
    let total: u64 = samples.iter().map(|s| s.micros.len() as u64).sum();
    let errors: u64 = samples.iter().map(|s| s.errors).sum();
    let mut line = serde_json::json!({
        "backend": settings.db.split(':').next().unwrap_or(""),
        "participants": workload.participants,
        "clients": args.clients,
        "seconds": args.seconds,
        "think_ms": args.think_ms,
        "requests": total,
        "errors": errors,
        "requests_per_second": (total as f64 / args.seconds as f64).round(),
    });
    let mut over = Vec::new();
    for ((name, s), target) in PAGES.iter().zip(&samples).zip(TARGET_P95_MS) {
        let page = summary(s);
        if page["p95_ms"].as_f64().unwrap_or(f64::MAX) > target {
            over.push(format!("{name} p95 {} ms > {target} ms", page["p95_ms"]));
        }
        line[*name] = page;
    }
    line["targets_met"] = over.is_empty().into();
    println!("{line}");
    if errors > 0 {
        bail!("{errors} requests failed");
    }
    if args.check && !over.is_empty() {
        bail!("over target: {}", over.join(", "));
    }
    Ok(())
}

/// Loads the demo at `scale` into the (empty) database and makes a login for each of
/// `clients` participants; returns what the clients read and how long loading took.
async fn load_demo(db: &str, scale: usize, clients: usize) -> anyhow::Result<(Workload, u128)> {
    let core = koop_core::Core::open(db).await?;
    let sys = Actor::system();
    if !core.reader(&sys).await?.agencies().await?.is_empty() {
        bail!(
            "{} already holds data; load-test loads the demo into an empty database",
            koop_core::redact_db_url(db)
        );
    }
    let started = Instant::now();
    let world = koop_demo::load_scaled(&core, scale)
        .await
        .context("loading the demo world failed")?;
    let load_ms = started.elapsed().as_millis();
    let mut r = core.reader(&sys).await?;
    let participants: Vec<_> = r
        .participants(world.exchange)
        .await?
        .iter()
        .map(|p| p.id)
        .collect();
    let mut words: Vec<String> = r
        .event_profiles(world.exchange)
        .await?
        .iter()
        .filter_map(|p| p.data.keywords.first())
        .map(|k| k.to_lowercase())
        .collect();
    words.sort();
    words.dedup();
    drop(r);
    let mut logins = Vec::new();
    for i in 0..clients {
        let email = format!("load-{i}@koop.example");
        core.create_account(
            &sys,
            koop_core::ops::directory::AccountInput {
                email: email.clone(),
                display_name: format!("Load test {i}"),
                password: koop_demo::DEMO_PASSWORD.into(),
                role: Role::Participant,
                agency: Some(world.img),
                participant: Some(participants[i * participants.len() / clients]),
                event: Some(world.exchange),
                ui_language: "de".into(),
            },
        )
        .await?;
        logins.push(email);
    }
    core.close().await;
    Ok((
        Workload {
            event: world.exchange,
            participants: participants.len(),
            logins,
            words,
        },
        load_ms,
    ))
}

fn free_loopback_port() -> anyhow::Result<SocketAddr> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?)
}

/// A `koop serve` process of this binary; killed when dropped.
struct Server(Option<Child>);

impl Server {
    fn start(db: &str, addr: SocketAddr) -> anyhow::Result<Server> {
        let mail = std::env::temp_dir().join(format!("koop-load-test-mail-{}", addr.port()));
        let child = Command::new(std::env::current_exe()?)
            .args(["serve", "--db", db, "--bind", &addr.to_string()])
            .env("KOOP_LOG", "warn")
            .env("KOOP_MAIL_DIR", mail)
            .stdout(Stdio::null())
            .spawn()
            .context("starting koop serve")?;
        Ok(Server(Some(child)))
    }

    async fn wait_ready(&mut self, addr: SocketAddr) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if let Some(child) = self.0.as_mut()
                && let Some(status) = child.try_wait()?
            {
                bail!("koop serve exited: {status}");
            }
            if let Ok(mut c) = connect(addr).await
                && let Ok((StatusCode::OK, _)) = get(&mut c, addr, "/healthz", "").await
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("koop serve did not answer on {addr} within 60 s")
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

type Conn = SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> anyhow::Result<Conn> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(connection);
    Ok(sender)
}

async fn send(
    c: &mut Conn,
    req: Request<Full<Bytes>>,
) -> anyhow::Result<(StatusCode, hyper::HeaderMap, Bytes)> {
    c.ready().await?;
    let resp = c.send_request(req).await?;
    let (parts, body) = resp.into_parts();
    let body = body.collect().await?.to_bytes();
    Ok((parts.status, parts.headers, body))
}

async fn get(
    c: &mut Conn,
    addr: SocketAddr,
    path: &str,
    cookie: &str,
) -> anyhow::Result<(StatusCode, Bytes)> {
    let req = Request::get(path)
        .header(header::HOST, addr.to_string())
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9")
        .body(Full::default())?;
    let (status, _, body) = send(c, req).await?;
    Ok((status, body))
}

/// Logs in; returns the session cookie.
async fn login(addr: SocketAddr, email: &str) -> anyhow::Result<String> {
    let mut c = connect(addr).await?;
    let form = format!(
        "email={}&password={}",
        form_urlencoded::byte_serialize(email.as_bytes()).collect::<String>(),
        koop_demo::DEMO_PASSWORD
    );
    let req = Request::post("/login")
        .header(header::HOST, addr.to_string())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Full::new(Bytes::from(form)))?;
    let (status, headers, _) = send(&mut c, req).await?;
    let cookie: Vec<&str> = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next())
        .collect();
    if status != StatusCode::SEE_OTHER || cookie.is_empty() {
        bail!("logging in as {email} failed: {status}");
    }
    Ok(cookie.join("; "))
}

/// Runs the clients until the time is up; returns the samples per page.
async fn drive(
    w: &Workload,
    addr: SocketAddr,
    cookies: Vec<String>,
    seconds: u64,
    think_ms: u64,
) -> anyhow::Result<Vec<Samples>> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let w = std::sync::Arc::new(Workload {
        event: w.event,
        participants: w.participants,
        logins: vec![],
        words: w.words.clone(),
    });
    let mut tasks = tokio::task::JoinSet::new();
    for (client, cookie) in cookies.into_iter().enumerate() {
        let w = w.clone();
        let client = Client {
            index: client,
            think_ms,
            deadline,
        };
        tasks.spawn(async move { one_client(&w, addr, &cookie, client).await });
    }
    let mut all: Vec<Samples> = PAGES.iter().map(|_| Samples::default()).collect();
    while let Some(done) = tasks.join_next().await {
        for (into, from) in all.iter_mut().zip(done?) {
            into.micros.extend(from.micros);
            into.errors += from.errors;
        }
    }
    Ok(all)
}

/// How one client behaves.
struct Client {
    index: usize,
    think_ms: u64,
    deadline: Instant,
}

async fn one_client(w: &Workload, addr: SocketAddr, cookie: &str, client: Client) -> Vec<Samples> {
    let mut samples: Vec<Samples> = PAGES.iter().map(|_| Samples::default()).collect();
    let mut rng = SplitMix(client.index as u64 + 1);
    let mut conn = None;
    let mut turn = client.index;
    // Clients start spread over one think time, as people do.
    if client.think_ms > 0 {
        let start = rng.next() % client.think_ms;
        tokio::time::sleep(Duration::from_millis(start)).await;
    }
    while Instant::now() < client.deadline {
        if client.think_ms > 0 && turn > client.index {
            let pause = client.think_ms / 2 + rng.next() % client.think_ms.max(1);
            tokio::time::sleep(Duration::from_millis(pause)).await;
            if Instant::now() >= client.deadline {
                break;
            }
        }
        let page = turn % PAGES.len();
        turn += 1;
        let path = w.path(page, &mut rng);
        let started = Instant::now();
        let c = match conn.as_mut() {
            Some(c) => c,
            None => match connect(addr).await {
                Ok(c) => conn.insert(c),
                Err(_) => {
                    samples[page].errors += 1;
                    continue;
                }
            },
        };
        match get(c, addr, &path, cookie).await {
            Ok((StatusCode::OK, body)) if !body.is_empty() => {
                samples[page]
                    .micros
                    .push(started.elapsed().as_micros() as u64);
            }
            Ok((status, _)) => {
                eprintln!("load-test: {path} answered {status}");
                samples[page].errors += 1;
            }
            Err(e) => {
                eprintln!("load-test: {path}: {e}");
                samples[page].errors += 1;
                conn = None;
            }
        }
    }
    samples
}

/// Count and percentiles of one page, in milliseconds.
fn summary(s: &Samples) -> serde_json::Value {
    let mut v = s.micros.clone();
    v.sort_unstable();
    let at = |q: f64| {
        if v.is_empty() {
            return 0.0;
        }
        let i = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
        (v[i] as f64 / 100.0).round() / 10.0
    };
    serde_json::json!({
        "requests": v.len(),
        "errors": s.errors,
        "p50_ms": at(0.50),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "max_ms": at(1.0),
    })
}

/// A small deterministic generator (SplitMix64): each client draws the same sequence
/// in every run.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_read_off_the_sorted_latencies() {
        let s = Samples {
            micros: (1..=100).rev().map(|ms| ms * 1000).collect(),
            errors: 0,
        };
        let v = summary(&s);
        assert_eq!(v["p50_ms"], 50.0);
        assert_eq!(v["p95_ms"], 95.0);
        assert_eq!(v["max_ms"], 100.0);
        assert_eq!(summary(&Samples::default())["p95_ms"], 0.0);
    }
}
