using Dua.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Dua.Silo.Hosting;

public static class SiloHostOptionsExtensions
{
    /// <summary>
    /// Registers <see cref="SiloHostOptions"/> with validation at start-up, and as a singleton, and returns the validated
    /// values, which the builder needs before the host exists (which clustering and storage providers to add).
    /// <c>Silo:GatewayPort</c>, the old name of <c>Silo:OrleansClientPort</c>, is still read, with a warning.
    /// </summary>
    public static SiloHostOptions AddSiloHostOptions(this IHostApplicationBuilder builder)
    {
        builder.AddRenamedSetting(
            $"{SiloHostOptions.SectionName}:GatewayPort", $"{SiloHostOptions.SectionName}:{nameof(SiloHostOptions.OrleansClientPort)}");
        var section = builder.Configuration.GetSection(SiloHostOptions.SectionName);
        var connectionString = builder.Configuration.GetConnectionString("Dua");

        builder.AddValidatedOptions<SiloHostOptions>(SiloHostOptions.SectionName)
            .Configure(o => o.ConnectionString = connectionString);

        var options = section.Get<SiloHostOptions>() ?? new SiloHostOptions();
        options.ConnectionString = connectionString;

        var result = new DataAnnotationValidateOptions<SiloHostOptions>(Options.DefaultName).Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SiloHostOptions), result.Failures);
        }

        builder.Services.AddSingleton(options);
        return options;
    }
}
