"""The defaults of every stage, defined once: the library's functions, the Python API and the
command line's options all take them from here, so `policylens run` and ``policylens.run()``
do the same thing unless told otherwise.

A leaf module with no imports of its own, so the command line can read it before any heavy
library loads.
"""

from __future__ import annotations

from pathlib import Path

# -- where things are ---------------------------------------------------------------------------
DEFAULT_CORPUS = Path("corpus")  # what `policylens run` reads when given no path
DEFAULT_OUT = Path("policylens-results")  # where `policylens run` writes
DB_NAME = "policylens.db"  # the store's file name inside a results folder
DEFAULT_DB = DEFAULT_OUT / DB_NAME

# -- ingest -------------------------------------------------------------------------------------
ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE = "pdfium"  # about 50x faster than pdfplumber, same passages
DEFAULT_TIMEOUT = 120.0  # seconds for one PDF: a 500-page report takes a few
DEFAULT_MEMORY_MB = 4096  # per worker: stops a "zip bomb" stream within seconds

# -- tagging ------------------------------------------------------------------------------------
DEFAULT_BATCH_SIZE = 256  # passages tagged and saved in one transaction

# -- check (the pre-commit hook) ---------------------------------------------------------------
DEFAULT_TOLERANCE = 0.02  # how far a labelled sample's score may fall before check fails

# -- topics -------------------------------------------------------------------------------------
METHODS = ("nmf", "lda")
DEFAULT_METHOD = "nmf"
DEFAULT_K_RANGE = (4, 12)  # the numbers of topics --k auto tries
DEFAULT_SEED = 0
DEFAULT_MEMORY_BUDGET = 1 << 30  # 1 GiB for the topic stage's matrix and its working copies

# -- trends -------------------------------------------------------------------------------------
PERIODS = ("year", "quarter", "month")
GROUPS = ("kind", "party", "speaker")
DEFAULT_PERIOD = "year"
DEFAULT_BOOTSTRAP = 1000  # replicates behind each 95% interval
# A period (or compared window) with fewer documents than this is "thin": its interval rests
# on too few independent sources (the bootstrap resamples documents) to be read as a finding,
# so it is marked in every trend table and never flagged as beyond noise.
THIN_DOCUMENTS = 3
