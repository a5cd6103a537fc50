"""`python -m clsm_data …`: the command line lives in clsm_data.cli."""

import sys

from clsm_data.cli.coordinator import below_the_pages
from clsm_data.cli.main import main

if __name__ == "__main__":
    if sys.argv[1:2] == ["import"]:
        below_the_pages()  # the visitors' pages first, the import after them (clsm_data.cli.coordinator)
    sys.exit(main())
