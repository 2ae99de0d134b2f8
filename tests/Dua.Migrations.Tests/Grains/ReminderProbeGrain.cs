namespace Dua.Migrations.Tests.Grains;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    // Long enough that no tick fires during a test; ticks are not what is tested.
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    public Task RegisterAsync(string name) => this.RegisterOrUpdateReminder(name, Period, Period);

    public async Task<bool> IsRegisteredAsync(string name) => await this.GetReminder(name) is not null;

    public async Task UnregisterAsync(string name)
    {
        var reminder = await this.GetReminder(name)
            ?? throw new InvalidOperationException($"Reminder {name} is not registered.");
        await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
