namespace Dua.ServiceDefaults;

/// <summary>A setting that has a new name; configuration under the old one is still read, with a warning at start-up.</summary>
/// <param name="OldValueRead">Whether the old name's value is in use: false when the new name is set as well.</param>
public sealed record RenamedSetting(string OldKey, string NewKey, bool OldValueRead)
{
    public string Warning => OldValueRead
        ? $"The setting {OldKey} ({SettingNames.AsEnvironmentVariable(OldKey)}) is now called {NewKey} ({SettingNames.AsEnvironmentVariable(NewKey)}). Its value is still read; rename it, for the old name will go."
        : $"The setting {OldKey} ({SettingNames.AsEnvironmentVariable(OldKey)}) is ignored: it is now called {NewKey}, which is set too. Remove {OldKey}.";
}
