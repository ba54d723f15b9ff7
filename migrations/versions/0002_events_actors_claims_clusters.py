"""Events: actors, event_actors, claims, clusters, and the event columns they need.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:09:57.916830
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import timeline.store.types

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors')),
    sa.UniqueConstraint('key', name=op.f('uq_actors_key'))
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actors_kind'), ['kind'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('bound', sa.String(length=16), nullable=False),
    sa.Column('qualifier', sa.String(length=32), nullable=True),
    sa.Column('unit', sa.String(length=32), nullable=True),
    sa.Column('measure', sa.String(length=32), nullable=True),
    sa.Column('rate', sa.String(length=16), nullable=True),
    sa.Column('rate_text', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('source_actor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_claims_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_actor_id'], ['actors.id'], name=op.f('fk_claims_source_actor_id_actors'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_measure'), ['measure'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_source_actor_id'), ['source_actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_unit'), ['unit'], unique=False)

    op.create_table('clusters',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('anchor_key', sa.String(length=16), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.Column('mod', sa.String(length=16), nullable=True),
    sa.Column('earliest', timeline.store.types.IsoDate(length=10), nullable=True),
    sa.Column('latest', timeline.store.types.IsoDate(length=10), nullable=True),
    sa.Column('granularity', sa.String(length=16), nullable=True),
    sa.Column('date_basis', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('actors', sa.Text(), nullable=True),
    sa.Column('figures', sa.Text(), nullable=True),
    sa.Column('sources', sa.Text(), nullable=True),
    sa.Column('event_count', sa.Integer(), nullable=False),
    sa.Column('source_count', sa.Integer(), nullable=False),
    sa.Column('first_reported', sa.String(length=10), nullable=True),
    sa.Column('last_reported', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_clusters_event_id_events'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clusters'))
    )
    with op.batch_alter_table('clusters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clusters_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_clusters_date_basis'), ['date_basis'], unique=False)
        batch_op.create_index(batch_op.f('ix_clusters_earliest'), ['earliest'], unique=False)
        batch_op.create_index(batch_op.f('ix_clusters_event_id'), ['event_id'], unique=False)

    op.create_table('event_actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_event_actors_actor_id_actors'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_actors_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_actors')),
    sa.UniqueConstraint('event_id', 'actor_id', 'role', name='uq_event_actors_event_actor_role')
    )
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_actors_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_actors_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_actors_role'), ['role'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('span_kind', sa.String(length=16), server_default='sentence', nullable=False))
        batch_op.add_column(sa.Column('sentence_start', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('sentence_end', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('category', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('attribution', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('cluster_id', sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f('ix_events_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_cluster_id'), ['cluster_id'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_cluster_id'))
        batch_op.drop_index(batch_op.f('ix_events_category'))
        batch_op.drop_column('cluster_id')
        batch_op.drop_column('attribution')
        batch_op.drop_column('category')
        batch_op.drop_column('sentence_end')
        batch_op.drop_column('sentence_start')
        batch_op.drop_column('span_kind')

    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_actors_role'))
        batch_op.drop_index(batch_op.f('ix_event_actors_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_actors_actor_id'))

    op.drop_table('event_actors')
    with op.batch_alter_table('clusters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clusters_event_id'))
        batch_op.drop_index(batch_op.f('ix_clusters_earliest'))
        batch_op.drop_index(batch_op.f('ix_clusters_date_basis'))
        batch_op.drop_index(batch_op.f('ix_clusters_category'))

    op.drop_table('clusters')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_unit'))
        batch_op.drop_index(batch_op.f('ix_claims_source_actor_id'))
        batch_op.drop_index(batch_op.f('ix_claims_measure'))
        batch_op.drop_index(batch_op.f('ix_claims_event_id'))

    op.drop_table('claims')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actors_kind'))

    op.drop_table('actors')
