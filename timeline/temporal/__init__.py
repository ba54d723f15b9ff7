"""temporal stage of timeline."""
