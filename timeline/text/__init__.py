"""text stage of timeline."""
