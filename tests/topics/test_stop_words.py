"""The researcher's own stop words, and words that are never topic words."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planted import planted_store
from policylens import Workspace
from policylens.cli import cli
from policylens.errors import InputError
from policylens.topics import TopicParams
from policylens.topics.persist import load_model
from policylens.topics.vocabulary import build_vocabulary, read_stop_words


def test_contraction_fragments_and_short_words_are_never_topic_words():
    speech = ("We don't know, and we'll see; they've said it isn't and doesn't work. The AI "
              "pilot in the NHS won't cut waiting lists, we're told, and the UK can't wait.")
    vocab = build_vocabulary([[speech, speech.replace("pilot", "trial")]],
                             TopicParams(min_df=2, max_df=1.0))
    for fragment in ("don", "ll", "ve", "isn", "doesn", "re", "won", "can", "ai", "uk", "t"):
        assert fragment not in vocab, fragment
    assert not any(len(word) < 3 for term in vocab for word in term.split())
    assert {"nhs", "waiting lists", "cut waiting"} <= set(vocab)


def test_a_stop_word_file_is_read_one_word_a_line(tmp_path):
    path = tmp_path / "stop.txt"
    path.write_text("\ufeff# words of our web captures\nClick\n\n  enter  # buttons\ntext\n"
                    "click\nÉtude\n", encoding="utf-8")
    assert read_stop_words(path) == ("click", "enter", "text", "étude")


@pytest.mark.parametrize("content, message", [
    (b"click\nthe web page\n", "line 2: 'the web page' is more than one word"),
    (b"caf\xe9\n", "is not UTF-8 text"),
])
def test_a_bad_stop_word_file_is_refused_with_a_hint(tmp_path, content, message):
    path = tmp_path / "stop.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_stop_words(path)
    assert message in err.value.message and str(path) in err.value.message
    assert err.value.hint


def test_an_unreadable_stop_word_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as err:
        read_stop_words(tmp_path)  # a folder
    assert "cannot read the stop-word file" in err.value.message


@pytest.fixture
def planted_db(tmp_path):
    return planted_store(tmp_path / "s.db", 4, 4, 50, 2018, 3, seed=5, mix=0.1)


def _invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_topics_leaves_out_the_stop_words_and_refits_when_they_change(planted_db, tmp_path):
    stop = tmp_path / "stop.txt"
    stop.write_text("# planted words we do not want\nnurses\nVacancies\n", encoding="utf-8")
    topics = ("--db", planted_db, "topics", "--k", "4", "--workers", "0")
    plain = _invoke(*topics)
    assert plain.exit_code == 0, plain.output
    assert "nurses" in load_model(tmp_path / "topic-model").vocabulary_

    result = _invoke(*topics, "--stop-words", stop)
    assert result.exit_code == 0, result.output
    assert "fitting NMF topics" in result.stderr  # other words: another model
    model = load_model(tmp_path / "topic-model")
    assert not {"nurses", "vacancies"} & set(model.vocabulary_)
    assert not any(w in ("nurses", "vacancies") for t in model.top_terms() for w in t)
    assert "recruitment" in model.vocabulary_  # the subject's other words remain
    meta = json.loads((tmp_path / "topic-model" / "model.json").read_text(encoding="utf-8"))
    assert meta["params"]["stop_words"] == ["nurses", "vacancies"]
    # The words are kept beside the model, and the report's command line points at them.
    kept = tmp_path / "topic-model" / "stop_words.txt"
    assert read_stop_words(kept) == ("nurses", "vacancies")
    from policylens.report.method import gather_method, reproduce_command
    from policylens.store import open_store

    with open_store(planted_db) as store:
        method = gather_method(store, meta, {}, None, None, measure=False)
        command = reproduce_command(store, tmp_path, meta, {}, method)
    assert "--stop-words topic-model/stop_words.txt" in command
    from policylens.trends.export import read_result_csv

    rows = list(read_result_csv(tmp_path / "topics.csv"))
    assert not any("nurses" in r["top_words"] or "nurses" in r["label"] for r in rows)

    again = _invoke(*topics, "--stop-words", stop)
    assert again.exit_code == 0 and "reusing the model" in again.stderr
    stop.write_text("nurses\n", encoding="utf-8")
    changed = _invoke(*topics, "--stop-words", stop)
    assert changed.exit_code == 0 and "fitting NMF topics" in changed.stderr
    assert "vacancies" in load_model(tmp_path / "topic-model").vocabulary_
    assert read_stop_words(kept) == ("nurses",)
    assert _invoke(*topics, "--refit").exit_code == 0  # no stop words: no file left behind
    assert not kept.exists()


def test_topics_refuses_a_stop_word_file_it_cannot_read(planted_db, tmp_path):
    bad = tmp_path / "stop.txt"
    bad.write_bytes(b"\xff\xfe\x00n\x00u")
    result = _invoke("--db", planted_db, "topics", "--k", "4", "--stop-words", bad)
    assert result.exit_code == 1
    assert "is not UTF-8 text" in result.output and "Hint:" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "topic-model").exists()  # refused before any fit
    missing = _invoke("--db", planted_db, "topics", "--stop-words", tmp_path / "none.txt")
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_the_api_takes_a_stop_word_file_or_the_words(planted_db, tmp_path):
    stop = tmp_path / "stop.txt"
    stop.write_text("price\nbudget\n", encoding="utf-8")
    ws = Workspace(planted_db)
    from_file = ws.run_topics(k=4, out=tmp_path / "a", stop_words=stop)
    from_words = ws.run_topics(k=4, out=tmp_path / "b", stop_words=["Budget", "price"])
    assert from_file.model.params.stop_words == from_words.model.params.stop_words == (
        "budget", "price")
    assert from_file.key == from_words.key  # the words decide the model, not where they came from
    assert not {"price", "budget"} & set(from_file.model.vocabulary_)
    assert (from_file.model.components_ == from_words.model.components_).all()
