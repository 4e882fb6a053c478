//! Passwords (argon2id) and login sessions.
//!
//! The session token is 32 random bytes handed to the browser; the database stores
//! only its SHA-256, so a leaked database does not leak live sessions. Sessions live in
//! the database, so any koop node behind a load balancer can serve any request.

use crate::{Core, CoreError, CoreResult};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use chrono::{Duration, SecondsFormat, Utc};
use koop_domain::account::Account;
use sha2::{Digest, Sha256};

/// How long a login lasts.
pub const SESSION_DAYS: i64 = 14;

/// Hashes a password with argon2id and a fresh salt.
pub fn hash_password(password: &str) -> CoreResult<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| CoreError::Internal(format!("password hashing failed: {e}")))
}

/// Checks a password against a stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> CoreResult<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| CoreError::Internal(format!("no randomness: {e}")))?;
    Ok(hex::encode(bytes))
}

impl Core {
    /// Logs in: returns the account and a session token for the cookie.
    /// A wrong e-mail and a wrong password give the same error. `client` is the
    /// client's address: failed attempts are limited per e-mail and per address, and an
    /// attempt over the limit is refused before any password is hashed.
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        client: &str,
    ) -> CoreResult<(Account, String)> {
        let by_email = format!("login:email:{}", email.trim().to_lowercase());
        let by_client = format!("login:client:{client}");
        self.check_rate(&by_email, crate::rate::LOGIN_PER_EMAIL)
            .await?;
        self.check_rate(&by_client, crate::rate::LOGIN_PER_CLIENT)
            .await?;
        let mut conn = self.db.conn().await?;
        let found = koop_db::account::by_email(&mut conn, email).await?;
        drop(conn);
        let verified = match &found {
            Some((_, hash)) => verify_password(password, hash),
            None => {
                // Hash anyway, so the response time does not reveal which e-mails exist.
                let _ = hash_password(password);
                false
            }
        };
        let Some((account, _)) = found.filter(|_| verified) else {
            self.count_rate(&by_email, crate::rate::LOGIN_PER_EMAIL)
                .await?;
            self.count_rate(&by_client, crate::rate::LOGIN_PER_CLIENT)
                .await?;
            return Err(CoreError::BadCredentials);
        };
        let token = new_token()?;
        let expires =
            (Utc::now() + Duration::days(SESSION_DAYS)).to_rfc3339_opts(SecondsFormat::Secs, true);
        // A login is its own operation: the password is its check, so it does not go
        // through `Core::write`, whose check is the right to change an agency's records.
        let mut tx = self.db.begin().await?;
        koop_db::account::insert_session(&mut tx, &token_hash(&token), account.id, &expires)
            .await?;
        koop_db::audit::append(
            &mut tx,
            account.agency_id,
            Some(account.id),
            "account.logged_in",
            ("account", account.id.0),
            "{}",
        )
        .await?;
        tx.commit().await.map_err(koop_db::DbError::from)?;
        Ok((account, token))
    }

    /// The account of a session token, if the session is live.
    pub async fn session(&self, token: &str) -> CoreResult<Option<Account>> {
        let mut conn = self.db.conn().await?;
        Ok(koop_db::account::session_account(&mut conn, &token_hash(token)).await?)
    }

    /// Ends a session.
    pub async fn logout(&self, token: &str) -> CoreResult<()> {
        let mut conn = self.db.conn().await?;
        koop_db::account::delete_session(&mut conn, &token_hash(token)).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let h = hash_password("geheim").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("geheim", &h));
        assert!(!verify_password("Geheim", &h));
        assert!(!verify_password("geheim", "not a hash"));
    }
}
