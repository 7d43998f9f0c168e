"""The README.txt that travels in every export ZIP."""

README = """\
Your Stepdown export
====================

This archive holds everything Stepdown keeps about you, in three forms.

stepdown.json
    The whole record in one file: the format's name ("stepdown-export"), its version, when it
    was written, your account (email, name, time zone, language) and one list per kind of
    record: your products and doses, taper plans (with their steps and every change), check-ins
    and questionnaire answers (with their scores), goals and limits, alerts and nudges, what you
    told Stepdown when you set it up, your medicines and other substances, reminder settings,
    skin-photo sessions (with their measurements), consents you signed, notes a clinic shared
    with you, messages, and the access log (who looked at your data, and when).
    Amounts are exact decimals written as text; times are in UTC (ISO 8601).
    Another Stepdown can read this archive back: "stepdown import FILE.zip".

csv/
    The same records as spreadsheets, one file per table. A list inside a record (a plan's
    changes, a session's photos) has its own file whose rows name the record they belong to,
    e.g. csv/plans_adjustments.csv has a plan_id column. Text that a spreadsheet would run as a
    formula starts with an apostrophe.

photos/
    Your skin photos as Stepdown stored them (without the camera's hidden details such as
    location). The file name matches the "file" field of the photo in stepdown.json.

fhir/bundle.json
    Your record as one FHIR R4 document (a Bundle), the standard format health record systems
    read.

Keep this archive somewhere safe: it holds health information about you.
The format is described in full in docs/data.md of the Stepdown source.
"""
