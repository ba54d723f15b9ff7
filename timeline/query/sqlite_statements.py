"""The chronology's statements compiled for SQLite, in pieces: written by timeline/query/sqlite_statements_build.py.

Generated from the SQLAlchemy Core statements of timeline/query/chronology.py; regenerate with
`uv run python -m timeline.query.sqlite_statements_build`. A parameter is the name of a value given at run time
(`statement_values`; `{number}` is a class's number) or a one-item tuple holding a constant.
"""


PIECES = {'cluster_head': 'SELECT clusters.id AS id, clusters.value AS value, clusters.mod AS mod, clusters.earliest AS '
                 'earliest, clusters.latest AS latest, clusters.granularity AS granularity, clusters.date_basis AS '
                 'date_basis, clusters.category AS category, clusters.text AS text, clusters.actors AS actors, '
                 'clusters.figures AS figures, clusters.first_reported AS first_reported, clusters.event_count AS '
                 'event_count, clusters.last_reported AS last_reported, events.document_id AS document_id, '
                 'events.start AS start, events."end" AS "end", events.cluster_id AS report_cluster, documents.id AS '
                 'report_document, documents.source AS source, documents.title AS title, documents.path AS path, '
                 'documents.url AS url, documents.published AS published \n'
                 'FROM clusters LEFT OUTER JOIN events ON events.id = clusters.event_id LEFT OUTER JOIN documents ON '
                 'documents.id = events.document_id',
 'event_head': 'SELECT events."key", events.value, events.mod, events.earliest AS earliest, events.latest AS latest, '
               'events.granularity, events.text, events.date_basis, events.category, events.document_id, events.start, '
               'events."end", documents.source, documents.title, documents.path, documents.url, documents.published \n'
               'FROM events JOIN documents ON documents.id = events.document_id',
 'where': ' \nWHERE ',
 'and': ' AND ',
 'union': ' UNION ALL ',
 'cluster_order': ' ORDER BY clusters.earliest, clusters.latest, clusters.id',
 'cluster_union_order': ' ORDER BY earliest, latest, id',
 'event_order': ' ORDER BY events.earliest, events.latest, events."key"',
 'cluster_value_order': ' ORDER BY clusters.value, clusters.id',
 'event_value_order': ' ORDER BY events.value, events."key"'}

LIMIT = ('\n LIMIT ? OFFSET ?', ('row_limit', (0,)))

CLUSTER_CONDITIONS = {'dated': ('clusters.earliest IS NOT NULL', ()),
 'year_unknown': ('clusters.earliest IS NULL AND (clusters.value LIKE ? OR clusters.value LIKE ? OR clusters.value = ? '
                  'OR clusters.value = ? OR clusters.value = ? OR clusters.value = ?)',
                  (('XXXX-0%',), ('XXXX-1%',), ('XXXX-SP',), ('XXXX-SU',), ('XXXX-FA',), ('XXXX-WI',))),
 'stated': ('clusters.date_basis = ?', (('stated',),)),
 'start_overlap': ('clusters.latest > ?', ('range_start',)),
 'start_within': ('clusters.earliest >= ?', ('range_start',)),
 'end_overlap': ('clusters.earliest < ?', ('range_end',)),
 'end_within': ('clusters.latest <= ?', ('range_end',)),
 'category': ('clusters.category = ?', ('category',)),
 'actor': ('(clusters.id IN (SELECT events.cluster_id \n'
           'FROM events JOIN event_actors ON event_actors.event_id = events.id JOIN actors ON actors.id = '
           'event_actors.actor_id \n'
           'WHERE lower(actors.name) LIKE ? ESCAPE \'\\\' OR lower(actors."key") LIKE ? ESCAPE \'\\\') OR '
           "lower(clusters.actors) LIKE ? ESCAPE '\\')",
           ('actor_pattern', 'actor_pattern', 'actor_pattern')),
 'source': ('clusters.id IN (SELECT events.cluster_id \n'
            'FROM events JOIN documents ON documents.id = events.document_id \n'
            "WHERE lower(documents.source) LIKE ? ESCAPE '\\' OR lower(documents.title) LIKE ? ESCAPE '\\' OR "
            "lower(documents.url) LIKE ? ESCAPE '\\' OR lower(documents.path) LIKE ? ESCAPE '\\')",
            ('source_pattern', 'source_pattern', 'source_pattern', 'source_pattern')),
 'text_fts': ('clusters.id IN (SELECT events.cluster_id \n'
              'FROM events \n'
              'WHERE events.id IN (SELECT events_fts.rowid \n'
              'FROM events_fts \n'
              'WHERE events_fts MATCH ?))',
              ('text_query',)),
 'text_like': ('clusters.id IN (SELECT events.cluster_id \n'
               'FROM events \n'
               'WHERE events.id IN (SELECT events.id \n'
               'FROM events \n'
               "WHERE lower(events.text) LIKE ? ESCAPE '\\'))",
               ('text_pattern',))}

CLASS_CONDITIONS = {'class_basis': ('clusters.date_basis = ?', ('class_basis_{number}',)),
 'class_granularity': ('clusters.granularity = ?', ('class_granularity_{number}',)),
 'class_no_granularity': ('(clusters.granularity IS NULL OR clusters.granularity = ?)', (('',),)),
 'class_start': ('clusters.earliest > ?', ('class_start_{number}',))}

EVENT_CONDITIONS = {'dated': ('events.earliest IS NOT NULL', ()),
 'year_unknown': ('events.earliest IS NULL AND (events.value LIKE ? OR events.value LIKE ? OR events.value = ? OR '
                  'events.value = ? OR events.value = ? OR events.value = ?)',
                  (('XXXX-0%',), ('XXXX-1%',), ('XXXX-SP',), ('XXXX-SU',), ('XXXX-FA',), ('XXXX-WI',))),
 'stated': ('events.date_basis = ?', (('stated',),)),
 'start_overlap': ('events.latest > ?', ('range_start',)),
 'start_within': ('events.earliest >= ?', ('range_start',)),
 'end_overlap': ('events.earliest < ?', ('range_end',)),
 'end_within': ('events.latest <= ?', ('range_end',)),
 'category': ('events.category = ?', ('category',)),
 'actor_actors': ('(EXISTS (SELECT * \n'
                  'FROM event_actors, actors \n'
                  'WHERE event_actors.event_id = events.id AND actors.id = event_actors.actor_id AND '
                  '(lower(actors.name) LIKE ? ESCAPE \'\\\' OR lower(actors."key") LIKE ? ESCAPE \'\\\')))',
                  ('actor_pattern', 'actor_pattern')),
 'actor_text': ("lower(events.text) LIKE ? ESCAPE '\\'", ('actor_text_pattern',)),
 'source': ("(lower(documents.source) LIKE ? ESCAPE '\\' OR lower(documents.title) LIKE ? ESCAPE '\\' OR "
            "lower(documents.url) LIKE ? ESCAPE '\\' OR lower(documents.path) LIKE ? ESCAPE '\\')",
            ('source_pattern', 'source_pattern', 'source_pattern', 'source_pattern')),
 'text_fts': ('events.id IN (SELECT events_fts.rowid \nFROM events_fts \nWHERE events_fts MATCH ?)', ('text_query',)),
 'text_like': ("events.id IN (SELECT events.id \nFROM events \nWHERE lower(events.text) LIKE ? ESCAPE '\\')",
               ('text_pattern',))}

STATEMENTS = {'any_cluster': ('SELECT clusters.id \nFROM clusters\n LIMIT ? OFFSET ?', ((1,), (0,))),
 'cluster_schema': ("SELECT type, name, tbl_name FROM sqlite_master WHERE name IN ('clusters', 'clusters_span_insert', "
                    "'clusters_span_update')",
                    ()),
 'spans': ('SELECT cluster_spans.date_basis, cluster_spans.granularity, cluster_spans.longest_days \n'
           'FROM cluster_spans ORDER BY cluster_spans.date_basis, cluster_spans.granularity',
           ()),
 'stated_spans': ('SELECT cluster_spans.date_basis, cluster_spans.granularity, cluster_spans.longest_days \n'
                  'FROM cluster_spans \n'
                  'WHERE cluster_spans.date_basis = ? ORDER BY cluster_spans.date_basis, cluster_spans.granularity',
                  (('stated',),)),
 'undated_clusters': ('SELECT count(*) AS count_1 \n'
                      'FROM clusters \n'
                      'WHERE clusters.earliest IS NULL AND NOT (clusters.earliest IS NULL AND (clusters.value LIKE ? '
                      'OR clusters.value LIKE ? OR clusters.value = ? OR clusters.value = ? OR clusters.value = ? OR '
                      'clusters.value = ?))',
                      (('XXXX-0%',), ('XXXX-1%',), ('XXXX-SP',), ('XXXX-SU',), ('XXXX-FA',), ('XXXX-WI',))),
 'undated_stated_clusters': ('SELECT count(*) AS count_1 \n'
                             'FROM clusters \n'
                             'WHERE clusters.earliest IS NULL AND NOT (clusters.earliest IS NULL AND (clusters.value '
                             'LIKE ? OR clusters.value LIKE ? OR clusters.value = ? OR clusters.value = ? OR '
                             'clusters.value = ? OR clusters.value = ?)) AND coalesce(clusters.date_basis, ?) = ?',
                             (('XXXX-0%',),
                              ('XXXX-1%',),
                              ('XXXX-SP',),
                              ('XXXX-SU',),
                              ('XXXX-FA',),
                              ('XXXX-WI',),
                              ('',),
                              ('stated',))),
 'undated_events': ('SELECT count(*) AS count_1 \n'
                    'FROM events \n'
                    'WHERE events.earliest IS NULL AND NOT (events.earliest IS NULL AND (events.value LIKE ? OR '
                    'events.value LIKE ? OR events.value = ? OR events.value = ? OR events.value = ? OR events.value = '
                    '?))',
                    (('XXXX-0%',), ('XXXX-1%',), ('XXXX-SP',), ('XXXX-SU',), ('XXXX-FA',), ('XXXX-WI',))),
 'undated_stated_events': ('SELECT count(*) AS count_1 \n'
                           'FROM events \n'
                           'WHERE events.earliest IS NULL AND NOT (events.earliest IS NULL AND (events.value LIKE ? OR '
                           'events.value LIKE ? OR events.value = ? OR events.value = ? OR events.value = ? OR '
                           'events.value = ?)) AND events.date_basis = ?',
                           (('XXXX-0%',),
                            ('XXXX-1%',),
                            ('XXXX-SP',),
                            ('XXXX-SU',),
                            ('XXXX-FA',),
                            ('XXXX-WI',),
                            ('stated',))),
 'reports': ('SELECT events.cluster_id, documents.source, documents.title, documents.path, documents.url, '
             'documents.published, events.document_id, events.start, events."end" \n'
             'FROM events JOIN documents ON documents.id = events.document_id \n'
             'WHERE events.cluster_id IN (__[POSTCOMPILE_cluster_ids]) ORDER BY events.cluster_id, documents.published '
             'IS NULL, documents.published, documents.id',
             ('cluster_ids',)),
 'periods': ('SELECT periods.id, periods.name, periods.aliases, periods.start, periods."end", periods.earliest, '
             'periods.latest, periods.description, periods.origin \n'
             'FROM periods ORDER BY periods.earliest, periods.name',
             ())}

PERIOD_COLUMNS = ('id', 'name', 'aliases', 'start', 'end', 'earliest', 'latest', 'description', 'origin')

SPAN_TRIGGER_COUNT = 2
