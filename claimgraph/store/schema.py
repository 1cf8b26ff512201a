"""Tables of ARCHITECTURE.md. Bump SCHEMA_VERSION with every change and add a migration."""

SCHEMA_VERSION = 1

DDL = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL, title VARCHAR, source VARCHAR, url VARCHAR,
        published VARCHAR, path VARCHAR, text VARCHAR NOT NULL, words INTEGER, ingested_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR, label VARCHAR,
        type VARCHAR, name VARCHAR, country VARCHAR, entity_key VARCHAR NOT NULL, entity_id VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS entities (
        entity_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL, aliases VARCHAR[],
        country VARCHAR, attributes VARCHAR, doc_ids VARCHAR[])""",
    """CREATE TABLE IF NOT EXISTS claims (
        claim_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, subject_id VARCHAR NOT NULL, subject_text VARCHAR,
        relation VARCHAR NOT NULL, object_id VARCHAR NOT NULL, object_text VARCHAR, role VARCHAR,
        trigger VARCHAR, sentence VARCHAR NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
        attributed_to_id VARCHAR, attributed_to_text VARCHAR, hedged BOOLEAN, negated BOOLEAN, time VARCHAR,
        confidence DOUBLE, extractor VARCHAR)""",
    """CREATE OR REPLACE VIEW ties AS
        SELECT c.subject_id, c.relation, c.object_id,
               count(*) AS claims,
               count(DISTINCT coalesce(d.source, regexp_extract(d.url, '^[a-z]+://(?:www\\.)?([^/]+)', 1),
                                       c.doc_id)) AS sources,
               count(DISTINCT c.doc_id) AS documents,
               min(d.published) AS first_seen, max(d.published) AS last_seen,
               avg(CASE WHEN c.hedged THEN 1.0 ELSE 0.0 END) AS hedged_share,
               sum(CASE WHEN c.negated THEN 1 ELSE 0 END) AS contradictions,
               max(c.confidence) AS confidence
        FROM claims c JOIN documents d USING (doc_id)
        GROUP BY c.subject_id, c.relation, c.object_id""",
]
