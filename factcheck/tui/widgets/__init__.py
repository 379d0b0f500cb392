"""Widgets of the review screen: claims table, article, evidence panel, recent strip."""
