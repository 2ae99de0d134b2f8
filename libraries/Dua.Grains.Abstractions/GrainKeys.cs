namespace Dua.Grains.Abstractions;

/// <summary>
/// Builds the string keys of the platform's grains.
/// </summary>
/// <remarks>
/// Every key carries a non-hex prefix: Orleans may read a key made only of hex digits as an integer key
/// (dotnet/orleans#9706), so "0180" and "180" would load the same state. The prefix also keeps the
/// county code readable at the front of every key, which region-affinity placement relies on.
/// </remarks>
public static class GrainKeys
{
    public const string RegionPrefix = "region-";
    public const string MunicipalityPrefix = "municipality-";
    public const string AgreementPrefix = "agreement-";
    public const string CreateRequestPrefix = "create-request-";
    public const string ParticipantPrefix = "participant-";
    public const string PersonPrefix = "person-";
    public const string LabourMarketPrefix = "labour-market-";
    public const string RegionDialoguesPrefix = "dialogues-";
    public const string RegionStatisticsPrefix = "statistics-";

    public static string Region(string regionCode) => RegionPrefix + regionCode;

    public static string Municipality(string municipalityCode) => MunicipalityPrefix + municipalityCode;

    /// <summary>Agreement ids begin with their county's code ("21-5f3c9a1e2b7d4c08").</summary>
    public static string Agreement(string agreementId) => AgreementPrefix + agreementId;

    /// <summary>Participant ids begin with their agreement's id ("21-5f3c9a1e2b7d4c08-p000001").</summary>
    public static string Participant(string participantId) => ParticipantPrefix + participantId;

    /// <summary>A person by the keyed pseudonym of their personal identity number (64 hex digits).</summary>
    public static string Person(string pseudonym) => PersonPrefix + pseudonym;

    /// <summary>A create request's id (already validated: 1-100 of A-Z, a-z, 0-9, '.', '_', ':', '-').</summary>
    public static string CreateRequest(string requestId) => CreateRequestPrefix + requestId;

    /// <summary>One municipality's monthly labour-market figures ("labour-market-2184").</summary>
    public static string LabourMarket(string municipalityCode) => LabourMarketPrefix + municipalityCode;

    /// <summary>One county's dialogue conferences ("dialogues-21").</summary>
    public static string RegionDialogues(string regionCode) => RegionDialoguesPrefix + regionCode;

    /// <summary>One county's live aggregates ("statistics-21").</summary>
    public static string RegionStatistics(string regionCode) => RegionStatisticsPrefix + regionCode;
}
