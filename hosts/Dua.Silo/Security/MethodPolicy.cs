using System.Collections.Frozen;
using Dua.Security;
using Grpc.Core;

namespace Dua.Silo.Security;

/// <summary>
/// Which roles may call which dua.v1 method, in one table keyed by the full method name. A method missing from the
/// table is refused to everyone, so a new RPC stays closed until someone decides who may call it (a test checks that
/// every method of the contracts has an entry). Areas are checked afterwards, where the resource is known.
/// </summary>
public static class MethodPolicy
{
    private static readonly string[] Anyone = [Roles.Agency, Roles.RegionalOffice, Roles.Operations];
    private static readonly string[] Writers = [Roles.Agency];
    private static readonly string[] Readers = [Roles.Agency, Roles.Operations];
    // Agreements, dialogues and labour-market figures are records about areas, not people: regional offices read
    // them for their counties. The one count of people in them (places taken per job track) is withheld from them.
    private static readonly string[] RecordReaders = [Roles.Agency, Roles.RegionalOffice, Roles.Operations];
    private static readonly string[] SummaryReaders = [Roles.Agency, Roles.RegionalOffice, Roles.Operations];
    private static readonly string[] Operators = [Roles.Operations];

    public static FrozenDictionary<string, string[]> AllowedRoles { get; } = new Dictionary<string, string[]>
    {
        // Reference data: public facts about Sweden.
        ["dua.v1.RegionService/ListRegions"] = Anyone,
        ["dua.v1.RegionService/GetRegion"] = Anyone,
        ["dua.v1.MunicipalityService/ListMunicipalities"] = Anyone,
        ["dua.v1.MunicipalityService/GetMunicipality"] = Anyone,

        ["dua.v1.AgreementService/CreateAgreement"] = Writers,
        ["dua.v1.AgreementService/GetAgreement"] = RecordReaders,
        ["dua.v1.AgreementService/ListAgreements"] = RecordReaders,
        ["dua.v1.AgreementService/AmendAgreement"] = Writers,
        ["dua.v1.AgreementService/AddJobTrack"] = Writers,
        ["dua.v1.AgreementService/UpdateJobTrack"] = Writers,
        ["dua.v1.AgreementService/CloseJobTrack"] = Writers,
        ["dua.v1.AgreementService/SignAgreement"] = Writers,
        ["dua.v1.AgreementService/EndAgreement"] = Writers,

        ["dua.v1.ParticipantService/EnrolParticipant"] = Writers,
        ["dua.v1.ParticipantService/RecordProgress"] = Writers,
        ["dua.v1.ParticipantService/GetParticipant"] = Readers,
        ["dua.v1.ParticipantService/ListParticipants"] = Readers,

        ["dua.v1.LabourMarketService/ReportMonthlyFigures"] = Writers,
        ["dua.v1.LabourMarketService/GetMonthlyFigures"] = RecordReaders,
        ["dua.v1.LabourMarketService/ListMonthlyFigures"] = RecordReaders,

        ["dua.v1.DialogueService/ScheduleDialogue"] = Writers,
        ["dua.v1.DialogueService/RecordDialogueOutcome"] = Writers,
        ["dua.v1.DialogueService/GetDialogue"] = RecordReaders,
        ["dua.v1.DialogueService/ListDialogues"] = RecordReaders,

        // Regional offices see small counts suppressed (StatisticsApi decides the disclosure by role).
        ["dua.v1.StatisticsService/GetRegionSummary"] = SummaryReaders,
        ["dua.v1.StatisticsService/GetMunicipalitySummary"] = SummaryReaders,
        ["dua.v1.StatisticsService/GetNationalSummary"] = SummaryReaders,
        ["dua.v1.StatisticsService/WatchRegionSummary"] = SummaryReaders,
        ["dua.v1.StatisticsService/GetRegionTrend"] = SummaryReaders,
        ["dua.v1.StatisticsService/GetMunicipalityTrend"] = SummaryReaders,
        ["dua.v1.StatisticsService/GetNationalTrend"] = SummaryReaders,

        ["dua.v1.OperationsService/RecountRegion"] = Operators,
        ["dua.v1.OperationsService/ListAuditEntries"] = Operators,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Allows(string role, string method) =>
        AllowedRoles.TryGetValue(method, out var roles) && roles.Contains(role, StringComparer.Ordinal);

    /// <summary>PERMISSION_DENIED unless the caller's role may call the method ("dua.v1.Service/Method").</summary>
    public static void RequireRole(Caller caller, string method)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Allows(caller.Role, method))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"role {caller.Role} may not call {method}"));
        }
    }
}
