"""Every user folder Inkwell writes to, decided in one place for the GUI, the model host and the CLI.

Sharing one decision is what keeps the embedded model from being converted twice: the GUI's model host and
`inkwell generate` look for the converted copy in the same cache folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app import APP_NAME

# Tests, benchmarks and portable installs point this at one folder; everything then lives below it.
HOME_ENV = "INKWELL_HOME"


@dataclass(frozen=True)
class AppPaths:
    cache: Path
    data: Path
    config: Path
    logs: Path

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        return cls(cache=root / "cache", data=root / "data", config=root / "config", logs=root / "logs")

    @classmethod
    def default(cls) -> AppPaths:
        override = os.environ.get(HOME_ENV)
        if override:
            return cls.under(Path(override).expanduser())
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            cache=Path(dirs.user_cache_dir),
            data=Path(dirs.user_data_dir),
            config=Path(dirs.user_config_dir),
            logs=Path(dirs.user_log_dir),
        )

    @property
    def models(self) -> Path:
        """Converted and downloaded model copies."""
        return self.cache / "models"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.ini"

    @property
    def gui_log(self) -> Path:
        return self.logs / "inkwell.log"

    @property
    def host_log(self) -> Path:
        # The model host is a separate process; two processes must not rotate one file.
        return self.logs / "model-host.log"

    def ensure(self) -> AppPaths:
        for folder in (self.cache, self.data, self.config, self.logs, self.models):
            folder.mkdir(parents=True, exist_ok=True)
        return self
