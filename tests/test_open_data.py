"""Researchers and other hubs can reuse the library: the CSV is described by a
Frictionless Data Package and CSVW metadata that are checked against the built
file, and the case-study JSON Schema is published beside them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

from conftest import ROOT, soup
from frictionless import validate

from svhub.exports.downloads import COLUMNS, FORMULA_TRIGGERS
from svhub.structure.vocabularies import load_vocabularies

DATA = Path("case-studies") / "data"


def csv_rows(site: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / DATA / "case-studies.csv").read_text(encoding="utf-8-sig"))))


def errors(report) -> list:
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_data_package_validates_against_the_built_csv(fixture_site):
    report = validate(str(fixture_site / DATA / "datapackage.json"))
    assert report.valid, errors(report)
    assert report.tasks[0].stats["rows"] == len(csv_rows(fixture_site)) == 3


def test_the_data_package_validates_the_hostile_library_too(hostile_site):
    report = validate(str(hostile_site / DATA / "datapackage.json"))
    assert report.valid, errors(report)
    for row in csv_rows(hostile_site):
        for column, value in row.items():
            assert not value.startswith(FORMULA_TRIGGERS), (column, value)


def test_the_package_catches_a_csv_that_drifts_from_its_description(fixture_site, tmp_path):
    """A value outside its vocabulary, a date that is not one, or a list with an unknown value fails."""
    for name in ("datapackage.json", "case-studies.csv"):
        shutil.copy(fixture_site / DATA / name, tmp_path / name)
    rows = list(csv.reader(io.StringIO((tmp_path / "case-studies.csv").read_bytes().decode("utf-8-sig"))))
    values = dict(zip(COLUMNS, rows[1], strict=True))
    for column, bad in (("region", "atlantis"), ("published", "1st May"), ("themes", "sustainable-food; made-up")):
        changed = dict(values, **{column: bad})
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows([rows[0], [changed[c] for c in COLUMNS], *rows[2:]])
        (tmp_path / "case-studies.csv").write_bytes(buffer.getvalue().encode("utf-8"))
        report = validate(str(tmp_path / "datapackage.json"))
        assert not report.valid, column
        assert {e[1] for e in errors(report)} == {column}, errors(report)


def test_the_package_names_its_licence_and_every_column_with_its_type(fixture_site):
    package = json.loads((fixture_site / DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "OGL-UK-3.0"
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert list(fields) == list(COLUMNS)
    assert fields["published"]["type"] == "date" and fields["year"]["type"] == "integer"
    vocab = load_vocabularies()
    assert fields["region"]["constraints"]["enum"] == vocab["region"].values
    assert all(f.get("description") for f in fields.values())


def test_csvw_metadata_describes_the_same_columns(fixture_site):
    metadata = json.loads((fixture_site / DATA / "case-studies.csv-metadata.json").read_text(encoding="utf-8"))
    assert "http://www.w3.org/ns/csvw" in metadata["@context"]
    assert (fixture_site / DATA / metadata["url"]).exists()
    columns = metadata["tableSchema"]["columns"]
    header = next(csv.reader(io.StringIO((fixture_site / DATA / metadata["url"]).read_text(encoding="utf-8-sig"))))
    assert [c["name"] for c in columns] == header
    by_name = {c["name"]: c for c in columns}
    assert by_name["stages"]["separator"] == ";"
    assert by_name["published"]["datatype"] == "date"
    assert metadata["dc:license"]["@id"].startswith("https://www.nationalarchives.gov.uk/doc/open-government-licence/")


def test_the_published_json_schema_is_the_one_the_validator_uses(fixture_site):
    published = (fixture_site / DATA / "case-study.schema.json").read_bytes()
    assert published == (ROOT / "casestudies" / "schema.json").read_bytes()


def test_the_data_dictionary_links_to_every_download_and_feed(fixture_site):
    page = soup(fixture_site, "about/data-dictionary/")
    section = page.find(id="download-and-reuse")
    assert section is not None
    links = [a["href"] for a in section.find_next("ul").select("a")]
    targets = {urljoin("/about/data-dictionary/", href).lstrip("/") for href in links}
    for name in ("case-studies.csv", "case-studies.json", "datapackage.json", "case-studies.csv-metadata.json",
                 "case-study.schema.json"):
        assert f"case-studies/data/{name}" in targets
    assert {"case-studies/feed.xml", "about/whats-changed/feed.xml"} <= targets
    for target in targets:
        assert (fixture_site / target).is_file(), target
