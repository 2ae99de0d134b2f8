using Dua.Contracts.V1;
using Dua.Security;
using Dua.Silo.Security;
using Google.Protobuf.Reflection;

namespace Dua.Silo.Tests;

/// <summary>The role table covers the whole contract, so no RPC is open or closed by accident.</summary>
public sealed class MethodPolicyTests
{
    private static readonly string[] ContractMethods = [.. Dua.Testing.Requests.ContractMethods.All];

    [Fact]
    public void Every_contract_method_has_an_entry_and_every_entry_a_method()
    {
        Assert.True(ContractMethods.Length >= 29, $"only {ContractMethods.Length} methods found in the descriptors");
        Assert.Equal(ContractMethods, MethodPolicy.AllowedRoles.Keys.Order(StringComparer.Ordinal));
        Assert.All(MethodPolicy.AllowedRoles, entry => Assert.NotEmpty(entry.Value));
    }

    [Fact]
    public void Writes_are_for_agencies_only()
    {
        // Every RPC whose request carries a request_id writes.
        var writes = typeof(AgreementService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", typeof(FileDescriptor))?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == "dua.v1")
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods.Where(m => m.InputType.FindFieldByName("request_id") is not null).Select(m => $"{s.FullName}/{m.Name}"))
            .ToArray();

        Assert.NotEmpty(writes);
        Assert.All(writes, method => Assert.Equal([Roles.Agency], MethodPolicy.AllowedRoles[method]));
    }

    [Fact]
    public void Regional_offices_may_read_summaries_reference_data_and_area_records_but_no_participant()
    {
        var allowed = ContractMethods.Where(m => MethodPolicy.Allows(Roles.RegionalOffice, m)).ToArray();
        Assert.All(allowed, m => Assert.Matches(
            "^dua\\.v1\\.((StatisticsService|RegionService|MunicipalityService)/.*|AgreementService/(Get|List)Agreements?|DialogueService/(Get|List)Dialogues?|LabourMarketService/(Get|List)MonthlyFigures)$", m));
        Assert.Contains("dua.v1.StatisticsService/GetRegionSummary", allowed);
        Assert.Contains("dua.v1.AgreementService/ListAgreements", allowed);
        Assert.DoesNotContain(allowed, m => m.StartsWith("dua.v1.ParticipantService/", StringComparison.Ordinal));
    }

    [Fact]
    public void Operations_alone_may_recount_and_never_write()
    {
        Assert.Equal([Roles.Operations], MethodPolicy.AllowedRoles["dua.v1.OperationsService/RecountRegion"]);
        Assert.False(MethodPolicy.Allows(Roles.Operations, "dua.v1.ParticipantService/EnrolParticipant"));
        Assert.True(MethodPolicy.Allows(Roles.Operations, "dua.v1.ParticipantService/GetParticipant"));
    }

    [Fact]
    public void A_method_missing_from_the_table_is_refused_to_everyone()
    {
        Assert.All(Roles.All, role => Assert.False(MethodPolicy.Allows(role, "dua.v1.AgreementService/DeleteEverything")));
    }
}
