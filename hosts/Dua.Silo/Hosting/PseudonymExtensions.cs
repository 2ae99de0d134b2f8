using Dua.Domain;
using Dua.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Dua.Silo.Hosting;

public static class PseudonymExtensions
{
    /// <summary>The pseudonym key (<c>Participants:PseudonymKey</c>), validated at start-up, and the pseudonymizer keyed with it.</summary>
    public static IHostApplicationBuilder AddParticipantPseudonyms(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PseudonymOptions>(PseudonymOptions.SectionName);
        builder.Services.AddSingleton(services => new Pseudonymizer(services.GetRequiredService<IOptions<PseudonymOptions>>().Value.KeyBytes()));
        return builder;
    }
}
