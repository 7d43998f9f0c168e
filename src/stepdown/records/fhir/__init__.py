"""The person's record as FHIR R4: one Bundle for ``Patient/$everything`` and for the export.

Each module maps one family of records to resources (plain JSON-ready dicts); ``bundle`` puts
them together and checks every resource against the fhir.resources R4B models. Nothing R4B-only
is used, so the Bundle also parses as strict R4 (docs/data.md, "FHIR R4").
"""
