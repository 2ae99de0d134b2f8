using Dua.Security;
using Grpc.Core;

namespace Dua.Benchmarks.Participants;

/// <summary>
/// What every call carries: through the gateway, the token in <c>DUA_TOKEN</c> (e.g. <c>$(deploy/token.sh agency)</c>);
/// straight to a silo, what the gateway would send it, with the credential in <c>DUA_SILO_CREDENTIAL</c>
/// (<c>.run/keys/silo-credential</c>) and an agency for the whole country as the caller.
/// </summary>
public static class PlatformHeaders
{
    private static readonly Caller DirectCaller = new("dua-benchmark", "Dua benchmark", Roles.Agency, [CallerArea.Country]);

    public static Metadata FromEnvironment()
    {
        var metadata = new Metadata();
        if (Environment.GetEnvironmentVariable("DUA_TOKEN") is { Length: > 0 } token)
        {
            metadata.Add("authorization", $"Bearer {token}");
        }

        if (Environment.GetEnvironmentVariable("DUA_SILO_CREDENTIAL") is { Length: > 0 } credential)
        {
            foreach (var (name, value) in CallerHeaders.ForSilo(DirectCaller, credential))
            {
                metadata.Add(name, value);
            }
        }

        return metadata;
    }
}
