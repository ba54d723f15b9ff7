"""ingest stage of timeline."""
