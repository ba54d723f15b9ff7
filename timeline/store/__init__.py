"""store stage of timeline."""
