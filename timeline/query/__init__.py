"""query stage of timeline."""
