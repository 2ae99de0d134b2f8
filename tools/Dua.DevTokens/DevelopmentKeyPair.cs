using Dua.Security;

namespace Dua.DevTokens;

/// <summary>
/// The local signing key pair: the private key stays on this machine (mode 600), the gateway gets the public key.
/// An existing pair is kept, so tokens minted earlier stay valid across restarts of the platform.
/// </summary>
public static class DevelopmentKeyPair
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the pair when missing; returns whether a new private key was made.</summary>
    public static bool Ensure(string privateKeyPath, string publicKeyPath)
    {
        var created = false;
        if (!File.Exists(privateKeyPath))
        {
            Write(privateKeyPath, TokenSigningKeys.CreatePrivateKeyPem(), OwnerOnly);
            created = true;
        }

        // The public key is derived, so a missing or stale one is simply written again from the private key.
        var publicPem = TokenSigningKeys.PublicKeyPemOf(File.ReadAllText(privateKeyPath));
        if (created || !File.Exists(publicKeyPath) || File.ReadAllText(publicKeyPath) != publicPem)
        {
            File.Delete(publicKeyPath);
            Write(publicKeyPath, publicPem, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        return created;
    }

    private static void Write(string path, string text, UnixFileMode mode)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // Created with its mode, so the private key is never readable by others, not even for a moment.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }
}
