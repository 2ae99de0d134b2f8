using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dua.ServiceDefaults;

public static class RenamedSettingExtensions
{
    /// <summary>
    /// Reads a setting under its old name as well, so that a deployment configured before the rename keeps working,
    /// and warns at start-up. Of the two names, the one set in the later configuration source wins, as for any setting
    /// (an environment variable over appsettings.json); in the same source, the new name. Call it before binding.
    /// </summary>
    public static IHostApplicationBuilder AddRenamedSetting(this IHostApplicationBuilder builder, string oldKey, string newKey)
    {
        if (builder.Configuration[oldKey] is null)
        {
            return builder;
        }

        var oldValue = NewestValue(builder.Configuration, oldKey, newKey);
        if (oldValue is not null)
        {
            builder.Configuration.AddInMemoryCollection([KeyValuePair.Create(newKey, (string?)oldValue)]);
        }

        builder.Services.AddSingleton(new RenamedSetting(oldKey, newKey, OldValueRead: oldValue is not null));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RenamedSettingsWarning>());
        return builder;
    }

    // The old name's value when the latest source that sets either name sets only the old one; else null.
    private static string? NewestValue(IConfiguration configuration, string oldKey, string newKey)
    {
        foreach (var provider in ((IConfigurationRoot)configuration).Providers.Reverse())
        {
            if (provider.TryGet(newKey, out _))
            {
                return null;
            }

            if (provider.TryGet(oldKey, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
