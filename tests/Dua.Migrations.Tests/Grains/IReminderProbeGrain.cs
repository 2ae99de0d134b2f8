namespace Dua.Migrations.Tests.Grains;

/// <summary>Registers and removes reminders through the ADO.NET reminder table under test.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name);

    Task<bool> IsRegisteredAsync(string name);

    Task UnregisterAsync(string name);
}
