"""pipeline stage of timeline."""
