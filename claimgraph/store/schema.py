"""Tables of ARCHITECTURE.md. Bump SCHEMA_VERSION with every change and add a migration."""

SCHEMA_VERSION = 5

from claimgraph.ontology import SYMMETRIC  # noqa: E402

SYMMETRIC_SQL = "(" + ", ".join(f"'{kind}'" for kind in sorted(SYMMETRIC)) + ")"

JUDGEMENTS_V1 = """CREATE TABLE IF NOT EXISTS judgements (
    judgement_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, keys VARCHAR[], other VARCHAR[], name VARCHAR,
    note VARCHAR, made_at VARCHAR NOT NULL)"""
JUDGEMENTS = """CREATE TABLE IF NOT EXISTS judgements (
    judgement_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, keys VARCHAR[], other VARCHAR[], name VARCHAR,
    note VARCHAR, made_at VARCHAR NOT NULL, value VARCHAR, "user" VARCHAR)"""

# A tie: claims grouped by (subject, relation, object); a symmetric kind ignores the direction.
# Corroboration counts distinct sources: the `source` field, else the URL's domain, else the document.
# `claims` and `sources` count asserting claims only: a denial never corroborates; denials are counted apart
# (`contradicting_claims`: denying sentences, `contradicting_sources`: distinct publishers denying).
# One query serves the `ties` view (every claim) and the filtered ties of every command (store.tie_rows).
SOURCE = "coalesce(d.source, nullif(regexp_extract(d.url, '^[a-z]+://(?:www\\.)?([^/:]+)', 1), ''), c.doc_id)"


ASSERTING_SOURCES = f"count(DISTINCT {SOURCE}) FILTER (WHERE NOT coalesce(c.negated, FALSE))"
DENYING_SOURCES = f"count(DISTINCT {SOURCE}) FILTER (WHERE coalesce(c.negated, FALSE))"


def ties_query(where: str = "TRUE", having: str = "TRUE") -> str:
    return f"""WITH c AS (
        SELECT *,
               CASE WHEN relation IN {SYMMETRIC_SQL} AND object_id < subject_id
                    THEN object_id ELSE subject_id END AS tie_subject,
               CASE WHEN relation IN {SYMMETRIC_SQL} AND object_id < subject_id
                    THEN subject_id ELSE object_id END AS tie_object
        FROM claims)
    SELECT c.tie_subject AS subject_id, c.relation, c.tie_object AS object_id,
           count(*) FILTER (WHERE NOT coalesce(c.negated, FALSE)) AS claims,
           {ASSERTING_SOURCES} AS sources,
           count(DISTINCT c.doc_id) AS documents,
           min(d.published) AS first_seen, max(d.published) AS last_seen,
           coalesce(avg(CASE WHEN c.hedged THEN 1.0 ELSE 0.0 END) FILTER (WHERE NOT coalesce(c.negated, FALSE)),
                    0.0) AS hedged_share,
           count(*) FILTER (WHERE coalesce(c.negated, FALSE)) AS contradicting_claims,
           {DENYING_SOURCES} AS contradicting_sources,
           count(*) FILTER (WHERE NOT coalesce(c.negated, FALSE)) = 0 AS denied,
           max(c.confidence) AS confidence
    FROM c JOIN documents d USING (doc_id)
    WHERE {where}
    GROUP BY c.tie_subject, c.relation, c.tie_object
    HAVING {having}"""


TIES = "CREATE OR REPLACE VIEW ties AS " + ties_query()

LAYOUT = """CREATE TABLE IF NOT EXISTS layout (
    entity_id VARCHAR PRIMARY KEY, x DOUBLE, y DOUBLE, pagerank DOUBLE, degree INTEGER, community INTEGER,
    community_label VARCHAR)"""

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
        confidence DOUBLE, extractor VARCHAR, subject_key VARCHAR, object_key VARCHAR, attributed_to_key VARCHAR)""",
    JUDGEMENTS,
    TIES,
    LAYOUT,
]

MIGRATIONS = {  # from version N: the statements that bring a store to version N + 1
    1: [
        "ALTER TABLE claims ADD COLUMN subject_key VARCHAR",
        "ALTER TABLE claims ADD COLUMN object_key VARCHAR",
        "ALTER TABLE claims ADD COLUMN attributed_to_key VARCHAR",
        """UPDATE claims SET
             subject_key = coalesce((SELECT any_value(m.entity_key) FROM mentions m
                                     WHERE m.entity_id = claims.subject_id), 'id:' || subject_id),
             object_key = CASE WHEN object_id LIKE 'activity:%' THEN object_id ELSE
                 coalesce((SELECT any_value(m.entity_key) FROM mentions m WHERE m.entity_id = claims.object_id),
                          'id:' || object_id) END,
             attributed_to_key = (SELECT any_value(m.entity_key) FROM mentions m
                                  WHERE m.entity_id = claims.attributed_to_id)""",
        JUDGEMENTS_V1,
        TIES,
    ],
    2: [LAYOUT],
    3: [TIES],  # claims and sources count asserting claims only; contradicting sources apart
    4: [TIES,  # `contradictions` becomes `contradicting_claims`; judgements get a value (a type) and a user
        "ALTER TABLE judgements ADD COLUMN IF NOT EXISTS value VARCHAR",
        'ALTER TABLE judgements ADD COLUMN IF NOT EXISTS "user" VARCHAR'],
}
