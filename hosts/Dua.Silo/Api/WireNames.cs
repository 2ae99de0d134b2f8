using System.Text;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;

namespace Dua.Silo.Api;

/// <summary>
/// The dua.v1 names of what the domain names in its own terms when it refuses a request: the fields whose values
/// it refuses and the kinds of entity it does not find. The one table between the domain's words and the wire's.
/// </summary>
public static class WireNames
{
    /// <summary>Domain field → request field, as google.rpc.BadRequest names it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RequestKey.Field] = "request_id",
        [ValidityPeriod.ToField] = "valid_to",
        [AgreementTerms.FocusAreasField] = "focus_areas",
        [ProgressStep.OccurredOnField] = "occurred_on",
        [ProgressStep.Field] = "step",
    };

    /// <summary>Domain entity kind → resource type, as google.rpc.ResourceInfo names it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Resources = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AgreementSnapshot.Entity] = "dua.v1.Agreement",
        [JobTrack.Entity] = "dua.v1.JobTrack",
        [ParticipantSnapshot.Entity] = "dua.v1.Participant",
    };

    /// <summary>The request field a domain field stands for; one not in the table is taken as the field's lowerCamelCase name.</summary>
    public static string Field(string domainField) => Fields.GetValueOrDefault(domainField) ?? SnakeCase(domainField);

    /// <summary>The resource type a domain entity kind stands for; one not in the table is taken as the message's name.</summary>
    public static string Resource(string entity) => Resources.GetValueOrDefault(entity) ?? $"dua.v1.{entity}";

    private static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && snake.Length > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(c));
        }

        return snake.ToString();
    }
}
