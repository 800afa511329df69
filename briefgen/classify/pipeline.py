"""classify(article, config) -> Classification. Placeholder until the classifier lands (issue 3):
it returns empty labels so ingest can be built and tested on its own."""
from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.model import Classification

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.model import Article


def classify(article: Article, config: Config) -> Classification:
    return Classification()
