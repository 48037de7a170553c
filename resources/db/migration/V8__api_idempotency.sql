-- V8: idempotency keys of the HTTP API (issue 3).
--
-- Every command sent to the API carries an Idempotency-Key chosen by the client (a UUID per logical
-- call, reused on retries). The server stores the key with the answer it gave INSIDE the command's own
-- transaction, so the change and its recorded answer are committed together or not at all. A retry with
-- the same key and the same request gets the stored answer back without running the command again; the
-- same key with a different request is refused. Only successful commands are stored: a refused one wrote
-- nothing, so running it again is harmless.
--
-- Keys are per user: two users can never see each other's answers, even with the same key.

CREATE TABLE api_idempotency (
    user_id         uuid        NOT NULL REFERENCES users (id),
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    method_and_path text        NOT NULL,
    request_sha256  text        NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
    response_status integer     NOT NULL CHECK (response_status BETWEEN 200 AND 299),
    response_body   jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);

CREATE INDEX idx_api_idempotency_created ON api_idempotency (created_at);

COMMENT ON TABLE api_idempotency IS
    'Answers of successful API commands by (user, Idempotency-Key), written in the command''s transaction; replayed to retries.';

-- The application role stores and reads answers; it never rewrites one. Old keys may be purged by the owner.
REVOKE ALL ON api_idempotency FROM backoffice_app;
GRANT SELECT, INSERT ON api_idempotency TO backoffice_app;
