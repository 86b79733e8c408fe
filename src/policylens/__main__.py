"""`python -m policylens`: the same command line as `policylens` (for environments where the
script's folder is not on PATH)."""

from policylens.cli import main

if __name__ == "__main__":
    main()
