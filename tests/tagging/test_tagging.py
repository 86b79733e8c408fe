"""The tagger on sentences written for these tests: every label, every exclusion, the rules."""

from __future__ import annotations

import itertools

import pytest

from policylens.tagging.labels import LABELS, SPANS_KEY
from policylens.tagging.pipeline import extract_mentions, load_tagger


@pytest.fixture(scope="module")
def nlp():
    return load_tagger()


def found(nlp, text: str) -> list[tuple[str, str]]:
    """(mention text, label) pairs the tagger finds in ``text``, in order."""
    return [(m.text, m.label) for m in extract_mentions(nlp(text), "p")]


@pytest.mark.parametrize("text, expected", [
    # THERAPY: modalities (longest phrase), products, INN stems, hyphen/case/plural variants
    ("Access to cell and gene therapies has improved.", [("cell and gene therapies", "THERAPY")]),
    ("CAR T-cell therapies and CAR-T cell therapy are the same thing.",
     [("CAR T-cell therapies", "THERAPY"), ("CAR-T cell therapy", "THERAPY")]),
    ("car-t works.", [("car-t", "THERAPY")]),
    ("Gene therapy products need new ATMPs rules.",
     [("Gene therapy products", "THERAPY"), ("ATMPs", "THERAPY")]),
    ("Strimvelis is a gene therapy.", [("Strimvelis", "THERAPY"), ("gene therapy", "THERAPY")]),
    ("Patients received voretigene neparvovec last year.",
     [("voretigene neparvovec", "THERAPY")]),
    ("A new product, zorbalgene fexparvovec, is in trials.",
     [("zorbalgene fexparvovec", "THERAPY")]),
    ("The committee looked at brivocel and at lumacaftor/ivacaftor.",
     [("brivocel", "THERAPY"), ("lumacaftor/ivacaftor", "THERAPY")]),
    ("She was treated with a stem cell transplant.", [("stem cell transplant", "THERAPY")]),
    ("CD19-directed CAR T-cell therapy is licensed.",
     [("CD19-directed CAR T-cell therapy", "THERAPY"), ("licensed", "REGULATION")]),
    # COST: amounts, terms, funds, modifiers that say which one
    ("It costs £1.8m per patient.", [("costs", "COST"), ("£1.8m per patient", "COST")]),
    ("The threshold is £20,000 to £30,000 per QALY gained.",
     [("£20,000 to £30,000 per QALY gained", "COST")]),
    ("The Cancer Drugs Fund pays for it through NHS funding.",
     [("Cancer Drugs Fund", "COST"), ("NHS funding", "COST")]),
    ("Is it value for money and cost-effective?",
     [("value for money", "COST"), ("cost-effective", "COST")]),
    ("The list price was high but the discount was confidential.",
     [("list price", "COST"), ("discount", "COST")]),
    # REGULATION: bodies with long forms, processes, verbs where a regulator acts
    ("The MHRA approved it after NICE appraised it.",
     [("MHRA", "REGULATION"), ("approved", "REGULATION"), ("NICE", "REGULATION"),
      ("appraised", "REGULATION")]),
    ("The National Institute for Health and Care Excellence runs the appraisal.",
     [("National Institute for Health and Care Excellence", "REGULATION"),
      ("appraisal", "REGULATION")]),
    ("A managed access agreement followed the marketing authorisation.",
     [("managed access agreement", "REGULATION"), ("marketing authorisation", "REGULATION")]),
    ("The EMA Committee for Advanced Therapies met.",
     [("EMA Committee for Advanced Therapies", "REGULATION")]),
    # NHS_WORKFORCE: groups keep the words that say which group, and attached shortages
    ("Front-line NHS staff and specialist nurses need training in the NHS.",
     [("Front-line NHS staff", "NHS_WORKFORCE"), ("specialist nurses", "NHS_WORKFORCE"),
      ("training", "NHS_WORKFORCE")]),
    ("Staff shortages hit the nursing workforce.",
     [("Staff shortages", "NHS_WORKFORCE"), ("nursing workforce", "NHS_WORKFORCE")]),
    ("Hospitals report nurse vacancies and poor retention of pharmacists.",
     [("nurse vacancies", "NHS_WORKFORCE"), ("retention", "NHS_WORKFORCE"),
      ("pharmacists", "NHS_WORKFORCE")]),
])
def test_labels_and_span_extent(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text, unwanted", [
    # organisations: nothing inside their names
    ("The Cell and Gene Therapy Catapult opened a centre.", "cell and gene therapy"),
    ("She leads the Gene Therapy Network of Northern England.", "gene therapy"),
    ("He spoke for the Royal College of Nursing.", "nursing"),
    # diseases and research fields
    ("People with sickle cell disease wait too long.", "sickle cell"),
    ("Funding for stem cell research has grown.", "stem cell"),
    # non-money "cost", idioms
    ("She cared for her son at the cost of her own health.", "cost"),
    ("I pay tribute to the doctors of my constituency.", "pay"),
    # bare generic words, and a case-sensitive name in the wrong case
    ("The therapy and the treatment were both new.", "therapy"),
    ("We had a nice day in Nice.", "nice"),
    ("NICE guidance TA775 replaced it.", "TA775"),
    # "approval" without a licensing regulator
    ("The council gave approval for the car park.", "approval"),
    ("NICE approved the drug last week.", "approved"),
    # MPs who are clinicians, bylines, staff who are not the NHS's
    ("As a clinician myself, I welcome the statement.", "clinician"),
    ("My hon. Friend, who is a nurse, raised this.", "nurse"),
    ("Dr Jane Holt, Consultant Haematologist at a teaching hospital, said so.", "Haematologist"),
    ("I thank my staff for their help.", "staff"),
    ("The firm hired management consultants.", "consultants"),
    # research grants and investment rounds are not COST
    ("The biotech completed large funding rounds this year.", "funding"),
    ("The university won research funding from a charity.", "funding"),
    # an exchange rate is not an amount
    ("At an exchange rate of $1.27 to the pound it is dear.", "$1.27"),
    ("The rate was €1 to £0.85.", "€1"),
    # a company licensing its technology is not regulation
    ("The company licensed its platform to a partner.", "licensed"),
])
def test_exclusions(nlp, text, unwanted):
    texts = [m.lower() for m, _ in found(nlp, text)]
    assert not any(unwanted.lower() in t for t in texts), found(nlp, text)


def test_context_decides_generic_workforce_words(nlp):
    assert ("staff", "NHS_WORKFORCE") in found(nlp, "The hospital has too few staff.")
    assert found(nlp, "The shop has too few staff.") == []
    assert ("agency staff", "NHS_WORKFORCE") in found(nlp, "Money went on agency staff.")


def test_specialist_centres_need_staff_or_capacity(nlp):
    with_staff = "Specialist centres lack the staff to deliver gene therapy."
    assert ("Specialist centres", "NHS_WORKFORCE") in found(nlp, with_staff)
    assert ("specialist centres", "NHS_WORKFORCE") not in found(
        nlp, "The plan also mentions specialist centres in passing.")


def test_canonical_names_and_amounts(nlp):
    doc = nlp("Kymriah (tisagenlecleucel) and tisa-cel cost $475,000 and £1.8 million a year; "
              "NICE, the National Institute for Health and Care Excellence, and CAR T-cell "
              "therapies.")
    mentions = {m.text: m for m in extract_mentions(doc, "p1")}
    assert {mentions[t].canonical for t in ("Kymriah", "tisagenlecleucel", "tisa-cel")} == {
        "tisagenlecleucel"}
    assert mentions["$475,000"].amount == 475_000.0 and mentions["$475,000"].currency == "USD"
    assert mentions["£1.8 million a year"].amount == 1_800_000.0
    assert mentions["£1.8 million a year"].currency == "GBP"
    assert mentions["£1.8 million a year"].canonical is None
    assert mentions["National Institute for Health and Care Excellence"].canonical == "NICE"
    assert mentions["CAR T-cell therapies"].canonical == "CAR-T cell therapy"
    assert all(m.passage_id == "p1" for m in mentions.values())
    for m in mentions.values():  # offsets point at the text
        assert doc.text[m.start:m.end] == m.text


def test_span_extensions_match_mentions(nlp):
    doc = nlp("Zolgensma costs £1.79 million.")
    spans = {s.text: s for s in doc.spans[SPANS_KEY]}
    assert spans["Zolgensma"]._.canonical == "onasemnogene abeparvovec"
    assert spans["£1.79 million"]._.amount == 1_790_000.0
    assert spans["£1.79 million"]._.currency == "GBP"
    assert spans["costs"]._.amount is None


def test_mentions_never_overlap_and_use_known_labels(nlp):
    text = ("The NHS cancer workforce shortages and the gene therapy advisory committee, the "
            "Cell and Gene Therapy Catapult, CAR-T (chimeric antigen receptor T-cell) therapy "
            "at £300,000 per patient per year and NICE's Highly Specialised Technologies "
            "programme all came up.")
    mentions = extract_mentions(nlp(text), "p")
    assert [(m.text, m.label) for m in mentions] == [
        ("NHS cancer workforce shortages", "NHS_WORKFORCE"),
        ("gene therapy advisory committee", "REGULATION"),
        ("CAR-T (chimeric antigen receptor T-cell) therapy", "THERAPY"),
        ("£300,000 per patient per year", "COST"),
        ("NICE", "REGULATION"),
        ("Highly Specialised Technologies programme", "REGULATION"),
    ]
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start
    assert {m.label for m in mentions} <= set(LABELS)


def test_sentences_keep_hon_friend_together(nlp):
    doc = nlp("I thank my hon. Friend for that. Dr. Patel agreed! The next one?")
    assert [s.text for s in doc.sents] == [
        "I thank my hon. Friend for that.", "Dr. Patel agreed!", "The next one?"]


def test_empty_and_whitespace_texts(nlp):
    assert extract_mentions(nlp(""), "p") == []
    assert extract_mentions(nlp("   \n\n  "), "p") == []


def test_candidates_and_kept_text_do_not_leak(nlp):
    doc = nlp("NICE met.")
    assert list(doc.spans) == [SPANS_KEY]
    assert doc.user_data == {}


@pytest.mark.parametrize("text, expected", [
    # substance names from the dictionary, in any case, with their INN as canonical name
    ("Most patients start on metformin before other tablets.", [("metformin", "metformin")]),
    ("Warfarin needs regular blood tests.", [("Warfarin", "warfarin")]),
    # a brand counts where medicines are spoken of, and is resolved to its INN
    ("The board agreed to fund Jardiance for heart failure patients.",
     [("Jardiance", "empagliflozin")]),
    ("Children with SMA now receive Spinraza on the NHS.", [("Spinraza", "nusinersen")]),
    # a word of a two-word INN takes the words before it that complete the name
    ("Patients switched to insulin glargine at a lower dose.",
     [("insulin glargine", "insulin glargine")]),
])
def test_dictionary_medicines_are_found_with_their_inn(nlp, text, expected):
    mentions = [m for m in extract_mentions(nlp(text), "p") if m.label == "THERAPY"]
    assert [(m.text, m.canonical) for m in mentions] == expected


@pytest.mark.parametrize("text", [
    "The council approved capex of two million for the Almora road.",  # brands as other words
    "Everyone sits down while the minister speaks about caps on rents.",
    "A jardiance of paperwork arrived about patients.",  # a brand in lower case is not one
])
def test_dictionary_names_that_are_other_words_are_not_medicines(nlp, text):
    assert [m.text for m in extract_mentions(nlp(text), "p") if m.label == "THERAPY"] == []


def test_medicine_rows_keep_real_medicines_and_trust_common_words_less():
    import runpy
    from pathlib import Path

    script = runpy.run_path(str(Path(__file__).resolve().parents[2] / "scripts"
                                / "build_medicines.py"))
    dictionary = {
        "drug_variant_to_canonical": {
            "zorbaflozin": ["zorbaflozin"], "Zorbix": ["zorbaflozin"], "zorbix": ["zorbaflozin"],
            "commonword": ["zorbaflozin"], "kinase x": ["kinase x"], "proteinx": ["proteinx"],
            "heroin": ["heroin"], "twoway": ["zorbaflozin", "other"],
            "plainsalt": ["plainsalt"],
        },
        "drug_canonical_to_data": {
            "zorbaflozin": {"drugbank_id": "DB1", "medline_plus_id": "a1"},
            "kinase x": {"mesh_id": "D1"}, "proteinx": {"mesh_id": "D2"},
            "heroin": {"drugbank_id": "DB2", "nhs_url": "u"},
            "plainsalt": {"drugbank_id": "DB3", "nhs_url": "u"}, "herbleaf": {"drugbank_id": "DB4"},
        },
    }
    dictionary["drug_variant_to_canonical"]["herbleaf"] = ["herbleaf"]
    logprob = {"commonword": -9.0, "plainsalt": -11.0}
    rows = script["medicine_rows"](dictionary, logprob)
    assert rows == [("herbleaf", "herbleaf", "context"),  # no source for patients
                    ("plainsalt", "plainsalt", "context"),  # a common word
                    ("zorbaflozin", "zorbaflozin", "any"),
                    ("zorbix", "zorbaflozin", "context")]  # a brand


@pytest.mark.parametrize("text, expected", [
    ("The IMF pays for new cancer medicines while NICE collects evidence.", ["IMF"]),
    ("The IMF agreed a loan on condition that the deficit falls.", []),
    ("Kenya took an IMF loan; the International Monetary Fund and the World Bank set terms.", []),
])
def test_imf_is_the_medicines_fund_only_where_medicines_are_spoken_of(nlp, text, expected):
    assert [t for t, label in found(nlp, text) if label == "COST"] == expected


@pytest.mark.parametrize("text, expected", [
    ("County hospitals received Kshs60 million for drugs.", ("Kshs60 million", 60e6, "KES")),
    ("The state spent Rs 500 crore on hospital care.", ("Rs 500 crore", 5e9, "INR")),
    ("Each dose costs patients ₹1,200.", ("₹1,200", 1200.0, "INR")),
])
def test_amounts_in_other_currencies_are_cost_mentions(nlp, text, expected):
    amounts = [(m.text, m.amount, m.currency) for m in extract_mentions(nlp(text), "p")
               if m.amount is not None]
    assert amounts == [expected]


@pytest.mark.parametrize("text, expected", [
    # a bracketed abbreviation inside a phrase stays in it; the longest phrase wins
    ("They followed the Technology Appraisal (TA) guidance closely.",
     [("Technology Appraisal (TA) guidance", "REGULATION")]),
    ("The technology appraisal guidance was published.",
     [("technology appraisal guidance", "REGULATION")]),
    ("The Highly Specialised Technologies evaluation committee met.",
     [("Highly Specialised Technologies evaluation committee", "REGULATION")]),
    ("The Innovative Licensing and Access Pathway (ILAP) was launched.",  # no phrase after it
     [("Innovative Licensing and Access Pathway", "REGULATION"), ("ILAP", "REGULATION")]),
    ("Nursing staff attrition worries every trust.", [("Nursing staff attrition", "NHS_WORKFORCE")]),
    # care roles outside the lists: a care domain before a role word
    ("The ward needs more healthcare assistants and two transplant coordinators.",
     [("healthcare assistants", "NHS_WORKFORCE"), ("transplant coordinators", "NHS_WORKFORCE")]),
    ("County hospitals lack clinical officers and dietitians.",
     [("clinical officers", "NHS_WORKFORCE"), ("dietitians", "NHS_WORKFORCE")]),
    ("Village health care depends on ASHA workers.", [("ASHA workers", "NHS_WORKFORCE")]),
])
def test_span_edges_and_roles(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The bank manager met the project officer about the loan.",  # roles outside care
    "Priya Shah, Transplant Coordinator at a London hospital, said patients wait.",  # byline
    "Speaking as a healthcare assistant myself, I know what patients need.",  # one person
])
def test_role_words_outside_care_or_for_one_person_are_not_workforce(nlp, text):
    assert [t for t, label in found(nlp, text) if label == "NHS_WORKFORCE"] == []


def test_canonical_names_of_plurals_and_sentence_openers(nlp):
    doc = nlp("Prices rose. The prices of drugs and the GPs who prescribe them worry the NHS.")
    canonical = {m.text: m.canonical for m in extract_mentions(doc, "p")}
    assert canonical["Prices"] == canonical["prices"] == "price"
    assert canonical["GPs"] == "gp"


@pytest.mark.parametrize("text, expected", [
    # the same words in other health systems: regulators, and the service's own staff and money
    ("The HPRA approved the product before HIQA assessed its value.",
     [("HPRA", "REGULATION"), ("approved", "REGULATION"), ("HIQA", "REGULATION")]),
    ("The DCGI approved the vaccine after the CDSCO committee met.",
     [("DCGI", "REGULATION"), ("approved", "REGULATION"), ("CDSCO committee", "REGULATION")]),
    ("Kenya's Pharmacy and Poisons Board approved two biosimilars.",
     [("Pharmacy and Poisons Board", "REGULATION"), ("approved", "REGULATION")]),
    ("HSE staff in Cork said HSE funding for home care had fallen.",
     [("HSE staff", "NHS_WORKFORCE"), ("HSE funding", "COST")]),
])
def test_other_health_systems(nlp, text, expected):
    assert found(nlp, text) == expected
