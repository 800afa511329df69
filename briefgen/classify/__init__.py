"""Classify: countries, UN M.49 regions, themes and key points of an article (issue 3)."""
