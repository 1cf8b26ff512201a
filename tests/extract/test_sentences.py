"""Sentence boundaries the parser gets wrong on news prose."""

from claimgraph.extract import nlp


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in nlp.load()(text).sents]


def _tagged(text: str):  # type: ignore[no-untyped-def]
    """The document as the boundary component sees it: tagged, not yet parsed."""
    pipeline = nlp.load()
    with pipeline.select_pipes(enable=["tok2vec", "tagger"]):
        return pipeline(text)


def test_an_initialism_before_a_multiword_name_is_never_a_sentence_end() -> None:
    doc = nlp.paragraph_boundaries(_tagged("Mary Major of the U.S. Drug Enforcement Administration spoke."))
    after = next(t for t in doc if t.text == "Drug")
    assert after.is_sent_start is False  # the parser may not start a sentence here, however long the list
    text = ("The charges were announced by Attorney General Jane Roe of the Justice Department, Administrator "
            "Mary Major of the U.S. Drug Enforcement Administration, and Commissioner Richard Miles of U.S. "
            "Customs and Border Protection.")
    assert _sentences(text) == [text]


def test_an_initialism_that_ends_a_sentence_still_ends_it() -> None:
    doc = nlp.paragraph_boundaries(_tagged("Sanctions were imposed by the U.S. The move angered Moscow."))
    assert next(t for t in doc if t.text == "The" and t.i > 0).is_sent_start is not False
    assert _sentences("Sanctions were imposed by the U.S. The move angered Moscow.") == [
        "Sanctions were imposed by the U.S.", "The move angered Moscow."]


def test_a_long_text_is_parsed_in_pieces_with_its_offsets_kept() -> None:
    from claimgraph.model import Document
    from tests.conftest import extract_batch

    filler = "The committee met on Tuesday to discuss the budget for the coming year.\n\n" * 800
    text = filler + "Qatar finances Hamas, officials said.\n\n" + filler + "Iran funds Hezbollah.\n"
    assert len(nlp.pieces(text)) > 2 and "".join(nlp.pieces(text)) == text
    [result] = extract_batch([Document(doc_id="long", text=text)])
    found = {(c.subject.name, c.object.name if c.object else ""): c for c in result.claims}
    for pair, sentence in ((("Qatar", "Hamas"), "Qatar finances Hamas, officials said."),
                           (("Iran", "Hezbollah"), "Iran funds Hezbollah.")):
        claim = found[pair]
        assert text[claim.char_start : claim.char_end].strip() == sentence == claim.sentence.strip()
