"""Screens of the review app: the review itself, and the help, note and picker modals."""
