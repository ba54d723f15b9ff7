"""The whole path from input to store: extraction of one document, then batch ingest."""
