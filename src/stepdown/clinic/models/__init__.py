"""The clinic app's models, one module per topic, all importable from here (Django finds an
app's models through this package).

- ``clinics``: clinics, memberships, staff and patient invitations
- ``consent``: what a person signed to share with a clinic
- ``notes``: clinicians' notes about a person
- ``proposals``: clinicians' proposed plan changes
- ``alert_notices``: urgent alerts told to clinicians by email
- ``messages``: conversations and messages between a person and a clinic
- ``triage``: the worker's stored triage per person
"""

from stepdown.clinic.models.alert_notices import AlertNotice
from stepdown.clinic.models.clinics import (
    Clinic,
    Membership,
    PatientInvitation,
    Role,
    StaffInvitation,
)
from stepdown.clinic.models.consent import Consent, Purpose
from stepdown.clinic.models.messages import Conversation, Message
from stepdown.clinic.models.notes import Note
from stepdown.clinic.models.proposals import PlanProposal
from stepdown.clinic.models.triage import TriageSummary

__all__ = [
    "AlertNotice",
    "Clinic",
    "Consent",
    "Conversation",
    "Membership",
    "Message",
    "Note",
    "PatientInvitation",
    "PlanProposal",
    "Purpose",
    "Role",
    "StaffInvitation",
    "TriageSummary",
]
