"""Imported once by the fork server a large build forks its extraction workers from (`build._worker_context`):
the import loads what every worker would otherwise load for itself."""
from edukg.build import warm_up

warm_up()
