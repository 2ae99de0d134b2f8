namespace Dua.ServiceDefaults;

/// <summary>How a setting is named in configuration (<c>Silo:GrpcPort</c>) and in the environment (<c>Silo__GrpcPort</c>).</summary>
public static class SettingNames
{
    public static string AsEnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
