-- Text embeddings of cooperation profiles, from an optional embedding service.
-- `fingerprint` is a hash of the text the vector was computed from, so a changed
-- text (or another model) is re-embedded; `vector` is a JSON array of floats.
CREATE TABLE profile_embedding (
    profile_id BIGINT PRIMARY KEY REFERENCES profile(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    vector TEXT NOT NULL,
    computed_at TEXT NOT NULL
);
