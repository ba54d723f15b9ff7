"""dating stage of timeline: infer a missing publication date (DCT) from text and near-duplicates."""

from timeline.dating.infer import Inference, Reference, infer_publication

__all__ = ["Inference", "Reference", "infer_publication"]
