"""The merge's index: candidate keys by date bucket, each document's context, word counts, and why entries merged.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 09:00:00

New events meet only the documents found through `cluster_keys` (a document's distinctive
words and figures under the date buckets of its events), weighed with the word counts of
`term_counts` and the documents' context in `document_terms`; `cluster_evidence` keeps why an
entry's reports were merged. The documents already stored are indexed here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cluster_keys",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_cluster_keys_document_id_documents", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "bucket", "document_id", name="pk_cluster_keys"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_cluster_keys_document_id", "cluster_keys", ["document_id"])
    op.create_table(
        "document_terms",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_document_terms_document_id_documents", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_terms"),
    )
    op.create_table(
        "term_counts",
        sa.Column("term", sa.String(128), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name="pk_term_counts"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "cluster_evidence",
        sa.Column("cluster_id", sa.String(16), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["cluster_id"], ["clusters.id"], name="fk_cluster_evidence_cluster_id_clusters", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("cluster_id", name="pk_cluster_evidence"),
    )
    from timeline.store.cluster_index import index_documents

    index_documents(op.get_bind(), None)


def downgrade() -> None:
    op.drop_table("cluster_evidence")
    op.drop_table("term_counts")
    op.drop_table("document_terms")
    op.drop_index("ix_cluster_keys_document_id", table_name="cluster_keys")
    op.drop_table("cluster_keys")
