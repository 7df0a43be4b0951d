"""``python -m copydesk`` runs the copydesk command line."""

from .cli import main

raise SystemExit(main())
