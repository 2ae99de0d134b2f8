using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dua.ServiceDefaults;

/// <summary>Logs, as the host starts, each setting it found under an old name.</summary>
internal sealed class RenamedSettingsWarning(IEnumerable<RenamedSetting> settings, ILogger<RenamedSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var setting in settings)
        {
            logger.LogWarning("{Warning}", setting.Warning);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
