"""What the account services say when they refuse (portal.services.accounts and
portal.services.teams): registration, passwords, the second factor, the business profile and the
team. French: fr/LC_MESSAGES/messages.po and admin.po.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

ACCOUNTS: dict[str, LazyString] = {
    "password.too_short": _l("Use at least %(n)d characters."),
    "password.too_long": _l("Use at most %(n)d characters."),
    "password.too_common": _l("This password is too common. Choose one that is hard to guess."),
    "password.current_wrong": _l("Your current password is not correct."),
    "password.unchanged": _l("Choose a password different from your current one."),
    "employer.not_found": _l("Employer not found."),
    "profile.primary_only": _l("Only the employer's primary user can edit the business profile."),
    "registration.email_taken": _l("An account already uses this email address."),
    "email_link.confirm_email_invalid": _l(
        "This confirmation link is not valid. It may have expired or already been used."
    ),
    "email_link.reset_password_invalid": _l(
        "This password reset link is not valid. It may have expired or already been used: ask "
        "for a new one."
    ),
    "sign_in.account_locked": _l(
        "Too many failed sign-in attempts for this account. It is locked for %(minutes)d "
        "minutes: try again later, or reset your password with “Forgot your password?”."
    ),
    "second_factor.code_wrong": _l("The code is not correct. Enter the current 6-digit code."),
    "second_factor.code_wrong_or_used": _l(
        "The code is not correct or was already used. Wait for the next code and try again."
    ),
    "second_factor.already_set_up": _l("The second factor is already set up."),
    "second_factor.not_set_up": _l("Set up the second factor first."),
    "second_factor.mandatory_for_admins": _l(
        "Administrators must keep their second factor."
    ),
    "second_factor.set_up_yours_first": _l(
        "Set up your own second factor first: then you can require it for the whole team."
    ),
    "second_factor.required_by_team": _l(
        "Your team requires the second factor, so you cannot turn it off."
    ),
    "team.invitation_invalid": _l(
        "This invitation code is not valid. It may have expired or already been used."
    ),
    "team.already_member": _l("This person is already a member of the team."),
    "team.email_not_invitable": _l("This email address cannot be invited."),
    "team.invitation_other_email": _l(
        "This invitation is for another email address. Sign in with that address."
    ),
    "team.email_unconfirmed": _l(
        "Confirm your email address first: only an account that has confirmed the invited "
        "address can accept the invitation."
    ),
    "team.account_exists": _l("An account already uses this email address. Sign in to accept."),
    "team.invitation_not_found": _l("Invitation not found."),
    "team.primary_only": _l("Only the employer's primary user can manage the team."),
    "team.not_member": _l("This person is not a member of the team."),
    "team.primary_unchangeable": _l("The primary user cannot be changed or removed here."),
}
