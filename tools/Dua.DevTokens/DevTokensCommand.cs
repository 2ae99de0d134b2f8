using System.CommandLine;
using System.Globalization;
using Dua.Security;

namespace Dua.DevTokens;

/// <summary>The command line: <c>keygen</c> (the local key pair) and <c>mint</c> (a token signed with it).</summary>
public static class DevTokensCommand
{
    /// <summary>Exit code for a command line or a value that is not valid.</summary>
    public const int UsageError = 2;

    public const string DefaultIssuer = "dua-development";
    public const string DefaultAudience = "dua-platform";

    public static RootCommand Create() =>
        new("Development tokens for the local Dua platform. Production tokens come from the agencies' identity provider.")
        {
            KeygenCommand(),
            MintCommand(),
        };

    private static Command KeygenCommand()
    {
        var privateKey = PathOption("--private-key", "Where the private key (PKCS#8 PEM, mode 600) is kept");
        var publicKey = PathOption("--public-key", "Where its public key (PEM) is written: the gateway's Gateway:Authentication:SigningKeyFiles");
        var command = new Command("keygen", "Creates an ES256 key pair unless one exists (an existing pair is kept)") { privateKey, publicKey };
        command.SetAction(result =>
        {
            var privatePath = result.GetValue(privateKey)!;
            var created = DevelopmentKeyPair.Ensure(privatePath, result.GetValue(publicKey)!);
            Console.Out.WriteLine(created ? $"created a new key pair: {privatePath}" : $"kept the existing key pair: {privatePath}");
            return 0;
        });
        return command;
    }

    private static Command MintCommand()
    {
        var privateKey = PathOption("--private-key", "The private key to sign with (from keygen)");
        var role = new Option<string>("--role") { Description = string.Join(" | ", Roles.All), Required = true };
        var areas = new Option<string[]>("--area")
        {
            Description = "An area the caller acts for, repeatable: SE, a county code (21) or a municipality code (2184)",
        };
        var subject = new Option<string?>("--subject") { Description = "The token's sub claim; default dev-<role>-<areas>" };
        var organisation = new Option<string?>("--organisation") { Description = "The token's org claim; default by role" };
        var lifetime = new Option<TimeSpan>("--lifetime")
        {
            Description = "How long the token is valid (hh:mm:ss or d.hh:mm:ss)",
            DefaultValueFactory = _ => TimeSpan.FromHours(12),
            CustomParser = r =>
            {
                var text = r.Tokens[0].Value;
                if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
                {
                    return value;
                }

                r.AddError($"--lifetime '{text}' is not a positive time span such as 12:00:00");
                return default;
            },
        };
        var issuer = new Option<string>("--issuer") { Description = "The token's issuer", DefaultValueFactory = _ => DefaultIssuer };
        var audience = new Option<string>("--audience") { Description = "The token's audience", DefaultValueFactory = _ => DefaultAudience };

        var command = new Command("mint", "Prints a signed caller token, and nothing else")
        {
            privateKey, role, areas, subject, organisation, lifetime, issuer, audience,
        };
        command.SetAction(result =>
        {
            var caller = DevelopmentCaller.Create(
                result.GetValue(role)!, result.GetValue(areas) ?? [], result.GetValue(subject), result.GetValue(organisation), out var problem);
            if (caller is null)
            {
                Console.Error.WriteLine($"Dua.DevTokens: {problem}");
                return UsageError;
            }

            var keyPath = result.GetValue(privateKey)!;
            if (!File.Exists(keyPath))
            {
                Console.Error.WriteLine($"Dua.DevTokens: no private key at {keyPath}; create one with keygen");
                return 1;
            }

            var minter = new TokenMinter(TokenSigningKeys.FromPem(File.ReadAllText(keyPath)), result.GetValue(issuer)!, result.GetValue(audience)!);
            Console.Out.WriteLine(minter.Mint(caller, result.GetValue(lifetime)));
            return 0;
        });
        return command;
    }

    private static Option<string> PathOption(string name, string description) =>
        new(name) { Description = description, Required = true, HelpName = "PATH" };
}
