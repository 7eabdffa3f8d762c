"""Errors meant for the user, mapped to exit codes in one place (cli.py reads EXIT_CODE)."""


class EdukgError(Exception):
    """Base class: the message is one line for the user."""

    exit_code = 2


class InputError(EdukgError):
    """A file, path, option or parameter the user gave cannot be used."""


class StoreError(EdukgError):
    """The store or endpoint cannot be opened, read or written."""


class QueryError(EdukgError):
    """A query cannot be found, parsed or run."""


class ValidationFailed(EdukgError):
    """The data does not conform to the shapes (exit code 1)."""

    exit_code = 1


class NothingFound(EdukgError):
    """The data holds nothing where a command needs something, e.g. a network with no tie (exit code 1)."""

    exit_code = 1
