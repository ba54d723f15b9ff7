"""cli stage of timeline."""
