"""Ways out of the database: CSV, JSON, ICS, TimelineJS, HTML."""
