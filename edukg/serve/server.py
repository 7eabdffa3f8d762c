"""Running the application under uvicorn, in one process or in N worker processes."""
from __future__ import annotations

import os

from edukg.core.errors import InputError
from edukg.serve.app import CONFIG_ENV, ServeConfig, _open


def serve(config: ServeConfig, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          log_level: str = "warning") -> None:
    """Serve until interrupted. With workers > 1 each worker process opens the store read-only itself."""
    import uvicorn
    if workers < 1:
        raise InputError(f"--workers {workers}: must be at least 1")
    if config.site and not os.path.isdir(config.site):
        raise InputError(f"--site {config.site}: not a folder")
    _open(config).close()  # fail here, in one line, rather than in every worker
    os.environ[CONFIG_ENV] = config.to_env()
    # one worker needs no import string; several get the factory and the configuration in the environment
    uvicorn.run("edukg.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=False)
