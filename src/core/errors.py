"""One error family: text a user can act on, a title for the TUI, an exit status for the CLI."""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error a user can cause; never a bug."""

    title = "newsdesk"
    exit_status = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PathNotFound(NewsdeskError):
    title = "Path not found"


class ArticleReadError(NewsdeskError):
    title = "Cannot read article"


class NoArticles(NewsdeskError):
    title = "No articles"


class StoreError(NewsdeskError):
    title = "Index store"


class MarksError(NewsdeskError):
    title = "Marks"


class ExportError(NewsdeskError):
    title = "Export failed"


class ModelError(NewsdeskError):
    title = "spaCy model"


class CorrectionError(NewsdeskError):
    """A correction that cannot be made: unknown, ambiguous or conflicting (exit status 2)."""

    title = "Correction"
