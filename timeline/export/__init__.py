"""export stage of timeline."""
