"""Streaming: tagging reads the store one batch at a time, whatever its size."""

from __future__ import annotations

from policylens.records import Document, Passage
from policylens.store import open_store


def add_doc(store, n: int, doc_id: str) -> list[str]:
    doc = Document(doc_id=doc_id, sha256=doc_id * 4, path=f"{doc_id}.pdf", title=doc_id,
                   date="2020-01-01", date_source="text", kind="parliamentary", n_pages=1,
                   pages=("text",))
    passages = [Passage(f"{doc_id}-{i:04d}", doc_id, 1, i, f"passage {i} about gene therapy")
                for i in range(n)]
    assert store.add_document(doc, passages)
    return [p.passage_id for p in passages]


def test_untagged_passages_come_one_query_per_batch(tmp_path):
    with open_store(tmp_path / "s.db", create=True) as store:
        ids = add_doc(store, 250, "a" * 16)
        batches = store.untagged_passages("v1", batch_size=100)
        first = next(batches)
        assert [pid for pid, _ in first] == ids[:100]
        # Tag the first batch and store more passages while reading: the reader continues
        # after the last id it gave, so nothing is read twice and new passages are not missed
        # (a reader that had loaded every row up front would miss them).
        store.save_mentions("v1", [pid for pid, _ in first], [])
        later = add_doc(store, 30, "b" * 16)
        rest = [pid for batch in batches for pid, _ in batch]
        assert rest == ids[100:] + later
        assert all(len(b) <= 100 for b in store.untagged_passages("v1", batch_size=100))
        assert sum(len(b) for b in store.untagged_passages("v1", batch_size=100)) == 180


def test_untagged_passages_from_the_end_skip_what_another_reader_saved(tmp_path):
    with open_store(tmp_path / "s.db", create=True) as store:
        ids = add_doc(store, 250, "a" * 16)
        back = store.untagged_passages("v1", batch_size=100, from_end=True)
        assert [pid for pid, _ in next(back)] == ids[:149:-1]  # the last 100, last first
        # Another reader going forward saves the first 120 passages: the reader from the
        # end gives only the 30 left between the two, once.
        store.save_mentions("v1", ids[:120], [])
        assert [pid for batch in back for pid, _ in batch] == ids[149:119:-1]
