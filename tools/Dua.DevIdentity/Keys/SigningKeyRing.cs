using System.Globalization;
using Dua.DevIdentity.Hosting;
using Dua.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Dua.DevIdentity.Keys;

/// <summary>
/// The provider's ES256 signing keys, newest first: the newest signs, and every one is published in the JWKS, so tokens
/// signed before a rotation stay valid while the gateway learns the new key. Kept in <c>DevIdentity:KeyDirectory</c>
/// (one PEM file per key, mode 600) when set, so a restart keeps them; in memory otherwise.
/// </summary>
public sealed class SigningKeyRing
{
    /// <summary>How many keys are published: the signing one and the one before it.</summary>
    public const int Retained = 2;

    private const string FilePrefix = "signing-";
    private const string FileSuffix = ".pem";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lock _lock = new();
    private readonly string? _directory;
    private readonly TimeProvider _clock;
    private List<(string Name, ECDsaSecurityKey Key)> _keys;
    private CancellationTokenSource _changed = new();

    public SigningKeyRing(IOptions<DevIdentityOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _directory = string.IsNullOrWhiteSpace(options.Value.KeyDirectory) ? null : options.Value.KeyDirectory;
        _keys = Load();
        if (_keys.Count == 0)
        {
            _keys = [Create()];
        }
    }

    /// <summary>The published keys, newest (the signing one) first.</summary>
    public IReadOnlyList<SecurityKey> Keys
    {
        get
        {
            lock (_lock)
            {
                return [.. _keys.Select(k => k.Key)];
            }
        }
    }

    /// <summary>Fires once after each rotation.</summary>
    public IChangeToken GetChangeToken()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Makes a new signing key; the previous one stays published, older ones are withdrawn. Returns the new key id.</summary>
    public string Rotate()
    {
        CancellationTokenSource changed;
        string keyId;
        lock (_lock)
        {
            var created = Create();
            var withdrawn = _keys.Skip(Retained - 1).ToList();
            _keys = [created, .. _keys.Take(Retained - 1)];
            foreach (var (name, _) in withdrawn)
            {
                Delete(name);
            }

            keyId = created.Key.KeyId;
            changed = _changed;
            _changed = new CancellationTokenSource();
        }

        changed.Cancel();
        return keyId;
    }

    // Newest first: the file names carry the creation time, sortable.
    private List<(string Name, ECDsaSecurityKey Key)> Load()
    {
        if (_directory is null || !Directory.Exists(_directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(_directory, FilePrefix + "*" + FileSuffix)
            .Select(Path.GetFileName)
            .OrderDescending(StringComparer.Ordinal)
            .Take(Retained)
            .Select(name => (name!, TokenSigningKeys.FromPem(File.ReadAllText(Path.Combine(_directory, name!)))))];
    }

    private (string Name, ECDsaSecurityKey Key) Create()
    {
        var pem = TokenSigningKeys.CreatePrivateKeyPem();
        var key = TokenSigningKeys.FromPem(pem);
        var name = $"{FilePrefix}{_clock.GetUtcNow().ToString("yyyyMMddTHHmmssfffffff", CultureInfo.InvariantCulture)}{FileSuffix}";
        if (_directory is not null)
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(_directory);
            }
            else
            {
                Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using var writer = new StreamWriter(Path.Combine(_directory, name), System.Text.Encoding.ASCII, options);
            writer.Write(pem);
        }

        return (name, key);
    }

    private void Delete(string name)
    {
        if (_directory is not null)
        {
            File.Delete(Path.Combine(_directory, name));
        }
    }
}
