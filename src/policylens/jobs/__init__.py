"""The jobs over a store, one module each: ``topics`` (fit or reuse the topic model, write its
tables), ``trends`` (topic and mention trends, shifts, divergence, plots), ``run`` (the whole
`policylens run`: ingest, tag, topics, trends) and ``settings`` (the options a run used, kept
in the store for the report)."""
