"""What Kurswerk takes from a provider's claims, and when the environment names a provider."""

from __future__ import annotations

from designer.config import oidc_settings
from designer.services.sign_on import Claims, environment_provider

ISSUER = "https://login.example.org"


def test_claims_are_read_carefully():
    claims = Claims.of(
        ISSUER,
        {
            "sub": 42,
            "email": " Nina@Firma.Example ",
            "email_verified": "true",  # a string is not a confirmation
            "preferred_username": "nina",
            "groups": ["staff", 7, {"x": 1}],
        },
    )
    assert (claims.subject, claims.email, claims.email_verified) == (
        "42",
        "nina@firma.example",
        False,
    )
    assert (claims.name, claims.groups) == ("nina", ("staff", "7"))
    assert Claims.of(ISSUER, {"sub": "a", "groups": "staff"}).groups == ("staff",)
    assert Claims.of(ISSUER, {"sub": "a", "groups": {"staff": 1}}).groups == ()
    assert Claims.of(ISSUER, {"sub": "a", "email_verified": True}).email_verified is True


def test_the_environment_names_a_provider_only_with_all_four_settings():
    environ = {
        "DESIGNER_OIDC_NAME": "Firmenkonto",
        "DESIGNER_OIDC_ISSUER": ISSUER,
        "DESIGNER_OIDC_CLIENT_ID": "kurswerk",
        "DESIGNER_OIDC_CLIENT_SECRET": "geheim",
    }
    provider = environment_provider(oidc_settings(environ))
    assert (provider.key, provider.name, provider.metadata_url) == (
        "sso",
        "Firmenkonto",
        f"{ISSUER}/.well-known/openid-configuration",
    )
    for name in environ:
        assert environment_provider(oidc_settings({**environ, name: " "})) is None
