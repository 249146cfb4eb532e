"""Phone numbers for people to read: the display form of a stored number and the name of its country.

Part of the identity rules (:mod:`agentdesk.identity` re-exports :func:`format_phone_for_display`);
pure python-phonenumbers, no Qt.
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat


def country_name(number: phonenumbers.PhoneNumber) -> str:
    """English name of the country a (possibly invalid) number belongs to."""
    region = phonenumbers.region_code_for_number(number)
    if region is None and number.country_code is not None:
        region = phonenumbers.region_code_for_country_code(number.country_code)
    example = phonenumbers.example_number(region) if region else None
    if example is not None:
        from phonenumbers import geocoder

        name = geocoder.country_name_for_number(example, "en")
        if name:
            return str(name)
    return f"+{number.country_code}"


def format_phone_for_display(e164: str) -> str:
    """Format a stored E.164 number for people to read.

    Finnish numbers (country code 358, including Åland) are shown in national
    form ("040 1234567", "09 3101234"), others in international form
    ("+46 8 123 456 78").  A value that cannot be parsed is returned unchanged,
    so a legacy or malformed stored value still shows as it was stored.
    """
    try:
        number = phonenumbers.parse(e164, None)
    except NumberParseException:
        return e164
    if number.country_code == 358:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
