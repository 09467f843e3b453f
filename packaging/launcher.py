"""Entry script of the frozen app: the same `main` as the `inkwell` command and `python -m app`.

`app.cli.main` calls `multiprocessing.freeze_support()` before anything else, so the spawned children (the model
host and the text services) start from this same executable.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
