"""events stage of timeline."""
