"""The enums of compliance inspections (portal.models.inspection), with their labels.
Re-exported by portal.models.enums, which the edges import."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.models.enums import LabelledEnum, give_labels


class InspectionGround(LabelledEnum):
    """Why an inspection is opened (R209.5, R209.6; a voluntary disclosure is the employer's)."""

    RANDOM = "random"
    REASON_TO_SUSPECT = "reason_to_suspect"
    PAST_NON_COMPLIANCE = "past_non_compliance"
    VOLUNTARY_DISCLOSURE = "voluntary_disclosure"


give_labels(
    InspectionGround,
    {
        InspectionGround.RANDOM: _l("Random selection"),
        InspectionGround.REASON_TO_SUSPECT: _l("Reason to suspect non-compliance"),
        InspectionGround.PAST_NON_COMPLIANCE: _l("Past non-compliance"),
        InspectionGround.VOLUNTARY_DISCLOSURE: _l("Voluntary disclosure by the employer"),
    },
)


class InspectionState(LabelledEnum):
    """open (notice sent, the employer answers) -> preliminary (notice of preliminary finding
    sent, the employer may reply) -> decided (final determination)."""

    OPEN = "open"
    PRELIMINARY = "preliminary"
    DECIDED = "decided"


give_labels(
    InspectionState,
    {
        InspectionState.OPEN: _l("Open: waiting for the employer's answers"),
        InspectionState.PRELIMINARY: _l("Preliminary finding sent"),
        InspectionState.DECIDED: _l("Final decision made"),
    },
)


class FindingOutcome(LabelledEnum):
    """The officer's finding on one condition for one worker (rules.compliance FindingStatus)."""

    COMPLIANT = "compliant"
    JUSTIFIED = "justified"
    NON_COMPLIANT = "non_compliant"


give_labels(
    FindingOutcome,
    {
        FindingOutcome.COMPLIANT: _l("Compliant"),
        FindingOutcome.JUSTIFIED: _l("Non-compliant, justified"),
        FindingOutcome.NON_COMPLIANT: _l("Non-compliant"),
    },
)
