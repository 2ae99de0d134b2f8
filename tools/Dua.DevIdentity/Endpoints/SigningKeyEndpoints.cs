using System.Net;
using Dua.DevIdentity.Keys;

namespace Dua.DevIdentity.Endpoints;

/// <summary>
/// Development only: rotates the signing key on request, so a test (or a person) can show that the gateway takes new
/// keys from the JWKS without a restart. Answers only callers on this machine.
/// </summary>
public static class SigningKeyEndpoints
{
    public const string Rotate = "/development/signing-keys/rotate";

    public static WebApplication MapSigningKeyEndpoints(this WebApplication app)
    {
        app.MapPost(Rotate, (HttpContext context, SigningKeyRing ring) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            {
                return Results.Problem("Signing keys can only be rotated from this machine.", statusCode: StatusCodes.Status403Forbidden);
            }

            var keyId = ring.Rotate();
            return Results.Json(new { kid = keyId, published = ring.Keys.Select(k => k.KeyId).ToArray() });
        }).DisableAntiforgery();
        return app;
    }
}
